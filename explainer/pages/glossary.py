"""Glossary: every term the lessons use; the lessons link to its entries (``glossary#term``)."""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from explainer.content import numbers as text_numbers
from explainer.content.format import alphabetical
from explainer.content.parse import load_entries
from explainer.content.words import words
from explainer.ui.entries import show_entries

GLOSSARY = "glossary"
WORDS = words("glossary")  # the words around glossary.md: content/words/glossary.toml


numbers = text_numbers.glossary  # every number the glossary quotes


def render() -> None:
    doc = load_entries(GLOSSARY)
    # A to Z in the page's language (a translation keeps the English file's order, so every language shares
    # the anchors' sequence; the page sorts by the title it shows)
    doc = replace(doc, entries=tuple(sorted(doc.entries, key=lambda e: alphabetical(e.title))))
    st.title(doc.title)
    st.markdown(doc.intro)
    query = st.text_input(
        WORDS.label("glossary_search"),
        key="glossary_search",
        placeholder=WORDS.text("search_placeholder"),
        help=WORDS.help("glossary_search"),
    )
    wanted = query.strip().lower()
    shown = [e for e in doc.entries if not wanted or wanted in e.title.lower() or wanted in e.body.lower()]
    if wanted and not shown:
        st.info(WORDS.text("nothing_found"), icon=":material/search_off:")
    show_entries(doc, numbers(), only=shown)


if __name__ == "__main__":
    render()
