"""Presenter mode's projector profile in static figures: its palette chosen as a figure is built (darker
neutrals), no hairlines, and the hues that carry meaning kept."""

from __future__ import annotations

import json
from dataclasses import replace

import numpy as np
import plotly.io as pio
import pytest

from explainer.figures import balance as fig_balance
from explainer.figures import excitability as fig_excitability
from explainer.figures import inhibition as fig_inhibition
from explainer.figures import style
from explainer.figures import synapses as fig_synapses
from explainer.figures.network import build_disinhibition_chart
from explainer.model import NeuronParams
from explainer.model.experiments import balance, excitability, inhibition, synapses

PROJECTOR = style.FigureStyle(scale=1.45, high_contrast=True)
LAPTOP = style.FigureStyle(scale=1.45)
# the laptop values a projector darkens (the colour table's neutrals), and the hues it keeps
PALE = tuple(c.laptop for c in style.COLORS.values() if c.laptop != c.projector)
HUES = (style.COLORS["glutamate"].laptop, style.COLORS["gaba"].laptop)
P = NeuronParams()


def _figures(s: style.FigureStyle) -> dict:
    fi = excitability.fi_curve(P)
    scales = np.array([1.0, 0.7, 0.4])
    return {
        "lesson 1": fig_excitability.build_current_step_figure(
            excitability.current_step_run(P, 300.0), fi, figure_style=s
        ),
        "single EPSP": fig_synapses.build_single_epsp_figure(synapses.single_epsp(P), figure_style=s),
        "Mg block": fig_synapses.build_nmda_block_figure(synapses.nmda_coincidence(P), 1.0, figure_style=s),
        "summation": fig_synapses.build_summation_figure(synapses.summation(P), figure_style=s),
        "IPSP": fig_inhibition.build_ipsp_figure(inhibition.single_ipsp(replace(P, E_gaba_mV=-80.0)), figure_style=s),
        "shunting": fig_inhibition.build_shunting_figure(inhibition.shunting_experiment(P), figure_style=s),
        "regularity": fig_balance.build_regularity_figure(balance.regularity_comparison(), figure_style=s),
        "disinhibition": build_disinhibition_chart(
            scales, np.array([5.0, 20.0, 170.0]), np.array([10.0, 25.0, 40.0]), (1.0, 5.0, 10.0), figure_style=s
        ),
    }


@pytest.fixture(scope="module")
def both() -> tuple[dict, dict]:
    return _figures(LAPTOP), _figures(PROJECTOR)


def _line_widths(node, out):
    if isinstance(node, dict):
        for k, v in node.items():
            if k == "line" and isinstance(v, dict) and isinstance(v.get("width"), (int, float)):
                out.append(v["width"])
            _line_widths(v, out)
    elif isinstance(node, list):
        for v in node:
            _line_widths(v, out)
    return out


@pytest.mark.parametrize(
    "name", ["lesson 1", "single EPSP", "Mg block", "summation", "IPSP", "shunting", "regularity", "disinhibition"]
)
def test_projector_figures_drop_the_pale_neutrals_and_hairlines(both, name):
    laptop_spec, projector_spec = both[0][name].spec, both[1][name].spec
    laptop = pio.to_json(laptop_spec, validate=False).upper()
    projector = pio.to_json(projector_spec, validate=False).upper()
    assert any(f'"{c.upper()}"' in laptop for c in PALE), f"{name}: the laptop figure should use its palette"
    for pale in PALE:
        assert f'"{pale.upper()}"' not in projector, f"{name}: {pale} left in presenter mode"
    for hue in HUES:
        assert (f'"{hue}"' in laptop) == (f'"{hue}"' in projector), f"{name}: {hue} must be kept as it is"
    assert min(w for w in _line_widths(projector_spec, []) if w > 0) >= style.PROJECTOR_MIN_LINE_PX
    json.loads(pio.to_json(projector_spec, validate=False))  # still serialisable


def test_the_profile_is_chosen_when_the_figure_is_built_not_by_recolouring():
    """Text and V share a colour on a laptop; a value-matching recolour could not tell them apart."""
    assert style.LAPTOP_PALETTE.text == style.LAPTOP_PALETTE.v
    assert LAPTOP.palette is style.LAPTOP_PALETTE and PROJECTOR.palette is style.PROJECTOR_PALETTE
    spec = {"layout": {"font": {"color": "#123456"}}, "data": [{"line": {"width": 1, "color": "#123456"}}]}
    out = style.thick_lines(spec)
    assert out["data"][0]["line"] == {"width": 2.0, "color": "#123456"}, "widths only: colours stay as built"
    assert spec["data"][0]["line"]["width"] == 1, "the original is left alone"
    no_border = {"layout": {"shapes": [{"type": "rect", "line": {"width": 0}}]}}
    assert style.thick_lines(no_border)["layout"]["shapes"][0]["line"]["width"] == 0, "no line stays no line"
    assert style.finish(spec, style.FigureStyle()) is spec
