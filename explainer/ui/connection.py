"""When the server goes away mid-lesson (a crash, a restart, a laptop lid): say so, and carry on when it is back.

:func:`connection_watch` (called once per run by the shell, before the page) adds two things:

1. **A full rerun on every reconnect.**  On reconnecting, Streamlit 1.67's frontend asks for a script run
   only if it never had a session, a run was in progress, the last run was a fragment run, or some fragment
   has ``run_every`` (``App.handleConnectionStateChanged`` in the bundled ``static/js/index.*.js``; the last
   two cases came with streamlit/streamlit#11890, "request a full rerun if ... the previous script run
   contained fragments").  A full run that merely *contains* a fragment without ``run_every`` is not
   detected: after a server restart, a tab that only opened a link reconnects to a new session that never
   ran its page, and that session drops the fragment's reruns ("The fragment with id ... does not exist
   anymore", ``AppSession.request_rerun``), so the playground's sliders move and the chart does not.
   :func:`_rerun_on_reconnect` is a fragment with a long ``run_every`` that draws nothing: it puts every page
   in the detected case, so every reconnect reruns the page in full, from the widgets' values and the URL.
   The frontend restarts its timer with every full run, so the interval fires (a no-op fragment run) only
   in a tab left without a full run for that long.

2. **A visible, announced notice** while the connection is down.  ``client.toolbarMode = "minimal"`` and
   presenter mode hide Streamlit's own "Connecting" label, and its "Connection error" dialog comes only
   after about 5 s.  A small script of ours (fixed texts, no user data) watches the frontend's connection
   state, the ``data-test-connection-state`` attribute of ``stApp`` (``CONNECTED``, ``PINGING_SERVER``,
   ``CONNECTING``, ``DISCONNECTED_FOREVER``), and half a second after the connection drops shows a
   ``role="status"`` notice at the bottom of the screen, above everything (Streamlit's dialog, near the top,
   stays readable); "Connected again" for a moment when it is back, then nothing.  The notice lives on
   ``document.body``, outside Streamlit's page, so reruns and page changes leave it alone; the script
   installs it once per browser tab.
"""

from __future__ import annotations

from datetime import timedelta

import streamlit as st

from explainer.content.words import words
from explainer.figures.style import LAPTOP_PALETTE, css_colors
from explainer.ui import browser

NOTICE_ID = "ei-connection-notice"
# Long: the marker fragment exists to be registered, not to run (see the module docstring).
RERUN_MARKER_EVERY = timedelta(hours=12)
WATCH_CLASS = "ei-connection-watch"
# The notice's colours (connection_notice.css reads them as --ei-<property>), from the colour table.
NOTICE_COLORS = {
    "notice-bg": "notice_background",
    "notice-text": "notice_text",
    "notice-warn": "notice_warn",
    "notice-ok": "notice_ok",
    "notice-shadow": "notice_shadow",
}

W = words("ui")  # the words: content/words/ui.toml
NOTICE_DOWN = W.text("connection_down")
NOTICE_DOWN_DETAIL = W.text("connection_down_detail")
NOTICE_GONE = W.text("connection_gone")
NOTICE_GONE_DETAIL = W.text("connection_gone_detail")
NOTICE_BACK = W.text("connection_back")


@st.fragment(run_every=RERUN_MARKER_EVERY)
def _rerun_on_reconnect() -> None:
    """Draws nothing (an empty fragment takes no room): its ``run_every`` makes every reconnect a full rerun."""


def notice_html() -> str:
    """The notice's script (ui/browser/connection_notice.js) with its fixed texts and colours (no user data),
    behind an empty marker the hiding style sheet finds."""
    texts = {
        "down": NOTICE_DOWN,
        "downDetail": NOTICE_DOWN_DETAIL,
        "gone": NOTICE_GONE,
        "goneDetail": NOTICE_GONE_DETAIL,
        "back": NOTICE_BACK,
    }
    css = browser.stylesheet("connection_notice.css").read_text(encoding="utf-8")
    run = browser.script("connection_notice.js", texts, css, NOTICE_ID, css_colors(LAPTOP_PALETTE, NOTICE_COLORS))
    return f'<span class="{WATCH_CLASS}" hidden></span>' + run


def connection_watch() -> None:
    """Rerun in full on every reconnect, and show a notice while the server cannot be reached."""
    _rerun_on_reconnect()
    st.html(browser.stylesheet("hide_watch.css"))
    st.html(notice_html(), unsafe_allow_javascript=True)
