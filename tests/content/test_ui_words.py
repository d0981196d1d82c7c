"""The words of the shared parts (explainer/ui/) live in content/words/ui.toml: every one is used, none is
mistyped, and the helpers show them unchanged."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from explainer.content.format import PLACEHOLDER
from explainer.content.words import words

PACKAGE = Path(__file__).resolve().parents[2] / "explainer"
W = words("ui")


def _ui_string_constants() -> set[str]:
    """Every string literal in explainer/ui's Python files and the site's page list (explainer/pages/__init__.py
    names each page's menu title): a key is used where it is written as one."""
    found = set()
    for path in [*(PACKAGE / "ui").rglob("*.py"), PACKAGE / "pages" / "__init__.py"]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                found.add(node.value)
    return found


def _all_values() -> list[tuple[str, str]]:
    values = [(f"text.{k}", v) for k, v in W.texts.items()]
    values += [(f"controls.{c}.{f}", v) for c, fields in W.controls.items() for f, v in fields.items()]
    values += [(f"presets.{p}.{f}", v) for p, fields in W.presets.items() for f, v in fields.items()]
    return values


def test_every_text_and_control_of_ui_toml_is_used_in_explainer_ui():
    used = _ui_string_constants()
    unused = sorted(set(W.texts) - used) + sorted(f"controls.{k}" for k in set(W.controls) - used)
    assert not unused, f"content/words/ui.toml has words no ui module uses: {unused}"


def test_every_control_has_a_label_and_a_help_and_nothing_else():
    for key, fields in W.controls.items():
        assert set(fields) == {"label", "help"}, key
        assert all(isinstance(v, str) and v.strip() for v in fields.values()), key


@pytest.mark.parametrize("where,value", _all_values())
def test_a_placeholder_is_written_with_double_braces_only(where, value):
    assert isinstance(value, str) and value.strip(), f"{where} is empty"
    rest = PLACEHOLDER.sub("", value)
    assert "{" not in rest and "}" not in rest, f"{where}: a brace outside a {{{{name}}}} placeholder: {value!r}"
    assert not re.search(r"\s$|^\s", value), f"{where}: leading or trailing white space: {value!r}"


def test_the_link_notes_render_as_before():
    assert W.text("link_not_a_number", name="GABA input", value="abc") == (
        "The link's setting for **GABA input** (`abc`) is not a number, so the default is used."
    )
    assert W.text("link_out_of_range", name="Seed", value="99999", lo="1", hi="9999", used="9999") == (
        "The link's setting for **Seed** (`99999`) is outside 1 to 9999, so 9999 is used."
    )


def test_a_missing_value_is_an_error_not_a_visible_placeholder():
    with pytest.raises(KeyError):
        W.text("link_not_a_number", name="GABA input")


def test_the_shell_and_the_toggles_show_the_words_of_ui_toml():
    from explainer.lessons import LESSONS
    from explainer.pages import site
    from explainer.ui import presenter
    from explainer.ui.motion import REDUCE_MOTION_KEY
    from explainer.ui.shell import menu

    entries = menu(site())
    pages = [e.title for e in entries if isinstance(e.target, str)]
    page_keys = [k for k in W.texts if k.startswith("nav_") and k != "nav_lesson" and not k.startswith("nav_section_")]
    assert pages == [W.texts[k] for k in page_keys]
    sections = list(dict.fromkeys(e.section for e in entries))
    assert sections == ["", *(W.texts[k] for k in W.texts if k.startswith("nav_section_"))]
    lessons = [e.title for e in entries if not isinstance(e.target, str)]
    assert lessons == [f"{i} · {lesson.words.text('nav_title')}" for i, lesson in enumerate(LESSONS, start=1)]
    assert W.label(presenter.PRESENT_KEY) == "Presenter mode"
    assert W.label(REDUCE_MOTION_KEY) == "Reduce motion"
