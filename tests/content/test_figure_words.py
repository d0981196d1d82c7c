"""The static figures' words live in content/words/figures.toml: every text a figure shows is filled in (no
``{{name}}`` left), every word in the file is used by a figure module, and every key a module asks for exists."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from explainer.content import i18n
from explainer.content.words import words
from explainer.figures import balance as fig_balance
from explainer.figures import excitability as fig_excitability
from explainer.figures import inhibition as fig_inhibition
from explainer.figures import network as fig_network
from explainer.figures import style
from explainer.figures import synapses as fig_synapses
from explainer.figures.network_view import circuit, network_view_payload, sampled_rows
from explainer.figures.view_codec import unpack
from explainer.model import NeuronParams
from explainer.model.experiments import balance, excitability, inhibition, synapses
from explainer.model.network import NetworkParams, simulate_network

FIGURES_DIR = Path(__file__).resolve().parents[2] / "explainer" / "figures"
P = NeuronParams()
STYLES = {"laptop": style.FigureStyle(), "phone": style.FigureStyle(narrow=True)}
# the keys a module asks for: WORDS.text("key", ...) (also when the key is picked by a conditional expression)
TEXT_CALL = re.compile(r"\bWORDS\.(?:text|plural)\(\s*([^,)]*)")
VIEW_TEXT_CALL = re.compile(r"\bVIEW_WORDS\.text\(\s*([^,)]*)")  # the animated views' words (views.toml)
QUOTED = re.compile(r"\"([a-z0-9_]+)\"")


def _specs(s: style.FigureStyle) -> dict:
    fi = excitability.fi_curve(P)
    return {
        "current_step": fig_excitability.build_current_step_figure(
            excitability.current_step_run(P, 300.0), fi, figure_style=s
        ),
        "current_step_silent": fig_excitability.build_current_step_figure(
            excitability.current_step_run(P, 150.0), fi, figure_style=s
        ),
        "single_epsp": fig_synapses.build_single_epsp_figure(synapses.single_epsp(P), figure_style=s),
        "nmda_block": fig_synapses.build_nmda_block_figure(synapses.nmda_coincidence(P, -40.0), 1.0, figure_style=s),
        "nmda_block_no_mg": fig_synapses.build_nmda_block_figure(
            synapses.nmda_coincidence(P, -40.0), 0.0, figure_style=s
        ),
        "summation": fig_synapses.build_summation_figure(synapses.summation(P), figure_style=s),
        "summation_one": fig_synapses.build_summation_figure(
            synapses.summation(P, n_synapses=1, n_volleys=1), figure_style=s
        ),
        "ipsp": fig_inhibition.build_ipsp_figure(inhibition.single_ipsp(replace(P, E_gaba_mV=-80.0)), figure_style=s),
        "shunting": fig_inhibition.build_shunting_figure(inhibition.shunting_experiment(P), figure_style=s),
        "rate_map": fig_balance.build_rate_map_figure(balance.rate_map(), (2500.0, 1000.0), figure_style=s),
        "regularity": fig_balance.build_regularity_figure(balance.regularity_comparison(), figure_style=s),
        "disinhibition": fig_network.build_disinhibition_chart(
            np.array([1.0, 0.5]), np.array([20.0, 80.0]), np.array([20.0, 30.0]), (0.5, 80.0, 30.0), figure_style=s
        ),
    }


def _strings(value) -> list[str]:
    """Every string in a nested spec (dicts, lists, tuples)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list | tuple):
        return [s for v in value for s in _strings(v)]
    return []


@pytest.fixture(scope="module", params=sorted(STYLES))
def specs(request) -> dict:
    return {name: fig.spec for name, fig in _specs(STYLES[request.param]).items()}


def test_every_figure_text_is_filled_in(specs):
    for name, spec in specs.items():
        texts = _strings(spec)
        assert texts, name
        left = [t for t in texts if "{{" in t or "}}" in t]
        assert not left, f"{name}: unfilled placeholders in {left}"


def test_the_network_diagram_and_raster_title_are_filled_in():
    for params in (NetworkParams(), NetworkParams(w_exc_nS=4.5, ext_rate_hz=300.0, kick_ms=0.0)):
        left = [t for t in _strings(circuit(params, i18n.SOURCE)) if "{{" in t]
        assert not left, f"unfilled placeholders in the circuit labels: {left}"
    run = simulate_network(NetworkParams(), 100.0, 0.1, np.random.default_rng(1))
    header = unpack(
        network_view_payload(run, view_id="x", figure_style=STYLES["laptop"], alt="", export_name="n")
    ).header
    title = header["words"]["raster_title"]
    assert "{{" not in title and str(sum(sampled_rows(run))) in title, title


def test_the_views_words_use_the_one_template_syntax():
    """``{{name}}`` everywhere; a lone ``{name}`` (Python's format syntax) would reach the screen as it is."""
    for key, text in words("views").texts.items():
        assert not re.search(r"(?<!\{)\{\w+\}(?!\})", text), f"view word {key!r} uses a single-brace placeholder"


def _figure_sources() -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(FIGURES_DIR.glob("*.py"))}


def _asked_keys(source: str) -> set[str]:
    return {key for argument in TEXT_CALL.findall(source) for key in QUOTED.findall(argument)}


def test_every_figure_word_is_used_by_a_figure_module():
    asked = {key for source in _figure_sources().values() for key in _asked_keys(source)}
    unused = sorted(set(words("figures").texts) - asked)
    assert not unused, f"content/words/figures.toml has texts no module in explainer/figures uses: {unused}"


def test_every_key_a_figure_module_asks_for_exists():
    known = set(words("figures").texts)
    for name, source in _figure_sources().items():
        for argument in TEXT_CALL.findall(source):
            keys = QUOTED.findall(argument)
            assert keys, f"{name}: WORDS.text({argument.strip()}...) names no key literally"
            missing = sorted(set(keys) - known)
            assert not missing, f"{name} asks for {missing}, which content/words/figures.toml does not have"


def test_every_word_of_the_views_is_shown_by_a_view():
    """views.toml: each word is read by the view's script (by its name after the view's prefix, which the header's
    words drop) or filled in by a view builder (network_view.py's diagram), and each key a builder asks for
    exists."""
    from tests.figures.view_js import ASSETS, words_read

    texts = words("views").texts
    read = words_read(*sorted(p.name for p in ASSETS.glob("*.js")))
    calls = [a for source in _figure_sources().values() for a in VIEW_TEXT_CALL.findall(source)]
    asked = {k for a in calls for k in QUOTED.findall(a)}
    assert asked and asked <= set(texts), sorted(asked - set(texts))
    unused = sorted(k for k in texts if k not in asked and k.split("_", 1)[1] not in read)
    assert not unused, f"content/words/views.toml has words no view shows: {unused}"
    assert {k.split("_", 1)[0] for k in texts} == {"controls", "neuron", "network"}


def test_figures_toml_has_only_texts():
    w = words("figures")
    assert w.texts and not w.controls and not w.presets
