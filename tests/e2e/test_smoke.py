"""Every page renders in a real browser: title, banner, no exception, nothing leaves localhost."""

from __future__ import annotations

import pytest

try:
    from playwright.sync_api import expect
except ImportError:  # the ``browser`` fixture then skips (locally) or fails (CI) with the reason
    expect = None

from .conftest import BANNER_SNIPPET, LOCAL_HOSTS, PAGES, TESTID_EXCEPTION, TESTID_MAIN, AppPage, PageLog, goto

page_params = pytest.mark.parametrize("app_page", PAGES, ids=[p.name for p in PAGES])


@page_params
def test_page_renders(page, app_page: AppPage) -> None:
    goto(page, app_page.path)

    heading = page.get_by_test_id(TESTID_MAIN).locator("h1").first
    expect(heading).to_be_visible()
    if app_page.heading is None:
        expect(heading).not_to_have_text("")
    else:
        expect(heading).to_have_text(app_page.heading)
    assert page.title().strip(), "document title is empty"

    expect(page.get_by_text(BANNER_SNIPPET).first).to_be_visible()
    expect(page.get_by_test_id(TESTID_EXCEPTION)).to_have_count(0)


@page_params
def test_no_request_leaves_localhost(page, page_log: PageLog, app_page: AppPage) -> None:
    goto(page, app_page.path)

    assert page_log.request_urls, "no requests were recorded; is the recorder attached?"
    assert any(u.startswith("ws://") for u in page_log.request_urls), "the app websocket was not recorded"
    assert page_log.hosts() <= LOCAL_HOSTS, f"foreign hosts: {sorted(page_log.hosts() - LOCAL_HOSTS)}"
    assert page_log.foreign_urls() == []
