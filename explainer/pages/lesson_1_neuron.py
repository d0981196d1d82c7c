"""Lesson 1, meet the neuron: threshold, all-or-none spikes, the refractory period and the f-I curve."""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from explainer.content import numbers as text_numbers
from explainer.content.format import num
from explainer.content.lesson_descriptions import describe_current_step
from explainer.content.parse import load_lesson
from explainer.content.words import words
from explainer.figures.excitability import build_current_step_figure
from explainer.figures.spec import FigureSpec
from explainer.figures.style import FigureStyle
from explainer.model.experiments import excitability
from explainer.model.experiments.excitability import FICurve, current_step_run, fi_curve
from explainer.model.neuron import NeuronParams
from explainer.model.spikes import steady_rate_hz
from explainer.ui import lesson, presenter
from explainer.ui.presets import preset_sliders, presets_from
from explainer.ui.widgets import Slider

WORDS = words("lesson_1_neuron")  # every word this page shows: content/words/lesson_1_neuron.toml
SLUG = "meet_the_neuron"
DEFAULTS = NeuronParams()

CURRENT_MAX_pA = 1000
CURRENT_STEP_pA = excitability.CURRENT_SLIDER_STEP_pA
DEFAULT_CURRENT_pA = excitability.DEFAULT_CURRENT_pA
T_REF_MIN_ms = 1
T_REF_MAX_ms = 10
RATE_DURATION_ms = 1000.0  # the steady rate read-out is measured over 1 s of model time

PRESETS = presets_from(
    WORDS,
    {
        "below_threshold": {"l1_current": 190, "l1_tref": 2},
        "just_above_threshold": {"l1_current": 220, "l1_tref": 2},
        "strong_current": {"l1_current": 600, "l1_tref": 2},
        "long_refractory_period": {"l1_current": 600, "l1_tref": 8},
    },
)


L1_CURRENT_SLIDER = Slider(
    key="l1_current",
    label=WORDS.label("l1_current"),
    lo=0,
    hi=CURRENT_MAX_pA,
    default=DEFAULT_CURRENT_pA,
    step=CURRENT_STEP_pA,
    help=WORDS.help("l1_current"),
)

L1_TREF_SLIDER = Slider(
    key="l1_tref",
    label=WORDS.label("l1_tref"),
    lo=T_REF_MIN_ms,
    hi=T_REF_MAX_ms,
    default=round(DEFAULTS.t_ref_ms),
    step=1,
    help=WORDS.help("l1_tref"),
)


def params_for(t_ref_ms: float) -> NeuronParams:
    return replace(DEFAULTS, t_ref_ms=float(t_ref_ms))


@st.cache_data(max_entries=16, show_spinner=False)
def fi_for(t_ref_ms: float) -> FICurve:
    """The f-I curve for this refractory period (all currents simulated at once)."""
    return fi_curve(params_for(t_ref_ms))


@st.cache_resource(max_entries=128, show_spinner=False)
def view(current_pA: float, t_ref_ms: float, figure_style: FigureStyle) -> tuple[FigureSpec, str, dict[str, float]]:
    """Figure, description and read-outs for one slider setting (shared by every session)."""
    params = params_for(t_ref_ms)
    run = current_step_run(params, current_pA)
    fi = fi_for(t_ref_ms)
    long_run = current_step_run(params, current_pA, duration_ms=RATE_DURATION_ms)
    readouts = {
        "v_inf_mV": params.E_L_mV + current_pA / params.g_L_nS,
        "rate_hz": steady_rate_hz(long_run.spike_times_ms),
        "rheobase_pA": params.rheobase_pA,
        "spikes": float(run.spike_times_ms.size),
    }
    return build_current_step_figure(run, fi, figure_style=figure_style), describe_current_step(run, fi), readouts


numbers = text_numbers.excitability_lesson  # every number this page's text quotes


@st.fragment
def experiment() -> None:
    """Presets, the two sliders, the figure and its read-outs (reruns on its own)."""
    current, t_ref = preset_sliders(
        PRESETS,
        (
            L1_CURRENT_SLIDER,
            L1_TREF_SLIDER,
        ),
        key="l1_preset",
    ).values
    fig, description, r = view(float(current), float(t_ref), presenter.figure_style())
    lesson.chart(
        fig,
        "l1_chart",
        WORDS.text("chart_alt", description=description),
        filename="meet-the-neuron",
    )
    m1, m2, m3 = st.columns(3)
    m1.metric(WORDS.text("metric_v_inf"), WORDS.text("metric_v_inf_value", v=num(r["v_inf_mV"], 1)))
    m2.metric(WORDS.text("metric_rate"), WORDS.text("metric_rate_value", rate=num(r["rate_hz"])))
    m3.metric(WORDS.text("metric_rheobase"), WORDS.text("metric_rheobase_value", current=num(r["rheobase_pA"])))
    st.markdown(WORDS.text("figure_shows", description=description))


def render() -> None:
    text = load_lesson(SLUG)
    nums = numbers()
    lesson.header(text, WORDS.text("step"))
    lesson.goal(text, nums)
    lesson.prose(text, "text:intro", nums)
    choice = lesson.predict(text, "predict:spikes", key="l1_predict", numbers=nums)
    if choice is None:
        lesson.waiting_for_prediction()
    else:
        experiment()
        lesson.prediction_feedback(text, "predict:spikes", choice, nums)
        lesson.explain(text, "explain:fi", nums)
        lesson.check(text, "check:subthreshold", key="l1_check_1", numbers=nums)
        lesson.check(text, "check:ceiling", key="l1_check_2", numbers=nums)
        lesson.try_this(text, "try", nums)


if __name__ == "__main__":
    render()
