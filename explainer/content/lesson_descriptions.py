"""What each lesson figure shows, in words: beside every chart, and as its alt text for screen readers.

Each function states what the model did in that run (its numbers), never a fixed claim.
"""

from __future__ import annotations

import numpy as np

from explainer.content.format import num
from explainer.model.experiments.balance import RateMap, Regularity, steady_level
from explainer.model.experiments.excitability import FICurve
from explainer.model.experiments.inhibition import ChlorideExperiment, ShuntingExperiment, SingleIPSP
from explainer.model.experiments.synapses import NMDACoincidence, SingleEPSP, Summation
from explainer.model.neuron import NeuronRun


def describe_current_step(run: NeuronRun, fi: FICurve) -> str:
    p = run.params
    v_inf = p.E_L_mV + run.i_ext_pA / p.g_L_nS
    n = run.spike_times_ms.size
    if n:
        first = f"The cell fired {n} spike{'s' if n != 1 else ''} in {run.duration_ms:.0f} ms."
    elif v_inf < p.V_th_mV:
        first = (
            f"The cell did not fire: V rose from {num(p.E_L_mV)} mV and settled at {num(v_inf, 1)} mV, "
            f"below the threshold of {num(p.V_th_mV)} mV."
        )
    else:  # exactly at the rheobase V only approaches threshold
        first = (
            f"The cell did not fire: V crept up from {num(p.E_L_mV)} mV towards the threshold of "
            f"{num(p.V_th_mV)} mV without crossing it (at exactly the rheobase, V only approaches threshold)."
        )
    return (
        f"A steady current of {run.i_ext_pA:.0f} pA was switched on at time 0. {first} "
        f"The rheobase, the current this cell must exceed to fire, is {fi.rheobase_pA:.0f} pA. "
        f"In the firing-rate plot, the simulated firing rates (circles) lie on the formula's curve, which rises "
        f"steeply just above the rheobase and then bends over: the same extra current adds fewer and fewer spikes "
        f"per second, up to {fi.model_rate_hz[-1]:.0f} at {fi.currents_pA[-1]:.0f} pA, because after every spike "
        f"the cell is refractory for {p.t_ref_ms:g} ms."
    )


def describe_single_epsp(epsp: SingleEPSP) -> str:
    return (
        "One glutamate spike arrives at time 0 in a cell at rest. Top: the AMPA gates open and close within a few "
        "milliseconds; the NMDA gates open more slowly, and their current lasts about a hundred milliseconds. "
        f"Bottom: the EPSP, {epsp.both.peak_mV:.2f} mV at its peak; AMPA alone gives {epsp.ampa_only.peak_mV:.2f} mV "
        f"after {num(epsp.ampa_only.peak_time_ms)} ms, NMDA alone only {epsp.nmda_only.peak_mV:.2f} mV, after "
        f"{num(epsp.nmda_only.peak_time_ms)} ms."
    )


def describe_nmda_block(result: NMDACoincidence, mg_mM: float) -> str:
    rest, depol = result.at_rest, result.depolarised
    bigger = "bigger" if depol.peak_mV > rest.peak_mV else "smaller"
    return (
        f"The same glutamate input acting on NMDA receptors only (spiking switched off). At rest "
        f"({num(rest.hold_mV)} mV) the NMDA EPSP peaks at {rest.peak_mV:.2f} mV; in the cell held at "
        f"{num(depol.hold_mV)} mV it peaks at {depol.peak_mV:.2f} mV, {bigger}. With {mg_mM:.1f} mM Mg²⁺, "
        f"{result.block_at_rest:.3f} of the NMDA channels are free of magnesium at {num(rest.hold_mV)} mV and "
        f"{result.block_depolarised:.3f} at {num(depol.hold_mV)} mV."
    )


def describe_summation(result: Summation, interval_ms: float) -> str:
    n_v = result.volley_times_ms.size
    volleys = f"{n_v} volley{'s' if n_v != 1 else ''}" + (f", {interval_ms:g} ms apart," if n_v > 1 else ",")
    outcome = (
        f"the cell reached threshold and fired {result.run.spike_times_ms.size} time"
        f"{'s' if result.run.spike_times_ms.size != 1 else ''}"
        if result.fired
        else f"V peaked at {num(result.peak_mV, 1)} mV, below the threshold of {num(result.run.params.V_th_mV)} mV, "
        "so the cell did not fire"
    )
    plural = "s" if result.n_synapses != 1 else ""
    return f"{volleys} each of {result.n_synapses} glutamate synapse{plural} at once: {outcome}."


def describe_ipsp(result: SingleIPSP) -> str:
    e = result.at_rest.run.params.E_gaba_mV

    def move(peak: float) -> str:
        if abs(peak) < 0.005:
            return "does not move at all"
        return f"moves {'up' if peak > 0 else 'down'} by {abs(peak):.2f} mV"

    return (
        f"GABA opens chloride channels with a reversal potential E_GABA of {num(e)} mV. In the resting cell "
        f"({num(result.at_rest.hold_mV)} mV) V {move(result.at_rest.peak_mV)}; in the cell held at "
        f"{num(result.depolarised.hold_mV)} mV V {move(result.depolarised.peak_mV)}: in both, towards E_GABA."
    )


def describe_shunting(exp: ShuntingExperiment) -> str:
    n_rest = exp.at_rest.spike_times_ms.size
    rest_text = (
        f"GABA alone makes the resting cell fire {n_rest} time{'s' if n_rest != 1 else ''}"
        if n_rest
        else f"GABA alone moves the resting cell by {num(exp.dv_at_rest_mV, 1)} mV"
    )
    before, during = round(exp.rate_without_gaba_hz), round(exp.rate_with_gaba_hz)
    if before == during:
        effect = f"GABA leaves the firing rate at {before} spikes per second"
    else:
        verb = "lowers" if during < before else "raises"
        effect = f"GABA {verb} the firing rate from {before} to {during} spikes per second"
    return (
        f"With E_GABA at {num(exp.driven.params.E_gaba_mV)} mV, {rest_text}. In the cell driven by steady glutamate, "
        f"{effect} while it is on."
    )


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


# What GABA does to the cell, by (how it moves the resting cell, what it does to the driven cell's rate).
GABA_VERDICTS = {
    ("hyperpolarises", "inhibits"): "So in this cell GABA hyperpolarises and inhibits.",
    ("none", "inhibits"): (
        "So in this cell GABA leaves the resting cell where it is, yet inhibits: its open channels shunt the "
        "glutamate input."
    ),
    ("depolarises", "inhibits"): (
        "So in this cell GABA depolarises, yet inhibits: its open channels shunt the glutamate input."
    ),
    ("depolarises", "excites"): "So in this cell GABA depolarises and excites.",
}


def describe_chloride(exp: ChlorideExperiment) -> str:
    """The chain the chloride experiment shows: chloride inside and outside -> E_Cl (Nernst) -> what GABA with
    E_GABA = E_Cl did to the resting and the driven cell, and the verdict, all from this run."""
    p, e = exp.shunt.driven.params, exp.e_cl_mV
    rest, th = num(p.E_L_mV), num(p.V_th_mV)
    if e < p.E_L_mV - AT_REST_mV:
        where = f"below the resting potential of {rest} mV"
    elif e <= p.E_L_mV + AT_REST_mV:
        where = f"at the resting potential of {rest} mV"
    elif e < p.V_th_mV:
        where = f"above the resting potential of {rest} mV but below the threshold of {th} mV"
    else:
        where = f"above the threshold of {th} mV"
    n_rest = exp.shunt.at_rest.spike_times_ms.size
    if n_rest:
        rest_text = f"GABA alone makes the resting cell fire {n_rest} time{'s' if n_rest != 1 else ''}"
    else:
        rest_text = f"GABA alone moves the resting cell by {num(exp.shunt.dv_at_rest_mV, 1, signed=True)} mV"
    before, during = round(exp.shunt.rate_without_gaba_hz), round(exp.shunt.rate_with_gaba_hz)
    rate_text = (
        f"the driven cell fires {during} instead of {before} spikes per second"
        if during != before
        else f"the driven cell keeps firing {before} spikes per second"
    )
    verdict = GABA_VERDICTS.get(gaba_effect(exp.shunt), "")
    return (
        f"With {num(exp.cl_in_mM)} mM chloride inside and {num(exp.cl_out_mM)} mM outside, the Nernst equation "
        f"puts E_Cl at {num(e, 1)} mV, {where}. With that as E_GABA, {rest_text}, and {rate_text} while GABA is "
        f"on. {verdict}"
    ).rstrip()


def describe_rate_map(rmap: RateMap, marker: tuple[float, float] | None) -> str:
    top = float(rmap.rate_hz.max())
    silent = int(np.count_nonzero(rmap.rate_hz == 0))
    text = (
        f"A map of the neuron's output over {rmap.glutamate_rates_hz.size} glutamate by {rmap.gaba_rates_hz.size} "
        f"GABA input rates ({rmap.duration_ms / 1000:g} s each). Output rises to the right (more glutamate) and falls "
        f"upwards (more GABA), up to {top:.0f} spikes per second; {silent} of {rmap.rate_hz.size} squares are silent."
    )
    if marker is not None:
        text += f" The ring marks your sliders: glutamate {marker[0]:.0f}/s, GABA {marker[1]:.0f}/s."
    return text


def describe_regularity(reg: Regularity, shown_ms: float) -> str:
    """The two cells' rates and CVs over the whole run, and, from their steady levels, which one sits further
    below threshold; the figure shows the first ``shown_ms``."""
    v_a, _ = steady_level(reg.excitation_only)
    v_b, _ = steady_level(reg.balanced)
    v_th = reg.balanced.params.V_th_mV
    where = "further below threshold than cell A's" if v_b < v_a else "no further below threshold than cell A's"
    more = "more" if reg.cv_balanced > reg.cv_excitation_only else "less"
    return (
        f"The first {shown_ms / 1000:g} s of {reg.balanced.duration_ms / 1000:g} s simulated. Cell A, excitation "
        f"alone: {reg.excitation_only.firing_rate_hz:.0f} spikes per second, irregularity (CV) "
        f"{reg.cv_excitation_only:.2f}. Cell B, strong excitation with strong inhibition: "
        f"{reg.balanced.firing_rate_hz:.0f} spikes per second, CV {reg.cv_balanced:.2f}. With every conductance at "
        f"its mean, cell A's V would settle at {num(v_a, 1)} mV and cell B's at {num(v_b, 1)} mV, "
        f"{where}; the threshold is {num(v_th)} mV. Cell B's spikes come {more} irregularly."
    )
