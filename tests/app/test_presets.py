"""One definition per preset name: a name means the same setting, with the same numbers, on every page.

The tug of war's presets are defined once (``TUG_OF_WAR_PRESETS``, named in content/words/tug_of_war.toml) and
shown by the playground and lesson 4; no other page uses their names.  Every preset of every page lies on its
sliders' grid (a value between two steps would move when the student touches the slider).
"""

from __future__ import annotations

import importlib
import math
from dataclasses import replace

import pytest

from explainer.content.live_descriptions import describe_neuron_run
from explainer.lessons import LESSONS
from explainer.model.experiments.balance import (
    DEFAULT_SETTINGS,
    TUG_OF_WAR_PRESETS,
    TugOfWarSettings,
    run_tug_of_war,
    steady_level,
)
from explainer.model.spikes import REGULAR_BELOW_CV, isi_cv
from explainer.pages import playground
from explainer.ui.lesson_parts import run_key
from explainer.ui.neuron_views import PRESET_WORDS
from explainer.ui.presets import Preset, presets_from
from explainer.ui.widgets import Slider
from tests.app.conftest import assert_clean, open_page

# How each page that shows the tug of war turns its widgets' values into the setting it runs.
PLAYGROUND_FIELDS = {
    "glu_rate": "glutamate_rate_hz",
    "glu_weight": "glutamate_weight_nS",
    "gaba_rate": "gaba_rate_hz",
    "gaba_weight": "gaba_weight_nS",
    "g_nmda": "g_nmda_max_nS",
    "mg": "mg_mM",
    "e_gaba": "E_gaba_mV",
    "seed": "seed",
}
LESSON_4_FIELDS = {"l4_glu": "glutamate_rate_hz", "l4_gaba": "gaba_rate_hz"}
BALANCE = next(lesson for lesson in LESSONS if lesson.name == "balance")


def _setting(values, fields) -> TugOfWarSettings:
    return replace(DEFAULT_SETTINGS, **{fields[key]: value for key, value in values.items()})


def _every_pages_presets() -> dict[str, tuple[dict[str, Preset], list[Slider]]]:
    """Every page's and every lesson experiment's presets by shown name, with the sliders they set."""
    pages = {}
    for name in ("playground", "circuits"):
        module = importlib.import_module(f"explainer.pages.{name}")
        sliders = [v for v in vars(module).values() if isinstance(v, Slider)]
        pages[name] = (module.presets(), sliders)
    for lesson in LESSONS:
        for ident, e in lesson.experiments.items():
            if e.presets:
                pages[f"{lesson.name}:{ident}"] = (presets_from(e.preset_words or lesson.words, e.presets), e.sliders)
    return pages


def test_the_playground_and_lesson_4_show_the_same_presets_with_the_same_settings():
    lesson_4 = presets_from(PRESET_WORDS, BALANCE.experiments["explore"].presets)
    assert list(playground.presets()) == list(lesson_4) == [PRESET_WORDS.preset_name(p) for p in TUG_OF_WAR_PRESETS]
    for preset_id, setting in TUG_OF_WAR_PRESETS.items():
        name = PRESET_WORDS.preset_name(preset_id)
        assert _setting(playground.presets()[name].values, PLAYGROUND_FIELDS) == setting, name
        assert _setting(lesson_4[name].values, LESSON_4_FIELDS) == setting, name
        assert playground.presets()[name].blurb == lesson_4[name].blurb == PRESET_WORDS.preset(preset_id)


def test_no_other_page_uses_a_tug_of_war_preset_name():
    """The circuits page's "Balanced" and "Silent" are a network's: the tug of war's names differ from them."""
    shared = set(playground.presets())
    for page, (presets, _) in _every_pages_presets().items():
        if page not in ("playground", "balance:explore"):
            assert not shared & set(presets), f"{page} uses a tug-of-war preset name: {shared & set(presets)}"


@pytest.mark.parametrize("page", list(_every_pages_presets()))
def test_every_preset_lies_on_its_sliders_grid(page):
    presets, sliders = _every_pages_presets()[page]
    by_key = {s.key: s for s in sliders}
    for name, preset in presets.items():
        for key, value in preset.values.items():
            if key not in by_key:
                continue  # not a slider (a toggle, the seed)
            s = by_key[key]
            steps = (value - s.lo) / s.step
            assert s.lo <= value <= s.hi and math.isclose(steps, round(steps), abs_tol=1e-9), (
                f"{page}: preset {name!r} sets {key} to {value}, off the slider's grid {s.lo}..{s.hi} by {s.step}"
            )


def _readouts(at, rate_label: str, v_label: str) -> tuple[str, str]:
    metrics = {m.label: m.value for m in at.metric}
    return metrics[rate_label], metrics[v_label]


@pytest.mark.parametrize("preset_id", list(TUG_OF_WAR_PRESETS))
def test_a_preset_shows_the_same_numbers_on_the_playground_and_in_lesson_4(preset_id):
    name = PRESET_WORDS.preset_name(preset_id)
    ground = open_page("playground.py", {"preset": name})
    assert_clean(ground)
    lesson = open_page(BALANCE.url, {"l4_preset": name})
    predict = next(b for b in BALANCE.text.blocks if b.startswith("predict:"))
    key = f"{BALANCE.name}_{predict.replace(':', '_')}"
    lesson.radio(key=key).set_value(lesson.radio(key=key).options[0]).run()
    lesson.button(key=run_key(key)).click().run()
    assert_clean(lesson)
    assert lesson.segmented_control(key="l4_preset").value == name
    assert _readouts(ground, "Firing rate", "Mean membrane potential") == _readouts(
        lesson, "Output firing rate", "Mean membrane potential"
    ), f"{name}: the same setting, the same numbers"


def test_the_tug_of_war_opens_on_a_setting_its_words_describe_as_the_model_ran_it():
    """The opening setting is no preset (no preset's caption is shown for it), and the sentence under the view
    is the model's own description of that run: mean- or fluctuation-driven, regular or not, as it fired."""
    at = open_page("playground.py")
    assert at.segmented_control(key="preset").value is None and not [
        c for c in at.caption if any(name in c.value for name in playground.presets())
    ], "no preset's caption describes the opening setting"
    assert DEFAULT_SETTINGS not in TUG_OF_WAR_PRESETS.values(), "a preset equal to the opening would be chosen"
    run, inp = run_tug_of_war(DEFAULT_SETTINGS)
    described = describe_neuron_run(run, inp)
    assert any(described in m.value for m in at.markdown), "the page describes the run it shows"
    v_inf, _ = steady_level(run)
    assert v_inf < run.params.V_th_mV and isi_cv(run.spike_times_ms) >= REGULAR_BELOW_CV
    assert "driven by the fluctuations" in described and "irregularly" in described and "balanced" not in described


def test_a_link_naming_a_preset_in_another_language_chooses_it_without_a_note():
    """A link copied from an English page (or a teacher's view sent to a phone in another language) names the
    preset in English; a Spanish page chooses the same preset, in Spanish, and sets its values."""
    from explainer.content import i18n
    from explainer.content.words import words

    english = words("tug_of_war").preset_name("inhibition_wins")
    with i18n.using("es"):
        spanish = words("tug_of_war").preset_name("inhibition_wins")
        at = open_page("playground.py", {"lang": "es", "preset": english})
    assert spanish != english
    assert not at.exception and not at.warning and not at.toast, "no note: the link names a preset the page has"
    assert at.session_state["preset"] == spanish
    assert any(c.value.startswith(f"**{spanish}:**") for c in at.caption), "the preset's sentence, in Spanish"
