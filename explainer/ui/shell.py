"""The app shell: page config, navigation and the banner every page shows."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from explainer.ui import presenter
from explainer.ui.animated_view import reduce_motion_toggle
from explainer.ui.banner import show_banner
from explainer.ui.connection import connection_watch
from explainer.ui.keyboard import page_keys
from explainer.ui.warmup import start as start_warm_up

APP_TITLE = "Excitation & inhibition: GABA vs glutamate"


PAGES_DIR = Path(__file__).resolve().parent.parent / "pages"
# A local file: a Material icon as page_icon would be fetched from a third-party font server.
ASSETS = Path(__file__).resolve().parent.parent.parent / "assets"
FAVICON = ASSETS / "favicon.png"
STYLESHEET = ASSETS / "app.css"

# (module file, title, icon, url path); teaching order.  Each page module is importable (its render()
# function) and also runnable as a page script, which is how st.navigation and AppTest run it.
PAGE_TABLE = (
    ("home.py", "Start here", ":material/home:", "home"),
    ("lesson_1_neuron.py", "1 · Meet the neuron", ":material/bolt:", "meet-the-neuron"),
    ("lesson_2_glutamate.py", "2 · Glutamate: key and gate", ":material/key:", "glutamate"),
    ("lesson_3_gaba.py", "3 · GABA: the brake", ":material/do_not_disturb_on:", "gaba"),
    ("lesson_4_balance.py", "4 · Tug of war: balance", ":material/balance:", "balance"),
    ("playground.py", "Tug of war", ":material/sports_kabaddi:", "tug-of-war"),
    ("circuits.py", "Circuits", ":material/hub:", "circuits"),
    ("blocked_gate.py", "The blocked gate", ":material/block:", "blocked-gate"),
    ("leaves_out.py", "What this model leaves out", ":material/info:", "model-notes"),
    ("glossary.py", "Glossary", ":material/menu_book:", "glossary"),
    ("references.py", "References", ":material/library_books:", "references"),
    ("educator.py", "Educator guide", ":material/school:", "educator-guide"),
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
    page_keys(presenter.is_presenting())
    reduce_motion_toggle()
    presenter.apply_presenter_css()
    show_banner()
    nav.run()
    st.divider()
    urls = [p.url_path for p in all_pages]
    presenter.step_buttons(urls, dict(zip(urls, all_pages, strict=True)), nav.url_path)
