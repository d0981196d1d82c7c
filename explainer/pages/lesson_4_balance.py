"""Lesson 4, tug of war: excitation against inhibition, the rate map, and irregular firing in balance."""

from __future__ import annotations

import numpy as np
import streamlit as st

from explainer.content import numbers as text_numbers
from explainer.content.format import num
from explainer.content.lesson_descriptions import describe_rate_map, describe_regularity
from explainer.content.live_descriptions import describe_neuron_run
from explainer.content.parse import load_lesson
from explainer.content.words import words
from explainer.figures.balance import build_rate_map_figure, build_regularity_figure
from explainer.figures.neuron_view import neuron_view_payload
from explainer.figures.spec import FigureSpec
from explainer.figures.style import FigureStyle
from explainer.figures.view_codec import view_id
from explainer.model.experiments.balance import (
    TugOfWarSettings,
    compares_without_gaba,
    rate_without_gaba,
    run_tug_of_war,
)
from explainer.model.spikes import isi_cv, settled_mean_v_mV
from explainer.ui import lesson, presenter
from explainer.ui.components.animated_view import animated_view
from explainer.ui.motion import reduce_motion
from explainer.ui.presets import preset_sliders, presets_from
from explainer.ui.widgets import Slider

WORDS = words("lesson_4_balance")  # every word this page shows: content/words/lesson_4_balance.toml
SLUG = "tug_of_war"
DEFAULTS = TugOfWarSettings()  # 1 nS per spike for both; the rate map uses these strengths
RATE_MAX_HZ = 6000
RATE_STEP_HZ = 250

PRESETS = presets_from(
    WORDS,
    {
        "excitation_wins": {"l4_glu": 3000, "l4_gaba": 250},
        "balanced": {"l4_glu": 6000, "l4_gaba": 5250},
        "inhibition_wins": {"l4_glu": 2500, "l4_gaba": 4000},
        "silent": {"l4_glu": 0, "l4_gaba": 0},
    },
)


the_map = text_numbers.default_rate_map


the_comparison = text_numbers.regularity


L4_GLU_SLIDER = Slider(
    key="l4_glu",
    label=WORDS.label("l4_glu"),
    lo=0,
    hi=RATE_MAX_HZ,
    default=int(DEFAULTS.glutamate_rate_hz),
    step=RATE_STEP_HZ,
    help=WORDS.help("l4_glu"),
)

L4_GABA_SLIDER = Slider(
    key="l4_gaba",
    label=WORDS.label("l4_gaba"),
    lo=0,
    hi=RATE_MAX_HZ,
    default=int(DEFAULTS.gaba_rate_hz),
    step=RATE_STEP_HZ,
    help=WORDS.help("l4_gaba"),
)


@st.cache_resource(max_entries=4, show_spinner=False)
def comparison_view(figure_style: FigureStyle) -> tuple[FigureSpec, str]:
    reg = the_comparison()
    return build_regularity_figure(reg, figure_style=figure_style), describe_regularity(reg)


def _view_id(settings: TugOfWarSettings) -> str:
    return view_id(settings, prefix="l4")


@st.cache_resource(max_entries=128, show_spinner=False)
def explore_view(
    glu_hz: float, gaba_hz: float, figure_style: FigureStyle, view_style: FigureStyle, calm: bool = False
) -> tuple[bytes, str, FigureSpec, str, dict[str, float]]:
    settings = TugOfWarSettings(glutamate_rate_hz=glu_hz, gaba_rate_hz=gaba_hz)
    run, inp = run_tug_of_war(settings)
    without = rate_without_gaba(settings, inp) if compares_without_gaba(settings, run) else None
    description = describe_neuron_run(run, inp, without)
    anim = neuron_view_payload(
        run,
        inp,
        view_id=_view_id(settings),
        figure_style=view_style,
        alt=WORDS.text("view_alt", description=description),
        export_name=f"lesson-4_glu{glu_hz:.0f}_gaba{gaba_hz:.0f}",
        calm=calm,
    )
    rmap = the_map()
    map_fig = build_rate_map_figure(rmap, (glu_hz, gaba_hz), figure_style=figure_style)
    readouts = {
        "rate_hz": run.firing_rate_hz,
        "cv": isi_cv(run.spike_times_ms),
        "mean_v_mV": settled_mean_v_mV(run),
    }
    return anim, description, map_fig, describe_rate_map(rmap, (glu_hz, gaba_hz)), readouts


numbers = text_numbers.balance_lesson  # every number this page's text quotes


@st.fragment
def explore() -> None:
    """Two rate sliders -> the animated neuron and the rate map with the sliders' point starred."""
    glu, gaba = preset_sliders(
        PRESETS,
        (
            L4_GLU_SLIDER,
            L4_GABA_SLIDER,
        ),
        key="l4_preset",
    ).values
    anim, anim_text, map_fig, map_text, r = explore_view(
        float(glu), float(gaba), presenter.figure_style(), presenter.view_style(), reduce_motion()
    )
    animated_view(anim, key="l4_view")
    cv = r["cv"]
    m1, m2, m3 = st.columns(3)
    m1.metric(WORDS.text("metric_rate"), WORDS.text("metric_rate_value", rate=num(r["rate_hz"])))
    m2.metric(
        WORDS.text("metric_cv"),
        WORDS.text("metric_cv_none") if np.isnan(cv) else num(cv, 2),
        help=WORDS.text("metric_cv_help"),
    )
    m3.metric(
        WORDS.text("metric_mean_v"),
        WORDS.text("metric_mean_v_value", v=num(r["mean_v_mV"], 1)),
        help=WORDS.text("metric_mean_v_help"),
    )
    st.markdown(WORDS.text("animation_shows", description=anim_text))
    left, right = st.columns([3, 2], vertical_alignment="center")
    with left:
        lesson.chart(map_fig, "l4_rate_map", WORDS.text("map_alt", description=map_text))
    with right:
        st.markdown(WORDS.text("map_shows", description=map_text))


def render() -> None:
    text = load_lesson(SLUG)
    nums = numbers()
    lesson.header(text, WORDS.text("step"))
    lesson.goal(text, nums)
    lesson.prose(text, "text:intro", nums)
    choice = lesson.predict(text, "predict:balance", key="l4_predict", numbers=nums)
    if choice is None:
        lesson.waiting_for_prediction()
        return
    fig, description = comparison_view(presenter.figure_style())
    lesson.chart(fig, "l4_comparison", WORDS.text("comparison_alt", description=description))
    st.markdown(WORDS.text("figure_shows", description=description))
    lesson.prediction_feedback(text, "predict:balance", choice, nums)
    lesson.explain(text, "explain:balance", nums)
    st.header(WORDS.text("heading_explore"))
    lesson.prose(text, "text:explore", nums)
    explore()
    lesson.explain(text, "explain:map", nums)
    st.page_link("explainer/pages/playground.py", label=WORDS.text("playground_link"), icon=":material/tune:")
    lesson.check(text, "check:fluctuations", key="l4_check_1", numbers=nums)
    lesson.check(text, "check:off", key="l4_check_2", numbers=nums)
    lesson.try_this(text, "try", nums)


if __name__ == "__main__":
    render()
