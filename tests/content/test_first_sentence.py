"""The first sentence of a feedback, which "My answers" quotes under each verdict."""

from __future__ import annotations

import pytest

from explainer.content.format import fill, first_sentence
from explainer.lessons import LESSONS


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("Not every current. 190 pA makes $V$ settle below threshold.", "Not every current."),
        ("They cancel on *average*. But the inputs arrive at random moments.", "They cancel on *average*."),
        (
            "It pulls $V$ to −70 mV, e.g. away from threshold. Then it stops.",
            "It pulls $V$ to −70 mV, e.g. away from threshold.",
        ),
        ("At 0.5 mV. −70 mV is rest.", "At 0.5 mV."),
        ("Is it? Yes.", "Is it?"),
        ("One sentence\n  over two lines. And one more.", "One sentence over two lines."),
        ("No full stop at all", "No full stop at all"),
    ],
)
def test_the_first_sentence_ends_where_the_next_one_starts(text, first):
    assert first_sentence(text) == first


def test_every_feedbacks_first_sentence_is_a_whole_sentence():
    for lesson in LESSONS:
        for question in lesson.text.questions().values():
            for option in question.options:
                feedback = fill(option.feedback, lesson.numbers())
                first = first_sentence(feedback)
                assert first and feedback.startswith(first) and first[-1] in ".!?", (lesson.name, first)
