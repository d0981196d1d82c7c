"""Class mode through the real app (AppTest): a teacher starts a class, students join by link, vote, wait
for the reveal and see it; the teacher's token leaves the link and a student's link never grants it."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from explainer.classroom import codes
from explainer.classroom import store as store_module
from explainer.classroom.store import ClassStore
from explainer.classroom.tab import ClassTab
from explainer.lessons import LESSONS
from explainer.ui.classroom import session
from explainer.ui.lesson_parts import run_key
from tests.app.conftest import assert_clean, open_page, page_text, switch_to

LESSON = "gaba"
QID = "gaba:predict:shunt"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.e2e)])
def class_db(request, tmp_path, monkeypatch):
    """A fresh class database for this test, a SQLite file or the PostgreSQL server's database emptied; the
    app's store (through the environment, as a deployment sets it) and the test's share it."""
    if request.param == "sqlite":
        path = tmp_path / "classes.sqlite3"
        monkeypatch.setenv(store_module.ENV_SQLITE_PATH, str(path))
        monkeypatch.delenv(store_module.ENV_DATABASE_URL, raising=False)
        url = f"sqlite:///{path.resolve()}"
    else:
        url = request.getfixturevalue("postgres_url")
        engine = sa.create_engine(url)
        with engine.begin() as conn:
            store_module.metadata.drop_all(conn)
        engine.dispose()
        session._store.clear()  # the app's cached store: a new one creates the schema again
        monkeypatch.setenv(store_module.ENV_DATABASE_URL, url)
    store = ClassStore(url, session.questions_of(LESSONS).options)
    yield store
    store.engine.dispose()


def _tab(at) -> ClassTab | None:
    """The class this AppTest's tab is in (None: not in class mode)."""
    try:
        return at.session_state[session.STATE_KEY]
    except KeyError:
        return None


def _buttons(at) -> dict[str, object]:
    return {b.key: b for b in at.button if b.key}


def test_a_teacher_starts_a_class_and_the_page_projects_its_code(class_db):
    at = open_page("classroom.py")
    assert_clean(at)
    _buttons(at)["class_start"].click().run()
    assert_clean(at)
    tab = _tab(at)
    assert tab.is_teacher and class_db.find_class(tab.code) is not None
    assert "teacher" not in at.query_params and "class" not in at.query_params, (
        "the teacher's address bar shows neither the token nor the class (a reload is no new student)"
    )
    assert any(tab.code in str(m.value) for m in at.markdown), "the code is on the projected page"
    assert "class_end" in _buttons(at) and not any(b.key == "class_start" for b in at.button)


def test_a_student_link_joins_votes_waits_and_then_sees_the_reveal(class_db):
    code, token = class_db.start_class()
    at = open_page(LESSON, {"class": code})
    assert_clean(at)
    tab = _tab(at)
    assert not tab.is_teacher and tab.seat and at.query_params["seat"] == tab.seat
    assert class_db.seat_count(code) == 1
    run = run_key("gaba_predict_shunt")
    assert not any(b.key == run for b in at.button), "in class mode the teacher runs the reveal"
    radio = at.radio(key="gaba_predict_shunt")
    radio.set_value(radio.options[1]).run()
    assert_clean(at)
    assert class_db.tally(code, QID) == [0, 1, 0][: len(radio.options)] + [0] * (len(radio.options) - 3)
    assert not at.get("plotly_chart"), "the experiment waits for the teacher"
    assert "Your teacher decides when the whole class sees the experiment" in page_text(at)
    assert "What you found" not in page_text(at), "and so does the answer"
    at.radio(key="gaba_predict_shunt").set_value(radio.options[0]).run()
    counts = class_db.tally(code, QID)
    assert counts[0] == 1 and sum(counts) == 1, f"a changed answer replaces the vote: {counts}"
    class_db.reveal(code, token, QID)
    at.run()
    assert_clean(at)
    assert at.get("plotly_chart"), "after the reveal the student sees the experiment"
    assert "What you found" in page_text(at), "and what it shows"
    assert "You predicted" in page_text(at) or at.success or at.warning, "and the feedback on their own answer"


def test_the_teacher_link_gives_the_controls_and_leaves_the_address_bar(class_db):
    code, token = class_db.start_class()
    at = open_page(LESSON, {"class": code, "teacher": token})
    assert_clean(at)
    assert _tab(at).is_teacher
    assert "teacher" not in at.query_params
    seat = codes.new_seat()
    class_db.join(code, seat)
    class_db.vote(code, seat, QID, 2)
    at.run()
    assert "**1** of 1 student has voted" in " ".join(str(m.value) for m in at.markdown)
    bars = [el.proto.text for el in at.get("progress")]
    assert len(bars) == 3 and bars[2].startswith("**1** · 100 %") and bars[0].startswith("**0** · 0 %"), bars
    _buttons(at)["gaba_predict_shunt_reveal"].click().run()
    assert_clean(at)
    assert class_db.is_revealed(code, QID)
    assert at.get("plotly_chart"), "the teacher's screen shows the experiment too"


@pytest.mark.parametrize("forged", ["not-a-real-token-at-all", "<script>x</script>", ""])
def test_a_forged_teacher_link_grants_nothing_and_says_so(class_db, forged):
    code, _ = class_db.start_class()
    at = open_page(None, {"class": code, "teacher": forged})  # the note shows on the page the link opens
    assert_clean(at)
    assert _tab(at) is None
    assert "teacher" not in at.query_params
    assert "not valid" in page_text(at)
    assert "<script>" not in page_text(at)
    switch_to(at, LESSON).run()
    assert not any(str(b.key).endswith("_reveal") for b in at.button)


def test_a_student_link_never_grants_the_teacher_controls(class_db):
    code, _ = class_db.start_class()
    seat = codes.new_seat()
    at = open_page(LESSON, {"class": code, "seat": seat})
    assert_clean(at)
    assert not _tab(at).is_teacher
    assert not any(str(b.key).endswith("_reveal") for b in at.button)


@pytest.mark.parametrize("code", ["ZZZZZZ", "abc", "<b>x</b>", "A" * 200])
def test_an_unknown_or_garbled_code_gets_a_note_and_the_lesson_works_alone(class_db, code):
    at = open_page(None, {"class": code})  # the note shows on the page the link opens
    assert_clean(at)
    assert "There is no running class with that code" in page_text(at)
    assert "class" not in at.query_params
    switch_to(at, LESSON).run()
    assert any(b.key == run_key("gaba_predict_shunt") for b in at.button), "the lesson works as it does without a class"


def test_an_expired_class_drops_the_tab_out_of_class_mode(class_db):
    code, token = class_db.start_class()
    at = open_page(LESSON, {"class": code})
    class_db.end_class(code, token)
    at.run()
    assert_clean(at)
    assert _tab(at) is None
    assert "This class has ended" in page_text(at)


def test_a_student_types_a_code_on_the_class_page(class_db):
    code, _ = class_db.start_class()
    at = open_page("classroom.py")
    at.text_input(key="class_join_code").input(code.lower())
    at.button[[b.label for b in at.button].index("Join")].click().run()
    assert_clean(at)
    tab = _tab(at)
    assert tab.code == code and not tab.is_teacher
    assert class_db.seat_count(code) == 1


def test_the_teacher_exports_the_tallies_and_ends_the_class(class_db):
    at = open_page("classroom.py")
    _buttons(at)["class_start"].click().run()
    tab = _tab(at)
    seat = codes.new_seat()
    class_db.join(tab.code, seat)
    class_db.vote(tab.code, seat, QID, 1)
    from explainer.pages.classroom import answers_csv

    text = answers_csv(tab, class_db, session.questions_of(LESSONS))  # what the page's download button sends
    row = next(line for line in text.splitlines() if line.startswith(f"{tab.code},{QID},") and line.endswith(",1,100"))
    assert "{{" not in text and "$" not in text and "**" not in text, "plain text for a spreadsheet"
    assert ",yes,1,100" in row, f"the vote went to the right answer (option 2): {row}"
    _buttons(at)["class_end"].click().run()
    assert_clean(at)
    assert class_db.find_class(tab.code) is None
    assert "its data is deleted" in page_text(at)


def test_a_quick_check_is_a_vote_too_and_its_feedback_waits_for_the_reveal(class_db):
    code, token = class_db.start_class()
    class_db.reveal(code, token, QID)  # the prediction is revealed: the lesson goes on to its checks
    at = open_page(LESSON, {"class": code})
    assert_clean(at)
    check = at.radio(key="gaba_check_direction")
    check.set_value(check.options[0]).run()
    assert_clean(at)
    assert sum(class_db.tally(code, "gaba:check:direction")) == 1
    assert not [s for s in at.success if "Right." in str(s.value)] and not [
        w for w in at.warning if "Not quite." in str(w.value)
    ], "no feedback before the teacher reveals the check"
    class_db.reveal(code, token, "gaba:check:direction")
    at.run()
    verdicts = [str(s.value) for s in at.success] + [str(w.value) for w in at.warning]
    assert any(v.startswith(("**Right.**", "**Not quite.**")) for v in verdicts), verdicts


def test_the_teacher_page_offers_the_csv_of_the_tallies(class_db):
    at = open_page("classroom.py")
    _buttons(at)["class_start"].click().run()
    downloads = at.get("download_button")
    assert any("class-" in el.proto.label or "CSV" in el.proto.label for el in downloads), [
        el.proto.label for el in downloads
    ]


def test_a_database_that_does_not_answer_gets_a_note_and_the_lessons_work_on(monkeypatch):
    from tests.harness.server import free_port

    monkeypatch.setenv(store_module.ENV_DATABASE_URL, f"postgresql+psycopg://nobody@127.0.0.1:{free_port()}/none")
    session._store.clear()
    try:
        at = open_page(None, {"class": "ABC234"})
        assert_clean(at)
        assert "cannot be reached right now" in page_text(at)
        switch_to(at, LESSON).run()
        assert_clean(at)
        assert any(b.key == run_key("gaba_predict_shunt") for b in at.button), "the lesson works without the class"
    finally:
        session._store.clear()


def test_a_page_question_is_voted_on_and_revealed_like_a_lessons(class_db):
    """The circuits page's prediction (ui/page_questions.py) in class mode: the student's vote is counted under
    its id, and the teacher's reveal brings the verdict."""
    from explainer.ui.network_views import REGIME_TABLE

    REGIME_TABLE.get()
    qid, key = "circuits:predict:weaker_inhibition", "circuits_predict_weaker_inhibition"
    code, token = class_db.start_class()
    at = open_page("circuits.py", {"class": code}, timeout=180)
    assert_clean(at)
    assert not any(b.key == run_key(key) for b in at.button), "in class mode the teacher runs the reveal"
    radio = at.radio(key=key)
    radio.set_value(radio.options[2]).run(timeout=180)
    assert_clean(at)
    assert class_db.tally(code, qid) == [0, 0, 1, 0]
    assert not at.success and not at.warning, "no verdict before the reveal"
    class_db.reveal(code, token, qid)
    at.run(timeout=180)
    assert_clean(at)
    assert "the model agrees" in " ".join(s.value for s in at.success), "the verdict on the student's own vote"
