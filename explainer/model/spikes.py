"""Statistics of spike trains: one cell's steady rate, irregularity (CV) and settled mean V; a network's
population rates, their irregularity and its named regime.  NumPy only.

The coefficient of variation of the interspike intervals, CV = std(ISI) / mean(ISI), is 0 for a
clock-like train and 1 for a Poisson process (Dayan & Abbott 2001, section 1.4); asynchronous
irregular network activity has CV near or above 1 (Brunel 2000; Vogels & Abbott 2005).  One function,
:func:`isi_cv`, measures it for a cell and for every cell of a network.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from explainer.model.network import NetworkRun
from explainer.model.neuron import NeuronRun

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


# ---- a network's population statistics ----

SILENT_BELOW_HZ = 1.0  # mean excitatory rate below which the network counts as silent
RUNAWAY_ABOVE_HZ = 100.0  # mean excitatory rate above which activity is pinned near the refractory ceiling
REGULAR_BELOW_CV = 0.5
MIN_SPIKES_FOR_CV = 5


@dataclass(frozen=True)
class NetworkStats:
    """Summary of a network run over [start_ms, stop_ms)."""

    start_ms: float
    stop_ms: float
    exc_rate_hz: float
    inh_rate_hz: float
    exc_cv: float  # median CV of ISIs over excitatory cells with enough spikes (nan if none)
    regime: str  # "silent", "balanced irregular", "regular" or "runaway"


def population_rate_hz(run: NetworkRun, cells: slice, start_ms: float, stop_ms: float) -> float:
    """Mean firing rate (spikes per second per cell) of ``cells`` in [start_ms, stop_ms)."""
    lo, hi = cells.start or 0, cells.stop
    n_cells = hi - lo
    if n_cells <= 0 or stop_ms <= start_ms:
        return 0.0
    keep = (run.spike_times_ms >= start_ms) & (run.spike_times_ms < stop_ms)
    keep &= (run.spike_cells >= lo) & (run.spike_cells < hi)
    return float(np.count_nonzero(keep)) / n_cells / ((stop_ms - start_ms) / 1000.0)


def cv_of_isi(run: NetworkRun, cells: slice, start_ms: float, stop_ms: float) -> np.ndarray:
    """CV of the interspike intervals of each cell in ``cells`` with >= MIN_SPIKES_FOR_CV spikes in the window."""
    lo, hi = cells.start or 0, cells.stop
    keep = (run.spike_times_ms >= start_ms) & (run.spike_times_ms < stop_ms)
    keep &= (run.spike_cells >= lo) & (run.spike_cells < hi)
    t = run.spike_times_ms[keep]
    c = run.spike_cells[keep]
    order = np.lexsort((t, c))
    t, c = t[order], c[order]
    boundaries = np.flatnonzero(np.diff(c)) + 1
    cvs = []
    for times in np.split(t, boundaries):
        if times.size >= MIN_SPIKES_FOR_CV and times[-1] > times[0]:
            cvs.append(isi_cv(times))  # the same CV as one cell's
    return np.asarray(cvs)


def population_rate_trace(run: NetworkRun, cells: slice, bin_ms: float) -> tuple[np.ndarray, np.ndarray]:
    """Population rate (Hz per cell) in bins of ``bin_ms``: (bin centres in ms, rates)."""
    lo, hi = cells.start or 0, cells.stop
    edges = np.arange(0.0, run.duration_ms + bin_ms * 0.5, bin_ms)
    if edges.size < 2:
        edges = np.array([0.0, run.duration_ms])
    sel = (run.spike_cells >= lo) & (run.spike_cells < hi) & (run.spike_times_ms < edges[-1])
    counts, _ = np.histogram(run.spike_times_ms[sel], bins=edges)  # half-open bins, like population_rate_hz
    n_cells = max(hi - lo, 1)
    return 0.5 * (edges[:-1] + edges[1:]), counts / n_cells / (np.diff(edges) / 1000.0)


def network_stats(run: NetworkRun, start_ms: float | None = None, stop_ms: float | None = None) -> NetworkStats:
    """Rates, irregularity and the named regime after the kick (default window: from the kick's end + 100 ms,
    or from half-way through a shorter run, to the end)."""
    if start_ms is None:
        start_ms = min(run.params.kick_ms + 100.0, 0.5 * run.duration_ms)
    if stop_ms is None:
        stop_ms = run.duration_ms
    exc = slice(0, run.n_exc)
    inh = slice(run.n_exc, run.n_exc + run.n_inh)
    r_e = population_rate_hz(run, exc, start_ms, stop_ms)
    r_i = population_rate_hz(run, inh, start_ms, stop_ms)
    cvs = cv_of_isi(run, exc, start_ms, stop_ms)
    cv = float(np.median(cvs)) if cvs.size else float("nan")
    if r_e < SILENT_BELOW_HZ:
        regime = "silent"
    elif r_e > RUNAWAY_ABOVE_HZ:
        regime = "runaway"
    elif np.isfinite(cv) and cv < REGULAR_BELOW_CV:
        regime = "regular"
    else:
        regime = "balanced irregular"
    return NetworkStats(start_ms, stop_ms, r_e, r_i, cv, regime)
