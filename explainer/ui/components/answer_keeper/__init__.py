"""A student's answers kept in this browser: the predictions they locked and the quick checks they answered
survive a reload, a new tab and the next day (``localStorage``, one item per question; ``assets/index.js``).

A component that shows nothing.  The server never stores these answers: a session holds what its tab shows
(:mod:`explainer.ui.answers`), and this component writes each change into the browser and, on a session's first
run, sends back what the browser kept.  Every change carries an id of its own, and each tab applies an id once:
a change is sent again on every run of its session (so none is lost to a run that a newer one overtook), and
still never overwrites what another tab of the same browser has written since.
"""

from __future__ import annotations

from typing import TypedDict

import streamlit as st

from explainer.ui.components import mount_hidden
from explainer.ui.dom import ANSWER_KEEPER_KEY

NAME = "answer_keeper"


class AnswerWrite(TypedDict):
    """One change this session made: keep ``choice`` (an option's text as the lesson file writes it) as the
    answer to ``question`` (``"<lesson>:<block>"``)."""

    id: str
    question: str
    choice: str


class AnswerKeeperData(TypedDict):
    """What to do in the browser on this run: first ``clear`` (an id, or "" for none), then ``writes``; and, if
    ``ask``, send back every answer kept under ``prefix`` (state ``kept``: question -> choice)."""

    prefix: str
    writes: list[AnswerWrite]
    clear: str
    ask: bool


def mount(data: AnswerKeeperData) -> None:
    """The component, once per run, in the sidebar (so that the page's own elements never move).  Its answer
    arrives as a rerun; :func:`reply` reads it."""
    with st.sidebar:
        mount_hidden(NAME, key=ANSWER_KEEPER_KEY, data=data, on_kept_change=lambda: None)


def reply() -> object:
    """What the browser sent back (question -> choice, still to be checked against the lessons), or None
    before it has answered.  Read before :func:`mount`, so the run that receives it already stops asking."""
    state = st.session_state.get(ANSWER_KEEPER_KEY)
    return getattr(state, "kept", None) if state is not None else None
