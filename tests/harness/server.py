"""A real ``streamlit run`` server for the load and latency benchmarks and the restart / scale-out tests.

``StreamlitServer(app, port=...)`` starts ``python -m streamlit run <app>`` on 127.0.0.1 (loopback only)
in its own process group, polls ``/_stcore/health`` until it answers ``ok``, and stops it with SIGTERM
(``stop()``) or SIGKILL (``kill()``, a crash or a pulled plug).  It is a context manager.  The server's
output goes to a temporary log file; ``log_tail()`` shows its end when something went wrong.

``proc_cpu_seconds(pid)`` and ``proc_rss_bytes(pid)`` read ``/proc`` (Linux; psutil is not needed).

The end-to-end tests in ``tests/e2e`` run their session's shared server with it (``conftest.py``), and
``test_restart.py`` and ``test_scale_out.py`` servers of their own that they can kill and restart.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import tempfile
import urllib.error
import urllib.request
from pathlib import Path

from tests.harness.waiting import wait_until

REPO_ROOT = Path(__file__).resolve().parents[2]
APP = REPO_ROOT / "app.py"
LOOPBACK = "127.0.0.1"
START_TIMEOUT_S = 60.0


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    return free_ports(1)[0]


def free_ports(n: int) -> list[int]:
    """``n`` different TCP ports on 127.0.0.1 that nothing listens on right now: all held open until all are
    chosen (one ``free_port()`` after another may return the same port twice, before either server binds it)."""
    with contextlib.ExitStack() as stack:
        socks = [stack.enter_context(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) for _ in range(n)]
        for sock in socks:
            sock.bind((LOOPBACK, 0))
        return [sock.getsockname()[1] for sock in socks]


def health_ok(base_url: str, timeout_s: float = 2.0) -> bool:
    """True when ``<base_url>/_stcore/health`` answers 200 ``ok``."""
    try:
        with urllib.request.urlopen(f"{base_url}/_stcore/health", timeout=timeout_s) as resp:
            return resp.status == 200 and resp.read().decode().strip() == "ok"
    except (urllib.error.URLError, OSError):
        return False


def server_env_from(variable: str = "BENCH_SERVER_ENV") -> dict[str, str]:
    """Extra server environment from ``$BENCH_SERVER_ENV``: space-separated ``STREAMLIT_*=value`` pairs.

    For comparing a server setting before/after with the same benchmark command, e.g.
    ``BENCH_SERVER_ENV="STREAMLIT_RUNNER_POST_SCRIPT_GC=false"``.
    """
    pairs = dict(pair.split("=", 1) for pair in os.environ.get(variable, "").split())
    bad = [name for name in pairs if not name.startswith("STREAMLIT_")]
    if bad:
        raise ValueError(f"{variable}: only STREAMLIT_* settings, not {bad}")
    return pairs


def skip_unless_named(request, module_file: str, what: str) -> None:
    """Skip a slow benchmark unless its file is named on the command line or ``BENCH_SLOW=1`` is set.

    ``python -m pytest tests/benchmarks -s`` then stays a quick run (tens of seconds).
    """
    import pytest

    here = Path(module_file).resolve()
    named = any(Path(arg.split("::")[0]).resolve() == here for arg in request.config.args)
    if not named and os.environ.get("BENCH_SLOW") != "1":
        pytest.skip(f"{what}: run it by naming the file ({here.relative_to(REPO_ROOT)}) or with BENCH_SLOW=1")


def proc_cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of process ``pid`` (all its threads), from ``/proc/<pid>/stat``."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    # After the ")" that closes the command name: field 3 (state) is fields[0]; utime is field 14, stime 15.
    utime, stime = int(fields[11]), int(fields[12])
    return (utime + stime) / os.sysconf("SC_CLK_TCK")


def proc_rss_bytes(pid: int) -> int:
    """Resident set size of process ``pid`` in bytes (``VmRSS`` in ``/proc/<pid>/status``)."""
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    return 0


class StreamlitServer:
    """``python -m streamlit run <app>`` on ``127.0.0.1:<port>``, headless, no file watcher, no telemetry.

    ``env`` adds environment variables (e.g. ``STREAMLIT_SERVER_COOKIE_SECRET``); ``args`` adds command-line
    options.  The working directory is the repository root, so ``.streamlit/config.toml`` applies.
    """

    def __init__(
        self,
        app: Path | str = APP,
        *,
        port: int | None = None,
        env: dict[str, str] | None = None,
        args: list[str] | None = None,
        cwd: Path = REPO_ROOT,
    ) -> None:
        self.app = str(app)
        self.port = port or free_port()
        self.extra_env = dict(env or {})
        self.extra_args = list(args or [])
        self.cwd = cwd
        self.proc: subprocess.Popen[bytes] | None = None
        fd, name = tempfile.mkstemp(prefix=f"streamlit-{self.port}-", suffix=".log")
        os.close(fd)
        self.log_path = Path(name)

    @property
    def url(self) -> str:
        return f"http://{LOOPBACK}:{self.port}"

    @property
    def pid(self) -> int:
        assert self.proc is not None, "server not started"
        return self.proc.pid

    def command(self) -> list[str]:
        return [
            sys.executable, "-m", "streamlit", "run", self.app,
            "--server.headless", "true",
            "--server.port", str(self.port),
            "--server.address", LOOPBACK,
            "--browser.gatherUsageStats", "false",
            "--server.fileWatcherType", "none",
            *self.extra_args,
        ]  # fmt: skip

    def start(self, timeout_s: float = START_TIMEOUT_S) -> StreamlitServer:
        """Start the process (again, after ``stop``/``kill``) and wait until it is healthy."""
        if self.proc is not None and self.proc.poll() is None:
            raise RuntimeError(f"server on port {self.port} is already running")
        env = {**os.environ, "PYTHONUNBUFFERED": "1", **self.extra_env}
        with open(self.log_path, "ab") as log:
            log.write(f"\n=== start {' '.join(self.command())}\n".encode())
            log.flush()
            self.proc = subprocess.Popen(
                self.command(),
                cwd=self.cwd,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                env=env,
                start_new_session=True,  # its own process group: stop/kill reach every child
            )
        try:
            wait_until(
                self._healthy_or_exited,
                timeout_s=timeout_s,
                what=f"streamlit on port {self.port} answering its health check",
            )
        except TimeoutError as exc:
            self.kill()
            raise RuntimeError(f"{exc}\n{self.log_tail()}") from None
        return self

    def _healthy_or_exited(self) -> bool:
        """True once the server answers its health check; raises if it exited before it did."""
        if health_ok(self.url):
            return True
        if self.proc is not None and self.proc.poll() is not None:
            raise RuntimeError(
                f"streamlit exited with code {self.proc.returncode} before becoming healthy\n{self.log_tail()}"
            )
        return False

    def _signal_group(self, sig: int) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        try:
            os.killpg(self.proc.pid, sig)
        except ProcessLookupError:
            pass

    def kill(self) -> None:
        """SIGKILL the whole process group at once: the server vanishes without closing its sockets cleanly."""
        self._signal_group(signal.SIGKILL)
        if self.proc is not None:
            self.proc.wait(timeout=10)

    def stop(self) -> None:
        """SIGTERM (Streamlit shuts down), SIGKILL after 10 s."""
        if self.proc is None or self.proc.poll() is not None:
            return
        self._signal_group(signal.SIGTERM)
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.kill()

    def running(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def log_tail(self, lines: int = 80) -> str:
        try:
            text = self.log_path.read_text(errors="replace")
        except OSError as exc:
            return f"<cannot read server log: {exc}>"
        return "--- streamlit log (tail) ---\n" + "\n".join(text.splitlines()[-lines:])

    def close(self) -> None:
        """Stop the server and remove its log."""
        self.stop()
        self.log_path.unlink(missing_ok=True)

    def __enter__(self) -> StreamlitServer:
        if not self.running():
            self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
