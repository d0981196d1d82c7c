"""The app's one way to show a static chart."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import streamlit as st

from explainer.figures.export import Setting, export_name
from explainer.figures.spec import FigureSpec
from explainer.figures.style import chart_config


@dataclass(frozen=True)
class Chart:
    """A static chart as a page shows it: the figure, and the alt text screen readers read."""

    fig: FigureSpec
    alt: str


def chart(fig, key: str, alt: str, *, filename: str | None = None, settings: Sequence[Setting] = ()) -> None:
    """The app's one way to show a static figure: our own styling (theme=None), a projector-sized PNG export
    named ``filename`` (default: after ``key``) and the ``settings`` it was drawn at that differ from their
    defaults (``figures.export.export_name``), and alt text for screen readers."""
    config = chart_config(export_name(filename or key.replace("_", "-"), settings))
    st.plotly_chart(fig, theme=None, key=key, config=config, alt=alt)
