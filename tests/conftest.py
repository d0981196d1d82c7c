"""Fixtures every test folder may use: a throwaway PostgreSQL server for the class store (one per test run).

A test that reaches PostgreSQL is marked ``e2e`` (it needs a server process, so the fast lane,
``-m "not e2e"``, leaves it out); ``postgres_url`` fails a test that is not, so none slips into the fast lane.
"""

from __future__ import annotations

import os

import pytest

from tests.harness import postgres


@pytest.fixture(scope="session")
def _postgres_server_url():
    reason = postgres.missing_reason()
    if reason:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true needs PostgreSQL for the class-store tests: {reason}")
        pytest.skip(reason)
    with postgres.PostgresServer() as server:
        yield server.url


@pytest.fixture
def postgres_url(request):
    """The URL of the session's PostgreSQL server, for a test marked ``e2e``."""
    if request.node.get_closest_marker("e2e") is None:
        pytest.fail(f"{request.node.nodeid} uses PostgreSQL: mark it e2e (pytest.param(..., marks=pytest.mark.e2e))")
    return request.getfixturevalue("_postgres_server_url")


@pytest.fixture
def pseudo_language(monkeypatch):
    """The pseudo language ``qps`` (tests/harness/pseudo.py), offered for this test: every word-list text wraps."""
    from tests.harness import pseudo

    pseudo.install(monkeypatch)
    return pseudo.PSEUDO
