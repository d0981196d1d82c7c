"""Every number the app's text quotes, computed from the model with the standard settings.

The Markdown files write ``{{name}}``; each function here returns the names of one text and their values,
formatted by :func:`explainer.content.format.num`.  Pure and cached per process (the same for every
visitor): the lessons, the glossary, the model notes and the educator guide all read the same numbers, so
the guide's answers always match what the lessons say.
"""

from __future__ import annotations

import math
from dataclasses import replace
from functools import cache

import numpy as np

from explainer.content.format import num as n
from explainer.model.experiments import balance, excitability, inhibition, synapses
from explainer.model.experiments.balance import TugOfWarSettings, run_tug_of_war
from explainer.model.experiments.common import DT_ms
from explainer.model.network import NetworkParams
from explainer.model.neuron import NeuronParams
from explainer.model.spikes import settled_mean_v_mV

STANDARD = NeuronParams()
TUG_OF_WAR = TugOfWarSettings()  # 1 nS per spike for both; the rate map uses these strengths


@cache
def model_notes() -> dict[str, str]:
    """The model's standard parameters, as the notes quote them."""
    p = STANDARD
    return {
        "V_th": n(p.V_th_mV),
        "V_reset": n(p.V_reset_mV),
        "E_exc": n(p.E_exc_mV),
        "E_L": n(p.E_L_mV),
        "c_pF": n(p.c_pF),
        "g_L": n(p.g_L_nS),
        "tau_m": n(p.tau_m_ms),
        "t_ref": n(p.t_ref_ms),
        "dt": f"{DT_ms:g}",
        # exponential Euler holds a decaying conductance at its start-of-step value: charge error dt / (2 tau)
        "ampa_error": n(100.0 * DT_ms / (2.0 * p.tau_ampa_ms), 1),
        **_network_cells(),
    }


def _network_cells() -> dict[str, str]:
    net = NetworkParams()
    return {
        "net_E_L": n(net.E_L_mV),
        "net_t_ref": n(net.t_ref_ms),
        "net_max_rate": n(1000.0 / net.t_ref_ms),
        "net_E_inh": n(net.E_inh_mV),
        "net_tau_exc": n(net.tau_exc_ms),
        "net_tau_inh": n(net.tau_inh_ms),
    }


@cache
def glossary() -> dict[str, str]:
    p = STANDARD
    return {
        "E_L": n(p.E_L_mV),
        "V_th": n(p.V_th_mV),
        "t_ref": n(p.t_ref_ms),
        "tau_m": n(p.tau_m_ms),
        "g_L": n(p.g_L_nS),
        "th_minus_rest": n(p.V_th_mV - p.E_L_mV),
        "rheobase": n(p.rheobase_pA),
    }


@cache
def excitability_lesson() -> dict[str, str]:
    """Lesson 1 (meet the neuron)."""
    p = STANDARD
    fi = excitability.fi_curve(p)

    def model_rate(i_pA: float) -> float:
        return float(fi.model_rate_hz[fi.currents_pA == i_pA][0])

    below = excitability.SUBTHRESHOLD_EXAMPLE_pA
    return {
        "E_L": n(p.E_L_mV),
        "V_th": n(p.V_th_mV),
        "V_reset": n(p.V_reset_mV),
        "g_L": n(p.g_L_nS),
        "t_ref": n(p.t_ref_ms),
        "tau_m": n(p.tau_m_ms),
        "th_minus_rest": n(p.V_th_mV - p.E_L_mV),
        "rheobase": n(p.rheobase_pA),
        "max_rate": n(1000.0 / p.t_ref_ms),
        "i_a": n(excitability.DOUBLING_FROM_pA),
        "i_b": n(excitability.DOUBLING_TO_pA),
        "rate_a": n(model_rate(excitability.DOUBLING_FROM_pA)),
        "rate_b": n(model_rate(excitability.DOUBLING_TO_pA)),
        "i_below": n(below),
        "v_inf_below": n(p.E_L_mV + below / p.g_L_nS),
    }


@cache
def synapses_lesson() -> dict[str, str]:
    """Lesson 2 (glutamate)."""
    p = STANDARD
    epsp = synapses.single_epsp(p)
    mg = synapses.nmda_coincidence(p, synapses.NMDA_HOLD_DEFAULT_mV)
    threshold_gap = p.V_th_mV - p.E_L_mV
    return {
        "E_L": n(p.E_L_mV),
        "E_exc": n(p.E_exc_mV),
        "hold": n(synapses.NMDA_HOLD_DEFAULT_mV),
        "mg": n(p.mg_mM, 1),
        "tau_m": n(p.tau_m_ms),
        "th_minus_rest": n(threshold_gap),
        "drive_rest": n(p.E_exc_mV - p.E_L_mV),
        "epsp_both": n(epsp.both.peak_mV, 2),
        "epsp_nmda_rest": n(epsp.nmda_only.peak_mV, 2),
        "nmda_rest": n(mg.at_rest.peak_mV, 2),
        "nmda_depol": n(mg.depolarised.peak_mV, 2),
        "nmda_ratio": n(mg.ratio, 0),  # "about 3 times": 0.40 / 0.14 mV rounds to 2.9 at one decimal
        "B_rest": n(mg.block_at_rest, 3),
        "B_depol": n(mg.block_depolarised, 3),
        "n_needed": n(synapses.synapses_to_fire(p)),
        "n_linear": n(threshold_gap / round(epsp.both.peak_mV, 2)),
    }


def _with_e_gaba(e_gaba_mV: float) -> NeuronParams:
    return replace(STANDARD, E_gaba_mV=float(e_gaba_mV))


@cache
def inhibition_lesson() -> dict[str, str]:
    """Lesson 3 (GABA)."""
    p = _with_e_gaba(STANDARD.E_L_mV)  # E_GABA at rest: the shunting case
    shunt = inhibition.shunting_experiment(p)
    mid = inhibition.shunting_experiment(_with_e_gaba(inhibition.E_GABA_DEPOLARISING_mV))
    young = inhibition.shunting_experiment(_with_e_gaba(inhibition.E_GABA_IMMATURE_mV))
    g_e, g_i = inhibition.SHUNT_EXC_nS, inhibition.SHUNT_GABA_nS
    return {
        "E_L": n(p.E_L_mV),
        "V_th": n(p.V_th_mV),
        "V_reset": n(p.V_reset_mV),
        "g_exc": n(g_e),
        "g_gaba": n(g_i),
        "shunt_dv": n(shunt.dv_at_rest_mV, 1),
        "rate_before": n(shunt.rate_without_gaba_hz),
        "rate_shunt": n(shunt.rate_with_gaba_hz),
        "vinf_exc": n(inhibition.steady_potential_mV(p, g_e, 0.0), 1),
        "vinf_shunt": n(inhibition.steady_potential_mV(p, g_e, g_i), 1),
        "tau_m": n(p.tau_m_ms),
        "tau_exc": n(p.c_pF / (p.g_L_nS + g_e), 1),
        "tau_shunt": n(p.c_pF / (p.g_L_nS + g_e + g_i), 1),
        "E_mid": n(inhibition.E_GABA_DEPOLARISING_mV),
        "mid_dv": n(mid.dv_at_rest_mV, 1),
        "rate_mid": n(mid.rate_with_gaba_hz),
        "E_young": n(inhibition.E_GABA_IMMATURE_mV),
        "ipsp_hold": n(inhibition.IPSP_HOLD_mV),
        "young_dv": n(young.dv_at_rest_mV, 1),
        "rate_young": n(young.rate_with_gaba_hz),
    }


@cache
def default_rate_map() -> balance.RateMap:
    """The rate map at the standard strengths: the same for everyone, computed once per process."""
    return balance.rate_map(TUG_OF_WAR)


@cache
def regularity() -> balance.Regularity:
    return balance.regularity_comparison()


@cache
def balance_lesson() -> dict[str, str]:
    """Lesson 4 (tug of war)."""
    reg = regularity()
    rmap = default_rate_map()
    no_gaba = rmap.rate_hz[0]
    silent = rmap.glutamate_rates_hz[no_gaba == 0]
    with_gaba, _ = run_tug_of_war(TUG_OF_WAR)
    without_gaba, _ = run_tug_of_war(replace(TUG_OF_WAR, gaba_rate_hz=0.0))
    vinf_a, tau_a = balance.steady_level(reg.excitation_only)
    vinf_b, tau_b = balance.steady_level(reg.balanced)
    return {
        "gaba_default": n(TUG_OF_WAR.gaba_rate_hz),
        "glu_default": n(TUG_OF_WAR.glutamate_rate_hz),
        "rate_no_gaba": n(without_gaba.firing_rate_hz),
        "rate_gaba": n(with_gaba.firing_rate_hz),
        "vbar_no_gaba": n(settled_mean_v_mV(without_gaba), 1),
        "vbar_gaba": n(settled_mean_v_mV(with_gaba), 1),
        "V_reset": n(STANDARD.V_reset_mV),
        "vinf_a": n(vinf_a, 1),
        "vinf_b": n(vinf_b, 1),
        "tau_a": n(tau_a),
        "tau_b": n(tau_b),
        "V_th": n(STANDARD.V_th_mV),
        "cv_a": n(reg.cv_excitation_only, 2),
        "cv_b": n(reg.cv_balanced, 2),
        "rate_a": n(reg.excitation_only.firing_rate_hz),
        "rate_b": n(reg.balanced.firing_rate_hz),
        "E_gaba": n(STANDARD.E_gaba_mV),
        "weight": f"{TUG_OF_WAR.glutamate_weight_nS:g}",
        "map_cells": n(rmap.rate_hz.size),
        "map_seconds": f"{rmap.duration_ms / 1000:g}",
        "silent_up_to": n(float(silent.max())),
        "top_rate": n(float(no_gaba.max())),
        "top_glu": n(float(rmap.glutamate_rates_hz[int(np.argmax(no_gaba))])),
    }


# lesson slug (its Markdown file) -> its numbers, in course order
BY_LESSON = {
    "meet_the_neuron": excitability_lesson,
    "glutamate": synapses_lesson,
    "gaba": inhibition_lesson,
    "tug_of_war": balance_lesson,
}


@cache
def educator_guide() -> dict[str, str]:
    """The numbers the guide quotes: the lessons' own, and the answers to the "try this" prompts."""
    merged: dict[str, str] = {}
    for lesson_numbers in BY_LESSON.values():
        merged.update(lesson_numbers())  # shared names (E_L, tau_m, ...) have the same value in every lesson
    holds, peaks = synapses.nmda_epsp_by_hold(STANDARD)
    growth = np.diff(peaks)
    fastest = int(np.argmax(growth))
    merged.update(
        {
            "first_firing_current": n(
                excitability.first_firing_current_pA(STANDARD, excitability.CURRENT_SLIDER_STEP_pA)
            ),
            "fastest_hold": n(0.5 * (holds[fastest] + holds[fastest + 1])),
            "largest_hold": n(holds[int(np.argmax(peaks))]),
            # B(V) is steepest where half the channels are free: B = 1/2 at V = ln([Mg]/3.57 mM) / 0.062 per mV
            "B_steepest": n(math.log(STANDARD.mg_mM / 3.57) / 0.062),
            "sum_synapses": n(synapses.SUMMATION_SYNAPSES),
            "sum_volleys": n(synapses.SUMMATION_VOLLEYS),
            "longest_gap": n(
                synapses.longest_summing_gap_ms(STANDARD, synapses.SUMMATION_SYNAPSES, synapses.SUMMATION_VOLLEYS)
            ),
            "e_gaba_neutral": n(inhibition.neutral_e_gaba_mV(STANDARD)),
            "silencing_g": n(inhibition.silencing_gaba_nS(STANDARD)),
        }
    )
    return merged
