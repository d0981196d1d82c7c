"""The circuits page's own prediction (with feedback, moving the sliders to the setting it asks about), its
table of regimes computed from the model, the status line that says what the view shows, and its question in
class mode's registry (``ui/page_questions.py``)."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from explainer.content import numbers as text_numbers
from explainer.content.format import PLACEHOLDER, fill, num
from explainer.content.live_descriptions import network_regime_name
from explainer.lessons import LESSONS
from explainer.model.experiments.circuits import (
    BALANCED,
    DEFAULT_NETWORK_SEED,
    SETTINGS,
    WEAK_INHIBITION_nS,
    run_network,
    runaway_onset_nS,
)
from explainer.model.spikes import REGULAR_BELOW_CV
from explainer.pages import circuits as page
from explainer.ui import dom
from explainer.ui.classroom import session
from explainer.ui.components import answer_keeper
from explainer.ui.lesson_parts import run_key
from explainer.ui.network_views import REGIME_TABLE, circuits_numbers
from explainer.ui.page_questions import CIRCUITS, PAGES
from tests.app.conftest import assert_clean, open_circuits_predicted, open_page, page_text

KEY = CIRCUITS.key(page.PREDICT)
KEEPER = f"explainer.{answer_keeper.NAME}"
QID = "circuits:predict:weaker_inhibition"


@pytest.fixture(scope="module")
def table():
    return REGIME_TABLE.get()  # computed once; the page then shows it at once


def _labels() -> tuple[list[str], str]:
    q = CIRCUITS.text.question(page.PREDICT)
    n = CIRCUITS.numbers()
    return [fill(o, n) for o in q.labels], fill(q.answer.label, n)


def _predicted(label: str):
    at = open_page("circuits.py", timeout=180)
    at.radio(key=KEY).set_value(label).run(timeout=180)
    at.button(key=run_key(KEY)).click().run(timeout=180)
    assert_clean(at)
    return at


def sent(at) -> dict:
    """What this run told the answer keeper."""
    found = [json.loads(el.proto.json) for el in at.get("bidi_component") if el.proto.component_name == KEEPER]
    return found[0] if found else {}


def _metric(at, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def test_the_prediction_comes_first_and_the_network_shows_the_starting_point(table):
    at = open_page("circuits.py", timeout=180)
    assert_clean(at)
    assert at.radio(key=KEY).value is None and not at.radio(key=KEY).disabled
    text = page_text(at)
    assert text.index("Predict first.") < text.index("The view shows"), "the question stands above the experiment"
    assert _metric(at, "Regime") == "balanced irregular", "the balanced network is what the question starts from"
    assert not at.success and not at.warning, "no verdict before the prediction"


def test_before_the_prediction_nothing_can_change_the_setting_it_asks_about(table):
    """A preset (its name, its caption) or a slider would answer the question, for the whole class when a teacher
    presents: until the prediction is run the page shows the balanced network without them, and says so."""
    for query in ({}, {"present": "true"}, {"net_w_inh": "30", "net_preset": "Weak inhibition"}):
        at = open_page("circuits.py", query, timeout=180)
        assert_clean(at)
        keys = {w.key for kind in ("button_group", "slider", "toggle", "number_input") for w in at.get(kind)}
        assert not keys & {page.PRESET_KEY, "net_w_exc", "net_w_inh", "net_ext", "net_kick", page.SEED_KEY}, query
        assert page.WORDS.text("controls_after_prediction") in page_text(at)
        assert page.WORDS.preset(page.PREDICTED_SETTING) not in page_text(at)
        assert _metric(at, "Regime") == "balanced irregular", "the balanced network, whatever the link says"
    at = _predicted(_labels()[0][0])
    assert at.segmented_control(key=page.PRESET_KEY) and at.slider(key="net_w_inh"), "open once it is run"
    assert page.WORDS.text("controls_after_prediction") not in page_text(at)


def test_a_kept_prediction_comes_back_locked_after_a_reload_with_the_controls_open(table):
    """The browser keeps the circuits prediction like a lesson's (ui/answers.py reads ui/page_questions.PAGES)."""
    labels, _ = _labels()
    at = _predicted(labels[1])
    written = {w["question"]: w["choice"] for w in sent(at)["writes"]}
    assert written == {QID: CIRCUITS.text.question(page.PREDICT).labels[1]}, "sent to the browser"
    reload = open_page("circuits.py", {"net_w_inh": "30"}, timeout=180)
    reload.session_state[dom.ANSWER_KEEPER_KEY] = {"kept": written}
    reload.run()
    assert_clean(reload)
    assert reload.radio(key=KEY).disabled and reload.radio(key=KEY).value == labels[1], "still locked"
    assert reload.slider(key="net_w_inh").value == 30, "the link's setting, controls open"


@pytest.mark.parametrize("index", range(4))
def test_running_the_prediction_moves_to_its_setting_and_gives_feedback(table, index):
    labels, answer = _labels()
    at = _predicted(labels[index])
    assert at.radio(key=KEY).disabled, "a prediction, once run, is locked in"
    values = page.presets()[page.predicted_name()].values
    assert at.segmented_control(key=page.PRESET_KEY).value == page.predicted_name()
    assert at.slider(key="net_w_inh").value == values["net_w_inh"] == WEAK_INHIBITION_nS
    weak = table.stats("weak_inhibition")
    shown = _metric(at, "Excitatory cells, mean (spikes/s)")
    assert shown == num(weak.exc_rate_hz, 1), "the experiment at that setting"
    verdict = " ".join(e.value for e in [*at.success, *at.warning])
    assert "For the setting you predicted (inhibition 30 nS per GABA spike" in verdict and labels[index] in verdict
    assert ("the model agrees" in verdict) == (labels[index] == answer)
    assert "{{" not in verdict and not any("another setting" in i.value for i in at.info)
    at.slider(key="net_w_inh").set_value(40).run(timeout=180)
    assert any("another setting than the one you predicted" in i.value for i in at.info), "moved: said so"


def test_the_feedbacks_claims_are_the_models(table):
    """More than twice as fast, still irregular, inhibitory cells firing more, and runaway only below the
    onset, which lies between no inhibition and the predicted setting."""
    n = circuits_numbers()
    balanced, weak = table.stats("balanced"), table.stats("weak_inhibition")
    assert (n["rate_balanced"], n["rate_weak"]) == (num(balanced.exc_rate_hz, 1), num(weak.exc_rate_hz, 1))
    assert float(n["rate_weak"]) > 2 * float(n["rate_balanced"]) and float(n["ratio"]) > 2
    assert weak.regime == "balanced irregular" and weak.exc_cv > REGULAR_BELOW_CV, "still irregular"
    assert n["cv_weak"] == num(weak.exc_cv, 2)
    assert weak.inh_rate_hz > balanced.inh_rate_hz, "the first option's feedback: they fire faster in fact"
    assert weak.exc_rate_hz < 1000.0 / BALANCED.t_ref_ms / 2, "far from the ceiling: not runaway"
    assert int(n["runaway_below"]) == table.runaway_below_nS


@pytest.mark.parametrize("seed", [DEFAULT_NETWORK_SEED, 2])
def test_runaway_starts_where_the_page_says_and_not_above(seed):
    """Below the onset the network runs away; from it up to the predicted setting it does not (checked around
    the onset, where the bisection's assumption matters)."""
    onset = runaway_onset_nS(BALANCED, seed)
    assert 0 < onset < WEAK_INHIBITION_nS
    for w, runs_away in ((onset - 2, True), (onset - 1, True), (onset, False), (onset + 2, False)):
        stats = run_network(replace(BALANCED, w_inh_nS=float(w)), seed)[1]
        assert (stats.regime == "runaway") == runs_away, (seed, w, stats)


def test_the_table_of_regimes_waits_for_the_prediction_and_is_the_models(table):
    at = open_page("circuits.py", timeout=180)
    assert_clean(at)
    assert "appears here once you have run your prediction" in page_text(at), "its weak row answers the question"
    assert "excitation ahead" not in "\n".join(m.value for m in at.markdown if "|" in m.value or "- **" in m.value)
    at = _predicted(_labels()[0][0])
    shown = "\n".join(m.value for m in at.markdown)
    for name, params in SETTINGS.items():
        stats = run_network(params, DEFAULT_NETWORK_SEED)[1]
        row = f"| {page.WORDS.preset_name(name)} | {num(params.w_inh_nS)} nS per spike"
        assert row in shown, row
        regime, rate = network_regime_name(stats, params), num(stats.exc_rate_hz, 1)
        assert f"| {regime} | {rate} |" in shown, (name, regime, rate)
    names = {network_regime_name(r.stats, r.params) for r in table.rows}
    assert {"silent", "balanced irregular", "excitation ahead", "runaway"} <= names, "every regime, one row each"
    assert f"less than about **{table.runaway_below_nS} nS**" in shown


def test_on_a_narrow_screen_the_table_is_one_line_per_preset(table):
    lines = page.regimes(table, narrow=True).splitlines()
    assert len(lines) == len(SETTINGS) and not any("|" in line for line in lines), "five columns do not fit"
    for line, row in zip(lines, table.rows, strict=True):
        assert page.WORDS.preset_name(row.setting) in line and num(row.stats.exc_rate_hz, 1) in line


def test_the_status_line_names_what_the_view_shows(table):
    at = open_circuits_predicted({"net_w_inh": "45", "net_kick": "false", "net_seed": "3"})
    assert_clean(at)
    line = next(c.value for c in at.caption if "The view shows" in c.value)
    assert "inhibition 45 nS per spike" in line and "no kick" in line and "wiring 3" in line


def test_the_pages_question_is_in_class_modes_registry_with_settings_only():
    """Registered once, from ui/page_questions.PAGES; its prompt and options need no network run (the registry
    reads them when a class starts), and the page uses the same words."""
    registry = session.questions_of(LESSONS)
    assert registry.options[QID] == 4 and registry.texts[QID].right == _labels()[0].index(_labels()[1])
    assert CIRCUITS in PAGES and page.CIRCUITS is CIRCUITS
    q = CIRCUITS.text.question(page.PREDICT)
    cheap = text_numbers.circuits_questions()
    for text in [q.prompt, *q.labels]:
        assert not PLACEHOLDER.findall(fill(text, cheap)), text
    full = circuits_numbers()
    assert all(full[k] == v for k, v in cheap.items()), "the feedback's numbers include the same settings"
    for option in q.options:
        assert not PLACEHOLDER.findall(fill(option.feedback, full)), option.label
