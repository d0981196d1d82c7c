"""Statistics of one spike train and one voltage trace: steady rate, irregularity (CV), settled mean V.

NumPy only.  The network's population statistics (:mod:`explainer.model.analysis`) use the same CV.
"""

from __future__ import annotations

import numpy as np

from explainer.model.neuron import NeuronRun

MIN_INTERVALS_FOR_CV = 2
SETTLE_TAU_MULTIPLE = 5  # the start from rest is left out of a mean V: 5 membrane time constants


def steady_rate_hz(spike_times_ms: np.ndarray) -> float:
    """Steady firing rate from the spacing of spikes: 1000 / mean interspike interval (0 with < 2 spikes).

    The first spike's delay (charging from rest) is not an interval, so it does not count.
    """
    isi = np.diff(np.asarray(spike_times_ms, dtype=float))
    return 1000.0 / float(isi.mean()) if isi.size else 0.0


def isi_cv(spike_times_ms: np.ndarray) -> float:
    """Coefficient of variation of the interspike intervals (std / mean); NaN with fewer than 3 spikes."""
    isi = np.diff(np.asarray(spike_times_ms, dtype=float))
    if isi.size < 2:
        return float("nan")
    return float(isi.std() / isi.mean())


def mean_after(values: np.ndarray, t_ms: np.ndarray, start_ms: float) -> float:
    """Mean of ``values`` from ``start_ms`` on (all of them if the run is shorter)."""
    keep = t_ms >= start_ms
    return float(np.mean(values[keep] if keep.any() else values))


def settled_mean_v_mV(run: NeuronRun) -> float:
    """V averaged after the first 5 membrane time constants (the start from rest left out): the one mean V
    that the descriptions and the pages' read-outs show."""
    return mean_after(run.v_mV, run.t_ms, SETTLE_TAU_MULTIPLE * run.params.tau_m_ms)
