"""The class store's rules, on SQLite and on PostgreSQL alike: one vote per seat and question, only real
questions and options, the teacher's token as the only key to the teacher's actions, one class never
seeing another's data, and expiry deleting everything."""

from __future__ import annotations

import threading

import pytest
import sqlalchemy as sa

from explainer.classroom import codes
from explainer.classroom.errors import ClassError
from explainer.classroom.export import tallies_csv
from explainer.classroom.questions import QuestionText
from explainer.classroom.store import CLASS_LIFETIME_S, ClassStore, seats, votes
from tests.classroom.conftest import QUESTIONS

Q = "gaba:predict:shunt"


def _reason(call) -> str:
    with pytest.raises(ClassError) as err:
        call()
    return err.value.reason


def test_a_class_code_is_short_unambiguous_and_the_token_is_stored_only_as_a_hash(store):
    code, token = store.start_class()
    assert len(code) == 6 and set(code) <= set(codes.CODE_ALPHABET)
    assert not set(code) & set("0O1lI"), code
    with store.engine.connect() as conn:
        dump = " ".join(str(v) for row in conn.execute(sa.text("SELECT * FROM ei_class")) for v in row)
    assert token not in dump and codes.digest(token) in dump
    assert store.is_teacher(code, token) and not store.is_teacher(code, codes.new_teacher_token())


def test_typed_codes_are_read_generously_and_nothing_else_gets_through():
    assert codes.read_code(" abc-234 ") == "ABC234"
    for bad in ("ABC23", "ABC2345", "ABC0O1", "<b>hi</b>", "", None, 123, "A" * 1000):
        assert codes.read_code(bad) is None, bad


def test_a_vote_counts_once_and_a_new_answer_replaces_it(store):
    code, _ = store.start_class()
    seat = store.join(code)
    assert store.join(code, seat) == seat  # joining again (a reload) keeps the seat the store issued
    assert store.seat_count(code) == 1
    for _ in range(5):  # a student hammering the same answer
        store.vote(code, seat, Q, 1)
    assert store.tally(code, Q) == [0, 1, 0]
    store.vote(code, seat, Q, 2)
    assert store.tally(code, Q) == [0, 0, 1], "changing the answer moves the vote"
    assert store.my_vote(code, seat, Q) == 2


def test_an_older_answer_that_arrives_late_never_replaces_a_newer_one(store, clock):
    """A write held up by a silent network (the phone gave up on it and sent the student's next answer) may reach
    the database after the newer one: the newer answer stands."""
    code, _ = store.start_class()
    seat = store.join(code)
    sent_s = clock.now_s
    clock.now_s += 5
    store.vote(code, seat, Q, 2)  # the student's answer after the outage
    clock.now_s = sent_s
    assert _reason(lambda: store.vote(code, seat, Q, 1)) == "round_changed"  # the held write, arriving late
    assert store.my_vote(code, seat, Q) == 2 and store.tally(code, Q) == [0, 0, 1]


def test_the_database_itself_refuses_a_second_vote_and_a_choice_out_of_range(store):
    """The rules hold even for a write that bypasses the Python checks."""
    code, _ = store.start_class()
    seat = store.join(code)
    store.vote(code, seat, Q, 0)
    class_id = store._running(code).id
    row = {"class_id": class_id, "question_id": Q, "round": 1, "seat_hash": codes.digest(seat), "voted_s": 0.0}
    with pytest.raises(sa.exc.IntegrityError):
        with store.engine.begin() as conn:
            conn.execute(votes.insert().values(choice=1, **row))
    with pytest.raises(sa.exc.IntegrityError):
        with store.engine.begin() as conn:
            conn.execute(votes.insert().values(choice=99, **{**row, "question_id": "gaba:check:direction"}))
    with pytest.raises(sa.exc.IntegrityError):
        with store.engine.begin() as conn:
            conn.execute(votes.insert().values(choice=0, **{**row, "round": 3}))
    with pytest.raises(sa.exc.IntegrityError):  # a vote from a seat that never joined
        with store.engine.begin() as conn:
            conn.execute(votes.insert().values(choice=0, **{**row, "seat_hash": codes.digest("x" * 22)}))


def test_forged_questions_options_seats_and_codes_change_nothing(store):
    code, _ = store.start_class()
    seat = store.join(code)
    assert _reason(lambda: store.vote(code, seat, "gaba:predict:nope", 0)) == "no_question"
    assert _reason(lambda: store.vote(code, seat, Q, 3)) == "no_option"
    assert _reason(lambda: store.vote(code, seat, Q, -1)) == "no_option"
    assert _reason(lambda: store.vote(code, seat, Q, True)) == "no_option"
    assert _reason(lambda: store.vote(code, "'; DROP TABLE ei_vote; --", Q, 0)) == "bad_seat"
    assert _reason(lambda: store.vote(code, codes.new_seat(), Q, 0)) == "not_joined"
    assert _reason(lambda: store.vote("ZZZZZZ", seat, Q, 0)) == "no_class"
    assert _reason(lambda: store.join("<script>", seat)) == "no_class"
    assert store.tally(code, Q) == [0, 0, 0]


def test_only_the_teacher_token_reveals_ends_or_exports(store):
    code, token = store.start_class()
    student = store.join(code)
    for forged in (student, codes.new_teacher_token(), "", None):
        assert _reason(lambda f=forged: store.reveal(code, f, Q)) == "not_teacher"
        assert _reason(lambda f=forged: store.counts(code, f)) == "not_teacher"
        assert _reason(lambda f=forged: store.end_class(code, f)) == "not_teacher"
    assert not store.is_revealed(code, Q)
    store.reveal(code, token, Q)
    store.reveal(code, token, Q)  # twice: still revealed, no error
    assert store.is_revealed(code, Q)


def test_one_class_never_sees_another_class_votes(store):
    code_a, token_a = store.start_class()
    code_b, token_b = store.start_class()
    assert code_a != code_b
    seat = store.join(code_a)
    store.vote(code_a, seat, Q, 1)
    assert store.tally(code_b, Q) == [0, 0, 0]
    assert _reason(lambda: store.vote(code_b, seat, Q, 0)) == "not_joined", "a seat belongs to one class"
    assert _reason(lambda: store.reveal(code_b, token_a, Q)) == "not_teacher"
    assert store.counts(code_b, token_b)[Q] == {1: [0, 0, 0]}
    assert store.counts(code_a, token_a)[Q] == {1: [0, 1, 0]}


def test_the_csv_has_both_rounds_totals_every_question_and_no_personal_data(store):
    code, token = store.start_class()
    class_seats = [store.join(code) for _ in range(4)]
    for i, seat in enumerate(class_seats):
        store.vote(code, seat, Q, 0 if i < 3 else 2)
    store.act(code, token, Q, "second_round")
    for seat in class_seats:
        store.vote(code, seat, Q, 0)
    texts = {Q: QuestionText("What happens at −70 mV?", ("Less", "Same", "More"), 0)}
    text = tallies_csv(code, store.counts(code, token), texts)
    assert text.startswith("\ufeff"), "a BOM: Excel on Windows reads the file as UTF-8 (the minus sign)"
    lines = text.removeprefix("\ufeff").strip().splitlines()
    assert lines[0] == "class,question,question_text,round,option,option_text,right,votes,percent"
    assert f"{code},{Q},What happens at −70 mV?,1,1,Less,yes,3,75" in lines
    assert f"{code},{Q},What happens at −70 mV?,1,3,More,no,1,25" in lines
    assert f"{code},{Q},What happens at −70 mV?,1,total,,,4,100" in lines
    assert f"{code},{Q},What happens at −70 mV?,2,1,Less,yes,4,100" in lines
    assert f"{code},{Q},What happens at −70 mV?,2,total,,,4,100" in lines
    for other in QUESTIONS:  # every question, voted on or not
        assert any(line.startswith(f"{code},{other},") for line in lines), f"{other} is missing"
    assert f"{code},glutamate:predict:mg,,1,total,,,0,0" in lines
    assert not any(s in text or codes.digest(s) in text for s in class_seats)


def test_a_class_expires_after_its_lifetime_and_everything_in_it_is_deleted(store, clock):
    code, _ = store.start_class()
    seat = store.join(code)
    store.vote(code, seat, Q, 1)
    clock.now_s += CLASS_LIFETIME_S - 1
    assert store.find_class(code) is not None
    clock.now_s += 2
    assert store.find_class(code) is None
    assert _reason(lambda: store.vote(code, seat, Q, 0)) == "no_class"
    assert store.purge_expired(force=True) == 1
    with store.engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(votes)).scalar_one() == 0
        assert conn.execute(sa.select(sa.func.count()).select_from(seats)).scalar_one() == 0


def test_ending_a_class_deletes_its_data_at_once(store):
    code, token = store.start_class()
    seat = store.join(code)
    store.vote(code, seat, Q, 1)
    store.end_class(code, token)
    assert store.find_class(code) is None
    with store.engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(votes)).scalar_one() == 0


def test_the_schema_is_created_once_and_a_second_store_shares_it(store, database_url, clock):
    code, _ = store.start_class()
    again = ClassStore(database_url, QUESTIONS, clock=clock)  # a second replica, or a restart
    assert again.find_class(code) is not None
    with again.engine.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM ei_schema_version")).scalar_one() == 1
    again.engine.dispose()


def test_thirty_students_voting_at_once_are_all_counted_once(store):
    code, _ = store.start_class()
    errors = []

    def student(i: int) -> None:
        try:
            seat = store.join(code)
            for _ in range(3):  # each taps three times
                store.vote(code, seat, Q, i % 3)
        except Exception as exc:  # the test reports every failure
            errors.append(repr(exc))

    threads = [threading.Thread(target=student, args=(i,)) for i in range(30)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    assert store.tally(code, Q) == [10, 10, 10]
    assert store.seat_count(code) == 30


def test_a_second_tab_takes_the_seat_its_browser_kept_and_its_fresh_seat_goes(store):
    code, _ = store.start_class()
    kept = store.join(code)
    store.vote(code, kept, Q, 1)
    fresh = store.join(code)  # the second tab arrives and gets a seat of its own at first
    assert store.seat_count(code) == 2
    assert store.take_seat(code, fresh=fresh, kept=kept) == kept
    assert store.seat_count(code) == 1, "one browser, one seat"
    assert store.my_vote(code, kept, Q) == 1 and store.tally(code, Q) == [0, 1, 0]
    made_up = codes.new_seat()
    assert store.take_seat(code, fresh=kept, kept=made_up) == kept, "a kept seat the store never issued is no seat"
