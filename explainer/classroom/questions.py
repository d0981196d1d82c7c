"""The question registry: every question class mode counts votes on, built from the lessons it is given.

A question's id is ``"<lesson name>:<block>"`` (``"gaba:predict:shunt"``): the lesson's name and the name
of its *predict* or *check* block in the lesson's Markdown.  The registry holds, in course order, each
id's number of options (the store refuses any other id and any choice beyond them) and its plain text for
the teacher's CSV.  It is made from whatever list of lessons the caller passes, so a lesson added to that
list is in class mode with nothing else to edit.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from explainer.content.format import fill
from explainer.content.parse import LessonText


@dataclass(frozen=True)
class LessonQuestions:
    """One lesson as the registry reads it: its name, its parsed text, and the numbers its text quotes
    (what fills its ``{{name}}`` templates)."""

    name: str
    text: LessonText
    numbers: Mapping[str, str]


@dataclass(frozen=True)
class QuestionText:
    """What the CSV says of a question: its prompt and options as plain text, and which option is right."""

    prompt: str
    options: tuple[str, ...]
    right: int | None  # None: a question without a right answer (a teacher may write one)


@dataclass(frozen=True)
class Registry:
    """Every question id in course order: its number of options (``options``) and its plain text (``texts``)."""

    options: Mapping[str, int]
    texts: Mapping[str, QuestionText]


def question_id(lesson: str, block: str) -> str:
    """The id of a lesson's question in the store: ``"gaba:predict:shunt"``."""
    return f"{lesson}:{block}"


def widget_key(qid: str) -> str:
    """The widget key of a question by its id (``"gaba:predict:shunt"`` -> ``"gaba_predict_shunt"``, ``"own:1"`` ->
    ``"own_1"``): the one mapping the lesson page, class mode's following and the teacher's questions share."""
    return qid.replace(":", "_")


def registry(lessons: Iterable[LessonQuestions]) -> Registry:
    """Every predict and check question of these lessons.  Two lessons of one name would share ids, and
    one would silently lose its votes: refused."""
    options: dict[str, int] = {}
    texts: dict[str, QuestionText] = {}
    names: set[str] = set()
    for lesson in lessons:
        if lesson.name in names:
            raise ValueError(f"two lessons are named {lesson.name!r}")
        names.add(lesson.name)
        for block, q in lesson.text.questions().items():
            qid = question_id(lesson.name, block)
            options[qid] = len(q.options)
            texts[qid] = QuestionText(
                plain(q.prompt, lesson.numbers),
                tuple(plain(o.label, lesson.numbers) for o in q.options),
                q.options.index(q.answer),
            )
    return Registry(MappingProxyType(options), MappingProxyType(texts))


_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_MATH_WORD = re.compile(r"\\(?:mathrm|text|rm)\{([^}]*)\}")
_EMPHASIS = re.compile(r"(?<![\w*])[*_]([^*_\n]+)[*_](?![\w*])")  # *same* or _same_, not E_GABA


def plain(text: str, numbers: Mapping[str, str]) -> str:
    """A lesson's Markdown as plain text for a spreadsheet: numbers filled in, no links, bold or math marks."""
    text = _MATH_WORD.sub(r"\1", _LINK.sub(r"\1", fill(text, numbers)))
    for mark in ("**", "$", "\\", "{", "}"):
        text = text.replace(mark, "")
    text = _EMPHASIS.sub(r"\1", text)
    return " ".join(text.split())
