"""The tug-of-war playground: every widget by key, presets, read-outs, description, URL state."""

from __future__ import annotations

import re

import pytest

from explainer.model.experiments.balance import TUG_OF_WAR_PRESETS, TugOfWarSettings, run_tug_of_war, steady_level
from explainer.pages.playground import SEED_KEY, VIEW_KEY, presets
from explainer.ui.neuron_views import PRESET_WORDS
from tests.app.conftest import assert_clean, open_page, page_text, views

SLIDER_KEYS = ["glu_rate", "glu_weight", "gaba_rate", "gaba_weight", "g_nmda", "mg", "e_gaba"]


def _metric(at, label_start: str) -> str:
    for m in at.metric:
        if m.label.startswith(label_start):
            return m.value
    raise AssertionError(f"no metric starting with {label_start!r}: {[m.label for m in at.metric]}")


def _v_trace(at) -> list:
    return views(at)[VIEW_KEY].arrays["v_mV"].tolist()


def test_defaults_match_the_model(playground):
    run, _ = run_tug_of_war(TugOfWarSettings())
    assert _metric(playground, "Output spikes") == str(run.spike_times_ms.size)
    assert _metric(playground, "Firing rate") == f"{run.firing_rate_hz:.0f} spikes/s"
    (view,) = views(playground).values()
    assert view.header["kind"] == "neuron" and view.header["calm"] is False
    assert view.arrays["spikes_ms"].tolist() == run.spike_times_ms.astype("float32").tolist()
    assert not playground.get("plotly_chart"), "the animation is the component, not a Plotly chart"


def test_every_widget_has_a_stable_key(playground):
    keys = {s.key for s in playground.slider}
    assert set(SLIDER_KEYS) <= keys
    assert playground.number_input(key="seed").value == 1
    assert playground.segmented_control(key="preset").value is None


@pytest.mark.parametrize(
    "key,value",
    [
        ("glu_rate", 4000),
        ("glu_weight", 2.0),
        ("gaba_rate", 3000),
        ("gaba_weight", 3.0),
        ("g_nmda", 5.0),
        ("mg", 0.0),
        ("e_gaba", -50.0),
    ],
)
def test_each_slider_changes_the_chart(playground, key, value):
    """(The URL side of the binding is written by the browser; tests/e2e checks it there.)"""
    before = _v_trace(playground)
    playground.slider(key=key).set_value(value).run()
    assert_clean(playground)
    assert playground.slider(key=key).value == value
    assert _v_trace(playground) != before, f"moving {key} must change the membrane trace"


def test_seed_draws_new_input(playground):
    before = _v_trace(playground)
    playground.number_input(key="seed").set_value(7).run()
    assert_clean(playground)
    assert _v_trace(playground) != before


def test_more_glutamate_more_spikes_more_gaba_fewer(playground):
    base = int(_metric(playground, "Output spikes"))
    playground.slider(key="glu_rate").set_value(4000).run()
    more = int(_metric(playground, "Output spikes"))
    playground.slider(key="gaba_rate").set_value(4000).run()
    fewer = int(_metric(playground, "Output spikes"))
    assert more > base > 0 and fewer < more


def _widget(at, key):
    return at.number_input(key=key) if key == SEED_KEY else at.slider(key=key)


@pytest.mark.parametrize("name", list(presets()))
def test_presets_set_the_sliders_to_the_shared_setting_and_its_caption_holds(playground, name):
    playground.segmented_control(key="preset").set_value(name).run()
    assert_clean(playground)
    for key, value in presets()[name].values.items():
        assert _widget(playground, key).value == pytest.approx(value), f"preset {name} must set {key}"
    (preset_id,) = [pid for pid in TUG_OF_WAR_PRESETS if PRESET_WORDS.preset_name(pid) == name]
    run, _ = run_tug_of_war(TUG_OF_WAR_PRESETS[preset_id])
    assert _metric(playground, "Output spikes") == str(run.spike_times_ms.size), "the shared setting's run"
    text = page_text(playground)
    spikes = run.spike_times_ms.size
    if preset_id == "no_input":
        assert spikes == 0 and "resting potential" in text
    if preset_id == "inhibition_wins":
        assert spikes == 0 and "Inhibition outweighs excitation" in text
    if preset_id == "excitation_wins":
        assert steady_level(run)[0] > run.params.V_th_mV, "the preset's cell is mean-driven"
        assert spikes > 30 and "The average input drives this cell" in text and "above the threshold" in text
    if preset_id == "both_strong":
        assert spikes >= 5 and "largely cancel" in text and "irregularly" in text


def test_moving_a_slider_or_the_seed_after_a_preset_deselects_it(playground):
    both_strong = PRESET_WORDS.preset_name("both_strong")
    playground.segmented_control(key="preset").set_value(both_strong).run()
    playground.slider(key="gaba_rate").set_value(250).run()
    assert playground.segmented_control(key="preset").value is None
    playground.segmented_control(key="preset").set_value(both_strong).run()
    playground.number_input(key=SEED_KEY).set_value(7).run()
    assert playground.segmented_control(key="preset").value is None


def test_description_updates_with_the_sliders(playground):
    first = page_text(playground)
    playground.slider(key="gaba_rate").set_value(6000).run()
    assert page_text(playground) != first
    assert "What the figure shows" in page_text(playground)


def test_link_restores_the_view():
    at = open_page("playground.py", {"glu_rate": "3500", "gaba_weight": "2.5", "e_gaba": "-60"})
    assert_clean(at)
    assert at.slider(key="glu_rate").value == 3500
    assert at.slider(key="gaba_weight").value == 2.5
    assert at.slider(key="e_gaba").value == -60.0
    expected, _ = run_tug_of_war(TugOfWarSettings(glutamate_rate_hz=3500, gaba_weight_nS=2.5, E_gaba_mV=-60))
    assert _metric(at, "Output spikes") == str(expected.spike_times_ms.size)


def test_link_with_preset_only_applies_the_preset():
    at = open_page("playground.py", {"preset": "Inhibition wins"})
    assert_clean(at)
    for key, value in presets()["Inhibition wins"].values.items():
        assert _widget(at, key).value == pytest.approx(value)


@pytest.mark.parametrize(
    "query,key,expected,phrase",
    [
        ({"glu_rate": "99999"}, "glu_rate", 6000, "outside"),
        ({"gaba_weight": "-4"}, "gaba_weight", 0.0, "outside"),
        ({"e_gaba": "abc"}, "e_gaba", -70.0, "not a number"),
        ({"mg": "nan"}, "mg", 1.0, "not a finite number"),
        ({"glu_weight": "1e308"}, "glu_weight", 3.0, "outside"),
    ],
)
def test_bad_links_are_clamped_or_ignored_with_a_note(query, key, expected, phrase):
    at = open_page("playground.py", query)
    assert_clean(at)
    assert at.slider(key=key).value == pytest.approx(expected)
    notes = " ".join(w.value for w in at.warning)
    assert phrase in notes, f"expected a note containing {phrase!r}, got {notes!r}"


def test_hostile_link_values_are_not_rendered_as_markup():
    at = open_page("playground.py", {"glu_rate": "<script>alert(1)</script>", "preset": "[x](javascript:1)"})
    assert_clean(at)
    notes = " ".join(w.value for w in at.warning)
    assert "<script>" not in notes and "javascript:" not in notes and "](" not in notes
    assert "not a number" in notes and "not one of the choices" in notes
    assert at.slider(key="glu_rate").value == TugOfWarSettings().glutamate_rate_hz


def test_unknown_and_repeated_params_do_not_break_the_page():
    at = open_page("playground.py", {"nonsense": "1", "glu_rate": ["100", "200"]})
    assert_clean(at)


@pytest.mark.parametrize("query", [{}, {"preset": "Both strong, balanced"}, {"e_gaba": "-52"}])
def test_the_mean_v_read_out_and_the_description_agree(query):
    """One source, one rounding: the metric and the paragraph under the figure show the same mean V."""
    at = open_page("playground.py", query)
    metric = _metric(at, "Mean membrane potential")
    text = page_text(at)
    m = re.search(r"the membrane potential averaged (−?[\d.]+) mV", text)
    assert m and metric == f"{m.group(1)} mV", (metric, m and m.group(0))


def test_a_preset_puts_the_advanced_values_and_the_seed_back_so_its_caption_holds():
    """A preset puts the advanced sliders and the seed back: an E_GABA of -40 mV left from an experiment would
    make "Both strong, balanced" fire at hundreds of spikes/s under a caption that calls it balanced."""
    at = open_page("playground.py", {"e_gaba": "-40", "mg": "0", "g_nmda": "10", "seed": "7"})
    assert at.slider(key="e_gaba").value == -40.0
    at.segmented_control(key="preset").set_value("Both strong, balanced").run()
    assert_clean(at)
    opening = TugOfWarSettings()
    assert (at.slider(key="e_gaba").value, at.slider(key="mg").value, at.slider(key="g_nmda").value) == (
        opening.E_gaba_mV,
        opening.mg_mM,
        opening.g_nmda_max_nS,
    )
    assert at.number_input(key=SEED_KEY).value == opening.seed
    assert "largely cancel" in page_text(at) and int(_metric(at, "Output spikes")) < 60
    # and moving an advanced slider leaves the preset, as the input sliders do
    at.slider(key="e_gaba").set_value(-60.0).run()
    assert at.segmented_control(key="preset").value is None
