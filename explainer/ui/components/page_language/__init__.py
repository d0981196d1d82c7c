"""The page's language, told to the browser: ``<html lang>`` follows the language every word of the page is in.

Streamlit's page says ``<html lang="en">`` whatever it shows; a screen reader reads a German page with English
pronunciation, and the browser hyphenates and offers to translate by that attribute.  This component, which shows
nothing, sets ``document.documentElement.lang`` on every run (``assets/index.js``).  It runs on every page, from the
shell, in the sidebar (where the components that show nothing are mounted).
"""

from __future__ import annotations

from typing import TypedDict

import streamlit as st

from explainer.ui.components import mount_hidden
from explainer.ui.dom import PAGE_LANGUAGE_KEY

NAME = "page_language"


class PageLanguageData(TypedDict):
    lang: str  # the page's language as a BCP 47 tag ("es"): what <html lang> says


def mark(lang: str) -> None:
    """Set the page's ``<html lang>`` to ``lang``."""
    data: PageLanguageData = {"lang": lang}
    with st.sidebar:
        mount_hidden(NAME, key=PAGE_LANGUAGE_KEY, data=data)
