"""Every page runs clean, shows the banner and its title."""

from __future__ import annotations

import pytest

from explainer.ui.shell import DEFAULT_PAGE, PAGE_TABLE
from tests.app.conftest import assert_clean, open_page


@pytest.mark.parametrize("page_file,title", [(f, t) for f, t, _, _ in PAGE_TABLE])
def test_every_page_runs_with_banner(page_file, title):
    at = open_page(page_file)
    assert_clean(at)
    assert at.title, f"{page_file} has no title"


def test_app_opens_on_the_playground():
    at = open_page()
    assert_clean(at)
    assert DEFAULT_PAGE == "tug-of-war"
    assert "Tug of war" in at.title[0].value
    assert at.get("plotly_chart"), "the default page must show the animation"


def test_home_links_to_the_playground():
    at = open_page("home.py")
    assert any("glutamate" in m.value.lower() and "gaba" in m.value.lower() for m in at.markdown)
