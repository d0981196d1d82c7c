"""Every number lesson 4's text quotes, computed from the model with the standard settings, and the two
results its figures share with the text: the rate map and the regular-vs-irregular comparison (the same for
every visitor, computed once per process)."""

from __future__ import annotations

from dataclasses import replace
from functools import cache

import numpy as np

from explainer.content.format import Quantity as n
from explainer.content.format import written
from explainer.content.i18n import per_language
from explainer.content.numbers import STANDARD, standard_cell
from explainer.model.experiments import balance
from explainer.model.experiments.balance import TugOfWarSettings, run_tug_of_war
from explainer.model.spikes import settled_mean_v_mV

TUG_OF_WAR = TugOfWarSettings()  # 1 nS per spike for both; the rate map uses these strengths


@cache
def rate_map() -> balance.RateMap:
    """The rate map at the standard strengths."""
    return balance.rate_map(TUG_OF_WAR)


@cache
def regularity() -> balance.Regularity:
    return balance.regularity_comparison()


@per_language
def numbers() -> dict[str, str]:
    """The lesson's numbers in the page's language (the model runs once, for every language)."""
    return {**standard_cell(), **written(_measured())}


@cache
def _measured() -> dict[str, n]:
    reg = regularity()
    rmap = rate_map()
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
        "vinf_a": n(vinf_a, 1),
        "vinf_b": n(vinf_b, 1),
        "tau_a": n(tau_a),
        "tau_b": n(tau_b),
        "cv_a": n(reg.cv_excitation_only, 2),
        "cv_b": n(reg.cv_balanced, 2),
        "rate_cell_a": n(reg.excitation_only.firing_rate_hz),
        "rate_cell_b": n(reg.balanced.firing_rate_hz),
        "reg_seconds": n.exact(reg.balanced.duration_ms / 1000),
        "tau_ampa": n(STANDARD.tau_ampa_ms),
        "tau_gaba": n(STANDARD.tau_gaba_ms),
        # conductance x time of one spike (weight x decay time): GABA's over AMPA's, at equal weights
        "gaba_ampa_ratio": n.exact(STANDARD.tau_gaba_ms / STANDARD.tau_ampa_ms),
        "weight": n.exact(TUG_OF_WAR.glutamate_weight_nS),
        "map_cells": n(rmap.rate_hz.size),
        "map_seconds": n.exact(rmap.duration_ms / 1000),
        "silent_up_to": n(float(silent.max())),
        # the map's next glutamate rate, the first that fires: the onset lies between the two grid rates
        "first_firing_glu": n(float(rmap.glutamate_rates_hz[no_gaba > 0].min())),
        "top_rate": n(float(no_gaba.max())),
        "top_glu": n(float(rmap.glutamate_rates_hz[int(np.argmax(no_gaba))])),
    }
