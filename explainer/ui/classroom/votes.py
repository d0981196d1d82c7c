"""A question in class mode, run as peer instruction (:mod:`explainer.classroom.rounds`): students vote on their
own; the projector shows how many have voted, not how; the teacher may show the split, open a second round after
pair discussion, start a countdown, and reveals: the experiment and the feedback reach every phone, final.

- A **student** chooses an answer: it is their vote in the current round (choosing another replaces it).  What
  the page says about it follows what the store holds: "counted" only once the store has it; during an outage
  "not counted yet", and the answer is sent again on every poll until the store takes it.  Round 2 starts with
  no answer chosen and names the student's round-1 answer.  The page asks every :data:`STUDENT_POLL_S` seconds
  whether the question moved on (a reveal, a new round) and then runs again.
- The **teacher** sees the round, how many have voted and the countdown, refreshed every :data:`TEACHER_POLL_S`
  seconds, the split only once shown (and only with at least :data:`~rounds.MIN_SHOWN_VOTES` votes: never one
  student's choice), round 1 beside round 2 after a second round, and the buttons.  The button of the next step
  (:func:`rounds.next_action`) is the primary one and carries the clicker's action key (``ui/dom.action_key``):
  "." or "b" presses it.

Nothing a student sends is shown as text: a vote is the index of one of the question's own options.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass

import streamlit as st

from explainer.classroom import rounds
from explainer.classroom.errors import ClassError, ClassUnavailable
from explainer.classroom.rounds import QuestionState
from explainer.classroom.tab import ClassTab
from explainer.content.format import num
from explainer.content.words import words
from explainer.ui import dom
from explainer.ui.classroom import follow, session

W = words("classroom")  # the words: content/words/classroom.toml
TEACHER_POLL_S = 1.0  # the teacher's count refreshes this often (the budget: a vote on the projector within 1 s)
STUDENT_POLL_S = 1.0  # each student's page asks this often whether the question moved on
COUNTDOWN_S = 60
TEACHER_SEES = ""  # what :func:`question` returns to the teacher once revealed: the experiment, no own answer
PENDING_KEY = "ei_class_pending"  # this session's votes the store has not taken yet: {question id: (round, choice)}
ACTIONS = ("show", "second_round", "countdown", "reveal")
ASK = "ask"  # the teacher takes the class to this question (not a step of the question's own sequence)
ICONS = {"show": ":material/bar_chart:", "second_round": ":material/forum:", "countdown": ":material/timer:",
         "reveal": ":material/visibility:", ASK: ":material/campaign:"}  # fmt: skip


@dataclass(frozen=True)
class Asked:
    """One question as a page asks it in class mode."""

    qid: str
    labels: tuple[str, ...]
    key: str  # the widget key of the student's answer (and the stem of the teacher's buttons)
    right: int | None
    label: str
    revealed: str = "revealed_student"  # the words a student reads once it is revealed


def question(
    tab: ClassTab, qid: str, labels: Sequence[str], *, key: str, right: int | None, label: str,
    revealed: str = "revealed_student",
) -> str | None:  # fmt: skip
    """One question in class mode.  Returns None until the teacher has revealed it; then, for a student, their
    answer (``""`` without one) and, for the teacher, :data:`TEACHER_SEES`.  ``revealed``: the key of what a
    student reads once it is revealed (a lesson's question: the experiment follows; the teacher's own: not)."""
    asked = Asked(qid, tuple(labels), key, right, label, revealed)
    state = _state(tab, qid)
    if tab.is_teacher:
        _teacher_panel(tab, asked, state.revealed)
        return TEACHER_SEES if state.revealed else None
    return _student(tab, asked, state)


def _state(tab: ClassTab, qid: str) -> QuestionState:
    try:
        return session.store().state(tab.code, qid)
    except ClassError:
        return QuestionState()
    except ClassUnavailable:
        session.unavailable()
        return QuestionState()


# ---- the teacher ----------------------------------------------------------------------------------------------


def _act(tab: ClassTab, qid: str, action: rounds.Action) -> None:
    """``on_click`` of a teacher's button (a repeat, or a replayed click, changes nothing: see the store).  A
    question the class is not at is asked first: the phones come to it, and see what the teacher does."""
    if not follow.asked_here(tab, qid):
        follow.ask(tab, follow.current_page(), qid)
    try:
        length_s = COUNTDOWN_S if action == "countdown" else None
        session.store().act(tab.code, tab.teacher_token or "", qid, action, length_s)
    except ClassError:
        session.note(W.text("class_ended"))
    except ClassUnavailable:
        session.unavailable()


@st.fragment(run_every=TEACHER_POLL_S)
def _teacher_panel(tab: ClassTab, asked: Asked, page_revealed: bool) -> None:
    """The round, the count, the split once shown, and the buttons; the whole page runs again once revealed
    (the teacher's screen then shows the experiment too)."""
    store = session.store
    try:
        state = store().state(tab.code, asked.qid)
        counts = store().tally(tab.code, asked.qid)
        first = store().tally(tab.code, asked.qid, 1) if state.round == 2 else None
        joined = store().seat_count(tab.code)
    except (ClassError, ClassUnavailable):
        st.caption(W.text("tally_unavailable"))
        return
    if state.revealed and not page_revealed:
        st.rerun(scope="app")
    _status(tab, state, sum(counts), joined)
    here = follow.asked_here(tab, asked.qid)
    if not here or not state.revealed:
        _buttons(tab, asked, state, counts, here)
    _split(asked, state, counts, first)


def _status(tab: ClassTab, state: QuestionState, voted: int, joined: int) -> None:
    line = W.plural("round_status", joined, round=state.round, voted=num(voted), code=tab.code)
    left = state.seconds_left(time.time())
    if left is not None:
        line += " · " + (W.text("countdown_left", seconds=left) if left else W.text("countdown_closed"))
    st.markdown(line)


def _buttons(tab: ClassTab, asked: Asked, state: QuestionState, counts: Sequence[int], here: bool) -> None:
    """The teacher's buttons in one row: first "Ask the class" while the class is elsewhere, then the question's
    own steps; the next step's button is primary and the clicker presses it."""
    upcoming = rounds.next_action(state, counts, asked.right) if here else ASK
    shown = ([] if here else [ASK]) + [a for a in ACTIONS if rounds.allowed(state, a)]
    for column, action in zip(st.columns(len(shown)), shown, strict=True):
        name = f"{asked.key}_{action}"
        with column:
            st.button(
                W.text(action, seconds=COUNTDOWN_S),
                key=dom.action_key(name) if action == upcoming else name,
                type="primary" if action == upcoming else "secondary",
                icon=ICONS[action],
                disabled=action == "show" and not rounds.showable(counts),
                on_click=follow.ask if action == ASK else _act,
                args=(tab, follow.current_page(), asked.qid) if action == ASK else (tab, asked.qid, action),
                use_container_width=True,
            )
    st.caption(W.text("teacher_buttons_caption", n=rounds.MIN_SHOWN_VOTES))


def _split(asked: Asked, state: QuestionState, counts: Sequence[int], first: Sequence[int] | None) -> None:
    """How the votes split, once shown or revealed; round 1 beside round 2 after a second round."""
    if not (state.shown or state.revealed):  # the options, for pairs to point at, but not how the class chose
        st.markdown("\n".join(f"{i}. {label}" for i, label in enumerate(asked.labels, start=1)))
        st.caption(W.text("split_hidden"))
        return
    right = asked.right if state.revealed else None
    if first is None:
        _bars(asked.labels, counts, right)
        return
    one, two = st.columns(2)
    with one:
        st.markdown(W.text("round_heading", round=1))
        _bars(asked.labels, first, right)
    with two:
        st.markdown(W.text("round_heading", round=2))
        _bars(asked.labels, counts, right)


def _bars(labels: Sequence[str], counts: Sequence[int], right: int | None) -> None:
    if not rounds.showable(counts):
        st.caption(W.text("split_too_few", n=rounds.MIN_SHOWN_VOTES))
        return
    total = sum(counts)
    for i, (label, n) in enumerate(zip(labels, counts, strict=False)):
        share = n / total
        template = "tally_row_right" if i == right else "tally_row"
        st.progress(share, text=W.text(template, label=label, n=n, percent=round(100 * share)))


# ---- a student ------------------------------------------------------------------------------------------------


def _answer_key(asked: Asked, round_: int) -> str:
    """The student's answer widget in a round: round 2 starts with no answer chosen."""
    return asked.key if round_ == 1 else f"{asked.key}_r{round_}"


def _send_vote(tab: ClassTab, asked: Asked, round_: int) -> None:
    """``on_change`` of a student's answer: send it to the class's store, or keep it to send again."""
    choice = st.session_state.get(_answer_key(asked, round_))
    if choice in asked.labels:
        _deliver(tab, asked.qid, round_, asked.labels.index(choice))


def _deliver(tab: ClassTab, qid: str, round_: int, choice: int) -> None:
    pending = st.session_state.setdefault(PENDING_KEY, {})
    try:
        session.store().vote(tab.code, tab.seat, qid, choice)
    except ClassUnavailable:
        pending[qid] = (round_, choice)  # sent again on the next poll
        return
    except ClassError as exc:
        pending.pop(qid, None)
        if exc.reason in ("no_class", "not_joined"):
            session.note(W.text("class_ended"))
        elif exc.reason not in ("revealed", "closed", "round_changed"):  # those the page says by itself
            session.note(W.text("vote_refused"))
        return
    pending.pop(qid, None)


def resend_pending(tab: ClassTab) -> None:
    """Send again the votes the store could not take (an outage): each poll, until it takes them."""
    for qid, (round_, choice) in list(st.session_state.get(PENDING_KEY, {}).items()):
        _deliver(tab, qid, round_, choice)


def _student(tab: ClassTab, asked: Asked, state: QuestionState) -> str | None:
    key = _answer_key(asked, state.round)
    mine = _stored_vote(tab, asked, state.round)
    index = mine if key not in st.session_state else None  # back after a reload or from another page: the vote
    now_s = time.time()
    if state.round == 2 and state.open_at(now_s):
        _round_two_heading(tab, asked)
    choice = st.radio(
        asked.label,
        list(asked.labels),
        index=index,
        key=key,
        disabled=not state.open_at(now_s),
        on_change=_send_vote,
        args=(tab, asked, state.round),
        help=W.text("vote_help"),
    )
    if state.revealed:
        st.caption(W.text(asked.revealed))
        if follow.polls_here(asked.qid, revealed=True):  # the class is still here: this question keeps the poll
            _await_change(tab, asked.qid, state)
        return choice if choice in asked.labels else ""
    st.caption(_vote_status(asked, state, choice, mine, now_s))
    if follow.polls_here(asked.qid, revealed=False):
        _await_change(tab, asked.qid, state)
    return None


def _stored_vote(tab: ClassTab, asked: Asked, round_: int) -> int | None:
    try:
        mine = session.store().my_vote(tab.code, tab.seat, asked.qid, round_)
    except ClassUnavailable:
        return None
    return mine if mine is not None and 0 <= mine < len(asked.labels) else None


def _round_two_heading(tab: ClassTab, asked: Asked) -> None:
    first = _stored_vote(tab, asked, 1)
    if first is None:
        st.markdown(W.text("student_round_two_none"))
    else:
        st.markdown(W.text("student_round_two", answer=asked.labels[first].rstrip(".")))


def _vote_status(asked: Asked, state: QuestionState, choice: str | None, mine: int | None, now_s: float) -> str:
    """What the page says about the student's vote: what the store holds, never more."""
    if asked.qid in st.session_state.get(PENDING_KEY, {}):
        return W.text("vote_pending")
    if not state.open_at(now_s):
        return W.text("vote_closed" if mine is not None else "vote_closed_none")
    if choice not in asked.labels:
        return W.text("vote_please")
    if mine is not None and asked.labels[mine] == choice:
        return W.text("vote_counted")
    return W.text("vote_not_counted")


@st.fragment(run_every=STUDENT_POLL_S)
def _await_change(tab: ClassTab, qid: str, shown: QuestionState) -> None:
    """The page's one poll, on the question the class is at: votes not yet counted are sent again, the teacher's
    moves are followed (:func:`follow.check`), and the whole page runs again as soon as the question moves on (a
    reveal, a new round, a countdown's end) or the class has ended."""
    was_pending = qid in st.session_state.get(PENDING_KEY, {})
    resend_pending(tab)
    try:  # the page's one poll: it follows the teacher too
        here = session.store().position(tab.code)
    except (ClassError, ClassUnavailable):
        here = None
    follow.check(here, follow.current_page())
    delivered = was_pending and qid not in st.session_state.get(PENDING_KEY, {})  # the page now says "counted"
    now_s = time.time()
    state = shown
    try:
        state = session.store().state(tab.code, qid)
        moved = (state.revealed, state.round) != (shown.revealed, shown.round)
        closed_now = shown.open_at(now_s) and not state.open_at(now_s)
        ended = session.store().find_class(tab.code) is None
    except ClassError:
        moved, closed_now, ended = False, False, True
    except ClassUnavailable:
        moved, closed_now, ended = False, False, False
    if moved or closed_now or ended or delivered:
        st.rerun(scope="app")
    left = state.seconds_left(now_s) if not (ended or moved) else None
    if left:  # the countdown on the phone too
        st.markdown(W.text("countdown_left", seconds=left))
    if not state.revealed:
        st.caption(W.text("waiting_for_experiment" if ":predict:" in qid else "waiting_for_answer"))
