"""App replicas behind nginx, as a school deploys them: two ``streamlit run`` servers sharing one cookie secret and
nginx (Debian's package) in front, configured from ``deploy/nginx-streamlit.conf.template`` with cookie affinity.

Everything runs on 127.0.0.1.  The site template (the file a deployment uses) is wrapped in a minimal main config
that keeps nginx's pid, logs and temporary files in a temporary directory; nginx runs in the foreground
(``daemon off;``) as the caller's child process.  ``tests/e2e/test_scale_out.py`` tests the deployment with it and
``tests/benchmarks/test_class_follow.py`` times a class on it.

- ``running_school(binary, tmp, env)``: the two replicas (with ``env``) and nginx, stopped at the end;
- ``routes_by_replica(nginx, n)``: affinity-cookie values nginx sends to each replica (its hash decides);
- ``upstreams_for(nginx, route)``: which replicas answered a cookie's requests, from nginx's access log.
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
import signal
import subprocess
import urllib.error
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.harness.server import LOOPBACK, REPO_ROOT, StreamlitServer, free_port, free_ports, health_ok
from tests.harness.waiting import wait_until

TEMPLATE = REPO_ROOT / "deploy" / "nginx-streamlit.conf.template"
NGINX_START_TIMEOUT_S = 20.0
AFFINITY_COOKIE = "st_route"

# The minimal main config around the site template: everything nginx writes goes to the temp dir.
MAIN_CONF = """\
worker_processes 1;
daemon off;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log info;
{user_line}
events {{ worker_connections 256; }}
http {{
    client_body_temp_path {tmp}/client_body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    include {tmp}/site.conf;
}}
"""


def nginx_binary() -> str | None:
    """Where nginx is installed, or None."""
    return shutil.which("nginx") or next((p for p in ("/usr/sbin/nginx",) if os.access(p, os.X_OK)), None)


def render_site(listen_port: int, upstream_ports: list[int], access_log: Path) -> str:
    """The deployment template with these values (comment lines, which name the placeholders, stay)."""
    servers = "\n".join(f"    server {LOOPBACK}:{p} max_fails=1 fail_timeout=10s;" for p in upstream_ports)
    values = {"@LISTEN@": f"{LOOPBACK}:{listen_port}", "@SERVER_NAME@": LOOPBACK, "@UPSTREAM_SERVERS@": servers,
              "@ACCESS_LOG@": str(access_log)}  # fmt: skip
    lines = []
    for line in TEMPLATE.read_text().splitlines():
        if not line.lstrip().startswith("#"):
            for placeholder, value in values.items():
                line = line.replace(placeholder, value)
            assert "@" not in line, f"an unfilled placeholder in the nginx template: {line!r}"
        lines.append(line)
    text = "\n".join(lines) + "\n"
    for placeholder, value in values.items():
        assert value in text, f"{placeholder} is not used in {TEMPLATE}"
    return text


@dataclass
class Nginx:
    proc: subprocess.Popen[bytes]
    port: int
    tmp: Path

    @property
    def url(self) -> str:
        return f"http://{LOOPBACK}:{self.port}"

    def access_log(self) -> list[str]:
        path = self.tmp / "access.log"
        return path.read_text(errors="replace").splitlines() if path.exists() else []

    def error_log_tail(self, lines: int = 40) -> str:
        path = self.tmp / "error.log"
        text = path.read_text(errors="replace") if path.exists() else ""
        return "--- nginx error.log (tail) ---\n" + "\n".join(text.splitlines()[-lines:])

    def proxying(self) -> bool:
        """True once a replica's health check answers through nginx; raises if nginx has exited."""
        if self.proc.poll() is not None:
            raise RuntimeError(f"nginx exited with code {self.proc.returncode}")
        return health_ok(self.url)

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(timeout=10)


def start_nginx(binary: str, tmp: Path, upstream_ports: list[int], port: int | None = None) -> Nginx:
    """nginx on ``port`` (default: a free loopback port) in front of ``upstream_ports``, once it proxies a health
    check."""
    port = port or free_port()
    (tmp / "site.conf").write_text(render_site(port, upstream_ports, tmp / "access.log"))
    # As root the master starts its workers as an unprivileged user, who could not write the temp dir.
    user_line = "user root;" if os.geteuid() == 0 else ""
    (tmp / "nginx.conf").write_text(MAIN_CONF.format(tmp=tmp, user_line=user_line))
    check = subprocess.run(
        [binary, "-t", "-p", str(tmp), "-c", str(tmp / "nginx.conf"), "-e", str(tmp / "error.log")],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert check.returncode == 0, f"nginx -t rejected the config:\n{check.stderr}"
    proc = subprocess.Popen(
        [binary, "-p", str(tmp), "-c", str(tmp / "nginx.conf"), "-e", str(tmp / "error.log")],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    nginx = Nginx(proc, port, tmp)
    try:
        wait_until(nginx.proxying, timeout_s=NGINX_START_TIMEOUT_S, what=f"nginx on {nginx.url} proxying")
    except (TimeoutError, RuntimeError) as exc:
        nginx.stop()
        pytest.fail(f"nginx did not proxy /_stcore/health: {exc}\n{nginx.error_log_tail()}", pytrace=False)
    return nginx


@contextmanager
def running_school(binary: str, tmp: Path, env: dict[str, str]) -> Iterator[tuple[Nginx, list[StreamlitServer]]]:
    """Two replicas with one new cookie secret (and ``env``), nginx in front; all stopped at the end."""
    env = {"STREAMLIT_SERVER_COOKIE_SECRET": secrets.token_hex(32), **env}
    *replica_ports, nginx_port = free_ports(3)  # three different ports: two chosen one by one may be the same
    replicas = [StreamlitServer(env=env, port=port) for port in replica_ports]
    nginx = None
    try:
        _start_replicas(replicas)
        nginx = start_nginx(binary, tmp, [r.port for r in replicas], nginx_port)
        yield nginx, replicas
    except RuntimeError as exc:
        pytest.fail(str(exc), pytrace=False)
    finally:
        if nginx is not None:
            nginx.stop()
        for replica in replicas:
            replica.close()


def _start_replicas(replicas: list[StreamlitServer]) -> None:
    """Start the replicas in parallel (each takes a few seconds to import the app's libraries)."""
    with ThreadPoolExecutor(len(replicas)) as pool:
        for future in [pool.submit(r.start) for r in replicas]:
            future.result()


def http_get(url: str, cookie: str | None = None) -> tuple[int, str, list[str]]:
    """Status, body and every Set-Cookie header of a GET (optionally sending the affinity cookie)."""
    headers = {"Cookie": f"{AFFINITY_COOKIE}={cookie}"} if cookie else {}
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as resp:
            return resp.status, resp.read().decode(errors="replace"), resp.headers.get_all("Set-Cookie") or []
    except urllib.error.HTTPError as exc:
        return exc.code, "", exc.headers.get_all("Set-Cookie") or []


def upstreams_for(nginx: Nginx, route: str) -> set[str]:
    """The replicas (host:port) that answered requests with this affinity key, from the access log.

    ``$upstream_addr`` lists every replica nginx tried ("a:1, b:2" after a failover); the last one answered.
    """
    served = set()
    for line in nginx.access_log():
        match = re.search(r" route=(\S+) upstream=(.*)$", line)
        if match and match.group(1) == route and match.group(2).strip() not in ("", "-"):
            served.add(match.group(2).split(",")[-1].strip())
    return served


def routes_by_replica(nginx: Nginx, per_replica: int) -> dict[str, list[str]]:
    """Affinity-cookie values that nginx sends to each replica (found by asking, as its hash decides)."""
    found: dict[str, list[str]] = {}
    for i in range(200):
        route = f"class-test-{i}"
        http_get(f"{nginx.url}/_stcore/health", cookie=route)
        for upstream in upstreams_for(nginx, route):
            found.setdefault(upstream, []).append(route)
        if len(found) == 2 and all(len(v) >= per_replica for v in found.values()):
            return {k: v[:per_replica] for k, v in found.items()}
    pytest.fail(f"200 cookie values did not reach both replicas {per_replica} times each: {found}", pytrace=False)
