"""How wide the page's main column is, measured in the browser: the static charts lay themselves out for it
(two panels side by side, or stacked on a narrow screen), whatever the device.

Streamlit does not tell the server the browser's width.  This component, which shows nothing, measures the
main column (a ``ResizeObserver``, ``assets/index.js``) and sends whether it is narrower than
:data:`NARROW_BELOW_PX`; a change reruns the page, so a phone, a narrow laptop window and a window made narrow
all get stacked charts.  Until the browser has answered (a session's first run), the request's User-Agent
guesses (:func:`explainer.ui.device.is_phone`).
"""

from __future__ import annotations

from typing import TypedDict

import streamlit as st

from explainer.figures.style import WIDE_MIN_PX
from explainer.ui import device
from explainer.ui.components import mount_hidden
from explainer.ui.dom import VIEWPORT_KEY

NAME = "viewport"
# Below this width of the main column, two-panel charts stack (the animated views switch at the same width).
NARROW_BELOW_PX = WIDE_MIN_PX


class ViewportData(TypedDict):
    """What the server lays out for now, and the width below which the main column counts as narrow."""

    narrow: bool
    narrow_below_px: int


def measure() -> None:
    """Mount the component once per run (in the sidebar: the page's own elements never move)."""
    with st.sidebar:
        mount_hidden(
            NAME,
            key=VIEWPORT_KEY,
            data=ViewportData(narrow=is_narrow(), narrow_below_px=NARROW_BELOW_PX),
            on_narrow_change=lambda: None,
        )


def is_narrow() -> bool:
    """True when the charts should stack: as the browser measured it, or, before it has, as the device guesses."""
    measured = st.session_state.get(VIEWPORT_KEY)
    narrow = getattr(measured, "narrow", None) if measured is not None else None
    return narrow if isinstance(narrow, bool) else device.is_phone()
