"""Circuits: a network of 800 excitatory and 200 inhibitory neurons, balanced, silent or running away."""

from __future__ import annotations

import math

import streamlit as st

from explainer.content.format import num
from explainer.content.live_descriptions import network_regime_name
from explainer.content.words import words
from explainer.model.experiments.circuits import DEFAULT_NETWORK_SEED
from explainer.model.network import NetworkParams
from explainer.ui import presenter
from explainer.ui.components.animated_view import animated_view
from explainer.ui.motion import reduce_motion
from explainer.ui.network_views import network_view
from explainer.ui.presets import preset_sliders, presets_from
from explainer.ui.widgets import Slider, url_number_input, url_toggle

WORDS = words("circuits")  # every word this page shows: content/words/circuits.toml
DEFAULTS = NetworkParams()
VIEW_KEY = "circuits_view"
SEED_MIN, SEED_MAX = 1, 9999

PRESETS = presets_from(
    WORDS,
    {
        "balanced": {"net_w_exc": 6.0, "net_w_inh": 67, "net_ext": 0, "net_kick": True},
        "silent": {"net_w_exc": 6.0, "net_w_inh": 67, "net_ext": 0, "net_kick": False},
        "weak_inhibition": {"net_w_exc": 6.0, "net_w_inh": 30, "net_ext": 0, "net_kick": True},
        "runaway": {"net_w_exc": 6.0, "net_w_inh": 0, "net_ext": 0, "net_kick": True},
    },
)


NET_W_EXC_SLIDER = Slider(WORDS, "net_w_exc", lo=0.0, hi=12.0, default=DEFAULTS.w_exc_nS, step=0.5)

NET_W_INH_SLIDER = Slider(WORDS, "net_w_inh", lo=0, hi=150, default=int(DEFAULTS.w_inh_nS), step=1)

NET_EXT_SLIDER = Slider(WORDS, "net_ext", lo=0, hi=2000, default=0, step=50)


def _controls() -> tuple[NetworkParams, int]:
    """Presets, the three sliders and, in a fourth column, the kick and the wiring seed."""
    row = preset_sliders(
        PRESETS,
        (NET_W_EXC_SLIDER, NET_W_INH_SLIDER, NET_EXT_SLIDER),
        key="net_preset",
        help_text=WORDS.text("presets_help"),
        tuck_label=WORDS.text("sliders_tuck"),
        widths=(1, 1, 1, 0.8),
    )
    w_exc, w_inh, ext = row.values
    with row.extra:
        kick = url_toggle(
            WORDS.label("net_kick"),
            True,
            key="net_kick",
            **row.deselect,
            help=WORDS.help("net_kick", kick_ms=num(DEFAULTS.kick_ms)),
        )
        seed = url_number_input(
            WORDS.label("net_seed"),
            SEED_MIN,
            SEED_MAX,
            DEFAULT_NETWORK_SEED,
            key="net_seed",
            help=WORDS.help("net_seed"),
        )
    params = NetworkParams(
        w_exc_nS=float(w_exc),
        w_inh_nS=float(w_inh),
        ext_rate_hz=float(ext),
        kick_ms=DEFAULTS.kick_ms if kick else 0.0,
    )
    return params, int(seed)


@st.fragment
def circuits() -> None:
    """Presenting, the view comes first (all of it on the projected screen), then presets and sliders."""
    view_area = st.container() if presenter.is_presenting() else None
    params, seed = _controls()
    view_area = view_area or st.container()
    name = f"circuits_exc{params.w_exc_nS:g}_inh{params.w_inh_nS:g}_ext{params.ext_rate_hz:g}_seed{seed}"
    with st.spinner(WORDS.text("simulating", n=DEFAULTS.n_cells)):
        stats, payload, description = network_view(params, seed, presenter.view_style(), reduce_motion(), name)
    with view_area:
        animated_view(payload, key=VIEW_KEY)
    m1, m2, m3, m4 = st.columns([1.7, 1, 1, 1])  # the regime's name ("balanced irregular") needs the room
    m1.metric(WORDS.text("metric_regime"), network_regime_name(stats, params))
    m2.metric(WORDS.text("metric_exc"), num(stats.exc_rate_hz, 1))
    m3.metric(WORDS.text("metric_inh"), num(stats.inh_rate_hz, 1))
    m4.metric(
        WORDS.text("metric_cv"),
        WORDS.text("metric_cv_none") if math.isnan(stats.exc_cv) else num(stats.exc_cv, 2),
        help=WORDS.text("metric_cv_help"),
    )
    st.markdown(WORDS.text("figure_shows", description=description))


def render() -> None:
    st.title(WORDS.text("title"))
    presenter.explain(
        WORDS.text(
            "intro",
            n_exc=DEFAULTS.n_exc,
            n_inh=DEFAULTS.n_inh,
            k_exc=round(DEFAULTS.p_connect * DEFAULTS.n_exc),
            k_inh=round(DEFAULTS.p_connect * DEFAULTS.n_inh),
        )
    )
    circuits()
    with st.expander(WORDS.text("leaves_out_title")):
        st.markdown(WORDS.text("leaves_out", n=DEFAULTS.n_cells))


if __name__ == "__main__":
    render()
