"""The printable worksheet of a lesson (issue 11): its title and goal, its predict questions and quick checks
with tick boxes and ruled space for an answer and a reason, and its static figures with the lesson page's
standard settings; ``?answers=true`` makes it the teacher's answer sheet (the right box ticked, the answer
and its feedback under each question).

The browser prints it (``styles/print.css``): only the sheet, without the sidebar, the controls, the
buttons or the banner's box, with the banner's words small at the top of every page.  The sheet is as wide
as the printable width of A4 and of US Letter on screen too, so the charts are drawn at the width they print.

The lesson is chosen in the link, ``?ws_lesson=<slug>`` (one of ``content/numbers.py``'s ``BY_LESSON``):
the choice's buttons show the lessons' titles and the link keeps their slugs (Streamlit's own binding would
write the shown title into the link), so this module binds it itself; a value it does not know gets the
app's usual note and the first lesson.
"""

from __future__ import annotations

import contextlib
import html
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace

import streamlit as st

from explainer.content import numbers as text_numbers
from explainer.content.lesson_descriptions import (
    describe_current_step,
    describe_ipsp,
    describe_nmda_block,
    describe_rate_map,
    describe_regularity,
    describe_shunting,
    describe_single_epsp,
    describe_summation,
)
from explainer.content.parse import LessonText, Question, fill, load_lesson
from explainer.content.words import words
from explainer.figures.balance import build_rate_map_figure, build_regularity_figure
from explainer.figures.excitability import build_current_step_figure
from explainer.figures.inhibition import build_ipsp_figure, build_shunting_figure
from explainer.figures.spec import FigureSpec
from explainer.figures.style import MEMBRANE_COLOR, TEXT_COLOR, FigureStyle
from explainer.figures.synapses import build_nmda_block_figure, build_single_epsp_figure, build_summation_figure
from explainer.model.experiments import synapses
from explainer.model.experiments.balance import DEFAULT_SETTINGS
from explainer.model.experiments.excitability import DEFAULT_CURRENT_pA, current_step_run, fi_curve
from explainer.model.experiments.inhibition import SHUNT_GABA_nS, shunting_experiment, single_ipsp
from explainer.model.neuron import NeuronParams
from explainer.ui import device, lesson, styles
from explainer.ui.banner import BANNER_TEXT
from explainer.ui.widgets import quote_url_value, url_toggle

W = words("worksheet")  # the words: content/words/worksheet.toml
UI = words("ui")

LESSON_KEY = "ws_lesson"
ANSWERS_KEY = "answers"
SLUGS = tuple(text_numbers.BY_LESSON)  # teaching order
# Each lesson's page words (its "Lesson 1 of 4 · about 8 minutes" line).
LESSON_WORDS = {
    "meet_the_neuron": "lesson_1_neuron",
    "glutamate": "lesson_2_glutamate",
    "gaba": "lesson_3_gaba",
    "tug_of_war": "lesson_4_balance",
}
ANSWER_LINES = 3  # ruled lines under each question for the student's answer and reason

# The settings each lesson page opens with (its sliders' defaults; tests/app/test_worksheet.py checks that
# they are the pages' own): the sheet shows the figures a student sees before moving anything.
STANDARD = NeuronParams()
L1_CURRENT_pA = float(DEFAULT_CURRENT_pA)
L2_HOLD_mV = synapses.NMDA_HOLD_DEFAULT_mV
L2_MG_mM = STANDARD.mg_mM
L2_SUMMATION = (synapses.SUMMATION_SYNAPSES, synapses.SUMMATION_VOLLEYS, synapses.SUMMATION_INTERVAL_ms)
L3_E_GABA_mV = STANDARD.E_L_mV
L3_G_GABA_nS = SHUNT_GABA_nS
L4_POINT_HZ = (DEFAULT_SETTINGS.glutamate_rate_hz, DEFAULT_SETTINGS.gaba_rate_hz)

# The print's colours, from the palette (figures/style.py), as CSS properties print.css reads.
PRINT_COLORS = {"ws-ink": TEXT_COLOR, "ws-rule": MEMBRANE_COLOR}


@dataclass(frozen=True)
class SheetFigure:
    """One static chart of the sheet: its figure and the alt text screen readers read."""

    fig: FigureSpec
    alt: str


def _neuron_figures(s: FigureStyle) -> list[SheetFigure]:
    w = words("lesson_1_neuron")
    run, fi = current_step_run(STANDARD, L1_CURRENT_pA), fi_curve(STANDARD)
    return [
        SheetFigure(
            build_current_step_figure(run, fi, figure_style=s),
            w.text("chart_alt", description=describe_current_step(run, fi)),
        )
    ]


def _glutamate_figures(s: FigureStyle) -> list[SheetFigure]:
    w = words("lesson_2_glutamate")
    epsp = synapses.single_epsp(STANDARD)
    mg = synapses.nmda_coincidence(replace(STANDARD, mg_mM=L2_MG_mM), L2_HOLD_mV)
    n_syn, volleys, interval_ms = L2_SUMMATION
    summed = synapses.summation(STANDARD, n_synapses=n_syn, interval_ms=interval_ms, n_volleys=volleys)
    return [
        SheetFigure(
            build_single_epsp_figure(epsp, figure_style=s), w.text("epsp_alt", description=describe_single_epsp(epsp))
        ),
        SheetFigure(
            build_nmda_block_figure(mg, L2_MG_mM, figure_style=s),
            w.text("mg_alt", description=describe_nmda_block(mg, L2_MG_mM)),
        ),
        SheetFigure(
            build_summation_figure(summed, figure_style=s),
            w.text("summation_alt", description=describe_summation(summed, interval_ms)),
        ),
    ]


def _gaba_figures(s: FigureStyle) -> list[SheetFigure]:
    w = words("lesson_3_gaba")
    params = replace(STANDARD, E_gaba_mV=L3_E_GABA_mV)
    ipsp, shunt = single_ipsp(params), shunting_experiment(params, g_gaba_nS=L3_G_GABA_nS)
    return [
        SheetFigure(build_ipsp_figure(ipsp, figure_style=s), w.text("ipsp_alt", description=describe_ipsp(ipsp))),
        SheetFigure(
            build_shunting_figure(shunt, figure_style=s), w.text("shunt_alt", description=describe_shunting(shunt))
        ),
    ]


def _balance_figures(s: FigureStyle) -> list[SheetFigure]:
    w = words("lesson_4_balance")
    reg, rmap = text_numbers.regularity(), text_numbers.default_rate_map()
    return [
        SheetFigure(
            build_regularity_figure(reg, figure_style=s), w.text("comparison_alt", description=describe_regularity(reg))
        ),
        SheetFigure(
            build_rate_map_figure(rmap, L4_POINT_HZ, figure_style=s),
            w.text("map_alt", description=describe_rate_map(rmap, L4_POINT_HZ)),
        ),
    ]


FIGURES: Mapping[str, Callable[[FigureStyle], list[SheetFigure]]] = {
    "meet_the_neuron": _neuron_figures,
    "glutamate": _glutamate_figures,
    "gaba": _gaba_figures,
    "tug_of_war": _balance_figures,
}


@st.cache_resource(max_entries=16, show_spinner=False)
def figures(slug: str, figure_style: FigureStyle) -> tuple[SheetFigure, ...]:
    """The lesson's static figures with its page's standard settings (the same for every visitor)."""
    return tuple(FIGURES[slug](figure_style))


# ---------------------------------------------------------------------------------------------------
# The controls above the sheet (on screen only)
# ---------------------------------------------------------------------------------------------------


def _title(slug: str) -> str:
    return load_lesson(slug).title


def _keep_in_link() -> None:
    """``on_change`` of the lesson choice: the link follows it."""
    slug = st.session_state.get(LESSON_KEY)
    if slug in SLUGS:
        st.query_params[LESSON_KEY] = slug


def lesson_choice() -> str:
    """The lesson, from the link on a session's first run (an unknown value gets a note), then the buttons."""
    label = W.text("lesson_label")
    if LESSON_KEY not in st.session_state:
        raw = st.query_params.get(LESSON_KEY)
        if raw is not None and raw not in SLUGS:
            note = UI.text("link_not_a_choice", name=label, value=quote_url_value(raw))
            st.warning(note, icon=":material/link_off:")
            st.toast(note, icon=":material/link_off:")
            del st.query_params[LESSON_KEY]
        st.session_state[LESSON_KEY] = raw if raw in SLUGS else SLUGS[0]
    chosen = st.segmented_control(
        label,
        SLUGS,
        format_func=_title,
        key=LESSON_KEY,
        required=True,
        on_change=_keep_in_link,
        help=W.text("lesson_help"),
    )
    return chosen if chosen in SLUGS else SLUGS[0]


def controls() -> tuple[str, bool]:
    """The lesson, the answers toggle and the print hint; returns (lesson slug, answers shown)."""
    with st.container(key="ws_controls"):
        slug = lesson_choice()
        answers = url_toggle(W.label(ANSWERS_KEY), False, key=ANSWERS_KEY, help=W.help(ANSWERS_KEY))
        st.info(W.text("print_hint"), icon=":material/print:")
    return slug, bool(answers)


# ---------------------------------------------------------------------------------------------------
# The sheet
# ---------------------------------------------------------------------------------------------------


def _print_banner() -> None:
    """The banner's words, small, at the top of every printed page (hidden on screen: the shell's banner
    is there)."""
    with st.container(key="ws_banner"):
        st.markdown(BANNER_TEXT)


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
    with st.container(key=f"ws_q_{number}"):
        st.markdown(W.text("question", number=number, prompt=fill(q.prompt, nums)))
        boxes = [
            W.text("option_right" if answers and o.correct else "option", label=fill(o.label, nums)) for o in q.options
        ]
        st.markdown("\n".join(f"- {box}" for box in boxes))
        if answers:
            with st.container(key=f"ws_answer_{number}"):
                st.markdown(W.text("answer", answer=fill(q.answer.label, nums), feedback=fill(q.answer.feedback, nums)))
        else:
            st.markdown(W.text("reason_label"))
            _ruled_lines(ANSWER_LINES)


def _part(name: str):
    """A part's heading and intro, in a container the page's first item goes in too: printing never leaves
    a heading alone at the foot of a page."""
    part = st.container(key=f"ws_part_{name}")
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


def sheet(slug: str, answers: bool) -> None:
    """The printable sheet: banner (print only), name and date, title, goal, questions and figures."""
    text: LessonText = load_lesson(slug)
    nums = text_numbers.BY_LESSON[slug]()
    kind = W.text("kind_answer_sheet" if answers else "kind_worksheet")
    questions = list(text.questions().items())
    predicts = [q for name, q in questions if name.startswith("predict")]
    checks = [q for name, q in questions if not name.startswith("predict")]
    with st.container(key="ws_sheet"):
        _print_banner()
        _fields()
        st.title(text.title, anchor=False)
        st.caption(W.text("sheet_caption", kind=kind, step=words(LESSON_WORDS[slug]).text("step")))
        st.markdown(W.text("goal", goal=fill(text.block("goal"), nums)))
        _questions("predict", predicts, 1, nums, answers)
        part = _part("figures")
        style = FigureStyle(narrow=device.is_phone())  # never presenter mode's: paper is not a projector
        for i, f in enumerate(figures(slug, style), start=1):
            with part if i == 1 else contextlib.nullcontext(), st.container(key=f"ws_fig_{i}"):
                lesson.chart(f.fig, f"ws_chart_{i}", f.alt, filename=f"worksheet-{slug}-{i}")
        _questions("checks", checks, len(predicts) + 1, nums, answers)


def _css_string(markdown: str) -> str:
    """Markdown text as a CSS string (bold marks dropped), for a page-margin box's ``content``."""
    text = markdown.replace("**", "").replace("\\", "\\\\").replace('"', '\\"')
    return f'"{text}"'


def print_styles() -> None:
    st.html(styles.css_variables({**PRINT_COLORS, "ws-banner": _css_string(BANNER_TEXT)}))
    st.html(styles.stylesheet("print.css"))


def worksheet() -> None:
    """The page: controls (screen only) and the sheet, with the print style sheet."""
    print_styles()
    slug, answers = controls()
    sheet(slug, answers)
