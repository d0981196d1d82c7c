"""A lesson's question in class mode: students vote, the teacher's screen shows the tally live, and the
teacher decides when the class sees the experiment and the feedback.

- A **student** chooses an answer: it is their vote (choosing another replaces it).  Until the teacher
  reveals the question, the page holds back the experiment and the feedback and checks every
  :data:`REVEAL_POLL_S` seconds whether the teacher has revealed it; then it shows them, with the student's answer.
- The **teacher** sees how the class's votes split, counts and percentages, refreshed every
  :data:`TALLY_POLL_S` seconds without a reload, and a button that reveals the question to the whole class.

Nothing a student sends is shown as text: a vote is the index of one of the lesson's own options.
"""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from explainer.classroom.errors import ClassError, ClassUnavailable
from explainer.classroom.tab import ClassTab
from explainer.content.words import words
from explainer.ui.classroom import session

W = words("classroom")  # the words: content/words/classroom.toml
TALLY_POLL_S = 1.0  # the teacher's tally refreshes this often (the budget: a vote on the projector within 2 s)
REVEAL_POLL_S = 1.5  # each student's page asks this often whether the teacher has revealed the question
TEACHER_SEES = ""  # what :func:`question` returns to the teacher once revealed: the experiment, no own answer


def _send_vote(tab: ClassTab, qid: str, key: str, labels: Sequence[str]) -> None:
    """``on_change`` of a student's answer: count it for the class (a repeat or a change replaces it)."""
    choice = st.session_state.get(key)
    if choice not in labels:
        return
    try:
        session.store().vote(tab.code, tab.seat, qid, list(labels).index(choice))
    except ClassError as exc:
        session.note(W.text("class_ended" if exc.reason in ("no_class", "not_joined") else "vote_refused"))
    except ClassUnavailable:
        session.unavailable()


def _reveal(tab: ClassTab, qid: str) -> None:
    """``on_click`` of the teacher's Reveal (a second click, or a replayed one, changes nothing)."""
    try:
        session.store().reveal(tab.code, tab.teacher_token or "", qid)
    except ClassError:
        session.note(W.text("class_ended"))
    except ClassUnavailable:
        session.unavailable()


def is_revealed(tab: ClassTab, qid: str) -> bool:
    try:
        return session.store().is_revealed(tab.code, qid)
    except ClassUnavailable:
        session.unavailable()
        return False


@st.fragment(run_every=REVEAL_POLL_S)
def _await_reveal(code: str, qid: str, waiting_key: str) -> None:
    """A student's page, waiting: the whole page runs again as soon as the teacher reveals the question, or
    when the class has ended (the page then says so and works on its own)."""
    try:
        shown = session.store().is_revealed(code, qid) or session.store().find_class(code) is None
    except ClassUnavailable:
        shown = False
    if shown:
        st.rerun(scope="app")
    st.caption(W.text(waiting_key))


@st.fragment(run_every=TALLY_POLL_S)
def tally(code: str, qid: str, labels: Sequence[str], right: int | None = None) -> None:
    """How the class's votes split: one bar per option with its count and share, and how many voted."""
    try:
        counts = session.store().tally(code, qid)
        joined = session.store().seat_count(code)
    except (ClassError, ClassUnavailable):
        st.caption(W.text("tally_unavailable"))
        return
    total = sum(counts)
    if joined == 1:
        st.markdown(W.text("tally_total_one", voted=total, code=code))
    else:  # with the class code, for latecomers
        st.markdown(W.text("tally_total", voted=total, joined=joined, code=code))
    for i, (label, n) in enumerate(zip(labels, counts, strict=False)):
        share = n / total if total else 0.0
        template = "tally_row_right" if i == right else "tally_row"
        st.progress(share, text=W.text(template, label=label, n=n, percent=round(100 * share)))


def question(tab: ClassTab, qid: str, labels: Sequence[str], *, key: str, right: int, label: str) -> str | None:
    """One question in class mode.  Returns None while the teacher has not revealed it; then, for a student,
    their answer (or ``""`` without one) and, for the teacher, :data:`TEACHER_SEES`."""
    shown = is_revealed(tab, qid)
    if tab.is_teacher:
        return _teacher(tab, qid, labels, key=key, right=right, shown=shown)
    return _student(tab, qid, labels, key=key, label=label, shown=shown)


def _teacher(tab: ClassTab, qid: str, labels: Sequence[str], *, key: str, right: int, shown: bool) -> str | None:
    """The button first (right under the question, on the projected screen), then the live tally.  A reveal
    is final: students who have seen the answer cannot take their vote back, so there is no "hide"."""
    if shown:
        st.caption(W.text("revealed_teacher"))
    else:
        st.button(
            W.text("reveal"), key=f"{key}_reveal", type="primary", icon=":material/visibility:",
            on_click=_reveal, args=(tab, qid), help=W.text("reveal_help"),
        )  # fmt: skip
    tally(tab.code, qid, list(labels), right if shown else None)
    return TEACHER_SEES if shown else None


def _student(tab: ClassTab, qid: str, labels: Sequence[str], *, key: str, label: str, shown: bool) -> str | None:
    index = None
    if key not in st.session_state:  # back after a reload or from another page: the vote as it stands
        try:
            mine = session.store().my_vote(tab.code, tab.seat, qid)
        except ClassUnavailable:
            mine = None
        index = mine if mine is not None and 0 <= mine < len(labels) else None
    choice = st.radio(
        label,
        list(labels),
        index=index,
        key=key,
        disabled=shown,
        on_change=_send_vote,
        args=(tab, qid, key, list(labels)),
        help=W.text("vote_help"),
    )
    if shown:
        st.caption(W.text("revealed_student"))
        return choice if choice in labels else ""
    st.caption(W.text("vote_counted" if choice in labels else "vote_please"))
    _await_reveal(tab.code, qid, "waiting_for_experiment" if ":predict:" in qid else "waiting_for_answer")
    return None
