"""The "Tug of war" playground (the default page, ``/``) in a real browser.

Autoplay, the Play/Pause buttons of the Plotly animation, sliders and presets redrawing the chart and
writing the address bar, copied links restoring a view, and hand-edited links staying harmless.

The chart is read in the page itself: the Plotly graph div (``.js-plotly-plot``) carries ``layout``
(with ``meta.animation_id`` naming the settings) and ``data`` (the traces, among them "membrane
potential" and the read-out "t = N ms   output spikes so far: K"); the frame on screen is the value of
the page's time scrubber, which follows the animation.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import parse_qs, urlsplit

try:
    from playwright.sync_api import expect
except ImportError:  # the ``browser`` fixture then skips (locally) or fails (CI) with the reason
    expect = None

from explainer.model.scenarios import TugOfWarSettings

from .conftest import TESTID_EXCEPTION, PageLog, goto, wait_for_app

DEFAULTS = TugOfWarSettings()


def shown(value: float) -> str:
    """A number as a slider's ``<input type=range>`` value reads (JavaScript's String(number))."""
    return f"{value:g}"


INPUT_SLIDERS = ("glu_rate", "glu_weight", "gaba_rate", "gaba_weight")
DEFAULT_INPUTS = {
    "glu_rate": shown(DEFAULTS.glutamate_rate_hz),
    "glu_weight": shown(DEFAULTS.glutamate_weight_nS),
    "gaba_rate": shown(DEFAULTS.gaba_rate_hz),
    "gaba_weight": shown(DEFAULTS.gaba_weight_nS),
}
FRAME_MS = 10  # one animation frame per 10 ms of simulated time (neuron_diagram.build_neuron_animation)
PLAY_WAIT_MS = 5_000  # autoplay / Play must move the animation within this time

# The chart's graph div, and a summary of what it shows right now (null until Plotly has drawn it).
_GD = "document.querySelector('.st-key-playground_chart .js-plotly-plot')"
_CHART_STATE = f"""() => {{
  const gd = {_GD};
  const scrub = document.querySelector('#ei-controls-playground_chart [data-action=scrub]');
  if (!gd || !gd.layout || !gd.layout.meta || !gd.data || !scrub || scrub.max === '0') return null;
  const readout = gd.data.find(t => t.mode === 'text' && t.text && /^t = /.test(String(t.text[0])));
  const v = gd.data.find(t => t.name === 'membrane potential');
  return {{
    id: gd.layout.meta.animation_id,
    active: Number(scrub.value),
    readout: readout ? String(readout.text[0]) : null,
    v: v ? Array.from(v.y, Number) : null,
    // Plotly redraws its buttons on a re-render; for a moment two sets can coexist.
    pauseButtons: Array.from(gd.querySelectorAll('.updatemenu-button'))
      .filter(b => b.textContent.includes('Pause')).length,
  }};
}}"""
_READOUT = re.compile(r"^t = (\d+) ms   output spikes so far: (\d+)$")


def chart_state(page: Any) -> dict:
    state = page.evaluate(_CHART_STATE)
    assert state is not None, "the playground chart is not drawn"
    return state


def wait_for_chart(
    page: Any, *, other_than: str | None = None, wanted: str | None = None, timeout_ms: int = 30_000
) -> dict:
    """Wait until the chart is drawn, showing a figure other than ``other_than`` / the figure ``wanted``."""
    page.wait_for_function(
        f"""([prev, wanted]) => {{
          const s = ({_CHART_STATE})();
          return s && s.id && s.id !== prev && (!wanted || s.id === wanted) && s.v && s.pauseButtons === 1;
        }}""",
        arg=[other_than, wanted],
        timeout=timeout_ms,
    )
    return chart_state(page)


def wait_for_frame_past(page: Any, frame: int, timeout_ms: int = PLAY_WAIT_MS) -> int:
    """Wait until the animation's frame index exceeds ``frame``; return the new index."""
    page.wait_for_function(
        f"([n]) => {{ const s = ({_CHART_STATE})(); return s && s.active > n; }}", arg=[frame], timeout=timeout_ms
    )
    return chart_state(page)["active"]


def open_playground(page: Any, url: str = "/") -> dict:
    goto(page, url)
    return wait_for_chart(page)


def click_menu_button(page: Any, label: str) -> None:
    """Click one of the figure's own buttons (▶ Play, ❚❚ Pause, 0.5×, ...) with the mouse."""
    page.wait_for_function(f"() => {{ const s = ({_CHART_STATE})(); return s && s.pauseButtons === 1; }}")
    page.locator(".st-key-playground_chart .updatemenu-button").filter(has_text=label).click()


def slider(page: Any, key: str) -> Any:
    return page.locator(f".st-key-{key}").get_by_role("slider")


def slider_values(page: Any, keys=INPUT_SLIDERS) -> dict[str, str]:
    return {key: slider(page, key).input_value() for key in keys}


def press_on_slider(page: Any, key: str, *keys: str) -> None:
    slider(page, key).focus()
    for k in keys:
        page.keyboard.press(k)


def set_slider_by_pointer(page: Any, key: str, value: float, lo: float, hi: float, step: float) -> None:
    """Click the slider's track where ``value`` sits, then correct a step off with the arrow keys."""
    track = page.locator(f".st-key-{key} [data-testid='stSlider'] [role='group'] > div").first
    box = track.bounding_box()
    assert box is not None, f"slider {key} has no track on screen"
    page.mouse.click(box["x"] + (value - lo) / (hi - lo) * box["width"], box["y"] + box["height"] / 2)
    thumb = slider(page, key)
    for _ in range(5):
        off = round((value - float(thumb.input_value())) / step)
        if off == 0:
            return
        thumb.focus()
        page.keyboard.press("ArrowRight" if off > 0 else "ArrowLeft")
    assert float(thumb.input_value()) == value, f"could not set slider {key} to {value}"


def output_spikes(page: Any) -> Any:
    """The "Output spikes (in 1 s)" metric value (a locator)."""
    return page.get_by_test_id("stMetric").filter(has_text="Output spikes").get_by_test_id("stMetricValue")


def url_params(page: Any) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def url_has(name: str, value: str) -> re.Pattern[str]:
    """Pattern for an address bar holding ``name=value`` (value already URL-encoded)."""
    return re.compile(rf"[?&]{re.escape(name)}={re.escape(value)}(&|$)")


# --- 1. autoplay -------------------------------------------------------------------------------------


def test_animation_plays_by_itself(page) -> None:
    state = open_playground(page)
    assert state["readout"] is not None, "the figure has no read-out text trace"

    # No click anywhere: the page's own script must press Play.
    first = wait_for_frame_past(page, 0)
    readout = _READOUT.match(chart_state(page)["readout"] or "")
    assert readout, f"unexpected read-out text {chart_state(page)['readout']!r}"
    assert int(readout.group(1)) > 0, "the read-out time did not move with the frames"

    # ... and it keeps playing.
    later = wait_for_frame_past(page, first + 3)
    t_ms = int(_READOUT.match(chart_state(page)["readout"]).group(1))
    assert t_ms >= later * FRAME_MS - 3 * FRAME_MS, f"read-out says {t_ms} ms at frame {later}"


_RASTER_IMAGES = """(key) => {
  const gd = document.querySelector(`.st-key-${key} .js-plotly-plot`);
  if (!gd) return null;
  const drawn = [...gd.querySelectorAll('image')].filter((im) => {
    const r = im.getBoundingClientRect();
    return r.width > 50 && r.height > 10 && (im.getAttribute('href') || '').startsWith('data:image/png');
  });
  return drawn.length;
}"""


def test_rasters_stay_on_screen_while_playing(page) -> None:
    """The spike rasters are images in the figure's layout: playback (redraw-free frames) must keep them.

    (A Plotly heatmap drew as fast, but Plotly removes heatmaps from the plot as soon as it animates.)
    """
    open_playground(page)
    first = wait_for_frame_past(page, 0)
    wait_for_frame_past(page, first + 2)
    assert page.evaluate(_RASTER_IMAGES, "playground_chart") == 1, "the input raster vanished while playing"
    goto(page, "/circuits")
    page.locator(".st-key-circuits_chart .js-plotly-plot").wait_for(timeout=60_000)
    page.wait_for_timeout(2_000)  # the network animation plays by itself
    assert page.evaluate(_RASTER_IMAGES, "circuits_chart") == 1, "the network raster vanished while playing"


# --- 2. Pause and Play --------------------------------------------------------------------------------


# Plotly's own Pause interrupts the running Play, whose Plotly.animate promise is then rejected with
# ``undefined`` and left unhandled by Plotly's button code: the console shows "WARN: API call to
# Plotly.animate rejected. undefined" and the page an uncaught "(in promise) undefined"
# (plotly/plotly.js#5613).  Nothing breaks; only that exact pair is forgiven, once per warning.
_PLOTLY_ANIMATE_REJECTED = "WARN: API call to Plotly.animate rejected."
_UNHANDLED_UNDEFINED = ": undefined"  # PageLog's "<name>: <message>" of a rejection with no reason


def forgive_interrupted_animations(page_log: PageLog, console_texts: list[str]) -> None:
    for _ in range(sum(t.startswith(_PLOTLY_ANIMATE_REJECTED) for t in console_texts)):
        if _UNHANDLED_UNDEFINED in page_log.page_errors:
            page_log.page_errors.remove(_UNHANDLED_UNDEFINED)


def test_pause_stops_and_play_resumes(page, page_log: PageLog) -> None:
    console_texts: list[str] = []
    page.on("console", lambda msg: console_texts.append(msg.text))
    open_playground(page)
    wait_for_frame_past(page, 0)  # autoplay is running

    click_menu_button(page, "Pause")
    page.wait_for_timeout(200)  # a frame already scheduled may still land
    paused_at = chart_state(page)["active"]
    page.wait_for_timeout(1_000)
    still = chart_state(page)["active"]
    assert still == paused_at, f"❚❚ Pause did not stop the animation: frame {paused_at} -> {still} in 1 s"

    click_menu_button(page, "Play")
    wait_for_frame_past(page, paused_at)
    forgive_interrupted_animations(page_log, console_texts)


# --- 3. a slider redraws the chart and writes the URL -------------------------------------------------


def test_slider_changes_chart_metric_and_url(page) -> None:
    before = open_playground(page)
    expect(output_spikes(page)).to_have_text(re.compile(r"^\d+$"))
    spikes_before = output_spikes(page).inner_text()
    assert slider(page, "glu_rate").input_value() == DEFAULT_INPUTS["glu_rate"]

    press_on_slider(page, "glu_rate", "End")
    expect(slider(page, "glu_rate")).to_have_value("6000")
    wait_for_app(page, after_interaction=True)
    after = wait_for_chart(page, other_than=before["id"])

    assert after["v"] != before["v"], "the membrane potential trace did not change"
    expect(output_spikes(page)).not_to_have_text(spikes_before)
    expect(page.locator(".st-key-glu_rate [data-testid='stSliderThumbValue']")).to_have_text("6000")
    expect(page).to_have_url(url_has("glu_rate", "6000"))
    # The new figure plays by itself too.
    wait_for_frame_past(page, 0)


# --- 4. a preset moves the sliders and is named in the URL --------------------------------------------


def test_preset_moves_sliders_and_url(page) -> None:
    before = open_playground(page)
    assert slider_values(page) == DEFAULT_INPUTS

    choice = page.locator(".st-key-preset").get_by_role("radio", name="Inhibition wins")
    choice.click()
    expect(choice).to_have_attribute("aria-checked", "true")
    # Inhibition wins: glutamate at its default (2500 spikes/s, 1.0 nS), GABA at 2500 spikes/s and 2.0 nS.
    expect(slider(page, "gaba_rate")).to_have_value("2500")
    expect(slider(page, "gaba_weight")).to_have_value("2")
    expect(page.locator(".st-key-gaba_rate [data-testid='stSliderThumbValue']")).to_have_text("2500")
    wait_for_app(page, after_interaction=True)
    assert slider_values(page) == {**DEFAULT_INPUTS, "gaba_rate": "2500", "gaba_weight": "2"}
    wait_for_chart(page, other_than=before["id"])
    expect(page).to_have_url(url_has("preset", "Inhibition+wins"))
    expect(page).to_have_url(url_has("gaba_rate", "2500"))

    # The controls under the new figure work (Streamlit may re-render them without rerunning their script).
    first = wait_for_frame_past(page, 0)
    page.locator("#ei-controls-playground_chart [data-action=pause]").click()
    page.wait_for_timeout(300)
    paused_at = chart_state(page)["active"]
    page.wait_for_timeout(800)
    assert chart_state(page)["active"] == paused_at >= first, "Pause under the new figure did not stop it"
    page.locator("#ei-controls-playground_chart [data-action=scrub]").focus()
    page.keyboard.press("End")
    expect(page.locator("#ei-controls-playground_chart [data-action=scrub]")).to_have_attribute(
        "aria-valuetext", "1000 ms"
    )

    # Moving a slider by hand leaves the preset: the choice and the URL forget it.
    press_on_slider(page, "gaba_rate", "ArrowRight")
    expect(choice).to_have_attribute("aria-checked", "false")
    expect(page).not_to_have_url(re.compile(r"[?&]preset="))
    expect(page).to_have_url(url_has("gaba_rate", "2600"))


# --- 5. a copied link restores the view ---------------------------------------------------------------

LINK = "/?glu_rate=4000&gaba_weight=2.5"


def test_copied_link_restores_the_view(page, new_page) -> None:
    # A visitor opens the link: the sliders show its values and the chart is drawn for them.
    linked = open_playground(page, LINK)
    assert slider_values(page) == {**DEFAULT_INPUTS, "glu_rate": "4000", "gaba_weight": "2.5"}
    expect(output_spikes(page)).to_have_text(re.compile(r"^\d+$"))
    linked_spikes = output_spikes(page).inner_text()

    # Another visitor, in a fresh context, starts from the default view and moves the sliders there.
    other = new_page()
    default = open_playground(other)
    expect(output_spikes(other)).to_have_text(re.compile(r"^\d+$"))
    assert output_spikes(other).inner_text() != linked_spikes, "the link's view looks like the default view"
    assert default["v"] != linked["v"]

    set_slider_by_pointer(other, "glu_rate", 4000, 0, 6000, 100)
    set_slider_by_pointer(other, "gaba_weight", 2.5, 0.0, 5.0, 0.1)
    wait_for_app(other, after_interaction=True)
    expect(other).to_have_url(url_has("gaba_weight", "2.5"))
    expect(other).to_have_url(url_has("glu_rate", "4000"))
    # Both reach the very same view: same figure (its id names the settings), same model run, same metric.
    moved = wait_for_chart(other, wanted=linked["id"])
    assert moved["v"] == linked["v"]
    expect(output_spikes(other)).to_have_text(linked_spikes)
    assert url_params(other) == {"glu_rate": ["4000"], "gaba_weight": ["2.5"]}


# --- 6. hand-edited links are harmless ----------------------------------------------------------------

BAD_LINK = "/?glu_rate=99999&e_gaba=abc&preset=%3Cscript%3Ealert(1)%3C/script%3E"


def test_bad_link_is_harmless(page) -> None:
    dialogs: list[str] = []

    def on_dialog(dialog: Any) -> None:
        dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    page.on("dialog", on_dialog)
    open_playground(page, BAD_LINK)

    expect(page.get_by_test_id(TESTID_EXCEPTION)).to_have_count(0)
    alerts = page.get_by_test_id("stAlert")
    # Out of range: clamped, and said so.
    expect(alerts.filter(has_text="outside 0 to 6000")).to_be_visible()
    assert slider(page, "glu_rate").input_value() == "6000"
    # The unknown preset is named only as an inert excerpt.
    expect(alerts.filter(has_text="not one of the choices")).to_be_visible()
    # Not a number: the default is used.  The note sits with its slider in the "Advanced" expander.
    page.get_by_test_id("stExpander").filter(has_text="Advanced").locator("summary").click()
    expect(alerts.filter(has_text="not a number")).to_be_visible()
    assert slider(page, "e_gaba").input_value() == shown(DEFAULTS.E_gaba_mV)
    expect(page.locator(".st-key-preset").get_by_role("radio", checked=True)).to_have_count(0)

    # Nothing from the URL became markup or ran.
    page.wait_for_timeout(500)  # give a would-be script a moment
    assert dialogs == [], f"a dialog popped up: {dialogs}"
    scripts = page.evaluate("() => Array.from(document.querySelectorAll('script'), s => s.textContent)")
    assert not [s for s in scripts if "alert(" in s], "a script from the URL is in the page"
    html = page.content()
    assert "<script>alert" not in html and "alert(1)" not in html
    wait_for_frame_past(page, 0)  # and the page still works: the animation plays
