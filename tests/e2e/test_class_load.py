"""A class of 30 on one server: they join within 10 s and all vote on the same question within 5 s.

The teacher is a real browser in presenter mode at projector size, on lesson 3's prediction; the students
are simulated phones speaking Streamlit's websocket protocol (``tests/harness/class_students.py``).  Five
of them change their mind once.  Checked: no student saw an error; the store holds exactly one vote per
student with the final answers; the teacher's projected tally shows 30 of 30 and the right count for every
answer, without a reload.  Printed (not asserted: the machine is shared): join times, and the time from
each vote to the teacher's tally showing it (median, p95).
"""

from __future__ import annotations

import asyncio
import random
import statistics
import threading
import time

import pytest

from explainer.classroom.store import ClassStore
from explainer.lessons import LESSONS
from explainer.ui.classroom import session
from tests.e2e.classes import start_class
from tests.e2e.conftest import E2E_CLASS_DB, goto
from tests.harness.class_students import ClassStudent

pytestmark = pytest.mark.e2e

N_STUDENTS = 30
JOIN_WINDOW_S = 10.0
VOTE_WINDOW_S = 5.0
MIND_CHANGE_S = 1.0  # a student who changes their answer does so this long after their first vote
QID = "gaba:predict:shunt"
TALLY_POLL_MS = 50


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


async def _class_life(base_url: str, code: str, plan: list[tuple[float, float, int, int | None]], out: dict) -> None:
    """Each student: join at their time, vote at theirs (and some change their answer 1 s later)."""
    t0 = time.perf_counter()
    students = [ClassStudent(base_url, "gaba", code, "gaba_predict_shunt") for _ in plan]

    async def life(student: ClassStudent, join_at: float, vote_at: float, first: int, second: int | None) -> None:
        # These waits are the class under test, not a guess at how long something takes: each student joins
        # and votes at their planned moment, and a student who changes their mind does so a second later.
        await asyncio.sleep(max(0.0, t0 + join_at - time.perf_counter()))
        out["join_s"].append(await student.open())
        if student.errors:
            return
        await asyncio.sleep(max(0.0, t0 + JOIN_WINDOW_S + vote_at - time.perf_counter()))
        sent, done = await student.vote(first)
        out["votes"].append((sent, done))
        if second is not None:
            await asyncio.sleep(MIND_CHANGE_S)
            await student.vote(second)

    try:
        await asyncio.gather(*(life(s, *p) for s, p in zip(students, plan, strict=True)))
    finally:
        out["errors"] = [e for s in students for e in s.errors]
        out["seats"] = [s.seat for s in students]
        await asyncio.gather(*(s.close() for s in students))


# The projected "N of M students have voted" count (-1: not shown), once it differs from ``last``; asked
# every TALLY_POLL_MS (the resolution of the printed vote-to-tally times).
_COUNT_CHANGED_JS = """(last) => {
  const match = /(\\d+) of \\d+ students have voted/.exec(document.body.innerText);
  const n = match ? Number(match[1]) : -1;
  return n !== last ? {n} : null;
}"""


# Whether the projected bars show exactly these counts, in order.
_BARS_ARE_JS = """(expected) => {
  const bars = [...document.querySelectorAll('[data-testid=stProgress]')].map((b) => parseInt(b.innerText, 10));
  return bars.length === expected.length && bars.every((n, i) => n === expected[i]);
}"""


def _watch_tally(teacher, until_s: float) -> list[tuple[float, int]]:
    """(perf_counter, voted) each time the teacher's projected count changes, until 30 or the deadline."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

    seen: list[tuple[float, int]] = []
    last = None
    while last is None or last < N_STUDENTS:
        left_ms = (until_s - time.perf_counter()) * 1000
        if left_ms <= 0:
            break
        try:
            changed = teacher.wait_for_function(_COUNT_CHANGED_JS, arg=last, polling=TALLY_POLL_MS, timeout=left_ms)
        except PlaywrightTimeoutError:
            break
        last = changed.json_value()["n"]
        seen.append((time.perf_counter(), last))
    return seen


def test_thirty_students_join_vote_and_the_projector_counts_every_vote_once(page, app_url):
    from playwright.sync_api import expect

    teacher = page
    teacher.set_viewport_size({"width": 1280, "height": 720})
    code = start_class(teacher)
    goto(teacher, "/gaba?present=true")
    expect(teacher.get_by_role("button", name="Reveal", exact=True)).to_be_visible(timeout=15_000)

    rng = random.Random(11)
    firsts = [i % 3 for i in range(N_STUDENTS)]
    changers = set(rng.sample(range(N_STUDENTS), 5))
    seconds = {i: (firsts[i] + 1) % 3 for i in changers}
    finals = [seconds.get(i, firsts[i]) for i in range(N_STUDENTS)]
    plan = [
        (rng.uniform(0, JOIN_WINDOW_S), rng.uniform(0, VOTE_WINDOW_S), firsts[i], seconds.get(i))
        for i in range(N_STUDENTS)
    ]
    out: dict = {"join_s": [], "votes": [], "errors": []}
    students = threading.Thread(target=lambda: asyncio.run(_class_life(app_url, code, plan, out)))
    students.start()
    seen = _watch_tally(teacher, time.perf_counter() + JOIN_WINDOW_S + VOTE_WINDOW_S + 60)
    students.join(timeout=120)

    assert not out["errors"], f"students saw errors: {out['errors'][:5]}"
    assert len(out["join_s"]) == N_STUDENTS and len(set(out["seats"])) == N_STUDENTS, "every student got a seat"
    store = ClassStore(f"sqlite:///{E2E_CLASS_DB.resolve()}", session.questions_of(LESSONS).options)
    expected = [finals.count(k) for k in range(3)]
    assert store.tally(code, QID) == expected, "one vote per student, their final answer: none lost or doubled"
    assert store.seat_count(code) == N_STUDENTS
    expect(teacher.locator("body")).to_contain_text(f"{N_STUDENTS} of {N_STUDENTS} students have voted")
    assert teacher.locator("[data-testid=stProgress]").count() == 0, "the projector shows how many, not how"
    teacher.get_by_role("button", name="Show the votes").click()
    try:  # the split follows the store within a refresh or two (the last change of mind included)
        teacher.wait_for_function(_BARS_ARE_JS, arg=expected, timeout=10_000)
    finally:
        bars = teacher.locator("[data-testid=stProgress]").all_inner_texts()
    shown = [int(b.split("·")[0]) for b in bars]
    assert shown == expected, f"the projector shows {shown}, the class voted {expected}"

    # from each first vote (the k-th to finish) to the first moment the projector counted k
    finished = sorted(done for _, done in out["votes"])
    lag_ms = []
    for k, done in enumerate(finished, start=1):
        shown_at = next((t for t, n in seen if n >= k), None)
        if shown_at is not None:
            lag_ms.append(max(0.0, shown_at - done) * 1000)
    print(
        f"\n{N_STUDENTS} students: join median {statistics.median(out['join_s']) * 1000:.0f} ms, "
        f"max {max(out['join_s']) * 1000:.0f} ms; vote -> projected tally median {statistics.median(lag_ms):.0f} ms, "
        f"p95 {percentile(lag_ms, 95):.0f} ms, max {max(lag_ms):.0f} ms ({len(lag_ms)} votes)"
    )
    store.engine.dispose()
