"""The translators' commands (explainer/content/i18n.py says how the languages work).

python scripts/i18n.py update          write explainer/locale/messages.pot from the English word lists and
                                       merge it into every <lang>.po (new texts empty, changed ones fuzzy
                                       with their old translation, removed ones dropped)
python scripts/i18n.py add xx          start the catalogue of a new language xx (then: update, translate)
python scripts/i18n.py missing [xx]    list what a language lacks (every language with a catalogue if no
                                       xx); exit 1 if anything is missing
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po

from explainer.content import catalogue
from explainer.content.i18n import known_languages

WIDTH = 120  # the PO files' line width: long texts fold, as translation tools expect


def _write(catalog: Catalog, path: Path) -> bool:
    """Write ``catalog`` to ``path`` if its entries changed (headers' dates alone never make a new file)."""
    buffer = io.BytesIO()
    for message in catalog:  # a previous msgid some tool wrote back as a plain comment ("# | msgid ...")
        message.user_comments = [c for c in message.user_comments if not c.lstrip().startswith("| msgid")]
    write_po(buffer, catalog, width=WIDTH, ignore_obsolete=True, sort_output=False)
    new = buffer.getvalue()
    if path.is_file() and _body(path.read_bytes()) == _body(new):
        return False
    path.write_bytes(new)
    return True


def _body(po: bytes) -> bytes:
    """A PO file without its header's dates."""
    return b"\n".join(line for line in po.splitlines() if not line.startswith((b'"POT-Creation-Date', b'"PO-Revision')))


def update() -> None:
    template = catalogue.template()
    folder = catalogue.catalogue_path("xx").parent
    if _write(template, folder / catalogue.TEMPLATE_FILE):
        print(f"wrote {folder / catalogue.TEMPLATE_FILE} ({len(template)} texts)")
    for lang in known_languages():
        po = catalogue.read(lang)
        po.update(template, update_header_comment=False)
        if _write(po, catalogue.catalogue_path(lang)):
            print(f"updated {catalogue.catalogue_path(lang)}")


def add(lang: str) -> None:
    path = catalogue.catalogue_path(lang)
    if path.is_file():
        sys.exit(f"{path} exists already")
    _write(Catalog(locale=lang, project="explainer"), path)
    known_languages.cache_clear()
    update()


def missing(langs: list[str]) -> int:
    found = 0
    for lang in langs or list(known_languages()):
        problems = catalogue.missing(lang)
        found += len(problems)
        print(f"{lang}: {len(problems)} missing")
        for p in problems:
            print(f"  {p}")
    return 1 if found else 0


def main(argv: list[str]) -> int:
    if argv[:1] == ["update"]:
        update()
        return 0
    if argv[:1] == ["add"] and len(argv) == 2:
        add(argv[1])
        return 0
    if argv[:1] == ["terms"] and len(argv) == 2:
        for line in catalogue.term_misses(argv[1]):
            print(line)
        return 0
    if argv[:1] == ["missing"]:
        return missing(argv[1:])
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
