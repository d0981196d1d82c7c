"""Long texts as Markdown files, so teachers and translators can edit them without touching Python: one file per
text in English (``<name>.md``) and one per other language beside it (``<name>.es.md``), with the same structure
(:mod:`explainer.content.i18n`)."""

from __future__ import annotations

from functools import cache
from importlib import resources

from explainer.content.i18n import SOURCE, current, localised_name


def load(name: str) -> str:
    """The Markdown text of ``explainer/content/<name>.md`` in the page's language (English if it has none)."""
    return read_text(__package__, f"{name}.md", current())


@cache
def read_text(package: str, filename: str, lang: str) -> str:
    """A package's Markdown file in ``lang``, else in English; read once per process and language."""
    folder = resources.files(package)
    localised = folder.joinpath(localised_name(filename, lang))
    if lang != SOURCE and localised.is_file():
        return localised.read_text(encoding="utf-8")
    return folder.joinpath(filename).read_text(encoding="utf-8")
