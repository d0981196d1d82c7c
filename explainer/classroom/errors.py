"""The two kinds of failure class mode knows, and nothing else leaves the store.

A page catches exactly these: a :class:`ClassError` is a request the store refuses on purpose (a forged vote,
a wrong teacher token, a class that has ended), and the page says why in words; a :class:`ClassUnavailable`
means the database could not do what was asked (unreachable, timed out, a full disk, a schema newer than
this app), and the page says the class pauses while the lessons go on.  Neither carries a token or a seat.
"""

from __future__ import annotations


class ClassError(Exception):
    """A request the store refuses; ``reason`` names why, for the page to say it in words."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


class ClassUnavailable(Exception):
    """The class database failed while doing ``action``.  The cause is chained (``__cause__``) and was
    logged once, where it happened, so whoever catches this only has to tell the user."""

    def __init__(self, action: str):
        super().__init__(f"the class store could not {action}")
        self.action = action
