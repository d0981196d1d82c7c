"""What the store adds for a class led from the front, on SQLite and on PostgreSQL alike: seats only the store
issues, an atomic cap under a flood of joins, joining closed and idle seats removed, peer-instruction rounds with a
reveal that is final in the store, a countdown, the teacher's own questions as plain text, where the class is, and
a schema-1 database brought up to date without losing a vote."""

from __future__ import annotations

import threading

import pytest
import sqlalchemy as sa

from explainer.classroom import codes
from explainer.classroom.errors import ClassError
from explainer.classroom.schema import MAX_SEATS_PER_CLASS, own_questions, votes
from explainer.classroom.store import ClassStore, Position
from tests.classroom.conftest import QUESTIONS

Q = "gaba:predict:shunt"


def _reason(call) -> str:
    with pytest.raises(ClassError) as err:
        call()
    return err.value.reason


def _flood(store: ClassStore, code: str, attempts: int, workers: int = 20) -> tuple[list[str], list[str]]:
    """``attempts`` joins from ``workers`` threads at once: the seats issued and the refusals' reasons."""
    issued, refused, lock = [], [], threading.Lock()

    def worker(n: int) -> None:
        for _ in range(n):
            try:
                seat = store.join(code)
                with lock:
                    issued.append(seat)
            except ClassError as exc:
                with lock:
                    refused.append(exc.reason)

    threads = [threading.Thread(target=worker, args=(attempts // workers,)) for _ in range(workers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return issued, refused


# ---- seats ----------------------------------------------------------------------------------------------------


def test_only_seats_the_store_issued_count_and_a_kept_one_survives_a_restart(store, database_url, clock):
    code, _ = store.start_class()
    made_up = codes.new_seat()
    seat = store.join(code, made_up)
    assert seat != made_up and store.has_seat(code, seat) and not store.has_seat(code, made_up)
    assert _reason(lambda: store.vote(code, made_up, Q, 0)) == "not_joined"
    restarted = ClassStore(database_url, QUESTIONS, clock=clock)  # a server restart
    assert restarted.join(code, seat) == seat and restarted.seat_count(code) == 1
    restarted.engine.dispose()


def test_a_flood_of_joins_keeps_the_cap_and_closing_joining_lets_real_students_back(store):
    code, token = store.start_class()
    store.set_size(code, token, 40)
    issued, refused = _flood(store, code, 500)
    assert len(issued) == 40 and store.seat_count(code) == 40, "the cap holds under 500 joins at once"
    assert set(refused) == {"class_full"} and len(refused) == 460
    store.set_joining(code, token, False)
    assert _reason(lambda: store.join(code)) == "closed"
    assert store.remove_idle_seats(code, token) == 40, "the flood never voted"
    assert store.status(code, token).seats == 0
    store.set_joining(code, token, True)
    real = [store.join(code) for _ in range(30)]
    store.vote(code, real[0], Q, 1)
    assert store.remove_idle_seats(code, token) == 29 and store.seat_count(code) == 1, "a seat that voted stays"
    assert store.my_vote(code, real[0], Q) == 1


def test_the_class_size_is_bounded_and_never_below_the_seats_taken(store):
    code, token = store.start_class()
    for _ in range(3):
        store.join(code)
    assert store.set_size(code, token, 1) == 3
    assert store.set_size(code, token, 10**6) == MAX_SEATS_PER_CLASS
    assert _reason(lambda: store.set_size(code, token, "30")) == "bad_size"
    assert _reason(lambda: store.set_size(code, "forged-token-forged-token", 30)) == "not_teacher"
    assert _reason(lambda: store.set_joining(code, "forged-token-forged-token", False)) == "not_teacher"
    assert _reason(lambda: store.remove_idle_seats(code, "forged-token-forged-token")) == "not_teacher"


# ---- rounds and the reveal ------------------------------------------------------------------------------------


def test_two_rounds_keep_round_one_and_the_reveal_is_final_in_the_store(store):
    code, token = store.start_class()
    class_seats = [store.join(code) for _ in range(4)]
    for i, seat in enumerate(class_seats):
        assert store.vote(code, seat, Q, 0 if i < 3 else 1) == 1
    assert store.state(code, Q).shown is False
    assert store.act(code, token, Q, "show").shown
    store.act(code, token, Q, "second_round")
    assert store.state(code, Q).round == 2 and not store.state(code, Q).shown
    assert store.tally(code, Q) == [0, 0, 0], "round 2 starts empty"
    for seat in class_seats:
        assert store.vote(code, seat, Q, 2) == 2
    assert store.tally(code, Q, 1) == [3, 1, 0] and store.tally(code, Q, 2) == [0, 0, 4], "round 1 is kept"
    assert store.my_vote(code, class_seats[0], Q) == 2 and store.my_vote(code, class_seats[0], Q, 1) == 0
    store.reveal(code, token, Q)
    assert _reason(lambda: store.vote(code, class_seats[0], Q, 0)) == "revealed"
    assert store.tally(code, Q, 2) == [0, 0, 4], "no vote counts after the reveal"
    assert store.act(code, token, Q, "second_round").round == 2 and store.state(code, Q).revealed, "nothing undoes it"
    assert _reason(lambda: store.act(code, "forged-token-forged-token", Q, "show")) == "not_teacher"


def test_votes_racing_a_reveal_never_count_after_it(store):
    code, token = store.start_class()
    class_seats = [store.join(code) for _ in range(30)]
    counted_after: list[int] = []
    revealed = threading.Event()

    def phone(seat: str) -> None:
        for i in range(20):
            after_reveal = revealed.is_set()  # the reveal had returned before this vote was sent
            try:
                store.vote(code, seat, Q, i % 3)
                if after_reveal:
                    counted_after.append(1)
            except ClassError as exc:
                assert exc.reason == "revealed"

    threads = [threading.Thread(target=phone, args=(s,)) for s in class_seats]
    for t in threads:
        t.start()
    store.reveal(code, token, Q)
    revealed.set()
    frozen = store.tally(code, Q)
    for t in threads:
        t.join()
    assert store.tally(code, Q) == frozen, "the tally did not move after the reveal"
    assert not counted_after, f"{len(counted_after)} votes said 'counted' after the reveal"


def test_a_countdown_closes_the_round(store, clock):
    code, token = store.start_class()
    seat = store.join(code)
    state = store.act(code, token, Q, "countdown", countdown_s=60)
    assert state.seconds_left(clock.now_s) == 60
    store.vote(code, seat, Q, 1)
    clock.now_s += 61
    assert _reason(lambda: store.vote(code, seat, Q, 2)) == "closed"
    assert store.tally(code, Q) == [0, 1, 0]
    assert _reason(lambda: store.act(code, token, Q, "countdown", countdown_s=10**6)) == "bad_action"
    store.act(code, token, Q, "second_round")  # a new round opens without the countdown
    store.vote(code, seat, Q, 2)
    assert store.tally(code, Q) == [0, 0, 1]


# ---- the teacher's own questions ------------------------------------------------------------------------------


def test_a_teachers_question_is_plain_text_counted_like_the_lessons_and_deleted_with_the_class(store):
    code, token = store.start_class()
    qid = store.add_question(code, token, "balance", "glu_rate=2000", "<b>Which\nwins?</b>", ["E", "I", "Tie"], 0)
    (mine,) = store.own_questions(code, page="balance")
    assert mine.question_id == qid and mine.prompt == "<b>Which wins?</b>", "kept as text, one line, never parsed"
    assert mine.options == ("E", "I", "Tie") and mine.right == 0 and mine.view == "glu_rate=2000"
    seat = store.join(code)
    store.vote(code, seat, qid, 2)
    assert store.tally(code, qid) == [0, 0, 1]
    assert _reason(lambda: store.vote(code, seat, qid, 3)) == "no_option"
    assert store.counts(code, token)[qid] == {1: [0, 0, 1]}
    store.reveal(code, token, qid)
    other, _ = store.start_class()
    assert _reason(lambda: store.vote(other, store.join(other), qid, 0)) == "no_question", "one class's question"
    store.end_class(code, token)
    with store.engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(own_questions)).scalar_one() == 0


@pytest.mark.parametrize(
    "prompt, options, right",
    [("", ["A", "B"], None), ("Q?", ["A"], None), ("Q?", list("ABCDEFG"), None), ("Q?", ["A", "A"], None),
     ("Q?", ["A", "B"], 2), ("Q?", ["A", "B"], True), ("x" * 301, ["A", "B"], None), ("Q?", ["A", "x" * 121], None)],
)  # fmt: skip
def test_a_teachers_question_out_of_bounds_is_refused(store, prompt, options, right):
    code, token = store.start_class()
    assert _reason(lambda: store.add_question(code, token, "balance", "", prompt, options, right)) == "bad_question"
    assert store.own_questions(code) == []


# ---- where the class is ---------------------------------------------------------------------------------------


def test_the_teacher_moves_the_class_and_a_forged_move_changes_nothing(store):
    code, token = store.start_class()
    assert store.position(code) is None
    assert store.move(code, token, "gaba", Q, "") == 1
    assert store.position(code) == Position("gaba", Q, "", 1)
    assert store.move(code, token, "tug-of-war", None, "glu_rate=3000&gaba_rate=500") == 2
    assert store.position(code).view == "glu_rate=3000&gaba_rate=500"
    assert _reason(lambda: store.move(code, "forged-token-forged-token", "gaba")) == "not_teacher"
    assert _reason(lambda: store.move(code, token, "gaba", "gaba:predict:nope")) == "no_question"
    assert _reason(lambda: store.move(code, token, "x" * 500)) == "bad_position"
    assert store.position(code).seq == 2


# ---- a schema-1 database --------------------------------------------------------------------------------------

_V1 = [
    "CREATE TABLE ei_schema_version (version INTEGER NOT NULL)",
    "INSERT INTO ei_schema_version VALUES (1)",
    "CREATE TABLE ei_class (id INTEGER PRIMARY KEY, code VARCHAR(6) NOT NULL UNIQUE, teacher_hash VARCHAR(64) NOT NULL,"
    " created_s FLOAT NOT NULL, expires_s FLOAT NOT NULL)",
    "CREATE TABLE ei_seat (class_id INTEGER NOT NULL REFERENCES ei_class (id) ON DELETE CASCADE,"
    " seat_hash VARCHAR(64) NOT NULL, joined_s FLOAT NOT NULL, PRIMARY KEY (class_id, seat_hash))",
    "CREATE TABLE ei_revealed (class_id INTEGER NOT NULL REFERENCES ei_class (id) ON DELETE CASCADE,"
    " question_id VARCHAR(80) NOT NULL, revealed_s FLOAT NOT NULL, PRIMARY KEY (class_id, question_id))",
    "CREATE TABLE ei_vote (class_id INTEGER NOT NULL, question_id VARCHAR(80) NOT NULL, seat_hash VARCHAR(64) NOT NULL,"
    " choice SMALLINT NOT NULL, voted_s FLOAT NOT NULL, PRIMARY KEY (class_id, question_id, seat_hash),"
    " FOREIGN KEY (class_id, seat_hash) REFERENCES ei_seat (class_id, seat_hash) ON DELETE CASCADE)",
]


def test_a_schema_1_database_is_migrated_with_its_votes_and_reveals(database_url, clock):
    engine = sa.create_engine(database_url)
    seat = codes.new_seat()
    token = codes.new_teacher_token()
    with engine.begin() as conn:
        for statement in _V1:
            conn.execute(sa.text(statement))
        conn.execute(
            sa.text("INSERT INTO ei_class VALUES (1, 'K7P3QX', :t, :now, :end)"),
            {"t": codes.digest(token), "now": clock.now_s, "end": clock.now_s + 3600},
        )
        conn.execute(sa.text("INSERT INTO ei_seat VALUES (1, :s, 0)"), {"s": codes.digest(seat)})
        conn.execute(sa.text("INSERT INTO ei_vote VALUES (1, :q, :s, 2, 0)"), {"q": Q, "s": codes.digest(seat)})
        conn.execute(sa.text("INSERT INTO ei_revealed VALUES (1, 'gaba:check:direction', 0)"))
    engine.dispose()
    store = ClassStore(database_url, QUESTIONS, clock=clock)
    try:
        assert store.my_vote("K7P3QX", seat, Q) == 2 and store.tally("K7P3QX", Q, 1) == [0, 0, 1]
        assert store.is_revealed("K7P3QX", "gaba:check:direction") and not store.is_revealed("K7P3QX", Q)
        assert store.seat_count("K7P3QX") == 1 and store.join("K7P3QX", seat) == seat
        assert store.status("K7P3QX", token).joining_open
        with store.engine.connect() as conn:
            assert conn.execute(sa.text("SELECT version FROM ei_schema_version")).scalar_one() == 2
            assert conn.execute(sa.select(sa.func.count()).select_from(votes)).scalar_one() == 1
            assert not sa.inspect(conn).has_table("ei_vote") and not sa.inspect(conn).has_table("ei_revealed")
    finally:
        store.engine.dispose()


def test_expired_classes_are_purged_on_a_timer_without_anyone_starting_a_class(store, clock):
    from explainer.classroom.store import CLASS_LIFETIME_S
    from tests.harness.waiting import wait_until

    code, _ = store.start_class()
    store.join(code)
    clock.now_s += CLASS_LIFETIME_S + 1
    store.start_purging(every_s=0.05)

    def purged() -> bool:
        with store.engine.connect() as conn:
            return conn.execute(sa.text("SELECT count(*) FROM ei_class")).scalar_one() == 0

    wait_until(purged, timeout_s=10, what="the timer deleting the expired class")
