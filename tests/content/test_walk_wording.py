"""The wordings a student-and-neuroscientist walkthrough corrected (issue 19): each claim says what the model or
the science supports, and a wording it replaced fails here if it comes back."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest

from explainer.lessons import LESSONS
from explainer.lessons.balance.numbers import numbers as balance_numbers
from explainer.lessons.balance.numbers import rate_map
from explainer.lessons.gaba.experiments import G_GABA, GABA_GATES
from explainer.lessons.gaba.experiments import WORDS as GABA_WORDS

ROOT = Path(__file__).resolve().parents[2] / "explainer"
BY_NAME = {lesson.name: lesson for lesson in LESSONS}


def _raw(path: str) -> str:
    return " ".join((ROOT / path).read_text(encoding="utf-8").split())  # one line: wording across line breaks


@pytest.mark.parametrize(
    ("path", "gone", "present"),
    [
        ("lessons/meet_the_neuron/lesson.md", ["Above threshold."], ["Above the rheobase.", "in the simulation"]),
        (
            "lessons/glutamate/lesson.md",
            ["cell-level bases", "mostly miss each other", "and only {{nmda_peak_ms}} ms"],
            ["thought to be one of the cellular bases of learning", "NMDA-dependent synaptic plasticity",
             "peaking only {{nmda_peak_ms}} ms", "several time constants apart barely add up"],
        ),
        ("lessons/gaba/lesson.md", ["long past this stage"], ["In most neurons of a teenager's brain", "brain slices"]),
        ("content/glossary.md", ["Not a teenager's neuron"], ["neurons of a teenager's brain", "brain slices"]),
        ("lessons/balance/lesson.md", ["nearly balanced"], ["currents nearly cancel", "{{first_firing_glu}}"]),
        ("content/words/circuits.toml", ["*create* that balance"], ["produce a similar state", "app's labels"]),
        (
            "content/blocked_gate.md",
            ["is studied as an", "the part an NMDA-receptor blocker would remove", "This is the signature"],
            ["Ketamine blocks open", "Whether this explains its effects is what researchers test",
             "weaker interneuron drive that the disinhibition hypothesis proposes", "consistent with an"],
        ),
    ],
)  # fmt: skip
def test_corrected_wordings_stay_corrected(path, gone, present):
    text = _raw(path)
    for phrase in gone:
        assert phrase not in text, f"{path}: {phrase!r} came back"
    for phrase in present:
        assert phrase in text, f"{path}: {phrase!r} is missing"


def test_the_left_after_one_time_constant_is_computed():
    assert BY_NAME["glutamate"].numbers()["left_after_tau"] == str(round(100 * np.exp(-1)))


def test_the_maps_onset_lies_between_the_two_grid_rates_the_lesson_names():
    rmap = rate_map()
    glu, no_gaba = rmap.glutamate_rates_hz, rmap.rate_hz[0]
    n = balance_numbers()
    last_silent, first_firing = float(n["silent_up_to"].replace(",", "")), float(n["first_firing_glu"].replace(",", ""))
    i = int(np.flatnonzero(glu == last_silent)[0])
    assert glu[i + 1] == first_firing, "two neighbouring grid rates"
    assert not no_gaba[: i + 1].any() and no_gaba[i + 1] > 0


def test_the_mature_presets_caption_names_its_gaba_change():
    caption = GABA_WORDS.preset("mature")
    values = GABA_GATES.presets["mature"]
    assert re.search(rf"\b{values['l3_ggaba']} instead of {G_GABA.default} nS", caption), caption
    assert all(v["l3_ggaba"] == G_GABA.default for k, v in GABA_GATES.presets.items() if k != "mature")
