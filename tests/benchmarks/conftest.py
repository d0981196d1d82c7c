"""Benchmark session hooks: print the machine and, at the end, the table of every recorded row.

The helpers (timing, budgets, the table) live in ``_bench.py`` so test modules import them from one
module object.  See README.md in this folder for how to run and read the benchmarks.
"""

from __future__ import annotations

import pytest

from tests.benchmarks._bench import ROWS, format_row, header, machine_summary


def pytest_terminal_summary(terminalreporter) -> None:
    if not ROWS:
        return
    tr = terminalreporter
    tr.section("benchmarks vs the budgets of docs/architecture.md (medians; ratio = median / budget)")
    tr.write_line(machine_summary())
    tr.write_line("Timings are never asserted: a ratio > 1 ('OVER') is a figure to investigate, not a failure.")
    tr.write_line(header())
    for row in sorted(ROWS, key=lambda r: r.what.split()[0]):  # by budget number; stable within one
        tr.write_line(format_row(row))


@pytest.fixture(scope="session", autouse=True)
def _print_machine() -> None:
    print("\n" + machine_summary())
