"""Accessibility in a real browser: axe-core on every page, keyboard-only use, sound, reduced motion.

- axe-core (npm ``axe-core``, installed into ``tests/e2e/node_modules`` by ``scripts/test.sh``) is
  injected into each page of ``PAGES`` (and the playground in presenter mode); any violation of impact
  "serious" or "critical" fails the test, and so does any "heading-order" violation (a "moderate" one:
  a heading level skipped, such as an h1 followed by an h3, breaks a screen reader's outline of the
  page).  No rule is excluded.
- Tabbing through the playground reaches every control: the four input sliders, the presets (one tab
  stop, arrow keys between the options, as a radio group should be), the Play / Pause / Copy-link
  buttons, the "listen" toggle and the CSV download; arrow keys move a slider, Space picks a preset,
  Enter and Space press Play / Pause.
- Reduce motion (``?calm=true``) shows the animation's last frame and leaves it there until Play.
- "Listen to the neuron" shows an ``<audio>`` player whose WAV comes from the app's own server.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import pytest

try:
    from playwright.sync_api import expect
except ImportError:  # the ``browser`` fixture then skips (locally) or fails (CI) with the reason
    expect = None

from .conftest import (
    E2E_DIR,
    LOCAL_HOSTS,
    PAGES,
    PageLog,
    forgive_interrupted_animations,
    goto,
    record_console,
    wait_for_app,
    wait_for_plotly,
)

AXE_JS = E2E_DIR / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING_IMPACTS = ("serious", "critical")
BLOCKING_RULES = ("heading-order",)  # blocking whatever their impact

# The playground's chart (its Plotly graph div) and the frame its time scrubber shows, read in the page.
_GD = "document.querySelector('.st-key-playground_chart .js-plotly-plot')"
_FRAME = f"""() => {{
  const gd = {_GD};
  const scrub = document.querySelector('#ei-controls-playground_chart [data-action=scrub]');
  if (!gd || !gd.layout || !gd.layout.meta || !scrub || scrub.max === '0') return null;
  return {{id: gd.layout.meta.animation_id, active: Number(scrub.value), last: Number(scrub.max),
           buttons: gd.querySelectorAll('.updatemenu-button').length}};
}}"""
CONTROLS = "#ei-controls-playground_chart"  # the HTML Play / Pause / Copy-link buttons under the chart


def frame(page: Any) -> dict:
    state = page.evaluate(_FRAME)
    assert state is not None, "the playground chart is not drawn"
    return state


def wait_for_playground_chart(page: Any) -> dict:
    page.wait_for_function(f"() => {{ const s = ({_FRAME})(); return s && s.buttons === 5; }}")
    return frame(page)


def wait_for_frame_past(page: Any, n: int, timeout_ms: int = 5_000) -> int:
    """Wait until the animation's frame index exceeds ``n``; return the new index."""
    page.wait_for_function(
        f"([n]) => {{ const s = ({_FRAME})(); return s && s.active > n; }}", arg=[n], timeout=timeout_ms
    )
    return frame(page)["active"]


def assert_stays_still(page: Any, ms: int, when: str = "") -> int:
    """The animation's frame does not move for ``ms`` (a frame already scheduled may land first)."""
    page.wait_for_timeout(200)
    before = frame(page)["active"]
    page.wait_for_timeout(ms)
    after = frame(page)["active"]
    assert after == before, f"the animation moved from frame {before} to {after} in {ms} ms {when}".rstrip()
    return after


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


AXE_TARGETS = [(p.path, p.name) for p in PAGES] + [("/?present=1", "tug-of-war-presenter")]


@pytest.mark.parametrize("path", [t[0] for t in AXE_TARGETS], ids=[t[1] for t in AXE_TARGETS])
def test_axe_finds_no_serious_violation_and_no_skipped_heading(page, path: str) -> None:
    axe_js = _axe_path()
    goto(page, path)
    wait_for_plotly(page)  # the charts' SVG is part of what axe checks
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
_FOCUSED = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return {what: 'body'};
  const keyed = e.closest('[class*="st-key-"]');
  const key = keyed ? Array.from(keyed.classList).find(c => c.startsWith('st-key-')).slice(7) : null;
  const controls = e.closest('.ei-anim-controls');
  const role = e.getAttribute('role') || (e.matches('input[type=range]') ? 'slider' : e.tagName.toLowerCase());
  const name = (e.getAttribute('aria-label') || e.innerText || '').trim().split('\\n')[0].slice(0, 60);
  return {what: 'element', key, role, name, action: e.dataset.action || null,
          controls: controls ? controls.id : null};
}"""

SLIDER_KEYS = ("glu_rate", "glu_weight", "gaba_rate", "gaba_weight")
PRESET_NAMES = ("Balanced", "Excitation wins", "Inhibition wins", "Silent")
MAX_TABS = 80


def _label(d: dict) -> str:
    if d["what"] == "body":
        return "<body>"
    return f"{d['role']} {d['name']!r}" + (f" (key {d['key']})" if d["key"] else "")


def test_tab_reaches_every_playground_control(page) -> None:
    goto(page, "/")
    wait_for_playground_chart(page)

    wanted = {
        **{f"slider {k}": (lambda d, k=k: d["key"] == k and d["role"] == "slider") for k in SLIDER_KEYS},
        "presets": lambda d: d["key"] == "preset" and d["role"] == "radio",
        **{
            f"{a} button": (lambda d, a=a: d["controls"] == CONTROLS[1:] and d["action"] == a)
            for a in ("play", "pause", "copy", "scrub")
        },
        "listen toggle": lambda d: d["key"] == "listen" and d["role"] == "switch",
        "download button": lambda d: d["key"] == "download_csv" and d["role"] == "button",
    }
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

    # The arrow keys move a focused slider by one step (a native range input: its value and aria-valuetext;
    # it has no aria-valuenow, which is only for ARIA sliders built from divs).
    glu_rate = page.locator(".st-key-glu_rate").get_by_role("slider")
    glu_rate.focus()
    assert glu_rate.input_value() == "2500"
    page.keyboard.press("ArrowRight")
    expect(glu_rate).to_have_value("2600")
    expect(glu_rate).to_have_attribute("aria-valuetext", "2600")
    expect(page.locator(".st-key-glu_rate [data-testid='stSliderThumbValue']")).to_have_text("2600")
    wait_for_app(page, after_interaction=True)

    # Space on a focused preset chooses it and moves the sliders.
    excitation = page.locator(".st-key-preset").get_by_role("radio", name="Excitation wins")
    excitation.focus()
    page.keyboard.press("Space")
    expect(excitation).to_have_attribute("aria-checked", "true")
    expect(page.locator(".st-key-gaba_rate").get_by_role("slider")).to_have_value("300")
    wait_for_app(page, after_interaction=True)


def test_chart_toolbar_saves_a_png_from_the_keyboard(page) -> None:
    """Plotly's toolbar buttons are unfocusable <a> elements; the app makes them keyboard buttons."""
    goto(page, "/?calm=true")
    wait_for_playground_chart(page)
    camera = page.locator(".st-key-playground_chart .modebar-btn[data-title*='png' i]")
    expect(camera).to_have_attribute("tabindex", "0")
    expect(camera).to_have_attribute("role", "button")
    camera.focus()
    expect(page.locator(".st-key-playground_chart .modebar")).to_have_css("opacity", "1")
    with page.expect_download(timeout=20_000) as download:
        page.keyboard.press("Enter")
    name = download.value.suggested_filename
    assert name.startswith("tug-of-war_") and name.endswith(".png"), name
    png = Path(download.value.path()).read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    assert (width, height) == (1920, 1080), f"projector size expected, got {width}x{height}"


def test_time_scrubber_steps_through_frames_from_the_keyboard(page) -> None:
    """The HTML time scrubber (Plotly's own slider is unreachable by keyboard) shows any frame."""
    goto(page, "/?calm=true")
    state = wait_for_playground_chart(page)
    scrub = page.locator(f"{CONTROLS} [data-action=scrub]")
    expect(scrub).to_be_enabled()
    assert state["active"] == state["last"] == 100, "reduce motion opens on the last of 101 frames"
    expect(scrub).to_have_attribute("aria-valuetext", "1000 ms")
    scrub.focus()
    page.keyboard.press("Home")
    expect(scrub).to_have_attribute("aria-valuetext", "0 ms")
    for _ in range(3):
        page.keyboard.press("ArrowRight")
    expect(scrub).to_have_attribute("aria-valuetext", "30 ms")
    page.wait_for_function(
        "() => { const gd = " + _GD + "; const t = gd.data.find(t => t.mode === 'text' && "
        "/^t = /.test(String(t.text && t.text[0]))); return t && String(t.text[0]).startsWith('t = 30 ms'); }",
        timeout=5_000,
    )
    assert frame(page)["active"] == 3
    page.keyboard.press("End")
    expect(scrub).to_have_attribute("aria-valuetext", "1000 ms")


def test_reduce_motion_then_enter_and_space_play_and_pause(page, page_log: PageLog) -> None:
    console_texts = record_console(page)
    # Reduced motion: the chart shows its final state and stays there until asked to play.
    goto(page, "/?calm=true")
    expect(page.locator(".st-key-calm").get_by_role("switch")).to_be_checked()
    state = wait_for_playground_chart(page)
    assert state["active"] == state["last"], f"calm: the chart shows frame {state['active']} of 0..{state['last']}"
    assert assert_stays_still(page, 1_500) == state["last"]

    play = page.locator(f"{CONTROLS} [data-action=play]")
    pause = page.locator(f"{CONTROLS} [data-action=pause]")
    play.focus()
    page.keyboard.press("Enter")
    # Play from the last frame starts again from the beginning, then moves on.
    page.wait_for_function(f"() => {{ const s = ({_FRAME})(); return s && s.active < s.last; }}", timeout=5_000)
    wait_for_frame_past(page, frame(page)["active"])
    for pause_key, play_key in (("Space", "Enter"), ("Enter", "Space")):
        pause.focus()
        page.keyboard.press(pause_key)
        paused_at = assert_stays_still(page, 800)
        # Back to Play with the keyboard only: it is the control just before Pause.
        page.keyboard.press("Shift+Tab")
        expect(play).to_be_focused()
        page.keyboard.press(play_key)
        wait_for_frame_past(page, paused_at)
    expect(page.locator(f"{CONTROLS} .ei-status")).to_have_text("Playing")
    forgive_interrupted_animations(page_log, console_texts)  # Pause's rejected promise, see conftest


def test_pause_button_stops_the_autoplaying_animation(page, page_log: PageLog) -> None:
    """The chart plays by itself on opening and again after every change; Pause (Space) must stop it both times."""
    console_texts = record_console(page)
    goto(page, "/")
    first = wait_for_playground_chart(page)
    pause = page.locator(f"{CONTROLS} [data-action=pause]")
    for when in ("after the page opened", "after a slider moved"):
        if when == "after a slider moved":
            page.locator(".st-key-glu_rate").get_by_role("slider").focus()
            page.keyboard.press("ArrowRight")
            wait_for_app(page, after_interaction=True)
            page.wait_for_function(
                f"([old]) => {{ const s = ({_FRAME})(); return s && s.id !== old && s.buttons === 5; }}",
                arg=[first["id"]],
            )
        wait_for_frame_past(page, 2)  # autoplay is running
        pause.focus()
        page.keyboard.press("Space")
        assert_stays_still(page, 1_000, f"after Pause was pressed {when}")
    forgive_interrupted_animations(page_log, console_texts)  # Pause's rejected promise, see conftest


# --- 3. sound -------------------------------------------------------------------------------------------


def test_listen_toggle_plays_a_wav_from_the_app(page) -> None:
    goto(page, "/")
    wait_for_playground_chart(page)
    expect(page.locator("audio")).to_have_count(0)

    toggle = page.locator(".st-key-listen").get_by_role("switch")
    toggle.focus()
    page.keyboard.press("Space")  # keyboard, like the rest of this file
    expect(toggle).to_be_checked()
    audio = page.get_by_test_id("stAudio")
    expect(audio).to_have_count(1)
    wait_for_app(page, after_interaction=True)

    src = audio.get_attribute("src")
    assert src, "the <audio> element has no src"
    url = urljoin(page.url, src)
    assert urlsplit(url).hostname in LOCAL_HOSTS, f"the sound comes from {url}, not from the app"
    response = page.request.get(url)
    assert response.status == 200, f"GET {url} -> {response.status}"
    assert response.headers.get("content-type", "").startswith("audio/"), response.headers
    body = response.body()
    assert body[:4] == b"RIFF" and body[8:12] == b"WAVE", f"not a WAV file: {body[:12]!r}"
    # ... and the browser itself loaded it: metadata read, no media error, as long as the run.
    page.wait_for_function(
        "() => { const a = document.querySelector('audio'); return a && (a.readyState >= 1 || a.error); }"
    )
    state = page.evaluate("() => { const a = document.querySelector('audio'); return [a.error, a.duration]; }")
    assert state[0] is None, f"the browser could not play the WAV: {state[0]}"
    caption = page.get_by_text(re.compile(r"^\d+ clicks in [\d.]+ s, one per output spike\.$"))
    expect(caption).to_have_count(1)
    seconds = float(re.search(r"clicks in ([\d.]+) s", caption.inner_text()).group(1))
    assert state[1] == pytest.approx(seconds, abs=0.01), f"the WAV lasts {state[1]} s, the run {seconds} s"
