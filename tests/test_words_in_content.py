"""Every word the app shows lives in ``explainer/content/`` (docs/architecture.md, section 8): pages, ui and figures
hold none (a lesson keeps its words in its own words.toml and lesson.md), and neither do the content modules that
write sentences from the model's numbers (the live descriptions: their sentences are templates in
content/words/descriptions.toml, so each language has them).

A "word" here is a string literal with two words of letters in it ("Firing rate", "Run the experiment").
Not words a user sees, and so allowed: docstrings, the messages of exceptions a developer sees
(``raise ValueError("...")``), log messages, and the few technical strings named in ``TECHNICAL`` with
the reason each is not a word.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "explainer"
LAYERS_WITHOUT_WORDS = ("pages", "lessons", "ui", "figures")
MODULES_WITHOUT_WORDS = ("content/live_descriptions.py", "content/lesson_descriptions.py")
TWO_WORDS = re.compile(r"[A-Za-z]{2,}[^\w]*\s[^\w]*[A-Za-z]{2,}")  # two words of letters, a space between
SQL_CALLS = {"execute", "text", "CheckConstraint"}
TECHNICAL = {
    "DejaVu Sans, Arial, Helvetica, sans-serif": "a CSS font list (figures/style.py)",
    "Mobile|iPhone|iPod|Windows Phone": "the phone user-agent pattern (ui/device.py)",
    "top left": "a Plotly text position (figures/synapses.py)",
    "balanced irregular": "the model's id of a regime (model/spikes.py), never shown (content/live_descriptions.py)",
}


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def _not_shown(tree: ast.AST) -> set[int]:
    """String constants under a ``raise``, a logging call or a ``warnings.warn`` (a developer reads those), and
    SQL (``execute``, ``sa.text``, ``CheckConstraint``: the database reads it)."""
    hidden = set()
    for node in ast.walk(tree):
        quiet = isinstance(node, ast.Raise)
        if isinstance(node, ast.Call):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            quiet = quiet or name in SQL_CALLS
        if not quiet and isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            quiet = node.func.attr in {"debug", "info", "warning", "exception", "error", "warn"} and (
                isinstance(node.func.value, ast.Name)
                and node.func.value.id.lstrip("_").lower() in {"log", "logger", "warnings"}
            )
        if quiet:
            hidden |= {id(n) for n in ast.walk(node) if isinstance(n, ast.Constant)}
    return hidden


def _words_in(source: str, where: str) -> list[str]:
    tree = ast.parse(source)
    skip = _docstrings(tree) | _not_shown(tree)
    return [
        f"{where}:{node.lineno}: {node.value[:70]!r}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in skip
        and node.value not in TECHNICAL
        and not node.value.lstrip().startswith("<")  # an HTML or SVG fragment: markup, not words
        and TWO_WORDS.search(re.sub(r"%\{[^}]*\}|<[^>]*>|\{\{\s*\w+\s*\}\}", " ", node.value))
    ]


@pytest.mark.parametrize("layer", LAYERS_WITHOUT_WORDS)
def test_no_words_outside_content(layer):
    found = [
        word
        for path in sorted((PACKAGE / layer).rglob("*.py"))
        for word in _words_in(path.read_text(encoding="utf-8"), str(path.relative_to(PACKAGE.parent)))
    ]
    assert not found, f"words that belong in explainer/content/words/*.toml ({len(found)}):\n" + "\n".join(found)


@pytest.mark.parametrize("module", MODULES_WITHOUT_WORDS)
def test_no_words_in_the_modules_that_write_sentences(module):
    path = PACKAGE / module
    found = _words_in(path.read_text(encoding="utf-8"), str(path.relative_to(PACKAGE.parent)))
    assert not found, "sentences that belong in explainer/content/words/descriptions.toml:\n" + "\n".join(found)


def test_the_scan_finds_a_word_and_skips_what_a_developer_reads():
    source = (
        '"""Docstring with words."""\n'
        "import streamlit as st\n"
        'st.metric("Firing rate", "3")\n'
        'raise ValueError("bad value given")\n'
    )
    assert _words_in(source, "probe") == ["probe:3: 'Firing rate'"]
