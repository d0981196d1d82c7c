"""The page's language: chosen on every full run from the link (``?lang=es``), else the session's earlier
choice, else the browser's language (``st.context.locale``), else English (:func:`explainer.content.i18n.choose`),
kept in the session for the page's fragments and callbacks, and offered in a picker in the sidebar that writes
the link.  The browser is told it on every run (:func:`tell_browser`): ``<html lang>``, and ``?lang=`` in the
address bar.

Every word and number the content, figures and class-mode layers write asks :func:`explainer.content.i18n.current`,
which this module answers with the session's choice (:func:`explainer.content.i18n.install`): those layers never
import Streamlit.
"""

from __future__ import annotations

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from explainer.content import i18n
from explainer.content.words import words
from explainer.ui.components import page_language
from explainer.ui.components.link_writer import write_link_param

W = words("ui")  # the words: content/words/ui.toml

LANG_KEY = "ei_lang"  # the session's language, as the last full run chose it
PICKER_KEY = "ei_lang_picker"


def _session_language() -> str:
    """The language of the session whose script is running on this thread; English off a script thread (the
    warm-up's background runs make no text a reader sees)."""
    if get_script_run_ctx(suppress_warning=True) is None:
        return i18n.SOURCE
    return st.session_state.get(LANG_KEY, i18n.SOURCE)


i18n.install(_session_language)


def choose() -> str:
    """On every full run, before anything writes a word: the page's language from the link, else the one this
    session spoke (a page opened from the menu has no ``?lang=`` in its link), else the browser's."""
    link = st.query_params.get(i18n.LANG_PARAM)
    lang = i18n.choose(link if i18n.normalise(link) else st.session_state.get(LANG_KEY), st.context.locale)
    st.session_state[LANG_KEY] = lang
    return lang


def current() -> str:
    return i18n.current()


def _picked() -> None:
    lang = st.session_state[PICKER_KEY]
    st.session_state[LANG_KEY] = lang
    st.query_params.update(i18n.link_params(lang))


def tell_browser() -> None:
    """On every run, once the page's language is chosen: ``<html lang>`` follows it, and the address bar names it
    (once the run has finished: a page opened from the menu has lost its ``?lang=``, and a language that came from
    the browser or the session was never in it), so a copied or bookmarked address opens in the same language
    whatever its reader's browser speaks (:func:`explainer.content.i18n.link_params`)."""
    lang = current()
    page_language.mark(lang)
    wanted = i18n.link_params(lang)
    if any(st.query_params.get(param) != value for param, value in wanted.items()):
        with st.sidebar:
            for param, value in wanted.items():
                write_link_param(param, value)


def language_picker() -> None:
    """The sidebar's language picker (shown when the app speaks more than one language); its choice goes into
    the link, so a copied or reloaded link keeps it."""
    if len(i18n.LANGUAGES) < 2:
        return
    codes = list(i18n.LANGUAGES)
    st.session_state[PICKER_KEY] = current()
    with st.sidebar:
        st.selectbox(
            W.label("language"),
            codes,
            format_func=i18n.LANGUAGES.__getitem__,
            key=PICKER_KEY,
            help=W.help("language"),
            on_change=_picked,
        )
