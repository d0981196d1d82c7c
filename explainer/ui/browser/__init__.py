"""The app's own browser code outside the components: scripts and style sheets as package files.

Streamlit runs a script given to ``st.html(..., unsafe_allow_javascript=True)`` and puts a style-only
``st.html`` into its event container (no room taken on the page).  The files here hold the code; Python only
chooses which file and passes data: each script file defines one ``window.ei...`` function, called with
JSON arguments, and style sheets read their sizes and colours from CSS custom properties that
:func:`css_variables` declares from Python constants (the palette stays in ``explainer/figures/style.py``).
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources
from pathlib import Path

ASSETS = Path(__file__).resolve().parent
_NAME = re.compile(r"^[a-z][a-z0-9-]*$")


@cache
def _text(name: str) -> str:
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


def stylesheet(name: str) -> Path:
    """The path of a style sheet here, for ``st.html`` (which wraps a ``.css`` file in a style element)."""
    return ASSETS / name


def script(name: str, function: str, *args: object) -> str:
    """An HTML script element: the file ``name`` (which defines ``window.<function>``), then one call of it
    with ``args`` as JSON (so no value is ever pasted into code)."""
    if not re.fullmatch(r"ei[A-Za-z]+", function):
        raise ValueError(f"not one of our functions: {function!r}")
    # "<" escaped, so no value can close the script element ("</script>") whatever it holds
    call = ", ".join(json.dumps(a, ensure_ascii=False).replace("<", "\\u003c") for a in args)
    return f"<script>\n{_text(name)}\nwindow.{function}({call});\n</script>"


def css_variables(values: dict[str, str]) -> str:
    """A style element declaring ``--ei-<name>: <value>`` on the document root, from Python constants."""
    for name, value in values.items():
        if not _NAME.match(name) or any(ch in str(value) for ch in ";{}<>"):
            raise ValueError(f"unsafe CSS variable {name!r}: {value!r}")
    body = " ".join(f"--ei-{name}: {value};" for name, value in values.items())
    return f"<style>:root {{ {body} }}</style>"
