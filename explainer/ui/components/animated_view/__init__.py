"""The animated view: the neuron or the network plays in one view that updates in place.

The component's identity is its ``key`` alone, so when a slider or a preset changes, Streamlit calls its
JavaScript again with the new data and the same DOM node redraws itself: play state, speed, time and scroll
position stay.  (A Plotly chart is remounted and drawn from scratch whenever its figure changes.)

Its browser side, under ``assets/``: ``index.js`` (entry, controls, playback), ``neuron.js`` and
``network.js`` (the two views), their pure parts (``codec.js`` reads the payload, ``layout.js`` places the
panels, ``geometry.js``, ``colour.js``, ``timing.js``), ``sound.js`` (WebAudio clicks in step with the spikes
shown), ``export.js`` (PNG) and ``style.css``.  Python sends one ``bytes`` payload per view, built by the pure
builders :mod:`explainer.figures.neuron_view` and :mod:`explainer.figures.network_view` and packed by
:mod:`explainer.figures.view_codec` (whose ``ViewHeader`` types its header).
"""

from __future__ import annotations

import re

from explainer.figures.view_codec import MAGIC
from explainer.ui.components import component_name, renderer

NAME = "animated_view"
COMPONENT_NAME = component_name(NAME)
_SAFE_KEY = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


def animated_view(payload: bytes, *, key: str) -> None:
    """Show (or update in place) the animated view ``key`` with ``payload`` from a view-data builder."""
    if not _SAFE_KEY.match(key):
        raise ValueError("the view's key must be a short identifier")
    if not isinstance(payload, bytes) or payload[: len(MAGIC)] != MAGIC:
        raise ValueError("animated_view takes the bytes of explainer.figures.view_codec.pack")
    renderer(NAME, isolate_styles=True)(key=key, data=payload, width="stretch", height="content")
