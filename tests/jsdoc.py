"""The JSDoc ``@typedef`` declarations of a JavaScript file, to compare with the Python ``TypedDict`` of the same
name: ``@typedef {Object} Name`` with its ``@property {type} name`` lines (``[name]``: optional), and
``@typedef {A & B} Name`` (the fields of A and B together)."""

from __future__ import annotations

import re
import typing
from dataclasses import dataclass
from pathlib import Path

_BLOCK = re.compile(r"/\*\*(.*?)\*/", re.S)
_TYPEDEF = re.compile(r"@typedef\s+\{([^}]*)\}\s+(\w+)")
_PROPERTY = re.compile(r"@property\s+\{[^}]*\}\s+(\[?)(\w+)\]?")


@dataclass(frozen=True)
class Typedef:
    name: str
    required: frozenset[str]
    optional: frozenset[str]

    @property
    def fields(self) -> frozenset[str]:
        return self.required | self.optional


def typedefs(path: Path) -> dict[str, Typedef]:
    """Every typedef in the file, intersections resolved."""
    objects: dict[str, Typedef] = {}
    intersections: dict[str, list[str]] = {}
    for block in _BLOCK.findall(path.read_text(encoding="utf-8")):
        found = _TYPEDEF.search(block)
        if not found:
            continue
        kind, name = found.group(1).strip(), found.group(2)
        if kind == "Object":
            props = _PROPERTY.findall(block)
            objects[name] = Typedef(
                name, frozenset(p for opt, p in props if not opt), frozenset(p for opt, p in props if opt)
            )
        else:
            intersections[name] = [part.strip() for part in kind.split("&")]
    for name, parts in intersections.items():
        objects[name] = Typedef(
            name,
            frozenset().union(*(objects[p].required for p in parts)),
            frozenset().union(*(objects[p].optional for p in parts)),
        )
    return objects


def typed_dicts(module: object) -> dict[str, type]:
    """The TypedDict classes a module defines (not those it imports)."""
    return {
        name: value
        for name, value in vars(module).items()
        if isinstance(value, type) and typing.is_typeddict(value) and value.__module__ == module.__name__
    }


def mismatches(typed_dict: type, typedef: Typedef | None) -> list[str]:
    """How a TypedDict and its typedef differ (empty: they declare the same fields, equally optional)."""
    name = typed_dict.__name__
    if typedef is None:
        return [f"{name}: no @typedef {name} in the JavaScript"]
    problems = []
    for label, python, js in (
        ("required", typed_dict.__required_keys__, typedef.required),
        ("optional", typed_dict.__optional_keys__, typedef.optional),
    ):
        if set(python) != set(js):
            problems.append(f"{name}: {label} fields differ: Python only {sorted(set(python) - js)}, "
                            f"JavaScript only {sorted(js - set(python))}")  # fmt: skip
    return problems
