"""Hand-edited links in a real browser: the address bar ends up holding what the page uses.

A number outside its slider's range is clamped, and the clamped value replaces it in the address bar; a
value that is not a number leaves the address bar (the slider shows its default, which a link leaves out).
So the "Copy link" button, or the address bar itself, gives a link that reopens exactly the view shown,
without the notes.  (The AppTest side is in tests/app/test_classroom.py.)
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import parse_qs, urlsplit

try:
    from playwright.sync_api import expect
except ImportError:  # the ``browser`` fixture then skips (locally) or fails (CI) with the reason
    expect = None

from explainer.content import i18n
from explainer.model.experiments.balance import TugOfWarSettings
from explainer.pages.playground import VIEW_KEY

from .conftest import goto, wait_for_app
from .views import control, view, wait_for_view

DEFAULTS = TugOfWarSettings()
BAD_LINK = "/tug-of-war?glu_rate=999999&gaba_weight=abc"


def query(page: Any) -> dict[str, list[str]]:
    """The settings in the address bar, the page's language aside (the app writes ``lang`` into every link it
    makes: tests/e2e/test_languages.py)."""
    settings = parse_qs(urlsplit(page.url).query, keep_blank_values=True)
    assert settings.pop(i18n.LANG_PARAM, ["en"]) == ["en"], f"an English page: {page.url}"
    return settings


def slider(page: Any, key: str) -> Any:
    return page.locator(f".st-key-{key}").get_by_role("slider")


def link_notes(page: Any) -> Any:
    return page.get_by_test_id("stAlert").filter(has_text="The link's setting for")


def test_a_clamped_value_replaces_the_bad_one_in_the_address_bar(page) -> None:
    goto(page, BAD_LINK)
    expect(page).to_have_url(re.compile(r"[?&]glu_rate=6000(&|$)"))
    wait_for_app(page)  # the run that the correction started
    assert "abc" not in page.url and "999999" not in page.url, page.url
    assert query(page) == {"glu_rate": ["6000"]}, f"the address bar shows {page.url}"
    # The page uses what the address bar says, and says why.
    assert slider(page, "glu_rate").input_value() == "6000"
    assert slider(page, "gaba_weight").input_value() == f"{DEFAULTS.gaba_weight_nS:g}"
    expect(link_notes(page).filter(has_text="outside 0 to 6000, so 6000 is used")).to_be_visible()
    expect(link_notes(page).filter(has_text="is not a number, so the default is used")).to_be_visible()
    expect(link_notes(page)).to_have_count(2)  # each note once, although the page ran again


def test_the_copied_link_reopens_the_corrected_view_without_notes(page, new_page) -> None:
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    goto(page, BAD_LINK)
    expect(page).to_have_url(re.compile(r"[?&]glu_rate=6000(&|$)"))
    wait_for_app(page)
    corrected = wait_for_view(page, VIEW_KEY)

    # The view's "Copy link" button (the controls under the animation), pressed from the keyboard.
    copy = control(page, VIEW_KEY, "copy")
    copy.focus()
    page.keyboard.press("Enter")
    status = view(page, VIEW_KEY).locator(".ei-controls .ei-status")
    expect(status).to_have_text(re.compile(r"^(Link copied|Copy this link): http"))
    said, link = status.inner_text().split(": ", 1)
    assert link == page.url and "abc" not in link and "glu_rate=6000" in link, link
    if said == "Link copied":
        assert page.evaluate("() => navigator.clipboard.readText()") == link

    other = new_page()  # a fresh context: nothing shared but the link
    goto(other, link)
    # The link draws the very view the first page showed (same settings, so the same view id).
    wait_for_view(other, VIEW_KEY, wanted=corrected["id"])
    assert slider(other, "glu_rate").input_value() == "6000"
    assert slider(other, "gaba_weight").input_value() == f"{DEFAULTS.gaba_weight_nS:g}"
    expect(link_notes(other)).to_have_count(0)
    assert query(other) == {"glu_rate": ["6000"]}, f"the address bar shows {other.url}"


# --- a link to a glossary entry lands on its heading ----------------------------------------------------------

# The heading's box and the top bar's bottom, once the page has stopped changing size for STILL_FRAMES frames.
STILL_FRAMES = 30
_SETTLED = """(n) => {
  const main = document.querySelector('[data-testid=stMain]');
  const now = main ? main.scrollHeight : -1;
  if (now !== window.__eiHeight) { window.__eiHeight = now; window.__eiStill = 0; return false; }
  return ++window.__eiStill >= n;
}"""
_HEADING_BOX = """(id) => {
  const h = document.getElementById(id), bar = document.querySelector('[data-testid=stHeader]');
  const r = h.getBoundingClientRect();
  const hit = document.elementFromPoint(r.left + 4, r.top + r.height / 2);
  return {top: r.top, bottom: r.bottom, bar: bar ? bar.getBoundingClientRect().bottom : 0,
          height: window.innerHeight, onTop: Boolean(hit && h.contains(hit))};
}"""
ANCHORS = ("conductance", "interneuron", "shunting-inhibition")


def test_a_link_to_a_glossary_entry_lands_on_its_heading_on_a_laptop_and_a_phone(page, phone_page) -> None:
    """The lessons link terms to the glossary (``glossary#interneuron``, in a new tab): the heading ends up in
    view, below Streamlit's top bar, once the page has settled (while it settles, placeholders of elements
    still loading change the height of what lies above the heading)."""
    problems = []
    for tab, size in ((page, "1366x900"), (phone_page, "390x844")):
        for anchor in ANCHORS:
            tab.goto("about:blank")  # a new page load each time, as a link opened in a new tab is
            goto(tab, f"/glossary#{anchor}")
            tab.wait_for_function(_SETTLED, arg=STILL_FRAMES, polling="raf")
            box = tab.evaluate(_HEADING_BOX, anchor)
            if not (box["top"] >= box["bar"] and box["bottom"] <= box["height"] and box["onTop"]):
                problems.append(f"{size} glossary#{anchor}: heading at y {box['top']:.0f}..{box['bottom']:.0f}, {box}")
    assert not problems, "a link to a glossary entry leaves its heading out of view:\n  " + "\n  ".join(problems)
