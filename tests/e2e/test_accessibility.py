"""Accessibility in a real browser: axe-core on every page, keyboard-only use, sound, reduced motion.

- axe-core (npm ``axe-core``, installed into ``tests/e2e/node_modules`` by ``scripts/test.sh``) is
  injected into each page of ``PAGES`` (and the playground in presenter mode); any violation of impact
  "serious" or "critical" fails the test, and so does any "heading-order" violation (a "moderate" one:
  a heading level skipped, such as an h1 followed by an h3, breaks a screen reader's outline of the
  page).  No rule is excluded.
- Tabbing through the playground reaches every control: the four input sliders, the presets (one tab
  stop, arrow keys between the options, as a radio group should be), every control of the animated
  view (Play/Pause, the three speeds, the time scrubber, Listen, Copy link, Save image), each with a
  visible focus ring, and the CSV download; arrow keys move a slider, Space picks a preset, Enter and
  Space press Play/Pause, and the scrubber steps through time with the arrows, Home and End.
- Reduce motion (``?calm=true``) shows the animation's final state and leaves it there until Play.
- The toolbar of a static chart saves its PNG from the keyboard.
(The sound, the export and the layout of the animated views: tests/e2e/test_animated_view.py.)
"""

from __future__ import annotations

import io
import itertools
import os
from pathlib import Path

import pytest
from PIL import Image

try:
    from playwright.sync_api import expect
except ImportError:  # the ``browser`` fixture then skips (locally) or fails (CI) with the reason
    expect = None

from explainer.figures.export import export_caption, export_name
from explainer.lessons import LESSONS
from explainer.pages import PLAYGROUND
from explainer.pages.blocked_gate import BG_SCALE_SLIDER
from explainer.pages.playground import VIEW_KEY, presets
from explainer.ui.course import question_key
from explainer.ui.lesson_parts import run_key

from .conftest import E2E_DIR, PAGES, goto, wait_for_app, wait_for_menu_roles, wait_for_plotly
from .views import (
    assert_stays_still,
    control,
    speed_button,
    view,
    view_state,
    wait_for_all_views,
    wait_for_time_past,
    wait_for_view,
)

AXE_JS = E2E_DIR / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING_IMPACTS = ("serious", "critical")
BLOCKING_RULES = ("heading-order",)  # blocking whatever their impact
PACE_FRAMES = 40  # frames drawn at each speed before its pace is measured (their median step)


# --- 1. axe-core --------------------------------------------------------------------------------------


def _axe_path() -> Path:
    if AXE_JS.is_file():
        return AXE_JS
    reason = (
        f"axe-core is not installed ({AXE_JS.relative_to(E2E_DIR.parents[1])} is missing); "
        "run: npm ci --prefix tests/e2e (scripts/test.sh does)"
    )
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason}; the accessibility check is required in CI (CI=true)", pytrace=False)
    pytest.skip(f"{reason}; skipped locally, CI runs it")


def _format_violations(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"[{v['impact']}] {v['id']}: {v['help']} ({v['helpUrl']})")
        for node in v["nodes"][:8]:
            lines.append(f"    at {' '.join(map(str, node['target']))}: {node['html'][:160]}")
            summary = " | ".join(s.strip() for s in (node.get("failureSummary") or "").splitlines()[1:3])
            if summary:
                lines.append(f"       {summary}")
        if len(v["nodes"]) > 8:
            lines.append(f"    ... and {len(v['nodes']) - 8} more nodes")
    return "\n".join(lines)


TUG_OF_WAR = f"/{PLAYGROUND.url}"  # the playground (the app opens on Start here, "/")
AXE_TARGETS = [(p.path, p.name) for p in PAGES] + [
    (f"{TUG_OF_WAR}?present=1", "tug-of-war-presenter"),
    ("/?present=1", "home-presenter"),
]


@pytest.mark.parametrize("path", [t[0] for t in AXE_TARGETS], ids=[t[1] for t in AXE_TARGETS])
def test_axe_finds_no_serious_violation_and_no_skipped_heading(page, path: str) -> None:
    axe_js = _axe_path()
    goto(page, path)
    wait_for_plotly(page)  # the charts' SVG is part of what axe checks
    wait_for_all_views(page)  # and the animated views
    wait_for_menu_roles(page)
    page.add_script_tag(path=str(axe_js))
    violations = page.evaluate("""async () => {
      const result = await axe.run(document, {resultTypes: ['violations']});
      return result.violations.map(v => ({
        id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
        nodes: v.nodes.map(n => ({target: n.target, html: n.html, failureSummary: n.failureSummary})),
      }));
    }""")
    blocking = [v for v in violations if v["impact"] in BLOCKING_IMPACTS or v["id"] in BLOCKING_RULES]
    assert not blocking, (
        f"axe-core found serious/critical or heading-order violations on {path}:\n" + _format_violations(blocking)
    )


# --- 2. keyboard ----------------------------------------------------------------------------------------

# What has the keyboard focus: enough to recognise every control of the playground.
# Focus inside the view's shadow root: document.activeElement is the host, its shadowRoot knows the rest.
_FOCUSED = """() => {
  let e = document.activeElement;
  while (e && e.shadowRoot && e.shadowRoot.activeElement) e = e.shadowRoot.activeElement;
  if (!e || e === document.body) return {what: 'body'};
  const outside = e.getRootNode().host || e;
  const keyed = outside.closest('[class*="st-key-"]');
  const key = keyed ? Array.from(keyed.classList).find(c => c.startsWith('st-key-')).slice(7) : null;
  const inView = Boolean(e.closest('.ei-controls'));
  const role = e.getAttribute('role') || (e.matches('input[type=range]') ? 'slider' : e.tagName.toLowerCase());
  const name = (e.getAttribute('aria-label') || e.innerText || '').trim().split('\\n')[0].slice(0, 60);
  const style = getComputedStyle(e);
  return {what: 'element', key, role, name, action: e.dataset.action || null, speed: e.dataset.speed || null,
          inView, outline: style.outlineStyle !== 'none' ? parseFloat(style.outlineWidth) : 0};
}"""

SLIDER_KEYS = ("glu_rate", "glu_weight", "gaba_rate", "gaba_weight")
PRESET_NAMES = tuple(presets())  # the tug of war's, in their order (explainer/ui/neuron_views.py)
MAX_TABS = 80


def _label(d: dict) -> str:
    if d["what"] == "body":
        return "<body>"
    return f"{d['role']} {d['name']!r}" + (f" (key {d['key']})" if d["key"] else "")


VIEW_ACTIONS = ("play-pause", "scrub", "listen", "copy", "save")


def test_tab_reaches_every_playground_control(page) -> None:
    goto(page, TUG_OF_WAR)
    wait_for_view(page, VIEW_KEY)

    in_view = {
        **{
            f"view {a}": (lambda d, a=a: d["inView"] and d["key"] == VIEW_KEY and d["action"] == a)
            for a in VIEW_ACTIONS
        },
        **{
            f"view speed {v}": (lambda d, v=v: d["inView"] and d["action"] == "speed" and d["speed"] == v)
            for v in ("0.5", "1", "2")
        },
    }
    wanted = {
        **{f"slider {k}": (lambda d, k=k: d["key"] == k and d["role"] == "slider") for k in SLIDER_KEYS},
        "presets": lambda d: d["key"] == "preset" and d["role"] == "radio",
        **in_view,
        "download button": lambda d: d["key"] == "download_csv" and d["role"] == "button",
    }
    rings: dict[str, float] = {}
    reached: dict[str, int] = {}
    visited: list[str] = []
    presets_by_arrow: list[str] = []
    for i in range(MAX_TABS):
        page.keyboard.press("Tab")
        d = page.evaluate(_FOCUSED)
        visited.append(_label(d))
        for name, matches in wanted.items():
            if name not in reached and d["what"] == "element" and matches(d):
                reached[name] = i + 1
                rings[name] = d["outline"]
        if d["what"] == "element" and d["key"] == "preset" and d["role"] == "radio" and not presets_by_arrow:
            # A radio group is one tab stop; the arrow keys move between its options (without choosing one).
            presets_by_arrow.append(d["name"])
            for _ in PRESET_NAMES[1:]:
                page.keyboard.press("ArrowRight")
                presets_by_arrow.append(page.evaluate(_FOCUSED)["name"])
        if len(reached) == len(wanted):
            break

    missing = [name for name in wanted if name not in reached]
    assert not missing, f"Tab never reached {missing} in {MAX_TABS} presses; focus went to:\n  " + "\n  ".join(visited)
    assert presets_by_arrow == list(PRESET_NAMES), f"arrow keys in the presets visited {presets_by_arrow}"
    faint = {name: w for name, w in rings.items() if name in in_view and w < 2}
    assert not faint, f"the view's controls need a visible focus ring (outline >= 2 px): {faint}"

    # The arrow keys move a focused slider by one step (a native range input: its value and aria-valuetext;
    # it has no aria-valuenow, which is only for ARIA sliders built from divs).
    glu_rate = page.locator(".st-key-glu_rate").get_by_role("slider")
    glu_rate.focus()
    assert glu_rate.input_value() == "2500"
    page.keyboard.press("ArrowRight")
    expect(glu_rate).to_have_value("2750")
    expect(glu_rate).to_have_attribute("aria-valuetext", "2750")
    expect(page.locator(".st-key-glu_rate [data-testid='stSliderThumbValue']")).to_have_text("2750")
    wait_for_app(page, after_interaction=True)

    # Space on a focused preset chooses it and moves the sliders.
    excitation = page.locator(".st-key-preset").get_by_role("radio", name="Excitation wins")
    excitation.focus()
    page.keyboard.press("Space")
    expect(excitation).to_have_attribute("aria-checked", "true")
    expect(page.locator(".st-key-gaba_rate").get_by_role("slider")).to_have_value("250")
    wait_for_app(page, after_interaction=True)


def test_chart_toolbar_saves_a_png_from_the_keyboard_with_its_settings_drawn_under_it(page) -> None:
    """Plotly's toolbar buttons are unfocusable <a> elements; the app makes them keyboard buttons (static charts).
    The camera saves the chart 1920 px wide under a name with the settings, and draws every setting under it."""
    goto(page, "/blocked-gate?bg_scale=0.8")
    wait_for_plotly(page)
    chart = page.locator(".st-key-disinhibition_curve")
    camera = chart.locator(".modebar-btn[data-title*='png' i]")
    expect(camera).to_have_attribute("tabindex", "0")
    expect(camera).to_have_attribute("role", "button")
    camera.focus()
    expect(chart.locator(".modebar")).to_have_css("opacity", "1")
    with page.expect_download(timeout=20_000) as download:
        page.keyboard.press("Enter")
    settings = (BG_SCALE_SLIDER.setting(0.8),)
    assert download.value.suggested_filename == export_name("disinhibition", settings) + ".png"
    expect(chart).to_have_attribute("data-export-caption", export_caption(settings))
    data = Path(download.value.path()).read_bytes()
    if keep := os.environ.get("EXPORT_PNG_DIR"):  # to look at
        Path(keep, download.value.suggested_filename).write_bytes(data)
    image = Image.open(io.BytesIO(data)).convert("L")
    box = chart.locator(".js-plotly-plot").bounding_box()
    chart_h = round(box["height"] * 1920 / box["width"])
    assert image.width == 1920 and chart_h < image.height < chart_h + 200, (image.size, chart_h)
    drawn = image.crop((0, 0, 1920, chart_h)).point(lambda v: 255 if v < 128 else 0).getbbox()
    assert drawn and drawn[2] - drawn[0] > 1500, f"the chart's own drawing is missing from the image: {drawn}"
    caption = image.crop((0, chart_h, 1920, image.height)).point(lambda v: 255 if v < 128 else 0).getbbox()
    assert caption, "no caption under the chart"


def test_time_scrubber_steps_through_time_from_the_keyboard(page) -> None:
    goto(page, f"{TUG_OF_WAR}?calm=true")
    state = wait_for_view(page, VIEW_KEY)
    scrub = control(page, VIEW_KEY, "scrub")
    assert state["t"] == 1000 and state["state"] == "paused", f"reduce motion opens on the final state: {state}"
    expect(scrub).to_have_attribute("aria-valuetext", "1,000 ms")  # grouped, as English writes it
    expect(scrub).to_have_attribute("aria-label", "Time in the animation")
    scrub.focus()
    page.keyboard.press("Home")
    expect(scrub).to_have_attribute("aria-valuetext", "0 ms")
    for _ in range(3):
        page.keyboard.press("ArrowRight")
    expect(scrub).to_have_attribute("aria-valuetext", "30 ms")
    expect(view(page, VIEW_KEY)).to_have_attribute("data-t-ms", "30")
    expect(view(page, VIEW_KEY).locator("svg .ei-readout-time")).to_have_text("t = 30 ms")
    page.keyboard.press("End")
    expect(scrub).to_have_attribute("aria-valuetext", "1,000 ms")  # grouped, as English writes it
    expect(view(page, VIEW_KEY)).to_have_attribute("data-t-ms", "1000")


def test_reduce_motion_then_enter_and_space_play_and_pause(page) -> None:
    # Reduced motion: the view shows its final state and stays there until asked to play.
    goto(page, f"{TUG_OF_WAR}?calm=true")
    expect(page.locator(".st-key-calm").get_by_role("switch")).to_be_checked()
    state = wait_for_view(page, VIEW_KEY)
    assert state["t"] == 1000 and state["state"] == "paused", state
    assert assert_stays_still(page, VIEW_KEY) == 1000

    button = control(page, VIEW_KEY, "play-pause")
    expect(button).to_have_text("Play")
    button.focus()
    page.keyboard.press("Enter")
    # Play from the end starts again from the beginning, then moves on.
    page.wait_for_function("(root) => Number(root.dataset.tMs) < 500", arg=view(page, VIEW_KEY).element_handle())
    t = wait_for_time_past(page, VIEW_KEY, view_state(page, VIEW_KEY)["t"])
    for key in ("Space", "Enter"):
        expect(button).to_have_text("Pause")
        expect(button).to_be_focused()
        page.keyboard.press(key)
        expect(view(page, VIEW_KEY)).to_have_attribute("data-state", "paused")
        paused_at = assert_stays_still(page, VIEW_KEY)
        expect(button).to_have_text("Play")
        page.keyboard.press(key)
        t = wait_for_time_past(page, VIEW_KEY, paused_at)
    assert t > 0


def test_speed_buttons_change_the_pace_from_the_keyboard(page) -> None:
    """At 1x the second plays over 10 s (0.1 ms of model time per ms); 2x and 0.5x double and halve it."""
    goto(page, TUG_OF_WAR)
    wait_for_view(page, VIEW_KEY)
    for speed in (2, 0.5, 1):
        button = speed_button(page, VIEW_KEY, speed)
        button.focus()
        page.keyboard.press("Space")
        expect(button).to_have_attribute("aria-pressed", "true")
        expect(view(page, VIEW_KEY)).to_have_attribute("data-speed", f"{speed:g}")
        if view_state(page, VIEW_KEY)["state"] != "playing":
            control(page, VIEW_KEY, "play-pause").press("Enter")
        root = view(page, VIEW_KEY)
        start = root.evaluate("(root) => ({now: performance.now(), drawn: root.eiDebug().stats.frames})")
        page.wait_for_function(
            "([root, n]) => root.eiDebug().stats.frames >= n", arg=[root.element_handle(), start["drawn"] + PACE_FRAMES]
        )
        frames = [f for f in root.evaluate("(root) => root.eiDebug().frames") if f[0] > start["now"]]
        steps = [(b[1] - a[1]) / (b[0] - a[0]) for a, b in itertools.pairwise(frames) if b[0] > a[0] and b[1] > a[1]]
        assert len(steps) > 10, f"too few frames at {speed}x: {len(steps)}"
        pace = sorted(steps)[len(steps) // 2]
        assert pace == pytest.approx(0.1 * speed, rel=0.05), f"{speed}x played at {pace:.3f} model ms per ms"


# --- the focus after "Run the experiment" ------------------------------------------------------------------

# Where the keyboard focus is against the prediction's box (the bordered container of the radio): inside
# it, after it in the page (the experiment), or elsewhere (the page's top, the sidebar: focus dropped).
_FOCUS_AGAINST = """(radioKey) => {
  const radio = document.querySelector(`.st-key-${radioKey}`);
  const box = radio && radio.closest("[data-testid=stVerticalBlock]");  // the bordered box the radio is in
  const active = document.activeElement;
  if (!box || !active || active === document.body) return {where: 'body'};
  if (box.contains(active)) return {where: 'prediction'};
  const after = box.compareDocumentPosition(active) & Node.DOCUMENT_POSITION_FOLLOWING;
  return {where: after ? 'after' : 'before', tag: active.tagName, text: (active.innerText || '').slice(0, 40)};
}"""


def test_the_focus_stays_with_the_prediction_after_run_the_experiment(page) -> None:
    """Pressing "Run the experiment" from the keyboard removes the button; the focus stays on the prediction,
    and the next Tab goes on into the experiment below it, not back to the top of the page."""
    lesson = LESSONS[0]
    block = next(b for b in lesson.text.blocks if b.startswith("predict:"))
    key = question_key(lesson, block)
    goto(page, f"/{lesson.url}")
    page.locator(f".st-key-{key} [data-testid='stRadioOption']").first.click()
    wait_for_app(page, after_interaction=True)
    run = page.locator(f".st-key-{run_key(key)}").get_by_role("button")
    run.focus()
    page.keyboard.press("Enter")
    wait_for_app(page, after_interaction=True)
    expect(run).to_have_count(0)
    page.wait_for_function("() => document.activeElement !== document.body", timeout=5_000)
    assert page.evaluate(_FOCUS_AGAINST, key)["where"] == "prediction", page.evaluate(_FOCUS_AGAINST, key)
    for _ in range(4):  # past what the box itself holds (the question's help button), then on
        page.keyboard.press("Tab")
        moved = page.evaluate(_FOCUS_AGAINST, key)
        if moved["where"] != "prediction":
            break
    assert moved["where"] == "after", f"Tab after the run went to {moved}, not into the experiment"
