"""Lesson 3, GABA: IPSPs, chloride and the reversal potential, shunting, depolarising GABA."""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from explainer.content import numbers as text_numbers
from explainer.content.format import num
from explainer.content.lesson_descriptions import describe_ipsp, describe_shunting
from explainer.content.parse import load_lesson
from explainer.content.words import words
from explainer.figures.inhibition import build_ipsp_figure, build_shunting_figure
from explainer.figures.spec import FigureSpec
from explainer.figures.style import FigureStyle
from explainer.model.experiments.inhibition import (
    IPSP_GABA_SYNAPSES,
    IPSP_HOLD_mV,
    SHUNT_EXC_nS,
    SHUNT_GABA_nS,
    shunting_experiment,
    single_ipsp,
)
from explainer.model.neuron import NeuronParams
from explainer.ui import lesson, presenter
from explainer.ui.presets import preset_sliders, presets_from
from explainer.ui.widgets import Slider

WORDS = words("lesson_3_gaba")  # every word this page shows: content/words/lesson_3_gaba.toml
SLUG = "gaba"
DEFAULTS = NeuronParams()

E_GABA_MIN_mV, E_GABA_MAX_mV = -90, -30
G_GABA_MAX_nS = 40

PRESETS = presets_from(
    WORDS,
    {
        "mature": {"l3_egaba": -80, "l3_ggaba": 10},
        "shunting": {"l3_egaba": -70, "l3_ggaba": 10},
        "depolarising": {"l3_egaba": -60, "l3_ggaba": 10},
        "immature": {"l3_egaba": -40, "l3_ggaba": 10},
    },
)


L3_EGABA_SLIDER = Slider(
    key="l3_egaba",
    label=WORDS.label("l3_egaba"),
    lo=E_GABA_MIN_mV,
    hi=E_GABA_MAX_mV,
    default=round(DEFAULTS.E_L_mV),
    step=1,
    help=WORDS.help("l3_egaba"),
)

L3_GGABA_SLIDER = Slider(
    key="l3_ggaba",
    label=WORDS.label("l3_ggaba"),
    lo=0,
    hi=G_GABA_MAX_nS,
    default=round(SHUNT_GABA_nS),
    step=1,
    help=WORDS.help("l3_ggaba"),
)


def _params(e_gaba_mV: float) -> NeuronParams:
    return replace(DEFAULTS, E_gaba_mV=float(e_gaba_mV))


@st.cache_resource(max_entries=256, show_spinner=False)
def gaba_view(
    e_gaba_mV: float, g_gaba_nS: float, figure_style: FigureStyle
) -> tuple[FigureSpec, str, FigureSpec, str, dict[str, float]]:
    params = _params(e_gaba_mV)
    ipsp = single_ipsp(params)
    shunt = shunting_experiment(params, g_gaba_nS=g_gaba_nS)
    readouts = {
        "dv_rest_mV": shunt.dv_at_rest_mV,
        "rest_spikes": float(shunt.at_rest.spike_times_ms.size),
        "rate_before_hz": shunt.rate_without_gaba_hz,
        "rate_with_hz": shunt.rate_with_gaba_hz,
    }
    return (
        build_ipsp_figure(ipsp, figure_style=figure_style),
        describe_ipsp(ipsp),
        build_shunting_figure(shunt, figure_style=figure_style),
        describe_shunting(shunt),
        readouts,
    )


numbers = text_numbers.inhibition_lesson  # every number this page's text quotes


@st.fragment
def experiment() -> None:
    """E_GABA and GABA strength -> one GABA input (IPSPs) and the shunting experiment."""
    e_gaba, g_gaba = preset_sliders(
        PRESETS,
        (
            L3_EGABA_SLIDER,
            L3_GGABA_SLIDER,
        ),
        key="l3_preset",
    ).values
    at_predicted = e_gaba == L3_EGABA_SLIDER.default and g_gaba == L3_GGABA_SLIDER.default
    lesson.away_from_prediction(load_lesson(SLUG), at_predicted, numbers())
    ipsp_fig, ipsp_text, shunt_fig, shunt_text, r = gaba_view(float(e_gaba), float(g_gaba), presenter.figure_style())
    st.markdown(WORDS.text("ipsp_intro", synapses=IPSP_GABA_SYNAPSES, v=num(IPSP_HOLD_mV)))
    lesson.chart(ipsp_fig, "l3_ipsp_chart", WORDS.text("ipsp_alt", description=ipsp_text))
    st.markdown(WORDS.text("figure_shows", description=ipsp_text))
    st.markdown(WORDS.text("shunt_intro", g=num(SHUNT_EXC_nS)))
    lesson.chart(shunt_fig, "l3_shunt_chart", WORDS.text("shunt_alt", description=shunt_text))
    _metrics(r)
    st.markdown(WORDS.text("figure_shows", description=shunt_text))


def _metrics(r: dict) -> None:
    """What GABA alone does to the resting cell, and the driven cell's rate without and with GABA."""
    m1, m2, m3 = st.columns(3)
    n = int(r["rest_spikes"])
    if n:
        fires = WORDS.text("metric_fires_one") if n == 1 else WORDS.text("metric_fires_many", n=n)
        m1.metric(WORDS.text("metric_rest_fires"), fires)
    else:
        dv = num(r["dv_rest_mV"], 1, signed=True)
        m1.metric(WORDS.text("metric_rest_moves"), WORDS.text("metric_rest_moves_value", dv=dv))
    m2.metric(WORDS.text("metric_without"), WORDS.text("metric_rate_value", rate=num(r["rate_before_hz"])))
    delta = r["rate_with_hz"] - r["rate_before_hz"]
    m3.metric(
        WORDS.text("metric_with"),
        WORDS.text("metric_rate_value", rate=num(r["rate_with_hz"])),
        delta=WORDS.text("metric_rate_value", rate=f"{delta:+.0f}"),
        delta_color="off",
    )


def render() -> None:
    text = load_lesson(SLUG)
    nums = numbers()
    lesson.header(text, WORDS.text("step"))
    lesson.goal(text, nums)
    lesson.prose(text, "text:intro", nums)
    choice = lesson.predict(text, "predict:shunt", key="l3_predict", numbers=nums)
    if choice is None:
        lesson.waiting_for_prediction()
        return
    experiment()
    lesson.prediction_feedback(text, "predict:shunt", choice, nums)
    lesson.explain(text, "explain:shunt", nums)
    lesson.check(text, "check:direction", key="l3_check_1", numbers=nums)
    lesson.check(text, "check:immature", key="l3_check_2", numbers=nums)
    lesson.try_this(text, "try", nums)


if __name__ == "__main__":
    render()
