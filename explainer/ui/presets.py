"""Named scenarios (presets) that set several widgets at once through ``st.session_state``.

The one API a page uses is :func:`preset_sliders`: the preset control, then the sliders it sets side by side
(folded behind one click when presenting, if the page asks), each deselecting the preset when moved.
:func:`presets_from` builds a page's presets from its words (``content/words/<page>.toml``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from contextlib import nullcontext
from dataclasses import dataclass, field
from typing import Any

import streamlit as st

from explainer.content import i18n
from explainer.content.words import Words, words
from explainer.ui import presenter
from explainer.ui.widgets import Slider, url_choice

W = words("ui")  # the words: content/words/ui.toml


@dataclass(frozen=True)
class Preset:
    """A one-click scenario: a sentence saying what to look for, and widget values by key.

    Presets are kept in a dict keyed by their label, which is also what the URL shows.
    """

    blurb: str
    values: Mapping[str, float | int | bool] = field(default_factory=dict)
    names: frozenset[str] = frozenset()  # its name in every language the app offers (a link may carry any)


def apply_preset(presets: Mapping[str, Preset], selector_key: str) -> None:
    """``on_change`` callback of a preset selector: copy the chosen preset's values into the widgets."""
    name = st.session_state.get(selector_key)
    if name in presets:
        for key, value in presets[name].values.items():
            st.session_state[key] = value


def apply_preset_from_link(presets: Mapping[str, Preset], selector_key: str, explicit_keys) -> None:
    """Once per session: a link that names a preset sets its values (except those the link gives itself).

    Choosing a preset by clicking runs :func:`apply_preset`; opening a link does not, so this fills the gap.
    """
    flag = f"_{selector_key}_link_applied"
    if st.session_state.get(flag):
        return
    st.session_state[flag] = True
    name = st.session_state.get(selector_key)
    if name in presets:
        for key, value in presets[name].values.items():
            if key not in explicit_keys and key not in st.session_state:
                st.session_state[key] = value


def clear_preset(selector_key: str) -> None:
    """``on_change`` callback of a slider a preset sets: the view no longer is that preset."""
    st.session_state[selector_key] = None


def preset_selector(presets: Mapping[str, Preset], key: str, help_text: str) -> dict:
    """The preset control (URL-bound), a link naming a preset applied once, and the chosen preset's
    sentence; returns the ``on_change`` keyword arguments that sliders pass so moving them deselects it."""
    aliases = {name: shown for shown, preset in presets.items() for name in preset.names}
    url_choice(
        W.text("presets_label"),
        list(presets),
        key=key,
        aliases=aliases,
        on_change=apply_preset,
        args=(presets, key),
        help=help_text,
    )
    apply_preset_from_link(presets, key, set(st.query_params.keys()))
    chosen = st.session_state.get(key)
    # One slot, filled or empty: the number of elements before the animated view stays the same, so choosing
    # a preset updates the view in place instead of remounting it one position further down.
    slot = st.empty()
    if chosen in presets:
        slot.caption(W.text("preset_chosen", name=chosen, caption=presets[chosen].blurb))
    return {"on_change": clear_preset, "args": (key,)}


def presets_from(words: Words, values: Mapping[str, Mapping[str, float | int | bool]]) -> dict[str, Preset]:
    """The page's presets by their shown name, from its words and, by preset id, the widget values each sets."""
    return {
        words.preset_name(pid): Preset(words.preset(pid), preset_values, _names_in_every_language(words, pid))
        for pid, preset_values in values.items()
    }


def _names_in_every_language(words: Words, pid: str) -> frozenset[str]:
    names = set()
    for lang in i18n.LANGUAGES:
        with i18n.using(lang):
            names.add(words.preset_name(pid))
    return frozenset(names)


@dataclass(frozen=True)
class PresetRow:
    """What :func:`preset_sliders` drew: the sliders' values in order, and the column after them (if asked for)."""

    values: list[Any]
    extra: Any = None  # a Streamlit column for the page's other controls (toggles, seeds), or None
    deselect: Mapping[str, Any] = field(default_factory=dict)  # on_change kwargs: moving a widget leaves the preset


def preset_sliders(
    presets: Mapping[str, Preset],
    sliders: Sequence[Slider],
    *,
    key: str,
    help_text: str | None = None,
    tuck_label: str | None = None,
    widths: Sequence[float] | None = None,
) -> PresetRow:
    """The presets above their sliders, side by side; moving a slider leaves the preset.

    ``tuck_label``: when presenting, the sliders fold behind this label (the view stays on the projected
    screen).  ``widths``: the columns' relative widths, one per slider, or one more for :attr:`PresetRow.extra`.
    """
    deselect = preset_selector(presets, key, help_text or W.text("lesson_presets_help"))
    widths = list(widths) if widths else [1] * len(sliders)
    if len(widths) not in (len(sliders), len(sliders) + 1):
        raise ValueError(f"{len(widths)} column widths for {len(sliders)} sliders")
    with presenter.tuck(tuck_label) if tuck_label else nullcontext():
        columns = st.columns(widths)
        values = []
        for column, slider in zip(columns, sliders, strict=False):
            with column:
                values.append(slider.show(**deselect))
    return PresetRow(values, columns[len(sliders)] if len(widths) > len(sliders) else None, deselect)
