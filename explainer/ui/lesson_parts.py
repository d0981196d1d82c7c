"""The Streamlit parts every lesson is built from: goal, predict, reveal, explain, what you found, quick checks,
try this.

:mod:`explainer.ui.lesson_page` walks a lesson's blocks and calls these; ``content/parse.py`` describes the
lesson file they show.
"""

from __future__ import annotations

from collections.abc import Mapping

import streamlit as st

from explainer.content.parse import LessonText, Question, fill
from explainer.content.words import words
from explainer.ui import answers, dom, presenter
from explainer.ui.charts import preload_plotly
from explainer.ui.classroom import session as classroom
from explainer.ui.classroom import votes

W = words("ui")  # the words: content/words/ui.toml

# ---------------------------------------------------------------------------------------------------
# Streamlit parts
# ---------------------------------------------------------------------------------------------------


def header(lesson: LessonText, step: str) -> None:
    """The lesson's title, its place in the course, and its goal."""
    st.title(lesson.title)
    st.caption(step)


def goal(lesson: LessonText, numbers: Mapping[str, str] | None = None) -> None:
    """The lesson's goal; folded behind one click for a teacher presenting a class (the question, its Reveal
    button and the tally then fit the projected screen)."""
    text = W.text("goal", goal=fill(lesson.block("goal"), numbers or {}))
    tab = classroom.current()
    if tab is not None and tab.is_teacher and presenter.is_presenting():
        presenter.explain(text, label=W.text("goal_label"))
        return
    with st.container(border=True):
        st.markdown(text)


def prose(lesson: LessonText, name: str, numbers: Mapping[str, str] | None = None) -> None:
    """A paragraph of the lesson's text: folded behind one click in presenter mode (the teacher tells it)."""
    presenter.explain(fill(lesson.block(name), numbers or {}), label=W.text("lesson_text_label"))


def explain(lesson: LessonText, name: str, numbers: Mapping[str, str] | None = None) -> None:
    """The *explain* paragraph that follows a reveal."""
    with st.container(border=True):
        st.markdown(W.text("explain_heading"))
        st.markdown(fill(lesson.block(name), numbers or {}))


def found(lesson: LessonText, name: str, numbers: Mapping[str, str] | None = None) -> None:
    """*What you found*: the answer to the goal's question, after the reveal of the prediction it follows (the
    lesson page never reaches it before)."""
    with st.container(border=True):
        st.markdown(W.text("found_heading"))
        st.markdown(fill(lesson.block(name), numbers or {}))


def _show_kept(key: str, kept: str | None) -> None:
    """Put a kept answer into its radio before the radio is drawn: Streamlit forgets a widget's value when the
    student visits another page, and a new session starts with none (the browser's kept answer then arrives
    a run later).  The radio is drawn with no ``index`` of its own, so the value set here is the one it shows."""
    if kept is not None and st.session_state.get(key) != kept:
        st.session_state[key] = kept


def _filled(question: Question, numbers: Mapping[str, str]) -> dict[str, str]:
    """Each option's text as the page shows it -> as the lesson file writes it (what the browser keeps)."""
    return {fill(label, numbers): label for label in question.labels}


def _keep_check(lesson: str, block: str, key: str, labels: Mapping[str, str]) -> None:
    """``on_change`` of a quick check: the answer is kept (this session, and the browser)."""
    choice = labels.get(st.session_state.get(key))
    if choice is not None:
        answers.keep(lesson, block, choice)


def _choose(lesson: LessonText, name: str, key: str, label: str, numbers: Mapping[str, str]) -> str | None:
    """A quick check's answer; the student's kept answer is shown when they come back, in this session or
    another one of the same browser."""
    question = lesson.question(name)
    st.markdown(fill(question.prompt, numbers))
    labels = _filled(question, numbers)
    kept = answers.kept(lesson.name, name)
    _show_kept(key, fill(kept, numbers) if kept in question.labels else None)
    return st.radio(
        label,
        list(labels),
        index=None,
        key=key,
        on_change=_keep_check,
        args=(lesson.name, name, key, labels),
        help=W.text("check_help"),
    )


def run_key(key: str) -> str:
    """The key of the *Run the experiment* button of the prediction ``key``: true in the run its click caused
    (a page that must act on that moment, such as moving its sliders to the predicted setting, reads it).  An
    action key: a presenter's clicker presses it with "." or "b" (:func:`explainer.ui.dom.action_key`)."""
    return dom.action_key(f"{key}_run")


def _lock_prediction(lesson: str, block: str, key: str, labels: Mapping[str, str]) -> None:
    """``on_click`` of **Run the experiment**: the prediction is locked (this session, and the browser), before
    the next run draws the radio (disabled)."""
    choice = labels.get(st.session_state.get(key))
    if choice is not None and answers.kept(lesson, block) is None:
        answers.keep(lesson, block, choice)


def predict(lesson: LessonText, name: str, *, key: str, numbers: Mapping[str, str] | None = None) -> str | None:
    """The *predict* question; returns the prediction once the student has run the experiment, else None
    (then the page holds back the reveal).

    Choosing an option (with the mouse or the arrow keys) only selects it; **Run the experiment** commits
    it.  The committed prediction is kept (:mod:`explainer.ui.answers`: the session, and the browser), so a
    student who comes back to the lesson, reloads it or opens it in a new tab finds their prediction locked and
    the revealed experiment as they left them.  In class mode it is a vote, and the class's store keeps it.
    """
    numbers = numbers or {}
    question = lesson.question(name)
    labels = [fill(o, numbers) for o in question.labels]
    tab = classroom.current()
    if tab is not None:  # class mode: a vote, and the teacher reveals (the key: the clicker's next question)
        with st.container(border=True, key=dom.question_key(key)):
            st.markdown(W.text("predict_heading"))
            st.markdown(fill(question.prompt, numbers))
            return votes.question(
                tab,
                classroom.question_id(lesson.name, name),
                labels,
                key=key,
                right=question.options.index(question.answer),
                label=W.text("predict_label"),
            )
    kept = answers.kept(lesson.name, name)
    locked = fill(kept, numbers) if kept in question.labels else None
    _show_kept(key, locked)
    with st.container(border=True):
        st.markdown(W.text("predict_heading"))
        st.markdown(fill(question.prompt, numbers))
        choice = st.radio(
            W.text("predict_label"),
            labels,
            index=None,
            key=key,
            disabled=locked is not None,
            help=W.text("predict_help"),
        )
        if locked is None:
            st.button(
                W.text("run_experiment"),
                key=run_key(key),
                type="primary",
                icon=":material/play_arrow:",
                disabled=choice is None,
                help=W.text("run_experiment_help"),
                on_click=_lock_prediction,
                args=(lesson.name, name, key, _filled(question, numbers)),
            )
            st.caption(W.text("predict_caption"))
        else:
            st.caption(W.text("predict_locked_caption"))
    return locked


def _lines(*lines: str) -> str:
    """Markdown lines in one paragraph (a hard line break between them)."""
    return "  \n".join(lines)


def _sentence(text: str) -> str:
    """``text`` ending in a full stop (unless it already ends in . ! or ?)."""
    return text if text.rstrip().endswith((".", "!", "?")) else text.rstrip() + "."


SETTING_BLOCK = "note:predicted_setting"  # the setting a prediction is about, where the sliders can leave it
AWAY_BLOCK = "note:away_from_prediction"


def prediction_feedback(lesson: LessonText, name: str, choice: str, numbers: Mapping[str, str] | None = None) -> None:
    """After the reveal: was the prediction what the model shows, and why.

    The verdict is about the setting the question describes; where the sliders can leave it (the lesson's
    ``note: predicted_setting`` block), the verdict names that setting, so it stays true whatever they show.
    """
    numbers = numbers or {}
    question = lesson.question(name)
    chosen = next((o for o in question.options if fill(o.label, numbers) == choice), None)
    answer = question.answer
    if chosen is None:  # in class mode: the teacher, or a student who did not vote
        happens = W.text(
            "what_happens", answer=_sentence(fill(answer.label, numbers)), why=fill(answer.feedback, numbers)
        )
        st.info(happens, icon=":material/lightbulb:")
        return
    setting = fill(lesson.block(SETTING_BLOCK), numbers) if SETTING_BLOCK in lesson.blocks else None
    feedback = fill(chosen.feedback, numbers)
    # One whole sentence per verdict and setting (no phrase built from pieces); Markdown line breaks between.
    if chosen.correct:
        verdict = (
            W.text("verdict_agrees_at_setting", setting=setting, feedback=feedback)
            if setting
            else W.text("verdict_agrees", feedback=feedback)
        )
        st.success(_lines(W.text("you_predicted", choice=choice), verdict))
    else:
        verdict = (
            W.text("verdict_differs_at_setting", setting=setting, feedback=feedback)
            if setting
            else W.text("verdict_differs", feedback=feedback)
        )
        happens = W.text(
            "what_happens", answer=_sentence(fill(answer.label, numbers)), why=fill(answer.feedback, numbers)
        )
        st.warning(_lines(W.text("you_predicted", choice=choice), verdict, happens), icon=":material/lightbulb:")


def away_from_prediction(lesson: LessonText, at_predicted_setting: bool, numbers: Mapping[str, str]) -> None:
    """Beside the chart, while the sliders show another setting than the prediction was about: say so."""
    if not at_predicted_setting:
        st.info(fill(lesson.block(AWAY_BLOCK), numbers), icon=":material/tune:")


def check(lesson: LessonText, name: str, *, key: str, numbers: Mapping[str, str] | None = None) -> bool | None:
    """A quick check with immediate feedback; returns True/False once answered, None before."""
    numbers = numbers or {}
    question = lesson.question(name)
    with st.container(border=True, key=dom.question_key(key) if classroom.current() else None):
        st.markdown(W.text("check_heading"))
        if classroom.current():
            choice = _class_check(lesson, name, question, key, numbers)
            if choice == votes.TEACHER_SEES:  # revealed, seen by the teacher or by a student who did not vote
                answer, why = _sentence(fill(question.answer.label, numbers)), fill(question.answer.feedback, numbers)
                st.success(W.text("check_answer", answer=answer, feedback=why), icon=":material/check_circle:")
                return None
        else:
            choice = _choose(lesson, name, key, W.text("check_label"), numbers)
        if choice is None:
            return None
        chosen = next(o for o in question.options if fill(o.label, numbers) == choice)
        if chosen.correct:
            st.success(W.text("check_right", feedback=fill(chosen.feedback, numbers)), icon=":material/check_circle:")
        else:
            st.warning(W.text("check_not_quite", feedback=fill(chosen.feedback, numbers)), icon=":material/replay:")
        return chosen.correct


def _class_check(lesson: LessonText, name: str, question: Question, key: str, numbers: Mapping[str, str]):
    """A quick check in class mode: the prompt, then the vote or the tally (see :mod:`classroom.votes`)."""
    st.markdown(fill(question.prompt, numbers))
    return votes.question(
        classroom.current(),
        classroom.question_id(lesson.name, name),
        [fill(o, numbers) for o in question.labels],
        key=key,
        right=question.options.index(question.answer),
        label=W.text("check_label"),
    )


def try_this(lesson: LessonText, name: str = "try", numbers: Mapping[str, str] | None = None) -> None:
    with st.container(border=True):
        st.markdown(W.text("try_this_heading"))
        st.markdown(fill(lesson.block(name), numbers or {}))


def waiting_for_prediction() -> None:
    """Where the experiment will be: after the student's own run, or in class mode the teacher's reveal."""
    tab = classroom.current()
    if tab is None:
        text = W.text("waiting_for_prediction")
    else:  # the teacher is the one who reveals
        text = votes.W.text("teacher_waiting_for_reveal" if tab.is_teacher else "waiting_for_reveal")
        preload_plotly()  # the experiment's charts then draw as soon as the reveal comes
    st.info(text, icon=":material/visibility_off:")
