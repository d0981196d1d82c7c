"""Shared helpers for the on-demand benchmarks (the budgets of docs/architecture.md); conftest.py prints the table.

Run with ``python -m pytest tests/benchmarks -s``; the default ``python -m pytest`` ignores this folder
(``--ignore=tests/benchmarks`` in pyproject.toml).  Benchmarks print figures and never assert on timings:
machines are noisy, so a slow run is a number to read, not a failure.  They assert only correctness
(e.g. that the simulated neuron fired).

Every measurement records wall time (``time.perf_counter``) and CPU time of this process
(``time.process_time``, all threads, so it includes Streamlit's script thread under AppTest).  Each test
adds rows to one table, printed at the end of the session by ``pytest_terminal_summary``.
"""

from __future__ import annotations

import gc
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

# ---- budgets (docs/architecture.md) ----------------------------------------------------------------------

BUDGET_NEURON_MS = 20.0  # single neuron, 1 s simulated at dt 0.1 ms
BUDGET_RERUN_FIRST_MS = 15.0  # server CPU per new setting, single-neuron pages (model + view data + serialisation)
GOAL_RERUN_FIRST_MS = 8.0
BUDGET_RERUN_CACHED_CPU_MS = 30.0  # server CPU per rerun when the parameters were seen before
BUDGET_VIEW_BYTES = 60_000  # the message for one animated view
GOAL_VIEW_BYTES = 30_000

# ---- settings shared by the benchmarks ---------------------------------------------------------------

# The default playground input (also TugOfWarSettings() defaults).
DEFAULT_INPUT = {
    "glutamate_rate_hz": 2500.0,
    "glutamate_weight_nS": 1.0,
    "gaba_rate_hz": 1000.0,
    "gaba_weight_nS": 1.0,
}
# The busiest slider setting of the playground: most input spikes, strongest synapses.
BUSIEST_INPUT = {
    "glutamate_rate_hz": 6000.0,
    "glutamate_weight_nS": 3.0,
    "gaba_rate_hz": 6000.0,
    "gaba_weight_nS": 5.0,
}

WARMUP = 3  # un-timed runs before every measured series (imports, caches, branch predictors)
RUNS = 40  # measured runs per series (at least 30, for a steady median)


# ---- timing ------------------------------------------------------------------------------------------


@dataclass
class Timings:
    """Wall and CPU milliseconds of a series of runs."""

    wall_ms: list[float]
    cpu_ms: list[float]

    @property
    def n(self) -> int:
        return len(self.wall_ms)

    @property
    def wall_median(self) -> float:
        return statistics.median(self.wall_ms)

    @property
    def wall_p90(self) -> float:
        return float(np.percentile(self.wall_ms, 90))

    @property
    def cpu_median(self) -> float:
        return statistics.median(self.cpu_ms)

    @property
    def cpu_p90(self) -> float:
        return float(np.percentile(self.cpu_ms, 90))

    def line(self) -> str:
        return (
            f"n={self.n:3d}  wall median {self.wall_median:8.2f} ms  p90 {self.wall_p90:8.2f} ms  "
            f"min {min(self.wall_ms):8.2f} ms | cpu median {self.cpu_median:8.2f} ms  p90 {self.cpu_p90:8.2f} ms"
        )


def time_once(fn: Callable[[], object]) -> tuple[float, float, object]:
    """(wall ms, cpu ms, result) of one call."""
    c0 = time.process_time()
    t0 = time.perf_counter()
    result = fn()
    t1 = time.perf_counter()
    c1 = time.process_time()
    return (t1 - t0) * 1000.0, (c1 - c0) * 1000.0, result


def measure(fn: Callable[[int], object], *, runs: int = RUNS, warmup: int = WARMUP) -> tuple[Timings, list]:
    """Call ``fn(i)`` ``warmup`` times untimed (i = -warmup..-1), then ``runs`` times timed (i = 0..runs-1).

    ``fn`` gets the run index so a series can use distinct parameters per run (nothing cached).  Garbage
    collection stays on (a server has it on) but is flushed once before the timed series.
    Returns the timings and the results of the timed runs.
    """
    for i in range(-warmup, 0):
        fn(i)
    gc.collect()
    wall, cpu, results = [], [], []
    for i in range(runs):
        w, c, r = time_once(lambda i=i: fn(i))
        wall.append(w)
        cpu.append(c)
        results.append(r)
    return Timings(wall, cpu), results


# ---- the results table -------------------------------------------------------------------------------


@dataclass
class Row:
    what: str
    measured: float  # the figure compared to the budget (median)
    unit: str  # "ms wall", "ms cpu" or "bytes"
    budget: float | None  # None: informational row, no budget
    p90: float | None = None
    other: str = ""  # e.g. the other clock's median

    @property
    def ratio(self) -> float | None:
        return None if self.budget is None else self.measured / self.budget


ROWS: list[Row] = []


def record(
    what: str, measured: float, unit: str, budget: float | None, *, p90: float | None = None, other: str = ""
) -> Row:
    """Add a row to the session table and print it at once (visible with ``-s``)."""
    row = Row(what, measured, unit, budget, p90, other)
    ROWS.append(row)
    print("  " + format_row(row))
    return row


def record_timings(what: str, t: Timings, budget_ms: float | None, *, clock: str = "wall") -> Row:
    """A row from a timing series; ``clock`` ('wall' or 'cpu') is the one compared to the budget."""
    print(f"  [{what}] {t.line()}")
    if clock == "wall":
        return record(
            what, t.wall_median, "ms wall", budget_ms, p90=t.wall_p90, other=f"cpu median {t.cpu_median:.1f} ms"
        )
    return record(what, t.cpu_median, "ms cpu", budget_ms, p90=t.cpu_p90, other=f"wall median {t.wall_median:.1f} ms")


def _fmt_value(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    if unit == "bytes":
        return f"{value / 1e6:.3f} MB"
    if unit.startswith("%"):  # "% cpu": a share of one core
        return f"{value:.1f} %"
    return f"{value:.1f} ms"


def format_row(row: Row) -> str:
    clock = "" if row.unit == "bytes" else row.unit.split()[-1]
    measured = _fmt_value(row.measured, row.unit) + (f" {clock}" if clock else "")
    ratio = "-" if row.ratio is None else f"{row.ratio:.2f}"
    flag = "" if row.ratio is None else ("  OVER" if row.ratio > 1 else "")
    return (
        f"{row.what:<62} {measured:>14} {_fmt_value(row.p90, row.unit):>10} "
        f"{_fmt_value(row.budget, row.unit):>10} {ratio:>6}{flag}  {row.other}"
    ).rstrip()


def header() -> str:
    return (
        f"{'what':<62} {'median':>14} {'p90':>10} {'budget':>10} {'ratio':>6}  other\n"
        + "-" * 62
        + " "
        + "-" * 14
        + " "
        + "-" * 10
        + " "
        + "-" * 10
        + " "
        + "-" * 6
        + "  "
        + "-" * 20
    )


def machine_summary() -> str:
    import plotly
    import plotly.io as pio
    import streamlit

    try:
        import orjson  # noqa: F401

        engine = f"{pio.json.config.default_engine} (orjson available)"
    except ImportError:
        engine = f"{pio.json.config.default_engine} (no orjson: json module)"
    if hasattr(os, "getloadavg"):
        load = "load average " + " ".join(f"{x:.1f}" for x in os.getloadavg())
    else:
        load = "load average n/a"
    return (
        f"{platform.machine()} {os.cpu_count()} cpu(s), {platform.system()}, {load} | Python {sys.version.split()[0]}, "
        f"numpy {np.__version__}, plotly {plotly.__version__}, streamlit {streamlit.__version__} | "
        f"plotly JSON engine: {engine}"
    )


def serialise_like_streamlit(payload: bytes) -> bytes:
    """What Streamlit does with an animated view's bytes on every rerun, cached or not
    (``streamlit/components/v2/bidi_component/main.py``, 1.67): put them in a ``BidiComponent`` proto,
    content-hash them for the element's identity, and serialise the proto into the ForwardMsg."""
    from streamlit.proto.BidiComponent_pb2 import BidiComponent
    from streamlit.util import calc_hash

    proto = BidiComponent()
    proto.component_name = "explainer.animated_view"
    proto.bytes = payload
    calc_hash(proto.bytes)
    return proto.SerializeToString()
