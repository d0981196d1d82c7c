"""Restart mid-lesson: the server dies while pages are open, comes back, and the pages carry on.

Two tabs open the playground from the same link with slider values: a student's laptop (normal mode,
1366x900), who then moves a slider, and the teacher's projector (presenter mode, 1280x720), which only
opened the link (and unfolded the sliders, which does not talk to the server).  The test kills the server
(SIGKILL: a crash, or the laptop running it restarts), checks what both show while it is down, starts the
server again on the same port and checks that both pages reconnect by themselves (no reload), show the same
view and work on.

What a student sees (Streamlit 1.67 plus ``explainer/ui/connection.py``), checked here:

- at once: the page stays as it was, every widget is disabled (greyed out) and the frontend pings
  ``/_stcore/health`` with a back-off of at most 4 s (``stApp``'s ``data-test-connection-state`` is
  ``PINGING_SERVER``);
- within about a second: our notice at the bottom of the screen, ``role="status"``, "Lost the connection
  to the server: reconnecting… Your view is kept in the link; nothing to do."  Streamlit's own
  "Connecting" label (``stConnectionStatus``) is not drawn with ``client.toolbarMode = "minimal"`` and
  presenter mode hides the header; the test checks its text if it is there;
- after six failed pings (about 4-5 s): Streamlit's modal "Connection error" dialog, "Streamlit server is
  not responding. Are you connected to the internet?"; our notice stays above it, neither covering it nor
  covered by it;
- once the server answers again: the dialog closes by itself, the websocket connects to a new session (the
  old one died with the server) and the page reruns in full, with its widget values and the URL;
  "Connected again." shows for a moment, then the notice is gone.  The sliders and the animated view show
  the view of before, and moving a slider redraws the view (a new ``data-view-id``, tests/e2e/views.py).

The full rerun on reconnect is what ``connection.py``'s marker fragment (``run_every``) buys: Streamlit 1.67
requests a run on reconnect only if the last run was a fragment run or a fragment has ``run_every``.
Without it the projector tab (its last run a full run) would not be rerun: its new session would never have
run the page and would drop the playground fragment's slider reruns, so the slider would move and the view
would not.

Screenshots of the notice over Streamlit's dialog (``restart_notice.png``, normal mode;
``restart_notice_presenter.png``) go to pytest's ``tmp_path`` and, if ``SCREENSHOT_DIR`` is set, there too.
The server is this test's own (``tests/harness/server.py``), not the session's shared one.
"""

from __future__ import annotations

import os
import re
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

try:
    from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
    from playwright.sync_api import expect
except ImportError:  # the ``browser`` fixture then skips (locally) or fails (CI) with the reason
    expect = None
    PlaywrightTimeoutError = TimeoutError

from explainer.pages.playground import VIEW_KEY
from explainer.ui.components.connection_notice import notice_texts
from explainer.ui.dom import NOTICE_ID
from tests.harness.server import StreamlitServer

from .conftest import LOCAL_HOSTS, LOCAL_SCHEMES, TESTID_EXCEPTION, VIEWPORT, track_script_runs, wait_for_app
from .views import view, wait_for_view

LINK_VALUES = {"glu_rate": "4000", "gaba_rate": "2000", "glu_weight": "1.5"}
# Reduce motion (``calm``) keeps two autoplaying animations from loading the machine; it changes nothing
# about connecting.
LINK = "/tug-of-war?" + "&".join(f"{k}={v}" for k, v in LINK_VALUES.items()) + "&calm=true"
PRESENTER_LINK = LINK + "&present=true&lang=en"  # a link that names every setting: the address bar keeps it as it is
PROJECTOR = {"width": 1280, "height": 720}
SLIDERS_FOLDED = "Sliders: glutamate and GABA input"  # presenter mode folds the sliders behind this
SEL_CONNECTION = "[data-testid='stApp']"
SEL_NOTICE = f"#{NOTICE_ID}"
DOWN_STATES = ("PINGING_SERVER", "CONNECTING", "DISCONNECTED_FOREVER")
# The notice shows half a second after the connection drops; how long it took is printed, not asserted (a
# shared machine has slow moments), and the wait for it is generous.
NOTICE_TIMEOUT_MS = 20_000
# The frontend opens its "Connection error" dialog after six failed pings (back-off 0.1 s doubling up
# to 4 s, so about 4-5 s); a slow CI machine gets a margin.
DIALOG_TIMEOUT_MS = 20_000
RECONNECT_TIMEOUT_MS = 30_000
# Records every change of the connection and script-run states, and every text of the notice.
RECORD_STATES_JS = """(noticeId) => {
  const app = document.querySelector("[data-testid='stApp']");
  const notice = document.getElementById(noticeId);
  window.__states = [];
  window.__notices = [];
  new MutationObserver(() => window.__states.push(
    [app.getAttribute('data-test-connection-state'), app.getAttribute('data-test-script-state')]
  )).observe(app, {attributes: true, attributeFilter: ['data-test-connection-state', 'data-test-script-state']});
  new MutationObserver(() => window.__notices.push(notice.textContent))
    .observe(notice, {childList: true, subtree: true, characterData: true});
}"""
# True once the page, connected again after being down, has started a script run.
RAN_AFTER_RECONNECT_JS = """() => {
  const states = window.__states || [];
  let down = -1;
  states.forEach(([connection], i) => { if (connection !== 'CONNECTED') down = i; });
  return down >= 0 && states.slice(down + 1).some(([c, s]) => c === 'CONNECTED' && s === 'running');
}"""
# Where the notice is, next to Streamlit's modal dialog.  While that dialog is open it makes the rest of the
# page ``inert`` (our notice too: still painted, not hit-tested, not read out), so "above" compares the
# z-index of the notice with that of the dialog's layer rather than asking elementFromPoint.
NOTICE_PLACE_JS = """(noticeId) => {
  const notice = document.getElementById(noticeId);
  const dialog = document.querySelector('[role=dialog]');
  let layer = dialog;
  while (layer && getComputedStyle(layer).zIndex === 'auto') layer = layer.parentElement;
  const n = notice.getBoundingClientRect(), d = dialog.getBoundingClientRect();
  return {
    above: Number(getComputedStyle(notice).zIndex) > Number(layer ? getComputedStyle(layer).zIndex : 0),
    overlapsDialog: n.left < d.right && d.left < n.right && n.top < d.bottom && d.top < n.bottom,
    inView: n.top >= 0 && n.bottom <= innerHeight && n.left >= 0 && n.right <= innerWidth,
  };
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


def _view_id(page: Any) -> str | None:
    """The settings the playground's animated view shows (its ``data-view-id``)."""
    return view(page, VIEW_KEY).get_attribute("data-view-id")


def _open_tab(browser: Any, base_url: str, link: str, viewport: dict, page_errors: list[str], urls: list[str]) -> Any:
    """A new browser context on the link (not waited for: the tabs load side by side)."""
    context = browser.new_context(viewport=viewport, base_url=base_url)
    track_script_runs(context)
    page = context.new_page()
    page.on("pageerror", lambda err: page_errors.append(f"{err.name}: {err.message}"))
    page.on("request", lambda req: urls.append(req.url))
    page.on("websocket", lambda ws: urls.append(ws.url))
    page.goto(link, wait_until="commit")
    return page


def _screenshot(page: Any, tmp_path: Path, name: str) -> None:
    path = tmp_path / f"{name}.png"
    page.screenshot(path=str(path))
    if target := os.environ.get("SCREENSHOT_DIR"):
        Path(target).mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, Path(target) / path.name)


def _move_slider_and_see_the_view(tab: Any, key: str, figure: str, expected: str) -> None:
    _slider(tab, key).focus()
    tab.keyboard.press("ArrowRight")
    wait_for_view(tab, VIEW_KEY, other_than=figure, timeout_ms=RECONNECT_TIMEOUT_MS)
    wait_for_app(tab, after_interaction=True)
    expect(_slider(tab, key)).to_have_value(expected)
    expect(tab.get_by_test_id(TESTID_EXCEPTION)).to_have_count(0)


def test_page_reconnects_after_server_restart(browser: Any, own_server: StreamlitServer, tmp_path: Path) -> None:
    """A student moved a slider; the projector only opened the link.  The server crashes and restarts."""
    page_errors: list[str] = []
    urls: list[str] = []
    moved = _open_tab(browser, own_server.url, LINK, VIEWPORT, page_errors, urls)
    projector = _open_tab(browser, own_server.url, PRESENTER_LINK, PROJECTOR, page_errors, urls)
    tabs = (moved, projector)
    try:
        for tab in tabs:
            wait_for_app(tab)
        projector.get_by_text(SLIDERS_FOLDED).click()  # unfolds in the browser; no script run
        for tab in tabs:
            assert _slider_values(tab) == LINK_VALUES, "the link's values are not shown"
        figure_link = wait_for_view(projector, VIEW_KEY)["id"]
        assert wait_for_view(moved, VIEW_KEY)["id"] == figure_link, "the two tabs show different views of one link"
        _move_slider_and_see_the_view(moved, "gaba_rate", figure_link, "2250")
        moved_values = {**LINK_VALUES, "gaba_rate": "2250"}
        assert _slider_values(moved) == moved_values
        moved_link = moved.url
        figure_moved = _view_id(moved)
        for tab in tabs:
            notice = tab.locator(SEL_NOTICE)
            expect(notice).to_be_attached()
            expect(notice).to_be_hidden()  # nothing to say while connected
            expect(notice).to_have_attribute("role", "status")
            expect(notice).to_have_attribute("aria-live", "polite")
            tab.evaluate(RECORD_STATES_JS, NOTICE_ID)
            tab.evaluate("window.__sameDocument = 'before restart'")  # survives only if nothing reloads

        # --- the server dies: widgets disabled and our notice at once, then Streamlit's dialog ----------
        own_server.kill()
        killed_at = time.monotonic()
        for tab in tabs:
            notice = tab.locator(SEL_NOTICE)
            expect(notice).to_be_visible(timeout=NOTICE_TIMEOUT_MS)
            expect(notice).to_contain_text(notice_texts()["down"])
            expect(notice).to_contain_text(notice_texts()["down_detail"])
        print(f"\nserver killed -> both tabs' notice: {(time.monotonic() - killed_at) * 1000:.0f} ms")
        for tab in tabs:
            expect(tab.locator(SEL_CONNECTION)).to_have_attribute(
                "data-test-connection-state", _one_of(DOWN_STATES), timeout=10_000
            )
            for key in LINK_VALUES:
                expect(_slider(tab, key)).to_be_disabled(timeout=10_000)
            status = tab.get_by_test_id("stConnectionStatus")
            if status.count():  # only drawn when client.toolbarMode shows the header (not "minimal")
                expect(status).to_contain_text("Connecting", ignore_case=True)
        for tab, name in ((moved, "restart_notice"), (projector, "restart_notice_presenter")):
            dialog = tab.get_by_role("dialog")
            expect(dialog).to_be_visible(timeout=DIALOG_TIMEOUT_MS)
            expect(dialog).to_contain_text("Connection error")
            expect(dialog).to_contain_text("not responding")
            expect(tab.locator(SEL_NOTICE)).to_be_visible()
            place = tab.evaluate(NOTICE_PLACE_JS, NOTICE_ID)
            assert place == {"above": True, "overlapsDialog": False, "inView": True}, f"{name}: {place}"
            _screenshot(tab, tmp_path, name)
        assert _slider_values(moved) == moved_values, "the page lost its view while the server was down"
        assert _slider_values(projector) == LINK_VALUES, "the page lost its view while the server was down"
        for tab, figure in ((moved, figure_moved), (projector, figure_link)):
            assert _view_id(tab) == figure, "the animated view lost its data while the server was down"

        # --- the server is back on the same port: both pages reconnect and rerun, without a reload -------
        try:
            own_server.start()
        except RuntimeError as exc:
            pytest.fail(f"the server did not start again: {exc}", pytrace=False)
        healthy_at = time.monotonic()
        for name, tab, values, figure, link in (
            ("the student's tab", moved, moved_values, figure_moved, moved_link),
            ("the projector's tab", projector, LINK_VALUES, figure_link, own_server.url + PRESENTER_LINK),
        ):
            try:
                tab.wait_for_function(RAN_AFTER_RECONNECT_JS, timeout=RECONNECT_TIMEOUT_MS)
            except PlaywrightTimeoutError:
                print(own_server.log_tail())
                pytest.fail(
                    f"{name} did not rerun after reconnecting: the new server session never ran its page and "
                    "drops the playground fragment's reruns (see explainer/ui/connection.py)",
                    pytrace=False,
                )
            wait_for_app(tab, timeout_ms=RECONNECT_TIMEOUT_MS)
            print(f"server healthy again -> {name} ran its page: {(time.monotonic() - healthy_at) * 1000:.0f} ms")
            expect(tab.get_by_role("dialog")).to_have_count(0, timeout=RECONNECT_TIMEOUT_MS)
            expect(tab.locator(SEL_NOTICE)).to_be_hidden(timeout=10_000)
            assert notice_texts()["back"] in tab.evaluate("window.__notices"), (
                "no 'connected again' after the reconnect"
            )
            # Streamlit's dialog made the notice inert while it was open; it must be live for the next drop.
            assert not tab.locator(SEL_NOTICE).evaluate("n => n.inert"), "the notice stayed inert"
            assert tab.evaluate("window.__sameDocument") == "before restart", "the page was reloaded"
            assert tab.url == link, f"the address changed: {tab.url}"
            for key in LINK_VALUES:
                expect(_slider(tab, key)).to_be_enabled()
            assert _slider_values(tab) == values, "after the restart the sliders lost the view's values"
            shown = wait_for_view(tab, VIEW_KEY, timeout_ms=RECONNECT_TIMEOUT_MS)
            assert shown["id"] == figure, f"after the restart the animated view shows other settings: {shown}"
            expect(tab.get_by_test_id(TESTID_EXCEPTION)).to_have_count(0)

        # --- and both work on: a slider change reruns the playground and redraws the view ---------------
        _move_slider_and_see_the_view(moved, "glu_rate", figure_moved, "4250")
        _move_slider_and_see_the_view(projector, "glu_rate", figure_link, "4250")
    except AssertionError:
        print(own_server.log_tail())
        raise
    finally:
        for tab in tabs:
            tab.context.close()
        assert not page_errors, "uncaught errors in the page:\n  " + "\n  ".join(page_errors)
        foreign = [
            u for u in urls if urlsplit(u).scheme not in LOCAL_SCHEMES and urlsplit(u).hostname not in LOCAL_HOSTS
        ]
        assert not foreign, "requests left localhost:\n  " + "\n  ".join(foreign)


def _one_of(values: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("^(" + "|".join(re.escape(v) for v in values) + ")$")
