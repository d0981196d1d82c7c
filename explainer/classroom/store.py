"""The class store: class sessions, the seats that joined them, where the teacher is, each question's peer-instruction
state, the votes per round and the teacher's own questions.

One small interface over SQLAlchemy Core, the same code on both backends (:mod:`explainer.classroom.database`):
SQLite by default, PostgreSQL by one URL when replicas share the work.  The tables and their constraints are in
:mod:`explainer.classroom.schema`, the question's sequence in :mod:`explainer.classroom.rounds`.

- **Seats are issued by the store.**  :meth:`ClassStore.join` returns the seat a tab is to use: the one it
  brought if the store issued it to this class, else a fresh one.  A made-up ``seat=`` in a link is never a voter.
- **The cap is atomic**: a seat is issued only by an update that raises the class's seat count while it is below
  the class's size and joining is open, one statement, so 500 joins at once leave at most the cap.  The teacher
  may close joining, set the size and remove the seats that never voted.
- **A reveal is final in the store**: a vote is written by one statement that counts it only while its question's
  current round is open (not revealed, countdown not passed), so no vote counts after a reveal.
- Classes expire :data:`CLASS_LIFETIME_S` after they start and are deleted, votes and all, by a timer in each
  server process (:meth:`ClassStore.start_purging`) and whenever a class starts.  No names, no accounts: seats
  and the teacher's token are random and stored as hashes.

The store raises :class:`ClassError` when it refuses a request and :class:`ClassUnavailable` for every failure of
the database, logged once (:func:`~explainer.classroom.database.guarded`), within a deadline of about 5 s.
"""

from __future__ import annotations

import contextlib
import json
import threading
import time
import weakref
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import sqlalchemy as sa

from explainer.classroom import codes, queries, rounds
from explainer.classroom.database import database_url as database_url
from explainer.classroom.database import guarded, make_engine
from explainer.classroom.errors import ClassError, ClassUnavailable
from explainer.classroom.queries import OWN_PREFIX, OwnQuestion
from explainer.classroom.rounds import QuestionState
from explainer.classroom.schema import (
    MAX_SEATS_PER_CLASS,
    OPTION_CHARS,
    OWN_OPTIONS,
    PAGE_CHARS,
    PROMPT_CHARS,
    VIEW_CHARS,
    classes,
    migrate,
    own_questions,
    question_states,
    seats,
    votes,
)

CLASS_LIFETIME_S = 12 * 3600.0
PURGE_EVERY_S = 300.0


@dataclass(frozen=True)
class ClassInfo:
    """A class that is running: its code and when it ends (seconds since the epoch)."""

    code: str
    created_s: float
    expires_s: float


@dataclass(frozen=True)
class ClassStatus:
    """What the teacher sees of the class as a whole."""

    seats: int
    size_cap: int
    joining_open: bool


@dataclass(frozen=True)
class Position:
    """Where the teacher has taken the class: a page (its URL path), a question on it or None, the view's settings
    (a query string, may be empty), and a number that grows with every move (phones follow a change of it)."""

    page: str
    question: str | None
    view: str
    seq: int


class ClassStore:
    """Class sessions and their votes in one database (see the module docstring).  ``questions`` maps every
    question id of the lessons to its number of options; ``clock`` returns seconds since the epoch."""

    @guarded("open")
    def __init__(self, url: str, questions: Mapping[str, int], clock: Callable[[], float] = time.time) -> None:
        self.engine = make_engine(url)
        self.dialect = self.engine.dialect.name
        self.questions = dict(questions)
        self.clock = clock
        self._last_purge_s = float("-inf")
        with self.engine.begin() as conn:
            migrate(conn)

    def start_purging(self, every_s: float = PURGE_EVERY_S) -> threading.Thread:
        """Delete expired classes every ``every_s`` seconds on a daemon thread, for as long as this store lives."""
        ref = weakref.ref(self)

        def loop() -> None:
            while (store := ref()) is not None:
                with contextlib.suppress(ClassUnavailable):  # logged by the guard; the timer goes on
                    store.purge_expired(force=True)
                del store
                time.sleep(every_s)

        thread = threading.Thread(target=loop, name="class-store-purge", daemon=True)
        thread.start()
        return thread

    # ---- classes ----

    @guarded("start a class")
    def start_class(self) -> tuple[str, str]:
        """A new class: (its code, the teacher token).  Only the token's hash is stored."""
        now = self.clock()
        self.purge_expired()
        token = codes.new_teacher_token()
        for _ in range(20):  # a clash among ~890 million codes is rare; try another
            code = codes.new_code()
            row = {"code": code, "teacher_hash": codes.digest(token), "created_s": now,
                   "expires_s": now + CLASS_LIFETIME_S}  # fmt: skip
            try:
                with self.engine.begin() as conn:
                    conn.execute(classes.insert().values(**row))
                return code, token
            except sa.exc.IntegrityError:
                continue
        raise ClassError("no_free_code")

    @guarded("find a class")
    def find_class(self, code: str | None) -> ClassInfo | None:
        """The running class with this code, or None (unknown, mistyped or expired)."""
        row = self._class_row(code)
        return ClassInfo(row.code, row.created_s, row.expires_s) if row else None

    @guarded("check a teacher link")
    def is_teacher(self, code: str | None, token: str | None) -> bool:
        row = self._class_row(code)
        return bool(row and token and codes.same_digest(token, row.teacher_hash))

    @guarded("end a class")
    def end_class(self, code: str, token: str) -> None:
        """The teacher ends the class: it and everything in it are deleted now."""
        row = self._teacher_row(code, token)
        with self.engine.begin() as conn:
            conn.execute(classes.delete().where(classes.c.id == row.id))

    @guarded("delete the expired classes")
    def purge_expired(self, force: bool = False) -> int:
        """Delete the classes that have expired (their seats, votes and questions go with them)."""
        now = self.clock()
        if not force and now - self._last_purge_s < PURGE_EVERY_S:
            return 0
        self._last_purge_s = now
        with self.engine.begin() as conn:
            return conn.execute(classes.delete().where(classes.c.expires_s <= now)).rowcount

    @guarded("read the class")
    def status(self, code: str, token: str) -> ClassStatus:
        row = self._teacher_row(code, token)
        return ClassStatus(int(row.seats_taken), int(row.size_cap), bool(row.joining_open))

    @guarded("open or close joining")
    def set_joining(self, code: str, token: str, open_: bool) -> None:
        row = self._teacher_row(code, token)
        with self.engine.begin() as conn:
            conn.execute(classes.update().where(classes.c.id == row.id).values(joining_open=bool(open_)))

    @guarded("set the class size")
    def set_size(self, code: str, token: str, size: int) -> int:
        """The class's size: at most this many seats (never below the seats taken, never above the store's cap).
        Returns the size set."""
        row = self._teacher_row(code, token)
        if isinstance(size, bool) or not isinstance(size, int):
            raise ClassError("bad_size")
        size = max(int(row.seats_taken), 1, min(size, MAX_SEATS_PER_CLASS))
        with self.engine.begin() as conn:
            conn.execute(
                classes.update().where(classes.c.id == row.id, classes.c.seats_taken <= size).values(size_cap=size)
            )
        return size

    @guarded("remove the seats that never voted")
    def remove_idle_seats(self, code: str, token: str) -> int:
        """Remove every seat of the class that has never voted (a join flood, phones that left); how many."""
        row = self._teacher_row(code, token)
        voted = sa.select(votes.c.seat_hash).where(votes.c.class_id == row.id)
        with self.engine.begin() as conn:
            n = conn.execute(seats.delete().where(seats.c.class_id == row.id, seats.c.seat_hash.not_in(voted))).rowcount
            conn.execute(classes.update().where(classes.c.id == row.id).values(seats_taken=classes.c.seats_taken - n))
        return n

    # ---- where the teacher is ----

    @guarded("move the class")
    def move(self, code: str, token: str, page: str, question: str | None = None, view: str = "") -> int:
        """The teacher takes the class to ``page`` (and ``question`` on it, and the view's settings): the phones
        follow.  Returns the move's number."""
        row = self._teacher_row(code, token)
        if not _fits(page, PAGE_CHARS) or not _fits(view, VIEW_CHARS, empty=True):
            raise ClassError("bad_position")
        if question is not None and not self._known_question(row, question):
            raise ClassError("no_question")
        with self.engine.begin() as conn:
            conn.execute(
                classes.update()
                .where(classes.c.id == row.id)
                .values(at_page=page, at_question=question, at_view=view, at_seq=classes.c.at_seq + 1)
            )
            return int(conn.execute(sa.select(classes.c.at_seq).where(classes.c.id == row.id)).scalar_one())

    @guarded("read where the class is")
    def position(self, code: str | None) -> Position | None:
        """Where the teacher has taken the class, or None (no such class, or the teacher has not moved yet)."""
        row = self._class_row(code)
        if row is None or row.at_page is None:
            return None
        return Position(row.at_page, row.at_question, row.at_view or "", int(row.at_seq))

    # ---- students ----

    @guarded("give a seat")
    def join(self, code: str | None, seat: str | None = None) -> str:
        """The seat this tab is to use in the class: ``seat`` if the store issued it to this class, else a fresh
        one, issued only while joining is open and the class is below its size (``ClassError``: ``closed``,
        ``class_full``)."""
        row = self._running(code)
        if self._has_seat(row, seat):
            return seat  # type: ignore[return-value]  (checked by _has_seat)
        fresh = codes.new_seat()
        with self.engine.begin() as conn:
            taken = conn.execute(
                classes.update()
                .where(classes.c.id == row.id, classes.c.joining_open, classes.c.seats_taken < classes.c.size_cap)
                .values(seats_taken=classes.c.seats_taken + 1)
            ).rowcount
            if taken != 1:
                raise ClassError("class_full" if row.joining_open else "closed")
            conn.execute(seats.insert().values(class_id=row.id, seat_hash=codes.digest(fresh), joined_s=self.clock()))
        return fresh

    @guarded("check a seat")
    def has_seat(self, code: str | None, seat: str | None) -> bool:
        row = self._class_row(code)
        return bool(row and self._has_seat(row, seat))

    @guarded("give a tab its browser's seat")
    def take_seat(self, code: str | None, fresh: str, kept: str) -> str:
        """A second tab of a browser already in the class takes the seat the browser kept, if the store issued it
        to this class, and the fresh seat it got on arrival is removed unless it has voted.  Returns the seat the
        tab is to use."""
        row = self._running(code)
        if not self._has_seat(row, kept):
            return fresh
        fresh_hash = codes.digest(fresh) if codes.read_token(fresh) else None
        if fresh_hash and fresh != kept:
            with self.engine.begin() as conn:
                voted = sa.select(votes.c.seat_hash).where(votes.c.class_id == row.id)
                gone = conn.execute(
                    seats.delete().where(
                        seats.c.class_id == row.id, seats.c.seat_hash == fresh_hash, seats.c.seat_hash.not_in(voted)
                    )
                ).rowcount
                conn.execute(
                    classes.update().where(classes.c.id == row.id).values(seats_taken=classes.c.seats_taken - gone)
                )
        return kept

    @guarded("count the seats")
    def seat_count(self, code: str | None) -> int:
        return int(self._running(code).seats_taken)

    # ---- questions: state, votes, tallies ----

    @guarded("read a question")
    def state(self, code: str | None, question_id: str) -> QuestionState:
        """Where the question stands in this class (a question nobody has acted on: round 1, open)."""
        row = self._running(code)
        self._check_question(row, question_id)
        with self.engine.connect() as conn:
            return queries.read_state(conn, row.id, question_id)

    @guarded("read a reveal")
    def is_revealed(self, code: str | None, question_id: str) -> bool:
        row = self._class_row(code)
        if not row:
            return False
        with self.engine.connect() as conn:
            return queries.read_state(conn, row.id, question_id).revealed

    @guarded("change a question")
    def act(self, code: str, token: str, question_id: str, action: rounds.Action, countdown_s: float | None = None):
        """The teacher moves a question on (:mod:`~explainer.classroom.rounds`: show, second round, countdown,
        reveal).  A reveal is final; an action not possible now (a repeat, a replay) changes nothing.  Returns
        the question's state afterwards."""
        row = self._teacher_row(code, token)
        self._check_question(row, question_id)
        with self.engine.begin() as conn:
            queries.ensure_state(conn, self.dialect, row.id, question_id)
            before = queries.read_state(conn, row.id, question_id, lock=True)
            if not rounds.allowed(before, action):
                return before
            try:
                new = rounds.after(before, action, self.clock(), countdown_s)
            except ValueError as exc:
                raise ClassError("bad_action") from exc
            conn.execute(
                question_states.update()
                .where(question_states.c.class_id == row.id, question_states.c.question_id == question_id)
                .values(round=new.round, shown=new.shown, closes_s=new.closes_s,
                        revealed_s=self.clock() if new.revealed else None)
            )  # fmt: skip
        return new

    def reveal(self, code: str, token: str, question_id: str) -> None:
        """The teacher shows the class the experiment and the feedback: final (see :meth:`act`)."""
        self.act(code, token, question_id, "reveal")

    @guarded("count a vote")
    def vote(self, code: str | None, seat: str | None, question_id: str, choice: int) -> int:
        """Count this seat's answer in the question's current round (a new answer replaces the old one); the
        round it counted in.  Refused (``ClassError``) once revealed (``revealed``), after the countdown
        (``closed``), for a seat the store did not issue to this class (``not_joined``), and when a newer answer of
        the seat is already stored (``round_changed``).

        The answer is stamped when asked for, not when the database is reached: a call the deadline gave up on
        (a silent database) may still finish later in its worker, and must not then replace the answer the student
        gave after it."""
        now = self.clock()
        row = self._running(code)
        n = self._check_question(row, question_id)
        if isinstance(choice, bool) or not isinstance(choice, int) or not 0 <= choice < n:
            raise ClassError("no_option")
        if not codes.read_token(seat):
            raise ClassError("bad_seat")
        with self.engine.begin() as conn:
            queries.ensure_state(conn, self.dialect, row.id, question_id)
            state = queries.read_state(conn, row.id, question_id)
            statement = queries.vote_statement(self.dialect, row.id, question_id, state.round, seat, choice, now)
            counted = conn.execute(statement).first() is not None
        if counted:
            return state.round
        if not self._has_seat(row, seat):
            raise ClassError("not_joined")
        with self.engine.connect() as conn:
            state = queries.read_state(conn, row.id, question_id)
        raise ClassError("revealed" if state.revealed else "closed" if not state.open_at(now) else "round_changed")

    @guarded("read a vote")
    def my_vote(self, code: str | None, seat: str | None, question_id: str, round_: int | None = None) -> int | None:
        """This seat's answer in ``round_`` (default: the question's current round), or None."""
        row = self._class_row(code)
        if not row or not codes.read_token(seat):
            return None
        with self.engine.connect() as conn:
            if round_ is None:
                round_ = queries.read_state(conn, row.id, question_id).round
            return conn.execute(
                sa.select(votes.c.choice).where(
                    votes.c.class_id == row.id, votes.c.question_id == question_id, votes.c.round == round_,
                    votes.c.seat_hash == codes.digest(seat),
                )
            ).scalar_one_or_none()  # fmt: skip

    @guarded("count the votes")
    def tally(self, code: str | None, question_id: str, round_: int | None = None) -> list[int]:
        """How many seats chose each option in ``round_`` (default: the current round), in the options' order."""
        row = self._running(code)
        n = self._check_question(row, question_id)
        with self.engine.connect() as conn:
            if round_ is None:
                round_ = queries.read_state(conn, row.id, question_id).round
            return queries.tally(conn, row.id, question_id, round_, n)

    @guarded("count the class's answers")
    def counts(self, code: str, token: str) -> dict[str, dict[int, list[int]]]:
        """Every question of the course and every question of the teacher's, voted on or not, in course order
        then in the order written: each round's count per option (round 2 only where one was opened).  For the
        teacher's export (:mod:`explainer.classroom.export`).  No seats, no times."""
        row = self._teacher_row(code, token)
        with self.engine.connect() as conn:
            options = dict(self.questions) | {q.question_id: len(q.options) for q in queries.own(conn, row.id)}
            return queries.class_counts(conn, row.id, options)

    # ---- the teacher's own questions ----

    @guarded("add a question")
    def add_question(
        self, code: str, token: str, page: str, view: str, prompt: str, options: Sequence[str], right: int | None
    ) -> str:
        """A question the teacher wrote, attached to a page and view; its id (``own:<n>``).  Plain text only:
        whatever it holds is shown as text, never as HTML."""
        row = self._teacher_row(code, token)
        prompt, options = _clean(prompt), [_clean(o) for o in options]
        if not _fits(prompt, PROMPT_CHARS) or not OWN_OPTIONS[0] <= len(options) <= OWN_OPTIONS[1]:
            raise ClassError("bad_question")
        if not all(_fits(o, OPTION_CHARS) for o in options) or len(set(options)) != len(options):
            raise ClassError("bad_question")
        if right is not None and (isinstance(right, bool) or not 0 <= right < len(options)):
            raise ClassError("bad_question")
        if not _fits(page, PAGE_CHARS) or not _fits(view, VIEW_CHARS, empty=True):
            raise ClassError("bad_position")
        with self.engine.begin() as conn:
            n = conn.execute(
                sa.select(sa.func.count()).select_from(own_questions).where(own_questions.c.class_id == row.id)
            ).scalar_one()
            qid = f"{OWN_PREFIX}{n + 1}"
            conn.execute(
                own_questions.insert().values(
                    class_id=row.id, question_id=qid, page=page, view=view, prompt=prompt,
                    options_json=json.dumps(options), n_options=len(options), right=right, created_s=self.clock(),
                )
            )  # fmt: skip
        return qid

    @guarded("read the teacher's questions")
    def own_questions(self, code: str | None, page: str | None = None) -> list[OwnQuestion]:
        """The teacher's questions of this class, in the order written (only those of ``page`` if given)."""
        row = self._class_row(code)
        if row is None:
            return []
        with self.engine.connect() as conn:
            found = queries.own(conn, row.id)
        return [q for q in found if page is None or q.page == page]

    # ---- internals ----

    def _has_seat(self, row, seat: str | None) -> bool:
        if not codes.read_token(seat):
            return False
        with self.engine.connect() as conn:
            found = conn.execute(
                sa.select(seats.c.seat_hash).where(seats.c.class_id == row.id, seats.c.seat_hash == codes.digest(seat))
            ).first()
        return found is not None

    def _known_question(self, row, question_id: str) -> bool:
        try:
            self._check_question(row, question_id)
        except ClassError:
            return False
        return True

    def _check_question(self, row, question_id: str) -> int:
        """The question's number of options; ``ClassError("no_question")`` for an id neither the course nor
        this class's teacher has."""
        if not isinstance(question_id, str):
            raise ClassError("no_question")
        if question_id in self.questions:
            return self.questions[question_id]
        n = None
        if question_id.startswith(OWN_PREFIX):
            with self.engine.connect() as conn:
                n = queries.own_options(conn, row.id, question_id)
        if n is None:
            raise ClassError("no_question")
        return int(n)

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


def _clean(text: object) -> str:
    """A teacher's text as one line of plain characters (no control characters), trimmed."""
    if not isinstance(text, str):
        return ""
    return " ".join("".join(ch if ch.isprintable() else " " for ch in text).split())


def _fits(text: object, limit: int, empty: bool = False) -> bool:
    return isinstance(text, str) and (empty or bool(text.strip())) and len(text) <= limit
