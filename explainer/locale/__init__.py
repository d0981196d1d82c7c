"""The catalogues of the languages other than English: ``<lang>.po`` (gettext), read by
:mod:`explainer.content.i18n`; made and updated by ``python scripts/i18n.py update``."""
