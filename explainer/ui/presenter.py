"""Presenter mode: for a projector at the back of a room.

On (the sidebar toggle, or ``?present=true`` in a link; ``?present=1`` works too): larger type in the
page and in every figure, the sidebar folded away, the menu bar hidden, explanatory text folded behind
one click, and a presentation clicker runs the page: PageDown / PageUp step through its questions and
experiments, then to the next / previous page; "." or "b" runs the question at the top of the screen
(``ui/components/page_keys``).  The menu bar being hidden, the banner's line carries the way out.
"""

from __future__ import annotations

import streamlit as st

from explainer.content.words import words
from explainer.figures.style import PROJECTOR_PALETTE, FigureStyle, css_colors
from explainer.ui import dom, styles
from explainer.ui.components import viewport
from explainer.ui.components.link_writer import write_link_param

W = words("ui")  # the words: content/words/ui.toml

PRESENT_KEY = "present"
PRESENTER_FIGURE_SCALE = 1.45
PRESENTER_TEXT_SCALE = 1.4
# Titles keep their laptop size (already 44 px; 1.4x would push the figure off a 1280 x 720 screen).
PRESENTER_H1_PX = 44

# The page's colours in presenter mode (presenter.css reads them as --ei-<property>), from the colour table.
PAGE_COLORS = {"present-text": "text", "present-border": "membrane", "present-focus": "focus"}
# The keyboard focus ring on every control in presenter mode: thick enough to see on a projector from the back
# (WCAG 2.2 focus appearance: at least 2 px, 3:1 against the page; the focus colour's contrast is tested).
PRESENTER_FOCUS_RING_PX = 3

TRUE_WORDS = ("1", "true", "yes", "on")
FALSE_WORDS = ("0", "false", "no", "off")


def link_requests_presenting() -> bool:
    """True if the link asks for presenter mode (read before any widget exists, for the page config)."""
    return str(st.query_params.get(PRESENT_KEY, "")).lower() in TRUE_WORDS


def folds_sidebar() -> bool:
    """Whether this run's page config folds the sidebar away (read before any widget exists): presenter mode as the
    toggle holds it once it has a state (so "Leave presenter mode" unfolds it at once, while the address bar still
    says ``present=true`` until the toggle is drawn), else as the link asks."""
    if PRESENT_KEY in st.session_state:
        return is_presenting()
    return link_requests_presenting()


def presenter_toggle() -> bool:
    """The toggle (in the sidebar), bound to the URL; ``?present=1`` works as well as ``?present=true``."""
    raw = st.query_params.get(PRESENT_KEY)
    if raw is not None and PRESENT_KEY not in st.session_state:
        value = str(raw).lower()
        if value in TRUE_WORDS or value in FALSE_WORDS:
            st.session_state[PRESENT_KEY] = value in TRUE_WORDS
            if value not in ("true", "false"):
                # Streamlit's binding only understands true/false and would drop "1" from the address bar,
                # so a reload would lose presenter mode: rewrite the link in place (no URL text reaches it).
                write_link_param(PRESENT_KEY, "true" if value in TRUE_WORDS else "false")
        else:
            from explainer.ui.widgets import quote_url_value

            st.warning(W.text("presenter_link_unusable", value=quote_url_value(raw)), icon=":material/link_off:")
    with st.sidebar:
        return bool(
            st.toggle(W.label(PRESENT_KEY), False, key=PRESENT_KEY, bind="query-params", help=W.help(PRESENT_KEY))
        )


def _leave() -> None:
    """``on_click`` of **Leave presenter mode**: the toggle goes off (before it is drawn again), and with it,
    through its binding, ``present`` leaves the address bar."""
    st.session_state[PRESENT_KEY] = False


def leave_button() -> None:
    """Presenter mode's way out for the mouse and the keyboard: the menu bar, with the sidebar's toggle, is
    hidden there."""
    st.button(
        W.text("leave_presenter"),
        key=dom.LEAVE_PRESENTER_KEY,
        icon=":material/close_fullscreen:",
        help=W.text("leave_presenter_help"),
        on_click=_leave,
        width="content",
    )


def is_presenting() -> bool:
    return bool(st.session_state.get(PRESENT_KEY, False))


def figure_style() -> FigureStyle:
    """The figure style for the current mode and the width the page has (figures are cached per style)."""
    presenting = is_presenting()
    return FigureStyle(
        scale=PRESENTER_FIGURE_SCALE if presenting else 1.0, high_contrast=presenting, narrow=viewport.is_narrow()
    )


def view_style() -> FigureStyle:
    """The style of the animated views: they lay themselves out for the screen's width in the browser,
    so only presenter mode (type size and contrast) matters, not the device."""
    presenting = is_presenting()
    return FigureStyle(scale=PRESENTER_FIGURE_SCALE if presenting else 1.0, high_contrast=presenting)


def page_css_variables() -> dict[str, str]:
    """The ``--ei-*`` properties presenter.css reads: sizes from the constants here, colours from the colour table."""
    return {
        "present-root-font": f"{16 * PRESENTER_TEXT_SCALE:.1f}px",
        "present-h1": f"{PRESENTER_H1_PX}px",
        "present-focus-width": f"{PRESENTER_FOCUS_RING_PX}px",
        **css_colors(PROJECTOR_PALETTE, PAGE_COLORS),
    }


def apply_presenter_css() -> None:
    if is_presenting():
        st.html(styles.css_variables(page_css_variables()))
        st.html(styles.stylesheet("presenter.css"))


def explain(markdown_text: str, label: str | None = None) -> None:
    """Explanatory text: shown in full normally, folded behind one click (``label``) when presenting."""
    if is_presenting():
        with st.expander(W.text("explanation_label") if label is None else label, expanded=False):
            st.markdown(markdown_text)
    else:
        st.markdown(markdown_text)


def tuck(label: str):
    """A container that folds behind one click when presenting (keeps the figure on the projected screen)."""
    return st.expander(label, expanded=False) if is_presenting() else st.container()


def _go(page) -> None:
    """Switch page.  ``query_params={}``: the default (None) clears the URL with a check that fails while
    widgets are bound to it (presenter mode, reduce motion); the bound widgets keep their values and write
    them back to the new page's URL."""
    st.switch_page(page, query_params={})


def step_buttons(page_urls: list[str], pages_by_url: dict, current_url: str) -> None:
    """Previous / next page buttons with the clicker keys (PageUp / PageDown)."""
    if current_url not in page_urls:
        return
    i = page_urls.index(current_url)
    prev_col, next_col = st.columns(2)
    with prev_col:
        if i > 0 and st.button(
            W.text("step_previous", title=pages_by_url[page_urls[i - 1]].title),
            key=dom.STEP_PREV_KEY,
            help=W.text("step_previous_help"),
            width="stretch",
        ):
            _go(pages_by_url[page_urls[i - 1]])
    with next_col:
        if i + 1 < len(page_urls) and st.button(
            W.text("step_next", title=pages_by_url[page_urls[i + 1]].title),
            key=dom.STEP_NEXT_KEY,
            help=W.text("step_next_help"),
            width="stretch",
        ):
            _go(pages_by_url[page_urls[i + 1]])
