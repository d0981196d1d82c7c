"""The animated neuron under glutamate and GABA input, cached for every page that shows it (the tug of war
playground, lesson 4's exploration, Start here), and the tug of war's presets and rate sliders, which the
playground and lesson 4 share: one definition per preset name (:func:`tug_of_war_presets`).

``cache_resource`` (not ``cache_data``): the result is shared read-only, so a repeated setting costs no copy
at all; every session moving to settings seen before gets them at once (~28 KB each).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

import streamlit as st

from explainer.content import i18n
from explainer.content.live_descriptions import describe_neuron_run
from explainer.content.words import words
from explainer.figures.neuron_view import neuron_view_payload
from explainer.figures.style import FigureStyle
from explainer.figures.view_codec import view_id
from explainer.model.experiments.balance import (
    DEFAULT_SETTINGS,
    TUG_OF_WAR_PRESETS,
    TugOfWarSettings,
    compares_without_gaba,
    rate_without_gaba,
    run_tug_of_war,
)
from explainer.model.neuron import NeuronRun
from explainer.ui import dom
from explainer.ui.widgets import Slider

W = words("ui")  # the words: content/words/ui.toml
PRESET_WORDS = words("tug_of_war")  # the shared presets' names and captions: content/words/tug_of_war.toml
# The input-rate sliders of both pages: the same range and step, on which every preset lies.
RATE_MAX_HZ = 6000
RATE_STEP_HZ = 250


def tug_of_war_presets(widgets: Mapping[str, Slider | str]) -> dict[str, dict[str, float | int]]:
    """The tug of war's presets (``TUG_OF_WAR_PRESETS``) as the values of one page's widgets, by preset id.

    ``widgets`` maps each :class:`TugOfWarSettings` field the page lets a student set to its slider (an int
    slider gets ints) or its widget's key.  A preset that differs from the opening setting in a field the page
    has no widget for would show another setting under the same name there: a ``ValueError``.
    """
    presets: dict[str, dict[str, float | int]] = {}
    for preset_id, preset in TUG_OF_WAR_PRESETS.items():
        if replace(DEFAULT_SETTINGS, **{f: getattr(preset, f) for f in widgets}) != preset:
            raise ValueError(f"preset {preset_id!r} sets a field this page has no widget for: {preset}")
        values: dict[str, float | int] = {}
        for field, widget in widgets.items():
            value = getattr(preset, field)
            if isinstance(widget, Slider):
                values[widget.key] = type(widget.default)(value)
            else:
                values[widget] = value
        presets[preset_id] = values
    return presets


@st.cache_resource(max_entries=256, show_spinner=False)
def tug_of_war_view(
    settings: TugOfWarSettings,
    figure_style: FigureStyle,
    calm: bool,
    export_name: str,
    page: str = "",
    export_caption: str = "",
    *,
    lang: str,
) -> tuple[NeuronRun, bytes, str]:
    """The model run, the animated view's data and what the run did, in words, for these settings; ``page``
    keeps two pages' views of equal settings apart (the view shows its id once drawn); the saved image is named
    ``export_name`` and captioned ``export_caption`` (``figures.export``)."""
    with i18n.using(lang):
        run, inp = run_tug_of_war(settings)
        without = rate_without_gaba(settings, inp) if compares_without_gaba(settings, run) else None
        description = describe_neuron_run(run, inp, without)
        payload = neuron_view_payload(
            run,
            inp,
            view_id=view_id(settings, prefix=page),
            figure_style=figure_style,
            alt=W.text("neuron_alt", description=description),
            export_name=export_name,
            export_caption=export_caption,
            link_private=dom.PRIVATE_LINK_PARAMS,
            calm=calm,
        )
        return run, payload, description
