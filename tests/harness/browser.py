"""Headless Debian Chromium for the browser tests and the browser benchmarks: its path and flags (never a
downloaded browser), and why it cannot run here, if it cannot."""

from __future__ import annotations

import os

CHROMIUM_PATH = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def browser_unavailable_reason() -> str | None:
    if not os.path.exists(CHROMIUM_PATH):
        return f"Chromium not installed at {CHROMIUM_PATH}"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError as exc:
        return f"playwright is not importable ({exc})"
    return None
