"""What a lesson is, as the one lesson page reads it.

A lesson is a package ``explainer/lessons/<name>/`` holding its text (``lesson.md``: blocks in teaching
order, ``content/parse.py`` describes them), its words (``words.toml``), the numbers its text quotes and its
experiments; ``explainer/lessons/__init__.py`` lists the lessons in course order, and navigation, class mode,
the worksheets and the educator guide all read that one list.  One name serves the lesson everywhere: the
folder, the words file, the URL (``/<name>`` with hyphens) and the prefix of its questions' ids.

An :class:`Experiment` is what the Markdown's ``## experiment: <id>`` block stands for: the sliders a student
moves (and the presets that set them), how the experiment is drawn for their values, and its static charts at a
setting, which the worksheet prints at the sliders' defaults.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

import streamlit as st

from explainer.classroom.questions import question_id, widget_key
from explainer.content.parse import LessonText, load_lesson
from explainer.content.words import Words, words_in
from explainer.figures.style import FigureStyle
from explainer.ui.charts import Chart
from explainer.ui.widgets import Slider

Values = tuple[float, ...]  # the sliders' values, in the order of Experiment.sliders


def _no_charts(values: Values, style: FigureStyle) -> tuple[Chart, ...]:
    return ()


@dataclass(frozen=True, eq=False)
class Experiment:
    """One experiment block: ``draw(values)`` shows it for the sliders' values (inside a fragment of its own,
    so moving a slider reruns only the experiment); ``charts(values, style)`` are its static charts at a
    setting (an animation has none: paper cannot play it)."""

    draw: Callable[[Values], None]
    charts: Callable[[Values, FigureStyle], tuple[Chart, ...]] = _no_charts
    sliders: tuple[Slider, ...] = ()
    presets: Mapping[str, Mapping[str, float]] = field(default_factory=lambda: MappingProxyType({}))  # id -> values
    preset_key: str = ""  # the preset control's key, also its name in the link
    # The words that name and caption its presets, when another page shows the same ones (lesson 4 and the
    # playground: one definition per name); None: the lesson's own words.
    preset_words: Words | None = None

    @property
    def defaults(self) -> Values:
        """The setting the experiment opens with (and the worksheet prints)."""
        return tuple(s.default for s in self.sliders)


@dataclass(frozen=True, eq=False)
class Lesson:
    """One lesson: its package (``explainer.lessons.<name>``), its menu icon and length, the numbers its text
    quotes (``{{name}}`` -> formatted value, computed from the model) and its experiments by block id."""

    package: str
    icon: str
    minutes: int
    numbers: Callable[[], Mapping[str, str]]
    experiments: Mapping[str, Experiment]

    @property
    def name(self) -> str:
        return self.package.rsplit(".", 1)[-1]

    @property
    def url(self) -> str:
        """The page's path in the address bar: the name, with hyphens."""
        return self.name.replace("_", "-")

    @property
    def text(self) -> LessonText:
        return load_lesson(self.package)

    @property
    def words(self) -> Words:
        return words_in(self.package)

    def experiment_ids(self) -> list[str]:
        """The experiment blocks of the text, in order."""
        return [name.partition(":")[2] for name in self.text.blocks if name.startswith("experiment:")]

    def charts(self, style: FigureStyle) -> tuple[Chart, ...]:
        """Every static chart of the lesson at its experiments' opening settings, in the text's order."""
        return tuple(
            c for i in self.experiment_ids() for c in self.experiments[i].charts(self.experiments[i].defaults, style)
        )


def question_key(lesson: Lesson, block: str) -> str:
    """The widget key of a question block (``"gaba_predict_shunt"``); class mode names its container after it."""
    return widget_key(question_id(lesson.name, block))


@dataclass(frozen=True)
class Place:
    """A lesson's place in the course: lesson ``number`` of ``count``."""

    number: int
    count: int


def places(course: tuple[Lesson, ...]) -> dict[str, Place]:
    """Each lesson's place by name."""
    return {lesson.name: Place(i, len(course)) for i, lesson in enumerate(course, start=1)}


COURSE_KEY = "ei_course"  # the course of this session's last full run: fragments and callbacks read it too


def use(course: tuple[Lesson, ...]) -> None:
    """The shell, on every full run: the lessons this app teaches (``explainer.lessons.LESSONS``, through
    ``app.py``; ui never imports the lessons)."""
    st.session_state[COURSE_KEY] = course


def current() -> tuple[Lesson, ...]:
    """The lessons, in course order."""
    return st.session_state.get(COURSE_KEY, ())


@dataclass(frozen=True)
class ExitTicket:
    """A lesson's ready exit ticket for class mode: its prompt, its options and the index of the right one."""

    prompt: str
    options: tuple[str, ...]
    right: int


def exit_ticket(lesson: Lesson) -> ExitTicket | None:
    """The lesson's exit ticket from its words (``exit_prompt``, ``exit_option_1`` ..., ``exit_right``: the right
    option's number), or None if it has none."""
    words = lesson.words
    if not words.has("exit_prompt"):
        return None
    options = tuple(words.text(f"exit_option_{i}") for i in range(1, 7) if words.has(f"exit_option_{i}"))
    return ExitTicket(words.text("exit_prompt"), options, int(words.texts["exit_right"]) - 1)
