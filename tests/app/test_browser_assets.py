"""The app's browser code: every component in one shape, data declared on both sides, the names Python and the
browser share in one module (explainer/ui/dom.py), and style sheets that read only what Python declares."""

from __future__ import annotations

import importlib
import re
import sys
from pathlib import Path

import pytest

from explainer.ui import dom, styles
from tests.jsdoc import mismatches, typed_dicts, typedefs

if sys.version_info >= (3, 11):
    import tomllib
else:  # Python 3.10: the same parser, as the package tomli (a dependency there)
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "explainer"
COMPONENTS = PACKAGE / "ui" / "components"
NAMES = sorted(p.name for p in COMPONENTS.iterdir() if p.is_dir() and not p.name.startswith("__"))
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())


def test_every_component_has_the_one_shape():
    assert set(NAMES) == {
        "animated_view",
        "page_keys",
        "class_keeper",
        "connection_notice",
        "link_writer",
        "viewport",
        "answer_keeper",
        "anchor_keeper",
        "scroll_to",
        "page_language",
        "chart_export",
    }
    for name in NAMES:
        folder = COMPONENTS / name
        assert (folder / "__init__.py").is_file(), f"{name}: no Python side"
        assert {p.name for p in folder.iterdir()} <= {"__init__.py", "assets", "__pycache__"}, f"{name}: stray files"
        entry = (folder / "assets" / "index.js").read_text()
        assert re.search(r"^export default function \w+\(component\)", entry, re.M), f"{name}: no default export"
        assert re.search(r"^  return \(\) => ", entry, re.M), f"{name}: the default export returns no cleanup"
        assert (folder / "assets" / "style.css").is_file(), f"{name}: no style sheet"


def test_every_component_is_declared_for_streamlit_and_packaged():
    declared = {c["name"]: c["asset_dir"] for c in PYPROJECT["tool"]["streamlit"]["component"]["components"]}
    assert declared == {name: f"ui/components/{name}/assets" for name in NAMES}
    assert "ui/components/*/assets/*" in PYPROJECT["tool"]["setuptools"]["package-data"]["explainer"]
    for name in NAMES:
        module = importlib.import_module(f"explainer.ui.components.{name}")
        assert module.NAME == name


def test_no_browser_code_outside_the_components():
    scripts = sorted(p.relative_to(PACKAGE) for p in PACKAGE.rglob("*.js"))
    assert scripts and all(p.parts[:2] == ("ui", "components") for p in scripts), scripts
    sheets = sorted(p.relative_to(PACKAGE) for p in PACKAGE.rglob("*.css"))
    assert all(p.parts[:2] in {("ui", "components"), ("ui", "styles")} for p in sheets), sheets


@pytest.mark.parametrize("name", NAMES)
def test_a_components_data_is_declared_alike_in_python_and_javascript(name):
    module = importlib.import_module(f"explainer.ui.components.{name}")
    declared = typed_dicts(module)
    js = typedefs(COMPONENTS / name / "assets" / "index.js")
    if name == "animated_view":  # its data is the payload's bytes, whose header codec.js and view_header.py type
        assert not declared
        return
    assert declared, f"{name}: its data has no TypedDict"
    assert set(js) == set(declared), f"{name}: types declared on one side only"
    problems = [p for cls in declared.values() for p in mismatches(cls, js.get(cls.__name__))]
    assert not problems, "\n".join(problems)


# --- the names Python and the browser share -------------------------------------------------------------------


def _shared_names() -> dict[str, str]:
    """Every string constant of explainer/ui/dom.py: keys, key prefixes, the notice's id, link parameters."""
    return {k: v for k, v in vars(dom).items() if k.isupper() and isinstance(v, str)}


_LITERAL = re.compile(r"'(?:[^'\\\n]|\\.)*'|\"(?:[^\"\\\n]|\\.)*\"|`(?:[^`\\]|\\.)*`")


def hard_coded(text: str) -> list[str]:
    """The shared names a script's string literals hold."""
    literals = _LITERAL.findall(re.sub(r"//[^\n]*|/\*.*?\*/", "", text, flags=re.S))
    literals = [re.sub(r"\$\{[^}]*\}", " ", lit) for lit in literals]  # a template's ${...} is code
    return sorted(
        {
            f"{name} = {value!r}"
            for name, value in _shared_names().items()
            for lit in literals
            if re.search(rf"(?<!\w){re.escape(value)}" + ("" if value.endswith("_") else r"(?!\w)"), lit)
        }
    )


def test_no_script_hard_codes_a_name_python_shares_with_it():
    scripts = sorted(COMPONENTS.rglob("*.js"))
    found = [f"{p.relative_to(ROOT)}: {hit}" for p in scripts for hit in hard_coded(p.read_text())]
    assert not found, "pass these as the component's data (explainer/ui/dom.py):\n" + "\n".join(found)


def test_the_scan_finds_a_hard_coded_name():
    assert hard_coded("document.querySelector('.st-key-step_next button');") == ["STEP_NEXT_KEY = 'step_next'"]
    assert hard_coded("const q = `[class*='st-key-ei_q_${x}']`;") == ["QUESTION_KEY_PREFIX = 'ei_q_'"]
    assert hard_coded("// .st-key-step_next in a comment\nconst next = data.next_class;") == []


def test_every_key_a_style_sheet_selects_is_declared_in_dom():
    """A style sheet selects Streamlit's elements only by the keys of explainer/ui/dom.py (exact, or a prefix)."""
    names = set(_shared_names().values())
    keys = {v for v in names if not v.endswith("_")}
    prefixes = {v for v in names if v.endswith("_")}
    sheets = sorted(PACKAGE.rglob("*.css"))
    selected = [(p, m) for p in sheets for m in re.findall(r"st-key-([A-Za-z0-9_-]+)", p.read_text())]
    assert len(selected) >= 10, "the scan must see the style sheets' keys"
    undeclared = [f"{p.relative_to(ROOT)}: st-key-{k}" for p, k in selected if k not in keys and k not in prefixes]
    assert not undeclared, "declare these keys in explainer/ui/dom.py:\n" + "\n".join(undeclared)


# --- style sheets -------------------------------------------------------------------------------------------------


def test_only_safe_css_values():
    with pytest.raises(ValueError):
        styles.css_variables({"present-text": "red; } body { display: none"})
    assert styles.css_variables({"present-h1": "44px"}) == "<style>:root { --ei-present-h1: 44px; }</style>"


def test_every_variable_a_style_sheet_reads_is_declared():
    """presenter.css and the notice's style sheet read --ei-* properties; Python declares each of them."""
    from explainer.ui.components.connection_notice import NOTICE_COLORS
    from explainer.ui.presenter import page_css_variables

    declared = {
        styles.stylesheet("presenter.css"): set(page_css_variables()),
        COMPONENTS / "connection_notice" / "assets" / "style.css": set(NOTICE_COLORS),
    }
    for path, names in declared.items():
        used = set(re.findall(r"var\(--ei-([a-z0-9-]+)\)", path.read_text()))
        assert used and used <= names, f"{path.name} reads {sorted(used - names)} that nothing declares"
