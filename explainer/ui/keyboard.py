"""Keyboard access to every static chart's toolbar, as a small ``st.components.v2`` component.

Its browser side is ``explainer/ui/chart_keys/chart_keys.js`` (and ``.css``), package files served from the
component's ``asset_dir``: the script, installed once per tab, makes Plotly's toolbar buttons focusable
keyboard buttons ("Download plot as a png" by Enter or Space).  The component shows nothing.
"""

from __future__ import annotations

from functools import cache

import streamlit as st

COMPONENT_NAME = "explainer.chart_keys"
KEY = "ei_chart_keys"


@cache
def _component():
    # Not style-isolated: the CSS must reach the charts' toolbars in the page itself.
    return st.components.v2.component(COMPONENT_NAME, js="chart_keys.js", css="chart_keys.css", isolate_styles=False)


def keyboard_chart_tools() -> None:
    """Mount the (invisible) component; its script installs itself once per tab."""
    _component()(key=KEY, height="content")
