"""Presenter mode's projector contrast in static figures: darker neutrals, no hairlines, meaning-carrying hues kept."""

from __future__ import annotations

import json

import plotly.io as pio
import pytest

from explainer.figures import style
from explainer.figures.excitability import build_current_step_figure
from explainer.model import NeuronParams
from explainer.model.experiments.excitability import current_step_run, fi_curve

PROJECTOR = style.FigureStyle(scale=1.45, high_contrast=True)
LAPTOP = style.FigureStyle(scale=1.45)
PALE = (style.GRID_COLOR, style.TEXT_COLOR, style.CURSOR_COLOR, style.MEMBRANE_COLOR, style.THRESHOLD_COLOR)


def _figures(figure_style):
    params = NeuronParams()
    return {
        "lesson 1": build_current_step_figure(
            current_step_run(params, 300.0), fi_curve(params), figure_style=figure_style
        ).spec,
    }


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


@pytest.mark.parametrize("name", ["lesson 1"])  # the animated views: tests/figures/test_*_view.py
def test_projector_figures_drop_the_pale_neutrals_and_hairlines(name):
    laptop = pio.to_json(_figures(LAPTOP)[name], validate=False).upper()
    projector_spec = _figures(PROJECTOR)[name]
    projector = pio.to_json(projector_spec, validate=False).upper()
    assert any(c.upper() in laptop for c in PALE), "the laptop figure should use the normal palette"
    for pale in PALE:
        assert f'"{pale.upper()}"' not in projector, f"{name}: {pale} left in presenter mode"
    for hue in (style.GLUTAMATE_COLOR, style.GABA_COLOR):
        assert (f'"{hue}"' in laptop) == (f'"{hue}"' in projector), f"{name}: {hue} must be kept as it is"
    assert min(_line_widths(projector_spec, [])) >= style.PROJECTOR_MIN_LINE_PX
    json.loads(pio.to_json(projector_spec, validate=False))  # still serialisable


def test_projector_copy_leaves_the_original_alone():
    spec = {"layout": {"font": {"color": style.TEXT_COLOR}}, "data": [{"line": {"width": 1, "color": style.V_COLOR}}]}
    out = style.for_projector(spec)
    assert out["layout"]["font"]["color"] == "#000000" and out["data"][0]["line"] == {"width": 2.0, "color": "#000000"}
    assert spec["layout"]["font"]["color"] == style.TEXT_COLOR and spec["data"][0]["line"]["width"] == 1
    assert style.finish(spec, style.FigureStyle()) is spec
