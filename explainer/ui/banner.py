"""The banner on every page: an educational model, not pharmacological or medical advice."""

from __future__ import annotations

import streamlit as st

from explainer.ui import presenter

BANNER_TEXT = (
    "**Educational model, not pharmacological or medical advice.** It simulates simplified neurons, no "
    "drug: no doses, no treatment claims. Questions about treatment belong to a clinician."
)
# Presenter mode: the same message on one line, so the figure fits on a 1280 x 720 projector screen.
BANNER_TEXT_SHORT = "**Educational model, not pharmacological or medical advice:** no doses, no treatment claims."


def show_banner() -> None:
    st.info(BANNER_TEXT_SHORT if presenter.is_presenting() else BANNER_TEXT, icon=":material/school:")
