"""Which class a browser tab is in, and as whom: decided here, without Streamlit.

Links (the only way in; no names, no accounts, no cookies of ours):

- ``?class=ABC234`` joins a class as a student: the store issues the tab a random **seat**, which goes into its
  link (``&seat=...``) so that a reload keeps the same seat and the same votes, never a second vote.  A ``seat=``
  the store did not issue to this class (made up, or removed by the teacher) gets a fresh seat instead;
- ``?class=ABC234&teacher=<token>`` is the teacher link.  The token is checked against its hash in the
  store, kept in the tab's session (and by the browser's keeper, for a reload) and **removed from the
  address bar at once**, the class code with it: projecting the screen or copying the visible link never
  shows the token.  A student link never grants the teacher's controls.

Every run, before the page, the Streamlit side (``explainer/ui/classroom/session.py``) hands in what the
tab's session holds (:class:`TabSession`), what its link says (:class:`Link`) and a way to open the store,
and applies the :class:`Decision` it gets back: the :class:`ClassTab` the run works in, what the session and
the link's class parameters become, the note to show, and what the browser's keeper is told (a teacher's
token, a student's seat per class).  The keeper answers on the same run, so the decision has two steps:
:func:`resolve` (session and link), then :func:`settle` (what the browser kept).  The class page's buttons
use :func:`join_typed`, :func:`enter` and :func:`leave`.

A code that is unknown, mistyped or expired gets a note and the tab leaves class mode; a database that fails
(:class:`ClassUnavailable`) gets a note too and the tab keeps what it had: the lessons work on without the
class.  Notes are the keys of their words in ``content/words/classroom.toml``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Literal, Protocol

from explainer.classroom import codes
from explainer.classroom.errors import ClassError, ClassUnavailable

UNAVAILABLE = "store_unavailable"  # the note of a database that failed
JOIN_REFUSALS = {"class_full": "class_full", "closed": "joining_closed"}  # the store's reason -> the note


@dataclass(frozen=True)
class ClassTab:
    """This tab in a class: its code, and either a teacher token or a student seat (never both)."""

    code: str
    teacher_token: str | None = None
    seat: str | None = None

    @property
    def is_teacher(self) -> bool:
        return self.teacher_token is not None


@dataclass(frozen=True)
class Link:
    """The class parameters of the tab's address as they came, unchecked (None: not in the address)."""

    code: str | None = None
    seat: str | None = None
    teacher: str | None = None


@dataclass(frozen=True)
class TabSession:
    """What the tab's session holds: its class, and whether it left one since the keeper was last told (the
    browser then forgets a kept teacher token)."""

    tab: ClassTab | None = None
    leaving: bool = False


@dataclass(frozen=True)
class KeeperOrder:
    """What the browser's keeper is told: ``keep`` a teacher's code and token, ``forget`` them, ``ask`` what it
    kept, or keep this ``seat`` of a student in a class (and say which seat it already had there)."""

    kind: Literal["keep", "forget", "ask", "seat"]
    code: str | None = None
    secret: str | None = None  # the teacher token (keep) or the seat (seat)


@dataclass(frozen=True)
class Kept:
    """What the keeper answered, still to be checked: a teacher's (code, token) to an ``ask``, the seat the
    browser has in this class to a ``seat``."""

    teacher: tuple[str, str] | None = None
    seat: object = None


@dataclass(frozen=True)
class Decision:
    """What a run does about class mode: the class it works in (``tab``), what the session holds and the
    link's class parameters are afterwards, the note to show (a word key, or None) and the keeper's order."""

    tab: ClassTab | None
    session: TabSession
    link: Link
    note: str | None = None
    keeper: KeeperOrder | None = None


class Lookups(Protocol):
    """The store's calls a decision makes (``explainer.classroom.store.ClassStore`` has them)."""

    def find_class(self, code: str | None) -> object | None: ...

    def is_teacher(self, code: str | None, token: str | None) -> bool: ...

    def join(self, code: str | None, seat: str | None = None) -> str: ...

    def take_seat(self, code: str | None, fresh: str, kept: str) -> str: ...


# The store, opened on first use only: a tab in no class never touches the database (it may be down).
OpenStore = Callable[[], Lookups]


class _Run:
    """A decision while it is made: the session and the link as they stand after each step, and the note."""

    def __init__(self, session: TabSession, link: Link) -> None:
        self.held, self.leaving, self.link = session.tab, session.leaving, link
        self.note: str | None = None

    def leave(self, reason: str | None = None) -> None:
        """Out of class mode: the session forgets the class and the link loses every class parameter."""
        self.held, self.leaving, self.link = None, True, Link()
        if reason:
            self.note = reason

    def enter(self, tab: ClassTab) -> ClassTab:
        """The session holds ``tab``.  A student's class and seat stay in the address bar on every page; a
        teacher's address bar shows no class (a reload cannot mistake the teacher for a new student) and
        never a token: the teacher's class lives in the session and the keeper only."""
        self.held = tab
        if tab.is_teacher:
            self.link = replace(self.link, code=None, seat=None)
        else:
            self.link = replace(self.link, code=tab.code, seat=tab.seat or self.link.seat)
        return tab

    def decision(self, tab: ClassTab | None, keeper: KeeperOrder | None = None) -> Decision:
        return Decision(tab, TabSession(self.held, self.leaving), self.link, self.note, keeper)


def resolve(session: TabSession, link: Link, store: OpenStore) -> Decision:
    """The first step of a run: the class from the session or the link, and what to tell the keeper."""
    run = _Run(session, link)
    try:
        tab = _from_session_or_link(run, store)
    except ClassUnavailable:
        run.note = UNAVAILABLE
        tab = session.tab
    order = _order(run, tab)
    return run.decision(tab, order)


def settle(first: Decision, kept: Kept, store: OpenStore) -> Decision:
    """The second step: what the browser kept.  A tab in no class takes back a kept teacher token (a
    reload); a student's tab takes the seat its browser already has in this class (a second tab)."""
    run = _Run(first.session, first.link)
    tab = first.tab
    if first.keeper is not None and first.keeper.kind == "ask":
        tab = _teacher_from_kept(run, kept.teacher, store)
    elif first.keeper is not None and first.keeper.kind == "seat" and tab is not None:
        tab = _student_seat_kept(run, tab, kept.seat, store)
    return run.decision(tab, first.keeper)


def join_typed(session: TabSession, link: Link, typed: str, store: OpenStore) -> Decision:
    """A student typed a code on the class page: join that class (out of any other), or say why not."""
    run = _Run(session, link)
    if codes.read_code(typed) is None:
        run.note = "code_unreadable"
        return run.decision(session.tab)
    run.leave()
    try:
        tab = _student_from_link(run, typed, None, store)
    except ClassUnavailable:
        run.note = UNAVAILABLE
        tab = None
    return run.decision(tab)


def enter(session: TabSession, link: Link, tab: ClassTab) -> Decision:
    """This tab is now in ``tab``'s class (the teacher of a class just started)."""
    run = _Run(session, link)
    return run.decision(run.enter(tab))


def leave(session: TabSession, link: Link, reason: str) -> Decision:
    """This tab leaves class mode (a student left, or the teacher ended the class), with a note."""
    run = _Run(session, link)
    run.leave(reason)
    return run.decision(None)


def _order(run: _Run, tab: ClassTab | None) -> KeeperOrder:
    if tab is not None and tab.is_teacher:
        return KeeperOrder("keep", tab.code, tab.teacher_token)
    if run.leaving:  # told once: the flag is spent
        run.leaving = False
        return KeeperOrder("forget")
    if tab is None:
        return KeeperOrder("ask")
    return KeeperOrder("seat", tab.code, tab.seat)


def _from_session_or_link(run: _Run, store: OpenStore) -> ClassTab | None:
    link, held = run.link, run.held
    if link.teacher is not None:
        return _teacher_from_link(run, store)
    if held is None and link.code is not None:
        return _student_from_link(run, link.code, link.seat, store)
    if held is not None:
        if link.code is not None and codes.read_code(link.code) != held.code:
            run.leave()  # the link names another class: follow it, with a seat of its own
            return _student_from_link(run, link.code, None, store)
        if store().find_class(held.code) is None:
            run.leave("class_ended")
            return None
        run.enter(held)  # back in the link after a page change
    return held


def _teacher_from_link(run: _Run, store: OpenStore) -> ClassTab | None:
    code, token = codes.read_code(run.link.code), codes.read_token(run.link.teacher)
    run.link = replace(run.link, teacher=None)  # the token leaves the address bar, whatever it was
    if code and token and store().is_teacher(code, token):
        return run.enter(ClassTab(code=code, teacher_token=token))
    run.leave("teacher_link_invalid")
    return None


def _student_from_link(run: _Run, linked_code: str, linked_seat: str | None, store: OpenStore) -> ClassTab | None:
    code = codes.read_code(linked_code)
    if code is None or store().find_class(code) is None:
        run.leave("code_unknown")
        return None
    try:  # the seat the link brought if the store issued it to this class, else a fresh one
        seat = store().join(code, codes.read_token(linked_seat))
    except ClassError as exc:
        run.leave(JOIN_REFUSALS.get(exc.reason, "code_unknown"))
        return None
    return run.enter(ClassTab(code=code, seat=seat))


def _teacher_from_kept(run: _Run, kept: tuple[str, str] | None, store: OpenStore) -> ClassTab | None:
    if kept is None or run.link.code is not None:  # a link to a class wins over what the tab kept
        return None
    code, token = codes.read_code(kept[0]), codes.read_token(kept[1])
    try:
        if code and token and store().is_teacher(code, token):
            return run.enter(ClassTab(code=code, teacher_token=token))
    except ClassUnavailable:
        run.note = UNAVAILABLE
    return None


def _student_seat_kept(run: _Run, tab: ClassTab, kept: object, store: OpenStore) -> ClassTab:
    """The browser already had a seat in this class: this tab takes it, and the seat it got just now goes.
    If the store refuses or fails, the tab keeps the seat it has (a seat all the same); the next run tries
    again."""
    seat = codes.read_token(kept)
    if seat is None or seat == tab.seat:
        return tab
    try:
        seat = store().take_seat(tab.code, fresh=tab.seat or "", kept=seat)
    except (ClassError, ClassUnavailable):
        return tab
    return tab if seat == tab.seat else run.enter(ClassTab(code=tab.code, seat=seat))
