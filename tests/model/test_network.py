"""The E/I network: regimes, disinhibition, exact sub-cases, connectivity, analysis, validation."""

from __future__ import annotations

import itertools
import math
from dataclasses import replace
from functools import cache

import numpy as np
import pytest

from explainer.model.network import NetworkParams, NetworkRun, random_connectivity, simulate_network
from explainer.model.spikes import cv_of_isi, network_stats, population_rate_hz, population_rate_trace

SEED = 1  # a seed whose balanced state survives every inhibition level tested below


@cache
def run_with(seed: int = SEED, **changes) -> NetworkRun:
    return simulate_network(replace(NetworkParams(), **changes), 1000.0, 0.1, np.random.default_rng(seed))


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_kick_starts_balanced_irregular_activity(seed):
    stats = network_stats(run_with(seed))
    assert stats.regime == "balanced irregular", stats
    assert 8.0 < stats.exc_rate_hz < 40.0, f"E rate {stats.exc_rate_hz:.1f} Hz outside the balanced range"
    assert 8.0 < stats.inh_rate_hz < 40.0, f"I rate {stats.inh_rate_hz:.1f} Hz outside the balanced range"
    assert stats.exc_cv > 0.9, f"balanced activity must be irregular (CV near or above 1), got {stats.exc_cv:.2f}"


def test_without_the_kick_the_network_stays_silent():
    run = run_with(kick_ms=0.0)
    assert run.spike_times_ms.size == 0, f"{run.spike_times_ms.size} spikes without any kick"
    assert network_stats(run).regime == "silent"


def test_without_inhibition_activity_runs_away_to_the_refractory_ceiling():
    stats = network_stats(run_with(w_inh_nS=0.0))
    ceiling = 1000.0 / NetworkParams().t_ref_ms
    assert stats.regime == "runaway"
    assert 0.9 * ceiling < stats.exc_rate_hz <= ceiling, f"E rate {stats.exc_rate_hz:.1f} Hz, ceiling {ceiling} Hz"
    assert stats.exc_cv < 0.2, f"runaway firing is clock-like, CV {stats.exc_cv:.2f}"


def test_weakening_inhibition_raises_excitatory_rates():
    levels = [134.0, 67.0, 33.5, 15.0, 0.0]
    rates = [network_stats(run_with(w_inh_nS=w)).exc_rate_hz for w in levels]
    assert all(a < b for a, b in itertools.pairwise(rates)), f"E rates for w_inh {levels}: {np.round(rates, 1)}"
    assert rates[0] > 1.0, "even doubled inhibition keeps the network active after the kick"


def test_weaker_glutamate_drive_onto_interneurons_disinhibits():
    """Lowering only E->I drive raises E rates; I rates do not fall (an inhibition-stabilised network)."""
    scales = [1.0, 0.8, 0.6, 0.4]
    stats = [network_stats(run_with(e_to_i_scale=s)) for s in scales]
    e_rates = [s.exc_rate_hz for s in stats]
    i_rates = [s.inh_rate_hz for s in stats]
    assert all(a < b for a, b in itertools.pairwise(e_rates)), f"E rates {np.round(e_rates, 1)}"
    assert e_rates[-1] > 3 * e_rates[0], f"E rates {np.round(e_rates, 1)}: disinhibition should be large"
    assert min(i_rates[1:]) >= 0.9 * i_rates[0], (
        f"I rates {np.round(i_rates, 1)}: in this model interneuron firing does not fall in steady state"
    )


def test_unconnected_cells_relax_exactly_to_rest():
    p = NetworkParams(n_exc=8, n_inh=2, p_connect=0.0, kick_ms=0.0)
    run = simulate_network(p, 100.0, 0.1, np.random.default_rng(3), record_v_cells=(0, 9))
    t = np.arange(run.v_sample_mV.shape[0]) * 0.1
    tau = p.c_pF / p.g_L_nS
    for j in range(2):
        v0 = run.v_sample_mV[0, j]
        exact = p.E_L_mV + (v0 - p.E_L_mV) * np.exp(-t / tau)
        np.testing.assert_allclose(run.v_sample_mV[:, j], exact, atol=1e-9)
    assert run.spike_times_ms.size == 0


def test_external_drive_alone_makes_unconnected_cells_fire_with_poisson_like_statistics():
    p = NetworkParams(n_exc=200, n_inh=50, p_connect=0.0, kick_ms=0.0, ext_rate_hz=3000.0)
    run = simulate_network(p, 1000.0, 0.1, np.random.default_rng(4))
    r = population_rate_hz(run, slice(0, 250), 100.0, 1000.0)
    assert r > 5.0, f"3 kHz of 6 nS external input must make cells fire, got {r:.1f} Hz"
    assert np.all(run.v_sample_mV <= p.V_th_mV + 1e-9)


def test_same_seed_same_run_different_seed_different_run():
    a = run_with(0)
    b = simulate_network(NetworkParams(), 1000.0, 0.1, np.random.default_rng(0))
    np.testing.assert_array_equal(a.spike_times_ms, b.spike_times_ms)
    np.testing.assert_array_equal(a.spike_cells, b.spike_cells)
    c = run_with(2)
    assert c.spike_times_ms.size != a.spike_times_ms.size or not np.array_equal(c.spike_cells, a.spike_cells)


def test_spikes_respect_the_refractory_period_and_cell_ranges():
    run = run_with(w_inh_nS=0.0)
    assert run.spike_cells.min() >= 0 and run.spike_cells.max() < run.n_exc + run.n_inh
    order = np.lexsort((run.spike_times_ms, run.spike_cells))
    cells, times = run.spike_cells[order], run.spike_times_ms[order]
    same = cells[1:] == cells[:-1]
    isi = np.diff(times)[same]
    assert isi.min() >= NetworkParams().t_ref_ms - 1e-9, f"ISI {isi.min()} ms shorter than t_ref"


def test_connectivity_is_sparse_random_without_self_connections():
    rng = np.random.default_rng(5)
    conn = random_connectivity(800, 1000, 0.08, rng, exclude_self_offset=0)
    in_degree = np.bincount(conn.targets, minlength=1000)
    assert abs(in_degree.mean() - 0.08 * 800) < 1.0, f"mean E in-degree {in_degree.mean():.1f}, expected ~64"
    for j in range(800):
        assert j not in conn.targets[conn.starts[j] : conn.starts[j + 1]], f"cell {j} connects to itself"
    cells = np.array([3, 17, 17, 640])
    expected = np.concatenate([conn.targets[conn.starts[c] : conn.starts[c + 1]] for c in cells])
    np.testing.assert_array_equal(conn.targets_of(cells), expected)
    assert conn.targets_of(np.array([], dtype=np.int64)).size == 0


def test_cv_of_regular_and_poisson_trains():
    rng = np.random.default_rng(6)
    regular = np.arange(0.0, 1000.0, 10.0)
    poisson = np.sort(rng.uniform(0, 100_000.0, 5000))
    times = np.concatenate([regular, poisson])
    cells = np.concatenate([np.zeros(regular.size, int), np.ones(poisson.size, int)])
    run = NetworkRun(times, cells, 2, 0, 100_000.0, 0.1, NetworkParams(), np.empty((0, 0)), np.empty(0, int))
    cv = cv_of_isi(run, slice(0, 2), 0.0, 100_000.0)
    assert cv[0] == pytest.approx(0.0, abs=1e-9)
    assert cv[1] == pytest.approx(1.0, abs=0.05), f"a Poisson train has CV 1, got {cv[1]:.3f}"


def test_population_rate_trace_integrates_to_the_mean_rate():
    run = run_with()
    centres, rates = population_rate_trace(run, slice(0, run.n_exc), 10.0)
    assert centres.size == 100
    mean = population_rate_hz(run, slice(0, run.n_exc), 0.0, run.duration_ms)
    assert rates.mean() == pytest.approx(mean, rel=1e-9)


@pytest.mark.parametrize(
    "changes,match",
    [
        ({"n_exc": -1}, "whole number"),
        ({"n_exc": 2.5}, "whole number"),
        ({"p_connect": 1.5}, "probability"),
        ({"w_inh_nS": -1.0}, "negative"),
        ({"c_pF": 0.0}, "greater than zero"),
        ({"e_to_i_scale": float("nan")}, "finite"),
        ({"V_reset_mV": -40.0}, "below the threshold"),
        ({"n_exc": 0, "n_inh": 0}, "at least one cell"),
    ],
)
def test_invalid_parameters_raise_readable_errors(changes, match):
    with pytest.raises(ValueError, match=match):
        replace(NetworkParams(), **changes)


@pytest.mark.parametrize("kwargs,match", [({"dt_ms": 0.0}, "greater than zero"), ({"duration_ms": math.inf}, "finite")])
def test_invalid_run_arguments_raise(kwargs, match):
    with pytest.raises(ValueError, match=match):
        simulate_network(NetworkParams(n_exc=4, n_inh=1), **{"duration_ms": 10.0, "dt_ms": 0.1, **kwargs})


def test_rng_must_be_a_generator():
    with pytest.raises(ValueError, match="Generator"):
        simulate_network(NetworkParams(n_exc=4, n_inh=1), 10.0, 0.1, rng=42)
