"""Restart mid-lesson: the server dies while students' pages are open, comes back, and the pages carry on.

Two tabs open the playground from the same link with slider values; one of them then moves a slider.
The test kills the server (SIGKILL: a crash, or the laptop running it restarts), checks what a student
sees while it is down, starts the server again on the same port and checks that both pages reconnect by
themselves (no reload) and show the same view.

What Streamlit 1.67's frontend does, and so what a student sees (checked here):

- at once: the page stays as it was, every widget is disabled (greyed out) and the frontend pings
  ``/_stcore/health`` with a back-off of at most 4 s (``stApp``'s ``data-test-connection-state`` is
  ``PINGING_SERVER``).  With ``client.toolbarMode = "minimal"`` (our config) Streamlit draws no header
  status widget, so there is no "Connecting" label; with ``"viewer"`` or ``"auto"`` there is one
  (``stConnectionStatus``), and the test checks its text when it is there;
- after six failed pings (about 4-5 s): a modal "Connection error" dialog, "Streamlit server is not
  responding. Are you connected to the internet?";
- once the server answers again: the dialog closes by itself, the websocket reconnects to a new session
  (the old one died with the server), widgets are enabled, and the sliders and the chart show the view
  of before (the URL holds it).  A tab whose last run was a slider's fragment run reruns at once, with
  its widget states, and works on.  A tab that only opened the link is not rerun (Streamlit reruns on
  reconnect only after a fragment run), so the new session never ran the page and drops the playground
  fragment's reruns: its sliders move but the chart does not, until a full rerun (a sidebar widget,
  another page, a reload).  That last check is an ``xfail`` with this reason, and passes once fixed.

The server is this test's own (``tests/benchmarks/_server.py``), not the session's shared one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest

try:
    from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
    from playwright.sync_api import expect
except ImportError:  # the ``browser`` fixture then skips (locally) or fails (CI) with the reason
    expect = None
    PlaywrightTimeoutError = TimeoutError

from tests.benchmarks._server import StreamlitServer

from .conftest import LOCAL_HOSTS, LOCAL_SCHEMES, TESTID_EXCEPTION, VIEWPORT, wait_for_app

LINK_VALUES = {"glu_rate": "4000", "gaba_rate": "2000", "glu_weight": "1.5"}
# Reduce motion (``calm``) keeps two autoplaying animations from loading the machine; it changes nothing
# about connecting.
LINK = "/?" + "&".join(f"{k}={v}" for k, v in LINK_VALUES.items()) + "&calm=true"
SEL_CONNECTION = "[data-testid='stApp']"
DOWN_STATES = ("PINGING_SERVER", "CONNECTING", "DISCONNECTED_FOREVER")
# The frontend opens its "Connection error" dialog after six failed pings (back-off 0.1 s doubling up
# to 4 s, so about 4-5 s); a slow CI machine gets a margin.
DIALOG_TIMEOUT_MS = 20_000
RECONNECT_TIMEOUT_MS = 30_000
ANIMATION_ID_JS = """() => {
  const gd = document.querySelector('.st-key-playground_chart .js-plotly-plot');
  return gd && gd.layout && gd.layout.meta ? gd.layout.meta.animation_id : null;
}"""


@pytest.fixture
def own_server() -> Iterator[StreamlitServer]:
    """A server for this test alone: it will be killed and started again on the same port."""
    server = StreamlitServer()
    try:
        server.start()
        yield server
    except RuntimeError as exc:
        pytest.fail(str(exc), pytrace=False)
    finally:
        server.close()


def _slider(page: Any, key: str) -> Any:
    return page.locator(f".st-key-{key}").get_by_role("slider")


def _slider_values(page: Any) -> dict[str, str]:
    return {key: _slider(page, key).input_value() for key in LINK_VALUES}


def _figure_changes_from(page: Any, figure: str, timeout_ms: int) -> None:
    page.wait_for_function(
        f"() => {{ const id = ({ANIMATION_ID_JS})(); return id !== null && id !== {figure!r}; }}", timeout=timeout_ms
    )


def _open_tab(browser: Any, base_url: str, page_errors: list[str], urls: list[str]) -> Any:
    """A new browser context on the link (not waited for: the tabs load side by side)."""
    context = browser.new_context(viewport=VIEWPORT, base_url=base_url)
    page = context.new_page()
    page.on("pageerror", lambda err: page_errors.append(f"{err.name}: {err.message}"))
    page.on("request", lambda req: urls.append(req.url))
    page.on("websocket", lambda ws: urls.append(ws.url))
    page.goto(LINK, wait_until="commit")
    return page


def test_page_reconnects_after_server_restart(browser: Any, own_server: StreamlitServer) -> None:
    """Two students opened the same link; one moved a slider since.  The server crashes and restarts."""
    page_errors: list[str] = []
    urls: list[str] = []
    moved = _open_tab(browser, own_server.url, page_errors, urls)  # a student who moved a slider
    untouched = _open_tab(browser, own_server.url, page_errors, urls)  # one who only opened the link
    try:
        for tab in (moved, untouched):
            wait_for_app(tab)
            assert _slider_values(tab) == LINK_VALUES, "the link's values are not shown"
        figure_link = untouched.evaluate(ANIMATION_ID_JS)
        assert figure_link, "the playground chart has no animation_id"
        _slider(moved, "gaba_rate").focus()
        moved.keyboard.press("ArrowRight")
        _figure_changes_from(moved, figure_link, RECONNECT_TIMEOUT_MS)
        wait_for_app(moved, after_interaction=True)
        moved_values = {**LINK_VALUES, "gaba_rate": "2100"}
        assert _slider_values(moved) == moved_values
        moved_link = moved.url
        figure_moved = moved.evaluate(ANIMATION_ID_JS)
        for tab in (moved, untouched):
            tab.evaluate("window.__sameDocument = 'before restart'")  # survives only if nothing reloads

        # --- the server dies: widgets disabled at once, then Streamlit's "Connection error" dialog ---
        own_server.kill()
        expect(moved.locator(SEL_CONNECTION)).to_have_attribute(
            "data-test-connection-state", _one_of(DOWN_STATES), timeout=10_000
        )
        for key in LINK_VALUES:
            expect(_slider(moved, key)).to_be_disabled(timeout=10_000)
        status = moved.get_by_test_id("stConnectionStatus")
        if status.count():  # only drawn when client.toolbarMode shows the header (not "minimal")
            expect(status).to_contain_text("Connecting", ignore_case=True)
        dialog = moved.get_by_role("dialog")
        expect(dialog).to_be_visible(timeout=DIALOG_TIMEOUT_MS)
        expect(dialog).to_contain_text("Connection error")
        expect(dialog).to_contain_text("not responding")
        assert _slider_values(moved) == moved_values, "the page lost its view while the server was down"

        # --- the server is back on the same port: both pages reconnect without a reload ------------
        try:
            own_server.start()
        except RuntimeError as exc:
            pytest.fail(f"the server did not start again: {exc}", pytrace=False)
        for tab, values, figure, link in (
            (moved, moved_values, figure_moved, moved_link),
            (untouched, LINK_VALUES, figure_link, own_server.url + LINK),
        ):
            wait_for_app(tab, timeout_ms=RECONNECT_TIMEOUT_MS)
            expect(tab.get_by_role("dialog")).to_have_count(0, timeout=RECONNECT_TIMEOUT_MS)
            assert tab.evaluate("window.__sameDocument") == "before restart", "the page was reloaded"
            assert tab.url == link, f"the address changed: {tab.url}"
            for key in LINK_VALUES:
                expect(_slider(tab, key)).to_be_enabled()
            assert _slider_values(tab) == values, "after the restart the sliders lost the view's values"
            assert tab.evaluate(ANIMATION_ID_JS) == figure, "after the restart the chart shows another figure"
            expect(tab.get_by_test_id(TESTID_EXCEPTION)).to_have_count(0)

        # --- the tab whose last run was a slider's (fragment) run reran on reconnect: sliders work --
        _slider(moved, "glu_rate").focus()
        moved.keyboard.press("ArrowRight")
        _figure_changes_from(moved, figure_moved, RECONNECT_TIMEOUT_MS)
        wait_for_app(moved, after_interaction=True)
        expect(_slider(moved, "glu_rate")).to_have_value("4100")
        expect(moved.get_by_test_id(TESTID_EXCEPTION)).to_have_count(0)

        # --- the untouched tab: Streamlit 1.67 does not rerun it on reconnect (its last run was a full
        # run), so the new server session never ran the page and drops the playground fragment's reruns
        # ("The fragment with id ... does not exist anymore" in the server log): the slider moves, the
        # chart does not.  A widget outside the fragment (sidebar), another page or a reload recovers it.
        _slider(untouched, "glu_rate").focus()
        untouched.keyboard.press("ArrowRight")
        try:
            _figure_changes_from(untouched, figure_link, 5_000)
        except PlaywrightTimeoutError:
            pytest.xfail(
                "known gap (Streamlit 1.67 + st.fragment): after a server restart, a tab that had not moved a "
                "slider since it opened reconnects with the right view, but its playground sliders do not "
                "redraw the chart until a full rerun (sidebar widget, page change or reload)"
            )
    except AssertionError:
        print(own_server.log_tail())
        raise
    finally:
        for tab in (moved, untouched):
            tab.context.close()
        assert not page_errors, "uncaught errors in the page:\n  " + "\n  ".join(page_errors)
        foreign = [
            u for u in urls if urlsplit(u).scheme not in LOCAL_SCHEMES and urlsplit(u).hostname not in LOCAL_HOSTS
        ]
        assert not foreign, "requests left localhost:\n  " + "\n  ".join(foreign)


def _one_of(values: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("^(" + "|".join(re.escape(v) for v in values) + ")$")
