"""Where the resting potential and E_GABA come from: lesson 1's paragraph on the negative inside (potassium's
equilibrium potential) and lesson 3's chloride experiment ([Cl-] in and out -> E_Cl -> what GABA does to the
cell), against the Nernst equation, textbook values and the ranges the texts quote."""

from __future__ import annotations

import json
import math

import pytest

from explainer.content.format import num
from explainer.content.lesson_descriptions import describe_chloride, gaba_effect, gaba_verdict
from explainer.content.parse import fill
from explainer.lessons import gaba as lesson_3
from explainer.lessons import meet_the_neuron as lesson_1
from explainer.lessons.gaba.experiments import CHLORIDE, CL_IN, CL_OUT
from explainer.model import NeuronParams, ions
from explainer.model.experiments import inhibition
from explainer.ui.course import question_key
from explainer.ui.lesson_parts import run_key
from tests.app.conftest import assert_clean, open_page, page_text

P = NeuronParams()
RT_F_37C_mV = 8.314462618 * 310.15 / 96485.33212 * 1000.0  # written out, not taken from the model
METRIC_E_CL = "E_Cl = E_GABA (Nernst, 37 °C)"


def _mV(text: str) -> float:
    return float(text.replace("−", "-").replace("+", "").split()[0])


def _nernst(out_mM: float, in_mM: float, z: int) -> float:
    return RT_F_37C_mV / z * math.log(out_mM / in_mM)


def _range_quoted(text: str, a: str, b: str) -> tuple[float, float]:
    """A range "−64 to −83 mV" the text quotes (it must quote it), as (low, high)."""
    assert f"{a} to {b} mV" in " ".join(text.split()), f"the text quotes {a} to {b} mV"
    lo, hi = sorted((_mV(a), _mV(b)))
    return lo, hi


# --- lesson 1: why the inside is negative ------------------------------------------------------------------


def test_lesson_1_quotes_potassiums_equilibrium_potential_from_the_nernst_equation():
    n = lesson_1.LESSON.numbers()
    e_k = _nernst(ions.K_OUT_mM, ions.K_IN_mM, +1)
    assert n["e_k"] == num(e_k) == "−89", "Purves et al.'s 5 mM outside, 140 mM inside at 37 °C"
    assert (n["k_in"], n["k_out"]) == ("140", "5")
    assert e_k < P.E_L_mV, "the text: the resting potential lies a little above E_K"
    at = open_page(lesson_1.LESSON.url)
    assert_clean(at)
    text = " ".join(page_text(at).split())
    assert "**Why negative?**" in text, "the paragraph stands before the prediction"
    assert f"about {n['k_in']} mM of potassium inside against {n['k_out']} mM outside" in text
    assert f"{n['e_k']} mV at body temperature by the [Nernst equation](glossary#nernst-equation)" in text
    assert "[sodium–potassium pump](glossary#sodium-potassium-pump)" in text and "[leak channels](glossary" in text


# --- lesson 3: E_Cl, the presets and the ranges the texts quote ---------------------------------------------


def test_the_nernst_equation_gives_the_textbook_chloride_potential():
    """120 mM outside, 7 mM inside at body temperature: about −76 mV (the review's textbook example)."""
    assert ions.nernst_mV(120.0, 7.0, -1) == pytest.approx(-76.0, abs=0.5)
    assert ions.nernst_mV(120.0, 7.0, -1) == pytest.approx(_nernst(120.0, 7.0, -1), abs=1e-9)
    assert ions.thermal_voltage_mV() == pytest.approx(RT_F_37C_mV)
    assert ions.thermal_voltage_mV(293.15) == pytest.approx(25.26, abs=0.01), "colder, smaller: RT/F at 20 °C"
    n = lesson_3.LESSON.numbers()
    assert n["rt_over_f"] == "26.7" and n["e_cl"] == num(_nernst(120.0, 7.0, -1), 1) == "−75.9"


def test_the_presets_e_cl_lie_in_the_ranges_the_lesson_quotes():
    text = lesson_3.LESSON.text
    n = lesson_3.LESSON.numbers()
    mature_lo, mature_hi = _range_quoted(fill(text.block("text:intro"), n), "−64", "−83")
    dev_lo, dev_hi = _range_quoted(fill(text.block("explain:chloride"), n), "−35", "−40")
    values = {name: preset for name, preset in CHLORIDE.presets.items()}
    mature = _nernst(values["mature_kcc2"]["l3_cl_out"], values["mature_kcc2"]["l3_cl_in"], -1)
    developing = _nernst(values["developing"]["l3_cl_out"], values["developing"]["l3_cl_in"], -1)
    assert mature_lo <= mature <= mature_hi, mature
    assert dev_lo <= developing <= dev_hi, developing
    assert n["e_cl"] == num(mature, 1) and n["e_cl_dev"] == num(developing, 1)
    assert CHLORIDE.defaults == (values["mature_kcc2"]["l3_cl_in"], values["mature_kcc2"]["l3_cl_out"])


def test_the_presets_captions_and_the_explanation_say_what_the_model_does():
    """Mature (KCC2): E_Cl below rest, GABA hyperpolarises and inhibits.  Developing (NKCC1): E_Cl above
    threshold, GABA depolarises and excites.  The explanation's numbers are the model's."""
    words = lesson_3.LESSON.words
    n = lesson_3.LESSON.numbers()
    mature = inhibition.chloride_experiment(ions.CL_OUT_mM, ions.CL_IN_MATURE_mM)
    developing = inhibition.chloride_experiment(ions.CL_OUT_mM, ions.CL_IN_DEVELOPING_mM)
    assert mature.e_cl_mV < P.E_L_mV and gaba_effect(mature.shunt) == ("hyperpolarises", "inhibits")
    assert developing.e_cl_mV > P.V_th_mV and gaba_effect(developing.shunt) == ("depolarises", "excites")
    assert "E_Cl lies below rest, and GABA hyperpolarises and inhibits" in words.preset("mature_kcc2")
    assert "E_Cl lies above threshold, and GABA depolarises and excites" in words.preset("developing")
    assert n["mature_dv"] == num(mature.shunt.dv_at_rest_mV, 1, signed=True) and mature.shunt.dv_at_rest_mV < 0
    assert n["mature_rate"] == num(mature.shunt.rate_with_gaba_hz)
    assert mature.shunt.rate_with_gaba_hz < mature.shunt.rate_without_gaba_hz
    assert n["dev_dv"] == num(developing.shunt.dv_at_rest_mV, 1, signed=True)
    assert n["dev_rate"] == num(developing.shunt.rate_with_gaba_hz)
    assert developing.shunt.rate_with_gaba_hz > developing.shunt.rate_without_gaba_hz


def test_the_chloride_experiment_uses_e_cl_as_e_gaba_in_the_lessons_cell():
    exp = inhibition.chloride_experiment(110.0, 12.0, P)
    assert exp.e_cl_mV == pytest.approx(_nernst(110.0, 12.0, -1))
    assert exp.shunt.driven.params.E_gaba_mV == pytest.approx(exp.e_cl_mV)
    same = inhibition.shunting_experiment(NeuronParams(E_gaba_mV=exp.e_cl_mV))
    assert exp.shunt.rate_with_gaba_hz == same.rate_with_gaba_hz, "the same cell as the first experiment"


@pytest.mark.parametrize("cl_out", [CL_OUT.lo, 120, CL_OUT.hi])
def test_every_chloride_setting_gets_a_true_description(cl_out):
    """Across the sliders: E_Cl in the description is the Nernst value, its place (below rest, between rest and
    threshold, above threshold) is right, and GABA's verdict follows from what the model did."""
    for cl_in in range(CL_IN.lo, CL_IN.hi + 1, 4):
        exp = inhibition.chloride_experiment(cl_out, cl_in, P)
        text = describe_chloride(exp)
        assert f"puts E_Cl at {num(_nernst(cl_out, cl_in, -1), 1)} mV" in text
        if exp.e_cl_mV < P.E_L_mV:
            assert "below the resting potential" in text
        elif exp.e_cl_mV < P.V_th_mV:
            assert "above the resting potential" in text and "below the threshold" in text
        else:
            assert "above the threshold" in text
        verdict = gaba_verdict(exp.shunt)
        assert verdict and text.endswith(verdict), (cl_in, cl_out, text)
        before, during = round(exp.shunt.rate_without_gaba_hz), round(exp.shunt.rate_with_gaba_hz)
        assert ("inhibits" in verdict) == (during < before) and ("excites" in verdict) == (during > before)


def test_the_try_this_answer_is_the_chloride_where_gaba_stops_lowering_the_rate():
    n = lesson_3.LESSON.numbers()
    c = int(n["cl_neutral"])
    at = inhibition.chloride_experiment(ions.CL_OUT_mM, c).shunt
    below = inhibition.chloride_experiment(ions.CL_OUT_mM, c - 1).shunt
    assert at.rate_with_gaba_hz >= at.rate_without_gaba_hz > below.rate_with_gaba_hz
    assert _mV(n["e_cl_neutral"]) >= _mV(n["e_gaba_neutral"]) - 0.5, "close to the first answer's E_GABA"


# --- lesson 3 on the page -------------------------------------------------------------------------------------


def _revealed_lesson_3(query: dict | None = None):
    lesson = lesson_3.LESSON
    block = next(b for b in lesson.text.blocks if b.startswith("predict:"))
    key = question_key(lesson, block)
    at = open_page(lesson.url, query)
    at.radio(key=key).set_value(at.radio(key=key).options[1]).run()
    at.button(key=run_key(key)).click().run()
    assert_clean(at)
    return at


def _metrics(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def test_the_chain_on_the_page_follows_the_chloride_sliders_and_presets():
    at = _revealed_lesson_3()
    exp = inhibition.chloride_experiment(ions.CL_OUT_mM, ions.CL_IN_MATURE_mM)
    assert _metrics(at)[METRIC_E_CL] == "−75.9 mV", "the default: a mature neuron"
    at.segmented_control(key="l3_cl_preset").set_value("Developing neuron (NKCC1)").run()
    assert_clean(at)
    assert at.slider(key="l3_cl_in").value == ions.CL_IN_DEVELOPING_mM
    dev = inhibition.chloride_experiment(ions.CL_OUT_mM, ions.CL_IN_DEVELOPING_mM)
    metrics = _metrics(at)
    assert metrics[METRIC_E_CL] == f"{num(dev.e_cl_mV, 1)} mV"
    rates = [m for m in at.metric if m.label == "Driven cell, with GABA"]
    assert rates[-1].value == f"{num(dev.shunt.rate_with_gaba_hz)} spikes/s"
    before, during = round(dev.shunt.rate_without_gaba_hz), round(dev.shunt.rate_with_gaba_hz)
    assert rates[-1].proto.delta == f"+{during - before} vs {before} without GABA", "the change of the numbers shown"
    assert rates[-1].proto.direction == rates[-1].proto.MetricDirection.Value("UP")
    text = " ".join(page_text(at).split())
    assert describe_chloride(dev) in text and "depolarises and excites" in text
    at.slider(key="l3_cl_in").set_value(4).run()
    assert_clean(at)
    fewer = [m for m in at.metric if m.label == "Driven cell, with GABA"][-1].proto
    assert fewer.delta.startswith("−") and fewer.direction == fewer.MetricDirection.Value("DOWN"), (
        "a true minus sign, and the arrow down all the same"
    )
    assert _metrics(at)[METRIC_E_CL] == f"{num(_nernst(ions.CL_OUT_mM, 4, -1), 1)} mV"
    assert exp.e_cl_mV != _nernst(ions.CL_OUT_mM, 4, -1)


def test_the_chloride_chart_marks_the_setting_on_the_nernst_curve():
    at = _revealed_lesson_3({"l3_cl_in": "20", "l3_cl_out": "110"})
    (spec,) = [json.loads(c.proto.spec) for c in at.get("plotly_chart") if "l3_chloride_chart" in str(c.proto.id)]
    curve, point = spec["data"][0], spec["data"][-1]
    assert point["x"] == [20.0] and point["y"][0] == pytest.approx(_nernst(110, 20, -1))
    xs, ys = curve["x"], curve["y"]
    assert min(xs) == pytest.approx(CL_IN.lo, rel=1e-3) and max(xs) == pytest.approx(CL_IN.hi, rel=1e-3)
    for x, y in list(zip(xs, ys, strict=True))[::40]:
        assert y == pytest.approx(_nernst(110, x, -1), abs=0.01)
    assert spec["layout"]["xaxis"]["type"] == "log"
    label = spec["layout"]["annotations"][0]
    assert label["x"] == pytest.approx(math.log10(20)), "placed in log10 units, as Plotly reads a log axis"
    label = label["text"]
    assert f"E_Cl {num(_nernst(110, 20, -1), 1)} mV" in label, label


def test_the_worksheet_prints_the_chloride_chart_at_its_defaults():
    from explainer.figures.style import FigureStyle

    charts = lesson_3.LESSON.charts(FigureStyle())
    assert len(charts) == 3, "IPSPs, shunting, and the chloride chart"
    point = charts[-1].fig.spec["data"][-1]
    assert point["x"] == [float(CHLORIDE.defaults[0])]
