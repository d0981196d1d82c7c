"""The class store: class sessions, the seats that joined them, their votes and what the teacher revealed.

One small interface over SQLAlchemy Core, the same code on both backends:

- **SQLite**, a file created on first use, when one server runs (the default: ``EXPLAINER_CLASS_DB``, a path);
- **PostgreSQL** when several replicas share the work behind nginx: ``EXPLAINER_DATABASE_URL``
  (``postgresql+psycopg://user:password@host/dbname``).

The schema is created (or brought to :data:`SCHEMA_VERSION`) when a store opens.  The rules are
constraints in the database, not only checks in Python: one seat per student and class, one vote per seat
and question (a second vote replaces the first: an upsert on the primary key), a choice within the
question's options, and every row of a class deleted with it (``ON DELETE CASCADE``).  Classes expire
:data:`CLASS_LIFETIME_S` after they start and are then deleted, votes and all: nothing is kept that a
school would have to protect.  No names, no accounts: a seat is a random token, stored as a hash.

Question ids (``"<lesson name>:<block>"``, e.g. ``"gaba:predict:shunt"``) and their number of options come
from the question registry (:mod:`explainer.classroom.questions`): the store refuses any other id and any
choice outside the options, so a forged request changes nothing.

The store raises two kinds of exception only (:mod:`explainer.classroom.errors`): :class:`ClassError` when
it refuses a request, and :class:`ClassUnavailable` for every failure of the database, its driver or the
file system, logged once here with its cause.  The engines hide SQL parameters from error messages, so a
log never holds a seat's or a token's hash either (the database never sees the seats and tokens themselves).
"""

from __future__ import annotations

import functools
import logging
import os
import sqlite3
import sys
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from explainer.classroom import codes
from explainer.classroom.errors import ClassError, ClassUnavailable

_LOG = logging.getLogger(__name__)

ENV_DATABASE_URL = "EXPLAINER_DATABASE_URL"  # PostgreSQL for replicas: postgresql+psycopg://user:pw@host/db
ENV_SQLITE_PATH = "EXPLAINER_CLASS_DB"  # the SQLite file of a single server (created on first use)
DEFAULT_SQLITE_PATH = Path(".data") / "classes.sqlite3"
SCHEMA_VERSION = 1
CLASS_LIFETIME_S = 12 * 3600.0
MAX_OPTIONS = 16
MAX_SEATS_PER_CLASS = 500  # a class of 30, a lecture hall of 300: beyond this a code is being abused
PURGE_EVERY_S = 300.0

metadata = sa.MetaData()

schema_version = sa.Table("ei_schema_version", metadata, sa.Column("version", sa.Integer, nullable=False))

classes = sa.Table(
    "ei_class",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("code", sa.String(codes.CODE_LENGTH), nullable=False, unique=True),
    sa.Column("teacher_hash", sa.String(64), nullable=False),
    sa.Column("created_s", sa.Float, nullable=False),
    sa.Column("expires_s", sa.Float, nullable=False, index=True),
)

seats = sa.Table(
    "ei_seat",
    metadata,
    sa.Column("class_id", sa.Integer, sa.ForeignKey("ei_class.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("seat_hash", sa.String(64), primary_key=True),
    sa.Column("joined_s", sa.Float, nullable=False),
)

revealed = sa.Table(
    "ei_revealed",
    metadata,
    sa.Column("class_id", sa.Integer, sa.ForeignKey("ei_class.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("question_id", sa.String(80), primary_key=True),
    sa.Column("revealed_s", sa.Float, nullable=False),
)

votes = sa.Table(
    "ei_vote",
    metadata,
    sa.Column("class_id", sa.Integer, primary_key=True),
    sa.Column("question_id", sa.String(80), primary_key=True),
    sa.Column("seat_hash", sa.String(64), primary_key=True),
    sa.Column("choice", sa.SmallInteger, nullable=False),
    sa.Column("voted_s", sa.Float, nullable=False),
    sa.ForeignKeyConstraint(["class_id", "seat_hash"], ["ei_seat.class_id", "ei_seat.seat_hash"], ondelete="CASCADE"),
    sa.CheckConstraint(f"choice >= 0 AND choice < {MAX_OPTIONS}", name="ei_vote_choice_range"),
)


@dataclass(frozen=True)
class ClassInfo:
    """A class that is running: its code and when it ends (seconds since the epoch)."""

    code: str
    created_s: float
    expires_s: float


class _SchemaTooNew(Exception):
    """The database was written by a newer version of the app: it is left as it is."""


def _failures() -> tuple[type[BaseException], ...]:
    """What the store turns into :class:`ClassUnavailable`: SQLAlchemy's errors, the file system's, a newer
    schema, and the drivers' own (psycopg is in ``sys.modules`` once a PostgreSQL engine exists; importing it
    here would slow every start of a server that uses SQLite)."""
    driver = sys.modules.get("psycopg")
    return (sa.exc.SQLAlchemyError, OSError, sqlite3.Error, _SchemaTooNew) + ((driver.Error,) if driver else ())


def _unavailable(action: str, exc: BaseException) -> ClassUnavailable:
    """The one log record of a failure, with its cause; the exception the caller raises."""
    _LOG.warning("class store: could not %s: %s: %s", action, type(exc).__name__, exc, exc_info=exc)
    return ClassUnavailable(action)


def _guarded(action: str):
    """A store method that raises only :class:`ClassError` and :class:`ClassUnavailable`.  A method that calls
    another passes its :class:`ClassUnavailable` on untouched, so a failure is logged once."""

    def wrap(method):
        @functools.wraps(method)
        def guarded(*args, **kwargs):
            try:
                return method(*args, **kwargs)
            except _failures() as exc:
                raise _unavailable(action, exc) from exc

        return guarded

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
        raise _unavailable("make the folder of its file", exc) from exc
    return f"sqlite:///{path.resolve()}"


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")  # SQLite enforces the cascades only when asked
    cursor.execute("PRAGMA journal_mode=WAL")  # readers (the tallies) never wait for a writer (a vote)
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def make_engine(url: str) -> sa.Engine:
    """An engine for a ``sqlite:///path`` or ``postgresql+psycopg://...`` URL, set up for many small writes.
    Its errors never quote the SQL parameters (hashes of seats and tokens)."""
    if url.startswith("sqlite"):
        engine = sa.create_engine(url, connect_args={"timeout": 10, "check_same_thread": False}, hide_parameters=True)
        sa.event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return sa.create_engine(url, pool_size=5, max_overflow=10, pool_pre_ping=True, hide_parameters=True)


class ClassStore:
    """Class sessions and their votes in one database (see the module docstring).

    ``questions`` maps every question id a lesson has to its number of options; ``clock`` returns seconds
    since the epoch (tests pass their own).
    """

    @_guarded("open")
    def __init__(self, url: str, questions: Mapping[str, int], clock: Callable[[], float] = time.time) -> None:
        self.engine = make_engine(url)
        self.dialect = self.engine.dialect.name
        self.questions = dict(questions)
        self.clock = clock
        self._last_purge_s = float("-inf")
        self.migrate()

    # ---- schema ----

    @_guarded("create or check its tables")
    def migrate(self) -> None:
        """Create the tables on first use; a database written by a newer version is refused, not changed."""
        with self.engine.begin() as conn:
            metadata.create_all(conn)
            found = conn.execute(sa.select(schema_version.c.version)).scalars().all()
            if not found:
                conn.execute(schema_version.insert().values(version=SCHEMA_VERSION))
            elif max(found) > SCHEMA_VERSION:
                raise _SchemaTooNew(f"the class database has schema {max(found)}; this app knows {SCHEMA_VERSION}")

    # ---- classes ----

    @_guarded("start a class")
    def start_class(self) -> tuple[str, str]:
        """A new class: (its code, the teacher token).  Only the token's hash is stored."""
        now = self.clock()
        self.purge_expired()
        token = codes.new_teacher_token()
        for _ in range(20):  # a clash among ~890 million codes is rare; try another
            code = codes.new_code()
            try:
                with self.engine.begin() as conn:
                    conn.execute(
                        classes.insert().values(
                            code=code,
                            teacher_hash=codes.digest(token),
                            created_s=now,
                            expires_s=now + CLASS_LIFETIME_S,
                        )
                    )
                return code, token
            except sa.exc.IntegrityError:
                continue
        raise ClassError("no_free_code")

    @_guarded("find a class")
    def find_class(self, code: str | None) -> ClassInfo | None:
        """The running class with this code, or None (unknown, mistyped or expired)."""
        row = self._class_row(code)
        return ClassInfo(row.code, row.created_s, row.expires_s) if row else None

    @_guarded("check a teacher link")
    def is_teacher(self, code: str | None, token: str | None) -> bool:
        row = self._class_row(code)
        return bool(row and token and codes.same_digest(token, row.teacher_hash))

    @_guarded("end a class")
    def end_class(self, code: str, token: str) -> None:
        """The teacher ends the class: it and everything in it are deleted now."""
        row = self._teacher_row(code, token)
        with self.engine.begin() as conn:
            conn.execute(classes.delete().where(classes.c.id == row.id))

    @_guarded("delete the expired classes")
    def purge_expired(self, force: bool = False) -> int:
        """Delete the classes that have expired (their seats, votes and reveals go with them)."""
        now = self.clock()
        if not force and now - self._last_purge_s < PURGE_EVERY_S:
            return 0
        self._last_purge_s = now
        with self.engine.begin() as conn:
            return conn.execute(classes.delete().where(classes.c.expires_s <= now)).rowcount

    # ---- students ----

    @_guarded("give a seat")
    def join(self, code: str | None, seat: str | None) -> None:
        """Give this seat a place in the class (again: nothing changes)."""
        row = self._running(code)
        if not codes.read_token(seat):
            raise ClassError("bad_seat")
        with self.engine.begin() as conn:
            n = conn.execute(
                sa.select(sa.func.count()).select_from(seats).where(seats.c.class_id == row.id)
            ).scalar_one()
            if n >= MAX_SEATS_PER_CLASS:
                raise ClassError("class_full")
            conn.execute(
                self._insert(seats)
                .values(class_id=row.id, seat_hash=codes.digest(seat), joined_s=self.clock())
                .on_conflict_do_nothing(index_elements=["class_id", "seat_hash"])
            )

    @_guarded("give a tab its browser's seat")
    def take_seat(self, code: str | None, fresh: str, kept: str) -> None:
        """A second tab of a browser already in the class: it takes the seat the browser kept (which joins
        again if it must), and the fresh seat it got on arrival is removed unless it has voted."""
        self.join(code, kept)
        row = self._running(code)
        if not codes.read_token(fresh):
            return
        fresh_hash = codes.digest(fresh)
        with self.engine.begin() as conn:
            voted = conn.execute(
                sa.select(votes.c.seat_hash).where(votes.c.class_id == row.id, votes.c.seat_hash == fresh_hash)
            ).first()
            if voted is None:
                conn.execute(seats.delete().where(seats.c.class_id == row.id, seats.c.seat_hash == fresh_hash))

    @_guarded("count the seats")
    def seat_count(self, code: str | None) -> int:
        row = self._running(code)
        with self.engine.connect() as conn:
            return conn.execute(
                sa.select(sa.func.count()).select_from(seats).where(seats.c.class_id == row.id)
            ).scalar_one()

    @_guarded("count a vote")
    def vote(self, code: str | None, seat: str | None, question_id: str, choice: int) -> None:
        """Count this seat's answer to a question once; a new answer replaces the old one."""
        row = self._running(code)
        self._check_choice(question_id, choice)
        if not codes.read_token(seat):
            raise ClassError("bad_seat")
        values = {
            "class_id": row.id,
            "question_id": question_id,
            "seat_hash": codes.digest(seat),
            "choice": int(choice),
            "voted_s": self.clock(),
        }
        try:
            with self.engine.begin() as conn:
                conn.execute(
                    self._insert(votes)
                    .values(**values)
                    .on_conflict_do_update(
                        index_elements=["class_id", "question_id", "seat_hash"],
                        set_={"choice": values["choice"], "voted_s": values["voted_s"]},
                    )
                )
        except sa.exc.IntegrityError as exc:  # the seat never joined this class (or the class just ended)
            raise ClassError("not_joined") from exc

    @_guarded("read a vote")
    def my_vote(self, code: str | None, seat: str | None, question_id: str) -> int | None:
        row = self._class_row(code)
        if not row or not codes.read_token(seat):
            return None
        with self.engine.connect() as conn:
            return conn.execute(
                sa.select(votes.c.choice).where(
                    votes.c.class_id == row.id,
                    votes.c.question_id == question_id,
                    votes.c.seat_hash == codes.digest(seat),
                )
            ).scalar_one_or_none()

    # ---- the class's answers and the reveal ----

    @_guarded("count the votes")
    def tally(self, code: str | None, question_id: str) -> list[int]:
        """How many seats chose each option of the question, in the options' order."""
        row = self._running(code)
        self._check_question(question_id)
        counts = [0] * self.questions[question_id]
        with self.engine.connect() as conn:
            for choice, n in conn.execute(
                sa.select(votes.c.choice, sa.func.count())
                .where(votes.c.class_id == row.id, votes.c.question_id == question_id)
                .group_by(votes.c.choice)
            ):
                if 0 <= choice < len(counts):
                    counts[choice] = int(n)
        return counts

    @_guarded("reveal a question")
    def reveal(self, code: str, token: str, question_id: str) -> None:
        """The teacher shows the class the experiment and feedback of a question.  Final: students who have
        seen the answer cannot take their vote back, so nothing un-reveals it (a repeat changes nothing)."""
        row = self._teacher_row(code, token)
        self._check_question(question_id)
        with self.engine.begin() as conn:
            conn.execute(
                self._insert(revealed)
                .values(class_id=row.id, question_id=question_id, revealed_s=self.clock())
                .on_conflict_do_nothing(index_elements=["class_id", "question_id"])
            )

    @_guarded("read a reveal")
    def is_revealed(self, code: str | None, question_id: str) -> bool:
        row = self._class_row(code)
        if not row:
            return False
        with self.engine.connect() as conn:
            return (
                conn.execute(
                    sa.select(revealed.c.question_id).where(
                        revealed.c.class_id == row.id, revealed.c.question_id == question_id
                    )
                ).first()
                is not None
            )

    @_guarded("count the class's answers")
    def counts(self, code: str, token: str) -> dict[str, list[int]]:
        """Every question that has votes, in the registry's order, with its count per option: for the
        teacher's export (:mod:`explainer.classroom.export`).  No seats, no times."""
        row = self._teacher_row(code, token)
        with self.engine.connect() as conn:
            rows = conn.execute(
                sa.select(votes.c.question_id, votes.c.choice, sa.func.count())
                .where(votes.c.class_id == row.id)
                .group_by(votes.c.question_id, votes.c.choice)
            ).all()
        found: dict[str, list[int]] = {}
        for qid, choice, n in rows:
            if qid in self.questions and 0 <= choice < self.questions[qid]:
                found.setdefault(qid, [0] * self.questions[qid])[choice] = int(n)
        return {qid: found[qid] for qid in self.questions if qid in found}

    # ---- internals ----

    def _insert(self, table: sa.Table):
        return (postgresql.insert if self.dialect == "postgresql" else sqlite.insert)(table)

    def _class_row(self, code: str | None):
        code = codes.read_code(code)
        if code is None:
            return None
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(classes).where(classes.c.code == code)).first()
        return row if row and row.expires_s > self.clock() else None

    def _running(self, code: str | None):
        row = self._class_row(code)
        if row is None:
            raise ClassError("no_class")
        return row

    def _teacher_row(self, code: str, token: str):
        row = self._running(code)
        if not (token and codes.same_digest(token, row.teacher_hash)):
            raise ClassError("not_teacher")
        return row

    def _check_question(self, question_id: str) -> None:
        if question_id not in self.questions:
            raise ClassError("no_question")

    def _check_choice(self, question_id: str, choice: int) -> None:
        self._check_question(question_id)
        if isinstance(choice, bool) or not isinstance(choice, int) or not 0 <= choice < self.questions[question_id]:
            raise ClassError("no_option")
