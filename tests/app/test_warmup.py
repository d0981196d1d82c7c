"""The background warm-up: the slow network runs are made once, in the caches the pages read."""

from __future__ import annotations

import threading

from explainer.model.experiments.circuits import DEFAULT_NETWORK_SEED, DISINHIBITION_SCALES
from explainer.model.network import NetworkParams
from explainer.ui import network_views, warmup


def test_warm_up_fills_the_caches_the_pages_read(monkeypatch):
    calls = []
    real = network_views.run_network
    monkeypatch.setattr(network_views, "run_network", lambda p, s: calls.append((p, s)) or real(p, s))
    network_views.network_run.clear()
    network_views.disinhibition_curve.clear()
    warmup._warm()
    assert len(calls) == len(DISINHIBITION_SCALES), "one run per scale of the blocked-gate curve"
    # What the circuits page and the blocked-gate page ask for first is then a cache hit.
    network_views.network_run(NetworkParams(), DEFAULT_NETWORK_SEED)
    network_views.disinhibition_curve(DEFAULT_NETWORK_SEED)
    assert len(calls) == len(DISINHIBITION_SCALES), "the default network was simulated again"


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
