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
from explainer.ui import course, dom, language, lesson_page, presenter
from explainer.ui.banner import show_banner
from explainer.ui.classroom import follow, own
from explainer.ui.classroom import session as class_session
from explainer.ui.components import viewport
from explainer.ui.components.anchor_keeper import keep_anchor_in_view
from explainer.ui.components.page_keys import page_keys
from explainer.ui.connection import connection_watch
from explainer.ui.course import Lesson, places
from explainer.ui.links import PAGES_DIR
from explainer.ui.motion import reduce_motion_toggle
from explainer.ui.warmup import start as start_warm_up

W = words("ui")  # the words: content/words/ui.toml

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
class Section:
    """One heading of the menu and its pages, in menu order: the course's lessons first if ``with_course``
    (the Lessons section), then ``pages``.  ``title_key`` is the heading's key in ``content/words/ui.toml``;
    an empty key makes the pages at the top of the menu, under no heading.  The class does not follow a teacher
    to the pages of a section that is not ``followed`` (the teachers' own)."""

    title_key: str
    pages: tuple[PageFile, ...] = ()
    with_course: bool = False
    followed: bool = True  # in class mode, a teacher opening one of these pages takes the class along


@dataclass(frozen=True)
class Site:
    """Every page in menu order: the menu's sections, the course of lessons that one of them opens with, and
    the page a bare address opens."""

    sections: tuple[Section, ...]
    course: tuple[Lesson, ...]
    default_url: str

    def __post_init__(self) -> None:
        if sum(s.with_course for s in self.sections) != 1:
            raise ValueError("exactly one section holds the course's lessons")

    @property
    def page_files(self) -> tuple[PageFile, ...]:
        """The pages with a module of their own, in menu order."""
        return tuple(p for s in self.sections for p in s.pages)


@dataclass(frozen=True)
class MenuEntry:
    """One page as the menu lists it: what runs it (a page module's file, or a lesson), its title, icon, URL
    and the heading of its section (empty at the top of the menu)."""

    target: str | Lesson
    title: str
    icon: str
    url: str
    section: str = ""


def menu(site: Site) -> list[MenuEntry]:
    """Every page in menu order, as data (the pages of :func:`pages`): what the sidebar lists, and what the
    next/previous buttons and PageDown step through."""
    where = places(site.course)
    entries: list[MenuEntry] = []
    for section in site.sections:
        heading = W.text(section.title_key) if section.title_key else ""
        if section.with_course:
            entries += [MenuEntry(x, lesson_page.title(x, where[x.name]), x.icon, x.url, heading) for x in site.course]
        entries += [MenuEntry(p.file, W.text(p.title_key), p.icon, p.url, heading) for p in section.pages]
    return entries


def pages(site: Site, entries: list[MenuEntry]) -> dict[str, list]:
    """All pages for ``st.navigation``, by section heading, in menu order (``entries``: the site's :func:`menu`).
    ``url_path`` is what the address bar shows (the default page's is empty: it is served at the app's root)."""
    where = places(site.course)
    sections: dict[str, list] = {}
    for e in entries:
        default = e.url == site.default_url
        sections.setdefault(e.section, []).append(
            lesson_page.page(e.target, where[e.target.name], default=default)
            if isinstance(e.target, Lesson)
            else st.Page(PAGES_DIR / e.target, title=e.title, icon=e.icon, url_path=e.url, default=default)
        )
    return sections


def run_app(site: Site) -> None:
    language.choose()  # first: every word below is in the page's language
    course.use(site.course)
    st.set_page_config(
        page_title=W.text("app_title"),
        page_icon=str(FAVICON),
        layout="wide",
        initial_sidebar_state="collapsed" if presenter.folds_sidebar() else "auto",
    )
    entries = menu(site)  # once per run: the navigation, class mode and the page's step buttons read it
    sections = pages(site, entries)
    # expanded=True: every page stays listed; Streamlit's default folds a menu of more than twelve pages
    # behind "View N more", where the glossary and the teachers' pages would hide.
    nav = st.navigation(sections, expanded=True)
    st.html(STYLESHEET)
    start_warm_up()  # once per server process: the slow network runs, in the background
    viewport.measure()  # how wide the page is: the charts stack on a narrow screen
    keep_anchor_in_view()  # a link to a #heading keeps it in view while the page settles
    connection_watch()  # before the page: a page that raises still reconnects and shows the notice
    presenter.presenter_toggle()
    tab = class_session.restore()  # the class this tab is in: its session, its link or what the tab kept
    page_url = nav.url_path or site.default_url
    followed = followed_urls(site, entries) if tab is not None else frozenset()
    follow.set_page(page_url)
    page_keys(presenter.is_presenting())
    reduce_motion_toggle()
    language.language_picker()
    language.tell_browser()  # <html lang>, and ?lang= in the address bar
    presenter.apply_presenter_css()
    show_banner()
    class_session.sidebar_reminder(tab)
    class_session.show_note()
    _follow_or_lead(tab, site.default_url, page_url in followed, page_url)
    nav.run()
    _teacher_tools(tab, site, page_url in followed, page_url)
    if tab is not None and not tab.is_teacher:  # the page's one poll, unless its asked question has it
        follow.follow(tab, page_url, {e.url: e.title for e in entries})
        follow.end_of_run()
    st.divider()
    all_pages = [p for section in sections.values() for p in section]
    urls = [p.url_path for p in all_pages]
    presenter.step_buttons(urls, dict(zip(urls, all_pages, strict=True)), nav.url_path)


def followed_urls(site: Site, entries: list[MenuEntry]) -> frozenset[str]:
    """The pages a class follows its teacher to (in class mode), of the site's menu ``entries``."""
    unfollowed = {p.url for s in site.sections if not s.followed for p in s.pages}
    return frozenset(e.url for e in entries if e.url not in unfollowed)


def _follow_or_lead(tab, home_url: str, followed: bool, page_url: str) -> None:
    """Class mode: the teacher's page takes the class along; a student's page follows the teacher's moves.
    ``followed``: the class follows its teacher to this page."""
    if tab is None:
        return
    if tab.is_teacher:
        follow.lead(tab, page_url, followed)
    else:
        follow.prepare(tab, home_url)
    if followed:
        own.page_questions(tab, page_url)


def _teacher_tools(tab, site: Site, followed: bool, page_url: str) -> None:
    """Below the page, for a class's teacher (on the projected page too: the sidebar is folded away there): send
    this view to the class, and ask a question of one's own (on a page the class follows)."""
    if tab is None or not tab.is_teacher or not followed:
        return
    lesson = next((x for x in site.course if x.url == page_url), None)
    with st.container(key=dom.TEACHER_TOOLS_KEY):
        follow.send_view_button(tab, page_url)
        own.teacher_form(tab, page_url, course.exit_ticket(lesson) if lesson else None)
