"""Educational, not pharmacological: no page or lesson text gives a dose or recommends a treatment."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from explainer.ui.banner import banner_text, banner_text_short
from tests.app.conftest import PAGE_IDS, open_page, page_text

ROOT = Path(__file__).resolve().parents[2]
DOSE_AMOUNT = re.compile(r"\b\d+(?:[.,]\d+)?\s*(?:mg|µg|μg|mcg|ug|ml|mL|g)(?:\s*/\s*kg)?\b")
RISKY_WORDS = re.compile(r"\b(dose|doses|dosage|dosing|recommend\w*|cures?|treats?|prescri\w*)\b", re.IGNORECASE)
NEGATION = re.compile(r"\b(no|not|never|nothing|none|without|neither|nor)\b", re.IGNORECASE)


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+|\n{2,}", text) if s.strip()]


# Titles of cited papers, quoted exactly in the reference lists: bibliographic data, not advice (no amount).
CITED_TITLES = ("Disinhibition of CA1 pyramidal cells by low-dose ketamine and other antagonists with rapid "
                "antidepressant efficacy.",)  # fmt: skip


def problems_in(text: str) -> list[str]:
    """Dose amounts anywhere; dose/treatment words outside a negated sentence (or a cited paper's title)."""
    found = [f"dose amount: {m.group(0)!r}" for m in DOSE_AMOUNT.finditer(text)]
    for sentence in _sentences(text):
        if sentence.strip() in CITED_TITLES:
            continue
        if RISKY_WORDS.search(sentence) and not NEGATION.search(sentence) and not sentence.lstrip().startswith(">"):
            found.append(f"un-negated dose/treatment wording: {sentence.strip()[:160]!r}")
    return found


def test_the_checker_catches_what_it_must():
    assert problems_in("Take 0.5 mg/kg of it.")
    assert problems_in("The usual dose works well.")
    assert problems_in("We recommend this treatment.")
    assert problems_in("Take a low dose of it."), "the title allowance is for that exact title only"
    assert not problems_in("It gives no doses and makes no treatment claims.")
    assert not problems_in("Extracellular Mg2+ of 1 mM blocks NMDA channels at -70 mV.")


CONTENT_FILES = sorted((ROOT / "explainer" / "content").rglob("*.md"))


@pytest.mark.parametrize("path", CONTENT_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_content_files(path):
    assert not problems_in(path.read_text(encoding="utf-8")), problems_in(path.read_text(encoding="utf-8"))


def test_banner_says_so():
    for text in (banner_text(), banner_text_short()):
        assert "not pharmacological or medical advice" in text and "no doses" in text and "no treatment" in text


@pytest.mark.parametrize("page_file", PAGE_IDS)
def test_rendered_pages(page_file):
    at = open_page(page_file, timeout=180)
    assert not problems_in(page_text(at)), problems_in(page_text(at))
