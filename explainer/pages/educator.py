"""Educator guide: a 45-minute plan, discussion questions, misconceptions, and the answers to every check."""

from __future__ import annotations

import streamlit as st

from explainer import content
from explainer.content import numbers as text_numbers
from explainer.content.parse import fill, load_lesson
from explainer.content.words import words
from explainer.ui.worksheet import ANSWERS_KEY, LESSON_KEY, SLUGS

GUIDE = "educator"
WORDS = words("educator")  # the words around educator.md: content/words/educator.toml
numbers = text_numbers.educator_guide  # every number the guide quotes


def answers() -> None:
    """The right answer and its explanation for every prediction and check, lesson by lesson."""
    for slug, lesson_numbers in text_numbers.BY_LESSON.items():
        text = load_lesson(slug)
        nums = lesson_numbers()
        with st.expander(WORDS.text("answers_title", lesson=text.title), expanded=False):
            for name, question in text.questions().items():
                kind = WORDS.text("kind_predict") if name.startswith("predict") else WORDS.text("kind_check")
                st.markdown(WORDS.text("question", kind=kind, prompt=fill(question.prompt, nums)))
                answer = question.answer
                st.markdown(WORDS.text("answer", answer=fill(answer.label, nums), feedback=fill(answer.feedback, nums)))


def answer_sheets() -> None:
    """One row of links: each lesson's printable worksheet with the answers (``?answers=true``)."""
    st.markdown(WORDS.text("answer_sheets_intro", page=words("ui").text("nav_worksheet")))
    for column, slug in zip(st.columns(len(SLUGS)), SLUGS, strict=True):
        column.page_link(
            "explainer/pages/worksheet.py",
            label=WORDS.text("answer_sheet_link", lesson=load_lesson(slug).title),
            icon=":material/print:",
            query_params={LESSON_KEY: slug, ANSWERS_KEY: "true"},
        )


def render() -> None:
    guide = content.load(GUIDE)
    title, _, body = guide.partition("\n")
    st.title(title.removeprefix("# ").strip())
    st.markdown(fill(body, numbers()))
    answer_sheets()
    answers()


if __name__ == "__main__":
    render()
