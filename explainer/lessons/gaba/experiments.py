"""Lesson 3's experiments: E_GABA and GABA strength -> one GABA input (IPSPs) and the shunting experiment; and
where E_GABA comes from: chloride inside and outside -> E_Cl (the Nernst equation) -> what GABA does to the
same cell."""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from explainer.content import i18n
from explainer.content.format import num
from explainer.content.lesson_descriptions import describe_chloride, describe_ipsp, describe_shunting
from explainer.content.words import words_in
from explainer.figures.inhibition import build_chloride_figure, build_ipsp_figure, build_shunting_figure
from explainer.figures.style import FigureStyle
from explainer.model import ions
from explainer.model.experiments.inhibition import (
    IPSP_GABA_SYNAPSES,
    ChlorideExperiment,
    IPSP_HOLD_mV,
    SHUNT_EXC_nS,
    SHUNT_GABA_nS,
    chloride_experiment,
    shunting_experiment,
    single_ipsp,
)
from explainer.model.neuron import NeuronParams
from explainer.ui import presenter
from explainer.ui.charts import Chart, chart
from explainer.ui.course import Experiment, Values
from explainer.ui.readouts import change_between
from explainer.ui.widgets import Slider, slider_settings

WORDS = words_in(__package__)  # this lesson's words: words.toml beside this file
DEFAULTS = NeuronParams()

E_GABA = Slider(WORDS, "l3_egaba", lo=-90, hi=-30, default=round(DEFAULTS.E_L_mV), step=1)
G_GABA = Slider(WORDS, "l3_ggaba", lo=0, hi=40, default=round(SHUNT_GABA_nS), step=1)


@st.cache_resource(max_entries=256, show_spinner=False)
def gaba_view(
    e_gaba_mV: float, g_gaba_nS: float, figure_style: FigureStyle, lang: str
) -> tuple[Chart, str, Chart, str, dict[str, float]]:
    """The IPSP chart and the shunting chart, their descriptions and the read-outs, for one setting."""
    with i18n.using(lang):
        params = replace(DEFAULTS, E_gaba_mV=float(e_gaba_mV))
        ipsp = single_ipsp(params)
        shunt = shunting_experiment(params, g_gaba_nS=g_gaba_nS)
        readouts = {
            "dv_rest_mV": shunt.dv_at_rest_mV,
            "rest_spikes": float(shunt.at_rest.spike_times_ms.size),
            "rate_before_hz": shunt.rate_without_gaba_hz,
            "rate_with_hz": shunt.rate_with_gaba_hz,
        }
        ipsp_text, shunt_text = describe_ipsp(ipsp), describe_shunting(shunt)
        ipsp_chart = Chart(
            build_ipsp_figure(ipsp, figure_style=figure_style), WORDS.text("ipsp_alt", description=ipsp_text)
        )
        shunt_fig = build_shunting_figure(shunt, figure_style=figure_style)
        shunt_chart = Chart(shunt_fig, WORDS.text("shunt_alt", description=shunt_text))
        return ipsp_chart, ipsp_text, shunt_chart, shunt_text, readouts


def draw(values: Values) -> None:
    e_gaba, g_gaba = values
    ipsp, ipsp_text, shunt, shunt_text, r = gaba_view(
        float(e_gaba), float(g_gaba), presenter.figure_style(), i18n.current()
    )
    st.markdown(WORDS.text("ipsp_intro", synapses=IPSP_GABA_SYNAPSES, v=num(IPSP_HOLD_mV)))
    exported = slider_settings((E_GABA, G_GABA), values)
    chart(ipsp.fig, "l3_ipsp_chart", ipsp.alt, settings=exported)
    st.markdown(WORDS.text("figure_shows", description=ipsp_text))
    st.markdown(WORDS.text("shunt_intro", g=num(SHUNT_EXC_nS)))
    chart(shunt.fig, "l3_shunt_chart", shunt.alt, settings=exported)
    _metrics(r)
    st.markdown(WORDS.text("figure_shows", description=shunt_text))


def _metrics(r: dict) -> None:
    """What GABA alone does to the resting cell, and the driven cell's rate without and with GABA."""
    m1, m2, m3 = st.columns(3)
    n = int(r["rest_spikes"])
    if n:
        fires = WORDS.plural("metric_fires", n)
        m1.metric(WORDS.text("metric_rest_fires"), fires)
    else:
        dv = num(r["dv_rest_mV"], 1, signed=True)
        m1.metric(WORDS.text("metric_rest_moves"), WORDS.text("metric_rest_moves_value", dv=dv))
    m2.metric(WORDS.text("metric_without"), WORDS.text("metric_rate_value", rate=num(r["rate_before_hz"])))
    delta = change_between(r["rate_before_hz"], r["rate_with_hz"])
    m3.metric(
        WORDS.text("metric_with"),
        WORDS.text("metric_rate_value", rate=num(r["rate_with_hz"])),
        delta=WORDS.text("metric_rate_value", rate=delta.text),
        delta_color="off",
        delta_arrow=delta.arrow,
    )


def _charts(values: Values, style: FigureStyle) -> tuple[Chart, ...]:
    ipsp, _, shunt, _, _ = gaba_view(float(values[0]), float(values[1]), style, i18n.current())
    return ipsp, shunt


GABA_GATES = Experiment(
    draw=draw,
    charts=_charts,
    sliders=(E_GABA, G_GABA),
    presets={
        "mature": {"l3_egaba": -80, "l3_ggaba": 12},  # at 10 nS V would settle exactly at threshold
        "shunting": {"l3_egaba": -70, "l3_ggaba": 10},
        "depolarising": {"l3_egaba": -60, "l3_ggaba": 10},
        "immature": {"l3_egaba": -40, "l3_ggaba": 10},
    },
    preset_key="l3_preset",
)


# --- where E_GABA comes from: the chloride gradient ------------------------------------------------------------

CL_IN = Slider(WORDS, "l3_cl_in", lo=3, hi=50, default=round(ions.CL_IN_MATURE_mM), step=1)
CL_OUT = Slider(WORDS, "l3_cl_out", lo=100, hi=140, default=round(ions.CL_OUT_mM), step=5)


@st.cache_resource(max_entries=256, show_spinner=False)
def chloride_view(
    cl_in_mM: float, cl_out_mM: float, figure_style: FigureStyle, lang: str
) -> tuple[ChlorideExperiment, Chart, str]:
    """E_Cl for this chloride, what GABA with it does to the standard cell, the chart and its description."""
    with i18n.using(lang):
        exp = chloride_experiment(cl_out_mM, cl_in_mM, DEFAULTS)
        text = describe_chloride(exp)
        fig = build_chloride_figure(
            exp, in_range_mM=(CL_IN.lo, CL_IN.hi), out_range_mM=(CL_OUT.lo, CL_OUT.hi), figure_style=figure_style
        )
        return exp, Chart(fig, WORDS.text("chloride_alt", description=text)), text


def draw_chloride(values: Values) -> None:
    cl_in, cl_out = values
    exp, nernst, text = chloride_view(float(cl_in), float(cl_out), presenter.figure_style(), i18n.current())
    chart(nernst.fig, "l3_chloride_chart", nernst.alt, settings=slider_settings((CL_IN, CL_OUT), values))
    _chloride_metrics(exp)
    st.markdown(WORDS.text("figure_shows", description=text))


def _chloride_metrics(exp: ChlorideExperiment) -> None:
    """The chain in three numbers: E_Cl (= E_GABA here), what GABA alone does to the resting cell, and the
    driven cell's rate with GABA (its change from the rates as shown, rounded)."""
    m1, m2, m3 = st.columns(3)
    m1.metric(WORDS.text("metric_e_cl"), WORDS.text("metric_mv_value", v=num(exp.e_cl_mV, 1)))
    shunt = exp.shunt
    n = shunt.at_rest.spike_times_ms.size
    if n:
        fires = WORDS.plural("metric_fires", n)
        m2.metric(WORDS.text("metric_rest_fires"), fires)
    else:
        dv = num(shunt.dv_at_rest_mV, 1, signed=True)
        m2.metric(WORDS.text("metric_rest_moves"), WORDS.text("metric_rest_moves_value", dv=dv))
    before, during = round(shunt.rate_without_gaba_hz), round(shunt.rate_with_gaba_hz)
    m3.metric(
        WORDS.text("metric_with"),
        WORDS.text("metric_rate_value", rate=num(during)),
        delta=WORDS.text("metric_vs_without", delta=num(during - before, signed=True), rate=num(before)),
        delta_color="off",
        delta_arrow="down" if during < before else "up" if during > before else "off",  # a true minus reads as text
    )


def _chloride_charts(values: Values, style: FigureStyle) -> tuple[Chart, ...]:
    _, nernst, _ = chloride_view(float(values[0]), float(values[1]), style, i18n.current())
    return (nernst,)


CHLORIDE = Experiment(
    draw=draw_chloride,
    charts=_chloride_charts,
    sliders=(CL_IN, CL_OUT),
    presets={
        "developing": {"l3_cl_in": round(ions.CL_IN_DEVELOPING_mM), "l3_cl_out": round(ions.CL_OUT_mM)},
        "mature_kcc2": {"l3_cl_in": round(ions.CL_IN_MATURE_mM), "l3_cl_out": round(ions.CL_OUT_mM)},
    },
    preset_key="l3_cl_preset",
)
