"""Scroll the page to an element once, or open another page once: a phone that follows its teacher lands on the
question asked, or loads the page (and view) the teacher moved to.

A component that shows nothing (``assets/index.js``).  It scrolls the first element with the given class into view
(its top just below Streamlit's header) once per ``nonce``: the same request mounted again on a later run (the
student answering, a poll) never moves the page, and a new move of the teacher (a new nonce) does.  The element
may appear only after the page has settled (a lesson draws its parts one by one): it is looked for until
:data:`SETTLE_MS` after mounting, and the page is held at it while the content above it still changes size,
until the reader scrolls, clicks or types.

While it is mounted (:func:`watch`, once on every following phone's page) it loads a page again that Streamlit 1.67's
frontend has dropped: an update that does not fit the page it has ("Bad delta path index") makes it throw the whole
page away, and the phone stays blank; the address keeps the class and the seat, so the reload is the same student
following the same teacher.  At most once per :data:`RELOAD_GAP_MS` in a tab, never while an ``open_url`` is
replacing the page.
"""

from __future__ import annotations

from typing import TypedDict

from explainer.ui import dom
from explainer.ui.components import mount_hidden

NAME = "scroll_to"
SETTLE_MS = 6000
RELOAD_GAP_MS = 15_000  # a page dropped again soon after a reload is left as it is (no reload loop)


class ScrollToData(TypedDict):
    """Which element to bring into view (or which address to open), and the request's number (once per number)."""

    target_class: str
    nonce: int
    settle_ms: int
    open_url: str  # a relative address to load instead ("" for none): a new page load, as a link would
    reload_gap_ms: int  # the least time between two reloads of a dropped page in this tab


def _data(target_class: str, nonce: int, url: str) -> ScrollToData:
    return ScrollToData(target_class=target_class, nonce=nonce, settle_ms=SETTLE_MS, open_url=url,
                        reload_gap_ms=RELOAD_GAP_MS)  # fmt: skip


def scroll_to(target_class: str, nonce: int) -> None:
    """Bring the element with class ``target_class`` into view, once for this ``nonce``.  Mounted where it is
    called (a fragment cannot write to the sidebar); its style sheet hides its element container."""
    mount_hidden(NAME, key=dom.SCROLL_TO_KEY, data=_data(target_class, nonce, ""))


def open_page(url: str, nonce: int) -> None:
    """Load the relative address ``url`` (a page of this app with its link parameters), once for this ``nonce``."""
    mount_hidden(NAME, key=dom.SCROLL_TO_KEY, data=_data("", nonce, url))


def watch() -> None:
    """No request: only the watch that loads a dropped page again (once per run of a following phone's page, outside
    its fragments, so it stays on the page whatever they draw)."""
    mount_hidden(NAME, key=dom.FOLLOW_WATCH_KEY, data=_data("", 0, ""))
