"""The parsers of the app's Markdown: lesson files (blocks, questions) and entry documents (glossary,
references, model notes).  Pure functions: no Streamlit; ``ui/lesson_parts.py`` shows what these return.

A lesson's text is ``lesson.md`` in its package (``explainer/lessons/<name>/``), so teachers and translators
can edit it without touching Python.  A lesson file is a title and blocks, each under a level-2 heading
that names its kind (and, where a lesson has several of a kind, an id).  The blocks are shown in the order
they stand in the file::

    # Meet the neuron

    ## goal
    The question the lesson investigates.

    ## text: intro
    Any Markdown.  Numbers computed by the model appear as {{rheobase_pA}}.

    ## section: summation
    A heading, shown as a heading.

    ## predict: spikes
    The question (Markdown).

    - [ ] A wrong answer
      Feedback that says why it is wrong.
    - [x] The right answer
      Feedback that says why it is right.

    ## experiment: current
    (no text: the lesson's Python draws this experiment's sliders and figures here)

    ## explain: fi
    Why the model did what it did.

    ## found: spikes
    What the experiment showed: the answer to the question the goal asks.

    ## check: subthreshold
    (same form as predict)

    ## try

    ## note: predicted_setting
    A text the lesson's code shows where it needs it (not in the sequence).

A *predict* block holds back everything after it until the student has committed a prediction (or, in
class mode, the teacher has revealed it); the verdict on the prediction follows the first experiment after it.
So the goal asks a question without its answer, no heading above a prediction gives it away, and the answer
is written in a *found* block ("What you found") after the prediction it follows: it is shown only once
that prediction has been revealed, and the worksheet prints it only on the teacher's answer sheet.

``{{name}}`` placeholders are filled with numbers the lesson computes from the model, so the text can
never drift from what the model does; a name the lesson does not provide stays visible as ``{{name}}``
(and a test fails).  Links to the glossary look like ``[threshold](glossary#threshold)``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from explainer import content
from explainer.content.format import PLACEHOLDER, fill, placeholders
from explainer.content.i18n import current, per_language

__all__ = [
    "PLACEHOLDER",
    "Entry",
    "EntryDocument",
    "LessonText",
    "Option",
    "Question",
    "fill",
    "load_entries",
    "load_lesson",
    "load_page_questions",
    "parse_entries",
    "parse_lesson",
    "parse_question",
    "placeholders",
]

KINDS = ("goal", "text", "section", "predict", "experiment", "check", "explain", "found", "try", "note")
QUESTION_KINDS = ("predict", "check")
LESSON_FILE = "lesson.md"

BLOCK_HEADING = re.compile(r"^##[ \t]+([a-z]+)[ \t]*(?::[ \t]*([A-Za-z0-9_-]+))?[ \t]*$")
_OPTION = re.compile(r"^[-*][ \t]+\[([ xX])\][ \t]+(.+?)\s*$")


@dataclass(frozen=True)
class Option:
    label: str
    correct: bool
    feedback: str


@dataclass(frozen=True)
class Question:
    prompt: str
    options: tuple[Option, ...]

    @property
    def labels(self) -> list[str]:
        return [o.label for o in self.options]

    @property
    def answer(self) -> Option:
        return next(o for o in self.options if o.correct)

    def option(self, label: str) -> Option:
        return next(o for o in self.options if o.label == label)


@dataclass(frozen=True)
class LessonText:
    """A parsed lesson file: its title and its blocks by name (``"goal"``, ``"predict:spikes"``, ...)."""

    name: str  # the lesson's one name (its folder, its URL, the prefix of its questions' ids)
    title: str
    blocks: dict[str, str]

    def block(self, name: str) -> str:
        if name not in self.blocks:
            raise KeyError(f"lesson {self.name!r} has no block {name!r}; it has {sorted(self.blocks)}")
        return self.blocks[name]

    def question(self, name: str) -> Question:
        return parse_question(self.block(name), f"{self.name}:{name}")

    def questions(self) -> dict[str, Question]:
        """Every predict and check question, in the order they appear."""
        return {name: self.question(name) for name in self.blocks if name.split(":")[0] in QUESTION_KINDS}


def parse_lesson(markdown: str, lesson: str = "lesson") -> LessonText:
    """Split a lesson file into its title and named blocks (see the module docstring)."""
    title = ""
    blocks: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in markdown.splitlines():
        if line.startswith("# ") and not title and current is None:
            title = line[2:].strip()
            continue
        heading = BLOCK_HEADING.match(line)
        if heading:
            kind, ident = heading.group(1), heading.group(2)
            if kind not in KINDS:
                raise ValueError(f"{lesson}: unknown block kind {kind!r} in {line!r}; use one of {KINDS}")
            name = f"{kind}:{ident}" if ident else kind
            if name in blocks:
                raise ValueError(f"{lesson}: block {name!r} appears twice")
            current = blocks[name] = []
            continue
        if line.startswith("## "):
            raise ValueError(f"{lesson}: cannot read the heading {line!r}; write '## kind' or '## kind: id'")
        if current is not None:
            current.append(line)
    if not title:
        raise ValueError(f"{lesson}: the file must start with a '# Title' line")
    parsed = LessonText(name=lesson, title=title, blocks={k: "\n".join(v).strip() for k, v in blocks.items()})
    kinds = [name.split(":")[0] for name in parsed.blocks]
    if "found" in kinds and "predict" not in kinds[: kinds.index("found")]:
        raise ValueError(f"{lesson}: a found block must come after the predict block whose answer it gives")
    for name in parsed.blocks:
        if name.split(":")[0] in QUESTION_KINDS:
            parsed.question(name)  # validate now, not when a student first clicks
    return parsed


def parse_question(block: str, where: str = "question") -> Question:
    """A prompt followed by ``- [ ]`` / ``- [x]`` options, each with indented feedback lines."""
    prompt: list[str] = []
    options: list[tuple[str, bool, list[str]]] = []
    for line in block.splitlines():
        m = _OPTION.match(line)
        if m:
            options.append((m.group(2), m.group(1) in "xX", []))
        elif options:
            if line.strip() and not line.startswith((" ", "\t")):
                raise ValueError(f"{where}: text after the options must be indented feedback: {line!r}")
            options[-1][2].append(line.strip())
        else:
            prompt.append(line)
    if len(options) < 2:
        raise ValueError(f"{where}: a question needs at least two '- [ ] option' lines")
    if sum(correct for _, correct, _ in options) != 1:
        raise ValueError(f"{where}: mark exactly one option as right with '- [x]'")
    labels = [label for label, _, _ in options]
    if len(set(labels)) != len(labels):
        raise ValueError(f"{where}: two options have the same text")
    return Question(
        prompt="\n".join(prompt).strip(),
        options=tuple(Option(label, correct, " ".join(f for f in fb if f)) for label, correct, fb in options),
    )


def load_lesson(package: str) -> LessonText:
    """The lesson text of a lesson's package (``lesson.md`` beside its ``__init__.py``, or ``lesson.<lang>.md``)
    in the page's language, parsed once per process and language; its name is the package's last part."""
    return _lesson_in(package, current())


@cache
def _lesson_in(package: str, lang: str) -> LessonText:
    return parse_lesson(content.read_text(package, LESSON_FILE, lang), package.rsplit(".", 1)[-1])


PAGE_QUESTIONS_SUFFIX = "_questions"


@per_language
def load_page_questions(page: str) -> LessonText:
    """The questions a page (not a lesson) asks, in the lesson format: ``content/<page>_questions.md``, named
    after the page (so its question ids are ``"<page>:predict:..."``), parsed once per process."""
    return parse_lesson(content.load(page + PAGE_QUESTIONS_SUFFIX), page)


# ---------------------------------------------------------------------------------------------------
# Reference pages made of entries: glossary, references, model notes
# ---------------------------------------------------------------------------------------------------

_ENTRY = re.compile(r"^###[ \t]+(.+?)(?:[ \t]+\{#([a-z0-9-]+)\})?[ \t]*$")
_SECTION = re.compile(r"^##[ \t]+(.+?)[ \t]*$")


@dataclass(frozen=True)
class Entry:
    title: str
    anchor: str | None  # the link target, ``page#anchor``; None: no fixed anchor
    body: str
    section: str  # the ``## section`` it sits under ("" before any)


@dataclass(frozen=True)
class EntryDocument:
    title: str
    intro: str
    entries: tuple[Entry, ...]

    @property
    def anchors(self) -> set[str]:
        return {e.anchor for e in self.entries if e.anchor}


def parse_entries(markdown: str, name: str = "document") -> EntryDocument:
    """``# Title``, an intro, optional ``## Section`` headings and ``### Entry {#anchor}`` entries."""
    title = ""
    intro: list[str] = []
    entries: list[tuple[str, str | None, list[str], str]] = []
    section = ""
    for line in markdown.splitlines():
        if line.startswith("# ") and not title:
            title = line[2:].strip()
            continue
        m = _ENTRY.match(line)
        if m:
            entries.append((m.group(1), m.group(2), [], section))
            continue
        s = _SECTION.match(line)
        if s:
            section = s.group(1)
            continue
        (entries[-1][2] if entries else intro).append(line)
    if not title:
        raise ValueError(f"{name}: the file must start with a '# Title' line")
    anchors = [a for _, a, _, _ in entries if a]
    if len(set(anchors)) != len(anchors):
        raise ValueError(f"{name}: two entries share an anchor")
    return EntryDocument(
        title=title,
        intro="\n".join(intro).strip(),
        entries=tuple(Entry(t, a, "\n".join(b).strip(), sec) for t, a, b, sec in entries),
    )


def load_entries(name: str) -> EntryDocument:
    return parse_entries(content.load(name), name)
