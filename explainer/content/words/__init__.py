"""The words each page shows, as TOML files: ``content/words/<page>.toml``, plus ``ui.toml`` (the words of
the parts every page shares) and ``figures.toml`` (axis titles, legends, hover texts of the static charts).
A lesson keeps its words in its own package, ``explainer/lessons/<name>/words.toml`` (:func:`words_in`).

A file has up to three tables::

    [controls.<widget key>]      label = "...", help = "..."      (sliders, toggles, number inputs)
    [presets.<id>]               name = "...", caption = "..."    (the name is also what a link shows)
    [text]                       <key> = "..."                    (titles, intros, metric labels, alt texts)

Translators and teachers edit the words there; the code keeps the numbers (bounds, steps, preset values).
A text with a number in it writes ``{{name}}`` (``content/format.py``: the one template syntax).  A missing
word is an error when the page loads, never a blank label.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources

try:
    import tomllib
except ImportError:  # Python 3.10
    import tomli as tomllib

from explainer.content.format import fill, placeholders


@dataclass(frozen=True)
class Words:
    """One page's words (read once per process), looked up by key."""

    page: str
    source: str  # the file, for error messages: "content/words/ui.toml", "lessons/gaba/words.toml"
    controls: Mapping[str, Mapping[str, str]]
    presets: Mapping[str, Mapping[str, str]]
    texts: Mapping[str, str]

    def label(self, key: str) -> str:
        return self._control(key)["label"]

    def help(self, key: str, **values: object) -> str:
        """The control's help text, with its ``{{name}}`` numbers filled in."""
        return self._filled(self._control(key)["help"], f"help of {key!r}", values)

    def preset_name(self, preset_id: str) -> str:
        return self._preset(preset_id)["name"]

    def preset(self, preset_id: str) -> str:
        """The preset's caption: what to look for when it is chosen."""
        return self._preset(preset_id)["caption"]

    def text(self, key: str, **values: object) -> str:
        """The text ``key`` with its ``{{name}}`` numbers filled in; every name it asks for must be given."""
        if key not in self.texts:
            raise KeyError(f"{self.source} has no text {key!r}")
        return self._filled(self.texts[key], f"text {key!r}", values)

    def _filled(self, template: str, what: str, values: Mapping[str, object]) -> str:
        missing = placeholders(template) - set(values)
        if missing:
            raise KeyError(f"{self.source}: {what} needs {sorted(missing)}")
        return fill(template, values)

    def _control(self, key: str) -> Mapping[str, str]:
        if key not in self.controls:
            raise KeyError(f"{self.source} has no control {key!r}")
        return self.controls[key]

    def _preset(self, preset_id: str) -> Mapping[str, str]:
        if preset_id not in self.presets:
            raise KeyError(f"{self.source} has no preset {preset_id!r}")
        return self.presets[preset_id]


@cache
def words(page: str) -> Words:
    """The words of ``page`` (``"ui"`` and ``"figures"`` for the shared parts)."""
    return _read(__package__, f"{page}.toml", page, f"content/words/{page}.toml")


@cache
def words_in(package: str) -> Words:
    """The words of a package that keeps its own (a lesson: ``words.toml`` beside its ``__init__.py``)."""
    name = package.rsplit(".", 1)[-1]
    return _read(package, WORDS_FILE, name, f"{package.removeprefix('explainer.').replace('.', '/')}/{WORDS_FILE}")


WORDS_FILE = "words.toml"


def _read(package: str, filename: str, name: str, source: str) -> Words:
    data = tomllib.loads(resources.files(package).joinpath(filename).read_text(encoding="utf-8"))
    return Words(
        page=name,
        source=source,
        controls=data.get("controls", {}),
        presets=data.get("presets", {}),
        texts=data.get("text", {}),
    )
