"""AppTest helpers: run the real app.py and open a page by its file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from explainer.figures.view_codec import Unpacked, unpack
from explainer.ui.components.animated_view import COMPONENT_NAME
from explainer.ui.shell import DEFAULT_PAGE, PAGE_TABLE

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")
DEFAULT_PAGE_FILE = next(f for f, _, _, url in PAGE_TABLE if url == DEFAULT_PAGE)
BANNER_PHRASE = "Educational model, not pharmacological or medical advice"


def open_page(page_file: str | None = None, query: dict[str, str] | None = None, timeout: float = 60) -> AppTest:
    """Open the app as a browser would at ``explainer/pages/<page_file>`` (None: the default page).

    AppTest can only switch pages after a first run, so other pages take two runs; the default page
    is a single run, exactly like a fresh visit to a shared link.
    """
    at = AppTest.from_file(APP, default_timeout=timeout)
    if query:
        for key, value in query.items():
            at.query_params[key] = value
    at.run()
    if page_file is not None and page_file != DEFAULT_PAGE_FILE:
        at.switch_page(f"explainer/pages/{page_file}")
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
    assert BANNER_PHRASE in page_text(at), "every page must show the educational-model banner"


@pytest.fixture
def playground() -> AppTest:
    at = open_page("playground.py")
    assert_clean(at)
    return at
