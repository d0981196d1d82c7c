"""A throwaway PostgreSQL server for the class-store tests and the scale-out test.

``PostgresServer()`` runs Debian's ``initdb`` and ``pg_ctl`` (``/usr/lib/postgresql/<version>/bin``) in a
temporary directory, on a free loopback port, with its socket in that directory too: it touches no system
cluster and no system configuration.  As root (CI) the server runs as the ``postgres`` user that Debian's
package creates, since PostgreSQL refuses to run as root.  ``url`` is a SQLAlchemy URL
(``postgresql+psycopg://...``) for the database ``explainer``; ``stop()`` shuts it down and deletes it all.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
from pathlib import Path

from tests.harness.server import LOOPBACK, free_port

DATABASE = "explainer"
USER = "explainer"


def postgres_bin() -> Path | None:
    """The newest installed PostgreSQL's bin directory, or None."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[-3]))
    return Path(found[-1]).parent if found else None


def missing_reason() -> str | None:
    """Why a PostgreSQL server cannot be started here, or None when it can."""
    if postgres_bin() is None:
        return "PostgreSQL is not installed (Debian's postgresql package; scripts/test.sh installs it as root)"
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            return "running as root without a 'postgres' user to run the server as"
    return None


class PostgresServer:
    def __init__(self) -> None:
        reason = missing_reason()
        if reason:
            raise RuntimeError(reason)
        self.bin = postgres_bin()
        self.port = free_port()
        self.dir = Path(tempfile.mkdtemp(prefix="ei-pg-"))
        self.data = self.dir / "data"
        self.log = self.dir / "server.log"
        self._as: list[str] = []
        if os.geteuid() == 0:
            user = pwd.getpwnam("postgres")
            os.chown(self.dir, user.pw_uid, user.pw_gid)
            self._as = ["runuser", "-u", "postgres", "--"]
        self._run(
            str(self.bin / "initdb"),
            "-D",
            str(self.data),
            "-U",
            USER,
            "--auth=trust",
            "--no-sync",
            "-E",
            "UTF8",
        )
        options = f"-c listen_addresses={LOOPBACK} -p {self.port} -k {self.dir} -c fsync=off -c max_connections=200"
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-l", str(self.log), "-o", options, "-w", "start")
        self._run(str(self.bin / "createdb"), "-h", LOOPBACK, "-p", str(self.port), "-U", USER, DATABASE)
        self.url = f"postgresql+psycopg://{USER}@{LOOPBACK}:{self.port}/{DATABASE}"

    def _run(self, *argv: str) -> None:
        done = subprocess.run([*self._as, *argv], capture_output=True, text=True, timeout=120, cwd=self.dir)
        if done.returncode != 0:
            raise RuntimeError(f"{' '.join(argv)} failed ({done.returncode}): {done.stderr or done.stdout}")

    def stop(self) -> None:
        """Stop the server and delete its directory.  ``pg_ctl -w`` returns once the server has exited (its
        ``postmaster.pid`` is gone): no process of it still writes to the directory.  If it fails (no server
        was running, or it would not stop) the directory goes all the same."""
        try:
            self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop")
        except RuntimeError:
            pass
        shutil.rmtree(self.dir, ignore_errors=True)

    def __enter__(self) -> PostgresServer:
        return self

    def __exit__(self, *exc) -> None:
        self.stop()
