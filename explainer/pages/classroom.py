"""Class mode: a teacher starts a class and projects its code; students join; the lessons then collect votes.

Three states of one page: no class yet (a student types a code, a teacher starts one); the teacher's class
(the code, big; the QR code and the join link; who has joined; the export; the teacher link; the end); a
student's class (where to go next, and leaving).
"""

from __future__ import annotations

import io
from datetime import datetime, timezone
from urllib.parse import urlencode, urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import segno
import streamlit as st

from explainer.classroom import export
from explainer.classroom.errors import ClassError, ClassUnavailable
from explainer.classroom.questions import QuestionText, Registry
from explainer.classroom.schema import MAX_SEATS_PER_CLASS
from explainer.classroom.store import CLASS_LIFETIME_S, ClassStore
from explainer.classroom.tab import ClassTab
from explainer.content import i18n
from explainer.content.format import num
from explainer.content.words import words
from explainer.ui import language
from explainer.ui.classroom import session
from explainer.ui.components import class_keeper as keeper

WORDS = words("classroom")  # every word this page shows: content/words/classroom.toml
QR_SCALE = 8  # px per module in the SVG
QR_WIDTH_PX = 300  # on screen: big enough for a phone at the back of a room
JOIN_CODE_KEY = "class_join_code"
JOINING_KEY = "class_joining_open"
SIZE_KEY = "class_size"


def page_address(params: dict[str, str]) -> str:
    """This page's address with ``params`` and the page's language (:func:`explainer.content.i18n.link_params`)."""
    base = (st.context.url or "").split("?")[0].split("#")[0]
    return f"{base}?{urlencode({**params, **i18n.link_params(language.current())})}"


def join_link(code: str) -> str:
    """This page's address with the class code, in the teacher's language: what students open (the QR code holds it
    too).  A phone may then choose its own language, which it keeps while it follows the teacher."""
    return page_address({session.PARAM_CLASS: code})


def qr_svg(link: str) -> str:
    """The join link as an SVG QR code, made here (no network), with a text alternative (its title)."""
    out = io.BytesIO()
    segno.make(link, error="m").save(
        out, kind="svg", scale=QR_SCALE, xmldecl=False, title=WORDS.text("teacher_qr_alt", link=link)
    )
    return out.getvalue().decode("utf-8")


def lifetime_hours() -> int:
    return round(CLASS_LIFETIME_S / 3600)


def start_or_join() -> None:
    """No class yet: a student types a code; a teacher starts one."""
    # The student's box first: on a phone the columns stack, and phones are the students'.
    join, start = st.columns(2)
    with start, st.container(border=True):
        st.header(WORDS.text("start_heading"), anchor=False)
        if st.button(WORDS.text("start_button"), key="class_start", type="primary", help=WORDS.text("start_help")):
            try:
                session.start_class()
            except (ClassError, ClassUnavailable):  # ClassError: no free code after many tries
                session.unavailable()
            st.rerun()
    with join, st.container(border=True):
        st.header(WORDS.text("join_heading"), anchor=False)
        with st.form("class_join", border=False):
            typed = st.text_input(
                WORDS.label(JOIN_CODE_KEY),
                key=JOIN_CODE_KEY,
                max_chars=12,
                placeholder=WORDS.text("join_placeholder"),
                help=WORDS.help(JOIN_CODE_KEY),
            )
            if st.form_submit_button(WORDS.text("join_button")):
                session.join_typed_code(typed)
                st.rerun()


@st.fragment(run_every=2.0)
def joined_count(tab: ClassTab) -> None:
    """How many have joined, of the class's size, and whether joining is open (refreshed while students join)."""
    try:
        status = session.store().status(tab.code, tab.teacher_token or "")
    except (ClassError, ClassUnavailable):
        st.caption(WORDS.text("tally_unavailable"))
        return
    st.markdown(WORDS.plural("teacher_joined", status.seats, size=num(status.size_cap)))
    if not status.joining_open:
        st.markdown(WORDS.text("joining_closed_teacher"))


def teacher(tab: ClassTab) -> None:
    """What the teacher projects: the code, big; the QR code and the join link; who has joined."""
    link = join_link(tab.code)
    left, right = st.columns([2, 1], vertical_alignment="center")
    with left:
        st.header(WORDS.text("teacher_heading"), anchor=False)
        st.markdown(f"<div class='ei-class-code'>{tab.code}</div>", unsafe_allow_html=True)  # A-Z, 2-9 only
        st.markdown(WORDS.text("teacher_join_link", link=link))
        joined_count(tab)
        st.markdown(WORDS.text("teacher_next"))
    with right:
        st.image(qr_svg(link), width=QR_WIDTH_PX, caption=WORDS.text("qr_caption"))
    if urlsplit(link).hostname in ("localhost", "127.0.0.1", "::1"):
        st.warning(WORDS.text("localhost_warning"), icon=":material/wifi_off:")
    try:
        _teacher_tools(tab, link)
    except ClassUnavailable:  # the database went away mid-class: say so, never a raw error
        st.info(WORDS.text("store_unavailable"), icon=":material/cloud_off:")
    except ClassError:
        st.info(WORDS.text("class_ended"), icon=":material/groups:")


def answers_csv(tab: ClassTab, store: ClassStore, questions: Registry) -> str:
    """The class's answers for the teacher's download: the store's counts, the registry's plain texts and the
    teacher's own questions."""
    counts = store.counts(tab.code, tab.teacher_token or "")
    own = {q.question_id: QuestionText(q.prompt, q.options, q.right) for q in store.own_questions(tab.code)}
    return export.tallies_csv(tab.code, counts, {**questions.texts, **own})


def _on_joining(tab: ClassTab) -> None:
    _guarded(
        lambda: session.store().set_joining(tab.code, tab.teacher_token or "", bool(st.session_state[JOINING_KEY]))
    )


def _on_size(tab: ClassTab) -> None:
    size = st.session_state.get(SIZE_KEY)
    if isinstance(size, int):
        _guarded(lambda: session.store().set_size(tab.code, tab.teacher_token or "", size))


def _on_remove(tab: ClassTab) -> None:
    def remove() -> None:
        n = session.store().remove_idle_seats(tab.code, tab.teacher_token or "")
        session.note(WORDS.plural("removed_seats", n))

    _guarded(remove)


def _guarded(change) -> None:
    """A teacher's change to the class: a refusal or an outage becomes a note, never an error box."""
    try:
        change()
    except ClassError:
        session.note(WORDS.text("class_ended"))
    except ClassUnavailable:
        session.unavailable()


def _joining_controls(tab: ClassTab) -> None:
    """Who may join: open or closed, the class's size, and removing the seats that never voted (a join flood,
    phones that left)."""
    status = session.store().status(tab.code, tab.teacher_token or "")
    with st.container(border=True, key="class_joining_box"):
        st.markdown(WORDS.text("joining_heading"))
        open_, size, remove = st.columns([1, 1, 1], vertical_alignment="bottom")
        with open_:
            st.toggle(WORDS.label(JOINING_KEY), value=status.joining_open, key=JOINING_KEY,
                      on_change=_on_joining, args=(tab,))  # fmt: skip
        with size:
            st.number_input(WORDS.label(SIZE_KEY), min_value=1, max_value=MAX_SEATS_PER_CLASS,
                            value=status.size_cap, step=1, key=SIZE_KEY, on_change=_on_size, args=(tab,))  # fmt: skip
        with remove:
            st.button(WORDS.text("remove_seats"), key="class_remove_seats", icon=":material/person_remove:",
                      on_click=_on_remove, args=(tab,))  # fmt: skip
        st.caption(WORDS.text("joining_caption"))


def _teacher_tools(tab: ClassTab, link: str) -> None:
    # the export runs when the teacher clicks, outside this run: it takes this run's store and questions
    store, questions = session.store(), session.questions()
    _joining_controls(tab)
    info = store.find_class(tab.code)
    if info:
        zone = _browser_zone()
        ends = datetime.fromtimestamp(info.expires_s, tz=zone).strftime("%H:%M")
        st.caption(WORDS.text("expires", time=ends, zone=str(zone)))
    st.download_button(
        WORDS.text("export_button"),
        data=i18n.deferred(lambda: answers_csv(tab, store, questions)),
        file_name=f"class-{tab.code}-answers.csv",
        mime="text/csv",
        key="class_export",
        icon=":material/download:",
        on_click="ignore",
        help=WORDS.text("export_help"),
    )
    # In the sidebar, which presenter mode folds away, and only on a click: the page's HTML never holds the token.
    with st.sidebar.expander(WORDS.text("teacher_link_heading")):
        st.caption(WORDS.text("teacher_link_help"))
        if st.toggle(WORDS.text("teacher_link_show"), key="class_teacher_link_show", value=False):
            page_url = page_address({}).removesuffix("?")
            st.code(keeper.teacher_link(page_url, tab.code, tab.teacher_token or ""), language=None, wrap_lines=True)
    # no tooltip on the popover: it would cover the confirm button below it
    with st.popover(WORDS.text("end_button"), icon=":material/delete:"):
        st.markdown(WORDS.text("end_confirm_text"))
        if st.button(WORDS.text("end_confirm"), key="class_end", type="primary"):
            session.end_class(tab)
            st.rerun()


def _browser_zone():
    """The teacher's own time zone, as the browser reports it (UTC if it does not, or names an unknown one)."""
    try:
        return ZoneInfo(st.context.timezone or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return timezone.utc


def student(tab: ClassTab) -> None:
    """What happens next (the phone follows the teacher); leaving is behind a second click, away from where Join
    was (a double tap)."""
    st.header(WORDS.text("student_heading", code=tab.code), anchor=False)
    st.markdown(WORDS.text("student_next"))
    st.divider()
    with st.popover(WORDS.text("leave_button")):
        st.markdown(WORDS.text("leave_confirm_text"))
        if st.button(WORDS.text("leave_confirm"), key="class_leave"):
            session.leave_class()
            st.rerun()


def render() -> None:
    st.title(WORDS.text("title"))
    tab = session.current()
    if tab is None:
        st.markdown(WORDS.text("intro", hours=lifetime_hours()))
        start_or_join()
    elif tab.is_teacher:
        teacher(tab)
    else:
        student(tab)


if __name__ == "__main__":
    render()
