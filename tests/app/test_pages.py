"""Every page runs clean, shows the banner and its title, and its headings never skip a level."""

from __future__ import annotations

import itertools
import re

import numpy as np
import pytest

from explainer.content.words import words
from explainer.lessons import LESSONS
from explainer.pages import DEFAULT_URL, home, playground, site
from explainer.ui import dom
from explainer.ui.shell import menu
from tests.app.conftest import MENU, PAGE_IDS, assert_clean, open_page, page_text, views

HOME = words("home")


@pytest.mark.parametrize("page_file", PAGE_IDS)
def test_every_page_runs_with_banner(page_file):
    at = open_page(page_file)
    assert_clean(at)
    assert at.title, f"{page_file} has no title"


def test_app_opens_on_start_here_with_the_neuron_playing_at_the_playgrounds_opening_setting():
    at = open_page()
    assert_clean(at)
    assert DEFAULT_URL == "home" and at.title[0].value == HOME.text("title")
    shown = views(at)
    assert list(shown) == [home.VIEW_KEY], "Start here shows the animated neuron, and no slider"
    assert not at.slider and not at.get("segmented_control")
    playground_view = views(open_page("playground.py"))[playground.VIEW_KEY]
    assert home.OPENING == playground.DEFAULTS, "the playground's opening setting: its sliders' defaults"
    ours, theirs = shown[home.VIEW_KEY], playground_view
    assert ours.header["words"] == theirs.header["words"] and ours.header["alt"] == theirs.header["alt"]
    assert all(np.array_equal(ours.arrays[k], theirs.arrays[k]) for k in theirs.arrays), "the same run"


def test_start_heres_first_screen_asks_and_does_not_answer():
    """Above the neuron only the question: not the answer the educator guide's opening question waits for
    (what glutamate and GABA do, the key and the gate), no article, and no drug therapy anywhere on the page."""
    at = open_page()
    first_screen = at.markdown[0].value
    assert first_screen == HOME.text("ask") and first_screen.count("?") >= 2
    for answer in ("excitatory", "inhibitory", "more likely", "less likely", "receptor", "gate", "key", "article"):
        assert answer not in first_screen.lower(), f"the first screen answers: {answer!r}"
    whole_page = page_text(at).lower()
    for later in ("ketamine", "psychotherapy", "therapy"):
        assert later not in whole_page, f"{later!r} belongs on the blocked-gate page, not on Start here"


def test_start_here_lists_the_course_in_order_and_the_teachers_corner():
    at = open_page()
    links = [link.proto for link in at.get("page_link")]
    labels = [link.label for link in links]
    lessons = [e for e in MENU if not isinstance(e.target, str)]
    shown_lessons = [label for label in labels if label in {e.title for e in lessons}]
    assert shown_lessons == [e.title for e in lessons], "the lessons, each once, in course order"
    goals = "\n".join(m.value for m in at.markdown)
    for lesson in LESSONS:
        assert lesson.text.block("goal").split("?")[0] in goals, f"{lesson.name}'s question is on the path"
    ui = words("ui")
    for key in ("nav_classroom", "nav_worksheet", "nav_educator"):
        assert ui.text(key) in labels, f"the teachers' corner links to {ui.text(key)}"


def test_the_menu_has_start_here_on_top_then_the_lessons_then_explore_then_for_teachers():
    ui = words("ui")
    entries = menu(site())
    assert entries[0].url == DEFAULT_URL and entries[0].section == ""
    assert [e.target for e in entries[1 : 1 + len(LESSONS)]] == list(LESSONS), "lesson 1 right after Start here"
    sections = {e.title: e.section for e in entries}
    headings = ["", *(ui.text(f"nav_section_{k}") for k in ("lessons", "explore", "teachers"))]
    assert list(dict.fromkeys(sections.values())) == headings
    explore = ("nav_playground", "nav_circuits", "nav_blocked_gate", "nav_leaves_out", "nav_glossary", "nav_references")
    assert all(sections[ui.text(k)] == ui.text("nav_section_explore") for k in explore)
    teachers = ("nav_classroom", "nav_educator", "nav_worksheet")
    assert all(sections[ui.text(k)] == ui.text("nav_section_teachers") for k in teachers)


def test_start_heres_next_button_goes_to_lesson_1():
    at = open_page()
    assert at.button(key=dom.STEP_NEXT_KEY).label == words("ui").text("step_next", title=MENU[1].title)
    assert MENU[1].target is LESSONS[0]


# --- heading outline -------------------------------------------------------------------------------------

_LEVEL = {"title": 1, "header": 2, "subheader": 3}
_MD_HEADING = re.compile(r"^(#{1,6})[ \t]+\S")


def _heading_levels(node) -> list[tuple[int, str]]:
    """The page's headings in document order: st.title / header / subheader and Markdown ``#`` lines.

    Expander labels and metrics are not headings.  Markdown inside fenced code is skipped.
    """
    found: list[tuple[int, str]] = []
    for child in getattr(node, "children", {}).values():
        kind = getattr(child, "type", None)
        if kind in _LEVEL:
            found.append((_LEVEL[kind], str(child.value)))
        elif kind == "markdown":
            fenced = False
            for line in str(child.value).splitlines():
                if line.lstrip().startswith("```"):
                    fenced = not fenced
                elif not fenced and (m := _MD_HEADING.match(line)):
                    found.append((len(m.group(1)), line))
        found += _heading_levels(child)
    return found


def _answer_every_question(at) -> None:
    """Choose the first option of every unanswered radio (predictions, quick checks), so all is revealed."""
    for _ in range(8):
        open_radios = [r for r in at.radio if r.value is None]
        run_buttons = [b for b in at.button if b.key and "_predict_" in b.key and b.key.endswith("_run")]
        run_buttons = [b for b in run_buttons if not b.disabled]
        if not open_radios and not run_buttons:
            return
        for radio in open_radios:
            radio.set_value(radio.options[0])
        if run_buttons:
            run_buttons[0].click()  # a prediction is revealed only when run
        at.run()
        assert_clean(at)


@pytest.mark.parametrize("page_file", PAGE_IDS)
def test_headings_never_skip_a_level(page_file):
    """One h1 (the title) first, and no heading more than one level below the one before it (axe's
    "heading-order" rule, which tests/e2e/test_accessibility.py checks in a browser); lesson pages with
    every prediction and check answered, so the headings shown after a reveal count too."""
    at = open_page(page_file)
    assert_clean(at)
    _answer_every_question(at)
    levels = _heading_levels(at.main)
    assert levels and levels[0][0] == 1, f"{page_file}: the first heading is not the title: {levels[:1]}"
    assert [lvl for lvl, _ in levels].count(1) == 1, f"{page_file}: more than one h1: {levels}"
    for (before, _), (level, text) in itertools.pairwise(levels):
        assert level <= before + 1, f"{page_file}: h{before} followed by h{level} ({text!r}); outline: {levels}"
