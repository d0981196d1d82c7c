"""The pages: one module per page (glue only; pages never import pages), and the site they make.

:func:`site` lists every page in menu order, in the menu's sections: Start here on top (what a bare address
opens), then the Lessons (the course, ``explainer.lessons``: a lesson has no module here, the one lesson page
renders it), Explore and For teachers.  The next/previous buttons and PageDown follow the same order, so
Start here's "next" is lesson 1.  ``app.py`` hands the site to the shell.
"""

from explainer.lessons import LESSONS
from explainer.ui.course import Lesson
from explainer.ui.shell import PageFile, Section, Site

START_HERE = PageFile("home.py", "nav_home", ":material/home:", "home")
PLAYGROUND = PageFile("playground.py", "nav_playground", ":material/sports_kabaddi:", "tug-of-war")
SECTIONS = (
    Section("", (START_HERE,)),
    Section(
        "nav_section_lessons",
        (PageFile("my_answers.py", "nav_my_answers", ":material/fact_check:", "my-answers"),),
        with_course=True,
    ),
    Section(
        "nav_section_explore",
        (
            PLAYGROUND,
            PageFile("circuits.py", "nav_circuits", ":material/hub:", "circuits"),
            PageFile("blocked_gate.py", "nav_blocked_gate", ":material/block:", "blocked-gate"),
            PageFile("leaves_out.py", "nav_leaves_out", ":material/info:", "model-notes"),
            PageFile("glossary.py", "nav_glossary", ":material/menu_book:", "glossary"),
            PageFile("references.py", "nav_references", ":material/library_books:", "references"),
        ),
    ),
    Section(
        "nav_section_teachers",
        (
            PageFile("classroom.py", "nav_classroom", ":material/groups:", "class"),
            PageFile("educator.py", "nav_educator", ":material/school:", "educator-guide"),
            PageFile("worksheet.py", "nav_worksheet", ":material/print:", "worksheet"),
        ),
        followed=False,  # the teacher's own pages: the class stays where it is
    ),
)
DEFAULT_URL = START_HERE.url  # the app opens on Start here: the neuron playing, the lessons, the teachers' corner


def site(course: tuple[Lesson, ...] = LESSONS) -> Site:
    """The site with this course of lessons (the app's own by default)."""
    return Site(sections=SECTIONS, course=course, default_url=DEFAULT_URL)
