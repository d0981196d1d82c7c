"""A presentation clicker runs a lesson, in a real browser at projector size (1280x720, presenter mode).

- PageDown / PageUp step through the lesson's sequence (each question, its experiment once the prediction is run,
  the next question...), each step brought to the top of the screen with its heading, then turn the page; "."
  (a clicker's "blank screen") runs the prediction at the top of the screen.  PageUp at a page's top opens the
  previous page at its last step (a clicker walks the lesson backwards), and it stays there while the page
  settles.  No class: the same keys serve a teacher showing a lesson to the room without one (class mode's
  clicker: test_class_mode.py).
- A new page opens at its top, whether the clicker (PageDown), the next-page button or the menu opened it, however
  far the page before it was scrolled.
- Presenter mode has a visible way out ("Leave presenter mode") and no invisible Tab stop.

Screenshots of every step go to pytest's ``tmp_path`` (and ``$SCREENSHOT_DIR``): look at them.
"""

from __future__ import annotations

import re
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest

try:
    from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
    from playwright.sync_api import expect
except ImportError:  # the ``browser`` fixture then skips (locally) or fails (CI) with the reason
    expect = PlaywrightTimeoutError = None

from explainer.lessons import meet_the_neuron
from explainer.ui import dom
from explainer.ui.course import question_key
from explainer.ui.lesson_parts import run_key

from .conftest import VIEWPORT, goto, wait_for_app, wait_for_menu_roles
from .test_mobile_presenter import _SIDEBAR_ON_SCREEN_PX, PROJECTOR, save_screenshot

LESSON = meet_the_neuron.LESSON
PREDICT = question_key(LESSON, "predict:spikes")
EXPERIMENT = question_key(LESSON, "experiment:current_step")
CHECKS = [question_key(LESSON, name) for name in LESSON.text.blocks if name.startswith("check:")]
TOP_PX = 24  # a step brought to the top starts within this of the screen's top (presenter mode hides the header)
PAGE_TURN_MS = 60_000  # a busy machine computing the circuits page's first network
MAX_PRESSES = 5  # PageDowns from one step to the next: a step taller than the screen is shown to its end first

# Where a step is: its box, and whether its first line (its heading) lies on the screen.
_STEP_JS = """(cls) => {
  const e = document.querySelector(`[class*='${cls}']`);
  if (!e || !e.getClientRects().length) return null;
  const r = e.getBoundingClientRect();
  const first = e.querySelector('[data-testid=stMarkdownContainer], h2, h3');
  const f = first ? first.getBoundingClientRect() : r;
  return {top: r.top, bottom: r.bottom, headingTop: f.top, headingBottom: f.bottom, height: innerHeight};
}"""
_H1_TOP_JS = """() => { const h = document.querySelector('[data-testid=stMain] h1');
  return h ? h.getBoundingClientRect().top : null; }"""
_SCROLLED_JS = "() => document.querySelector('[data-testid=stMain]').scrollTop"
# The page's last step is where the forward walk left it: at the top, or wholly on the screen with the page scrolled
# to its end (the steps below the last one's top are too short to bring it higher).
_AT_END_JS = f"""([cls, topPx]) => {{
  const box = ({_STEP_JS})(cls);
  const main = document.querySelector('[data-testid=stMain]');
  const atEnd = main.scrollTop > 0 && main.scrollTop + main.clientHeight >= main.scrollHeight - 2;
  return !!box && box.top >= 0 && (box.top <= topPx || (atEnd && box.bottom <= box.height));
}}"""


def _cls(name: str) -> str:
    return dom.css_class(dom.step_key(name))


def step(page: Any, name: str) -> dict | None:
    return page.evaluate(_STEP_JS, _cls(name))


def press(page: Any, key: str) -> None:
    """A clicker's key, then the run it may cause (a page turn, Run) or, for a scroll, two frames."""
    page.keyboard.press(key)
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    wait_for_app(page)


def assert_at_top(page: Any, name: str, where: str) -> None:
    box = step(page, name)
    assert box is not None, f"{where}: the step {name} is not on the page"
    assert 0 <= box["top"] <= TOP_PX, f"{where}: the step {name} starts at {box['top']:.0f} px, not at the top"
    assert box["headingBottom"] <= box["height"], f"{where}: the heading of {name} is below the screen ({box})"


def page_down_to(page: Any, name: str, where: str) -> int:
    """PageDown until the step ``name`` is at the top (a step before it may take more than one screen)."""
    for presses in range(1, MAX_PRESSES + 1):
        before = page.evaluate(_SCROLLED_JS)
        press(page, "PageDown")
        box = step(page, name)
        if box is not None and 0 <= box["top"] <= TOP_PX:
            return presses
        assert page.evaluate(_SCROLLED_JS) > before, f"{where}: PageDown did not move the page (step {name}: {box})"
    raise AssertionError(f"{where}: {MAX_PRESSES} PageDowns did not bring {name} to the top ({step(page, name)})")


def test_a_presenter_runs_lesson_1_from_the_keyboard(page, app_url: str, tmp_path: Path) -> None:
    page.set_viewport_size(PROJECTOR)
    goto(page, f"/{LESSON.url}?present=1")
    wait_for_menu_roles(page)  # the page keys are listening (they set the menu's roles as they start)
    shots = iter(range(1, 100))

    def shot(what: str) -> None:
        save_screenshot(page, tmp_path, f"clicker-{next(shots):02d}-{what}", full_page=False)

    shot("opened")
    assert step(page, EXPERIMENT) is None, "the experiment waits for the prediction"
    press(page, "PageDown")
    predict = step(page, PREDICT)
    # The page ends below the question until it is run: the question comes up as far as the page can scroll.
    assert predict and 0 <= predict["top"] and predict["bottom"] <= predict["height"], f"the question: {predict}"
    shot("question")

    press(page, ".")  # no option chosen: Run is disabled, and "." does nothing
    assert step(page, EXPERIMENT) is None and LESSON.url in page.url
    page.locator(f".{dom.css_class(dom.step_key(PREDICT))} [data-testid=stRadioOption]").first.click()
    wait_for_app(page, after_interaction=True)
    run = page.locator(f".{dom.css_class(run_key(PREDICT))}").get_by_role("button", name="Run the experiment")
    expect(run).to_be_enabled()
    page.keyboard.press(".")  # the clicker's "blank screen": Run the experiment
    wait_for_app(page, after_interaction=True)
    expect(page.locator(f".{dom.css_class(dom.step_key(EXPERIMENT))}")).to_be_visible()
    expect(run).to_have_count(0)
    shot("run")

    assert page_down_to(page, EXPERIMENT, "after Run") == 1, "the experiment is the next step after the question"
    chart = page.locator(f".{dom.css_class(dom.step_key(EXPERIMENT))} [data-testid=stPlotlyChart]").first
    chart_top = chart.evaluate("(e) => e.getBoundingClientRect().top")
    assert 0 <= chart_top < PROJECTOR["height"] / 2, f"the experiment's figure starts at {chart_top:.0f} px"
    shot("experiment")

    for number, check in enumerate(CHECKS, 1):
        last = number == len(CHECKS)
        for _ in range(MAX_PRESSES):
            press(page, "PageDown")
            box = step(page, check)
            shot(f"towards-check-{number}")
            if box and (box["top"] <= TOP_PX or (last and box["bottom"] <= box["height"])):
                break
        box = step(page, check)
        assert box and box["top"] >= 0 and box["headingBottom"] <= box["height"], f"check {number}: {box}"
    press(page, "PageDown")  # after the last step: the next page, lesson 2, at its top
    expect(page).to_have_url(re.compile(rf"^{re.escape(app_url)}/glutamate\?"), timeout=PAGE_TURN_MS)
    wait_for_app(page)
    h1 = page.evaluate(_H1_TOP_JS)
    shot("lesson-2")
    assert h1 is not None and 0 <= h1 < 200, f"lesson 2 opened scrolled: its title at {h1} px"
    assert "present=true" in page.url

    press(page, "PageUp")  # at lesson 2's top: back to lesson 1, at its last step, the last check
    expect(page).to_have_url(re.compile(rf"^{re.escape(app_url)}/{LESSON.url}\?"), timeout=PAGE_TURN_MS)
    wait_for_app(page)
    try:
        page.wait_for_function(_AT_END_JS, arg=[_cls(CHECKS[-1]), TOP_PX], timeout=15_000)
    except PlaywrightTimeoutError:
        shot("back-to-lesson-1")
        raise AssertionError(f"PageUp opened lesson 1 away from its last step: {step(page, CHECKS[-1])}") from None
    page.wait_for_timeout(1500)  # the page settles (its charts draw): it stays at its last step
    shot("back-to-lesson-1")
    assert page.evaluate(_AT_END_JS, [_cls(CHECKS[-1]), TOP_PX]), f"lesson 1 moved away: {step(page, CHECKS[-1])}"
    press(page, "PageUp")  # and on backwards, step by step
    assert_at_top(page, CHECKS[-2], "PageUp from lesson 1's last check")


def _scroll_down(page: Any) -> None:
    page.mouse.move(PROJECTOR["width"] / 2, PROJECTOR["height"] / 2)
    page.mouse.wheel(0, 4000)
    page.wait_for_function(f"() => ({_SCROLLED_JS})() > 300")


@pytest.mark.parametrize("how", ["clicker", "menu"])
def test_a_new_page_opens_at_its_top(page, app_url: str, how: str) -> None:
    """From a page scrolled down, the next page (by PageDown in presenter mode, or the menu's link) opens with its
    title on the screen, every time."""
    page.set_viewport_size(PROJECTOR)
    route = ["/tug-of-war", "/circuits", "/blocked-gate"]
    problems = []
    for attempt in range(3):
        for here, there in pairwise(route):
            goto(page, f"{here}?present=1" if how == "clicker" else here)
            wait_for_menu_roles(page)  # the page keys are listening (they set the menu's roles as they start)
            _scroll_down(page)
            if how == "clicker":
                page.keyboard.press("PageDown")
            else:
                page.get_by_test_id("stSidebarNav").locator(f"a[href$='{there}']").click()
            try:
                page.wait_for_url(re.compile(rf"^{re.escape(app_url)}{re.escape(there)}(\?|$)"), timeout=PAGE_TURN_MS)
            except PlaywrightTimeoutError:
                problems.append(f"try {attempt + 1}, {here} -> {there}: the page did not turn ({page.url})")
                continue
            wait_for_app(page)
            h1 = page.evaluate(_H1_TOP_JS)
            if h1 is None or not 0 <= h1 < 200:
                problems.append(f"try {attempt + 1}, {here} -> {there}: the title is at {h1} px")
    assert not problems, f"by the {how}, a new page opened scrolled:\n  " + "\n  ".join(problems)


_FOCUSED_JS = """() => {
  const e = document.activeElement;
  if (!e || e === document.body || e === document.documentElement) return null;
  const r = e.getBoundingClientRect();
  const name = (e.getAttribute('aria-label') || e.textContent || e.tagName).trim().slice(0, 40);
  return {name, tag: e.tagName, width: r.width, height: r.height, left: r.left, top: r.top, right: r.right,
          bottom: r.bottom, visibility: getComputedStyle(e).visibility, w: innerWidth, h: innerHeight};
}"""


def test_presenter_mode_has_no_invisible_tab_stop(page) -> None:
    page.set_viewport_size(PROJECTOR)
    goto(page, f"/{LESSON.url}?present=1")
    hidden, names = [], []
    for stop in range(30):
        page.keyboard.press("Tab")
        focused = page.evaluate(_FOCUSED_JS)
        if focused is None:  # past the page's last stop (the browser's own controls), then round again
            continue
        names.append(focused["name"])
        on_screen = (
            focused["width"] > 0
            and focused["height"] > 0
            and focused["right"] > 0
            and focused["bottom"] > 0
            and focused["left"] < focused["w"]
            and focused["top"] < focused["h"]
        )
        if not on_screen or focused["visibility"] == "hidden":
            hidden.append(f"stop {stop + 1}: {focused}")
    assert not hidden, "invisible Tab stops in presenter mode:\n  " + "\n  ".join(hidden)
    assert any("Leave presenter mode" in n for n in names), f"the way out is not on the Tab path: {names}"


def test_leave_presenter_mode_by_the_keyboard(page) -> None:
    page.set_viewport_size(PROJECTOR)
    goto(page, "/tug-of-war?present=1")
    leave = page.get_by_role("button", name="Leave presenter mode")
    expect(leave).to_be_visible()
    assert leave.evaluate("(e) => e.getBoundingClientRect().bottom") <= PROJECTOR["height"]
    leave.focus()
    page.keyboard.press("Enter")
    wait_for_app(page, after_interaction=True)
    expect(page).not_to_have_url(re.compile(r"[?&]present=true"))
    expect(page.get_by_test_id("stHeader")).to_be_visible()  # the menu bar is back
    expect(page.get_by_role("button", name="Leave presenter mode")).to_have_count(0)
    assert page.evaluate("() => parseFloat(getComputedStyle(document.documentElement).fontSize)") == 16


@pytest.mark.parametrize("kept", [False, True], ids=["first-visit", "sidebar-opened-by-hand-before"])
def test_presenter_mode_switched_on_folds_the_open_sidebar_and_leaving_brings_it_back(
    page, tmp_path: Path, kept
) -> None:
    """A teacher on a laptop (sidebar open) switches presenter mode on in the sidebar: the projected page has no
    sidebar over it, as a presenter-mode link opens; "Leave presenter mode" gives the normal page back, sidebar and
    all.  Also when the teacher had folded the sidebar once and opened it again by hand: the browser keeps that
    choice, and Streamlit lets it win over the page's own setting."""
    page.set_viewport_size(VIEWPORT)
    goto(page, "/tug-of-war")
    sidebar = page.get_by_test_id("stSidebar")
    expect(sidebar).to_have_attribute("data-collapsed", "false")
    if kept:
        sidebar.hover()
        page.get_by_test_id("stSidebarCollapseButton").get_by_role("button").click()
        expect(sidebar).to_have_attribute("data-collapsed", "true")
        page.get_by_test_id("stExpandSidebarButton").click()
        expect(sidebar).to_have_attribute("data-collapsed", "false")
    page.wait_for_function(f"() => ({_SIDEBAR_ON_SCREEN_PX})() > 0", timeout=10_000)  # it slides in
    sidebar.get_by_text("Presenter mode").click()
    wait_for_app(page, after_interaction=True)
    expect(page).to_have_url(re.compile(r"[?&]present=true"))
    try:
        page.wait_for_function(f"() => ({_SIDEBAR_ON_SCREEN_PX})() === 0", timeout=10_000)
    except PlaywrightTimeoutError:
        open_px = page.evaluate(_SIDEBAR_ON_SCREEN_PX)
        raise AssertionError(f"presenter mode left the sidebar open ({open_px} px of the screen)") from None
    finally:
        save_screenshot(page, tmp_path, "presenter-switched-on-1366x900", full_page=False)

    page.get_by_role("button", name="Leave presenter mode").click()
    wait_for_app(page, after_interaction=True)
    expect(page).not_to_have_url(re.compile(r"[?&]present=true"))
    expect(sidebar).to_have_attribute("data-collapsed", "false")
    page.wait_for_function(f"() => ({_SIDEBAR_ON_SCREEN_PX})() > 0", timeout=10_000)
    expect(page.get_by_test_id("stHeader")).to_be_visible()
    save_screenshot(page, tmp_path, "presenter-left-1366x900", full_page=False)
