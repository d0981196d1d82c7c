"""The notice shown while the server cannot be reached, and "Connected again" when it is back.

``client.toolbarMode = "minimal"`` and presenter mode hide Streamlit's own "Connecting" label, and its
"Connection error" dialog comes only after about 5 s.  This component (it shows nothing in the page) watches
the frontend's connection state, the ``data-test-connection-state`` attribute of ``stApp`` (``CONNECTED``,
``PINGING_SERVER``, ``CONNECTING``, ``DISCONNECTED_FOREVER``), and half a second after the connection drops
shows a ``role="status"`` notice at the bottom of the screen, above everything (Streamlit's dialog, near the
top, stays readable); "Connected again" for a moment when it is back, then nothing.  The notice lives on
``document.body``, outside Streamlit's page, once per browser tab (module state in ``assets/index.js``), so
reruns leave it alone.  Its texts are fixed words (no user data).
"""

from __future__ import annotations

from typing import TypedDict

import streamlit as st

from explainer.content.words import words
from explainer.figures.style import LAPTOP_PALETTE, css_colors
from explainer.ui import dom
from explainer.ui.components import mount_hidden

NAME = "connection_notice"
# The notice's colours (its style.css reads them as --ei-<property>), by their names in the colour table.
NOTICE_COLORS = {
    "notice-bg": "notice_background",
    "notice-text": "notice_text",
    "notice-warn": "notice_warn",
    "notice-ok": "notice_ok",
    "notice-shadow": "notice_shadow",
}

W = words("ui")  # the words: content/words/ui.toml


class NoticeTexts(TypedDict):
    down: str
    down_detail: str
    gone: str
    gone_detail: str
    back: str


class ConnectionNoticeData(TypedDict):
    """The notice's id, texts and colours, and the link parameter that asks for reduced motion."""

    id: str
    texts: NoticeTexts
    colours: dict[str, str]  # --ei-<name> on the notice, from the colour table
    calm_param: str  # in the link as <calm_param>=true: the spinner stands still


def connection_notice() -> None:
    """Mount the notice's watcher (once per run; the notice itself exists once per tab)."""
    with st.sidebar:  # not above the page: its placeholder while the script loads would move the page down
        mount_hidden(NAME, key=dom.CONNECTION_NOTICE_KEY, data=notice_data())


def notice_texts() -> NoticeTexts:
    """The notice's texts in the page's language (the notice shows them later, when the server is gone)."""
    return {
        "down": W.text("connection_down"),
        "down_detail": W.text("connection_down_detail"),
        "gone": W.text("connection_gone"),
        "gone_detail": W.text("connection_gone_detail"),
        "back": W.text("connection_back"),
    }


def notice_data() -> ConnectionNoticeData:
    return {
        "id": dom.NOTICE_ID,
        "texts": notice_texts(),
        "colours": css_colors(LAPTOP_PALETTE, NOTICE_COLORS),
        "calm_param": dom.REDUCE_MOTION_PARAM,
    }
