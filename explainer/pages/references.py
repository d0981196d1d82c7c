"""References: every source the lessons cite, each with a DOI or a stable link."""

from __future__ import annotations

import streamlit as st

from explainer.content.parse import load_entries
from explainer.ui.entries import show_entries

REFERENCES = "references"


def render() -> None:
    doc = load_entries(REFERENCES)
    st.title(doc.title)
    st.markdown(doc.intro)
    show_entries(doc)


if __name__ == "__main__":
    render()
