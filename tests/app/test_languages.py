"""Every word and number the server writes follows the page's language.

The pseudo language ``qps`` (tests/harness/pseudo.py) wraps every text of the word lists in ``⟦`` ``⟧`` and writes
numbers with a decimal sign of its own: every page opened with ``?lang=qps`` (every lesson with every question
answered, and in class mode as the teacher and as a student) must show no text of the word lists unwrapped in a
widget's label, help or options, a button, a caption, a note, a metric, a tab, an expander or a static chart's
titles, legend and hover texts, and its charts write numbers the ``qps`` way.  A text read at import time, or
cached for another language, shows unwrapped.  Markdown files have no ``qps`` version: what comes from them shows
in English and is left out.  Then Spanish with a few entries of es.po: a Spanish word and a decimal comma on every
page.
"""

from __future__ import annotations

import ast
import json
import re
from functools import cache
from pathlib import Path

import pytest

from explainer.content import catalogue, i18n
from explainer.content.format import PLACEHOLDER
from explainer.lessons import LESSONS
from explainer.ui import dom, language
from explainer.ui.classroom import session
from tests.app.conftest import PAGE_IDS, experiment_charts, open_page, views
from tests.harness import pseudo

ROOT = Path(__file__).resolve().parents[2]
LESSON_IDS = [lesson.url for lesson in LESSONS]
# Widgets whose options are not words of the word lists: the languages, each named in itself.
NOT_WORDS = {language.PICKER_KEY}
# Text fields of an element's message that a reader sees.
FIELDS = ("label", "help", "placeholder", "caption")
BODIES = {"caption", "info", "warning", "success", "error", "toast", "metric", "exception"}
WIDGETS_WITH_OPTIONS = {"radio", "selectbox", "multiselect", "button_group", "select_slider"}


def _elements(node) -> list:
    found = []
    for child in getattr(node, "children", {}).values():
        found.append(child)
        found += _elements(child)
    return found


def _normalised(text: str) -> str:
    """Numbers and ``{{names}}`` as one mark, Markdown's emphasis and spacing gone: a text as shown compares with
    its source."""
    text = PLACEHOLDER.sub("#", text)
    text = re.sub(r"[−+-]?\d(?:[\d˙˘.,\u202f]*\d)?", "#", text)
    return " ".join(re.sub(r"[*_`\\$]", "", text).split())


@cache
def _markdown_corpus() -> str:
    """Every English Markdown text, normalised: what a page shows in English for ``qps`` by design."""
    return "\n".join(_normalised(p.read_text(encoding="utf-8")) for p in catalogue.markdown_sources())


# The live descriptions are English sentences written in Python until they become templates of the word lists
# (issue 21, another part): what they write is left out here while they hold English literals.
DESCRIPTION_MODULES = ("live_descriptions.py", "lesson_descriptions.py")


@cache
def _description_corpus() -> str:
    """Every string literal (and f-string piece) of the description modules, normalised."""
    pieces = []
    for name in DESCRIPTION_MODULES:
        tree = ast.parse((ROOT / "explainer" / "content" / name).read_text(encoding="utf-8"))
        pieces += [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)]
    return "\n".join(_normalised(p) for p in pieces)


def _from_markdown(piece: str) -> bool:
    """Whether every line of ``piece`` is a Markdown file's (or, for now, a description module's)."""
    lines = [line for line in (_normalised(x) for x in piece.splitlines()) if line.strip("#-:.>| ")]
    return bool(lines) and all(_in_corpus(line.strip("#-:>| ")) for line in lines)


def _in_corpus(line: str) -> bool:
    return line in _markdown_corpus() or line in _description_corpus()


def _unwrapped_words(text: str) -> list[str]:
    """The pieces of ``text`` outside the wrapping that hold a word (two letters or more in a row) and come from
    no Markdown file."""
    rest = pseudo.unwrapped(text)
    pieces = [p for p in rest.split("\x00") if re.search(r"[A-Za-z]{2}", p)]
    return [p.strip() for p in pieces if not _from_markdown(p)]


def _options(proto) -> list[str]:
    opts = getattr(proto, "options", None)
    if opts is None:
        return []
    return [o if isinstance(o, str) else getattr(o, "content", "") or getattr(o, "label", "") for o in opts]


def problems(at) -> list[str]:
    """Every text of the page, its sidebar and its charts that is not in the page's language."""
    found: list[str] = []
    for el in _elements(at._tree):
        kind, proto = getattr(el, "type", None), getattr(el, "proto", None)
        if proto is None:
            continue
        texts = [getattr(proto, f, "") for f in FIELDS if isinstance(getattr(proto, f, None), str)]
        if kind in BODIES or kind in ("markdown", "header", "subheader", "title", "expander", "tab"):
            texts.append(getattr(proto, "body", "") if isinstance(getattr(proto, "body", None), str) else "")
        if kind in WIDGETS_WITH_OPTIONS and getattr(proto, "id", "").rsplit("-", 1)[-1] not in NOT_WORDS:
            texts += _options(proto)
        if kind == "markdown":  # long texts: the word lists' English, never a Markdown file's
            found += [f"{kind}: {leak!r}" for t in texts for leak in pseudo.leaks(t) if not _from_markdown(leak)]
            continue
        found += [f"{kind}: {p!r} in {t[:80]!r}" for t in texts if t for p in _unwrapped_words(t)]
    for spec in _charts_shown(at):
        found += _chart_problems(spec)
    for key, view in views(at).items():
        found += [f"view {key} alt: {p!r}" for p in _unwrapped_words(view.header.get("alt", ""))]
    return found


def _charts_shown(at) -> list[dict]:
    """The specs of the page's charts, without the empty one that only loads Plotly's code (no text, no number)."""
    return [json.loads(el.proto.spec) for el in experiment_charts(at)]


def _chart_problems(spec: dict) -> list[str]:
    layout, found = spec.get("layout", {}), []
    if layout.get("separators") != pseudo.PSEUDO_NUMBERS.plotly_separators:
        found.append(f"chart separators {layout.get('separators')!r}: numbers not written the page's way")
    texts = [
        axis.get("title", {}).get("text", "")
        for name, axis in layout.items()
        if name[:5] in ("xaxis", "yaxis") and isinstance(axis, dict) and isinstance(axis.get("title"), dict)
    ]
    texts += [a.get("text", "") for a in layout.get("annotations", [])]
    for trace in spec.get("data", []):
        texts += [trace.get("name", "") or "", trace.get("hovertemplate", "") or ""]
        texts += [trace.get("text")] if isinstance(trace.get("text"), str) else []
    return found + [f"chart: {p!r} in {t[:80]!r}" for t in texts if t for p in _unwrapped_words(t)]


def _answer_everything(at) -> None:
    """Choose the first option of every open question and run every prediction, so that every block shows."""
    for _ in range(8):
        open_radios = [r for r in at.radio if r.value is None and r.key not in NOT_WORDS]
        runs = [b for b in at.button if b.key and b.key.endswith("_run") and not b.disabled]
        if not open_radios and not runs:
            return
        for radio in open_radios:
            radio.set_value(radio.options[0])
        if runs:
            runs[0].click()
        at.run()


def _assert_in_language(at, where: str) -> None:
    assert not at.exception, f"{where} raised: {[e.value for e in at.exception]}"
    found = problems(at)
    assert not found, f"{where}: {len(found)} texts not in the page's language:\n" + "\n".join(found[:40])


@pytest.mark.parametrize("page", PAGE_IDS)
def test_every_page_speaks_the_pages_language(pseudo_language, page):
    with i18n.using(pseudo_language):
        at = open_page(page, {"lang": pseudo_language}, timeout=180)
        _answer_everything(at)
    _assert_in_language(at, page)


@pytest.mark.parametrize("page", [*LESSON_IDS, "circuits.py", "playground.py", "classroom.py"])
def test_class_mode_speaks_the_pages_language_to_the_teacher_and_to_a_student(pseudo_language, class_store, page):
    code, token = class_store.start_class()
    # AppTest formats a widget's options (format_func) in the test's thread, where no session says the language
    with i18n.using(pseudo_language):
        teacher = open_page(page, {"class": code, "teacher": token, "lang": pseudo_language}, timeout=180)
        asks = [b for b in teacher.button if b.key and b.key.startswith(dom.action_key("")) and b.key.endswith("_ask")]
        if asks:
            asks[0].click().run()  # the class is at a question: the teacher's panel shows its round
        student = open_page(page, {"class": code, "lang": pseudo_language}, timeout=180)
        _answer_everything(student)
        teacher.run()
    _assert_in_language(teacher, f"{page}, the teacher")
    _assert_in_language(student, f"{page}, a student")


# --- Spanish, with a few entries of its catalogue -------------------------------------------------------------

BANNER_ES = "**Modelo educativo, no consejo farmacológico ni médico.** Simula neuronas simplificadas, sin fármacos."
AXES_ES = {"time_axis": "Tiempo (ms)", "disinhibition_axis": "Impulso de glutamato sobre las células I (1 = intactas)"}
SPANISH_DECIMAL = re.compile(r"\d,\d")


@pytest.fixture
def spanish(monkeypatch):
    """Spanish offered, its catalogue (es.po) with the banner and two axis titles translated."""
    from explainer.content.words import words

    monkeypatch.setitem(i18n.LANGUAGES, "es", "Español")
    catalog = i18n.catalogue("es")
    entries = {
        (i18n.context("ui", "text.banner"), words("ui").texts["banner"]): BANNER_ES,
        **{(i18n.context("figures", f"text.{key}"), words("figures").texts[key]): es for key, es in AXES_ES.items()},
    }
    for (ctx, english), spanish_text in entries.items():
        monkeypatch.setitem(catalog._catalog, f"{ctx}\x04{english}", spanish_text)
    return "es"


@cache
def _english_literals() -> frozenset[str]:
    """The numbers the English word lists write literally ("6.7 ms is 6,7 ms"): a translator writes them."""
    texts = [t for s in catalogue.sources() for t in ((s.english,) if isinstance(s.english, str) else s.english)]
    return frozenset(m for t in texts for m in ENGLISH_NUMBER.findall(t))


ENGLISH_NUMBER = re.compile(r"\d+\.\d+")


def _english_decimals(text: str, lang: str = "es") -> list[str]:
    """The numbers of ``text`` written with a decimal point that no English text writes literally (where the
    language groups thousands with a point, ``1.000``, three digits after it are a group, not decimals)."""
    from explainer.content.format import number_style

    groups_with_point = number_style(lang).group == "."
    return [
        m
        for m in ENGLISH_NUMBER.findall(text)
        if m not in _english_literals() and not (groups_with_point and len(m.split(".")[1]) == 3)
    ]


def _shown_texts(at) -> list[tuple[str, str]]:
    """(kind, text) of every element's text outside Markdown bodies, and every chart's texts."""
    found = []
    for el in _elements(at._tree):
        kind, proto = getattr(el, "type", None), getattr(el, "proto", None)
        if proto is None or kind == "markdown":
            continue
        found += [(kind, getattr(proto, f)) for f in (*FIELDS, "body") if isinstance(getattr(proto, f, None), str)]
    for spec in _charts_shown(at):
        for axis in (a for n, a in spec["layout"].items() if n[:5] in ("xaxis", "yaxis") and isinstance(a, dict)):
            found.append(("chart", str(axis.get("title", ""))))
        found += [("chart", str(t.get("name", ""))) for t in spec["data"]]
    return found


TRANSLATED = [lang for lang in i18n.LANGUAGES if lang != i18n.SOURCE]


@pytest.mark.parametrize("lang", TRANSLATED)
@pytest.mark.parametrize("page", PAGE_IDS)
def test_every_page_in_every_language_speaks_it_and_writes_its_numbers_its_way(page, lang):
    """With the language's real catalogue: the banner in the language, the charts' axis titles and separators in
    it, a decimal comma, no number written the English way, and no dose or treatment wording in it."""
    from explainer.content.format import number_style
    from explainer.content.words import words
    from tests.app.test_no_dose import problems_in

    with i18n.using(lang):
        at = open_page(page, {"lang": lang}, timeout=180)
        _answer_everything(at)
        banner = words("ui").text("banner")
        time_axis = words("figures").text("time_axis")
    assert not at.exception, f"{page} raised: {[e.value for e in at.exception]}"
    assert any(banner in str(el.value) for el in at.info), f"{page}: the banner is not in {lang}"
    texts = _shown_texts(at)
    english = [(k, t) for k, t in texts if k != "html" and _english_decimals(t, lang)]
    assert not english, f"{page} in {lang}: numbers written the English way: {english[:5]}"
    everything = " ".join(t for _, t in texts) + " ".join(str(m.value) for m in at.markdown)
    specs = _charts_shown(at)
    separators = number_style(lang).plotly_separators
    assert all(s["layout"].get("separators") == separators for s in specs), f"{page}: a chart writes English numbers"
    if any("Time" in json.dumps(s) for s in specs):
        assert time_axis in json.dumps(specs, ensure_ascii=False), f"{page}: a time axis not in {lang}"
    if page not in PAGES_WITHOUT_DECIMALS:
        assert SPANISH_DECIMAL.search(everything) or specs, f"{page} in {lang}: no number with a decimal comma"
    assert not problems_in(everything, lang), problems_in(everything, lang)


# The pages that show no number with decimals at all (their charts, if any, are checked by their separators).
PAGES_WITHOUT_DECIMALS = {"classroom.py", "references.py", "my_answers.py"}


def test_the_csv_of_the_traces_and_the_class_csv_have_their_header_in_the_pages_language(pseudo_language):
    import csv
    import io

    from explainer.classroom.export import BOM, tallies_csv
    from explainer.classroom.questions import QuestionText
    from explainer.figures.export import neuron_traces_csv
    from explainer.model.experiments.balance import TugOfWarSettings, run_tug_of_war

    run, _ = run_tug_of_war(TugOfWarSettings(duration_ms=50.0))
    with i18n.using(pseudo_language):
        made_later = i18n.deferred(lambda: neuron_traces_csv(run))
        class_csv = tallies_csv("K7P3QX", {"own:1": {1: [1, 2]}}, {"own:1": QuestionText("Ready?", ("Y", "N"), 0)})
    traces = list(csv.reader(io.StringIO(made_later())))  # a download's data is made when it is clicked
    assert all(cell.startswith(pseudo.OPEN) for cell in traces[0]), f"the traces' header: {traces[0]}"
    assert traces[1][6].startswith(pseudo.OPEN) and traces[1][7].startswith(pseudo.OPEN), "the model's note"
    rows = list(csv.reader(io.StringIO(class_csv.removeprefix(BOM))))
    assert all(cell.startswith(pseudo.OPEN) for cell in rows[0]), f"the class CSV's header: {rows[0]}"
    assert rows[1][6].startswith(pseudo.OPEN) and rows[3][4].startswith(pseudo.OPEN), "its yes/no and total"
    assert not neuron_traces_csv(run).startswith(pseudo.OPEN), "outside the block: the page's language again"


def test_the_answer_sheet_speaks_the_pages_language(pseudo_language):
    from explainer.ui.links import WORKSHEET_ANSWERS, WORKSHEET_LESSON

    for lesson in LESSONS:
        query = {"lang": pseudo_language, WORKSHEET_ANSWERS: "true", WORKSHEET_LESSON: lesson.name}
        _assert_in_language(open_page("worksheet.py", query, timeout=180), f"the answer sheet of {lesson.name}")


def test_the_class_registry_holds_the_questions_in_the_pages_language(pseudo_language, spanish):
    """The teacher's CSV writes each question's text from the registry: one per language, the same ids."""
    english = session.questions_of(LESSONS)
    with i18n.using(pseudo_language):
        pseudo_registry = session.questions_of(LESSONS)
    assert pseudo_registry.options == english.options, "the same questions and options in every language"
    with i18n.using(spanish):
        assert session.questions_of(LESSONS).options == english.options
