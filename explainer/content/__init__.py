"""Lesson text as Markdown files, so teachers and translators can edit it without touching Python."""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def load(name: str) -> str:
    """The Markdown text of ``explainer/content/<name>.md``."""
    return resources.files(__package__).joinpath(f"{name}.md").read_text(encoding="utf-8")
