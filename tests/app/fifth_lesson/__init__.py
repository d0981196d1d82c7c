"""A throwaway fifth lesson: one folder and one line make a lesson (tests/app/test_course.py adds the line)."""

import streamlit as st

from explainer.content.words import words_in
from explainer.ui.course import Experiment, Lesson
from explainer.ui.widgets import Slider

WORDS = words_in(__name__)
DOUBLE = Slider(WORDS, "l5_amount", lo=0, hi=10, default=3, step=1)


def draw(values) -> None:
    (amount,) = values
    st.metric(WORDS.text("metric_double"), 2 * amount)


LESSON = Lesson(
    package=__name__,
    icon=":material/science:",
    minutes=5,
    numbers=lambda: {"three": "3"},
    experiments={"double": Experiment(draw=draw, sliders=(DOUBLE,))},
)
