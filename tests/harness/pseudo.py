"""A pseudo language, ``qps``: every text of the TOML word lists comes back wrapped in ``⟦`` ``⟧`` (its
``{{names}}`` kept, so the numbers are still filled in), and numbers have a decimal sign of their own, ``˙``.
A page opened with ``?lang=qps`` shows at a glance
which words did not go through the catalogue of the page's language: those read at import time, cached for
another language, or written in code.  Markdown files have no ``qps`` version: they fall back to English.

:func:`install` is what the ``pseudo_language`` fixture (tests/conftest.py) calls; :func:`leaks` finds, in any
text a page shows, the English of a word list that shows unwrapped.
"""

from __future__ import annotations

import gettext
import re
from functools import cache

import pytest

from explainer.content import catalogue, i18n
from explainer.content import format as number_format
from explainer.content.format import PLACEHOLDER

PSEUDO = "qps"
OPEN, CLOSE = "⟦", "⟧"


class PseudoTranslations(gettext.NullTranslations):
    """Every text wrapped: what a complete catalogue of a language nobody speaks would give."""

    def pgettext(self, context: str, message: str) -> str:
        return wrap(message)

    def npgettext(self, context: str, msgid1: str, msgid2: str, n: int) -> str:
        return wrap(msgid1 if n == 1 else msgid2)


def wrap(text: str) -> str:
    return f"{OPEN}{text}{CLOSE}"


def install(monkeypatch: pytest.MonkeyPatch) -> None:
    """Offer ``qps`` for this test and give it the wrapping catalogue."""
    monkeypatch.setitem(i18n.LANGUAGES, PSEUDO, "Pseudo")
    real = i18n.catalogue

    def catalogue_or_pseudo(lang: str) -> gettext.NullTranslations:
        return PseudoTranslations() if lang == PSEUDO else real(lang)

    monkeypatch.setattr(i18n, "catalogue", catalogue_or_pseudo)
    real_style = number_format.number_style

    def style_or_pseudo(lang: str) -> number_format.NumberStyle:
        return PSEUDO_NUMBERS if lang == PSEUDO else real_style(lang)

    monkeypatch.setattr(number_format, "number_style", style_or_pseudo)


# Numbers as no real language writes them (Babel knows no "qps"): a number formatted for another language shows.
PSEUDO_NUMBERS = number_format.NumberStyle(decimal="˙", group="˘", group_from=1000.0)


_WRAPPED = re.compile(f"{OPEN}[^{OPEN}{CLOSE}]*{CLOSE}")
MIN_LETTERS = 4  # a piece of English shorter than this ("mV", "of") proves nothing on its own


def unwrapped(text: str) -> str:
    """What is left of ``text`` once every wrapped text (nested ones too) is taken out."""
    while True:
        shorter = _WRAPPED.sub("\x00", text)
        if shorter == text:
            return text
        text = shorter


@cache
def english_pieces() -> tuple[str, ...]:
    """Every literal piece of every English text of the word lists (split at its ``{{names}}``), longest first:
    what must never show outside the wrapping."""
    pieces: set[str] = set()
    for source in catalogue.sources():
        texts = (source.english,) if isinstance(source.english, str) else source.english
        for text in texts:
            for piece in PLACEHOLDER.split(text)[::2]:
                piece = piece.strip(" .,:;·—–-()*_\n")
                if sum(ch.isalpha() for ch in piece) >= MIN_LETTERS and " " in piece:
                    pieces.add(piece)
    return tuple(sorted(pieces, key=len, reverse=True))


def leaks(text: str) -> list[str]:
    """The English pieces of the word lists that ``text`` shows unwrapped."""
    rest = unwrapped(text)
    return [piece for piece in english_pieces() if piece in rest]
