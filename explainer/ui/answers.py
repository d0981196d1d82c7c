"""A student's own answers outside class mode: the predictions they locked and the quick checks they answered,
kept in their browser so that a reload, a new tab or the next day finds them (and a locked prediction stays
locked: a reload cannot take it back).

The browser keeps them (``localStorage``, through :mod:`explainer.ui.components.answer_keeper`); the server
only holds, in the tab's session, what the tab shows, as the page always did.  An answer is the chosen option's
text as the English lesson file writes it, under the question's id (``"gaba:predict:shunt"``: the lesson's name
and the block's), so an answer given in one language shows in another (a translation keeps the options' order):
a number the model computes differently keeps the answer, an option whose text was edited drops it (it is
ignored, never shown as wrong).  Its verdict is not kept: it follows from the option and the lesson's
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
from explainer.content import i18n
from explainer.content.parse import LessonText
from explainer.ui import course, dom, page_questions, styles
from explainer.ui.components import answer_keeper

ANSWERS_KEY = "ei_answers"  # question id -> the chosen option's text (the English lesson file's), this session
WRITES_KEY = "ei_answers_writes"  # question id -> this session's latest change, sent until the session ends
CLEAR_KEY = "ei_answers_clear"  # the id of this session's latest "clear my answers" ("" for none)
HEARD_KEY = "ei_answers_heard"  # the browser has sent what it kept
ARRIVED_KEY = "ei_answers_arrived"  # this run is the one that took the browser's answers


def kept(lesson: str, block: str) -> str | None:
    """The student's answer to a question (the option's text as the lesson file of the page's language writes
    it), or None."""
    english = _answers().get(question_id(lesson, block))
    if english is None:
        return None
    return _same_option(lesson, block, english, i18n.SOURCE, i18n.current()) or english


def keep(lesson: str, block: str, choice: str) -> None:
    """The student answered (``choice``: the option's text in the page's language): the session shows it, and
    the browser keeps it from this run on, in English."""
    qid = question_id(lesson, block)
    choice = _same_option(lesson, block, choice, i18n.current(), i18n.SOURCE) or choice
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
            with i18n.using(i18n.SOURCE):  # the browser keeps the English option texts
                english = [(name, _text_of(name)) for name, _ in [*lessons, *pages()]]
            for qid, choice in usable(raw, [(name, text) for name, text in english if text is not None]).items():
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


def _text_of(name: str) -> LessonText | None:
    """The text of the lesson or page ``name`` in the current language (``i18n.using`` chooses it)."""
    lesson = next((x for x in course.current() if x.name == name), None)
    if lesson is not None:
        return lesson.text
    page = next((p for p in page_questions.PAGES if p.name == name), None)
    return page.text if page is not None else None


def _same_option(name: str, block: str, choice: str, source: str, target: str) -> str | None:
    """``choice``, an option of the question in ``source``'s text, as ``target``'s text writes the same option
    (the translations keep the options' order); None if it is not one of the question's options."""
    if source == target:
        return choice
    found: list[tuple[str, ...]] = []
    for lang in (source, target):
        with i18n.using(lang):
            text = _text_of(name)
            question = text.questions().get(block) if text is not None else None
        found.append(question.labels if question is not None else ())
    here, there = found
    if choice not in here or len(there) != len(here):
        return None
    return there[here.index(choice)]


def _answers() -> dict[str, str]:
    return st.session_state.setdefault(ANSWERS_KEY, {})
