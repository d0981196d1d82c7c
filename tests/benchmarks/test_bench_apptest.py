"""Budget 2 end to end: a whole rerun of the playground page through Streamlit's AppTest.

AppTest runs the real ``app.py`` (the playground is the default page) in this process: every rerun
executes the whole script (navigation, banner, stylesheet, the page, the animated view), with AppTest's
own overhead on top (thread hand-off and polling, building and walking the element tree).  A real
server reruns only the ``@st.fragment`` when a slider moves, and has no AppTest overhead, but does send
the deltas over a websocket.  So these figures are an upper bound on the server's own work, to read
next to the trivial-app baseline measured the same way in the same run.

``time.process_time`` counts every thread of this process, so the CPU figures include the script thread.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

from streamlit.testing.v1 import AppTest

from tests.app.conftest import switch_to
from tests.benchmarks._bench import (
    BUDGET_RERUN_CACHED_CPU_MS,
    Timings,
    record,
    record_timings,
    time_once,
)

APP = str(Path(__file__).resolve().parents[2] / "app.py")
KEY = "glu_rate"
# Slider values (step 100 in 0..6000) not seen before in this process; the default 2500 is not among them.
NEW_VALUES = list(range(0, 6001, 200))  # 31 values
WARMUP_VALUES = [100, 300, 500]  # distinct from NEW_VALUES, untimed
TRIVIAL_APP = """
import streamlit as st

st.title("Trivial app")
value = st.slider("rate", 0, 6000, 2500, 100, key="glu_rate")
st.write(value)
"""


def _rerun_series(at: AppTest, values: list[int], check=None) -> Timings:
    wall, cpu = [], []
    for v in values:
        w, c, _ = time_once(lambda v=v: at.slider(key=KEY).set_value(v).run())
        wall.append(w)
        cpu.append(c)
        if check is not None:
            check(at, v)
    return Timings(wall, cpu)


def _check_page(at: AppTest, value: int) -> None:
    assert not at.exception, f"the page raised at {KEY}={value}: {[e.value for e in at.exception]}"
    assert at.slider(key=KEY).value == value
    assert at.get("bidi_component"), f"no animated view at {KEY}={value}"


def test_apptest_playground_rerun(tmp_path):
    print("\n[AppTest: whole-page reruns of the playground; AppTest adds its own overhead, see module docstring]")
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()  # the app opens on Start here; the playground is one page switch away
    switch_to(at, "playground.py")
    w, c, _ = time_once(at.run)
    assert not at.exception, [e.value for e in at.exception]
    assert at.slider(key=KEY), "the playground's sliders"
    record("2c. AppTest first page load (imports, default settings)", w, "ms wall", None, other=f"cpu {c:.1f} ms")

    _rerun_series(at, WARMUP_VALUES, _check_page)
    new = _rerun_series(at, NEW_VALUES, _check_page)
    seen = _rerun_series(at, NEW_VALUES, _check_page)  # every value now cached by tug_of_war_view

    # The same AppTest reruns of a one-slider app: AppTest + Streamlit overhead with (almost) no app work.
    trivial_file = tmp_path / "trivial_app.py"
    trivial_file.write_text(textwrap.dedent(TRIVIAL_APP))
    trivial = AppTest.from_file(str(trivial_file), default_timeout=60)
    trivial.run()
    _rerun_series(trivial, WARMUP_VALUES)
    base = _rerun_series(trivial, NEW_VALUES)

    # The whole page's script and AppTest's own work: no budget applies (2a is the per-setting budget's measure).
    record_timings("2c. AppTest rerun, new slider value (incl. AppTest overhead)", new, None)
    record_timings(
        "2c. AppTest rerun, value seen before (incl. AppTest overhead)", seen, BUDGET_RERUN_CACHED_CPU_MS, clock="cpu"
    )
    record_timings("2c. AppTest rerun, trivial one-slider app (overhead baseline)", base, None, clock="cpu")
    print(
        "  rough page cost = page median - trivial median: "
        f"new {new.wall_median - base.wall_median:.1f} ms wall / {new.cpu_median - base.cpu_median:.1f} ms cpu, "
        f"seen {seen.wall_median - base.wall_median:.1f} ms wall / {seen.cpu_median - base.cpu_median:.1f} ms cpu"
    )
