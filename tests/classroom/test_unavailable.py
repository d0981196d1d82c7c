"""A database that fails is one :class:`ClassUnavailable`, logged once with its cause and without a seat or a
token (or their hashes); a refusal stays a :class:`ClassError`; nothing of SQLAlchemy leaves the store."""

from __future__ import annotations

import logging
import time

import pytest
import sqlalchemy as sa

from explainer.classroom import codes, database, schema
from explainer.classroom import store as store_module
from explainer.classroom.errors import ClassError, ClassUnavailable
from explainer.classroom.store import ClassStore, database_url
from tests.classroom.conftest import QUESTIONS, emptied
from tests.harness.server import free_port
from tests.harness.silent_proxy import SilentProxy

Q = "gaba:predict:shunt"
LOGGER = store_module.__name__


def _records(caplog) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.name == LOGGER]


def _logged_text(caplog) -> str:
    handler = logging.StreamHandler()
    return "\n".join(handler.format(r) for r in _records(caplog))  # the message and the traceback


def test_a_database_that_does_not_answer_is_one_logged_class_unavailable(caplog):
    caplog.set_level(logging.WARNING, logger=LOGGER)
    with pytest.raises(ClassUnavailable) as err:
        ClassStore(f"postgresql+psycopg://nobody@127.0.0.1:{free_port()}/none", QUESTIONS)
    assert isinstance(err.value.__cause__, sa.exc.OperationalError), "the cause is chained"
    (record,) = _records(caplog)
    assert "OperationalError" in record.getMessage(), "the log names the cause"


def test_a_failure_midway_is_logged_once_and_never_shows_a_seat_or_a_token(store, caplog):
    code, token = store.start_class()
    seat, kept = codes.new_seat(), codes.new_seat()
    store.join(code, seat)
    with store.engine.begin() as conn:
        store_module.votes.drop(conn)  # the votes' table is gone: every vote now fails in the database
    caplog.set_level(logging.WARNING, logger=LOGGER)
    with pytest.raises(ClassUnavailable):
        store.vote(code, seat, Q, 1)
    with store.engine.begin() as conn:
        store_module.seats.drop(conn)
    with pytest.raises(ClassUnavailable):
        store.take_seat(code, fresh=seat, kept=kept)  # one method calling another: still one record
    assert len(_records(caplog)) == 2, [r.getMessage() for r in _records(caplog)]
    logged = _logged_text(caplog)
    for secret in (seat, kept, token):
        assert secret not in logged and codes.digest(secret) not in logged, "a log never holds a seat or a token"


def test_refusals_stay_refusals_and_are_not_logged(store, caplog):
    caplog.set_level(logging.WARNING, logger=LOGGER)
    code, _ = store.start_class()
    with pytest.raises(ClassError):
        store.reveal(code, "not-the-teacher-token", Q)
    with pytest.raises(ClassError):
        store.vote(code, codes.new_seat(), Q, 0)  # a seat that never joined: the database refuses, a ClassError
    assert not _records(caplog)


def test_a_newer_schema_is_left_alone_and_unavailable(database_url, caplog):
    ClassStore(database_url, QUESTIONS).engine.dispose()
    engine = sa.create_engine(database_url)
    with engine.begin() as conn:
        conn.execute(schema.schema_version.update().values(version=schema.SCHEMA_VERSION + 1))
    engine.dispose()
    caplog.set_level(logging.WARNING, logger=LOGGER)
    with pytest.raises(ClassUnavailable):
        ClassStore(database_url, QUESTIONS)
    assert len(_records(caplog)) == 1


def test_a_folder_that_cannot_be_made_is_unavailable(tmp_path, caplog):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    caplog.set_level(logging.WARNING, logger=LOGGER)
    with pytest.raises(ClassUnavailable):
        database_url({database.ENV_SQLITE_PATH: str(blocker / "classes.sqlite3")})
    assert len(_records(caplog)) == 1
    assert database_url({database.ENV_DATABASE_URL: " postgresql+psycopg://h/db "}) == "postgresql+psycopg://h/db"


# ---- a database that is silent: the deadline ---------------------------------------------------------------

SILENCE_NOTE_S = 6.0  # the "the note within about 5 s" (the deadline is 4.5 s), with a loaded machine's margin


def test_a_server_that_accepts_and_never_answers_is_unavailable_within_seconds(caplog):
    caplog.set_level(logging.WARNING, logger=LOGGER)
    with SilentProxy(None) as silent:
        t0 = time.monotonic()
        with pytest.raises(ClassUnavailable):
            ClassStore(f"postgresql+psycopg://nobody@127.0.0.1:{silent.port}/none", QUESTIONS)
        waited_s = time.monotonic() - t0
    assert waited_s < SILENCE_NOTE_S, f"a silent server held 'Start a class' for {waited_s:.1f} s"
    assert len(_records(caplog)) == 1


@pytest.mark.e2e
def test_a_database_that_falls_silent_midway_is_unavailable_within_seconds_and_recovers(postgres_url, caplog):
    url = sa.engine.make_url(emptied(postgres_url))
    with SilentProxy(url.port) as proxy:
        store = ClassStore(url.set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False), QUESTIONS)
        try:
            code, _ = store.start_class()
            seat = store.join(code)
            proxy.silent = True
            caplog.set_level(logging.WARNING, logger=LOGGER)
            t0 = time.monotonic()
            with pytest.raises(ClassUnavailable):
                store.vote(code, seat, Q, 1)
            waited_s = time.monotonic() - t0
            assert waited_s < SILENCE_NOTE_S, f"a silent database held a vote for {waited_s:.1f} s"
            proxy.silent = False
            store.vote(code, seat, Q, 2)  # the database answers again: so does the store
            assert store.my_vote(code, seat, Q) == 2
        finally:
            store.engine.dispose()
