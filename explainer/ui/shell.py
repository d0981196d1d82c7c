"""The app shell: page config, navigation and the banner every page shows."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from explainer.content.words import words
from explainer.ui import presenter
from explainer.ui.banner import show_banner
from explainer.ui.classroom import panels as class_panels
from explainer.ui.classroom import session as class_session
from explainer.ui.components.page_keys import page_keys
from explainer.ui.connection import connection_watch
from explainer.ui.motion import reduce_motion_toggle
from explainer.ui.warmup import start as start_warm_up

W = words("ui")  # the words: content/words/ui.toml
APP_TITLE = W.text("app_title")


PAGES_DIR = Path(__file__).resolve().parent.parent / "pages"
# A local file: a Material icon as page_icon would be fetched from a third-party font server.
ASSETS = Path(__file__).resolve().parent.parent.parent / "assets"
FAVICON = ASSETS / "favicon.png"
STYLESHEET = ASSETS / "app.css"

# (module file, title, icon, url path); teaching order.  Each page module is importable (its render()
# function) and also runnable as a page script, which is how st.navigation and AppTest run it.
PAGE_TABLE = (
    ("home.py", W.text("nav_home"), ":material/home:", "home"),
    ("classroom.py", W.text("nav_classroom"), ":material/groups:", "class"),
    ("lesson_1_neuron.py", W.text("nav_lesson_1_neuron"), ":material/bolt:", "meet-the-neuron"),
    ("lesson_2_glutamate.py", W.text("nav_lesson_2_glutamate"), ":material/key:", "glutamate"),
    ("lesson_3_gaba.py", W.text("nav_lesson_3_gaba"), ":material/do_not_disturb_on:", "gaba"),
    ("lesson_4_balance.py", W.text("nav_lesson_4_balance"), ":material/balance:", "balance"),
    ("playground.py", W.text("nav_playground"), ":material/sports_kabaddi:", "tug-of-war"),
    ("circuits.py", W.text("nav_circuits"), ":material/hub:", "circuits"),
    ("blocked_gate.py", W.text("nav_blocked_gate"), ":material/block:", "blocked-gate"),
    ("leaves_out.py", W.text("nav_leaves_out"), ":material/info:", "model-notes"),
    ("glossary.py", W.text("nav_glossary"), ":material/menu_book:", "glossary"),
    ("references.py", W.text("nav_references"), ":material/library_books:", "references"),
    ("educator.py", W.text("nav_educator"), ":material/school:", "educator-guide"),
    ("worksheet.py", W.text("nav_worksheet"), ":material/print:", "worksheet"),
)
DEFAULT_PAGE = "tug-of-war"  # the app opens on the playground, animation playing


def pages() -> list:
    """All pages, in teaching order.  ``url_path`` is what the address bar shows."""
    return [
        st.Page(PAGES_DIR / file, title=title, icon=icon, url_path=url, default=(url == DEFAULT_PAGE))
        for file, title, icon, url in PAGE_TABLE
    ]


def run_app() -> None:
    presenting_link = presenter.link_requests_presenting()
    st.set_page_config(
        page_title=APP_TITLE,
        page_icon=str(FAVICON),
        layout="wide",
        initial_sidebar_state="collapsed" if presenting_link or presenter.is_presenting() else "auto",
    )
    all_pages = pages()
    nav = st.navigation(all_pages)
    st.html(STYLESHEET)
    start_warm_up()  # once per server process: the slow network runs, in the background
    connection_watch()  # before the page: a page that raises still reconnects and shows the notice
    presenter.presenter_toggle()
    tab = class_session.restore()  # the class this tab is in: its session, its link or what the tab kept
    page_keys(presenter.is_presenting(), class_teacher=tab is not None and tab.is_teacher)
    reduce_motion_toggle()
    presenter.apply_presenter_css()
    show_banner()
    class_panels.sidebar_reminder(tab)
    class_session.show_note()
    nav.run()
    st.divider()
    urls = [p.url_path for p in all_pages]
    presenter.step_buttons(urls, dict(zip(urls, all_pages, strict=True)), nav.url_path)
