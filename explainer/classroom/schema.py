"""The class store's tables, and how a database written by an older version is brought up to date.

The rules are constraints in the database, not only checks in Python: one seat per student and class, one vote
per seat, question and round (a second vote replaces the first: an upsert on the primary key), a choice within
the options, a round that is 1 or 2, a teacher's question with 2 to 6 options, and every row of a class deleted
with it (``ON DELETE CASCADE``).  No names, no accounts: a seat is a random token, stored as a hash.

Schema 2 (this version) added: the class's joining state, size and seat count (an atomic cap), where the teacher
is (page, question, view: the phones follow it), the questions' peer-instruction state (round, shown, revealed,
countdown), votes per round, and the teacher's own questions.  A schema-1 database is migrated in place, its
votes kept as round 1 and its reveals as revealed questions.
"""

from __future__ import annotations

import sqlalchemy as sa

from explainer.classroom import codes
from explainer.classroom.database import SchemaTooNew

SCHEMA_VERSION = 2
MAX_OPTIONS = 16
MAX_SEATS_PER_CLASS = 500  # a class of 30, a lecture hall of 300: beyond this a code is being abused
OWN_OPTIONS = (2, 6)  # a teacher's question has 2 to 6 options
PROMPT_CHARS = 300
OPTION_CHARS = 120
VIEW_CHARS = 600  # the view's settings as a query string
PAGE_CHARS = 80
QUESTION_ID_CHARS = 80

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
    sa.Column("joining_open", sa.Boolean, nullable=False, server_default=sa.true()),
    sa.Column("size_cap", sa.Integer, nullable=False, server_default=str(MAX_SEATS_PER_CLASS)),
    sa.Column("seats_taken", sa.Integer, nullable=False, server_default="0"),
    sa.Column("at_page", sa.String(PAGE_CHARS), nullable=True),
    sa.Column("at_question", sa.String(QUESTION_ID_CHARS), nullable=True),
    sa.Column("at_view", sa.String(VIEW_CHARS), nullable=True),
    sa.Column("at_seq", sa.Integer, nullable=False, server_default="0"),
    sa.CheckConstraint(f"size_cap >= 1 AND size_cap <= {MAX_SEATS_PER_CLASS}", name="ei_class_size_cap"),
    sa.CheckConstraint("seats_taken >= 0 AND seats_taken <= size_cap", name="ei_class_seats_taken"),
)

seats = sa.Table(
    "ei_seat",
    metadata,
    sa.Column("class_id", sa.Integer, sa.ForeignKey("ei_class.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("seat_hash", sa.String(64), primary_key=True),
    sa.Column("joined_s", sa.Float, nullable=False),
)

question_states = sa.Table(
    "ei_question",
    metadata,
    sa.Column("class_id", sa.Integer, sa.ForeignKey("ei_class.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("question_id", sa.String(QUESTION_ID_CHARS), primary_key=True),
    sa.Column("round", sa.SmallInteger, nullable=False, server_default="1"),
    sa.Column("shown", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("revealed_s", sa.Float, nullable=True),
    sa.Column("closes_s", sa.Float, nullable=True),
    sa.CheckConstraint("round IN (1, 2)", name="ei_question_round"),
)

votes = sa.Table(
    "ei_ballot",
    metadata,
    sa.Column("class_id", sa.Integer, primary_key=True),
    sa.Column("question_id", sa.String(QUESTION_ID_CHARS), primary_key=True),
    sa.Column("round", sa.SmallInteger, primary_key=True),
    sa.Column("seat_hash", sa.String(64), primary_key=True),
    sa.Column("choice", sa.SmallInteger, nullable=False),
    sa.Column("voted_s", sa.Float, nullable=False),
    sa.ForeignKeyConstraint(["class_id", "seat_hash"], ["ei_seat.class_id", "ei_seat.seat_hash"], ondelete="CASCADE"),
    sa.CheckConstraint(f"choice >= 0 AND choice < {MAX_OPTIONS}", name="ei_ballot_choice_range"),
    sa.CheckConstraint("round IN (1, 2)", name="ei_ballot_round"),
)

own_questions = sa.Table(
    "ei_own_question",
    metadata,
    sa.Column("class_id", sa.Integer, sa.ForeignKey("ei_class.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("question_id", sa.String(QUESTION_ID_CHARS), primary_key=True),
    sa.Column("page", sa.String(PAGE_CHARS), nullable=False),
    sa.Column("view", sa.String(VIEW_CHARS), nullable=False, server_default=""),
    sa.Column("prompt", sa.String(PROMPT_CHARS), nullable=False),
    sa.Column("options_json", sa.Text, nullable=False),
    sa.Column("n_options", sa.SmallInteger, nullable=False),
    sa.Column("right", sa.SmallInteger, nullable=True),
    sa.Column("created_s", sa.Float, nullable=False),
    sa.CheckConstraint(f"n_options >= {OWN_OPTIONS[0]} AND n_options <= {OWN_OPTIONS[1]}", name="ei_own_n"),
    sa.CheckConstraint('"right" IS NULL OR ("right" >= 0 AND "right" < n_options)', name="ei_own_right"),
)

# Schema 1's tables, only to carry their rows over.
_V1_VOTES = sa.table(
    "ei_vote", sa.column("class_id"), sa.column("question_id"), sa.column("seat_hash"), sa.column("choice"),
    sa.column("voted_s"),
)  # fmt: skip
_V1_REVEALED = sa.table("ei_revealed", sa.column("class_id"), sa.column("question_id"), sa.column("revealed_s"))
_V2_CLASS_COLUMNS = ("joining_open", "size_cap", "seats_taken", "at_page", "at_question", "at_view", "at_seq")


def migrate(conn: sa.Connection) -> None:
    """Create the tables on first use and bring a schema-1 database to :data:`SCHEMA_VERSION`; a database
    written by a newer version is refused, not changed."""
    found = []
    if sa.inspect(conn).has_table(schema_version.name):
        found = conn.execute(sa.select(schema_version.c.version)).scalars().all()
    if found and max(found) > SCHEMA_VERSION:
        raise SchemaTooNew(f"the class database has schema {max(found)}; this app knows {SCHEMA_VERSION}")
    if found and max(found) == 1:
        _from_1(conn)
    metadata.create_all(conn)
    if not found:
        conn.execute(schema_version.insert().values(version=SCHEMA_VERSION))


def _from_1(conn: sa.Connection) -> None:
    """Schema 1 -> 2: the class gains its new columns (its seat count counted), votes become round-1 ballots,
    reveals become revealed questions; the old tables go."""
    ddl = sa.schema.CreateColumn
    for name in _V2_CLASS_COLUMNS:
        column = classes.c[name]
        conn.execute(sa.text(f"ALTER TABLE ei_class ADD COLUMN {ddl(column).compile(dialect=conn.dialect)}"))
    count = sa.select(sa.func.count()).select_from(seats).where(seats.c.class_id == classes.c.id).scalar_subquery()
    conn.execute(classes.update().values(seats_taken=count))
    metadata.create_all(conn, tables=[question_states, votes, own_questions])
    conn.execute(
        votes.insert().from_select(
            ["class_id", "question_id", "round", "seat_hash", "choice", "voted_s"],
            sa.select(_V1_VOTES.c.class_id, _V1_VOTES.c.question_id, sa.literal(1), _V1_VOTES.c.seat_hash,
                      _V1_VOTES.c.choice, _V1_VOTES.c.voted_s),
        )
    )  # fmt: skip
    conn.execute(
        question_states.insert().from_select(
            ["class_id", "question_id", "round", "shown", "revealed_s"],
            sa.select(_V1_REVEALED.c.class_id, _V1_REVEALED.c.question_id, sa.literal(1), sa.true(),
                      _V1_REVEALED.c.revealed_s),
        )
    )  # fmt: skip
    conn.execute(sa.text("DROP TABLE ei_vote"))
    conn.execute(sa.text("DROP TABLE ei_revealed"))
    conn.execute(schema_version.update().values(version=SCHEMA_VERSION))
