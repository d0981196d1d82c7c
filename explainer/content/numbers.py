"""The numbers the shared texts quote (the glossary, the model notes), computed from the model with the
standard settings.

The Markdown files write ``{{name}}``; each function here returns the names of one text and their values,
formatted by :func:`explainer.content.format.num`.  Pure and cached per process (the same for every visitor).
Each lesson computes its own numbers in its package (``explainer/lessons/<name>/numbers.py``); the educator
guide quotes the lessons' numbers, so its answers always match what the lessons say.
"""

from __future__ import annotations

from functools import cache

from explainer.content.format import num as n
from explainer.model.experiments.common import DT_ms
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
