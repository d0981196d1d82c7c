"""Circuits: the E/I network runs the circuits and "blocked gate" pages show (pure, seeded; the UI caches
them), and the disinhibition sweep, E and I rates as the E->I drive weakens, computed afresh (the tests
check the blocked-gate page's numbers and claims against it)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from explainer.model.network import NetworkParams, NetworkRun, simulate_network
from explainer.model.spikes import NetworkStats, network_stats

NETWORK_DURATION_ms = 1000.0
NETWORK_DT_ms = 0.1
DEFAULT_NETWORK_SEED = 1
DISINHIBITION_SCALES = (1.0, 0.8, 0.6, 0.4)


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
