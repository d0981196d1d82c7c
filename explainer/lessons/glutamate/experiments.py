"""Lesson 2's experiments: one glutamate spike (AMPA fast, NMDA slow), the Mg2+ block, and summation."""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from explainer.content import i18n
from explainer.content.format import num
from explainer.content.lesson_descriptions import describe_nmda_block, describe_single_epsp, describe_summation
from explainer.content.words import words_in
from explainer.figures.style import FigureStyle
from explainer.figures.synapses import build_nmda_block_figure, build_single_epsp_figure, build_summation_figure
from explainer.model.experiments import synapses
from explainer.model.experiments.synapses import nmda_coincidence, single_epsp, summation
from explainer.model.neuron import NeuronParams
from explainer.ui import presenter
from explainer.ui.charts import Chart, chart
from explainer.ui.course import Experiment, Values
from explainer.ui.widgets import Slider, slider_settings

WORDS = words_in(__package__)  # this lesson's words: words.toml beside this file
DEFAULTS = NeuronParams()

HOLD = Slider(WORDS, "l2_hold", lo=-80, hi=-20, default=round(synapses.NMDA_HOLD_DEFAULT_mV), step=5)
MG = Slider(WORDS, "l2_mg", lo=0.0, hi=2.0, default=DEFAULTS.mg_mM, step=0.1)
SYNAPSES = Slider(WORDS, "l2_synapses", lo=1, hi=60, default=synapses.SUMMATION_SYNAPSES, step=1)
VOLLEYS = Slider(WORDS, "l2_volleys", lo=1, hi=6, default=synapses.SUMMATION_VOLLEYS, step=1)
INTERVAL = Slider(WORDS, "l2_interval", lo=2, hi=50, default=round(synapses.SUMMATION_INTERVAL_ms), step=1)


@st.cache_resource(max_entries=4, show_spinner=False)
def epsp_view(figure_style: FigureStyle, lang: str) -> tuple[Chart, str]:
    with i18n.using(lang):
        epsp = single_epsp(DEFAULTS)
        description = describe_single_epsp(epsp)
        fig = build_single_epsp_figure(epsp, figure_style=figure_style)
        return Chart(fig, WORDS.text("epsp_alt", description=description)), description


@st.cache_resource(max_entries=128, show_spinner=False)
def nmda_view(
    hold_mV: float, mg_mM: float, figure_style: FigureStyle, lang: str
) -> tuple[Chart, str, dict[str, float]]:
    with i18n.using(lang):
        result = nmda_coincidence(replace(DEFAULTS, mg_mM=mg_mM), hold_mV)
        readouts = {"rest_mV": result.at_rest.peak_mV, "depol_mV": result.depolarised.peak_mV, "ratio": result.ratio}
        description = describe_nmda_block(result, mg_mM)
        fig = build_nmda_block_figure(result, mg_mM, figure_style=figure_style)
        return Chart(fig, WORDS.text("mg_alt", description=description)), description, readouts


@st.cache_resource(max_entries=256, show_spinner=False)
def summation_view(
    n_synapses: int, n_volleys: int, interval_ms: float, figure_style: FigureStyle, lang: str
) -> tuple[Chart, str, dict[str, float]]:
    with i18n.using(lang):
        result = summation(DEFAULTS, n_synapses=n_synapses, interval_ms=interval_ms, n_volleys=n_volleys)
        readouts = {"peak_mV": result.peak_mV, "spikes": float(result.run.spike_times_ms.size)}
        description = describe_summation(result, interval_ms)
        fig = build_summation_figure(result, figure_style=figure_style)
        return Chart(fig, WORDS.text("summation_alt", description=description)), description, readouts


def draw_epsp(values: Values) -> None:
    shown, _ = epsp_view(presenter.figure_style(), i18n.current())
    chart(shown.fig, "l2_epsp_chart", shown.alt)


def draw_mg(values: Values) -> None:
    """The same NMDA input at rest and at the holding potential the student chooses."""
    hold, mg = values
    shown, description, r = nmda_view(float(hold), float(mg), presenter.figure_style(), i18n.current())
    chart(shown.fig, "l2_mg_chart", shown.alt, settings=slider_settings((HOLD, MG), values))
    m1, m2, m3 = st.columns(3)
    rest = WORDS.text("metric_epsp_rest", v=num(DEFAULTS.E_L_mV))
    m1.metric(rest, WORDS.text("metric_epsp_value", v=num(r["rest_mV"], 2)))
    m2.metric(WORDS.text("metric_epsp_held", v=num(hold)), WORDS.text("metric_epsp_value", v=num(r["depol_mV"], 2)))
    m3.metric(WORDS.text("metric_ratio"), WORDS.text("metric_ratio_value", ratio=num(r["ratio"], 1)))
    st.markdown(WORDS.text("figure_shows", description=description))


def draw_summation(values: Values) -> None:
    """Spatial and temporal summation: synapses per volley, number of volleys, time between them."""
    n_syn, volleys, interval = values
    shown, description, r = summation_view(
        int(n_syn), int(volleys), float(interval), presenter.figure_style(), i18n.current()
    )
    chart(shown.fig, "l2_sum_chart", shown.alt, settings=slider_settings((SYNAPSES, VOLLEYS, INTERVAL), values))
    m1, m2 = st.columns(2)
    # once it fires, V's highest point is the drawn spike, not a summed EPSP: say what happened instead
    peak = WORDS.text("metric_peak_fired") if r["spikes"] else WORDS.text("metric_peak_value", v=num(r["peak_mV"], 1))
    m1.metric(WORDS.text("metric_peak"), peak)
    m2.metric(WORDS.text("metric_spikes"), f"{int(r['spikes'])}")
    st.markdown(WORDS.text("figure_shows", description=description))


ONE_SPIKE = Experiment(draw=draw_epsp, charts=lambda values, style: (epsp_view(style, i18n.current())[0],))
MG_BLOCK = Experiment(
    draw=draw_mg,
    charts=lambda values, style: (nmda_view(float(values[0]), float(values[1]), style, i18n.current())[0],),
    sliders=(HOLD, MG),
    presets={
        "rest_vs_depolarised": {"l2_hold": -40, "l2_mg": 1.0},
        "no_magnesium": {"l2_hold": -40, "l2_mg": 0.0},
        "strongly_depolarised": {"l2_hold": -20, "l2_mg": 1.0},
    },
    preset_key="l2_mg_preset",
)
SUMMATION = Experiment(
    draw=draw_summation,
    charts=lambda values, style: (
        summation_view(int(values[0]), int(values[1]), float(values[2]), style, i18n.current())[0],
    ),
    sliders=(SYNAPSES, VOLLEYS, INTERVAL),
    presets={
        "one_synapse": {"l2_synapses": 1, "l2_volleys": 1, "l2_interval": 5},
        "spatial_summation": {"l2_synapses": 50, "l2_volleys": 1, "l2_interval": 5},
        "temporal_summation": {"l2_synapses": 15, "l2_volleys": 4, "l2_interval": 5},
        "too_far_apart": {"l2_synapses": 15, "l2_volleys": 4, "l2_interval": 40},
    },
    preset_key="l2_sum_preset",
)
