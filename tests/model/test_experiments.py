"""The experiments (explainer/model/experiments/) against simulate_neuron and analytic oracles."""

from __future__ import annotations

import math
from dataclasses import replace

import numpy as np
import pytest

from explainer.model import NeuronParams, SynapticInput, mg_block, simulate_neuron
from explainer.model.experiments import excitability, inhibition, synapses
from explainer.model.experiments.balance import (
    BALANCED,
    EXCITATION_ONLY,
    RATE_MAP_DURATION_ms,
    TugOfWarSettings,
    rate_map,
    regularity_comparison,
    run_tug_of_war,
    tug_of_war_input,
)
from explainer.model.experiments.excitability import FI_CURRENTS_pA, analytic_lif_rate_hz, current_step_run, fi_curve
from explainer.model.experiments.inhibition import shunting_experiment, single_ipsp, tonic_spikes
from explainer.model.experiments.synapses import (
    held_params,
    nmda_coincidence,
    psp_experiment,
    single_epsp,
    summation,
    synapses_to_fire,
)
from explainer.model.neuron import simulate_batch
from explainer.model.spikes import isi_cv, steady_rate_hz

P = NeuronParams()


# --- simulate_batch: the same model, many cells at once -------------------------------------------


def test_batch_matches_simulate_neuron_cell_by_cell_with_synapses_and_nmda():
    settings = [
        TugOfWarSettings(glutamate_rate_hz=ge, gaba_rate_hz=gi, seed=seed, duration_ms=400.0)
        for ge, gi, seed in ((3000, 500, 1), (6000, 3000, 2), (2500, 1000, 3), (0, 2000, 4), (4500, 0, 5))
    ]
    params = replace(P, g_nmda_max_nS=3.0)
    inputs = [tug_of_war_input(s) for s in settings]
    batch = simulate_batch(params, inputs, 0.0, 400.0, 0.1)
    for inp, times in zip(inputs, batch.spike_times_ms, strict=True):
        single = simulate_neuron(params, inp, duration_ms=400.0, dt_ms=0.1)
        np.testing.assert_allclose(times, single.spike_times_ms, atol=1e-9)
    assert batch.spike_counts.sum() > 20, "the comparison must include firing cells"


def test_batch_matches_simulate_neuron_under_currents_and_long_refractory():
    params = replace(P, t_ref_ms=7.0)
    currents = np.array([0.0, 150.0, 210.0, 400.0, 900.0])
    batch = simulate_batch(params, [SynapticInput.empty()] * currents.size, currents, 300.0, 0.1)
    for i, times in zip(currents, batch.spike_times_ms, strict=True):
        single = simulate_neuron(params, SynapticInput.empty(), 300.0, 0.1, float(i))
        np.testing.assert_allclose(times, single.spike_times_ms, atol=1e-9)


def test_batch_rejects_nonsense():
    with pytest.raises(ValueError):
        simulate_batch(P, [], 0.0, 100.0)
    with pytest.raises(ValueError):
        simulate_batch(P, [SynapticInput.empty()], float("nan"), 100.0)
    with pytest.raises(ValueError):
        simulate_batch(P, [SynapticInput.empty()], 0.0, 100.0, dt_ms=0.0)
    with pytest.raises(ValueError):
        simulate_batch("not params", [SynapticInput.empty()], 0.0, 100.0)


def test_rates_and_irregularity_measures():
    assert steady_rate_hz(np.array([5.0, 15.0, 25.0, 35.0])) == pytest.approx(100.0)
    assert steady_rate_hz(np.array([5.0])) == 0.0
    assert isi_cv(np.arange(10) * 10.0) == pytest.approx(0.0)
    assert math.isnan(isi_cv(np.array([1.0, 2.0])))


# --- lesson 1: the f-I curve ------------------------------------------------------------------------


def test_fi_curve_matches_the_exact_grid_interval_and_the_analytic_formula():
    fi = fi_curve(P)
    dt = 0.1
    for i_pA, rate in zip(fi.currents_pA, fi.model_rate_hz, strict=True):
        v_inf = P.E_L_mV + i_pA / P.g_L_nS
        if v_inf <= P.V_th_mV:
            assert rate == 0.0, f"{i_pA} pA is below the rheobase and must not fire"
            continue
        t_charge = P.tau_m_ms * math.log((v_inf - P.V_reset_mV) / (v_inf - P.V_th_mV))
        isi = (round(P.t_ref_ms / dt) + math.ceil(t_charge / dt - 1e-9) - 1) * dt  # the exact oracle on the time grid
        assert rate == pytest.approx(1000.0 / isi, rel=1e-9), f"{i_pA} pA"
        assert rate == pytest.approx(float(analytic_lif_rate_hz(P, i_pA)), rel=0.02)
    assert fi.rheobase_pA == pytest.approx(P.g_L_nS * (P.V_th_mV - P.E_L_mV))
    assert fi.max_rate_hz == pytest.approx(1000.0 / P.t_ref_ms)
    assert np.all(np.diff(fi.analytic_rate_hz) >= -1e-9), "the analytic f-I curve never falls"


def test_fi_curve_saturates_below_the_refractory_ceiling():
    for t_ref in (1.0, 2.0, 8.0):
        fi = fi_curve(replace(P, t_ref_ms=t_ref))
        assert fi.model_rate_hz.max() < 1000.0 / t_ref
    assert FI_CURRENTS_pA.max() >= 1000.0


@pytest.mark.parametrize("t_ref_ms", range(1, 11))
def test_fi_curve_is_long_enough_for_every_refractory_period_on_the_slider(t_ref_ms):
    params = replace(P, t_ref_ms=float(t_ref_ms))
    fi = fi_curve(params)
    above = fi.currents_pA > params.rheobase_pA
    assert np.all(fi.model_rate_hz[above] > 0), "two spikes at every current above the rheobase"
    np.testing.assert_allclose(fi.model_rate_hz[above], analytic_lif_rate_hz(params, fi.currents_pA[above]), rtol=0.03)


def test_current_step_run_has_no_synaptic_input():
    run = current_step_run(P, 250.0, duration_ms=200.0)
    assert run.i_ext_pA == 250.0 and run.g_ampa_nS.max() == 0 and run.g_gaba_nS.max() == 0
    assert run.spike_times_ms.size > 0


# --- lesson 2: EPSPs, the Mg2+ block, summation ------------------------------------------------------


def test_holding_by_moving_E_L_equals_a_holding_current():
    """g_L (E_L - V) + I with I = g_L (V_hold - E_L) is g_L (V_hold - V): the same cell, started at V_hold."""
    hold = -58.0
    inp = SynapticInput(np.array([30.0, 60.0]), np.array([2.0, 2.0]), np.array([45.0]), np.array([3.0]))
    held = simulate_neuron(held_params(P, hold), inp, 300.0, 0.1)
    i_hold = P.g_L_nS * (hold - P.E_L_mV)
    settle_ms = 300.0  # start the current-clamped cell early and let it settle (15 membrane time constants)
    shifted = SynapticInput(
        inp.glutamate_times_ms + settle_ms, inp.glutamate_weights_nS, inp.gaba_times_ms + settle_ms, inp.gaba_weights_nS
    )
    clamped = simulate_neuron(P, shifted, 600.0, 0.1, i_hold)
    np.testing.assert_allclose(held.v_mV, clamped.v_mV[3000:], atol=1e-4)


def test_held_params_refuses_to_hold_a_spiking_cell_above_threshold():
    with pytest.raises(ValueError):
        held_params(P, -40.0, spiking=True)
    assert held_params(P, -40.0, spiking=False).V_th_mV > 1000


def test_single_epsp_ampa_fast_nmda_slow_and_small_at_rest():
    e = single_epsp(P)
    assert e.ampa_only.peak_mV > 0 and e.nmda_only.peak_mV > 0
    assert e.nmda_only.peak_mV < 0.5 * e.ampa_only.peak_mV, "at rest the Mg2+ block keeps the NMDA EPSP small"
    t_ampa = e.ampa_only.t_rel_ms[np.argmax(e.ampa_only.run.g_ampa_nS)]
    t_nmda = e.nmda_only.t_rel_ms[np.argmax(e.nmda_only.run.g_nmda_nS)]
    assert t_nmda > 5 * max(t_ampa, 0.1), "NMDA gates open more slowly"
    g_a, g_n = e.ampa_only.run.g_ampa_nS, e.nmda_only.run.g_nmda_nS
    late = e.both.t_rel_ms >= 50
    assert g_a[late].max() < 1e-6 * g_a.max() and g_n[late].max() > 0.5 * g_n.max(), "NMDA stays open far longer"
    assert e.both.peak_mV > e.ampa_only.peak_mV
    # small inputs add almost linearly: the whole EPSP is close to the sum of its parts, point by point
    np.testing.assert_allclose(e.both.dv_mV, e.ampa_only.dv_mV + e.nmda_only.dv_mV, atol=0.01)


def test_nmda_coincidence_numbers_of_the_science_notes():
    """The independent reference simulator: the same 1 nS input gives 0.13 mV at -70 mV vs 0.40 mV at -40 mV."""
    c = nmda_coincidence(P, -40.0)
    assert c.at_rest.peak_mV == pytest.approx(0.135, abs=0.005)
    assert c.depolarised.peak_mV == pytest.approx(0.40, abs=0.005)
    assert 2.5 < c.ratio < 3.5
    assert c.block_at_rest == pytest.approx(float(mg_block(-70.0)), rel=1e-12)
    assert c.block_at_rest == pytest.approx(0.045, abs=0.001)
    assert c.block_depolarised == pytest.approx(0.230, abs=0.001)


def test_without_magnesium_the_driving_force_wins():
    c = nmda_coincidence(replace(P, mg_mM=0.0), -40.0)
    assert c.at_rest.peak_mV > c.depolarised.peak_mV


def test_psp_with_spiking_off_never_spikes_even_above_threshold():
    r = psp_experiment(P, hold_mV=-30.0, glutamate_weight_nS=20.0, n_glutamate=10)
    assert r.run.spike_times_ms.size == 0 and r.peak_mV > 1.0


def test_summation_spatial_and_temporal():
    assert not summation(P, n_synapses=1, n_volleys=1).fired
    assert summation(P, n_synapses=50, n_volleys=1).fired, "spatial summation: 50 synapses at once fire the cell"
    assert summation(P, n_synapses=15, n_volleys=4, interval_ms=5.0).fired, "temporal summation"
    assert not summation(P, n_synapses=15, n_volleys=4, interval_ms=40.0).fired, "too far apart to add up"
    peaks = [summation(P, n_synapses=10, n_volleys=4, interval_ms=iv).peak_mV for iv in (50, 20, 10, 5, 2)]
    assert np.all(np.diff(peaks) > 0), "closer volleys sum to higher peaks"


def test_synapses_to_fire_is_the_smallest_firing_volley_and_sublinear():
    n = synapses_to_fire(P)
    assert summation(P, n_synapses=n, n_volleys=1).fired
    assert not summation(P, n_synapses=n - 1, n_volleys=1).fired
    linear = (P.V_th_mV - P.E_L_mV) / single_epsp(P).both.peak_mV
    assert n > linear, "conductance inputs sum sublinearly: more synapses are needed than simple addition says"
    assert synapses_to_fire(P, weight_nS=0.0, max_synapses=5) == 0


# --- lesson 3: GABA -----------------------------------------------------------------------------------


def test_tonic_spikes_hold_a_constant_conductance():
    times, weights = tonic_spikes(7.0, P.tau_gaba_ms, 20.0, 80.0)
    run = simulate_neuron(P, SynapticInput(np.empty(0), np.empty(0), times, weights), 100.0, 0.1)
    on = (run.t_ms >= 20.0) & (run.t_ms < 80.0)
    np.testing.assert_allclose(run.g_gaba_nS[on], 7.0, rtol=1e-9)
    assert run.g_gaba_nS[run.t_ms < 20.0].max() == 0.0
    assert run.g_gaba_nS[-1] < 7.0 * math.exp(-15.0 / P.tau_gaba_ms)
    assert tonic_spikes(0.0, 5.0, 0.0, 10.0)[0].size == 0


def test_ipsps_move_v_towards_e_gaba_from_either_side():
    for e_gaba in (-85.0, -70.0, -60.0, -45.0):
        r = single_ipsp(replace(P, E_gaba_mV=e_gaba))
        for res in (r.at_rest, r.depolarised):
            expected = np.sign(round(e_gaba - res.hold_mV, 9))
            assert np.sign(round(res.peak_mV, 9)) == expected, f"E_GABA {e_gaba}, from {res.hold_mV}"
    shunt = single_ipsp(replace(P, E_gaba_mV=P.E_L_mV))
    assert abs(shunt.at_rest.peak_mV) < 1e-9, "at E_GABA = rest, GABA does not move the resting cell at all"


def test_shunting_moves_v_by_zero_yet_lowers_firing():
    """Oracle: GABA with E_GABA = V_rest moves V by 0 yet lowers the firing rate."""
    s = shunting_experiment(replace(P, E_gaba_mV=P.E_L_mV))
    assert abs(s.dv_at_rest_mV) < 1e-9
    assert s.rate_with_gaba_hz < s.rate_without_gaba_hz - 20
    during = (s.driven.spike_times_ms > s.gaba_on_ms + 20) & (s.driven.spike_times_ms < s.gaba_off_ms)
    before = s.driven.spike_times_ms < s.gaba_on_ms
    assert steady_rate_hz(s.driven.spike_times_ms[during]) < steady_rate_hz(s.driven.spike_times_ms[before])


def test_shunting_example_of_the_science_notes():
    """The independent reference simulator: 10 nS excitation alone ~140.7 Hz; adding 20 nS GABA at -60 mV ~99.5 Hz."""
    s = shunting_experiment(replace(P, E_gaba_mV=-60.0), g_gaba_nS=20.0, g_exc_nS=10.0)
    assert s.rate_without_gaba_hz == pytest.approx(140.7, rel=0.01)
    assert s.rate_with_gaba_hz == pytest.approx(99.5, rel=0.01)
    assert s.dv_at_rest_mV > 0, "depolarising ..."
    assert s.rate_with_gaba_hz < s.rate_without_gaba_hz, "... yet inhibitory"


def test_gaba_at_rest_settles_at_the_conductance_weighted_mean():
    for e_gaba, g in ((-85.0, 10.0), (-60.0, 10.0), (-45.0, 5.0)):
        s = shunting_experiment(replace(P, E_gaba_mV=e_gaba), g_gaba_nS=g)
        expected = g * (e_gaba - P.E_L_mV) / (P.g_L_nS + g)
        assert s.dv_at_rest_mV == pytest.approx(expected, abs=1e-3)


def test_depolarising_gaba_of_immature_neurons_can_excite():
    s = shunting_experiment(replace(P, E_gaba_mV=-40.0))
    assert s.dv_at_rest_mV > 10 and s.rate_with_gaba_hz > s.rate_without_gaba_hz


def test_hyperpolarising_gaba_lowers_v_and_firing_most():
    hyper = shunting_experiment(replace(P, E_gaba_mV=-80.0))
    shunt = shunting_experiment(replace(P, E_gaba_mV=-70.0))
    assert hyper.dv_at_rest_mV < 0 and hyper.rate_with_gaba_hz < shunt.rate_with_gaba_hz


# --- lesson 4: the rate map and irregular firing -----------------------------------------------------


@pytest.fixture(scope="module")
def default_map():
    return rate_map()


def test_rate_map_cells_equal_the_playground_model(default_map):
    m = default_map
    assert m.rate_hz.shape == (m.gaba_rates_hz.size, m.glutamate_rates_hz.size) == (9, 9)
    for row, col in ((0, 4), (2, 6), (5, 8), (8, 8), (1, 7)):
        s = TugOfWarSettings(
            glutamate_rate_hz=float(m.glutamate_rates_hz[col]),
            gaba_rate_hz=float(m.gaba_rates_hz[row]),
            duration_ms=RATE_MAP_DURATION_ms,
        )
        run, _ = run_tug_of_war(s)
        assert m.rate_hz[row, col] == pytest.approx(run.firing_rate_hz), f"cell ({row}, {col})"


def test_rate_map_rises_with_excitation_and_falls_with_inhibition(default_map):
    r = default_map.rate_hz
    assert r[0, 0] == 0 and r[0, -1] > 100, "no input: silent; strong excitation alone: fast"
    assert np.all(np.diff(r, axis=1) >= -4), "more glutamate (to the right) never lowers the rate much"
    assert np.all(np.diff(r, axis=0) <= 4), "more GABA (upwards) never raises the rate much"
    assert r[-1, -1] < r[0, -1] / 4, "strong inhibition holds back strong excitation"


def test_balanced_firing_is_irregular_at_a_similar_rate():
    reg = regularity_comparison()
    r_e, r_b = reg.excitation_only.firing_rate_hz, reg.balanced.firing_rate_hz
    assert r_b > 5 and r_e > 5
    assert max(r_e, r_b) / min(r_e, r_b) < 3, f"rates should be comparable: {r_e:.1f} vs {r_b:.1f}"
    assert reg.cv_balanced > reg.cv_excitation_only + 0.2, "over 20 s: cell A clearly less irregular than B"
    assert reg.cv_balanced > 0.7, "balanced input gives Poisson-like irregular firing"
    assert EXCITATION_ONLY.gaba_rate_hz == 0 and BALANCED.gaba_rate_hz > 0


# --- answers to the "try this" prompts --------------------------------------------------------------


def test_try_this_answers_handle_the_edges():
    assert excitability.first_firing_current_pA(P) == pytest.approx(210.0)
    assert math.isnan(excitability.first_firing_current_pA(P, max_pA=150.0)), "never fires below the rheobase"
    assert synapses.longest_summing_gap_ms(P, n_synapses=1) == 0, "one synapse never fires the cell"
    assert synapses.longest_summing_gap_ms(P, n_synapses=60, n_volleys=1) == 50, "one big volley fires at any gap"
    assert inhibition.silencing_gaba_nS(P, g_exc_nS=200.0, max_nS=20) == 0, "too much excitation to silence"
    assert inhibition.neutral_e_gaba_mV(P) > P.E_L_mV
