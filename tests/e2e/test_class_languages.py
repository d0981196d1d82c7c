"""A class whose phones speak different languages: the teacher projects in English, three phones follow in
Spanish, French and German (each its browser's language, as a phone set to that language opens the join link).

Each phone shows the asked question in its own language, says its vote is counted in its own language, and shows
the experiment after the reveal; the projector counts every vote whatever the phone's language.
"""

from __future__ import annotations

import re

import pytest

from explainer.content import i18n
from explainer.content.words import words
from explainer.lessons import LESSONS
from explainer.ui import dom
from tests.e2e.classes import start_class
from tests.e2e.conftest import PHONE_CONTEXT, goto, track_script_runs, wait_for_app
from tests.e2e.test_class_mode import (
    EXPERIMENT_CHART,
    FOLLOW_WAIT_MS,
    NEAR_TOP_JS,
    QUESTION,
    _clicker_action,
    _page_down_to,
)

pytestmark = pytest.mark.e2e

GABA = next(x for x in LESSONS if x.url == "gaba")
BLOCK = "predict:shunt"
PHONE_LOCALES = {"es": "es-ES", "fr": "fr-FR", "de": "de-DE"}


def _in(lang: str):
    """The question's last words and the 'vote counted' note, as the phone's language writes them."""
    with i18n.using(lang):
        prompt = GABA.text.question(BLOCK).prompt
        counted = words("classroom").text("vote_counted")
    last_words = " ".join(prompt.split()[-3:])  # the question itself (its start holds math)
    return last_words, counted.split(".")[0]


def test_phones_in_three_languages_follow_an_english_teacher(page, browser, app_url):
    from playwright.sync_api import expect

    assert set(PHONE_LOCALES) <= set(i18n.LANGUAGES), "the languages this test speaks are offered"
    teacher = page
    teacher.set_viewport_size({"width": 1280, "height": 720})
    code = start_class(teacher)
    phones = {}
    try:
        for lang, locale in PHONE_LOCALES.items():
            context = browser.new_context(base_url=app_url, locale=locale, **PHONE_CONTEXT)
            track_script_runs(context)
            phone = context.new_page()
            goto(phone, f"/class?class={code}")
            assert phone.evaluate("navigator.language") == locale
            phones[lang] = (context, phone)
        goto(teacher, "/gaba?present=true")
        for _, phone in phones.values():
            phone.wait_for_url(re.compile(r"/gaba\?"), timeout=FOLLOW_WAIT_MS)
        step = ".st-key-" + dom.step_key("gaba_predict_shunt")
        _page_down_to(teacher, step)
        _clicker_action(teacher, step, "Ask the class")
        for lang, (_, phone) in phones.items():
            phone.wait_for_function(NEAR_TOP_JS, arg=QUESTION, timeout=FOLLOW_WAIT_MS)
            prompt, counted = _in(lang)
            expect(phone.locator(QUESTION)).to_contain_text(prompt, timeout=15_000)
            phone.locator(f"{QUESTION} [data-testid=stRadioOption]").nth(1).click()
            wait_for_app(phone, after_interaction=True)
            expect(phone.locator(QUESTION)).to_contain_text(counted, timeout=15_000)
        expect(teacher.locator("body")).to_contain_text("3 of 3 students have voted", timeout=FOLLOW_WAIT_MS)
        _clicker_action(teacher, step, "Show the votes")
        expect(teacher.locator("[data-testid=stProgress]")).to_have_count(3)
        assert teacher.locator("[data-testid=stProgress]").first.inner_text().startswith("0 · 0 %")
        assert teacher.locator("[data-testid=stProgress]").nth(1).inner_text().startswith("3 · 100 %"), "every vote"
        _clicker_action(teacher, step, "Reveal")
        for _, phone in phones.values():
            expect(phone.locator(EXPERIMENT_CHART).first).to_be_visible(timeout=FOLLOW_WAIT_MS)
    finally:
        for context, _ in phones.values():
            context.close()
