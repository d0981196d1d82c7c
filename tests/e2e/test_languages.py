"""A page in German in a real browser: the animated view's words and numbers, ``<html lang>``, the slider's decimal
sign, the copied link, the address bar after a page switch, and the class's join link.

The server of these tests reads the German subset of tests/e2e/locale (``EXPLAINER_LOCALE_DIR``,
explainer/content/i18n.py): the views' words are translated there, the rest of the page stays English until the real
catalogue is complete; the numbers are German wherever the app writes them.  Its browsers speak German
(``locale="de-DE"``), as a class in Berlin's do.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

try:
    from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
    from playwright.sync_api import expect
except ImportError:  # the ``browser`` fixture then skips (locally) or fails (CI) with the reason
    expect = None
    PlaywrightTimeoutError = TimeoutError

from explainer.content import i18n
from explainer.pages import playground

from .conftest import (
    E2E_DIR,
    goto,
    recorded_tab,
    serving,
    wait_for_app,
)
from .views import control, view, wait_for_view

LOCALE_DIR = E2E_DIR / "locale"
GERMAN_BROWSER = {"locale": "de-DE"}
VIEW = playground.VIEW_KEY
MINUS = "\u2212"


@pytest.fixture(scope="module")
def german_app_url() -> Iterator[str]:
    """A server that offers German (the test catalogue), besides English."""
    with serving({i18n.LOCALE_DIR_ENV: str(LOCALE_DIR)}) as server:
        yield server.url


@pytest.fixture
def german_tab(browser: Any, german_app_url: str, page_log: Any, page: Any) -> Iterator[Any]:
    """A tab of a German browser on the German-speaking server (recorded and checked like ``page``)."""
    with recorded_tab(browser, GERMAN_BROWSER, german_app_url, page_log) as tab:
        yield tab


def _link_lang(url: str) -> list[str]:
    return parse_qs(urlsplit(url).query).get(i18n.LANG_PARAM, [])


def _html_lang(tab: Any, want: str) -> str:
    """The page's ``<html lang>`` once it says ``want`` (or after 15 s): the page-language component sets it after
    the page is drawn, so a read right after loading may still see Streamlit's own "en"."""
    try:
        tab.wait_for_function("want => document.documentElement.lang === want", arg=want, timeout=15_000)
    except PlaywrightTimeoutError:
        pass
    return tab.evaluate("() => document.documentElement.lang")


def test_the_animated_view_speaks_german_with_german_numbers(german_tab) -> None:
    """The view's labels from the German catalogue; its numbers with a decimal comma, groups and a true minus."""
    goto(german_tab, "/tug-of-war?lang=de&calm=true&glu_weight=0.5")  # calm: the final state, t = 1000 ms
    wait_for_view(german_tab, VIEW)
    assert _html_lang(german_tab, "de") == "de"
    root = view(german_tab, VIEW)
    expect(control(german_tab, VIEW, "play-pause")).to_have_text("Abspielen")
    expect(root.locator(".ei-speed-label")).to_have_text("Zeitlupe")
    expect(control(german_tab, VIEW, "copy")).to_have_text("Link kopieren")
    expect(root.locator(".ei-controls output")).to_have_text("1.000 ms")
    expect(root.locator("svg .ei-readout-time")).to_have_text("t = 1.000 ms")
    labels = root.locator("svg text").evaluate_all("(ts) => ts.map((t) => t.textContent).filter((t) => t.trim())")
    assert "Membranpotential V (mV)" in labels and "Eingangsspikes" in labels, labels
    gates = [t for t in labels if t.endswith(" nS") and any(c.isdigit() for c in t)]
    assert gates and all(re.fullmatch(r"\d+(,\d)? nS", t) for t in gates), f"gate conductances: {gates}"
    assert any(t.startswith(MINUS) for t in labels), f"the V axis's negative ticks: {labels}"
    assert not [t for t in labels if re.search(r"-\d", t)], "a hyphen where a minus sign belongs"
    assert not [t for t in labels if re.search(r"\d\.\d{1,2}(?!\d)", t)], "a decimal point in German (1.000 is a group)"
    # the slider: Streamlit's "localized" format, the browser's language (German here, as the page's)
    expect(german_tab.locator(".st-key-glu_weight [data-testid='stSliderThumbValue']")).to_have_text("0,5")


def test_a_language_from_the_browser_goes_into_the_address_bar_and_the_copied_link(german_tab) -> None:
    """No ``?lang=`` in the link opened: the page is German because the browser is; the address bar and the view's
    Copy link then say so, so the link opens in German for anyone."""
    german_tab.context.grant_permissions(["clipboard-read", "clipboard-write"])
    goto(german_tab, "/tug-of-war")
    wait_for_view(german_tab, VIEW)
    assert _html_lang(german_tab, "de") == "de"
    german_tab.wait_for_function("() => new URL(location.href).searchParams.get('lang') === 'de'", timeout=15_000)
    control(german_tab, VIEW, "copy").click()
    status = view(german_tab, VIEW).locator(".ei-controls .ei-status")
    expect(status).to_have_text(re.compile(r"^(Link kopiert|Diesen Link kopieren): http"))
    link = status.inner_text().split(": ", 1)[1]
    assert _link_lang(link) == ["de"], link


def test_a_page_opened_from_the_menu_gets_its_language_back(german_tab) -> None:
    """Streamlit's menu links carry no parameters: the page keeps the session's language and puts it back into the
    address bar once drawn."""
    goto(german_tab, "/?lang=de")
    german_tab.locator("[data-testid='stSidebarNav'] a[href$='/glossary']").click()
    german_tab.wait_for_url(re.compile(r"/glossary"), timeout=15_000)
    wait_for_app(german_tab)
    german_tab.wait_for_function("() => new URL(location.href).searchParams.get('lang') === 'de'", timeout=15_000)
    assert _html_lang(german_tab, "de") == "de"


def test_the_class_join_link_carries_the_teachers_language(german_tab, browser, german_app_url, page_log) -> None:
    """The join link (and the QR code that holds it) opens the class page in the teacher's language on a phone
    whose browser speaks another."""
    goto(german_tab, "/class?lang=de")
    german_tab.get_by_role("button", name="Start a class").click()
    wait_for_app(german_tab, after_interaction=True)
    join = german_tab.locator("[data-testid='stMarkdownContainer'] strong", has_text="?class=").first.inner_text()
    assert _link_lang(join) == ["de"], join
    with recorded_tab(browser, {"locale": "en-GB"}, german_app_url, page_log) as phone:
        goto(phone, join)
        assert _html_lang(phone, "de") == "de", "the teacher's language, not the phone's browser's"
