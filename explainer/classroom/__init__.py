"""Class mode's domain and storage, without Streamlit.

- :mod:`codes`: class codes, teacher tokens and seats (made, read back, stored as hashes);
- :mod:`questions`: the question registry (ids, number of options, plain texts), built from the lessons;
- :mod:`store`: the class store (SQLAlchemy Core; SQLite by default, PostgreSQL by URL);
- :mod:`errors`: the only two exceptions the store raises, :class:`~errors.ClassError` (a refusal) and
  :class:`~errors.ClassUnavailable` (the database failed; logged once);
- :mod:`export`: the teacher's CSV of the class's answers;
- :mod:`tab`: which class a browser tab is in, and as whom, decided by pure functions.

The Streamlit side (reading the link and the session, widgets, polling fragments) is ``explainer/ui/classroom``.
"""
