"""Class mode: a teacher starts a class and projects its code; students join; the lessons then collect votes."""

from __future__ import annotations

import streamlit as st

from explainer.content.words import words
from explainer.ui.classroom import panels, session

WORDS = words("classroom")  # every word this page shows: content/words/classroom.toml


def render() -> None:
    st.title(WORDS.text("title"))
    tab = session.current()
    if tab is None:
        st.markdown(WORDS.text("intro", hours=panels.lifetime_hours()))
        panels.start_or_join()
    elif tab.is_teacher:
        panels.teacher(tab)
    else:
        panels.student(tab)


if __name__ == "__main__":
    render()
