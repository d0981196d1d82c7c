"""Headless Debian Chromium for the browser benchmarks (the flags of tests/e2e/conftest.py; no download)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from tests.harness.browser import CHROMIUM_ARGS, CHROMIUM_PATH, browser_unavailable_reason
from tests.harness.server import skip_unless_named


@contextmanager
def chromium_for(request: Any, module_file: str, what: str) -> Iterator[Any]:
    """The browser, for a benchmark that runs only when named (see ``skip_unless_named``)."""
    import pytest

    skip_unless_named(request, module_file, what)
    reason = browser_unavailable_reason()
    if reason:
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM_PATH, headless=True, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()
