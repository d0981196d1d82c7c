"""The banner on every page: an educational model, not pharmacological or medical advice."""

from __future__ import annotations

import streamlit as st

from explainer.content.words import words
from explainer.ui import presenter

W = words("ui")  # the words: content/words/ui.toml
BANNER_TEXT = W.text("banner")
# Presenter mode: the same message on one line, so the figure fits on a 1280 x 720 projector screen.
BANNER_TEXT_SHORT = W.text("banner_short")


def show_banner() -> None:
    """The banner; presenting, one line with the way out of presenter mode beside it (top right, where no
    figure is: the page's first line)."""
    if not presenter.is_presenting():
        st.info(BANNER_TEXT, icon=":material/school:")
        return
    with st.container(horizontal=True, vertical_alignment="center"):
        st.info(BANNER_TEXT_SHORT, icon=":material/school:")
        presenter.leave_button()
