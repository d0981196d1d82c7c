"""Balance: the tug of war (one neuron, Poisson glutamate and GABA input: what the playground and lesson 4
run), the same neuron over a grid of input rates, and irregular firing in balance.

:class:`TugOfWarSettings` is what the playground's sliders set; :func:`run_tug_of_war` runs exactly what
the page shows, so tests and benchmarks can run it too.
:func:`rate_map` simulates the playground neuron over a grid of input rates, all cells at once;
:func:`explainer.model.spikes.isi_cv` measures irregularity, the coefficient of variation of the
interspike intervals (0 for a metronome, 1 for a Poisson process).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from types import MappingProxyType

import numpy as np

from explainer.model.inputs import poisson_input
from explainer.model.neuron import NeuronParams, NeuronRun, SynapticInput, simulate_batch, simulate_neuron
from explainer.model.spikes import isi_cv

PLAYGROUND_DURATION_ms = 1000.0
PLAYGROUND_DT_ms = 0.1


@dataclass(frozen=True)
class TugOfWarSettings:
    """What the tug-of-war playground lets a student change (pooled Poisson input on one cell)."""

    glutamate_rate_hz: float = 2500.0
    glutamate_weight_nS: float = 1.0
    gaba_rate_hz: float = 1000.0
    gaba_weight_nS: float = 1.0
    g_nmda_max_nS: float = NeuronParams.g_nmda_max_nS
    E_gaba_mV: float = NeuronParams.E_gaba_mV
    mg_mM: float = NeuronParams.mg_mM
    seed: int = 1
    duration_ms: float = PLAYGROUND_DURATION_ms
    dt_ms: float = PLAYGROUND_DT_ms

    def neuron_params(self) -> NeuronParams:
        return replace(NeuronParams(), g_nmda_max_nS=self.g_nmda_max_nS, E_gaba_mV=self.E_gaba_mV, mg_mM=self.mg_mM)


def tug_of_war_input(settings: TugOfWarSettings) -> SynapticInput:
    """The input spikes for these settings (same seed -> same spikes)."""
    return poisson_input(
        np.random.default_rng(settings.seed),
        duration_ms=settings.duration_ms,
        glutamate_rate_hz=settings.glutamate_rate_hz,
        glutamate_weight_nS=settings.glutamate_weight_nS,
        gaba_rate_hz=settings.gaba_rate_hz,
        gaba_weight_nS=settings.gaba_weight_nS,
    )


def run_tug_of_war(settings: TugOfWarSettings) -> tuple[NeuronRun, SynapticInput]:
    """Simulate the playground neuron for these settings."""
    inp = tug_of_war_input(settings)
    run = simulate_neuron(settings.neuron_params(), inp, duration_ms=settings.duration_ms, dt_ms=settings.dt_ms)
    return run, inp


def rate_without_gaba(settings: TugOfWarSettings, inp: SynapticInput) -> float:
    """Firing rate (spikes/s) of the same cell with the same glutamate spikes and no GABA input at all."""
    no_gaba = SynapticInput(inp.glutamate_times_ms, inp.glutamate_weights_nS, np.empty(0), np.empty(0))
    return simulate_neuron(settings.neuron_params(), no_gaba, settings.duration_ms, settings.dt_ms).firing_rate_hz


def gaba_depolarises(settings: TugOfWarSettings) -> bool:
    """E_GABA at least 1 mV above rest with GABA input present: where the description compares with no GABA."""
    return settings.E_gaba_mV >= NeuronParams.E_L_mV + 1.0 and settings.gaba_rate_hz > 0 and settings.gaba_weight_nS > 0


def compares_without_gaba(settings: TugOfWarSettings, run: NeuronRun) -> bool:
    """Whether a description of ``run`` needs the same cell's rate without GABA to say what GABA did: when
    GABA depolarises (it may raise or lower the rate), or when the cell is silent under glutamate and GABA
    (inhibition silenced it only if glutamate alone would have fired it)."""
    has_gaba = settings.gaba_rate_hz > 0 and settings.gaba_weight_nS > 0
    has_glutamate = settings.glutamate_rate_hz > 0 and settings.glutamate_weight_nS > 0
    silent = run.spike_times_ms.size == 0
    return gaba_depolarises(settings) or (silent and has_gaba and has_glutamate)


DEFAULT_SETTINGS = TugOfWarSettings()  # the tug of war's opening setting (the playground's, lesson 4's, Start here's)

# The tug of war's named settings, by preset id: the one definition of every preset name the playground and
# lesson 4 show (their names and captions: content/words/tug_of_war.toml).  All at the opening strengths (1 nS
# a spike), so lesson 4's two rate sliders reach each one, and on a grid of 250 spikes/s, the sliders' step.
TUG_OF_WAR_PRESETS: Mapping[str, TugOfWarSettings] = MappingProxyType(
    {
        "excitation_wins": TugOfWarSettings(glutamate_rate_hz=3000.0, gaba_rate_hz=250.0),
        "both_strong": TugOfWarSettings(glutamate_rate_hz=6000.0, gaba_rate_hz=5250.0),
        "inhibition_wins": TugOfWarSettings(glutamate_rate_hz=2500.0, gaba_rate_hz=4000.0),
        "no_input": TugOfWarSettings(glutamate_rate_hz=0.0, gaba_rate_hz=0.0),
    }
)


RATE_MAP_RATES_HZ = np.linspace(0.0, 6000.0, 9)
RATE_MAP_DURATION_ms = 500.0


@dataclass(frozen=True)
class RateMap:
    """Output firing rate (spikes/s) of the playground neuron over glutamate x GABA input rates."""

    glutamate_rates_hz: np.ndarray  # columns
    gaba_rates_hz: np.ndarray  # rows
    rate_hz: np.ndarray  # shape (gaba, glutamate)
    duration_ms: float


def rate_map(
    settings: TugOfWarSettings = DEFAULT_SETTINGS,
    glutamate_rates_hz: np.ndarray = RATE_MAP_RATES_HZ,
    gaba_rates_hz: np.ndarray = RATE_MAP_RATES_HZ,
    duration_ms: float = RATE_MAP_DURATION_ms,
) -> RateMap:
    """The playground's neuron (weights, E_GABA, NMDA, Mg2+ and seed from ``settings``) at every rate pair.

    Every cell uses the same random seed, so neighbouring cells differ by their rates, not their luck.
    """
    glu = np.asarray(glutamate_rates_hz, dtype=float)
    gaba = np.asarray(gaba_rates_hz, dtype=float)
    cells = [
        replace(settings, glutamate_rate_hz=float(ge), gaba_rate_hz=float(gi), duration_ms=duration_ms)
        for gi in gaba
        for ge in glu
    ]
    batch = simulate_batch(
        settings.neuron_params(), [tug_of_war_input(c) for c in cells], 0.0, duration_ms, settings.dt_ms
    )
    return RateMap(
        glutamate_rates_hz=glu,
        gaba_rates_hz=gaba,
        rate_hz=batch.firing_rates_hz.reshape(gaba.size, glu.size),
        duration_ms=batch.duration_ms,
    )


REGULARITY_DURATION_ms = 20000.0  # long enough for CVs that one seed or another barely changes (~0.2 s of CPU)
# Excitation alone, tuned to fire at about the balanced case's rate (tests keep the two rates close).  Both use
# the playground's default strengths (1 nS per spike), so both lie on the lesson's rate map (inside its
# 0 to 6000 spikes/s axes).  The balanced cell is the "Both strong" preset's, for longer.
EXCITATION_ONLY = TugOfWarSettings(glutamate_rate_hz=1850.0, gaba_rate_hz=0.0, duration_ms=REGULARITY_DURATION_ms)
BALANCED = replace(TUG_OF_WAR_PRESETS["both_strong"], duration_ms=REGULARITY_DURATION_ms)


@dataclass(frozen=True)
class Regularity:
    """Two cells firing at similar rates: one driven by excitation alone, one by strong, balanced E and I."""

    excitation_only: NeuronRun
    balanced: NeuronRun

    @property
    def cv_excitation_only(self) -> float:
        return isi_cv(self.excitation_only.spike_times_ms)

    @property
    def cv_balanced(self) -> float:
        return isi_cv(self.balanced.spike_times_ms)


def steady_level(run: NeuronRun, start_ms: float = 100.0) -> tuple[float, float]:
    """(V_inf in mV, tau_eff in ms) from the run's mean conductances after ``start_ms``.

    V_inf = (g_L E_L + g_E E_exc + g_GABA E_GABA) / (g_L + g_E + g_GABA) is where V would settle if every
    conductance stayed at its mean, and tau_eff = C / (g_L + g_E + g_GABA) how fast the membrane follows
    its input (Kuhn, Aertsen & Rotter 2004: high-conductance states make the membrane fast).
    """
    p = run.params
    keep = run.t_ms >= start_ms
    g_e = float((run.g_ampa_nS + run.g_nmda_nS)[keep].mean())
    g_i = float(run.g_gaba_nS[keep].mean())
    total = p.g_L_nS + g_e + g_i
    return (p.g_L_nS * p.E_L_mV + g_e * p.E_exc_mV + g_i * p.E_gaba_mV) / total, p.c_pF / total


def regularity_comparison(
    excitation_only: TugOfWarSettings = EXCITATION_ONLY, balanced: TugOfWarSettings = BALANCED
) -> Regularity:
    """Simulate both cells (20 s each, so the interval statistics are meaningful)."""

    def run(s: TugOfWarSettings) -> NeuronRun:
        return simulate_neuron(s.neuron_params(), tug_of_war_input(s), duration_ms=s.duration_ms, dt_ms=s.dt_ms)

    return Regularity(excitation_only=run(excitation_only), balanced=run(balanced))
