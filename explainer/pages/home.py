"""Start here: the page a bare address opens.  Its first screen asks (what do glutamate and GABA do to this
neuron?) and shows the neuron playing, the tug of war's animated view at the playground's opening setting; then
the path through the lessons in course order (read from the course, never a list of its own) and the teachers'
corner.  The article the project began with, and the drug it is about, are on the blocked-gate page."""

from __future__ import annotations

import streamlit as st

from explainer import content
from explainer.content import i18n
from explainer.content.parse import fill
from explainer.content.words import words
from explainer.model.experiments.balance import DEFAULT_SETTINGS
from explainer.ui import course, lesson_page, presenter
from explainer.ui.components.animated_view import animated_view
from explainer.ui.links import CLASSROOM_PAGE, EDUCATOR_PAGE, PLAYGROUND_PAGE, WORKSHEET_PAGE
from explainer.ui.motion import reduce_motion
from explainer.ui.neuron_views import tug_of_war_view

WORDS = words("home")  # the words of this page: content/words/home.toml, and home.md (the model, at the end)
UI = words("ui")
OPENING = DEFAULT_SETTINGS  # the tug of war's opening setting (the playground's sliders' defaults)
VIEW_KEY = "home_view"
# The teachers' corner: each page, and the key of the sentence that says what a teacher finds there.
TEACHERS = (
    (CLASSROOM_PAGE, "nav_classroom", "teachers_class"),
    (WORKSHEET_PAGE, "nav_worksheet", "teachers_sheets"),
    (EDUCATOR_PAGE, "nav_educator", "teachers_guide"),
)


def the_neuron() -> None:
    """The neuron at the playground's opening setting, playing; what the model did is in the view's own
    description for screen readers (and folded under it), not on the first screen, whose question it answers."""
    _, payload, description = tug_of_war_view(
        OPENING, presenter.view_style(), reduce_motion(), "start-here", page="home", lang=i18n.current()
    )
    animated_view(payload, key=VIEW_KEY)
    st.markdown(WORDS.text("watch"))
    with st.expander(WORDS.text("view_described")):
        st.markdown(description)
    st.page_link(PLAYGROUND_PAGE, label=WORDS.text("playground_link"), icon=":material/tune:")


def the_path() -> None:
    """The lessons in course order: each one's menu title (a link), its question and its length."""
    lessons = course.current()
    where = course.places(lessons)
    st.header(WORDS.text("path_heading"), anchor=False)
    st.markdown(WORDS.text("path_intro", count=len(lessons), minutes=sum(x.minutes for x in lessons)))
    for lesson in lessons:
        with st.container(border=True, key=f"home_lesson_{lesson.name}"):
            place = where[lesson.name]
            st.page_link(lesson_page.page(lesson, place), label=lesson_page.title(lesson, place), icon=lesson.icon)
            goal = fill(lesson.text.block("goal"), lesson.numbers())
            st.markdown(WORDS.text("path_lesson", goal=goal, minutes=lesson.minutes))


def teachers_corner() -> None:
    st.header(WORDS.text("teachers_heading"), anchor=False)
    for column, (page, title_key, what) in zip(st.columns(len(TEACHERS)), TEACHERS, strict=True):
        with column:
            st.page_link(page, label=UI.text(title_key), icon=":material/arrow_forward:")
            st.markdown(WORDS.text(what))


def render() -> None:
    st.title(WORDS.text("title"))
    st.markdown(WORDS.text("ask"))
    the_neuron()
    the_path()
    teachers_corner()
    st.header(WORDS.text("model_heading"), anchor=False)
    st.markdown(content.load("home"))


if __name__ == "__main__":
    render()
