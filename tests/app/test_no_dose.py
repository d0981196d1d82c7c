"""Educational, not pharmacological: no page or lesson text gives a dose or recommends a treatment."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from explainer.ui.banner import banner_text, banner_text_short
from tests.app.conftest import PAGE_IDS, open_page, page_text

ROOT = Path(__file__).resolve().parents[2]
DOSE_AMOUNT = re.compile(r"\b\d+(?:[.,]\d+)?\s*(?:mg|µg|μg|mcg|ug|ml|mL|g)(?:\s*/\s*kg)?\b")
# Per language: the words of a dose or a treatment claim, and the words that negate a sentence.
RISKY = {
    "en": r"\b(dose|doses|dosage|dosing|recommend\w*|cures?|treats?|prescri\w*)\b",
    "es": r"\b(dosis|dosific\w*|posolog\w*|recomiend\w*|recomend\w*|prescri\w*|recet\w*|curan?)\b",
    "fr": r"\b(doses?|dosage|posologie|recommand\w*|prescri\w*|guéri\w*|soigne\w*)\b",
    "de": r"\b(dosis|dosierung\w*|empfehl\w*|empfohl\w*|verschreib\w*|heilt|heilen|behandelt)\b",
}
NEGATIONS = {
    "en": r"\b(no|not|never|nothing|none|without|neither|nor)\b",
    "es": r"\b(no|ni|nunca|nada|ningún|ninguna|ninguno|sin)\b",
    "fr": r"(\b(ne|pas|aucun|aucune|jamais|sans|ni|rien)\b|(?<!\w)n['’])",
    "de": r"\b(nicht|kein\w*|nie|niemals|ohne|weder)\b",
}
RISKY_WORDS = re.compile(RISKY["en"], re.IGNORECASE)
NEGATION = re.compile(NEGATIONS["en"], re.IGNORECASE)


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+|\n{2,}", text) if s.strip()]


# Titles of cited papers, quoted exactly in the reference lists: bibliographic data, not advice (no amount).
CITED_TITLES = ("Disinhibition of CA1 pyramidal cells by low-dose ketamine and other antagonists with rapid "
                "antidepressant efficacy.",)  # fmt: skip


def problems_in(text: str, lang: str = "en") -> list[str]:
    """Dose amounts anywhere; dose/treatment words outside a negated sentence (or a cited paper's title), in the
    text's language (English words and negations count in every language: a page may keep an English sentence)."""
    risky = re.compile(f"{RISKY[lang]}|{RISKY['en']}", re.IGNORECASE)
    negation = re.compile(f"{NEGATIONS[lang]}|{NEGATIONS['en']}", re.IGNORECASE)
    found = [f"dose amount: {m.group(0)!r}" for m in DOSE_AMOUNT.finditer(text)]
    for sentence in _sentences(text):
        if sentence.strip() in CITED_TITLES:
            continue
        if risky.search(sentence) and not negation.search(sentence) and not sentence.lstrip().startswith(">"):
            found.append(f"un-negated dose/treatment wording: {sentence.strip()[:160]!r}")
    return found


def test_the_checker_catches_what_it_must():
    assert problems_in("Take 0.5 mg/kg of it.")
    assert problems_in("The usual dose works well.")
    assert problems_in("We recommend this treatment.")
    assert problems_in("Take a low dose of it."), "the title allowance is for that exact title only"
    assert not problems_in("It gives no doses and makes no treatment claims.")
    assert not problems_in("Extracellular Mg2+ of 1 mM blocks NMDA channels at -70 mV.")
    assert problems_in("La dosis habitual funciona bien.", "es")
    assert not problems_in("No da dosis ni afirma tratamientos.", "es")
    assert problems_in("Prenez 0,5 mg de ce produit.", "fr")
    assert problems_in("On recommande ce traitement.", "fr")
    assert not problems_in("Elle ne donne aucune dose et n'affirme rien.", "fr")
    assert problems_in("Die übliche Dosis wirkt gut.", "de")
    assert not problems_in("Sie nennt keine Dosis.", "de")


CONTENT_FILES = sorted((ROOT / "explainer").rglob("*.md"))


def _language_of(path: Path) -> str:
    """``lesson.fr.md`` -> ``"fr"``; an English file has no language in its name."""
    suffix = path.suffixes[-2][1:] if len(path.suffixes) > 1 else "en"
    return suffix if suffix in RISKY else "en"


@pytest.mark.parametrize("path", CONTENT_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_content_files(path):
    problems = problems_in(path.read_text(encoding="utf-8"), _language_of(path))
    assert not problems, problems


@pytest.mark.parametrize("lang", [lang for lang in RISKY if lang != "en"])
def test_catalogue_translations(lang):
    from explainer.content import catalogue

    problems = [p for m in catalogue.read(lang) if m.id for s in _strings(m.string) for p in problems_in(s, lang)]
    assert not problems, problems


def _strings(string) -> tuple[str, ...]:
    return string if isinstance(string, tuple) else (string,)


def test_banner_says_so():
    for text in (banner_text(), banner_text_short()):
        assert "not pharmacological or medical advice" in text and "no doses" in text and "no treatment" in text


@pytest.mark.parametrize("page_file", PAGE_IDS)
def test_rendered_pages(page_file):
    """In English; tests/app/test_languages.py checks every page in every other language."""
    at = open_page(page_file, query={"lang": "en"}, timeout=180)
    assert not problems_in(page_text(at)), problems_in(page_text(at))
