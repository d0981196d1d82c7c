"""Class mode under a class's load: 30 phones following a teacher through the course's four predictions.

The targets of issue 20 (docs/benchmarks.md, "Class mode: phones following the teacher"): with 30 phones
following, the teacher moves to a question -> every phone shows it, p95 <= 2 s (goal 1 s); the teacher reveals ->
every phone shows the experiment, p95 <= 2 s (goal 1 s); a vote -> the projected count, p95 <= 1 s; the server's
CPU with 30 phones following an idle teacher <= 25 % of one core (goal 10 %).  Measured on the two deployments the
docs describe: SQLite with one server, and PostgreSQL with two replicas behind nginx configured from
``deploy/nginx-streamlit.conf.template`` (the phones spread over both by nginx's affinity cookie).

How the class is simulated and what each figure times: ``_class_follow.py``.  The teacher is driven through the
store (moves, reveals); the projector and the phones are simulated tabs speaking Streamlit's protocol.

Run it on purpose (the default test run ignores ``tests/benchmarks``; ``python -m pytest tests/benchmarks`` skips
it too unless ``BENCH_SLOW=1``)::

    python -m pytest tests/benchmarks/test_class_follow.py -s            # both deployments, about 6 min
    python -m pytest tests/benchmarks/test_class_follow.py -s -k sqlite  # one server only, about 3 min
    FOLLOW_PHONES=10 FOLLOW_IDLE_S=20 python -m pytest tests/benchmarks/test_class_follow.py -s   # a quick look

``FOLLOW_PHONES`` (30) phones, ``FOLLOW_IDLE_S`` (60) seconds of CPU reading while the teacher is idle.  Timings
are never asserted; the test fails only if the class could not run (a phone saw an error, or most phones never
showed a step).
"""

from __future__ import annotations

import asyncio
import os
import secrets
from pathlib import Path

import pytest

from explainer.classroom.store import ClassStore
from explainer.lessons import LESSONS
from explainer.ui.classroom import session
from tests.benchmarks._bench import record
from tests.benchmarks._class_follow import Deployment, Result, median, percentile, run_class
from tests.harness import postgres
from tests.harness.nginx_replicas import nginx_binary, routes_by_replica, running_school
from tests.harness.server import StreamlitServer, skip_unless_named

PHONES = int(os.environ.get("FOLLOW_PHONES", "30"))
IDLE_S = float(os.environ.get("FOLLOW_IDLE_S", "60"))
assert 1 <= PHONES <= 200 and 5 <= IDLE_S <= 600, "FOLLOW_PHONES within 1..200, FOLLOW_IDLE_S within 5..600"
BUDGETS_MS = {"move": (2000.0, 1000.0), "reveal": (2000.0, 1000.0), "vote": (1000.0, None)}  # (budget, goal) on p95
CPU_BUDGET_PCT, CPU_GOAL_PCT = 25.0, 10.0
LIMIT_S = 900


def _load() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def _report(result: Result) -> None:
    """The table: per figure its median, p95, the budget and the ratios of p95 to the budget and to the goal."""
    print(f"\nclass mode, {result.phones} phones, {result.deployment} (load average now: {_load()})")
    print(f"{'what':<44} {'n':>4} {'median':>9} {'p95':>9} {'max':>9} {'budget':>8} {'p95/budget':>10} "
          f"{'p95/goal':>8}")  # fmt: skip
    rows = {"move": result.move_ms, "reveal": result.reveal_ms, "vote": result.vote_ms}
    names = {"move": "teacher moves to a question -> phone shows it", "reveal": "reveal -> phone shows the experiment",
             "vote": "vote sent -> projected count shows it"}  # fmt: skip
    for kind, values in rows.items():
        budget, goal = BUDGETS_MS[kind]
        p95 = percentile(values, 95)
        over = "  OVER" if p95 > budget else ""
        to_goal = f"{p95 / goal:.2f}" if goal else "-"
        print(f"{names[kind]:<44} {len(values):>4} {median(values):>7.0f}ms {p95:>7.0f}ms "
              f"{max(values, default=float('nan')):>7.0f}ms {budget:>6.0f}ms {p95 / budget:>10.2f} {to_goal:>8}{over}"
              f"   missed {result.missed[kind]}")  # fmt: skip
        record(f"7. class {result.deployment}: {kind} p95", p95, "ms wall", budget,
               other=f"median {median(values):.0f} ms, n={len(values)}, missed {result.missed[kind]}")  # fmt: skip
    for label, cpu in (("idle teacher, phones waiting for a reveal", result.cpu_waiting),
                       ("idle teacher, phones on a revealed page", result.cpu_revealed)):  # fmt: skip
        pct = cpu.total_pct
        over = "  OVER" if pct > CPU_BUDGET_PCT else ""
        print(f"server CPU, {label:<41} {pct:>5.1f} % of a core (budget {CPU_BUDGET_PCT:.0f} %, goal "
              f"{CPU_GOAL_PCT:.0f} %: ratio {pct / CPU_BUDGET_PCT:.2f} / {pct / CPU_GOAL_PCT:.2f}){over}")  # fmt: skip
        per = " + ".join(f"{p:.1f}" for p in cpu.per_server_pct)
        print(f"    per server {per} %; {cpu.runs_per_s:.0f} runs/s received ({cpu.ms_per_run:.1f} ms server CPU "
              f"per run); the load generator itself {cpu.client_pct:.1f} %")  # fmt: skip
        record(f"7. class {result.deployment}: server CPU, {label.split(', ')[1]}", pct, "% cpu", CPU_BUDGET_PCT,
               other=f"{cpu.ms_per_run:.1f} ms per run, {cpu.runs_per_s:.0f} runs/s")  # fmt: skip
    print(f"  join median {median(result.join_s) * 1000:.0f} ms, max {max(result.join_s) * 1000:.0f} ms")
    for error in result.errors[:5]:
        print(f"  error: {error}")
    for miss in result.misses[:5]:
        print(f"  missed: {miss}")


def _check(result: Result) -> None:
    assert not result.errors, f"the class saw errors: {result.errors[:5]}"
    for kind, missed in result.missed.items():
        assert missed <= result.phones, f"{missed} {kind} steps never showed: the class did not run"


def _questions() -> dict[str, int]:
    return session.questions_of(LESSONS).options


@pytest.mark.timeout(LIMIT_S)
def test_class_follows_on_sqlite_with_one_server(request, tmp_path: Path) -> None:
    skip_unless_named(request, __file__, "the class-follow benchmark takes about 3 min per deployment")
    db = tmp_path / "classes.sqlite3"
    print(f"\n[class follow, SQLite, one server: {PHONES} phones, idle {IDLE_S:.0f} s; load average {_load()}]")
    with StreamlitServer(env={"EXPLAINER_CLASS_DB": str(db)}) as server:
        store = ClassStore(f"sqlite:///{db}", _questions())
        try:
            deployment = Deployment("sqlite, 1 server", server.url, (server.pid,))
            result = asyncio.run(run_class(deployment, store, PHONES, IDLE_S))
        finally:
            store.engine.dispose()
        assert server.running(), f"the server died under the class\n{server.log_tail()}"
    _report(result)
    _check(result)


@pytest.mark.timeout(LIMIT_S)
def test_class_follows_on_postgresql_with_two_replicas_behind_nginx(request, tmp_path: Path) -> None:
    skip_unless_named(request, __file__, "the class-follow benchmark takes about 3 min per deployment")
    binary = nginx_binary()
    missing = "nginx is not installed" if binary is None else postgres.missing_reason()
    if missing:
        pytest.skip(missing)
    print(f"\n[class follow, PostgreSQL, 2 replicas + nginx: {PHONES} phones, idle {IDLE_S:.0f} s; load {_load()}]")
    with postgres.PostgresServer() as database:
        env = {"EXPLAINER_DATABASE_URL": database.url, "STREAMLIT_SERVER_COOKIE_SECRET": secrets.token_hex(32)}
        with running_school(binary, tmp_path, env) as (nginx, replicas):
            routes = routes_by_replica(nginx, per_replica=1)
            cookies = tuple(f"st_route={r}" for rs in routes.values() for r in rs)  # alternating replicas
            store = ClassStore(database.url, _questions())
            try:
                deployment = Deployment("postgresql, 2 replicas + nginx", nginx.url, tuple(r.pid for r in replicas),
                                        cookies)  # fmt: skip
                result = asyncio.run(run_class(deployment, store, PHONES, IDLE_S))
            finally:
                store.engine.dispose()
            assert all(r.running() for r in replicas), "a replica died under the class"
    _report(result)
    _check(result)
