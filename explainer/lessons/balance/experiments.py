"""Lesson 4's experiments: a regular and an irregular cell side by side, then both inputs on one neuron: the
animated neuron and the rate map with the sliders' point starred."""

from __future__ import annotations

import numpy as np
import streamlit as st

from explainer.content import i18n
from explainer.content.format import num
from explainer.content.lesson_descriptions import describe_rate_map, describe_regularity
from explainer.content.words import words_in
from explainer.figures.balance import build_rate_map_figure, build_regularity_figure
from explainer.figures.export import export_caption, export_name
from explainer.figures.style import FigureStyle
from explainer.model.experiments.balance import (
    TugOfWarSettings,
)
from explainer.model.neuron import NeuronRun
from explainer.model.spikes import isi_cv, settled_mean_v_mV
from explainer.ui import presenter
from explainer.ui.charts import Chart, chart
from explainer.ui.components.animated_view import animated_view
from explainer.ui.course import Experiment, Values
from explainer.ui.links import PLAYGROUND_PAGE
from explainer.ui.motion import reduce_motion
from explainer.ui.neuron_views import PRESET_WORDS, RATE_MAX_HZ, RATE_STEP_HZ, tug_of_war_presets, tug_of_war_view
from explainer.ui.widgets import Slider, slider_settings

from .numbers import TUG_OF_WAR, rate_map, regularity

WORDS = words_in(__package__)  # this lesson's words: words.toml beside this file
EXPORT_PAGE = "lesson-4"  # the exports' names begin with it
REGULARITY_SHOWN_ms = 1000.0  # the comparison's figure shows the first second of the 20 s the CVs are measured over

GLUTAMATE = Slider(WORDS, "l4_glu", lo=0, hi=RATE_MAX_HZ, default=int(TUG_OF_WAR.glutamate_rate_hz), step=RATE_STEP_HZ)
GABA = Slider(WORDS, "l4_gaba", lo=0, hi=RATE_MAX_HZ, default=int(TUG_OF_WAR.gaba_rate_hz), step=RATE_STEP_HZ)


@st.cache_resource(max_entries=4, show_spinner=False)
def comparison_view(figure_style: FigureStyle, lang: str) -> tuple[Chart, str]:
    with i18n.using(lang):
        reg = regularity()
        description = describe_regularity(reg, REGULARITY_SHOWN_ms)
        fig = build_regularity_figure(reg, show_ms=REGULARITY_SHOWN_ms, figure_style=figure_style)
        return Chart(fig, WORDS.text("comparison_alt", description=description)), description


@st.cache_resource(max_entries=128, show_spinner=False)
def map_view(glu_hz: float, gaba_hz: float, figure_style: FigureStyle, lang: str) -> tuple[Chart, str]:
    """The rate map with this setting starred, and what it shows."""
    with i18n.using(lang):
        description = describe_rate_map(rate_map(), (glu_hz, gaba_hz))
        fig = build_rate_map_figure(rate_map(), (glu_hz, gaba_hz), figure_style=figure_style)
        return Chart(fig, WORDS.text("map_alt", description=description)), description


def draw_comparison(values: Values) -> None:
    shown, description = comparison_view(presenter.figure_style(), i18n.current())
    chart(shown.fig, "l4_comparison", shown.alt)
    st.markdown(WORDS.text("figure_shows", description=description))


def draw_explore(values: Values) -> None:
    """The animated neuron and its read-outs, then the rate map with the sliders' point starred."""
    glu, gaba = float(values[0]), float(values[1])
    settings = TugOfWarSettings(glutamate_rate_hz=glu, gaba_rate_hz=gaba)
    exported = slider_settings((GLUTAMATE, GABA), (glu, gaba))
    run, payload, description = tug_of_war_view(
        settings,
        presenter.view_style(),
        reduce_motion(),
        export_name(EXPORT_PAGE, exported),
        page="l4",
        export_caption=export_caption(exported),
        lang=i18n.current(),
    )
    animated_view(payload, key="l4_view")
    _readouts(run)
    st.markdown(WORDS.text("animation_shows", description=description))
    shown, map_text = map_view(glu, gaba, presenter.figure_style(), i18n.current())
    left, right = st.columns([3, 2], vertical_alignment="center")
    with left:
        chart(shown.fig, "l4_rate_map", shown.alt, settings=exported)
    with right:
        st.markdown(WORDS.text("map_shows", description=map_text))
    st.page_link(PLAYGROUND_PAGE, label=WORDS.text("playground_link"), icon=":material/tune:")


def _readouts(run: NeuronRun) -> None:
    """The output rate, how irregular the spikes came, and the mean membrane potential."""
    cv = isi_cv(run.spike_times_ms)
    m1, m2, m3 = st.columns(3)
    m1.metric(WORDS.text("metric_rate"), WORDS.text("metric_rate_value", rate=num(run.firing_rate_hz)))
    m2.metric(
        WORDS.text("metric_cv"),
        WORDS.text("metric_cv_none") if np.isnan(cv) else num(cv, 2),
        help=WORDS.text("metric_cv_help"),
    )
    m3.metric(
        WORDS.text("metric_mean_v"),
        WORDS.text("metric_mean_v_value", v=num(settled_mean_v_mV(run), 1)),
        help=WORDS.text("metric_mean_v_help"),
    )


REGULARITY = Experiment(draw=draw_comparison, charts=lambda values, style: (comparison_view(style, i18n.current())[0],))
EXPLORE = Experiment(
    draw=draw_explore,
    charts=lambda values, style: (map_view(float(values[0]), float(values[1]), style, i18n.current())[0],),
    sliders=(GLUTAMATE, GABA),
    # the tug of war's presets, the same settings as the playground's of the same name
    presets=tug_of_war_presets({"glutamate_rate_hz": GLUTAMATE, "gaba_rate_hz": GABA}),
    preset_words=PRESET_WORDS,
    preset_key="l4_preset",
)
