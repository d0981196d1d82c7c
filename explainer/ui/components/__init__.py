"""The app's browser components, every one in one shape (``st.components.v2``, Streamlit >= 1.51).

``components/<name>/`` holds

- ``__init__.py``: the Python side, one mount function whose data has a declared type (a ``TypedDict``; the
  JavaScript declares the same fields in a JSDoc ``@typedef`` of the same name, which a test compares);
- ``assets/index.js``: an ES module whose default export Streamlit calls with ``{data, parentElement,
  setStateValue, ...}`` on every run that sends new data, and which returns a cleanup function;
- ``assets/style.css``: the component's style sheet.

Each is declared in ``pyproject.toml`` (``[[tool.streamlit.component.components]]``, ``asset_dir`` =
``ui/components/<name>/assets``, and in the package data); Streamlit serves the files from
``/_stcore/bidi-components/explainer.<name>/``.  Python passes data only: no script is ever assembled in Python.

How Streamlit 1.67's frontend calls a component (``BidiComponent`` in its bundled ``static/js``): the module's
function runs again for every new data on the same ``parentElement``; the cleanup of the last run is called when
the element leaves the page (its ``parentElement`` already detached); and a run that new data overtook while it
was loading is still called, and its cleanup at once, while the element stays.  So each component keeps its
state per ``parentElement`` (or, for what lives once per tab, in module scope) and tears down only when its
``parentElement`` is no longer in the document.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

import streamlit as st

PROJECT = "explainer"  # the [project] name in pyproject.toml: components are named "<project>.<component>"
ENTRY = "index.js"
STYLE = "style.css"


def component_name(name: str) -> str:
    """The name Streamlit knows the component ``name`` by (and serves its files under)."""
    return f"{PROJECT}.{name}"


@cache
def renderer(name: str, *, isolate_styles: bool) -> Callable[..., Any]:
    """The mount callable of the component ``name``, registered on first use: its files are found through the
    package's manifest, which Streamlit reads when its runtime starts (a bare import outside ``streamlit run``
    has none).  ``isolate_styles=False`` puts the component's style sheet in the page itself (for one that
    styles or hides elements outside its own)."""
    return st.components.v2.component(component_name(name), js=ENTRY, css=STYLE, isolate_styles=isolate_styles)


def mount_hidden(name: str, *, key: str, data: object, **callbacks: Callable[[], None]) -> Any:
    """Mount a component that shows nothing (its style sheet hides its element container by ``key``), and
    return what its JavaScript set (``ComponentResult``)."""
    return renderer(name, isolate_styles=False)(key=key, data=data, height="content", **callbacks)
