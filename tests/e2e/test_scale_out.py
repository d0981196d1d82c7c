"""Scale-out for a school: two app replicas behind nginx (Debian's package) with cookie affinity.

Everything runs on 127.0.0.1: two ``streamlit run`` replicas with the same ``server.cookieSecret``
(``STREAMLIT_SERVER_COOKIE_SECRET``) and nginx in front, configured from ``deploy/nginx-streamlit.conf.template``
(the file a deployment uses), started by ``tests/harness/nginx_replicas.py`` (shared with the class benchmark).

The test checks, through nginx: the page renders (title, banner, no exception, the animated view drawn,
its websocket goes to nginx); the affinity cookie ``st_route`` is set and every request of one browser goes
to one replica (nginx's access log names the upstream).  Then it stops the replica that served that browser and
checks that each replica's ``/_stcore/health`` tells which is up, that health through nginx stays
``ok``, and that new sessions still work: a browser carrying the dead replica's affinity cookie (nginx
must fail over) and a new visitor without one.

Skipped when nginx is not installed; with ``CI=true`` a missing nginx fails (scripts/test.sh installs it).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

try:
    from playwright.sync_api import expect
except ImportError:  # the ``browser`` fixture then skips (locally) or fails (CI) with the reason
    expect = None

from explainer.pages.playground import VIEW_KEY
from tests.harness import postgres
from tests.harness.nginx_replicas import (
    AFFINITY_COOKIE,
    Nginx,
    http_get,
    nginx_binary,
    routes_by_replica,
    running_school,
    upstreams_for,
)
from tests.harness.server import LOOPBACK, StreamlitServer, health_ok
from tests.harness.waiting import wait_until

from .classes import start_class
from .conftest import BANNER_SNIPPET, TESTID_EXCEPTION, TESTID_MAIN, VIEWPORT, track_script_runs, wait_for_app
from .views import wait_for_view


@pytest.fixture
def school(tmp_path: Path) -> Iterator[tuple[Nginx, list[StreamlitServer]]]:
    """Two replicas sharing a cookie secret, nginx in front; all on loopback, all stopped at the end."""
    binary = nginx_binary()
    if binary is None:
        reason = "nginx is not installed (Debian: apt-get install nginx)"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{reason}; the scale-out test is required in CI (CI=true)", pytrace=False)
        pytest.skip(f"{reason}; scale-out test skipped locally; CI runs it")
    with running_school(binary, tmp_path, {}) as running:
        yield running


def _open_through_nginx(browser: Any, nginx: Nginx, cookie: str | None = None) -> Any:
    """A new browser (context), optionally carrying an affinity cookie, on the playground through nginx."""
    context = browser.new_context(viewport=VIEWPORT, base_url=nginx.url)
    track_script_runs(context)
    if cookie is not None:
        context.add_cookies([{"name": AFFINITY_COOKIE, "value": cookie, "url": nginx.url}])
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda err: errors.append(f"{err.name}: {err.message}"))
    websockets: list[str] = []
    page.on("websocket", lambda ws: websockets.append(ws.url))
    response = page.goto("/tug-of-war", wait_until="domcontentloaded")
    assert response is not None and response.ok, f"GET /tug-of-war through nginx -> {response and response.status}"
    wait_for_app(page)
    expect(page.get_by_test_id(TESTID_MAIN).locator("h1").first).to_be_visible()
    expect(page.get_by_text(BANNER_SNIPPET).first).to_be_visible()
    expect(page.get_by_test_id(TESTID_EXCEPTION)).to_have_count(0)
    # The animated view's component code and data came through nginx too: the view has drawn its data.
    wait_for_view(page, VIEW_KEY)
    assert websockets and all(u.startswith(f"ws://{LOOPBACK}:{nginx.port}/") for u in websockets), websockets
    assert not errors, f"uncaught errors in the page: {errors}"
    return page


def _route_cookie(page: Any) -> str:
    cookies = {c["name"]: c["value"] for c in page.context.cookies()}
    assert AFFINITY_COOKIE in cookies, f"nginx set no {AFFINITY_COOKIE} cookie; cookies: {sorted(cookies)}"
    return cookies[AFFINITY_COOKIE]


def test_two_replicas_behind_nginx_survive_losing_one(browser: Any, school) -> None:
    nginx, replicas = school
    by_address = {f"{LOOPBACK}:{r.port}": r for r in replicas}

    # --- through nginx: the smoke check, and one browser sticks to one replica ----------------------
    first = _open_through_nginx(browser, nginx)
    route = _route_cookie(first)
    served = upstreams_for(nginx, route)  # HTTP requests are logged at once; the websocket at its end
    assert len(served) == 1 and served <= by_address.keys(), f"requests of one browser went to {served}"
    status, _body, set_cookies = http_get(f"{nginx.url}/", cookie=route)
    assert status == 200, f"GET / with the affinity cookie -> {status}"
    assert not [c for c in set_cookies if c.startswith(f"{AFFINITY_COOKIE}=")], f"cookie re-issued: {set_cookies}"
    assert upstreams_for(nginx, route) == served, "a later request with the same cookie changed replica"
    # a class link's seat and an old-style teacher link's token never reach the log
    secret_seat, secret_token = "SeatSecret0123456789", "TokenSecret0123456789"
    http_get(f"{nginx.url}/gaba?class=ABC234&seat={secret_seat}&teacher={secret_token}", cookie=route)

    # nginx writes the line once the request has ended, which may be just after the response reached us
    def logged_by_path() -> str:
        text = "\n".join(nginx.access_log())
        return text if "GET /gaba " in text else ""

    logged = wait_until(logged_by_path, timeout_s=10, what="nginx logging the request by its path")
    assert secret_seat not in logged and secret_token not in logged and "seat=" not in logged, logged[-400:]

    # --- one replica goes away ---------------------------------------------------------------------
    dead = by_address[served.pop()]
    alive = next(r for r in replicas if r is not dead)
    dead.stop()
    first.context.close()
    assert not health_ok(dead.url) and health_ok(alive.url), "per-replica /_stcore/health is wrong"
    for _ in range(4):
        status, body, _ = http_get(f"{nginx.url}/_stcore/health", cookie=route)
        assert (status, body.strip()) == (200, "ok"), f"health through nginx: {status} {body!r}"
    dead_address = f"{LOOPBACK}:{dead.port}"
    failed_over = [
        line for line in nginx.access_log() if f" route={route} " in line and f"upstream={dead_address}, " in line
    ]
    assert failed_over, f"nginx never tried the dead replica {dead_address} first and moved on (passive failover)"

    # A browser whose cookie points at the dead replica is failed over; a new visitor gets a live one.
    returning = _open_through_nginx(browser, nginx, cookie=route)
    newcomer = _open_through_nginx(browser, nginx)
    try:
        alive_address = f"{LOOPBACK}:{alive.port}"
        assert alive_address in upstreams_for(nginx, route), "the failed-over browser was not served by the live one"
        assert upstreams_for(nginx, _route_cookie(newcomer)) == {alive_address}
        # The failed-over session works: a slider step reruns the playground and redraws the view.
        before = wait_for_view(returning, VIEW_KEY)
        thumb = returning.locator(".st-key-glu_rate").get_by_role("slider")
        thumb.focus()
        returning.keyboard.press("ArrowRight")
        wait_for_app(returning, after_interaction=True)
        expect(thumb).to_have_value("2750")
        wait_for_view(returning, VIEW_KEY, other_than=before["id"])
        expect(returning.get_by_test_id(TESTID_EXCEPTION)).to_have_count(0)
    except AssertionError:
        print(nginx.error_log_tail())
        print("\n".join(nginx.access_log()[-40:]))
        raise
    finally:
        returning.context.close()
        newcomer.context.close()


# --- class mode on two replicas sharing PostgreSQL -----------------------------------------------------


@pytest.fixture
def school_with_postgres(tmp_path: Path) -> Iterator[tuple[Nginx, list[StreamlitServer], str]]:
    """The school above, with both replicas sharing one PostgreSQL class store (``EXPLAINER_DATABASE_URL``)."""
    binary = nginx_binary()
    missing = "nginx is not installed" if binary is None else postgres.missing_reason()
    if missing:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{missing}; the scale-out test is required in CI (CI=true)", pytrace=False)
        pytest.skip(f"{missing}; the class scale-out test is skipped locally; CI runs it")
    with postgres.PostgresServer() as database:
        with running_school(binary, tmp_path, {"EXPLAINER_DATABASE_URL": database.url}) as (nginx, replicas):
            yield nginx, replicas, database.url


def test_a_class_on_two_replicas_counts_every_vote_through_both(browser: Any, school_with_postgres) -> None:
    import asyncio
    import threading

    from explainer.classroom.store import ClassStore
    from explainer.lessons import LESSONS
    from explainer.ui.classroom import session
    from tests.harness.class_students import ClassStudent

    nginx, replicas, database_url = school_with_postgres
    teacher_context = browser.new_context(viewport={"width": 1280, "height": 720}, base_url=nginx.url)
    track_script_runs(teacher_context)
    teacher = teacher_context.new_page()
    try:
        code = start_class(teacher)
        teacher.goto("/gaba?present=true", wait_until="domcontentloaded")
        wait_for_app(teacher)
        expect(teacher.get_by_role("button", name="Reveal", exact=True)).to_be_visible(timeout=15_000)

        routes = routes_by_replica(nginx, per_replica=5)
        plan = [(route, i % 3) for i, route in enumerate(r for rs in routes.values() for r in rs)]

        async def the_class() -> list[str]:
            students = [
                ClassStudent(nginx.url, "gaba", code, "gaba_predict_shunt", cookie=f"st_route={r}") for r, _ in plan
            ]
            try:
                await asyncio.gather(*(s.open() for s in students))
                await asyncio.gather(*(s.vote(option) for s, (_, option) in zip(students, plan, strict=True)))
            finally:
                await asyncio.gather(*(s.close() for s in students))
            return [e for s in students for e in s.errors]

        result: dict[str, list[str]] = {}  # in a thread of its own: the sync Playwright API holds this one's loop
        worker = threading.Thread(target=lambda: result.setdefault("errors", asyncio.run(the_class())))
        worker.start()
        worker.join(timeout=120)
        errors = result.get("errors", ["the students did not finish"])
        assert not errors, f"students saw errors: {errors[:5]}"
        expected = [sum(1 for _, o in plan if o == k) for k in range(3)]
        store = ClassStore(database_url, session.questions_of(LESSONS).options)
        assert store.tally(code, "gaba:predict:shunt") == expected, "every vote counted once, whichever replica"
        store.engine.dispose()
        expect(teacher.locator("body")).to_contain_text(f"{len(plan)} of {len(plan)} students have voted")
        served = {u for rs in routes.values() for r in rs for u in upstreams_for(nginx, r)}
        assert served == {f"{LOOPBACK}:{r.port}" for r in replicas}, f"the votes went through {served}"
    finally:
        teacher_context.close()
