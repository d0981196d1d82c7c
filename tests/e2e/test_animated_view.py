"""The animated-view component in a real browser: sound in step, export, reduced motion, in-place updates
on the network pages, and labels that never overlap or get cut off, at laptop, projector and phone size.

The view's own record (``root.eiDebug()``, see tests/e2e/views.py) says when each frame was drawn and which
model time it showed, and when each click was scheduled to sound; the tests compare the two.
"""

from __future__ import annotations

import itertools
import os
import re
import struct
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from explainer.content import i18n
from explainer.content.format import fill
from explainer.content.words import words
from explainer.figures import network_view, neuron_view
from explainer.figures.view_codec import view_id
from explainer.model.experiments.circuits import BALANCED, DISINHIBITION_SCALES

try:
    from playwright.sync_api import expect
except ImportError:  # the ``browser`` fixture then skips (locally) or fails (CI) with the reason
    expect = None

from explainer.pages.playground import VIEW_KEY
from explainer.ui.lesson_parts import run_key

from .conftest import (
    PHONE_CONTEXT,
    _BrowserWithContextOptions,
    _open_recorded_context,
    goto,
    keep_circuits_prediction,
    language_sizes,
    wait_for_app,
)
from .views import (
    control,
    debug,
    layout_problems,
    speed_button,
    text_boxes,
    view,
    view_state,
    wait_for_time_past,
    wait_for_view,
)

CONTROLS = words("views").templates("controls")  # the controls' words in English (the page's language here)

FRAME_SLACK_MS = 17.0  # one frame at 60 Hz
LOOKAHEAD_MS = 150.0  # how far ahead the sound schedules its clicks (sound.js)
BUSY_LINK = "/tug-of-war?glu_rate=4000"  # about 30 output spikes a second: plenty of clicks to check


# --- sound -----------------------------------------------------------------------------------------------


STALL_MS = 40.0  # a frame gap longer than this is a stall of the page (a busy machine), not playback


def _check_clicks_in_step(page: Any, since_wall_ms: float, speed: float) -> int:
    """Every click scheduled after ``since_wall_ms`` sounds between the last frame before its spike and the
    first frame that shows it (give or take a frame), and every spike shown in that time got one.

    Around a stall of the page (no frame for more than STALL_MS, as on a loaded machine) the audio thread
    keeps time while the picture cannot, so clicks and spikes within the sound's look-ahead of a stall are
    not judged; nor are those within a look-ahead of ``since_wall_ms`` (the speed just changed: the clicks already
    scheduled at the old speed are cancelled and the new ones scheduled on the next tick).  Returns how many clicks
    were checked."""
    d = debug(page, VIEW_KEY)
    frames = [f for f in d["frames"] if f[0] >= since_wall_ms]
    assert len(frames) > 30, f"too few frames drawn at {speed}x: {len(frames)}"
    stalls = [(a[0], b[0]) for a, b in itertools.pairwise(frames) if b[0] - a[0] > STALL_MS]
    stalls.append((since_wall_ms, since_wall_ms + LOOKAHEAD_MS))

    def near_a_stall(wall_ms: float) -> bool:
        return any(start - LOOKAHEAD_MS <= wall_ms <= end + FRAME_SLACK_MS for start, end in stalls)

    checked = 0
    for c in d["clicks"]:
        if c["cancelled"] or not frames[0][1] < c["spike_ms"] <= frames[-1][1] or near_a_stall(c["wall_ms"]):
            continue
        i = next(k for k, f in enumerate(frames) if f[1] >= c["spike_ms"])
        before, shown = frames[i - 1][0], frames[i][0]
        if near_a_stall(before) or near_a_stall(shown):
            continue
        assert before - FRAME_SLACK_MS <= c["wall_ms"] <= shown + FRAME_SLACK_MS, (
            f"{speed}x: the click for the spike at {c['spike_ms']:.1f} ms is due at {c['wall_ms']:.0f} ms, "
            f"outside the frames {before:.0f}-{shown:.0f} ms around it"
        )
        checked += 1
    clicked = {round(c["spike_ms"], 3) for c in d["clicks"] if not c["cancelled"]}
    for f_prev, f in itertools.pairwise(frames):
        if near_a_stall(f_prev[0]) or near_a_stall(f[0]):
            continue
        missing = [s for s in d["spikes"] if f_prev[1] < s <= f[1] and round(s, 3) not in clicked]
        assert not missing, f"{speed}x: spikes shown at {f[0]:.0f} ms without a click: {missing}"
    return checked


def test_listen_clicks_in_step_with_the_spikes_shown_at_1x_and_2x_and_stops_with_pause(page) -> None:
    goto(page, BUSY_LINK)
    wait_for_view(page, VIEW_KEY)
    listen = control(page, VIEW_KEY, "listen")
    expect(listen).to_have_attribute("aria-pressed", "false")
    assert debug(page, VIEW_KEY)["audio"] == "none", "no sound before the user asks for it"
    listen.click()  # a user gesture: browsers start audio only after one
    expect(listen).to_have_attribute("aria-pressed", "true")
    page.wait_for_function("(root) => root.eiDebug().audio === 'running'", arg=view(page, VIEW_KEY).element_handle())

    checked = 0
    for speed in (1, 2):
        speed_button(page, VIEW_KEY, speed).click()
        expect(view(page, VIEW_KEY)).to_have_attribute("data-speed", f"{speed:g}")
        if view_state(page, VIEW_KEY)["state"] != "playing":
            control(page, VIEW_KEY, "play-pause").click()
        since = page.evaluate("() => performance.now()")
        page.wait_for_timeout(2_500)
        checked += _check_clicks_in_step(page, since, speed)
    assert checked >= 8, f"only {checked} clicks could be checked: the test needs spikes (and a calmer machine)"

    # Pause: nothing more sounds (beyond what the audio output already holds: its latency).  On a slow
    # machine the run may have reached its end and started over by now; a click then restarts it, so the
    # test clicks until the view says it is paused (at most twice).
    control(page, VIEW_KEY, "play-pause").click()
    try:
        expect(view(page, VIEW_KEY)).to_have_attribute("data-state", "paused", timeout=2_000)
    except AssertionError:
        control(page, VIEW_KEY, "play-pause").click()
        expect(view(page, VIEW_KEY)).to_have_attribute("data-state", "paused")
    page.wait_for_timeout(600)
    d = debug(page, VIEW_KEY)
    until = d["pausedAt"] + d["audioLatencyMs"] + 5
    late = [c for c in d["clicks"] if c["wall_ms"] > until and not c["cancelled"]]
    assert not late, f"clicks still due after Pause (paused at {d['pausedAt']:.0f} ms): {late}"
    assert not [c for c in d["clicks"] if c["wall_ms"] > d["pausedAt"] + 600], "a click was scheduled after Pause"


# --- the speeds say they are slow motion ------------------------------------------------------------------

SPEEDS = (0.5, 1, 2)  # controls.js


@pytest.mark.parametrize(
    ("path", "key", "play_rate"),
    [("/tug-of-war", VIEW_KEY, neuron_view.PLAY_RATE), ("/circuits", "circuits_view", network_view.PLAY_RATE)],
    ids=["neuron", "network"],
)
def test_the_speed_buttons_say_how_much_slower_than_real_time_they_play(page, path, key, play_rate) -> None:
    """The neuron's "1x" plays one second of the model over ten: its button says 1/10, not 1x."""
    goto(page, path)
    wait_for_view(page, key)
    expect(view(page, key).locator(".ei-speed-label")).to_have_text(CONTROLS["speed"])
    for speed in SPEEDS:
        slow = round(1 / (play_rate * speed))
        button = speed_button(page, key, speed)
        expect(button).to_have_text(fill(CONTROLS["speed_option"], {"slow": slow}))
        expect(button).to_have_attribute("aria-label", fill(CONTROLS["speed_aria"], {"slow": slow}))
        assert slow > 1, "every speed is slow motion"


# --- export ----------------------------------------------------------------------------------------------


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    return struct.unpack(">II", data[16:24])


def _exports() -> list[tuple[str, str, str, str]]:
    """(link, view, its image's file name before the time, its caption) at the pages' opening settings: the
    playground's defaults, the circuits page's balanced network before its prediction is run."""
    from explainer.figures.export import export_caption, export_name
    from explainer.model.experiments.circuits import DEFAULT_NETWORK_SEED, SETTINGS
    from explainer.pages import circuits, playground

    tug = playground.export_settings(playground.DEFAULTS)
    net = circuits.export_settings(SETTINGS[circuits.STARTING_SETTING], DEFAULT_NETWORK_SEED)
    return [
        ("/tug-of-war", VIEW_KEY, playground.export_name(playground.DEFAULTS), export_caption(tug)),
        ("/tug-of-war?glu_weight=1.5&mg=0", VIEW_KEY, "tug-of-war_glu_weight=1.5_mg=0", export_caption(
            playground.export_settings(replace(playground.DEFAULTS, glutamate_weight_nS=1.5, mg_mM=0.0)))),
        ("/circuits", "circuits_view", export_name(circuits.EXPORT_PAGE, net), export_caption(net)),
    ]  # fmt: skip


# The SVG each image is drawn from, kept as the page makes it (the PNG's text cannot be read back).
_KEEP_IMAGE_SVG = """(() => { window.__eiSvgs = []; const make = URL.createObjectURL;
  URL.createObjectURL = (blob) => { if (blob.type === 'image/svg+xml') blob.text().then((t) => window.__eiSvgs.push(t));
    return make(blob); }; })()"""


@pytest.mark.parametrize(("path", "key", "name", "caption"), _exports(), ids=["tug default", "tug moved", "circuits"])
def test_save_image_downloads_a_projector_png_named_and_captioned_with_the_settings(page, path, key, name, caption):
    page.context.add_init_script(script=_KEEP_IMAGE_SVG)
    goto(page, path)
    wait_for_view(page, key)
    with page.expect_download(timeout=20_000) as download:
        control(page, key, "save").press("Enter")  # the keyboard, as elsewhere
    saved = download.value.suggested_filename
    assert re.fullmatch(re.escape(name) + r"_t\d+ms\.png", saved), f"{saved}: expected {name}_t<time>ms.png"
    data = Path(download.value.path()).read_bytes()
    if keep := os.environ.get("EXPORT_PNG_DIR"):  # to look at
        Path(keep).mkdir(parents=True, exist_ok=True)
        (Path(keep) / saved).write_bytes(data)
    assert _png_size(data) == (1920, 1080)
    assert len(data) > 40_000, f"{len(data)} bytes: the image looks empty"
    expect(page.locator(f".st-key-{key} .ei-status")).to_contain_text(saved)
    page.wait_for_function("() => window.__eiSvgs.length > 0")
    lines = page.evaluate("""() => {
      const svg = new DOMParser().parseFromString(window.__eiSvgs[0], 'image/svg+xml');
      return [...svg.querySelectorAll('.ei-export-caption')].map((t) => [t.textContent, Number(t.getAttribute('y'))]);
    }""")
    assert " ".join(text for text, _ in lines) == caption, f"the image's caption: {lines}"
    assert all(1080 - 120 < y < 1080 for _, y in lines), f"the caption is not along the bottom: {lines}"


# --- reduced motion from the system's preference ------------------------------------------------------------


def test_the_systems_reduced_motion_shows_the_final_state_without_autoplay(browser, app_url, page_log, page):
    calm_browser = _BrowserWithContextOptions(browser, {"reduced_motion": "reduce"})
    context, calm = _open_recorded_context(calm_browser, app_url, page_log)
    try:
        goto(calm, "/tug-of-war")
        state = wait_for_view(calm, VIEW_KEY)
        assert state["state"] == "paused" and state["t"] == 1000, state
        calm.wait_for_timeout(1_000)
        assert view_state(calm, VIEW_KEY)["t"] == 1000, "reduced motion: it must not play by itself"
        control(calm, VIEW_KEY, "play-pause").click()
        wait_for_time_past(calm, VIEW_KEY, 0, timeout_ms=5_000)  # Play still plays, from the start
        assert view_state(calm, VIEW_KEY)["t"] < 1000
    finally:
        context.close()


# --- the network views update in place too -------------------------------------------------------------------


def test_circuits_view_updates_in_place_when_inhibition_changes(page) -> None:
    keep_circuits_prediction(page)  # its sliders open once the prediction is run
    goto(page, "/circuits")
    before = wait_for_view(page, "circuits_view")
    page.locator(".st-key-net_w_inh").wait_for()
    assert before["kind"] == "network"
    view(page, "circuits_view").evaluate("(root) => { root.eiTestMark = 'original'; }")
    t0 = wait_for_time_past(page, "circuits_view", 20)
    page.locator(".st-key-net_w_inh").get_by_role("slider").focus()
    page.keyboard.press("Home")  # no inhibition: runaway
    wait_for_app(page, after_interaction=True)
    after = wait_for_view(page, "circuits_view", other_than=before["id"])
    assert view(page, "circuits_view").evaluate("(root) => root.eiTestMark === 'original'"), "the view was remounted"
    assert after["state"] == "playing" and after["t"] >= t0, after
    expect(page.get_by_test_id("stMetric").filter(has_text="Regime")).to_contain_text("runaway")


# --- no overlapping or cut-off label, anywhere -----------------------------------------------------------------

BUSIEST = "glu_rate=6000&glu_weight=3&gaba_rate=6000&gaba_weight=5&g_nmda=10&mg=0&e_gaba=-40"
CASES = [
    ("/tug-of-war", VIEW_KEY, "default"),
    ("/tug-of-war?" + BUSIEST, VIEW_KEY, "busiest sliders"),
    ("/tug-of-war?preset=No+input", VIEW_KEY, "no input"),
    ("/tug-of-war?preset=Excitation+wins", VIEW_KEY, "excitation wins"),
    ("/", "home_view", "start here"),
    ("/circuits", "circuits_view", "balanced"),
    ("/circuits?net_w_inh=0", "circuits_view", "runaway"),
    ("/circuits?net_w_exc=12&net_w_inh=150&net_ext=2000&net_kick=false", "circuits_view", "extremes"),
    (f"/blocked-gate?bg_scale={min(DISINHIBITION_SCALES):g}", "blocked_gate_view", "weakest E to I drive"),
    ("/balance", "l4_view", "lesson 4"),
]
SIZES = {
    "laptop": ({"viewport": {"width": 1366, "height": 900}}, ""),
    "projector": ({"viewport": {"width": 1280, "height": 720}}, "present=true"),
    "phone": (PHONE_CONTEXT, ""),
}


def _with(path: str, extra: str) -> str:
    if not extra:
        return path
    return path + ("&" if "?" in path else "?") + extra


def _open_lesson_4_view(tab: Any) -> None:
    """Lesson 4's view appears once the prediction is answered: answer it (any option)."""
    tab.locator(".st-key-balance_predict_balance [data-testid='stRadioOption']").first.click()
    wait_for_app(tab, after_interaction=True)
    # choosing only selects; this runs it
    tab.locator(f".st-key-{run_key('balance_predict_balance')}").get_by_role("button").click()
    wait_for_app(tab, after_interaction=True)


@pytest.mark.parametrize(("lang", "size"), language_sizes(SIZES))
@pytest.mark.parametrize(("path", "key", "case"), CASES, ids=[c[2] for c in CASES])
def test_no_label_overlaps_another_or_is_cut_off(browser, app_url, page_log, page, path, key, case, size, lang) -> None:
    """In every language the app offers (German and French run 20-35 % longer than English): English at every
    size, the others where a longer text runs out of room first (conftest.language_sizes)."""
    options, extra = SIZES[size]
    context, tab = _open_recorded_context(_BrowserWithContextOptions(browser, options), app_url, page_log)
    try:
        url = _with(_with(path, extra), f"{i18n.LANG_PARAM}={lang}")
        linked_circuits = path.startswith("/circuits?")
        if linked_circuits:  # the link's setting shows once the prediction is run: this student has run it
            keep_circuits_prediction(tab)
        goto(tab, url)
        if key == "l4_view":
            _open_lesson_4_view(tab)
        if linked_circuits:
            tab.locator(".st-key-net_w_inh").wait_for(state="attached", timeout=90_000)  # folded away when presenting
            wait_for_app(tab)
        wait_for_view(tab, key, other_than=view_id(BALANCED, 1) if linked_circuits else None, timeout_ms=90_000)
        root = view(tab, key)
        root.scroll_into_view_if_needed()
        if view_state(tab, key)["state"] == "playing":
            control(tab, key, "play-pause").click()
        scrub = control(tab, key, "scrub")
        problems = []
        for t_ms in ("0", "300", "600", "1000"):  # the labels change as time goes on
            scrub.fill(t_ms)
            expect(root).to_have_attribute("data-t-ms", t_ms)
            problems += [f"t = {t_ms} ms: {p}" for p in layout_problems(text_boxes(tab, key))]
        measured = text_boxes(tab, key)
        assert len(measured["boxes"]) >= 15, f"only {len(measured['boxes'])} labels found: is the view drawn?"
        width = tab.evaluate("() => window.innerWidth")
        if measured["svg"]["right"] > width + 0.5:
            problems.append(f"the view is wider ({measured['svg']['right']:.0f} px) than the screen ({width} px)")
        overflow = root.locator(".ei-controls").evaluate("(c) => c.scrollWidth - c.clientWidth")
        if overflow > 1:
            problems.append(f"the controls overflow their row by {overflow} px")
        assert not problems, f"{case} at {size} size in {lang}:\n  " + "\n  ".join(problems[:20])
    finally:
        context.close()
