"""What a live run did, in words: the playground neuron and the network, for everyone and for screen readers.

Each paragraph states the model's numbers for this run and compares only what the model computed.
"""

from __future__ import annotations

import numpy as np

from explainer.model.neuron import NeuronRun, SynapticInput
from explainer.model.spikes import mean_after, settled_mean_v_mV


def describe_neuron_run(run: NeuronRun, inp: SynapticInput, rate_without_gaba_hz: float | None = None) -> str:
    """One paragraph: inputs, conductances, V and output, and which side is winning.

    ``rate_without_gaba_hz``: the rate of the same cell with the same glutamate input and no GABA (see
    :func:`explainer.model.experiments.balance.rate_without_gaba`).  Pages pass it whenever E_GABA lies
    above rest, where what GABA does to the firing rate depends on the numbers: the paragraph then says what
    the model did, never a fixed claim.
    """
    seconds = run.duration_ms / 1000.0
    n_glu = int(np.count_nonzero(inp.glutamate_times_ms <= run.duration_ms))
    n_gaba = int(np.count_nonzero(inp.gaba_times_ms <= run.duration_ms))
    n_out = int(run.spike_times_ms.size)
    settle_ms = 5 * run.params.tau_m_ms
    g_exc = mean_after(run.g_ampa_nS + run.g_nmda_nS, run.t_ms, settle_ms)
    g_inh = mean_after(run.g_gaba_nS, run.t_ms, settle_ms)
    v_mean = settled_mean_v_mV(run)
    p = run.params
    rate = run.firing_rate_hz
    depolarising = p.E_gaba_mV >= p.E_L_mV + 1.0 and g_inh > 0
    compared = depolarising and rate_without_gaba_hz is not None
    gaba_raises = compared and round(rate) > round(rate_without_gaba_hz)
    span = f"{seconds:g} second" + ("" if seconds == 1 else "s")
    parts = [
        f"In this {span} the neuron received {n_glu:,} glutamate and {n_gaba:,} GABA input spikes "
        f"and fired {n_out} time{'s' if n_out != 1 else ''} ({rate:.0f} spikes per second)."
    ]
    parts.append(
        f"On average the glutamate-gated channels let through {g_exc:.1f} nS and the GABA-gated channels "
        f"{g_inh:.1f} nS; the membrane potential averaged {v_mean:.1f} mV (rest {p.E_L_mV:.0f} mV, "
        f"threshold {p.V_th_mV:.0f} mV)."
    )
    if n_glu == 0 and n_gaba == 0:
        parts.append("With no input at all, the cell sits at its resting potential and stays silent.")
    elif gaba_raises:
        parts.append("Glutamate and GABA both push this cell towards firing.")
    elif n_out == 0 and g_inh > 0 and n_glu > 0:
        parts.append(_silent_with_gaba(rate_without_gaba_hz))
    elif n_out == 0:
        parts.append("The excitation is too weak to reach threshold, so the cell stays silent.")
    elif g_inh == 0:
        parts.append("Excitation alone drives the cell; nothing holds it back.")
    elif g_inh >= 0.5 * g_exc:
        parts.append(
            "Excitation and inhibition are both strong and nearly balanced: the cell fires, but irregularly, "
            "when the input fluctuates above threshold."
        )
    else:
        parts.append("Excitation outweighs inhibition: the cell fires readily.")
    if abs(p.E_gaba_mV - p.E_L_mV) < 1.0 and g_inh > 0:
        parts.append(
            "GABA's reversal potential equals the resting potential here, so GABA inhibits by shunting: "
            "it opens a leak that pulls V toward rest rather than below it."
        )
    elif compared:
        parts.append(_depolarising_gaba(p, rate, rate_without_gaba_hz))
    elif depolarising:
        parts.append(
            f"GABA's reversal potential ({p.E_gaba_mV:.0f} mV) lies above rest here, so GABA depolarises the "
            "resting cell; whether it then raises or lowers the firing rate depends on the inputs."
        )
    return " ".join(parts)


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


def _depolarising_gaba(p, rate_hz: float, rate_without_hz: float) -> str:
    """What GABA did to the rate when its reversal potential lies above rest: the model's numbers, compared."""
    where = "above threshold, as in immature neurons" if p.E_gaba_mV > p.V_th_mV else "between rest and threshold"
    head = f"GABA's reversal potential ({p.E_gaba_mV:.0f} mV) lies {where} here, so GABA pulls V up from rest."
    with_without = f"{rate_hz:.0f} spikes per second with GABA, {rate_without_hz:.0f} without it"
    if round(rate_hz) > round(rate_without_hz):
        return f"{head} Here it excites: {with_without} (the same glutamate input)."
    if round(rate_hz) < round(rate_without_hz):
        return f"{head} Here it lowers the rate: {with_without} (the same glutamate input)."
    return f"{head} Here it leaves the rate as it was: {with_without} (the same glutamate input)."


# The regimes' shown names, by the model's id (explainer.model.spikes.network_stats).
REGIME_NAMES = {
    "silent": "silent",
    "balanced irregular": "balanced irregular",
    "regular": "regular",
    "runaway": "runaway",
}

REGIME_SENTENCES = {
    "silent": "The network is silent: with no kick to start it, recurrent excitation never gets going.",
    "balanced irregular": (
        "Excitation and inhibition balance each other: cells fire irregularly, each at its own moments, rather "
        "than in lock-step."
    ),
    "regular": "Cells fire fairly regularly, like clocks, rather than irregularly.",
    "runaway": (
        "Activity has run away: with too little inhibition to hold it, excitation feeds on itself and the "
        "excitatory cells fire far faster than in the balanced state. This is a cartoon of a seizure-like state "
        "in a model network, not a model of a real seizure."
    ),
}


def describe_network_run(stats, params) -> str:
    """One paragraph on a network run: regime, rates and irregularity (for everyone and screen readers)."""
    cv = "not measurable (too few spikes)" if not np.isfinite(stats.exc_cv) else f"{stats.exc_cv:.2f}"
    return (
        f"Regime: {REGIME_NAMES[stats.regime]}. Between {stats.start_ms:.0f} and {stats.stop_ms:.0f} ms the "
        f"{params.n_exc} excitatory cells fired on average {stats.exc_rate_hz:.1f} spikes per second and the "
        f"{params.n_inh} inhibitory cells {stats.inh_rate_hz:.1f}; irregularity (CV of interspike intervals, "
        f"0 = clock-like, 1 = as irregular as random, above 1 = more irregular still, in bursts and pauses) {cv}. "
        + REGIME_SENTENCES[stats.regime]
    )
