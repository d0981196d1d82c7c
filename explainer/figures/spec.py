"""A Plotly figure built directly as its JSON spec, for speed.

``plotly.graph_objects`` validates every property on construction; for an animated figure with a
hundred frames that costs 100-300 ms, far over the page-rerun budget (DESIGN.md section 9).  Builders
here write the figure spec as plain dicts and wrap it in :class:`FigureSpec`, which behaves as a
``go.Figure`` for ``to_dict``/``to_json``/``to_html`` (and so for ``st.plotly_chart``) without the
per-property work.  The test suite validates every builder's output once with the full
``go.Figure(spec)`` constructor, so an invalid property still fails a test.
"""

from __future__ import annotations

import base64

import numpy as np
import plotly.graph_objects as go
import plotly.io as pio


class FigureSpec(go.Figure):
    """A figure whose data, layout and frames are held as a plain spec dict (treat it as read-only)."""

    def __init__(self, spec: dict):
        super().__init__()
        self._spec = spec

    @property
    def spec(self) -> dict:
        return self._spec

    def to_dict(self) -> dict:
        return self._spec

    def to_plotly_json(self) -> dict:
        return self._spec

    def to_json(self, *args, **kwargs) -> str:
        kwargs.setdefault("validate", False)
        return pio.to_json(self._spec, *args, **kwargs)

    def validated(self) -> go.Figure:
        """The same figure through plotly's full validation (slow; for tests)."""
        return go.Figure(self._spec)


_TYPED_DTYPES = {"uint8": "u1", "int8": "i1", "uint16": "u2", "int16": "i2", "uint32": "u4", "int32": "i4"}
_TYPED_DTYPES |= {"float32": "f4", "float64": "f8"}


def typed_array(values: np.ndarray) -> dict:
    """``values`` as a plotly.js typed-array spec (base64 ``bdata`` with ``dtype`` and ``shape``).

    For large grids (a heatmap's ``z``): 1.3 bytes per uint8 cell instead of a JSON number, and no
    parsing of a long list in the browser.  plotly.js >= 2.28 and plotly.py >= 6 read this form.
    """
    a = np.asarray(values)
    if a.dtype.name not in _TYPED_DTYPES:
        raise ValueError(f"no typed-array form for dtype {a.dtype}")
    a = np.ascontiguousarray(a, dtype=a.dtype.newbyteorder("<"))  # typed arrays are little-endian
    return {
        "dtype": _TYPED_DTYPES[a.dtype.name],
        "bdata": base64.b64encode(a.tobytes()).decode("ascii"),
        "shape": ", ".join(str(n) for n in a.shape),
    }
