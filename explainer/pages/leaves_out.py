"""What this model leaves out: PhET-style model notes."""

from __future__ import annotations

import streamlit as st

from explainer.content import numbers as text_numbers
from explainer.content.parse import fill, load_entries
from explainer.ui.entries import show_entries

NOTES = "model_notes"


numbers = text_numbers.model_notes  # every number this page's text quotes


def render() -> None:
    doc = load_entries(NOTES)
    st.title(doc.title)
    nums = numbers()
    st.markdown(fill(doc.intro, nums))
    show_entries(doc, nums)


if __name__ == "__main__":
    render()
