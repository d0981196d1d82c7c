"""Educator guide: a 45-minute plan, discussion questions, misconceptions, and the answers to every check."""

from __future__ import annotations

import streamlit as st

from explainer import content
from explainer.content import numbers as text_numbers
from explainer.content.parse import fill, load_lesson

GUIDE = "educator"
numbers = text_numbers.educator_guide  # every number the guide quotes


def answers() -> None:
    """The right answer and its explanation for every prediction and check, lesson by lesson."""
    for slug, lesson_numbers in text_numbers.BY_LESSON.items():
        text = load_lesson(slug)
        nums = lesson_numbers()
        with st.expander(f"{text.title}: answers", expanded=False):
            for name, question in text.questions().items():
                kind = "Prediction" if name.startswith("predict") else "Quick check"
                st.markdown(f"**{kind}.** {fill(question.prompt, nums)}")
                answer = question.answer
                st.markdown(f":material/check: **{fill(answer.label, nums)}** {fill(answer.feedback, nums)}")


def render() -> None:
    guide = content.load(GUIDE)
    title, _, body = guide.partition("\n")
    st.title(title.removeprefix("# ").strip())
    st.markdown(fill(body, numbers()))
    answers()


if __name__ == "__main__":
    render()
