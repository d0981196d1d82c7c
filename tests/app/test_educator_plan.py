"""The educator guide's 45-minute plan for class mode: its minutes add up, every question it names is a lesson's,
the questions it takes fit at about 3 minutes each, and every button, page and preset it names is one the app
shows (so the guide never sends a teacher looking for a feature the app lacks).

The guide names a lesson's question by a piece of its prompt in curly quotes (“What does cell B do?”); straight
quotes are for other quotations (the article, the written exit ticket).  The app's words it names are in bold.
"""

from __future__ import annotations

import itertools
import re
from importlib import resources
from pathlib import Path

import tomllib

from explainer import content
from explainer.classroom import rounds
from explainer.lessons import LESSONS
from explainer.ui.classroom import votes
from tests.app.conftest import assert_clean, open_page

GUIDE = content.load("educator")
PLAN_HEADING = "## A 45-minute lesson in class mode"
LESSON_MINUTES = 45
MINUTES_PER_QUESTION = 3
EXIT_TICKETS = 1  # the wrap-up's own question, asked with the teacher's form
OWN_QUESTION_FORM = frozenset({"Ask your own question", "Use this lesson's exit ticket"})


def _plan() -> str:
    start = GUIDE.index(PLAN_HEADING)
    end = GUIDE.index("\n## ", start + len(PLAN_HEADING))
    return GUIDE[start:end]


def _rows() -> list[tuple[int, int, str, str]]:
    """The plan's table: (start, end, page, what happens) per row."""
    found = re.findall(r"^\| (\d+)–(\d+) \| ([^|]+) \| (.+) \|$", _plan(), flags=re.M)
    return [(int(a), int(b), page.strip(), what) for a, b, page, what in found]


def _quoted(text: str) -> list[str]:
    return re.findall(r"“([^”]+)”", text)


def _flat(markdown: str) -> str:
    return " ".join(markdown.split())


def _questions() -> dict[str, str]:
    """Every lesson question's prompt by ``lesson:block``, its whitespace flattened."""
    return {
        f"{lesson.name}:{name}": _flat(q.prompt) for lesson in LESSONS for name, q in lesson.text.questions().items()
    }


def _question_named(piece: str) -> str:
    matches = [qid for qid, prompt in _questions().items() if _flat(piece) in prompt]
    assert len(matches) == 1, f"“{piece}” must be part of exactly one lesson question's prompt, found {matches}"
    return matches[0]


def _template(text: str) -> re.Pattern[str]:
    parts = re.split(r"\{\{\w+\}\}", text)
    return re.compile(".+".join(re.escape(p) for p in parts))


def _app_texts() -> list[re.Pattern[str]]:
    root = Path(str(resources.files("explainer")))
    texts: list[str] = []

    def collect(value: object) -> None:
        if isinstance(value, str):
            texts.append(value)
        elif isinstance(value, dict | list):
            for item in value.values() if isinstance(value, dict) else value:
                collect(item)

    for path in [*root.glob("content/words/*.toml"), *root.glob("lessons/*/words.toml")]:
        collect(tomllib.loads(path.read_text(encoding="utf-8")))
    return [_template(t) for t in texts]


def _named_in_bold() -> list[str]:
    """The bold phrases of the plan and its two short sections, outside the quoted questions; a bold lead-in that
    ends a sentence ("**Left for homework.**") is the guide's own."""
    plan = re.sub(r"“[^”]+”", "", _flat(_plan()))
    return [b for b in re.findall(r"\*\*([^*]+)\*\*", plan) if not b.endswith(".")]


def _shown_by_the_app(phrase: str, texts: list[re.Pattern[str]]) -> bool:
    return any(t.fullmatch(phrase) for t in texts)


# ---- the minutes --------------------------------------------------------------------------------------------


def test_the_plan_fills_45_minutes_slot_after_slot():
    rows = _rows()
    assert len(rows) >= 6, rows
    assert rows[0][0] == 0 and rows[-1][1] == LESSON_MINUTES, rows
    for (_, end, *_), (start, *_) in itertools.pairwise(rows):
        assert end == start, f"a slot ends at {end} but the next starts at {start}"
    assert all(end > start for start, end, *_ in rows)


def test_each_slots_own_minutes_add_up_to_the_slot():
    """A slot that times its parts ("(3 minutes)") gives them exactly the slot's length."""
    timed = 0
    for start, end, page, what in _rows():
        parts = [int(n) for n in re.findall(r"\((?:about )?(\d+) minutes?\b", what)]
        if parts:
            timed += 1
            assert sum(parts) == end - start, f"{page} {start}–{end}: its parts take {parts}"
    assert timed >= 5, "every lesson and the joining and the wrap-up time their parts"


def test_the_first_slot_is_joining_the_class_and_the_last_the_exit_ticket():
    rows = _rows()
    first, last = rows[0], rows[-1]
    assert first[2] == "Class mode" and "**Start a class**" in first[3] and "**Joining open**" in first[3]
    assert "exit ticket" in last[3] and "**Download the class's answers (CSV)**" in last[3]
    assert last[3].index("exit ticket") < last[3].index("**End the class and delete its data**")


# ---- the questions ------------------------------------------------------------------------------------------


def test_every_question_the_guide_names_is_a_lesson_question():
    named = _quoted(GUIDE)
    assert len(named) >= 6, named
    for piece in named:
        _question_named(piece)


def test_the_plan_takes_some_questions_and_leaves_every_other_for_homework():
    in_class = [_question_named(p) for _, _, _, what in _rows() for p in _quoted(what)]
    homework_at = _plan().index("**Left for homework.**")
    homework = [_question_named(p) for p in _quoted(_plan()[homework_at:])]
    assert len(set(in_class)) == len(in_class) and len(set(homework)) == len(homework), "each named once"
    assert not set(in_class) & set(homework)
    assert set(in_class) | set(homework) == set(_questions()), "every lesson question is taken or left for homework"
    assert homework, "the lessons have more questions than fit in 45 minutes"
    assert f"The other {_number_word(len(homework))} questions" in _plan()


def _number_word(n: int) -> str:
    return ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")[n]


def test_the_questions_taken_fit_at_about_three_minutes_each():
    rows = _rows()
    for start, end, page, what in rows:
        n = len(_quoted(what))
        assert MINUTES_PER_QUESTION * n <= end - start, f"{page}: {n} questions in {end - start} minutes"
    in_class = sum(len(_quoted(what)) for *_, what in rows) + EXIT_TICKETS
    joining = rows[0][1] - rows[0][0]
    assert MINUTES_PER_QUESTION * in_class + joining <= LESSON_MINUTES
    said = re.search(r"(\w+) of the lessons' questions and the exit ticket: (\d+) questions of about (\d+) minutes "
                     r"each, (\d+)\s+minutes; joining takes (\d+) more", _flat(_plan()))  # fmt: skip
    assert said, "the plan says how its minutes go"
    assert said.groups() == (
        _number_word(in_class - EXIT_TICKETS),
        str(in_class),
        str(MINUTES_PER_QUESTION),
        str(MINUTES_PER_QUESTION * in_class),
        str(joining),
    )


def test_each_lesson_slot_is_in_the_lessons_order_with_its_questions_in_the_lessons_order():
    order = list(_questions())
    rows = [r for r in _rows() if re.match(r"\d+ · ", r[2])]
    assert [int(r[2].split(" · ")[0]) for r in rows] == list(range(1, len(LESSONS) + 1))
    for (*_, page, what), lesson in zip(rows, LESSONS, strict=True):
        taken = [_question_named(p) for p in _quoted(what)]
        assert taken, f"{page}: at least its prediction"
        assert all(q.startswith(f"{lesson.name}:") for q in taken), f"{page} names another lesson's question"
        assert taken == sorted(taken, key=order.index), f"{page}: the questions as the lesson asks them"


# ---- what the guide says about the app ----------------------------------------------------------------------


def test_the_guide_names_only_buttons_pages_and_presets_the_app_shows():
    texts = _app_texts()
    named = _named_in_bold()
    for needed in ("Ask the class", "Show the votes", "Second round", "Reveal", "Send my view to the class",
                   "Joining open", "Class size", "Presenter mode"):  # fmt: skip
        assert needed in named, f"the plan names **{needed}**"
    missing = [b for b in named if not _shown_by_the_app(b, texts)]
    assert not missing, f"the guide names what the app does not show: {missing}"


def test_the_own_question_forms_words_are_the_apps():
    texts = _app_texts()
    assert OWN_QUESTION_FORM <= set(_named_in_bold())
    assert all(_shown_by_the_app(b, texts) for b in OWN_QUESTION_FORM)


def test_the_numbers_the_plan_gives_about_a_round_are_the_apps():
    plan = _flat(_plan())
    assert f"**{votes.COUNTDOWN_S} s countdown**" in plan
    assert f"once at least {rounds.MIN_SHOWN_VOTES} have voted" in plan


def test_the_guide_page_opens_on_what_it_is_for_then_the_plan():
    at = open_page("educator.py")
    assert_clean(at)
    body = at.markdown[0].value
    assert body.startswith("This page is for you, the teacher"), body[:80]
    opening = body.split("\n\n")[0]
    assert 2 <= opening.count(". ") + 1 <= 3, "two or three sentences, read in five minutes"
    assert "| minutes | page | what happens |" in body
    assert body.index("### With the clicker") < body.index("### Without phones") < body.index("## Discussion")
