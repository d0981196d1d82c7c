"""The animated-view component: the neuron and the network play in one view that updates in place.

Built on ``st.components.v2`` (Streamlit >= 1.51): the component's identity is its ``key`` alone, so
when a slider or a preset changes, Streamlit calls the component's JavaScript again with the new data
and the same DOM node redraws itself: play state, speed, time and scroll position stay.  (A Plotly
chart is remounted and drawn from scratch whenever its figure changes.)

The JavaScript and CSS are package files under ``assets/`` (declared as the component's ``asset_dir`` in
``pyproject.toml``, served by Streamlit from ``/_stcore/bidi-components/explainer.animated_view/``):
``index.js`` (entry, controls, playback), ``neuron.js`` and ``network.js`` (the two views), ``sound.js``
(WebAudio clicks in step with the spikes shown), ``export.js`` (PNG), ``view.css``.  Python sends one
``bytes`` payload per view, built by the pure builders :mod:`explainer.figures.neuron_view` and
:mod:`explainer.figures.network_view`.

Also here: the "Reduce motion" choice (sidebar toggle, kept in the URL), which the views honour
together with the browser's ``prefers-reduced-motion``: final state, no autoplay, Play still works.
"""

from __future__ import annotations

import re
from functools import cache

import streamlit as st

from explainer.content.words import words
from explainer.ui.widgets import url_toggle

W = words("ui")  # the words: content/words/ui.toml

COMPONENT_NAME = "explainer.animated_view"  # "<project name>.<component name in pyproject.toml>"
REDUCE_MOTION_KEY = "calm"
_SAFE_KEY = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


@cache
def _component():
    """Register the component on first use: its files are found through the package's manifest, which
    Streamlit reads when its runtime starts (a bare ``import`` outside ``streamlit run`` has none)."""
    return st.components.v2.component(COMPONENT_NAME, js="index.js", css="view.css")


def animated_view(payload: bytes, *, key: str) -> None:
    """Show (or update in place) the animated view ``key`` with ``payload`` from a view-data builder."""
    if not _SAFE_KEY.match(key):
        raise ValueError("the view's key must be a short identifier")
    if not isinstance(payload, bytes) or payload[:4] != b"EIV1":
        raise ValueError("animated_view takes the bytes of explainer.figures.view_codec.pack")
    _component()(key=key, data=payload, width="stretch", height="content")


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
