"""Where a page opens: a new page at its top; a link to a heading (``glossary#conductance``) on the heading, kept
in view while the page settles.

Streamlit changes pages inside the tab, in the same scrolling element, and never resets its scroll: a new page
opened by the menu, the next-page button or a clicker kept the old page's scroll position when the old page was
scrolled down (3 of 4 tries from the tug of war to circuits).  The component sets the main area back to its top
when the address's path changes (``assets/index.js``), unless the link names a heading.

Streamlit scrolls a heading named by the link's ``#anchor`` into view as soon as it is drawn, but the page goes
on changing above it for a moment (elements whose scripts are still loading hold a placeholder of another
height), so the heading ended up under the top bar or above the screen.  This component, which shows nothing,
scrolls it back into view (``assets/index.js``) whenever the page's size changes during the first
:data:`SETTLE_MS` after it opened, until the reader scrolls, clicks or types.  The top bar's height is
kept clear by the app's style sheet (``scroll-margin-top`` on headings, ``assets/app.css``).
"""

from __future__ import annotations

from typing import TypedDict

import streamlit as st

from explainer.ui import dom
from explainer.ui.components import mount_hidden

NAME = "anchor_keeper"
SETTLE_MS = 6000  # a page's last placeholders are drawn within a few seconds of opening, on a busy machine too


class AnchorKeeperData(TypedDict):
    """How long after the page opened the heading a link names is kept in view."""

    settle_ms: int


def keep_anchor_in_view() -> None:
    """Mount the (invisible) component, in the sidebar: nothing of it sits above the page."""
    with st.sidebar:
        mount_hidden(NAME, key=dom.ANCHOR_KEEPER_KEY, data=AnchorKeeperData(settle_ms=SETTLE_MS))
