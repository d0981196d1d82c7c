"""The words of each page's controls (slider labels and help texts, preset sentences), as TOML files.

One file per page, ``content/controls/<page>.toml``: translators and teachers edit the words there; the
page keeps the numbers (bounds, steps, preset values).  A missing word is an error when the page loads,
never a blank label.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

import tomllib


@dataclass(frozen=True)
class Controls:
    page: str
    sliders: dict
    presets: dict

    def slider_label(self, key: str) -> str:
        return self._slider(key)["label"]

    def slider_help(self, key: str) -> str:
        return self._slider(key)["help"]

    def preset(self, name: str) -> str:
        if name not in self.presets:
            raise KeyError(f"content/controls/{self.page}.toml has no preset {name!r}")
        return self.presets[name]

    def _slider(self, key: str) -> dict:
        if key not in self.sliders:
            raise KeyError(f"content/controls/{self.page}.toml has no slider {key!r}")
        return self.sliders[key]


@cache
def controls(page: str) -> Controls:
    """The words of ``page``'s controls (read once per process)."""
    text = resources.files(__package__).joinpath(f"{page}.toml").read_text(encoding="utf-8")
    data = tomllib.loads(text)
    return Controls(page=page, sliders=data.get("sliders", {}), presets=data.get("presets", {}))
