"""Reduce motion: a sidebar toggle, kept in the URL, that the animated views honour together with the
browser's ``prefers-reduced-motion``: the final state, no autoplay, Play still works."""

from __future__ import annotations

import streamlit as st

from explainer.content.words import words
from explainer.ui.dom import REDUCE_MOTION_PARAM
from explainer.ui.widgets import url_toggle

W = words("ui")  # the words: content/words/ui.toml

REDUCE_MOTION_KEY = REDUCE_MOTION_PARAM  # the toggle's key is its name in the link


def reduce_motion_toggle() -> bool:
    """Sidebar toggle (kept in the URL): show final states instead of animating."""
    with st.sidebar:
        return bool(
            url_toggle(
                W.label(REDUCE_MOTION_KEY),
                False,
                key=REDUCE_MOTION_KEY,
                help=W.help(REDUCE_MOTION_KEY),
            )
        )


def reduce_motion() -> bool:
    return bool(st.session_state.get(REDUCE_MOTION_KEY, False))
