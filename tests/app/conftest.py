"""AppTest helpers: run the real app.py and open a page by its file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from streamlit.util import calc_hash

from explainer.figures.view_codec import Unpacked, unpack
from explainer.pages import DEFAULT_URL, site
from explainer.ui.components.animated_view import COMPONENT_NAME
from explainer.ui.links import PAGES_DIR
from explainer.ui.shell import MenuEntry, menu

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")
DEFAULT_PAGE_FILE = next(p.file for p in site().page_files if p.url == DEFAULT_URL)
BANNER_PHRASE = "Educational model, not pharmacological or medical advice"
MENU = menu(site())  # every page of the app, in menu order


def page_id(entry: MenuEntry) -> str:
    """How :func:`open_page` names a page: its module file, or a lesson's URL path."""
    return entry.target if isinstance(entry.target, str) else entry.url


PAGE_IDS = [page_id(e) for e in MENU]


def switch_to(at: AppTest, page: str) -> AppTest:
    """Switch to a page by its module file (``"playground.py"``) or, for a lesson, by its URL path
    (``"glutamate"``; a lesson has no file: its page is a function).  Call ``run()`` after.

    AppTest's own ``switch_page`` finds pages by a file relative to the main script only; a page's identity is
    the hash of its URL path, which the first run has registered with the page's file (if it has one) and URL.
    """
    path = str(PAGES_DIR / page) if page.endswith(".py") else None
    pages = at._registered_pages.items()
    hashes = [h for h, i in pages if (path and str(i.get("script_path")) == path) or i.get("url_pathname") == page]
    assert hashes, f"no page {page}; registered: {[i.get('url_pathname') for _, i in pages]}"
    at._page_hash = hashes[0]
    return at


def open_page(page: str | None = None, query: dict[str, str] | None = None, timeout: float = 60) -> AppTest:
    """Open the app as a browser opens a link to a page (its module file or, for a lesson, its URL path; None:
    the default page): a single run, on that page, exactly like a fresh visit to a shared link.

    The first run asks for the page by its identity, the hash of its URL path (what ``st.Page`` registers and
    the browser's address names), so the link's notes show on the page the link names.
    """
    at = AppTest.from_file(APP, default_timeout=timeout)
    if query:
        for key, value in query.items():
            at.query_params[key] = value
    if page is not None and page != DEFAULT_PAGE_FILE:
        (url,) = [e.url for e in MENU if page_id(e) == page]
        at._page_hash = calc_hash(url)
    at.run()
    return at


def chart_specs(at: AppTest) -> list[dict]:
    """The Plotly figure JSON of every chart on the page (AppTest has no Plotly accessor)."""
    return [json.loads(el.proto.spec) for el in at.get("plotly_chart")]


def views(at: AppTest) -> dict[str, Unpacked]:
    """The animated views on the page by their widget key: each one's decoded payload (header and arrays)."""
    out = {}
    for el in at.get("bidi_component"):
        if el.proto.component_name == COMPONENT_NAME:
            out[el.proto.id.rsplit("-", 1)[-1]] = unpack(el.proto.bytes)
    return out


def page_text(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [e.value for e in at.info] + [e.value for e in at.warning]
    parts += [t.value for t in at.title] + [c.value for c in at.caption]
    return "\n".join(str(p) for p in parts)


def assert_clean(at: AppTest) -> None:
    assert not at.exception, f"the page raised: {[e.value for e in at.exception]}"
    lang = at.session_state["ei_lang"] if "ei_lang" in at.session_state else "en"
    assert banner_phrase(lang) in page_text(at), f"every page must show the educational-model banner ({lang})"


def banner_phrase(lang: str) -> str:
    """The banner's opening words (its bold part) in ``lang``."""
    from explainer.content import i18n
    from explainer.content.words import words

    with i18n.using(lang):
        return words("ui").text("banner").split("**")[1].rstrip(".:")


@pytest.fixture
def playground() -> AppTest:
    at = open_page("playground.py")
    assert_clean(at)
    return at


def open_circuits_predicted(query: dict[str, str] | None = None, timeout: float = 180) -> AppTest:
    """Open circuits (with this link) as a student whose browser kept their run prediction: the presets and
    sliders are open at once, on the link's setting (a first visit shows them only after the prediction)."""
    from explainer.pages import circuits
    from explainer.ui import dom

    at = open_page("circuits.py", query, timeout=timeout)
    question = circuits.CIRCUITS.text.question(circuits.PREDICT)
    qid = f"{circuits.CIRCUITS.name}:{circuits.PREDICT}"
    at.session_state[dom.ANSWER_KEEPER_KEY] = {"kept": {qid: question.answer.label}}
    at.run()
    assert_clean(at)
    return at


def experiment_charts(at: AppTest) -> list:
    """The page's charts, without the empty one that loads Plotly's code while a class waits for a reveal
    (``ui/charts.preload_plotly``)."""
    from explainer.ui import dom

    return [el for el in at.get("plotly_chart") if dom.PLOTLY_PRELOAD_KEY not in str(el.proto.id)]


@pytest.fixture
def class_store(tmp_path, monkeypatch):
    """A class store of the test's own (a SQLite file in its temporary folder), the one the app's pages open."""
    from explainer.classroom import database
    from explainer.classroom.store import ClassStore
    from explainer.lessons import LESSONS
    from explainer.ui.classroom import session

    path = tmp_path / "classes.sqlite3"
    monkeypatch.setenv(database.ENV_SQLITE_PATH, str(path))
    monkeypatch.delenv(database.ENV_DATABASE_URL, raising=False)
    store = ClassStore(f"sqlite:///{path.resolve()}", session.questions_of(LESSONS).options)
    yield store
    store.engine.dispose()
