"""Circuits: a network of 800 excitatory and 200 inhibitory neurons, balanced, silent or running away."""

from __future__ import annotations

import streamlit as st

from explainer.content.words import words
from explainer.model.network import NetworkParams
from explainer.model.network_scenarios import DEFAULT_NETWORK_SEED
from explainer.ui import presenter
from explainer.ui.animated_view import animated_view, reduce_motion
from explainer.ui.network_views import network_view
from explainer.ui.presets import preset_selector, presets_from
from explainer.ui.widgets import Slider, url_number_input, url_toggle

WORDS = words("circuits")  # every word this page shows: content/words/circuits.toml
DEFAULTS = NetworkParams()
VIEW_KEY = "circuits_view"

PRESETS = presets_from(
    WORDS,
    {
        "balanced": {"net_w_exc": 6.0, "net_w_inh": 67, "net_ext": 0, "net_kick": True},
        "silent": {"net_w_exc": 6.0, "net_w_inh": 67, "net_ext": 0, "net_kick": False},
        "weak_inhibition": {"net_w_exc": 6.0, "net_w_inh": 30, "net_ext": 0, "net_kick": True},
        "runaway": {"net_w_exc": 6.0, "net_w_inh": 0, "net_ext": 0, "net_kick": True},
    },
)


NET_W_EXC_SLIDER = Slider(
    key="net_w_exc",
    label=WORDS.label("net_w_exc"),
    lo=0.0,
    hi=12.0,
    default=DEFAULTS.w_exc_nS,
    step=0.5,
    help=WORDS.help("net_w_exc"),
)

NET_W_INH_SLIDER = Slider(
    key="net_w_inh",
    label=WORDS.label("net_w_inh"),
    lo=0,
    hi=150,
    default=int(DEFAULTS.w_inh_nS),
    step=1,
    help=WORDS.help("net_w_inh"),
)

NET_EXT_SLIDER = Slider(
    key="net_ext",
    label=WORDS.label("net_ext"),
    lo=0,
    hi=2000,
    default=0,
    step=50,
    help=WORDS.help("net_ext"),
)


def _controls() -> tuple[NetworkParams, int]:
    clear = preset_selector(PRESETS, "net_preset", "One click sets the sliders to a prepared regime.")
    with presenter.tuck("Sliders: excitation, inhibition, drive, kick"):
        return _sliders(clear)


def _sliders(clear: dict) -> tuple[NetworkParams, int]:
    c1, c2, c3, c4 = st.columns([1, 1, 1, 0.8])
    with c1:
        w_exc = NET_W_EXC_SLIDER.show(**clear)
    with c2:
        w_inh = NET_W_INH_SLIDER.show(**clear)
    with c3:
        ext = NET_EXT_SLIDER.show(**clear)
    with c4:
        kick = url_toggle(
            "Kick at the start",
            True,
            key="net_kick",
            **clear,
            help="50 ms of external input at the start, enough to switch the network on.",
        )
        seed = url_number_input(
            "Network wiring (seed)",
            1,
            9999,
            DEFAULT_NETWORK_SEED,
            key="net_seed",
            help="Another number wires another random network with the same statistics.",
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
    with st.spinner("Simulating 1000 neurons for one second..."):
        stats, payload, description = network_view(params, seed, presenter.view_style(), reduce_motion(), name)
    with view_area:
        animated_view(payload, key=VIEW_KEY)
    m1, m2, m3, m4 = st.columns([1.7, 1, 1, 1])  # the regime's name ("balanced irregular") needs the room
    m1.metric("Regime", stats.regime)
    m2.metric("Excitatory cells (spikes/s)", f"{stats.exc_rate_hz:.1f}")
    m3.metric("Inhibitory cells (spikes/s)", f"{stats.inh_rate_hz:.1f}")
    m4.metric(
        "Irregularity (CV)",
        "–" if stats.exc_cv != stats.exc_cv else f"{stats.exc_cv:.2f}",
        help="Coefficient of variation of the gaps between a cell's spikes: 0 = clock-like, 1 = as irregular as "
        "a random (Poisson) train, above 1 = more irregular still, in bursts and pauses.",
    )
    st.markdown(f"**What the figure shows:** {description}")


def render() -> None:
    st.title("Circuits: balance, silence and runaway")
    presenter.explain(
        "One neuron cannot show balance; a network can. Here 800 excitatory (glutamate) and 200 inhibitory "
        "(GABA) model neurons are wired at random, each receiving about 64 excitatory and 16 inhibitory "
        "inputs (Vogels & Abbott 2005; Brette et al. 2007). A short kick starts them; then they drive "
        "each other. **Predict** before you move a slider: what happens if inhibition gets weaker?"
    )
    circuits()
    with st.expander("What this network leaves out"):
        st.markdown(
            "- Real cortex has many kinds of inhibitory interneurons (parvalbumin (PV), somatostatin (SST) and "
            "vasoactive intestinal peptide (VIP) cells, among "
            "others) with different targets; "
            "here all inhibitory cells are alike.\n"
            "- Connections here are random and fixed; real ones are structured and change with experience.\n"
            "- Each cell is a point with a threshold (integrate-and-fire), with no dendrites or spike shape.\n"
            "- 1000 cells stand in for the billions of a brain. A runaway here is a cartoon of a seizure-like "
            "state in a model network, not a model of a real seizure."
        )


if __name__ == "__main__":
    render()
