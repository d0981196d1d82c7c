"""A student's answers kept in the browser, the Python side (AppTest): what the answer keeper sends back is applied
(a locked prediction with its experiment and verdict, a quick check with its verdict), what no longer fits the
lessons is ignored, each answer goes to the browser as one change, class mode keeps its votes to itself, and the
"My answers" page lists the answers with their verdicts and clears them after asking.

AppTest runs no JavaScript: a test plays the browser by putting the component's state where the browser's reply
goes (``at.session_state[ANSWER_KEEPER_KEY]``), and reads what the page sent it from the component's data.
"""

from __future__ import annotations

import json

from explainer.content.format import first_sentence
from explainer.content.parse import fill
from explainer.content.words import words
from explainer.lessons import LESSONS
from explainer.ui import answers, dom
from explainer.ui.components import answer_keeper
from explainer.ui.lesson_parts import run_key
from tests.app.conftest import assert_clean, experiment_charts, open_page, page_text, switch_to

W = words("my_answers")
UI = words("ui")
BY_NAME = {lesson.name: lesson for lesson in LESSONS}
GABA = BY_NAME["gaba"]
PREDICT, CHECK = "predict:shunt", "check:direction"
PREDICT_KEY, CHECK_KEY = "gaba_predict_shunt", "gaba_check_direction"
KEEPER = f"explainer.{answer_keeper.NAME}"


def _question(lesson_name: str, block: str):
    return BY_NAME[lesson_name].text.question(block)


def _wrong(lesson_name: str, block: str) -> str:
    return next(o.label for o in _question(lesson_name, block).options if not o.correct)


def _right(lesson_name: str, block: str) -> str:
    return _question(lesson_name, block).answer.label


def _shown(lesson_name: str, label: str) -> str:
    """An option's text as the page shows it (its numbers filled in)."""
    return fill(label, BY_NAME[lesson_name].numbers())


def browser_replies(at, kept: object) -> None:
    """Play the browser: the answer keeper sends back what it kept, and the page runs again."""
    at.session_state[dom.ANSWER_KEEPER_KEY] = {"kept": kept}
    at.run()
    assert_clean(at)


def sent(at) -> dict:
    """What this run told the answer keeper (AnswerKeeperData), or {} if it was not mounted."""
    found = [json.loads(el.proto.json) for el in at.get("bidi_component") if el.proto.component_name == KEEPER]
    assert len(found) <= 1
    return found[0] if found else {}


def stored(*data: dict) -> dict[str, str]:
    """What a browser's store holds after these runs' data (applied in order, as index.js applies it)."""
    store: dict[str, str] = {}
    for d in data:
        if d.get("clear"):
            store.clear()
        store.update({w["question"]: w["choice"] for w in d.get("writes", [])})
    return store


def container_keys(at) -> set[str]:
    """The keys of the keyed containers on the page."""
    keys, todo = set(), [at.main]
    while todo:
        node = todo.pop()
        proto_id = getattr(getattr(node, "proto", None), "id", "") or ""
        if "-" in proto_id:
            keys.add(proto_id.rsplit("-", 1)[-1])
        todo.extend(getattr(node, "children", {}).values())
    return keys


# --- a lesson page restores what the browser kept -----------------------------------------------------------


def test_before_the_browser_answers_the_questions_wait_hidden_and_the_page_asks():
    at = open_page(GABA.url)
    assert_clean(at)
    assert sent(at) == {"prefix": dom.ANSWER_STORE_PREFIX, "writes": [], "clear": "", "ask": True}
    assert dom.ANSWERS_WAITING_KEY in container_keys(at)
    browser_replies(at, {})
    assert sent(at)["ask"] is False, "once the browser has answered, the page stops asking (no more reruns)"
    keys = container_keys(at)
    assert dom.ANSWERS_ARRIVED_KEY in keys and dom.ANSWERS_WAITING_KEY not in keys, "the run drawing them anew"
    at.run()
    keys = container_keys(at)
    assert dom.ANSWERS_READY_KEY in keys and not {dom.ANSWERS_WAITING_KEY, dom.ANSWERS_ARRIVED_KEY} & keys
    assert at.radio(key=PREDICT_KEY).value is None and not at.radio(key=PREDICT_KEY).disabled


def test_a_kept_prediction_comes_back_locked_with_its_experiment_and_a_kept_check_with_its_verdict():
    at = open_page(GABA.url)
    assert at.radio(key=PREDICT_KEY).value is None
    browser_replies(at, {f"gaba:{PREDICT}": _wrong("gaba", PREDICT), f"gaba:{CHECK}": _right("gaba", CHECK)})
    radio = at.radio(key=PREDICT_KEY)
    assert radio.value == _shown("gaba", _wrong("gaba", PREDICT)) and radio.disabled, "locked, as it was"
    assert not any(b.key == run_key(PREDICT_KEY) for b in at.button), "a reload cannot run the prediction again"
    assert experiment_charts(at), "the experiment is revealed"
    assert UI.text("you_predicted", choice=radio.value) in page_text(at), "the verdict on the prediction"
    assert at.radio(key=CHECK_KEY).value == _shown("gaba", _right("gaba", CHECK))
    feedback = fill(_question("gaba", CHECK).answer.feedback, GABA.numbers())
    assert any(s.value == UI.text("check_right", feedback=feedback) for s in at.success), "the check's verdict"


def test_a_kept_answer_that_no_longer_fits_the_lesson_is_ignored_not_shown_wrong():
    at = open_page(GABA.url)
    browser_replies(
        at,
        {
            f"gaba:{PREDICT}": "An option the lesson's text no longer has.",
            f"gaba:{CHECK}": _shown("gaba", _right("gaba", CHECK)) + " (edited)",
            "gaba:check:gone": _right("gaba", CHECK),
            "no_such_lesson:predict:x": "Anything.",
            "gaba:check:immature": 3,
        },
    )
    radio = at.radio(key=PREDICT_KEY)
    assert radio.value is None and not radio.disabled, "the prediction is open, as if never made"
    assert any(b.key == run_key(PREDICT_KEY) for b in at.button)
    assert not experiment_charts(at) and not at.warning and not at.success
    assert answers.usable(["not", "a", "mapping"], [("gaba", GABA.text)]) == {}


def test_an_answer_given_before_the_browser_replied_is_newer_than_the_kept_one():
    at = open_page(GABA.url)
    at.radio(key=PREDICT_KEY).set_value(_shown("gaba", _right("gaba", PREDICT))).run()
    at.button(key=run_key(PREDICT_KEY)).click().run()
    browser_replies(at, {f"gaba:{PREDICT}": _wrong("gaba", PREDICT)})
    assert at.radio(key=PREDICT_KEY).value == _shown("gaba", _right("gaba", PREDICT))


# --- each answer goes to the browser, as the lesson file writes it ------------------------------------------


def test_a_locked_prediction_and_a_check_are_sent_to_the_browser_and_a_new_tab_gets_them_back():
    at = open_page(GABA.url)
    browser_replies(at, {})
    first = sent(at)
    at.radio(key=PREDICT_KEY).set_value(_shown("gaba", _wrong("gaba", PREDICT))).run()
    assert stored(first, sent(at)) == {}, "choosing alone keeps nothing: Run the experiment locks it"
    at.button(key=run_key(PREDICT_KEY)).click().run()
    at.radio(key=CHECK_KEY).set_value(_shown("gaba", _wrong("gaba", CHECK))).run()
    at.radio(key=CHECK_KEY).set_value(_shown("gaba", _right("gaba", CHECK))).run()
    data = sent(at)
    assert [w["question"] for w in data["writes"]] == [f"gaba:{PREDICT}", f"gaba:{CHECK}"], "one change per question"
    assert len({w["id"] for w in data["writes"]}) == 2
    kept = stored(first, data)
    assert kept == {f"gaba:{PREDICT}": _wrong("gaba", PREDICT), f"gaba:{CHECK}": _right("gaba", CHECK)}
    assert "{{" in _right("gaba", CHECK), "this check's answer quotes a number: the browser keeps the lesson's text"

    tab = open_page(GABA.url)  # a new tab, or the same one reloaded: a new session, the same browser
    browser_replies(tab, kept)
    assert tab.radio(key=PREDICT_KEY).disabled and tab.radio(key=PREDICT_KEY).value == at.radio(key=PREDICT_KEY).value
    assert tab.radio(key=CHECK_KEY).value == _shown("gaba", _right("gaba", CHECK))
    assert sent(tab)["writes"] == [], "what came from the browser is not written back"


def test_a_kept_answer_is_the_lesson_files_text_so_a_recomputed_number_keeps_it():
    label = next(o.label for q in GABA.text.questions().values() for o in q.options if "{{" in o.label)
    block = next(b for b, q in GABA.text.questions().items() if label in q.labels)
    assert answers.usable({f"gaba:{block}": label}, [("gaba", GABA.text)]) == {f"gaba:{block}": label}
    assert answers.usable({f"gaba:{block}": _shown("gaba", label)}, [("gaba", GABA.text)]) == {}


# --- class mode: the class's rules win ----------------------------------------------------------------------


def test_in_class_mode_a_kept_answer_is_not_restored_and_a_vote_is_not_kept_in_the_browser(class_store):
    code, _token = class_store.start_class()
    at = open_page(GABA.url, {"class": code})
    assert_clean(at)
    assert sent(at) == {}, "in class mode the lesson neither asks the browser nor writes to it"
    at.session_state[dom.ANSWER_KEEPER_KEY] = {"kept": {f"gaba:{PREDICT}": _wrong("gaba", PREDICT)}}
    at.run()
    assert at.radio(key=PREDICT_KEY).value is None, "the vote is the store's: nothing restored from the browser"
    radio = at.radio(key=PREDICT_KEY)
    radio.set_value(radio.options[0]).run()
    assert_clean(at)
    assert sent(at) == {}, "a vote is not written to the browser"
    own = at.session_state[answers.ANSWERS_KEY] if answers.ANSWERS_KEY in at.session_state else {}
    assert own == {}, "nor kept as the student's own answer"
    assert not experiment_charts(at), "the teacher has not revealed it: a vote reveals nothing"


# --- the My answers page --------------------------------------------------------------------------------------


def _my_answers(kept: dict[str, str]):
    at = open_page("my_answers.py")
    assert_clean(at)
    browser_replies(at, kept)
    return at


def _markdown(at) -> str:
    return "\n".join(str(m.value) for m in at.markdown)


def test_my_answers_lists_every_question_with_the_answer_and_its_verdict():
    kept = {
        f"gaba:{PREDICT}": _right("gaba", PREDICT),
        f"gaba:{CHECK}": _wrong("gaba", CHECK),
        "balance:check:off": _right("balance", "check:off"),
    }
    at = _my_answers(kept)
    text = _markdown(at)
    total = sum(len(lesson.text.questions()) for lesson in LESSONS)
    assert W.text("summary", answered=3, total=total) in text
    assert [h.value for h in at.header] == [
        W.text("lesson_heading", number=i, title=lesson.text.title) for i, lesson in enumerate(LESSONS, start=1)
    ]
    for qid, label in kept.items():
        lesson_name, block = qid.split(":", 1)
        option = _question(lesson_name, block).option(label)
        nums = BY_NAME[lesson_name].numbers()
        verdict = W.text(
            "right" if option.correct else "not_quite", feedback=first_sentence(fill(option.feedback, nums))
        )
        assert verdict in text, f"{qid}: {verdict!r}"
        right = W.text("the_answer", answer=fill(_question(lesson_name, block).answer.label, nums))
        assert (right in text) == (not option.correct), f"{qid}: the right answer, after a wrong one only"
        kind = "your_prediction" if block.startswith("predict:") else "your_answer"
        assert W.text(kind, choice=fill(label, nums)) in text
    for lesson in LESSONS:
        for question in lesson.text.questions().values():
            assert fill(question.prompt, lesson.numbers()) in text
    unanswered = total - len(kept)
    assert text.count(W.text("unanswered")) == unanswered, "every question without an answer says so"


def test_a_lesson_page_and_my_answers_share_the_sessions_answers():
    at = open_page(GABA.url)
    browser_replies(at, {})
    at.radio(key=PREDICT_KEY).set_value(_shown("gaba", _wrong("gaba", PREDICT))).run()
    at.button(key=run_key(PREDICT_KEY)).click().run()
    switch_to(at, "my_answers.py").run()
    assert_clean(at)
    assert W.text("your_prediction", choice=_shown("gaba", _wrong("gaba", PREDICT))) in _markdown(at)


def test_clear_my_answers_asks_first_then_empties_the_session_and_the_browser():
    at = _my_answers({f"gaba:{PREDICT}": _right("gaba", PREDICT), f"gaba:{CHECK}": _right("gaba", CHECK)})
    at.button(key="ma_clear").click().run()
    assert any(w.value == W.text("clear_confirm", answered=2) for w in at.warning), "it asks first"
    at.button(key="ma_clear_no").click().run()
    assert W.text("your_answer", choice=_shown("gaba", _right("gaba", CHECK))) in _markdown(at), "cancel keeps them"
    assert sent(at)["clear"] == ""

    at.button(key="ma_clear").click().run()
    at.button(key="ma_clear_yes").click().run()
    assert_clean(at)
    data = sent(at)
    assert data["clear"] and data["writes"] == [], "the browser clears its store"
    assert any(s.value == W.text("cleared") for s in at.success)
    total = sum(len(lesson.text.questions()) for lesson in LESSONS)
    assert _markdown(at).count(W.text("unanswered")) == total
    assert at.button(key="ma_clear").disabled, "nothing left to clear"

    switch_to(at, GABA.url).run()
    assert at.radio(key=PREDICT_KEY).value is None and not at.radio(key=PREDICT_KEY).disabled, "open again"


def test_my_answers_waits_for_the_browser_like_a_lesson():
    at = open_page("my_answers.py")
    assert sent(at)["ask"] is True and dom.ANSWERS_WAITING_KEY in container_keys(at)


def test_the_print_style_sheet_keeps_questions_whole_and_reads_only_declared_properties():
    import re

    from explainer.pages import my_answers
    from explainer.ui import styles

    css = styles.stylesheet("my_answers.css").read_text()
    assert "@media print" in css and "@page" in css and "break-inside: avoid" in css
    used = set(re.findall(r"var\(--ei-([a-z0-9-]+)\)", css))
    assert used == {*my_answers.PRINT_COLORS, "ma-banner"}


# --- an answer kept in one language shows in another ---------------------------------------------------------


def test_an_answer_given_in_spanish_is_kept_in_english_and_comes_back_in_german():
    from explainer.content import i18n

    with i18n.using("es"):
        spanish = {b: (_shown("gaba", _wrong("gaba", b)), _shown("gaba", _right("gaba", b))) for b in (PREDICT, CHECK)}
        at = open_page(GABA.url, {"lang": "es"})
        browser_replies(at, {})
        first = sent(at)
        at.radio(key=PREDICT_KEY).set_value(spanish[PREDICT][0]).run()
        at.button(key=run_key(PREDICT_KEY)).click().run()
        at.radio(key=CHECK_KEY).set_value(spanish[CHECK][1]).run()
    kept = stored(first, sent(at))
    assert kept == {f"gaba:{PREDICT}": _wrong("gaba", PREDICT), f"gaba:{CHECK}": _right("gaba", CHECK)}, (
        "the browser keeps the English lesson file's option texts, whatever the page's language"
    )
    with i18n.using("de"):
        tab = open_page(GABA.url, {"lang": "de"})
        browser_replies(tab, kept)
        german_wrong = _shown("gaba", _wrong("gaba", PREDICT))
        german_right = _shown("gaba", _right("gaba", CHECK))
        assert german_wrong != spanish[PREDICT][0], "the test needs texts that differ between languages"
        assert tab.radio(key=PREDICT_KEY).disabled and tab.radio(key=PREDICT_KEY).value == german_wrong
        assert tab.radio(key=CHECK_KEY).value == german_right
