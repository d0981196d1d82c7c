"""Every number lesson 1's text quotes (and the educator guide's answer to its "try this"), computed from the
model with the standard settings, formatted for the text."""

from __future__ import annotations

from functools import cache

from explainer.content.format import Quantity as n
from explainer.content.format import written
from explainer.content.i18n import per_language
from explainer.content.numbers import STANDARD, nernst_examples, standard_cell
from explainer.model.experiments import excitability

STEEP_FROM_pA = 240.0  # a doubling just above the rheobase (both currents on the f-I curve's grid), where it is steep


@per_language
def numbers() -> dict[str, str]:
    """The lesson's numbers in the page's language (the model runs once, for every language)."""
    k = nernst_examples()  # why the inside is negative: potassium's equilibrium potential
    return {**standard_cell(), **{name: k[name] for name in ("k_in", "k_out", "e_k")}, **written(_measured())}


@cache
def _measured() -> dict[str, n]:
    p = STANDARD
    fi = excitability.fi_curve(p)

    def model_rate(i_pA: float) -> float:
        return float(fi.model_rate_hz[fi.currents_pA == i_pA][0])

    below = excitability.SUBTHRESHOLD_EXAMPLE_pA
    return {
        "i_low": n(STEEP_FROM_pA),
        "i_low_doubled": n(2 * STEEP_FROM_pA),
        "rate_low": n(model_rate(STEEP_FROM_pA)),
        "rate_low_doubled": n(model_rate(2 * STEEP_FROM_pA)),
        "i_a": n(excitability.DOUBLING_FROM_pA),
        "i_b": n(excitability.DOUBLING_TO_pA),
        "rate_a": n(model_rate(excitability.DOUBLING_FROM_pA)),
        "rate_b": n(model_rate(excitability.DOUBLING_TO_pA)),
        "i_below": n(below),
        "v_inf_below": n(p.E_L_mV + below / p.g_L_nS),
        "first_firing_current": n(excitability.first_firing_current_pA(p, excitability.CURRENT_SLIDER_STEP_pA)),
    }
