"""The lesson pages in AppTest: predict before the reveal, feedback for every answer, every widget by key,
presets, links, and the numbers quoted in the text equal to the model's."""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
import pytest

from explainer.content.format import num
from explainer.content.parse import fill
from explainer.lessons import LESSONS as COURSE
from explainer.lessons import balance as lesson_4
from explainer.lessons import gaba as lesson_3
from explainer.lessons import glutamate as lesson_2
from explainer.lessons import meet_the_neuron as lesson_1
from explainer.model import NeuronParams, neuron, spikes
from explainer.model.experiments import balance, excitability, inhibition, synapses
from explainer.ui.course import Lesson, question_key
from explainer.ui.lesson_parts import run_key
from explainer.ui.presets import Preset, presets_from
from tests.app.conftest import assert_clean, chart_specs, open_page, page_text, switch_to, views

P = NeuronParams()


@dataclass(frozen=True)
class LessonPage:
    """A lesson as these tests drive it: where to move each slider, and how many figures it shows before and
    after the prediction.  Its questions and presets come from the lesson itself."""

    lesson: Lesson
    sliders: dict[str, float]  # key -> a value to move it to
    charts_before: int  # charts shown before the prediction
    charts_after: int

    @property
    def file(self) -> str:
        return self.lesson.url

    @property
    def predict(self) -> str:
        return next(name for name in self.lesson.text.blocks if name.startswith("predict:"))

    @property
    def predict_key(self) -> str:
        return question_key(self.lesson, self.predict)

    @property
    def checks(self) -> dict[str, str]:
        """Block name -> widget key of every quick check."""
        return {name: question_key(self.lesson, name) for name in self.lesson.text.blocks if name.startswith("check:")}

    @property
    def presets(self) -> dict[str, dict[str, Preset]]:
        """Preset control key -> its presets by shown name."""
        experiments = self.lesson.experiments.values()
        return {
            e.preset_key: presets_from(e.preset_words or self.lesson.words, e.presets) for e in experiments if e.presets
        }


LESSONS = [
    LessonPage(lesson_1.LESSON, {"l1_current": 550, "l1_tref": 6}, 0, 1),
    LessonPage(
        lesson_2.LESSON, {"l2_hold": -25, "l2_mg": 0.5, "l2_synapses": 30, "l2_volleys": 2, "l2_interval": 12}, 1, 3
    ),
    LessonPage(lesson_3.LESSON, {"l3_egaba": -55, "l3_ggaba": 25, "l3_cl_in": 30, "l3_cl_out": 100}, 0, 3),
    LessonPage(lesson_4.LESSON, {"l4_glu": 4000, "l4_gaba": 3000}, 0, 3),
]
IDS = [lp.file for lp in LESSONS]


def test_these_tests_cover_every_lesson_of_the_course():
    assert [lp.lesson for lp in LESSONS] == list(COURSE)


def _text(lp: LessonPage):
    return lp.lesson.text


def _presets(lp: LessonPage) -> dict[str, Preset]:
    return {name: preset for presets in lp.presets.values() for name, preset in presets.items()}


def _labels(lp: LessonPage, block: str) -> tuple[list[str], str]:
    q = _text(lp).question(block)
    numbers = lp.lesson.numbers()
    return [fill(o, numbers) for o in q.labels], fill(q.answer.label, numbers)


def _predict(at, lp: LessonPage, label: str) -> None:
    """Choose ``label`` and press "Run the experiment" (choosing alone only selects it)."""
    at.radio(key=lp.predict_key).set_value(label).run()
    at.button(key=run_key(lp.predict_key)).click().run()


def _revealed(lp: LessonPage, query: dict | None = None):
    at = open_page(lp.file, query)
    assert_clean(at)
    _, answer = _labels(lp, lp.predict)
    _predict(at, lp, answer)
    assert_clean(at)
    return at


def _chart_by_key(at, key: str) -> dict:
    """The figure JSON of the chart with this widget key."""
    import json

    for el in at.get("plotly_chart"):
        if key in str(el.proto.id):
            return json.loads(el.proto.spec)
    raise AssertionError(f"no chart with key {key}")


@pytest.mark.parametrize("lp", LESSONS, ids=IDS)
def test_prediction_comes_before_the_reveal(lp):
    at = open_page(lp.file)
    assert_clean(at)
    assert at.title and at.title[0].value == _text(lp).title
    assert at.radio(key=lp.predict_key).value is None, "the prediction starts unanswered"
    assert len(at.get("plotly_chart")) == lp.charts_before, "the experiment must wait for the prediction"
    assert not [s for s in at.slider], "no experiment sliders before predicting"
    assert "once you have made your prediction" in " ".join(i.value for i in at.info)
    text = page_text(at)
    assert "Goal." in text and "Predict first." in text
    found = [b for name, b in _text(lp).blocks.items() if name.startswith("found:")]
    assert found and "What you found" not in text, "the answer waits for the prediction"
    assert not any(fill(b, lp.lesson.numbers()) in text for b in found)


@pytest.mark.parametrize("lp", LESSONS, ids=IDS)
def test_every_prediction_gets_feedback_after_the_reveal(lp):
    labels, answer = _labels(lp, lp.predict)
    for label in labels:
        at = open_page(lp.file)  # a prediction is locked in once run: one visit per answer
        _predict(at, lp, label)
        assert_clean(at)
        assert len(at.get("plotly_chart")) + len(views(at)) == lp.charts_after, "static charts + animated views"
        if label == answer:
            feedback = " ".join(s.value for s in at.success)
            assert "he model agrees" in feedback and label in feedback
        else:
            feedback = " ".join(w.value for w in at.warning)
            assert "he model shows something else" in feedback and label in feedback
            assert answer in feedback, "a wrong prediction is followed by what does happen"
    assert "Why?" in page_text(at) and "Try this" in page_text(at)
    found = [fill(b, lp.lesson.numbers()) for name, b in _text(lp).blocks.items() if name.startswith("found:")]
    assert "What you found" in page_text(at) and all(f in page_text(at) for f in found), "after the reveal"


@pytest.mark.parametrize(
    ("file", "moves", "setting"),
    [
        ("glutamate", {"l2_mg": 0.0}, "1 mM magnesium"),
        ("gaba", {"l3_egaba": -30, "l3_ggaba": 40}, "E_GABA at rest"),
    ],
)
def test_the_verdict_names_the_setting_predicted_and_other_settings_are_called_new(file, moves, setting):
    """With the sliders moved, the verdict names the setting the prediction was about, so a "The model agrees"
    never sits unexplained under a chart that shows the opposite."""
    lp = next(lp for lp in LESSONS if lp.file == file)
    _, answer = _labels(lp, lp.predict)
    at = open_page(lp.file)
    _predict(at, lp, answer)
    verdict = " ".join(s.value for s in at.success)
    assert f"For the setting you predicted ({setting}" in verdict and "the model agrees" in verdict
    assert not any("another setting" in i.value for i in at.info), "at the predicted setting: no note"
    for key, value in moves.items():
        at.slider(key=key).set_value(value).run()
    assert_clean(at)
    assert any("another setting than the one you predicted" in i.value for i in at.info), "moved: the note says so"


@pytest.mark.parametrize("lp", LESSONS, ids=IDS)
def test_choosing_only_selects_and_run_the_experiment_locks_it_in(lp):
    labels, _ = _labels(lp, lp.predict)
    at = open_page(lp.file)
    at.radio(key=lp.predict_key).set_value(labels[0]).run()
    assert_clean(at)
    assert len(at.get("plotly_chart")) == lp.charts_before, "choosing an option (arrow keys) must not reveal yet"
    assert not at.button(key=run_key(lp.predict_key)).disabled
    at.radio(key=lp.predict_key).set_value(labels[-1]).run()  # changing one's mind before running is fine
    at.button(key=run_key(lp.predict_key)).click().run()
    assert_clean(at)
    assert at.radio(key=lp.predict_key).disabled, "a prediction, once run, is locked in"
    assert labels[-1] in " ".join(e.value for e in [*at.success, *at.warning]), "the feedback names the prediction"


@pytest.mark.parametrize("lp", LESSONS, ids=IDS)
def test_a_student_who_comes_back_finds_their_prediction_and_the_experiment(lp):
    labels, _ = _labels(lp, lp.predict)
    at = open_page(lp.file)
    _predict(at, lp, labels[1])
    answers = {}
    for block, key in lp.checks.items():
        answers[key] = _labels(lp, block)[0][-1]
        at.radio(key=key).set_value(answers[key]).run()
    switch_to(at, "glossary.py").run()
    assert_clean(at)
    switch_to(at, lp.file).run()
    assert_clean(at)
    assert at.radio(key=lp.predict_key).value == labels[1], "the prediction is kept for the session"
    assert len(at.get("plotly_chart")) + len(views(at)) == lp.charts_after, "and the experiment stays revealed"
    for key, answer in answers.items():
        assert at.radio(key=key).value == answer, f"the quick check {key}'s answer is kept for the session too"
    assert len(at.success) + len(at.warning) >= 1 + len(answers), "with its feedback"


@pytest.mark.parametrize("lp", LESSONS, ids=IDS)
def test_every_check_answer_gets_immediate_feedback(lp):
    at = _revealed(lp)
    for block, key in lp.checks.items():
        labels, answer = _labels(lp, block)
        assert at.radio(key=key).value is None
        for label in labels:
            at.radio(key=key).set_value(label).run()
            assert_clean(at)
            q = _text(lp).question(block)
            option = next(o for o in q.options if fill(o.label, lp.lesson.numbers()) == label)
            feedback = fill(option.feedback, lp.lesson.numbers())
            if label == answer:
                assert any(s.value.startswith("**Right.**") and feedback in s.value for s in at.success), label
            else:
                assert any(w.value.startswith("**Not quite.**") and feedback in w.value for w in at.warning), label


@pytest.mark.parametrize(
    "lp,key,value", [(lp, k, v) for lp in LESSONS for k, v in lp.sliders.items()], ids=lambda x: getattr(x, "file", x)
)
def test_each_slider_changes_a_chart(lp, key, value):
    at = _revealed(lp)
    before = (chart_specs(at), {k: v.header["id"] for k, v in views(at).items()})
    at.slider(key=key).set_value(value).run()
    assert_clean(at)
    assert at.slider(key=key).value == value
    after = (chart_specs(at), {k: v.header["id"] for k, v in views(at).items()})
    assert after != before, f"moving {key} must change a figure"
    if views(at):
        assert after[1] != before[1], f"moving {key} must send the animated view new data"


@pytest.mark.parametrize(
    "lp,selector,name",
    [(lp, sel, name) for lp in LESSONS for sel, presets in lp.presets.items() for name in presets],
    ids=lambda x: getattr(x, "file", x),
)
def test_presets_set_the_sliders(lp, selector, name):
    at = _revealed(lp)
    at.segmented_control(key=selector).set_value(name).run()
    assert_clean(at)
    for key, value in lp.presets[selector][name].values.items():
        assert at.slider(key=key).value == pytest.approx(value), f"{name} must set {key}"
    assert name in " ".join(c.value for c in at.caption)


@pytest.mark.parametrize("lp", LESSONS, ids=IDS)
def test_moving_a_slider_after_a_preset_deselects_it(lp):
    selector, presets = next(iter(lp.presets.items()))
    name = next(iter(presets))
    at = _revealed(lp)
    at.segmented_control(key=selector).set_value(name).run()
    key = next(iter(presets[name].values))
    at.slider(key=key).set_value(lp.sliders[key]).run()
    assert at.segmented_control(key=selector).value is None


@pytest.mark.parametrize("lp", LESSONS, ids=IDS)
def test_a_link_restores_the_sliders_and_bad_values_are_clamped(lp):
    good = {k: str(v) for k, v in lp.sliders.items()}
    at = _revealed(lp, good)
    for key, value in lp.sliders.items():
        assert at.slider(key=key).value == pytest.approx(value)
    key = next(iter(lp.sliders))
    at = _revealed(lp, {key: "1e9"})
    assert "outside" in " ".join(w.value for w in at.warning)
    at = _revealed(lp, {key: "<b>x</b>"})
    notes = " ".join(w.value for w in at.warning)
    assert "not a number" in notes and "<b>" not in notes


@pytest.mark.parametrize("lp", LESSONS, ids=IDS)
def test_every_placeholder_is_filled(lp):
    text = _text(lp)
    numbers = lp.lesson.numbers()
    for name, block in text.blocks.items():
        assert "{{" not in fill(block, numbers), f"{lp.file} {name} uses a number the page does not provide"
    at = _revealed(lp)
    for key in lp.checks.values():
        at.radio(key=key).set_value(at.radio(key=key).options[0]).run()
    assert "{{" not in page_text(at) + " ".join(s.value for s in at.success)


# --- the numbers quoted in the text are the model's ----------------------------------------------


def test_lesson_1_numbers_are_the_models():
    n = lesson_1.LESSON.numbers()
    fi = excitability.fi_curve(P)
    rate = dict(zip(fi.currents_pA.tolist(), fi.model_rate_hz.tolist(), strict=True))
    assert n["rheobase"] == num(P.g_L_nS * (P.V_th_mV - P.E_L_mV)) == "200"
    assert n["rate_a"] == num(rate[500.0]) and n["rate_b"] == num(rate[1000.0])
    assert rate[1000.0] < 2 * rate[500.0], "the text says doubling the current does not double the rate"
    assert n["max_rate"] == num(1000.0 / P.t_ref_ms) and rate[1000.0] < 1000.0 / P.t_ref_ms
    assert n["v_inf_below"] == num(P.E_L_mV + 190.0 / P.g_L_nS) and 190.0 < P.rheobase_pA
    low = float(n["i_low"])
    assert (n["rate_low"], n["rate_low_doubled"]) == (num(rate[low]), num(rate[2 * low]))
    assert rate[2 * low] > 3 * rate[low], "the text: just above the rheobase, doubling more than triples the rate"
    assert float(n["rate_low_doubled"]) > 3 * float(n["rate_low"]), "and so do the rounded numbers it shows"
    at = _revealed(LESSONS[0])
    text = " ".join(page_text(at).split())
    assert f"from {n['rate_a']} to {n['rate_b']} in the simulation, and no current" in text
    assert f"from {n['rate_low']} to {n['rate_low_doubled']} spikes per second, more than three times" in text
    assert "**200 pA**" in text


def test_lesson_1_readouts_follow_the_model():
    at = _revealed(LESSONS[0], {"l1_current": "400", "l1_tref": "3"})
    run = excitability.current_step_run(replace(P, t_ref_ms=3.0), 400.0, duration_ms=1000.0)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Steady firing rate"] == f"{spikes.steady_rate_hz(run.spike_times_ms):.0f} spikes/s"
    assert metrics["V would settle at (no spiking)"] == "−30.0 mV"


def test_lesson_2_numbers_are_the_models():
    n = lesson_2.LESSON.numbers()
    c = synapses.nmda_coincidence(P, -40.0)
    e = synapses.single_epsp(P)
    assert n["nmda_rest"] == f"{c.at_rest.peak_mV:.2f}" and n["nmda_depol"] == f"{c.depolarised.peak_mV:.2f}"
    assert (n["nmda_rest"], n["nmda_depol"]) == ("0.14", "0.40")
    assert n["nmda_ratio"] == f"{c.ratio:.0f}" and c.ratio > 1, "the text says the depolarised EPSP is bigger"
    # "about N times": the ratio of the two rounded numbers the text shows rounds to the same N
    assert round(float(n["nmda_depol"]) / float(n["nmda_rest"])) == int(n["nmda_ratio"])
    assert n["B_rest"] == f"{c.block_at_rest:.3f}" and n["B_depol"] == f"{c.block_depolarised:.3f}"
    assert n["epsp_both"] == f"{e.both.peak_mV:.2f}" and n["epsp_nmda_rest"] == f"{e.nmda_only.peak_mV:.2f}"
    assert int(n["n_needed"]) == synapses.synapses_to_fire(P) > int(n["n_linear"]), "they add up less than perfectly"
    at = _revealed(LESSONS[1])
    text = " ".join(page_text(at).split())
    assert f"{n['nmda_rest']} mV at rest and {n['nmda_depol']} mV when depolarised" in text
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["NMDA EPSP at rest (−70 mV)"] == "0.14 mV" and metrics["NMDA EPSP at −40 mV"] == "0.40 mV"


def test_lesson_2_summation_and_timing_claims_hold():
    """The text: one volley needs more synapses than adding up AMPA EPSPs would; the slow NMDA part peaks too
    late to help (without NMDA the cell needs as many); and the NMDA part peaks long after the AMPA part."""
    n = lesson_2.LESSON.numbers()
    e = synapses.single_epsp(P)
    assert n["epsp_ampa"] == f"{e.ampa_only.peak_mV:.2f}" and n["nmda_peak_ms"] == num(e.nmda_only.peak_time_ms)
    gap = P.V_th_mV - P.E_L_mV
    assert int(n["n_linear"]) * float(n["epsp_ampa"]) >= gap > (int(n["n_linear"]) - 1) * float(n["epsp_ampa"])
    assert int(n["n_needed"]) > int(n["n_linear"]), "they add up less than perfectly"
    assert n["n_needed_ampa"] == n["n_needed"] == num(synapses.synapses_to_fire(replace(P, g_nmda_max_nS=0.0)))
    assert e.nmda_only.peak_time_ms > 5 * e.ampa_only.peak_time_ms, "the NMDA part peaks far later"
    assert e.ampa_only.peak_mV > e.nmda_only.peak_mV


def test_lesson_2_no_magnesium_claim_holds():
    """The text says: at 0 mM Mg2+ the EPSP at rest becomes the bigger one."""
    at = _revealed(LESSONS[1], {"l2_mg": "0"})
    metrics = {m.label: m.value for m in at.metric}
    rest = float(metrics["NMDA EPSP at rest (−70 mV)"].split()[0])
    depol = float(metrics["NMDA EPSP at −40 mV"].split()[0])
    assert rest > depol


def test_lesson_3_numbers_are_the_models():
    n = lesson_3.LESSON.numbers()
    shunt = inhibition.shunting_experiment(P)
    mid = inhibition.shunting_experiment(replace(P, E_gaba_mV=-60.0))
    young = inhibition.shunting_experiment(replace(P, E_gaba_mV=-40.0))
    assert n["shunt_dv"] == "0.0", "shunting: V at rest does not move"
    assert n["rate_before"] == f"{shunt.rate_without_gaba_hz:.0f}"
    assert n["rate_shunt"] == f"{shunt.rate_with_gaba_hz:.0f}"
    assert shunt.rate_with_gaba_hz < shunt.rate_without_gaba_hz, "... yet firing drops"
    assert mid.dv_at_rest_mV > 0 and mid.rate_with_gaba_hz < mid.rate_without_gaba_hz, "depolarising yet inhibitory"
    assert n["mid_dv"] == f"{mid.dv_at_rest_mV:.1f}" and n["rate_mid"] == f"{mid.rate_with_gaba_hz:.0f}"
    assert young.rate_with_gaba_hz > young.rate_without_gaba_hz, "immature: depolarising and exciting"
    assert n["young_dv"] == f"{young.dv_at_rest_mV:.1f}" and n["rate_young"] == f"{young.rate_with_gaba_hz:.0f}"
    assert float(n["tau_exc"]) < float(n["tau_m"]), "the text: the glutamate input already shortened the time constant"
    vinf_exc, vinf_shunt = float(n["vinf_exc"].replace("−", "-")), float(n["vinf_shunt"].replace("−", "-"))
    assert vinf_exc > vinf_shunt > P.V_th_mV, "the text: still above threshold but much closer"
    assert float(n["tau_shunt"]) < float(n["tau_exc"])
    at = _revealed(LESSONS[2])
    text = " ".join(page_text(at).split())
    assert f"**{n['shunt_dv']} mV**" in text
    assert f"**{n['rate_before']} to {n['rate_shunt']} spikes per second**" in text
    metrics: dict[str, str] = {}
    for m in at.metric:  # the first experiment's (the chloride experiment below repeats two of its labels)
        metrics.setdefault(m.label, m.value)
    assert metrics["GABA alone moves the resting cell by"] == "0.0 mV"
    assert metrics["Driven cell, with GABA"] == f"{n['rate_shunt']} spikes/s"


def test_lesson_3_immature_check_claims_hold():
    """The check's answer: E_GABA of an immature neuron lies above threshold, GABA alone lifts the resting cell
    only to a level short of threshold, and the driven cell fires faster with it."""
    n = lesson_3.LESSON.numbers()
    young = replace(P, E_gaba_mV=inhibition.E_GABA_IMMATURE_mV)
    v = inhibition.steady_potential_mV(young, 0.0, inhibition.SHUNT_GABA_nS)
    assert n["vinf_young_rest"] == num(v) and P.E_L_mV < v < P.V_th_mV < young.E_gaba_mV
    exp = inhibition.shunting_experiment(young)
    assert exp.at_rest.spike_times_ms.size == 0 and exp.rate_with_gaba_hz > exp.rate_without_gaba_hz


def test_lesson_3_shows_when_gaba_alone_fires_the_resting_cell():
    at = _revealed(LESSONS[2], {"l3_egaba": "-30", "l3_ggaba": "40"})
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["GABA alone, resting cell"].startswith("fires")


def test_lesson_4_numbers_are_the_models():
    n = lesson_4.LESSON.numbers()
    reg = balance.regularity_comparison()
    rmap = balance.rate_map()
    assert n["cv_a"] == f"{reg.cv_excitation_only:.2f}" and n["cv_b"] == f"{reg.cv_balanced:.2f}"
    assert reg.cv_balanced > reg.cv_excitation_only, "the text: cell B is the irregular one"
    rates = (reg.excitation_only.firing_rate_hz, reg.balanced.firing_rate_hz)
    assert (n["rate_cell_a"], n["rate_cell_b"]) == tuple(f"{r:.0f}" for r in rates)
    assert rates[1] > 0, "not switched off"
    assert max(rates) / min(rates) < 1.25, "the text: both cells fire about as often"
    assert reg.cv_balanced >= 0.8, "the text: cell B's CV comes close to a random train's (1)"
    assert n["gaba_ampa_ratio"] == f"{P.tau_gaba_ms / P.tau_ampa_ms:g}" and P.tau_gaba_ms > P.tau_ampa_ms
    row0 = rmap.rate_hz[0]
    assert n["silent_up_to"] == f"{rmap.glutamate_rates_hz[row0 == 0].max():.0f}"
    assert np.all(row0[rmap.glutamate_rates_hz > float(n["silent_up_to"])] > 0), "silent up to there, then firing"
    assert n["top_rate"] == f"{row0.max():.0f}" and n["map_cells"] == "81" and n["map_seconds"] == "0.5"
    first_firing = [int(np.argmax(row > 0)) if np.any(row > 0) else row.size for row in rmap.rate_hz]
    assert first_firing == sorted(first_firing), "the text: more GABA pushes the silence/firing border to the right"
    at = _revealed(LESSONS[3])
    text = " ".join(page_text(at).split())
    assert f"has CV {n['cv_a']}: its spikes are irregular too, but less so" in text
    assert f"whose CV of {n['cv_b']} comes close to a random train's" in text
    # The text's claims on the two cells: both below threshold on average, B lower and far faster.
    (vinf_a, tau_a), (vinf_b, tau_b) = balance.steady_level(reg.excitation_only), balance.steady_level(reg.balanced)
    assert (n["vinf_a"], n["vinf_b"]) == (f"{vinf_a:.1f}".replace("-", "−"), f"{vinf_b:.1f}".replace("-", "−"))
    assert vinf_b < vinf_a < P.V_th_mV, "both settle below threshold, B further below"
    assert tau_b < tau_a / 2 and (n["tau_a"], n["tau_b"]) == (f"{tau_a:.0f}", f"{tau_b:.0f}")
    assert f"cell A would settle at {n['vinf_a']} mV and cell B at {n['vinf_b']} mV" in text
    # "adding GABA can raise the mean V": fewer spikes, less time at the reset
    v = lambda s: float(s.replace("−", "-"))  # noqa: E731
    assert v(n["vbar_gaba"]) > v(n["vbar_no_gaba"]) and int(n["rate_gaba"]) < int(n["rate_no_gaba"])
    assert f"averages {n['vbar_no_gaba']} mV" in text and f"averages {n['vbar_gaba']} mV" in text


def test_lesson_4_cell_a_hovers_at_threshold_and_cell_b_sits_further_below():
    """The text (with spiking switched off, V's own statistics): cell A hovers right at threshold, cell B sits
    further below it, by more of its swings, so only its rarer larger jumps reach threshold; B's membrane is
    faster.  Its swings are not larger: the text does not say so, and the model would contradict it."""
    from explainer.model.experiments.common import SPIKING_OFF_V_th_mV
    from explainer.model.neuron import simulate_neuron

    def free_v(settings):
        s = replace(settings, duration_ms=5000.0)
        params = replace(s.neuron_params(), V_th_mV=SPIKING_OFF_V_th_mV)
        v = simulate_neuron(params, balance.tug_of_war_input(s), s.duration_ms, s.dt_ms).v_mV[2000:]
        return v.mean(), v.std(), float(np.mean(v > P.V_th_mV))

    (mean_a, sd_a, above_a), (mean_b, sd_b, above_b) = free_v(balance.EXCITATION_ONLY), free_v(balance.BALANCED)
    assert abs(mean_a - P.V_th_mV) < 0.5 * sd_a, "A hovers right at threshold"
    assert (P.V_th_mV - mean_b) / sd_b > 2 * (P.V_th_mV - mean_a) / sd_a, "B sits further below, in swings"
    assert above_b < above_a / 2, "B reaches threshold more rarely"
    assert 0.75 < sd_b / sd_a < 1.33, "the swings are about the same size"


def test_lesson_4_ring_follows_the_sliders_and_readouts_are_the_playground_model():
    at = _revealed(LESSONS[3], {"l4_glu": "5000", "l4_gaba": "2000"})
    ring = next(t for t in _chart_by_key(at, "l4_rate_map")["data"] if t.get("name") == "your sliders")
    assert (ring["x"], ring["y"]) == ([5000.0], [2000.0])
    from explainer.model.experiments.balance import TugOfWarSettings, run_tug_of_war

    run, _ = run_tug_of_war(TugOfWarSettings(glutamate_rate_hz=5000, gaba_rate_hz=2000))
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Output firing rate"] == f"{run.firing_rate_hz:.0f} spikes/s"
    assert metrics["Irregularity (CV of the gaps)"] == f"{spikes.isi_cv(run.spike_times_ms):.2f}"
    silent = _revealed(LESSONS[3], {"l4_glu": "0", "l4_gaba": "0"})
    assert {m.label: m.value for m in silent.metric}["Irregularity (CV of the gaps)"] == "too few spikes"


# --- what the presets' one-line descriptions promise -------------------------------------------------


def test_preset_descriptions_are_true_to_the_model():
    from explainer.model.experiments.balance import TugOfWarSettings, run_tug_of_war

    l1 = _presets(LESSONS[0])
    for name, silent in (("Below the rheobase", True), ("Just above the rheobase", False), ("Strong current", False)):
        run = excitability.current_step_run(P, float(l1[name].values["l1_current"]), 300.0)
        assert (run.spike_times_ms.size == 0) == silent, name
    long_ref = replace(P, t_ref_ms=float(l1["Long refractory period"].values["l1_tref"]))
    assert excitability.fi_curve(long_ref).model_rate_hz.max() < 1000.0 / long_ref.t_ref_ms

    for name, fires in (("One synapse", False), ("Spatial summation", True), ("Temporal summation", True)):
        v = _presets(LESSONS[1])[name].values
        s = synapses.summation(P, v["l2_synapses"], float(v["l2_interval"]), n_volleys=v["l2_volleys"])
        assert s.fired == fires, name
    v = _presets(LESSONS[1])["Too far apart"].values
    assert not synapses.summation(P, v["l2_synapses"], float(v["l2_interval"]), n_volleys=v["l2_volleys"]).fired
    assert synapses.single_epsp(P).both.peak_mV < 1.0, "one synapse: an EPSP well under a millivolt"
    no_mg = _presets(LESSONS[1])["No magnesium"].values
    c = synapses.nmda_coincidence(replace(P, mg_mM=no_mg["l2_mg"]), no_mg["l2_hold"])
    assert c.at_rest.peak_mV > c.depolarised.peak_mV, "no magnesium: the EPSP at rest is the bigger one"
    strong = _presets(LESSONS[1])["Strongly depolarised"].values
    assert 0.4 < float(neuron.mg_block(strong["l2_hold"])) < 0.6, "about half free of magnesium"

    def gaba(name):
        v = _presets(LESSONS[2])[name].values
        return inhibition.shunting_experiment(
            replace(P, E_gaba_mV=float(v["l3_egaba"])), g_gaba_nS=float(v["l3_ggaba"])
        )

    hyper = gaba("Mature neuron (−80 mV)")
    assert hyper.dv_at_rest_mV < 0 and hyper.rate_with_gaba_hz == 0, "silences it"
    assert hyper.driven.spike_times_ms[hyper.driven.spike_times_ms > hyper.gaba_on_ms + 50].min() > hyper.gaba_off_ms
    shunt = gaba("Shunting (−70 mV, at rest)")
    assert abs(shunt.dv_at_rest_mV) < 1e-9 and shunt.rate_with_gaba_hz < shunt.rate_without_gaba_hz
    mid = gaba("Depolarising but inhibitory (−60 mV)")
    assert mid.dv_at_rest_mV > 0 and mid.rate_with_gaba_hz < mid.rate_without_gaba_hz
    young = gaba("Immature neuron (−40 mV)")
    assert young.dv_at_rest_mV > 0 and young.rate_with_gaba_hz > young.rate_without_gaba_hz

    def tug(name):
        v = _presets(LESSONS[3])[name].values
        run, _ = run_tug_of_war(TugOfWarSettings(glutamate_rate_hz=v["l4_glu"], gaba_rate_hz=v["l4_gaba"]))
        return run

    wins = tug("Excitation wins")
    balanced = tug("Both strong, balanced")
    assert wins.firing_rate_hz > 40 and spikes.isi_cv(wins.spike_times_ms) < 0.5, "fast, fairly regular"
    assert 0 < balanced.firing_rate_hz < wins.firing_rate_hz / 2, "fewer spikes than when excitation wins"
    assert spikes.isi_cv(balanced.spike_times_ms) > 0.7, "irregular"
    assert tug("Inhibition wins").spike_times_ms.size == 0 and tug("No input").spike_times_ms.size == 0
