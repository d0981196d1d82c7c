"""The teacher's own questions: written in class, on any page the class follows, asked like the lessons' own.

- Below the teacher's page, "Ask your own question": a prompt and 2 to 6 options, optionally the right one; on a
  lesson, "Use this lesson's exit ticket" fills the form with the lesson's ready one.  Asking stores the question
  with the page and the view's settings it belongs to, and takes the class to it (the phones follow).
- On that page, every phone and the teacher's screen show the page's own questions at the top, each run as any
  class question (:mod:`votes`: rounds, show, reveal, the CSV).  They are deleted with the class.

Whatever the teacher typed is shown as text (:func:`~explainer.content.format.as_plain_text`), never as
Markdown or HTML.
"""

from __future__ import annotations

import streamlit as st

from explainer.classroom.errors import ClassError, ClassUnavailable
from explainer.classroom.queries import OwnQuestion
from explainer.classroom.questions import widget_key
from explainer.classroom.schema import OWN_OPTIONS
from explainer.classroom.tab import ClassTab
from explainer.content.format import as_plain_text
from explainer.content.words import words
from explainer.ui import dom
from explainer.ui.classroom import follow, session, votes
from explainer.ui.course import ExitTicket

W = words("classroom")  # the words: content/words/classroom.toml
PROMPT_KEY = "own_prompt"
OPTION_KEYS = tuple(f"own_option_{i}" for i in range(1, OWN_OPTIONS[1] + 1))
RIGHT_KEY = "own_right"
NO_RIGHT = 0  # the right-answer choice "none": the options are numbered from 1


def _fill_exit_ticket(ticket: ExitTicket) -> None:
    """``on_click`` of "Use this lesson's exit ticket": the form's fields take the ticket's text."""
    st.session_state[PROMPT_KEY] = ticket.prompt
    for i, key in enumerate(OPTION_KEYS):
        st.session_state[key] = ticket.options[i] if i < len(ticket.options) else ""
    st.session_state[RIGHT_KEY] = ticket.right + 1


def _ask_own(tab: ClassTab, page_url: str) -> None:
    """``on_click`` of the form's submit: store the question and take the class to it."""
    options = [str(st.session_state.get(k) or "").strip() for k in OPTION_KEYS]
    options = [o for o in options if o]
    right_number = st.session_state.get(RIGHT_KEY) or NO_RIGHT
    right = right_number - 1 if 0 < right_number <= len(options) else None
    view = follow.view_of(st.query_params.to_dict())
    try:
        qid = session.store().add_question(tab.code, tab.teacher_token or "", page_url, view,
                                           str(st.session_state.get(PROMPT_KEY) or ""), options, right)  # fmt: skip
        session.store().move(tab.code, tab.teacher_token or "", page_url, qid, view)
    except ClassError as exc:
        session.note(W.text("own_refused" if exc.reason == "bad_question" else "class_ended", n=OWN_OPTIONS[1]))
        return
    except ClassUnavailable:
        session.unavailable()
        return
    for key in (PROMPT_KEY, *OPTION_KEYS):
        st.session_state[key] = ""
    st.session_state[RIGHT_KEY] = NO_RIGHT


def _right_name(n: int) -> str:
    return W.text("own_no_right") if n == NO_RIGHT else W.text("own_option", n=n)


def teacher_form(tab: ClassTab, page_url: str, ticket: ExitTicket | None) -> None:
    """The teacher's form, folded (below the page: presenter mode has no sidebar)."""
    with st.expander(W.text("own_heading"), icon=":material/add_comment:"):
        if ticket is not None:
            st.button(W.text("own_exit_ticket"), key="own_exit_ticket", icon=":material/logout:",
                      on_click=_fill_exit_ticket, args=(ticket,))  # fmt: skip
        with st.form("own_question", border=False):
            st.text_area(W.label(PROMPT_KEY), key=PROMPT_KEY, max_chars=300, height=90)
            for i, key in enumerate(OPTION_KEYS, start=1):
                st.text_input(W.text("own_option", n=i), key=key, max_chars=120)
            st.selectbox(W.label(RIGHT_KEY), range(len(OPTION_KEYS) + 1), key=RIGHT_KEY, format_func=_right_name)
            st.form_submit_button(W.text("own_submit"), type="primary", on_click=_ask_own, args=(tab, page_url))
        st.caption(W.text("own_caption", n=OWN_OPTIONS[1]))


def page_questions(tab: ClassTab, page_url: str) -> None:
    """The teacher's questions of this page, at its top, for the teacher and every phone."""
    try:
        found = session.store().own_questions(tab.code, page=page_url)
    except ClassUnavailable:
        return
    for question in found:
        _one(tab, question)


def _one(tab: ClassTab, question: OwnQuestion) -> None:
    key = widget_key(question.question_id)
    labels = [as_plain_text(o) for o in question.options]
    # a step of the page (the clicker's PageDown and "."), holding the question's container
    with st.container(key=dom.step_key(key)), st.container(border=True, key=dom.question_key(key)):
        st.markdown(W.text("own_teacher_sees" if tab.is_teacher else "own_student_sees"))
        st.markdown(as_plain_text(question.prompt))
        answer = votes.question(tab, question.question_id, labels, key=key, right=question.right,
                                label=W.text("own_label"), revealed="own_revealed_student")  # fmt: skip
        if answer is not None and not tab.is_teacher and question.right is not None:
            right = labels[question.right]
            if answer == right:
                st.success(W.text("own_right_answer", answer=right), icon=":material/check_circle:")
            else:
                st.info(W.text("own_the_answer", answer=right), icon=":material/info:")
