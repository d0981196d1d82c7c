"""The class page's parts: start or join a class; the teacher's projected code, QR code and join link; the
export; the sidebar's reminder of the class a tab is in."""

from __future__ import annotations

import io
import re
from datetime import datetime, timezone
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import segno
import sqlalchemy as sa
import streamlit as st

from explainer.content.format import fill
from explainer.content.words import words
from explainer.ui import course, lesson_page
from explainer.ui.classroom import session
from explainer.ui.classroom.session import ClassTab
from explainer.ui.classroom.store import CLASS_LIFETIME_S, ClassError, QuestionText

W = words("classroom")  # the words: content/words/classroom.toml
QR_SCALE = 8  # px per module in the SVG
QR_WIDTH_PX = 300  # on screen: big enough for a phone at the back of a room
JOIN_CODE_KEY = "class_join_code"


def join_link(code: str) -> str:
    """This page's address with the class code: what students open (the QR code holds it too)."""
    base = (st.context.url or "").split("?")[0].split("#")[0]
    return f"{base}?{session.PARAM_CLASS}={code}"


def qr_svg(link: str) -> str:
    """The join link as an SVG QR code, made here (no network), with a text alternative (its title)."""
    out = io.BytesIO()
    segno.make(link, error="m").save(
        out, kind="svg", scale=QR_SCALE, xmldecl=False, title=W.text("teacher_qr_alt", link=link)
    )
    return out.getvalue().decode("utf-8")


def start_or_join() -> None:
    """No class yet: a student types a code; a teacher starts one."""
    # The student's box first: on a phone the columns stack, and phones are the students'.
    join, start = st.columns(2)
    with start, st.container(border=True):
        st.header(W.text("start_heading"), anchor=False)
        if st.button(W.text("start_button"), key="class_start", type="primary", help=W.text("start_help")):
            try:
                session.start_class()
            except (ClassError, sa.exc.SQLAlchemyError) as exc:
                session.unavailable(exc)
            st.rerun()
    with join, st.container(border=True):
        st.header(W.text("join_heading"), anchor=False)
        with st.form("class_join", border=False):
            typed = st.text_input(
                W.label(JOIN_CODE_KEY),
                key=JOIN_CODE_KEY,
                max_chars=12,
                placeholder=W.text("join_placeholder"),
                help=W.help(JOIN_CODE_KEY),
            )
            if st.form_submit_button(W.text("join_button")):
                session.join_typed_code(typed)
                st.rerun()


@st.fragment(run_every=2.0)
def joined_count(code: str) -> None:
    try:
        n = session.store().seat_count(code)
    except (ClassError, sa.exc.SQLAlchemyError):
        return
    st.markdown(W.text("teacher_joined_one") if n == 1 else W.text("teacher_joined", n=n))


def teacher(tab: ClassTab) -> None:
    """What the teacher projects: the code, big; the QR code and the join link; who has joined."""
    link = join_link(tab.code)
    left, right = st.columns([2, 1], vertical_alignment="center")
    with left:
        st.header(W.text("teacher_heading"), anchor=False)
        st.markdown(f"<div class='ei-class-code'>{tab.code}</div>", unsafe_allow_html=True)  # A-Z, 2-9 only
        st.markdown(W.text("teacher_join_link", link=link))
        joined_count(tab.code)
        st.markdown(W.text("teacher_next"))
    with right:
        st.image(qr_svg(link), width=QR_WIDTH_PX, caption=W.text("qr_caption"))
    if urlsplit(link).hostname in ("localhost", "127.0.0.1", "::1"):
        st.warning(W.text("localhost_warning"), icon=":material/wifi_off:")
    _teacher_tools(tab, link)


def _teacher_tools(tab: ClassTab, link: str) -> None:
    lessons = course.current()  # now: the export runs when the teacher clicks, outside this run
    info = session.store().find_class(tab.code)
    if info:
        zone = _browser_zone()
        ends = datetime.fromtimestamp(info.expires_s, tz=zone).strftime("%H:%M")
        st.caption(W.text("expires", time=ends, zone=str(zone)))
    st.download_button(
        W.text("export_button"),
        data=lambda: session.store().tallies_csv(tab.code, tab.teacher_token or "", question_texts(lessons)),
        file_name=f"class-{tab.code}-answers.csv",
        mime="text/csv",
        key="class_export",
        icon=":material/download:",
        on_click="ignore",
        help=W.text("export_help"),
    )
    # In the sidebar, which presenter mode folds away: the projected page never shows the token.
    with st.sidebar.expander(W.text("teacher_link_heading")):
        st.caption(W.text("teacher_link_help"))
        st.markdown(W.text("teacher_link", link=f"{link}&{session.PARAM_TEACHER}={tab.teacher_token}"))
    with st.popover(W.text("end_button"), icon=":material/delete:", help=W.text("end_help")):
        st.markdown(W.text("end_confirm_text"))
        if st.button(W.text("end_confirm"), key="class_end", type="primary"):
            session.end_class(tab)
            st.rerun()


def _browser_zone():
    """The teacher's own time zone, as the browser reports it (UTC if it does not, or names an unknown one)."""
    try:
        return ZoneInfo(st.context.timezone or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return timezone.utc


def student(tab: ClassTab) -> None:
    """Where to go next; leaving is behind a second click, away from where Join was (a double tap)."""
    st.header(W.text("student_heading", code=tab.code), anchor=False)
    st.markdown(W.text("student_next"))
    first = course.current()[0]
    st.page_link(lesson_page.page(first, course.places(course.current())[first.name]), label=W.text("lesson_link"),
                 icon=first.icon)  # fmt: skip
    st.divider()
    with st.popover(W.text("leave_button")):
        st.markdown(W.text("leave_confirm_text"))
        if st.button(W.text("leave_confirm"), key="class_leave"):
            session.leave_class()
            st.rerun()


_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_MATH_WORD = re.compile(r"\\(?:mathrm|text|rm)\{([^}]*)\}")


def plain(text: str, numbers: dict[str, str]) -> str:
    """A lesson's Markdown as plain text for a spreadsheet: numbers filled in, no links, bold or math marks."""
    text = _MATH_WORD.sub(r"\1", _LINK.sub(r"\1", fill(text, numbers)))
    for mark in ("**", "$", "\\", "{", "}"):
        text = text.replace(mark, "")
    return " ".join(text.split())


def question_texts(lessons: tuple[course.Lesson, ...]) -> dict[str, QuestionText]:
    """Every question by id, for the CSV: its prompt and options as plain text, and the right option."""
    texts = {}
    for lesson in lessons:
        numbers = lesson.numbers()
        for name, q in lesson.text.questions().items():
            texts[session.question_id(lesson.name, name)] = QuestionText(
                plain(q.prompt, numbers), [plain(o.label, numbers) for o in q.options], q.options.index(q.answer)
            )
    return texts


def sidebar_reminder(tab: ClassTab | None) -> None:
    if tab is not None:
        key = "sidebar_teacher" if tab.is_teacher else "sidebar_student"
        st.sidebar.markdown(W.text(key, code=tab.code))


def lifetime_hours() -> int:
    return round(CLASS_LIFETIME_S / 3600)
