"""Every static (Plotly) chart on every page, at laptop, projector and phone size: no label overlaps another
and none is cut off by the chart's edge.

The lessons' charts appear once the prediction above them is run, so each lesson's prediction is answered
first (any option).  Every ``<text>`` Plotly draws is measured (tick labels, axis titles, legend entries,
annotations, heatmap numbers, point labels); the toolbar's are not chart labels.  Text boxes include a few
pixels of the font's own spacing, so two boxes count as overlapping only beyond ``TOLERANCE_PX``.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from .conftest import (
    PHONE_CONTEXT,
    REPO_ROOT,
    _BrowserWithContextOptions,
    _open_recorded_context,
    goto,
    wait_for_app,
    wait_for_plotly,
)
from .views import layout_problems

TOLERANCE_PX = 2.0

# page file -> (link, how many static charts it shows once its prediction is run)
CHART_PAGES = {
    "lesson_1_neuron.py": ("/meet-the-neuron", 1),
    "lesson_2_glutamate.py": ("/glutamate", 3),
    "lesson_3_gaba.py": ("/gaba", 2),
    "lesson_4_balance.py": ("/balance", 2),
    "blocked_gate.py": ("/blocked-gate", 1),
}
# settings that crowd a chart's labels (no Mg2+: B(V) runs along the top, where its label sits when the block
# is strong)
EXTRA_CASES = [("/glutamate?l2_mg=0", 3, "lesson 2 without Mg2+"), ("/blocked-gate?bg_scale=0.4", 1, "weakest drive")]
CASES = [(link, n, f"{file[:-3]}") for file, (link, n) in CHART_PAGES.items()] + EXTRA_CASES
SIZES = {
    "laptop": ({"viewport": {"width": 1366, "height": 900}}, ""),
    "projector": ({"viewport": {"width": 1280, "height": 720}}, "present=true"),
    "phone": (PHONE_CONTEXT, ""),
}
PREDICT_KEYS = ("l1_predict", "l2_predict", "l3_predict", "l4_predict")

# Each chart: its box and the boxes of its labels (CSS px), in the form views.layout_problems reads.
_CHART_TEXT_BOXES = """() => [...document.querySelectorAll("[data-testid='stPlotlyChart'] .js-plotly-plot")]
.map((gd) => {
  const c = gd.getBoundingClientRect();
  const owner = gd.closest("[class*='st-key-']");
  const key = owner ? owner.className.match(/st-key-(\\S+)/)[1] : "(no key)";
  const shown = (t) => { const s = getComputedStyle(t);
    return s.display !== "none" && s.visibility !== "hidden" && Number(s.opacity) > 0; };
  const boxes = [...gd.querySelectorAll("text")]
    .filter((t) => !t.closest(".modebar") && t.textContent.trim() && shown(t))
    .map((t) => { const r = t.getBoundingClientRect();
      return {text: t.textContent, left: r.left, top: r.top, right: r.right, bottom: r.bottom}; })
    .filter((b) => b.right > b.left && b.bottom > b.top);
  return {key, svg: {left: c.left, top: c.top, right: c.right, bottom: c.bottom}, boxes};
})"""

# True once every chart's label boxes have been the same for ``frames`` animation frames in a row (asked once
# a frame: wait_for_function's polling="raf").
SETTLED_FRAMES = 5
_SETTLED = f"""(frames) => {{
  const boxes = JSON.stringify(({_CHART_TEXT_BOXES})());
  window.__eiSameFrames = boxes === window.__eiLastBoxes ? window.__eiSameFrames + 1 : 0;
  window.__eiLastBoxes = boxes;
  return window.__eiSameFrames >= frames;
}}"""


def _with(path: str, extra: str) -> str:
    if not extra:
        return path
    return path + ("&" if "?" in path else "?") + extra


def _run_predictions(tab: Any) -> None:
    """Answer each prediction on the page with its first option and run it: the charts below appear."""
    for key in PREDICT_KEYS:
        options = tab.locator(f".st-key-{key} [data-testid='stRadioOption']")
        if not options.count():
            continue
        options.first.click()
        wait_for_app(tab, after_interaction=True)
        tab.locator(f".st-key-{key}_run").get_by_role("button").click()  # choosing only selects; this runs it
        wait_for_app(tab, after_interaction=True)


def test_the_list_of_charted_pages_is_complete() -> None:
    """A page that draws a static chart is in CHART_PAGES, so the browser test below measures it."""
    charting = {
        p.name
        for p in (REPO_ROOT / "explainer" / "pages").glob("*.py")
        if re.search(r"\b(?:plotly_chart|lesson\.chart)\(", p.read_text())
    }
    assert charting == set(CHART_PAGES), f"pages with charts: {sorted(charting)}; measured: {sorted(CHART_PAGES)}"


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize(("path", "n_charts", "case"), CASES, ids=[c[2] for c in CASES])
def test_no_chart_label_overlaps_another_or_is_cut_off(
    browser, app_url, page_log, page, path, n_charts, case, size
) -> None:
    options, extra = SIZES[size]
    context, tab = _open_recorded_context(_BrowserWithContextOptions(browser, options), app_url, page_log)
    try:
        goto(tab, _with(path, extra))
        _run_predictions(tab)
        assert wait_for_plotly(tab) == n_charts, f"{case}: expected {n_charts} charts once the prediction ran"
        # Plotly redraws once more when its automargin moves the plot: measure what it settled on.
        tab.evaluate("() => { window.__eiSameFrames = 0; window.__eiLastBoxes = null; }")
        tab.wait_for_function(_SETTLED, arg=SETTLED_FRAMES, polling="raf")
        width = tab.evaluate("() => window.innerWidth")
        problems = []
        for chart in tab.evaluate(_CHART_TEXT_BOXES):
            assert len(chart["boxes"]) >= 8, f"{chart['key']}: only {len(chart['boxes'])} labels: is it drawn?"
            problems += [f"{chart['key']}: {p}" for p in layout_problems(chart, TOLERANCE_PX)]
            if chart["svg"]["right"] > width + TOLERANCE_PX:
                problems.append(f"{chart['key']}: wider ({chart['svg']['right']:.0f} px) than the screen ({width})")
        assert not problems, f"{case} at {size} size:\n  " + "\n  ".join(problems[:20])
    finally:
        context.close()
