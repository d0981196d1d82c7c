"""Benchmark: the 1000-cell network, 1 s of model time at dt 0.1 ms (budget 1 s), and its view data."""

from __future__ import annotations

import time

import numpy as np

from explainer.figures.network_view import network_view_payload
from explainer.figures.style import FigureStyle
from explainer.model.network import NetworkParams, simulate_network

NETWORK_BUDGET_S = 1.0


def test_network_one_second():
    times, cpu = [], []
    for seed in range(5):
        t0, c0 = time.perf_counter(), time.process_time()
        run = simulate_network(NetworkParams(), 1000.0, 0.1, np.random.default_rng(seed))
        times.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
        assert run.spike_times_ms.size > 0
    wall, proc = float(np.median(times)), float(np.median(cpu))
    print(
        f"\nnetwork 1000 cells, 1 s at 0.1 ms: median {wall:.3f} s wall, {proc:.3f} s cpu; "
        f"budget {NETWORK_BUDGET_S} s; ratio {wall / NETWORK_BUDGET_S:.2f}"
    )
    for label, params in (("balanced", NetworkParams()), ("runaway", NetworkParams(w_inh_nS=0.0))):
        run = simulate_network(params, 1000.0, 0.1, np.random.default_rng(0))
        t0 = time.perf_counter()
        payload = network_view_payload(run, view_id="x", figure_style=FigureStyle(), alt="", export_name="n")
        print(
            f"network view data, {label}: {1000 * (time.perf_counter() - t0):.1f} ms, {len(payload):,} bytes "
            f"(budget 60,000; {run.spike_times_ms.size:,} spikes)"
        )
