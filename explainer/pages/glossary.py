"""Glossary: every term the lessons use; the lessons link to its entries (``glossary#term``)."""

from __future__ import annotations

import streamlit as st

from explainer.content import numbers as text_numbers
from explainer.content.parse import load_entries
from explainer.ui import lesson

GLOSSARY = "glossary"


numbers = text_numbers.glossary  # every number this page's text quotes


def render() -> None:
    doc = load_entries(GLOSSARY)
    st.title(doc.title)
    st.markdown(doc.intro)
    query = st.text_input(
        "Find a term",
        key="glossary_search",
        placeholder="for example: threshold, chloride, NMDA",
        help="Shows only the entries whose term or text contains these letters.",
    )
    wanted = query.strip().lower()
    shown = [e for e in doc.entries if not wanted or wanted in e.title.lower() or wanted in e.body.lower()]
    if wanted and not shown:
        st.info("No entry contains that. Try a shorter word.", icon=":material/search_off:")
    lesson.show_entries(doc, numbers(), only=shown)


if __name__ == "__main__":
    render()
