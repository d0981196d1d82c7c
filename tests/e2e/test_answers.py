"""A student's answers kept in the browser, in Chromium: a prediction and a quick check answered on a lesson are
there after a reload and in a new tab, the prediction still locked (and never shown unlocked on the way); "My
answers" lists them and "Clear my answers" empties it; and "My answers" with every lesson answered prints on at
most two pages (A4 and US Letter).  ``MY_ANSWERS_PDF_DIR=/some/dir`` keeps the PDFs there, to look at.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import pypdf
from playwright.sync_api import expect

from explainer.content.parse import fill
from explainer.content.words import words
from explainer.lessons import LESSONS
from explainer.ui import dom
from explainer.ui.components import answer_keeper, component_name

from .conftest import goto, wait_for_app
from .test_worksheet_print import BANNER_PHRASE, first_words, plain

W = words("my_answers")
UI = words("ui")
BY_NAME = {lesson.name: lesson for lesson in LESSONS}
GABA = BY_NAME["gaba"]
PREDICT, CHECK = "predict:shunt", "check:direction"
PREDICT_KEY, CHECK_KEY = "gaba_predict_shunt", "gaba_check_direction"
MAX_PAGES = 2

# Counts, once per animation frame from the page's first script on, the frames in which "Run the experiment"
# could be seen: after a reload with a locked prediction, there must be none.
_WATCH_RUN_BUTTON = """(() => {
  if (window.top !== window) return;
  const seen = window.__eiRunSeen = {frames: 0};
  const tick = () => {
    for (const button of document.querySelectorAll('button')) {
      if (button.innerText.includes(RUN) && button.checkVisibility({visibilityProperty: true})) seen.frames += 1;
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})()"""


def _label(block: str, *, right: bool) -> str:
    """The text of a right or a wrong option of a gaba question, as the page shows it (one without a formula:
    its accessible name is its text)."""
    question = GABA.text.question(block)
    label = next(o.label for o in question.options if o.correct == right and "$" not in o.label)
    return fill(label, GABA.numbers())


def _radio(page, key: str, label: str):
    return page.locator(f".st-key-{key}").get_by_role("radio", name=label, exact=True)


def _choose(page, key: str, label: str) -> None:
    page.locator(f".st-key-{key}").get_by_text(label, exact=True).click()


def _kept(page) -> dict[str, str]:
    return page.evaluate(
        "(prefix) => Object.fromEntries(Object.entries(localStorage).filter(([k]) => k.startsWith(prefix)))",
        dom.ANSWER_STORE_PREFIX,
    )


def _expect_kept_on_the_lesson(page, prediction: str, check: str) -> None:
    """The prediction locked and revealed, the check answered, both with their verdicts."""
    expect(_radio(page, PREDICT_KEY, prediction)).to_be_checked()
    expect(_radio(page, PREDICT_KEY, prediction)).to_be_disabled()
    main = page.get_by_test_id("stMain")
    expect(main.get_by_role("button", name=UI.text("run_experiment"))).to_have_count(0)
    expect(main.get_by_text(UI.text("predict_locked_caption"))).to_be_visible()
    expect(main.get_by_text(_plain(UI.text("you_predicted", choice=prediction)))).to_be_visible()
    expect(_radio(page, CHECK_KEY, check)).to_be_checked()
    expect(main.get_by_text(_plain(UI.text("check_right", feedback="")), exact=False)).to_be_visible()


def _plain(markdown: str) -> str:
    """A text as the page shows it: no bold marks, no spaces at its ends."""
    return markdown.replace("**", "").strip()


def test_a_prediction_and_a_check_survive_a_reload_and_a_new_tab_and_my_answers_lists_and_clears_them(page):
    prediction, check = _label(PREDICT, right=False), _label(CHECK, right=True)
    goto(page, f"/{GABA.url}")
    _choose(page, PREDICT_KEY, prediction)
    wait_for_app(page, after_interaction=True)
    page.get_by_test_id("stMain").get_by_role("button", name=UI.text("run_experiment")).click()
    wait_for_app(page, after_interaction=True)
    _choose(page, CHECK_KEY, check)
    wait_for_app(page, after_interaction=True)
    expect(_radio(page, CHECK_KEY, check)).to_be_checked()
    page.wait_for_function("(n) => Object.keys(localStorage).filter((k) => k.startsWith(n)).length === 2",
                           arg=dom.ANSWER_STORE_PREFIX)  # fmt: skip
    kept = _kept(page)
    assert kept[f"{dom.ANSWER_STORE_PREFIX}gaba:{PREDICT}"] in GABA.text.question(PREDICT).labels
    assert kept[f"{dom.ANSWER_STORE_PREFIX}gaba:{CHECK}"] in GABA.text.question(CHECK).labels

    page.context.add_init_script(_WATCH_RUN_BUTTON.replace("RUN", repr(UI.text("run_experiment"))))
    page.reload(wait_until="domcontentloaded")
    wait_for_app(page)
    _expect_kept_on_the_lesson(page, prediction, check)
    assert page.evaluate("() => window.__eiRunSeen.frames") == 0, "the locked prediction never showed unlocked"

    tab = page.context.new_page()  # a new tab of the same browser: a new session
    goto(tab, f"/{GABA.url}")
    _expect_kept_on_the_lesson(tab, prediction, check)
    assert tab.evaluate("() => window.__eiRunSeen.frames") == 0

    goto(tab, "/my-answers")
    main = tab.get_by_test_id("stMain")
    expect(main.get_by_text(_plain(W.text("your_prediction", choice=prediction)))).to_be_visible()
    expect(main.get_by_text(_plain(W.text("your_answer", choice=check)))).to_be_visible()
    total = sum(len(lesson.text.questions()) for lesson in LESSONS)
    expect(main.get_by_text(W.text("summary", answered=2, total=total))).to_be_visible()

    main.get_by_role("button", name=W.text("clear")).click()
    wait_for_app(tab, after_interaction=True)
    main.get_by_role("button", name=W.text("clear_yes")).click()
    wait_for_app(tab, after_interaction=True)
    expect(main.get_by_text(W.text("summary", answered=0, total=total))).to_be_visible()
    tab.wait_for_function("(n) => !Object.keys(localStorage).some((k) => k.startsWith(n))", arg=dom.ANSWER_STORE_PREFIX)
    tab.reload(wait_until="domcontentloaded")
    wait_for_app(tab)
    expect(main.get_by_text(W.text("summary", answered=0, total=total))).to_be_visible()

    goto(page, f"/{GABA.url}")  # the first tab, reloaded: the prediction is open again
    expect(_radio(page, PREDICT_KEY, prediction)).not_to_be_checked()
    expect(_radio(page, PREDICT_KEY, prediction)).to_be_enabled()


def _every_question_answered() -> dict[str, str]:
    """A browser's store with every question of the course answered, each with the option whose text and
    feedback's first sentence are longest (the longest print there can be)."""
    store = {}
    for lesson in LESSONS:
        for block, question in lesson.text.questions().items():
            option = max(question.options, key=lambda o: len(o.label) + len(o.feedback.split(". ")[0]))
            store[f"{dom.ANSWER_STORE_PREFIX}{lesson.name}:{block}"] = option.label
    return store


def test_my_answers_with_every_lesson_answered_prints_on_at_most_two_pages(page):
    goto(page, "/my-answers")
    page.evaluate("(kept) => { for (const [k, v] of Object.entries(kept)) localStorage.setItem(k, v); }",
                  _every_question_answered())  # fmt: skip
    page.reload(wait_until="domcontentloaded")
    wait_for_app(page)
    total = sum(len(lesson.text.questions()) for lesson in LESSONS)
    expect(page.get_by_text(W.text("summary", answered=total, total=total))).to_be_visible()
    chrome = [W.text("clear"), first_words(W.text("print_hint"), 4), W.text("lesson_link"), UI.label("present")]
    for paper in ("A4", "Letter"):
        data = page.pdf(format=paper)
        if keep := os.environ.get("MY_ANSWERS_PDF_DIR"):
            Path(keep).mkdir(parents=True, exist_ok=True)
            (Path(keep) / f"my-answers-{paper}.pdf").write_bytes(data)
        pages = [plain(p.extract_text()) for p in pypdf.PdfReader(io.BytesIO(data)).pages]
        assert 1 <= len(pages) <= MAX_PAGES, f"My answers on {paper}: {len(pages)} pages"
        assert all(BANNER_PHRASE in text for text in pages), f"{paper}: a page without the banner"
        everything = " ".join(pages)
        for lesson in LESSONS:
            assert plain(lesson.text.title) in everything
            for question in lesson.text.questions().values():
                assert first_words(fill(question.prompt, lesson.numbers()), 4) in everything
        assert W.text("unanswered").split("*")[1] not in everything
        printed = [w for w in chrome if plain(w) in everything]
        assert not printed, f"{paper}: the page's controls are printed: {printed}"


# --- the component's module on its own: each change once per tab, the clear once, the reply ------------------

# The module from the app's server, in a page of the same origin without a Streamlit app; window.__keep(data)
# calls it as Streamlit does and records what it sends back.
_MODULE_JS = """async (name) => {
  const module = await import(`/_stcore/bidi-components/${name}/index.js`);
  window.__sent = [];
  const parentElement = document.createElement('div');
  document.body.append(parentElement);
  window.__keep = (data) => module.default({
    name, key: 'k', data, parentElement, setStateValue: (k, v) => window.__sent.push([k, v]), setTriggerValue: () => {},
  });
}"""


def _write(ident: str, question: str, choice: str) -> dict:
    return {"id": ident, "question": question, "choice": choice}


def test_the_keeper_applies_each_change_once_per_tab_so_another_tabs_later_answer_stays(page):
    page.goto("/_stcore/health")
    page.evaluate(_MODULE_JS, component_name(answer_keeper.NAME))
    prefix = dom.ANSWER_STORE_PREFIX
    data = {"prefix": prefix, "writes": [_write("a1", "gaba:check:direction", "Up.")], "clear": "", "ask": False}
    page.evaluate("(d) => window.__keep(d)", data)
    assert _kept(page) == {f"{prefix}gaba:check:direction": "Up."}
    page.evaluate("(k) => localStorage.setItem(k, 'Down.')", f"{prefix}gaba:check:direction")  # another tab
    page.evaluate("(d) => window.__keep(d)", data)  # this tab's next run sends its change again
    assert _kept(page) == {f"{prefix}gaba:check:direction": "Down."}, "a change is applied once: the later one stays"
    assert page.evaluate("() => window.__sent") == [], "nothing sent back unless asked"

    page.evaluate("() => localStorage.setItem('not-ours', 'x')")
    cleared = {**data, "writes": [_write("a2", "gaba:predict:shunt", "Less.")], "clear": "c1", "ask": True}
    page.evaluate("(d) => window.__keep(d)", cleared)
    assert _kept(page) == {f"{prefix}gaba:predict:shunt": "Less."}, "clear first, then the changes after it"
    assert page.evaluate("() => localStorage.getItem('not-ours')") == "x", "only its own items are cleared"
    assert page.evaluate("() => window.__sent") == [["kept", {"gaba:predict:shunt": "Less."}]]
    page.evaluate("(k) => localStorage.setItem(k, 'Up.')", f"{prefix}gaba:check:direction")  # another tab
    page.evaluate("(d) => window.__keep(d)", cleared)
    assert len(_kept(page)) == 2, "a clear is applied once: what another tab kept since stays"
