"""The classroom in a real browser: presenter mode, a copied link in a fresh browser, phones.

- Presenter mode (``?present=1``) makes the page's text and the animated view's labels at least 1.3x
  larger; on a 1280x720 projector the tug of war's and the network's view (figure and controls) come first,
  right under the title, and lie wholly on the first screen.  PageDown / PageUp (what presentation clickers
  send) step to the next / previous page in menu order (``explainer/pages/__init__.py``), staying in presenter mode.
- The view's "Copy link", pressed from the keyboard, gives a link that reproduces the sliders and the view
  in a fresh browser context.
- At phone size (390x844, touch) no page scrolls sideways and nothing hides under the top bar; the animated
  views stack themselves (diagram on top, data panels below), each part wide enough to read.

The animated views are read through tests/e2e/views.py (the component renders in an open shadow root).

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

from explainer.pages import DEFAULT_URL, circuits, home, playground, site
from explainer.pages import PLAYGROUND as PLAYGROUND_PAGE
from explainer.ui.shell import menu

from .conftest import PAGES, AppPage, goto, keep_circuits_prediction, wait_for_app
from .views import control, view, wait_for_all_views, wait_for_view

MIN_PRESENTER_RATIO = 1.3
MAX_SCREENSHOT_HEIGHT_PX = 8_000
PROJECTOR = {"width": 1280, "height": 720}  # a common classroom projector resolution
SLIDER_KEYS = ("glu_rate", "glu_weight", "gaba_rate", "gaba_weight")
PLAYGROUND = playground.VIEW_KEY
TUG_OF_WAR = f"/{PLAYGROUND_PAGE.url}"  # the playground's page (the app opens on Start here, "/")
# The last PageDown that went through the whole page: whether anything prevented the browser's own action.
# Registered last, on window and not in the capture phase, it sees only a key that no listener stopped.
RECORD_LAST_PAGE_DOWN_JS = """() => window.addEventListener('keydown', (e) => {
  if (e.key === 'PageDown') window.__eiPageDown = {prevented: e.defaultPrevented};
})"""


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

_PAGE_TEXT_SIZES = """() => {
  const main = document.querySelector('[data-testid=stMain]');
  const p = main.querySelector('[data-testid=stMarkdownContainer] p');
  const h1 = main.querySelector('h1');
  const px = (e) => e ? parseFloat(getComputedStyle(e).fontSize) : null;
  return {p: px(p), pText: p ? p.innerText.slice(0, 40) : null, h1: px(h1)};
}"""


def root_font_px(page: Any) -> float:
    return page.evaluate("() => parseFloat(getComputedStyle(document.documentElement).fontSize)")


def test_presenter_mode_enlarges_the_page_text(page, tmp_path: Path) -> None:
    goto(page, TUG_OF_WAR)
    normal = page.evaluate(_PAGE_TEXT_SIZES)
    goto(page, f"{TUG_OF_WAR}?present=1")
    wait_for_view(page, PLAYGROUND)
    presenting = page.evaluate(_PAGE_TEXT_SIZES)
    assert presenting["pText"] == normal["pText"], "compare the same paragraph"

    # Titles are already 44 px and keep that size, so the figure fits on a 1280 x 720 projector screen.
    for what, at_least in (("p", MIN_PRESENTER_RATIO), ("h1", 1.0)):
        assert normal[what] and presenting[what], f"no {what} font size: {normal} / {presenting}"
        ratio = presenting[what] / normal[what]
        assert ratio >= at_least, (
            f"presenter mode enlarges the {what} text {ratio:.2f}x ({normal[what]} -> {presenting[what]} px), "
            f"less than {at_least}x"
        )
    save_screenshot(page, tmp_path, "presenter-tug-of-war-full")


# Where the view (figure and controls) and the first control after it sit, and its label size; measured
# once the fonts are in and two frames have been drawn after the view's last layout.
_VIEW_ON_SCREEN = """async ([root, after]) => {
  await document.fonts.ready;
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  const r = root.getBoundingClientRect();
  const label = root.querySelector('svg .ei-readout-time');
  const main = document.querySelector('[data-testid=stMain]');
  const next = document.querySelector(after);
  return {top: r.top, bottom: r.bottom, height: r.height, innerHeight: window.innerHeight,
          scrolled: (main ? main.scrollTop : 0) + window.scrollY,
          font: label ? parseFloat(getComputedStyle(label).fontSize) : null,
          profile: root.dataset.profile, nextTop: next ? next.getBoundingClientRect().top : null};
}"""


def view_on_screen(page: Any, key: str, after: str) -> dict:
    return page.evaluate(_VIEW_ON_SCREEN, [view(page, key).element_handle(), after])


@pytest.mark.parametrize(
    ("path", "key", "presets"),
    [(TUG_OF_WAR, PLAYGROUND, ".st-key-preset"), ("/circuits", circuits.VIEW_KEY, ".st-key-net_preset")],
    ids=["tug-of-war", "circuits"],
)
def test_presenter_view_fills_the_first_projector_screen(page, path, key, presets, tmp_path: Path) -> None:
    """At 1280x720, presenting: the whole view is on the first screen, above the presets, with larger labels."""
    page.set_viewport_size(PROJECTOR)
    if path == "/circuits":
        keep_circuits_prediction(page)  # its presets show once the prediction is run
    goto(page, path)
    wait_for_view(page, key)
    page.locator(presets).wait_for()
    normal = view_on_screen(page, key, presets)
    goto(page, f"{path}?present=true")
    presenting_state = wait_for_view(page, key)
    page.locator(presets).wait_for()
    assert presenting_state["profile"] == "projector", presenting_state
    on_screen = view_on_screen(page, key, presets)
    save_screenshot(page, tmp_path, f"presenter-{key}-1280x720", full_page=False)

    assert normal["font"] and on_screen["font"], f"no read-out label: {normal} / {on_screen}"
    ratio = on_screen["font"] / normal["font"]
    assert ratio >= MIN_PRESENTER_RATIO, (
        f"{path}: presenter mode draws the view's labels {ratio:.2f}x larger "
        f"({normal['font']} -> {on_screen['font']} px), less than {MIN_PRESENTER_RATIO}x"
    )
    assert on_screen["scrolled"] == 0, f"{path}: the page opened scrolled ({on_screen})"
    assert on_screen["top"] >= 0 and on_screen["bottom"] <= PROJECTOR["height"], (
        f"{path} at 1280x720: the view (figure and controls) spans y {on_screen['top']:.0f}..."
        f"{on_screen['bottom']:.0f} px: it should lie within the first screen, 0..{PROJECTOR['height']} px"
    )
    assert on_screen["nextTop"] is not None and on_screen["nextTop"] >= on_screen["bottom"], (
        f"{path}: presenting, the presets should come after the view ({on_screen})"
    )


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
    urls = [e.url for e in menu(site())]
    here = urls.index(DEFAULT_URL)  # "/" opens the default page, Start here
    assert here + 1 < len(urls), "the default page is the last page: nothing to step to"
    following = urls[here + 1]
    assert following == site().course[0].url, "Start here's next page is lesson 1"

    goto(page, "/?present=1")
    wait_for_view(page, home.VIEW_KEY)
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


@pytest.mark.parametrize("focus", ["a slider", "the time scrubber", "the presenter toggle, just switched on"])
def test_page_down_turns_the_page_whatever_has_the_focus(page, app_url: str, focus: str) -> None:
    """A clicker sends PageDown; a focused slider or scrubber would otherwise take it."""
    urls = [e.url for e in menu(site())]
    following = urls[urls.index(PLAYGROUND_PAGE.url) + 1]
    if focus.startswith("the presenter toggle"):
        goto(page, TUG_OF_WAR)
        wait_for_view(page, PLAYGROUND)
        page.get_by_test_id("stSidebar").get_by_text("Presenter mode").click()  # the mouse, from the sidebar
        wait_for_app(page, after_interaction=True)
        expect(page).to_have_url(re.compile(r"[?&]present=true"))
        wait_for_view(page, PLAYGROUND)
    else:
        goto(page, f"{TUG_OF_WAR}?present=1")
        wait_for_view(page, PLAYGROUND)
        if focus == "a slider":
            page.get_by_test_id("stExpander").filter(has_text="Sliders").locator("summary").click()
            page.locator(".st-key-glu_rate").get_by_role("slider").focus()
        else:
            control(page, PLAYGROUND, "scrub").focus()
    page.keyboard.press("PageDown")
    expect(page).to_have_url(re.compile(rf"^{re.escape(app_url)}/{re.escape(following)}(\?|$)"))


def test_without_presenter_mode_page_down_is_the_browsers(page, app_url: str) -> None:
    goto(page, TUG_OF_WAR)
    wait_for_view(page, PLAYGROUND)
    control(page, PLAYGROUND, "scrub").focus()
    page.evaluate(RECORD_LAST_PAGE_DOWN_JS)
    page.keyboard.press("PageDown")  # returns once the page's listeners have run
    reached = page.evaluate("() => window.__eiPageDown")
    assert reached == {"prevented": False}, (
        f"only presenter mode takes PageDown; here the page stopped or prevented it ({reached})"
    )
    assert urlsplit(page.url).path == TUG_OF_WAR, "only presenter mode turns pages with PageDown"


def test_after_a_preset_the_arrow_keys_keep_stepping_the_slider(page) -> None:
    """After a preset the arrow keys go on stepping the focused slider: the view and the sliders are updated
    in place, not remounted (which would take the focus away after the first step)."""
    goto(page, TUG_OF_WAR)
    wait_for_view(page, PLAYGROUND)
    page.locator(".st-key-preset").get_by_role("radio", name="Excitation wins").click()
    thumb = page.locator(".st-key-gaba_rate").get_by_role("slider")
    expect(thumb).to_have_value("250")
    wait_for_app(page, after_interaction=True)
    thumb.focus()
    for expected in ("500", "750", "1000"):
        page.keyboard.press("ArrowRight")
        expect(thumb).to_have_value(expected)
        wait_for_app(page, after_interaction=True)
        expect(thumb).to_be_focused()


# --- 2. a copied link restores the view in a fresh browser ---------------------------------------------


def slider(page: Any, key: str) -> Any:
    return page.locator(f".st-key-{key}").get_by_role("slider")


def test_copy_link_restores_the_view_in_a_fresh_context(page, new_page) -> None:
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    goto(page, TUG_OF_WAR)
    default = wait_for_view(page, PLAYGROUND)

    # Move two sliders with the keyboard: glutamate rate 2500 -> 3000, GABA strength 1.0 -> 0.9.
    slider(page, "glu_rate").focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    slider(page, "gaba_weight").focus()
    page.keyboard.press("ArrowLeft")
    expect(page).to_have_url(re.compile(r"[?&]glu_rate=3000(&|$)"))
    expect(page).to_have_url(re.compile(r"[?&]gaba_weight=0\.9(&|$)"))
    wait_for_app(page, after_interaction=True)
    values = {key: slider(page, key).input_value() for key in SLIDER_KEYS}
    assert values["glu_rate"] == "3000" and values["gaba_weight"] == "0.9", values
    moved = wait_for_view(page, PLAYGROUND, other_than=default["id"])

    copy = control(page, PLAYGROUND, "copy")
    copy.focus()
    page.keyboard.press("Enter")
    status = view(page, PLAYGROUND).locator(".ei-controls .ei-status")
    expect(status).to_have_text(re.compile(r"^(Link copied|Copy this link): http"))
    said, link = status.inner_text().split(": ", 1)
    assert link == page.url, f"the copied link {link} is not the address bar's {page.url}"
    if said == "Link copied":
        assert page.evaluate("() => navigator.clipboard.readText()") == link

    other = new_page()  # a fresh context: no cookies, no session, nothing shared but the link
    goto(other, link)
    assert {key: slider(other, key).input_value() for key in SLIDER_KEYS} == values
    # The link's page draws the moved view: the same settings, so the same view id.
    wait_for_view(other, PLAYGROUND, wanted=moved["id"])


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
    wait_for_all_views(phone_page)  # the views lay themselves out from their measured width
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


# The boxes (CSS px) of the view's diagram (the cell: g.ei-diagram; the circuit: g.ei-circuit) and of its
# data panels (g.ei-data), as drawn in its SVG.
_PARTS = """(root) => {
  const box = (sel) => { const e = root.querySelector(sel); if (!e) return null;
    const r = e.getBoundingClientRect();
    return {left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height}; };
  return {svg: box('svg'), diagram: box('svg .ei-diagram') || box('svg .ei-circuit'), data: box('svg .ei-data')};
}"""


@pytest.mark.parametrize(
    ("path", "key", "diagram_px", "data_px"),
    [
        # the cell diagram above the input spikes, conductances and V
        (TUG_OF_WAR, playground.VIEW_KEY, 300, 300),
        # the circuit diagram above the raster and the population rates.  The circuit is drawn at 2/3 of the
        # view's width (CIRCUIT_X_RANGE leaves a sixth blank on either side): about 230 px on this phone.
        ("/circuits", circuits.VIEW_KEY, 220, 300),
    ],
    ids=["tug-of-war", "circuits"],
)
def test_phone_gets_stacked_readable_animations(phone_page, path, key, diagram_px, data_px, tmp_path: Path) -> None:
    """At 390x844 the view lays itself out stacked: the diagram on top, the data panels below, both wide."""
    goto(phone_page, path)
    wait_for_view(phone_page, key)
    parts = view(phone_page, key).evaluate(_PARTS)
    save_screenshot(phone_page, tmp_path, f"phone-stacked-{key}", full_page=True)
    diagram, data = parts["diagram"], parts["data"]
    assert diagram and data, f"{path}: the view has no diagram or no data panels: {parts}"
    where = f"{path} at 390x844 (diagram {_box(diagram)}, data {_box(data)}, view {_box(parts['svg'])})"
    assert diagram["bottom"] <= data["top"], f"{where}: the diagram is not above the data panels"
    assert diagram["width"] >= diagram_px, f"{where}: the diagram is {diagram['width']:.0f} px wide, < {diagram_px}"
    assert data["width"] >= data_px, f"{where}: the data panels are {data['width']:.0f} px wide, < {data_px}"
    assert parts["svg"]["right"] <= phone_page.viewport_size["width"], f"{where}: the view sticks out"


def _box(b: dict) -> str:
    return f"x {b['left']:.0f}..{b['right']:.0f}, y {b['top']:.0f}..{b['bottom']:.0f}"
