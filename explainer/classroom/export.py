"""The teacher's export: a class's counts per question and option as CSV, to open in a spreadsheet.

Counts and percentages only: no seats, no times, nothing personal.  With the registry's texts each row
also carries the question and the option in plain words and whether the option is the right answer.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence

from explainer.classroom.questions import QuestionText

COLUMNS = ("class", "question", "question_text", "option", "option_text", "right", "votes", "percent")


def tallies_csv(code: str, counts: Mapping[str, Sequence[int]], texts: Mapping[str, QuestionText]) -> str:
    """One row per question and option, in the order of ``counts`` (the store's :meth:`counts`, in course
    order).  A question without a text (a lesson edited since the vote) keeps its counts, with empty words."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for qid, per_option in counts.items():
        total, text = sum(per_option), texts.get(qid)
        for i, n in enumerate(per_option):
            option = text.options[i] if text and i < len(text.options) else ""
            right = ("yes" if i == text.right else "no") if text else ""
            share = f"{100.0 * n / total:.0f}" if total else "0"
            writer.writerow([code, qid, text.prompt if text else "", i + 1, option, right, n, share])
    return out.getvalue()
