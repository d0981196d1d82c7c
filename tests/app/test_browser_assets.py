"""The app's browser code is files; Python passes only data to it, and data cannot become code."""

from __future__ import annotations

import json
import re

import pytest

from explainer.ui import browser


def _data(html: str) -> list:
    (raw,) = re.findall(r'<script type="application/json">(.*?)</script>', html)
    return json.loads(raw)


def test_a_script_is_its_file_after_its_arguments_as_json_data():
    html = browser.script("put_in_link.js", "glu_rate", "6000")
    assert html.startswith('<script type="application/json">') and html.endswith("</script>")
    assert "document.currentScript" in html and "url.searchParams.set(key, value)" in html  # the file itself
    assert _data(html) == ["glu_rate", "6000"]


def test_no_argument_can_close_the_script_element():
    html = browser.script("put_in_link.js", "k", "</script><img src=x onerror=alert(1)>")
    assert html.count("</script>") == 2 and "<img" not in html
    assert _data(html) == ["k", "</script><img src=x onerror=alert(1)>"], "the value arrives intact as data"


def test_only_safe_css_values():
    with pytest.raises(ValueError):
        browser.css_variables({"present-text": "red; } body { display: none"})
    assert browser.css_variables({"present-h1": "44px"}) == "<style>:root { --ei-present-h1: 44px; }</style>"


def test_every_variable_a_style_sheet_reads_is_declared():
    """presenter.css and connection_notice.css read --ei-* properties; Python declares each of them."""
    from explainer.ui.connection import NOTICE_COLORS
    from explainer.ui.presenter import PAGE_COLORS

    declared = {
        "presenter.css": {"present-root-font", "present-h1", *PAGE_COLORS},
        "connection_notice.css": set(NOTICE_COLORS),
    }
    for name, names in declared.items():
        used = set(re.findall(r"var\(--ei-([a-z0-9-]+)\)", browser.stylesheet(name).read_text()))
        assert used and used <= names, f"{name} reads {sorted(used - names)} that nothing declares"
