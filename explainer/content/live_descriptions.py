"""What a live run did, in words: the playground neuron and the network, for everyone and for screen readers.

Each paragraph states the model's numbers for this run and chooses its sentences from what the model did at
this setting (its steady level against threshold, the irregularity of its spikes, which rate is higher), never
from a fixed rule on the settings; tests/content/test_live_descriptions.py checks every claim across the
sliders' ranges.
"""

from __future__ import annotations

import numpy as np

from explainer.content.format import num
from explainer.model.experiments.balance import steady_level
from explainer.model.experiments.circuits import mean_input_level_mV
from explainer.model.network import NetworkParams
from explainer.model.neuron import NeuronRun, SynapticInput
from explainer.model.spikes import (
    REGULAR_BELOW_CV,
    RUNAWAY_ABOVE_HZ,
    NetworkStats,
    isi_cv,
    mean_after,
    settled_mean_v_mV,
)


def describe_neuron_run(run: NeuronRun, inp: SynapticInput, rate_without_gaba_hz: float | None = None) -> str:
    """One paragraph: inputs, conductances, V and output, and what drives the firing, as the model did it.

    Whether the cell is mean-driven or fluctuation-driven comes from its steady level (where V would settle
    with every conductance at its mean, against the threshold) and how regular its spikes came from their CV;
    "balanced" is said only of a fluctuation-driven cell whose excitation and inhibition are both large
    compared with its leak.  ``rate_without_gaba_hz``: the rate of the same cell with the same glutamate input
    and no GABA (see :func:`explainer.model.experiments.balance.rate_without_gaba`).  Pages pass it whenever
    E_GABA lies above rest, where what GABA does to the firing rate depends on the numbers: the paragraph then
    says what the model did, never a fixed claim.
    """
    seconds = run.duration_ms / 1000.0
    n_glu = int(np.count_nonzero(inp.glutamate_times_ms <= run.duration_ms))
    n_gaba = int(np.count_nonzero(inp.gaba_times_ms <= run.duration_ms))
    n_out = int(run.spike_times_ms.size)
    settle_ms = 5 * run.params.tau_m_ms
    g_exc = mean_after(run.g_ampa_nS + run.g_nmda_nS, run.t_ms, settle_ms)
    g_inh = mean_after(run.g_gaba_nS, run.t_ms, settle_ms)
    p = run.params
    rate = run.firing_rate_hz
    depolarising = p.E_gaba_mV >= p.E_L_mV + 1.0 and g_inh > 0
    compared = depolarising and rate_without_gaba_hz is not None
    gaba_raises = compared and round(rate) > round(rate_without_gaba_hz)
    span = f"{seconds:g} second" + ("" if seconds == 1 else "s")
    parts = [
        f"In this {span} the neuron received {n_glu:,} glutamate and {n_gaba:,} GABA input spikes "
        f"and fired {n_out} time{'s' if n_out != 1 else ''} ({rate:.0f} spikes per second).",
        f"On average the glutamate-gated channels let through {num(g_exc, 1)} nS and the GABA-gated channels "
        f"{num(g_inh, 1)} nS; the membrane potential averaged {num(settled_mean_v_mV(run), 1)} mV (rest "
        f"{num(p.E_L_mV)} mV, threshold {num(p.V_th_mV)} mV).",
    ]
    if n_glu == 0 and n_gaba == 0:
        parts.append("With no input at all, the cell sits at its resting potential and stays silent.")
    elif n_out == 0 and g_inh > 0 and n_glu > 0:
        parts.append(_silent_with_gaba(rate_without_gaba_hz))
    elif n_out == 0:
        parts.append("Its input never carries V to threshold, so the cell stays silent.")
    else:
        if gaba_raises:
            parts.append(
                "Glutamate and GABA both push this cell towards firing."
                if n_glu
                else "GABA alone makes this cell fire: its reversal potential lies above threshold."
            )
        parts.append(_what_drives_the_firing(run, g_exc, g_inh, balanced_possible=not gaba_raises))
    if abs(p.E_gaba_mV - p.E_L_mV) < 1.0 and g_inh > 0:
        parts.append(
            "GABA's reversal potential equals the resting potential here, so GABA leaves a resting cell's V where "
            "it is and acts by adding conductance, which pulls V back towards rest whenever it rises (shunting "
            "inhibition)."
        )
    elif compared:
        parts.append(_depolarising_gaba(p, rate, rate_without_gaba_hz, n_glu > 0))
    elif depolarising:
        parts.append(
            f"GABA's reversal potential ({num(p.E_gaba_mV)} mV) lies above rest here, so GABA depolarises the "
            "resting cell; whether it then raises or lowers the firing rate depends on the inputs."
        )
    return " ".join(parts)


# A cell's spikes "come fairly regularly" below the CV the model calls a network regular, "irregularly" from it,
# and "almost like a clock" below this one.
CLOCK_BELOW_CV = 0.25


def _what_drives_the_firing(run: NeuronRun, g_exc: float, g_inh: float, balanced_possible: bool) -> str:
    """For a firing cell: mean-driven (its steady level above threshold) or fluctuation-driven (below), how
    regularly its spikes came, and "balanced" only where excitation and inhibition are both large compared
    with the leak and the steady level lies below threshold."""
    p = run.params
    v_inf, _ = steady_level(run)
    cv = isi_cv(run.spike_times_ms)
    level = f"with every conductance at its mean, V would settle at {num(v_inf, 1)} mV"
    if v_inf >= p.V_th_mV:
        if np.isnan(cv):
            how = "climbs back to threshold (too few spikes came in this second to say how regularly)"
        elif cv < CLOCK_BELOW_CV:
            how = f"climbs straight back to threshold and fires steadily, almost like a clock (CV {num(cv, 2)})"
        elif cv < REGULAR_BELOW_CV:
            how = f"climbs straight back to threshold and fires fairly regularly (CV {num(cv, 2)})"
        else:
            how = f"climbs back to threshold, though the input's fluctuations make the gaps uneven (CV {num(cv, 2)})"
        return (
            f"The average input drives this cell: {level}, above the threshold of {num(p.V_th_mV)} mV, so after "
            f"every spike it {how}."
        )
    if np.isnan(cv):
        how = "too rarely in this second to say how regularly"
    elif cv < REGULAR_BELOW_CV:
        how = f"yet its spikes come fairly regularly (CV {num(cv, 2)})"
    else:
        how = f"and its spikes come irregularly (CV {num(cv, 2)})"
    head, currents = "The cell is driven by the fluctuations of its input", ""
    if balanced_possible and g_exc >= p.g_L_nS and g_inh >= p.g_L_nS and p.E_gaba_mV < v_inf:
        head = (
            f"Excitation and inhibition are both strong ({num(g_exc, 1)} and {num(g_inh, 1)} nS, against a leak "
            f"of {num(p.g_L_nS)} nS) and their currents largely cancel"
        )
        currents = _currents(p, v_inf, g_exc, g_inh)
    return (
        f"{head}: {level}, below the threshold of {num(p.V_th_mV)} mV, so the cell fires only when the input "
        f"fluctuates upward, {how}.{currents}"
    )


def _currents(p, v_mV: float, g_exc: float, g_inh: float) -> str:
    """What balances is the currents, conductance times driving force, not the conductances: at the steady
    level the three currents add up to zero."""
    drive_e, drive_i, drive_l = p.E_exc_mV - v_mV, v_mV - p.E_gaba_mV, v_mV - p.E_L_mV
    return (
        f" At {num(v_mV, 1)} mV glutamate's channels pass {num(g_exc * drive_e)} pA inward (a driving force of "
        f"{num(drive_e)} mV), GABA's {num(g_inh * drive_i)} pA outward ({num(drive_i)} mV), and the leak the "
        f"remaining {num(p.g_L_nS * drive_l)} pA."
    )


def _silent_with_gaba(rate_without_hz: float | None) -> str:
    """Why a cell with glutamate and GABA input is silent, as far as the model's numbers say."""
    if rate_without_hz is None:
        return "The cell stays silent: excitation, with inhibition against it, does not reach threshold."
    if round(rate_without_hz) > 0:
        return (
            f"Inhibition outweighs excitation: without GABA this cell would fire {rate_without_hz:.0f} spikes per "
            "second; with it, it stays silent."
        )
    return "The excitation alone is too weak to reach threshold (the cell is silent without GABA too)."


def _depolarising_gaba(p, rate_hz: float, rate_without_hz: float, glutamate: bool) -> str:
    """What GABA did to the rate when its reversal potential lies above rest: the model's numbers, compared."""
    where = (
        "above threshold here, as in neurons early in their development"
        if p.E_gaba_mV > p.V_th_mV
        else "between rest and threshold here"
    )
    head = f"GABA's reversal potential ({num(p.E_gaba_mV)} mV) lies {where}, so GABA pulls V up from rest."
    with_without = f"{rate_hz:.0f} spikes per second with GABA, {rate_without_hz:.0f} without it" + (
        " (the same glutamate input)" if glutamate else ""
    )
    if round(rate_hz) > round(rate_without_hz):
        return f"{head} Here it excites: {with_without}."
    if round(rate_hz) < round(rate_without_hz):
        return f"{head} Here it lowers the rate: {with_without}."
    return f"{head} Here it leaves the rate as it was: {with_without}."


# The regimes' shown names: the model's (explainer.model.spikes.network_stats), with its irregular regime split
# by the excitatory cells' steady level (see network_regime_name).
BALANCED = "balanced irregular"
EXCITATION_AHEAD = "excitation ahead"
REGIME_NAMES = {
    "silent": "silent",
    "balanced irregular": BALANCED,
    "regular": "regular",
    "runaway": "runaway",
}


def network_regime_name(stats: NetworkStats, params: NetworkParams) -> str:
    """The regime as the pages name it.  The model's irregular regime is called balanced only while, on
    average, inhibition outweighs excitation (the excitatory cells' steady level lies below their resting
    potential, so only the fluctuations carry them to threshold); with the steady level above rest, excitation
    is ahead, and the cells fire faster although still irregularly."""
    if stats.regime == "balanced irregular" and mean_input_level_mV(params, stats) >= params.E_L_mV:
        return EXCITATION_AHEAD
    return REGIME_NAMES[stats.regime]


def _network_sentence(stats: NetworkStats, params: NetworkParams) -> str:
    """What the network did, from its numbers: the regime's sentence."""
    level = f"about {num(mean_input_level_mV(params, stats))} mV"
    if stats.regime == "silent":
        if params.kick_ms > 0:
            return "The network is silent: after the kick, the cells' input was too weak to keep them firing."
        if params.ext_rate_hz > 0:
            return "The network is silent: without a kick, the outside input alone does not get it going."
        return "The network is silent: with no kick and no outside input, nothing starts it."
    if stats.regime == "runaway":
        if params.w_inh_nS == 0:
            return (
                "Activity has run away: with no inhibition at all, excitation feeds on itself and the excitatory "
                f"cells fire on average more than {num(RUNAWAY_ABOVE_HZ)} spikes per second."
            )
        return (
            "Activity has run away: inhibition can no longer keep pace with excitation, so excitation feeds on "
            f"itself and the excitatory cells fire on average more than {num(RUNAWAY_ABOVE_HZ)} spikes per second."
        )
    if stats.regime == "regular":
        return f"Cells fire fairly regularly (CV below {num(REGULAR_BELOW_CV, 1)}), rather than irregularly."
    steady = f"with every conductance at its mean, an excitatory cell's V would settle at {level}"
    if network_regime_name(stats, params) == BALANCED:
        return (
            f"Excitation and inhibition hold each other in check: {steady}, below its resting potential of "
            f"{num(params.E_L_mV)} mV. On average inhibition outweighs excitation, so only the input's fluctuations "
            "carry a cell to threshold, and cells fire irregularly, each at its own moments."
        )
    if mean_input_level_mV(params, stats) < params.V_th_mV:
        return (
            f"Cells still fire irregularly, each at its own moments, but excitation is ahead: {steady}, above its "
            f"resting potential of {num(params.E_L_mV)} mV though below the threshold of {num(params.V_th_mV)} mV, "
            "so on average excitation outweighs inhibition and the fluctuations carry the cells over threshold "
            "often."
        )
    return (
        f"Cells still fire irregularly, but excitation is ahead: {steady}, above the threshold of "
        f"{num(params.V_th_mV)} mV, so inhibition no longer keeps pace with excitation."
    )


def describe_network_run(stats: NetworkStats, params: NetworkParams) -> str:
    """One paragraph on a network run: regime, rates and irregularity (for everyone and screen readers)."""
    cv = "not measurable (too few spikes)" if not np.isfinite(stats.exc_cv) else num(stats.exc_cv, 2)
    return (
        f"Regime: {network_regime_name(stats, params)}. Between {stats.start_ms:.0f} and {stats.stop_ms:.0f} ms "
        f"the {params.n_exc} excitatory cells fired on average {num(stats.exc_rate_hz, 1)} spikes per second and "
        f"the {params.n_inh} inhibitory cells {num(stats.inh_rate_hz, 1)}; irregularity (CV of interspike "
        f"intervals, 0 = clock-like, 1 = as irregular as random, above 1 = more irregular still, in bursts and "
        f"pauses) {cv}. " + _network_sentence(stats, params)
    )
