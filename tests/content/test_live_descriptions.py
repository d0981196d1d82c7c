"""The live descriptions say what the model did at this setting, never a fixed rule on the settings: the
playground neuron's (mean-driven or fluctuation-driven from its steady level against threshold, regular or not
from its CV, "balanced" only where the model makes it so; with GABA above rest it compares with the same cell
without GABA) and the network's (its regime and sentence from its rates, CV and steady level).  The grids run
across the sliders' ranges and check every claim against the model's own run."""

from __future__ import annotations

import itertools
import re

import numpy as np
import pytest

from explainer.content.format import num
from explainer.content.live_descriptions import (
    CLOCK_BELOW_CV,
    describe_network_run,
    describe_neuron_run,
    network_regime_name,
)
from explainer.model.experiments.balance import (
    TUG_OF_WAR_PRESETS,
    TugOfWarSettings,
    compares_without_gaba,
    gaba_depolarises,
    rate_without_gaba,
    run_tug_of_war,
    steady_level,
)
from explainer.model.experiments.circuits import mean_input_level_mV, run_network
from explainer.model.network import NetworkParams
from explainer.model.spikes import REGULAR_BELOW_CV, RUNAWAY_ABOVE_HZ, isi_cv

# The playground's sliders (pages/playground.py): rates 0-6000 spikes/s, strengths 0-3 and 0-5 nS, E_GABA -85 to -40
# mV; each a few values from end to end, and the review's cases (mean-driven cells once called "nearly balanced").
PLAYGROUND_GRID = [
    TugOfWarSettings(
        glutamate_rate_hz=glu, gaba_rate_hz=gaba, glutamate_weight_nS=w_glu, gaba_weight_nS=w_gaba, E_gaba_mV=e_gaba
    )
    for glu, gaba, (w_glu, w_gaba), e_gaba in itertools.product(
        (0.0, 1000.0, 2500.0, 4500.0, 6000.0),
        (0.0, 1000.0, 2500.0, 6000.0),
        ((1.0, 1.0), (1.5, 2.5), (3.0, 5.0)),
        (-85.0, -70.0, -55.0, -40.0),
    )
]
REVIEW_CASES = [
    TugOfWarSettings(glutamate_rate_hz=6000.0, gaba_rate_hz=1500.0),
    TugOfWarSettings(glutamate_rate_hz=6000.0, gaba_rate_hz=2250.0),
    TugOfWarSettings(glutamate_rate_hz=4500.0, gaba_rate_hz=1500.0),
    TugOfWarSettings(glutamate_rate_hz=2500.0, gaba_rate_hz=1000.0, E_gaba_mV=-55.0),
]


def _as_page_does(settings: TugOfWarSettings):
    """The run and its description exactly as the page makes them (ui/neuron_views.py)."""
    run, inp = run_tug_of_war(settings)
    without = rate_without_gaba(settings, inp) if compares_without_gaba(settings, run) else None
    return run, inp, without, describe_neuron_run(run, inp, without)


def _number(text: str) -> float:
    return float(text.replace("−", "-"))


@pytest.mark.parametrize("settings", PLAYGROUND_GRID + REVIEW_CASES, ids=lambda s: (
    f"glu{s.glutamate_rate_hz:g}x{s.glutamate_weight_nS:g}_gaba{s.gaba_rate_hz:g}x{s.gaba_weight_nS:g}_E{s.E_gaba_mV:g}"
))  # fmt: skip
def test_every_claim_of_the_playground_description_is_the_models(settings):
    run, inp, without, text = _as_page_does(settings)
    p = run.params
    v_inf, _ = steady_level(run)
    cv = isi_cv(run.spike_times_ms)
    fires = run.spike_times_ms.size > 0
    assert ("silent" in text) is not fires, text
    level = re.search(r"V would settle at (−?[\d.]+) mV, (above|below) the threshold", text)
    if fires and not (inp.glutamate_times_ms.size == 0 and inp.gaba_times_ms.size == 0):
        assert level, f"a firing cell's description gives its steady level: {text}"
        assert level.group(1) == num(v_inf, 1)
        assert level.group(2) == ("above" if v_inf >= p.V_th_mV else "below")
        if v_inf >= p.V_th_mV:
            assert "The average input drives this cell" in text and "fluctuates upward" not in text
        else:
            assert "fires only when the input fluctuates upward" in text and "drives this cell" not in text
    elif level:
        raise AssertionError(f"a silent cell is not given a firing regime: {text}")
    shown_cv = re.search(r"\(CV ([\d.]+)\)", text)
    if shown_cv:
        assert shown_cv.group(1) == num(cv, 2)
    if "irregularly" in text:
        assert cv >= REGULAR_BELOW_CV, text
    if "fairly regularly" in text or "like a clock" in text:
        assert cv < REGULAR_BELOW_CV, text
    if "like a clock" in text:
        assert cv < CLOCK_BELOW_CV and v_inf >= p.V_th_mV, text
    balanced = re.search(r"both strong \(([\d.]+) and ([\d.]+) nS, against a leak of", text)
    if "largely cancel" in text:
        assert balanced and v_inf < p.V_th_mV, text
        assert float(balanced.group(1)) >= p.g_L_nS and float(balanced.group(2)) >= p.g_L_nS, text
        amount = r"([\d,]+) pA"
        currents = re.search(rf"pass {amount} inward .*?GABA's {amount} outward .*?the remaining {amount}", text)
        assert currents, text
        inward, outward, leak = (int(x.replace(",", "")) for x in currents.groups())
        assert abs(inward - outward - leak) <= 2, "the currents at the steady level add up to zero"
        assert outward > leak, "inhibition's current, not the leak, is what holds excitation's back"
    if "Inhibition outweighs excitation" in text:
        assert not fires and without is not None and round(without) > 0, text
    if "Here it excites" in text:
        assert round(run.firing_rate_hz) > round(without), text
    if "GABA alone makes this cell fire" in text:
        assert inp.glutamate_times_ms.size == 0 and fires and p.E_gaba_mV > p.V_th_mV, text
    assert "{" not in text and " -" not in text, "every number filled in, with a true minus sign"


@pytest.mark.parametrize("settings", REVIEW_CASES, ids=["6000/1500", "6000/2250", "4500/1500", "2500/1000 at -55"])
def test_the_reviews_mean_driven_cells_are_not_called_balanced_or_irregular(settings):
    """The cells the science review found called "nearly balanced ... fires, but irregularly": clock-like and
    mean-driven, they are now described as driven by the average input."""
    run, _, _, text = _as_page_does(settings)
    assert steady_level(run)[0] > run.params.V_th_mV and isi_cv(run.spike_times_ms) < REGULAR_BELOW_CV
    assert "The average input drives this cell" in text and "balanced" not in text and "irregularly" not in text


def test_the_both_strong_preset_is_balanced_and_fluctuation_driven():
    """The tug of war's "Both strong, balanced" preset: both conductances above the leak, steady level below
    threshold."""
    run, _, _, text = _as_page_does(TUG_OF_WAR_PRESETS["both_strong"])
    assert "largely cancel" in text and "irregularly" in text and steady_level(run)[0] < run.params.V_th_mV


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
        assert "Here it excites" in text and "lowers the rate" not in text and "balanced" not in text
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
    held = TUG_OF_WAR_PRESETS["inhibition_wins"]
    run, inp = run_tug_of_war(held)
    without = rate_without_gaba(held, inp)
    assert run.firing_rate_hz == 0 and without > 0
    assert f"without GABA this cell would fire {without:.0f} spikes per second" in describe_neuron_run(
        run, inp, without
    )
    assert "outweighs" not in describe_neuron_run(run, inp), "without the comparison the model has not shown it"


# The circuits page's sliders (pages/circuits.py): excitation 0-12 nS, inhibition 0-150 nS, outside drive 0-2000
# spikes/s, the kick on or off; and the blocked-gate knob's E->I drive.
NETWORK_GRID = [
    NetworkParams(w_exc_nS=w_exc, w_inh_nS=w_inh, ext_rate_hz=ext)
    for w_exc, w_inh, ext in itertools.product((3.0, 6.0, 12.0), (0.0, 30.0, 67.0, 150.0), (0.0, 2000.0))
] + [
    NetworkParams(kick_ms=0.0),
    NetworkParams(kick_ms=0.0, ext_rate_hz=500.0),
    *(NetworkParams(e_to_i_scale=scale) for scale in (0.9, 0.8, 0.7, 0.6, 0.5)),
]


@pytest.mark.parametrize("params", NETWORK_GRID, ids=lambda p: (
    f"exc{p.w_exc_nS:g}_inh{p.w_inh_nS:g}_ext{p.ext_rate_hz:g}_kick{p.kick_ms:g}_EtoI{p.e_to_i_scale:g}"
))  # fmt: skip
def test_every_claim_of_the_network_description_is_the_models(params):
    _, stats = run_network(params, 1)
    text = describe_network_run(stats, params)
    name = network_regime_name(stats, params)
    level = mean_input_level_mV(params, stats)
    assert text.startswith(f"Regime: {name}. ")
    assert f"excitatory cells fired on average {num(stats.exc_rate_hz, 1)} spikes per second" in text
    assert f"inhibitory cells {num(stats.inh_rate_hz, 1)};" in text
    irregular = stats.regime == "balanced irregular"
    if "balance" in text:
        assert name == "balanced irregular" and irregular and level < params.E_L_mV, text
    if irregular and level < params.E_L_mV:
        assert "hold each other in check" in text and "On average inhibition outweighs excitation" in text
    if name == "excitation ahead":
        assert irregular and level >= params.E_L_mV and "excitation is ahead" in text, text
    shown = re.search(r"would settle at about (−?\d+) mV", text)
    if shown:
        assert irregular and shown.group(1) == num(level)
    assert ("run away" in text) is (stats.regime == "runaway"), text
    if stats.regime == "runaway":
        assert stats.exc_rate_hz > RUNAWAY_ABOVE_HZ
        assert ("no inhibition at all" in text) is (params.w_inh_nS == 0), text
    if "fairly regularly" in text:
        assert stats.regime == "regular" and stats.exc_cv < REGULAR_BELOW_CV
    if stats.regime == "silent":
        assert ("after the kick" in text) is (params.kick_ms > 0), text
        assert ("outside input alone" in text) is (params.kick_ms == 0 and params.ext_rate_hz > 0), text
    assert "seizure" not in text.lower(), "the description is shared with the blocked-gate page"
    assert np.isfinite(level)


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


def test_a_run_with_one_spike_says_one_time_and_never_one_spikes():
    """The fired sentence's singular form (a run with exactly one spike) names its rate without a plural noun."""
    one_spike = next((run, inp) for run, inp in map(run_tug_of_war, PLAYGROUND_GRID) if run.spike_times_ms.size == 1)
    text = describe_neuron_run(*one_spike)
    assert f"It fired 1 time (a rate of {num(one_spike[0].firing_rate_hz)} per second)." in text, text
    assert "1 spikes" not in text, text
