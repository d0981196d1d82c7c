"""The class database's connection: which database, an engine with timeouts, and the one guard every store
call passes through.

- **Which database**: ``$EXPLAINER_DATABASE_URL`` (PostgreSQL, when replicas share the work), else a SQLite file
  (``$EXPLAINER_CLASS_DB``, default ``.data/classes.sqlite3``).
- **Timeouts**, so that a database that is down or silent costs a page seconds, never minutes: PostgreSQL gets a
  connect timeout, a statement and lock timeout enforced by the server, TCP keepalives and a TCP user timeout
  (unacknowledged data), and the pool a checkout timeout; SQLite waits at most :data:`BUSY_TIMEOUT_MS` for a lock.
  A server that accepts the connection and then never answers defeats all of these (the kernel still
  acknowledges), so every store call also runs under a **deadline**: it runs on a small pool of worker threads and
  the caller waits at most :data:`DEADLINE_S`; past it the call is :class:`ClassUnavailable` and the worker is left
  to finish or fail on its own (its connection returns to the pool then).
- **One guard** (:func:`guarded`): whatever the database, its driver or the file system raise becomes one
  :class:`ClassUnavailable`, logged once with its cause.  The engines hide SQL parameters from their messages, so
  no log holds a seat's or a token's hash.
"""

from __future__ import annotations

import concurrent.futures
import functools
import logging
import os
import sqlite3
import sys
import threading
from collections.abc import Mapping
from pathlib import Path

import sqlalchemy as sa

from explainer.classroom.errors import ClassUnavailable

_LOG = logging.getLogger("explainer.classroom.store")  # one logger for everything the store does

ENV_DATABASE_URL = "EXPLAINER_DATABASE_URL"  # PostgreSQL for replicas: postgresql+psycopg://user:pw@host/db
ENV_SQLITE_PATH = "EXPLAINER_CLASS_DB"  # the SQLite file of a single server (created on first use)
DEFAULT_SQLITE_PATH = Path(".data") / "classes.sqlite3"

CONNECT_TIMEOUT_S = 3  # PostgreSQL: establishing a connection, the startup exchange included (libpq)
STATEMENT_TIMEOUT_MS = 3000  # PostgreSQL: the server cancels a statement (or a lock wait) after this
TCP_USER_TIMEOUT_MS = 4000  # Linux: a connection whose sent data stays unacknowledged this long is dropped
POOL_TIMEOUT_S = 3.0  # waiting for a free connection of the pool
BUSY_TIMEOUT_MS = 3000  # SQLite: waiting for another writer's lock
DEADLINE_S = 4.5  # a store call's answer, whatever happens below: "cannot be reached" within about 5 s
WORKERS = 8  # threads that run store calls; a silent database can hold them all, the deadline still holds


class SchemaTooNew(Exception):
    """The database was written by a newer version of the app: it is left as it is."""


class _Timeout(Exception):
    """A store call passed its deadline."""


def failures() -> tuple[type[BaseException], ...]:
    """What the store turns into :class:`ClassUnavailable`: SQLAlchemy's errors, the file system's, a newer
    schema, a passed deadline, and the drivers' own (psycopg is in ``sys.modules`` once a PostgreSQL engine
    exists; importing it here would slow every start of a server that uses SQLite)."""
    driver = sys.modules.get("psycopg")
    own = (sa.exc.SQLAlchemyError, OSError, sqlite3.Error, SchemaTooNew, _Timeout)
    return own + ((driver.Error,) if driver else ())


def unavailable(action: str, exc: BaseException) -> ClassUnavailable:
    """The one log record of a failure, with its cause; the exception the caller raises."""
    _LOG.warning("class store: could not %s: %s: %s", action, type(exc).__name__, exc, exc_info=exc)
    return ClassUnavailable(action)


_workers = concurrent.futures.ThreadPoolExecutor(max_workers=WORKERS, thread_name_prefix="class-store")
_inside = threading.local()  # set on a worker thread while it runs a store call


def _run(method, args, kwargs):
    _inside.active = True
    try:
        return method(*args, **kwargs)
    finally:
        _inside.active = False


def within_deadline(method, *args, **kwargs):
    """``method(*args, **kwargs)`` on a worker thread, waited for at most :data:`DEADLINE_S`.  A call made from
    inside another store call runs directly (it already has its deadline, and a pool held by a silent database
    could otherwise never run it)."""
    if getattr(_inside, "active", False):
        return method(*args, **kwargs)
    future = _workers.submit(_run, method, args, kwargs)
    try:
        return future.result(timeout=DEADLINE_S)
    except concurrent.futures.TimeoutError:
        future.cancel()  # not started yet (every worker is held): it never will be
        raise _Timeout(f"no answer within {DEADLINE_S} s") from None


def guarded(action: str):
    """A store method that raises only :class:`ClassError` and :class:`ClassUnavailable` and answers within the
    deadline.  A method that calls another passes its :class:`ClassUnavailable` on untouched (logged once)."""

    def wrap(method):
        @functools.wraps(method)
        def guarded_method(*args, **kwargs):
            try:
                return within_deadline(method, *args, **kwargs)
            except failures() as exc:
                raise unavailable(action, exc) from exc

        return guarded_method

    return wrap


def database_url(environ: Mapping[str, str] = os.environ) -> str:
    """The class store's database: ``$EXPLAINER_DATABASE_URL`` if set, else the SQLite file (its folder is
    made here; a folder that cannot be made is a :class:`ClassUnavailable`)."""
    url = environ.get(ENV_DATABASE_URL, "").strip()
    if url:
        return url
    path = Path(environ.get(ENV_SQLITE_PATH, "").strip() or DEFAULT_SQLITE_PATH).expanduser()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise unavailable("make the folder of its file", exc) from exc
    return f"sqlite:///{path.resolve()}"


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")  # SQLite enforces the cascades only when asked
    cursor.execute("PRAGMA journal_mode=WAL")  # readers (the tallies) never wait for a writer (a vote)
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.close()


def make_engine(url: str) -> sa.Engine:
    """An engine for a ``sqlite:///path`` or ``postgresql+psycopg://...`` URL, set up for many small writes and
    with the timeouts above.  Its errors never quote the SQL parameters (hashes of seats and tokens)."""
    if url.startswith("sqlite"):
        engine = sa.create_engine(
            url,
            connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
            hide_parameters=True,
            pool_timeout=POOL_TIMEOUT_S,
        )
        sa.event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    server_side = f"-c statement_timeout={STATEMENT_TIMEOUT_MS} -c lock_timeout={STATEMENT_TIMEOUT_MS}"
    return sa.create_engine(
        url,
        pool_size=5,
        max_overflow=10,
        pool_pre_ping=True,
        pool_timeout=POOL_TIMEOUT_S,
        hide_parameters=True,
        connect_args={
            "connect_timeout": CONNECT_TIMEOUT_S,
            "options": server_side,
            "keepalives": 1,
            "keepalives_idle": 5,
            "keepalives_interval": 2,
            "keepalives_count": 2,
            "tcp_user_timeout": TCP_USER_TIMEOUT_MS,
        },
    )
