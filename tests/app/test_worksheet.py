"""The printable worksheet (explainer/ui/worksheet.py): each lesson's questions with tick boxes, its static
figures as the lesson page first shows them, the answers only on the answer sheet, harmless bad links, and
the educator guide's links to the four answer sheets.  How it prints: tests/e2e/test_worksheet_print.py."""

from __future__ import annotations

import re
from urllib.parse import parse_qs

import pytest

from explainer.content import numbers as text_numbers
from explainer.content.parse import fill, load_lesson
from explainer.content.words import words
from explainer.figures.style import FigureStyle
from explainer.ui import styles
from explainer.ui import worksheet as ws
from explainer.ui.shell import PAGE_TABLE
from tests.app.conftest import assert_clean, chart_specs, open_page, views

W = words("worksheet")
SLUGS = list(text_numbers.BY_LESSON)
FIGURE_COUNT = {"meet_the_neuron": 1, "glutamate": 3, "gaba": 2, "tug_of_war": 2}


def _sheet(slug: str, answers: bool):
    at = open_page("worksheet.py", {"ws_lesson": slug, "answers": "true" if answers else "false"})
    assert_clean(at)
    return at


def _markdown(at) -> str:
    return "\n".join(m.value for m in at.markdown)


def _ruled_blocks(at) -> int:
    return sum("ei-ws-lines" in h.proto.body for h in at.get("html"))


@pytest.mark.parametrize("answers", [False, True], ids=["worksheet", "answer-sheet"])
@pytest.mark.parametrize("slug", SLUGS)
def test_the_sheet_has_every_question_with_tick_boxes_and_the_lesson_figures(slug, answers):
    at = _sheet(slug, answers)
    text, nums = load_lesson(slug), text_numbers.BY_LESSON[slug]()
    assert at.title[0].value == text.title
    kind = W.text("kind_answer_sheet" if answers else "kind_worksheet")
    assert any(c.value.startswith(kind) for c in at.caption), "the sheet says whether it is the answer sheet"
    md = _markdown(at)
    assert fill(text.block("goal"), nums) in md
    questions = text.questions()
    assert len(questions) == 3
    for q in questions.values():
        assert fill(q.prompt, nums) in md
        for o in q.options:
            shown = W.text("option_right" if answers and o.correct else "option", label=fill(o.label, nums))
            assert f"- {shown}" in md, f"option {o.label!r} is not a tick box"
        right = W.text("answer", answer=fill(q.answer.label, nums), feedback=fill(q.answer.feedback, nums))
        assert (right in md) is answers, "the answer and its feedback are on the answer sheet only"
        wrong_feedback = [fill(o.feedback, nums) for o in q.options if not o.correct]
        assert not any(f in md for f in wrong_feedback), "no feedback of a wrong option on either sheet"
    assert ("☑" in md) is answers, "the right box is ticked only on the answer sheet"
    assert _ruled_blocks(at) == (0 if answers else len(questions)), "ruled space under each question, to answer"
    specs = chart_specs(at)
    assert len(specs) == FIGURE_COUNT[slug] and all(s["data"] for s in specs)
    # a worksheet is paper: no animated view, no slider, no preset, no prediction radio
    assert not views(at) and not at.slider and not at.radio


def test_the_figures_are_the_lesson_pages_own_at_their_standard_settings():
    """The sheet's charts are exactly what each lesson page draws before a slider moves."""
    from explainer.pages import lesson_1_neuron as l1
    from explainer.pages import lesson_2_glutamate as l2
    from explainer.pages import lesson_3_gaba as l3
    from explainer.pages import lesson_4_balance as l4

    s = FigureStyle()
    ipsp, _, shunt, _, _ = l3.gaba_view(float(l3.L3_EGABA_SLIDER.default), float(l3.L3_GGABA_SLIDER.default), s)
    pages = {
        "meet_the_neuron": [l1.view(float(l1.L1_CURRENT_SLIDER.default), float(l1.L1_TREF_SLIDER.default), s)[0]],
        "glutamate": [
            l2.epsp_view(s)[0],
            l2.nmda_view(float(l2.L2_HOLD_SLIDER.default), float(l2.L2_MG_SLIDER.default), s)[0],
            l2.summation_view(
                int(l2.L2_SYNAPSES_SLIDER.default),
                int(l2.L2_VOLLEYS_SLIDER.default),
                float(l2.L2_INTERVAL_SLIDER.default),
                s,
            )[0],
        ],
        "gaba": [ipsp, shunt],
        "tug_of_war": [
            l4.comparison_view(s)[0],
            l4.explore_view(float(l4.L4_GLU_SLIDER.default), float(l4.L4_GABA_SLIDER.default), s, s)[2],
        ],
    }
    for slug, page_figures in pages.items():
        sheet_figures = ws.FIGURES[slug](s)
        assert [f.fig.to_json() for f in sheet_figures] == [f.to_json() for f in page_figures], slug
        assert all(f.alt for f in sheet_figures), "every chart has its alt text"


def test_a_hand_edited_lesson_gets_a_note_and_the_first_lesson():
    at = open_page("worksheet.py", {"ws_lesson": "<b>nope</b>"})
    assert_clean(at)
    assert any("is not one of the choices" in w.value and "bnopeb" in w.value for w in at.warning)
    assert at.title[0].value == load_lesson(SLUGS[0]).title
    assert at.get("button_group")[0].value == SLUGS[0]


def test_a_hand_edited_answers_value_gets_a_note_and_no_answers():
    at = open_page("worksheet.py", {"ws_lesson": "gaba", "answers": "maybe"})
    assert_clean(at)
    assert any("neither true nor false" in w.value for w in at.warning)
    assert at.toggle(key=ws.ANSWERS_KEY).value is False
    assert "☑" not in _markdown(at)


def test_choosing_a_lesson_and_the_answers_changes_the_sheet():
    at = open_page("worksheet.py")
    assert_clean(at)
    assert at.title[0].value == load_lesson(SLUGS[0]).title
    assert not at.warning, "no link, no note"
    at.get("button_group")[0].set_value("tug_of_war").run()
    at.toggle(key=ws.ANSWERS_KEY).set_value(True).run()
    assert_clean(at)
    assert at.title[0].value == load_lesson("tug_of_war").title
    assert "☑" in _markdown(at) and len(chart_specs(at)) == FIGURE_COUNT["tug_of_war"]


def test_the_page_comes_after_the_educator_guide_with_a_print_icon():
    files = [f for f, *_ in PAGE_TABLE]
    assert files.index("worksheet.py") == files.index("educator.py") + 1
    _, title, icon, url = PAGE_TABLE[files.index("worksheet.py")]
    assert (title, icon, url) == (words("ui").text("nav_worksheet"), ":material/print:", "worksheet")


def test_the_educator_guide_links_to_the_four_answer_sheets():
    at = open_page("educator.py")
    assert_clean(at)
    links = [el.proto for el in at.get("page_link") if el.proto.page.endswith("worksheet")]
    assert [parse_qs(link.query_string) for link in links] == [
        {ws.LESSON_KEY: [slug], ws.ANSWERS_KEY: ["true"]} for slug in SLUGS
    ]
    for link, slug in zip(links, SLUGS, strict=True):
        assert load_lesson(slug).title in link.label


def test_the_print_style_sheet_keeps_things_whole_and_reads_only_declared_properties():
    css = styles.stylesheet("print.css").read_text()
    assert "@media print" in css and "@page" in css
    assert "break-inside: avoid" in css
    used = set(re.findall(r"var\(--ei-([a-z0-9-]+)\)", css))
    assert used == {*ws.PRINT_COLORS, "ws-banner"}


def test_the_banner_string_for_the_page_margins_is_one_safe_css_string():
    value = ws._css_string('**Bold** with a "quote" and a \\ backslash')
    assert value == '"Bold with a \\"quote\\" and a \\\\ backslash"'
    styles.css_variables({"ws-banner": ws._css_string(ws.BANNER_TEXT)})  # raises on anything unsafe
