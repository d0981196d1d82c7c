"""Adding a lesson is one folder and one line: a throwaway fifth lesson (tests/app/fifth_lesson/), added to the
course, is in the menu with its page, in class mode's questions, in the worksheet's choice and in the educator
guide.  Also: every lesson's blocks and experiments match, and the lesson page can show every block kind."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from explainer.content.parse import KINDS
from explainer.lessons import LESSONS
from explainer.pages import site
from explainer.ui.classroom import session
from explainer.ui.lesson_page import SHOW
from explainer.ui.lesson_parts import run_key
from explainer.ui.shell import menu
from tests.app.conftest import assert_clean, switch_to
from tests.app.fifth_lesson import LESSON as FIFTH

COURSE = (*LESSONS, FIFTH)
APP_WITH_FIVE_LESSONS = """
from explainer.lessons import LESSONS
from explainer.pages import site
from explainer.ui.shell import run_app
from tests.app.fifth_lesson import LESSON

run_app(site((*LESSONS, LESSON)))
"""


def _app(page: str) -> AppTest:
    at = AppTest.from_string(APP_WITH_FIVE_LESSONS, default_timeout=60)
    at.run()
    switch_to(at, page).run()
    assert_clean(at)
    return at


def test_the_fifth_lesson_is_in_the_menu_after_the_fourth_and_its_page_runs_its_blocks():
    entries = menu(site(COURSE))
    urls = [e.url for e in entries]
    assert urls.index(FIFTH.url) == urls.index(LESSONS[-1].url) + 1
    assert entries[urls.index(FIFTH.url)].title == "5 · Doubling things"
    at = _app(FIFTH.url)
    assert at.title[0].value == "Doubling things"
    assert "Lesson 5 of 5" in at.caption[0].value, "its place in the course, counted"
    assert not at.metric, "the experiment waits for the prediction"
    radio = at.radio(key="fifth_lesson_predict_double")
    radio.set_value("Six.").run()
    at.button(key=run_key("fifth_lesson_predict_double")).click().run()
    assert_clean(at)
    assert at.metric[0].value == "6", "the experiment runs at its slider's default (3)"
    at.slider(key="l5_amount").set_value(10).run()
    assert at.metric[0].value == "20"
    assert at.radio(key="fifth_lesson_check_half"), "the quick check follows"


def test_the_fifth_lessons_questions_are_class_mode_questions():
    questions = session.questions_of(COURSE).options
    assert questions["fifth_lesson:predict:double"] == 2 and questions["fifth_lesson:check:half"] == 2
    assert set(session.questions_of(LESSONS).options) < set(questions)


def test_the_worksheet_and_the_educator_guide_list_the_fifth_lesson():
    sheet = _app("worksheet.py")
    choice = sheet.get("button_group")[0]
    assert len(choice.options) == len(COURSE), "one choice per lesson of the course"
    choice.set_value(FIFTH.name).run()
    assert_clean(sheet)
    assert sheet.title[0].value == "Doubling things"
    guide = _app("educator.py")
    assert any("Doubling things" in e.label for e in guide.expander), "its answers in the guide"
    assert any("Doubling things" in link.proto.label for link in guide.get("page_link")), "its answer sheet"


@pytest.mark.parametrize("lesson", COURSE, ids=[lesson.name for lesson in COURSE])
def test_every_experiment_block_has_its_experiment_and_every_experiment_its_block(lesson):
    assert sorted(lesson.experiment_ids()) == sorted(lesson.experiments), lesson.name
    for experiment in lesson.experiments.values():
        assert len(experiment.defaults) == len(experiment.sliders)


def test_the_lesson_page_shows_every_block_kind_the_parser_knows():
    assert set(SHOW) == set(KINDS)
