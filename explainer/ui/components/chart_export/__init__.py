"""A static chart's image saved with its settings drawn under it, as the animated views' images are.

Plotly's own camera button saves the chart under the name it is given, and nothing more: its options
(``toImageButtonOptions``) take a file name and a size, not a caption, and Streamlit passes Plotly's configuration
as JSON, so no button of our own can be added to the toolbar.  This component, which shows nothing, takes over
the camera button of one chart that was drawn at settings (``assets/index.js``): the image is the chart as drawn
(its SVG layers, scaled to :data:`EXPORT_WIDTH_PX`), with every setting
(:func:`explainer.figures.export.export_caption`) drawn along its bottom, under the same file name.  A chart that
has no settings keeps Plotly's own export.
"""

from __future__ import annotations

from typing import TypedDict

import streamlit as st

from explainer.figures.export import CAPTION_SEPARATOR
from explainer.figures.style import BASE_FONT_PX, COLORS, FONT_FAMILY, PROJECTOR_PNG, FigureStyle, export_style
from explainer.ui.components import mount_hidden
from explainer.ui.dom import CHART_EXPORT_KEY_PREFIX

NAME = "chart_export"
EXPORT_WIDTH_PX = PROJECTOR_PNG["width"]  # as wide as Plotly's own export of a chart (a projector's 1920 px)
CAPTION_PAGE_PX = BASE_FONT_PX - 2  # the caption's type on the chart's scale: the charts' small type on the page
# and never smaller in the image than the caption of an animated view's saved image (its small type at 1920 px)
CAPTION_MIN_PX = export_style(FigureStyle()).small_font_px


class ChartExportData(TypedDict):
    chart_class: str  # the class of the chart's element on the page ("st-key-<key>")
    filename: str  # the image's file name, without ".png"
    caption: str  # every setting the chart was drawn at, drawn along the image's bottom
    separator: str  # what stands between two settings in the caption (a line may break there)
    width_px: int  # the image's width; its height follows the chart's shape, plus the caption
    font: str  # the caption's font family (the charts' own)
    font_px: int  # the caption's type size at the chart's size on the page (scaled with the chart)
    min_font_px: int  # the caption's smallest type size in the image
    text_color: str  # the caption's colour
    background: str  # the image's background (the charts' own)


def export_data(key: str, filename: str, caption: str) -> ChartExportData:
    """What the browser needs to save the chart of ``key`` as ``filename``.png with ``caption`` under it."""
    return ChartExportData(
        chart_class=f"st-key-{key}",
        filename=filename,
        caption=caption,
        separator=CAPTION_SEPARATOR,
        width_px=EXPORT_WIDTH_PX,
        font=FONT_FAMILY,
        font_px=CAPTION_PAGE_PX,
        min_font_px=CAPTION_MIN_PX,
        text_color=COLORS["text"].laptop,
        background=COLORS["background"].laptop,
    )


def attach(key: str, filename: str, caption: str) -> None:
    """Save the chart of ``key`` with ``caption`` under it (in the sidebar: the page's own elements never move)."""
    with st.sidebar:
        mount_hidden(NAME, key=f"{CHART_EXPORT_KEY_PREFIX}{key}", data=export_data(key, filename, caption))
