"""Lesson 1's experiment: a steady current step into the model cell, and its f-I curve."""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from explainer.content import i18n
from explainer.content.format import num
from explainer.content.lesson_descriptions import describe_current_step
from explainer.content.words import words_in
from explainer.figures.excitability import build_current_step_figure
from explainer.figures.style import FigureStyle
from explainer.model.experiments import excitability
from explainer.model.experiments.excitability import FICurve, current_step_run, fi_curve
from explainer.model.neuron import NeuronParams
from explainer.model.spikes import steady_rate_hz
from explainer.ui import presenter
from explainer.ui.charts import Chart, chart
from explainer.ui.course import Experiment, Values
from explainer.ui.widgets import Slider, slider_settings

WORDS = words_in(__package__)  # this lesson's words: words.toml beside this file

DEFAULTS = NeuronParams()
CURRENT_MAX_pA = 1000
T_REF_MIN_ms, T_REF_MAX_ms = 1, 10
RATE_DURATION_ms = 1000.0  # the steady rate read-out is measured over 1 s of model time

CURRENT = Slider(
    WORDS, "l1_current", lo=0, hi=CURRENT_MAX_pA, default=excitability.DEFAULT_CURRENT_pA,
    step=excitability.CURRENT_SLIDER_STEP_pA,
)  # fmt: skip
T_REF = Slider(WORDS, "l1_tref", lo=T_REF_MIN_ms, hi=T_REF_MAX_ms, default=round(DEFAULTS.t_ref_ms), step=1)


def params_for(t_ref_ms: float) -> NeuronParams:
    return replace(DEFAULTS, t_ref_ms=float(t_ref_ms))


@st.cache_data(max_entries=16, show_spinner=False)
def fi_for(t_ref_ms: float) -> FICurve:
    """The f-I curve for this refractory period (all currents simulated at once)."""
    return fi_curve(params_for(t_ref_ms))


@st.cache_resource(max_entries=128, show_spinner=False)
def view(
    current_pA: float, t_ref_ms: float, figure_style: FigureStyle, lang: str
) -> tuple[Chart, str, dict[str, float]]:
    """Chart, description and read-outs for one slider setting (shared by every session)."""
    with i18n.using(lang):
        params = params_for(t_ref_ms)
        run = current_step_run(params, current_pA)
        fi = fi_for(t_ref_ms)
        long_run = current_step_run(params, current_pA, duration_ms=RATE_DURATION_ms)
        readouts = {
            "v_inf_mV": params.E_L_mV + current_pA / params.g_L_nS,
            "rate_hz": steady_rate_hz(long_run.spike_times_ms),
            "rheobase_pA": params.rheobase_pA,
        }
        description = describe_current_step(run, fi)
        fig = build_current_step_figure(run, fi, figure_style=figure_style)
        return Chart(fig, WORDS.text("chart_alt", description=description)), description, readouts


def draw(values: Values) -> None:
    """The figure and its read-outs."""
    current, t_ref = values
    shown, description, r = view(float(current), float(t_ref), presenter.figure_style(), i18n.current())
    chart(
        shown.fig, "l1_chart", shown.alt, filename="meet-the-neuron", settings=slider_settings((CURRENT, T_REF), values)
    )
    m1, m2, m3 = st.columns(3)
    m1.metric(WORDS.text("metric_v_inf"), WORDS.text("metric_v_inf_value", v=num(r["v_inf_mV"], 1)))
    m2.metric(WORDS.text("metric_rate"), WORDS.text("metric_rate_value", rate=num(r["rate_hz"])))
    m3.metric(WORDS.text("metric_rheobase"), WORDS.text("metric_rheobase_value", current=num(r["rheobase_pA"])))
    st.markdown(WORDS.text("figure_shows", description=description))


CURRENT_STEP = Experiment(
    draw=draw,
    charts=lambda values, style: (view(float(values[0]), float(values[1]), style, i18n.current())[0],),
    sliders=(CURRENT, T_REF),
    presets={
        "below_threshold": {"l1_current": 190, "l1_tref": 2},
        "just_above_threshold": {"l1_current": 220, "l1_tref": 2},
        "strong_current": {"l1_current": 600, "l1_tref": 2},
        "long_refractory_period": {"l1_current": 600, "l1_tref": 8},
    },
    preset_key="l1_preset",
)
