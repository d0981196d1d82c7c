"""The one lesson page: it walks a lesson's blocks in the order of its Markdown file.

So the order of a lesson is written once, in ``lesson.md``; presenter mode, class mode and the worksheet step
through the same sequence.  A *predict* block holds back the rest of the lesson until the student has run
the experiment (or, in class mode, the teacher has revealed it); the verdict on the prediction follows the
first experiment after it.  An experiment runs in a fragment of its own: moving one of its sliders reruns the
experiment, not the page.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from contextlib import nullcontext
from dataclasses import dataclass
from functools import partial

import streamlit as st

from explainer.content.format import fill
from explainer.content.parse import QUESTION_KINDS
from explainer.content.words import words
from explainer.ui import answers, course, dom
from explainer.ui import lesson_parts as parts
from explainer.ui.classroom import session as classroom
from explainer.ui.course import Experiment, Lesson, Place, question_key
from explainer.ui.presets import preset_sliders, presets_from

W = words("ui")  # the words: content/words/ui.toml


def title(lesson: Lesson, place: Place) -> str:
    """The lesson's menu title: ``"2 · Glutamate: key and gate"``."""
    return W.text("nav_lesson", number=place.number, title=lesson.words.text("nav_title"))


def page(lesson: Lesson, place: Place, *, default: bool = False):
    """The lesson's page for ``st.navigation`` and ``st.page_link`` (its identity is its URL path)."""
    return st.Page(partial(render, lesson, place), title=title(lesson, place), icon=lesson.icon, url_path=lesson.url,
                   default=default)  # fmt: skip


def render(lesson: Lesson, place: Place) -> None:
    """The lesson's page: its title and place in the course, then its blocks in file order.

    Outside class mode the student's kept answers come from the browser (:mod:`explainer.ui.answers`): from
    the first question on, the blocks wait for them, hidden, on a session's first run."""
    text = lesson.text
    in_class = classroom.current() is not None
    if not in_class:
        answers.sync((x.name, x.text) for x in course.current())
    parts.header(text, W.text("lesson_step", number=place.number, count=place.count, minutes=lesson.minutes))
    walk = _Walk(lesson, lesson.numbers())
    groups = steps(lesson)
    first = next((i for i, g in enumerate(groups) if any(_kind(n) in QUESTION_KINDS for n in g.names)), len(groups))
    if _show(walk, groups[:first]):
        with answers.questions_container(hold=not in_class):
            _show(walk, groups[first:])


# The blocks a presenter's clicker steps through, one at a time (each in a container keyed dom.step_key).
STEP_KINDS = ("predict", "check", "experiment")


@dataclass(frozen=True)
class Group:
    """Blocks shown together: a step (its container's key ``step``: the block's widget key) with the section
    heading just above it, or a block outside any step (``step`` empty)."""

    names: tuple[str, ...]
    step: str = ""


def _kind(name: str) -> str:
    return name.partition(":")[0]


def steps(lesson: Lesson) -> list[Group]:
    """The lesson's blocks in file order, grouped: each predict, check and experiment is a step of its own,
    and a section heading just above one goes with it (brought to the top of the screen, the step keeps its
    heading)."""
    names = list(lesson.text.blocks)
    groups: list[Group] = []
    i = 0
    while i < len(names):
        heading = _kind(names[i]) == "section" and i + 1 < len(names) and _kind(names[i + 1]) in STEP_KINDS
        block = names[i + 1] if heading else names[i]
        together = tuple(names[i : i + 2]) if heading else (block,)
        groups.append(Group(together, question_key(lesson, block) if _kind(block) in STEP_KINDS else ""))
        i += len(together)
    return groups


def _show(walk: _Walk, groups: list[Group]) -> bool:
    """Show these blocks in order; False once a prediction holds back the rest of the lesson."""
    for group in groups:
        with st.container(key=dom.step_key(group.step)) if group.step else nullcontext():
            for name in group.names:
                kind, _, ident = name.partition(":")
                if not SHOW[kind](walk, name, ident):
                    return False
    return True


class _Walk:
    """One walk through a lesson: its numbers, and the prediction that awaits its verdict."""

    def __init__(self, lesson: Lesson, numbers: Mapping[str, str]) -> None:
        self.lesson = lesson
        self.text = lesson.text
        self.numbers = numbers
        self.prediction: tuple[str, str] | None = None  # (block, the student's choice) until its verdict

    def goal(self, name: str, ident: str) -> bool:
        parts.goal(self.text, self.numbers)
        return True

    def prose(self, name: str, ident: str) -> bool:
        parts.prose(self.text, name, self.numbers)
        return True

    def section(self, name: str, ident: str) -> bool:
        st.header(fill(self.text.block(name), self.numbers))
        return True

    def predict(self, name: str, ident: str) -> bool:
        choice = parts.predict(self.text, name, key=question_key(self.lesson, name), numbers=self.numbers)
        if choice is None:
            parts.waiting_for_prediction()
            return False
        self.prediction = (name, choice)
        return True

    def experiment(self, name: str, ident: str) -> bool:
        experiment(self.lesson, ident, answers_prediction=self.prediction is not None)
        if self.prediction is not None:
            parts.prediction_feedback(self.text, *self.prediction, self.numbers)
            self.prediction = None
        return True

    def explain(self, name: str, ident: str) -> bool:
        parts.explain(self.text, name, self.numbers)
        return True

    def found(self, name: str, ident: str) -> bool:
        """What the revealed experiment showed: it follows a predict block, so the walk reaches it only after
        the reveal."""
        parts.found(self.text, name, self.numbers)
        return True

    def check(self, name: str, ident: str) -> bool:
        parts.check(self.text, name, key=question_key(self.lesson, name), numbers=self.numbers)
        return True

    def try_this(self, name: str, ident: str) -> bool:
        parts.try_this(self.text, name, self.numbers)
        return True

    def note(self, name: str, ident: str) -> bool:
        """A text the lesson's code shows where it needs it (the setting a prediction is about)."""
        return True


# What each block kind of content/parse.py (KINDS) shows; a test checks that every kind has one.
SHOW: Mapping[str, Callable[[_Walk, str, str], bool]] = {
    "goal": _Walk.goal,
    "text": _Walk.prose,
    "section": _Walk.section,
    "predict": _Walk.predict,
    "experiment": _Walk.experiment,
    "explain": _Walk.explain,
    "found": _Walk.found,
    "check": _Walk.check,
    "try": _Walk.try_this,
    "note": _Walk.note,
}


@st.fragment
def experiment(lesson: Lesson, ident: str, *, answers_prediction: bool = False) -> None:
    """An experiment: its presets and sliders, a note while they leave the setting a prediction was about,
    then what the lesson draws for their values."""
    spec: Experiment = lesson.experiments[ident]
    values = _sliders(lesson, spec)
    if answers_prediction and parts.AWAY_BLOCK in lesson.text.blocks:
        parts.away_from_prediction(lesson.text, values == spec.defaults, lesson.numbers())
    spec.draw(values)


def _sliders(lesson: Lesson, spec: Experiment) -> tuple[float, ...]:
    if not spec.sliders:
        return ()
    if spec.presets:
        named = presets_from(spec.preset_words or lesson.words, spec.presets)
        row = preset_sliders(named, spec.sliders, key=spec.preset_key)
        return tuple(row.values)
    values = []
    for column, slider in zip(st.columns(len(spec.sliders)), spec.sliders, strict=True):
        with column:
            values.append(slider.show())
    return tuple(values)
