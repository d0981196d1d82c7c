"""The classroom in a real browser: presenter mode, a copied link in a fresh browser, phones.

- Presenter mode (``?present=1``) makes the page's text and the figure's text at least 1.3x larger, and
  PageDown / PageUp (what presentation clickers send) step to the next / previous page in
  ``PAGE_TABLE`` order, staying in presenter mode.
- "Copy link to this view", pressed from the keyboard, gives a link that reproduces the sliders in a
  fresh browser context.
- At phone size (390x844, touch) no page scrolls sideways and nothing hides under the top bar.

Screenshots (phone pages, presenter mode) go to pytest's ``tmp_path`` and, if ``SCREENSHOT_DIR`` is set,
are copied there too (look at them: a test cannot judge everything).
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

try:
    from playwright.sync_api import expect
except ImportError:  # the ``browser`` fixture then skips (locally) or fails (CI) with the reason
    expect = None

from explainer.ui.shell import DEFAULT_PAGE, PAGE_TABLE

from .conftest import PAGES, AppPage, goto, wait_for_app, wait_for_plotly

MIN_PRESENTER_RATIO = 1.3
FIGURE_TOP_MAX_FRACTION = 0.55  # presenter mode at 1280x720: the animation must start this high
MAX_SCREENSHOT_HEIGHT_PX = 8_000
PROJECTOR = {"width": 1280, "height": 720}  # a common classroom projector resolution
SLIDER_KEYS = ("glu_rate", "glu_weight", "gaba_rate", "gaba_weight")
CONTROLS = "#ei-controls-playground_chart"


def save_screenshot(page: Any, tmp_path: Path, name: str, *, full_page: bool = True) -> Path:
    """Screenshot into ``tmp_path`` (and ``$SCREENSHOT_DIR``).

    Streamlit scrolls inside ``stMain``, not the document, so a "full page" shot first makes the viewport
    as tall as the content (same width, so the layout does not change), then restores it.
    """
    path = tmp_path / f"{name}.png"
    size = page.viewport_size
    if full_page:
        height = page.evaluate(
            "() => { const m = document.querySelector('[data-testid=stMain]');"
            " return Math.max(m ? m.scrollHeight : 0, document.documentElement.scrollHeight); }"
        )
        page.set_viewport_size({"width": size["width"], "height": min(int(height), MAX_SCREENSHOT_HEIGHT_PX)})
        page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    try:
        page.screenshot(path=str(path))
    finally:
        if full_page:
            page.set_viewport_size(size)
    if target := os.environ.get("SCREENSHOT_DIR"):
        Path(target).mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, Path(target) / path.name)
    return path


# --- 1. presenter mode ----------------------------------------------------------------------------------

_SIZES = """() => {
  const main = document.querySelector('[data-testid=stMain]');
  const p = main.querySelector('[data-testid=stMarkdownContainer] p');
  const h1 = main.querySelector('h1');
  const gd = document.querySelector('.st-key-playground_chart .js-plotly-plot');
  const px = (e) => e ? parseFloat(getComputedStyle(e).fontSize) : null;
  return {p: px(p), pText: p ? p.innerText.slice(0, 40) : null, h1: px(h1),
          root: px(document.documentElement), figure: gd && gd.layout.font ? gd.layout.font.size : null};
}"""


def sizes(page: Any) -> dict:
    page.wait_for_function(
        "() => { const gd = document.querySelector('.st-key-playground_chart .js-plotly-plot');"
        " return gd && gd.layout && gd.layout.font && gd.layout.font.size; }"
    )
    return page.evaluate(_SIZES)


def root_font_px(page: Any) -> float:
    return page.evaluate("() => parseFloat(getComputedStyle(document.documentElement).fontSize)")


def test_presenter_mode_enlarges_text_and_figure(page, tmp_path: Path) -> None:
    goto(page, "/")
    normal = sizes(page)
    goto(page, "/?present=1")
    presenting = sizes(page)
    assert presenting["pText"] == normal["pText"], "compare the same paragraph"

    # Titles are already 44 px and keep that size, so the figure fits on a 1280 x 720 projector screen.
    for what, at_least in (("p", MIN_PRESENTER_RATIO), ("figure", MIN_PRESENTER_RATIO), ("h1", 1.0)):
        assert normal[what] and presenting[what], f"no {what} font size: {normal} / {presenting}"
        ratio = presenting[what] / normal[what]
        assert ratio >= at_least, (
            f"presenter mode enlarges the {what} text {ratio:.2f}x ({normal[what]} -> {presenting[what]} px), "
            f"less than {at_least}x"
        )
    save_screenshot(page, tmp_path, "presenter-tug-of-war-full")
    page.set_viewport_size(PROJECTOR)  # what the back row sees on a 1280x720 projector
    wait_for_plotly(page)
    top = page.evaluate("() => document.querySelector('.st-key-playground_chart').getBoundingClientRect().top")
    assert top < PROJECTOR["height"] * FIGURE_TOP_MAX_FRACTION, (
        f"at 1280x720 the animation starts {top:.0f} px down: it should start in the top "
        f"{FIGURE_TOP_MAX_FRACTION:.0%} of the screen"
    )
    save_screenshot(page, tmp_path, "presenter-tug-of-war-1280x720", full_page=False)


_SIDEBAR_ON_SCREEN_PX = """() => {
  const s = document.querySelector('[data-testid=stSidebar]');
  return s ? Math.max(0, Math.round(s.getBoundingClientRect().right)) : 0;
}"""


def presenter_problems(page: Any, where: str) -> list[str]:
    """What is wrong with presenter mode on this page (URL flag, large type, sidebar folded away)."""
    problems = []
    if parse_qs(urlsplit(page.url).query).get("present") != ["true"]:
        problems.append(f"{where}: presenter mode is not in the address bar ({page.url})")
    if (root := root_font_px(page)) <= 16:
        problems.append(f"{where}: the large type is gone (root font {root} px)")
    if (sidebar := page.evaluate(_SIDEBAR_ON_SCREEN_PX)) > 0:
        problems.append(f"{where}: the sidebar is open ({sidebar} px of the screen)")
    return problems


def test_page_down_and_page_up_step_through_the_pages(page, app_url: str, tmp_path: Path) -> None:
    urls = [url for *_, url in PAGE_TABLE]
    here = urls.index(DEFAULT_PAGE)  # "/" opens the default page
    assert here + 1 < len(urls), "the default page is the last page: nothing to step to"
    following = urls[here + 1]

    goto(page, "/?present=1")
    wait_for_plotly(page)
    problems = presenter_problems(page, "/?present=1")
    page.keyboard.press("PageDown")  # what a presentation clicker's "next" button sends
    expect(page).to_have_url(re.compile(rf"^{re.escape(app_url)}/{re.escape(following)}(\?|$)"))
    wait_for_app(page, after_interaction=True)
    problems += presenter_problems(page, f"after PageDown, /{following}")
    save_screenshot(page, tmp_path, f"presenter-{following}-1366x900", full_page=False)

    page.keyboard.press("PageUp")  # ... and "previous": back to the default page, "/"
    try:
        expect(page).to_have_url(re.compile(rf"^{re.escape(app_url)}/(\?|$)"))
    except AssertionError:
        problems.append(f"PageUp on /{following} did not go back to / (the address bar shows {page.url})")
    else:
        wait_for_app(page, after_interaction=True)
        problems += presenter_problems(page, "after PageUp, /")
    assert not problems, "presenter-mode stepping:\n  " + "\n  ".join(problems)


# --- 2. a copied link restores the view in a fresh browser ---------------------------------------------


def slider(page: Any, key: str) -> Any:
    return page.locator(f".st-key-{key}").get_by_role("slider")


def test_copy_link_restores_the_view_in_a_fresh_context(page, new_page) -> None:
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    goto(page, "/")
    wait_for_plotly(page)

    # Move two sliders with the keyboard: glutamate rate 2500 -> 2700, GABA strength 1.0 -> 0.9.
    slider(page, "glu_rate").focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    slider(page, "gaba_weight").focus()
    page.keyboard.press("ArrowLeft")
    expect(page).to_have_url(re.compile(r"[?&]glu_rate=2700(&|$)"))
    expect(page).to_have_url(re.compile(r"[?&]gaba_weight=0\.9(&|$)"))
    wait_for_app(page, after_interaction=True)
    values = {key: slider(page, key).input_value() for key in SLIDER_KEYS}
    assert values["glu_rate"] == "2700" and values["gaba_weight"] == "0.9", values

    copy = page.locator(f"{CONTROLS} [data-action=copy]")
    copy.focus()
    page.keyboard.press("Enter")
    status = page.locator(f"{CONTROLS} .ei-status")
    expect(status).to_have_text(re.compile(r"^(Link copied|Copy this link): http"))
    said, link = status.inner_text().split(": ", 1)
    assert link == page.url, f"the copied link {link} is not the address bar's {page.url}"
    if said == "Link copied":
        assert page.evaluate("() => navigator.clipboard.readText()") == link

    other = new_page()  # a fresh context: no cookies, no session, nothing shared but the link
    goto(other, link)
    wait_for_plotly(other)
    assert {key: slider(other, key).input_value() for key in SLIDER_KEYS} == values
    chart_id = "() => document.querySelector('.st-key-playground_chart .js-plotly-plot').layout.meta.animation_id"
    assert other.evaluate(chart_id) == page.evaluate(chart_id), "the link's chart shows other settings"


# --- 3. phones --------------------------------------------------------------------------------------------

_LAYOUT = """() => {
  const doc = document.documentElement;
  const main = document.querySelector('[data-testid=stMain]') || document.querySelector('section.main');
  const limit = window.innerWidth + 1;
  const describe = (e) => {
    const r = e.getBoundingClientRect();
    const keyed = e.closest('[class*="st-key-"]');
    const key = keyed ? Array.from(keyed.classList).find(c => c.startsWith('st-key-')) : '';
    const testid = (e.closest('[data-testid]') || {dataset: {}}).dataset.testid || '';
    const cls = typeof e.className === 'string' ? e.className.split(' ')[0] : '';
    return `<${e.tagName.toLowerCase()}${cls ? ' class=' + cls : ''}> in ${testid} ${key}`.trim() +
      ` spans x ${Math.round(r.left)}..${Math.round(r.right)} (${Math.round(r.width)} px wide)`;
  };
  // The outermost elements sticking out to the right (their parents fit), widest first.
  const wide = Array.from((main || document.body).querySelectorAll('*')).filter(e => {
    const r = e.getBoundingClientRect();
    if (r.width === 0 || r.right <= limit) return false;
    const pr = e.parentElement ? e.parentElement.getBoundingClientRect() : null;
    return !pr || pr.right <= limit;
  }).sort((a, b) => b.getBoundingClientRect().right - a.getBoundingClientRect().right).slice(0, 5).map(describe);
  // The top bar must not cover the banner (the first thing on every page) when the page is scrolled to the top.
  let covered = null;
  const header = document.querySelector('[data-testid=stHeader]');
  const bannerText = main && main.querySelector('[data-testid=stAlert] [data-testid=stMarkdownContainer] p');
  if (header && bannerText && main.scrollTop === 0) {
    const t = bannerText.getBoundingClientRect(), h = header.getBoundingClientRect();
    const visible = getComputedStyle(header).display !== 'none' && h.height > 0;
    const hit = document.elementFromPoint(t.left + Math.min(20, t.width / 2), t.top + 2);
    if (visible && hit && !bannerText.contains(hit)) {
      covered = `the banner's first line (top ${Math.round(t.top)} px) is under ` +
        `${describe(hit)}; the header ends at ${Math.round(h.bottom)} px`;
    }
  }
  return {innerWidth: window.innerWidth, docScroll: doc.scrollWidth,
          mainScroll: main ? main.scrollWidth : null, mainClient: main ? main.clientWidth : null, wide, covered};
}"""


@pytest.mark.parametrize("app_page", PAGES, ids=[p.name for p in PAGES])
def test_phone_page_fits_the_screen(phone_page, app_page: AppPage, tmp_path: Path) -> None:
    goto(phone_page, app_page.path)
    wait_for_plotly(phone_page)
    layout = phone_page.evaluate(_LAYOUT)
    save_screenshot(phone_page, tmp_path, f"phone-{app_page.name}")

    problems = []
    if layout["docScroll"] > layout["innerWidth"] + 1:
        problems.append(f"the document is {layout['docScroll']} px wide in a {layout['innerWidth']} px screen")
    if layout["mainScroll"] is None:
        problems.append("no [data-testid=stMain] / section.main scroll container found")
    elif layout["mainScroll"] > layout["mainClient"] + 1:
        problems.append(f"the main area scrolls sideways: {layout['mainScroll']} px in {layout['mainClient']} px")
    if problems and layout["wide"]:
        problems.append("too wide: " + "; ".join(layout["wide"]))
    if layout["covered"]:
        problems.append(layout["covered"])
    assert not problems, f"{app_page.path} at 390x844:\n  " + "\n  ".join(problems)


_PANEL_PX = """(key) => {
  const gd = document.querySelector(`.st-key-${key} .js-plotly-plot`);
  const fl = gd && gd._fullLayout;
  if (!fl) return null;
  const out = {};
  for (const name of ['xaxis', 'yaxis', 'xaxis2', 'yaxis2', 'yaxis3', 'yaxis4']) {
    if (fl[name]) out[name] = Math.round(fl[name]._length);
  }
  out.width = Math.round(fl.width);
  return out;
}"""


@pytest.mark.parametrize(
    ("path", "key", "minimum_px"),
    [
        # the cell diagram and the three data panels of the tug of war
        ("/", "playground_chart", {"xaxis": 300, "yaxis": 200, "xaxis2": 250, "yaxis4": 150}),
        # the raster and the circuit of the network
        ("/circuits", "circuits_chart", {"xaxis": 250, "yaxis": 250, "xaxis2": 250}),
    ],
)
def test_phone_gets_stacked_readable_animations(phone_page, path, key, minimum_px, tmp_path: Path) -> None:
    """At 390x844 the animated figures stack their panels: each panel keeps a readable size."""
    goto(phone_page, path)
    wait_for_plotly(phone_page)
    sizes = phone_page.evaluate(_PANEL_PX, key)
    assert sizes, f"{path}: no chart {key}"
    save_screenshot(phone_page, tmp_path, f"phone-stacked-{key}", full_page=True)
    small = {axis: (sizes.get(axis), px) for axis, px in minimum_px.items() if (sizes.get(axis) or 0) < px}
    assert not small, f"{path} at 390x844: panels too small for a phone (drawn px, needed px): {small}"
