"""A TCP proxy on loopback that can fall silent: connections are still accepted and their bytes acknowledged by the
kernel, but nothing is passed on in either direction (a database server that hangs, a firewall that drops
replies).  The outage tests put it between the class store and PostgreSQL, or run it with no server behind it.

``SilentProxy(target_port)`` forwards to ``127.0.0.1:target_port`` (``None``: a server that accepts and never
answers); ``silent = True`` stops all forwarding, ``silent = False`` resumes it.  A context manager.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time

from tests.harness.server import LOOPBACK

_CHUNK = 65536
_POLL_S = 0.05


class SilentProxy:
    def __init__(self, target_port: int | None) -> None:
        self.target_port = target_port
        self.silent = target_port is None
        self._listener = socket.create_server((LOOPBACK, 0))
        self._listener.settimeout(_POLL_S)
        self.port = self._listener.getsockname()[1]
        self._closing = threading.Event()
        self._sockets: list[socket.socket] = []
        threading.Thread(target=self._accept, daemon=True).start()

    def __enter__(self) -> SilentProxy:
        return self

    def __exit__(self, *_exc) -> None:
        self.close()

    def close(self) -> None:
        self._closing.set()
        for sock in [self._listener, *self._sockets]:
            with contextlib.suppress(OSError):
                sock.close()

    def _accept(self) -> None:
        while not self._closing.is_set():
            try:
                client, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self._sockets.append(client)
            if self.target_port is None:
                continue  # accepted, never answered
            upstream = socket.create_connection((LOOPBACK, self.target_port))
            self._sockets.append(upstream)
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    def _pipe(self, source: socket.socket, sink: socket.socket) -> None:
        source.settimeout(_POLL_S)
        while not self._closing.is_set():
            if self.silent:
                time.sleep(_POLL_S)  # hold the bytes: the other side waits for an answer that never comes
                continue
            try:
                data = source.recv(_CHUNK)
            except TimeoutError:
                continue
            except OSError:
                return
            if not data:
                return
            with contextlib.suppress(OSError):
                sink.sendall(data)
