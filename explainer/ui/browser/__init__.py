"""The app's own browser code outside the components: scripts and style sheets as package files.

Streamlit runs a script given to ``st.html(..., unsafe_allow_javascript=True)`` (it re-creates every script
element, so ``document.currentScript`` is set) and puts a style-only ``st.html`` into its event container.
The files hold all the code; Python only chooses a file and passes data: a JSON data element placed just
before the script, which the script reads.  Style sheets read their sizes and colours from CSS custom
properties that :func:`css_variables` declares from Python constants (the palette stays in
``explainer/figures/style.py``).
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


def script(name: str, *args: object) -> str:
    """The script file ``name`` as an HTML script element, after a JSON data element holding ``args``, which
    the script reads (``document.currentScript.previousElementSibling``): no value is ever pasted into code,
    and "<" is escaped, so no value can close an element whatever it holds."""
    data = json.dumps(list(args), ensure_ascii=False).replace("<", "\\u003c")
    return f'<script type="application/json">{data}</script><script>\n{_text(name)}</script>'


def css_variables(values: dict[str, str]) -> str:
    """A style element declaring ``--ei-<name>: <value>`` on the document root, from Python constants."""
    for name, value in values.items():
        if not _NAME.match(name) or any(ch in str(value) for ch in ";{}<>"):
            raise ValueError(f"unsafe CSS variable {name!r}: {value!r}")
    body = " ".join(f"--ei-{name}: {value};" for name, value in values.items())
    return f"<style>:root {{ {body} }}</style>"
