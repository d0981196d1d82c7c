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
JS_DIR = ROOT / "explainer" / "ui" / "animated_view" / "assets"


def test_eslint_on_the_animated_views_javascript():
    """The view's JS files pass ESLint (tests/e2e/eslint.config.mjs); scripts/test.sh installs ESLint with npm."""
    if not ESLINT.exists():
        if os.environ.get("CI") == "true":
            pytest.fail("ESLint is not installed (npm ci --prefix tests/e2e); CI requires the JS lint", pytrace=False)
        pytest.skip("ESLint is not installed; run: npm ci --prefix tests/e2e")
    files = sorted(JS_DIR.glob("*.js"))
    assert len(files) >= 8, f"expected the view's modules in {JS_DIR}, found {files}"
    result = subprocess.run(
        [
            str(ESLINT),
            "-c",
            "tests/e2e/eslint.config.mjs",
            "--max-warnings",
            "0",
            str(JS_DIR.relative_to(ROOT)),
            "explainer/ui/page_keys",
            "explainer/ui/browser",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, f"eslint failed:\n{result.stdout}\n{result.stderr}"


def test_no_javascript_or_css_in_python_strings_of_the_components():
    """The components' JS and CSS are package files (asset_dir), never strings in their Python side."""
    for module, files in (("animated_view/__init__.py", ('js="index.js"', 'css="view.css"')),
                          ("keyboard.py", ('js="page_keys.js"', 'css="page_keys.css"'))):  # fmt: skip
        source = (ROOT / "explainer" / "ui" / module).read_text()
        assert all(f in source for f in files), f"{module} must load its files {files}"
        for marker in ("<script", "function (", "=> {", "<style", "{ display:"):
            assert marker not in source, f"{marker!r} in explainer/ui/{module}"


def test_no_javascript_or_css_in_any_python_string():
    """All browser code is in files (the components' asset dirs and explainer/ui/browser); Python
    passes data to it.  Only ui/browser/__init__.py writes the script and style elements that wrap a file."""
    markers = ("function (", "=> {", "{ display:", "window.history", "querySelector", "@media", "font-size:")
    found = []
    for path in sorted((ROOT / "explainer").rglob("*.py")):
        if path == ROOT / "explainer" / "ui" / "browser" / "__init__.py":
            continue
        text = path.read_text()
        found += [f"{path.relative_to(ROOT)}: {m!r}" for m in (*markers, "<script", "<style") if m in text]
    assert not found, "browser code in Python strings (move it to a file):\n" + "\n".join(found)
