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
    st.info(BANNER_TEXT_SHORT if presenter.is_presenting() else BANNER_TEXT, icon=":material/school:")
