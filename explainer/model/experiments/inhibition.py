"""Inhibition (lesson 3): GABA, its reversal potential, where that comes from (the chloride gradient), and
shunting.

With steady conductances the membrane settles at the weighted mean of the reversal potentials
``V_inf = (g_L E_L + g_E E_exc + g_I E_GABA) / (g_L + g_E + g_I)``.  With E_GABA = E_L, GABA alone moves
a resting cell by exactly 0 mV, yet it adds to the total conductance, pulls V_inf towards E_GABA and
shortens the membrane time constant C / g_total: shunting inhibition (Staley & Mody 1992).  Steady
conductances are made by input spikes on every time step (:func:`tonic_spikes`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

import numpy as np

from explainer.model import ions
from explainer.model.experiments.common import DEFAULT_PARAMS, DT_ms, first_true
from explainer.model.experiments.synapses import PSPResult, psp_experiment
from explainer.model.neuron import (
    NeuronParams,
    NeuronRun,
    SynapticInput,
    simulate_neuron,
)
from explainer.model.spikes import steady_rate_hz


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

E_GABA_DEPOLARISING_mV = -60.0  # lesson 3's "depolarising, yet inhibitory" example
E_GABA_IMMATURE_mV = -40.0  # lesson 3's "immature neuron" example


def steady_potential_mV(p: NeuronParams, g_exc_nS: float, g_gaba_nS: float) -> float:
    """Where V settles with steady conductances and no spiking: the conductance-weighted mean of the E's."""
    g_total = p.g_L_nS + g_exc_nS + g_gaba_nS
    return (p.g_L_nS * p.E_L_mV + g_exc_nS * p.E_exc_mV + g_gaba_nS * p.E_gaba_mV) / g_total


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
class ChlorideExperiment:
    """Where E_GABA comes from: chloride's equilibrium potential E_Cl from its concentrations (the Nernst
    equation at body temperature), and what GABA with E_GABA = E_Cl then does to the resting and the driven
    cell (the shunting experiment).  GABA-A channels also pass some bicarbonate, which puts the real E_GABA a
    few mV above E_Cl (Kaila 1994); the model takes the two as equal."""

    cl_out_mM: float
    cl_in_mM: float
    e_cl_mV: float
    shunt: ShuntingExperiment


def chloride_experiment(
    cl_out_mM: float, cl_in_mM: float, params: NeuronParams = DEFAULT_PARAMS, g_gaba_nS: float = SHUNT_GABA_nS
) -> ChlorideExperiment:
    """E_Cl from [Cl-] outside and inside, and the shunting experiment with it as E_GABA."""
    e_cl = ions.nernst_mV(cl_out_mM, cl_in_mM, -1)
    shunt = shunting_experiment(replace(params, E_gaba_mV=e_cl), g_gaba_nS=g_gaba_nS)
    return ChlorideExperiment(float(cl_out_mM), float(cl_in_mM), e_cl, shunt)


def neutral_chloride_in_mM(
    cl_out_mM: float, params: NeuronParams = DEFAULT_PARAMS, lo_mM: int = 1, hi_mM: int = 100
) -> int:
    """The least whole-mM chloride inside at which GABA (E_GABA = E_Cl) no longer lowers the driven cell's
    steady rate: :func:`neutral_e_gaba_mV` reached through the chloride (more chloride, higher E_Cl)."""
    p = replace(params, g_nmda_max_nS=0.0)
    without = _steady_rate(p, SHUNT_EXC_nS, 0.0)

    def lowers(cl_in: int) -> bool:
        e_cl = ions.nernst_mV(cl_out_mM, cl_in, -1)
        return _steady_rate(replace(p, E_gaba_mV=e_cl), SHUNT_EXC_nS, SHUNT_GABA_nS) < without

    return first_true(lambda c: not lowers(c), lo_mM, hi_mM)


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


def neutral_e_gaba_mV(
    params: NeuronParams = DEFAULT_PARAMS, g_gaba_nS: float = SHUNT_GABA_nS, g_exc_nS: float = SHUNT_EXC_nS
) -> int:
    """The lowest whole-mV E_GABA at which steady GABA no longer lowers the driven cell's steady rate."""
    p = replace(params, g_nmda_max_nS=0.0)
    without = _steady_rate(p, g_exc_nS, 0.0)

    def lowers(e: int) -> bool:
        return _steady_rate(replace(p, E_gaba_mV=float(e)), g_exc_nS, g_gaba_nS) < without

    lo, hi = round(params.E_L_mV) - 30, 0  # lowers at lo, not at hi (0 mV: GABA excites like glutamate)
    return first_true(lambda e: not lowers(e), lo, hi)  # a higher E_GABA never lowers the rate more


def silencing_gaba_nS(params: NeuronParams = DEFAULT_PARAMS, g_exc_nS: float = SHUNT_EXC_nS, max_nS: int = 100) -> int:
    """The smallest whole-nS steady GABA conductance that silences the driven cell (0 if none up to max)."""
    p = replace(params, g_nmda_max_nS=0.0)
    if _steady_rate(p, g_exc_nS, float(max_nS)) > 0:
        return 0
    lo, hi = 0, max_nS  # fires at lo, silent at hi
    return first_true(lambda g: _steady_rate(p, g_exc_nS, float(g)) == 0, lo, hi)
