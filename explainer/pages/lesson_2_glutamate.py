"""Lesson 2, glutamate: key and gate, AMPA fast and NMDA slow, the Mg2+ block, summation."""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from explainer.content import numbers as text_numbers
from explainer.content.format import num
from explainer.content.lesson_descriptions import describe_nmda_block, describe_single_epsp, describe_summation
from explainer.content.parse import load_lesson
from explainer.content.words import words
from explainer.figures.spec import FigureSpec
from explainer.figures.style import FigureStyle
from explainer.figures.synapses import build_nmda_block_figure, build_single_epsp_figure, build_summation_figure
from explainer.model.experiments import synapses
from explainer.model.experiments.synapses import (
    NMDA_HOLD_DEFAULT_mV,
    nmda_coincidence,
    single_epsp,
    summation,
)
from explainer.model.neuron import NeuronParams
from explainer.ui import lesson, presenter
from explainer.ui.presets import preset_sliders, presets_from
from explainer.ui.widgets import Slider

WORDS = words("lesson_2_glutamate")  # every word this page shows: content/words/lesson_2_glutamate.toml
SLUG = "glutamate"
DEFAULTS = NeuronParams()

HOLD_MIN_mV, HOLD_MAX_mV, HOLD_STEP_mV = -80, -20, 5
MG_MAX_mM = 2.0
SYNAPSES_MAX = 60
VOLLEYS_MAX = 6
INTERVAL_MIN_ms, INTERVAL_MAX_ms = 2, 50
DEFAULT_SYNAPSES = synapses.SUMMATION_SYNAPSES
DEFAULT_VOLLEYS = synapses.SUMMATION_VOLLEYS
DEFAULT_INTERVAL_ms = round(synapses.SUMMATION_INTERVAL_ms)

MG_PRESETS = presets_from(
    WORDS,
    {
        "rest_vs_depolarised": {"l2_hold": -40, "l2_mg": 1.0},
        "no_magnesium": {"l2_hold": -40, "l2_mg": 0.0},
        "strongly_depolarised": {"l2_hold": -20, "l2_mg": 1.0},
    },
)
SUM_PRESETS = presets_from(
    WORDS,
    {
        "one_synapse": {"l2_synapses": 1, "l2_volleys": 1, "l2_interval": 5},
        "spatial_summation": {"l2_synapses": 50, "l2_volleys": 1, "l2_interval": 5},
        "temporal_summation": {"l2_synapses": 15, "l2_volleys": 4, "l2_interval": 5},
        "too_far_apart": {"l2_synapses": 15, "l2_volleys": 4, "l2_interval": 40},
    },
)


L2_HOLD_SLIDER = Slider(
    key="l2_hold",
    label=WORDS.label("l2_hold"),
    lo=HOLD_MIN_mV,
    hi=HOLD_MAX_mV,
    default=round(NMDA_HOLD_DEFAULT_mV),
    step=HOLD_STEP_mV,
    help=WORDS.help("l2_hold"),
)

L2_MG_SLIDER = Slider(
    key="l2_mg",
    label=WORDS.label("l2_mg"),
    lo=0.0,
    hi=MG_MAX_mM,
    default=DEFAULTS.mg_mM,
    step=0.1,
    help=WORDS.help("l2_mg"),
)

L2_SYNAPSES_SLIDER = Slider(
    key="l2_synapses",
    label=WORDS.label("l2_synapses"),
    lo=1,
    hi=SYNAPSES_MAX,
    default=DEFAULT_SYNAPSES,
    step=1,
    help=WORDS.help("l2_synapses"),
)

L2_VOLLEYS_SLIDER = Slider(
    key="l2_volleys",
    label=WORDS.label("l2_volleys"),
    lo=1,
    hi=VOLLEYS_MAX,
    default=DEFAULT_VOLLEYS,
    step=1,
    help=WORDS.help("l2_volleys"),
)

L2_INTERVAL_SLIDER = Slider(
    key="l2_interval",
    label=WORDS.label("l2_interval"),
    lo=INTERVAL_MIN_ms,
    hi=INTERVAL_MAX_ms,
    default=DEFAULT_INTERVAL_ms,
    step=1,
    help=WORDS.help("l2_interval"),
)


@st.cache_resource(max_entries=4, show_spinner=False)
def epsp_view(figure_style: FigureStyle) -> tuple[FigureSpec, str]:
    epsp = single_epsp(DEFAULTS)
    return build_single_epsp_figure(epsp, figure_style=figure_style), describe_single_epsp(epsp)


@st.cache_resource(max_entries=128, show_spinner=False)
def nmda_view(hold_mV: float, mg_mM: float, figure_style: FigureStyle) -> tuple[FigureSpec, str, dict[str, float]]:
    result = nmda_coincidence(replace(DEFAULTS, mg_mM=mg_mM), hold_mV)
    readouts = {
        "rest_mV": result.at_rest.peak_mV,
        "depol_mV": result.depolarised.peak_mV,
        "ratio": result.ratio,
        "block_rest": result.block_at_rest,
        "block_depol": result.block_depolarised,
    }
    fig = build_nmda_block_figure(result, mg_mM, figure_style=figure_style)
    return fig, describe_nmda_block(result, mg_mM), readouts


@st.cache_resource(max_entries=256, show_spinner=False)
def summation_view(
    n_synapses: int, n_volleys: int, interval_ms: float, figure_style: FigureStyle
) -> tuple[FigureSpec, str, dict[str, float]]:
    result = summation(DEFAULTS, n_synapses=n_synapses, interval_ms=interval_ms, n_volleys=n_volleys)
    readouts = {"peak_mV": result.peak_mV, "spikes": float(result.run.spike_times_ms.size)}
    fig = build_summation_figure(result, figure_style=figure_style)
    return fig, describe_summation(result, interval_ms), readouts


numbers = text_numbers.synapses_lesson  # every number this page's text quotes


@st.fragment
def mg_experiment() -> None:
    """The Mg2+ block: the same NMDA input at rest and at a holding potential the student chooses."""
    hold, mg = preset_sliders(
        MG_PRESETS,
        (
            L2_HOLD_SLIDER,
            L2_MG_SLIDER,
        ),
        key="l2_mg_preset",
    ).values
    at_predicted = hold == L2_HOLD_SLIDER.default and mg == L2_MG_SLIDER.default
    lesson.away_from_prediction(load_lesson(SLUG), at_predicted, numbers())
    fig, description, r = nmda_view(float(hold), float(mg), presenter.figure_style())
    lesson.chart(fig, "l2_mg_chart", WORDS.text("mg_alt", description=description))
    m1, m2, m3 = st.columns(3)
    m1.metric(
        WORDS.text("metric_epsp_rest", v=num(DEFAULTS.E_L_mV)), WORDS.text("metric_epsp_value", v=num(r["rest_mV"], 2))
    )
    m2.metric(WORDS.text("metric_epsp_held", v=num(hold)), WORDS.text("metric_epsp_value", v=num(r["depol_mV"], 2)))
    m3.metric(WORDS.text("metric_ratio"), WORDS.text("metric_ratio_value", ratio=num(r["ratio"], 1)))
    st.markdown(WORDS.text("figure_shows", description=description))


@st.fragment
def summation_experiment() -> None:
    """Spatial and temporal summation: synapses per volley, number of volleys, time between them."""
    n_syn, volleys, interval = preset_sliders(
        SUM_PRESETS,
        (
            L2_SYNAPSES_SLIDER,
            L2_VOLLEYS_SLIDER,
            L2_INTERVAL_SLIDER,
        ),
        key="l2_sum_preset",
    ).values
    fig, description, r = summation_view(int(n_syn), int(volleys), float(interval), presenter.figure_style())
    lesson.chart(fig, "l2_sum_chart", WORDS.text("summation_alt", description=description))
    m1, m2 = st.columns(2)
    # once it fires, V's highest point is the drawn spike, not a summed EPSP: say what happened instead
    peak = WORDS.text("metric_peak_fired") if r["spikes"] else WORDS.text("metric_peak_value", v=num(r["peak_mV"], 1))
    m1.metric(WORDS.text("metric_peak"), peak)
    m2.metric(WORDS.text("metric_spikes"), f"{int(r['spikes'])}")
    st.markdown(WORDS.text("figure_shows", description=description))


def render() -> None:
    text = load_lesson(SLUG)
    nums = numbers()
    lesson.header(text, WORDS.text("step"))
    lesson.goal(text, nums)
    lesson.prose(text, "text:intro", nums)
    st.header(WORDS.text("heading_one_spike"))
    fig, description = epsp_view(presenter.figure_style())
    lesson.chart(fig, "l2_epsp_chart", WORDS.text("epsp_alt", description=description))
    lesson.prose(text, "text:one_spike", nums)
    st.header(WORDS.text("heading_mg"))
    choice = lesson.predict(text, "predict:mg", key="l2_predict", numbers=nums)
    if choice is None:
        lesson.waiting_for_prediction()
        return
    mg_experiment()
    lesson.prediction_feedback(text, "predict:mg", choice, nums)
    lesson.explain(text, "explain:mg", nums)
    st.header(WORDS.text("heading_summation"))
    lesson.prose(text, "text:summation", nums)
    summation_experiment()
    lesson.explain(text, "explain:summation", nums)
    lesson.check(text, "check:key", key="l2_check_1", numbers=nums)
    lesson.check(text, "check:coincidence", key="l2_check_2", numbers=nums)
    lesson.try_this(text, "try", nums)


if __name__ == "__main__":
    render()
