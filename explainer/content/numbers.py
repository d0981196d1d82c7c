"""The numbers the shared texts quote (the glossary, the model notes), computed from the model with the
standard settings.

The Markdown files write ``{{name}}``; each function here returns the names of one text and their values,
formatted by :func:`explainer.content.format.num`.  Pure and cached per process (the same for every visitor).
Each lesson computes its own numbers in its package (``explainer/lessons/<name>/numbers.py``); the educator
guide quotes the lessons' numbers, so its answers always match what the lessons say.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache

from explainer.content.format import num as n
from explainer.model import ions
from explainer.model.experiments.common import DT_ms
from explainer.model.experiments.synapses import psp_experiment
from explainer.model.network import NetworkParams
from explainer.model.neuron import NeuronParams

STANDARD = NeuronParams()


@cache
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


@cache
def model_notes() -> dict[str, str]:
    """The model's standard parameters, as the notes quote them."""
    return {
        **standard_cell(),
        "dt": f"{DT_ms:g}",
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


# The Nernst equation's example in the glossary: chloride at body temperature, typical concentrations.
CL_OUT_mM, CL_IN_mM = 120.0, 7.0


@cache
def glossary() -> dict[str, str]:
    """The standard cell, and the glossary's Nernst example."""
    return {
        **standard_cell(),
        "rt_over_f": n(1000.0 * ions.GAS_CONSTANT * ions.BODY_TEMPERATURE_K / ions.FARADAY),
        "cl_out": n(CL_OUT_mM),
        "cl_in": n(CL_IN_mM),
        "e_cl": n(ions.nernst_mV(CL_OUT_mM, CL_IN_mM, -1)),
    }
