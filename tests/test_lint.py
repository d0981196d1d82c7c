"""The code base passes ruff (lint and format), as configured in pyproject.toml."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _ruff(*args: str) -> subprocess.CompletedProcess:
    # This environment's ruff (the test extra), not whichever one is first on PATH.
    cmd = [sys.executable, "-m", "ruff", *args]
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("args", [("check", "."), ("format", "--check", ".")])
def test_ruff(args):
    result = _ruff(*args)
    assert result.returncode == 0, f"ruff {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}"


ESLINT = ROOT / "tests" / "e2e" / "node_modules" / ".bin" / "eslint"
COMPONENTS = ROOT / "explainer" / "ui" / "components"
SKIP_DIRS = {"node_modules", ".venv", ".git"}


def javascript_files() -> list[Path]:
    """Every JavaScript file of the project (the components' code, the JS unit tests, the ESLint config)."""
    found = [p for ext in ("*.js", "*.mjs", "*.cjs") for p in ROOT.rglob(ext)]
    return sorted(p for p in found if not SKIP_DIRS & set(p.relative_to(ROOT).parts))


def test_eslint_on_every_javascript_file():
    """Every JS file passes ESLint (tests/e2e/eslint.config.mjs: its rules, and no function of 60 lines or
    more); scripts/test.sh installs ESLint with npm."""
    if not ESLINT.exists():
        if os.environ.get("CI") == "true":
            pytest.fail("ESLint is not installed (npm ci --prefix tests/e2e); CI requires the JS lint", pytrace=False)
        pytest.skip("ESLint is not installed; run: npm ci --prefix tests/e2e")
    files = javascript_files()
    in_components = [p for p in files if COMPONENTS in p.parents]
    assert len(in_components) >= 15, f"expected the components' modules under {COMPONENTS}, found {in_components}"
    result = subprocess.run(
        [
            str(ESLINT),
            "-c",
            "tests/e2e/eslint.config.mjs",
            "--max-warnings",
            "0",
            *(str(p.relative_to(ROOT)) for p in files),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, f"eslint failed:\n{result.stdout}\n{result.stderr}"


def test_the_lint_sees_a_long_function():
    """The length rule is on: a 60-line function in a component's folder fails."""
    if not ESLINT.exists():
        pytest.skip("ESLint is not installed; run: npm ci --prefix tests/e2e")
    body = "\n".join(f"  total += {i};" for i in range(57))
    source = f"export function long() {{\n  let total = 0;\n{body}\n  return total;\n}}\n"
    result = subprocess.run(
        [str(ESLINT), "-c", "tests/e2e/eslint.config.mjs", "--stdin", "--stdin-filename",
         "explainer/ui/components/x/assets/long.js"],
        input=source, cwd=ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 1 and "max-lines-per-function" in result.stdout, result.stdout + result.stderr


def test_no_javascript_or_css_in_any_python_string():
    """All browser code is in files (the components' assets and ui/styles); Python passes data to it.  Only
    ui/styles/__init__.py writes a style element (CSS variables from Python constants)."""
    markers = ("function (", "=> {", "{ display:", "window.history", "querySelector", "@media", "font-size:")
    found = []
    for path in sorted((ROOT / "explainer").rglob("*.py")):
        if path == ROOT / "explainer" / "ui" / "styles" / "__init__.py":
            continue
        text = path.read_text()
        found += [f"{path.relative_to(ROOT)}: {m!r}" for m in (*markers, "<script", "<style") if m in text]
    assert not found, "browser code in Python strings (move it to a file):\n" + "\n".join(found)


def test_no_python_runs_a_script_of_its_own():
    """No ``st.html`` runs a script (its unsafe-JavaScript flag) anywhere: every script is a component's module."""
    found = [
        str(p.relative_to(ROOT))
        for top in ("explainer", "app.py", "tests")
        for p in ([ROOT / top] if top.endswith(".py") else (ROOT / top).rglob("*.py"))
        if "unsafe_allow_" + "javascript" in p.read_text()
    ]
    assert not found, f"st.html runs a script in {found}: make it a component (explainer/ui/components)"
