"""Pages made of entries (glossary, references, model notes): each entry a subheading with its anchor."""

from __future__ import annotations

from collections.abc import Mapping

import streamlit as st

from explainer.content.parse import EntryDocument, fill


def show_entries(doc: EntryDocument, numbers: Mapping[str, str] | None = None, *, only=None) -> None:
    """Each entry as a subheading with its anchor (so ``page#anchor`` links land on it) and its text."""
    numbers = numbers or {}
    section = None
    for entry in doc.entries:
        if only is not None and entry not in only:
            continue
        if entry.section and entry.section != section:
            section = entry.section
            st.header(section, anchor=False)
        if entry.anchor:
            st.subheader(entry.title, anchor=entry.anchor)
        else:
            st.subheader(entry.title)
        st.markdown(fill(entry.body, numbers))
