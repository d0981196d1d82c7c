"""The app's one way to show a static chart."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from explainer.figures.spec import FigureSpec
from explainer.figures.style import chart_config


@dataclass(frozen=True)
class Chart:
    """A static chart as a page shows it: the figure, and the alt text screen readers read."""

    fig: FigureSpec
    alt: str


def chart(fig, key: str, alt: str, *, filename: str | None = None) -> None:
    """The app's one way to show a static figure: our own styling (theme=None), a projector-sized PNG export
    named ``filename`` (default: after ``key``), and alt text for screen readers."""
    config = chart_config(filename or key.replace("_", "-"))
    st.plotly_chart(fig, theme=None, key=key, config=config, alt=alt)
