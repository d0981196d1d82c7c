"""The browser components' lifecycle, driven in a real browser exactly as Streamlit 1.67's frontend drives it.

``BidiComponent`` (the bundled ``static/js/BidiComponent.*.js``) calls a component's default export again for
every new data, on the same ``parentElement``, and keeps only the last returned cleanup, which it calls when the
element leaves the page.  A run that new data overtook while it was loading (between its script's load and its
call) still calls the module, and then its cleanup at once, while the element stays on the page.  So a cleanup
may come from such a superseded run, before or after the newer run has called the module; only when the element
is gone must the component tear down.

The test loads each component's module from the app's own server (``/_stcore/bidi-components/...``) into a page
of the same origin that holds no Streamlit app, mounts it into a shadow root the way Streamlit does, and plays
these sequences, counting every listener, observer, animation frame and timer the module adds and removes.

The animated view's race: before this was fixed, a superseded run's cleanup destroyed the view's controller,
which the newer run then reused (its view went blank) or replaced (its view started over from 0 ms).
"""

from __future__ import annotations

from functools import cache
from typing import Any

import pytest

from explainer.figures.neuron_view import neuron_view_payload
from explainer.figures.style import FigureStyle
from explainer.figures.view_codec import unpack
from explainer.model.experiments.balance import TugOfWarSettings, run_tug_of_war
from explainer.ui.components import chart_export, component_name
from explainer.ui.components.connection_notice import notice_data
from explainer.ui.components.page_keys import page_keys_data
from explainer.ui.dom import ANSWER_STORE_PREFIX

HOST_PAGE = "/_stcore/health"  # same origin as the app's files, and no Streamlit app of its own
PLAY_WAIT_MS = 10_000

# Counts what the components' code (a call from a module under /_stcore/bidi-components/, not Playwright's own
# scripts) adds and removes from here on: listeners (also those an AbortSignal removes), observers that observe
# and are not disconnected, pending animation frames and timers.
INSTRUMENT_JS = """() => {
  const live = { listeners: new Set(), observers: new Set(), frames: new Set(), timers: new Set() };
  window.__live = live;
  const ours = () => (new Error().stack || '').includes('/_stcore/bidi-components/');
  const add = EventTarget.prototype.addEventListener, remove = EventTarget.prototype.removeEventListener;
  const keyOf = (t, type, fn, o) => [t, type, fn, Boolean(typeof o === 'object' ? o && o.capture : o)];
  const same = (a, b) => a.every((x, i) => x === b[i]);
  EventTarget.prototype.addEventListener = function (type, fn, options) {
    const key = keyOf(this, type, fn, options);
    if (!ours()) return add.call(this, type, fn, options);
    if (![...live.listeners].some((k) => same(k, key))) live.listeners.add(key);
    const signal = options && typeof options === 'object' ? options.signal : null;
    const drop = () => live.listeners.forEach((k) => same(k, key) && live.listeners.delete(k));
    if (signal) add.call(signal, 'abort', drop);
    return add.call(this, type, fn, options);
  };
  EventTarget.prototype.removeEventListener = function (type, fn, options) {
    const key = keyOf(this, type, fn, options);
    live.listeners.forEach((k) => same(k, key) && live.listeners.delete(k));
    return remove.call(this, type, fn, options);
  };
  for (const name of ['ResizeObserver', 'MutationObserver']) {
    const Base = window[name];
    window[name] = class extends Base {
      observe(...args) { if (ours()) live.observers.add(this); return super.observe(...args); }
      disconnect() { live.observers.delete(this); return super.disconnect(); }
    };
  }
  const raf = window.requestAnimationFrame.bind(window), caf = window.cancelAnimationFrame.bind(window);
  window.requestAnimationFrame = (fn) => {
    const id = raf((t) => { live.frames.delete(id); fn(t); });
    if (ours()) live.frames.add(id);
    return id;
  };
  window.cancelAnimationFrame = (id) => { live.frames.delete(id); caf(id); };
  const st = window.setTimeout.bind(window), ct = window.clearTimeout.bind(window);
  window.setTimeout = (fn, ms, ...args) => {
    const id = st(() => { live.timers.delete(id); fn(...args); }, ms);
    if (ours()) live.timers.add(id);
    return id;
  };
  window.clearTimeout = (id) => { live.timers.delete(id); ct(id); };
  window.__counts = () => ({ listeners: live.listeners.size, observers: live.observers.size,
                            frames: live.frames.size, timers: live.timers.size });
}"""

# A stand-in for Streamlit's app element (the components that watch its state find it) and a shadow root to
# mount into, as Streamlit mounts a component; then the module.
MOUNT_JS = """async ([name]) => {
  const app = document.createElement('div');
  app.setAttribute('data-testid', 'stApp');
  app.setAttribute('data-test-connection-state', 'CONNECTED');
  app.setAttribute('data-test-script-state', 'running');
  document.body.append(app);
  const host = document.createElement('div');
  app.append(host);
  window.__host = host;
  window.__root = host.attachShadow({ mode: 'open' });
  window.__module = await import(`/_stcore/bidi-components/${name}/index.js`);
  window.__run = (data) => window.__module.default({
    name, key: 'k', data, parentElement: window.__root, setStateValue: () => {}, setTriggerValue: () => {},
  });
}"""

VIEW_JS = """() => { const root = window.__root.querySelector('.ei-view');
  return root ? { id: root.dataset.viewId, state: root.dataset.state, t: Number(root.dataset.tMs),
                  views: window.__root.querySelectorAll('.ei-view').length, mark: root.eiTestMark || null } : null; }"""


@cache
def _payloads() -> tuple[bytes, bytes]:
    out = []
    for settings in (TugOfWarSettings(), TugOfWarSettings(gaba_rate_hz=2000.0)):
        run, inp = run_tug_of_war(settings)
        out.append(neuron_view_payload(run, inp, view_id=f"race{len(out)}", figure_style=FigureStyle(), alt="a",
                                       export_name="n"))  # fmt: skip
    return out[0], out[1]


def _open(page: Any, name: str) -> None:
    page.goto(HOST_PAGE)
    page.evaluate(INSTRUMENT_JS)
    page.evaluate(MOUNT_JS, [component_name(name)])


def _set_payloads(page: Any) -> tuple[str, str]:
    a, b = _payloads()
    page.evaluate("([a, b]) => { window.__A = new Uint8Array(a); window.__B = new Uint8Array(b); }", [list(a), list(b)])
    return unpack(a).header["id"], unpack(b).header["id"]


def _wait_playing_past(page: Any, t_ms: float) -> None:
    page.wait_for_function(
        "(t) => { const r = window.__root.querySelector('.ei-view');"
        " return r && r.dataset.state === 'playing' && Number(r.dataset.tMs) > t; }",
        arg=t_ms,
        timeout=PLAY_WAIT_MS,
    )


def _unmount_and_count(page: Any, cleanup: str) -> dict:
    """The element leaves the page, then Streamlit calls the last cleanup; what is still live a moment later."""
    page.evaluate(f"() => {{ window.__host.remove(); window.{cleanup}(); }}")
    page.wait_for_timeout(200)
    return page.evaluate("() => window.__counts()")


def test_a_superseded_runs_cleanup_after_the_newer_run_leaves_the_view_playing(page) -> None:
    """The newer run has reused the view's controller when the superseded run's cleanup comes."""
    _open(page, "animated_view")
    _, new_id = _set_payloads(page)
    page.evaluate("() => { window.__c1 = window.__run(window.__A); window.__c2 = window.__run(window.__B); }")
    page.evaluate("() => window.__c1()")  # the superseded run's cleanup: the element is still on the page
    assert page.evaluate(VIEW_JS) is not None, "the superseded run's cleanup destroyed the view the newer run drew"
    _wait_playing_past(page, 50)
    shown = page.evaluate(VIEW_JS)
    assert shown["views"] == 1 and shown["id"] == new_id, shown
    counts = _unmount_and_count(page, "__c2")
    assert page.evaluate(VIEW_JS) is None, "the view stayed after its element left the page"
    assert counts == {"listeners": 0, "observers": 0, "frames": 0, "timers": 0}, counts


def test_a_superseded_runs_cleanup_before_the_newer_run_keeps_the_view_in_place(page) -> None:
    """The superseded run's cleanup comes first; the newer run must still update the same view in place."""
    _open(page, "animated_view")
    _, new_id = _set_payloads(page)
    page.evaluate("() => { window.__c1 = window.__run(window.__A); }")
    _wait_playing_past(page, 80)
    page.evaluate("() => { window.__root.querySelector('.ei-view').eiTestMark = 'first'; }")
    before = page.evaluate(VIEW_JS)
    page.evaluate("() => { window.__c1(); window.__c2 = window.__run(window.__B); }")
    page.wait_for_function(f"() => window.__root.querySelector('.ei-view')?.dataset.viewId === '{new_id}'")
    after = page.evaluate(VIEW_JS)
    assert after["mark"] == "first", "the view was destroyed and made again: play state and time were lost"
    assert after["views"] == 1 and after["state"] == "playing" and after["t"] >= before["t"], (before, after)
    counts = _unmount_and_count(page, "__c2")
    assert counts == {"listeners": 0, "observers": 0, "frames": 0, "timers": 0}, counts


def _data(name: str) -> Any:
    return {
        "page_keys": page_keys_data(presenting=True),
        "connection_notice": notice_data(),
        "link_writer": {"param": "glu_rate", "value": "6000"},
        "class_keeper": {"ask": True},
        "answer_keeper": {"prefix": ANSWER_STORE_PREFIX, "writes": [], "clear": "", "ask": True},
        "anchor_keeper": {"settle_ms": 60_000},
        "page_language": {"lang": "de"},
        "chart_export": chart_export.export_data("l1_chart", "meet-the-neuron_i_ext=300", "Current (pA) 300"),
    }[name]


# The anchor keeper acts on a link to a heading: the address names one, and the page holds it.
LINK_TO_A_HEADING_JS = """() => {
  history.replaceState(null, '', `${location.pathname}#term`);
  const page = document.createElement('div');
  page.setAttribute('data-testid', 'stMainBlockContainer');
  page.innerHTML = '<h3 id="term">A term</h3>';
  document.querySelector('[data-testid=stApp]').append(page);
}"""


@pytest.mark.parametrize(
    "name",
    [
        "page_keys",
        "connection_notice",
        "link_writer",
        "class_keeper",
        "answer_keeper",
        "anchor_keeper",
        "page_language",
        "chart_export",
    ],
)
def test_a_component_keeps_what_it_set_up_while_mounted_and_removes_it_all_when_it_goes(page, name) -> None:
    _open(page, name)
    if name == "anchor_keeper":
        page.evaluate(LINK_TO_A_HEADING_JS)
    page.evaluate("(data) => { window.__c1 = window.__run(data); window.__c2 = window.__run(data); }", _data(name))
    page.evaluate("() => window.__c1()")  # a superseded run's cleanup: the element stays
    mounted = page.evaluate("() => window.__counts()")
    if name == "page_language":  # it only sets an attribute
        assert page.evaluate("() => document.documentElement.lang") == "de"
    elif name not in ("class_keeper", "answer_keeper"):  # the keepers only read and write the browser's storage
        assert sum(mounted.values()) > 0, f"{name} set nothing up (or a superseded run's cleanup removed it)"
    counts = _unmount_and_count(page, "__c2")
    assert counts == {"listeners": 0, "observers": 0, "frames": 0, "timers": 0}, f"{name} left behind {counts}"


def test_the_connection_notice_is_one_per_tab_and_goes_with_the_last_instance(page) -> None:
    _open(page, "connection_notice")
    data = _data("connection_notice")
    page.evaluate("(data) => { window.__c1 = window.__run(data); }", data)
    # a second instance of the component (another element, as on a page that mounts it twice)
    page.evaluate(
        """(data) => { const host = document.createElement('div');
                       document.querySelector('[data-testid=stApp]').append(host);
                       window.__host2 = host;
                       const parentElement = host.attachShadow({ mode: 'open' });
                       window.__c2 = window.__module.default({ data, parentElement }); }""",
        data,
    )
    assert page.locator(f"#{data['id']}").count() == 1
    page.evaluate("() => { window.__host.remove(); window.__c1(); }")
    assert page.locator(f"#{data['id']}").count() == 1, "the notice went while another instance was mounted"
    page.evaluate("() => { window.__host2.remove(); window.__c2(); }")
    assert page.locator(f"#{data['id']}").count() == 0
