"""Entry point: page config, navigation, the global banner.  Run with ``streamlit run app.py``."""

from explainer.ui.shell import run_app

run_app()
