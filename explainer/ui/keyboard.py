"""Page-wide keys, as a small ``st.components.v2`` component that shows nothing.

Its browser side is ``explainer/ui/page_keys/page_keys.js`` (and ``.css``), package files served from the
component's ``asset_dir``, installed once per tab:

- in presenter mode, PageDown / PageUp turn the page whatever has the focus (a slider, the time scrubber,
  the folded sidebar's toggle): a window-level capture listener presses the page's next / previous buttons;
- every static chart's toolbar becomes keyboard buttons ("Download plot as a png" by Enter or Space), with
  a focus ring in the palette's focus colour (sent as data, so the CSS file holds no colour of its own).
"""

from __future__ import annotations

from functools import cache

import streamlit as st

from explainer.content.words import words
from explainer.figures.style import LAPTOP_PALETTE, PROJECTOR_PALETTE

COMPONENT_NAME = "explainer.page_keys"
KEY = "ei_page_keys"


@cache
def _component():
    # Not style-isolated: the CSS must reach the charts' toolbars in the page itself.
    return st.components.v2.component(COMPONENT_NAME, js="page_keys.js", css="page_keys.css", isolate_styles=False)


def page_keys(presenting: bool, class_teacher: bool = False) -> None:
    """Mount the (invisible) component; ``presenting`` switches the clicker keys on or off; ``class_teacher``
    makes them step through the page's class questions before they turn the page."""
    _component()(
        key=KEY,
        data={
            "presenting": bool(presenting),
            "class_teacher": bool(class_teacher),
            "focus": (PROJECTOR_PALETTE if presenting else LAPTOP_PALETTE).focus,
            "chart_tool": words("ui").text("chart_tool"),
        },
        height="content",
    )
