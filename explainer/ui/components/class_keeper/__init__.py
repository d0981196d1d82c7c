"""The teacher's controls survive a reload: the token is kept in the tab's ``sessionStorage``.

A component that shows nothing; its browser side is ``assets/index.js``.  A teacher tab tells it the class code
and the token; a tab in no class asks it what it remembers, and a remembered token counts only after the store
has checked it.  Nothing goes into the address bar or a cookie; another tab (or another student's browser) has
none.

A student's seat is kept too, per class code, in the browser's ``localStorage``: a second tab of the same
browser (the QR code scanned again) sits in the same seat, so it cannot vote a second time.  A kept seat is
forgotten a class's lifetime after it was kept.

The teacher link carries the token after ``#`` (:func:`teacher_link`): no server, proxy log or page HTML ever
holds it; the browser side takes it out of the address bar (the history entry replaced) and answers an ``ask``
with it, to be checked by the store like a remembered token.
"""

from __future__ import annotations

import json
from typing import TypedDict

import streamlit as st

from explainer.classroom.store import CLASS_LIFETIME_S
from explainer.ui.components import mount_hidden
from explainer.ui.dom import CLASS_KEEPER_KEY, TEACHER_LINK_FRAGMENT

NAME = "class_keeper"
MAX_KEPT_CHARS = 400


class KeptTeacher(TypedDict):
    code: str
    token: str


class KeptSeat(TypedDict):
    code: str
    seat: str
    lifetime_ms: int  # how long the browser keeps it


class ClassKeeperData(TypedDict, total=False):
    """One request per run: ``keep`` (this tab is the teacher's), ``forget`` (the class ended or the tab left
    it), ``ask`` (this tab is in no class: send back what it remembers) or ``seat`` (a student's seat)."""

    keep: KeptTeacher
    forget: bool
    ask: bool
    seat: KeptSeat
    link_key: str  # the fragment's key of a teacher link


SEAT_LIFETIME_MS = int(CLASS_LIFETIME_S * 1000)


def teacher_link(page_url: str, code: str, token: str) -> str:
    """The teacher link: ``page_url`` with the code and token after ``#`` (never sent to a server)."""
    return f"{page_url.split('#')[0]}#{TEACHER_LINK_FRAGMENT}={code}.{token}"


def mount(data: ClassKeeperData) -> str | None:
    """The component, once per run, in the sidebar (so that the page's own elements never move); returns what
    the tab remembers when ``data`` asks for it (a teacher's code and token, or a student's seat)."""
    with st.sidebar:
        result = mount_hidden(
            NAME,
            key=CLASS_KEEPER_KEY,
            data={**data, "link_key": TEACHER_LINK_FRAGMENT},
            on_kept_change=lambda: None,
            on_kept_seat_change=lambda: None,
        )
    return getattr(result, "kept_seat" if "seat" in data else "kept", None)


def read(raw: object) -> tuple[str, str] | None:
    """(code, token) as the browser sent them (still to be checked by the store), or None."""
    if not isinstance(raw, str) or len(raw) > MAX_KEPT_CHARS:
        return None
    try:
        value = json.loads(raw)
    except ValueError:
        return None
    if isinstance(value, dict) and isinstance(value.get("code"), str) and isinstance(value.get("token"), str):
        return value["code"], value["token"]
    return None
