"""The server settings a public classroom deployment relies on (README, "Hardening") stay set."""

from __future__ import annotations

from pathlib import Path

import tomllib

from explainer.figures.network_view import network_view_payload
from explainer.figures.style import FigureStyle
from explainer.model.experiments.circuits import run_network
from explainer.model.network import NetworkParams

CONFIG = tomllib.loads((Path(__file__).resolve().parents[2] / ".streamlit" / "config.toml").read_text())


def test_hardening_settings():
    assert CONFIG["server"]["enableXsrfProtection"] is True
    assert CONFIG["server"]["maxUploadSize"] <= 1, "the app takes no uploads"
    assert CONFIG["server"]["maxMessageSize"] <= 5, "a small cap bounds what a client can make the server buffer"
    assert CONFIG["client"]["showErrorDetails"] == "none", "no tracebacks on a student's screen"
    assert CONFIG["browser"]["gatherUsageStats"] is False
    assert CONFIG["runner"]["postScriptGC"] is False, "the per-run full GC made a class of 30 wait (test_load.py)"


def test_the_largest_view_fits_the_message_cap_with_room():
    run, _ = run_network(NetworkParams(w_inh_nS=0.0), 1)  # runaway: the most spikes
    payload = network_view_payload(run, view_id="x", figure_style=FigureStyle(), alt="", export_name="x")
    size_mb = len(payload) / 1e6
    assert size_mb < CONFIG["server"]["maxMessageSize"] / 4, f"the runaway network view is {size_mb:.2f} MB"
