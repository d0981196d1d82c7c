"""The words of the pages' and lessons' controls and presets live in TOML (content/words/<page>.toml, a lesson's
words.toml): every one is used, none is missing."""

from __future__ import annotations

import importlib

import pytest

from explainer.content.words import words as page_words
from explainer.lessons import LESSONS
from explainer.ui.presets import presets_from

PAGES = [
    "playground",
    "circuits",
    "blocked_gate",
]


@pytest.mark.parametrize("page", PAGES)
def test_every_slider_and_preset_of_the_page_has_its_words_and_no_word_is_left_over(page):
    module = importlib.import_module(f"explainer.pages.{page}")
    words = page_words(page)
    preset_words = getattr(module, "PRESET_WORDS", words)  # a page showing presets that another page shows too
    sliders = {v.key: v for v in vars(module).values() if type(v).__name__ == "Slider"}
    presets = module.presets() if hasattr(module, "presets") else {}
    assert set(sliders) <= set(words.controls), f"{page}: sliders {sorted(sliders)} vs words {sorted(words.controls)}"
    assert set(presets) == {p["name"] for p in preset_words.presets.values()}, f"{page}: presets vs words"
    assert preset_words is words or not words.presets, f"{page}: presets named in two places"
    for key, slider in sliders.items():
        assert slider.label == words.label(key) and slider.help == words.help(key)
    captions = {p["name"]: p["caption"] for p in preset_words.presets.values()}
    for name, preset in presets.items():
        assert preset.blurb == captions[name]


@pytest.mark.parametrize("lesson", LESSONS, ids=[lesson.name for lesson in LESSONS])
def test_every_slider_and_preset_of_a_lesson_has_its_words_and_no_word_is_left_over(lesson):
    experiments = lesson.experiments.values()
    sliders = {s.key for e in experiments for s in e.sliders}
    presets = {pid for e in experiments if e.preset_words is None for pid in e.presets}
    assert sliders == set(lesson.words.controls), f"{lesson.name}: sliders vs words"
    assert presets == set(lesson.words.presets), f"{lesson.name}: presets vs words"
    for e in experiments:
        if e.preset_words is not None:
            assert set(e.presets) == set(e.preset_words.presets), f"{lesson.name}: shared presets vs their words"
        assert all(key in {s.key for s in e.sliders} for values in e.presets.values() for key in values), (
            "a preset sets only its experiment's sliders"
        )


def test_a_preset_sentence_that_quotes_a_number_quotes_the_models():
    lesson = LESSONS[0]
    PRESETS = presets_from(lesson.words, lesson.experiments["current_step"].presets)

    t_ref_ms = PRESETS["Long refractory period"].values["l1_tref"]
    assert f"can never pass {1000 / t_ref_ms:.0f} spikes/s" in PRESETS["Long refractory period"].blurb


def test_a_missing_word_is_an_error_not_a_blank():
    with pytest.raises(KeyError):
        page_words("playground").label("no_such_slider")
