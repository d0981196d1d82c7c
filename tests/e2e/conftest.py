"""Fixtures for the end-to-end tests: a real ``streamlit run`` server and headless system Chromium.

- ``app_url`` (session): starts ``python -m streamlit run app.py`` on a free port (tests/harness/server.py), polls
  ``/_stcore/health`` and yields ``http://127.0.0.1:<port>``.
- ``browser`` (session): sync Playwright driving ``/usr/bin/chromium`` (never a downloaded browser).
- ``page`` (function): a fresh context (1366x900, ``base_url`` = the app) whose requests, console
  errors and page errors are recorded in ``page_log``; at teardown the test errors if any request
  left localhost or anything was logged as an error.
- ``new_page`` (function): a factory for further pages, each in its own fresh context, recorded and
  checked like ``page``.
- ``wait_for_app(page)`` / ``goto(page, url)``: wait for a Streamlit script run to finish;
  ``wait_for_app(page, after_interaction=True)``: for the run that an interaction caused (pages opened in a
  context made by these fixtures, or one passed to ``track_script_runs``, can tell it from the one before).
- ``wait_for_frames(page, n)``: wait until the browser has drawn ``n`` more animation frames.

``PAGES`` is the one list of app pages the smoke tests walk; add new pages there.

Without Chromium or Playwright the browser tests are skipped locally and fail in CI (``CI=true``).
Selectors are ``data-testid`` values of the Streamlit 1.67 frontend (checked in its bundled JS).
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from tests.harness.browser import CHROMIUM_ARGS, CHROMIUM_PATH, browser_unavailable_reason
from tests.harness.server import StreamlitServer

REPO_ROOT = Path(__file__).resolve().parents[2]
E2E_DIR = Path(__file__).resolve().parent

VIEWPORT = {"width": 1366, "height": 900}

SERVER_START_TIMEOUT_S = 60.0
APP_RUN_TIMEOUT_MS = 30_000
LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost"})
# Schemes that never touch the network.
LOCAL_SCHEMES = frozenset({"data", "blob", "about"})

# Console "error" messages that are known to be harmless.  Investigate a message before adding a
# pattern here, keep the pattern narrow, and note why it is benign next to it.
IGNORED_CONSOLE: list[re.Pattern[str]] = [
    # Opening a sub-page directly (e.g. /tug-of-war): the frontend first probes the page path as a
    # possible server base path and gets 404 for <page>/_stcore/health and <page>/_stcore/host-config,
    # then uses "/" (streamlit/streamlit#7074, open).  Only a base-path probe one segment deep matches.
    re.compile(
        r"^Failed to load resource: the server responded with a status of 404 \(Not Found\) "
        r"\(http://(?:127\.0\.0\.1|localhost):\d+/[^/?#]+/_stcore/(?:health|host-config):\d+\)$"
    ),
]


@dataclass(frozen=True)
class AppPage:
    """One page of the app.  ``path`` is what the address bar shows (``/`` for the default page)."""

    path: str
    name: str
    # Expected text of the page's ``st.title`` (h1); ``None`` only checks that a non-empty h1 exists.
    heading: str | None = None


PAGES: list[AppPage] = [
    AppPage(path="/", name="home", heading="Excitation and inhibition: glutamate versus GABA"),  # the default page
    AppPage(path="/tug-of-war", name="tug-of-war"),
    AppPage(path="/circuits", name="circuits"),
    AppPage(path="/blocked-gate", name="blocked-gate"),
    AppPage(path="/meet-the-neuron", name="lesson-1-neuron", heading="Meet the neuron"),
    AppPage(path="/glutamate", name="lesson-2-glutamate", heading="Glutamate: the key and the gate"),
    AppPage(path="/gaba", name="lesson-3-gaba", heading="GABA: the brake"),
    AppPage(path="/balance", name="lesson-4-balance", heading="Tug of war: excitation against inhibition"),
    AppPage(path="/model-notes", name="model-notes", heading="What this model leaves out"),
    AppPage(path="/glossary", name="glossary", heading="Glossary"),
    AppPage(path="/references", name="references", heading="References"),
    AppPage(path="/educator-guide", name="educator-guide", heading="Educator guide"),
    AppPage(path="/class", name="class", heading="Class mode: vote, then reveal"),
    AppPage(path="/worksheet", name="worksheet"),
    AppPage(path="/my-answers", name="my-answers", heading="My answers"),
]

# Every page's banner begins with this (content/words/ui.toml: banner, banner_short).
BANNER_SNIPPET = "Educational model, not pharmacological"

# --- Streamlit 1.67 frontend selectors (data-testid values) -------------------------------------
SEL_APP_CONNECTED = "[data-testid='stApp'][data-test-connection-state='CONNECTED']"
SEL_APP_NOT_RUNNING = "[data-testid='stApp'][data-test-script-state='notRunning']"
TESTID_RUNNING_ICONS = ("stStatusWidgetRunningIcon", "stStatusWidgetRunningManIcon")
TESTID_SKELETON = "stSkeleton"
TESTID_EXCEPTION = "stException"
TESTID_MAIN = "stMain"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark every test under ``tests/e2e`` with ``e2e`` (this hook sees the whole session's items)."""
    for item in items:
        if E2E_DIR in Path(str(item.path)).resolve().parents:
            item.add_marker(pytest.mark.e2e)


# --- the server (tests/harness/server.py, shared with the benchmarks) ---


_SERVER_LOG: list[str] = []


def pytest_terminal_summary(terminalreporter: Any, exitstatus: int, config: pytest.Config) -> None:
    """Print the tail of the streamlit server's output when an e2e test failed or errored."""
    e2e_prefix = E2E_DIR.relative_to(config.rootpath).as_posix() + "/"
    failed = [
        rep
        for key in ("failed", "error")
        for rep in terminalreporter.stats.get(key, [])
        if getattr(rep, "nodeid", "").startswith(e2e_prefix)
    ]
    if failed and _SERVER_LOG:
        terminalreporter.write_sep("-", "streamlit server output (tail)")
        terminalreporter.write_line(_SERVER_LOG[-1])


# The session server's class store (class mode's browser tests read it to check what was counted).
E2E_CLASS_DB = Path(tempfile.mkdtemp(prefix="ei-e2e-class-")) / "classes.sqlite3"


@contextmanager
def serving(env: dict[str, str] | None = None) -> Iterator[StreamlitServer]:
    """The app under ``streamlit run`` on a free local port, with the e2e class store and ``env``; a server that
    does not start fails the test with its reason."""
    server = StreamlitServer(env={"EXPLAINER_CLASS_DB": str(E2E_CLASS_DB), **(env or {})})
    try:
        server.start(timeout_s=SERVER_START_TIMEOUT_S)
    except RuntimeError as exc:
        server.close()
        pytest.fail(f"the app's server did not start: {exc}", pytrace=False)
    try:
        yield server
    finally:
        server.close()


@pytest.fixture(scope="session")
def app_url() -> Iterator[str]:
    """Run the app with ``streamlit run`` on a free local port; yield its base URL.  Its class store is a
    SQLite file of its own (class mode's browser tests), never the repository's ``.data``."""
    with serving() as server:
        try:
            yield server.url
        finally:
            # Shown in the terminal summary if an e2e test failed (see pytest_terminal_summary).
            _SERVER_LOG.append(server.log_tail(200))


# --- the browser ---------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Headless system Chromium (``/usr/bin/chromium``) through sync Playwright."""
    reason = browser_unavailable_reason()
    if reason is not None:
        if os.environ.get("CI") == "true":
            pytest.fail(
                f"{reason}; the browser tests are required in CI (CI=true). "
                "Install it with: apt-get install -y chromium fonts-dejavu-core",
                pytrace=False,
            )
        pytest.skip(f"{reason}; browser tests skipped locally; CI runs them")

    from playwright.sync_api import sync_playwright

    pw = sync_playwright().start()
    try:
        chromium = pw.chromium.launch(executable_path=CHROMIUM_PATH, headless=True, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()
    finally:
        pw.stop()


@dataclass
class PageLog:
    """What a page did: every request URL, console errors and uncaught page errors."""

    request_urls: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)

    def foreign_urls(self) -> list[str]:
        """Request URLs that go to a host other than 127.0.0.1/localhost."""
        bad = []
        for url in self.request_urls:
            parts = urlsplit(url)
            if parts.scheme in LOCAL_SCHEMES:
                continue
            if parts.hostname not in LOCAL_HOSTS:
                bad.append(url)
        return bad

    def hosts(self) -> set[str]:
        return {urlsplit(u).hostname or "" for u in self.request_urls if urlsplit(u).scheme not in LOCAL_SCHEMES}

    def unexpected_console_errors(self) -> list[str]:
        return [m for m in self.console_errors if not any(p.search(m) for p in IGNORED_CONSOLE)]


@pytest.fixture
def page_log() -> PageLog:
    """The record of the current test's ``page``; request it to make assertions on it."""
    return PageLog()


def _open_recorded_context(browser: Any, app_url: str, page_log: PageLog) -> tuple[Any, Any]:
    """A fresh browser context (1366x900, ``base_url`` = the app) and a page recorded into ``page_log``."""
    context = browser.new_context(viewport=VIEWPORT, base_url=app_url)
    track_script_runs(context)
    context.on("request", lambda req: page_log.request_urls.append(req.url))
    new_page = context.new_page()
    # WebSockets do not show up as "request" events.
    new_page.on("websocket", lambda ws: page_log.request_urls.append(ws.url))

    def on_console(msg: Any) -> None:
        if msg.type == "error":
            loc = msg.location or {}
            where = f" ({loc.get('url', '')}:{loc.get('lineNumber', '')})" if loc.get("url") else ""
            page_log.console_errors.append(f"{msg.text}{where}")

    new_page.on("console", on_console)
    new_page.on("pageerror", lambda err: page_log.page_errors.append(f"{err.name}: {err.message}"))
    return context, new_page


@pytest.fixture
def page(browser: Any, app_url: str, page_log: PageLog) -> Iterator[Any]:
    """A fresh browser context and page.  Errors at teardown on foreign requests or logged errors."""
    context, new_page = _open_recorded_context(browser, app_url, page_log)
    try:
        yield new_page
    finally:
        context.close()

    problems = []
    if foreign := page_log.foreign_urls():
        problems.append("requests left localhost:\n  " + "\n  ".join(foreign))
    if console := page_log.unexpected_console_errors():
        problems.append("console errors:\n  " + "\n  ".join(console))
    if page_log.page_errors:
        problems.append("page errors:\n  " + "\n  ".join(page_log.page_errors))
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)


@pytest.fixture
def new_page(browser: Any, app_url: str, page_log: PageLog, page: Any) -> Iterator[Callable[[], Any]]:
    """Factory for more pages, each in its own fresh context (another visitor, e.g. opening a copied link).

    They are recorded into the same ``page_log`` as ``page``, so ``page``'s teardown checks cover them too.
    """
    contexts: list[Any] = []

    def open_page() -> Any:
        context, another = _open_recorded_context(browser, app_url, page_log)
        contexts.append(context)
        return another

    try:
        yield open_page
    finally:
        for context in contexts:
            context.close()


# --- helpers -------------------------------------------------------------------------------------


# Counts the script runs that ended (the server's ForwardMsg ``script_finished``, read off the app's websocket
# before Streamlit handles it) and notes, at each user input (a pointer down, a key, a changed value), how
# many there were: ``wait_for_app(page, after_interaction=True)`` then waits for a run that ended after the
# input.  (stApp's ``data-test-script-state`` cannot tell: a quick run's "running" and "notRunning" can reach
# React together and never show in the DOM.)  A run cut short for a newer one does not count.
_FINISHED = ForwardMsg.DESCRIPTOR.fields_by_name["script_finished"].number
_CUT_SHORT = ForwardMsg.ScriptFinishedStatus.Value("FINISHED_EARLY_FOR_RERUN")
_SCRIPT_RUNS_JS = """(() => {
  if (window.top !== window || window.__eiRuns) return;
  const runs = window.__eiRuns = {finished: 0, atInput: 0, framesSince: 0};
  // the status of a ForwardMsg's script_finished (a top-level varint field), or -1 for any other message
  const finishedStatus = (buffer) => {
    const b = new Uint8Array(buffer);
    let i = 0;
    const varint = () => { let v = 0, scale = 1, x; do { x = b[i++]; v += (x & 0x7f) * scale; scale *= 128; }
                           while (x & 0x80 && i < b.length); return v; };
    while (i < b.length) {
      const tag = varint(), type = tag % 8;
      if (type === 0) { const value = varint(); if (tag >> 3 === FINISHED) return value; }
      // the length first: "i += varint()" would add it to i as it was before the length was read
      else if (type === 2) { const length = varint(); i += length; }
      else if (type === 1) i += 8;
      else if (type === 5) i += 4;
      else return -1;
    }
    return -1;
  };
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (e) => {
        if (!(e.data instanceof ArrayBuffer)) return;
        const status = finishedStatus(e.data);
        if (status >= 0 && status !== CUT_SHORT) { runs.finished += 1; runs.framesSince = 0; }
      });
    }
  };
  const onInput = () => { runs.atInput = runs.finished; };
  for (const type of ['pointerdown', 'keydown', 'input', 'change']) window.addEventListener(type, onInput, true);
})()""".replace("CUT_SHORT", str(_CUT_SHORT)).replace("FINISHED", str(_FINISHED))
# Asked once a frame: true from the third frame after a run ended after the last input (by then Streamlit
# has drawn what the run sent).
_RAN_SINCE_INPUT_JS = """() => {
  const runs = window.__eiRuns;
  if (!runs) throw new Error('script runs are not tracked in this page: open its context with track_script_runs');
  return runs.finished > runs.atInput && ++runs.framesSince >= 3;
}"""


def track_script_runs(context: Any) -> None:
    """Count every page's script runs in ``context`` (for ``wait_for_app(..., after_interaction=True)``)."""
    context.add_init_script(_SCRIPT_RUNS_JS)


def wait_for_app(page: Any, *, after_interaction: bool = False, timeout_ms: int = APP_RUN_TIMEOUT_MS) -> None:
    """Wait until Streamlit is connected, the script run has finished and everything is drawn.

    ``stApp`` carries ``data-test-script-state`` (initial -> running -> notRunning) and
    ``data-test-connection-state``.  After a widget interaction that reruns the script pass
    ``after_interaction=True``: the rerun starts only after the widget's debounce, so the state may still
    read ``notRunning`` for a moment; this waits for a run to end after the interaction (``track_script_runs``
    counts them).
    """
    from playwright.sync_api import expect

    if after_interaction:
        from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

        try:
            page.wait_for_function(_RAN_SINCE_INPUT_JS, polling="raf", timeout=timeout_ms)
        except PlaywrightTimeoutError:
            runs = page.evaluate("() => window.__eiRuns")
            raise AssertionError(f"no script run ended after the interaction within {timeout_ms} ms: {runs}") from None
    page.locator(SEL_APP_CONNECTED).wait_for(state="attached", timeout=timeout_ms)
    page.locator(SEL_APP_NOT_RUNNING).wait_for(state="attached", timeout=timeout_ms)
    for testid in (*TESTID_RUNNING_ICONS, TESTID_SKELETON):
        expect(page.get_by_test_id(testid)).to_have_count(0, timeout=timeout_ms)


def wait_for_frames(page: Any, frames: int, timeout_ms: int = APP_RUN_TIMEOUT_MS) -> None:
    """Wait until the browser has drawn ``frames`` more animation frames.

    For "nothing moves": a playing animated view advances its time at every frame, so a time unchanged
    over many frames is a stopped view, however slowly a loaded machine draws them.
    """
    # wait_for_function asks once at once, then once per animation frame (polling="raf"): one ask more
    page.evaluate("(n) => { window.__eiFramesLeft = n; }", frames + 1)
    page.wait_for_function("() => --window.__eiFramesLeft <= 0", polling="raf", timeout=timeout_ms)


def goto(page: Any, url: str) -> Any:
    """Open ``url`` (absolute, or a path like ``/tug-of-war`` relative to the app) and wait for the run."""
    response = page.goto(url, wait_until="domcontentloaded")
    assert response is not None and response.ok, f"GET {url} -> {response and response.status}"
    wait_for_app(page)
    return response


# --- phones (test_accessibility.py, test_mobile_presenter.py) and Plotly charts (test_accessibility.py)

PHONE_USER_AGENT = (
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 "
    "Mobile Safari/537.36"
)
# A phone in portrait (an iPhone 12-15 sized screen): CSS viewport 390x844, touch, mobile meta viewport.
PHONE_CONTEXT: dict[str, Any] = {
    "viewport": {"width": 390, "height": 844},
    "is_mobile": True,
    "has_touch": True,
    # A phone's browser says so in its User-Agent; the app lays figures out for phones from it.
    "user_agent": PHONE_USER_AGENT,
}
SEL_PLOTLY = "[data-testid='stPlotlyChart'] .js-plotly-plot"


class _BrowserWithContextOptions:
    """``browser`` whose ``new_context`` lays ``options`` over whatever the caller passes."""

    def __init__(self, browser: Any, options: dict[str, Any]) -> None:
        self._browser, self._options = browser, options

    def new_context(self, **kwargs: Any) -> Any:
        return self._browser.new_context(**{**kwargs, **self._options})


@contextmanager
def recorded_tab(browser: Any, options: dict[str, Any], app_url: str, page_log: PageLog) -> Iterator[Any]:
    """A tab in its own fresh context with ``options`` (a phone's viewport, a browser language), recorded and checked
    like ``page``; the context is closed on leaving."""
    context, tab = _open_recorded_context(_BrowserWithContextOptions(browser, options), app_url, page_log)
    try:
        yield tab
    finally:
        context.close()


@pytest.fixture
def phone_page(browser: Any, app_url: str, page_log: PageLog, page: Any) -> Iterator[Any]:
    """A page in its own fresh phone-sized context (``PHONE_CONTEXT``), recorded and checked like ``page``."""
    with recorded_tab(browser, PHONE_CONTEXT, app_url, page_log) as phone:
        yield phone


# Streamlit 1.67's sectioned menu is no valid list; the page-keys component sets its ARIA roles once it has loaded,
# which can be after the page's run has finished.
MENU_ROLES_SET_JS = """() => { const items = document.querySelector("[data-testid='stSidebarNavItems']");
  return !items || !items.querySelector(':scope > div') || items.getAttribute('role') === 'none'; }"""


def wait_for_menu_roles(page: Any, timeout_ms: int = APP_RUN_TIMEOUT_MS) -> None:
    """Wait until the page keys have given the sectioned menu its list roles (or there is no sectioned menu)."""
    page.wait_for_function(MENU_ROLES_SET_JS, timeout=timeout_ms)


def wait_for_plotly(page: Any, timeout_ms: int = APP_RUN_TIMEOUT_MS) -> int:
    """Wait until every Plotly chart on the page has been drawn (has its layout and SVG); return how many."""
    page.wait_for_function(
        f"""() => Array.from(document.querySelectorAll("{SEL_PLOTLY}"))
                  .every(gd => gd._fullLayout && gd.querySelector('.main-svg'))""",
        timeout=timeout_ms,
    )
    return page.locator(SEL_PLOTLY).count()


def keep_circuits_prediction(page: Any) -> None:
    """Play a student whose browser kept their circuits prediction (as ``ui/answers.py`` keeps it): the page's
    presets and sliders are open from the browser's reply on, at the link's setting.  A first visit shows the
    balanced network with no controls until the prediction is run (``pages/circuits.py``)."""
    import json

    from explainer.pages import circuits
    from explainer.ui import dom

    qid = f"{circuits.CIRCUITS.name}:{circuits.PREDICT}"
    label = circuits.CIRCUITS.text.question(circuits.PREDICT).answer.label
    script = f"localStorage.setItem({json.dumps(dom.ANSWER_STORE_PREFIX + qid)}, {json.dumps(label)});"
    page.context.add_init_script(script=script)


# A browser without the clipboard API (an http address on a school network): for the Copy-link fallback.
NO_CLIPBOARD = "Object.defineProperty(Navigator.prototype, 'clipboard', {get: () => undefined, configurable: true});"


# The sizes a translated page is measured at: where a longer language runs out of room first (a phone's width,
# the projector's large type). English, the source, is measured at every size; together that is every chart and
# view in every language within CI's time (each language at every size took 8 min more on the shared machine).
# ``EXPLAINER_E2E_ALL_SIZES=1`` measures every language at every size (on demand, before a release).
TRANSLATION_SIZES = ("projector", "phone")
ALL_SIZES_ENV = "EXPLAINER_E2E_ALL_SIZES"


def language_sizes(sizes: Iterable[str]) -> list[tuple[str, str]]:
    """(language, size) pairs for a layout test: the source language at every size in ``sizes``, every other
    offered language at the :data:`TRANSLATION_SIZES` among them."""
    from explainer.content import i18n

    return [
        (lang, size)
        for lang in i18n.LANGUAGES
        for size in sizes
        if lang == i18n.SOURCE or size in TRANSLATION_SIZES or os.environ.get(ALL_SIZES_ENV) == "1"
    ]
