"""The app shell: page config, navigation and the banner every page shows.

The site (which pages, in which order, and the course of lessons) comes from ``explainer/pages/__init__.py``
through ``app.py``: ui never imports pages or lessons.  A lesson has no page file: its page is the one lesson
page (:mod:`explainer.ui.lesson_page`) rendering it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from explainer.content.words import words
from explainer.ui import course, lesson_page, presenter
from explainer.ui.banner import show_banner
from explainer.ui.classroom import session as class_session
from explainer.ui.components import viewport
from explainer.ui.components.page_keys import page_keys
from explainer.ui.connection import connection_watch
from explainer.ui.course import Lesson, places
from explainer.ui.links import PAGES_DIR
from explainer.ui.motion import reduce_motion_toggle
from explainer.ui.warmup import start as start_warm_up

W = words("ui")  # the words: content/words/ui.toml
APP_TITLE = W.text("app_title")

# A local file: a Material icon as page_icon would be fetched from a third-party font server.
ASSETS = Path(__file__).resolve().parent.parent.parent / "assets"
FAVICON = ASSETS / "favicon.png"
STYLESHEET = ASSETS / "app.css"


@dataclass(frozen=True)
class PageFile:
    """A page with a module of its own in ``explainer/pages``: its file, its menu title (a key of
    ``content/words/ui.toml``), its icon and its path in the address bar."""

    file: str
    title_key: str
    icon: str
    url: str


@dataclass(frozen=True)
class Site:
    """Every page in menu order: the pages before the lessons, the course of lessons, the pages after it."""

    before: tuple[PageFile, ...]
    course: tuple[Lesson, ...]
    after: tuple[PageFile, ...]
    default_url: str  # the page a bare address opens


@dataclass(frozen=True)
class MenuEntry:
    """One page as the menu lists it: what runs it (a page module's file, or a lesson), its title, icon, URL."""

    target: str | Lesson
    title: str
    icon: str
    url: str


def menu(site: Site) -> list[MenuEntry]:
    """Every page in menu order, as data (the pages of :func:`pages`)."""
    where = places(site.course)
    lessons = [MenuEntry(x, lesson_page.title(x, where[x.name]), x.icon, x.url) for x in site.course]
    return (
        [MenuEntry(p.file, W.text(p.title_key), p.icon, p.url) for p in site.before]
        + lessons
        + [MenuEntry(p.file, W.text(p.title_key), p.icon, p.url) for p in site.after]
    )


def pages(site: Site) -> list:
    """All pages for ``st.navigation``, in menu order.  ``url_path`` is what the address bar shows."""
    where = places(site.course)
    return [
        lesson_page.page(e.target, where[e.target.name], default=e.url == site.default_url)
        if isinstance(e.target, Lesson)
        else st.Page(
            PAGES_DIR / e.target, title=e.title, icon=e.icon, url_path=e.url, default=e.url == site.default_url
        )
        for e in menu(site)
    ]


def run_app(site: Site) -> None:
    course.use(site.course)
    presenting_link = presenter.link_requests_presenting()
    st.set_page_config(
        page_title=APP_TITLE,
        page_icon=str(FAVICON),
        layout="wide",
        initial_sidebar_state="collapsed" if presenting_link or presenter.is_presenting() else "auto",
    )
    all_pages = pages(site)
    nav = st.navigation(all_pages)
    st.html(STYLESHEET)
    start_warm_up()  # once per server process: the slow network runs, in the background
    viewport.measure()  # how wide the page is: the charts stack on a narrow screen
    connection_watch()  # before the page: a page that raises still reconnects and shows the notice
    presenter.presenter_toggle()
    tab = class_session.restore()  # the class this tab is in: its session, its link or what the tab kept
    page_keys(presenter.is_presenting(), class_teacher=tab is not None and tab.is_teacher)
    reduce_motion_toggle()
    presenter.apply_presenter_css()
    show_banner()
    class_session.sidebar_reminder(tab)
    class_session.show_note()
    nav.run()
    st.divider()
    urls = [p.url_path for p in all_pages]
    presenter.step_buttons(urls, dict(zip(urls, all_pages, strict=True)), nav.url_path)
