"""The live description says what the model did: with GABA above rest it compares with the same cell without GABA."""

from __future__ import annotations

import re

import pytest

from explainer.content.live_descriptions import describe_neuron_run
from explainer.model.experiments.balance import TugOfWarSettings, gaba_depolarises, rate_without_gaba, run_tug_of_war


def _described(e_gaba_mV: float, **changes) -> tuple[str, float, float]:
    s = TugOfWarSettings(E_gaba_mV=e_gaba_mV, **changes)
    run, inp = run_tug_of_war(s)
    without = rate_without_gaba(s, inp)
    return describe_neuron_run(run, inp, without), run.firing_rate_hz, without


@pytest.mark.parametrize("e_gaba", [-65.0, -60.0, -54.0, -52.0, -51.0, -45.0, -40.0])
def test_above_rest_the_description_states_the_models_comparison(e_gaba):
    text, rate, without = _described(e_gaba)
    m = re.search(r"(\d+) spikes per second with GABA, (\d+) without it", text)
    assert m, f"no comparison at E_GABA {e_gaba}: {text}"
    assert (int(m.group(1)), int(m.group(2))) == (round(rate), round(without))
    if round(rate) > round(without):
        assert "Here it excites" in text and "lowers the rate" not in text and "nearly balanced" not in text
    elif round(rate) < round(without):
        assert "Here it lowers the rate" in text and "excites" not in text
    if e_gaba > -50.0:
        assert "above threshold" in text


def test_where_gaba_breaks_even_the_model_decides():
    # 52 spikes/s without GABA; at -52 mV GABA already raises the rate, at -54 mV it lowers it.
    assert _described(-52.0)[1] > _described(-52.0)[2]
    assert _described(-54.0)[1] < _described(-54.0)[2]


def test_shunting_and_mature_gaba_make_no_comparison_claim():
    s = TugOfWarSettings()
    run, inp = run_tug_of_war(s)
    assert not gaba_depolarises(s)
    text = describe_neuron_run(run, inp)
    assert "shunting" in text and "without it" not in text
    assert gaba_depolarises(TugOfWarSettings(E_gaba_mV=-60.0))
    assert not gaba_depolarises(TugOfWarSettings(E_gaba_mV=-60.0, gaba_rate_hz=0.0))


def test_without_the_comparison_no_fixed_claim_is_made():
    s = TugOfWarSettings(E_gaba_mV=-55.0)
    run, inp = run_tug_of_war(s)
    text = describe_neuron_run(run, inp)
    assert "lowers the rate" not in text and "depends on the inputs" in text


def test_a_silent_cell_is_explained_by_the_models_numbers_not_a_fixed_claim():
    """A cell silent with and without GABA is not said to be held back ("Inhibition outweighs excitation"):
    glutamate alone is too weak; only a cell that fires without GABA is said to be silenced by it."""
    weak = TugOfWarSettings(glutamate_rate_hz=1000.0, gaba_rate_hz=1000.0, E_gaba_mV=-45.0)
    run, inp = run_tug_of_war(weak)
    without = rate_without_gaba(weak, inp)
    assert run.firing_rate_hz == 0 and round(without) == 0, "the case needs a cell silent with and without GABA"
    text = describe_neuron_run(run, inp, without)
    assert "too weak to reach threshold" in text and "outweighs" not in text
    held = TugOfWarSettings(glutamate_rate_hz=2500.0, gaba_rate_hz=4000.0)  # lesson 4's "Inhibition wins"
    run, inp = run_tug_of_war(held)
    without = rate_without_gaba(held, inp)
    assert run.firing_rate_hz == 0 and without > 0
    assert f"without GABA this cell would fire {without:.0f} spikes per second" in describe_neuron_run(
        run, inp, without
    )
    assert "outweighs" not in describe_neuron_run(run, inp), "without the comparison the model has not shown it"


def test_the_network_regime_sentences_claim_nothing_the_numbers_contradict():
    from explainer.content.live_descriptions import REGIME_SENTENCES

    assert "sparsely" not in REGIME_SENTENCES["balanced irregular"], "balanced E cells can fire at 90 spikes/s"
    assert "refractory period allows" not in REGIME_SENTENCES["runaway"], "runaway I cells fire well below it"


def test_at_exactly_the_rheobase_the_cell_is_not_said_to_settle_below_threshold():
    """At 200 pA (the rheobase) the caption must not say "settled at -50.0 mV, below the threshold of -50 mV"."""
    from explainer.content.lesson_descriptions import describe_current_step
    from explainer.model import NeuronParams
    from explainer.model.experiments.excitability import current_step_run, fi_curve

    p = NeuronParams()
    run = current_step_run(p, p.rheobase_pA)
    assert run.spike_times_ms.size == 0
    text = describe_current_step(run, fi_curve(p))
    assert "below the threshold" not in text and "without crossing it" in text
    assert "must exceed to fire" in text and "on the right" not in text.lower()


def test_a_rate_gaba_does_not_change_is_not_said_to_go_from_itself_to_itself():
    from dataclasses import replace

    from explainer.content.lesson_descriptions import describe_shunting
    from explainer.model import NeuronParams
    from explainer.model.experiments.inhibition import shunting_experiment

    text = describe_shunting(shunting_experiment(replace(NeuronParams(), E_gaba_mV=-54.0), g_gaba_nS=0.0))
    assert "leaves the firing rate at" in text and " from " not in text.split("glutamate, ")[1]
