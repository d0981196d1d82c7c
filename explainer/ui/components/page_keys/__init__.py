"""Page-wide keys, a component that shows nothing (its browser side: ``assets/index.js``, while mounted):

- in presenter mode a clicker runs the page whatever has the focus (a slider, the time scrubber, the folded
  sidebar's toggle): PageDown / PageUp bring the page's next / previous step (``dom.step_key``: a question, an
  experiment) to the top of the screen, then press the page's next / previous buttons; the page PageUp opens
  is held at its last step while it settles (a clicker walks a lesson backwards); "." or "b" press the step's
  next action (``dom.action_key``: Run the experiment, a teacher's class-mode buttons);
- presenter mode switched on folds an open sidebar away (the browser keeps the reader's last choice, which
  Streamlit lets win over the page config's ``initial_sidebar_state``), and leaving it opens what it folded;
- every static chart's toolbar becomes keyboard buttons ("Download plot as a png" by Enter or Space), with
  a focus ring in the palette's focus colour (sent as data, so the style sheet holds no colour of its own);
- the keyboard focus survives a rerun that removes the focused element (a lesson's "Run the experiment"
  button, gone once pressed): it moves to the nearest part of the page around it that is still there;
- the menu's sections read as lists named by their headings (Streamlit 1.67's sectioned menu is no valid
  list: its ARIA roles are set right).
"""

from __future__ import annotations

from typing import TypedDict

import streamlit as st

from explainer.content.words import words
from explainer.figures.style import LAPTOP_PALETTE, PROJECTOR_PALETTE
from explainer.ui import dom
from explainer.ui.components import mount_hidden

NAME = "page_keys"
# How long a page PageUp opened is held at its last step after it opened (its parts load for a few seconds, on a
# busy machine too), or longer while its script still runs; any key, scroll or click lets go at once.
SETTLE_MS = 6000


class PageKeysData(TypedDict):
    """What the page keys need: the mode, and the classes of the elements they press or step through."""

    presenting: bool  # the clicker's keys step through the page and turn it
    focus: str  # the focus ring's colour
    chart_tool: str  # the name of a chart toolbar's button that has none
    next_class: str  # the class of the next-page button's element
    prev_class: str  # ... of the previous-page button's
    step_class: str  # the start of the class of every step's container
    action_class: str  # the start of the class of every step's next-action button
    settle_ms: int  # how long a page opened backwards (PageUp) is held at its last step while it settles


def page_keys(presenting: bool) -> None:
    """Mount the (invisible) component; ``presenting`` switches the clicker keys on or off."""
    with st.sidebar:  # not above the page: its placeholder while the script loads would move the page down
        mount_hidden(NAME, key=dom.PAGE_KEYS_KEY, data=page_keys_data(presenting))


def page_keys_data(presenting: bool) -> PageKeysData:
    return {
        "presenting": bool(presenting),
        "focus": (PROJECTOR_PALETTE if presenting else LAPTOP_PALETTE).focus,
        "chart_tool": words("ui").text("chart_tool"),
        "next_class": dom.css_class(dom.STEP_NEXT_KEY),
        "prev_class": dom.css_class(dom.STEP_PREV_KEY),
        "step_class": dom.css_class(dom.STEP_KEY_PREFIX),
        "action_class": dom.css_class(dom.ACTION_KEY_PREFIX),
        "settle_ms": SETTLE_MS,
    }
