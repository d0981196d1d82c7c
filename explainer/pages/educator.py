"""Educator guide: a 45-minute plan, discussion questions, misconceptions, and the answers to every check."""

from __future__ import annotations

import streamlit as st

from explainer import content
from explainer.content.parse import fill
from explainer.content.words import words
from explainer.ui import course
from explainer.ui.course import Lesson
from explainer.ui.links import WORKSHEET_ANSWERS, WORKSHEET_LESSON, WORKSHEET_PAGE

GUIDE = "educator"
WORDS = words("educator")  # the words around educator.md: content/words/educator.toml


def numbers(lessons: tuple[Lesson, ...]) -> dict[str, str]:
    """The numbers the guide quotes: the lessons' own (a name two lessons share, such as E_L, has the same value
    in both: tests/app/test_lessons_content.py checks it), with the answers to their "try this" prompts."""
    merged: dict[str, str] = {}
    for lesson in lessons:
        merged.update(lesson.numbers())
    return merged


def answers(lessons: tuple[Lesson, ...]) -> None:
    """The right answer and its explanation for every prediction and check, lesson by lesson."""
    for lesson in lessons:
        text, nums = lesson.text, lesson.numbers()
        with st.expander(WORDS.text("answers_title", lesson=text.title), expanded=False):
            for name, question in text.questions().items():
                kind = WORDS.text("kind_predict") if name.startswith("predict") else WORDS.text("kind_check")
                st.markdown(WORDS.text("question", kind=kind, prompt=fill(question.prompt, nums)))
                answer = question.answer
                st.markdown(WORDS.text("answer", answer=fill(answer.label, nums), feedback=fill(answer.feedback, nums)))


def answer_sheets(lessons: tuple[Lesson, ...]) -> None:
    """One row of links: each lesson's printable worksheet with the answers (``?answers=true``)."""
    st.markdown(WORDS.text("answer_sheets_intro", page=words("ui").text("nav_worksheet")))
    for column, lesson in zip(st.columns(len(lessons)), lessons, strict=True):
        column.page_link(
            WORKSHEET_PAGE,
            label=WORDS.text("answer_sheet_link", lesson=lesson.text.title),
            icon=":material/print:",
            query_params={WORKSHEET_LESSON: lesson.name, WORKSHEET_ANSWERS: "true"},
        )


def render() -> None:
    lessons = course.current()
    guide = content.load(GUIDE)
    title, _, body = guide.partition("\n")
    st.title(title.removeprefix("# ").strip())
    st.markdown(fill(body, numbers(lessons)))
    answer_sheets(lessons)
    answers(lessons)


if __name__ == "__main__":
    render()
