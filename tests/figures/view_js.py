"""What the animated view's JavaScript reads from a payload's words, found in its source (for the tests of the
view builders): which words each file prints, and which placeholders it fills in each."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

ASSETS = Path(__file__).resolve().parents[2] / "explainer" / "ui" / "components" / "animated_view" / "assets"
# The view's code reads its words as w.<name>, words.<name>, this.w.<name> or (this.)header.words.<name>.
_READ = re.compile(r"(?<![\w.])(?:this\.)?(?:w|words|h\.words|header\.words)\.([a-z][a-z0-9_]*)")
_FILL = re.compile(r"\bfill\(\s*(?:this\.)?(?:w|words|h\.words|header\.words)\.([a-z][a-z0-9_]*)\s*,\s*\{")
PLACEHOLDER = re.compile(r"\{\{\s*(\w+)\s*\}\}")


def _source(name: str) -> str:
    return (ASSETS / name).read_text(encoding="utf-8")


@cache
def words_read(*files: str) -> frozenset[str]:
    """The names of the words the given asset files read."""
    return frozenset(m for f in files for m in _READ.findall(_source(f)))


def _object_keys(text: str, start: int) -> set[str]:
    """The keys of the object literal opening at text[start] ('{'), shorthand ones too."""
    depth, i = 0, start
    while True:
        depth += {"{": 1, "}": -1}.get(text[i], 0)
        if depth == 0:
            break
        i += 1
    body = text[start + 1 : i]
    while re.search(r"\([^()]*\)", body):
        body = re.sub(r"\([^()]*\)", "", body)  # calls and their arguments hold no key
    return {m.group(1) for part in body.split(",") if (m := re.match(r"\s*([a-z_]\w*)\s*(?::|$)", part))}


@cache
def placeholders_filled(*files: str) -> dict[str, frozenset[str]]:
    """word name -> the placeholders the given files fill in it (fill(w.name, {key: ...}))."""
    found: dict[str, set[str]] = {}
    for f in files:
        text = _source(f)
        for m in _FILL.finditer(text):
            found.setdefault(m.group(1), set()).update(_object_keys(text, m.end() - 1))
    return {name: frozenset(keys) for name, keys in found.items()}
