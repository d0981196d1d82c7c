"""Entry point: the site (its pages and its lessons) into the shell, which sets the page up, shows the banner
and the navigation, and runs the page.  Run with ``streamlit run app.py``."""

from explainer.pages import site
from explainer.ui.shell import run_app

run_app(site())
