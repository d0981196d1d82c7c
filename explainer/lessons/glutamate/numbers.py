"""Every number lesson 2's text quotes (and the educator guide's answers to its "try this"), computed from the
model with the standard settings, formatted for the text."""

from __future__ import annotations

import math
from dataclasses import replace
from functools import cache

import numpy as np

from explainer.content.format import Quantity as n
from explainer.content.format import written
from explainer.content.i18n import per_language
from explainer.content.numbers import STANDARD, standard_cell
from explainer.model.experiments import synapses
from explainer.model.neuron import NeuronParams


@per_language
def numbers() -> dict[str, str]:
    """The lesson's numbers in the page's language (the model runs once, for every language)."""
    return {**standard_cell(), **written(_measured())}


@cache
def _measured() -> dict[str, n]:
    p = STANDARD
    epsp = synapses.single_epsp(p)
    mg = synapses.nmda_coincidence(p, synapses.NMDA_HOLD_DEFAULT_mV)
    threshold_gap = p.V_th_mV - p.E_L_mV
    return {
        "hold": n(synapses.NMDA_HOLD_DEFAULT_mV),
        "mg": n(p.mg_mM, 1),
        "drive_rest": n(p.E_exc_mV - p.E_L_mV),
        "epsp_both": n(epsp.both.peak_mV, 2),
        "epsp_nmda_rest": n(epsp.nmda_only.peak_mV, 2),
        "epsp_ampa": n(epsp.ampa_only.peak_mV, 2),
        "nmda_peak_ms": n(epsp.nmda_only.peak_time_ms),
        "left_after_tau": n(100 * math.exp(-1)),  # an EPSP's decay after one membrane time constant, in %
        "nmda_rest": n(mg.at_rest.peak_mV, 2),
        "nmda_depol": n(mg.depolarised.peak_mV, 2),
        "nmda_ratio": n(mg.ratio, 0),  # "about 3 times": 0.40 / 0.14 mV rounds to 2.9 at one decimal
        "B_rest": n(mg.block_at_rest, 3),
        "B_depol": n(mg.block_depolarised, 3),
        "n_needed": n(synapses.synapses_to_fire(p)),
        # the synapses a linear sum of the AMPA EPSP, as the text shows it, needs to cover the gap
        "n_linear": n(math.ceil(threshold_gap / round(epsp.ampa_only.peak_mV, 2))),
        "n_needed_ampa": n(synapses.synapses_to_fire(replace(p, g_nmda_max_nS=0.0))),
        **_try_answers(p),
    }


def _try_answers(p: NeuronParams) -> dict[str, n]:
    """The answers the educator guide gives to this lesson's "try this" prompts."""
    holds, peaks = synapses.nmda_epsp_by_hold(p)
    fastest = int(np.argmax(np.diff(peaks)))
    return {
        "fastest_hold": n(0.5 * (holds[fastest] + holds[fastest + 1])),
        "largest_hold": n(holds[int(np.argmax(peaks))]),
        # B(V) is steepest where half the channels are free: B = 1/2 at V = ln([Mg]/3.57 mM) / 0.062 per mV
        "B_steepest": n(math.log(p.mg_mM / 3.57) / 0.062),
        "sum_synapses": n(synapses.SUMMATION_SYNAPSES),
        "sum_volleys": n(synapses.SUMMATION_VOLLEYS),
        "longest_gap": n(synapses.longest_summing_gap_ms(p, synapses.SUMMATION_SYNAPSES, synapses.SUMMATION_VOLLEYS)),
    }
