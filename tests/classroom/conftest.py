"""The class store on both backends: a SQLite file per test, and one PostgreSQL server per test session
(its database emptied between tests).  With ``CI=true`` a missing PostgreSQL fails instead of skipping."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from explainer.classroom import store as store_module

QUESTIONS = {"gaba:predict:shunt": 3, "gaba:check:direction": 4, "glutamate:predict:mg": 2}


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, now_s: float = 1_800_000_000.0) -> None:
        self.now_s = now_s

    def __call__(self) -> float:
        return self.now_s


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.e2e)])
def database_url(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'classes.sqlite3'}"
    return emptied(request.getfixturevalue("postgres_url"))


def emptied(url: str) -> str:
    """The session's PostgreSQL database without any table (of any schema version): a test starts afresh."""
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        everything = sa.MetaData()
        everything.reflect(conn)
        everything.drop_all(conn)
    engine.dispose()
    return url


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def store(database_url, clock):
    s = store_module.ClassStore(database_url, QUESTIONS, clock=clock)
    yield s
    s.engine.dispose()
