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
from pathlib import Path

from explainer.content.format import PLACEHOLDER, placeholders
from explainer.content.i18n import LOCALE_DIR, context, localised_name
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
    note: str = ""  # the comment above it in the TOML file: where and when it is shown, for the translator

    @property
    def names(self) -> set[str]:
        """The ``{{name}}`` numbers the English asks for (a plural: either form's)."""
        texts = (self.english,) if isinstance(self.english, str) else self.english
        return set().union(*(placeholders(t) for t in texts))


def sources() -> list[Source]:
    """Every English text of the word lists, in file order."""
    found: list[Source] = []
    for w in word_lists():
        notes = comments((PACKAGE_ROOT / w.source).read_text(encoding="utf-8"))
        for key, value in w.entries().items():
            english = value if isinstance(value, str) else (value["one"], value["other"])
            note = notes.get(key) or notes.get(key.rsplit(".", 1)[0], "")
            found.append(Source(context(w.domain, key), english, f"explainer/{w.source}", note))
    return found


_TABLE = re.compile(r"^\[([A-Za-z0-9_.\-]+)\]\s*$")
_KEY = re.compile(r"^([A-Za-z0-9_\-]+)(?:\.[A-Za-z0-9_\-]+)*\s*=")


def comments(toml: str) -> dict[str, str]:
    """The comment above each key of a TOML word list (``"text.banner"``) or table (``"controls.present"``): the
    block right above it, else the section's (``# ---- file.py: what these words are``), for a translator to
    know where the text shows and what fills it in."""
    notes: dict[str, str] = {}
    block: list[str] = []
    section, table = "", ""
    in_string = False
    for line in toml.splitlines():
        stripped = line.strip()
        if in_string:
            in_string = stripped.count('"""') % 2 == 0
            continue
        if stripped.startswith("#"):
            if stripped.startswith("# ----"):
                block = []
            block.append(stripped.lstrip("#").strip(" -"))
            if stripped.startswith("# ----"):
                section = block[0]
            continue
        header, key = _TABLE.match(stripped), _KEY.match(stripped)
        note = " ".join(block) or section
        if header:
            table = header.group(1)
            notes[table] = note
        elif key and note:
            notes.setdefault(f"{table}.{key.group(1)}", note)
        in_string = stripped.count('"""') % 2 == 1
        block = []
    return {k: v for k, v in notes.items() if v}


def template():
    """The gettext template of every text (a Babel ``Catalog``)."""
    from babel.messages.catalog import Catalog

    catalog = Catalog(project="explainer", fuzzy=False)
    for s in sources():
        catalog.add(s.english, context=s.ctx, locations=[(s.file, None)], auto_comments=[s.note] if s.note else ())
    return catalog


def markdown_sources() -> list[Path]:
    """Every English Markdown text a language translates as a whole file: the lessons' ``lesson.md`` and the
    content folder's texts (``home.md``, ``glossary.md``, ...)."""
    lessons = sorted(p for p in LESSONS_DIR.glob(f"*/{LESSON_FILE}"))
    shared = sorted(p for p in CONTENT_DIR.glob("*.md") if "." not in p.stem)
    return lessons + shared


def catalogue_path(lang: str) -> Path:
    return PACKAGE_ROOT / LOCALE_DIR / f"{lang}.po"


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
    known = {(_singular(s.english), s.ctx) for s in sources()}
    catalog = read(lang)
    return sorted(
        f"{m.context}: no English text" for m in catalog if m.id and (_singular(m.id), m.context) not in known
    )


def _singular(english: str | tuple[str, ...]) -> str:
    """A text's key in a catalogue: the text itself, or a plural's singular (Babel keys a plural by it)."""
    return english if isinstance(english, str) else english[0]


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


TERMS_DIR = PACKAGE_ROOT / "locale" / "terms"


def terms(lang: str) -> dict[str, str]:
    """The fixed terms of ``lang`` (``explainer/locale/terms/<lang>.toml``): English term -> the one way the
    language says it everywhere."""
    path = TERMS_DIR / f"{lang}.toml"
    if not path.is_file():
        return {}
    try:
        import tomllib
    except ImportError:  # Python 3.10
        import tomli as tomllib
    return dict(tomllib.loads(path.read_text(encoding="utf-8")).get("terms", {}))


def _translated_texts(lang: str) -> list[tuple[str, str]]:
    """(English, translation) of every translated text of the catalogue (a plural: its last forms)."""
    pairs: list[tuple[str, str]] = []
    for m in read(lang):
        if not m.id or m.fuzzy:
            continue
        english = m.id if isinstance(m.id, str) else m.id[-1]
        text = m.string if isinstance(m.string, str) else m.string[-1]
        if text:
            pairs.append((english, text))
    return pairs


def _stem(word: str) -> str:
    """A word without its last letters, so an inflected form still counts (excitador -> excitadoras)."""
    return word if len(word) <= 4 else word[: max(4, len(word) - 2)]


def uses_term(term: str, text: str) -> bool:
    """Whether ``text`` says ``term`` (one of its forms ``"a / b"``, each word's stem, case ignored)."""
    lowered = text.lower()
    forms = [re.findall(r"\w+", form.lower()) for form in term.split(" / ")]
    return any(words and all(_stem(w) in lowered for w in words) for words in forms)


def term_misses(lang: str) -> list[str]:
    """Where a fixed term is not used: a translated text whose English has the term (as a whole word, outside
    ``{{names}}``) but whose translation does not say the language's term, and terms no text uses at all."""
    fixed = terms(lang)
    pairs = _translated_texts(lang)
    markdown = " ".join(
        (p.parent / localised_name(p.name, lang)).read_text(encoding="utf-8")
        for p in markdown_sources()
        if (p.parent / localised_name(p.name, lang)).is_file()
    )
    misses: list[str] = []
    for english, term in fixed.items():
        pattern = re.compile(rf"\b{re.escape(english)}\b", re.IGNORECASE)
        for source, text in pairs:
            if pattern.search(PLACEHOLDER.sub("", source)) and not uses_term(term, text):
                misses.append(f"{english!r} -> {term!r} not in: {text[:90]!r}")
        if not uses_term(term, markdown) and not any(uses_term(term, t) for _, t in pairs):
            misses.append(f"{english!r} -> {term!r}: no text uses it")
    return misses
