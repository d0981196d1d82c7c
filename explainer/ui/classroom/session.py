"""The class a tab belongs to, and as whom, on the Streamlit side: read the link and the session once per run,
let :mod:`explainer.classroom.tab` decide, and apply its decision (the session, the address bar, the note,
the browser's keeper).  The rules of the links are in that module's docstring.

Also here: the one store of this server process, the question registry the app uses, and the notes about
the class that every page shows (above the page, and a reminder in the sidebar).
"""

from __future__ import annotations

import streamlit as st

from explainer.classroom import tab as tab_state
from explainer.classroom.errors import ClassUnavailable
from explainer.classroom.questions import LessonQuestions, Registry, registry
from explainer.classroom.questions import question_id as question_id
from explainer.classroom.store import ClassStore, database_url
from explainer.classroom.tab import ClassTab, Decision, KeeperOrder, Kept, Link, TabSession
from explainer.content import i18n
from explainer.content.words import words
from explainer.ui import course, device, dom, page_questions
from explainer.ui.components import class_keeper as keeper

W = words("classroom")  # the words: content/words/classroom.toml

STATE_KEY = "ei_class"
NOTE_KEY = "ei_class_note"
FORGET_KEY = "ei_class_forget"  # this tab left a class: the browser forgets a kept teacher token
PARAM_CLASS = "class"
PARAM_SEAT, PARAM_TEACHER = dom.PRIVATE_LINK_PARAMS  # never in a link the app copies for someone else


@i18n.per_language
def questions_of(
    lessons: tuple[course.Lesson, ...], pages: tuple[page_questions.PageQuestions, ...] = page_questions.PAGES
) -> Registry:
    """Every question class mode counts votes on: these lessons' predict and check questions, then the pages'
    own (``ui/page_questions.PAGES``); their texts (the teacher's CSV) in the page's language, their ids and
    numbers of options the same in every language."""
    return registry(
        [LessonQuestions(lesson.name, lesson.text, lesson.numbers()) for lesson in lessons]
        + [LessonQuestions(page.name, page.text, page.numbers()) for page in pages]
    )


def questions() -> Registry:
    """The questions of the course this session runs (``explainer.lessons.LESSONS``, through the shell) and of
    the pages that ask their own."""
    return questions_of(course.current())


@st.cache_resource(show_spinner=False)
def _store(url: str, options: tuple[tuple[str, int], ...]) -> ClassStore:
    store = ClassStore(url, dict(options))
    store.start_purging()  # expired classes are deleted on a timer, whether or not anyone starts a class
    return store


def store() -> ClassStore:
    """The one store of this server process (its engine pools the connections).  Raises
    :class:`ClassUnavailable` if the database cannot be opened (the next call tries again)."""
    return _store(database_url(), tuple(questions().options.items()))


def current() -> ClassTab | None:
    tab = st.session_state.get(STATE_KEY)
    return tab if isinstance(tab, ClassTab) else None


def note(text: str) -> None:
    """Say something about the class on this run (shown above the page; never what a student typed)."""
    st.session_state[NOTE_KEY] = text


def show_note() -> None:
    """The note above the page; on a phone as a toast instead, which it sees wherever it is scrolled (both at
    once would say it twice on the small screen)."""
    text = st.session_state.pop(NOTE_KEY, None)
    if text and device.is_phone():
        st.toast(text, icon=":material/groups:")
    elif text:
        st.info(text, icon=":material/groups:")


def unavailable() -> None:
    """The one place a :class:`ClassUnavailable` becomes words: the class pauses, the lessons go on (the
    store has logged the cause)."""
    note(W.text(tab_state.UNAVAILABLE))


def sidebar_reminder(tab: ClassTab | None) -> None:
    """Which class this tab is in, in the sidebar of every page."""
    if tab is not None:
        key = "sidebar_teacher" if tab.is_teacher else "sidebar_student"
        st.sidebar.markdown(W.text(key, code=tab.code))


def restore() -> ClassTab | None:
    """Once per run, before the page: the class this tab is in, from its session, its link, or what the
    browser kept (a teacher's reload, a student's second tab)."""
    first = tab_state.resolve(_session_now(), _link_now(), store)
    _apply(first)
    if first.tab is not None:  # a tab in no class never touches the database (it may be down: the lessons go on)
        try:
            store().purge_expired()  # at most every few minutes per process: expired classes are deleted
        except ClassUnavailable:
            unavailable()
    order = first.keeper  # the first step always says what to tell the keeper
    answer = keeper.mount(_keeper_data(order))
    kept = Kept(teacher=keeper.read(answer)) if order.kind == "ask" else Kept(seat=answer)
    final = tab_state.settle(first, kept, store)
    _apply(final)
    return final.tab


def start_class() -> ClassTab:
    """The teacher starts a class: this tab becomes its teacher."""
    code, token = store().start_class()
    tab = ClassTab(code=code, teacher_token=token)
    _apply(tab_state.enter(_session_now(), _link_now(), tab))
    return tab


def join_typed_code(typed: str) -> bool:
    """A student typed a code: join that class (False, with a note, if there is none)."""
    decision = tab_state.join_typed(_session_now(), _link_now(), typed, store)
    _apply(decision)
    return decision.tab is not None


def leave_class() -> None:
    _apply(tab_state.leave(_session_now(), _link_now(), "left_class"))


def end_class(tab: ClassTab) -> None:
    """The teacher ends the class: its data is deleted now, and this tab leaves class mode."""
    store().end_class(tab.code, tab.teacher_token or "")
    _apply(tab_state.leave(_session_now(), _link_now(), "class_deleted"))


def _session_now() -> TabSession:
    return TabSession(current(), bool(st.session_state.get(FORGET_KEY, False)))


def _link_now() -> Link:
    params = st.query_params
    return Link(params.get(PARAM_CLASS), params.get(PARAM_SEAT), params.get(PARAM_TEACHER))


def _apply(decision: Decision) -> None:
    """The session, the address bar's class parameters and the note, as the decision says."""
    if decision.session.tab is None:
        st.session_state.pop(STATE_KEY, None)
    else:
        st.session_state[STATE_KEY] = decision.session.tab
    if decision.session.leaving:
        st.session_state[FORGET_KEY] = True
    else:
        st.session_state.pop(FORGET_KEY, None)
    link = decision.link
    for param, value in ((PARAM_CLASS, link.code), (PARAM_SEAT, link.seat), (PARAM_TEACHER, link.teacher)):
        if value is None:
            if param in st.query_params:
                del st.query_params[param]
        elif st.query_params.get(param) != value:
            st.query_params[param] = value
    if decision.note:
        note(W.text(decision.note))


def _keeper_data(order: KeeperOrder) -> dict:
    """The keeper component's data for an order (its browser side: ``ui/class_keeper/class_keeper.js``)."""
    if order.kind == "keep":
        return {"keep": {"code": order.code, "token": order.secret}}
    if order.kind == "seat":
        return {"seat": {"code": order.code, "seat": order.secret, "lifetime_ms": keeper.SEAT_LIFETIME_MS}}
    return {order.kind: True}
