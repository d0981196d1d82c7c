"""Fixtures every test folder may use: a throwaway PostgreSQL server for the class store (one per test run)."""

from __future__ import annotations

import os

import pytest

from tests.harness import postgres


@pytest.fixture(scope="session")
def postgres_url():
    reason = postgres.missing_reason()
    if reason:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true needs PostgreSQL for the class-store tests: {reason}")
        pytest.skip(reason)
    with postgres.PostgresServer() as server:
        yield server.url
