"""The pages: one module per page (glue only; pages never import pages), and the site they make.

:func:`site` lists every page in menu order: the pages before the lessons, the course (``explainer.lessons``:
a lesson has no module here, the one lesson page renders it) and the pages after it.  ``app.py`` hands the
site to the shell.
"""

from explainer.lessons import LESSONS
from explainer.ui.course import Lesson
from explainer.ui.shell import PageFile, Site

BEFORE_LESSONS = (
    PageFile("home.py", "nav_home", ":material/home:", "home"),
    PageFile("classroom.py", "nav_classroom", ":material/groups:", "class"),
)
AFTER_LESSONS = (
    PageFile("playground.py", "nav_playground", ":material/sports_kabaddi:", "tug-of-war"),
    PageFile("circuits.py", "nav_circuits", ":material/hub:", "circuits"),
    PageFile("blocked_gate.py", "nav_blocked_gate", ":material/block:", "blocked-gate"),
    PageFile("leaves_out.py", "nav_leaves_out", ":material/info:", "model-notes"),
    PageFile("glossary.py", "nav_glossary", ":material/menu_book:", "glossary"),
    PageFile("references.py", "nav_references", ":material/library_books:", "references"),
    PageFile("educator.py", "nav_educator", ":material/school:", "educator-guide"),
    PageFile("worksheet.py", "nav_worksheet", ":material/print:", "worksheet"),
    PageFile("my_answers.py", "nav_my_answers", ":material/fact_check:", "my-answers"),
)
DEFAULT_URL = "tug-of-war"  # the app opens on the playground, animation playing


def site(course: tuple[Lesson, ...] = LESSONS) -> Site:
    """The site with this course of lessons (the app's own by default)."""
    return Site(before=BEFORE_LESSONS, course=course, after=AFTER_LESSONS, default_url=DEFAULT_URL)
