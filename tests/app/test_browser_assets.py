"""The app's browser code is files; Python passes only data to it, and data cannot become code."""

from __future__ import annotations

import json
import re

import pytest

from explainer.ui import browser


def test_a_script_is_its_file_then_one_call_with_json_arguments():
    html = browser.script("put_in_link.js", "eiPutInLink", "glu_rate", "6000")
    assert html.startswith("<script>") and html.endswith("</script>")
    assert "window.eiPutInLink = function (key, value)" in html  # the file itself
    assert html.rstrip().endswith('window.eiPutInLink("glu_rate", "6000");\n</script>')


def test_no_argument_can_close_the_script_element():
    html = browser.script("put_in_link.js", "eiPutInLink", "k", "</script><img src=x onerror=alert(1)>")
    assert html.count("</script>") == 1 and "<img" not in html
    (arg,) = re.findall(r'window\.eiPutInLink\("k", (".*")\);', html)
    assert json.loads(arg) == "</script><img src=x onerror=alert(1)>", "the value arrives intact as data"


def test_only_our_functions_and_safe_css_values():
    with pytest.raises(ValueError):
        browser.script("put_in_link.js", "alert")
    with pytest.raises(ValueError):
        browser.css_variables({"present-text": "red; } body { display: none"})
    assert browser.css_variables({"present-h1": "44px"}) == "<style>:root { --ei-present-h1: 44px; }</style>"


def test_every_variable_a_style_sheet_reads_is_declared():
    """presenter.css and connection_notice.css read --ei-* properties; Python declares each of them."""
    from explainer.figures.style import NOTICE_COLORS, PRESENTER_PAGE_COLORS

    declared = {
        "presenter.css": {"present-root-font", "present-h1", *PRESENTER_PAGE_COLORS},
        "connection_notice.css": set(NOTICE_COLORS),
    }
    for name, names in declared.items():
        used = set(re.findall(r"var\(--ei-([a-z0-9-]+)\)", browser.stylesheet(name).read_text()))
        assert used and used <= names, f"{name} reads {sorted(used - names)} that nothing declares"
