"""What each lesson figure shows, in words: beside every chart, and as its alt text for screen readers.

Each function states what the model did in that run (its numbers), never a fixed claim.  The code chooses the
sentences; their words are templates in content/words/descriptions.toml (whole sentences, the numbers as
``{{name}}``, plural forms where a count decides), so each language says them in its own word order.
"""

from __future__ import annotations

import numpy as np

from explainer.content.format import num, num_shortest
from explainer.content.words import words
from explainer.model.experiments.balance import RateMap, Regularity, steady_level
from explainer.model.experiments.excitability import FICurve
from explainer.model.experiments.inhibition import ChlorideExperiment, ShuntingExperiment, SingleIPSP
from explainer.model.experiments.synapses import NMDACoincidence, SingleEPSP, Summation
from explainer.model.neuron import NeuronRun

WORDS = words("descriptions")


def _sentences(*texts: str) -> str:
    return " ".join(texts)


def describe_current_step(run: NeuronRun, fi: FICurve) -> str:
    p = run.params
    v_inf = p.E_L_mV + run.i_ext_pA / p.g_L_nS
    n = run.spike_times_ms.size
    if n:
        first = WORDS.plural("current_step_fired", n, duration=num(run.duration_ms))
    elif v_inf < p.V_th_mV:
        first = WORDS.text("current_step_settled", rest=num(p.E_L_mV), v_inf=num(v_inf, 1), threshold=num(p.V_th_mV))
    else:  # exactly at the rheobase V only approaches threshold
        first = WORDS.text("current_step_crept", rest=num(p.E_L_mV), threshold=num(p.V_th_mV))
    return _sentences(
        WORDS.text("current_step_on", current=num(run.i_ext_pA)),
        first,
        WORDS.text("current_step_rheobase", rheobase=num(fi.rheobase_pA)),
        WORDS.text(
            "current_step_fi_curve",
            top_rate=num(fi.model_rate_hz[-1]),
            top_current=num(fi.currents_pA[-1]),
            t_ref=num_shortest(p.t_ref_ms),
        ),
    )


def describe_single_epsp(epsp: SingleEPSP) -> str:
    return WORDS.text(
        "epsp",
        peak=num(epsp.both.peak_mV, 2),
        ampa_peak=num(epsp.ampa_only.peak_mV, 2),
        ampa_time=num(epsp.ampa_only.peak_time_ms),
        nmda_peak=num(epsp.nmda_only.peak_mV, 2),
        nmda_time=num(epsp.nmda_only.peak_time_ms),
    )


def describe_nmda_block(result: NMDACoincidence, mg_mM: float) -> str:
    rest, depol = result.at_rest, result.depolarised
    holds = {"rest": num(rest.hold_mV), "held": num(depol.hold_mV)}
    peaks = "nmda_peaks_bigger" if depol.peak_mV > rest.peak_mV else "nmda_peaks_smaller"
    return _sentences(
        WORDS.text("nmda_setup"),
        WORDS.text(peaks, peak_rest=num(rest.peak_mV, 2), peak_held=num(depol.peak_mV, 2), **holds),
        WORDS.text(
            "nmda_magnesium",
            mg=num(mg_mM, 1),
            free_rest=num(result.block_at_rest, 3),
            free_held=num(result.block_depolarised, 3),
            **holds,
        ),
    )


def describe_summation(result: Summation, interval_ms: float) -> str:
    n_v = result.volley_times_ms.size
    if n_v > 1:
        volleys = WORDS.plural(
            "summation_volleys", result.n_synapses, volleys=num(n_v), interval=num_shortest(interval_ms)
        )
    else:
        volleys = WORDS.plural("summation_one_volley", result.n_synapses)
    if result.fired:
        outcome = WORDS.plural("summation_fired", result.run.spike_times_ms.size)
    else:
        outcome = WORDS.text("summation_silent", peak=num(result.peak_mV, 1), threshold=num(result.run.params.V_th_mV))
    return _sentences(volleys, outcome)


IPSP_STILL_mV = 0.005  # a peak smaller than this is "V does not move at all" (it shows as 0.00 mV)


def _ipsp_move(where: str, hold_mV: float, peak_mV: float) -> str:
    """How V moved in one of the two cells (``where``: ``"rest"`` or ``"held"``)."""
    if abs(peak_mV) < IPSP_STILL_mV:
        return WORDS.text(f"ipsp_{where}_still", hold=num(hold_mV))
    direction = "up" if peak_mV > 0 else "down"
    return WORDS.text(f"ipsp_{where}_{direction}", hold=num(hold_mV), dv=num(abs(peak_mV), 2))


def describe_ipsp(result: SingleIPSP) -> str:
    cells = (result.at_rest, result.depolarised)
    return _sentences(
        WORDS.text("ipsp_reversal", e_gaba=num(result.at_rest.run.params.E_gaba_mV)),
        _ipsp_move("rest", result.at_rest.hold_mV, result.at_rest.peak_mV),
        _ipsp_move("held", result.depolarised.hold_mV, result.depolarised.peak_mV),
        WORDS.text("ipsp_towards" if min(abs(c.peak_mV) for c in cells) >= IPSP_STILL_mV else "ipsp_towards_where"),
    )


def describe_shunting(exp: ShuntingExperiment) -> str:
    n_rest = exp.at_rest.spike_times_ms.size
    e_gaba = num(exp.driven.params.E_gaba_mV)
    if n_rest:
        rest_text = WORDS.plural("shunting_rest_fires", n_rest, e_gaba=e_gaba)
    else:
        rest_text = WORDS.text("shunting_rest_moves", e_gaba=e_gaba, dv=num(exp.dv_at_rest_mV, 1))
    before, during = round(exp.rate_without_gaba_hz), round(exp.rate_with_gaba_hz)
    if before == during:
        effect = "shunting_rate_kept"
    else:
        effect = "shunting_rate_lowered" if during < before else "shunting_rate_raised"
    return _sentences(rest_text, WORDS.text(effect, before=num(before), during=num(during)))


AT_REST_mV = 0.05  # GABA alone moving the resting cell by less than this leaves it where it is


def gaba_effect(exp: ShuntingExperiment) -> tuple[str, str]:
    """What GABA did in the shunting experiment, as the model ran it: how it moved the resting cell
    ("hyperpolarises", "depolarises" or "none") and how it changed the driven cell's rate as the metrics show it,
    rounded ("inhibits", "excites" or "none")."""
    dv = exp.dv_at_rest_mV
    if exp.at_rest.spike_times_ms.size or dv > AT_REST_mV:
        moves = "depolarises"
    else:
        moves = "hyperpolarises" if dv < -AT_REST_mV else "none"
    before, during = round(exp.rate_without_gaba_hz), round(exp.rate_with_gaba_hz)
    return moves, "inhibits" if during < before else "excites" if during > before else "none"


# What GABA does to the cell, by (how it moves the resting cell, what it does to the driven cell's rate): the
# verdict's text in content/words/descriptions.toml (none where GABA changes neither).
GABA_VERDICTS = {
    ("hyperpolarises", "inhibits"): "verdict_hyperpolarises_inhibits",
    ("none", "inhibits"): "verdict_none_inhibits",
    ("depolarises", "inhibits"): "verdict_depolarises_inhibits",
    ("depolarises", "excites"): "verdict_depolarises_excites",
}


def gaba_verdict(exp: ShuntingExperiment) -> str | None:
    """The verdict on what GABA did in this cell, in the page's language (None where it has none)."""
    key = GABA_VERDICTS.get(gaba_effect(exp))
    return None if key is None else WORDS.text(key)


def _chloride_place(exp: ChlorideExperiment) -> str:
    """The first sentence: E_Cl from the concentrations, and where it lies against rest and threshold."""
    p, e = exp.shunt.driven.params, exp.e_cl_mV
    if e < p.E_L_mV - AT_REST_mV:
        key = "chloride_below_rest"
    elif e <= p.E_L_mV + AT_REST_mV:
        key = "chloride_at_rest"
    elif e < p.V_th_mV:
        key = "chloride_between"
    else:
        key = "chloride_above_threshold"
    return WORDS.text(
        key,
        cl_in=num(exp.cl_in_mM),
        cl_out=num(exp.cl_out_mM),
        e_cl=num(e, 1),
        rest=num(p.E_L_mV),
        threshold=num(p.V_th_mV),
    )


def describe_chloride(exp: ChlorideExperiment) -> str:
    """The chain the chloride experiment shows: chloride inside and outside -> E_Cl (Nernst) -> what GABA with
    E_GABA = E_Cl did to the resting and the driven cell, and the verdict, all from this run."""
    n_rest = exp.shunt.at_rest.spike_times_ms.size
    before, during = round(exp.shunt.rate_without_gaba_hz), round(exp.shunt.rate_with_gaba_hz)
    rates = {"before": num(before), "during": num(during)}
    rate = "rate_changed" if during != before else "rate_kept"
    if n_rest:
        effect = WORDS.plural(f"chloride_fires_{rate}", n_rest, **rates)
    else:
        effect = WORDS.text(f"chloride_moves_{rate}", dv=num(exp.shunt.dv_at_rest_mV, 1, signed=True), **rates)
    verdict = gaba_verdict(exp.shunt)
    return _sentences(_chloride_place(exp), effect, *([verdict] if verdict else []))


def describe_rate_map(rmap: RateMap, marker: tuple[float, float] | None) -> str:
    silent = int(np.count_nonzero(rmap.rate_hz == 0))
    texts = [
        WORDS.text(
            "rate_map_grid",
            n_glu=num(rmap.glutamate_rates_hz.size),
            n_gaba=num(rmap.gaba_rates_hz.size),
            seconds=num_shortest(rmap.duration_ms / 1000),
        ),
        WORDS.plural("rate_map_output", silent, top=num(float(rmap.rate_hz.max())), squares=num(rmap.rate_hz.size)),
    ]
    if marker is not None:
        texts.append(WORDS.text("rate_map_marker", glutamate=num(marker[0]), gaba=num(marker[1])))
    return _sentences(*texts)


def describe_regularity(reg: Regularity, shown_ms: float) -> str:
    """The two cells' rates and CVs over the whole run, and, from their steady levels, which one sits further
    below threshold; the figure shows the first ``shown_ms``."""
    v_a, _ = steady_level(reg.excitation_only)
    v_b, _ = steady_level(reg.balanced)
    where = "regularity_further_below" if v_b < v_a else "regularity_not_further_below"
    more = "regularity_more_irregular" if reg.cv_balanced > reg.cv_excitation_only else "regularity_less_irregular"
    return _sentences(
        WORDS.text(
            "regularity_shown",
            shown=num_shortest(shown_ms / 1000),
            simulated=num_shortest(reg.balanced.duration_ms / 1000),
        ),
        WORDS.text(
            "regularity_cells",
            rate_a=num(reg.excitation_only.firing_rate_hz),
            cv_a=num(reg.cv_excitation_only, 2),
            rate_b=num(reg.balanced.firing_rate_hz),
            cv_b=num(reg.cv_balanced, 2),
        ),
        WORDS.text(where, v_a=num(v_a, 1), v_b=num(v_b, 1), threshold=num(reg.balanced.params.V_th_mV)),
        WORDS.text(more),
    )
