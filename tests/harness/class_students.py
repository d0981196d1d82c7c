"""Simulated phones (and a simulated projector) in class mode: Streamlit's websocket protocol, no browser (as
``tests/benchmarks/_load.py`` does for the playground).

A ``ClassStudent`` opens a page with a class link (``?class=CODE``), exactly as a phone does after scanning the QR
code: one websocket to ``/_stcore/stream`` (through nginx if the base URL is nginx's, with an affinity cookie if
given), a first ``rerun_script`` naming the page and the query string.  The server joins the student (a new seat,
which it writes into the query string: ``page_info_changed``) and sends the page.  With ``teacher_token`` the tab
opens the teacher link instead (``?class=CODE&teacher=TOKEN``; the server takes the token out of the address).

Two ways to use one:

- **one run at a time** (``open``, then ``vote``): each call sends one ``rerun_script`` and reads the answer until
  its ``script_finished``.  The phone never polls, so it never follows the teacher.
- **following** (``open``, then ``start_following``): a reader task takes every message as it comes, and the phone
  does what Streamlit's frontend does with them (checked against the frontend of Streamlit 1.67, ``App.tsx``):

  * ``auto_rerun`` (an ``st.fragment(run_every=...)`` drawn by a run) starts a timer per fragment id that sends a
    ``rerun_script`` with that ``fragment_id`` and ``is_auto_rerun`` every interval, whatever else is running (a
    timer already ticking at that interval is kept); ``stop_auto_rerun`` stops named timers; the ``new_session``
    of a full run (no fragment ids) stops them all, and the run's own ``auto_rerun`` messages start them again;
  * ``navigation`` and a full run's ``new_session`` give the page's script hash and ``page_info_changed`` the
    query string that the next ``rerun_script`` carries: after ``st.switch_page`` (the phone follows the teacher
    to another page) the server runs the new page itself and the phone's next rerun names it, as the browser's
    would;
  * a cacheable message is kept by its hash and every rerun lists the hashes (``cached_message_hashes``); a
    ``ref_hash`` message stands for the kept one;
  * a rerun carries the widget values the phone holds (the answers it chose on the page it shows).

  Every finished run is kept as a :class:`Run` (when its ``new_session`` and ``script_finished`` arrived, which
  radios, charts and texts it drew), so a benchmark can ask when a phone first showed something (``wait_for``).

Errors are collected, never raised: an ``exception`` element, a run that does not finish successfully, a closed
websocket, a timeout.  Loopback addresses only.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlencode, urlsplit

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

RUN_TIMEOUT_S = 30.0
OK = frozenset({ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY})
RERUN_FOLLOWS = ForwardMsg.FINISHED_EARLY_FOR_RERUN  # st.rerun / st.switch_page: the next run follows at once


@dataclass
class Radio:
    id: str
    options: list[str]
    fragment_id: str = ""


@dataclass
class Run:
    """One script run as the phone received it (``perf_counter`` seconds)."""

    started_s: float  # its new_session arrived
    fragment_ids: tuple[str, ...]  # empty: a full run of the page
    finished_s: float = 0.0  # its script_finished arrived
    status: int = -1
    radios: dict[str, Radio] = field(default_factory=dict)  # by widget key
    charts: set[str] = field(default_factory=set)  # the keys of the Plotly charts it drew
    texts: list[str] = field(default_factory=list)  # markdown, alerts, captions and toasts
    polls: dict[str, float] = field(default_factory=dict)  # the fragments it asked to rerun every so often

    @property
    def ok(self) -> bool:
        return self.status in OK


_TRACED = frozenset({"new_session", "script_finished", "auto_rerun", "stop_auto_rerun", "navigation"})


def _traced(kind: str, fmsg) -> str:
    """One lifecycle message in a line: when it came, what it was."""
    detail = {
        "new_session": lambda: f"fragments {[f[:4] for f in fmsg.metadata.run.fragment_ids]}",
        "script_finished": lambda: ForwardMsg.ScriptFinishedStatus.Name(fmsg.script_finished),
        "auto_rerun": lambda: f"{fmsg.auto_rerun.fragment_id[:4]} every {fmsg.auto_rerun.interval:g} s",
        "stop_auto_rerun": lambda: str([f[:4] for f in fmsg.stop_auto_rerun.fragment_ids]),
        "navigation": lambda: fmsg.navigation.page_script_hash[:6],
    }[kind]()
    return f"{time.perf_counter():.3f} {kind} {detail}"


def _key(element_id: str) -> str:
    """A widget's or chart's key from its element id (``$$ID-<hash>-<key>``)."""
    return element_id.rsplit("-", 1)[-1]


@dataclass
class ClassStudent:
    base_url: str
    page: str  # the url path of the page the link opens, e.g. "gaba" or "class"
    code: str
    radio_key: str = ""  # the prediction's widget key the first run must show, e.g. "gaba_predict_shunt"
    cookie: str | None = None  # nginx's affinity cookie ("st_route=..."), to pin a replica
    teacher_token: str | None = None  # open the teacher link instead of a student's
    extra_query: str = ""  # more of the link's query, e.g. "present=true"
    ws: object = None
    page_script_hash: str = ""
    query_string: str = ""
    radio: Radio | None = None
    texts: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    runs: list[Run] = field(default_factory=list)  # the finished runs, in order

    def __post_init__(self) -> None:
        parts = urlsplit(self.base_url)
        assert parts.hostname in {"127.0.0.1", "localhost"}, f"loopback only, not {self.base_url}"
        self.ws_url = f"ws://{parts.netloc}/_stcore/stream"
        link = {"class": self.code} | ({"teacher": self.teacher_token} if self.teacher_token else {})
        self.query_string = "&".join(q for q in (urlencode(link), self.extra_query) if q)
        self._run: Run | None = None
        self._cache: dict[str, bytes] = {}  # cacheable messages by hash, as the browser keeps them
        self._values: dict[str, str] = {}  # the radios' chosen options by widget id
        self._auto_reruns: dict[str, float] = {}  # fragment id -> interval, from the runs read so far
        self._timers: dict[str, tuple[float, asyncio.Task]] = {}
        self._reader: asyncio.Task | None = None
        self._finished = asyncio.Event()
        self._opened_nonce: object = None  # the last page load the page asked for
        self._navigation: asyncio.Future | None = None
        self._leaving = False
        self.loads = 0  # page loads after the first (following the teacher to another page)
        self.trace: collections.deque[str] = collections.deque(maxlen=80)  # the last lifecycle messages, to debug

    @property
    def seat(self) -> str | None:
        return parse_qs(self.query_string).get("seat", [None])[0]

    @property
    def following(self) -> bool:
        return self._reader is not None

    async def open(self) -> float:
        """Open the page with the class link; returns the seconds until the first run finished."""
        t0 = time.perf_counter()
        headers = {"Cookie": self.cookie} if self.cookie else {}
        self.ws = await websockets.connect(
            self.ws_url,
            subprotocols=["streamlit"],
            origin=self.base_url,
            max_size=None,
            open_timeout=RUN_TIMEOUT_S,
            additional_headers=headers,
        )
        msg = BackMsg()
        msg.rerun_script.query_string = self.query_string
        msg.rerun_script.page_name = self.page
        await self.ws.send(msg.SerializeToString())
        await self._until_finished()
        if self.radio_key and self.radio is None:
            self.errors.append("the lesson showed no prediction to vote on")
        if not self.seat and not self.teacher_token:
            self.errors.append(f"the server gave no seat (query string {self.query_string!r})")
        return time.perf_counter() - t0

    async def vote(self, option: int) -> tuple[float, float]:
        """Choose ``option`` of the first run's prediction; returns (perf_counter when sent, when the run finished)."""
        assert self.radio is not None
        return await self.choose(self.radio, option)

    async def choose(self, radio: Radio, option: int) -> tuple[float, float]:
        """Choose ``option`` of ``radio``; returns (perf_counter when sent, when the run it caused finished)."""
        self._values[radio.id] = radio.options[option]
        sent = await self._send_rerun(radio.fragment_id)
        if self.following:
            run = await self.wait_for(lambda r: r.started_s >= sent, since_s=sent)
            return sent, run.finished_s if run else time.perf_counter()
        await self._until_finished()
        return sent, time.perf_counter()

    async def close(self) -> None:
        for _, timer in self._timers.values():
            timer.cancel()
        self._timers.clear()
        if self._reader is not None:
            self._reader.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._reader
        if self.ws is not None:
            await self.ws.close()

    # ---- following the teacher ---------------------------------------------------------------------------------

    def _maybe_open(self, data_json: str) -> None:
        """The page asks the browser to load another address (the ``scroll_to`` component's ``open_url``, once per
        nonce): do as the browser does, a new page load, i.e. a new websocket session on that page and query."""
        try:
            data = json.loads(data_json)
        except ValueError:
            return
        url, nonce = data.get("open_url") or "", data.get("nonce")
        if not url or nonce == self._opened_nonce or not self.following:
            return
        self._opened_nonce = nonce
        self._navigation = asyncio.ensure_future(self._load(url))

    async def _load(self, url: str) -> None:
        parts = urlsplit(url)
        path = parts.path.strip("./").strip("/")
        for _, timer in self._timers.values():
            timer.cancel()
        self._timers.clear()
        self._auto_reruns.clear()
        self._leaving = True
        old_ws, old_reader = self.ws, self._reader
        self._reader = None
        await old_ws.close()
        with contextlib.suppress(asyncio.CancelledError, Exception):
            await old_reader
        self._leaving = False
        self.page, self.query_string, self.page_script_hash, self.radio = path, parts.query, "", None
        self.loads += 1
        await self.open()
        self.start_following()

    def start_following(self) -> None:
        """From now on read every message as it comes and poll like the browser (see the module docstring)."""
        assert self.ws is not None and self._reader is None
        self._reader = asyncio.create_task(self._read_forever())
        for fragment_id, interval_s in self._auto_reruns.items():
            self._start_timer(fragment_id, interval_s)

    def timers(self) -> dict[str, float]:
        """The fragments this phone polls now, and how often (seconds)."""
        return {fragment_id: interval_s for fragment_id, (interval_s, _) in self._timers.items()}

    def latest(self, predicate: Callable[[Run], bool]) -> Run | None:
        return next((r for r in reversed(self.runs) if predicate(r)), None)

    async def wait_for(
        self, predicate: Callable[[Run], bool], since_s: float, timeout_s: float = RUN_TIMEOUT_S
    ) -> Run | None:
        """The first successful run that finished at or after ``since_s`` and satisfies ``predicate`` (None: none
        within ``timeout_s``)."""
        deadline = time.perf_counter() + timeout_s
        seen = 0
        while True:
            for run in self.runs[seen:]:
                if run.ok and run.finished_s >= since_s and predicate(run):
                    return run
            seen = len(self.runs)
            left = deadline - time.perf_counter()
            loading = self._navigation is not None and not self._navigation.done()  # a page load under way
            if left <= 0 or (not loading and (not self.following or self._reader.done())):
                return None
            self._finished.clear()
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(self._finished.wait(), left)

    async def _read_forever(self) -> None:
        while True:
            try:
                data = await self.ws.recv()
            except websockets.ConnectionClosed as exc:
                if not self._leaving:  # a page load of its own closes it on purpose
                    self.errors.append(f"websocket closed ({exc})")
                return
            if self._handle(data):
                self._finished.set()

    def _start_timer(self, fragment_id: str, interval_s: float) -> None:
        known = self._timers.get(fragment_id)
        if known is not None and known[0] == interval_s:
            return  # the browser keeps a timer that already ticks at this interval
        if known is not None:
            known[1].cancel()
        self._timers[fragment_id] = (interval_s, asyncio.create_task(self._tick(fragment_id, interval_s)))

    def _stop_timers(self, fragment_ids) -> None:
        for fragment_id in list(fragment_ids):
            known = self._timers.pop(fragment_id, None)
            if known is not None:
                known[1].cancel()

    async def _tick(self, fragment_id: str, interval_s: float) -> None:
        while True:
            await asyncio.sleep(interval_s)
            try:
                await self._send_rerun(fragment_id, auto=True)
            except websockets.ConnectionClosed:
                return

    async def _send_rerun(self, fragment_id: str = "", auto: bool = False) -> float:
        """A ``rerun_script`` as the browser sends it: page, query string, the widget values it holds, the hashes
        of the messages it keeps; ``fragment_id`` for a fragment's rerun.  Returns when it was sent."""
        msg = BackMsg()
        state = msg.rerun_script
        state.query_string = self.query_string
        state.page_script_hash = self.page_script_hash
        state.fragment_id = fragment_id
        state.is_auto_rerun = auto
        state.cached_message_hashes.extend(sorted(self._cache))
        state.context_info.timezone = "UTC"
        state.context_info.locale = "en-US"
        for widget_id, value in self._values.items():
            widget = state.widget_states.widgets.add()
            widget.id = widget_id
            widget.string_value = value
        sent = time.perf_counter()
        await self.ws.send(msg.SerializeToString())
        self.trace.append(f"{sent:.3f} sent rerun {fragment_id[:4] or 'full'}{' auto' if auto else ''}")
        return sent

    # ---- reading the server's messages -------------------------------------------------------------------------

    async def _until_finished(self) -> None:
        """Read until a run finishes for good (a run that ended early for a rerun is followed by that rerun)."""
        deadline = time.perf_counter() + RUN_TIMEOUT_S
        while True:
            try:
                data = await asyncio.wait_for(self.ws.recv(), max(deadline - time.perf_counter(), 0.01))
            except asyncio.TimeoutError:
                self.errors.append("no script_finished within the timeout")
                return
            except websockets.ConnectionClosed as exc:
                self.errors.append(f"websocket closed ({exc})")
                return
            if self._handle(data) and self.runs[-1].status != RERUN_FOLLOWS:
                return

    def _handle(self, data: bytes) -> bool:
        """Take one message; True when it finished a run."""
        fmsg = ForwardMsg()
        fmsg.ParseFromString(data)
        if fmsg.metadata.cacheable and fmsg.hash:
            self._cache[fmsg.hash] = data
        kind = fmsg.WhichOneof("type")
        if kind in _TRACED:
            self.trace.append(_traced(kind, fmsg))
        if kind == "ref_hash":
            kept = self._cache.get(fmsg.ref_hash)
            if kept is None:
                self.errors.append(f"a reference to a message never received ({fmsg.ref_hash})")
                return False
            fmsg = ForwardMsg()
            fmsg.ParseFromString(kept)
            kind = fmsg.WhichOneof("type")
        if kind == "new_session":
            self._new_run(fmsg)
        elif kind == "delta" and fmsg.delta.WhichOneof("type") == "new_element":
            self._element(fmsg.delta.new_element, fmsg.delta.fragment_id)
        elif kind == "navigation":
            self.page_script_hash = fmsg.navigation.page_script_hash
        elif kind == "page_info_changed":
            self.query_string = fmsg.page_info_changed.query_string
        elif kind == "auto_rerun":
            if self._run is not None:
                self._run.polls[fmsg.auto_rerun.fragment_id] = fmsg.auto_rerun.interval
            self._auto_reruns[fmsg.auto_rerun.fragment_id] = fmsg.auto_rerun.interval
            if self.following:
                self._start_timer(fmsg.auto_rerun.fragment_id, fmsg.auto_rerun.interval)
        elif kind == "stop_auto_rerun":
            for fragment_id in fmsg.stop_auto_rerun.fragment_ids:
                self._auto_reruns.pop(fragment_id, None)
            self._stop_timers(fmsg.stop_auto_rerun.fragment_ids)
        elif kind == "script_finished":
            self._end_run(fmsg.script_finished)
            return True
        return False

    def _new_run(self, fmsg) -> None:
        fragment_ids = tuple(fmsg.metadata.run.fragment_ids)
        if not fragment_ids:  # a full run: the browser stops every timer; this run's fragments start them again
            self._auto_reruns.clear()
            self._stop_timers(self._timers)
            # The page is a full run's only: a fragment's run may name the page its request named, which a timer
            # that ticked just before a page change named (the browser ignores it too).
            self.page_script_hash = fmsg.new_session.page_script_hash or self.page_script_hash
        self._run = Run(time.perf_counter(), fragment_ids)

    def _end_run(self, status: int) -> None:
        run = self._run or Run(time.perf_counter(), ())
        self._run = None
        run.finished_s, run.status = time.perf_counter(), status
        self.runs.append(run)
        if status not in OK and status != RERUN_FOLLOWS:
            self.errors.append(f"run ended {ForwardMsg.ScriptFinishedStatus.Name(status)}")
        if status == ForwardMsg.FINISHED_SUCCESSFULLY:  # the page drawn anew: answers of radios gone are dropped
            shown = {radio.id for radio in run.radios.values()}
            self._values = {k: v for k, v in self._values.items() if k in shown}

    def _element(self, element, fragment_id: str) -> None:
        kind = element.WhichOneof("type")
        run = self._run
        if kind == "exception":
            self.errors.append(f"exception: {element.exception.type} {element.exception.message[:120]}")
        elif kind == "radio":
            radio = Radio(element.radio.id, list(element.radio.options), fragment_id)
            if run is not None:
                run.radios[_key(radio.id)] = radio
            if self.radio_key and radio.id.endswith(f"-{self.radio_key}"):
                self.radio = radio
        elif kind == "plotly_chart" and run is not None:
            run.charts.add(_key(element.plotly_chart.id))
        elif kind == "bidi_component" and element.bidi_component.component_name.endswith(".scroll_to"):
            self._maybe_open(element.bidi_component.json)
        elif kind in ("markdown", "alert", "toast"):
            body = getattr(element, kind).body
            self.texts.append(body)
            if run is not None:
                run.texts.append(body)
