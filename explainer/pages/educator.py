"""Educator guide: a 45-minute plan, discussion questions, misconceptions, and the answers to every check."""

from __future__ import annotations

import math

import numpy as np
import streamlit as st

from explainer import content
from explainer.model.lessons import (
    first_firing_current_pA,
    longest_summing_gap_ms,
    neutral_e_gaba_mV,
    nmda_epsp_by_hold,
    silencing_gaba_nS,
)
from explainer.pages import lesson_1_neuron, lesson_2_glutamate, lesson_3_gaba, lesson_4_balance
from explainer.ui import lesson

GUIDE = "educator"
LESSON_PAGES = (lesson_1_neuron, lesson_2_glutamate, lesson_3_gaba, lesson_4_balance)


@st.cache_data(show_spinner=False)
def numbers() -> dict[str, str]:
    """The numbers the guide quotes: the lessons' own, and the answers to the "try this" prompts."""
    n = lesson.num
    merged: dict[str, str] = {}
    for page in LESSON_PAGES:
        merged.update(page.numbers())  # shared names (E_L, tau_m, ...) have the same value in every lesson
    holds, peaks = nmda_epsp_by_hold(lesson_2_glutamate.DEFAULTS)
    growth = np.diff(peaks)
    merged.update(
        {
            "rheobase": lesson_1_neuron.numbers()["rheobase"],
            "first_firing_current": n(
                first_firing_current_pA(lesson_1_neuron.DEFAULTS, lesson_1_neuron.CURRENT_STEP_pA)
            ),
            "fastest_hold": n(0.5 * (holds[np.argmax(growth)] + holds[np.argmax(growth) + 1])),
            "largest_hold": n(holds[int(np.argmax(peaks))]),
            # B(V) is steepest where half the channels are free: B = 1/2 at V = ln([Mg]/3.57 mM) / 0.062 per mV
            "B_steepest": n(math.log(lesson_2_glutamate.DEFAULTS.mg_mM / 3.57) / 0.062),
            "sum_synapses": n(lesson_2_glutamate.DEFAULT_SYNAPSES),
            "sum_volleys": n(lesson_2_glutamate.DEFAULT_VOLLEYS),
            "longest_gap": n(
                longest_summing_gap_ms(
                    lesson_2_glutamate.DEFAULTS,
                    lesson_2_glutamate.DEFAULT_SYNAPSES,
                    lesson_2_glutamate.DEFAULT_VOLLEYS,
                )
            ),
            "e_gaba_neutral": n(neutral_e_gaba_mV(lesson_3_gaba.DEFAULTS)),
            "silencing_g": n(silencing_gaba_nS(lesson_3_gaba.DEFAULTS)),
        }
    )
    return merged


def answers() -> None:
    """The right answer and its explanation for every prediction and check, lesson by lesson."""
    for page in LESSON_PAGES:
        text = lesson.load_lesson(page.SLUG)
        nums = page.numbers()
        with st.expander(f"{text.title}: answers", expanded=False):
            for name, question in text.questions().items():
                kind = "Prediction" if name.startswith("predict") else "Quick check"
                st.markdown(f"**{kind}.** {lesson.fill(question.prompt, nums)}")
                answer = question.answer
                st.markdown(
                    f":material/check: **{lesson.fill(answer.label, nums)}** {lesson.fill(answer.feedback, nums)}"
                )


def render() -> None:
    guide = content.load(GUIDE)
    title, _, body = guide.partition("\n")
    st.title(title.removeprefix("# ").strip())
    st.markdown(lesson.fill(body, numbers()))
    answers()


if __name__ == "__main__":
    render()
