"""A flood of joins through the real server: 500 attempts from one client at a class of 40 keep the cap, the real
students beyond it are told the class is full, and once the teacher closes joining and removes the seats that
never voted, the flood gets nothing and the real students get in.

The flood is one client opening the class link (``/class?class=CODE``) 500 times over Streamlit's websocket,
``FLOOD_AT_ONCE`` sessions at a time, each a new tab as far as the server can tell
(``tests/harness/class_students.py``).  The teacher is driven through the class store with the token of a class
started there (set the size, close joining, remove idle seats, open joining).  Asserted: behaviour only (seats
issued, what each tab was told, the store's count).  Printed: how long the flood took.
"""

from __future__ import annotations

import asyncio
import time

import pytest

from explainer.classroom.store import ClassStore
from explainer.content.words import words
from explainer.lessons import LESSONS
from explainer.ui.classroom import session
from tests.e2e.conftest import E2E_CLASS_DB
from tests.harness.class_students import ClassStudent

pytestmark = pytest.mark.e2e

SIZE = 40
FLOOD = 500
FLOOD_AT_ONCE = 20
REAL_STUDENTS = 5
W = words("classroom")
NO_SEAT = "the server gave no seat"


async def _open_all(app_url: str, code: str, n: int, at_once: int) -> list[ClassStudent]:
    """``n`` tabs open the class link, ``at_once`` at a time; each closes once its first run has finished."""
    gate = asyncio.Semaphore(at_once)
    tabs = [ClassStudent(app_url, "class", code) for _ in range(n)]

    async def one(tab: ClassStudent) -> None:
        async with gate:
            try:
                await tab.open()
            finally:
                await tab.close()

    await asyncio.gather(*(one(t) for t in tabs))
    return tabs


def _told(tabs: list[ClassStudent], word_key: str) -> int:
    """How many tabs were told the note ``word_key`` (and given no seat)."""
    note = W.text(word_key)
    return sum(1 for t in tabs if t.seat is None and any(note in text for text in t.texts))


def _errors(tabs: list[ClassStudent]) -> list[str]:
    return [e for t in tabs for e in t.errors if not e.startswith(NO_SEAT)]


def _run_apart(coroutine):
    """Run ``coroutine`` on a thread of its own: Playwright's sync API may hold an event loop on this thread (after
    an earlier browser test in the same session), and ``asyncio.run`` refuses to nest in it."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def test_a_flood_of_joins_keeps_the_cap_and_the_teacher_lets_real_students_in(app_url):
    store = ClassStore(f"sqlite:///{E2E_CLASS_DB.resolve()}", session.questions_of(LESSONS).options)
    try:
        code, token = store.start_class()
        assert store.set_size(code, token, SIZE) == SIZE

        started = time.perf_counter()
        flood = _run_apart(_open_all(app_url, code, FLOOD, FLOOD_AT_ONCE))
        flood_s = time.perf_counter() - started
        assert not _errors(flood), f"the flood's tabs saw errors: {_errors(flood)[:5]}"
        seated = [t.seat for t in flood if t.seat]
        assert len(seated) == SIZE == len(set(seated)) == store.seat_count(code), "the cap holds under the flood"
        assert _told(flood, "class_full") == FLOOD - SIZE, "every refused tab is told the class is full"

        real = _run_apart(_open_all(app_url, code, REAL_STUDENTS, REAL_STUDENTS))
        assert _told(real, "class_full") == REAL_STUDENTS and store.seat_count(code) == SIZE

        store.set_joining(code, token, False)
        assert store.remove_idle_seats(code, token) == SIZE, "the flood's seats never voted: all removed"
        again = _run_apart(_open_all(app_url, code, 50, FLOOD_AT_ONCE))
        assert _told(again, "joining_closed") == 50 and store.seat_count(code) == 0, "closed: the flood gets nothing"

        store.set_joining(code, token, True)
        started = time.perf_counter()
        real = _run_apart(_open_all(app_url, code, REAL_STUDENTS, REAL_STUDENTS))
        real_s = time.perf_counter() - started
        assert not _errors(real) and all(t.seat for t in real), f"real students get in: {[t.texts for t in real]}"
        assert store.seat_count(code) == REAL_STUDENTS
        print(f"\n{FLOOD} joins ({FLOOD_AT_ONCE} at a time) in {flood_s:.1f} s ({FLOOD / flood_s:.0f}/s): "
              f"{SIZE} seated, {FLOOD - SIZE} told the class is full; {REAL_STUDENTS} real students in "
              f"{real_s:.1f} s once the teacher made room")  # fmt: skip
    finally:
        store.engine.dispose()
