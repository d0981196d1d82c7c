"""Conductance-based leaky integrate-and-fire neuron with AMPA, NMDA and GABA-A synapses.

Equations (Brunel & Wang 2001, J Comput Neurosci 11:63; Wang 2002, Neuron 36:955)::

    C dV/dt = g_L (E_L - V) + g_AMPA (E_exc - V) + g_NMDA_max s B(V) (E_exc - V)
              + g_GABA (E_GABA - V) + I_ext          (V held at V_reset while refractory)
    dg_AMPA/dt = -g_AMPA / tau_AMPA      each glutamate input spike: g_AMPA += w
    dg_GABA/dt = -g_GABA / tau_GABA      each GABA input spike:      g_GABA += w
    ds/dt = -s / tau_NMDA_decay + alpha x (1 - s)     s: fraction of open NMDA gates
    dx/dt = -x / tau_NMDA_rise           each glutamate input spike: x += 1
    B(V) = 1 / (1 + [Mg2+] / 3.57 mM * exp(-0.062 V / mV))    (Jahr & Stevens 1990)
    V > V_th and not refractory  ->  spike; V = V_reset for t_ref

Glutamate opens both AMPA (fast) and NMDA (slow, voltage-gated) receptor channels; GABA opens GABA-A
(chloride) channels. One pooled ``s`` stands for all NMDA synapses of the cell.

Integration: exponential Euler in the clock-driven order (1) advance from the old state with every
conductance and B(V) frozen for the step, (2) threshold test, (3) add this step's input spikes,
(4) reset.  Freezing a decaying conductance at its
start-of-step value overestimates a pulse's charge by about dt / (2 tau) (2.5 % for AMPA at dt 0.1 ms);
use a smaller dt where that matters.  With A = -sum(g)/C and B = (sum(g_i E_i) + I)/C the V update
``V <- (V + B/A) e^{A dt} - B/A`` is exact for frozen conductances, so it never overshoots the
reversal potentials and is stable for any dt.  The synaptic variables do not depend on V, so they are
computed for the whole run with vectorised NumPy before the (scalar) V loop.

Time grid: sample n is t_n = n dt.  An input spike at time t acts at the nearest grid point
round(t / dt).  The step in which V crosses threshold counts as the first step of the refractory
period (as in Brian2's clock-driven scheme), so the interspike interval under a constant current is
``(round(t_ref/dt) + ceil(T/dt) - 1) dt`` with T the free charging time from V_reset to V_th.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from explainer.model.validation import check_params

MG_BLOCK_K_mM = 3.57  # Jahr & Stevens 1990
MG_BLOCK_SLOPE_PER_mV = 0.062  # Jahr & Stevens 1990


@dataclass(frozen=True)
class NeuronParams:
    """Parameters of the single-cell model (defaults after Brunel & Wang 2001 and Wang 2002).

    ``g_nmda_max_nS`` is the NMDA conductance with every gate open and no Mg2+ block; 1 nS makes one
    glutamate spike give an NMDA EPSP of about 0.13 mV at -70 mV and 0.4 mV at -40 mV.
    """

    c_pF: float = 200.0
    g_L_nS: float = 10.0
    E_L_mV: float = -70.0
    V_th_mV: float = -50.0
    V_reset_mV: float = -60.0
    t_ref_ms: float = 2.0
    E_exc_mV: float = 0.0
    E_gaba_mV: float = -70.0
    tau_ampa_ms: float = 2.0
    tau_gaba_ms: float = 5.0
    tau_nmda_rise_ms: float = 2.0
    tau_nmda_decay_ms: float = 100.0
    nmda_alpha_per_ms: float = 0.5
    g_nmda_max_nS: float = 1.0
    mg_mM: float = 1.0

    def __post_init__(self) -> None:
        check_params(
            self,
            positive=("c_pF", "g_L_nS", "tau_ampa_ms", "tau_gaba_ms", "tau_nmda_rise_ms", "tau_nmda_decay_ms"),
            non_negative=("t_ref_ms", "nmda_alpha_per_ms", "g_nmda_max_nS", "mg_mM"),
        )

    @property
    def tau_m_ms(self) -> float:
        """Membrane time constant C / g_L."""
        return self.c_pF / self.g_L_nS

    @property
    def rheobase_pA(self) -> float:
        """Smallest constant current that makes the cell fire: g_L (V_th - E_L)."""
        return self.g_L_nS * (self.V_th_mV - self.E_L_mV)


def _as_times(name: str, values) -> np.ndarray:
    arr = np.array(values, dtype=float).ravel()  # a copy: later edits of the caller's array change nothing
    if not np.all(np.isfinite(arr)):
        raise ValueError(f"{name} contains NaN or infinite values")
    return arr


@dataclass(frozen=True)
class SynapticInput:
    """Presynaptic spikes arriving at the cell: times (ms) and conductance jumps (nS), 1-D arrays."""

    glutamate_times_ms: np.ndarray
    glutamate_weights_nS: np.ndarray
    gaba_times_ms: np.ndarray
    gaba_weights_nS: np.ndarray

    def __post_init__(self) -> None:
        for kind in ("glutamate", "gaba"):
            times = _as_times(f"{kind}_times_ms", getattr(self, f"{kind}_times_ms"))
            weights = _as_times(f"{kind}_weights_nS", getattr(self, f"{kind}_weights_nS"))
            if times.shape != weights.shape:
                raise ValueError(
                    f"{kind}: {times.size} spike times but {weights.size} weights; give one weight per spike"
                )
            if np.any(weights < 0):
                raise ValueError(f"{kind}_weights_nS must not be negative (a conductance cannot be negative)")
            times.setflags(write=False)
            weights.setflags(write=False)
            object.__setattr__(self, f"{kind}_times_ms", times)
            object.__setattr__(self, f"{kind}_weights_nS", weights)

    @classmethod
    def empty(cls) -> SynapticInput:
        """No input spikes at all."""
        return cls(np.empty(0), np.empty(0), np.empty(0), np.empty(0))


@dataclass(frozen=True)
class NeuronRun:
    """Result of :func:`simulate_neuron`: every array is sampled at ``t_ms``."""

    t_ms: np.ndarray
    v_mV: np.ndarray
    g_ampa_nS: np.ndarray
    g_nmda_nS: np.ndarray  # effective NMDA conductance g_NMDA_max * s * B(V)
    g_gaba_nS: np.ndarray
    nmda_open_fraction: np.ndarray  # s
    spike_times_ms: np.ndarray
    params: NeuronParams
    dt_ms: float
    i_ext_pA: float

    @property
    def duration_ms(self) -> float:
        return float(self.t_ms[-1])

    @property
    def firing_rate_hz(self) -> float:
        return 1000.0 * self.spike_times_ms.size / self.duration_ms if self.duration_ms > 0 else 0.0


def mg_block(v_mV, mg_mM: float = 1.0):
    """Fraction of NMDA channels not blocked by Mg2+ at membrane potential ``v_mV`` (Jahr & Stevens 1990)."""
    return 1.0 / (1.0 + (mg_mM / MG_BLOCK_K_mM) * np.exp(-MG_BLOCK_SLOPE_PER_mV * np.asarray(v_mV, dtype=float)))


def _check_run_args(duration_ms: float, dt_ms: float, i_ext_pA: float) -> None:
    for name, value in (("duration_ms", duration_ms), ("dt_ms", dt_ms), ("i_ext_pA", i_ext_pA)):
        if not isinstance(value, (int, float, np.floating, np.integer)) or not math.isfinite(value):
            raise ValueError(f"{name} must be a finite number, got {value!r}")
    if dt_ms <= 0:
        raise ValueError(f"the time step dt_ms must be greater than zero, got {dt_ms!r}")
    if duration_ms <= 0:
        raise ValueError(f"duration_ms must be greater than zero, got {duration_ms!r}")
    if duration_ms / dt_ms > 50_000_000:
        raise ValueError("duration_ms / dt_ms asks for more than 50 million time steps; use a larger dt_ms")


def spike_counts_on_grid(times_ms: np.ndarray, weights: np.ndarray, n_samples: int, dt_ms: float) -> np.ndarray:
    """Sum of ``weights`` per grid sample (input spike at t acts at sample round(t / dt)).

    Spikes outside [0, (n_samples - 1) dt] are dropped.
    """
    idx = np.rint(np.asarray(times_ms, dtype=float) / dt_ms).astype(np.int64)
    keep = (idx >= 0) & (idx < n_samples)
    return np.bincount(idx[keep], weights=np.asarray(weights, dtype=float)[keep], minlength=n_samples)


MAX_CHUNK_DECAY = 600.0  # e-folds of decay per vectorised chunk: exp(600) is far from overflow


def affine_scan(a: np.ndarray, u: np.ndarray, y0: float = 0.0) -> np.ndarray:
    """Vectorised solution of ``y[0] = y0 + u[0]``, ``y[n] = a[n-1] y[n-1] + u[n]`` for 0 <= a <= 1, u >= 0.

    Closed form per chunk: ``y[n] = P[n] (y_start + sum_k u[k] / P[k])`` with P the running product of
    ``a`` (computed as a cumulative sum of logs).  Chunks end before the decay inside them exceeds
    MAX_CHUNK_DECAY e-folds, so ``1/P`` never overflows; a step whose factor underflows to 0 (complete
    decay) simply starts a new chunk.
    """
    a = np.asarray(a, dtype=float)
    u = np.asarray(u, dtype=float)
    n = u.size
    y = np.empty(n)
    if n == 0:
        return y
    with np.errstate(divide="ignore"):
        step_decay = np.minimum(-np.log(a), 2.0 * MAX_CHUNK_DECAY)  # a == 0 -> "decays completely"
    # b[n] multiplies y[n-1] on the way to y[n]; b[0] = 1 multiplies y0.  D = cumulative e-folds of decay.
    b_decay = np.concatenate(([0.0], step_decay))
    D = np.cumsum(b_decay)
    carry = y0
    start = 0
    while start < n:
        if b_decay[start] >= MAX_CHUNK_DECAY:
            carry = 0.0  # everything before has decayed away
            base = D[start]
        else:
            base = D[start] - b_decay[start]
        stop = int(np.searchsorted(D, base + MAX_CHUNK_DECAY, side="right"))
        stop = min(max(stop, start + 1), n)
        log_q = -(D[start:stop] - base)
        y_seg = np.exp(log_q) * (carry + np.cumsum(u[start:stop] * np.exp(-log_q)))
        y[start:stop] = y_seg
        carry = y_seg[-1]
        start = stop
    return y


def exponential_trace(jumps: np.ndarray, tau_ms: float, dt_ms: float) -> np.ndarray:
    """Exact samples of a trace that jumps by ``jumps[n]`` at sample n and decays with ``tau_ms``."""
    decay = np.full(max(jumps.size - 1, 0), math.exp(-dt_ms / tau_ms))
    return affine_scan(decay, jumps)


def nmda_open_fraction(x: np.ndarray, params: NeuronParams, dt_ms: float) -> np.ndarray:
    """s on the grid: exact exponential-Euler steps of ds/dt = -s/tau_d + alpha x (1 - s), x frozen per step."""
    rate = 1.0 / params.tau_nmda_decay_ms + params.nmda_alpha_per_ms * x[:-1]  # per ms
    a = np.exp(-rate * dt_ms)
    s_inf = params.nmda_alpha_per_ms * x[:-1] / rate
    u = np.zeros_like(x)
    u[1:] = s_inf * (1.0 - a)
    return affine_scan(a, u)


@dataclass(frozen=True)
class SynapticDrive:
    """The synaptic conductances of one cell on the time grid, which do not depend on V: AMPA and GABA-A
    (nS) and the fraction s of open NMDA gates (B(V) is applied by the integrator, step by step)."""

    g_ampa_nS: np.ndarray
    g_gaba_nS: np.ndarray
    nmda_open_fraction: np.ndarray

    def fixed_conductance_and_drive(self, params: NeuronParams, i_ext_pA: float) -> tuple[np.ndarray, np.ndarray]:
        """Per sample: the total conductance without NMDA (nS), and the matching drive
        g_L E_L + g_AMPA E_exc + g_GABA E_GABA + I_ext (pA), so that V relaxes towards drive / conductance."""
        g = params.g_L_nS + self.g_ampa_nS + self.g_gaba_nS
        drive = (
            params.g_L_nS * params.E_L_mV
            + self.g_ampa_nS * params.E_exc_mV
            + self.g_gaba_nS * params.E_gaba_mV
            + i_ext_pA
        )
        return g, drive


def synaptic_drive(
    params: NeuronParams, inp: SynapticInput, n_samples: int, dt_ms: float, *, with_nmda: bool = True
) -> SynapticDrive:
    """The conductances ``inp`` opens, on ``n_samples`` grid points: each input spike adds its weight to
    g_AMPA or g_GABA (and 1 to the NMDA rise variable x), which then decay exponentially (module docstring).
    The one place both :func:`simulate_neuron` and :func:`simulate_batch` turn input spikes into conductances.
    ``with_nmda=False`` skips the NMDA gates (s = 0) for a caller that knows they stay shut."""
    glu_jumps = spike_counts_on_grid(inp.glutamate_times_ms, inp.glutamate_weights_nS, n_samples, dt_ms)
    gaba_jumps = spike_counts_on_grid(inp.gaba_times_ms, inp.gaba_weights_nS, n_samples, dt_ms)
    g_ampa = exponential_trace(glu_jumps, params.tau_ampa_ms, dt_ms)
    g_gaba = exponential_trace(gaba_jumps, params.tau_gaba_ms, dt_ms)
    if with_nmda:
        ones = np.ones(inp.glutamate_times_ms.size)
        x = exponential_trace(
            spike_counts_on_grid(inp.glutamate_times_ms, ones, n_samples, dt_ms), params.tau_nmda_rise_ms, dt_ms
        )
        s = nmda_open_fraction(x, params, dt_ms)
    else:
        s = np.zeros(n_samples)
    return SynapticDrive(g_ampa_nS=g_ampa, g_gaba_nS=g_gaba, nmda_open_fraction=s)


def simulate_neuron(
    params: NeuronParams,
    inp: SynapticInput,
    duration_ms: float = 1000.0,
    dt_ms: float = 0.1,
    i_ext_pA: float = 0.0,
) -> NeuronRun:
    """Simulate one neuron from V = E_L, all gates closed, for ``duration_ms``. Deterministic.

    Raises ``ValueError`` for impossible parameters (non-positive dt or duration, NaN, ...).
    """
    if not isinstance(params, NeuronParams):
        raise ValueError("params must be a NeuronParams")
    if not isinstance(inp, SynapticInput):
        raise ValueError("inp must be a SynapticInput")
    _check_run_args(duration_ms, dt_ms, i_ext_pA)
    n_steps = math.floor(duration_ms / dt_ms + 1e-9)
    n = n_steps + 1
    t_ms = np.arange(n) * dt_ms

    syn = synaptic_drive(params, inp, n, dt_ms)
    g_ampa, g_gaba, s = syn.g_ampa_nS, syn.g_gaba_nS, syn.nmda_open_fraction

    # Everything that does not depend on V, per sample, as Python floats for a fast scalar loop.
    g_fixed, drive_fixed = (a.tolist() for a in syn.fixed_conductance_and_drive(params, i_ext_pA))
    g_nmda_open = (params.g_nmda_max_nS * s).tolist()
    use_nmda = params.g_nmda_max_nS > 0 and bool(np.any(s > 0))

    c = params.c_pF
    e_exc = params.E_exc_mV
    v_th = params.V_th_mV
    v_reset = params.V_reset_mV
    mg_k = params.mg_mM / MG_BLOCK_K_mM
    slope = MG_BLOCK_SLOPE_PER_mV
    dt_over_c = dt_ms / c
    exp = math.exp
    ref_steps = max(round(params.t_ref_ms / dt_ms) - 1, 0)

    v = params.E_L_mV
    v_out = [v]
    refractory = 0
    spikes: list[int] = []
    for k in range(n_steps):
        if refractory > 0:
            refractory -= 1
            v = v_reset
        else:
            g = g_fixed[k]
            drive = drive_fixed[k]
            if use_nmda:
                g_n = g_nmda_open[k] / (1.0 + mg_k * exp(-slope * v))
                g += g_n
                drive += g_n * e_exc
            v_inf = drive / g
            v = v_inf + (v - v_inf) * exp(-g * dt_over_c)
            if v > v_th:
                spikes.append(k + 1)
                v = v_reset
                refractory = ref_steps
        v_out.append(v)

    v_mV = np.asarray(v_out)
    g_nmda = params.g_nmda_max_nS * s * mg_block(v_mV, params.mg_mM)
    return NeuronRun(
        t_ms=t_ms,
        v_mV=v_mV,
        g_ampa_nS=g_ampa,
        g_nmda_nS=g_nmda,
        g_gaba_nS=g_gaba,
        nmda_open_fraction=s,
        spike_times_ms=np.asarray(spikes, dtype=float) * dt_ms,
        params=params,
        dt_ms=float(dt_ms),
        i_ext_pA=float(i_ext_pA),
    )


# ---- many independent cells at once (the f-I curve, the rate map) ----


@dataclass(frozen=True)
class BatchRun:
    """Spikes of many independent cells simulated together (one entry per cell)."""

    spike_times_ms: tuple[np.ndarray, ...]
    duration_ms: float
    dt_ms: float

    @property
    def spike_counts(self) -> np.ndarray:
        return np.array([t.size for t in self.spike_times_ms], dtype=np.int64)

    @property
    def firing_rates_hz(self) -> np.ndarray:
        """Spikes per second over the whole run, per cell."""
        return 1000.0 * self.spike_counts / self.duration_ms


def _check_batch_args(params, inputs, i_ext_pA, duration_ms: float, dt_ms: float) -> np.ndarray:
    """Reject what simulate_batch cannot run; return one current (pA) per cell."""
    if not isinstance(params, NeuronParams):
        raise ValueError("params must be a NeuronParams")
    n_cells = len(inputs)
    currents = np.broadcast_to(np.asarray(i_ext_pA, dtype=float), (n_cells,)).copy()
    if n_cells == 0:
        raise ValueError("simulate_batch needs at least one cell (one SynapticInput)")
    if not np.all(np.isfinite(currents)):
        raise ValueError("i_ext_pA must be finite")
    if not (math.isfinite(dt_ms) and dt_ms > 0 and math.isfinite(duration_ms) and duration_ms > 0):
        raise ValueError("duration_ms and dt_ms must be finite and greater than zero")
    if not all(isinstance(inp, SynapticInput) for inp in inputs):
        raise ValueError("every input must be a SynapticInput")
    return currents


def simulate_batch(
    params: NeuronParams,
    inputs: Sequence[SynapticInput],
    i_ext_pA: Sequence[float] | float = 0.0,
    duration_ms: float = 1000.0,
    dt_ms: float = 0.1,
) -> BatchRun:
    """Simulate one independent copy of the cell per input (and current), vectorised across cells.

    The same exponential-Euler steps, in the same order and with the same arithmetic, as
    :func:`explainer.model.neuron.simulate_neuron` (tests compare the two cell by cell), so a batch of
    n cells costs one loop over time steps instead of n.
    """
    currents = _check_batch_args(params, inputs, i_ext_pA, duration_ms, dt_ms)
    n_cells = len(inputs)
    n_steps = math.floor(duration_ms / dt_ms + 1e-9)
    n = n_steps + 1

    g_fixed = np.empty((n, n_cells))
    drive_fixed = np.empty((n, n_cells))
    g_nmda_open = np.zeros((n, n_cells))
    for c, inp in enumerate(inputs):
        with_nmda = bool(inp.glutamate_times_ms.size) and params.g_nmda_max_nS > 0
        syn = synaptic_drive(params, inp, n, dt_ms, with_nmda=with_nmda)
        g_fixed[:, c], drive_fixed[:, c] = syn.fixed_conductance_and_drive(params, currents[c])
        if with_nmda:
            g_nmda_open[:, c] = params.g_nmda_max_nS * syn.nmda_open_fraction
    use_nmda = bool(np.any(g_nmda_open > 0))
    dt_over_c = dt_ms / params.c_pF
    mg_k = params.mg_mM / MG_BLOCK_K_mM
    slope = MG_BLOCK_SLOPE_PER_mV
    e_exc = params.E_exc_mV
    v_th = params.V_th_mV
    v_reset = params.V_reset_mV
    ref_steps = max(round(params.t_ref_ms / dt_ms) - 1, 0)
    if not use_nmda:  # nothing depends on V: the relaxation target and decay of every step, up front
        v_inf_fixed = drive_fixed / g_fixed
        decay_fixed = np.exp(-g_fixed * dt_over_c)

    v = np.full(n_cells, params.E_L_mV)
    held_until = np.zeros(n_cells, dtype=np.int64)  # a cell is refractory (held at V_reset) while k < this
    spike_steps: list[np.ndarray] = []
    spike_cells: list[np.ndarray] = []
    for k in range(n_steps):
        if use_nmda:
            g_n = g_nmda_open[k] / (1.0 + mg_k * np.exp(-slope * v))
            g = g_fixed[k] + g_n
            v_inf = (drive_fixed[k] + g_n * e_exc) / g
            v = v_inf + (v - v_inf) * np.exp(-g * dt_over_c)
        else:
            v_inf = v_inf_fixed[k]
            v = v_inf + (v - v_inf) * decay_fixed[k]
        np.copyto(v, v_reset, where=held_until > k)  # refractory cells stay at V_reset (and cannot fire)
        fired = v > v_th
        if fired.any():
            cells = np.flatnonzero(fired)
            spike_steps.append(np.full(cells.size, k + 1))
            spike_cells.append(cells)
            v[cells] = v_reset
            held_until[cells] = k + 1 + ref_steps
    steps = np.concatenate(spike_steps) if spike_steps else np.empty(0, dtype=np.int64)
    cells = np.concatenate(spike_cells) if spike_cells else np.empty(0, dtype=np.int64)
    times = tuple(steps[cells == c] * dt_ms for c in range(n_cells))
    return BatchRun(spike_times_ms=times, duration_ms=float(n_steps * dt_ms), dt_ms=float(dt_ms))
