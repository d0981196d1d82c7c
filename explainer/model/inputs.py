"""Random presynaptic input: homogeneous Poisson spike trains.

A population of independent presynaptic cells firing as Poisson processes, pooled onto one neuron, is a
Poisson process whose rate is the sum of their rates (Dayan & Abbott 2001, section 1.4).  Randomness
lives only here, always drawn from an explicit ``numpy.random.Generator``; the neuron simulation is
deterministic given the spike times.

Campbell's theorem gives the statistics of the conductance such a train produces through exponential
synapses (jump w, decay tau): mean ``rate * w * tau`` and variance ``rate * w**2 * tau / 2``.
"""

from __future__ import annotations

import math

import numpy as np

from explainer.model.neuron import SynapticInput


def poisson_spike_times(rate_hz: float, duration_ms: float, rng: np.random.Generator) -> np.ndarray:
    """Sorted spike times (ms) of a homogeneous Poisson process on [0, duration_ms)."""
    if not isinstance(rng, np.random.Generator):
        raise ValueError("rng must be a numpy.random.Generator, e.g. numpy.random.default_rng(0)")
    for name, value in (("rate_hz", rate_hz), ("duration_ms", duration_ms)):
        if not isinstance(value, (int, float, np.floating, np.integer)) or not math.isfinite(value):
            raise ValueError(f"{name} must be a finite number, got {value!r}")
        if value < 0:
            raise ValueError(f"{name} cannot be negative, got {value!r}")
    expected = rate_hz * duration_ms / 1000.0
    if expected > 1e8:
        raise ValueError("that many input spikes (over 100 million) cannot be simulated here")
    count = rng.poisson(expected)
    return np.sort(rng.uniform(0.0, duration_ms, size=count))


def poisson_input(
    rng: np.random.Generator,
    *,
    duration_ms: float,
    glutamate_rate_hz: float = 0.0,
    glutamate_weight_nS: float = 0.0,
    gaba_rate_hz: float = 0.0,
    gaba_weight_nS: float = 0.0,
) -> SynapticInput:
    """Pooled Poisson glutamate and GABA input, every spike with the same conductance jump.

    Rates are the total rate over all presynaptic cells of that kind (e.g. 100 cells at 10 Hz = 1000 Hz).
    """
    for name, value in (("glutamate_weight_nS", glutamate_weight_nS), ("gaba_weight_nS", gaba_weight_nS)):
        if not isinstance(value, (int, float, np.floating, np.integer)) or not math.isfinite(value) or value < 0:
            raise ValueError(f"{name} must be a finite number of zero or more, got {value!r}")
    glu = poisson_spike_times(glutamate_rate_hz, duration_ms, rng)
    gaba = poisson_spike_times(gaba_rate_hz, duration_ms, rng)
    return SynapticInput(
        glutamate_times_ms=glu,
        glutamate_weights_nS=np.full(glu.size, float(glutamate_weight_nS)),
        gaba_times_ms=gaba,
        gaba_weights_nS=np.full(gaba.size, float(gaba_weight_nS)),
    )
