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

from explainer.content import i18n
from explainer.figures.style import FigureStyle
from explainer.lessons import LESSONS
from explainer.model.experiments.circuits import DISINHIBITION_SCALES
from explainer.ui.course import question_key
from explainer.ui.lesson_parts import run_key

from .conftest import (
    PHONE_CONTEXT,
    REPO_ROOT,
    _BrowserWithContextOptions,
    _open_recorded_context,
    goto,
    language_sizes,
    wait_for_app,
    wait_for_plotly,
)
from .views import layout_problems

TOLERANCE_PX = 2.0

# page (a module file, or a lesson) -> (link, how many static charts it shows once its prediction is run)
CHART_PAGES = {
    **{lesson.name: (f"/{lesson.url}", len(lesson.charts(FigureStyle()))) for lesson in LESSONS},
    "blocked_gate.py": ("/blocked-gate", 1),
}
# settings that crowd a chart's labels (no Mg2+: B(V) runs along the top, where its label sits when the block
# is strong)
EXTRA_CASES = [
    ("/glutamate?l2_mg=0", 3, "lesson 2 without Mg2+"),
    (f"/blocked-gate?bg_scale={min(DISINHIBITION_SCALES):g}", 1, "weakest drive"),
]
CASES = [(link, n, page.removesuffix(".py")) for page, (link, n) in CHART_PAGES.items()] + EXTRA_CASES
SIZES = {
    "laptop": ({"viewport": {"width": 1366, "height": 900}}, ""),
    "projector": ({"viewport": {"width": 1280, "height": 720}}, "present=true"),
    "phone": (PHONE_CONTEXT, ""),
    "narrow window": ({"viewport": {"width": 420, "height": 900}}, ""),  # a laptop's window, made narrow
}

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
    keys = [question_key(lesson, b) for lesson in LESSONS for b in lesson.text.blocks if b.startswith("predict:")]
    for key in keys:
        options = tab.locator(f".st-key-{key} [data-testid='stRadioOption']")
        if not options.count():
            continue
        options.first.click()
        wait_for_app(tab, after_interaction=True)
        tab.locator(f".st-key-{run_key(key)}").get_by_role("button").click()  # choosing only selects; this runs it
        wait_for_app(tab, after_interaction=True)


def test_the_list_of_charted_pages_is_complete() -> None:
    """A page that draws a static chart is in CHART_PAGES, so the browser test below measures it (every lesson
    is, with as many charts as it has; the worksheet prints the lessons' charts, measured in print)."""
    charting = {
        p.name
        for p in (REPO_ROOT / "explainer" / "pages").glob("*.py")
        if re.search(r"\b(?:plotly_chart|chart)\(", p.read_text()) and p.name != "worksheet.py"
    }
    pages = {page for page in CHART_PAGES if page.endswith(".py")}
    assert charting == pages, f"pages with charts: {sorted(charting)}; measured: {sorted(pages)}"


@pytest.mark.parametrize(("lang", "size"), language_sizes(SIZES))
@pytest.mark.parametrize(("path", "n_charts", "case"), CASES, ids=[c[2] for c in CASES])
def test_no_chart_label_overlaps_another_or_is_cut_off(
    browser, app_url, page_log, page, path, n_charts, case, size, lang
) -> None:
    """In every language the app offers (German and French run 20-35 % longer than English): English at every
    size, the others where a longer text runs out of room first (conftest.language_sizes)."""
    options, extra = SIZES[size]
    context, tab = _open_recorded_context(_BrowserWithContextOptions(browser, options), app_url, page_log)
    try:
        goto(tab, _with(_with(path, extra), f"{i18n.LANG_PARAM}={lang}"))
        wait_for_layout(tab)
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
        assert not problems, f"{case} at {size} size in {lang}:\n  " + "\n  ".join(problems[:20])
    finally:
        context.close()


def wait_for_layout(tab: Any) -> str:
    """Wait until the server lays the charts out for the width the browser measured (the viewport component
    marks <html data-ei-layout>); returns "narrow" or "wide"."""
    tab.wait_for_function("() => document.documentElement.dataset.eiLayout", timeout=30_000)
    wait_for_app(tab)
    return tab.evaluate("() => document.documentElement.dataset.eiLayout")


_X_DOMAINS = """() => [...document.querySelectorAll("[data-testid='stPlotlyChart'] .js-plotly-plot")].map((gd) =>
  Object.keys(gd._fullLayout).filter((k) => /^xaxis\\d*$/.test(k)).map((k) => gd._fullLayout[k].domain))"""


def test_two_panel_charts_stack_in_a_narrow_window_and_not_in_a_wide_one(browser, app_url, page_log, page) -> None:
    """Stacking follows the width the page has, not the device: a desktop browser (no phone in its
    User-Agent) at 420 px gets the stacked lesson figures, and side by side again once the window is wide."""
    context, tab = _open_recorded_context(
        _BrowserWithContextOptions(browser, {"viewport": {"width": 420, "height": 900}}), app_url, page_log
    )
    try:
        goto(tab, "/meet-the-neuron")
        assert wait_for_layout(tab) == "narrow"
        _run_predictions(tab)
        wait_for_plotly(tab)
        (domains,) = tab.evaluate(_X_DOMAINS)
        assert len(domains) == 2 and all(d == [0, 1] for d in domains), f"narrow: panels stacked, got {domains}"
        tab.set_viewport_size({"width": 1366, "height": 900})
        tab.wait_for_function("() => document.documentElement.dataset.eiLayout === 'wide'", timeout=30_000)
        wait_for_app(tab)
        side_by_side = f"() => ({_X_DOMAINS})().flat().every((d) => d[0] > 0 || d[1] < 1)"
        tab.wait_for_function(side_by_side, timeout=30_000)  # both panels share the width again
    finally:
        context.close()
