"""Import layering (DESIGN.md section 2): pages -> ui -> figures -> model, never the other way.

explainer/model must not import streamlit or plotly; explainer/figures must not import streamlit. Both are
checked statically with ``ast`` (every import statement, including ones inside functions, plus
``importlib.import_module("...")`` / ``__import__("...")`` with a literal name) and, for the model,
at run time.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "explainer"


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


def _python_files(layer: str) -> list[Path]:
    return sorted((PACKAGE / layer).rglob("*.py"))


def _violations(layer: str, forbidden: tuple[str, ...]) -> list[str]:
    bad = []
    for path in _python_files(layer):
        for line, module in _imported_modules(path):
            if any(module == f or module.startswith(f + ".") for f in forbidden):
                bad.append(f"{path.relative_to(PACKAGE.parent)}:{line} imports {module}")
    return bad


def test_model_layer_has_python_files():
    assert _python_files("model"), f"no .py files under {PACKAGE / 'model'}"


def test_model_imports_neither_streamlit_nor_plotly_nor_higher_layers():
    forbidden = (
        "streamlit",
        "plotly",
        "explainer.figures",
        "explainer.ui",
        "explainer.pages",
        "explainer.content",
    )
    bad = _violations("model", forbidden)
    assert not bad, "explainer/model must stay NumPy-only:\n" + "\n".join(bad)


def test_figures_import_neither_streamlit_nor_higher_layers():
    if not _python_files("figures"):
        pytest.skip("explainer/figures has no .py files yet")
    bad = _violations("figures", ("streamlit", "explainer.ui", "explainer.pages"))
    assert not bad, "explainer/figures must not import streamlit (nor ui/pages):\n" + "\n".join(bad)


def test_importing_the_model_loads_neither_streamlit_nor_plotly():
    code = (
        "import sys, explainer.model\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('streamlit', 'plotly'))\n"
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
    assert result.returncode == 0, f"importing explainer.model failed:\n{result.stderr}"
    assert result.stdout.strip() == "", f"importing explainer.model loaded: {result.stdout.strip()}"


def test_the_import_scanner_sees_what_it_should():
    # guard against a scanner that silently finds nothing
    sample = PACKAGE / "model" / "neuron.py"
    modules = {m for _, m in _imported_modules(sample)}
    assert "numpy" in modules, f"scanner missed 'import numpy' in {sample}: {sorted(modules)}"
    init = PACKAGE / "model" / "__init__.py"
    assert "explainer.model.neuron" in {m for _, m in _imported_modules(init)}
