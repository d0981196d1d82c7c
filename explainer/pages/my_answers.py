"""My answers: every question of every lesson, in course order, with the student's answer kept in this browser
(:mod:`explainer.ui.answers`) and its verdict (right or not quite, and the first sentence of that option's
feedback, and for a wrong one the right answer), or marked as not answered yet.

It prints on one or two pages (``ui/styles/my_answers.css``: only the sheet, with a name and a date to fill in and
the banner's words small at the top of every page), so a student has something to hand in.  "Clear my answers",
behind a confirmation, empties this browser's store and the session.  In class mode the votes are the class's:
they are not kept in the browser and not listed here.
"""

from __future__ import annotations

import html

import streamlit as st

from explainer.content.format import first_sentence
from explainer.content.parse import Question, fill
from explainer.content.words import words
from explainer.figures.style import LAPTOP_PALETTE, css_colors
from explainer.ui import answers, course, dom, lesson_page, styles
from explainer.ui.banner import banner_text
from explainer.ui.classroom import session as classroom
from explainer.ui.course import Lesson, Place

W = words("my_answers")  # the words: content/words/my_answers.toml
CONFIRM_KEY = "ma_confirm_clear"  # the student pressed "Clear my answers": ask before clearing
CLEARED_KEY = "ma_cleared"  # the answers were just cleared: say so once
# The print's colours (my_answers.css reads them as --ei-<property>), from the colour table: paper is a laptop's.
PRINT_COLORS = {"ma-ink": "text", "ma-rule": "membrane"}


# ---------------------------------------------------------------------------------------------------
# The controls above the sheet (on screen only)
# ---------------------------------------------------------------------------------------------------


def _ask_to_clear() -> None:
    st.session_state[CONFIRM_KEY] = True


def _clear() -> None:
    answers.clear()
    st.session_state.pop(CONFIRM_KEY, None)
    st.session_state[CLEARED_KEY] = True


def _keep() -> None:
    st.session_state.pop(CONFIRM_KEY, None)


def controls() -> None:
    """What the page is, the print hint and "Clear my answers", which asks first."""
    with st.container(key=dom.MA_CONTROLS_KEY):
        st.caption(W.text("intro"))
        if classroom.current() is not None:
            st.info(W.text("class_note"), icon=":material/groups:")
        st.info(W.text("print_hint"), icon=":material/print:")
        if st.session_state.pop(CLEARED_KEY, False):
            st.success(W.text("cleared"), icon=":material/delete:")
        if st.session_state.get(CONFIRM_KEY) and answers.count():
            st.warning(W.text("clear_confirm", answered=answers.count()), icon=":material/warning:")
            yes, no = st.columns(2)
            yes.button(W.text("clear_yes"), key="ma_clear_yes", type="primary", on_click=_clear)
            no.button(W.text("clear_no"), key="ma_clear_no", on_click=_keep)
        else:
            st.button(
                W.text("clear"),
                key="ma_clear",
                icon=":material/delete:",
                disabled=not answers.count(),
                help=W.text("clear_help"),
                on_click=_ask_to_clear,
            )


# ---------------------------------------------------------------------------------------------------
# The sheet
# ---------------------------------------------------------------------------------------------------


def _fields() -> None:
    """Name and date, with a line to write on."""
    cells = "".join(
        f'<span class="ei-ma-field">{html.escape(W.text(k))}</span><span class="ei-ma-blank"></span>'
        for k in ("name_field", "date_field")
    )
    st.html(f'<div class="ei-ma-fields">{cells}</div>')


def verdict(lesson: Lesson, block: str, question: Question) -> str:
    """The student's answer and its verdict as Markdown lines, or "not answered yet"."""
    nums = lesson.numbers()
    kept = answers.kept(lesson.name, block)
    if kept not in question.labels:
        return W.text("unanswered")
    chosen = question.option(kept)
    mine = W.text("your_prediction" if block.startswith("predict:") else "your_answer", choice=fill(kept, nums))
    feedback = first_sentence(fill(chosen.feedback, nums))
    lines = [mine, W.text("right" if chosen.correct else "not_quite", feedback=feedback)]
    if not chosen.correct:  # the lesson page showed it after the answer; the sheet keeps it
        lines.append(W.text("the_answer", answer=fill(question.answer.label, nums)))
    return "  \n".join(lines)


def answered(lesson: Lesson) -> int:
    """How many of the lesson's questions have a kept answer that fits one of their options."""
    return sum(answers.kept(lesson.name, block) in q.labels for block, q in lesson.text.questions().items())


def lesson_answers(lesson: Lesson, place: Place) -> None:
    """One lesson: its title (and, on screen, a link to it), then each question with the student's answer."""
    questions = lesson.text.questions()
    with st.container(key=f"{dom.MA_LESSON_PREFIX}{lesson.name}"):
        st.header(W.text("lesson_heading", number=place.number, title=lesson.text.title), anchor=False)
        st.caption(W.text("lesson_count", answered=answered(lesson), total=len(questions)))
        st.page_link(lesson_page.page(lesson, place), label=W.text("lesson_link"), icon=":material/arrow_forward:")
    nums = lesson.numbers()
    for i, (block, question) in enumerate(questions.items(), start=1):
        kind = W.text("kind_predict" if block.startswith("predict:") else "kind_check")
        with st.container(key=f"{dom.MA_QUESTION_PREFIX}{lesson.name}_{i}"):
            st.markdown(W.text("question", kind=kind, prompt=fill(question.prompt, nums)))
            st.markdown(verdict(lesson, block, question))


def sheet(lessons: tuple[Lesson, ...]) -> None:
    """The page, and what prints of it: the banner and a name and a date to fill in (print only), the title, the
    controls (screen only), and every lesson's answers."""
    where = course.places(lessons)
    total = sum(len(lesson.text.questions()) for lesson in lessons)
    with st.container(key=dom.MA_SHEET_KEY):
        with st.container(key=dom.MA_BANNER_KEY):
            st.markdown(banner_text())
            _fields()
        st.title(W.text("title"), anchor=False)
        controls()
        with answers.questions_container():
            st.markdown(W.text("summary", answered=sum(answered(x) for x in lessons), total=total))
            for lesson in lessons:
                lesson_answers(lesson, where[lesson.name])


def print_styles() -> None:
    variables = {**css_colors(LAPTOP_PALETTE, PRINT_COLORS), "ma-banner": styles.css_string(banner_text())}
    st.html(styles.css_variables(variables))
    st.html(styles.stylesheet("my_answers.css"))


def render() -> None:
    """The page, with its print style sheet."""
    lessons = course.current()
    answers.sync((lesson.name, lesson.text) for lesson in lessons)
    print_styles()
    sheet(lessons)


if __name__ == "__main__":
    render()
