"""The page's language reaches the browser and every link the app makes (AppTest: what the page sends; the real
address bar and ``<html lang>`` are checked in a browser, tests/e2e/test_languages.py).

German is offered for these tests (``i18n.LANGUAGES``) with a catalogue that translates two of the animated views'
words, so that a German view can be told from an English one."""

from __future__ import annotations

import gettext
import json

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from explainer.content import i18n
from explainer.ui import language
from explainer.ui.components import component_name, link_writer, page_language
from explainer.ui.widgets import LOCALIZED
from tests.app.conftest import assert_clean, open_page, switch_to, views

GERMAN = {"views:text.controls_play": "Abspielen", "views:text.neuron_v_title": "Membranpotential V (mV)"}


class _German(gettext.NullTranslations):
    def pgettext(self, context: str, message: str) -> str:
        return GERMAN.get(context, message)


@pytest.fixture
def german(monkeypatch):
    """German offered beside English, with two words of the views translated.  The views cached while English was
    the only language go (their copied links name no language: a process's languages never change but here)."""
    monkeypatch.setitem(i18n.LANGUAGES, "de", "Deutsch")
    real = i18n.catalogue
    monkeypatch.setattr(i18n, "catalogue", lambda lang: _German() if lang == "de" else real(lang))
    st.cache_resource.clear()
    yield "de"
    st.cache_resource.clear()


def _component_data(at: AppTest, name: str) -> list[dict]:
    wanted = component_name(name)
    return [json.loads(el.proto.json) for el in at.get("bidi_component") if el.proto.component_name == wanted]


def _html_lang(at: AppTest) -> str:
    (data,) = _component_data(at, page_language.NAME)
    return data["lang"]


def _written_to_the_link(at: AppTest) -> dict[str, str]:
    return {d["param"]: d["value"] for d in _component_data(at, link_writer.NAME)}


def test_html_lang_is_the_pages_language_on_every_page(german):
    at = open_page("playground.py", {"lang": "de"})
    assert_clean(at)
    assert _html_lang(at) == "de"
    assert _html_lang(open_page("glossary.py")) == "en", "a fresh visit from an English browser"


def test_with_english_alone_no_link_names_a_language(monkeypatch):
    monkeypatch.setattr(i18n, "LANGUAGES", {i18n.SOURCE: "English"})
    at = open_page("playground.py")
    assert_clean(at)
    assert _html_lang(at) == "en"
    assert i18n.LANG_PARAM not in _written_to_the_link(at)
    (view,) = views(at).values()
    assert view.header["lang"] == "en" and view.header["link_params"] == {}


def test_a_page_opened_from_the_menu_gets_its_language_back_into_the_address_bar(german):
    at = open_page("home.py", {"lang": "de"})
    assert_clean(at)
    assert i18n.LANG_PARAM not in _written_to_the_link(at), "the link already says it"
    at.query_params.clear()  # Streamlit's menu drops the link's parameters
    switch_to(at, "playground.py").run()
    assert_clean(at)
    assert _html_lang(at) == "de", "the session's language"
    assert _written_to_the_link(at)[i18n.LANG_PARAM] == "de"


def test_the_view_is_german_and_its_copied_link_says_so(german):
    at = open_page("playground.py", {"lang": "de"})
    assert_clean(at)
    (view,) = views(at).values()
    header = view.header
    assert header["lang"] == "de", "the browser writes the view's numbers in German"
    assert header["link_params"] == {i18n.LANG_PARAM: "de"}, "Copy link sets the language"
    assert header["words"]["play"] == "Abspielen" and header["words"]["v_title"] == "Membranpotential V (mV)"
    english = views(open_page("playground.py", {"lang": "en"}))
    (view,) = english.values()
    assert view.header["words"]["play"] == "Play", "one language's cached view is never another's"
    assert view.header["link_params"] == {i18n.LANG_PARAM: "en"}


def test_a_float_slider_shows_the_browsers_decimal_sign_on_a_page_in_another_language(german):
    english = open_page("playground.py")
    assert english.slider(key="glu_weight").proto.format == "%.1f", "English: the step's decimals, a point"
    german_page = open_page("playground.py", {"lang": "de"})
    assert german_page.slider(key="glu_weight").proto.format == LOCALIZED
    assert german_page.slider(key="glu_rate").proto.format == english.slider(key="glu_rate").proto.format, (
        "an integer slider has no decimal sign to localise"
    )


def test_choosing_a_language_puts_it_in_the_link_english_too(german):
    at = open_page("playground.py", {"lang": "de"})
    at.selectbox(key=language.PICKER_KEY).set_value("en").run()
    assert_clean(at)
    assert at.query_params[i18n.LANG_PARAM] == "en"
    assert _html_lang(at) == "en"


def test_the_join_link_and_the_teacher_link_carry_the_teachers_language(german, tmp_path, monkeypatch):
    from explainer.classroom import database

    monkeypatch.setenv(database.ENV_SQLITE_PATH, str(tmp_path / "classes.sqlite3"))
    monkeypatch.delenv(database.ENV_DATABASE_URL, raising=False)
    at = open_page("classroom.py", {"lang": "de"})
    next(b for b in at.button if b.key == "class_start").click().run()
    assert_clean(at)
    join = next(str(m.value) for m in at.markdown if "?class=" in str(m.value))
    assert "&lang=de" in join, join
    at.toggle(key="class_teacher_link_show").set_value(True).run()
    (teacher_link,) = [str(el.value) for el in at.get("code") if "#teach=" in str(el.value)]
    assert "?lang=de#teach=" in teacher_link, teacher_link


def test_a_phone_follows_its_teacher_in_its_own_language(german, monkeypatch):
    monkeypatch.setitem(i18n.LANGUAGES, "fr", "Français")
    script = """
import streamlit as st
from explainer.ui import language
from explainer.ui.classroom import follow
language.choose()
st.write(follow.address("tug-of-war", "gaba_rate=500&lang=fr", "home"))
st.write(follow.view_of({"glu_rate": "3000", "lang": "fr", "class": "K7P3QX"}))
"""
    at = AppTest.from_string(script)
    at.query_params.update({"class": "K7P3QX", "seat": "s" * 22, "lang": "de"})
    at.run()
    assert not at.exception
    address, view = (str(m.value) for m in at.markdown)
    assert address == f"tug-of-war?gaba_rate=500&lang=de&class=K7P3QX&seat={'s' * 22}", address
    assert view == "glu_rate=3000", "a view sent to the class never carries the teacher's language"
