"""Simulated students in class mode: Streamlit's websocket protocol, no browser (as ``tests/benchmarks/_load.py``
does for the playground).

A ``ClassStudent`` opens a lesson page with a class link (``?class=CODE``), exactly as a phone does after
scanning the QR code: one websocket to ``/_stcore/stream`` (through nginx if the base URL is nginx's, with an
affinity cookie if given), a first ``rerun_script`` naming the page and the query string.  The server joins
the student (a new seat, which it writes into the query string: ``page_info_changed``) and sends the page:
its prediction is a radio widget.  ``vote(option)`` sends the radio's new value as the frontend does (its
formatted option as ``string_value``, the query string with class and seat) and waits for the run to finish.

Errors are collected, never raised: an ``exception`` element, a run that does not finish successfully, a
closed websocket, a timeout.  Loopback addresses only.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlsplit

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

RUN_TIMEOUT_S = 30.0
OK = frozenset({ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY})


@dataclass
class Radio:
    id: str
    options: list[str]
    fragment_id: str = ""


@dataclass
class ClassStudent:
    base_url: str
    page: str  # the url path of the lesson, e.g. "gaba"
    code: str
    radio_key: str  # the prediction's widget key, e.g. "gaba_predict_shunt"
    cookie: str | None = None  # nginx's affinity cookie ("st_route=..."), to pin a replica
    ws: object = None
    page_script_hash: str = ""
    query_string: str = ""
    radio: Radio | None = None
    texts: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        parts = urlsplit(self.base_url)
        assert parts.hostname in {"127.0.0.1", "localhost"}, f"loopback only, not {self.base_url}"
        self.ws_url = f"ws://{parts.netloc}/_stcore/stream"
        self.query_string = f"class={self.code}"

    @property
    def seat(self) -> str | None:
        return parse_qs(self.query_string).get("seat", [None])[0]

    async def open(self) -> float:
        """Open the lesson with the class link; returns the seconds until the first run finished."""
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
        if self.radio is None:
            self.errors.append("the lesson showed no prediction to vote on")
        if not self.seat:
            self.errors.append(f"the server gave no seat (query string {self.query_string!r})")
        return time.perf_counter() - t0

    async def vote(self, option: int) -> tuple[float, float]:
        """Choose ``option``; returns (perf_counter when sent, when the run finished)."""
        assert self.radio is not None
        msg = BackMsg()
        state = msg.rerun_script
        state.query_string = self.query_string
        state.page_script_hash = self.page_script_hash
        state.context_info.timezone = "UTC"
        state.context_info.locale = "en-US"
        widget = state.widget_states.widgets.add()
        widget.id = self.radio.id
        widget.string_value = self.radio.options[option]
        sent = time.perf_counter()
        await self.ws.send(msg.SerializeToString())
        await self._until_finished()
        return sent, time.perf_counter()

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()

    async def _until_finished(self) -> None:
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
            fmsg = ForwardMsg()
            fmsg.ParseFromString(data)
            kind = fmsg.WhichOneof("type")
            if kind == "delta" and fmsg.delta.WhichOneof("type") == "new_element":
                self._element(fmsg.delta.new_element, fmsg.delta.fragment_id)
            elif kind == "navigation":
                self.page_script_hash = fmsg.navigation.page_script_hash
            elif kind == "page_info_changed":
                self.query_string = fmsg.page_info_changed.query_string
            elif kind == "script_finished":
                if fmsg.script_finished not in OK:
                    self.errors.append(f"run ended {ForwardMsg.ScriptFinishedStatus.Name(fmsg.script_finished)}")
                return

    def _element(self, element, fragment_id: str) -> None:
        kind = element.WhichOneof("type")
        if kind == "exception":
            self.errors.append(f"exception: {element.exception.type} {element.exception.message[:120]}")
        elif kind == "radio" and element.radio.id.endswith(f"-{self.radio_key}"):
            self.radio = Radio(element.radio.id, list(element.radio.options), fragment_id)
        elif kind in ("markdown", "alert"):
            self.texts.append(getattr(element, kind).body)
