"""The package's layers, enforced: pages -> lessons -> ui -> {figures, classroom} -> content -> model.

A module may import its own layer and the layers to its right, never one to its left; figures and
classroom are siblings (neither imports the other); pages never import other pages; the model is NumPy
and the standard library only; figures, classroom and content never import Streamlit, and SQLAlchemy and
its PostgreSQL driver are class mode's alone.
Every import is found statically with ``ast``: import statements (also inside functions, relative ones
resolved; ``from a import b`` counts as ``a`` and ``a.b``) and ``importlib.import_module("...")`` /
``__import__("...")`` with a literal name; importing the model is also checked at run time.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "explainer"
# Left may import right; the layers of one rank are siblings and never import each other.
ORDER = (("pages",), ("lessons",), ("ui",), ("figures", "classroom"), ("content",), ("model",))
RANK = {layer: rank for rank, layers in enumerate(ORDER) for layer in layers}
LAYERS = list(RANK)
ORDER_TEXT = "pages -> lessons -> ui -> {figures, classroom} -> content -> model"
# third-party packages each layer may use (the standard library is always allowed)
THIRD_PARTY = {
    "model": {"numpy"},
    # tomli: TOML on Python 3.10 (3.11 has tomllib); babel: the catalogues, plural rules and number symbols
    "content": {"numpy", "tomli", "babel"},
    "figures": {"numpy", "plotly"},
    "classroom": {"sqlalchemy", "psycopg"},  # the class store: SQLite by default, PostgreSQL by URL
    "ui": {"numpy", "plotly", "streamlit"},
    "lessons": {"numpy", "plotly", "streamlit"},
    "pages": {"numpy", "plotly", "streamlit", "segno"},  # segno: the class page's QR code
}
STDLIB = set(sys.stdlib_module_names)


def _modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "node_modules" not in p.parts)


def _module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _imported_modules(path: Path) -> list[tuple[int, str]]:
    """(line, absolute dotted module name) of every import in a file; relative imports resolved."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package_parts = path.relative_to(PACKAGE.parent).with_suffix("").parts[:-1]
    if path.name == "__init__.py":
        package_parts = path.relative_to(PACKAGE.parent).parts[:-1]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = list(package_parts[: len(package_parts) - node.level + 1])
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            found.append((node.lineno, module))
            found += [(node.lineno, f"{module}.{alias.name}") for alias in node.names]
        elif isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name in ("import_module", "__import__") and isinstance(node.args[0].value, str):
                found.append((node.lineno, node.args[0].value))
    return found


def _layer(dotted: str) -> str | None:
    parts = dotted.split(".")
    if parts[0] != "explainer":
        return None
    return parts[1] if len(parts) > 1 and parts[1] in LAYERS else "explainer"


CASES = [p for p in _modules() if _layer(_module_name(p)) in LAYERS]


def _problems(module: str, imports: list[tuple[int, str]], where: str) -> list[str]:
    """What breaks the rules among the imports of ``module`` (a dotted name in a layer)."""
    here = _layer(module)
    problems = []
    for line, name in imports:
        at = f"{where}:{line} imports {name}"
        top = name.split(".")[0]
        if top == "explainer":
            there = _layer(name)
            if there == "explainer":
                if name != "explainer":  # a name the package root re-exports: name its layer instead
                    problems.append(f"{at}: import it from its layer's module")
                continue
            if RANK[there] < RANK[here] or (RANK[there] == RANK[here] and there != here):
                problems.append(f"{at}: {here} must not import {there} ({ORDER_TEXT})")
            if here == there == "pages" and name.split(".")[:3] != module.split(".")[:3]:
                problems.append(f"{at}: a page must not import another page (move shared code to ui)")
        elif top not in STDLIB and top != "__future__" and top not in THIRD_PARTY[here]:
            problems.append(f"{at}: the {here} layer may use only {sorted(THIRD_PARTY[here])} and the stdlib")
    return problems


@pytest.mark.parametrize("path", CASES, ids=[_module_name(p) for p in CASES])
def test_imports_follow_the_layers(path: Path) -> None:
    problems = _problems(_module_name(path), _imported_modules(path), str(path.relative_to(PACKAGE.parent)))
    assert not problems, "\n".join(problems)


def test_the_rule_refuses_a_sibling_a_layer_to_the_left_and_a_package_of_another_layer() -> None:
    def refused(module: str, name: str) -> bool:
        return bool(_problems(module, [(1, name)], "probe.py"))

    assert refused("explainer.figures.parts", "explainer.classroom.store"), "siblings never import each other"
    assert refused("explainer.classroom.tab", "explainer.figures.style"), "siblings never import each other"
    assert refused("explainer.classroom.tab", "explainer.ui.classroom.session")
    assert refused("explainer.ui.lesson", "explainer.lessons.gaba"), "lessons stand above ui"
    assert refused("explainer.ui.classroom.votes", "sqlalchemy"), "SQLAlchemy is class mode's alone"
    assert refused("explainer.classroom.store", "streamlit")
    assert refused("explainer.pages.classroom", "explainer.pages.home")
    for module, name in [
        ("explainer.pages.classroom", "explainer.classroom.tab"),
        ("explainer.pages.classroom", "segno"),
        ("explainer.lessons.gaba", "explainer.ui.lesson"),
        ("explainer.ui.classroom.session", "explainer.classroom.store"),
        ("explainer.classroom.questions", "explainer.content.parse"),
        ("explainer.classroom.store", "sqlalchemy.dialects"),
    ]:
        assert not refused(module, name), f"{module} may import {name}"


def test_the_check_sees_every_layer() -> None:
    """Every package in explainer/ is a layer the walk checks (a new or moved package would otherwise pass
    unchecked), and the layers every part of the app stands on are there."""
    packages = {p.relative_to(PACKAGE).parts[0] for p in _modules() if len(p.relative_to(PACKAGE).parts) > 1}
    assert packages <= set(LAYERS), f"packages outside the layers: {sorted(packages - set(LAYERS))}"
    assert {_layer(_module_name(p)) for p in CASES} == packages
    assert {"pages", "ui", "figures", "classroom", "content", "model"} <= packages


@pytest.mark.parametrize(
    ("package", "banned"),
    [
        ("explainer.model", ("streamlit", "plotly")),
        ("explainer.classroom.tab, explainer.classroom.store, explainer.classroom.export", ("streamlit", "plotly")),
    ],
    ids=["model", "classroom"],
)
def test_importing_a_lower_layer_loads_neither_streamlit_nor_plotly(package, banned):
    code = (
        f"import sys, {package}\n"
        f"bad = sorted(m for m in sys.modules if m.split('.')[0] in {banned!r})\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=PACKAGE.parent,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, f"importing {package} failed:\n{result.stderr}"
    assert result.stdout.strip() == "", f"importing {package} loaded: {result.stdout.strip()}"


def test_the_import_scanner_sees_what_it_should():
    # guard against a scanner that silently finds nothing
    sample = PACKAGE / "model" / "neuron.py"
    modules = {m for _, m in _imported_modules(sample)}
    assert "numpy" in modules, f"scanner missed 'import numpy' in {sample}: {sorted(modules)}"
    init = PACKAGE / "model" / "__init__.py"
    assert "explainer.model.neuron" in {m for _, m in _imported_modules(init)}


MAX_FUNCTION_LINES = 80


def test_no_function_is_longer_than_a_screen() -> None:
    """A function a maintainer can read at once (about 80 lines, docstring included)."""
    long = []
    for path in _modules():
        for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                lines = node.end_lineno - node.lineno + 1
                if lines > MAX_FUNCTION_LINES:
                    long.append(f"{path.relative_to(PACKAGE.parent)}:{node.lineno} {node.name}: {lines} lines")
    assert not long, "split these functions:\n" + "\n".join(long)


def test_no_module_script_or_style_sheet_writes_a_colour_outside_the_style_module() -> None:
    """Colours come from figures/style.py (one palette per profile); a literal elsewhere escapes the projector
    profile.  The style sheets and scripts (ui/styles, ui/components/*/assets) read theirs as CSS properties or
    data set from it."""
    colour = re.compile(r"#[0-9A-Fa-f]{6}\b|#[0-9A-Fa-f]{3}\b|\brgba?\(")
    browser_files = sorted(p for ext in ("*.js", "*.css") for p in PACKAGE.rglob(ext) if "node_modules" not in p.parts)
    assert browser_files, "the scan must see the component's JavaScript and CSS"
    found = [
        f"{path.relative_to(PACKAGE.parent)}:{i}: {line.strip()[:80]}"
        for path in _modules() + browser_files
        if path != PACKAGE / "figures" / "style.py"
        for i, line in enumerate(path.read_text().splitlines(), 1)
        if colour.search(line)
    ]
    assert not found, "colour literals outside figures/style.py:\n" + "\n".join(found)
