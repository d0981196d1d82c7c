"""The names Python and the browser share: widget keys that scripts and style sheets look for, the notice's id,
the link parameters a script reads.

Streamlit gives the element of a widget or container with ``key=k`` the class ``st-key-k``; a component's
JavaScript finds such an element only through a selector built from this module's names, which reach it as
the component's data (never as a string written again in JavaScript), and a style sheet may select only keys
declared here.  ``tests/app/test_browser_assets.py`` checks both.
"""

from __future__ import annotations


def css_class(key: str) -> str:
    """The class Streamlit gives the element of a widget or container made with ``key=key``."""
    return f"st-key-{key}"


# Presenter mode's page buttons (ui/presenter.py); the page keys press them on PageDown / PageUp.
STEP_NEXT_KEY = "step_next"
STEP_PREV_KEY = "step_prev"

# A question's container in class mode (its tally and the teacher's buttons).
QUESTION_KEY_PREFIX = "ei_q_"


def question_key(name: str) -> str:
    """The key of the container of the question ``name`` (its tally and Reveal button in class mode)."""
    return QUESTION_KEY_PREFIX + name


# Class mode's private link parameters: a student's seat, an old-style teacher link's token.  A link the app copies
# for someone else (the view's "Copy link") leaves them out.  (ui/classroom/session.py names them PARAM_SEAT and
# PARAM_TEACHER.)
PRIVATE_LINK_PARAMS = ("seat", "teacher")

# The teacher link's key after "#" (``/classroom#teach=CODE.TOKEN``): the class keeper reads it and removes it.
TEACHER_LINK_FRAGMENT = "teach"

# The steps of a page's sequence, in and out of class mode: each question (predict, check), each experiment on
# the page, and a page's other parts a presenter shows one at a time.  In presenter mode PageDown / PageUp
# bring the next / previous one to the top of the screen (the page keys), then turn the page.
STEP_KEY_PREFIX = "ei_step_"


def step_key(name: str) -> str:
    """The key of the container of the step ``name`` (a question's widget key, or an experiment's)."""
    return STEP_KEY_PREFIX + name


# The buttons that perform a step's next action: "." or "b" (what a clicker's "blank screen" sends) presses the
# first enabled one inside the step at the top of the screen (the page keys).
ACTION_KEY_PREFIX = "ei_act_"


def action_key(name: str) -> str:
    """The key of the button that performs the next action of the step ``name``: Run without a class; in class
    mode the teacher's Show votes / Second round / Reveal."""
    return ACTION_KEY_PREFIX + name


# Presenter mode's way out for the mouse (the menu bar, with the sidebar's toggle, is hidden there).
LEAVE_PRESENTER_KEY = "ei_leave_presenter"


# The printable worksheet's containers (ui/worksheet.py), which ui/styles/print.css lays out for paper.
WS_SHEET_KEY = "ws_sheet"
WS_BANNER_KEY = "ws_banner"
WS_CONTROLS_KEY = "ws_controls"
WS_QUESTION_PREFIX = "ws_q_"
WS_ANSWER_PREFIX = "ws_answer_"
WS_PART_PREFIX = "ws_part_"
WS_FIGURE_PREFIX = "ws_fig_"
WS_CHART_PREFIX = "ws_chart_"
WS_FOUND_PREFIX = "ws_found_"

# A slow result (a network second): the "computing" note, and the parts that may still show the previous result
# while the next is computed (ui/computing.py); ui/styles/computing.css dims those while the note is on the page.
COMPUTING_KEY = "ei_computing"
STALE_KEY_PREFIX = "ei_stale_"


def stale_key(part: str) -> str:
    """The key of a container that shows the current result and goes stale while the next one is computed."""
    return STALE_KEY_PREFIX + part


# The components that show nothing: each one's style sheet hides its element container by this key.
PAGE_KEYS_KEY = "ei_page_keys"
CLASS_KEEPER_KEY = "ei_class_keeper"
CONNECTION_NOTICE_KEY = "ei_connection_notice"
LINK_WRITER_KEY_PREFIX = "ei_link_"
VIEWPORT_KEY = "ei_viewport"
ANSWER_KEEPER_KEY = "ei_answer_keeper"
SCROLL_TO_KEY = "ei_scroll_to"
FOLLOW_WATCH_KEY = "ei_follow_watch"  # the scroll_to component once per student page: the watch for a dropped page
PAGE_LANGUAGE_KEY = "ei_page_language"
CHART_EXPORT_KEY_PREFIX = "ei_chart_export_"  # one per static chart drawn at settings: "<prefix><the chart's key>"

# The bar that tells a student who roams where the teacher is, and the teacher's tools below a page
# (ui/classroom/follow.py, own.py).
FOLLOW_BAR_KEY = "ei_follow_bar"
TEACHER_TOOLS_KEY = "ei_teacher_tools"

# An empty chart nobody sees, which loads Plotly's code before a class's reveal (ui/charts.py, styles/preload.css).
PLOTLY_PRELOAD_KEY = "ei_plotly_preload"

# A student's answers kept in the browser (ui/answers.py): every item of its store starts with this.
ANSWER_STORE_PREFIX = "ei-answer:"
# What a page shows from the first question on: while it waits for the browser's kept answers (hidden, so a
# locked prediction never shows unlocked first), on the run that brings them (what the run before drew is
# hidden until this run draws it again), and after.
ANSWERS_WAITING_KEY = "ei_answers_waiting"
ANSWERS_ARRIVED_KEY = "ei_answers_arrived"
ANSWERS_READY_KEY = "ei_answers_ready"

# The "My answers" page (pages/my_answers.py), which ui/styles/my_answers.css lays out for paper.
MA_SHEET_KEY = "ma_sheet"
MA_BANNER_KEY = "ma_banner"
MA_CONTROLS_KEY = "ma_controls"
MA_LESSON_PREFIX = "ma_lesson_"
MA_QUESTION_PREFIX = "ma_q_"
ANCHOR_KEEPER_KEY = "ei_anchor_keeper"


def link_writer_key(param: str) -> str:
    """The key of the link writer that puts the link parameter ``param`` into the address bar."""
    return LINK_WRITER_KEY_PREFIX + param


# The connection notice's element (on the document's body, outside Streamlit's page).
NOTICE_ID = "ei-connection-notice"

# "Reduce motion" in the link (the sidebar toggle's key and URL parameter): the notice's spinner stands still.
REDUCE_MOTION_PARAM = "calm"
