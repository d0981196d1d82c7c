"""Which class a tab is in, decided without Streamlit (explainer/classroom/tab.py): every way a tab enters a
class by its link, keeps it across runs and pages, takes back what its browser kept, follows a link to
another class, finds its class ended, leaves it, and carries on through a database outage.  The store is a
real one on SQLite; an outage is a store that cannot be opened."""

from __future__ import annotations

import pytest

from explainer.classroom import codes
from explainer.classroom.errors import ClassUnavailable
from explainer.classroom.store import ClassStore
from explainer.classroom.tab import (
    UNAVAILABLE,
    ClassTab,
    KeeperOrder,
    Kept,
    Link,
    TabSession,
    enter,
    join_typed,
    leave,
    resolve,
    settle,
)
from tests.classroom.conftest import QUESTIONS

Q = "gaba:predict:shunt"


class Opener:
    """The store as a decision opens it, counting the openings; without a store it fails as a database that is
    down does (the Streamlit side's ``store()`` raises :class:`ClassUnavailable`)."""

    def __init__(self, store: ClassStore | None) -> None:
        self.store, self.opened = store, 0

    def __call__(self) -> ClassStore:
        self.opened += 1
        if self.store is None:
            raise ClassUnavailable("open")
        return self.store


@pytest.fixture
def store(tmp_path):
    s = ClassStore(f"sqlite:///{tmp_path / 'classes.sqlite3'}", QUESTIONS)
    yield s
    s.engine.dispose()


@pytest.fixture
def opener(store):
    return Opener(store)


DOWN = Opener(None)


def _student(store: ClassStore, code: str) -> ClassTab:
    return ClassTab(code=code, seat=store.join(code))


# ---- no class ---------------------------------------------------------------------------------------------


def test_a_tab_in_no_class_never_opens_the_store_and_asks_the_keeper(opener):
    first = resolve(TabSession(), Link(), opener)
    assert first.tab is None and first.note is None and first.link == Link()
    assert first.keeper == KeeperOrder("ask")
    final = settle(first, Kept(), opener)
    assert final.tab is None and final.session == TabSession()
    assert opener.opened == 0, "a tab in no class never touches the database (it may be down)"


# ---- a teacher link ---------------------------------------------------------------------------------------


def test_a_teacher_link_gives_the_controls_and_leaves_the_address_bar(store, opener):
    code, token = store.start_class()
    first = resolve(TabSession(), Link(code=code.lower(), seat=codes.new_seat(), teacher=token), opener)
    assert first.tab == ClassTab(code=code, teacher_token=token) and first.session.tab == first.tab
    assert first.link == Link(), "neither the token nor the class stays in the teacher's address bar"
    assert first.keeper == KeeperOrder("keep", code, token), "the browser keeps the token for a reload"
    assert first.note is None


def test_a_teacher_link_wins_over_the_class_the_tab_is_in(store, opener):
    held = _student(store, store.start_class()[0])
    code, token = store.start_class()
    first = resolve(TabSession(held), Link(code=code, teacher=token), opener)
    assert first.tab == ClassTab(code=code, teacher_token=token)


@pytest.mark.parametrize("forged", ["not-a-real-token-at-all", "<script>x</script>", "", "other class"])
def test_a_forged_teacher_link_grants_nothing_and_says_so(store, opener, forged):
    code, _ = store.start_class()
    token = store.start_class()[1] if forged == "other class" else forged
    first = resolve(TabSession(), Link(code=code, teacher=token), opener)
    assert first.tab is None and first.session.tab is None
    assert first.note == "teacher_link_invalid"
    assert first.link == Link(), "the token leaves the address bar, whatever it was"
    assert first.keeper == KeeperOrder("forget") and not first.session.leaving, "told once"


# ---- a student link ---------------------------------------------------------------------------------------


def test_a_student_link_joins_with_a_new_seat_that_goes_into_the_link(store, opener):
    code, _ = store.start_class()
    first = resolve(TabSession(), Link(code=code.lower()), opener)
    tab = first.tab
    assert tab.code == code and not tab.is_teacher and codes.read_token(tab.seat)
    assert first.link == Link(code=code, seat=tab.seat), "a reload keeps the seat, and so the vote"
    assert store.seat_count(code) == 1
    assert first.keeper == KeeperOrder("seat", code, tab.seat)


def test_a_reloaded_student_link_keeps_its_seat_and_its_vote(store, opener):
    code, _ = store.start_class()
    tab = resolve(TabSession(), Link(code=code), opener).tab
    store.vote(code, tab.seat, Q, 2)
    again = resolve(TabSession(), Link(code=code, seat=tab.seat), opener)  # a new session: the same link
    assert again.tab == tab and store.seat_count(code) == 1 and store.my_vote(code, tab.seat, Q) == 2


@pytest.mark.parametrize("code", ["ZZZZZZ", "abc", "<b>x</b>", "A" * 200])
def test_an_unknown_or_garbled_code_gets_a_note_and_leaves_class_mode(opener, code):
    first = resolve(TabSession(), Link(code=code, seat=codes.new_seat()), opener)
    assert first.tab is None and first.note == "code_unknown" and first.link == Link()
    assert first.keeper == KeeperOrder("forget")


def test_a_full_class_says_so(store, opener):
    code, token = store.start_class()
    store.set_size(code, token, 1)
    _student(store, code)
    first = resolve(TabSession(), Link(code=code), opener)
    assert first.tab is None and first.note == "class_full" and first.link == Link()


def test_a_class_closed_to_joining_says_so_and_a_seated_student_stays(store, opener):
    code, token = store.start_class()
    seated = _student(store, code)
    store.set_joining(code, token, False)
    first = resolve(TabSession(), Link(code=code), opener)
    assert first.tab is None and first.note == "joining_closed"
    again = resolve(TabSession(), Link(code=code, seat=seated.seat), opener)  # a reload of a seated student
    assert again.tab == seated


def test_a_made_up_seat_in_a_link_gets_a_fresh_seat_from_the_store(store, opener):
    code, _ = store.start_class()
    made_up = codes.new_seat()
    first = resolve(TabSession(), Link(code=code, seat=made_up), opener)
    assert first.tab.seat != made_up and store.has_seat(code, first.tab.seat) and not store.has_seat(code, made_up)
    assert first.link == Link(code=code, seat=first.tab.seat), "the link now holds the issued seat"


# ---- a tab already in a class -----------------------------------------------------------------------------


def test_a_student_keeps_the_class_on_every_page(store, opener):
    held = _student(store, store.start_class()[0])
    first = resolve(TabSession(held), Link(), opener)  # another page: the link lost its parameters
    assert first.tab == held and first.note is None
    assert first.link == Link(code=held.code, seat=held.seat), "class and seat go back into the link"
    assert first.keeper == KeeperOrder("seat", held.code, held.seat)


def test_a_teachers_address_bar_never_shows_the_class(store, opener):
    code, token = store.start_class()
    held = ClassTab(code=code, teacher_token=token)
    first = resolve(TabSession(held), Link(code=code, seat=codes.new_seat()), opener)
    assert first.tab == held and first.link == Link()


def test_a_link_naming_another_class_is_followed_with_a_seat_of_its_own(store, opener):
    held = _student(store, store.start_class()[0])
    other, _ = store.start_class()
    first = resolve(TabSession(held), Link(code=other, seat=held.seat), opener)
    tab = first.tab
    assert tab.code == other and tab.seat != held.seat, "a seat belongs to one class"
    assert first.link == Link(code=other, seat=tab.seat) and first.note is None
    assert store.seat_count(other) == 1


def test_an_ended_class_drops_the_tab_out_of_class_mode(store, opener):
    code, token = store.start_class()
    held = _student(store, code)
    store.end_class(code, token)
    first = resolve(TabSession(held), Link(code=code, seat=held.seat), opener)
    assert first.tab is None and first.session.tab is None and first.note == "class_ended"
    assert first.link == Link() and first.keeper == KeeperOrder("forget")


# ---- what the browser kept --------------------------------------------------------------------------------


def test_a_reloaded_teacher_tab_takes_back_the_token_its_browser_kept(store, opener):
    code, token = store.start_class()
    first = resolve(TabSession(), Link(), opener)
    final = settle(first, Kept(teacher=(code, token)), opener)
    assert final.tab == ClassTab(code=code, teacher_token=token) and final.session.tab == final.tab
    assert final.link == Link() and final.note is None


@pytest.mark.parametrize("kept", [("ZZZZZZ", "x" * 43), ("<b>", "y" * 43), (None, None)])
def test_a_kept_token_that_is_not_the_teachers_grants_nothing(store, opener, kept):
    code, _ = store.start_class()
    kept = (code, codes.new_teacher_token()) if kept == (None, None) else kept
    final = settle(resolve(TabSession(), Link(), opener), Kept(teacher=kept), opener)
    assert final.tab is None and final.note is None


def test_a_link_to_a_class_wins_over_a_kept_token(store):
    code, token = store.start_class()
    first = resolve(TabSession(), Link(code=code, teacher=token), DOWN)  # the store is down: the class stays
    assert first.link == Link(code=code)
    opener = Opener(store)
    final = settle(first, Kept(teacher=(code, token)), opener)
    assert final.tab is None and opener.opened == 0


def test_a_kept_token_during_an_outage_gets_the_note(store):
    code, token = store.start_class()
    final = settle(resolve(TabSession(), Link(), DOWN), Kept(teacher=(code, token)), DOWN)
    assert final.tab is None and final.note == UNAVAILABLE


def test_a_second_tab_takes_the_seat_its_browser_kept(store, opener):
    code, _ = store.start_class()
    kept = _student(store, code)
    store.vote(code, kept.seat, Q, 1)
    first = resolve(TabSession(), Link(code=code), opener)  # the QR code scanned again: a fresh seat at first
    assert first.tab.seat != kept.seat and store.seat_count(code) == 2
    final = settle(first, Kept(seat=kept.seat), opener)
    assert final.tab == kept and final.session.tab == kept
    assert final.link == Link(code=code, seat=kept.seat)
    assert store.seat_count(code) == 1 and store.my_vote(code, kept.seat, Q) == 1, "one browser, one seat"


@pytest.mark.parametrize("kept", [None, "<b>not a seat</b>", "same"])
def test_a_tab_without_another_kept_seat_keeps_its_own(store, kept):
    code, _ = store.start_class()
    opener = Opener(store)
    first = resolve(TabSession(), Link(code=code), opener)
    opened = opener.opened
    final = settle(first, Kept(seat=first.tab.seat if kept == "same" else kept), opener)
    assert final.tab == first.tab and opener.opened == opened


@pytest.mark.parametrize("trouble", ["ended", "down"])
def test_a_kept_seat_that_cannot_be_taken_leaves_the_tab_in_its_own(store, opener, trouble):
    code, token = store.start_class()
    first = resolve(TabSession(), Link(code=code), opener)
    kept = _student(store, code).seat
    if trouble == "ended":
        store.end_class(code, token)
    final = settle(first, Kept(seat=kept), opener if trouble == "ended" else DOWN)
    assert final.tab == first.tab and final.note is None and final.link == first.link


# ---- leaving ----------------------------------------------------------------------------------------------


def test_a_tab_that_left_tells_its_browser_to_forget_once(opener):
    first = resolve(TabSession(leaving=True), Link(), opener)
    assert first.keeper == KeeperOrder("forget") and not first.session.leaving
    assert settle(first, Kept(teacher=("ABC234", "x" * 43)), opener).tab is None, "not asked: nothing taken back"
    again = resolve(first.session, first.link, opener)
    assert again.keeper == KeeperOrder("ask")


def test_a_teacher_tab_keeps_its_token_even_after_leaving_another_class(store, opener):
    code, token = store.start_class()
    held = ClassTab(code=code, teacher_token=token)
    first = resolve(TabSession(held, leaving=True), Link(), opener)
    assert first.keeper == KeeperOrder("keep", code, token) and first.session.leaving


def test_leaving_and_ending_forget_the_class_with_a_note(store):
    held = _student(store, store.start_class()[0])
    left = leave(TabSession(held), Link(code=held.code, seat=held.seat), "left_class")
    assert left.tab is None and left.session == TabSession(None, leaving=True)
    assert left.link == Link() and left.note == "left_class"


def test_a_started_class_makes_this_tab_its_teacher(store):
    code, token = store.start_class()
    tab = ClassTab(code=code, teacher_token=token)
    started = enter(TabSession(), Link(code="ZZZZZZ", seat=codes.new_seat()), tab)
    assert started.tab == tab and started.session.tab == tab and started.link == Link()


# ---- a typed code -----------------------------------------------------------------------------------------


def test_a_typed_code_joins_that_class_and_leaves_any_other(store, opener):
    held = _student(store, store.start_class()[0])
    code, _ = store.start_class()
    joined = join_typed(
        TabSession(held), Link(code=held.code, seat=held.seat), f" {code.lower()[:3]}-{code[3:]} ", opener
    )
    assert joined.tab.code == code and joined.link == Link(code=code, seat=joined.tab.seat)
    assert joined.session.leaving, "the browser forgets a teacher token it kept"


def test_a_typed_code_that_cannot_be_one_changes_nothing_but_says_so(store, opener):
    held = _student(store, store.start_class()[0])
    link = Link(code=held.code, seat=held.seat)
    typed = join_typed(TabSession(held), link, "hello", opener)
    assert typed.note == "code_unreadable" and typed.tab == held and typed.link == link and opener.opened == 0


def test_a_typed_code_of_no_class_or_during_an_outage(opener):
    assert join_typed(TabSession(), Link(), "ZZZZZZ", opener).note == "code_unknown"
    down = join_typed(TabSession(), Link(), "ZZZZZZ", DOWN)
    assert down.tab is None and down.note == UNAVAILABLE


# ---- an outage --------------------------------------------------------------------------------------------


def test_an_outage_keeps_the_tab_in_its_class_with_a_note(store):
    held = _student(store, store.start_class()[0])
    first = resolve(TabSession(held), Link(), DOWN)
    assert first.tab == held and first.session.tab == held and first.note == UNAVAILABLE
    assert first.keeper == KeeperOrder("seat", held.code, held.seat)


def test_an_outage_keeps_a_student_link_for_the_next_run(store):
    code, _ = store.start_class()
    first = resolve(TabSession(), Link(code=code), DOWN)
    assert first.tab is None and first.note == UNAVAILABLE and first.link == Link(code=code)


def test_an_outage_still_takes_the_token_out_of_the_address_bar(store):
    code, token = store.start_class()
    first = resolve(TabSession(), Link(code=code, teacher=token), DOWN)
    assert first.link.teacher is None and first.tab is None and first.note == UNAVAILABLE
