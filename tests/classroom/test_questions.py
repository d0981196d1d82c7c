"""The question registry, built from the lessons it is given, and the teacher's CSV made from it."""

from __future__ import annotations

import csv
import io

import pytest

from explainer.classroom.export import BOM, header, tallies_csv
from explainer.classroom.questions import LessonQuestions, QuestionText, plain, question_id, registry
from explainer.content.parse import parse_lesson

LESSON = """# A lesson

## goal
To see.

## predict: first
What happens at {{rate}} Hz? See [the glossary](glossary#x).
- [ ] **Less**
  No.
- [x] More, by {{gain}} $\\mathrm{mV}$
  Yes.

## text: aside
Not a question.

## check: second
Which way?
- [x] Up
  Right.
- [ ] Down
  No.
- [ ] Sideways
  No.
"""


def _lesson(name: str) -> LessonQuestions:
    return LessonQuestions(name, parse_lesson(LESSON, name), {"rate": "20", "gain": "3"})


def test_the_registry_holds_every_question_of_the_lessons_it_is_given_in_order():
    reg = registry([_lesson("one"), _lesson("two")])
    assert list(reg.options) == ["one:predict:first", "one:check:second", "two:predict:first", "two:check:second"]
    assert list(reg.options.values()) == [2, 3, 2, 3]
    assert reg.texts["two:predict:first"] == QuestionText(
        "What happens at 20 Hz? See the glossary.", ("Less", "More, by 3 mV"), 1
    )
    assert question_id("gaba", "predict:shunt") == "gaba:predict:shunt"


def test_two_lessons_of_one_name_are_refused():
    with pytest.raises(ValueError, match="named 'one'"):
        registry([_lesson("one"), _lesson("one")])


def test_plain_text_has_no_markdown_and_no_template_left():
    assert plain("**Bold** [link](x) $\\text{mV}$ {{v}}  spaced", {"v": "−70"}) == "Bold link mV −70 spaced"


COLUMNS_IN_ENGLISH = "class question question_text round option option_text right votes percent".split()


def test_the_csv_names_every_option_marks_the_right_one_and_counts_in_percent():
    reg = registry([_lesson("one")])
    counts = {"one:check:second": {1: [3, 1, 0]}, "gone:predict:old": {1: [2, 0]}}
    text = tallies_csv("K7P3QX", counts, reg.texts)
    assert text.startswith(BOM)
    rows = list(csv.reader(io.StringIO(text.removeprefix(BOM))))
    assert tuple(rows[0]) == header() == tuple(COLUMNS_IN_ENGLISH)
    assert rows[1] == ["K7P3QX", "one:check:second", "Which way?", "1", "1", "Up", "yes", "3", "75"]
    assert rows[3] == ["K7P3QX", "one:check:second", "Which way?", "1", "3", "Sideways", "no", "0", "0"]
    assert rows[4] == ["K7P3QX", "one:check:second", "Which way?", "1", "total", "", "", "4", "100"]
    assert rows[5] == ["K7P3QX", "gone:predict:old", "", "1", "1", "", "", "2", "100"], "a question without text"
    assert len(rows) == 1 + 4 + 3


def test_a_question_without_a_right_answer_marks_no_option():
    text = tallies_csv("K7P3QX", {"own:1": {1: [1, 2]}}, {"own:1": QuestionText("Ready?", ("Yes", "No"), None)})
    rows = list(csv.reader(io.StringIO(text.removeprefix(BOM))))
    assert [r[6] for r in rows[1:3]] == ["", ""]


def test_percentages_add_up_to_one_hundred_and_emphasis_is_plain():
    from explainer.classroom.export import percents

    assert percents([1, 1, 1]) == [34, 33, 33] and percents([2, 1]) == [67, 33] and percents([0, 0]) == [0, 0]
    for counts in ([1, 2, 3, 4, 5, 6], [7, 0, 0], [1, 1, 1, 1, 1, 1, 1]):
        assert sum(percents(counts)) == 100, counts
    assert plain("The *same* input, _again_, at $E_\\mathrm{GABA}$", {}) == "The same input, again, at E_GABA"
