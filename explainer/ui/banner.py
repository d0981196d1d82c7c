"""The banner on every page: an educational model, not pharmacological or medical advice."""

from __future__ import annotations

import streamlit as st

BANNER_TEXT = (
    "**Educational model, not pharmacological or medical advice.** It simulates simplified neurons, no "
    "drug: no doses, no treatment claims. Questions about treatment belong to a clinician."
)


def show_banner() -> None:
    st.info(BANNER_TEXT, icon=":material/school:")
