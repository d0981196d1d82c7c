"""The printable worksheet of a lesson: its title and goal (a question, never its answer), its predict
questions and quick checks with tick boxes and ruled space for an answer and a reason, and its static figures at
the lesson's opening settings; ``?answers=true`` makes it the teacher's answer sheet (the right box ticked, the
answer and its feedback under each question, and the lesson's "What you found" boxes after the figures).

The browser prints it (``ui/styles/print.css``): only the sheet, without the sidebar, the controls, the buttons or the
banner's box, with the banner's words small at the top of every page.  The sheet is as wide as the printable
width of A4 and of US Letter on screen too, so the charts are drawn at the width they print.

The lesson is chosen in the link, ``?ws_lesson=<name>`` (a lesson of the course): the choice's buttons show the
lessons' titles and the link keeps their names (Streamlit's own binding would write the shown title into the
link), so this page binds it itself; a value it does not know gets the app's usual note and the first lesson.
The session keeps the last choice, so a student who leaves the page and comes back finds the same lesson.

The answer sheet has no switch on this page: a student's worksheet offers no way to the answers.  The educator
guide links to each lesson's answer sheet (``?answers=true``).
"""

from __future__ import annotations

import contextlib
import html
from collections.abc import Mapping

import streamlit as st

from explainer.content import i18n
from explainer.content.parse import Question, fill
from explainer.content.words import words
from explainer.figures.style import LAPTOP_PALETTE, FigureStyle, css_colors
from explainer.ui import course, dom, styles
from explainer.ui.banner import banner_text
from explainer.ui.charts import Chart, chart
from explainer.ui.components import viewport
from explainer.ui.course import Lesson
from explainer.ui.links import WORKSHEET_ANSWERS, WORKSHEET_LESSON, WORKSHEET_PAGE
from explainer.ui.widgets import quote_url_value

W = words("worksheet")  # the words: content/words/worksheet.toml
UI = words("ui")
ANSWER_LINES = 3  # ruled lines under each question for the student's answer and reason
# The print's colours (print.css reads them as --ei-<property>), from the colour table: paper is a laptop's.
PRINT_COLORS = {"ws-ink": "text", "ws-rule": "membrane"}


@st.cache_resource(max_entries=16, show_spinner=False)
def _charts(name: str, figure_style: FigureStyle, lang: str) -> tuple[Chart, ...]:
    """The lesson's static charts at its opening settings (the same for every visitor)."""
    with i18n.using(lang):
        lesson = next(lesson for lesson in course.current() if lesson.name == name)
        return lesson.charts(figure_style)


# ---------------------------------------------------------------------------------------------------
# The controls above the sheet (on screen only)
# ---------------------------------------------------------------------------------------------------


LESSON_KEPT = "_ws_lesson_kept"  # the lesson last chosen: Streamlit forgets a widget's value once its page is left


def _keep_in_link(names: tuple[str, ...]) -> None:
    """``on_change`` of the lesson choice: the link follows it."""
    name = st.session_state.get(WORKSHEET_LESSON)
    if name in names:
        st.query_params[WORKSHEET_LESSON] = name


def _opening_lesson(names: tuple[str, ...], label: str) -> str:
    """The lesson the page opens on: the link's (an unknown value gets a note), else the one this session chose
    last time it was here (back in the link too), else the first."""
    raw = st.query_params.get(WORKSHEET_LESSON)
    if raw is not None and raw not in names:
        note = UI.text("link_not_a_choice", name=label, value=quote_url_value(raw))
        st.warning(note, icon=":material/link_off:")
        st.toast(note, icon=":material/link_off:")
        del st.query_params[WORKSHEET_LESSON]
    if raw in names:
        return raw
    kept = st.session_state.get(LESSON_KEPT)
    if kept in names:
        st.query_params[WORKSHEET_LESSON] = kept
        return kept
    return names[0]


def lesson_choice(lessons: tuple[Lesson, ...]) -> Lesson:
    """The lesson, from the link or the session's last choice on arriving (:func:`_opening_lesson`), then the
    buttons; the choice is kept for the next visit."""
    label = W.text("lesson_label")
    names = tuple(lesson.name for lesson in lessons)
    if WORKSHEET_LESSON not in st.session_state:
        st.session_state[WORKSHEET_LESSON] = _opening_lesson(names, label)
    titles = {lesson.name: lesson.text.title for lesson in lessons}
    chosen = st.segmented_control(
        label,
        names,
        format_func=titles.get,
        key=WORKSHEET_LESSON,
        required=True,
        on_change=_keep_in_link,
        args=(names,),
        help=W.text("lesson_help"),
    )
    lesson = lessons[names.index(chosen)] if chosen in names else lessons[0]
    st.session_state[LESSON_KEPT] = lesson.name
    return lesson


def answer_sheet_asked() -> bool:
    """Whether the link asks for the answer sheet (``?answers=true``, the educator guide's links): the page
    itself offers students no way to it.  A value other than true or false gets the app's usual note."""
    raw = st.query_params.get(WORKSHEET_ANSWERS)
    if raw is not None and raw.lower() not in ("true", "false"):
        note = UI.text("link_not_on_off", name=W.text("answers_name"), value=quote_url_value(raw))
        st.warning(note, icon=":material/link_off:")
        st.toast(note, icon=":material/link_off:")
    return raw is not None and raw.lower() == "true"


def controls(lessons: tuple[Lesson, ...]) -> tuple[Lesson, bool]:
    """The lesson, which sheet the link asks for, and the print hint; returns (the lesson, answers shown)."""
    with st.container(key=dom.WS_CONTROLS_KEY):
        lesson = lesson_choice(lessons)
        answers = answer_sheet_asked()
        if answers:
            st.info(W.text("answer_sheet_note"), icon=":material/school:")
            st.page_link(WORKSHEET_PAGE, label=W.text("students_copy_link"), icon=":material/print:",
                         query_params={WORKSHEET_LESSON: lesson.name})  # fmt: skip
        st.info(W.text("print_hint"), icon=":material/print:")
    return lesson, answers


# ---------------------------------------------------------------------------------------------------
# The sheet
# ---------------------------------------------------------------------------------------------------


def _print_banner() -> None:
    """The banner's words, small, at the top of every printed page (hidden on screen: the shell's banner
    is there)."""
    with st.container(key=dom.WS_BANNER_KEY):
        st.markdown(banner_text())


def _fields() -> None:
    """Name and date, with a line to write on."""
    cells = "".join(
        f'<span class="ei-ws-field">{html.escape(W.text(k))}</span><span class="ei-ws-blank"></span>'
        for k in ("name_field", "date_field")
    )
    st.html(f'<div class="ei-ws-fields">{cells}</div>')


def _ruled_lines(n: int) -> None:
    st.html('<div class="ei-ws-lines">' + '<div class="ei-ws-line"></div>' * n + "</div>")


def question(number: int, q: Question, nums: Mapping[str, str], answers: bool) -> None:
    """One question: its prompt, its options as tick boxes, then ruled lines (or the answer and why)."""
    with st.container(key=f"{dom.WS_QUESTION_PREFIX}{number}"):
        st.markdown(W.text("question", number=number, prompt=fill(q.prompt, nums)))
        boxes = [
            W.text("option_right" if answers and o.correct else "option", label=fill(o.label, nums)) for o in q.options
        ]
        st.markdown("\n".join(f"- {box}" for box in boxes))
        if answers:
            with st.container(key=f"{dom.WS_ANSWER_PREFIX}{number}"):
                st.markdown(W.text("answer", answer=fill(q.answer.label, nums), feedback=fill(q.answer.feedback, nums)))
        else:
            st.markdown(W.text("reason_label"))
            _ruled_lines(ANSWER_LINES)


def _part(name: str):
    """A part's heading and intro, in a container the page's first item goes in too: printing never leaves
    a heading alone at the foot of a page."""
    part = st.container(key=f"{dom.WS_PART_PREFIX}{name}")
    with part:
        st.header(W.text(f"part_{name}"), anchor=False)
        st.caption(W.text(f"part_{name}_intro"))
    return part


def _questions(part_name: str, qs: list[Question], first: int, nums: Mapping[str, str], answers: bool) -> None:
    """A part of questions, numbered from ``first``; the first one shares its part's container."""
    part = _part(part_name)
    for i, q in enumerate(qs):
        with part if i == 0 else contextlib.nullcontext():
            question(first + i, q, nums, answers)


def _found(blocks: list[str], nums: Mapping[str, str]) -> None:
    """The answer sheet's "What you found" part: what each revealed experiment shows (never on a student's
    sheet, whose goal asks the question these answer)."""
    part = _part("found")
    for i, block in enumerate(blocks, start=1):
        with part if i == 1 else contextlib.nullcontext(), st.container(key=f"{dom.WS_FOUND_PREFIX}{i}"):
            st.markdown(fill(block, nums))


def sheet(lesson: Lesson, number: int, answers: bool) -> None:
    """The printable sheet: banner (print only), name and date, title, goal, questions and figures (and, on the
    answer sheet, what the students should find)."""
    text, nums = lesson.text, lesson.numbers()
    kind = W.text("kind_answer_sheet" if answers else "kind_worksheet")
    step = UI.text("lesson_step", number=number, count=len(course.current()), minutes=lesson.minutes)
    questions = list(text.questions().items())
    predicts = [q for name, q in questions if name.startswith("predict")]
    checks = [q for name, q in questions if not name.startswith("predict")]
    with st.container(key=dom.WS_SHEET_KEY):
        _print_banner()
        _fields()
        st.title(text.title, anchor=False)
        st.caption(W.text("sheet_caption", kind=kind, step=step))
        st.markdown(W.text("goal", goal=fill(text.block("goal"), nums)))
        _questions("predict", predicts, 1, nums, answers)
        part = _part("figures")
        style = FigureStyle(narrow=viewport.is_narrow())  # never presenter mode's: paper is not a projector
        for i, shown in enumerate(_charts(lesson.name, style, i18n.current()), start=1):
            with part if i == 1 else contextlib.nullcontext(), st.container(key=f"{dom.WS_FIGURE_PREFIX}{i}"):
                chart(shown.fig, f"{dom.WS_CHART_PREFIX}{i}", shown.alt, filename=f"worksheet-{lesson.name}-{i}")
        if answers:
            _found([block for name, block in text.blocks.items() if name.startswith("found:")], nums)
        _questions("checks", checks, len(predicts) + 1, nums, answers)


def print_styles() -> None:
    banner = styles.css_string(banner_text())
    st.html(styles.css_variables({**css_colors(LAPTOP_PALETTE, PRINT_COLORS), "ws-banner": banner}))
    st.html(styles.stylesheet("print.css"))


def render() -> None:
    """The page: controls (screen only) and the sheet, with the print style sheet."""
    lessons = course.current()
    print_styles()
    lesson, answers = controls(lessons)
    sheet(lesson, lessons.index(lesson) + 1, answers)


if __name__ == "__main__":
    render()
