"""The circuits page never presents a stale network as current: quick slider moves show the "computing" note
and dim the view until a run has drawn what the sliders ask for, and then the view, its status line and its
numbers all match the sliders (``explainer/ui/computing.py``)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from explainer.content.format import num
from explainer.content.live_descriptions import network_regime_name
from explainer.figures.view_codec import view_id
from explainer.model.experiments.circuits import BALANCED, run_network
from explainer.pages.circuits import VIEW_KEY, WORDS
from explainer.ui import dom

from .conftest import goto, keep_circuits_prediction, wait_for_app
from .views import wait_for_view

SEED = 77  # wirings no other test draws (77, 78), so that every setting below is computed afresh
PRESSES = 5
COMPUTING = f".{dom.css_class(dom.COMPUTING_KEY)}"
STALE_VIEW = f".{dom.css_class(dom.stale_key('view'))}"
SETTLE_MS = 90_000

# The "computing" note's text while it is on the page and the view it replaces has been dimmed (read in the same
# frame: a quick run may take the note away before a second look), else false.
_DIMMED_WHILE_COMPUTING = """([computing, stale]) => {
  const note = document.querySelector(computing), view = document.querySelector(stale);
  return Boolean(note && view && Number(getComputedStyle(view).opacity) < 0.5) && (note.innerText || ' ');
}"""
# True once no note is left and the view draws ``wanted``.
_SETTLED_ON = """([computing, wanted]) => !document.querySelector(computing) &&
  [...document.querySelectorAll('*')].filter((e) => e.shadowRoot)
    .map((e) => e.shadowRoot.querySelector('.ei-view')).some((v) => v && v.dataset.viewId === wanted)"""


def _slider(page: Any, key: str) -> Any:
    return page.locator(f".st-key-{key}").get_by_role("slider")


@pytest.mark.parametrize(
    ("link", "seed"),
    [("", SEED), ("&present=true", SEED + 1)],  # presenting, the view sits above the question, outside the fragment
    ids=["laptop", "presenter"],
)
def test_quick_slider_moves_show_computing_and_end_on_the_sliders_setting(page, link, seed) -> None:
    keep_circuits_prediction(page)  # the controls open once the prediction is run: this student has run it
    goto(page, f"/circuits?net_seed={seed}{link}")
    first = wait_for_view(page, VIEW_KEY, wanted=view_id(BALANCED, seed))
    assert first["id"] == view_id(BALANCED, seed)
    wait_for_app(page)
    assert not page.locator(COMPUTING).count(), "the first view is drawn: nothing is being computed"
    if link:
        page.get_by_text(WORDS.text("sliders_tuck")).click()  # presenting, the sliders are folded

    slider = _slider(page, "net_w_inh")
    slider.focus()
    for _ in range(PRESSES):  # 67 -> 62 nS, one key press at a time, without waiting for the runs
        page.keyboard.press("ArrowLeft")
    note = page.wait_for_function(_DIMMED_WHILE_COMPUTING, arg=[COMPUTING, STALE_VIEW], timeout=SETTLE_MS).json_value()
    assert "still shows the previous one" in note, note

    wanted_w = BALANCED.w_inh_nS - PRESSES
    params = replace(BALANCED, w_inh_nS=wanted_w)
    page.wait_for_function(_SETTLED_ON, arg=[COMPUTING, view_id(params, seed)], timeout=SETTLE_MS)
    wait_for_app(page)
    thumb = page.locator(".st-key-net_w_inh [data-testid='stSliderThumbValue']").inner_text()
    assert thumb == f"{wanted_w:g}" and f"net_w_inh={wanted_w:g}" in page.url, "the sliders ask for this setting"
    assert page.locator(COMPUTING).count() == 0
    page.wait_for_function(  # the view is no longer dimmed (once its fade back has run)
        "(stale) => Number(getComputedStyle(document.querySelector(stale)).opacity) === 1", arg=STALE_VIEW
    )
    status = page.get_by_text("The view shows", exact=False)
    assert f"inhibition {num(wanted_w)} nS per spike" in status.inner_text() and f"wiring {seed}" in status.inner_text()
    stats = run_network(params, seed)[1]
    metrics = page.get_by_test_id("stMetric")
    assert network_regime_name(stats, params) in metrics.filter(has_text="Regime").inner_text()
    assert num(stats.exc_rate_hz, 1) in metrics.filter(has_text="Excitatory cells").inner_text()
