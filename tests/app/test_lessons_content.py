"""Lesson text, glossary, references, model notes and educator guide: parsed, linked, filled, and rendered."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import numpy as np
import pytest

from explainer import content
from explainer.content.format import num
from explainer.content.parse import (
    PLACEHOLDER,
    fill,
    load_entries,
    parse_entries,
    parse_lesson,
)
from explainer.lessons import LESSONS
from explainer.model import NeuronParams, SynapticInput, simulate_neuron
from explainer.model.experiments import common, excitability, inhibition, synapses
from explainer.model.neuron import mg_block
from explainer.pages import educator, glossary, leaves_out
from tests.app.conftest import assert_clean, open_page, page_text

LESSON_NAMES = [lesson.name for lesson in LESSONS]
CONTENT = resources.files("explainer.content")


def _lesson_markdown(lesson) -> str:
    return resources.files(lesson.package).joinpath("lesson.md").read_text(encoding="utf-8")


def _all_markdown() -> dict[str, str]:
    files = {}
    for path in CONTENT.iterdir():
        if path.name.endswith(".md"):
            files[path.name] = path.read_text(encoding="utf-8")
    for lesson in LESSONS:
        files[f"lessons/{lesson.name}/lesson.md"] = _lesson_markdown(lesson)
    return files


MY_FILES = [
    *(f"lessons/{name}/lesson.md" for name in LESSON_NAMES),
    "glossary.md",
    "references.md",
    "model_notes.md",
    "educator.md",
]


# --- the lesson file format --------------------------------------------------------------------------


def test_parse_lesson_reads_blocks_and_questions():
    text = parse_lesson(
        "# T\n\n## goal\nG {{x}}.\n\n## predict: p\nQ?\n\n- [ ] A\n  no, because.\n- [x] B\n  yes,\n  because.\n"
    )
    assert text.title == "T" and set(text.blocks) == {"goal", "predict:p"}
    q = text.question("predict:p")
    assert q.prompt == "Q?" and q.labels == ["A", "B"] and q.answer.label == "B"
    assert q.answer.feedback == "yes, because." and q.option("A").feedback == "no, because."
    assert fill(text.block("goal"), {"x": "42"}) == "G 42."
    assert fill("{{unknown}} stays", {}) == "{{unknown}} stays", "a missing number stays visible"


@pytest.mark.parametrize(
    "bad,phrase",
    [
        ("## goal\nno title", "Title"),
        ("# T\n## sermon\nx", "unknown block kind"),
        ("# T\n## goal\na\n## goal\nb", "appears twice"),
        ("# T\n## Goal: Big\nx", "cannot read the heading"),
        ("# T\n## check: c\nQ\n- [ ] a\n- [ ] b\n", "exactly one"),
        ("# T\n## check: c\nQ\n- [x] a\n", "at least two"),
        ("# T\n## check: c\nQ\n- [x] a\n- [ ] a\n", "same text"),
        ("# T\n## check: c\nQ\n- [x] a\nunindented\n- [ ] b\n", "indented"),
        ("# T\n## goal\nG?\n## found: f\nThe answer.\n", "after the predict block"),
    ],
)
def test_parse_lesson_explains_mistakes(bad, phrase):
    with pytest.raises(ValueError, match=phrase):
        parse_lesson(bad)


def test_parse_entries_reads_sections_and_anchors():
    doc = parse_entries("# G\nIntro.\n## S\n### Term one {#one}\nDef 1.\n### Term two\nDef 2.\n")
    assert doc.title == "G" and doc.intro == "Intro."
    assert [(e.title, e.anchor, e.body, e.section) for e in doc.entries] == [
        ("Term one", "one", "Def 1.", "S"),
        ("Term two", None, "Def 2.", "S"),
    ]
    with pytest.raises(ValueError, match="anchor"):
        parse_entries("# G\n### A {#x}\n### B {#x}\n")


def test_num_uses_a_real_minus_and_never_minus_zero():
    assert num(-70.0) == "−70" and num(-0.0001, 1) == "0.0" and num(5, 1, signed=True) == "+5.0"
    assert num(-2.257, 2, signed=True) == "−2.26" and num(0.0, 0, signed=True) == "0"


@pytest.mark.parametrize("lesson", LESSONS, ids=LESSON_NAMES)
def test_every_lesson_has_the_parts_of_a_lesson(lesson):
    text, slug = lesson.text, lesson.name
    kinds = [name.split(":")[0] for name in text.blocks]
    assert kinds.count("goal") == 1 and text.block("goal").count(".") <= 2, "a goal in one sentence"
    assert text.block("goal").rstrip().endswith("?"), "the goal is a question to investigate"
    for i, kind in enumerate(kinds):
        if kind == "predict":
            assert "found" in kinds[i + 1 :], f"{slug}: the answer to each prediction is written after it (found)"
    assert kinds.count("predict") >= 1 and 1 <= kinds.count("check") <= 2
    assert "explain" in kinds and kinds.count("try") == 1
    for name, q in text.questions().items():
        assert len(q.options) >= 2 and all(o.feedback for o in q.options), f"{slug} {name}: feedback for every answer"


# --- links, glossary, references ---------------------------------------------------------------------


def test_every_glossary_and_reference_link_lands_on_an_entry():
    glossary_anchors = load_entries("glossary").anchors
    reference_anchors = load_entries("references").anchors
    for name, text in _all_markdown().items():
        for anchor in re.findall(r"\]\(glossary#([^)]+)\)", text):
            assert anchor in glossary_anchors, f"{name} links to glossary#{anchor}, which does not exist"
        for anchor in re.findall(r"\]\(references#([^)]+)\)", text):
            assert anchor in reference_anchors, f"{name} links to references#{anchor}, which does not exist"


def test_glossary_is_alphabetical_and_covers_the_lessons_terms():
    doc = load_entries("glossary")
    titles = [e.title.lower() for e in doc.entries]
    assert titles == sorted(titles), "the glossary is in alphabetical order"
    assert all(e.anchor and e.body for e in doc.entries)
    linked = set()
    for lesson in LESSONS:
        linked |= set(re.findall(r"\]\(glossary#([^)]+)\)", _lesson_markdown(lesson)))
    assert len(linked) >= 30, "the lessons link their terms to the glossary"
    lesson_text = " ".join(_lesson_markdown(lesson).lower() for lesson in LESSONS)
    for term in ("reversal potential", "shunting", "rheobase", "coincidence", "refractory", "chloride"):
        assert term in lesson_text and any(term in t for t in titles), term


def test_every_reference_has_a_doi_or_stable_link_and_every_cited_one_is_listed():
    """A paper by its DOI, a book by its ISBN or a stable link."""
    doc = load_entries("references")
    for entry in doc.entries:
        link = re.search(r"\]\((https://doi\.org/10\.[^)]+|https://[a-z.]+/)\)", entry.body)
        isbn = re.search(r"ISBN 97[89]-\d+-\d+-\d+-\d\b", entry.body)
        assert link or isbn, entry.title
        if isbn:
            digits = [int(c) for c in isbn.group(0)[5:] if c.isdigit()]
            assert len(digits) == 13 and sum(d * (3 if i % 2 else 1) for i, d in enumerate(digits)) % 10 == 0, (
                f"{entry.title}: {isbn.group(0)} is not a valid ISBN-13"
            )
    dois = re.findall(r"https://doi\.org/(10\.[^)\s]+)\)", content.load("references"))
    assert len(dois) == len(set(dois)), "each DOI once"
    cited = {a for text in _all_markdown().values() for a in re.findall(r"\]\(references#([^)]+)\)", text)}
    assert {"jahr-stevens-1990", "staley-mody-1992", "ben-ari-2002", "van-vreeswijk-1996"} <= cited


def test_the_lesson_content_stays_educational_not_pharmacological():
    for name in MY_FILES:
        text = _all_markdown()[name].lower()
        for word in ("ketamine", " mg/kg", "dose of", "dosage", "prescri"):
            assert word not in text, f"{name} mentions {word!r}"


# --- every number is filled in -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "name,numbers",
    [
        ("glossary", glossary.numbers),
        ("model_notes", leaves_out.numbers),
        ("educator", lambda: educator.numbers(LESSONS)),
    ],
)
def test_reference_pages_provide_every_number_they_quote(name, numbers):
    text = content.load(name)
    missing = set(PLACEHOLDER.findall(text)) - set(numbers())
    assert not missing, f"{name}.md quotes numbers no page computes: {missing}"


def test_model_notes_numbers_are_the_models():
    n = leaves_out.numbers()
    p = NeuronParams()
    assert (n["c_pF"], n["g_L"], n["tau_m"], n["E_L"], n["V_th"]) == ("200", "10", "20", "−70", "−50")
    one = SynapticInput(np.array([1.0]), np.array([1.0]), np.empty(0), np.empty(0))
    run = simulate_neuron(NeuronParams(g_nmda_max_nS=0.0), one, duration_ms=200.0, dt_ms=common.DT_ms)
    charge_error_pct = 100.0 * (run.g_ampa_nS.sum() * common.DT_ms / (1.0 * p.tau_ampa_ms) - 1.0)
    assert n["ampa_error"] == f"{charge_error_pct:.1f}"


def test_educator_try_this_answers_are_the_models():
    n = educator.numbers(LESSONS)
    p = NeuronParams()
    first = float(n["first_firing_current"])
    assert excitability.current_step_run(p, first, 1000.0).spike_times_ms.size > 0
    assert (
        excitability.current_step_run(p, first - excitability.CURRENT_SLIDER_STEP_pA, 1000.0).spike_times_ms.size == 0
    )
    gap = int(n["longest_gap"])
    assert synapses.summation(p, n_synapses=15, n_volleys=4, interval_ms=gap).fired
    assert not synapses.summation(p, n_synapses=15, n_volleys=4, interval_ms=gap + 1).fired
    assert gap < p.tau_m_ms, "the guide says: much shorter than the membrane time constant"
    e0 = float(n["e_gaba_neutral"].replace("−", "-"))
    below = inhibition.shunting_experiment(NeuronParams(E_gaba_mV=e0 - 1))
    at = inhibition.shunting_experiment(NeuronParams(E_gaba_mV=e0))
    assert below.rate_with_gaba_hz < below.rate_without_gaba_hz and at.rate_with_gaba_hz >= at.rate_without_gaba_hz
    assert e0 > p.E_L_mV, "the guide says the two thresholds differ"
    g = int(n["silencing_g"])
    assert inhibition.shunting_experiment(p, g_gaba_nS=g).rate_with_gaba_hz == 0
    assert inhibition.shunting_experiment(p, g_gaba_nS=g - 1).rate_with_gaba_hz > 0
    holds, peaks = synapses.nmda_epsp_by_hold(p)
    assert float(n["largest_hold"].replace("−", "-")) == holds[np.argmax(peaks)] and holds[np.argmax(peaks)] < 0
    # B(V) is steepest where it is 1/2, above where the EPSP grows fastest (the driving-force explanation)
    v_half = float(n["B_steepest"].replace("−", "-"))
    assert float(mg_block(v_half)) == pytest.approx(0.5, abs=0.01)
    grid = np.linspace(-80.0, 0.0, 801)
    assert abs(grid[np.argmax(np.gradient(mg_block(grid)))] - v_half) <= 1.0, "B(V) must be steepest there"
    assert v_half > float(n["fastest_hold"].replace("−", "-")), "the guide says the EPSP grows fastest lower down"


# --- the pages -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("page", ["leaves_out.py", "glossary.py", "references.py", "educator.py"])
def test_reference_pages_run_clean_with_every_number_filled(page):
    at = open_page(page)
    assert_clean(at)
    text = page_text(at) + " ".join(e.label for e in at.expander)
    assert "{{" not in text and at.title


def test_glossary_entries_have_their_anchors_and_search_filters():
    at = open_page("glossary.py")
    entries = load_entries("glossary").entries
    assert [h.value for h in at.subheader] == [e.title for e in entries]
    anchors = [h.proto.anchor for h in at.subheader]
    assert anchors == [e.anchor for e in entries], "glossary#term links need these anchors"
    at.text_input(key="glossary_search").set_value("chloride").run()
    assert_clean(at)
    shown = [h.value for h in at.subheader]
    assert (
        shown
        and len(shown) < len(entries)
        and all("chloride" in (e.title + e.body).lower() for e in entries if e.title in shown)
    )
    at.text_input(key="glossary_search").set_value("zzzz").run()
    assert not at.subheader and "No entry" in " ".join(i.value for i in at.info)


def test_references_page_lists_every_reference_with_its_anchor():
    at = open_page("references.py")
    doc = load_entries("references")
    assert [h.proto.anchor for h in at.subheader] == [e.anchor for e in doc.entries]
    assert "doi.org" in page_text(at)


def test_educator_guide_gives_the_answer_to_every_question():
    at = open_page("educator.py")
    assert_clean(at)
    text = page_text(at)
    assert "45-minute" in text and "Discussion questions" in text and "Misconceptions" in text
    titles = [e.label for e in at.expander]
    assert len(titles) == len(LESSONS) and all(
        lesson.text.title in t for lesson, t in zip(LESSONS, titles, strict=True)
    )
    for lesson in LESSONS:
        for q in lesson.text.questions().values():
            answer = fill(q.answer.label, lesson.numbers())
            assert f"**{answer}**" in text, f"{lesson.name}: the guide must give the answer {answer!r}"


def test_the_lesson_plan_gives_each_lesson_its_own_estimate():
    """The plan's minutes match the lessons' own 'about N minutes' and fill 45 minutes."""
    import itertools
    import re

    plan = content.load("educator")
    rows = re.findall(r"^\| (\d+)–(\d+) \| ([^|]+) \|", plan, flags=re.M)
    assert rows[0][:2] == ("0", rows[0][1]) and rows[-1][1] == "45", rows
    assert all(int(a[1]) == int(b[0]) for a, b in itertools.pairwise(rows)), "the plan's slots follow each other"
    for n, lesson in enumerate(LESSONS, start=1):
        minutes = lesson.minutes
        start, end, _ = next(r for r in rows if r[2].strip().startswith(f"{n} ·"))
        assert int(end) - int(start) == minutes, f"lesson {n}: plan {start}-{end}, page says {minutes} minutes"
    assert "Model answers" in plan and "model answer for the exit ticket" in plan


def test_feedback_never_repeats_the_verdict_the_page_adds():
    """The page writes "Right." / "Not quite." itself; feedback text must not start with its own verdict."""
    import re

    for lesson in LESSONS:
        name, text = lesson.name, _lesson_markdown(lesson)
        for line in text.splitlines():
            verdict = re.match(r"^\s{2}(Right|Correct|Wrong|Not quite|Yes|No)\b[.:!,]", line)
            assert not verdict, f"{name}: {line.strip()}"


def test_a_right_answer_is_not_singled_out_by_a_number_the_question_does_not_give():
    """An option that explains itself gives the answer away, e.g. the model's number in it alone."""
    import re

    for each in LESSONS:
        slug, lesson, text = each.name, each.text, _lesson_markdown(each)
        for block in re.findall(r"^## ((?:predict|check): \w+)$", text, flags=re.M):
            q = lesson.question(block.replace(": ", ":"))
            given = set(re.findall(r"\{\{(\w+)\}\}", q.prompt))
            for option in q.options:
                extra = set(re.findall(r"\{\{(\w+)\}\}", option.label)) - given
                others = [o for o in q.options if o is not option and re.search(r"\{\{\w+\}\}", o.label)]
                assert not (option.correct and extra and not others), f"{slug} {block}: {option.label!r}"


# The answer each lesson's prediction reveals, in the words it would take to give it away: none may stand in any
# block shown before the prediction (goal, text, sections), only after the reveal.
GIVEAWAYS = {
    "meet_the_neuron": ("all the same size", "same size", "more often", "not bigger", "all-or-none"),
    "glutamate": ("coincidence", "magnesium", "mg²⁺", "plug", "depolarised at the same time", "unblock"),
    "gaba": ("fire less", "fires less", "makes the cell fire", "shunting", "shunt", "silent inhibition"),
    "balance": ("irregular", "does not fall silent", "random-looking", "fluctuations"),
}


@pytest.mark.parametrize("lesson", LESSONS, ids=LESSON_NAMES)
def test_nothing_shown_before_a_prediction_gives_its_answer_away(lesson):
    """M1 of the science review: the goal and the headings above a prediction ask; the answer comes after."""
    assert set(GIVEAWAYS) == set(LESSON_NAMES), "every lesson has its giveaway words"
    text = lesson.text
    first_predict = next(i for i, name in enumerate(text.blocks) if name.startswith("predict:"))
    before = [name for name in list(text.blocks)[:first_predict] if not name.startswith("note:")]
    shown = fill(" ".join(text.block(name) for name in before), lesson.numbers()).lower()
    for phrase in GIVEAWAYS[lesson.name]:
        assert phrase not in shown, f"{lesson.name}: {phrase!r} stands before the prediction ({before})"
    found = fill(" ".join(b for n, b in text.blocks.items() if n.startswith("found:")), lesson.numbers()).lower()
    assert any(phrase in found for phrase in GIVEAWAYS[lesson.name]), "the found box gives the answer"
    # a glossary entry linked above the prediction is one click away: it must not give the answer either
    entries = _glossary_entries()
    for anchor in re.findall(r"\]\(glossary#([\w-]+)\)", " ".join(text.block(name) for name in before)):
        entry = " ".join(entries[anchor].split()).lower()
        for phrase in GIVEAWAYS[lesson.name]:
            assert phrase not in entry, f"{lesson.name}: {anchor!r}, linked above the prediction, says {phrase!r}"


def _glossary_entries() -> dict[str, str]:
    """The glossary's entries by anchor (``### Name {#anchor}`` and the text up to the next heading)."""
    text = (Path(__file__).resolve().parents[2] / "explainer/content/glossary.md").read_text(encoding="utf-8")
    parts = re.split(r"^###? .*?\{#([\w-]+)\}\s*$", text, flags=re.M)
    return {anchor: re.split(r"^#", body, flags=re.M)[0] for anchor, body in zip(parts[1::2], parts[2::2], strict=True)}


def test_numbers_two_lessons_share_have_one_value():
    """The educator guide merges the lessons' numbers: a name two lessons use must mean the same number."""
    seen: dict[str, tuple[str, str]] = {}
    for lesson in LESSONS:
        for name, value in lesson.numbers().items():
            if name in seen:
                assert seen[name][1] == value, f"{name}: {seen[name][0]} says {seen[name][1]}, {lesson.name} {value}"
            seen[name] = (lesson.name, value)


def test_the_glossarys_nernst_example_is_the_nernst_equation():
    """E = (RT/zF) ln(out/in) at 37 C; textbook: 120 mM outside, 7 mM inside -> about -76 mV for chloride."""
    n = glossary.numbers()
    rt_f = 8.314462618 * 310.15 / 96485.33212 * 1000.0
    assert n["rt_over_f"] == num(rt_f, 1) == "26.7"
    e_cl = -rt_f * np.log(float(n["cl_out"]) / float(n["cl_in"]))
    assert n["e_cl"] == num(e_cl, 1) == "−75.9"
    assert -83.0 <= e_cl <= -64.0, "inside the range the lessons quote for mature neurons"
    e_k = rt_f * np.log(float(n["k_out"]) / float(n["k_in"]))
    assert n["e_k"] == num(e_k) == "−89", "potassium, as in lesson 1"
    e_dev = -rt_f * np.log(float(n["cl_out"]) / float(n["cl_in_dev"]))
    assert n["e_cl_dev"] == num(e_dev, 1) and -40.0 <= e_dev <= -35.0, "early in development (Ben-Ari 2002)"


def test_the_model_notes_nmda_pool_claims_are_the_models():
    """One spike opens most of the single pool, a volley hardly more: the pool does not grow with synapses;
    under the Tug of war's thousands of inputs a second it stays almost fully open."""
    from explainer.model.experiments.balance import TugOfWarSettings, run_tug_of_war

    n = leaves_out.numbers()
    one, volley = int(n["nmda_one_spike_pct"]), int(n["nmda_volley_pct"])
    assert 50 <= one < volley <= 100 and volley < int(n["nmda_volley"]) * one / 2
    run, _ = run_tug_of_war(TugOfWarSettings(glutamate_rate_hz=1000.0, gaba_rate_hz=0.0, mg_mM=0.0))
    keep = run.t_ms > 200.0
    assert float(np.mean(run.g_nmda_nS[keep])) / run.params.g_nmda_max_nS > 0.9, "without Mg2+: the gating alone"
