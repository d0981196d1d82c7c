"""The questions pages ask of their own (not a lesson's): their one list, which class mode's registry and the
pages read.

A page's questions are written like a lesson's (``content/<page>_questions.md``: predict and check blocks, and
the notes a page needs) and shown with the lessons' parts (:mod:`explainer.ui.lesson_parts`), so they get the
same feedback, and in class mode the same vote, tally and reveal.  Their ids are ``"<page>:<block>"``
(``"circuits:predict:weaker_inhibition"``).  :data:`PAGES` is the one list: class mode's registry is made from
the course's lessons and these (``ui/classroom/session.questions``), and each page takes its entry from here,
so a question added to a page's file is votable with nothing else to edit.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from explainer.content import numbers as text_numbers
from explainer.content.parse import LessonText, load_page_questions


@dataclass(frozen=True, eq=False)
class PageQuestions:
    """A page's questions: the page's name (its questions' ids start with it) and what fills the ``{{name}}``
    templates of their prompts and options.  Class mode's registry reads those numbers, so they are only
    settings, never a simulation; the page fills its feedback with more numbers of its own."""

    name: str
    numbers: Callable[[], Mapping[str, str]]

    @property
    def text(self) -> LessonText:
        return load_page_questions(self.name)

    def key(self, block: str) -> str:
        """The widget key of a question block (``"circuits_predict_weaker_inhibition"``), as a lesson's."""
        return f"{self.name}_{block.replace(':', '_')}"


CIRCUITS = PageQuestions("circuits", text_numbers.circuits_questions)

PAGES: tuple[PageQuestions, ...] = (CIRCUITS,)
