"""Class mode's Streamlit side: the tab's class from the link and the session (session), the votes and
tallies in the lessons (votes), the browser's keeper of a teacher token and a seat (keeper).  The domain
and the store are in ``explainer/classroom``; the class page is ``explainer/pages/classroom.py``."""
