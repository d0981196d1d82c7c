"""The printable worksheet (explainer/pages/worksheet.py): each lesson's questions with tick boxes, its static
figures as the lesson page first shows them, the answers only on the answer sheet, harmless bad links, and
the educator guide's links to the four answer sheets.  How it prints: tests/e2e/test_worksheet_print.py."""

from __future__ import annotations

import re
from urllib.parse import parse_qs

import pytest

from explainer.content.parse import fill
from explainer.content.words import words
from explainer.lessons import LESSONS
from explainer.pages import worksheet as ws
from explainer.ui import styles
from explainer.ui.lesson_parts import run_key
from explainer.ui.links import WORKSHEET_ANSWERS, WORKSHEET_LESSON
from tests.app.conftest import MENU, assert_clean, chart_specs, open_page, switch_to, views

W = words("worksheet")
SLUGS = [lesson.name for lesson in LESSONS]
BY_NAME = {lesson.name: lesson for lesson in LESSONS}
FIGURE_COUNT = {"meet_the_neuron": 1, "glutamate": 3, "gaba": 3, "balance": 2}  # gaba: IPSPs, shunting, chloride


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
    text, nums = BY_NAME[slug].text, BY_NAME[slug].numbers()
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
    found = [fill(b, nums) for name, b in text.blocks.items() if name.startswith("found:")]
    assert found and all((f in md) is answers for f in found), "what students find: on the answer sheet only"
    assert (W.text("part_found") in " ".join(h.value for h in at.header)) is answers
    assert _ruled_blocks(at) == (0 if answers else len(questions)), "ruled space under each question, to answer"
    specs = chart_specs(at)
    assert len(specs) == FIGURE_COUNT[slug] and all(s["data"] for s in specs)
    # a worksheet is paper: no animated view, no slider, no preset, no prediction radio
    assert not views(at) and not at.slider and not at.radio


@pytest.mark.parametrize("slug", SLUGS)
def test_the_figures_are_the_lesson_pages_own_at_their_opening_settings(slug):
    """The sheet's charts are exactly the static charts the lesson page draws before a slider moves."""
    lesson = BY_NAME[slug]
    page = open_page(lesson.url)
    predict = next(r for r in page.radio if "_predict_" in r.key)
    predict.set_value(predict.options[0]).run()
    page.button(key=run_key(predict.key)).click().run()
    assert_clean(page)
    sheet = _sheet(slug, answers=False)
    assert chart_specs(sheet) == chart_specs(page), "the same figures, in the same order"
    assert all(el.proto.alt for el in sheet.get("plotly_chart")), "every chart has its alt text"


def test_a_hand_edited_lesson_gets_a_note_and_the_first_lesson():
    at = open_page("worksheet.py", {"ws_lesson": "<b>nope</b>"})
    assert_clean(at)
    assert any("is not one of the choices" in w.value and "bnopeb" in w.value for w in at.warning)
    assert at.title[0].value == BY_NAME[SLUGS[0]].text.title
    assert at.get("button_group")[0].value == SLUGS[0]


def test_a_hand_edited_answers_value_gets_a_note_and_no_answers():
    at = open_page("worksheet.py", {"ws_lesson": "gaba", "answers": "maybe"})
    assert_clean(at)
    assert any("neither true nor false" in w.value for w in at.warning)
    assert "☑" not in _markdown(at)


def _answer_widgets(at) -> list[str]:
    """Any widget of the page that mentions answers (the sidebar's presenter and motion toggles do not)."""
    widgets = [*at.toggle, *at.checkbox, *at.radio, *at.button, *at.get("button_group")]
    return [str(w.label) for w in widgets if "answer" in str(getattr(w, "label", "")).lower()]


def test_the_students_page_offers_no_way_to_the_answers():
    """No "Show the answers" switch: the answer sheets are reached from the educator guide's links only."""
    at = open_page("worksheet.py")
    assert_clean(at)
    assert not _answer_widgets(at), _answer_widgets(at)
    assert not any(WORKSHEET_ANSWERS in (link.proto.query_string or "") for link in at.get("page_link"))
    assert "☑" not in _markdown(at) and not [i for i in at.info if W.text("answer_sheet_note") == i.value]


def test_the_answer_sheet_says_so_and_links_back_to_the_students_copy():
    at = _sheet("gaba", answers=True)
    assert any(i.value == W.text("answer_sheet_note") for i in at.info)
    (link,) = [el.proto for el in at.get("page_link") if el.proto.page.endswith("worksheet")]
    assert parse_qs(link.query_string) == {WORKSHEET_LESSON: ["gaba"]}


def test_choosing_a_lesson_changes_the_sheet_and_the_link():
    at = open_page("worksheet.py")
    assert_clean(at)
    assert at.title[0].value == BY_NAME[SLUGS[0]].text.title
    assert not at.warning, "no link, no note"
    at.get("button_group")[0].set_value("balance").run()
    assert_clean(at)
    assert at.title[0].value == BY_NAME["balance"].text.title and at.query_params[WORKSHEET_LESSON] == "balance"
    assert "☑" not in _markdown(at) and len(chart_specs(at)) == FIGURE_COUNT["balance"]


def test_the_page_remembers_the_chosen_lesson_after_another_page():
    """A student who picks lesson 4's worksheet, looks something up and comes back finds lesson 4 (Streamlit
    forgets a widget's value once its page is left; the session keeps the choice, and the link gets it back)."""
    at = open_page("worksheet.py")
    at.get("button_group")[0].set_value("balance").run()
    for key in list(at.query_params):
        del at.query_params[key]  # the menu's link to a page carries no query
    switch_to(at, "glossary.py").run()
    assert_clean(at)
    switch_to(at, "worksheet.py").run()
    assert_clean(at)
    assert at.title[0].value == BY_NAME["balance"].text.title
    assert at.get("button_group")[0].value == "balance" and at.query_params[WORKSHEET_LESSON] == "balance"
    assert not at.warning


def test_the_page_comes_after_the_educator_guide_with_a_print_icon():
    targets = [e.target for e in MENU]
    assert targets.index("worksheet.py") == targets.index("educator.py") + 1
    entry = MENU[targets.index("worksheet.py")]
    assert (entry.title, entry.icon, entry.url) == (words("ui").text("nav_worksheet"), ":material/print:", "worksheet")


def test_the_educator_guide_links_to_the_four_answer_sheets():
    at = open_page("educator.py")
    assert_clean(at)
    links = [el.proto for el in at.get("page_link") if el.proto.page.endswith("worksheet")]
    assert [parse_qs(link.query_string) for link in links] == [
        {WORKSHEET_LESSON: [slug], WORKSHEET_ANSWERS: ["true"]} for slug in SLUGS
    ]
    for link, slug in zip(links, SLUGS, strict=True):
        assert BY_NAME[slug].text.title in link.label


def test_the_print_style_sheet_keeps_things_whole_and_reads_only_declared_properties():
    css = styles.stylesheet("print.css").read_text()
    assert "@media print" in css and "@page" in css
    assert "break-inside: avoid" in css
    used = set(re.findall(r"var\(--ei-([a-z0-9-]+)\)", css))
    assert used == {*ws.PRINT_COLORS, "ws-banner"}


def test_the_banner_string_for_the_page_margins_is_one_safe_css_string():
    value = styles.css_string('**Bold** with a "quote" and a \\ backslash')
    assert value == '"Bold with a \\"quote\\" and a \\\\ backslash"'
    styles.css_variables({"ws-banner": styles.css_string(ws.banner_text())})  # raises on anything unsafe
