"""The class a tab belongs to, and as whom: read from the link once per run, kept in the tab's session.

Links (the only way in; no names, no accounts, no cookies of ours):

- ``?class=ABC234`` joins a class as a student: the tab gets a random **seat**, which goes into its link
  (``&seat=...``) so that a reload keeps the same seat and the same votes, never a second vote;
- ``?class=ABC234&teacher=<token>`` is the teacher link.  The token is checked against its hash in the
  store, kept in this tab's session (and its ``sessionStorage``, for a reload: :mod:`keeper`) and **removed
  from the address bar at once**, the class code with it: projecting the screen or copying the visible link
  never shows the token.  A student link never grants the teacher's controls.

Every run, :func:`restore` re-reads the link and puts ``class`` (and a student's ``seat``) back after a page
change.  A code that is unknown, mistyped or expired gets a clear note and the tab leaves class mode; a
database that cannot be reached gets a note too and the lessons work on without the class.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import sqlalchemy as sa
import streamlit as st

from explainer.content.parse import load_lesson
from explainer.content.words import words
from explainer.ui.classroom import codes
from explainer.ui.classroom.store import ClassError, ClassStore
from explainer.ui.components import class_keeper as keeper

W = words("classroom")  # the words: content/words/classroom.toml

ENV_DATABASE_URL = "EXPLAINER_DATABASE_URL"  # PostgreSQL for replicas: postgresql+psycopg://user:pw@host/db
ENV_SQLITE_PATH = "EXPLAINER_CLASS_DB"  # the SQLite file of a single server (created on first use)
DEFAULT_SQLITE_PATH = Path(".data") / "classes.sqlite3"
LESSON_SLUGS = ("meet_the_neuron", "glutamate", "gaba", "tug_of_war")
STATE_KEY = "ei_class"
NOTE_KEY = "ei_class_note"
FORGET_KEY = "ei_class_forget"  # this run left a class: the tab forgets a kept teacher token
PARAM_CLASS, PARAM_SEAT, PARAM_TEACHER = "class", "seat", "teacher"


@dataclass(frozen=True)
class ClassTab:
    """This tab in a class: its code, and either a teacher token or a student seat (never both)."""

    code: str
    teacher_token: str | None = None
    seat: str | None = None

    @property
    def is_teacher(self) -> bool:
        return self.teacher_token is not None


def question_id(slug: str, block: str) -> str:
    """The id of a lesson's question in the store: ``"gaba:predict:shunt"``."""
    return f"{slug}:{block}"


@cache
def all_questions() -> dict[str, int]:
    """Every predict and check question of the four lessons, with its number of options."""
    return {
        question_id(slug, name): len(q.options)
        for slug in LESSON_SLUGS
        for name, q in load_lesson(slug).questions().items()
    }


def database_url() -> str:
    """The class store's database: ``$EXPLAINER_DATABASE_URL`` if set, else the SQLite file."""
    url = os.environ.get(ENV_DATABASE_URL, "").strip()
    if url:
        return url
    path = Path(os.environ.get(ENV_SQLITE_PATH, "").strip() or DEFAULT_SQLITE_PATH).expanduser()
    path.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{path.resolve()}"


@st.cache_resource(show_spinner=False)
def _store(url: str) -> ClassStore:
    return ClassStore(url, all_questions())


def store() -> ClassStore:
    """The one store of this server process (its engine pools the connections)."""
    return _store(database_url())


def current() -> ClassTab | None:
    tab = st.session_state.get(STATE_KEY)
    return tab if isinstance(tab, ClassTab) else None


def note(text: str) -> None:
    """Say something about the class on this run (shown above the page; never what a student typed)."""
    st.session_state[NOTE_KEY] = text


def show_note() -> None:
    """The note above the page, and as a toast: a phone scrolled down the lesson sees it too."""
    text = st.session_state.pop(NOTE_KEY, None)
    if text:
        st.info(text, icon=":material/groups:")
        st.toast(text, icon=":material/groups:")


def unavailable(exc: Exception) -> None:
    """The database did not answer: the class pauses, the lessons go on."""
    note(W.text("store_unavailable"))


def _leave(reason_key: str | None = None) -> None:
    st.session_state.pop(STATE_KEY, None)
    st.session_state[FORGET_KEY] = True
    for param in (PARAM_CLASS, PARAM_SEAT, PARAM_TEACHER):
        if param in st.query_params:
            del st.query_params[param]
    if reason_key:
        note(W.text(reason_key))


def restore() -> ClassTab | None:
    """Once per run, before the page: the class this tab is in, from its session, its link, or the teacher
    token the tab kept (a reload)."""
    tab = _from_session_or_link()
    if tab is not None:  # a tab in no class never touches the database (it may be down: the lessons go on)
        try:
            store().purge_expired()  # at most every few minutes per process: expired classes are deleted
        except sa.exc.SQLAlchemyError as exc:
            unavailable(exc)
    if tab is not None and tab.is_teacher:
        keeper.mount({"keep": {"code": tab.code, "token": tab.teacher_token}})
    elif st.session_state.pop(FORGET_KEY, False):
        keeper.mount({"forget": True})
    elif tab is None:
        tab = _teacher_from_kept(keeper.mount({"ask": True}))
    else:
        tab = _student_seat_kept(tab, keeper.mount({"seat": {"code": tab.code, "seat": tab.seat}}))
    return tab


def _student_seat_kept(tab: ClassTab, kept: object) -> ClassTab:
    """The browser already had a seat in this class: this tab takes it, and the seat it got just now goes."""
    seat = codes.read_token(kept)
    if seat is None or seat == tab.seat:
        return tab
    try:
        store().take_seat(tab.code, fresh=tab.seat or "", kept=seat)
    except (ClassError, sa.exc.SQLAlchemyError):
        return tab
    tab = ClassTab(code=tab.code, seat=seat)
    st.session_state[STATE_KEY] = tab
    _keep_in_link(tab)
    return tab


def _teacher_from_kept(raw: object) -> ClassTab | None:
    kept = keeper.read(raw)
    if kept is None or PARAM_CLASS in st.query_params:  # a link to a class wins over what the tab kept
        return None
    code, token = codes.read_code(kept[0]), codes.read_token(kept[1])
    try:
        if code and token and store().is_teacher(code, token):
            tab = ClassTab(code=code, teacher_token=token)
            st.session_state[STATE_KEY] = tab
            _keep_in_link(tab)
            return tab
    except sa.exc.SQLAlchemyError as exc:
        unavailable(exc)
    return None


def _from_session_or_link() -> ClassTab | None:
    params = st.query_params
    linked_code = params.get(PARAM_CLASS)
    tab = current()
    try:
        if PARAM_TEACHER in params:
            return _teacher_from_link(linked_code, params.get(PARAM_TEACHER))
        if tab is None and linked_code is not None:
            return _student_from_link(linked_code, params.get(PARAM_SEAT))
        if tab is not None:
            if linked_code is not None and codes.read_code(linked_code) != tab.code:
                _leave()  # the link names another class: follow the link
                return _student_from_link(linked_code, params.get(PARAM_SEAT))
            if store().find_class(tab.code) is None:
                _leave("class_ended")
                return None
            _keep_in_link(tab)
        return tab
    except sa.exc.SQLAlchemyError as exc:
        unavailable(exc)
        return tab


def _teacher_from_link(linked_code: str | None, token: str | None) -> ClassTab | None:
    code, token = codes.read_code(linked_code), codes.read_token(token)
    del st.query_params[PARAM_TEACHER]  # the token leaves the address bar, whatever it was
    if code and token and store().is_teacher(code, token):
        tab = ClassTab(code=code, teacher_token=token)
        st.session_state[STATE_KEY] = tab
        _keep_in_link(tab)
        return tab
    _leave("teacher_link_invalid")
    return None


def _student_from_link(linked_code: str, linked_seat: str | None) -> ClassTab | None:
    code = codes.read_code(linked_code)
    if code is None or store().find_class(code) is None:
        _leave("code_unknown")
        return None
    seat = codes.read_token(linked_seat) or codes.new_seat()
    try:
        store().join(code, seat)
    except ClassError as exc:
        _leave("class_full" if exc.reason == "class_full" else "code_unknown")
        return None
    tab = ClassTab(code=code, seat=seat)
    st.session_state[STATE_KEY] = tab
    _keep_in_link(tab)
    return tab


def _keep_in_link(tab: ClassTab) -> None:
    """A student's class and seat stay in the address bar on every page.  A teacher's tab keeps its class in
    the session and in the tab's storage only (:mod:`keeper`): its address bar shows no class, so a reload
    cannot mistake the teacher for a new student, and never a token."""
    if tab.is_teacher:
        for param in (PARAM_CLASS, PARAM_SEAT):
            if param in st.query_params:
                del st.query_params[param]
        return
    if st.query_params.get(PARAM_CLASS) != tab.code:
        st.query_params[PARAM_CLASS] = tab.code
    if tab.seat and st.query_params.get(PARAM_SEAT) != tab.seat:
        st.query_params[PARAM_SEAT] = tab.seat


def start_class() -> tuple[ClassTab, str]:
    """The teacher starts a class: this tab becomes its teacher; returns the tab and the teacher token."""
    code, token = store().start_class()
    tab = ClassTab(code=code, teacher_token=token)
    st.session_state[STATE_KEY] = tab
    _keep_in_link(tab)
    return tab, token


def join_typed_code(typed: str) -> bool:
    """A student typed a code: join that class (False, with a note, if there is none)."""
    if codes.read_code(typed) is None:
        note(W.text("code_unreadable"))
        return False
    _leave()
    try:
        return _student_from_link(typed, None) is not None
    except sa.exc.SQLAlchemyError as exc:
        unavailable(exc)
        return False


def leave_class() -> None:
    _leave("left_class")


def end_class(tab: ClassTab) -> None:
    """The teacher ends the class: its data is deleted now, and this tab leaves class mode."""
    store().end_class(tab.code, tab.teacher_token or "")
    _leave("class_deleted")
