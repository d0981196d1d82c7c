"""A result that takes a while to compute (a network second: 0.5-0.8 s of CPU, more on a busy server) is never
presented as current while another one is being computed.

A page loads the style sheet (:func:`style`, one slow result per page), opens the status line with
:func:`status_line` above what it draws, and wraps each part that shows the result (the view, its numbers and
words) in :func:`stale_part`.  Before the slow call, :func:`computing` compares what the controls ask for with
what the page last finished showing in this session: if they differ, the status line says that the new result
is being computed and names what is still shown, and the style sheet ``ui/styles/computing.css`` dims the
stale parts while that note is on the page.  After the call, :func:`shown` says what the result now shows.
The note is a server-side element, so it stays up however many runs the controls' changes queue, until a
run has drawn what they asked for.
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from explainer.ui import dom, styles

STYLE_SHEET = "computing.css"


@dataclass(frozen=True)
class Status:
    """The status line of a slow result: its slot on the page and where the session keeps what it shows."""

    slot: object  # an ``st.empty`` slot
    state_key: str  # session key: (id, words) of the result the page last finished showing


def style() -> None:
    """The style sheet that dims the stale parts while a "computing" note is on the page (once per run)."""
    st.html(styles.stylesheet(STYLE_SHEET))


def status_line(state_key: str) -> Status:
    """The line above the result that says what it shows, or that a new one is being computed."""
    return Status(st.empty(), state_key)


def stale_part(part: str):
    """A container for a part that shows the result (dimmed while the next one is computed)."""
    return st.container(key=dom.stale_key(part))


@dataclass(frozen=True)
class Shown:
    """What the page last finished showing: its id, its words (how a note names it) and its status line."""

    requested: str
    words: str
    line: str


def previous(status: Status) -> Shown | None:
    """What the page shows now, as it was when drawn (None before the first result in this session)."""
    shown_now = st.session_state.get(status.state_key)
    return shown_now if isinstance(shown_now, Shown) else None


def computing(status: Status, requested: str, note: str) -> bool:
    """Before the slow call: when the result shown is not ``requested`` (the id of what the controls ask for),
    show ``note`` (which says what is still shown) and return True; else keep the status line as it was."""
    shown_now = previous(status)
    if shown_now is not None and shown_now.requested == requested:
        _line(status, shown_now.line)  # the slot was emptied by this run: the same line, no flicker
        return False
    with status.slot.container(key=dom.COMPUTING_KEY):
        st.markdown(note)
    return True


def shown(status: Status, now: Shown) -> None:
    """After the slow call, once the result is drawn: the status line says what it shows, and the session
    remembers it."""
    _line(status, now.line)
    st.session_state[status.state_key] = now


def _line(status: Status, line: str) -> None:
    status.slot.caption(line)
