"""The words of the pages' sliders and presets live in content/controls/*.toml: every one is used, none is missing."""

from __future__ import annotations

import importlib

import pytest

from explainer.content.controls import controls

PAGES = [
    "lesson_1_neuron",
    "lesson_2_glutamate",
    "lesson_3_gaba",
    "lesson_4_balance",
    "playground",
    "circuits",
    "blocked_gate",
]


@pytest.mark.parametrize("page", PAGES)
def test_every_slider_and_preset_of_the_page_has_its_words_and_no_word_is_left_over(page):
    module = importlib.import_module(f"explainer.pages.{page}")
    words = controls(page)
    sliders = {v.key: v for v in vars(module).values() if type(v).__name__ == "Slider"}
    presets = {
        name: preset
        for table in vars(module).values()
        if isinstance(table, dict) and table and all(type(p).__name__ == "Preset" for p in table.values())
        for name, preset in table.items()
    }
    assert set(sliders) == set(words.sliders), f"{page}: sliders {sorted(sliders)} vs words {sorted(words.sliders)}"
    assert set(presets) == set(words.presets), f"{page}: presets vs words"
    for key, slider in sliders.items():
        assert slider.label == words.slider_label(key) and slider.help == words.slider_help(key)
    for name, preset in presets.items():
        assert preset.blurb == words.preset(name)


def test_a_preset_sentence_that_quotes_a_number_quotes_the_models():
    from explainer.pages.lesson_1_neuron import PRESETS

    t_ref_ms = PRESETS["Long refractory period"].values["l1_tref"]
    assert f"can never pass {1000 / t_ref_ms:.0f} spikes/s" in PRESETS["Long refractory period"].blurb


def test_a_missing_word_is_an_error_not_a_blank():
    with pytest.raises(KeyError):
        controls("lesson_1_neuron").slider_label("no_such_slider")
