"""Cached network views shared by the circuits and "blocked gate" pages.

``cache_resource``: a network second costs ~0.5 s of CPU; results and figures are shared read-only by
every session, so a class opening the same preset simulates it once.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import streamlit as st

from explainer.content.live_descriptions import describe_network_run
from explainer.content.words import words
from explainer.figures.network_view import RASTER_EXC_CELLS, RASTER_INH_CELLS, network_view_payload
from explainer.figures.style import FigureStyle
from explainer.figures.view_codec import view_id
from explainer.model.experiments.circuits import DISINHIBITION_SCALES, run_network
from explainer.model.network import NetworkParams
from explainer.model.spikes import NetworkStats

W = words("ui")  # the words: content/words/ui.toml
RASTER_CELLS = RASTER_EXC_CELLS + RASTER_INH_CELLS  # the cells the raster samples (at most)


@st.cache_resource(max_entries=64, show_spinner=False)
def network_view(
    params: NetworkParams, seed: int, figure_style: FigureStyle, calm: bool = False, export_name: str = "network"
) -> tuple[NetworkStats, bytes, str]:
    """Simulate, build the animated view's data (~13 KB) and the description (the run itself is cached
    separately, so switching presenter mode only rebuilds the view data)."""
    run, stats = network_run(params, seed)
    description = describe_network_run(stats, params)
    payload = network_view_payload(
        run,
        view_id=view_id(params, seed),
        figure_style=figure_style,
        alt=W.text("network_alt", cells=RASTER_CELLS, description=description),
        export_name=export_name,
        calm=calm,
    )
    return stats, payload, description


@st.cache_resource(max_entries=24, show_spinner=False)
def network_run(params: NetworkParams, seed: int):
    """One network second and its statistics (~0.5-0.8 s of CPU once, then shared by every session)."""
    return run_network(params, seed)


@st.cache_resource(max_entries=4, show_spinner=False)
def disinhibition_curve(seed: int):
    """E and I rates over the standard E->I scales (a few network seconds, computed once per seed).

    Each scale's run goes through :func:`network_run`, so the blocked-gate page's slider finds the same
    runs in the cache (and the curve those the slider made)."""
    stats = [network_run(replace(NetworkParams(), e_to_i_scale=float(s)), seed)[1] for s in DISINHIBITION_SCALES]
    return (
        np.asarray(DISINHIBITION_SCALES, dtype=float),
        np.asarray([run_stats.exc_rate_hz for run_stats in stats]),
        np.asarray([run_stats.inh_rate_hz for run_stats in stats]),
    )
