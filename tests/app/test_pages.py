"""Every page runs clean, shows the banner and its title, and its headings never skip a level."""

from __future__ import annotations

import itertools
import re

import pytest

from explainer.pages import DEFAULT_URL
from tests.app.conftest import PAGE_IDS, assert_clean, open_page, views


@pytest.mark.parametrize("page_file", PAGE_IDS)
def test_every_page_runs_with_banner(page_file):
    at = open_page(page_file)
    assert_clean(at)
    assert at.title, f"{page_file} has no title"


def test_app_opens_on_the_playground():
    at = open_page()
    assert_clean(at)
    assert DEFAULT_URL == "tug-of-war"
    assert "Tug of war" in at.title[0].value
    assert views(at), "the default page must show the animation"


def test_home_links_to_the_playground():
    at = open_page("home.py")
    assert any("glutamate" in m.value.lower() and "gaba" in m.value.lower() for m in at.markdown)


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
