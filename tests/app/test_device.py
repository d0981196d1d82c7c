"""Phones are told apart from tablets and laptops by their User-Agent; their figures stack."""

from __future__ import annotations

import pytest

from explainer.figures.style import FigureStyle
from explainer.ui.device import is_phone_user_agent
from tests.app.conftest import chart_specs, open_page

PHONES = [
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
    "Version/17.5 Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 "
    "Mobile Safari/537.36",
    "Mozilla/5.0 (Android 14; Mobile; rv:132.0) Gecko/132.0 Firefox/132.0",
]
NOT_PHONES = [
    "Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 "
    "Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (Linux; Android 14; SM-X710) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 "
    "Safari/537.36",  # an Android tablet: no "Mobile"
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:132.0) Gecko/20100101 Firefox/132.0",
    "",
]


@pytest.mark.parametrize("ua", PHONES)
def test_phones_are_phones(ua):
    assert is_phone_user_agent(ua)


@pytest.mark.parametrize("ua", NOT_PHONES)
def test_tablets_and_laptops_are_not(ua):
    assert not is_phone_user_agent(ua)


def test_without_request_headers_the_page_uses_the_wide_layout():
    at = open_page()  # AppTest has no User-Agent
    (spec,) = [s for s in chart_specs(at) if s["layout"].get("meta", {}).get("animation_id")]
    assert spec["layout"]["xaxis"]["domain"] == [0.0, 0.46], "laptop layout: the cell beside the data"


def test_narrow_style_stacks_both_animations():
    from explainer.figures.network import build_network_animation
    from explainer.figures.neuron_diagram import build_neuron_animation
    from explainer.model.network import NetworkParams
    from explainer.model.network_scenarios import run_network
    from explainer.model.scenarios import TugOfWarSettings, run_tug_of_war

    narrow = FigureStyle(narrow=True)
    run, inp = run_tug_of_war(TugOfWarSettings())
    tug = build_neuron_animation(run, inp, figure_style=narrow).spec["layout"]
    assert tug["xaxis"]["domain"] == [0.0, 1.0], "the cell diagram spans the phone's width"
    assert min(tug["yaxis"]["domain"]) > max(tug["yaxis2"]["domain"]), "the cell sits above the data panels"
    net = build_network_animation(run_network(NetworkParams(), 1)[0], figure_style=narrow).spec["layout"]
    assert net["xaxis"]["domain"] == [0.0, 1.0] and net["xaxis3"]["domain"] == [0.0, 1.0]
    assert min(net["yaxis3"]["domain"]) > max(net["yaxis"]["domain"]) > max(net["yaxis2"]["domain"])


def test_narrow_style_stacks_the_side_by_side_lesson_figures():
    from explainer.figures import lessons as figs
    from explainer.model import NeuronParams
    from explainer.model import lessons as model

    params = NeuronParams()
    narrow, wide = FigureStyle(narrow=True), FigureStyle()
    builders = {
        "current step": lambda st: figs.build_current_step_figure(
            model.current_step_run(params, 300.0), model.fi_curve(params), figure_style=st
        ),
        "NMDA block": lambda st: figs.build_nmda_block_figure(model.nmda_coincidence(), 1.0, figure_style=st),
        "IPSP": lambda st: figs.build_ipsp_figure(model.single_ipsp(), figure_style=st),
    }
    for name, build in builders.items():
        w = build(wide).spec["layout"]
        n = build(narrow).spec["layout"]
        assert w["xaxis"]["domain"][1] <= 0.5 < w["xaxis2"]["domain"][0], f"{name}: wide is side by side"
        assert n["xaxis"]["domain"] == n["xaxis2"]["domain"] == [0.0, 1.0], f"{name}: full width on a phone"
        assert min(n["yaxis"]["domain"]) > max(n["yaxis2"]["domain"]), f"{name}: left panel on top"
        assert n["height"] > w["height"], f"{name}: taller on a phone"
