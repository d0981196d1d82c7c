"""Widgets whose values live in the URL, with hand-edited links made harmless.

Streamlit's own binding (``bind="query-params"``) keeps each value in the address bar and silently drops
values it cannot use.  These helpers look at the link first: a number outside the widget's range is
clamped to the nearest end, anything unusable falls back to the default, and in both cases a short
note says so.  URL text is never rendered as HTML or Markdown: only a sanitised excerpt is quoted.

The address bar then shows what the page uses, so a copied link carries it.  Streamlit removes an unusable
value from the URL itself (the widget shows its default, which a link leaves out), but it writes a bound
widget's value to the URL only when the user changes it, and it seeds a widget from the URL the run
started with.  So a clamped value is written to the URL with ``st.query_params`` (before the widget binds
the key, which is allowed) and the page runs again at once (``st.rerun``), seeded from the corrected URL.
The notes shown before the rerun are shown again in the run that follows (see :func:`_correct_link`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from typing import Any

import streamlit as st
from streamlit.errors import StreamlitAPIException

_SAFE = re.compile(r"[^0-9A-Za-z.+\-_ ]")
MAX_QUOTED_CHARS = 16

# Session state: the notes about this session's link values, so that a rerun started by a correction
# shows them again: {"gen": corrections so far, "notes": {key: {"label", "message", "value", "gen", "pending"}}}.
LINK_NOTES_KEY = "_ei_link_notes"


def quote_url_value(raw: object) -> str:
    """A short, inert excerpt of a URL value for a message (no markup survives)."""
    text = _SAFE.sub("", str(raw))[:MAX_QUOTED_CHARS]
    return text if text else "(unreadable)"


def _raw_param(key: str) -> str | None:
    """The link's value for ``key`` on the first run of this widget in this session, else None."""
    if key in st.session_state:
        return None
    values = st.query_params.get_all(key)
    return values[-1] if values else None


def _link_notes() -> dict[str, Any]:
    return st.session_state.setdefault(LINK_NOTES_KEY, {"gen": 0, "notes": {}})


def _note(key: str, label: str, message: str, value: float | None = None) -> None:
    """A note beside the widget, and a toast, which is seen even when the widget sits in a closed expander."""
    text = f"The link's setting for **{label}** {message}"
    st.warning(text, icon=":material/link_off:")
    st.toast(text, icon=":material/link_off:")
    state = _link_notes()
    state["notes"][key] = {"label": label, "message": message, "value": value, "gen": state["gen"], "pending": False}


def _show_pending_note(key: str) -> bool:
    """Show the note for ``key`` again if a rerun discarded the run that showed it; True if it did."""
    entry = st.session_state.get(LINK_NOTES_KEY, {}).get("notes", {}).get(key)
    if entry is None or not entry["pending"]:
        return False
    if entry["value"] is not None and key not in st.session_state:
        st.session_state[key] = entry["value"]  # the corrected URL seeds the same value; this keeps it if not
    _note(key, entry["label"], entry["message"], entry["value"])
    return True


def _url_text(value: float) -> str:
    """A number as Streamlit writes it in the URL (``6000.0`` -> ``6000``)."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _correct_link(key: str, label: str, value: float, message: str) -> None:
    """Use ``value`` for ``key``, put it in the URL and run the page again, seeded from it.

    On the first run of a widget in a session its key is not bound yet, so ``st.query_params`` may set it
    (Streamlit refuses to set a bound key).  The notes shown so far in this run, and this one, are marked
    pending and shown again in the next run.  If the key is bound, the value is only put in the session
    state and noted, without a rerun.
    """
    try:
        st.query_params[key] = _url_text(value)
    except StreamlitAPIException:
        st.session_state[key] = value
        _note(key, label, message, value)
        return
    state = _link_notes()
    notes = state["notes"]
    for other, entry in list(notes.items()):
        if entry["gen"] == state["gen"] and other in st.session_state:
            entry["pending"] = True  # shown in this run, which the rerun discards
        elif not entry["pending"]:
            del notes[other]  # an older note, shown in a run that was kept
    notes[key] = {"label": label, "message": message, "value": value, "gen": state["gen"], "pending": True}
    state["gen"] += 1
    st.rerun()


def _reconcile_number(key: str, label: str, lo: float, hi: float, is_int: bool) -> None:
    if _show_pending_note(key):
        return
    raw = _raw_param(key)
    if raw is None:
        return
    try:
        value = float(raw)
    except ValueError:
        _note(key, label, f"(`{quote_url_value(raw)}`) is not a number, so the default is used.")
        return
    if not math.isfinite(value):
        _note(key, label, f"(`{quote_url_value(raw)}`) is not a finite number, so the default is used.")
        return
    if value < lo or value > hi:
        clamped = min(max(value, lo), hi)
        message = f"(`{quote_url_value(raw)}`) is outside {lo:g} to {hi:g}, so {clamped:g} is used."
        _correct_link(key, label, int(clamped) if is_int else float(clamped), message)


def url_slider(label: str, lo: float, hi: float, default: float, step: float, *, key: str, **kwargs) -> float:
    """``st.slider`` bound to the URL under ``key``; out-of-range link values are clamped with a note."""
    is_int = all(isinstance(v, int) and not isinstance(v, bool) for v in (lo, hi, default, step))
    _reconcile_number(key, label, lo, hi, is_int)
    return st.slider(label, lo, hi, default, step, key=key, bind="query-params", **kwargs)


def url_number_input(label: str, lo: int, hi: int, default: int, *, key: str, **kwargs) -> int:
    """Integer ``st.number_input`` bound to the URL, clamped like :func:`url_slider`."""
    _reconcile_number(key, label, lo, hi, True)
    return st.number_input(label, lo, hi, default, 1, key=key, bind="query-params", **kwargs)


def url_choice(
    label: str,
    options: Sequence[str],
    *,
    key: str,
    format_func: Callable[[str], str] = str,
    **kwargs,
) -> str | None:
    """``st.segmented_control`` bound to the URL; an unknown option in the link gets a note.

    The URL holds the option as shown (``format_func(option)``), which is what Streamlit's binding writes.
    """
    if not _show_pending_note(key):
        raw = _raw_param(key)
        if raw is not None and raw not in {format_func(o) for o in options}:
            _note(key, label, f"(`{quote_url_value(raw)}`) is not one of the choices, so it is ignored.")
    return st.segmented_control(
        label, options=list(options), format_func=format_func, key=key, bind="query-params", **kwargs
    )


def url_toggle(label: str, default: bool, *, key: str, **kwargs) -> bool:
    """``st.toggle`` bound to the URL; a link value other than true/false gets a note."""
    if not _show_pending_note(key):
        raw = _raw_param(key)
        if raw is not None and raw.lower() not in ("true", "false"):
            _note(key, label, f"(`{quote_url_value(raw)}`) is neither true nor false, so the default is used.")
    return st.toggle(label, default, key=key, bind="query-params", **kwargs)
