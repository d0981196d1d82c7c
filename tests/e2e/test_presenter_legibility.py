"""Readable from the back row: in presenter mode on a 1280 x 720 projector, every label of every Plotly chart and
every animated view is at least ``style.PRESENTER_MIN_LABEL_PX`` on the screen, on every page that has them.

Each page is opened with every question already answered in the browser (as ``ui/answers.py`` keeps them), so
the lessons' experiments and the circuits page's controls are shown.  A label's size is its computed font size
times the scale its SVG is drawn at (an SVG narrowed by its container shrinks its type with it); the views'
labels are measured whether or not they say something at this moment (a gate label is empty between inputs,
its size fixed when the view was laid out).
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from playwright.sync_api import expect

from explainer.figures import style
from explainer.figures.style import PRESENTER_MIN_LABEL_PX, FigureStyle
from explainer.lessons import LESSONS
from explainer.pages import circuits
from explainer.ui import dom

from .conftest import (
    NO_CLIPBOARD,
    _BrowserWithContextOptions,
    _open_recorded_context,
    goto,
    wait_for_app,
    wait_for_plotly,
)
from .views import wait_for_all_views

PROJECTOR = {"viewport": {"width": 1280, "height": 720}}
# page -> (how many Plotly charts, how many animated views) it shows once its questions are answered
LEGIBLE_PAGES = {
    "/": (0, 1),
    "/tug-of-war": (0, 1),
    "/circuits": (0, 1),
    "/blocked-gate": (1, 1),
    **{f"/{lesson.url}": (len(lesson.charts(FigureStyle())), int(lesson.name == "balance")) for lesson in LESSONS},
}

# Every label of every chart and view on the page: {where, text, px}.  ``px`` is on the screen.
_LABEL_SIZES = """() => {
  const out = [];
  const onScreen = (t) => { const m = t.getScreenCTM && t.getScreenCTM(); return m ? Math.hypot(m.a, m.b) : 1; };
  const px = (t) => parseFloat(getComputedStyle(t).fontSize);
  for (const gd of document.querySelectorAll("[data-testid='stPlotlyChart'] .js-plotly-plot")) {
    const owner = gd.closest("[class*='st-key-']");
    const where = owner ? owner.className.match(/st-key-(\\S+)/)[1] : 'a chart';
    for (const t of gd.querySelectorAll('text')) {
      if (t.closest('.modebar') || !t.textContent.trim()) continue;
      out.push({where, text: t.textContent, px: px(t) * onScreen(t)});
    }
  }
  const views = [...document.querySelectorAll('*')].filter((e) => e.shadowRoot)
    .map((e) => e.shadowRoot.querySelector('.ei-view')).filter(Boolean);
  for (const root of views) {
    const owner = root.getRootNode().host.closest("[class*='st-key-']");
    const where = owner ? owner.className.match(/st-key-(\\S+)/)[1] : 'a view';
    for (const t of root.querySelectorAll('svg text')) {
      out.push({where, text: t.textContent || '(empty now)', px: px(t) * onScreen(t)});
    }
    for (const e of root.querySelectorAll('*')) {
      if (e.closest('svg')) continue;
      const own = [...e.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent).join('').trim();
      if (own && e.checkVisibility()) out.push({where, text: own, px: px(e)});
    }
  }
  return out;
}"""


def _every_question_answered() -> dict[str, str]:
    """A browser's store with every question answered (its first option): every experiment is shown."""
    store = {}
    for lesson in LESSONS:
        for block, question in lesson.text.questions().items():
            store[f"{dom.ANSWER_STORE_PREFIX}{lesson.name}:{block}"] = question.options[0].label
    qid = f"{circuits.CIRCUITS.name}:{circuits.PREDICT}"
    store[dom.ANSWER_STORE_PREFIX + qid] = circuits.CIRCUITS.text.question(circuits.PREDICT).answer.label
    return store


def open_presenting(browser: Any, app_url: str, page_log: Any, path: str) -> tuple[Any, Any]:
    """A 1280 x 720 tab in presenter mode at ``path``, every question answered, its charts and views drawn."""
    context, tab = _open_recorded_context(_BrowserWithContextOptions(browser, PROJECTOR), app_url, page_log)
    kept = json.dumps(_every_question_answered())
    context.add_init_script(script=f"for (const [k, v] of Object.entries({kept})) localStorage.setItem(k, v);")
    goto(tab, path + ("&" if "?" in path else "?") + "present=true")
    wait_for_app(tab)
    return context, tab


def label_sizes(tab: Any) -> list[dict]:
    return tab.evaluate(_LABEL_SIZES)


@pytest.mark.parametrize("path", list(LEGIBLE_PAGES))
def test_every_chart_and_view_label_is_at_least_the_presenter_minimum(browser, app_url, page_log, page, path):
    n_charts, n_views = LEGIBLE_PAGES[path]
    context, tab = open_presenting(browser, app_url, page_log, path)
    try:
        if n_views:
            tab.locator(".ei-view").nth(n_views - 1).wait_for(timeout=90_000)
            assert wait_for_all_views(tab) == n_views, f"{path}: expected {n_views} views"
        if n_charts:
            tab.locator("[data-testid='stPlotlyChart']").nth(n_charts - 1).wait_for(timeout=90_000)
            assert wait_for_plotly(tab) == n_charts, f"{path}: expected {n_charts} charts"
        labels = label_sizes(tab)
        assert len(labels) >= 20, f"{path}: only {len(labels)} labels measured: are the figures drawn?"
        small = [
            f"{x['where']}: {x['text']!r} at {x['px']:.1f} px"
            for x in labels
            if x["px"] < PRESENTER_MIN_LABEL_PX - 0.05
        ]
        assert not small, f"{path}: {len(small)} labels under {PRESENTER_MIN_LABEL_PX} px:\n  " + "\n  ".join(
            small[:30]
        )
    finally:
        context.close()


# --- focus rings a projector shows ------------------------------------------------------------------------------

_FOCUS_RING = """() => { const e = document.activeElement;
  // a radio option's, checkbox's or slider's own input is hidden: its label or thumb shows the focus
  const target = e.matches('input[type=radio], input[type=checkbox]') ? e.closest('label')
    : e.matches('input[type=range]') ? e.parentElement.parentElement : e;
  const s = getComputedStyle(target);
  return {tag: target.tagName, text: (target.innerText || target.getAttribute('aria-label') || '').slice(0, 40),
          style: s.outlineStyle, width: parseFloat(s.outlineWidth), color: s.outlineColor}; }"""


def _rgb(hex_colour: str) -> str:
    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgb({r}, {g}, {b})"


def _tab_to(tab: Any, selector: str, presses: int = 80) -> dict:
    """Press Tab until the focus is on an element matching ``selector``; its focus ring."""
    for _ in range(presses):
        tab.keyboard.press("Tab")
        if tab.evaluate("(sel) => document.activeElement.matches(sel)", selector):
            return tab.evaluate(_FOCUS_RING)
    raise AssertionError(f"Tab never reached {selector}: at {tab.evaluate(_FOCUS_RING)}")


def test_presenter_focus_rings_are_thick_and_in_the_focus_colour(browser, app_url, page_log, page, tmp_path):
    """A teacher who turned presenter mode on from the sidebar tabs to the way out of presenter mode (a button;
    the folded sidebar's menu is out of the Tab order while presenting) and to a slider: each shows a ring of at
    least PRESENTER_FOCUS_RING_PX in the colour table's focus colour."""
    from explainer.content.words import words
    from explainer.ui.presenter import PRESENTER_FOCUS_RING_PX

    colour = _rgb(style.COLORS["focus"].projector)
    context, tab = _open_recorded_context(_BrowserWithContextOptions(browser, PROJECTOR), app_url, page_log)
    try:
        goto(tab, "/tug-of-war")
        wait_for_app(tab)
        tab.get_by_test_id("stSidebar").get_by_text(words("ui").label("present")).click()
        wait_for_app(tab, after_interaction=True)
        tab.locator("html").focus()
        rings = {"button": _tab_to(tab, f".{dom.css_class(dom.LEAVE_PRESENTER_KEY)} button")}
        tab.get_by_text(words("playground").text("sliders_tuck")).click()  # presenting, the sliders are tucked
        wait_for_app(tab)
        rings["slider"] = _tab_to(tab, "[data-testid='stSlider'] input[type='range']")
        tab.screenshot(path=str(tmp_path / "focus-slider.png"))
        for what, ring in rings.items():
            assert ring["style"] == "solid" and ring["width"] >= PRESENTER_FOCUS_RING_PX, f"{what}: {ring}"
            assert ring["color"] == colour, f"{what}: {ring}"
    finally:
        context.close()


# --- "Copy link" without a clipboard ------------------------------------------------------------------------------


def test_copy_link_without_a_clipboard_offers_the_link_selected_by_the_button_on_the_screen(browser, app_url, page_log):
    """On a school network's http address the browser has no clipboard API: the link shows, selected, right by
    the button and on the projected screen, not only in the status line below the view."""
    from .views import control, view, wait_for_view

    context, tab = _open_recorded_context(_BrowserWithContextOptions(browser, PROJECTOR), app_url, page_log)
    try:
        context.add_init_script(script=NO_CLIPBOARD)
        goto(tab, "/tug-of-war?present=true")
        wait_for_view(tab, "playground_view")
        assert tab.evaluate("() => navigator.clipboard === undefined")
        control(tab, "playground_view", "copy").click()
        field = view(tab, "playground_view").locator(".ei-link")
        expect(field).to_be_visible()
        expect(field).to_have_value(tab.url)
        expect(field).to_be_focused()
        chosen = field.evaluate("(f) => [f.selectionStart, f.selectionEnd, f.value.length, f.readOnly]")
        assert chosen == [0, len(tab.url), len(tab.url), True], f"the link is not all selected: {chosen}"
        box, button = field.bounding_box(), control(tab, "playground_view", "copy").bounding_box()
        assert 0 <= box["y"] and box["y"] + box["height"] <= PROJECTOR["viewport"]["height"], f"off the screen: {box}"
        apart = max(box["x"] - (button["x"] + button["width"]), box["y"] - (button["y"] + button["height"]))
        assert apart < 40, f"the field is {apart:.0f} px from the button"
    finally:
        context.close()
