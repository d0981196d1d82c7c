"""Streamlit parts shared by pages and lessons: the shell, presenter mode, URL-bound widgets and presets, the
one lesson page, class mode's Streamlit side, and the browser components (``components/``)."""
