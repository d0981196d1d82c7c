"""The animated views in a real browser: frames per second while playing, and how soon each page's view
appears (docs/architecture.md, budgets: >= 50 frames/s in headless Chromium on the laptop view, goal 60; and the
first figure within 1 s of the page's script finishing on a warm server).

Headless Debian Chromium (``/usr/bin/chromium``, the flags of ``tests/e2e/conftest.py``) opens a real
``streamlit run`` server on 127.0.0.1 at 1366x900.

- Playback: for each page's view, the frame log the view keeps (``root.eiDebug().frames``: the
  ``requestAnimationFrame`` time of every frame drawn, and the model time it showed) over
  ``PLAYBACK_S`` seconds of playing.  Printed: frames per second (median over 1 s windows, and the
  slowest window), the gap between frames (median, p95, max) and the view's own time per frame.
- First paint: from ``[data-test-script-state=notRunning]`` (the script finished) to the view's
  ``data-view-id`` (its data drawn), on a warm server (each page opened once before), median of
  ``PAINT_RUNS`` fresh tabs per page.

Never asserted; the test fails only if the measurement itself failed.  Run it by naming the file::

    python -m pytest tests/benchmarks/test_view_playback.py -s
"""

from __future__ import annotations

import os
import statistics
from collections.abc import Iterator
from typing import Any

import numpy as np
import pytest

from tests.benchmarks._bench import record
from tests.benchmarks._browser import chromium_for
from tests.e2e.conftest import VIEWPORT, wait_for_app
from tests.harness.server import StreamlitServer

PLAYBACK_S = float(os.environ.get("PLAYBACK_S", "5"))
PAINT_RUNS = int(os.environ.get("PAINT_RUNS", "5"))
FPS_BUDGET = 50.0
VIEWS = [("/tug-of-war", "playground_view"), ("/circuits", "circuits_view"), ("/blocked-gate", "blocked_gate_view")]

_ROOT = """(key) => {
  const box = document.querySelector(`.st-key-${key}`);
  const host = box && [box, ...box.querySelectorAll('*')]
    .find((e) => e.shadowRoot && e.shadowRoot.querySelector('.ei-view'));
  return host ? host.shadowRoot.querySelector('.ei-view') : null;
}"""


@pytest.fixture(scope="module")
def chromium(request) -> Iterator[Any]:
    with chromium_for(request, __file__, "the browser playback benchmark takes a minute or two") as browser:
        yield browser


@pytest.fixture(scope="module")
def server() -> Iterator[StreamlitServer]:
    with StreamlitServer() as s:
        yield s


def _open(browser: Any, url: str, key: str) -> tuple[Any, Any]:
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    page.goto(url, wait_until="domcontentloaded")
    wait_for_app(page)
    page.wait_for_function(f"() => {{ const r = ({_ROOT})('{key}'); return r && r.dataset.viewId; }}", timeout=90_000)
    return context, page


@pytest.mark.timeout(900)
def test_frames_per_second_while_playing(chromium, server) -> None:
    print(f"\n[playback: {PLAYBACK_S:g} s of playing per view, laptop 1366x900]")
    for path, key in VIEWS:
        context, page = _open(chromium, server.url + path, key)
        try:
            page.wait_for_timeout(500)
            start = page.evaluate("() => performance.now()")
            page.wait_for_timeout(PLAYBACK_S * 1000)
            d = page.evaluate(f"(key) => ({_ROOT})(key).eiDebug()", key)
            frames = np.array([f for f in d["frames"] if f[0] >= start])
            assert len(frames) > 10, f"{key}: the view did not play ({len(frames)} frames)"
            wall = frames[:, 0]
            gaps = np.diff(wall)
            windows = [
                np.count_nonzero((wall >= t) & (wall < t + 1000)) for t in np.arange(wall[0], wall[-1] - 999, 1000)
            ]
            fps = statistics.median(windows) if windows else len(wall) / ((wall[-1] - wall[0]) / 1000)
            per_frame = d["stats"]["renderMs"] / max(1, d["stats"]["frames"])
            print(
                f"  {key:<18} {fps:5.1f} frames/s (slowest 1 s: {min(windows) if windows else fps:.0f}); gap median "
                f"{np.median(gaps):.1f} ms, p95 {np.percentile(gaps, 95):.1f}, max {gaps.max():.0f}; "
                f"the view's own work {per_frame:.2f} ms per frame; "
                f"redraw on new data {d['stats'].get('lastDrawMs', 0):.0f} ms"
            )
            record(f"5. playback frames/s, {key}", fps, "fps", None, other=f"budget >= {FPS_BUDGET:g} fps")
        finally:
            context.close()


@pytest.mark.timeout(900)
def test_first_view_soon_after_the_script_finishes(chromium, server) -> None:
    print(f"\n[first paint on a warm server: script finished -> view drawn, {PAINT_RUNS} fresh tabs per page]")
    for path, key in VIEWS:
        _open(chromium, server.url + path, key)[0].close()  # warm: the server has run this page's defaults
        delays = []
        for _ in range(PAINT_RUNS):
            context = chromium.new_context(viewport=VIEWPORT)
            page = context.new_page()
            try:
                page.goto(server.url + path, wait_until="domcontentloaded")
                page.wait_for_function(
                    f"""() => {{
                      const app = document.querySelector("[data-testid='stApp']");
                      const r = ({_ROOT})('{key}');
                      if (app && app.dataset.testScriptState === 'notRunning' && window.__done === undefined)
                        window.__done = performance.now();
                      if (r && r.dataset.viewId && window.__drawn === undefined) window.__drawn = performance.now();
                      return window.__done !== undefined && window.__drawn !== undefined;
                    }}""",
                    polling="raf",
                    timeout=90_000,
                )
                done, drawn = page.evaluate("() => [window.__done, window.__drawn]")
                delays.append(max(0.0, drawn - done))
            finally:
                context.close()
        med = statistics.median(delays)
        print(f"  {key:<18} median {med:.0f} ms, max {max(delays):.0f} ms after the script finished")
        record(f"6. first view after script finished, {key}", med, "ms", 1000.0)
