"""The teacher's export: a class's counts per question, round and option as CSV, to open in a spreadsheet.

Counts and percentages only: no seats, no times, nothing personal.  Every question is there, voted on or not
(the store's :meth:`~explainer.classroom.store.ClassStore.counts`), each round with a total row, and with the
texts each row also carries the question and the option in plain words and whether the option is the right
answer.  Its words (the header, "total", "yes") are in the teacher's language, and so are the questions' texts
(the registry of the page's language).  The file starts with a UTF-8 byte order mark: Excel on Windows otherwise
reads it in the system's code page, and the minus sign of "−70 mV" turns into mojibake.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence

from explainer.classroom.questions import QuestionText
from explainer.content.words import words

BOM = "\ufeff"
WORDS = words("classroom")  # the CSV's column names and marks, in the teacher's language: content/words/classroom.toml


def header() -> tuple[str, ...]:
    """The CSV's column names in the page's language."""
    return (
        WORDS.text("csv_class"),
        WORDS.text("csv_question"),
        WORDS.text("csv_question_text"),
        WORDS.text("csv_round"),
        WORDS.text("csv_option"),
        WORDS.text("csv_option_text"),
        WORDS.text("csv_right"),
        WORDS.text("csv_votes"),
        WORDS.text("csv_percent"),
    )


def tallies_csv(code: str, counts: Mapping[str, Mapping[int, Sequence[int]]], texts: Mapping[str, QuestionText]) -> str:
    """One row per question, round and option, then the round's total, in the order of ``counts``.  A question
    without a text (a lesson edited since the vote) keeps its counts, with empty words."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header())
    total_mark, yes, no = WORDS.text("csv_total"), WORDS.text("csv_yes"), WORDS.text("csv_no")
    for qid, per_round in counts.items():
        text = texts.get(qid)
        prompt = text.prompt if text else ""
        for round_, per_option in sorted(per_round.items()):
            total = sum(per_option)
            for i, (n, share) in enumerate(zip(per_option, percents(per_option), strict=True)):
                option = text.options[i] if text and i < len(text.options) else ""
                right = "" if text is None or text.right is None else yes if i == text.right else no
                writer.writerow([code, qid, prompt, round_, i + 1, option, right, n, share])
            writer.writerow([code, qid, prompt, round_, total_mark, "", "", total, "100" if total else "0"])
    return BOM + out.getvalue()


def percents(counts: Sequence[int]) -> list[int]:
    """Whole percentages that add up to 100 (largest remainders; all 0 without votes): 1/1/1 of 3 is 34/33/33,
    never 33/33/33 beside a total of 100."""
    total = sum(counts)
    if not total:
        return [0] * len(counts)
    exact = [100 * n / total for n in counts]
    shares = [int(x) for x in exact]
    by_remainder = sorted(range(len(counts)), key=lambda i: (exact[i] - shares[i], counts[i]), reverse=True)
    for i in by_remainder[: 100 - sum(shares)]:
        shares[i] += 1
    return shares
