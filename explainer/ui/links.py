"""How one page links to another: the page files ``st.page_link`` names, and the query parameters a link
sets for the page it opens."""

from __future__ import annotations

from pathlib import Path

# Absolute paths: a link finds its page by file wherever the entry script is (the app's app.py, or a test's).
PAGES_DIR = Path(__file__).resolve().parent.parent / "pages"
PLAYGROUND_PAGE = str(PAGES_DIR / "playground.py")
WORKSHEET_PAGE = str(PAGES_DIR / "worksheet.py")
CLASSROOM_PAGE = str(PAGES_DIR / "classroom.py")
EDUCATOR_PAGE = str(PAGES_DIR / "educator.py")

WORKSHEET_LESSON = "ws_lesson"  # ?ws_lesson=<lesson name>: the worksheet of that lesson
WORKSHEET_ANSWERS = "answers"  # ?answers=true: the teacher's answer sheet
