"""Ready-made single-neuron scenarios: settings a page exposes -> model inputs -> a run.

Pure functions over frozen dataclasses, so pages stay thin and tests and benchmarks can run exactly
what a page runs.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from explainer.model.inputs import poisson_input
from explainer.model.neuron import NeuronParams, NeuronRun, SynapticInput, simulate_neuron

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
