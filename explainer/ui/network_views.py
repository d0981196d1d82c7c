"""Cached network views shared by the circuits and "blocked gate" pages, and the circuits page's table of
regimes and the numbers its question's feedback quotes.

``cache_resource``: a network second costs ~0.5 s of CPU; results and figures are shared read-only by
every session, so a class opening the same preset simulates it once.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, replace

import numpy as np
import streamlit as st

from explainer.content import i18n
from explainer.content import numbers as text_numbers
from explainer.content.format import num, shown
from explainer.content.live_descriptions import describe_network_run
from explainer.content.words import words
from explainer.figures.network_view import RASTER_EXC_CELLS, RASTER_INH_CELLS, network_view_payload
from explainer.figures.style import FigureStyle
from explainer.figures.view_codec import view_id
from explainer.model.experiments.circuits import (
    BALANCED,
    DEFAULT_NETWORK_SEED,
    DISINHIBITION_SCALES,
    SETTINGS,
    run_network,
    runaway_onset_nS,
)
from explainer.model.network import NetworkParams
from explainer.model.spikes import NetworkStats
from explainer.ui import dom

W = words("ui")  # the words: content/words/ui.toml
_LOG = logging.getLogger(__name__)
RASTER_CELLS = RASTER_EXC_CELLS + RASTER_INH_CELLS  # the cells the raster samples (at most)


@st.cache_resource(max_entries=64, show_spinner=False)
def network_view(
    params: NetworkParams,
    seed: int,
    figure_style: FigureStyle,
    calm: bool = False,
    export_name: str = "network",
    export_caption: str = "",
    *,
    lang: str,
) -> tuple[NetworkStats, bytes, str]:
    """Simulate, build the animated view's data (~13 KB) and the description (the run itself is cached
    separately, so switching presenter mode only rebuilds the view data)."""
    with i18n.using(lang):
        run, stats = network_run(params, seed)
        description = describe_network_run(stats, params)
        payload = network_view_payload(
            run,
            view_id=view_id(params, seed),
            figure_style=figure_style,
            alt=W.text("network_alt", cells=RASTER_CELLS, description=description),
            export_name=export_name,
            export_caption=export_caption,
            link_private=dom.PRIVATE_LINK_PARAMS,
            calm=calm,
        )
        return stats, payload, description


@st.cache_resource(max_entries=24, show_spinner=False)
def network_run(params: NetworkParams, seed: int):
    """One network second and its statistics (~0.5-0.8 s of CPU once, then shared by every session)."""
    return run_network(params, seed)


@st.cache_resource(max_entries=4, show_spinner=False)
def disinhibition_curve(seed: int):
    """E and I rates over the standard E->I scales (a few network seconds, computed once per seed).

    Each scale's run goes through :func:`network_run`, so the blocked-gate page's slider finds the same
    runs in the cache (and the curve those the slider made)."""
    stats = [network_run(replace(NetworkParams(), e_to_i_scale=float(s)), seed)[1] for s in DISINHIBITION_SCALES]
    return (
        np.asarray(DISINHIBITION_SCALES, dtype=float),
        np.asarray([run_stats.exc_rate_hz for run_stats in stats]),
        np.asarray([run_stats.inh_rate_hz for run_stats in stats]),
    )


@dataclass(frozen=True)
class RegimeRow:
    """One named setting of the circuits page (:data:`SETTINGS`: its presets) and what the network did."""

    setting: str  # its id: the page's words name it
    params: NetworkParams
    stats: NetworkStats


@dataclass(frozen=True)
class RegimeTable:
    """The circuits page's named settings with one wiring, and the inhibition below which activity runs away."""

    seed: int
    rows: tuple[RegimeRow, ...]
    runaway_below_nS: int

    def stats(self, setting: str) -> NetworkStats:
        return next(row.stats for row in self.rows if row.setting == setting)


def _compute_regime_table(seed: int) -> RegimeTable:
    """Each named setting's run, and where runaway starts (a bisection over inhibition): about ten network
    seconds, through :func:`network_run`, so the presets' runs are cached for the page too."""
    rows = tuple(RegimeRow(name, params, network_run(params, seed)[1]) for name, params in SETTINGS.items())
    onset = runaway_onset_nS(BALANCED, seed, stats_of=lambda params, s: network_run(params, s)[1])
    return RegimeTable(seed, rows, onset)


class _RegimeTableOnce:
    """The table with the default wiring, computed once per process in a thread of its own (the warm-up starts
    it at the server's first page view): the page asks without waiting (:meth:`ready`) and shows it once it is
    there; the question's feedback waits for it (:meth:`get`).  A failed computation is logged and tried again
    at the next request."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._table: RegimeTable | None = None

    def _start(self) -> threading.Thread:
        with self._lock:
            if self._thread is None or (not self._thread.is_alive() and self._table is None):
                self._thread = threading.Thread(target=self._compute, name="explainer-regimes", daemon=True)
                self._thread.start()
            return self._thread

    def _compute(self) -> None:
        try:
            self._table = _compute_regime_table(DEFAULT_NETWORK_SEED)
        except Exception:  # the page says the table is being computed; the next request tries again
            _LOG.exception("the table of regimes failed")

    def ready(self) -> RegimeTable | None:
        """The table if it is computed; otherwise start computing it (once) and return None."""
        if self._table is None:
            self._start()
        return self._table

    def get(self) -> RegimeTable:
        """The table, waiting for it if it is being computed."""
        if self._table is None:
            self._start().join()
        if self._table is None:
            raise RuntimeError("the table of regimes could not be computed (see the log)")
        return self._table


REGIME_TABLE = _RegimeTableOnce()


def circuits_numbers() -> dict[str, str]:
    """Everything the circuits page's question quotes: its prompt's settings and, for the feedback, what the
    network did at the balanced and the weak-inhibition setting (from the table, with the default wiring)."""
    table = REGIME_TABLE.get()
    balanced, weak = table.stats("balanced"), table.stats("weak_inhibition")
    rate_balanced, rate_weak = num(balanced.exc_rate_hz, 1), num(weak.exc_rate_hz, 1)
    return {
        **text_numbers.circuits_questions(),
        "rate_balanced": rate_balanced,
        "rate_weak": rate_weak,
        "inh_balanced": num(balanced.inh_rate_hz, 1),
        "inh_weak": num(weak.inh_rate_hz, 1),
        "cv_weak": num(weak.exc_cv, 2),
        "ratio": num(shown(weak.exc_rate_hz, 1) / shown(balanced.exc_rate_hz, 1), 1),  # of the rates as shown
        "runaway_below": num(table.runaway_below_nS),
    }
