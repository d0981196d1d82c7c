"""The app's browser components: one folder each, its Python side (``__init__.py``) and its ``assets/``."""
