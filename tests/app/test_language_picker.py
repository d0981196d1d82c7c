"""The language picker and ``?lang=``: the page speaks the link's language, an unknown value falls back to English
without a note or an error, the picker writes the link, and a page opened from the menu keeps the language."""

from __future__ import annotations

import pytest

from explainer.content import i18n
from explainer.content.words import words
from explainer.ui.language import LANG_KEY, PICKER_KEY
from tests.app.conftest import assert_clean, open_page, switch_to

PRESENT_ES = "Modo presentación"


@pytest.fixture
def spanish(monkeypatch):
    """Spanish offered, with the presenter toggle's label translated (the rest of its catalogue as it stands)."""
    monkeypatch.setitem(i18n.LANGUAGES, "es", "Español")
    catalog = i18n.catalogue("es")
    entry = f"{i18n.context('ui', 'controls.present.label')}\x04{words('ui').controls['present']['label']}"
    monkeypatch.setitem(catalog._catalog, entry, PRESENT_ES)


def _picker(at):
    return next((s for s in at.sidebar.selectbox if s.key == PICKER_KEY), None)


def test_with_one_language_there_is_no_picker(monkeypatch):
    monkeypatch.setattr(i18n, "LANGUAGES", {"en": "English"})
    at = open_page(query={"lang": "de"})
    assert_clean(at)
    assert _picker(at) is None, "a picker with one choice is noise"
    assert at.session_state[LANG_KEY] == "en", "a language the app does not offer falls back to English"


def test_the_link_chooses_the_language_and_the_picker_shows_it(spanish):
    at = open_page(query={"lang": "es"})
    assert not at.exception
    assert at.session_state[LANG_KEY] == "es"
    assert PRESENT_ES in [t.label for t in at.sidebar.toggle], "the sidebar's words in Spanish"
    picker = _picker(at)
    assert picker is not None and picker.value == "es"
    assert picker.options == [i18n.LANGUAGES[c] for c in i18n.LANGUAGES], "each language named in itself"


@pytest.mark.parametrize("value", ["xx", "es-<b>", "", "ES_es_extra%00"])
def test_an_unknown_language_in_the_link_falls_back_to_english_without_a_note(value, spanish):
    at = open_page(query={"lang": value})
    assert_clean(at)
    expected = "es" if i18n.normalise(value) == "es" else "en"
    assert at.session_state[LANG_KEY] == expected
    assert not at.warning and not at.error


def test_picking_a_language_writes_the_link_and_the_next_page_keeps_it(spanish):
    at = open_page()
    _picker(at).select("es").run()
    assert not at.exception
    assert at.query_params.get("lang") == "es"
    assert at.session_state[LANG_KEY] == "es"
    at.query_params.pop("lang")  # a page opened from the menu: Streamlit's link carries no ?lang=
    switch_to(at, "glossary.py").run()
    assert not at.exception
    assert at.session_state[LANG_KEY] == "es", "the session's choice holds across pages"


@pytest.mark.parametrize("lang", [code for code in i18n.LANGUAGES if code != i18n.SOURCE])
def test_the_glossary_runs_a_to_z_in_every_language(lang):
    from explainer.content.format import alphabetical
    from explainer.content.parse import load_entries

    at = open_page("glossary.py", query={"lang": lang})
    assert_clean(at)
    titles = [h.value for h in at.subheader]
    assert len(titles) > 20, "every entry is on the page"
    assert titles == sorted(titles, key=alphabetical), f"{lang}: the entries in the language's A to Z"
    with i18n.using(lang):
        assert set(titles) == {e.title for e in load_entries("glossary").entries}, "the page shows this language"
