"""The parts every lesson is built from: goal, predict, reveal, explain, quick checks, try this, presets.

Lesson text lives in Markdown under ``explainer/content/lessons/`` so teachers and translators can edit
it without touching Python.  A lesson file is a title and blocks, each under a level-2 heading that
names its kind (and, where a lesson has several of a kind, an id)::

    # Meet the neuron

    ## goal
    One sentence.

    ## text: intro
    Any Markdown.  Numbers computed by the model appear as {{rheobase_pA}}.

    ## predict: spikes
    The question (Markdown).

    - [ ] A wrong answer
      Feedback that says why it is wrong.
    - [x] The right answer
      Feedback that says why it is right.

    ## check: 1
    (same form as predict)

    ## explain: fi
    ## try

``{{name}}`` placeholders are filled with numbers the page computes from the model, so the text can
never drift from what the model does; a name the page does not provide stays visible as ``{{name}}``
(and a test fails).  Links to the glossary look like ``[threshold](glossary#threshold)``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import streamlit as st

from explainer import content
from explainer.ui import presenter
from explainer.ui.presets import Preset, clear_preset, preset_selector
from explainer.ui.widgets import Slider

KINDS = ("goal", "text", "predict", "check", "explain", "try")
QUESTION_KINDS = ("predict", "check")

_HEADING = re.compile(r"^##[ \t]+([a-z]+)[ \t]*(?::[ \t]*([A-Za-z0-9_-]+))?[ \t]*$")
_OPTION = re.compile(r"^[-*][ \t]+\[([ xX])\][ \t]+(.+?)\s*$")
PLACEHOLDER = re.compile(r"\{\{\s*([A-Za-z0-9_]+)\s*\}\}")


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

    slug: str
    title: str
    blocks: dict[str, str]

    def block(self, name: str) -> str:
        if name not in self.blocks:
            raise KeyError(f"lesson {self.slug!r} has no block {name!r}; it has {sorted(self.blocks)}")
        return self.blocks[name]

    def question(self, name: str) -> Question:
        return parse_question(self.block(name), f"{self.slug}:{name}")

    def questions(self) -> dict[str, Question]:
        """Every predict and check question, in the order they appear."""
        return {name: self.question(name) for name in self.blocks if name.split(":")[0] in QUESTION_KINDS}


def parse_lesson(markdown: str, slug: str = "lesson") -> LessonText:
    """Split a lesson file into its title and named blocks (see the module docstring)."""
    title = ""
    blocks: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in markdown.splitlines():
        if line.startswith("# ") and not title and current is None:
            title = line[2:].strip()
            continue
        heading = _HEADING.match(line)
        if heading:
            kind, ident = heading.group(1), heading.group(2)
            if kind not in KINDS:
                raise ValueError(f"{slug}: unknown block kind {kind!r} in {line!r}; use one of {KINDS}")
            name = f"{kind}:{ident}" if ident else kind
            if name in blocks:
                raise ValueError(f"{slug}: block {name!r} appears twice")
            current = blocks[name] = []
            continue
        if line.startswith("## "):
            raise ValueError(f"{slug}: cannot read the heading {line!r}; write '## kind' or '## kind: id'")
        if current is not None:
            current.append(line)
    if not title:
        raise ValueError(f"{slug}: the file must start with a '# Title' line")
    parsed = LessonText(slug=slug, title=title, blocks={k: "\n".join(v).strip() for k, v in blocks.items()})
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


def load_lesson(slug: str) -> LessonText:
    """Parse ``explainer/content/lessons/<slug>.md``."""
    return parse_lesson(content.load(f"lessons/{slug}"), slug)


def fill(text: str, numbers: Mapping[str, str]) -> str:
    """Replace ``{{name}}`` with ``numbers[name]``; unknown names stay visible (tests catch them)."""
    return PLACEHOLDER.sub(lambda m: str(numbers.get(m.group(1), m.group(0))), text)


def placeholders(text: str) -> set[str]:
    return set(PLACEHOLDER.findall(text))


# ---------------------------------------------------------------------------------------------------
# Streamlit parts
# ---------------------------------------------------------------------------------------------------


def header(lesson: LessonText, step: str) -> None:
    """The lesson's title, its place in the course, and its goal."""
    st.title(lesson.title)
    st.caption(step)


def goal(lesson: LessonText, numbers: Mapping[str, str] | None = None) -> None:
    with st.container(border=True):
        st.markdown(f":material/flag: **Goal.** {fill(lesson.block('goal'), numbers or {})}")


def prose(lesson: LessonText, name: str, numbers: Mapping[str, str] | None = None) -> None:
    """A paragraph of the lesson's text: folded behind one click in presenter mode (the teacher tells it)."""
    presenter.explain(fill(lesson.block(name), numbers or {}), label="Lesson text")


def explain(lesson: LessonText, name: str, numbers: Mapping[str, str] | None = None) -> None:
    """The *explain* paragraph that follows a reveal."""
    with st.container(border=True):
        st.markdown(":material/lightbulb: **Why?**")
        st.markdown(fill(lesson.block(name), numbers or {}))


def _keep_answer(key: str, kept_key: str) -> None:
    st.session_state[kept_key] = st.session_state.get(key)


def _choose(question: Question, key: str, label: str, numbers: Mapping[str, str]) -> str | None:
    """A quick check's answer.  It is kept for the session under a key of its own (Streamlit forgets the
    widget's when the student visits another page), so a student coming back finds their answer."""
    st.markdown(fill(question.prompt, numbers))
    labels = [fill(o, numbers) for o in question.labels]
    kept_key = f"{key}_kept"
    kept = st.session_state.get(kept_key)
    returning = key not in st.session_state and kept in labels
    return st.radio(
        label,
        labels,
        index=labels.index(kept) if returning else None,
        key=key,
        on_change=_keep_answer,
        args=(key, kept_key),
        help="Choose one answer. You can change your mind at any time.",
    )


def _lock_prediction(key: str, locked_key: str) -> None:
    if st.session_state.get(key) is not None:
        st.session_state[locked_key] = st.session_state[key]


def predict(lesson: LessonText, name: str, *, key: str, numbers: Mapping[str, str] | None = None) -> str | None:
    """The *predict* question; returns the prediction once the student has run the experiment, else None
    (then the page holds back the reveal).

    Choosing an option (with the mouse or the arrow keys) only selects it; **Run the experiment** commits
    it.  The committed prediction is kept for the whole session under a key of its own (not the widget's,
    which Streamlit forgets when the student visits another page), so a student who comes back to the
    lesson finds their prediction and the revealed experiment as they left them.
    """
    numbers = numbers or {}
    question = lesson.question(name)
    labels = [fill(o, numbers) for o in question.labels]
    locked_key = f"{key}_locked"
    locked = st.session_state.get(locked_key)
    if locked not in labels:
        locked = None
    with st.container(border=True):
        st.markdown(":material/psychology_alt: **Predict first.**")
        st.markdown(fill(question.prompt, numbers))
        choice = st.radio(
            "Your prediction",
            labels,
            index=None if locked is None else labels.index(locked),
            key=key,
            disabled=locked is not None,
            help="Choose one answer, then run the experiment. There is no penalty for being wrong.",
        )
        if locked is None:
            # A callback, so that the prediction is locked before the next run draws the radio (disabled).
            st.button(
                "Run the experiment",
                key=f"{key}_run",
                type="primary",
                icon=":material/play_arrow:",
                disabled=choice is None,
                help="Locks in your prediction and shows what the model does.",
                on_click=_lock_prediction,
                args=(key, locked_key),
            )
            st.caption("Choose your prediction, then press **Run the experiment**.")
        else:
            st.caption("Your prediction is locked in; the experiment below shows what the model does.")
    return locked


def _sentence(text: str) -> str:
    """``text`` ending in a full stop (unless it already ends in . ! or ?)."""
    return text if text.rstrip().endswith((".", "!", "?")) else text.rstrip() + "."


SETTING_BLOCK = "text:predicted_setting"  # the setting a prediction is about, where the sliders can leave it
AWAY_BLOCK = "text:away_from_prediction"


def prediction_feedback(lesson: LessonText, name: str, choice: str, numbers: Mapping[str, str] | None = None) -> None:
    """After the reveal: was the prediction what the model shows, and why.

    The verdict is about the setting the question describes; where the sliders can leave it (the lesson's
    ``text: predicted_setting`` block), the verdict names that setting, so it stays true whatever they show.
    """
    numbers = numbers or {}
    question = lesson.question(name)
    chosen = next((o for o in question.options if fill(o.label, numbers) == choice), None)
    if chosen is None:
        return
    answer = question.answer
    setting = fill(lesson.block(SETTING_BLOCK), numbers) if SETTING_BLOCK in lesson.blocks else None
    prefix = f"For the setting you predicted ({setting}), the model" if setting else "The model"
    if chosen.correct:
        st.success(f"**You predicted:** {choice}  \n**{prefix} agrees.** {fill(chosen.feedback, numbers)}")
    else:
        st.warning(
            f"**You predicted:** {choice}  \n**{prefix} shows something else.** "
            f"{fill(chosen.feedback, numbers)}  \n"
            f"**What happens:** {_sentence(fill(answer.label, numbers))} {fill(answer.feedback, numbers)}",
            icon=":material/lightbulb:",
        )


def away_from_prediction(lesson: LessonText, at_predicted_setting: bool, numbers: Mapping[str, str]) -> None:
    """Beside the chart, while the sliders show another setting than the prediction was about: say so."""
    if not at_predicted_setting:
        st.info(fill(lesson.block(AWAY_BLOCK), numbers), icon=":material/tune:")


def check(lesson: LessonText, name: str, *, key: str, numbers: Mapping[str, str] | None = None) -> bool | None:
    """A quick check with immediate feedback; returns True/False once answered, None before."""
    numbers = numbers or {}
    question = lesson.question(name)
    with st.container(border=True):
        st.markdown(":material/task_alt: **Quick check.**")
        choice = _choose(question, key, "Your answer", numbers)
        if choice is None:
            return None
        chosen = next(o for o in question.options if fill(o.label, numbers) == choice)
        if chosen.correct:
            st.success(f"**Right.** {fill(chosen.feedback, numbers)}", icon=":material/check_circle:")
        else:
            st.warning(f"**Not quite.** {fill(chosen.feedback, numbers)}", icon=":material/replay:")
        return chosen.correct


def try_this(lesson: LessonText, name: str = "try", numbers: Mapping[str, str] | None = None) -> None:
    with st.container(border=True):
        st.markdown(":material/science: **Try this**")
        st.markdown(fill(lesson.block(name), numbers or {}))


def waiting_for_prediction() -> None:
    st.info("The experiment appears here once you have made your prediction.", icon=":material/visibility_off:")


def presets(options: Mapping[str, Preset], *, key: str) -> None:
    """One-click scenarios that set this lesson's sliders (bound to the URL like the sliders)."""
    preset_selector(options, key, "One click sets the sliders to a prepared scenario.")


def preset_sliders(options: Mapping[str, Preset], sliders: Sequence[Slider], *, key: str) -> list[float]:
    """The lesson's presets above its sliders, side by side; moving a slider leaves the preset.  Returns the
    sliders' values, in order."""
    presets(options, key=key)
    values = []
    for column, slider in zip(st.columns(len(sliders)), sliders, strict=True):
        with column:
            values.append(slider.show(on_change=clear_preset, args=(key,)))
    return values


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


def show_entries(doc: EntryDocument, numbers: Mapping[str, str] | None = None, *, only=None) -> None:
    """Each entry as a subheading with its anchor (so ``page#anchor`` links land on it) and its text."""
    numbers = numbers or {}
    section = None
    for entry in doc.entries:
        if only is not None and entry not in only:
            continue
        if entry.section and entry.section != section:
            section = entry.section
            st.header(section, anchor=False)
        if entry.anchor:
            st.subheader(entry.title, anchor=entry.anchor)
        else:
            st.subheader(entry.title)
        st.markdown(fill(entry.body, numbers))


def chart(fig, key: str, alt: str, *, filename: str | None = None) -> None:
    """The app's one way to show a static figure: our own styling (theme=None), a projector-sized PNG export
    named ``filename`` (default: after ``key``), and alt text for screen readers."""
    from explainer.figures.style import chart_config

    config = chart_config(filename or key.replace("_", "-"))
    st.plotly_chart(fig, theme=None, key=key, config=config, alt=alt)
