"""The store's statements that need more than one line: the vote that counts only while its round is open, a
question's state, a round's tally, the teacher's questions.  Each takes an open connection (the store decides the
transaction) and the dialect's name where SQLite and PostgreSQL differ.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from explainer.classroom import codes
from explainer.classroom.rounds import QuestionState
from explainer.classroom.schema import own_questions, question_states, seats, votes

OWN_PREFIX = "own:"


@dataclass(frozen=True)
class OwnQuestion:
    """A question the teacher wrote: plain text, never HTML, attached to a page and view."""

    question_id: str
    page: str
    view: str
    prompt: str
    options: tuple[str, ...]
    right: int | None


def insert(dialect: str, table: sa.Table):
    """An INSERT with the dialect's ON CONFLICT clauses."""
    return (postgresql.insert if dialect == "postgresql" else sqlite.insert)(table)


def vote_statement(dialect: str, class_id: int, question_id: str, round_: int, seat: str, choice: int, now: float):
    """One statement that counts the vote only while the question's round ``round_`` is open and the seat is in
    the class: a reveal or a countdown that ends between reading the state and this write is still respected
    (nothing counts after it).  It returns the vote's round when counted, no row when not (a row count would not
    do: psycopg reports -1 for an INSERT ... SELECT with ON CONFLICT)."""
    open_now = sa.exists().where(
        question_states.c.class_id == class_id,
        question_states.c.question_id == question_id,
        question_states.c.round == round_,
        question_states.c.revealed_s.is_(None),
        sa.or_(question_states.c.closes_s.is_(None), question_states.c.closes_s > now),
    )
    seat_hash = codes.digest(seat)
    joined = sa.exists().where(seats.c.class_id == class_id, seats.c.seat_hash == seat_hash)
    values = sa.select(
        sa.literal(class_id), sa.literal(question_id), sa.literal(round_), sa.literal(seat_hash),
        sa.literal(int(choice)), sa.literal(now),
    ).where(open_now, joined)  # fmt: skip
    columns = ["class_id", "question_id", "round", "seat_hash", "choice", "voted_s"]
    statement = insert(dialect, votes).from_select(columns, values)
    # A newer answer is never replaced by an older one: a write held up by a silent network (the phone gave up on
    # it, said "not counted yet" and sent the student's next answer) may still reach the database afterwards.
    return statement.on_conflict_do_update(
        index_elements=["class_id", "question_id", "round", "seat_hash"],
        set_={"choice": statement.excluded.choice, "voted_s": statement.excluded.voted_s},
        where=statement.excluded.voted_s >= votes.c.voted_s,
    ).returning(votes.c.round)


def ensure_state(conn: sa.Connection, dialect: str, class_id: int, question_id: str) -> None:
    """The question's state row, made (round 1, open) if nobody has acted on it yet."""
    conn.execute(
        insert(dialect, question_states)
        .values(class_id=class_id, question_id=question_id, round=1, shown=False)
        .on_conflict_do_nothing(index_elements=["class_id", "question_id"])
    )


def read_state(conn: sa.Connection, class_id: int, question_id: str, lock: bool = False) -> QuestionState:
    """Where the question stands (``lock``: PostgreSQL holds its row until the transaction ends)."""
    query = sa.select(question_states).where(
        question_states.c.class_id == class_id, question_states.c.question_id == question_id
    )
    if lock and conn.dialect.name == "postgresql":
        query = query.with_for_update()
    found = conn.execute(query).first()
    if found is None:
        return QuestionState()
    return QuestionState(int(found.round), bool(found.shown), found.revealed_s is not None, found.closes_s)


def tally(conn: sa.Connection, class_id: int, question_id: str, round_: int, n: int) -> list[int]:
    """How many seats chose each of the ``n`` options in ``round_``."""
    counts = [0] * n
    for choice, k in conn.execute(
        sa.select(votes.c.choice, sa.func.count())
        .where(votes.c.class_id == class_id, votes.c.question_id == question_id, votes.c.round == round_)
        .group_by(votes.c.choice)
    ):
        if 0 <= choice < n:
            counts[choice] = int(k)
    return counts


def class_counts(conn: sa.Connection, class_id: int, options: dict[str, int]) -> dict[str, dict[int, list[int]]]:
    """Each of these questions' counts per round (round 2 only where one was opened), voted on or not."""
    found = conn.execute(
        sa.select(votes.c.question_id, votes.c.round, votes.c.choice, sa.func.count())
        .where(votes.c.class_id == class_id)
        .group_by(votes.c.question_id, votes.c.round, votes.c.choice)
    ).all()
    second = set(
        conn.execute(
            sa.select(question_states.c.question_id).where(
                question_states.c.class_id == class_id, question_states.c.round == 2
            )
        ).scalars()
    )
    out = {qid: {r: [0] * n for r in ((1, 2) if qid in second else (1,))} for qid, n in options.items()}
    for qid, round_, choice, k in found:
        if qid in out and 0 <= choice < options[qid]:
            out[qid].setdefault(round_, [0] * options[qid])[choice] = int(k)
    return out


def own(conn: sa.Connection, class_id: int) -> list[OwnQuestion]:
    """The teacher's questions of a class, in the order written."""
    rows = conn.execute(sa.select(own_questions).where(own_questions.c.class_id == class_id)).all()
    return [
        OwnQuestion(r.question_id, r.page, r.view, r.prompt, tuple(json.loads(r.options_json)), r.right)
        for r in sorted(rows, key=lambda r: int(r.question_id.removeprefix(OWN_PREFIX)))
    ]


def own_options(conn: sa.Connection, class_id: int, question_id: str) -> int | None:
    """The number of options of one of the teacher's questions, or None if the class has no such question."""
    return conn.execute(
        sa.select(own_questions.c.n_options).where(
            own_questions.c.class_id == class_id, own_questions.c.question_id == question_id
        )
    ).scalar_one_or_none()
