"""The animated neuron under glutamate and GABA input, cached for every page that shows it (the tug of war
playground, lesson 4's exploration).

``cache_resource`` (not ``cache_data``): the result is shared read-only, so a repeated setting costs no copy
at all; every session moving to settings seen before gets them at once (~28 KB each).
"""

from __future__ import annotations

import streamlit as st

from explainer.content.live_descriptions import describe_neuron_run
from explainer.content.words import words
from explainer.figures.neuron_view import neuron_view_payload
from explainer.figures.style import FigureStyle
from explainer.figures.view_codec import view_id
from explainer.model.experiments.balance import (
    TugOfWarSettings,
    compares_without_gaba,
    rate_without_gaba,
    run_tug_of_war,
)
from explainer.model.neuron import NeuronRun

W = words("ui")  # the words: content/words/ui.toml


@st.cache_resource(max_entries=256, show_spinner=False)
def tug_of_war_view(
    settings: TugOfWarSettings, figure_style: FigureStyle, calm: bool, export_name: str, page: str = ""
) -> tuple[NeuronRun, bytes, str]:
    """The model run, the animated view's data and what the run did, in words, for these settings; ``page``
    keeps two pages' views of equal settings apart (the view shows its id once drawn)."""
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
        calm=calm,
    )
    return run, payload, description
