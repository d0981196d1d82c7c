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

2. **A visible, announced notice** while the connection is down: the connection notice component
   (:mod:`explainer.ui.components.connection_notice`).
"""

from __future__ import annotations

from datetime import timedelta

import streamlit as st

from explainer.ui.components.connection_notice import connection_notice

# Long: the marker fragment exists to be registered, not to run (see the module docstring).
RERUN_MARKER_EVERY = timedelta(hours=12)


@st.fragment(run_every=RERUN_MARKER_EVERY)
def _rerun_on_reconnect() -> None:
    """Draws nothing (an empty fragment takes no room): its ``run_every`` makes every reconnect a full rerun."""


def connection_watch() -> None:
    """Rerun in full on every reconnect, and show a notice while the server cannot be reached."""
    _rerun_on_reconnect()
    connection_notice()
