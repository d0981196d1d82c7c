"""Waiting on a condition, never for a fixed time: the one polling helper of the tests' Python side.

A wait that asks "is it so yet?" ends as soon as it is so on a fast machine and still ends on a loaded one;
a fixed sleep is too short on the one and wasted on the other.  (In a browser, Playwright's ``expect`` and
``wait_for_function`` are the same idea; this is for what the browser cannot see: a process, a port, a file.)
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")

POLL_INTERVAL_S = 0.05


def wait_until(condition: Callable[[], T], *, timeout_s: float, what: str, interval_s: float = POLL_INTERVAL_S) -> T:
    """Ask ``condition()`` until it returns something true, and return that.

    ``condition`` may raise to give up at once (e.g. the process it waits for has exited).  After
    ``timeout_s`` without a true answer: ``TimeoutError`` naming ``what`` was awaited.
    """
    deadline = time.monotonic() + timeout_s
    while True:
        result = condition()
        if result:
            return result
        if time.monotonic() >= deadline:
            raise TimeoutError(f"{what}: not so after {timeout_s:g} s")
        time.sleep(interval_s)
