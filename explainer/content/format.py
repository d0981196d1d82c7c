"""The one number formatter and the one template syntax of everything the app writes.

Numbers: :func:`num` (typographic minus, no "−0"), and :func:`change` for the difference of two shown numbers
(computed from the numbers as shown, so 141 -> 123 is always −18).  Templates: a word with a number in it is written
``"t = {{t}} ms"``, in Markdown, in the TOML word lists and in the animated views' words (the browser fills
those with the same syntax); :func:`fill` puts the values in.  A name without a value stays visible as
``{{name}}``, so a test can find it, never an empty gap.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from explainer.content.i18n import current

PLACEHOLDER = re.compile(r"\{\{\s*([A-Za-z0-9_]+)\s*\}\}")


@dataclass(frozen=True)
class NumberStyle:
    """How a language writes numbers (Unicode CLDR, through Babel): its decimal sign, its group separator, and
    from how many digits it groups (Spanish writes 1234 but 12.345)."""

    decimal: str
    group: str
    group_from: float  # the smallest magnitude written with a group separator

    @property
    def plotly_separators(self) -> str:
        """Plotly's ``layout.separators``: the decimal sign, then the group separator."""
        return self.decimal + self.group


# CLDR's minimumGroupingDigits where it is not 1 (Babel 2.x does not read it; the browser's Intl.NumberFormat
# does): Spanish writes 1234 and 12.345 (CLDR common/main/es.xml, <minimumGroupingDigits>2).
MIN_GROUPING_DIGITS = {"es": 2}


@cache
def number_style(lang: str) -> NumberStyle:
    """The number style of ``lang`` from Babel's locale data (read once per process and language)."""
    from babel.numbers import get_decimal_symbol, get_group_symbol

    return NumberStyle(
        decimal=get_decimal_symbol(lang),
        group=get_group_symbol(lang),
        group_from=10.0 ** (2 + MIN_GROUPING_DIGITS.get(lang, 1)),
    )


def plotly_separators() -> str:
    """Plotly's ``layout.separators`` for the page's language: its ticks and hover numbers are written as the
    text around them is (``6,7`` in Spanish)."""
    return number_style(current()).plotly_separators


def num(value: float, decimals: int = 0, signed: bool = False, grouped: bool = True) -> str:
    """``-70.0`` -> ``"−70"`` (typographic minus), in the page's language (``6.7`` -> ``"6,7"`` in Spanish,
    French and German; ``12345`` -> ``"12,345"``, ``"12.345"``, ``"12 345"``); ``signed`` writes a plus sign on a
    change (``"+5.0"``).  A value that rounds to zero is written without a sign (``"0.0"``), never ``"−0.0"``.
    ``grouped=False`` leaves out the group separator, as a control shows its value (``6000``, a seed ``9999``).
    """
    value = float(value)
    if round(value, decimals) == 0:
        value = 0.0
        signed = False
    style = number_style(current())
    grouping = "," if grouped and abs(value) >= style.group_from else ""
    text = f"{value:{'+' if signed else ''}{grouping}.{decimals}f}"
    return text.translate({ord(","): style.group, ord("."): style.decimal, ord("-"): "−"})


def num_shortest(value: float, most: int = 3) -> str:
    """:func:`num` with as few decimals as ``value`` needs, up to ``most`` (``1.0`` -> ``"1"``, ``2.5`` -> ``"2.5"``,
    ``"2,5"`` in German): a setting such as a duration or an interval, written as it was set."""
    return num(value, fewest_decimals(value, most))


@dataclass(frozen=True)
class Quantity:
    """A number and how a text shows it, not yet written: a model's result cached once for every language, then
    written in each reader's (:func:`written`)."""

    value: float
    decimals: int = 0
    signed: bool = False

    def __str__(self) -> str:
        return num(self.value, self.decimals, self.signed)

    @classmethod
    def exact(cls, value: float) -> Quantity:
        """``value`` with as many decimals as it has (``20.0`` -> ``20``, ``0.1`` -> ``0.1``; Python's ``:g``)."""
        return cls(value, fewest_decimals(value))


def fewest_decimals(value: float, most: int = 6) -> int:
    """The decimals that write ``value`` as it is (``20.0`` -> 0, ``0.25`` -> 2), at most ``most``."""
    return len(f"{round(float(value), most):.{most}f}".rstrip("0").split(".")[1])


def written(values: Mapping[str, Quantity | str]) -> dict[str, str]:
    """Every quantity of ``values`` written in the page's language (a text stays as it is)."""
    return {name: str(value) for name, value in values.items()}


def shown(value: float, decimals: int = 0) -> float:
    """The number a reader sees: ``value`` rounded as :func:`num` writes it (``141.43`` -> ``141.0``)."""
    return float(f"{float(value):.{decimals}f}")


def change(before: float, after: float, decimals: int = 0) -> str:
    """The change from ``before`` to ``after`` as a reader checks it against the two numbers shown: the
    difference of the shown (rounded) numbers, signed, with a typographic minus: ``change(141.4, 123.4)``
    -> ``"−18"`` (141 -> 123), where the raw difference, −18.0, and ``change(141.4, 123.6)`` -> ``"−17"``
    (141 -> 124), where the raw difference, −17.8, would round to −18 and contradict the numbers beside it."""
    return num(shown(after, decimals) - shown(before, decimals), decimals, signed=True)


def fill(text: str, values: Mapping[str, object]) -> str:
    """Replace ``{{name}}`` with ``values[name]``; unknown names stay visible (tests catch them)."""
    return PLACEHOLDER.sub(lambda m: str(values[m.group(1)]) if m.group(1) in values else m.group(0), text)


def placeholders(text: str) -> set[str]:
    """The names a template asks for."""
    return set(PLACEHOLDER.findall(text))


# A sentence ends at . ! or ? (after any closing marks) followed by a space and what can start the next one.
_SENTENCE_END = re.compile(r"(?<=[.!?])[)*_\"”’]*(?=\s+[A-Z0-9$(\"“‘*−])")


def first_sentence(text: str) -> str:
    """The first sentence of a Markdown text (``"e.g. this"`` does not end one: a lower-case word follows)."""
    text = " ".join(text.split())
    end = _SENTENCE_END.search(text)
    return text[: end.end()] if end else text


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


def as_plain_text(text: str) -> str:
    """Someone's text (a teacher's own question) for a Markdown element, shown exactly as typed: every character
    Markdown, HTML, math or an emoji code could read is escaped, so ``**x**`` stays ``**x**`` and ``<b>`` never
    becomes a tag."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def alphabetical(text: str) -> str:
    """A sort key that puts words in dictionary order in the app's languages: case and accents ignored
    (``"Équilibre"`` files under E, ``"Ärger"`` under A, as German dictionaries do, DIN 5007-1)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
