"""The app's page style sheets (pure CSS, package files): presenter mode's and the printable worksheet's.

``st.html`` given the path of a ``.css`` file puts it into a style element in the page's event container.  The
sheets read their sizes and colours from CSS custom properties that :func:`css_variables` declares from Python
constants (the colours stay in ``explainer/figures/style.py``), and select Streamlit's elements by the keys of
:mod:`explainer.ui.dom`.  The components' own style sheets live with them (``ui/components/<name>/assets``).
"""

from __future__ import annotations

import re
from pathlib import Path

SHEETS = Path(__file__).resolve().parent
_NAME = re.compile(r"^[a-z][a-z0-9-]*$")


def stylesheet(name: str) -> Path:
    """The path of a style sheet here, for ``st.html`` (which wraps a ``.css`` file in a style element)."""
    return SHEETS / name


def css_variables(values: dict[str, str]) -> str:
    """A style element declaring ``--ei-<name>: <value>`` on the document root, from Python constants."""
    for name, value in values.items():
        if not _NAME.match(name) or any(ch in str(value) for ch in ";{}<>"):
            raise ValueError(f"unsafe CSS variable {name!r}: {value!r}")
    body = " ".join(f"--ei-{name}: {value};" for name, value in values.items())
    return f"<style>:root {{ {body} }}</style>"


def css_string(markdown: str) -> str:
    """Markdown text as a CSS string (bold marks dropped), for a page-margin box's ``content``."""
    text = markdown.replace("**", "").replace("\\", "\\\\").replace('"', '\\"')
    return f'"{text}"'
