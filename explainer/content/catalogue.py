"""What there is to translate, and what each language still lacks: the translators' side of
:mod:`explainer.content.i18n`, read by ``scripts/i18n.py`` and by the completeness test.

- :func:`template` is every text of every TOML word list as a gettext template (``explainer/locale/
  messages.pot``): context ``"<domain>:<key>"``, the English text as ``msgid`` (a plural as ``msgid`` /
  ``msgid_plural``), the file it comes from as its location.
- :func:`markdown_sources` are the long texts: every English Markdown file that has a counterpart per language.
- :func:`missing` lists, for a language, the texts with no usable translation (none, fuzzy, or with other
  ``{{name}}`` numbers than the English) and the Markdown files it lacks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from explainer.content.format import placeholders
from explainer.content.i18n import LOCALE_PACKAGE, context, localised_name
from explainer.content.parse import BLOCK_HEADING
from explainer.content.words import WORDS_FILE, Words, words, words_in

PACKAGE_ROOT = Path(__file__).resolve().parent.parent  # explainer/
LESSONS_DIR = PACKAGE_ROOT / "lessons"
CONTENT_DIR = PACKAGE_ROOT / "content"
LESSON_FILE = "lesson.md"
TEMPLATE_FILE = "messages.pot"


def word_lists() -> list[Words]:
    """Every TOML word list: the shared and pages' (``content/words``), then each lesson's."""
    shared = [words(p.stem) for p in sorted((CONTENT_DIR / "words").glob("*.toml"))]
    lessons = [
        words_in(f"explainer.lessons.{d.name}") for d in sorted(LESSONS_DIR.iterdir()) if (d / WORDS_FILE).is_file()
    ]
    return shared + lessons


@dataclass(frozen=True)
class Source:
    """One English text to translate: its context, its English (one text, or the singular and plural), and the
    file it lives in."""

    ctx: str
    english: str | tuple[str, str]
    file: str

    @property
    def names(self) -> set[str]:
        """The ``{{name}}`` numbers the English asks for (a plural: either form's)."""
        texts = (self.english,) if isinstance(self.english, str) else self.english
        return set().union(*(placeholders(t) for t in texts))


def sources() -> list[Source]:
    """Every English text of the word lists, in file order."""
    found: list[Source] = []
    for w in word_lists():
        for key, value in w.entries().items():
            english = value if isinstance(value, str) else (value["one"], value["other"])
            found.append(Source(context(w.domain, key), english, f"explainer/{w.source}"))
    return found


def template():
    """The gettext template of every text (a Babel ``Catalog``)."""
    from babel.messages.catalog import Catalog

    catalog = Catalog(project="explainer", fuzzy=False)
    for s in sources():
        catalog.add(s.english, context=s.ctx, locations=[(s.file, None)])
    return catalog


def markdown_sources() -> list[Path]:
    """Every English Markdown text a language translates as a whole file: the lessons' ``lesson.md`` and the
    content folder's texts (``home.md``, ``glossary.md``, ...)."""
    lessons = sorted(p for p in LESSONS_DIR.glob(f"*/{LESSON_FILE}"))
    shared = sorted(p for p in CONTENT_DIR.glob("*.md") if "." not in p.stem)
    return lessons + shared


def catalogue_path(lang: str) -> Path:
    return Path(str(resources.files(LOCALE_PACKAGE).joinpath(f"{lang}.po")))


def read(lang: str):
    """The PO catalogue of ``lang`` as Babel reads it (an empty one if the file does not exist yet)."""
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import read_po

    path = catalogue_path(lang)
    if not path.is_file():
        return Catalog(locale=lang, project="explainer")
    with path.open("rb") as f:
        return read_po(f, locale=lang)


def untranslated(lang: str) -> list[str]:
    """The contexts of the texts ``lang``'s catalogue does not translate usably: missing, empty, fuzzy, or with
    other ``{{name}}`` numbers than the English (a translation may leave out none and add none)."""
    catalog = read(lang)
    problems: list[str] = []
    for s in sources():
        message = catalog.get(s.english if isinstance(s.english, str) else s.english[0], context=s.ctx)
        strings = (
            () if message is None else (message.string if isinstance(message.string, tuple) else (message.string,))
        )
        if message is None or message.fuzzy or not all(strings):
            problems.append(f"{s.ctx}: not translated")
            continue
        for text in strings:
            if placeholders(text) - s.names or (isinstance(s.english, str) and s.names - placeholders(text)):
                problems.append(f"{s.ctx}: its {{{{names}}}} differ from the English ({sorted(s.names)})")
                break
    return problems


def extra(lang: str) -> list[str]:
    """The contexts in ``lang``'s catalogue that no English text has any more (obsolete entries left behind)."""
    known = {(s.english if isinstance(s.english, str) else s.english[0], s.ctx) for s in sources()}
    catalog = read(lang)
    return sorted(
        f"{m.context}: no English text" for m in catalog if m.id and (_singular(m.id), m.context) not in known
    )


def _singular(msgid: str | tuple[str, ...]) -> str:
    """A catalogue entry's English (a plural's: its singular, as :func:`sources` keys it)."""
    return msgid if isinstance(msgid, str) else msgid[0]


def missing_markdown(lang: str) -> list[str]:
    """The English Markdown files with no counterpart in ``lang``."""
    return [
        str(p.relative_to(PACKAGE_ROOT.parent))
        for p in markdown_sources()
        if not (p.parent / localised_name(p.name, lang)).is_file()
    ]


def missing(lang: str) -> list[str]:
    """Everything ``lang`` lacks: untranslated or obsolete texts, missing Markdown files and Markdown files whose
    shape differs from the English (:func:`markdown_differences`)."""
    shapes = [d for p in markdown_sources() for d in markdown_differences(p, lang)]
    return untranslated(lang) + extra(lang) + [f"{f}: no {lang} file" for f in missing_markdown(lang)] + shapes


_HEADING_LINE = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t]*$")
_ANCHOR = re.compile(r"\{#([a-z0-9-]+)\}\s*$")
_OPTION = re.compile(r"^- \[([ x])\] ")
_LINK_TARGET = re.compile(r"\]\(([^)\s]+)\)")


def shape(markdown: str) -> dict[str, object]:
    """What a translation of a Markdown text must keep: its headings' levels, anchors and lesson blocks (``##
    predict: spikes`` is a name, not words), its questions' options and which one is right (``- [x]``), its
    ``{{name}}`` numbers and its links' targets."""
    headings: list[tuple[int, str | None]] = []
    options: list[str] = []
    in_code = False
    for line in markdown.splitlines():
        if line.startswith("```"):
            in_code = not in_code
        if in_code:
            continue
        heading = _HEADING_LINE.match(line)
        if heading:
            level, text = len(heading.group(1)), heading.group(2)
            anchor = _ANCHOR.search(text)
            block = BLOCK_HEADING.match(line) if level == 2 else None
            headings.append((level, anchor.group(1) if anchor else (text if block else None)))
        option = _OPTION.match(line)
        if option:
            options.append(option.group(1))
    return {
        "headings": headings,
        "options": "".join(options),
        "names": sorted(placeholders(markdown)),
        "links": sorted(_LINK_TARGET.findall(markdown)),
    }


def markdown_differences(english: Path, lang: str) -> list[str]:
    """How ``lang``'s file of the English Markdown ``english`` differs in shape (:func:`shape`): empty if it
    keeps every heading, block, option, right answer, number and link (or if it does not exist yet)."""
    translated = english.parent / localised_name(english.name, lang)
    if not translated.is_file():
        return []
    want = shape(english.read_text(encoding="utf-8"))
    got = shape(translated.read_text(encoding="utf-8"))
    return [
        f"{translated.name} in {english.parent.name}: its {k} differ from the English"
        for k in want
        if want[k] != got[k]
    ]
