"""The languages: every language the app offers is complete, every catalogue is up to date with the English
word lists, every translated Markdown file keeps the English file's shape, and numbers, plurals and the choice of
language follow the rules of explainer/content/i18n.py."""

from __future__ import annotations

import pytest
from babel.messages.pofile import read_po

from explainer.content import catalogue, i18n
from explainer.content.format import fill, num
from explainer.content.words import words

TRANSLATED = [lang for lang in i18n.LANGUAGES if lang != i18n.SOURCE]


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_offered_language_translates_every_text_and_every_markdown_file(lang):
    problems = catalogue.missing(lang)
    assert not problems, f"{lang} lacks {len(problems)} (python scripts/i18n.py missing {lang}):\n" + "\n".join(
        problems[:40]
    )


def test_the_template_holds_exactly_the_english_word_lists():
    with catalogue.catalogue_path("xx").parent.joinpath(catalogue.TEMPLATE_FILE).open("rb") as f:
        pot = read_po(f)
    in_file = {(m.context, m.id) for m in pot if m.id}
    extracted = {(s.ctx, s.english) for s in catalogue.sources()}
    assert in_file == extracted, "run: python scripts/i18n.py update (the template is stale)"


@pytest.mark.parametrize("lang", i18n.known_languages())
def test_each_catalogue_is_merged_with_the_template_and_keeps_the_english_numbers(lang):
    assert not catalogue.extra(lang), f"run: python scripts/i18n.py update ({lang} has texts English no longer has)"
    ids = {(m.context, m.id) for m in catalogue.read(lang) if m.id}
    assert ids >= {(s.ctx, s.english) for s in catalogue.sources()}, f"run: python scripts/i18n.py update ({lang})"
    wrong = [p for p in catalogue.untranslated(lang) if not p.endswith("not translated")]
    assert not wrong, f"{lang}: a translation must ask for the same {{{{names}}}} as the English: {wrong}"


@pytest.mark.parametrize("lang", i18n.known_languages())
def test_each_translated_markdown_file_keeps_the_english_shape(lang):
    differences = [d for p in catalogue.markdown_sources() for d in catalogue.markdown_differences(p, lang)]
    assert not differences, "\n".join(differences)


def test_a_markdown_shape_sees_a_moved_right_answer_a_lost_number_and_a_renamed_block():
    english = "# T\n\n## predict: a\nQ {{x}} [g](glossary#g)\n\n- [ ] no\n- [x] yes\n"
    assert catalogue.shape(english) == catalogue.shape(english.replace("Q", "Pregunta").replace("yes", "sí"))
    assert catalogue.shape(english) != catalogue.shape(english.replace("- [ ] no\n- [x]", "- [x] no\n- [ ]"))
    assert catalogue.shape(english) != catalogue.shape(english.replace("{{x}}", "x"))
    assert catalogue.shape(english) != catalogue.shape(english.replace("predict: a", "predecir: a"))
    assert catalogue.shape(english) != catalogue.shape(english.replace("glossary#g", "glossary#h"))


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", ["−70", "6.7", "12,345.6", "1,234", "0.0", "+5.0"]),
        ("es", ["−70", "6,7", "12.345,6", "1234", "0,0", "+5,0"]),
        ("fr", ["−70", "6,7", "12\u202f345,6", "1\u202f234", "0,0", "+5,0"]),
        ("de", ["−70", "6,7", "12.345,6", "1.234", "0,0", "+5,0"]),
    ],
)
def test_numbers_are_written_the_way_each_language_writes_them(lang, expected):
    with i18n.using(lang):
        got = [num(-70), num(6.7, 1), num(12345.6, 1), num(1234), num(-0.01, 1), num(5, 1, signed=True)]
    assert got == expected, f"{lang}: {got}"


def test_a_language_is_chosen_from_the_link_then_the_browser_then_english(monkeypatch):
    monkeypatch.setitem(i18n.LANGUAGES, "es", "Español")
    assert i18n.choose("es", "de-DE") == "es"
    assert i18n.choose(None, "es-MX") == "es"
    assert i18n.choose("xx<script>", "es_ES") == "es", "an unknown link value falls back without an error"
    assert i18n.choose("klingon", None) == "en"
    assert i18n.choose(None, None) == "en"
    assert i18n.choose(["es"], 7) == "en", "a value that is not text is ignored"


def test_a_text_the_catalogue_lacks_shows_in_english_and_a_translated_one_in_the_language(monkeypatch):
    ui = words("ui")
    lang = i18n.known_languages()[0]
    catalog = i18n.catalogue(lang)
    ctx = i18n.context("ui", "text.banner")
    monkeypatch.setattr(catalog, "_catalog", {f"{ctx}\x04{ui.texts['banner']}": "TRADUCIDO"}, raising=False)
    with i18n.using(lang):
        assert ui.text("banner") == "TRADUCIDO"
        assert ui.text("banner_short") == ui.texts["banner_short"], "a missing translation falls back to English"


def test_a_plural_text_takes_the_form_the_language_needs_for_the_count():
    ui = words("classroom")
    plural = next((k for k, v in ui.texts.items() if isinstance(v, dict)), None)
    if plural is None:
        pytest.skip("no plural text yet")
    forms = ui.texts[plural]
    values = _values(forms)
    assert ui.plural(plural, 1, **values) == fill(forms["one"], {"n": "1", **values})
    assert ui.plural(plural, 2, **values) == fill(forms["other"], {"n": "2", **values})
    assert ui.plural(plural, 1234, **values) == fill(forms["other"], {"n": "1,234", **values}), "n as English writes it"


def _values(forms) -> dict[str, str]:
    from explainer.content.format import placeholders

    return {name: "x" for form in forms.values() for name in placeholders(form) if name != "n"}


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_offered_language_has_fixed_terms_and_uses_each_of_them(lang):
    fixed = catalogue.terms(lang)
    assert len(fixed) >= 20, f"explainer/locale/terms/{lang}.toml: the language's fixed terms"
    unused = [m for m in catalogue.term_misses(lang) if m.endswith("no text uses it")]
    assert not unused, f"{lang}: fixed terms no text uses: {unused}"
