"""Cached network views shared by the circuits and "blocked gate" pages.

``cache_resource``: a network second costs ~0.5 s of CPU; results and figures are shared read-only by
every session, so a class opening the same preset simulates it once.
"""

from __future__ import annotations

import hashlib

import streamlit as st

from explainer.figures.animation_controls import start_at_last_frame
from explainer.figures.describe import describe_network_run
from explainer.figures.network import build_network_animation
from explainer.figures.spec import FigureSpec
from explainer.figures.style import FigureStyle
from explainer.model.analysis import NetworkStats
from explainer.model.network import NetworkParams
from explainer.model.network_scenarios import DISINHIBITION_SCALES, disinhibition_sweep, run_network


def view_id(params: NetworkParams, seed: int) -> str:
    """Short stable identifier of a network view (tags its figure for autoplay)."""
    return hashlib.sha1(repr((params, seed)).encode()).hexdigest()[:12]


@st.cache_resource(max_entries=24, show_spinner=False)
def network_view(
    params: NetworkParams, seed: int, figure_style: FigureStyle, calm: bool = False
) -> tuple[NetworkStats, FigureSpec, str]:
    """Simulate, build the animated figure and the description (the run itself is cached separately,
    so switching presenter mode only rebuilds the figure)."""
    run, stats = _network_run(params, seed)
    fig = build_network_animation(run, figure_style=figure_style, animation_id=view_id(params, seed))
    if calm:
        fig = FigureSpec(start_at_last_frame(fig.spec))
    return stats, fig, describe_network_run(stats, params)


@st.cache_resource(max_entries=24, show_spinner=False)
def _network_run(params: NetworkParams, seed: int):
    return run_network(params, seed)


@st.cache_resource(max_entries=4, show_spinner=False)
def disinhibition_curve(seed: int):
    """E and I rates over the standard E->I scales (a few network seconds, computed once per seed)."""
    return disinhibition_sweep(DISINHIBITION_SCALES, seed)
