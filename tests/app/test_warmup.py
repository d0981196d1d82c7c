"""The background warm-up: the slow network runs are made once, in the caches the pages read."""

from __future__ import annotations

import threading
from dataclasses import replace

from explainer.model.experiments.circuits import DEFAULT_NETWORK_SEED, DISINHIBITION_SCALES, SETTINGS
from explainer.model.network import NetworkParams
from explainer.ui import network_views, warmup


def test_warm_up_fills_the_caches_the_pages_read(monkeypatch):
    calls = []
    real = network_views.run_network
    monkeypatch.setattr(network_views, "run_network", lambda p, s: calls.append((p, s)) or real(p, s))
    monkeypatch.setattr(network_views, "REGIME_TABLE", network_views._RegimeTableOnce())
    network_views.network_run.clear()
    network_views.disinhibition_curve.clear()
    warmup._warm()
    assert len(calls) == len(set(calls)), "each network run once"
    assert {(replace(NetworkParams(), e_to_i_scale=s), DEFAULT_NETWORK_SEED) for s in DISINHIBITION_SCALES} <= set(
        calls
    ), "one run per scale of the blocked-gate curve"
    assert network_views.REGIME_TABLE.ready() is not None, "the circuits page's table of regimes"
    # What the circuits page (its presets) and the blocked-gate page ask for first is then a cache hit.
    before = len(calls)
    for params in SETTINGS.values():
        network_views.network_run(params, DEFAULT_NETWORK_SEED)
    network_views.disinhibition_curve(DEFAULT_NETWORK_SEED)
    assert len(calls) == before, "a network the pages show first was simulated again"


def test_warm_up_starts_one_thread_per_process(monkeypatch):
    started = []
    monkeypatch.setattr(warmup, "_started", False)
    monkeypatch.setattr(warmup, "_warm", lambda: started.append(threading.current_thread().name))
    for _ in range(3):
        warmup.start()
    for t in threading.enumerate():
        if t.name == "explainer-warm-up":
            t.join(timeout=5)
    assert started == ["explainer-warm-up"]
