"""A balanced network of excitatory and inhibitory conductance-based integrate-and-fire cells.

The Vogels & Abbott (2005, J Neurosci 25:10786) benchmark network, as standardised by Brette et al.
(2007, J Comput Neurosci 23:349, "COBA"), scaled to 1000 cells so that it runs in a browser session:
800 excitatory (E) and 200 inhibitory (I) cells, random connections with probability 0.08 (on average
64 E and 16 I inputs per cell, as in the 4000-cell original at 0.02).  Every cell obeys::

    C dV/dt = g_L (E_L - V) + g_e (E_exc - V) + g_i (E_inh - V)     (V held at V_reset while refractory)
    dg_e/dt = -g_e / tau_e      each spike of an excitatory input: g_e += w_exc   (x e_to_i_scale onto I cells)
    dg_i/dt = -g_i / tau_i      each spike of an inhibitory input: g_i += w_inh
    V > V_th  ->  spike, V = V_reset for t_ref

External excitatory Poisson input (independent per cell, weight w_exc) arrives during an initial
"kick" of ``kick_ms`` at ``kick_rate_hz`` and, optionally, throughout at ``ext_rate_hz``.  The network is
bistable: without the kick it stays silent; after it, recurrent excitation and inhibition sustain
asynchronous irregular activity.

Integration as for the single cell (``explainer.model.neuron``): exponential Euler, conductances frozen
per step, in the order advance -> threshold -> deliver this step's spikes -> reset; vectorised over
cells, one loop over time steps.  Randomness (connectivity, initial V, external spikes) comes only from
the explicit ``numpy.random.Generator``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from explainer.model.validation import check_params


@dataclass(frozen=True)
class NetworkParams:
    """Network parameters (after Vogels & Abbott 2005 and Brette et al. 2007).

    Synaptic weights are those of the Brette et al. (2007) COBA benchmark, 6 nS and 67 nS (its Brian
    script writes them as 0.6 and 6.7 in units of g_L = 10 nS).  The PyNN benchmark's 4 nS / 51 nS, measured
    with another simulator, do not sustain activity in this model: after the kick the network falls silent
    within ~0.5 s for most seeds, so with those weights it cannot show the balanced state at all.
    """

    n_exc: int = 800
    n_inh: int = 200
    p_connect: float = 0.08
    w_exc_nS: float = 6.0
    w_inh_nS: float = 67.0
    e_to_i_scale: float = 1.0  # multiplies the glutamate (E -> I) drive onto inhibitory cells only
    kick_ms: float = 50.0  # external Poisson kick at the start; 0 = none
    kick_rate_hz: float = 200.0  # external input rate per cell during the kick
    ext_rate_hz: float = 0.0  # ongoing external Poisson input per cell (weight w_exc_nS)
    c_pF: float = 200.0
    g_L_nS: float = 10.0
    E_L_mV: float = -60.0
    V_th_mV: float = -50.0
    V_reset_mV: float = -60.0
    t_ref_ms: float = 5.0
    E_exc_mV: float = 0.0
    E_inh_mV: float = -80.0
    tau_exc_ms: float = 5.0
    tau_inh_ms: float = 10.0

    def __post_init__(self) -> None:
        check_params(
            self,
            positive=("c_pF", "g_L_nS", "tau_exc_ms", "tau_inh_ms"),
            non_negative=("w_exc_nS", "w_inh_nS", "e_to_i_scale", "kick_ms", "kick_rate_hz", "ext_rate_hz", "t_ref_ms"),
        )
        for name in ("n_exc", "n_inh"):
            value = getattr(self, name)
            if int(value) != value or value < 0:
                raise ValueError(f"{name} must be a whole number of cells, zero or more, got {value!r}")
        if self.n_exc + self.n_inh < 1:
            raise ValueError("the network needs at least one cell")
        if self.n_exc + self.n_inh > 20000:
            raise ValueError("more than 20000 cells is too many for this explainer")
        if not 0.0 <= self.p_connect <= 1.0:
            raise ValueError(f"p_connect is a probability and must lie in [0, 1], got {self.p_connect!r}")

    @property
    def n_cells(self) -> int:
        return int(self.n_exc) + int(self.n_inh)


@dataclass(frozen=True)
class NetworkRun:
    """Result of :func:`simulate_network`: one entry per spike; cells 0..n_exc-1 are excitatory."""

    spike_times_ms: np.ndarray
    spike_cells: np.ndarray
    n_exc: int
    n_inh: int
    duration_ms: float
    dt_ms: float
    params: NetworkParams
    v_sample_mV: np.ndarray  # (n_samples, n_recorded) membrane potential of a few cells, every step
    v_sample_cells: np.ndarray  # which cells v_sample_mV records


@dataclass(frozen=True)
class Connectivity:
    """Sparse random connectivity in compressed rows: targets of cell j are targets[starts[j]:starts[j+1]]."""

    starts: np.ndarray
    targets: np.ndarray

    def targets_of(self, cells: np.ndarray) -> np.ndarray:
        """Concatenated target lists of ``cells`` (with repeats: one entry per synapse)."""
        if cells.size == 0:
            return cells
        lo = self.starts[cells]
        counts = self.starts[cells + 1] - lo
        total = int(counts.sum())
        if total == 0:
            return np.empty(0, dtype=np.int64)
        # positions lo[k] .. lo[k] + counts[k] - 1, concatenated
        offsets = np.repeat(lo - np.concatenate(([0], np.cumsum(counts)[:-1])), counts)
        return self.targets[np.arange(total) + offsets]


def random_connectivity(n_pre: int, n_post: int, p: float, rng: np.random.Generator, *, exclude_self_offset=None):
    """Bernoulli(p) connections from each of ``n_pre`` cells to ``n_post`` cells.

    ``exclude_self_offset``: if given, presynaptic cell j is postsynaptic cell j + offset, and such
    self-connections are removed.
    """
    mask = rng.random((n_pre, n_post)) < p
    if exclude_self_offset is not None:
        j = np.arange(n_pre)
        post = j + exclude_self_offset
        ok = (post >= 0) & (post < n_post)
        mask[j[ok], post[ok]] = False
    counts = mask.sum(axis=1)
    starts = np.concatenate(([0], np.cumsum(counts))).astype(np.int64)
    targets = np.nonzero(mask)[1].astype(np.int64)
    return Connectivity(starts=starts, targets=targets)


def _check_run_args(duration_ms: float, dt_ms: float) -> None:
    for name, value in (("duration_ms", duration_ms), ("dt_ms", dt_ms)):
        if not isinstance(value, (int, float, np.integer, np.floating)) or not math.isfinite(value):
            raise ValueError(f"{name} must be a finite number, got {value!r}")
        if value <= 0:
            raise ValueError(f"{name} must be greater than zero, got {value!r}")
    if duration_ms / dt_ms > 2_000_000:
        raise ValueError("that is more than 2 million time steps; use a larger dt_ms or a shorter duration")


def _checked_rng(params, duration_ms: float, dt_ms: float, rng) -> np.random.Generator:
    """Reject what simulate_network cannot run; the generator to use (seed 0 when None)."""
    if not isinstance(params, NetworkParams):
        raise ValueError("params must be a NetworkParams")
    _check_run_args(duration_ms, dt_ms)
    if rng is None:
        rng = np.random.default_rng(0)
    if not isinstance(rng, np.random.Generator):
        raise ValueError("rng must be a numpy.random.Generator, e.g. numpy.random.default_rng(0)")
    return rng


def _wiring(p: NetworkParams, rng: np.random.Generator):
    """Random connectivity (rows: presynaptic E cells, then I cells; columns: all cells) and the excitatory
    weight onto each postsynaptic cell (E -> I scaled by e_to_i_scale).  Draws from ``rng`` in a fixed order."""
    n_exc, n = int(p.n_exc), int(p.n_exc) + int(p.n_inh)
    conn_e = random_connectivity(n_exc, n, p.p_connect, rng, exclude_self_offset=0)
    conn_i = random_connectivity(int(p.n_inh), n, p.p_connect, rng, exclude_self_offset=n_exc)
    w_e_post = np.full(n, float(p.w_exc_nS))
    w_e_post[n_exc:] *= p.e_to_i_scale
    return conn_e, conn_i, w_e_post


def _deliver(spiked: np.ndarray, n_exc: int, conn_e, conn_i, w_e_post: np.ndarray, w_inh_nS: float, g_e, g_i) -> None:
    """In place: the spikes of cells ``spiked`` (E cells first, then I) raise their targets' g_e and g_i."""
    n = g_e.size
    exc = spiked[spiked < n_exc]
    inh = spiked[spiked >= n_exc] - n_exc
    if exc.size:
        g_e += np.bincount(conn_e.targets_of(exc), minlength=n) * w_e_post
    if inh.size:
        g_i += np.bincount(conn_i.targets_of(inh), minlength=n) * w_inh_nS


def _network_run(params, spike_steps, spike_ids, n_steps: int, dt_ms: float, v_rec, record) -> NetworkRun:
    """The run's record: every spike (time, cell) in time order, and V of the recorded cells."""
    steps = np.concatenate(spike_steps) if spike_steps else np.empty(0, dtype=np.int64)
    cells = np.concatenate(spike_ids) if spike_ids else np.empty(0, dtype=np.int64)
    return NetworkRun(
        spike_times_ms=steps * dt_ms,
        spike_cells=cells,
        n_exc=int(params.n_exc),
        n_inh=int(params.n_inh),
        duration_ms=float(n_steps * dt_ms),
        dt_ms=float(dt_ms),
        params=params,
        v_sample_mV=v_rec,
        v_sample_cells=record,
    )


def simulate_network(
    params: NetworkParams,
    duration_ms: float = 1000.0,
    dt_ms: float = 0.1,
    rng: np.random.Generator | None = None,
    record_v_cells: tuple[int, ...] = (0, 1),
) -> NetworkRun:
    """Simulate the network for ``duration_ms`` (see module docstring).  ``rng`` is required in spirit:
    pass ``numpy.random.default_rng(seed)``; None means seed 0, so a run is always reproducible."""
    rng = _checked_rng(params, duration_ms, dt_ms, rng)
    p = params
    n_exc, n_inh = int(p.n_exc), int(p.n_inh)
    n = n_exc + n_inh
    n_steps = math.floor(duration_ms / dt_ms + 1e-9)
    record = np.array([c for c in record_v_cells if 0 <= c < n], dtype=np.int64)
    conn_e, conn_i, w_e_post = _wiring(p, rng)

    # External Poisson input: expected count per cell per step, drawn per step below.
    kick_steps = round(p.kick_ms / dt_ms)
    lam_kick = (p.kick_rate_hz + p.ext_rate_hz) * dt_ms / 1000.0
    lam_ext = p.ext_rate_hz * dt_ms / 1000.0

    v = rng.uniform(p.V_reset_mV, p.V_th_mV, size=n)
    g_e = np.zeros(n)
    g_i = np.zeros(n)
    ref_left = np.zeros(n, dtype=np.int64)
    ref_steps = max(round(p.t_ref_ms / dt_ms) - 1, 0)  # the spike's own step counts (as for one cell)
    decay_e = math.exp(-dt_ms / p.tau_exc_ms)
    decay_i = math.exp(-dt_ms / p.tau_inh_ms)
    dt_over_c = dt_ms / p.c_pF
    gl_el = p.g_L_nS * p.E_L_mV

    spike_steps: list[np.ndarray] = []
    spike_ids: list[np.ndarray] = []
    v_rec = np.empty((n_steps + 1, record.size))
    v_rec[0] = v[record]
    g_tot = np.empty(n)
    v_inf = np.empty(n)
    factor = np.empty(n)
    refractory = np.zeros(n, dtype=bool)
    above = np.empty(n, dtype=bool)
    for k in range(n_steps):
        # (1) advance with conductances frozen over the step (exact for frozen conductances); in place
        np.add(g_e, g_i, out=g_tot)
        g_tot += p.g_L_nS
        np.multiply(g_i, p.E_inh_mV, out=v_inf)
        if p.E_exc_mV != 0.0:
            v_inf += g_e * p.E_exc_mV
        v_inf += gl_el
        v_inf /= g_tot
        np.multiply(g_tot, -dt_over_c, out=factor)
        np.exp(factor, out=factor)
        v -= v_inf
        v *= factor
        v += v_inf
        np.greater(ref_left, 0, out=refractory)
        np.copyto(v, p.V_reset_mV, where=refractory)
        np.subtract(ref_left, 1, out=ref_left, where=refractory)
        g_e *= decay_e
        g_i *= decay_i
        # (2) threshold
        np.greater(v, p.V_th_mV, out=above)
        above &= ~refractory
        spiked = np.flatnonzero(above)
        # (3) deliver this step's spikes: recurrent, then external
        if spiked.size:
            _deliver(spiked, n_exc, conn_e, conn_i, w_e_post, p.w_inh_nS, g_e, g_i)
            # (4) reset
            v[spiked] = p.V_reset_mV
            ref_left[spiked] = ref_steps
            spike_steps.append(np.full(spiked.size, k + 1, dtype=np.int64))
            spike_ids.append(spiked)
        lam = lam_kick if k < kick_steps else lam_ext
        if lam > 0:
            g_e += rng.poisson(lam, size=n) * p.w_exc_nS
        v_rec[k + 1] = v[record]

    return _network_run(params, spike_steps, spike_ids, n_steps, dt_ms, v_rec, record)
