"""Every page renders in a real browser: title, banner, no exception, nothing leaves localhost."""

from __future__ import annotations

import pytest

try:
    from playwright.sync_api import expect
except ImportError:  # the ``browser`` fixture then skips (locally) or fails (CI) with the reason
    expect = None

from explainer.content import i18n
from explainer.lessons import LESSONS
from explainer.pages import site
from explainer.ui.shell import menu

from ..app.conftest import banner_phrase
from .conftest import (
    BANNER_SNIPPET,
    LOCAL_HOSTS,
    PAGES,
    TESTID_EXCEPTION,
    TESTID_MAIN,
    AppPage,
    PageLog,
    goto,
    wait_for_menu_roles,
)
from .test_static_charts import _run_predictions

page_params = pytest.mark.parametrize("app_page", PAGES, ids=[p.name for p in PAGES])


@page_params
def test_page_renders(page, app_page: AppPage) -> None:
    goto(page, app_page.path)

    heading = page.get_by_test_id(TESTID_MAIN).locator("h1").first
    expect(heading).to_be_visible()
    if app_page.heading is None:
        expect(heading).not_to_have_text("")
    else:
        expect(heading).to_have_text(app_page.heading)
    assert page.title().strip(), "document title is empty"

    expect(page.get_by_text(BANNER_SNIPPET).first).to_be_visible()
    expect(page.get_by_test_id(TESTID_EXCEPTION)).to_have_count(0)


@page_params
def test_no_request_leaves_localhost(page, page_log: PageLog, app_page: AppPage) -> None:
    goto(page, app_page.path)

    assert page_log.request_urls, "no requests were recorded; is the recorder attached?"
    assert any(u.startswith("ws://") for u in page_log.request_urls), "the app websocket was not recorded"
    assert page_log.hosts() <= LOCAL_HOSTS, f"foreign hosts: {sorted(page_log.hosts() - LOCAL_HOSTS)}"
    assert page_log.foreign_urls() == []


# --- the menu: Start here, then the sections, every page listed ---------------------------------------------

MENU_SIZES = {"1366x900": {"width": 1366, "height": 900}, "420x900": {"width": 420, "height": 900}}
# Each link's title and its section's heading, in the order the sidebar shows them.
_MENU_SHOWN = """() => Array.from(document.querySelectorAll(
    '[data-testid=stSidebarNav] :is([data-testid=stNavSectionHeader], [data-testid=stSidebarNavLink])'
  )).map(e => ({heading: e.dataset.testid === 'stNavSectionHeader',
               text: e.querySelector('[data-testid=stMarkdownContainer]').innerText.trim(),
               shown: e.getBoundingClientRect().height > 0 && getComputedStyle(e).visibility !== 'hidden'}))"""


_MENU_LISTS = """() => [...document.querySelectorAll('[data-testid=stSidebarNav] [role=list]')]
  .map((e) => [e.getAttribute('aria-label'), e.querySelectorAll('li').length])"""


@pytest.mark.parametrize("size", list(MENU_SIZES))
def test_the_menu_lists_every_page_in_its_section_with_nothing_behind_view_more(page, size: str) -> None:
    """Start here on top, then Lessons, Explore and For teachers, each page under its heading in menu order,
    all shown at once: no "View N more" (Streamlit folds a menu of more than twelve pages by default)."""
    page.set_viewport_size(MENU_SIZES[size])
    goto(page, "/")
    expand = page.get_by_test_id("stExpandSidebarButton")
    if expand.is_visible():  # a narrow window starts with the sidebar folded away
        expand.click()
    expect(page.get_by_test_id("stSidebarNav")).to_be_visible()
    expect(page.get_by_test_id("stSidebarNavViewButton")).to_have_count(0)
    shown = page.evaluate(_MENU_SHOWN)
    expected: list[tuple[bool, str]] = []
    for entry in menu(site()):
        if entry.section and (True, entry.section) not in expected:
            expected.append((True, entry.section))
        expected.append((False, entry.title))
    assert [(e["heading"], e["text"]) for e in shown] == expected, f"at {size} the sidebar shows {shown}"
    hidden = [e["text"] for e in shown if not e["shown"]]
    assert not hidden, f"at {size} these menu items are folded away: {hidden}"
    # a screen reader meets each section as a list named by its heading (page_keys sets the roles: Streamlit's
    # sectioned menu is no valid list of its own)
    wait_for_menu_roles(page)
    lists = page.evaluate(_MENU_LISTS)
    sections = [entry.section for entry in menu(site()) if entry.section]
    assert lists == [[name, sections.count(name)] for name in dict.fromkeys(sections)], lists


# --- display formulas are drawn whole ------------------------------------------------------------------------

FORMULA_LESSONS = [
    lesson for lesson in LESSONS if any(b.lstrip().startswith("$$") or "\n$$" in b for b in lesson.text.blocks.values())
]
# Each display formula's box and what its content needs: a formula scrolls sideways when too wide, so its box
# clips vertically too, and KaTeX draws a fraction's tall letters (the E of E_L) a few pixels above its box.
_FORMULAS = """() => [...document.querySelectorAll('.katex-display')].map((e) => ({
  text: e.textContent.slice(0, 40), scroll: e.scrollHeight, client: e.clientHeight }))"""


@pytest.mark.parametrize("lesson", FORMULA_LESSONS, ids=[lesson.name for lesson in FORMULA_LESSONS])
def test_display_formulas_are_drawn_whole_at_one_pixel_per_css_pixel(page, lesson) -> None:
    """Lesson 3's V-infinity formula lost the tops of its E glyphs on a screen of one device pixel per CSS
    pixel (the tests' default, and most classroom projectors)."""
    assert page.evaluate("() => window.devicePixelRatio") == 1
    goto(page, f"/{lesson.url}")
    _run_predictions(page)
    formulas = page.evaluate(_FORMULAS)
    assert formulas, f"{lesson.name}: no display formula found"
    clipped = [f for f in formulas if f["scroll"] > f["client"]]
    assert not clipped, f"{lesson.name}: display formulas cut at the top or bottom: {clipped}"


# --- every page in every language --------------------------------------------------------------------------


@pytest.mark.parametrize("lang", [lang for lang in i18n.LANGUAGES if lang != i18n.SOURCE])
def test_every_page_renders_in_each_language(page, lang: str) -> None:
    """Each page opened with ``?lang=``: ``<html lang>``, the banner and the heading in that language, no
    exception (one tab for the language's pages; the charts and views per language are measured in
    test_static_charts.py and test_animated_view.py)."""
    banner = banner_phrase(lang)
    for app_page in PAGES:
        goto(page, f"{app_page.path}?{i18n.LANG_PARAM}={lang}")
        expect(page.locator("html")).to_have_attribute("lang", lang)
        expect(page.get_by_text(banner).first).to_be_visible()
        expect(page.get_by_test_id(TESTID_EXCEPTION)).to_have_count(0)
        heading = page.get_by_test_id(TESTID_MAIN).locator("h1").first
        expect(heading).to_be_visible()
        if app_page.heading is not None:
            expect(heading).not_to_have_text(app_page.heading)  # the English heading: a page left untranslated
