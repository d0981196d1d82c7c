"""The language a page speaks, and its catalogue: which language, how a word is looked up, how a Markdown text is
found.

- **Which language**: :func:`choose` is the rule (the link's ``?lang=``, else the browser's language, else
  English); the ui layer installs a resolver that reads the session's choice (:func:`install`), and
  :func:`using` overrides it for a block of code (tests, a worksheet printed in another language).  This
  module never imports Streamlit: figures and class mode ask :func:`current` and get the page's language.
- **Short texts** (the TOML word lists, ``content/words/*.toml`` and each lesson's ``words.toml``) are the
  source, in English.  Each other language has one gettext catalogue, ``explainer/locale/<lang>.po``, the
  format translation platforms (Weblate, Pootle, Transifex, Poedit) read and the Python convention (Babel
  carries each language's plural rules into it).  An entry's context (``msgctxt``) is where the English text
  lives (``"ui:text.banner"``), its ``msgid`` the English text itself, so a changed English text no longer
  matches its old translation and shows in English until a translator updates it (``scripts/i18n.py update``
  marks it fuzzy).  The catalogue is compiled with Babel in memory, once per process and language
  (:func:`catalogue`): no compiled file to go stale.
- **Long texts** (lessons, glossary, guide, notes) are Markdown per language beside the English file:
  ``lesson.md`` -> ``lesson.es.md``, with the same blocks, questions, options, right answers and ``{{name}}``
  numbers (tests/content/test_translations.py holds that).  :func:`localised_name` finds the file.

A text missing in a language falls back to English for that text only; ``python scripts/i18n.py missing``
lists what is missing, and the completeness test fails CI on it for every language in :data:`LANGUAGES`.
"""

from __future__ import annotations

import gettext
import io
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache, wraps
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import ParamSpec, TypeVar

SOURCE = "en"  # the language the word lists and Markdown files are written in

# The languages a student can choose, in the picker's order, each named in itself.  A language joins this table
# once its catalogue and Markdown files are complete (the completeness test holds every language listed here).
LANGUAGES: dict[str, str] = {"en": "English", "es": "Español", "fr": "Français", "de": "Deutsch"}

LOCALE_DIR = "locale"  # explainer/locale/: the catalogues, <lang>.po, and the template, messages.pot (data only)
LANG_PARAM = "lang"  # its name in the link: ``?lang=es``

# A folder of catalogues (``<lang>.po``) the app reads before its own, and whose every language it offers, complete
# or not: a translator's preview of a language that has not joined LANGUAGES yet, or the browser tests' German
# subset (tests/e2e/locale).  Unset in a deployment.
LOCALE_DIR_ENV = "EXPLAINER_LOCALE_DIR"


def _preview_folder() -> Path | None:
    folder = os.environ.get(LOCALE_DIR_ENV, "").strip()
    return Path(folder) if folder else None


def _previewed() -> dict[str, str]:
    """The languages of the :data:`LOCALE_DIR_ENV` folder, each named in itself (from Babel's CLDR data)."""
    folder = _preview_folder()
    if folder is None or not folder.is_dir():
        return {}
    from babel import Locale

    found = sorted(p.stem for p in folder.glob("*.po"))
    names = {lang: Locale.parse(lang).get_display_name(lang) or lang for lang in found}
    return {lang: name[:1].upper() + name[1:] for lang, name in names.items()}


LANGUAGES.update(_previewed())

_override: ContextVar[str | None] = ContextVar("explainer_language", default=None)
_resolver: list[Callable[[], str]] = [lambda: SOURCE]


def normalise(value: object) -> str | None:
    """A language tag as the app knows it: ``"es-ES"``, ``"ES"``, ``"es_MX"`` -> ``"es"``; ``None`` for anything
    that is not one of :data:`LANGUAGES` (an unknown or hand-edited value falls back without an error)."""
    if not isinstance(value, str):
        return None
    primary = value.strip().replace("_", "-").split("-", 1)[0].lower()
    return primary if primary in LANGUAGES else None


def choose(link: object, browser: object) -> str:
    """The page's language: the link's ``?lang=`` if the app has it, else the browser's, else English."""
    return normalise(link) or normalise(browser) or SOURCE


def link_params(lang: str) -> dict[str, str]:
    """What every link the app makes carries so that it opens in ``lang`` (a copied view, a class's join link and
    QR code, a phone following its teacher, the address bar after a page switch): ``{"lang": lang}`` whenever the
    app offers a choice, whether the language came from the link, the session or the browser (the reader of a
    link may have another browser language)."""
    return {LANG_PARAM: lang} if len(LANGUAGES) > 1 else {}


def install(resolver: Callable[[], str]) -> None:
    """The ui layer, once: how to find the language of the page being run (its session's choice)."""
    _resolver[0] = resolver


def current() -> str:
    """The language of the page being run (or of the :func:`using` block around the call)."""
    forced = _override.get()
    if forced is not None:
        return forced
    lang = _resolver[0]()
    return lang if lang in LANGUAGES else SOURCE


@contextmanager
def using(lang: str) -> Iterator[None]:
    """Run a block in ``lang`` whatever the page's language (tests; a text made for another reader)."""
    token = _override.set(lang if lang in LANGUAGES or lang in known_languages() else SOURCE)
    try:
        yield
    finally:
        _override.reset(token)


@cache
def known_languages() -> tuple[str, ...]:
    """Every language with a catalogue file, complete or not (the translators' tools read them all)."""
    folder = resources.files("explainer").joinpath(LOCALE_DIR)
    return tuple(sorted(p.name.removesuffix(".po") for p in folder.iterdir() if p.name.endswith(".po")))


@cache
def catalogue(lang: str) -> gettext.NullTranslations:
    """The compiled catalogue of ``lang`` (English: none, the source is English).  Babel reads the PO file and
    compiles it in memory; fuzzy entries (an English text changed since it was translated) are left out, so
    they show in English."""
    source = None if lang == SOURCE else _catalogue_file(lang)
    if source is None:
        return gettext.NullTranslations()
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with source.open("rb") as f:
        compiled = read_po(f, locale=lang)
    buffer = io.BytesIO()
    write_mo(buffer, compiled, use_fuzzy=False)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


def _catalogue_file(lang: str) -> Traversable | None:
    """The catalogue the app reads for ``lang``: the :data:`LOCALE_DIR_ENV` folder's, else the package's."""
    preview = _preview_folder()
    for folder in ((preview,) if preview else ()) + (resources.files("explainer").joinpath(LOCALE_DIR),):
        candidate = folder.joinpath(f"{lang}.po")
        if candidate.is_file():
            return candidate
    return None


CONTEXT_SEPARATOR = ":"


def context(domain: str, key: str) -> str:
    """An entry's context in the catalogue: the word list it comes from and its key (``"ui:text.banner"``)."""
    return f"{domain}{CONTEXT_SEPARATOR}{key}"


def translate(ctx: str, english: str) -> str:
    """``english`` (the text at ``ctx``) in the page's language; English where the catalogue has none."""
    lang = current()
    if lang == SOURCE:
        return english
    return catalogue(lang).pgettext(ctx, english)


def translate_plural(ctx: str, one: str, other: str, n: int) -> str:
    """The form of a text for the count ``n`` in the page's language (its plural rule is in the catalogue)."""
    lang = current()
    if lang == SOURCE:
        return one if n == 1 else other
    return catalogue(lang).npgettext(ctx, one, other, n)


def deferred(function: Callable[[], R]) -> Callable[[], R]:
    """``function`` to be called later, off the page's run, in the page's language of now (a download's data,
    which Streamlit makes when the button is clicked, where no session says which language the page speaks)."""
    lang = current()

    def in_language() -> R:
        with using(lang):
            return function()

    return in_language


def localised_name(filename: str, lang: str) -> str:
    """The file of a Markdown text in ``lang``: ``"lesson.md"`` -> ``"lesson.es.md"`` (English: the file
    itself)."""
    if lang == SOURCE:
        return filename
    stem, dot, suffix = filename.rpartition(".")
    return f"{stem}.{lang}{dot}{suffix}"


P = ParamSpec("P")
R = TypeVar("R")


def per_language(function: Callable[P, R]) -> Callable[P, R]:
    """Cache ``function`` once per process and language (texts and numbers formatted for a reader)."""

    @cache
    def cached(lang: str, *args: P.args, **kwargs: P.kwargs) -> R:
        return function(*args, **kwargs)

    @wraps(function)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        return cached(current(), *args, **kwargs)

    wrapper.cache_clear = cached.cache_clear  # type: ignore[attr-defined]
    return wrapper
