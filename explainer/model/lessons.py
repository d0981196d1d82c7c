"""The experiments the lessons run on the single-cell model: f-I curves, PSPs, shunting, rate maps.

Everything here drives the model of :mod:`explainer.model.neuron` (a conductance-based leaky
integrate-and-fire neuron; Brunel & Wang 2001, Wang 2002); nothing is drawn by hand.  NumPy only, pure
functions, frozen dataclasses, units in names.

Lesson 1 (meet the neuron).  Under a constant current I the membrane relaxes towards
``V_inf = E_L + I / g_L``; the cell fires only if V_inf > V_th, i.e. above the rheobase
``I_rh = g_L (V_th - E_L)``, and then at the rate (Gerstner et al. 2014, Neuronal Dynamics, ch. 1.3)::

    rate = 1 / (t_ref + tau_m ln((V_inf - V_reset) / (V_inf - V_th)))

which saturates at 1 / t_ref.  :func:`fi_curve` measures the model's rate from its interspike
intervals, vectorised across currents by :func:`simulate_batch`.

Lesson 2 (glutamate).  A postsynaptic potential (PSP) is measured from a steady potential V_hold.  A
holding current ``I = g_L (V_hold - E_L)`` through an electrode is exactly equivalent to moving E_L to
V_hold (``g_L (E_L - V) + I = g_L (V_hold - V)``), so :func:`psp_experiment` simulates it that way and
the cell starts at V_hold.  To hold a cell above threshold (the Mg2+ block at -40 mV), spiking is
switched off by moving the threshold out of reach, as experimenters block spikes to see synaptic
potentials alone.  The NMDA conductance is ``g_NMDA_max s B(V)`` with the Mg2+ block
``B(V) = 1 / (1 + [Mg2+]/3.57 mM exp(-0.062 V/mV))`` (Jahr & Stevens 1990).

Lesson 3 (GABA).  With steady conductances the membrane settles at the weighted mean of the reversal
potentials ``V_inf = (g_L E_L + g_E E_exc + g_I E_GABA) / (g_L + g_E + g_I)``.  With E_GABA = E_L,
GABA alone moves a resting cell by exactly 0 mV, yet it adds to the total conductance, pulls V_inf
towards E_GABA and shortens the membrane time constant C / g_total: shunting inhibition (Staley & Mody
1992).  Steady conductances are made by input spikes on every time step (:func:`tonic_spikes`).

Lesson 4 (tug of war).  :func:`rate_map` simulates the playground neuron over a grid of input rates,
all cells at once; :func:`isi_cv` measures irregularity, the coefficient of variation of the
interspike intervals (0 for a metronome, 1 for a Poisson process).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from explainer.model.neuron import (
    MG_BLOCK_K_mM,
    MG_BLOCK_SLOPE_PER_mV,
    NeuronParams,
    NeuronRun,
    SynapticInput,
    exponential_trace,
    mg_block,
    nmda_open_fraction,
    simulate_neuron,
    spike_counts_on_grid,
)
from explainer.model.scenarios import TugOfWarSettings, tug_of_war_input

DT_ms = 0.1
SPIKING_OFF_V_th_mV = 1.0e6  # a threshold no membrane potential reaches: spiking switched off
DEFAULT_PARAMS = NeuronParams()
DEFAULT_SETTINGS = TugOfWarSettings()


# ---------------------------------------------------------------------------------------------------
# Many cells at once
# ---------------------------------------------------------------------------------------------------


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


def simulate_batch(
    params: NeuronParams,
    inputs: Sequence[SynapticInput],
    i_ext_pA: Sequence[float] | float = 0.0,
    duration_ms: float = 1000.0,
    dt_ms: float = DT_ms,
) -> BatchRun:
    """Simulate one independent copy of the cell per input (and current), vectorised across cells.

    The same exponential-Euler steps, in the same order and with the same arithmetic, as
    :func:`explainer.model.neuron.simulate_neuron` (tests compare the two cell by cell), so a batch of
    n cells costs one loop over time steps instead of n.
    """
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
    n_steps = math.floor(duration_ms / dt_ms + 1e-9)
    n = n_steps + 1

    g_fixed = np.empty((n, n_cells))
    drive_fixed = np.empty((n, n_cells))
    g_nmda_open = np.zeros((n, n_cells))
    for c, inp in enumerate(inputs):
        if not isinstance(inp, SynapticInput):
            raise ValueError("every input must be a SynapticInput")
        glu_jumps = spike_counts_on_grid(inp.glutamate_times_ms, inp.glutamate_weights_nS, n, dt_ms)
        gaba_jumps = spike_counts_on_grid(inp.gaba_times_ms, inp.gaba_weights_nS, n, dt_ms)
        g_ampa = exponential_trace(glu_jumps, params.tau_ampa_ms, dt_ms)
        g_gaba = exponential_trace(gaba_jumps, params.tau_gaba_ms, dt_ms)
        g_fixed[:, c] = params.g_L_nS + g_ampa + g_gaba
        drive_fixed[:, c] = (
            params.g_L_nS * params.E_L_mV + g_ampa * params.E_exc_mV + g_gaba * params.E_gaba_mV + currents[c]
        )
        if inp.glutamate_times_ms.size and params.g_nmda_max_nS > 0:
            glu_counts = spike_counts_on_grid(inp.glutamate_times_ms, np.ones(inp.glutamate_times_ms.size), n, dt_ms)
            x = exponential_trace(glu_counts, params.tau_nmda_rise_ms, dt_ms)
            g_nmda_open[:, c] = params.g_nmda_max_nS * nmda_open_fraction(x, params, dt_ms)
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


# ---------------------------------------------------------------------------------------------------
# Lesson 1: the f-I curve
# ---------------------------------------------------------------------------------------------------


def analytic_lif_rate_hz(params: NeuronParams, i_ext_pA) -> np.ndarray:
    """LIF rate under constant current: 1 / (t_ref + tau ln((V_inf - V_reset)/(V_inf - V_th))), 0 below rheobase."""
    i = np.asarray(i_ext_pA, dtype=float)
    v_inf = params.E_L_mV + i / params.g_L_nS
    above = v_inf > params.V_th_mV
    out = np.zeros(i.shape)
    vi = v_inf[above]
    period_ms = params.t_ref_ms + params.tau_m_ms * np.log((vi - params.V_reset_mV) / (vi - params.V_th_mV))
    out[above] = 1000.0 / period_ms
    return out


@dataclass(frozen=True)
class FICurve:
    """Firing rate against injected current: the model's (measured) and the analytic LIF formula's."""

    currents_pA: np.ndarray
    model_rate_hz: np.ndarray  # steady rate of the simulated cell (1000 / mean interspike interval)
    analytic_currents_pA: np.ndarray  # a fine grid for the smooth analytic curve
    analytic_rate_hz: np.ndarray
    rheobase_pA: float
    max_rate_hz: float  # 1 / t_ref, the ceiling set by the refractory period (inf if t_ref = 0)


FI_CURRENTS_pA = np.arange(0.0, 1000.0 + 1e-9, 20.0)
# Under a constant current every interspike interval is the same, so two spikes give the exact steady rate.
# 200 ms holds two spikes at every grid current above the rheobase (the slowest, 220 pA, fires at ~48 and
# ~86 ms even with a 10 ms refractory period); tests check every grid current against the exact interval.
FI_DURATION_ms = 200.0


def fi_curve(
    params: NeuronParams,
    currents_pA: np.ndarray = FI_CURRENTS_pA,
    duration_ms: float = FI_DURATION_ms,
    dt_ms: float = DT_ms,
) -> FICurve:
    """Simulate the cell at each current (all at once) and measure its steady firing rate."""
    currents = np.asarray(currents_pA, dtype=float)
    batch = simulate_batch(params, [SynapticInput.empty()] * currents.size, currents, duration_ms, dt_ms)
    rates = np.array([steady_rate_hz(t) for t in batch.spike_times_ms])
    fine = np.linspace(float(currents.min()), float(currents.max()), 801)
    fine = np.union1d(fine, [params.rheobase_pA])
    return FICurve(
        currents_pA=currents,
        model_rate_hz=rates,
        analytic_currents_pA=fine,
        analytic_rate_hz=analytic_lif_rate_hz(params, fine),
        rheobase_pA=params.rheobase_pA,
        max_rate_hz=1000.0 / params.t_ref_ms if params.t_ref_ms > 0 else math.inf,
    )


def current_step_run(params: NeuronParams, i_ext_pA: float, duration_ms: float = 300.0) -> NeuronRun:
    """The cell from rest with a constant current switched on at t = 0 and no synaptic input."""
    return simulate_neuron(params, SynapticInput.empty(), duration_ms=duration_ms, dt_ms=DT_ms, i_ext_pA=i_ext_pA)


# ---------------------------------------------------------------------------------------------------
# Lessons 2 and 3: postsynaptic potentials
# ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PSPResult:
    """The response to synaptic input arriving at ``input_time_ms`` in a cell held at ``hold_mV``."""

    run: NeuronRun
    hold_mV: float
    input_time_ms: float

    @property
    def dv_mV(self) -> np.ndarray:
        """V minus the holding potential."""
        return self.run.v_mV - self.hold_mV

    @property
    def peak_mV(self) -> float:
        """The largest deviation from the holding potential, with its sign (+ depolarising)."""
        dv = self.dv_mV
        return float(dv[np.argmax(np.abs(dv))])

    @property
    def t_rel_ms(self) -> np.ndarray:
        """Time relative to the input."""
        return self.run.t_ms - self.input_time_ms


PSP_INPUT_TIME_ms = 10.0
PSP_DURATION_ms = 300.0


def held_params(params: NeuronParams, hold_mV: float, spiking: bool = True) -> NeuronParams:
    """The cell held at ``hold_mV`` by a steady current (simulated as E_L moved to hold_mV; see module doc).

    ``spiking=False`` moves the threshold out of reach, so that only synaptic potentials are seen.
    """
    if not math.isfinite(hold_mV):
        raise ValueError(f"hold_mV must be a finite number, got {hold_mV!r}")
    if spiking and hold_mV >= params.V_th_mV:
        raise ValueError(
            f"a cell held at {hold_mV} mV, at or above threshold ({params.V_th_mV} mV), would fire; use spiking=False"
        )
    new = replace(params, E_L_mV=float(hold_mV))
    if not spiking:
        new = replace(new, V_th_mV=SPIKING_OFF_V_th_mV)
    return new


def psp_experiment(
    params: NeuronParams,
    *,
    hold_mV: float | None = None,
    glutamate_weight_nS: float = 0.0,
    n_glutamate: int = 0,
    gaba_weight_nS: float = 0.0,
    n_gaba: int = 0,
    spiking: bool = False,
    duration_ms: float = PSP_DURATION_ms,
    input_time_ms: float = PSP_INPUT_TIME_ms,
) -> PSPResult:
    """One volley of input spikes (n glutamate and/or n GABA, all at ``input_time_ms``) onto a held cell.

    ``hold_mV`` None holds the cell at rest (E_L).  A glutamate spike with weight 0 opens NMDA gates only
    (it still binds NMDA receptors: x += 1); ``params.g_nmda_max_nS = 0`` leaves AMPA only.
    """
    hold = params.E_L_mV if hold_mV is None else float(hold_mV)
    p = held_params(params, hold, spiking=spiking)
    glu_t = np.full(int(n_glutamate), float(input_time_ms))
    gaba_t = np.full(int(n_gaba), float(input_time_ms))
    inp = SynapticInput(
        glu_t, np.full(glu_t.size, float(glutamate_weight_nS)), gaba_t, np.full(gaba_t.size, gaba_weight_nS)
    )
    run = simulate_neuron(p, inp, duration_ms=duration_ms, dt_ms=DT_ms)
    return PSPResult(run=run, hold_mV=hold, input_time_ms=float(input_time_ms))


@dataclass(frozen=True)
class SingleEPSP:
    """One glutamate spike at rest, split into its AMPA and NMDA parts (each simulated alone)."""

    both: PSPResult
    ampa_only: PSPResult
    nmda_only: PSPResult


SINGLE_GLUTAMATE_WEIGHT_nS = 1.0


def single_epsp(params: NeuronParams = DEFAULT_PARAMS, weight_nS: float = SINGLE_GLUTAMATE_WEIGHT_nS) -> SingleEPSP:
    """AMPA (fast) and NMDA (slow) responses to one glutamate spike in a resting cell."""
    return SingleEPSP(
        both=psp_experiment(params, glutamate_weight_nS=weight_nS, n_glutamate=1),
        ampa_only=psp_experiment(replace(params, g_nmda_max_nS=0.0), glutamate_weight_nS=weight_nS, n_glutamate=1),
        nmda_only=psp_experiment(params, glutamate_weight_nS=0.0, n_glutamate=1),
    )


def decay_time_ms(result: PSPResult, fraction: float = 0.1) -> float:
    """Time from the input until the PSP has fallen back below ``fraction`` of its peak for good."""
    dv = np.abs(result.dv_mV)
    peak = float(dv.max())
    if peak == 0:
        return 0.0
    above = np.flatnonzero(dv >= fraction * peak)
    return float(result.run.t_ms[above[-1]] - result.input_time_ms)


@dataclass(frozen=True)
class NMDACoincidence:
    """The same NMDA input at rest and in a depolarised cell (spiking off), with the Mg2+ block."""

    at_rest: PSPResult
    depolarised: PSPResult
    block_at_rest: float  # B(V): fraction of NMDA channels free of Mg2+
    block_depolarised: float

    @property
    def ratio(self) -> float:
        return self.depolarised.peak_mV / self.at_rest.peak_mV if self.at_rest.peak_mV else math.inf


NMDA_HOLD_DEFAULT_mV = -40.0


def nmda_coincidence(params: NeuronParams = DEFAULT_PARAMS, hold_mV: float = NMDA_HOLD_DEFAULT_mV) -> NMDACoincidence:
    """One glutamate spike acting on NMDA receptors only (AMPA weight 0), at rest and at ``hold_mV``."""
    rest = psp_experiment(params, glutamate_weight_nS=0.0, n_glutamate=1)
    depol = psp_experiment(params, hold_mV=hold_mV, glutamate_weight_nS=0.0, n_glutamate=1)
    return NMDACoincidence(
        at_rest=rest,
        depolarised=depol,
        block_at_rest=float(mg_block(params.E_L_mV, params.mg_mM)),
        block_depolarised=float(mg_block(hold_mV, params.mg_mM)),
    )


@dataclass(frozen=True)
class Summation:
    """Volleys of glutamate spikes: ``n_synapses`` together (spatial), ``n_volleys`` in a row (temporal)."""

    run: NeuronRun
    volley_times_ms: np.ndarray
    n_synapses: int

    @property
    def fired(self) -> bool:
        return self.run.spike_times_ms.size > 0

    @property
    def peak_mV(self) -> float:
        """Highest V reached (the threshold, if the cell fired)."""
        return float(self.run.v_mV.max()) if not self.fired else self.run.params.V_th_mV


SUMMATION_VOLLEYS = 4
SUMMATION_FIRST_ms = 20.0
SUMMATION_DURATION_ms = 250.0


def summation(
    params: NeuronParams = DEFAULT_PARAMS,
    n_synapses: int = 10,
    interval_ms: float = 5.0,
    weight_nS: float = SINGLE_GLUTAMATE_WEIGHT_nS,
    n_volleys: int = SUMMATION_VOLLEYS,
) -> Summation:
    """``n_volleys`` volleys, ``interval_ms`` apart, each of ``n_synapses`` glutamate spikes at once."""
    volleys = SUMMATION_FIRST_ms + float(interval_ms) * np.arange(int(n_volleys))
    times = np.repeat(volleys, int(n_synapses))
    inp = SynapticInput(times, np.full(times.size, float(weight_nS)), np.empty(0), np.empty(0))
    run = simulate_neuron(params, inp, duration_ms=SUMMATION_DURATION_ms, dt_ms=DT_ms)
    return Summation(run=run, volley_times_ms=volleys, n_synapses=int(n_synapses))


def synapses_to_fire(
    params: NeuronParams = DEFAULT_PARAMS, weight_nS: float = SINGLE_GLUTAMATE_WEIGHT_nS, max_synapses: int = 500
) -> int:
    """The fewest glutamate synapses that, all active at once (one volley), make the resting cell fire.

    Found by bisection (more synapses at once never fire the cell less); 0 if even ``max_synapses`` fail.
    """

    def fires(n: int) -> bool:
        return summation(params, n_synapses=n, weight_nS=weight_nS, n_volleys=1).fired

    if not fires(max_synapses):
        return 0
    lo, hi = 0, max_synapses  # lo does not fire, hi fires
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if fires(mid):
            hi = mid
        else:
            lo = mid
    return hi


# ---------------------------------------------------------------------------------------------------
# Lesson 3: GABA, reversal potential and shunting
# ---------------------------------------------------------------------------------------------------


def tonic_spikes(g_nS: float, tau_ms: float, t_on_ms: float, t_off_ms: float, dt_ms: float = DT_ms):
    """Input spikes that hold a conductance at exactly ``g_nS`` from t_on to t_off (then it decays).

    One spike of weight g at t_on, then one on every later time step that adds back what decayed in a
    step, g (1 - exp(-dt / tau)).  Returns (times_ms, weights_nS).
    """
    if g_nS <= 0 or t_off_ms <= t_on_ms:
        return np.empty(0), np.empty(0)
    k0 = round(t_on_ms / dt_ms)
    k1 = round(t_off_ms / dt_ms)
    times = np.arange(k0, k1) * dt_ms
    weights = np.full(times.size, g_nS * (1.0 - math.exp(-dt_ms / tau_ms)))
    weights[0] = g_nS
    return times, weights


SHUNT_EXC_nS = 10.0  # steady glutamate (AMPA) conductance that drives the cell to fire
SHUNT_GABA_nS = 10.0
SHUNT_GABA_ON_ms = 150.0
SHUNT_GABA_OFF_ms = 450.0
SHUNT_DURATION_ms = 600.0
STEADY_DURATION_ms = 1000.0


@dataclass(frozen=True)
class ShuntingExperiment:
    """GABA switched on for a while, in a resting cell and in a cell driven by steady glutamate.

    NMDA is left out here (``g_nmda_max_nS = 0``): the steady glutamate conductance is AMPA-like.
    """

    at_rest: NeuronRun  # GABA only
    driven: NeuronRun  # steady glutamate throughout, GABA added from gaba_on to gaba_off
    gaba_on_ms: float
    gaba_off_ms: float
    dv_at_rest_mV: float  # how far GABA alone moves the resting cell (steady state)
    rate_without_gaba_hz: float  # steady firing rate with glutamate alone
    rate_with_gaba_hz: float  # steady firing rate with glutamate and GABA

    @property
    def rate_change_hz(self) -> float:
        return self.rate_with_gaba_hz - self.rate_without_gaba_hz


def _steady_rate(params: NeuronParams, g_exc_nS: float, g_gaba_nS: float) -> float:
    glu_t, glu_w = tonic_spikes(g_exc_nS, params.tau_ampa_ms, 0.0, STEADY_DURATION_ms + DT_ms)
    gaba_t, gaba_w = tonic_spikes(g_gaba_nS, params.tau_gaba_ms, 0.0, STEADY_DURATION_ms + DT_ms)
    run = simulate_neuron(params, SynapticInput(glu_t, glu_w, gaba_t, gaba_w), STEADY_DURATION_ms, DT_ms)
    return steady_rate_hz(run.spike_times_ms)


def shunting_experiment(
    params: NeuronParams = DEFAULT_PARAMS,
    g_gaba_nS: float = SHUNT_GABA_nS,
    g_exc_nS: float = SHUNT_EXC_nS,
) -> ShuntingExperiment:
    """GABA (steady ``g_gaba_nS`` at ``params.E_gaba_mV``) on from 150 to 450 ms; see the class."""
    p = replace(params, g_nmda_max_nS=0.0)
    gaba_t, gaba_w = tonic_spikes(g_gaba_nS, p.tau_gaba_ms, SHUNT_GABA_ON_ms, SHUNT_GABA_OFF_ms)
    glu_t, glu_w = tonic_spikes(g_exc_nS, p.tau_ampa_ms, 0.0, SHUNT_DURATION_ms + DT_ms)
    rest = simulate_neuron(p, SynapticInput(np.empty(0), np.empty(0), gaba_t, gaba_w), SHUNT_DURATION_ms, DT_ms)
    driven = simulate_neuron(p, SynapticInput(glu_t, glu_w, gaba_t, gaba_w), SHUNT_DURATION_ms, DT_ms)
    end_of_gaba = round(SHUNT_GABA_OFF_ms / DT_ms)
    return ShuntingExperiment(
        at_rest=rest,
        driven=driven,
        gaba_on_ms=SHUNT_GABA_ON_ms,
        gaba_off_ms=SHUNT_GABA_OFF_ms,
        dv_at_rest_mV=float(rest.v_mV[end_of_gaba] - p.E_L_mV),
        rate_without_gaba_hz=_steady_rate(p, g_exc_nS, 0.0),
        rate_with_gaba_hz=_steady_rate(p, g_exc_nS, g_gaba_nS),
    )


@dataclass(frozen=True)
class SingleIPSP:
    """One GABA volley in a resting cell and in a cell held depolarised (below threshold)."""

    at_rest: PSPResult
    depolarised: PSPResult


IPSP_GABA_SYNAPSES = 10  # ten GABA synapses firing together, 1 nS each (the playground's default strength)
IPSP_GABA_WEIGHT_nS = 1.0
IPSP_HOLD_mV = -55.0


def single_ipsp(
    params: NeuronParams = DEFAULT_PARAMS,
    n_synapses: int = IPSP_GABA_SYNAPSES,
    weight_nS: float = IPSP_GABA_WEIGHT_nS,
    hold_mV: float = IPSP_HOLD_mV,
) -> SingleIPSP:
    """The same GABA volley from rest and from ``hold_mV``: V moves towards E_GABA from either side."""
    kwargs = {"gaba_weight_nS": weight_nS, "n_gaba": n_synapses, "spiking": True}
    return SingleIPSP(
        at_rest=psp_experiment(params, **kwargs),
        depolarised=psp_experiment(params, hold_mV=hold_mV, **kwargs),
    )


# ---------------------------------------------------------------------------------------------------
# Lesson 4: the tug of war over a grid of input rates, and irregular firing
# ---------------------------------------------------------------------------------------------------

RATE_MAP_RATES_HZ = np.linspace(0.0, 6000.0, 9)
RATE_MAP_DURATION_ms = 500.0


@dataclass(frozen=True)
class RateMap:
    """Output firing rate (spikes/s) of the playground neuron over glutamate x GABA input rates."""

    glutamate_rates_hz: np.ndarray  # columns
    gaba_rates_hz: np.ndarray  # rows
    rate_hz: np.ndarray  # shape (gaba, glutamate)
    duration_ms: float


def rate_map(
    settings: TugOfWarSettings = DEFAULT_SETTINGS,
    glutamate_rates_hz: np.ndarray = RATE_MAP_RATES_HZ,
    gaba_rates_hz: np.ndarray = RATE_MAP_RATES_HZ,
    duration_ms: float = RATE_MAP_DURATION_ms,
) -> RateMap:
    """The playground's neuron (weights, E_GABA, NMDA, Mg2+ and seed from ``settings``) at every rate pair.

    Every cell uses the same random seed, so neighbouring cells differ by their rates, not their luck.
    """
    glu = np.asarray(glutamate_rates_hz, dtype=float)
    gaba = np.asarray(gaba_rates_hz, dtype=float)
    cells = [
        replace(settings, glutamate_rate_hz=float(ge), gaba_rate_hz=float(gi), duration_ms=duration_ms)
        for gi in gaba
        for ge in glu
    ]
    batch = simulate_batch(
        settings.neuron_params(), [tug_of_war_input(c) for c in cells], 0.0, duration_ms, settings.dt_ms
    )
    return RateMap(
        glutamate_rates_hz=glu,
        gaba_rates_hz=gaba,
        rate_hz=batch.firing_rates_hz.reshape(gaba.size, glu.size),
        duration_ms=batch.duration_ms,
    )


REGULARITY_DURATION_ms = 3000.0
# Excitation alone, tuned to fire at about the balanced case's rate (tests keep the two rates close).  Both use
# the playground's default strengths (1 nS per spike), so they are points of the lesson's rate map.
EXCITATION_ONLY = TugOfWarSettings(glutamate_rate_hz=1850.0, gaba_rate_hz=0.0, duration_ms=REGULARITY_DURATION_ms)
BALANCED = TugOfWarSettings(glutamate_rate_hz=6000.0, gaba_rate_hz=5250.0, duration_ms=REGULARITY_DURATION_ms)


@dataclass(frozen=True)
class Regularity:
    """Two cells firing at similar rates: one driven by excitation alone, one by strong, balanced E and I."""

    excitation_only: NeuronRun
    balanced: NeuronRun

    @property
    def cv_excitation_only(self) -> float:
        return isi_cv(self.excitation_only.spike_times_ms)

    @property
    def cv_balanced(self) -> float:
        return isi_cv(self.balanced.spike_times_ms)


def steady_level(run: NeuronRun, start_ms: float = 100.0) -> tuple[float, float]:
    """(V_inf in mV, tau_eff in ms) from the run's mean conductances after ``start_ms``.

    V_inf = (g_L E_L + g_E E_exc + g_GABA E_GABA) / (g_L + g_E + g_GABA) is where V would settle if every
    conductance stayed at its mean, and tau_eff = C / (g_L + g_E + g_GABA) how fast the membrane follows
    its input (Kuhn, Aertsen & Rotter 2004: high-conductance states make the membrane fast).
    """
    p = run.params
    keep = run.t_ms >= start_ms
    g_e = float((run.g_ampa_nS + run.g_nmda_nS)[keep].mean())
    g_i = float(run.g_gaba_nS[keep].mean())
    total = p.g_L_nS + g_e + g_i
    return (p.g_L_nS * p.E_L_mV + g_e * p.E_exc_mV + g_i * p.E_gaba_mV) / total, p.c_pF / total


def regularity_comparison(
    excitation_only: TugOfWarSettings = EXCITATION_ONLY, balanced: TugOfWarSettings = BALANCED
) -> Regularity:
    """Simulate both cells (3 s each, so the interval statistics are meaningful)."""

    def run(s: TugOfWarSettings) -> NeuronRun:
        return simulate_neuron(s.neuron_params(), tug_of_war_input(s), duration_ms=s.duration_ms, dt_ms=s.dt_ms)

    return Regularity(excitation_only=run(excitation_only), balanced=run(balanced))


# ---------------------------------------------------------------------------------------------------
# Answers to the lessons' "try this" prompts (quoted in the educator guide)
# ---------------------------------------------------------------------------------------------------


def first_firing_current_pA(params: NeuronParams = DEFAULT_PARAMS, step_pA: float = 10.0, max_pA: float = 1000.0):
    """The smallest current on a slider grid (0, step, 2 step, ...) at which the cell fires within 1 s.

    Found by bisection over the grid (a larger current never fires the cell less); NaN if none does.
    """

    def fires(k: int) -> bool:
        return current_step_run(params, k * step_pA, duration_ms=1000.0).spike_times_ms.size > 0

    lo, hi = 0, round(max_pA / step_pA)
    if fires(lo):
        return 0.0
    if not fires(hi):
        return math.nan
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if fires(mid):
            hi = mid
        else:
            lo = mid
    return hi * step_pA


HOLDS_mV = np.arange(-80.0, -19.0, 5.0)  # the lesson's holding-potential slider, -80 to -20 mV in 5 mV steps


def nmda_epsp_by_hold(params: NeuronParams = DEFAULT_PARAMS, holds_mV: np.ndarray = HOLDS_mV):
    """(holds, NMDA EPSP peaks): the same NMDA-only input at each holding potential, spiking off."""
    holds = np.asarray(holds_mV, dtype=float)
    peaks = np.array([psp_experiment(params, hold_mV=h, glutamate_weight_nS=0.0, n_glutamate=1).peak_mV for h in holds])
    return holds, peaks


def longest_summing_gap_ms(
    params: NeuronParams = DEFAULT_PARAMS, n_synapses: int = 15, n_volleys: int = SUMMATION_VOLLEYS, max_ms: int = 50
) -> int:
    """The longest whole-ms gap between volleys at which they still sum to a spike (0 if none does)."""
    hi = max_ms + 1
    if not summation(params, n_synapses=n_synapses, n_volleys=n_volleys, interval_ms=1.0).fired:
        return 0
    lo = 1
    if summation(params, n_synapses=n_synapses, n_volleys=n_volleys, interval_ms=float(max_ms)).fired:
        return max_ms
    while hi - lo > 1:  # closer volleys never sum to less, so bisection finds the border
        mid = (lo + hi) // 2
        if summation(params, n_synapses=n_synapses, n_volleys=n_volleys, interval_ms=float(mid)).fired:
            lo = mid
        else:
            hi = mid
    return lo


def neutral_e_gaba_mV(
    params: NeuronParams = DEFAULT_PARAMS, g_gaba_nS: float = SHUNT_GABA_nS, g_exc_nS: float = SHUNT_EXC_nS
) -> int:
    """The lowest whole-mV E_GABA at which steady GABA no longer lowers the driven cell's steady rate."""
    p = replace(params, g_nmda_max_nS=0.0)
    without = _steady_rate(p, g_exc_nS, 0.0)

    def lowers(e: int) -> bool:
        return _steady_rate(replace(p, E_gaba_mV=float(e)), g_exc_nS, g_gaba_nS) < without

    lo, hi = round(params.E_L_mV) - 30, 0  # lowers at lo, not at hi (0 mV: GABA excites like glutamate)
    while hi - lo > 1:  # a higher E_GABA never lowers the rate more
        mid = (lo + hi) // 2
        if lowers(mid):
            lo = mid
        else:
            hi = mid
    return hi


def silencing_gaba_nS(params: NeuronParams = DEFAULT_PARAMS, g_exc_nS: float = SHUNT_EXC_nS, max_nS: int = 100) -> int:
    """The smallest whole-nS steady GABA conductance that silences the driven cell (0 if none up to max)."""
    p = replace(params, g_nmda_max_nS=0.0)
    if _steady_rate(p, g_exc_nS, float(max_nS)) > 0:
        return 0
    lo, hi = 0, max_nS  # fires at lo, silent at hi
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if _steady_rate(p, g_exc_nS, float(mid)) > 0:
            lo = mid
        else:
            hi = mid
    return hi
