"""The printable worksheets in Chromium: each lesson's sheet, with and without the answers, printed to PDF
on A4 and on US Letter.

From each PDF's text (pypdf): every question's prompt and options are there, the answers only on the answer
sheet, the banner's words on every page, none of the app's chrome (sidebar page titles, presenter mode,
reduce motion, the controls, Deploy), and the sheet takes few pages.  From the page in print media: no chart
is wider than the printable width of A4 (the narrower paper), and no question or chart may be split across
two pages.  ``WORKSHEET_PDF_DIR=/some/dir`` keeps the PDFs there, to look at (``pdftoppm -png``).
"""

from __future__ import annotations

import io
import os
import re
import unicodedata
from pathlib import Path

import pypdf
import pytest

from explainer.content.parse import fill
from explainer.content.words import words
from explainer.figures.style import FigureStyle
from explainer.lessons import LESSONS
from explainer.pages import site
from explainer.ui import styles
from explainer.ui.shell import menu

from .conftest import goto, wait_for_app, wait_for_plotly

BY_NAME = {lesson.name: lesson for lesson in LESSONS}
SLUGS = list(BY_NAME)
FIGURE_COUNT = {lesson.name: len(lesson.charts(FigureStyle())) for lesson in LESSONS}
PAPER_WIDTH_MM = {"A4": 210.0, "Letter": 215.9}
# Measured on 2026-12 (Chromium 156): 2 pages, 3 for lesson 2 (three charts), on both papers, with and
# without the answers.  One more page than that means something no longer fits where it should.
MAX_PAGES = 3
BANNER_PHRASE = "Educational model, not pharmacological or medical advice"
CSS_PX_PER_MM = 96 / 25.4
W = words("worksheet")
UI = words("ui")


def _page_side_margins_mm() -> tuple[float, float]:
    """The right and left margins print.css's ``@page`` gives (top right bottom left, in mm)."""
    css = styles.stylesheet("print.css").read_text()
    margins = re.search(r"@page\s*\{\s*margin:([^;]+);", css)[1].split("mm")[:4]
    _top, right, _bottom, left = (float(v) for v in margins)
    return right, left


def printable_width_px(paper: str) -> float:
    right, left = _page_side_margins_mm()
    return (PAPER_WIDTH_MM[paper] - right - left) * CSS_PX_PER_MM


def plain(text: str) -> str:
    """Text as a PDF's text layer gives it: one space between words, ligatures and wide forms undone."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


def first_words(markdown: str, n: int) -> str:
    """The first ``n`` words (fewer if it is shorter) of the first stretch of ``markdown`` between formulas
    ($...$) that has two words or more, without markup."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    text = re.sub(r"\*\*|\*|`", "", text)
    for stretch in re.split(r"\$[^$]*\$", text):
        found = stretch.split()
        if len(found) >= 2:
            return plain(" ".join(found[:n]))
    raise AssertionError(f"no two words in a row without a formula in {markdown!r}")


def chrome_words(slug: str) -> list[str]:
    """Words of the app around the sheet that must not be printed (those the sheet's own text holds aside)."""
    text = BY_NAME[slug].text
    sheet = plain(fill(text.title + " " + " ".join(text.blocks.values()), {})).lower()
    nav = [e.title for e in menu(site()) if e.title.lower() not in sheet]
    hints = [first_words(W.text(k), 4) for k in ("print_hint", "answer_sheet_note", "students_copy_link")]
    controls = [UI.label("present"), UI.label("calm"), *hints]
    return [*nav, *controls, "Deploy", UI.text("presets_label")]


def _pdf_pages(page, paper: str, slug: str, answers: bool) -> list[str]:
    data = page.pdf(format=paper)
    if keep := os.environ.get("WORKSHEET_PDF_DIR"):
        Path(keep).mkdir(parents=True, exist_ok=True)
        (Path(keep) / f"{slug}-{'answers' if answers else 'worksheet'}-{paper}.pdf").write_bytes(data)
    return [plain(p.extract_text()) for p in pypdf.PdfReader(io.BytesIO(data)).pages]


def _check_text(pages: list[str], slug: str, answers: bool, paper: str) -> None:
    where = f"{slug} {'answer sheet' if answers else 'worksheet'} on {paper}"
    assert 1 <= len(pages) <= MAX_PAGES, f"{where}: {len(pages)} pages"
    for number, text in enumerate(pages, start=1):
        assert BANNER_PHRASE in text, f"{where}: page {number} has no banner"
    everything = " ".join(pages)
    lesson, nums = BY_NAME[slug].text, BY_NAME[slug].numbers()
    assert plain(lesson.title) in everything
    for question in lesson.questions().values():
        assert first_words(fill(question.prompt, nums), 4) in everything, f"{where}: {question.prompt[:40]!r}"
        for option in question.options:
            assert first_words(fill(option.label, nums), 3) in everything, f"{where}: option {option.label!r}"
    answer_lines = everything.count("Answer: ")
    assert answer_lines == (len(lesson.questions()) if answers else 0), f"{where}: {answer_lines} answers"
    printed_chrome = [w for w in chrome_words(slug) if plain(w) in everything]
    assert not printed_chrome, f"{where}: the app's chrome is printed: {printed_chrome}"


# In print media: each chart's drawn width, and whether questions, charts and parts are kept whole.
_PRINT_LAYOUT = """() => ({
  charts: [...document.querySelectorAll("[data-testid='stPlotlyChart'] .js-plotly-plot")].map((gd) => {
    const svgs = [...gd.querySelectorAll("svg.main-svg")].map((s) => s.getBoundingClientRect().width);
    return Math.max(gd.getBoundingClientRect().width, ...svgs);
  }),
  sheet: document.querySelector(".st-key-ws_sheet").getBoundingClientRect().width,
  whole: [...document.querySelectorAll(
    "[class*='st-key-ws_q_'], [class*='st-key-ws_fig_'], [class*='st-key-ws_part_']",
  )].map((el) => getComputedStyle(el).breakInside),
  controls: getComputedStyle(document.querySelector(".st-key-ws_controls")).display,
})"""


@pytest.mark.parametrize("answers", [False, True], ids=["worksheet", "answer-sheet"])
@pytest.mark.parametrize("slug", SLUGS)
def test_the_worksheet_prints_on_a4_and_letter(page, slug: str, answers: bool) -> None:
    goto(page, f"/worksheet?ws_lesson={slug}&answers={'true' if answers else 'false'}")
    assert wait_for_plotly(page) == FIGURE_COUNT[slug]
    for paper in PAPER_WIDTH_MM:
        _check_text(_pdf_pages(page, paper, slug, answers), slug, answers, paper)

    page.emulate_media(media="print")
    layout = page.evaluate(_PRINT_LAYOUT)
    limit = printable_width_px("A4")  # A4 is the narrower paper
    assert len(layout["charts"]) == FIGURE_COUNT[slug]
    assert max(layout["charts"]) <= limit, f"a chart is wider than A4's printable {limit:.0f} px: {layout['charts']}"
    assert layout["sheet"] <= limit, f"the sheet ({layout['sheet']:.0f} px) is wider than A4's printable {limit:.0f} px"
    assert len(layout["whole"]) >= len(BY_NAME[slug].text.questions()) + FIGURE_COUNT[slug]
    assert set(layout["whole"]) == {"avoid"}, "every question, chart and part is kept on one page"
    assert layout["controls"] == "none"


def test_the_educator_guide_opens_an_answer_sheet(page) -> None:
    goto(page, "/educator-guide")
    title = BY_NAME["gaba"].text.title
    link = words("educator").text("answer_sheet_link", lesson=title)
    page.get_by_test_id("stMain").get_by_role("link", name=link).click()
    page.wait_for_url(re.compile(r"/worksheet\?"))
    wait_for_app(page)
    assert "ws_lesson=gaba" in page.url and "answers=true" in page.url
    heading = page.get_by_test_id("stMain").locator("h1").first
    assert heading.inner_text() == title
    assert page.get_by_text(W.text("kind_answer_sheet"), exact=False).count() >= 1
