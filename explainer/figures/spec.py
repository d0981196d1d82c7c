"""A Plotly figure built directly as its JSON spec, for speed.

``plotly.graph_objects`` validates every property on construction: 3-35 ms for one lesson figure, against
a budget of 15 ms of server CPU for a whole rerun on a new setting (``tests/benchmarks/_bench.py``).  Builders
here write the figure spec as plain dicts and wrap it in :class:`FigureSpec`, which behaves as a
``go.Figure`` for ``to_dict``/``to_json``/``to_html`` (and so for ``st.plotly_chart``) without the
per-property work.  The test suite validates every builder's output once with the full
``go.Figure(spec)`` constructor, so an invalid property still fails a test.
"""

from __future__ import annotations

import plotly.graph_objects as go
import plotly.io as pio


class FigureSpec(go.Figure):
    """A figure whose data and layout are held as a plain spec dict (treat it as read-only)."""

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
