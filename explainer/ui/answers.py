"""A student's own answers outside class mode: the predictions they locked and the quick checks they answered,
kept in their browser so that a reload, a new tab or the next day finds them (and a locked prediction stays
locked: a reload cannot take it back).

The browser keeps them (``localStorage``, through :mod:`explainer.ui.components.answer_keeper`); the server
only holds, in the tab's session, what the tab shows, as the page always did.  An answer is the chosen option's
text as the lesson file writes it, under the question's id (``"gaba:predict:shunt"``: the lesson's name and the
block's): a number the model computes differently keeps the answer, an option whose text was edited drops it
(it is ignored, never shown as wrong).  Its verdict is not kept: it follows from the option and the lesson's
current text.

On a session's first run the page asks the browser and holds back its questions (hidden, see
``ui/styles/answers.css``) until the answer arrives as one more run; the pages that show answers call
:func:`sync` once per run.  In class mode the class's rules win: the lesson page neither restores nor keeps a
vote here (the store has it), so a revealed question stays revealed and a vote is not replaced.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable, Mapping

import streamlit as st

from explainer.classroom.questions import question_id
from explainer.content.parse import LessonText
from explainer.ui import dom, page_questions, styles
from explainer.ui.components import answer_keeper

ANSWERS_KEY = "ei_answers"  # question id -> the chosen option's text (the lesson file's), for this session
WRITES_KEY = "ei_answers_writes"  # question id -> this session's latest change, sent until the session ends
CLEAR_KEY = "ei_answers_clear"  # the id of this session's latest "clear my answers" ("" for none)
HEARD_KEY = "ei_answers_heard"  # the browser has sent what it kept
ARRIVED_KEY = "ei_answers_arrived"  # this run is the one that took the browser's answers


def kept(lesson: str, block: str) -> str | None:
    """The student's answer to a question (the option's text as the lesson file writes it), or None."""
    return _answers().get(question_id(lesson, block))


def keep(lesson: str, block: str, choice: str) -> None:
    """The student answered: the session shows it, and the browser keeps it from this run on."""
    qid = question_id(lesson, block)
    _answers()[qid] = choice
    writes = st.session_state.setdefault(WRITES_KEY, {})
    writes.pop(qid, None)  # the latest change last
    writes[qid] = answer_keeper.AnswerWrite(id=secrets.token_hex(8), question=qid, choice=choice)


def clear() -> None:
    """Forget every answer: this session's now, the browser's from this run on."""
    st.session_state[ANSWERS_KEY] = {}
    st.session_state[WRITES_KEY] = {}
    st.session_state[CLEAR_KEY] = secrets.token_hex(8)


def count() -> int:
    """How many answers this session holds."""
    return len(_answers())


def waiting() -> bool:
    """True until the browser has sent what it kept (the session's first run on a page that shows answers)."""
    return not st.session_state.get(HEARD_KEY, False)


def sync(lessons: Iterable[tuple[str, LessonText]]) -> None:
    """Once per run, before the page draws a question: take the browser's kept answers if they have come (those
    that still match a question and an option of ``lessons``, (name, text) pairs, or of a page's own questions,
    :data:`ui.page_questions.PAGES`), then tell the browser what changed.  Every page that syncs takes them all:
    the first one to hear the browser is the only one that does.  Also puts the style sheet that hides the
    questions while the browser has not answered."""
    if waiting():
        raw = answer_keeper.reply()
        if raw is not None:
            st.session_state[HEARD_KEY] = st.session_state[ARRIVED_KEY] = True
            for qid, choice in usable(raw, [*lessons, *pages()]).items():
                _answers().setdefault(qid, choice)  # an answer given in this session is newer
    st.html(styles.stylesheet("answers.css"))
    answer_keeper.mount(
        answer_keeper.AnswerKeeperData(
            prefix=dom.ANSWER_STORE_PREFIX,
            writes=list(st.session_state.get(WRITES_KEY, {}).values()),
            clear=st.session_state.get(CLEAR_KEY, ""),
            ask=waiting(),
        )
    )


def questions_container(*, hold: bool = True):
    """The container for a page's questions: with ``hold``, hidden while the browser has not answered, and on
    the run that brings its answers, what is left of the run before shows only once this run has drawn it anew
    (else the unlocked prediction would show until its locked one replaces it)."""
    arrived = st.session_state.pop(ARRIVED_KEY, False)
    if hold and waiting():
        return st.container(key=dom.ANSWERS_WAITING_KEY)
    return st.container(key=dom.ANSWERS_ARRIVED_KEY if hold and arrived else dom.ANSWERS_READY_KEY)


def usable(raw: object, lessons: Iterable[tuple[str, LessonText]]) -> dict[str, str]:
    """The kept answers that still fit the lessons: a known question and the exact text of one of its options.
    Anything else the browser sent (another lesson's, an edited option, not text at all) is left out."""
    if not isinstance(raw, Mapping):
        return {}
    options = {question_id(name, block): q.labels for name, text in lessons for block, q in text.questions().items()}
    return {
        qid: choice
        for qid, choice in raw.items()
        if isinstance(qid, str) and isinstance(choice, str) and choice in options.get(qid, ())
    }


def pages() -> list[tuple[str, LessonText]]:
    """The pages' own questions as (name, text) pairs, kept like a lesson's (the circuits prediction)."""
    return [(page.name, page.text) for page in page_questions.PAGES]


def _answers() -> dict[str, str]:
    return st.session_state.setdefault(ANSWERS_KEY, {})
