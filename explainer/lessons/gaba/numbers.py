"""Every number lesson 3's text quotes (and the educator guide's answers to its "try this"), computed from the
model with the standard settings, formatted for the text."""

from __future__ import annotations

from dataclasses import replace
from functools import cache

from explainer.content.format import Quantity as n
from explainer.content.format import written
from explainer.content.i18n import per_language
from explainer.content.numbers import STANDARD, nernst_examples, standard_cell
from explainer.model import ions
from explainer.model.experiments import inhibition
from explainer.model.neuron import NeuronParams


def _with_e_gaba(e_gaba_mV: float) -> NeuronParams:
    return replace(STANDARD, E_gaba_mV=float(e_gaba_mV))


@per_language
def numbers() -> dict[str, str]:
    """The lesson's numbers in the page's language (the model runs once, for every language)."""
    # where E_GABA comes from: E_Cl in a mature and in a developing neuron
    return {**standard_cell(), **nernst_examples(), **written(_measured())}


@cache
def _measured() -> dict[str, n]:
    p = _with_e_gaba(STANDARD.E_L_mV)  # E_GABA at rest: the shunting case
    shunt = inhibition.shunting_experiment(p)
    mid = inhibition.shunting_experiment(_with_e_gaba(inhibition.E_GABA_DEPOLARISING_mV))
    young = inhibition.shunting_experiment(_with_e_gaba(inhibition.E_GABA_IMMATURE_mV))
    g_e, g_i = inhibition.SHUNT_EXC_nS, inhibition.SHUNT_GABA_nS
    mature = inhibition.chloride_experiment(ions.CL_OUT_mM, ions.CL_IN_MATURE_mM, STANDARD).shunt
    developing = inhibition.chloride_experiment(ions.CL_OUT_mM, ions.CL_IN_DEVELOPING_mM, STANDARD).shunt
    cl_neutral = inhibition.neutral_chloride_in_mM(ions.CL_OUT_mM, STANDARD)
    return {
        "mature_dv": n(mature.dv_at_rest_mV, 1, signed=True),
        "mature_rate": n(mature.rate_with_gaba_hz),
        "dev_dv": n(developing.dv_at_rest_mV, 1, signed=True),
        "dev_rate": n(developing.rate_with_gaba_hz),
        "g_exc": n(g_e),
        "g_gaba": n(g_i),
        "shunt_dv": n(shunt.dv_at_rest_mV, 1),
        "rate_before": n(shunt.rate_without_gaba_hz),
        "rate_shunt": n(shunt.rate_with_gaba_hz),
        "vinf_exc": n(inhibition.steady_potential_mV(p, g_e, 0.0), 1),
        "vinf_shunt": n(inhibition.steady_potential_mV(p, g_e, g_i), 1),
        "tau_exc": n(p.c_pF / (p.g_L_nS + g_e), 1),
        "tau_shunt": n(p.c_pF / (p.g_L_nS + g_e + g_i), 1),
        "E_mid": n(inhibition.E_GABA_DEPOLARISING_mV),
        "mid_dv": n(mid.dv_at_rest_mV, 1),
        "rate_mid": n(mid.rate_with_gaba_hz),
        "E_young": n(inhibition.E_GABA_IMMATURE_mV),
        "ipsp_hold": n(inhibition.IPSP_HOLD_mV),
        "young_dv": n(young.dv_at_rest_mV, 1),
        # GABA alone on the resting cell at E_GABA of an immature neuron: where V settles (short of threshold)
        "vinf_young_rest": n(inhibition.steady_potential_mV(_with_e_gaba(inhibition.E_GABA_IMMATURE_mV), 0.0, g_i)),
        "rate_young": n(young.rate_with_gaba_hz),
        # the educator guide's answers to this lesson's "try this"
        "e_gaba_neutral": n(inhibition.neutral_e_gaba_mV(STANDARD)),
        "silencing_g": n(inhibition.silencing_gaba_nS(STANDARD)),
        "cl_neutral": n(cl_neutral),
        "e_cl_neutral": n(ions.nernst_mV(ions.CL_OUT_mM, cl_neutral, -1), 1),
    }
