"""Circuits: the E/I network runs the circuits and "blocked gate" pages show (pure, seeded; the UI caches
them), the circuits page's named settings and where, between them, activity starts to run away, and the
disinhibition sweep, E and I rates as the E->I drive weakens, computed afresh (the tests check the
blocked-gate page's numbers and claims against it)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from types import MappingProxyType

import numpy as np

from explainer.model.experiments.common import first_true
from explainer.model.network import NetworkParams, NetworkRun, simulate_network
from explainer.model.spikes import NetworkStats, network_stats

NETWORK_DURATION_ms = 1000.0
NETWORK_DT_ms = 0.1
DEFAULT_NETWORK_SEED = 1
# The blocked-gate knob's values: from intact down to where this network still fires asynchronously and
# irregularly.  Turned further down (to about 0.55 with the standard seeds) it runs away, a limit of this cartoon
# network that the page names rather than shows.
DISINHIBITION_SCALES = (1.0, 0.9, 0.8, 0.7)


# The circuits page's named settings (its presets, its prediction and its table of regimes): one definition each.
BALANCED = NetworkParams()  # the benchmark's weights, after a kick
WEAK_INHIBITION_nS = 30.0  # GABA synapses at under half strength: excitation ahead, not yet runaway
SETTINGS: Mapping[str, NetworkParams] = MappingProxyType(
    {
        "balanced": BALANCED,
        "silent": replace(BALANCED, kick_ms=0.0),
        "weak_inhibition": replace(BALANCED, w_inh_nS=WEAK_INHIBITION_nS),
        "runaway": replace(BALANCED, w_inh_nS=0.0),
    }
)


def run_network(params: NetworkParams, seed: int = DEFAULT_NETWORK_SEED) -> tuple[NetworkRun, NetworkStats]:
    """One second of the network with this seed, and its statistics after the kick."""
    run = simulate_network(params, NETWORK_DURATION_ms, NETWORK_DT_ms, np.random.default_rng(seed))
    return run, network_stats(run)


def disinhibition_sweep(
    scales=DISINHIBITION_SCALES, seed: int = DEFAULT_NETWORK_SEED, base: NetworkParams | None = None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """E and I rates as only the glutamate drive onto inhibitory cells is scaled: (scales, E Hz, I Hz)."""
    base = base or NetworkParams()
    e_rates, i_rates = [], []
    for scale in scales:
        _, stats = run_network(replace(base, e_to_i_scale=float(scale)), seed)
        e_rates.append(stats.exc_rate_hz)
        i_rates.append(stats.inh_rate_hz)
    return np.asarray(scales, dtype=float), np.asarray(e_rates), np.asarray(i_rates)


def mean_input_level_mV(params: NetworkParams, stats: NetworkStats) -> float:
    """Where an excitatory cell's V would settle if its conductances stayed at their means, from the measured
    rates (a mean-field estimate): each of its ``p_connect * n_exc`` excitatory inputs fires at the excitatory
    rate and holds ``w_exc`` open for ``tau_exc`` per spike on average, the external input likewise, and its
    ``p_connect * n_inh`` inhibitory inputs the same with the inhibitory rate, ``w_inh`` and ``tau_inh``.

    Below the resting potential, inhibition outweighs excitation on average; above the threshold, the average
    input alone would carry a cell to threshold (it is mean-driven)."""
    p = params
    g_exc = (p.p_connect * p.n_exc * stats.exc_rate_hz + p.ext_rate_hz) * p.w_exc_nS * p.tau_exc_ms / 1000.0
    g_inh = p.p_connect * p.n_inh * stats.inh_rate_hz * p.w_inh_nS * p.tau_inh_ms / 1000.0
    return (p.g_L_nS * p.E_L_mV + g_exc * p.E_exc_mV + g_inh * p.E_inh_mV) / (p.g_L_nS + g_exc + g_inh)


def runaway_onset_nS(
    base: NetworkParams = BALANCED,
    seed: int = DEFAULT_NETWORK_SEED,
    hi_nS: float = WEAK_INHIBITION_nS,
    stats_of: Callable[[NetworkParams, int], NetworkStats] | None = None,
) -> int:
    """The least whole-nS inhibition (per GABA spike) at which ``base``, with this wiring, no longer runs away:
    below it, activity runs away.  Searched by bisection between no inhibition (runaway) and ``hi_nS`` (not);
    the search assumes that more inhibition never makes it run away again, which the tests check around the
    answer.  ``stats_of(params, seed)`` runs the network (the UI passes its cached runs)."""
    stats_of = stats_of or (lambda params, s: run_network(params, s)[1])

    def holds(w_nS: int) -> bool:
        return stats_of(replace(base, w_inh_nS=float(w_nS)), seed).regime != "runaway"

    return first_true(holds, 0, round(hi_nS))
