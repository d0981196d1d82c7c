"""Start here: what the app is and how to use it."""

from __future__ import annotations

import streamlit as st

from explainer import content
from explainer.content.words import words
from explainer.ui.links import PLAYGROUND_PAGE

WORDS = words("home")  # the words around home.md: content/words/home.toml


def render() -> None:
    st.title(WORDS.text("title"))
    st.markdown(content.load("home"))
    st.page_link(PLAYGROUND_PAGE, label=WORDS.text("playground_link"), icon=":material/arrow_forward:")


if __name__ == "__main__":
    render()
