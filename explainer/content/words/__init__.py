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

from explainer.content.format import fill, num, placeholders
from explainer.content.i18n import context, translate, translate_plural

Plural = Mapping[str, str]  # a text that depends on a count: {one = "...", other = "..."} (English's two forms)


@dataclass(frozen=True)
class Words:
    """One page's words (read once per process), looked up by key, in the page's language: the TOML file is
    English, the catalogues translate it (:mod:`explainer.content.i18n`; an entry's context is
    ``"<domain>:<table>.<key>"``, e.g. ``"ui:text.banner"``, ``"lessons/gaba:controls.gaba_rate.label"``)."""

    page: str
    source: str  # the file, for error messages: "content/words/ui.toml", "lessons/gaba/words.toml"
    domain: str  # its name in the catalogues: "ui", "lessons/gaba"
    controls: Mapping[str, Mapping[str, str]]
    presets: Mapping[str, Mapping[str, str]]
    texts: Mapping[str, str | Plural]

    def label(self, key: str) -> str:
        return self._translated(f"controls.{key}.label", self._control(key)["label"])

    def help(self, key: str, **values: object) -> str:
        """The control's help text, with its ``{{name}}`` numbers filled in."""
        help_text = self._translated(f"controls.{key}.help", self._control(key)["help"])
        return self._filled(help_text, f"help of {key!r}", values)

    def preset_name(self, preset_id: str) -> str:
        return self._translated(f"presets.{preset_id}.name", self._preset(preset_id)["name"])

    def preset(self, preset_id: str) -> str:
        """The preset's caption: what to look for when it is chosen."""
        return self._translated(f"presets.{preset_id}.caption", self._preset(preset_id)["caption"])

    def has(self, key: str) -> bool:
        """Whether the file has the text ``key`` (optional texts: a lesson's exit ticket)."""
        return key in self.texts

    def text(self, key: str, **values: object) -> str:
        """The text ``key`` with its ``{{name}}`` numbers filled in; every name it asks for must be given."""
        english = self._english(key)
        if not isinstance(english, str):
            raise KeyError(f"{self.source}: text {key!r} depends on a count: use plural()")
        return self._filled(self._translated(f"text.{key}", english), f"text {key!r}", values)

    def plural(self, key: str, count: int, **values: object) -> str:
        """The form of the text ``key`` for ``count`` in the page's language (``"1 student has joined"``,
        ``"2 students have joined"``; Spanish, French and German have their own rules), with ``{{n}}`` the
        count as the language writes it and the other ``{{name}}`` numbers filled in."""
        forms = self._english(key)
        if isinstance(forms, str) or set(forms) != PLURAL_FORMS:
            raise KeyError(f"{self.source}: text {key!r} is not a table of the forms {sorted(PLURAL_FORMS)}")
        chosen = translate_plural(context(self.domain, f"text.{key}"), forms["one"], forms["other"], int(count))
        return self._filled(chosen, f"text {key!r}", {"n": num(count), **values})

    def templates(self, prefix: str) -> dict[str, str]:
        """Every text whose key starts with ``<prefix>_``, by the rest of its key, in the page's language with its
        ``{{name}}`` numbers left in: for the browser, which fills them with the numbers it writes (the animated
        views' words, ``views.toml``)."""
        start = f"{prefix}_"
        return {
            key.removeprefix(start): self._translated(f"text.{key}", english)
            for key, english in self.texts.items()
            if key.startswith(start) and isinstance(english, str)
        }

    def _english(self, key: str) -> str | Plural:
        if key not in self.texts:
            raise KeyError(f"{self.source} has no text {key!r}")
        return self.texts[key]

    def _translated(self, key: str, english: str) -> str:
        return translate(context(self.domain, key), english)

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

    def entries(self) -> dict[str, str | Plural]:
        """Every English text of the file by its catalogue key (``"text.banner"``, ``"controls.x.label"``):
        what ``scripts/i18n.py`` extracts for the translators."""
        found: dict[str, str | Plural] = {}
        for key, fields in self.controls.items():
            found.update({f"controls.{key}.{name}": value for name, value in fields.items()})
        for key, fields in self.presets.items():
            found.update({f"presets.{key}.{name}": value for name, value in fields.items()})
        found.update({f"text.{key}": value for key, value in self.texts.items()})
        return found


PLURAL_FORMS = frozenset({"one", "other"})


@cache
def words(page: str) -> Words:
    """The words of ``page`` (``"ui"`` and ``"figures"`` for the shared parts)."""
    return _read(__package__, f"{page}.toml", page, f"content/words/{page}.toml", page)


@cache
def words_in(package: str) -> Words:
    """The words of a package that keeps its own (a lesson: ``words.toml`` beside its ``__init__.py``)."""
    name = package.rsplit(".", 1)[-1]
    folder = package.removeprefix("explainer.").replace(".", "/")
    return _read(package, WORDS_FILE, name, f"{folder}/{WORDS_FILE}", folder)


WORDS_FILE = "words.toml"


def _read(package: str, filename: str, name: str, source: str, domain: str) -> Words:
    data = tomllib.loads(resources.files(package).joinpath(filename).read_text(encoding="utf-8"))
    return Words(
        page=name,
        source=source,
        domain=domain,
        controls=data.get("controls", {}),
        presets=data.get("presets", {}),
        texts=data.get("text", {}),
    )
