"""A class of simulated phones following a teacher, timed (``test_class_follow.py`` runs it on each deployment).

The phones are ``tests/harness/class_students.ClassStudent`` tabs in following mode: they poll as the browser does
(their ``st.fragment(run_every=1)`` timers) and follow ``st.switch_page`` to wherever the teacher takes them.  The
teacher's moves and reveals go straight to the class store (``ClassStore.move`` and ``reveal`` with the token of a
class started through the store), so the time of each is known exactly: the moment the store's call returned.
The projector is a simulated teacher tab too (the teacher link, presenter mode): its panel's fragment refreshes
the count every second, as on the projected screen, and each of its runs' text says how many have voted.

For each of the course's four predictions, in lesson order (every move changes page):

1. the teacher moves the class to the question; timed per phone: from the move in the store to the end of the
   phone's first run that draws the question's radio;
2. the projector opens the page; each phone votes at a random moment within ``VOTE_WINDOW_S``; timed per vote:
   from the phone sending it (the tap) to the end of the projector's first run counting that many votes;
3. (first question only) nothing happens for ``idle_s`` seconds: the server's CPU (``/proc``), 30 phones and the
   projector polling an idle teacher;
4. the teacher reveals; timed per phone: from the reveal in the store to the end of its first run that draws the
   experiment's chart.

After the last reveal the CPU is read again (for half as long) while the phones sit on the revealed page (they
then poll for the page's check questions as well) and the projector still shows the count.  Nothing is asserted
about timings; a phone that never showed what it waited for is counted (``missed``), with what it showed last.
"""

from __future__ import annotations

import asyncio
import random
import re
import statistics
import time
from dataclasses import dataclass, field

import numpy as np
import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg

from explainer.classroom.store import ClassStore
from tests.harness.class_students import ClassStudent
from tests.harness.server import proc_cpu_seconds

VOTE_WINDOW_S = 5.0
SHOW_TIMEOUT_S = 30.0  # a phone that shows nothing within this has missed the step
JOIN_CONCURRENCY = 6  # phones scanning the QR code at about the same time
SETTLE_LIMIT_S = 120.0  # the server's start-up work (the warm-up thread) must end within this
COUNT = re.compile(r"\*\*(\d+)\*\* of (\d+) students? ha(?:ve|s) voted")


@dataclass(frozen=True)
class Step:
    """A prediction the teacher asks: its page, its id in the store, its radio's key, the chart its reveal draws."""

    page: str
    question: str
    chart: str

    @property
    def radio_key(self) -> str:
        return self.question.replace(":", "_")


STEPS = (
    Step("meet-the-neuron", "meet_the_neuron:predict:spikes", "l1_chart"),
    Step("glutamate", "glutamate:predict:mg", "l2_mg_chart"),
    Step("gaba", "gaba:predict:shunt", "l3_ipsp_chart"),
    Step("balance", "balance:predict:balance", "l4_comparison"),
)


@dataclass(frozen=True)
class Deployment:
    """Where the phones connect: base URL, one affinity cookie per phone (None: no nginx), the server pids."""

    name: str
    base_url: str
    pids: tuple[int, ...]
    cookies: tuple[str | None, ...] = (None,)

    def cookie(self, i: int) -> str | None:
        return self.cookies[i % len(self.cookies)]


@dataclass
class Result:
    deployment: str
    phones: int
    join_s: list[float] = field(default_factory=list)
    move_ms: list[float] = field(default_factory=list)
    reveal_ms: list[float] = field(default_factory=list)
    vote_ms: list[float] = field(default_factory=list)
    missed: dict[str, int] = field(default_factory=lambda: {"move": 0, "reveal": 0, "vote": 0})
    cpu_waiting: Cpu = field(default_factory=lambda: Cpu())  # phones waiting for a reveal, the projector counting
    cpu_revealed: Cpu = field(default_factory=lambda: Cpu())  # phones on a revealed page
    errors: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)  # what a phone that missed a step showed last


def percentile(values: list[float], q: float) -> float:
    return float(np.percentile(values, q)) if values else float("nan")


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


# ---- the server before the class -----------------------------------------------------------------------------


async def warm(deployment: Deployment) -> None:
    """One plain page run per server (the app's warm-up thread starts on its first page), then wait until the
    servers are quiet: the start-up work must not count as the class's."""
    for cookie in dict.fromkeys(deployment.cookies):
        headers = {"Cookie": cookie} if cookie else {}
        url = deployment.base_url.replace("http://", "ws://") + "/_stcore/stream"
        async with websockets.connect(url, subprotocols=["streamlit"], origin=deployment.base_url,
                                      additional_headers=headers, max_size=None) as ws:  # fmt: skip
            msg = BackMsg()
            msg.rerun_script.page_name = "class"
            await ws.send(msg.SerializeToString())
            await asyncio.sleep(2.0)
    await settle(deployment.pids)


async def settle(pids: tuple[int, ...], quiet_pct: float = 5.0, window_s: float = 3.0) -> None:
    """Wait until the servers together use less than ``quiet_pct`` of a core over ``window_s``."""
    deadline = time.perf_counter() + SETTLE_LIMIT_S
    while time.perf_counter() < deadline:
        before = cpu_seconds(pids)
        await asyncio.sleep(window_s)
        if 100 * (cpu_seconds(pids) - before) / window_s < quiet_pct:
            return


def cpu_seconds(pids: tuple[int, ...]) -> float:
    return sum(proc_cpu_seconds(pid) for pid in pids)


@dataclass(frozen=True)
class Cpu:
    """The servers' CPU over a window (100 % = one core): together, each one; this process's own; the runs the tabs
    received in it (so the CPU per run)."""

    total_pct: float = float("nan")
    per_server_pct: tuple[float, ...] = ()
    client_pct: float = float("nan")
    runs_per_s: float = float("nan")

    @property
    def ms_per_run(self) -> float:
        return 10 * self.total_pct / self.runs_per_s if self.runs_per_s else float("nan")


async def measure_cpu(pids: tuple[int, ...], seconds: float, tabs: list[ClassStudent]) -> Cpu:
    """The servers' CPU while nothing happens but the tabs' polling, for ``seconds``."""
    t0, mine0 = time.perf_counter(), time.process_time()
    each0 = [proc_cpu_seconds(pid) for pid in pids]
    runs0 = sum(len(t.runs) for t in tabs)
    await asyncio.sleep(seconds)
    wall = time.perf_counter() - t0
    each = tuple(100 * (proc_cpu_seconds(pid) - c0) / wall for pid, c0 in zip(pids, each0, strict=True))
    runs = sum(len(t.runs) for t in tabs) - runs0
    return Cpu(sum(each), each, 100 * (time.process_time() - mine0) / wall, runs / wall)


# ---- the class -----------------------------------------------------------------------------------------------


async def join(deployment: Deployment, code: str, n: int, result: Result) -> list[ClassStudent]:
    """``n`` phones open the class link (a few at a time) and start following."""
    gate = asyncio.Semaphore(JOIN_CONCURRENCY)
    phones = [ClassStudent(deployment.base_url, "class", code, cookie=deployment.cookie(i)) for i in range(n)]

    async def one(phone: ClassStudent) -> None:
        async with gate:
            result.join_s.append(await phone.open())
        phone.start_following()

    await asyncio.gather(*(one(p) for p in phones))
    return phones


async def _time_phones(kind: str, what: str, phones, since_s: float, shows, result: Result, into: list[float]) -> None:
    """Each phone's first run after ``since_s`` that ``shows`` what the step brought: its time in ``into`` (ms), or
    a miss of ``kind`` with what the phone showed last."""
    runs = await asyncio.gather(*(p.wait_for(shows, since_s, SHOW_TIMEOUT_S) for p in phones))
    for phone, run in zip(phones, runs, strict=True):
        if run is None:
            result.missed[kind] += 1
            result.misses.append(f"{what}: {_last(phone)}")
        else:
            into.append((run.finished_s - since_s) * 1000)


async def move(store: ClassStore, code: str, token: str, step: Step, phones, result: Result) -> None:
    """The teacher takes the class to the question: from the store holding it to each phone drawing its radio."""
    store.move(code, token, step.page, step.question)
    moved = time.perf_counter()
    await _time_phones("move", f"move to {step.question}", phones, moved, lambda r: step.radio_key in r.radios,
                       result, result.move_ms)  # fmt: skip


async def reveal(store: ClassStore, code: str, token: str, step: Step, phones, projector, result: Result) -> None:
    """The teacher reveals: from the store holding the reveal to each phone drawing the experiment's chart.  The
    projector shows the experiment too (a full run of its page) before it may close: a teacher's full run on a page
    takes the class there (``follow.lead``), so a run still queued in a closed tab would pull the class back."""
    store.reveal(code, token, step.question)
    revealed = time.perf_counter()
    if await projector.wait_for(lambda r: step.chart in r.charts, revealed, SHOW_TIMEOUT_S) is None:
        result.misses.append(f"the projector never showed the experiment of {step.question}")
    await _time_phones("reveal", f"reveal of {step.question}", phones, revealed, lambda r: step.chart in r.charts,
                       result, result.reveal_ms)  # fmt: skip


def _last(phone: ClassStudent) -> str:
    """What a phone's last runs drew, and the fragments it polls: for a step it missed."""
    runs = [f"{'fragment ' + str([f[:4] for f in r.fragment_ids]) if r.fragment_ids else 'full'} run: radios "
            f"{sorted(r.radios)}, charts {sorted(r.charts)}, polls {sorted(x[:4] for x in r.polls)}, status {r.status}"
            for r in phone.runs[-4:]]  # fmt: skip
    return f"{len(phone.runs)} runs, last: {' | '.join(runs)}; timers {sorted(x[:4] for x in phone.timers())}"


def counts(projector: ClassStudent) -> list[tuple[float, int]]:
    """(when the run ended, how many had voted) for each of the projector's runs that showed the count."""
    seen = []
    for run in projector.runs:
        for text in run.texts:
            if match := COUNT.search(text):
                seen.append((run.finished_s, int(match.group(1))))
    return seen


async def votes(step: Step, phones: list[ClassStudent], projector: ClassStudent, rng, result: Result) -> None:
    """Each phone votes at its own moment; then, per vote (the k-th sent), the projector's first count of k."""
    t0 = time.perf_counter()
    plan = [(rng.uniform(0, VOTE_WINDOW_S), rng.randrange(3)) for _ in phones]

    async def one(phone: ClassStudent, at_s: float, option: int) -> float | None:
        await asyncio.sleep(max(0.0, t0 + at_s - time.perf_counter()))  # the class votes at its own pace
        run = phone.latest(lambda r: step.radio_key in r.radios)
        if run is None:
            return None
        sent, _ = await phone.choose(run.radios[step.radio_key], option)
        return sent

    sent = sorted(s for s in await asyncio.gather(*(one(p, *x) for p, x in zip(phones, plan, strict=True))) if s)
    everyone = len(sent)
    await projector.wait_for(lambda r: any(f"**{everyone}** of" in t for t in r.texts), t0, SHOW_TIMEOUT_S)
    seen = counts(projector)
    for k, at in enumerate(sent, start=1):
        shown = next((t for t, n in seen if n >= k and t >= at), None)
        if shown is None:
            result.missed["vote"] += 1
        else:
            result.vote_ms.append((shown - at) * 1000)


async def open_projector(deployment: Deployment, code: str, token: str, step: Step) -> ClassStudent:
    """The teacher's projected page: the teacher link, presenter mode, polling its count."""
    projector = ClassStudent(deployment.base_url, step.page, code, teacher_token=token, extra_query="present=true",
                             cookie=deployment.cookie(0))  # fmt: skip
    await projector.open()
    projector.start_following()
    return projector


async def run_class(deployment: Deployment, store: ClassStore, n_phones: int, idle_s: float, seed: int = 7) -> Result:
    """The whole lesson sequence above, on one deployment; the phones and projector are closed at the end."""
    result = Result(deployment.name, n_phones)
    rng = random.Random(seed)
    await warm(deployment)
    code, token = store.start_class()
    phones = await join(deployment, code, n_phones, result)
    try:
        for i, step in enumerate(STEPS):
            await move(store, code, token, step, phones, result)
            projector = await open_projector(deployment, code, token, step)
            try:
                await votes(step, phones, projector, rng, result)
                if i == 0:
                    result.cpu_waiting = await measure_cpu(deployment.pids, idle_s, [*phones, projector])
                await reveal(store, code, token, step, phones, projector, result)
                if i == len(STEPS) - 1:
                    after_s = max(10.0, idle_s / 2)
                    result.cpu_revealed = await measure_cpu(deployment.pids, after_s, [*phones, projector])
            finally:
                await projector.close()
                result.errors += projector.errors
    finally:
        await asyncio.gather(*(p.close() for p in phones))
        result.errors += [e for p in phones for e in p.errors]
    return result
