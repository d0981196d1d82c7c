"""Warm the slow caches once per server process, in the background, as soon as the first page runs.

A network second costs about 0.5-0.8 s of CPU, the blocked-gate page's curve four of them and the circuits page's
table of regimes about ten; without this, the first student to open the circuits or blocked-gate page waits for
them.  The first page view
of a fresh server starts one daemon thread that simulates the default networks of both pages (the
results land in the same ``st.cache_resource`` caches the pages read), so every page's default view is
ready a few seconds after the first visit, whatever page that was.
"""

from __future__ import annotations

import logging
import threading

from explainer.model.experiments.circuits import DEFAULT_NETWORK_SEED
from explainer.ui import network_views

_lock = threading.Lock()
_started = False
_LOG = logging.getLogger(__name__)


def start() -> None:
    """Start the warm-up thread once per process (later calls do nothing)."""
    global _started
    with _lock:
        if _started:
            return
        _started = True
    threading.Thread(target=_warm, name="explainer-warm-up", daemon=True).start()


def _warm() -> None:
    try:
        # The default network (the circuits page and the blocked-gate page at scale 1) and the blocked-gate
        # curve's scales: the expensive runs.  The views' data (~3 ms each) is made when a page asks.
        network_views.disinhibition_curve(DEFAULT_NETWORK_SEED)
        network_views.REGIME_TABLE.get()  # the circuits page's table of regimes (and its presets' runs)
    except Exception:  # a warm-up must never take the server down; the pages compute on demand
        _LOG.exception("warm-up failed")
