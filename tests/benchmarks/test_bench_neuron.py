"""Budget 1: one neuron, 1 s simulated at dt 0.1 ms, <= 20 ms (docs/architecture.md, budgets).

The input spikes are drawn once, outside the timed call: the budget is for the simulation.
"""

from __future__ import annotations

import numpy as np
import pytest

from explainer.model import NeuronParams, poisson_input, simulate_neuron
from tests.benchmarks._bench import BUDGET_NEURON_MS, BUSIEST_INPUT, DEFAULT_INPUT, measure, record_timings

DURATION_ms = 1000.0
DT_ms = 0.1


@pytest.mark.parametrize(
    "label,rates", [("default input", DEFAULT_INPUT), ("busiest sliders", BUSIEST_INPUT)], ids=["default", "busiest"]
)
def test_single_neuron(label, rates):
    inp = poisson_input(np.random.default_rng(0), duration_ms=DURATION_ms, **rates)
    params = NeuronParams()
    print(f"\n[single neuron, {label}] {inp.glutamate_times_ms.size} glutamate + {inp.gaba_times_ms.size} GABA spikes")

    timings, runs = measure(lambda _i: simulate_neuron(params, inp, duration_ms=DURATION_ms, dt_ms=DT_ms))
    record_timings(f"1. single neuron 1 s @ dt 0.1 ms, {label}", timings, BUDGET_NEURON_MS)

    run = runs[-1]
    print(f"  output: {run.spike_times_ms.size} spikes, V in [{run.v_mV.min():.1f}, {run.v_mV.max():.1f}] mV")
    # Correctness only: a full, finite trace, deterministic given the spikes, and the default input fires.
    assert run.duration_ms == pytest.approx(DURATION_ms, abs=DT_ms)
    assert np.all(np.isfinite(run.v_mV))
    assert all(np.array_equal(r.spike_times_ms, run.spike_times_ms) for r in runs)
    if label == "default input":
        assert run.spike_times_ms.size > 0, "the default playground input should make the neuron fire"
