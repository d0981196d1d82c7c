"""The numbers the shared texts quote (the glossary, the model notes), computed from the model with the
standard settings.

The Markdown files write ``{{name}}``; each function here returns the names of one text and their values,
formatted by :func:`explainer.content.format.num`.  Pure and cached per process and language (numbers are
written the reader's way: 6,7 in Spanish).
Each lesson computes its own numbers in its package (``explainer/lessons/<name>/numbers.py``); the educator
guide quotes the lessons' numbers, so its answers always match what the lessons say.
"""

from __future__ import annotations

from dataclasses import replace

from explainer.content.format import fewest_decimals
from explainer.content.format import num as n
from explainer.content.i18n import per_language
from explainer.model import ions
from explainer.model.experiments import circuits
from explainer.model.experiments.common import DT_ms
from explainer.model.experiments.synapses import psp_experiment
from explainer.model.network import NetworkParams
from explainer.model.neuron import NeuronParams

STANDARD = NeuronParams()


@per_language
def standard_cell() -> dict[str, str]:
    """The standard cell's parameters as every text quotes them (the lessons start from these too)."""
    p = STANDARD
    return {
        "E_L": n(p.E_L_mV),
        "V_th": n(p.V_th_mV),
        "V_reset": n(p.V_reset_mV),
        "E_exc": n(p.E_exc_mV),
        "E_gaba": n(p.E_gaba_mV),
        "c_pF": n(p.c_pF),
        "g_L": n(p.g_L_nS),
        "tau_m": n(p.tau_m_ms),
        "t_ref": n(p.t_ref_ms),
        "max_rate": n(1000.0 / p.t_ref_ms),
        "th_minus_rest": n(p.V_th_mV - p.E_L_mV),
        "rheobase": n(p.rheobase_pA),
    }


@per_language
def model_notes() -> dict[str, str]:
    """The model's standard parameters, as the notes quote them."""
    return {
        **standard_cell(),
        "dt": n(DT_ms, fewest_decimals(DT_ms)),
        # exponential Euler holds a decaying conductance at its start-of-step value: charge error dt / (2 tau)
        "ampa_error": n(100.0 * DT_ms / (2.0 * STANDARD.tau_ampa_ms), 1),
        "g_nmda": n(STANDARD.g_nmda_max_nS),
        "nmda_one_spike_pct": n(100.0 * nmda_pool_opened_by(1)),
        "nmda_volley": n(NMDA_VOLLEY),
        "nmda_volley_pct": n(100.0 * nmda_pool_opened_by(NMDA_VOLLEY)),
        **_network_cells(),
    }


NMDA_VOLLEY = 10  # the model notes' example volley


def nmda_pool_opened_by(n_spikes: int) -> float:
    """The largest fraction of the cell's one NMDA pool that ``n_spikes`` glutamate spikes at once open (without
    magnesium, so that the fraction is the gating alone)."""
    p = replace(STANDARD, mg_mM=0.0)
    run = psp_experiment(p, glutamate_weight_nS=0.0, n_glutamate=n_spikes).run
    return float(run.g_nmda_nS.max() / p.g_nmda_max_nS)


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


@per_language
def nernst_examples() -> dict[str, str]:
    """The Nernst equation's examples at body temperature, from typical concentrations (explainer/model/ions.py):
    potassium (lesson 1, the glossary) and chloride in a mature and in a developing neuron (lesson 3, the
    glossary)."""
    cl_out = ions.CL_OUT_mM
    return {
        "rt_over_f": n(ions.thermal_voltage_mV(), 1),
        "k_out": n(ions.K_OUT_mM),
        "k_in": n(ions.K_IN_mM),
        "e_k": n(ions.nernst_mV(ions.K_OUT_mM, ions.K_IN_mM, 1)),
        "cl_out": n(cl_out),
        "cl_in": n(ions.CL_IN_MATURE_mM),
        "e_cl": n(ions.nernst_mV(cl_out, ions.CL_IN_MATURE_mM, -1), 1),
        "cl_in_dev": n(ions.CL_IN_DEVELOPING_mM),
        "e_cl_dev": n(ions.nernst_mV(cl_out, ions.CL_IN_DEVELOPING_mM, -1), 1),
    }


@per_language
def glossary() -> dict[str, str]:
    """The standard cell, and the glossary's Nernst examples."""
    return {**standard_cell(), **nernst_examples()}


@per_language
def circuits_questions() -> dict[str, str]:
    """What the circuits page's question quotes in its prompt and options: settings only, no network run, so
    that class mode's registry (which reads them) never waits for a simulation."""
    balanced, weak = circuits.SETTINGS["balanced"], circuits.SETTINGS["weak_inhibition"]
    return {
        "w_exc": n(balanced.w_exc_nS),
        "w_inh_balanced": n(balanced.w_inh_nS),
        "w_inh_weak": n(weak.w_inh_nS),
        "net_max_rate": n(1000.0 / balanced.t_ref_ms),
    }


@per_language
def network_cell() -> dict[str, str]:
    """The network's own model cell, which the circuits and blocked-gate pages name once (it is not the lessons'
    cell: Brette et al. 2007's, resting higher, with inhibition reversing below rest)."""
    p = NetworkParams()
    return {
        "net_E_L": n(p.E_L_mV),
        "net_V_th": n(p.V_th_mV),
        "net_E_inh": n(p.E_inh_mV),
        "net_w_exc": n(p.w_exc_nS),
        "net_w_inh": n(p.w_inh_nS),
        "lesson_E_L": n(STANDARD.E_L_mV),
        "lesson_E_gaba": n(STANDARD.E_gaba_mV),
    }
