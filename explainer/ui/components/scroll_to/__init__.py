"""Scroll the page to an element once: a phone that followed its teacher to a question lands on that question.

A component that shows nothing (``assets/index.js``).  It scrolls the first element with the given class into view
(its top just below Streamlit's header) once per ``nonce``: the same request mounted again on a later run (the
student answering, a poll) never moves the page, and a new move of the teacher (a new nonce) does.  The element
may appear only after the page has settled (a lesson draws its parts one by one): it is looked for until
:data:`SETTLE_MS` after mounting, and the page is held at it while the content above it still changes size,
until the reader scrolls, clicks or types.
"""

from __future__ import annotations

from typing import TypedDict

import streamlit as st

from explainer.ui import dom
from explainer.ui.components import mount_hidden

NAME = "scroll_to"
SETTLE_MS = 6000


class ScrollToData(TypedDict):
    """Which element to bring into view, and the request's number (one scroll per number)."""

    target_class: str
    nonce: int
    settle_ms: int


def scroll_to(target_class: str, nonce: int) -> None:
    """Bring the element with class ``target_class`` into view, once for this ``nonce``."""
    with st.sidebar:
        mount_hidden(NAME, key=dom.SCROLL_TO_KEY, data=ScrollToData(target_class=target_class, nonce=nonce,
                                                                     settle_ms=SETTLE_MS))  # fmt: skip
