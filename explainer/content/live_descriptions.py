"""What a live run did, in words: the playground neuron and the network, for everyone and for screen readers.

Each paragraph states the model's numbers for this run and chooses its sentences from what the model did at
this setting (its steady level against threshold, the irregularity of its spikes, which rate is higher), never
from a fixed rule on the settings; tests/content/test_live_descriptions.py checks every claim across the
sliders' ranges.  The code chooses the sentences; their words are templates in content/words/descriptions.toml,
whole sentences with the model's numbers as ``{{name}}`` and plural forms, so each language says them in its own
word order.
"""

from __future__ import annotations

import numpy as np

from explainer.content.format import num, num_shortest
from explainer.content.words import words
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

WORDS = words("descriptions")


def describe_neuron_run(run: NeuronRun, inp: SynapticInput, rate_without_gaba_hz: float | None = None) -> str:
    """One paragraph: inputs, conductances, V and output, and what drives the firing, as the model did it.

    Whether the cell is mean-driven or fluctuation-driven comes from its steady level (where V would settle
    with every conductance at its mean, against the threshold) and how regular its spikes came from their CV;
    "balanced" is said only of a fluctuation-driven cell whose excitation and inhibition are both large
    compared with its leak.  ``rate_without_gaba_hz``: the rate of the same cell with the same glutamate input
    and no GABA (see :func:`explainer.model.experiments.balance.rate_without_gaba`).  Pages pass it whenever
    E_GABA lies above rest, where what GABA does to the firing rate depends on the numbers: the paragraph then
    says what the model did, never a fixed claim.  The sentences are content/words/descriptions.toml's.
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
    parts = [
        WORDS.plural(
            "neuron_inputs", _whole(seconds), seconds=num_shortest(seconds), glutamate=num(n_glu), gaba=num(n_gaba)
        ),
        WORDS.plural("neuron_fired", n_out, rate=num(rate)),
        WORDS.text(
            "neuron_conductances",
            g_exc=num(g_exc, 1),
            g_inh=num(g_inh, 1),
            v_mean=num(settled_mean_v_mV(run), 1),
            rest=num(p.E_L_mV),
            threshold=num(p.V_th_mV),
        ),
    ]
    if n_glu == 0 and n_gaba == 0:
        parts.append(WORDS.text("neuron_no_input"))
    elif n_out == 0 and g_inh > 0 and n_glu > 0:
        parts.append(_silent_with_gaba(rate_without_gaba_hz))
    elif n_out == 0:
        parts.append(WORDS.text("neuron_never_threshold"))
    else:
        if gaba_raises:
            parts.append(WORDS.text("neuron_both_push" if n_glu else "neuron_gaba_alone_fires"))
        parts.extend(_what_drives_the_firing(run, g_exc, g_inh, balanced_possible=not gaba_raises))
    if abs(p.E_gaba_mV - p.E_L_mV) < 1.0 and g_inh > 0:
        parts.append(WORDS.text("neuron_shunting"))
    elif compared:
        parts.extend(_depolarising_gaba(p, rate, rate_without_gaba_hz, n_glu > 0))
    elif depolarising:
        parts.append(WORDS.text("neuron_gaba_above_rest", e_gaba=num(p.E_gaba_mV)))
    return " ".join(parts)


def _whole(seconds: float) -> int:
    """The count that chooses the form of a run's length: its seconds if whole; a fraction takes the form of 0
    (English, Spanish and German write "0.5 seconds", as they write "0 seconds")."""
    return int(seconds) if float(seconds).is_integer() else 0


# A cell's spikes "come fairly regularly" below the CV the model calls a network regular, "irregularly" from it,
# and "almost like a clock" below this one.
CLOCK_BELOW_CV = 0.25


def _what_drives_the_firing(run: NeuronRun, g_exc: float, g_inh: float, balanced_possible: bool) -> list[str]:
    """For a firing cell: mean-driven (its steady level above threshold) or fluctuation-driven (below), how
    regularly its spikes came, and "balanced" only where excitation and inhibition are both large compared
    with the leak and the steady level lies below threshold."""
    p = run.params
    v_inf, _ = steady_level(run)
    cv = isi_cv(run.spike_times_ms)
    level = {"v_inf": num(v_inf, 1), "threshold": num(p.V_th_mV), "cv": num(cv, 2)}
    if v_inf >= p.V_th_mV:
        if np.isnan(cv):
            how = "few_spikes"
        elif cv < CLOCK_BELOW_CV:
            how = "clock"
        elif cv < REGULAR_BELOW_CV:
            how = "regular"
        else:
            how = "uneven"
        return [WORDS.text(f"neuron_mean_driven_{how}", **level)]
    if np.isnan(cv):
        how = "few_spikes"
    elif cv < REGULAR_BELOW_CV:
        how = "regular"
    else:
        how = "irregular"
    if balanced_possible and g_exc >= p.g_L_nS and g_inh >= p.g_L_nS and p.E_gaba_mV < v_inf:
        strengths = {"g_exc": num(g_exc, 1), "g_inh": num(g_inh, 1), "leak": num(p.g_L_nS)}
        return [WORDS.text(f"neuron_balanced_{how}", **level, **strengths), _currents(p, v_inf, g_exc, g_inh)]
    return [WORDS.text(f"neuron_fluctuation_driven_{how}", **level)]


def _currents(p, v_mV: float, g_exc: float, g_inh: float) -> str:
    """What balances is the currents, conductance times driving force, not the conductances: at the steady
    level the three currents add up to zero."""
    drive_e, drive_i, drive_l = p.E_exc_mV - v_mV, v_mV - p.E_gaba_mV, v_mV - p.E_L_mV
    return WORDS.text(
        "neuron_balanced_currents",
        v=num(v_mV, 1),
        i_exc=num(g_exc * drive_e),
        drive_exc=num(drive_e),
        i_inh=num(g_inh * drive_i),
        drive_inh=num(drive_i),
        i_leak=num(p.g_L_nS * drive_l),
    )


def _silent_with_gaba(rate_without_hz: float | None) -> str:
    """Why a cell with glutamate and GABA input is silent, as far as the model's numbers say."""
    if rate_without_hz is None:
        return WORDS.text("neuron_silent_with_gaba")
    if round(rate_without_hz) > 0:
        return WORDS.text("neuron_silent_inhibition_outweighs", rate_without=num(rate_without_hz))
    return WORDS.text("neuron_silent_without_gaba_too")


def _depolarising_gaba(p, rate_hz: float, rate_without_hz: float, glutamate: bool) -> list[str]:
    """What GABA did to the rate when its reversal potential lies above rest: the model's numbers, compared."""
    where = "neuron_gaba_above_threshold" if p.E_gaba_mV > p.V_th_mV else "neuron_gaba_below_threshold"
    if round(rate_hz) > round(rate_without_hz):
        effect = "neuron_gaba_excites"
    elif round(rate_hz) < round(rate_without_hz):
        effect = "neuron_gaba_lowers"
    else:
        effect = "neuron_gaba_keeps"
    rates = {"rate": num(rate_hz), "rate_without": num(rate_without_hz)}
    return [
        WORDS.text(where, e_gaba=num(p.E_gaba_mV)),
        WORDS.text(f"{effect}_same_input" if glutamate else effect, **rates),
    ]


# The regimes as the pages name them (content/words/descriptions.toml): the model's (explainer.model.spikes.
# network_stats), with its irregular regime split by the excitatory cells' steady level (see network_regime).
IRREGULAR = "balanced irregular"  # the model's id of its irregular regime, never shown (the name is the TOML's)
EXCITATION_AHEAD = "excitation_ahead"
REGIME_NAMES = {
    "silent": "regime_silent",
    IRREGULAR: "regime_balanced",
    EXCITATION_AHEAD: "regime_excitation_ahead",
    "regular": "regime_regular",
    "runaway": "regime_runaway",
}


def network_regime(stats: NetworkStats, params: NetworkParams) -> str:
    """The regime as the pages tell it (a key of :data:`REGIME_NAMES`).  The model's irregular regime is called
    balanced only while, on average, inhibition outweighs excitation (the excitatory cells' steady level lies
    below their resting potential, so only the fluctuations carry them to threshold); with the steady level
    above rest, excitation is ahead, and the cells fire faster although still irregularly."""
    if stats.regime == IRREGULAR and mean_input_level_mV(params, stats) >= params.E_L_mV:
        return EXCITATION_AHEAD
    return stats.regime


def network_regime_name(stats: NetworkStats, params: NetworkParams) -> str:
    """The regime's name in the page's language ("balanced irregular")."""
    return WORDS.text(REGIME_NAMES[network_regime(stats, params)])


def _network_sentence(stats: NetworkStats, params: NetworkParams) -> str:
    """What the network did, from its numbers: the regime's sentence."""
    if stats.regime == "silent":
        if params.kick_ms > 0:
            return WORDS.text("network_silent_after_kick")
        if params.ext_rate_hz > 0:
            return WORDS.text("network_silent_no_kick")
        return WORDS.text("network_silent_nothing")
    if stats.regime == "runaway":
        key = "network_runaway_no_inhibition" if params.w_inh_nS == 0 else "network_runaway"
        return WORDS.text(key, runaway=num(RUNAWAY_ABOVE_HZ))
    if stats.regime == "regular":
        return WORDS.text("network_regular", cv=num(REGULAR_BELOW_CV, 1))
    level = mean_input_level_mV(params, stats)
    values = {"level": num(level), "rest": num(params.E_L_mV), "threshold": num(params.V_th_mV)}
    if network_regime(stats, params) == IRREGULAR:
        return WORDS.text("network_balanced", **values)
    if level < params.V_th_mV:
        return WORDS.text("network_ahead_below_threshold", **values)
    return WORDS.text("network_ahead_above_threshold", **values)


def describe_network_run(stats: NetworkStats, params: NetworkParams) -> str:
    """One paragraph on a network run: regime, rates and irregularity (for everyone and screen readers)."""
    rates = {
        "start": num(stats.start_ms),
        "stop": num(stats.stop_ms),
        "n_exc": num(params.n_exc),
        "exc_rate": num(stats.exc_rate_hz, 1),
        "n_inh": num(params.n_inh),
        "inh_rate": num(stats.inh_rate_hz, 1),
    }
    measured = np.isfinite(stats.exc_cv)
    return " ".join(
        (
            WORDS.text("network_regime", regime=network_regime_name(stats, params)),
            WORDS.text("network_rates", cv=num(stats.exc_cv, 2), **rates)
            if measured
            else WORDS.text("network_rates_no_cv", **rates),
            _network_sentence(stats, params),
        )
    )
