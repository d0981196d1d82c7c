"""The banner on every page: an educational model, not pharmacological or medical advice."""

from __future__ import annotations

import streamlit as st

from explainer.content.words import words
from explainer.ui import presenter

W = words("ui")  # the words: content/words/ui.toml


def banner_text() -> str:
    """The banner's message, in the page's language."""
    return W.text("banner")


def banner_text_short() -> str:
    """Presenter mode: the same message on one line, so the figure fits on a 1280 x 720 projector screen."""
    return W.text("banner_short")


def show_banner() -> None:
    """The banner; presenting, one line with the way out of presenter mode beside it (top right, where no
    figure is: the page's first line)."""
    if not presenter.is_presenting():
        st.info(banner_text(), icon=":material/school:")
        return
    with st.container(horizontal=True, vertical_alignment="center"):
        st.info(banner_text_short(), icon=":material/school:")
        presenter.leave_button()
