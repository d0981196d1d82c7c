"""The phones follow the teacher: where the teacher is (a page, a question on it, a view's settings) is kept by the
class's store, and every student's page goes there by itself.

- The **teacher** leads by moving: opening a page the class follows (not the teachers' own pages) takes the class
  there; "Ask the class" on a question (:mod:`votes`) takes it to that question; "Send my view" takes it to the
  teacher's settings of the page (a prepared scenario, from the address bar's parameters).
- A **student's** page asks every :data:`FOLLOW_POLL_S` seconds where the class is.  A move it has not followed
  yet takes it there: to the page (with the view's settings, if sent), scrolled to the question.  Another page
  or view is opened as a new page load in the browser (the ``scroll_to`` component's ``open_url``), not by a
  rerun from the polling fragment: Streamlit 1.67's frontend could receive a fragment's update after the page
  had changed under it and show a blank page, and a view's settings are bound widgets that ``st.switch_page``
  cannot set on the page already open.  The class and the seat stay in the address, so the new load is the same
  student in the same class.  A student may
  roam afterwards (another page, other settings); a bar then says where the teacher is, one tap back.  The next
  move of the teacher takes everyone along again.

The store's :class:`~explainer.classroom.store.Position` holds a move's number, so a phone follows each move once.
"""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import parse_qsl, urlencode

import streamlit as st

from explainer.classroom.errors import ClassError, ClassUnavailable
from explainer.classroom.questions import widget_key
from explainer.classroom.store import Position
from explainer.classroom.tab import ClassTab
from explainer.content import i18n
from explainer.content.words import words
from explainer.ui import dom
from explainer.ui.classroom import session
from explainer.ui.components.scroll_to import open_page, scroll_to, watch

W = words("classroom")  # the words: content/words/classroom.toml
FOLLOW_POLL_S = 1.0  # a phone shows the teacher's move within this (the budget: p95 <= 2 s, goal 1 s)
SEEN_KEY = "ei_follow_seen"  # the number of the last move this tab followed
GO_KEY = "ei_follow_go"  # the number of the move this tab is opening (a new page load)
SCROLL_KEY = "ei_follow_scroll"  # (move number, question) to scroll to once the page is drawn
HERE_KEY = "ei_follow_here"  # where the class was when this full run began (the page's questions read it)
HOME_KEY = "ei_follow_home"  # the menu's name of the page at the app's root (for the addresses a phone opens)
POLLING_KEY = "ei_follow_polling"  # a question of this page has the page's one poll
FULL_RUN_KEY = "ei_follow_full_run"  # this run draws the whole page (not a fragment's run)
# Link parameters that are the class's or the app's own, never a view's setting (the language is each reader's own:
# a phone keeps its language, whatever the teacher's).
NOT_VIEW = frozenset({session.PARAM_CLASS, session.PARAM_SEAT, session.PARAM_TEACHER, "present", i18n.LANG_PARAM})


PAGE_KEY = "ei_page_url"  # the URL path of the page this run draws (the menu's, for the page at the root too)


def set_page(page_url: str) -> None:
    """The shell, once per run: which page this run draws (a question's "Ask the class" names it)."""
    st.session_state[PAGE_KEY] = page_url


def current_page() -> str:
    return str(st.session_state.get(PAGE_KEY, ""))


def view_of(params: Mapping[str, str]) -> str:
    """A page's view settings as the address bar holds them, without the class's parameters."""
    return urlencode(sorted((k, v) for k, v in params.items() if k not in NOT_VIEW))


def lead(tab: ClassTab, page_url: str, followed: bool) -> None:
    """The teacher opened ``page_url``: a page the class follows takes the class along (once per page: a run
    on the same page changes nothing)."""
    if not followed:
        return
    try:
        here = session.store().position(tab.code)
        if here is None or here.page != page_url:
            session.store().move(tab.code, tab.teacher_token or "", page_url)
    except ClassError:
        return  # the class has ended: the next run says so
    except ClassUnavailable:
        session.unavailable()


def ask(tab: ClassTab, page_url: str, question_id: str) -> None:
    """``on_click`` of "Ask the class": the class goes to this question (the view as it was on this page)."""
    try:
        here = session.store().position(tab.code)
        view = here.view if here is not None and here.page == page_url else ""
        session.store().move(tab.code, tab.teacher_token or "", page_url, question_id, view)
    except ClassError:
        session.note(W.text("class_ended"))
    except ClassUnavailable:
        session.unavailable()


def asked_here(tab: ClassTab, question_id: str) -> bool:
    """Whether the class is at this question now."""
    try:
        here = session.store().position(tab.code)
    except ClassUnavailable:
        return False
    return here is not None and here.question == question_id


def send_view(tab: ClassTab, page_url: str) -> None:
    """``on_click`` of "Send my view": every phone opens this page with the teacher's settings."""
    try:
        session.store().move(tab.code, tab.teacher_token or "", page_url, None, view_of(st.query_params.to_dict()))
        session.note(W.text("view_sent"))
    except ClassError:
        session.note(W.text("class_ended"))
    except ClassUnavailable:
        session.unavailable()


def send_view_button(tab: ClassTab, page_url: str) -> None:
    """Below the teacher's page: every phone opens this page with the teacher's settings."""
    st.button(W.text("send_view"), key="class_send_view", icon=":material/cast:", on_click=send_view,
              args=(tab, page_url), help=W.text("send_view_help"))  # fmt: skip


def address(page: str, view: str, home: str) -> str:
    """The relative address of ``page`` with the view's settings, this tab's class parameters and this phone's own
    language (never the teacher's) (``home``: the menu's name of the page served at the app's root)."""
    params = dict(parse_qsl(view))
    params.update(
        {k: v for k, v in st.query_params.to_dict().items() if k in (session.PARAM_CLASS, session.PARAM_SEAT)}
    )
    params.update(i18n.link_params(i18n.current()))
    return f"{'./' if page == home else page}?{urlencode(params)}"


def prepare(tab: ClassTab, home: str) -> None:
    """A student's full run, before the page: where the class is now (one read), for the page's questions to know
    which one is asked (that one polls, and follows the teacher for the whole page: one poll per phone)."""
    st.session_state[HOME_KEY] = home
    st.session_state[POLLING_KEY] = False
    st.session_state[FULL_RUN_KEY] = True
    try:
        st.session_state[HERE_KEY] = session.store().position(tab.code)
    except (ClassError, ClassUnavailable):
        st.session_state[HERE_KEY] = None


def end_of_run() -> None:
    """The shell, once the page is drawn: what polls from now on are fragment runs."""
    st.session_state[FULL_RUN_KEY] = False


def polls_here(question_id: str, revealed: bool) -> bool:
    """Whether this question's poll is the page's one poll: the question the class is at (revealed or not), or,
    before the teacher has asked any, every question still waiting for its reveal."""
    here = st.session_state.get(HERE_KEY)
    if isinstance(here, Position) and here.question is not None:
        polling = here.question == question_id and here.page == current_page()
    else:
        polling = not revealed
    if polling:
        st.session_state[POLLING_KEY] = True
    return polling


def follow(tab: ClassTab, page_url: str, titles: Mapping[str, str]) -> None:
    """After a student's page: if none of its questions polls (no question asked on this page), this one does.  The
    page keeps the ``scroll_to`` component's watch, which loads it again if the frontend has dropped it (blank)."""
    watch()
    if not st.session_state.get(POLLING_KEY):
        _where_is_the_class(tab, page_url, dict(titles))


@st.fragment(run_every=FOLLOW_POLL_S)
def _where_is_the_class(tab: ClassTab, page_url: str, titles: dict[str, str]) -> None:
    try:
        here = session.store().position(tab.code)
    except (ClassError, ClassUnavailable):
        return
    check(here, page_url)
    if here is not None and here.page != page_url:
        _roaming_bar(here, titles)


def check(here: Position | None, page_url: str) -> None:
    """Follow the teacher's move ``here`` (the page's one poll calls this every second).  A move to another page
    or view opens it (a new page load); a move to a question on this page scrolls to it, after a run of the page
    if the poll was a fragment's (the newly asked question then takes the poll over, and a teacher's own question
    is drawn)."""
    if here is None:
        return
    elsewhere = here.page != page_url or bool(here.view and here.view != view_of(st.query_params.to_dict()))
    if here.seq != st.session_state.get(SEEN_KEY):
        st.session_state[SEEN_KEY] = here.seq
        st.session_state[SCROLL_KEY] = (here.seq, here.question) if here.question else None
        if elsewhere:
            st.session_state[GO_KEY] = here.seq
        elif not st.session_state.get(FULL_RUN_KEY):
            st.rerun(scope="app")
    if st.session_state.get(GO_KEY) == here.seq and elsewhere:
        open_page(address(here.page, here.view, str(st.session_state.get(HOME_KEY, ""))), nonce=here.seq)
        return
    due = st.session_state.get(SCROLL_KEY)
    if isinstance(due, tuple) and len(due) == 2 and not elsewhere:
        seq, question = due
        scroll_to(dom.css_class(dom.question_key(widget_key(question))), nonce=int(seq))


def _roaming_bar(here: Position, titles: dict[str, str]) -> None:
    """The student is elsewhere: where the teacher is, one tap back."""
    with st.container(border=True, key=dom.FOLLOW_BAR_KEY):
        st.markdown(W.text("teacher_is_at", page=titles.get(here.page, here.page)))
        if st.button(W.text("back_to_teacher"), key="class_back_to_teacher", icon=":material/undo:", type="primary"):
            st.session_state[GO_KEY] = here.seq  # the next poll (at once: the button's run) opens it
            st.rerun(scope="fragment")
