"""The app's one way to show a static chart."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import streamlit as st

from explainer.figures.export import Setting, export_caption, export_name
from explainer.figures.spec import FigureSpec
from explainer.figures.style import chart_config
from explainer.ui import dom
from explainer.ui.components import chart_export
from explainer.ui.styles import stylesheet


@dataclass(frozen=True)
class Chart:
    """A static chart as a page shows it: the figure, and the alt text screen readers read."""

    fig: FigureSpec
    alt: str


def chart(fig, key: str, alt: str, *, filename: str | None = None, settings: Sequence[Setting] = ()) -> None:
    """The app's one way to show a static figure: our own styling (theme=None), a projector-sized PNG export
    named ``filename`` (default: after ``key``) and the ``settings`` it was drawn at that differ from their
    defaults (``figures.export.export_name``), with every setting drawn under it (``components.chart_export``),
    and alt text for screen readers."""
    name = export_name(filename or key.replace("_", "-"), settings)
    st.plotly_chart(fig, theme=None, key=key, config=chart_config(name), alt=alt)
    if settings:
        chart_export.attach(key, name, export_caption(settings))


def preload_plotly() -> None:
    """An empty chart nobody sees, so that the browser loads Plotly's code now: a class-mode student waiting for
    the teacher's reveal has no chart on the page yet, and loading Plotly on the reveal itself made the
    experiment's charts appear about 7 s after the page's run had finished (one phone, a loaded test machine)."""
    st.html(stylesheet("preload.css"))
    with st.container(key=dom.PLOTLY_PRELOAD_KEY):
        dot = {"type": "scatter", "x": [0], "y": [0], "mode": "markers", "marker": {"opacity": 0}, "hoverinfo": "skip"}
        empty = {"data": [dot], "layout": {"xaxis": {"visible": False}, "yaxis": {"visible": False}, "height": 10}}
        st.plotly_chart(empty, theme=None, key=f"{dom.PLOTLY_PRELOAD_KEY}_chart",
                        config={"staticPlot": True, "displayModeBar": False})  # fmt: skip
