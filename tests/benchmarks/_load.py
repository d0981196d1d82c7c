"""Simulated students for the load benchmark: Streamlit's own websocket protocol, no browser.

A browser talks to a Streamlit server over one websocket, ``/_stcore/stream`` (subprotocol ``streamlit``),
in protobuf messages from ``streamlit.proto``: it sends ``BackMsg`` and receives ``ForwardMsg``.
``Student`` does what the browser's frontend does (checked against what Chromium sends to this app):

1. open the playground: ``GET /tug-of-war`` plus the scripts and stylesheets that ``index.html`` links (a first visit,
   nothing cached), ``/_stcore/health`` and ``/_stcore/host-config``, then the websocket;
2. the first run: a ``BackMsg.rerun_script`` whose ``ClientState`` holds the page's name (its URL path: the
   app opens on Start here, the playground is ``tug-of-war``) and the query string; the server
   answers with ``new_session``, ``navigation`` (the page's script hash), the page's deltas and finally
   ``script_finished``.  Every widget arrives as a ``delta.new_element`` carrying its widget id
   (``$$ID-<hash>-<key>``), its default value and, for widgets in an ``st.fragment``, ``delta.fragment_id``;
3. a slider change: another ``rerun_script`` with the current state of *every* widget on the page (sliders
   as ``double_array_value``, toggles ``bool_value``, the number input ``int_value``, segmented controls
   ``string_array_value``), the page's script hash, the slider's ``fragment_id`` (only that fragment
   reruns), the URL's query string (the values that differ from their defaults, as the address bar
   shows them) and the hashes of the large messages it already holds (``cached_message_hashes``: for
   those the server sends a short reference instead of the whole figure);
4. the change is done when ``script_finished`` arrives.  The time from sending the ``BackMsg`` to that
   message is the measured latency.

An error is any of: an ``exception`` element in the run, a ``script_finished`` status other than
success, no ``script_finished`` within ``CHANGE_TIMEOUT_S``, or the websocket closing.  A student whose
connection failed stops (its remaining changes are counted as not made).

Everything goes to a loopback address given by the caller; every loop is bounded in count and time.
"""

from __future__ import annotations

import asyncio
import gzip
import math
import random
import re
import statistics
import time
import urllib.request
from dataclasses import dataclass, field
from urllib.parse import urlencode, urlsplit

import numpy as np
import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from tests.harness.server import proc_cpu_seconds, proc_rss_bytes

CHANGE_TIMEOUT_S = 30.0  # no script_finished within this: an error
OPEN_TIMEOUT_S = 60.0  # page open + first run
HTTP_TIMEOUT_S = 30.0
OK_STATUSES = frozenset(
    {ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY},
)
PAGE = "tug-of-war"  # the page every student opens: the playground (its URL path; the app opens on Start here)
INPUT_SLIDERS = ("glu_rate", "glu_weight", "gaba_rate", "gaba_weight")
_ASSET_RE = re.compile(r'(?:src|href)="(\./static/[^"]+\.(?:js|css))"')


def gzip_decompress_if_needed(body: bytes) -> bytes:
    return gzip.decompress(body) if body[:2] == b"\x1f\x8b" else body


@dataclass
class Widget:
    """One widget of the page as the frontend holds it: id, kind of value, current value."""

    id: str
    key: str
    kind: str  # "double_array" | "bool" | "int" | "double" | "string_array"
    value: object
    default: object
    fragment_id: str = ""
    query_param_key: str = ""
    lo: float = 0.0
    hi: float = 0.0
    step: float = 1.0
    set_by_server: bool = False  # the script set the value (session state): the frontend takes it

    def grid(self) -> list[float]:
        """Every value a slider can take (min..max by step)."""
        n = round((self.hi - self.lo) / self.step)
        return [round(self.lo + i * self.step, 10) for i in range(n + 1)]


def _widget_from_element(element, fragment_id: str) -> Widget | None:
    kind = element.WhichOneof("type")
    el = getattr(element, kind)
    wid = getattr(el, "id", "")
    if not wid:
        return None
    key = wid.rsplit("-", 1)[-1] if wid.startswith("$$ID-") else wid
    qp = getattr(el, "query_param_key", "")
    widget = _make_widget(kind, el, wid, key, qp, fragment_id)
    if widget is not None:
        widget.set_by_server = bool(getattr(el, "set_value", False))
    return widget


def _make_widget(kind: str, el, wid: str, key: str, qp: str, fragment_id: str) -> Widget | None:
    if kind == "slider":
        value = list(el.value) if el.set_value else list(el.default)
        return Widget(wid, key, "double_array", value, list(el.default), fragment_id, qp, el.min, el.max, el.step)
    if kind == "checkbox":
        value = el.value if el.set_value else el.default
        return Widget(wid, key, "bool", value, el.default, fragment_id, qp)
    if kind == "number_input":
        value = el.value if el.set_value else el.default
        is_int = el.data_type == el.DataType.INT
        return Widget(wid, key, "int" if is_int else "double", value, el.default, fragment_id, qp)
    if kind == "button_group":
        return Widget(wid, key, "string_array", [], [], fragment_id, qp)
    return None  # buttons (triggers), download buttons, charts: no state the frontend sends back


def _fill_widget_state(state, widget: Widget) -> None:
    state.id = widget.id
    if widget.kind == "double_array":
        state.double_array_value.data.extend(widget.value)
    elif widget.kind == "bool":
        state.bool_value = bool(widget.value)
    elif widget.kind == "int":
        state.int_value = int(widget.value)
    elif widget.kind == "double":
        state.double_value = float(widget.value)
    elif widget.kind == "string_array":
        state.string_array_value.data.extend(widget.value)


def _query_value(widget: Widget) -> str:
    value = widget.value[0] if isinstance(widget.value, list) and widget.value else widget.value
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


@dataclass
class RunResult:
    """One script run as seen by the client."""

    ms: float
    ok: bool
    error: str = ""
    bytes_in: int = 0
    messages: int = 0
    sent_at: float = 0.0  # perf_counter when the change was sent


@dataclass
class StudentReport:
    index: int
    open_ms: float | None = None  # page open: HTTP + websocket + first run
    changes: list[RunResult] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    scheduled: int = 0  # changes the schedule asked for
    late: int = 0  # changes sent more than one interval behind schedule


class Student:
    """One simulated browser tab on the tug-of-war playground (``PAGE``)."""

    def __init__(self, base_url: str, index: int, rng: random.Random) -> None:
        parts = urlsplit(base_url)
        assert parts.hostname in {"127.0.0.1", "localhost", "::1"}, f"loopback only, not {base_url}"
        self.base_url = base_url.rstrip("/")
        self.ws_url = f"ws://{parts.netloc}/_stcore/stream"
        self.index = index
        self.rng = rng
        self.ws = None
        self.widgets: dict[str, Widget] = {}  # by key
        self.page_script_hash = ""
        self.query_string = ""
        self.cached_hashes: set[str] = set()

    # -- page open -------------------------------------------------------------------------------------

    def _http_get_page(self) -> int:
        """What a first visit fetches over HTTP before the websocket opens; returns bytes read."""
        total = 0

        def get(path: str) -> bytes:
            # A browser asks for compressed responses; the body is only counted, never decoded.
            request = urllib.request.Request(self.base_url + path, headers={"Accept-Encoding": "gzip"})
            with urllib.request.urlopen(request, timeout=HTTP_TIMEOUT_S) as resp:
                return resp.read()

        html = get(f"/{PAGE}")
        total += len(html)
        for asset in _ASSET_RE.findall(gzip_decompress_if_needed(html).decode(errors="replace")):
            total += len(get("/" + asset.lstrip("./")))
        total += len(get("/_stcore/health"))
        total += len(get("/_stcore/host-config"))
        return total

    async def open(self) -> RunResult:
        t0 = time.perf_counter()
        await asyncio.to_thread(self._http_get_page)
        self.ws = await websockets.connect(
            self.ws_url,
            subprotocols=["streamlit"],
            origin=self.base_url,
            max_size=None,
            open_timeout=OPEN_TIMEOUT_S,
        )
        msg = BackMsg()
        msg.rerun_script.query_string = self.query_string
        msg.rerun_script.page_name = PAGE
        await self.ws.send(msg.SerializeToString())
        result = await self._until_finished(t0, OPEN_TIMEOUT_S)
        if result.ok and not any(w.key == "glu_rate" for w in self.widgets.values()):
            result.ok, result.error = False, "the first run showed no glu_rate slider"
        return result

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()

    # -- reruns ------------------------------------------------------------------------------------------

    async def _until_finished(self, t0: float, timeout_s: float) -> RunResult:
        """Read ForwardMsgs until ``script_finished``; track widgets, page hash, query string, cache."""
        nbytes = n = 0
        error = ""
        deadline = t0 + timeout_s
        while True:
            remaining = deadline - time.perf_counter()
            if remaining <= 0:
                return RunResult((time.perf_counter() - t0) * 1000, False, "timeout", nbytes, n)
            try:
                data = await asyncio.wait_for(self.ws.recv(), remaining)
            except asyncio.TimeoutError:
                return RunResult((time.perf_counter() - t0) * 1000, False, "timeout", nbytes, n)
            except websockets.ConnectionClosed as exc:
                return RunResult((time.perf_counter() - t0) * 1000, False, f"websocket closed ({exc})", nbytes, n)
            nbytes += len(data)
            n += 1
            fmsg = ForwardMsg()
            fmsg.ParseFromString(data)
            kind = fmsg.WhichOneof("type")
            if fmsg.metadata.cacheable and fmsg.hash:
                self.cached_hashes.add(fmsg.hash)
            if kind == "delta" and fmsg.delta.WhichOneof("type") == "new_element":
                element = fmsg.delta.new_element
                if element.WhichOneof("type") == "exception":
                    first_line = (element.exception.message or element.exception.type).splitlines()[:1]
                    error = error or f"exception: {element.exception.type} {' '.join(first_line)}"[:200]
                widget = _widget_from_element(element, fmsg.delta.fragment_id)
                if widget is not None:
                    known = self.widgets.get(widget.key)
                    if known is not None and known.id == widget.id and not widget.set_by_server:
                        widget.value = known.value  # the frontend keeps what the user set
                    self.widgets[widget.key] = widget
            elif kind == "navigation":
                self.page_script_hash = fmsg.navigation.page_script_hash
            elif kind == "page_info_changed":
                self.query_string = fmsg.page_info_changed.query_string
            elif kind == "script_finished":
                ms = (time.perf_counter() - t0) * 1000
                status = fmsg.script_finished
                if status not in OK_STATUSES:
                    error = error or f"script_finished status {ForwardMsg.ScriptFinishedStatus.Name(status)}"
                return RunResult(ms, not error, error, nbytes, n)

    def _url_query(self) -> str:
        """The address bar's query after a change: bound widgets that differ from their defaults."""
        pairs = [
            (w.query_param_key, _query_value(w))
            for w in self.widgets.values()
            if w.query_param_key and w.kind == "double_array" and w.value != w.default
        ]
        return urlencode(pairs)

    def pick_change(self, keys: tuple[str, ...]) -> tuple[str, float]:
        """A slider (one of ``keys``) and a new value for it, as a student dragging it somewhere else."""
        key = self.rng.choice(keys)
        widget = self.widgets[key]
        choices = [v for v in widget.grid() if [v] != widget.value]
        return key, self.rng.choice(choices)

    async def change(self, key: str, value: float) -> RunResult:
        """Move slider ``key`` to ``value``; wait for the fragment rerun to finish."""
        widget = self.widgets[key]
        widget.value = [float(value)]
        msg = BackMsg()
        state = msg.rerun_script
        state.query_string = self._url_query()
        state.page_script_hash = self.page_script_hash
        state.fragment_id = widget.fragment_id
        state.cached_message_hashes.extend(sorted(self.cached_hashes))
        state.context_info.timezone = "UTC"
        state.context_info.locale = "en-US"
        for w in self.widgets.values():
            _fill_widget_state(state.widget_states.widgets.add(), w)
        t0 = time.perf_counter()
        try:
            await self.ws.send(msg.SerializeToString())
        except websockets.ConnectionClosed as exc:
            return RunResult(0.0, False, f"websocket closed ({exc})", sent_at=t0)
        result = await self._until_finished(t0, CHANGE_TIMEOUT_S)
        result.sent_at = t0
        return result


# ---- server sampling ---------------------------------------------------------------------------------


@dataclass
class Sample:
    t: float  # perf_counter seconds
    cpu_s: float  # server CPU seconds so far
    rss: int  # bytes


class ServerSampler:
    """Samples the server process's CPU seconds and RSS every ``period_s`` (from /proc)."""

    def __init__(self, pid: int, period_s: float = 0.5) -> None:
        self.pid = pid
        self.period_s = period_s
        self.samples: list[Sample] = []
        self._task: asyncio.Task | None = None

    def sample(self) -> Sample:
        s = Sample(time.perf_counter(), proc_cpu_seconds(self.pid), proc_rss_bytes(self.pid))
        self.samples.append(s)
        return s

    async def _loop(self, stop_after_s: float) -> None:
        end = time.perf_counter() + stop_after_s
        while time.perf_counter() < end:
            try:
                self.sample()
            except OSError:  # the server went away
                return
            await asyncio.sleep(self.period_s)

    def start(self, stop_after_s: float) -> None:
        self._task = asyncio.create_task(self._loop(stop_after_s))

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            try:
                await self._task
            except asyncio.CancelledError:
                pass

    def between(self, t0: float, t1: float) -> list[Sample]:
        return [s for s in self.samples if t0 <= s.t <= t1]


def cpu_percent(samples: list[Sample]) -> float:
    """Mean CPU use (100 % = one core) over the samples' time span."""
    if len(samples) < 2 or samples[-1].t <= samples[0].t:
        return float("nan")
    return 100.0 * (samples[-1].cpu_s - samples[0].cpu_s) / (samples[-1].t - samples[0].t)


def peak_cpu_percent(samples: list[Sample], window_s: float = 2.0) -> float:
    """The highest mean CPU use over any ``window_s`` stretch."""
    best = float("nan")
    j = 0
    for i in range(len(samples)):
        while samples[i].t - samples[j].t > window_s:
            j += 1
        if samples[i].t - samples[j].t >= window_s * 0.75:
            value = cpu_percent([samples[j], samples[i]])
            best = value if np.isnan(best) else max(best, value)
    return best


# ---- one load step -----------------------------------------------------------------------------------


@dataclass
class StepResult:
    students: int
    seconds: float
    interval_s: float
    sliders: tuple[str, ...]
    reports: list[StudentReport]
    rss_idle: int  # server healthy, no session yet
    rss_one: int  # after one warm-up session ran the page once
    rss_all: int  # after every student opened the page
    rss_peak: int
    cpu_mean_pct: float  # server CPU during the moving phase
    cpu_peak_pct: float  # highest 2-s window
    client_cpu_pct: float  # this load generator's own CPU during the moving phase
    wall_s: float  # the moving phase's length

    @property
    def latencies_ms(self) -> list[float]:
        return [c.ms for r in self.reports for c in r.changes if c.ok]

    def latencies_after_ms(self, seconds: float) -> list[float]:
        """Latencies of the changes sent ``seconds`` or more after the first change (caches warm)."""
        sent = [c.sent_at for r in self.reports for c in r.changes]
        if not sent:
            return []
        t0 = min(sent)
        return [c.ms for r in self.reports for c in r.changes if c.ok and c.sent_at - t0 >= seconds]

    @property
    def errors(self) -> list[str]:
        errs = [e for r in self.reports for e in r.errors]
        return errs + [c.error for r in self.reports for c in r.changes if not c.ok]

    @property
    def open_ms(self) -> list[float]:
        return [r.open_ms for r in self.reports if r.open_ms is not None]

    @property
    def made(self) -> int:
        return sum(len(r.changes) for r in self.reports)

    @property
    def scheduled(self) -> int:
        return sum(r.scheduled for r in self.reports)

    @property
    def late(self) -> int:
        return sum(r.late for r in self.reports)

    @property
    def rss_per_extra_session(self) -> float:
        return (self.rss_all - self.rss_one) / max(1, self.students - 1)


def percentile(values: list[float], q: float) -> float:
    return float(np.percentile(values, q)) if values else float("nan")


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


async def _student_life(
    student: Student,
    report: StudentReport,
    *,
    open_at: float,
    opened: asyncio.Event,
    class_ready: asyncio.Future,
    seconds: float,
    interval_s: float,
    sliders: tuple[str, ...],
) -> None:
    """Open the page at ``open_at``; once the whole class has opened it (``class_ready`` holds that time),
    change a slider every ``interval_s`` for ``seconds``."""
    try:
        await asyncio.sleep(max(0.0, open_at - time.perf_counter()))
        try:
            result = await asyncio.wait_for(student.open(), OPEN_TIMEOUT_S)
        except (OSError, asyncio.TimeoutError, websockets.InvalidHandshake) as exc:
            report.errors.append(f"page open failed: {type(exc).__name__}: {exc}"[:200])
            return
        finally:
            opened.set()
        if not result.ok:
            report.errors.append(f"page open: {result.error}")
            return
        report.open_ms = result.ms
        move_from = await class_ready
        move_until = move_from + seconds
        # Change k is due at first + k * interval (each student starts at a random point of its first
        # interval: a class does not move in lockstep).  A student whose last change has not finished
        # yet sends the next one as soon as it has (a closed loop, as a person waits for the figure).
        first = move_from + student.rng.uniform(0, interval_s)
        report.scheduled = max(0, math.ceil((move_until - first) / interval_s))
        for k in range(report.scheduled):
            due = first + k * interval_s
            now = time.perf_counter()
            if now >= move_until:
                break
            await asyncio.sleep(max(0.0, due - now))
            if time.perf_counter() - due > interval_s:
                report.late += 1
            key, value = student.pick_change(sliders)
            result = await student.change(key, value)
            report.changes.append(result)
            if not result.ok and ("websocket closed" in result.error or result.error == "timeout"):
                break  # this tab is broken (a student would reload); the rest counts as scheduled, not made
    finally:
        await student.close()


async def run_step(
    base_url: str,
    server_pid: int,
    *,
    students: int,
    seconds: float,
    interval_s: float = 2.0,
    ramp_s: float = 2.0,
    sliders: tuple[str, ...] = ("glu_rate",),
    seed: int = 6,
) -> StepResult:
    """One load step against a running server: ``students`` tabs, each moving a slider every ``interval_s``.

    All students open the page within ``ramp_s`` ("everyone open the link now"), then all move sliders
    for ``seconds``.  Before that one warm-up session opens the page once (imports, first caches), so
    the per-session memory excludes the one-off cost of loading the app's modules.
    """
    sampler = ServerSampler(server_pid)
    rss_idle = sampler.sample().rss
    warm = Student(base_url, -1, random.Random(seed))
    try:
        warm_result = await warm.open()
    finally:
        await warm.close()
    if not warm_result.ok:
        raise RuntimeError(f"the warm-up session failed: {warm_result.error}")
    await asyncio.sleep(1.0)
    rss_one = sampler.sample().rss

    hard_limit = ramp_s + OPEN_TIMEOUT_S + seconds + CHANGE_TIMEOUT_S + 10
    sampler.start(hard_limit)
    reports = [StudentReport(i) for i in range(students)]
    opened = [asyncio.Event() for _ in range(students)]
    t_start = time.perf_counter()
    rng = random.Random(seed)
    open_times = sorted(t_start + rng.uniform(0, ramp_s) for _ in range(students))

    # The moving phase starts once every student opened the page (or gave up); its start time is
    # handed to every student through ``class_ready``.
    phase: dict[str, float] = {}
    class_ready: asyncio.Future = asyncio.get_running_loop().create_future()

    async def start_moving_phase() -> None:
        await asyncio.gather(*(e.wait() for e in opened))
        await asyncio.sleep(1.0)  # let the last pages' deltas arrive before "all sessions open"
        phase["rss_all"] = sampler.sample().rss
        phase["client_cpu0"] = time.process_time()
        phase["from"] = time.perf_counter()
        class_ready.set_result(phase["from"])

    tasks = [asyncio.create_task(start_moving_phase())]
    for i in range(students):
        student = Student(base_url, i, random.Random(seed * 1000 + i))
        life = _student_life(
            student,
            reports[i],
            open_at=open_times[i],
            opened=opened[i],
            class_ready=class_ready,
            seconds=seconds,
            interval_s=interval_s,
            sliders=sliders,
        )
        tasks.append(asyncio.create_task(life))
    try:
        _done, pending = await asyncio.wait(tasks, timeout=hard_limit)
        if pending:
            reports[0].errors.append(f"{len(pending)} task(s) stopped by the step's time limit ({hard_limit:.0f} s)")
    finally:
        for task in tasks:
            task.cancel()
        results = await asyncio.gather(*tasks, return_exceptions=True)
        await sampler.stop()
    for i, res in enumerate(results[1:]):
        if isinstance(res, BaseException) and not isinstance(res, asyncio.CancelledError):
            reports[i].errors.append(f"client error: {type(res).__name__}: {res}"[:200])
    t_end = time.perf_counter()
    move_from = phase.get("from", t_start)
    moving = sampler.between(move_from, t_end)
    client_cpu = 100.0 * (time.process_time() - phase.get("client_cpu0", time.process_time())) / (t_end - move_from)
    return StepResult(
        students=students,
        seconds=seconds,
        interval_s=interval_s,
        sliders=sliders,
        reports=reports,
        rss_idle=rss_idle,
        rss_one=rss_one,
        rss_all=int(phase.get("rss_all", rss_one)),
        rss_peak=max(s.rss for s in sampler.samples),
        cpu_mean_pct=cpu_percent(moving),
        cpu_peak_pct=peak_cpu_percent(moving),
        client_cpu_pct=client_cpu,
        wall_s=t_end - move_from,
    )


# ---- the table ---------------------------------------------------------------------------------------

MB = 1e6
WARM_AFTER_S = 10.0  # "p95>10s": changes sent 10 s or more into the moving phase (the first wave is over)
TABLE_HEADER = (
    f"{'students':>8} {'changes':>9} {'late':>5} {'errors':>6} {'p50 ms':>7} {'p95 ms':>7} {'max ms':>7} "
    f"{'p95>10s':>7} "
    f"{'open p50/p95 s':>14} {'cpu mean/peak %':>15} {'RSS idle/1/all/peak MB':>23} {'MB/extra':>8} "
    f"{'gen cpu%':>8}"
)


def format_step(r: StepResult) -> str:
    lat = r.latencies_ms
    opens = r.open_ms
    rss = f"{r.rss_idle / MB:.0f}/{r.rss_one / MB:.0f}/{r.rss_all / MB:.0f}/{r.rss_peak / MB:.0f}"
    return (
        f"{r.students:>8} {f'{r.made}/{r.scheduled}':>9} {r.late:>5} {len(r.errors):>6} {median(lat):>7.0f} "
        f"{percentile(lat, 95):>7.0f} {max(lat, default=float('nan')):>7.0f} "
        f"{percentile(r.latencies_after_ms(WARM_AFTER_S), 95):>7.0f} "
        f"{f'{median(opens) / 1000:.1f}/{percentile(opens, 95) / 1000:.1f}':>14} "
        f"{f'{r.cpu_mean_pct:.0f}/{r.cpu_peak_pct:.0f}':>15} {rss:>23} {r.rss_per_extra_session / MB:>8.2f} "
        f"{r.client_cpu_pct:>8.0f}"
    )


def write_csv(r: StepResult, path: str) -> None:
    """Every change of a step, one row each: seconds into the moving phase, student, ms, ok, error."""
    t0 = min((c.sent_at for rep in r.reports for c in rep.changes), default=0.0)
    with open(path, "w") as f:
        f.write("t_s,student,ms,ok,error\n")
        rows = sorted((c.sent_at - t0, rep.index, c) for rep in r.reports for c in rep.changes)
        for t, index, c in rows:
            f.write(f"{t:.3f},{index},{c.ms:.1f},{int(c.ok)},{c.error.replace(',', ';')}\n")


def error_summary(r: StepResult, limit: int = 5) -> list[str]:
    """The most frequent error messages with their counts."""
    counts: dict[str, int] = {}
    for e in r.errors:
        counts[e] = counts.get(e, 0) + 1
    return [f"{n} x {e}" for e, n in sorted(counts.items(), key=lambda kv: -kv[1])[:limit]]
