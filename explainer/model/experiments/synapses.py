"""Synapses (lesson 2): postsynaptic potentials, AMPA and NMDA, the Mg2+ block, summation.

A postsynaptic potential (PSP) is measured from a steady potential V_hold.  A holding current
``I = g_L (V_hold - E_L)`` through an electrode is exactly equivalent to moving E_L to V_hold
(``g_L (E_L - V) + I = g_L (V_hold - V)``), so :func:`psp_experiment` simulates it that way and the cell
starts at V_hold.  To hold a cell above threshold (the Mg2+ block at -40 mV), spiking is switched off by
moving the threshold out of reach, as experimenters block spikes to see synaptic potentials alone.  The
NMDA conductance is ``g_NMDA_max s B(V)`` with the Mg2+ block
``B(V) = 1 / (1 + [Mg2+]/3.57 mM exp(-0.062 V/mV))`` (Jahr & Stevens 1990).  Lesson 3's IPSPs use the
same :func:`psp_experiment`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

import numpy as np

from explainer.model.experiments.common import DEFAULT_PARAMS, DT_ms, SPIKING_OFF_V_th_mV, first_true
from explainer.model.neuron import (
    NeuronParams,
    NeuronRun,
    SynapticInput,
    mg_block,
    simulate_neuron,
)


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
    def peak_time_ms(self) -> float:
        """When the peak comes, after the input."""
        return float(self.t_rel_ms[np.argmax(np.abs(self.dv_mV))])

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


SUMMATION_SYNAPSES = 15  # lesson 2's standard volleys: 15 synapses, 4 times, 5 ms apart
SUMMATION_VOLLEYS = 4
SUMMATION_INTERVAL_ms = 5.0
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
    return first_true(fires, 0, max_synapses)  # 0 synapses do not fire it, max_synapses do


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

    # closer volleys never sum to less, so the first gap that fails lies one past the answer
    def fails(gap: int) -> bool:
        return not summation(params, n_synapses=n_synapses, n_volleys=n_volleys, interval_ms=float(gap)).fired

    return first_true(fails, lo, hi) - 1
