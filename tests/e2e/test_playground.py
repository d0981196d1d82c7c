"""The "Tug of war" playground (the default page, ``/``) in a real browser.

Autoplay, Play/Pause, sliders and presets updating the same view in place (same DOM node, play state
kept) and writing the address bar, copied links restoring a view, and hand-edited links staying harmless.
The view is read through its attributes (tests/e2e/views.py): the settings it draws (``data-view-id``),
its state and the simulated time on screen.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import parse_qs, urlsplit

try:
    from playwright.sync_api import expect
except ImportError:  # the ``browser`` fixture then skips (locally) or fails (CI) with the reason
    expect = None

from explainer.model.experiments.balance import TugOfWarSettings
from explainer.pages.playground import VIEW_KEY

from .conftest import TESTID_EXCEPTION, goto, wait_for_app
from .views import assert_stays_still, control, debug, view, view_state, wait_for_time_past, wait_for_view

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
_READOUT = re.compile(r"^t = (\d+) ms$")


def open_playground(page: Any, url: str = "/tug-of-war") -> dict:
    goto(page, url)
    return wait_for_view(page, VIEW_KEY)


def mark_the_node(page: Any) -> None:
    """Tag the view's DOM node, to tell later whether it is still the same node (updated in place)."""
    view(page, VIEW_KEY).evaluate("(root) => { root.eiTestMark = 'original'; }")


def same_node(page: Any) -> bool:
    return view(page, VIEW_KEY).evaluate("(root) => root.eiTestMark === 'original'")


def spikes_shown(page: Any) -> list[float]:
    return debug(page, VIEW_KEY)["spikes"]


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
    assert state["kind"] == "neuron" and state["state"] == "playing", state
    # No click anywhere: the view plays by itself, and the read-out follows the time on screen.
    first = wait_for_time_past(page, VIEW_KEY, 50)
    later = wait_for_time_past(page, VIEW_KEY, first + 30)
    readout = view(page, VIEW_KEY).locator("svg .ei-readout-time").text_content()
    match = _READOUT.match(readout or "")
    assert match and int(match.group(1)) >= later - 20, f"read-out {readout!r} at t = {later} ms"
    # The input raster is an image that stays while playing.
    assert view(page, VIEW_KEY).locator("image.ei-raster").count() == 1
    box = view(page, VIEW_KEY).locator("image.ei-raster").bounding_box()
    assert box and box["width"] > 200 and box["height"] > 20, box


# --- 2. Pause and Play --------------------------------------------------------------------------------


def test_pause_stops_and_play_resumes(page) -> None:
    open_playground(page)
    wait_for_time_past(page, VIEW_KEY, 20)
    button = control(page, VIEW_KEY, "play-pause")
    expect(button).to_have_text("Pause")
    button.click()
    expect(view(page, VIEW_KEY)).to_have_attribute("data-state", "paused")
    expect(button).to_have_text("Play")
    paused_at = assert_stays_still(page, VIEW_KEY, "after Pause")
    button.click()
    wait_for_time_past(page, VIEW_KEY, paused_at)
    expect(view(page, VIEW_KEY)).to_have_attribute("data-state", "playing")


# --- 3. a slider updates the same view in place and writes the URL -----------------------------------


def test_slider_updates_the_view_in_place_and_the_url(page) -> None:
    before = open_playground(page)
    expect(output_spikes(page)).to_have_text(re.compile(r"^\d+$"))
    spikes_before = output_spikes(page).inner_text()
    spike_times_before = spikes_shown(page)
    mark_the_node(page)
    playing_at = wait_for_time_past(page, VIEW_KEY, 30)

    press_on_slider(page, "glu_rate", "End")
    expect(slider(page, "glu_rate")).to_have_value("6000")
    wait_for_app(page, after_interaction=True)
    after = wait_for_view(page, VIEW_KEY, other_than=before["id"])

    assert same_node(page), "the view was replaced, not updated in place"
    assert after["state"] == "playing" and after["t"] >= playing_at, f"play state lost: {after} (was {playing_at})"
    assert spikes_shown(page) != spike_times_before, "the view still shows the old run's spikes"
    expect(output_spikes(page)).not_to_have_text(spikes_before)
    expect(page.locator(".st-key-glu_rate [data-testid='stSliderThumbValue']")).to_have_text("6000")
    expect(page).to_have_url(url_has("glu_rate", "6000"))


# --- 4. a preset moves the sliders, keeps a paused view paused, and is named in the URL ---------------


def test_preset_moves_sliders_keeps_the_pause_and_names_itself_in_the_url(page) -> None:
    before = open_playground(page)
    assert slider_values(page) == DEFAULT_INPUTS
    wait_for_time_past(page, VIEW_KEY, 20)
    control(page, VIEW_KEY, "play-pause").click()
    expect(view(page, VIEW_KEY)).to_have_attribute("data-state", "paused")
    paused_at = view_state(page, VIEW_KEY)["t"]
    mark_the_node(page)

    choice = page.locator(".st-key-preset").get_by_role("radio", name="Inhibition wins")
    choice.click()
    expect(choice).to_have_attribute("aria-checked", "true")
    # Inhibition wins (the tug of war's shared preset): glutamate at its opening 2500 spikes/s, GABA at 4000.
    expect(slider(page, "gaba_rate")).to_have_value("4000")
    wait_for_app(page, after_interaction=True)
    assert slider_values(page) == {**DEFAULT_INPUTS, "gaba_rate": "4000"}
    after = wait_for_view(page, VIEW_KEY, other_than=before["id"])
    assert same_node(page), "the view was replaced, not updated in place"
    assert after["state"] == "paused" and after["t"] == paused_at, f"the paused view moved: {after} vs {paused_at}"
    assert spikes_shown(page) == [], "Inhibition wins: the new run has no output spikes"
    expect(page).to_have_url(url_has("preset", "Inhibition+wins"))
    expect(page).to_have_url(url_has("gaba_rate", "4000"))

    # Moving a slider by hand leaves the preset: the choice and the URL forget it.
    press_on_slider(page, "gaba_rate", "ArrowRight")
    expect(choice).to_have_attribute("aria-checked", "false")
    expect(page).not_to_have_url(re.compile(r"[?&]preset="))
    expect(page).to_have_url(url_has("gaba_rate", "4250"))


# --- 5. a copied link restores the view ---------------------------------------------------------------

LINK = "/tug-of-war?glu_rate=4000&gaba_weight=2.5"


def test_copied_link_restores_the_view(page, new_page) -> None:
    # A visitor opens the link: the sliders show its values and the view is drawn for them.
    linked = open_playground(page, LINK)
    assert slider_values(page) == {**DEFAULT_INPUTS, "glu_rate": "4000", "gaba_weight": "2.5"}
    expect(output_spikes(page)).to_have_text(re.compile(r"^\d+$"))
    linked_spikes = output_spikes(page).inner_text()

    # Another visitor, in a fresh context, starts from the default view and moves the sliders there.
    other = new_page()
    default = open_playground(other)
    expect(output_spikes(other)).to_have_text(re.compile(r"^\d+$"))
    assert output_spikes(other).inner_text() != linked_spikes, "the link's view looks like the default view"
    assert default["id"] != linked["id"]

    set_slider_by_pointer(other, "glu_rate", 4000, 0, 6000, 100)
    set_slider_by_pointer(other, "gaba_weight", 2.5, 0.0, 5.0, 0.1)
    wait_for_app(other, after_interaction=True)
    expect(other).to_have_url(url_has("gaba_weight", "2.5"))
    expect(other).to_have_url(url_has("glu_rate", "4000"))
    # Both reach the very same view: same settings, same model run, same metric.
    wait_for_view(other, VIEW_KEY, wanted=linked["id"])
    assert spikes_shown(other) == spikes_shown(page)
    expect(output_spikes(other)).to_have_text(linked_spikes)
    assert url_params(other) == {"glu_rate": ["4000"], "gaba_weight": ["2.5"], "lang": ["en"]}, (
        "settings that differ, and the language"
    )


# --- 6. hand-edited links are harmless ----------------------------------------------------------------

BAD_LINK = "/tug-of-war?glu_rate=99999&e_gaba=abc&preset=%3Cscript%3Ealert(1)%3C/script%3E"


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

    # Nothing from the URL became markup or ran: a script from it would have run as the page drew it, so
    # once the view has played on for a while after the run, any dialog it opened has been reported.
    wait_for_time_past(page, VIEW_KEY, view_state(page, VIEW_KEY)["t"])
    assert dialogs == [], f"a dialog popped up: {dialogs}"
    scripts = page.evaluate("() => Array.from(document.querySelectorAll('script'), s => s.textContent)")
    assert not [s for s in scripts if "alert(" in s], "a script from the URL is in the page"
    html = page.content()
    assert "<script>alert" not in html and "alert(1)" not in html
    wait_for_time_past(page, VIEW_KEY, 10)  # and the page still works: the animation plays
