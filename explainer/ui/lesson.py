"""The Streamlit parts every lesson is built from: goal, predict, reveal, explain, quick checks, try this,
presets, and the pages made of entries (glossary, references, model notes).

The lesson files and their parser are in ``explainer/content`` (``content/parse.py`` describes the format).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import streamlit as st

from explainer.content.parse import EntryDocument, LessonText, Question, fill
from explainer.ui import presenter
from explainer.ui.presets import Preset, clear_preset, preset_selector
from explainer.ui.widgets import Slider

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
