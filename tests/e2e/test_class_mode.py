"""Class mode in real browsers: a teacher presenting at projector size (1280x720) leads three phones through
lesson 3's prediction as peer instruction, then asks the lesson's exit ticket as their own question.

The phones join on the class page and follow the teacher to the lesson by themselves; "Ask the class" scrolls
them to the question; the projector shows how many voted, not how, until "Show the votes"; a second round keeps
round 1 beside round 2; the reveal reaches every phone.  The teacher's token never appears in an address bar, and
a reload keeps the teacher's controls.  How long each step took is printed (``-s``), not asserted: the machine is
shared.  Screenshots go to ``$SCREENSHOT_DIR`` (or the test's temporary folder), for a person to look at.
"""

from __future__ import annotations

import os
import re
import time
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from explainer.lessons import LESSONS
from explainer.ui import dom
from explainer.ui.course import exit_ticket
from tests.e2e.classes import start_class
from tests.e2e.conftest import NO_CLIPBOARD, PHONE_CONTEXT, goto, track_script_runs, wait_for_app

pytestmark = pytest.mark.e2e

# Generous waits for what must happen (a phone asks every second); what it took is printed.
FOLLOW_WAIT_MS = 30_000
QUESTION = ".st-key-" + dom.question_key("gaba_predict_shunt")
GABA = next(x for x in LESSONS if x.url == "gaba")
# a chart of the lesson's (not the empty one that loads Plotly's code while a student waits for the reveal)
EXPERIMENT_CHART = f"[data-testid=stPlotlyChart]:not(.{dom.css_class(dom.PLOTLY_PRELOAD_KEY)} *)"
# the element that ``s`` selects starts within the top part of the screen (below the header)
NEAR_TOP_JS = """(s) => { const e = document.querySelector(s);
  if (!e) return false; const top = e.getBoundingClientRect().top; return top >= 0 && top < 160; }"""


def _shots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("SCREENSHOT_DIR") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _phone(browser, app_url, code: str):
    """A phone that scanned the QR code: the class page with the code."""
    context = browser.new_context(base_url=app_url, **PHONE_CONTEXT)
    track_script_runs(context)
    page = context.new_page()
    goto(page, f"/class?class={code}")
    assert "seat=" in page.url, "a joined student's link carries their seat (a reload keeps their vote)"
    return context, page


def _click(page, name: str) -> None:
    page.get_by_role("button", name=name, exact=True).first.click()
    wait_for_app(page, after_interaction=True)


def _vote(page, option: int, key: str = "gaba_predict_shunt") -> None:
    page.locator(f".st-key-{key} [data-testid=stRadioOption]").nth(option).click()
    wait_for_app(page, after_interaction=True)
    page.get_by_text("Your vote is counted").first.wait_for(timeout=15_000)


def _page_down_to(teacher, selector: str, presses: int = 8) -> None:
    """The clicker's PageDown until ``selector``'s step is at the top of the projected screen."""
    for _ in range(presses):
        if teacher.evaluate(NEAR_TOP_JS, selector):
            return
        teacher.locator("body").press("PageDown")
        teacher.wait_for_timeout(400)  # the step scrolls into place (no smooth scrolling: one frame or two)
    assert teacher.evaluate(NEAR_TOP_JS, selector), f"{presses} PageDowns did not bring {selector} to the top"


def _clicker_action(teacher, step: str, button: str) -> None:
    """The clicker's "." on the step at the top: it must press the step's highlighted button ``button``."""
    primary = teacher.locator(f"{step} [data-testid=stBaseButton-primary]").first
    assert primary.inner_text().strip().endswith(button), f"the highlighted step is {primary.inner_text()!r}"
    teacher.keyboard.press(".")
    wait_for_app(teacher, after_interaction=True)


def _bars(page) -> list[str]:
    return page.locator("[data-testid=stProgress]").all_inner_texts()


def _all_show(phones, what: str, started: float, check) -> None:
    for _, phone in phones:
        check(phone)
    print(f"{what}: {(time.monotonic() - started) * 1000:.0f} ms for all {len(phones)} phones")


def test_a_teacher_leads_phones_through_a_question_in_two_rounds_and_an_exit_ticket(page, browser, app_url, tmp_path):
    from playwright.sync_api import expect

    shots = _shots(tmp_path)
    teacher = page
    teacher.set_viewport_size({"width": 1280, "height": 720})
    code = start_class(teacher)
    assert "teacher=" not in teacher.url and "teach=" not in teacher.url, "the token never sits in the address bar"
    teacher.reload()  # a reload keeps the teacher's controls (sessionStorage)
    wait_for_app(teacher)
    expect(teacher.get_by_role("button", name="End the class and delete its data")).to_be_visible(timeout=15_000)

    phones = [_phone(browser, app_url, code) for _ in range(3)]
    try:
        # --- the phones follow the teacher to the lesson, then to the question ----------------------------
        moved = time.monotonic()
        goto(teacher, "/gaba?present=true")
        _all_show(phones, "teacher opens the lesson -> phones there", moved,
                  lambda p: p.wait_for_url(re.compile(r"/gaba\?"), timeout=FOLLOW_WAIT_MS))  # fmt: skip
        teacher.screenshot(path=str(shots / "class-1-teacher-lesson-1280x720.png"))
        step = ".st-key-" + dom.step_key("gaba_predict_shunt")
        _page_down_to(teacher, step)
        asked = time.monotonic()
        _clicker_action(teacher, step, "Ask the class")
        _all_show(phones, "Ask the class -> phones at the question", asked,
                  lambda p: p.wait_for_function(NEAR_TOP_JS, arg=QUESTION, timeout=FOLLOW_WAIT_MS))  # fmt: skip
        phones[0][1].screenshot(path=str(shots / "class-2-phone-question-390x844.png"))

        # --- round 1: the projector counts, and shows the split only when asked ---------------------------
        for (_, phone), option in zip(phones, (0, 0, 2), strict=True):
            assert not phone.locator(EXPERIMENT_CHART).count(), "no experiment before the reveal"
            _vote(phone, option)
        voted = time.monotonic()
        expect(teacher.locator("body")).to_contain_text("3 of 3 students have voted", timeout=FOLLOW_WAIT_MS)
        print(f"last vote -> projected count: {(time.monotonic() - voted) * 1000:.0f} ms")
        assert _bars(teacher) == [], "the projector shows how many voted, not how"
        teacher.screenshot(path=str(shots / "class-3-teacher-count-1280x720.png"))
        _clicker_action(teacher, step, "Show the votes")
        expect(teacher.locator("[data-testid=stProgress]")).to_have_count(3)
        bars = _bars(teacher)
        assert bars[0].startswith("2 · 67 %") and bars[2].startswith("1 · 33 %"), bars

        # --- round 2 after pair discussion: round 1 kept beside it ----------------------------------------
        opened = time.monotonic()
        _click(teacher, "Second round")
        _all_show(phones, "second round -> phones ask again", opened,
                  lambda p: expect(p.locator("body")).to_contain_text("Round 2.", timeout=FOLLOW_WAIT_MS))  # fmt: skip
        for _, phone in phones:
            _vote(phone, 1, key="gaba_predict_shunt_r2")
        expect(teacher.locator("body")).to_contain_text("Round 2 · 3 of 3 students have voted", timeout=FOLLOW_WAIT_MS)
        _clicker_action(teacher, step, "Show the votes")
        expect(teacher.locator("[data-testid=stProgress]")).to_have_count(6)
        expect(teacher.locator("body")).to_contain_text("Round 1")
        teacher.screenshot(path=str(shots / "class-4-teacher-two-rounds-1280x720.png"))

        # --- the reveal reaches every phone ---------------------------------------------------------------
        revealed = time.monotonic()
        _clicker_action(teacher, step, "Reveal")
        chart = EXPERIMENT_CHART
        _all_show(phones, "reveal -> every phone's experiment", revealed,
                  lambda p: expect(p.locator(chart).first).to_be_visible(timeout=FOLLOW_WAIT_MS))  # fmt: skip
        phones[1][1].screenshot(path=str(shots / "class-5-phone-revealed-390x844.png"))

        # --- the rest of the lesson from the clicker alone: PageDown to each check, "." for each step ----------
        for block in ("check:direction", "check:immature"):
            key = f"gaba_{block.replace(':', '_')}"
            right = GABA.text.question(block).options.index(GABA.text.question(block).answer)
            step = ".st-key-" + dom.step_key(key)
            _page_down_to(teacher, step, presses=20)  # through the revealed experiments first
            asked = time.monotonic()
            _clicker_action(teacher, step, "Ask the class")
            _all_show(phones, f"{block}: Ask -> phones at it", asked,
                      lambda p, s=step: p.wait_for_function(NEAR_TOP_JS, arg=s, timeout=FOLLOW_WAIT_MS))  # fmt: skip
            for _, phone in phones:
                _vote(phone, right, key=key)
            expect(teacher.locator(step)).to_contain_text("3 of 3 students have voted", timeout=FOLLOW_WAIT_MS)
            _clicker_action(teacher, step, "Show the votes")
            _clicker_action(teacher, step, "Reveal")  # all right: no second round needed
            for _, phone in phones:
                expect(phone.locator(step)).to_contain_text("Right.", timeout=FOLLOW_WAIT_MS)
        teacher.screenshot(path=str(shots / "class-5b-teacher-last-check-1280x720.png"))

        # --- the teacher's own question: the lesson's exit ticket ------------------------------------------
        ticket = exit_ticket(GABA)
        teacher.get_by_text("Ask your own question").click()  # below the page: presenting has no sidebar
        _click(teacher, "Use this lesson's exit ticket")
        _click(teacher, "Ask the class this")
        own = ".st-key-" + dom.question_key("own_1")
        asked = time.monotonic()
        _all_show(phones, "own question -> phones at it", asked,
                  lambda p: p.wait_for_function(NEAR_TOP_JS, arg=own, timeout=FOLLOW_WAIT_MS))  # fmt: skip
        for _, phone in phones:
            expect(phone.locator(own)).to_contain_text(ticket.prompt)
            _vote(phone, ticket.right, key="own_1")
        phones[2][1].screenshot(path=str(shots / "class-6-phone-exit-ticket-390x844.png"))
        expect(teacher.locator(own)).to_contain_text("3 of 3 students have voted", timeout=FOLLOW_WAIT_MS)
        for _, phone in phones:
            assert "teacher=" not in phone.url and "teach=" not in phone.url

        # --- the last PageDown turns the page, and the class follows ------------------------------------------
        turned = time.monotonic()
        for _ in range(12):
            if "/balance" in teacher.url:
                break
            teacher.locator("body").press("PageDown")
            teacher.wait_for_timeout(500)
        assert "/balance" in teacher.url, f"the clicker never turned the page: {teacher.url}"
        _all_show(phones, "next page -> phones there", turned,
                  lambda p: p.wait_for_url(re.compile(r"/balance\?"), timeout=FOLLOW_WAIT_MS))  # fmt: skip
    finally:
        for context, _ in phones:
            context.close()


def test_a_teacher_link_after_the_hash_gives_the_controls_and_leaves_no_trace(page, browser, app_url):
    """The teacher link opened on another device: the token is read from after "#" and taken out of the address
    bar at once, so Back never returns to it."""
    from playwright.sync_api import expect

    code = start_class(page)
    token = page.evaluate("() => JSON.parse(sessionStorage.getItem('ei-class-teacher')).token")
    other = browser.new_context(base_url=app_url)
    track_script_runs(other)
    laptop = other.new_page()
    try:
        goto(laptop, "/glossary")
        goto(laptop, f"/class#{dom.TEACHER_LINK_FRAGMENT}={code}.{token}")
        expect(laptop.get_by_role("button", name="End the class and delete its data")).to_be_visible(timeout=20_000)
        assert token not in laptop.url and "#" not in laptop.url, laptop.url
        assert token not in laptop.content(), "the token is not in the page's HTML"
        laptop.reload()  # this device keeps the controls across a reload, like the first
        wait_for_app(laptop)
        expect(laptop.get_by_role("button", name="End the class and delete its data")).to_be_visible(timeout=20_000)
        laptop.go_back()
        wait_for_app(laptop)
        assert token not in laptop.url, f"Back returned to the teacher link: {laptop.url}"
    finally:
        other.close()


def test_copy_link_on_a_students_phone_never_copies_the_seat(browser, app_url):
    """A student shares the view they are looking at: the link keeps the class and the settings, not the seat
    (whoever opened it would vote as that student)."""
    from playwright.sync_api import expect

    from explainer.classroom.store import ClassStore
    from explainer.ui.classroom import session
    from tests.e2e.conftest import E2E_CLASS_DB

    from .views import control, view, wait_for_view

    store = ClassStore(f"sqlite:///{E2E_CLASS_DB.resolve()}", session.questions_of(LESSONS).options)
    code, _ = store.start_class()
    store.engine.dispose()
    context = browser.new_context(base_url=app_url, **PHONE_CONTEXT)
    track_script_runs(context)
    context.add_init_script(script=NO_CLIPBOARD)
    phone = context.new_page()
    try:
        goto(phone, f"/tug-of-war?class={code}&glu_rate=3000")
        assert "seat=" in phone.url
        wait_for_view(phone, "playground_view")
        control(phone, "playground_view", "copy").click()
        field = view(phone, "playground_view").locator(".ei-link")
        expect(field).to_be_visible()
        copied = field.input_value()
        assert "seat=" not in copied and f"class={code}" in copied and "glu_rate=3000" in copied, copied
    finally:
        context.close()


def test_a_phone_whose_page_the_frontend_dropped_loads_it_again(browser, app_url):
    """Streamlit 1.67's frontend throws its whole page away when an update does not fit it ("Bad delta path index",
    once in about 84 page follows, on a phone that had just joined): the phone went blank for good.  Simulated here by
    taking the app out of the document as that error does; the phone must load its page again, same class and seat.
    """
    from explainer.classroom.store import ClassStore
    from explainer.ui.classroom import session
    from tests.e2e.conftest import E2E_CLASS_DB

    store = ClassStore(f"sqlite:///{E2E_CLASS_DB.resolve()}", session.questions_of(LESSONS).options)
    try:
        code, token = store.start_class()
        store.move(code, token, "gaba")
        context, phone = _phone(browser, app_url, code)
        try:
            phone.wait_for_url(re.compile(r"/gaba\?"), timeout=FOLLOW_WAIT_MS)  # it follows the teacher there
            wait_for_app(phone)
            seat = parse_qs(urlsplit(phone.url).query)["seat"]
            phone.evaluate("() => { window.__eiDropped = true; document.getElementById('root').replaceChildren(); }")
            phone.wait_for_function(  # a new page load (the flag is gone with the old document), the lesson drawn
                "() => !window.__eiDropped && !!document.querySelector('[data-testid=stMain] h1')", timeout=20_000
            )
            assert "/gaba?" in phone.url and parse_qs(urlsplit(phone.url).query)["seat"] == seat, phone.url
        finally:
            context.close()
    finally:
        store.engine.dispose()
