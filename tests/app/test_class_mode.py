"""Class mode through the real app (AppTest): a teacher starts a class, students join by link, vote, wait
for the reveal and see it; the teacher's token leaves the link and a student's link never grants it."""

from __future__ import annotations

import csv
import io

import pytest
import sqlalchemy as sa

from explainer.classroom import codes, database
from explainer.classroom.errors import ClassUnavailable
from explainer.classroom.store import ClassStore
from explainer.classroom.tab import ClassTab
from explainer.lessons import LESSONS
from explainer.ui import course, dom
from explainer.ui.classroom import follow, session
from explainer.ui.lesson_parts import run_key
from tests.app.conftest import assert_clean, experiment_charts, open_page, page_text, switch_to

LESSON = "gaba"
QID = "gaba:predict:shunt"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.e2e)])
def class_db(request, tmp_path, monkeypatch):
    """A fresh class database for this test, a SQLite file or the PostgreSQL server's database emptied; the
    app's store (through the environment, as a deployment sets it) and the test's share it."""
    if request.param == "sqlite":
        path = tmp_path / "classes.sqlite3"
        monkeypatch.setenv(database.ENV_SQLITE_PATH, str(path))
        monkeypatch.delenv(database.ENV_DATABASE_URL, raising=False)
        url = f"sqlite:///{path.resolve()}"
    else:
        url = request.getfixturevalue("postgres_url")
        engine = sa.create_engine(url)
        with engine.begin() as conn:
            everything = sa.MetaData()
            everything.reflect(conn)  # the tables of any schema version
            everything.drop_all(conn)
        engine.dispose()
        session._store.clear()  # the app's cached store: a new one creates the schema again
        monkeypatch.setenv(database.ENV_DATABASE_URL, url)
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
    assert not experiment_charts(at), "the experiment waits for the teacher"
    assert "Your teacher decides when the whole class sees the experiment" in page_text(at)
    assert "What you found" not in page_text(at), "and so does the answer"
    at.radio(key="gaba_predict_shunt").set_value(radio.options[0]).run()
    counts = class_db.tally(code, QID)
    assert counts[0] == 1 and sum(counts) == 1, f"a changed answer replaces the vote: {counts}"
    class_db.reveal(code, token, QID)
    at.run()
    assert_clean(at)
    assert experiment_charts(at), "after the reveal the student sees the experiment"
    assert "What you found" in page_text(at), "and what it shows"
    assert "You predicted" in page_text(at) or at.success or at.warning, "and the feedback on their own answer"


def test_the_teacher_link_gives_the_controls_and_leaves_the_address_bar(class_db):
    code, token = class_db.start_class()
    at = open_page(LESSON, {"class": code, "teacher": token})
    assert_clean(at)
    assert _tab(at).is_teacher
    assert "teacher" not in at.query_params
    for choice in (2, 2, 0):
        class_db.vote(code, class_db.join(code), QID, choice)
    at.run()
    assert "Round 1 · **3** of 3 students have voted" in " ".join(str(m.value) for m in at.markdown)
    assert not at.get("progress"), "the projector shows how many have voted, not how"
    listed = " ".join(str(m.value) for m in at.markdown)
    assert "1. Nothing: if GABA cannot move" in listed and "3. It fires more" in listed, "options listed, no counts"
    buttons = _buttons(at)
    assert dom.action_key("gaba_predict_shunt_ask") in buttons, "first the class is brought to the question"
    buttons[dom.action_key("gaba_predict_shunt_ask")].click().run()
    assert class_db.position(code).question == QID
    buttons = _buttons(at)
    assert dom.action_key("gaba_predict_shunt_show") in buttons, "then showing the votes is the clicker's next step"
    buttons[dom.action_key("gaba_predict_shunt_show")].click().run()
    bars = [el.proto.text for el in at.get("progress")]
    assert len(bars) == 3 and bars[2].startswith("**2** · 67 %") and bars[0].startswith("**1** · 33 %"), bars
    assert not any("right answer" in b for b in bars), "the right answer only with the reveal"
    _buttons(at)["gaba_predict_shunt_reveal"].click().run()
    assert_clean(at)
    assert class_db.is_revealed(code, QID)
    assert experiment_charts(at), "the teacher's screen shows the experiment too"
    assert any("right answer" in el.proto.text for el in at.get("progress"))


def test_a_second_round_keeps_round_one_beside_round_two(class_db):
    code, token = class_db.start_class()
    at = open_page(LESSON, {"class": code, "teacher": token})
    seats = [class_db.join(code) for _ in range(4)]
    for seat in seats:
        class_db.vote(code, seat, QID, 0)
    at.run()
    _buttons(at)[dom.action_key("gaba_predict_shunt_ask")].click().run()
    _buttons(at)[dom.action_key("gaba_predict_shunt_show")].click().run()
    assert dom.action_key("gaba_predict_shunt_second_round") in _buttons(at), "a class that mostly erred discusses"
    _buttons(at)[dom.action_key("gaba_predict_shunt_second_round")].click().run()
    for seat in seats:
        class_db.vote(code, seat, QID, 2)
    at.run()
    assert "Round 2 · **4** of 4" in " ".join(str(m.value) for m in at.markdown)
    _buttons(at)[dom.action_key("gaba_predict_shunt_show")].click().run()
    text = " ".join(str(m.value) for m in at.markdown)
    assert "**Round 1**" in text and "**Round 2**" in text
    bars = [el.proto.text for el in at.get("progress")]
    assert len(bars) == 6 and bars[0].startswith("**4** · 100 %") and bars[5].startswith("**4** · 100 %"), bars
    _buttons(at)[dom.action_key("gaba_predict_shunt_reveal")].click().run()
    assert class_db.is_revealed(code, QID) and class_db.tally(code, QID, 1) == [4, 0, 0]


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
    class_db.vote(tab.code, class_db.join(tab.code), QID, 1)
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

    monkeypatch.setenv(database.ENV_DATABASE_URL, f"postgresql+psycopg://nobody@127.0.0.1:{free_port()}/none")
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


def test_a_vote_during_an_outage_says_not_counted_yet_and_is_sent_again(class_db, monkeypatch):
    code, _ = class_db.start_class()
    at = open_page(LESSON, {"class": code})
    real_vote = ClassStore.vote

    def down(self, *args, **kwargs):
        raise ClassUnavailable("count a vote")

    monkeypatch.setattr(ClassStore, "vote", down)
    radio = at.radio(key="gaba_predict_shunt")
    radio.set_value(radio.options[1]).run()
    assert_clean(at)
    assert "Not counted yet" in page_text(at) and "Your vote is counted" not in page_text(at), "never a lie"
    assert class_db.tally(code, QID) == [0, 0, 0]
    monkeypatch.setattr(ClassStore, "vote", real_vote)  # the store answers again
    at.run()  # the page's next poll
    assert class_db.tally(code, QID) == [0, 1, 0], "the kept answer was sent again"
    at.run()
    assert "Your vote is counted" in page_text(at) and "Not counted yet" not in page_text(at)


def test_a_student_votes_again_in_round_two_and_nothing_counts_after_the_reveal(class_db):
    code, token = class_db.start_class()
    at = open_page(LESSON, {"class": code})
    radio = at.radio(key="gaba_predict_shunt")
    radio.set_value(radio.options[0]).run()
    class_db.act(code, token, QID, "second_round")
    at.run()
    assert_clean(at)
    assert "**Round 2.**" in page_text(at) and radio.options[0] in page_text(at), "round 2 names the first answer"
    second = at.radio(key="gaba_predict_shunt_r2")
    assert second.value is None, "round 2 starts with no answer chosen"
    second.set_value(second.options[2]).run()
    assert class_db.tally(code, QID, 1) == [1, 0, 0] and class_db.tally(code, QID, 2) == [0, 0, 1]
    class_db.reveal(code, token, QID)
    at.run()
    assert at.radio(key="gaba_predict_shunt_r2").disabled, "the answer is locked once revealed"
    assert "**Round 2.**" not in page_text(at), "no call to vote again once revealed"
    assert class_db.tally(code, QID, 2) == [0, 0, 1]


def test_a_closed_countdown_locks_the_answer_and_says_so(class_db):
    code, token = class_db.start_class()
    at = open_page(LESSON, {"class": code})
    with class_db.engine.begin() as conn:  # a countdown that has just run out
        class_db.act(code, token, QID, "countdown", countdown_s=1)
        conn.execute(sa.text("UPDATE ei_question SET closes_s = closes_s - 5"))
    at.run()
    assert at.radio(key="gaba_predict_shunt").disabled
    assert "Voting has closed for this round; you did not vote in it." in page_text(at), "never 'your answer stands'"


def test_the_teacher_closes_joining_sets_the_size_and_removes_idle_seats(class_db):
    at = open_page("classroom.py")
    _buttons(at)["class_start"].click().run()
    tab = _tab(at)
    voter, idle = class_db.join(tab.code), class_db.join(tab.code)
    class_db.vote(tab.code, voter, QID, 0)
    at.toggle(key="class_joining_open").set_value(False).run()
    assert_clean(at)
    assert not class_db.status(tab.code, tab.teacher_token).joining_open
    assert "Joining is **closed**" in page_text(at)
    student = open_page(LESSON, {"class": tab.code})
    assert _tab(student) is None and "closed joining" in page_text(student), "a new phone is told, not seated"
    at.number_input(key="class_size").set_value(30).run()
    assert class_db.status(tab.code, tab.teacher_token).size_cap == 30
    _buttons(at)["class_remove_seats"].click().run()
    assert_clean(at)
    assert "1 seat that never voted was removed" in page_text(at)
    assert class_db.has_seat(tab.code, voter) and not class_db.has_seat(tab.code, idle)


def test_the_teacher_link_is_in_the_page_only_on_request_and_after_a_hash(class_db):
    at = open_page("classroom.py")
    _buttons(at)["class_start"].click().run()
    tab = _tab(at)
    everything = " ".join(str(el.value) for el in at.get("code")) + page_text(at)
    assert tab.teacher_token not in everything, "the token is not in the page until asked for"
    at.toggle(key="class_teacher_link_show").set_value(True).run()
    shown = " ".join(str(el.value) for el in at.get("code"))
    assert f"#teach={tab.code}.{tab.teacher_token}" in shown, "after '#': never sent to a server or a log"


def test_the_class_page_says_so_when_the_store_goes_down_mid_class(class_db, monkeypatch):
    at = open_page("classroom.py")
    _buttons(at)["class_start"].click().run()

    def down(self, *args, **kwargs):
        raise ClassUnavailable("read the class")

    monkeypatch.setattr(ClassStore, "status", down)
    monkeypatch.setattr(ClassStore, "find_class", down)
    at.run()
    assert not at.exception, "no raw error box"
    assert "cannot be reached right now" in page_text(at)


def test_the_phones_follow_the_teacher_to_a_page_and_a_question_and_a_roamer_is_one_tap_back(class_db):
    code, token = class_db.start_class()
    teacher = open_page(LESSON, {"class": code, "teacher": token})
    assert class_db.position(code).page == "gaba", "opening a lesson takes the class there"
    student = open_page("glossary.py", {"class": code})  # a phone that joined on another page
    assert_clean(student)
    assert student.session_state[follow.GO_KEY] == class_db.position(code).seq, "it opens the teacher's page"
    # the browser loads that page (a new page load: the class and the seat stay in the address)
    seat = student.query_params["seat"]
    student = open_page(LESSON, {"class": code, "seat": seat})
    assert_clean(student)
    assert follow.GO_KEY not in student.session_state, "arrived: nothing more to open"
    teacher.button(key=dom.action_key("gaba_predict_shunt_ask")).click().run()
    student.run()  # the phone's next poll
    assert student.session_state[follow.SCROLL_KEY][1] == QID, "it scrolls to the question asked"
    assert follow.GO_KEY not in student.session_state, "a question on this page: no new page load"
    switch_to(student, "glossary.py").run()  # the student roams
    assert_clean(student)
    assert "Your teacher is on **" in page_text(student), "a bar says where the teacher is"
    assert follow.GO_KEY not in student.session_state, "a roaming student stays until the teacher moves"
    student.button(key="class_back_to_teacher").click().run()
    assert student.session_state[follow.GO_KEY] == class_db.position(code).seq, "one tap back"


def test_the_class_does_not_follow_the_teacher_to_the_teachers_pages(class_db):
    code, token = class_db.start_class()
    open_page(LESSON, {"class": code, "teacher": token})
    teacher = open_page("educator.py", {"class": code, "teacher": token})
    assert_clean(teacher)
    assert class_db.position(code).page == "gaba"


def test_send_my_view_opens_the_teachers_settings_on_every_phone(class_db):
    code, token = class_db.start_class()
    teacher = open_page("playground.py", {"class": code, "teacher": token, "glu_rate": "3000"})
    teacher.button(key="class_send_view").click().run()
    assert "glu_rate=3000" in class_db.position(code).view
    student = open_page("playground.py", {"class": code})  # already on the page, at the default settings
    assert_clean(student)
    assert student.session_state[follow.GO_KEY] == class_db.position(code).seq, "another view: a new page load"
    seat = student.query_params["seat"]
    student = open_page("playground.py", {"class": code, "seat": seat, "glu_rate": "3000"})  # what it loads
    assert_clean(student)
    assert student.slider(key="glu_rate").value == 3000 and follow.GO_KEY not in student.session_state


def test_the_address_a_phone_opens_keeps_its_class_and_seat_and_the_teachers_view():
    from streamlit.testing.v1 import AppTest

    script = """
import streamlit as st
from explainer.ui.classroom import follow
st.write(follow.address("tug-of-war", "gaba_rate=500&glu_rate=3000", "home"))
st.write(follow.address("home", "", "home"))
"""
    at = AppTest.from_string(script)
    at.query_params.update({"class": "K7P3QX", "seat": "s" * 22, "glu_rate": "100", "present": "1"})
    at.run()
    shown = [str(m.value) for m in at.markdown]
    lang = "&lang=en"  # the phone's own language (a fresh English session's), never the teacher's
    assert shown[0] == f"tug-of-war?gaba_rate=500&glu_rate=3000&class=K7P3QX&seat={'s' * 22}{lang}", shown
    assert shown[1] == f"./?class=K7P3QX&seat={'s' * 22}{lang}", "the page at the root, with the class kept"


def test_the_teachers_own_question_from_the_exit_ticket_is_asked_voted_revealed_and_exported(class_db):
    code, token = class_db.start_class()
    teacher = open_page(LESSON, {"class": code, "teacher": token})
    teacher.button(key="own_exit_ticket").click().run()
    ticket = course.exit_ticket(next(x for x in LESSONS if x.url == "gaba"))
    assert teacher.text_area(key="own_prompt").value == ticket.prompt
    teacher.button(key="FormSubmitter:own_question-Ask the class this").click().run()
    assert_clean(teacher)
    (mine,) = class_db.own_questions(code)
    assert mine.prompt == ticket.prompt and mine.right == ticket.right and mine.page == "gaba"
    assert class_db.position(code).question == mine.question_id, "asking takes the class to it"
    student = open_page(LESSON, {"class": code})
    radio = student.radio(key="own_1")
    radio.set_value(radio.options[ticket.right]).run()
    assert class_db.tally(code, "own:1")[ticket.right] == 1
    class_db.reveal(code, token, "own:1")
    student.run()
    assert any(str(s.value).startswith("Right:") for s in student.success)
    from explainer.pages.classroom import answers_csv

    text = answers_csv(_tab(teacher), class_db, session.questions_of(LESSONS))
    rows = [r for r in csv.reader(io.StringIO(text.removeprefix("\ufeff"))) if r[1] == "own:1"]
    assert rows and all(r[2] == ticket.prompt for r in rows), "the teacher's question is in the CSV, in words"
    assert [r[5] for r in rows[:-1]] == list(ticket.options) and rows[ticket.right][6] == "yes"


def test_a_teachers_text_is_shown_as_typed_never_as_markdown_or_html(class_db):
    code, token = class_db.start_class()
    teacher = open_page(LESSON, {"class": code, "teacher": token})
    teacher.text_area(key="own_prompt").input("**Bold?** <img src=x onerror=alert(1)> [link](https://example.com)")
    teacher.text_input(key="own_option_1").input("<b>yes</b>")
    teacher.text_input(key="own_option_2").input("$x$ :smile:")
    teacher.button(key="FormSubmitter:own_question-Ask the class this").click().run()
    assert_clean(teacher)
    student = open_page(LESSON, {"class": code})
    shown = [str(m.value) for m in student.markdown]
    assert r"\*\*Bold?\*\* \<img src=x onerror=alert\(1\)\> \[link\]\(https\://example\.com\)" in shown
    assert student.radio(key="own_1").options[:2] == [r"\<b\>yes\</b\>", r"\$x\$ \:smile\:"]


def test_a_question_without_two_options_is_refused_with_a_note(class_db):
    code, token = class_db.start_class()
    teacher = open_page(LESSON, {"class": code, "teacher": token})
    teacher.text_area(key="own_prompt").input("Which?")
    teacher.text_input(key="own_option_1").input("Only one")
    teacher.button(key="FormSubmitter:own_question-Ask the class this").click().run()
    assert_clean(teacher)
    assert class_db.own_questions(code) == [] and "cannot be asked" in page_text(teacher)


def test_a_store_folder_that_cannot_be_made_gets_the_note_and_the_lesson_works(monkeypatch, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv(database.ENV_SQLITE_PATH, str(blocker / "classes.sqlite3"))  # its folder is a file
    monkeypatch.delenv(database.ENV_DATABASE_URL, raising=False)
    session._store.clear()
    try:
        at = open_page(LESSON, {"class": "ABC234"})
        assert_clean(at)
        assert "cannot be reached right now" in page_text(at)
        assert any(b.key == run_key("gaba_predict_shunt") for b in at.button), "the lesson works without the class"
    finally:
        session._store.clear()


def test_a_silent_database_gets_the_note_within_seconds_and_the_lesson_works(monkeypatch):
    """A server that accepts the connection and never answers (the deadline, not only the connect timeout)."""
    import time

    from tests.harness.silent_proxy import SilentProxy

    with SilentProxy(None) as silent:
        monkeypatch.setenv(database.ENV_DATABASE_URL, f"postgresql+psycopg://nobody@127.0.0.1:{silent.port}/none")
        session._store.clear()
        try:
            t0 = time.monotonic()
            at = open_page(LESSON, {"class": "ABC234"})
            waited_s = time.monotonic() - t0
            assert_clean(at)
            assert "cannot be reached right now" in page_text(at)
            assert any(b.key == run_key("gaba_predict_shunt") for b in at.button), "the lesson is shown"
            assert waited_s < 10, f"a silent database held the lesson page for {waited_s:.1f} s"
        finally:
            session._store.clear()


def test_a_student_who_goes_to_the_class_page_stays_there_and_can_leave(class_db):
    """A phone that joins on the class page follows the teacher (the QR code opens it); one that goes back to the
    class page by itself, to leave, stays there until the teacher's next move."""
    code, token = class_db.start_class()
    open_page(LESSON, {"class": code, "teacher": token})
    student = open_page("classroom.py", {"class": code})
    assert student.session_state[follow.GO_KEY] == class_db.position(code).seq, "joined on the class page: follows"
    seat = student.query_params["seat"]
    student = open_page(LESSON, {"class": code, "seat": seat})  # arrived
    switch_to(student, "classroom.py").run()  # goes to the class page, to leave
    assert_clean(student)
    assert follow.GO_KEY not in student.session_state, "not pulled away by a move it has followed"
    assert "Your teacher is on **" in page_text(student)
    assert any(b.key == "class_leave" for b in student.button)


@pytest.mark.parametrize("who", ["student", "teacher"])
def test_a_class_mode_run_builds_the_menu_once(class_db, monkeypatch, who):
    """The menu (every page's title, the lessons' places) is built once per run and handed to what needs it: the
    navigation, the pages the class follows, a phone's bar saying where the teacher is."""
    from explainer.ui import shell

    built = []
    real_menu = shell.menu
    monkeypatch.setattr(shell, "menu", lambda site: built.append(1) or real_menu(site))
    code, token = class_db.start_class()
    at = open_page(LESSON, {"class": code, **({"teacher": token} if who == "teacher" else {})})
    assert_clean(at)
    assert (_tab(at) is not None) and _tab(at).is_teacher == (who == "teacher")
    assert len(built) == 1, f"the menu was built {len(built)} times in one run"
