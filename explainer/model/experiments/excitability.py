"""Excitability (lesson 1): threshold, rheobase and the f-I curve of the single-cell model.

Under a constant current I the membrane relaxes towards ``V_inf = E_L + I / g_L``; the cell fires only if
V_inf > V_th, i.e. above the rheobase ``I_rh = g_L (V_th - E_L)``, and then at the rate (Gerstner et al.
2014, Neuronal Dynamics, ch. 1.3)::

    rate = 1 / (t_ref + tau_m ln((V_inf - V_reset) / (V_inf - V_th)))

which saturates at 1 / t_ref.  :func:`fi_curve` measures the model's rate from its interspike intervals,
vectorised across currents by :func:`explainer.model.neuron.simulate_batch`.  NumPy only, pure functions,
frozen dataclasses, units in names.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from explainer.model.experiments.common import DEFAULT_PARAMS, DT_ms, first_true
from explainer.model.neuron import (
    NeuronParams,
    NeuronRun,
    SynapticInput,
    simulate_batch,
    simulate_neuron,
)
from explainer.model.spikes import steady_rate_hz


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


# Examples lesson 1's text quotes, and the current slider's step (the answer to "where does it first fire?").
SUBTHRESHOLD_EXAMPLE_pA = 190.0
DOUBLING_FROM_pA = 500.0
DOUBLING_TO_pA = 1000.0
CURRENT_SLIDER_STEP_pA = 10
DEFAULT_CURRENT_pA = 300  # lesson 1 opens here (and its worksheet shows this current)


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
# ~86 ms, and at ~48 and ~94 ms even with a 10 ms refractory period); tests check every grid current against
# the exact interval.
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
    return first_true(fires, lo, hi) * step_pA
