"""Presenter mode, page stepping and the CSV download (AppTest side; the browser side is in tests/e2e)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from explainer.content import i18n
from explainer.ui import dom
from explainer.ui.components import animated_view, component_name, link_writer
from explainer.ui.presenter import PRESENTER_FIGURE_SCALE
from tests.app.conftest import MENU, PAGE_IDS, assert_clean, open_circuits_predicted, open_page, views


def _font(at) -> float:
    (view,) = views(at).values()
    return view.header["sizes"]["font_px"]


@pytest.mark.parametrize("value", ["1", "true"])
def test_presenter_link_enlarges_figures_and_folds_text(value):
    normal = open_page("playground.py")
    present = open_page("playground.py", {"present": value})
    assert_clean(present)
    assert present.toggle(key="present").value is True
    assert _font(present) >= 1.3 * _font(normal), "presenter mode must enlarge figure text by at least 1.3x"
    assert PRESENTER_FIGURE_SCALE >= 1.3
    assert any(e.label == "Explanation" for e in present.expander), "explanations fold behind one click"
    assert not any(e.label == "Explanation" for e in normal.expander)


@pytest.mark.parametrize("page", ["meet-the-neuron", "glutamate", "gaba"])
def test_presenter_mode_folds_the_lesson_text_but_not_the_prediction(page):
    normal = open_page(page)
    present = open_page(page, {"present": "true"})
    assert_clean(present)
    assert not any(e.label == "Lesson text" for e in normal.expander), "the text is open on a laptop"
    folded = [e for e in present.expander if e.label == "Lesson text"]
    assert folded, "presenter mode folds the lesson's text behind one click"
    inside = {m.value for e in folded for m in e.markdown}
    assert inside and inside <= {m.value for m in normal.markdown}, "the folded text is the laptop's text"
    assert present.radio, "the prediction stays on screen"


def test_presenter_toggle_switches_mode():
    at = open_page("playground.py")
    small = _font(at)
    at.toggle(key="present").set_value(True).run()
    assert_clean(at)
    assert _font(at) >= 1.3 * small


def test_leave_presenter_mode_switches_it_off_and_leaves_the_link():
    at = open_page("playground.py", {"present": "true"})
    leave = at.button(key=dom.LEAVE_PRESENTER_KEY)
    assert leave.label == "Leave presenter mode"
    small_before = _font(at)
    leave.click().run()
    assert_clean(at)
    assert at.toggle(key="present").value is False
    assert at.query_params.get("present") in (None, [], ["false"]), at.query_params
    assert not any(b.key == dom.LEAVE_PRESENTER_KEY for b in at.button), "the way out shows only in presenter mode"
    assert _font(at) * 1.3 <= small_before


def test_bad_presenter_link_value_gets_a_note():
    at = open_page("playground.py", {"present": "<b>x</b>"})
    assert_clean(at)
    assert at.toggle(key="present").value is False
    assert "neither on nor off" in " ".join(w.value for w in at.warning)


def test_next_and_previous_page_buttons_follow_the_teaching_order():
    files = PAGE_IDS
    titles = [e.title for e in MENU]
    i = files.index("playground.py")
    at = open_page("playground.py")
    next_button = at.button(key="step_next")
    prev_button = at.button(key="step_prev")
    assert titles[i + 1] in next_button.label and titles[i - 1] in prev_button.label
    assert "PageDown" in next_button.help and "PageUp" in prev_button.help
    next_button.click().run(timeout=120)
    assert_clean(at)
    assert at.button(key="step_prev").label.endswith(titles[i]), "after stepping, 'previous' leads back"


WORD_READ = re.compile(r"\b(?:words|w)\.([a-z_]+)")  # how the view's scripts read a word of the header
CONTROL_SCRIPTS = ("controls.js", "index.js")  # the controls, and the messages they say


def test_the_view_carries_every_word_its_controls_show_and_csv_is_offered():
    """The controls live in the view (the browser side: tests/e2e), and AppTest runs no JavaScript: what they
    can show is what the payload carries.  Every word the controls' scripts read must be in the playground
    view's header, as text: a missing one is a blank button or a status never said."""
    at = open_page("playground.py")
    assert not at.get("audio"), "no separate sound clip: the view clicks in step with the spikes it shows"
    (view,) = views(at).values()
    assets = Path(animated_view.__file__).parent / "assets"
    read = {name for script in CONTROL_SCRIPTS for name in WORD_READ.findall((assets / script).read_text())}
    assert {"play", "pause", "speed", "time", "listen", "copy", "save"} <= read, f"the scan missed words: {read}"
    words = view.header["words"]
    blank = sorted(name for name in read if not (isinstance(words.get(name), str) and words[name].strip()))
    assert not blank, f"the controls read words the view does not carry: {blank}"
    assert at.get("download_button"), "a CSV download of the traces must be offered"


def test_reduce_motion_link_sends_the_calm_view():
    at = open_page("playground.py", {"calm": "true"})
    assert_clean(at)
    assert at.toggle(key="calm").value is True
    (view,) = views(at).values()
    assert view.header["calm"] is True, "reduce motion: the view opens on its final state and waits"


def test_animation_autoplays_by_default():
    at = open_page("playground.py")
    (view,) = views(at).values()
    assert view.header["calm"] is False


# --- hand-edited links: the address bar ends up with what the page uses ------------------------------


def _link_notes(at) -> list[str]:
    return [w.value for w in at.warning if w.value.startswith("The link's setting for")]


LINK_WRITER = component_name(link_writer.NAME)


def _url_corrections(at) -> dict[str, str]:
    """The values the page puts into the address bar from the browser: the link writer components' data
    (AppTest runs no JavaScript; tests/e2e/test_links.py checks the real address bar)."""
    writers = [el for el in at.get("bidi_component") if el.proto.component_name == LINK_WRITER]
    written = {d["param"]: d["value"] for d in (json.loads(el.proto.json) for el in writers)}
    written.pop(i18n.LANG_PARAM, None)  # the page's language, which the writer keeps too: test_language_links.py
    return written


def test_a_clamped_link_value_is_written_back_to_the_url():
    at = open_page("playground.py", {"glu_rate": "999999", "gaba_weight": "abc"})
    assert_clean(at)
    # Clamped: the URL gets the value used.  Not a number: Streamlit drops it (the default is used).
    assert _url_corrections(at) == {"glu_rate": "6000"}
    assert at.slider(key="glu_rate").value == 6000
    notes = _link_notes(at)
    assert len(notes) == 2 and "outside 0 to 6000, so 6000 is used" in notes[0] and "not a number" in notes[1]
    assert len(at.toast) == 2


def test_every_bad_link_value_gets_one_note_and_clamped_ones_a_url_correction():
    query = {
        "preset": "bogus",
        "glu_rate": "999999",
        "glu_weight": "7",
        "gaba_rate": "abc",
        "gaba_weight": "-4",
        "calm": "maybe",
    }
    at = open_page("playground.py", query)
    assert_clean(at)
    assert _url_corrections(at) == {"glu_rate": "6000", "glu_weight": "3", "gaba_weight": "0"}
    notes = _link_notes(at)
    assert len(notes) == len(query) and len(at.toast) == len(query), notes
    for key in query:
        assert sum(f"(`{query[key]}`)" in n for n in notes) == 1, f"the note for {key} is missing or repeated"
    # The next run (the user moves a slider) shows no note again.
    at.slider(key="glu_rate").set_value(5000).run()
    assert_clean(at)
    assert _link_notes(at) == [] and not at.toast


def test_clamped_values_on_another_page_and_in_a_number_input_are_written_back_too():
    link = {"net_w_exc": "500", "net_kick": "maybe", "net_seed": "99999"}
    # Before its prediction circuits shows no controls: the link is kept as it is, for after the prediction.
    at = open_page("circuits.py", link, timeout=180)
    assert_clean(at)
    assert _url_corrections(at) == {} and dict(at.query_params) == link
    at = open_circuits_predicted(link)
    assert _url_corrections(at) == {"net_w_exc": "12", "net_seed": "9999"}
    assert at.slider(key="net_w_exc").value == 12.0 and at.number_input(key="net_seed").value == 9999
    assert len(_link_notes(at)) == 3


def test_controls_use_icons_not_emoji():
    """Icons that render without an emoji font: Material Symbols (bundled with Streamlit) and CSS."""
    at = open_page("playground.py")
    download = at.get("download_button")[0].proto
    assert download.label == "Download the traces (CSV)" and download.icon == ":material/download:"
    (view,) = views(at).values()
    assert all(ord(ch) < 0x2190 or ch in "→×⁺⁻²" for w in view.header["words"].values() for ch in w), "no emoji"
