"""The static charts' shared style rules: a font list the browser accepts, and axis labels kept apart.

Whether labels really stay apart is measured in Chromium (tests/e2e/test_static_charts.py); these tests hold
the rules that make it so, without a browser.
"""

from __future__ import annotations

import re

import pytest

from explainer.figures import style
from explainer.figures.excitability import build_current_step_figure
from explainer.figures.inhibition import build_ipsp_figure
from explainer.figures.synapses import build_nmda_block_figure
from explainer.model import NeuronParams
from explainer.model.experiments.excitability import current_step_run, fi_curve
from explainer.model.experiments.inhibition import single_ipsp
from explainer.model.experiments.synapses import nmda_coincidence

# A CSS family name is a quoted string or a run of identifiers; an identifier cannot start with a digit.
_IDENT = r"-?[A-Za-z_][\w-]*"
_FAMILY = re.compile(rf"^(?:\"[^\"]+\"|'[^']+'|{_IDENT}(?:\s+{_IDENT})*)$")


@pytest.mark.parametrize("name", ["FONT_FAMILY"])
def test_font_lists_are_valid_css(name):
    """One invalid name (such as an unquoted Source Sans 3) voids the whole list: the browser then draws
    Plotly's default font while Plotly spaces the labels for another, and axis titles touch their tick labels."""
    families = [f.strip() for f in getattr(style, name).split(",")]
    bad = [f for f in families if not _FAMILY.match(f)]
    assert not bad, f"style.{name} has names that are not valid CSS (quote them): {bad}"
    assert families[-1] == "sans-serif", f"style.{name} should end with a generic family"


def _axes(spec):
    return {k: v for k, v in spec["layout"].items() if k[:5] in ("xaxis", "yaxis")}


@pytest.mark.parametrize("fig_style", [style.FigureStyle(), style.FigureStyle(scale=1.45, high_contrast=True)])
def test_every_axis_title_stands_off_and_y_tick_labels_keep_off_the_corner(fig_style):
    params = NeuronParams()
    spec = build_current_step_figure(current_step_run(params, 300.0), fi_curve(params), figure_style=fig_style).spec
    axes = _axes(spec)
    assert len(axes) == 4
    for name, axis in axes.items():
        assert axis["automargin"] is True, f"{name}: automargin must be on for the standoff to hold"
        if axis["title"]["text"]:
            assert axis["title"]["standoff"] >= style.AXIS_TITLE_STANDOFF_PX, f"{name}: title too close"
        if name.startswith("yaxis"):
            want = round(style.Y_TICK_LABEL_STANDOFF_PX * fig_style.scale)
            assert axis["ticklabelstandoff"] == want, f"{name}: y tick labels would meet the x axis's at 0"


def test_on_a_phone_a_long_x_title_goes_on_two_lines_and_a_short_one_stays():
    phone = style.FigureStyle(narrow=True)
    spec = build_nmda_block_figure(nmda_coincidence(NeuronParams()), 1.0, figure_style=phone).spec
    long_title = spec["layout"]["xaxis"]["title"]["text"]  # "Time after the glutamate spike (ms)"
    assert long_title == "Time after the<br>glutamate spike (ms)"
    assert "<br>" not in spec["layout"]["xaxis2"]["title"]["text"]  # "Membrane potential V (mV)": 25 characters
    laptop = build_nmda_block_figure(nmda_coincidence(NeuronParams()), 1.0).spec
    assert laptop["layout"]["xaxis"]["title"]["text"] == "Time after the glutamate spike (ms)"


def test_on_a_phone_two_panels_on_one_time_axis_name_it_once_under_the_bottom_panel():
    """Stacked, a title under the top panel would sit in the gap beside the bottom panel's own title (and overlap it
    once a language puts the title on two lines: Spanish and German did)."""
    laptop = build_ipsp_figure(single_ipsp(NeuronParams())).spec["layout"]
    phone = build_ipsp_figure(single_ipsp(NeuronParams()), figure_style=style.FigureStyle(narrow=True)).spec["layout"]
    time = laptop["xaxis"]["title"]["text"]
    assert time and laptop["xaxis2"]["title"]["text"] == time, "side by side, each panel names its time axis"
    assert phone["xaxis"]["title"]["text"] == "", "the top panel's time axis is named under the bottom one"
    assert phone["xaxis2"]["title"]["text"] == time
    assert phone["yaxis"]["domain"][0] > phone["yaxis2"]["domain"][1], "the panels are stacked"


@pytest.mark.parametrize(("mg_mM", "corner"), [(1.0, "top left"), (2.0, "top left"), (0.0, "bottom right")])
def test_the_block_curves_label_sits_where_the_curve_is_not(mg_mM, corner):
    """B(V) is low at negative V with Mg2+ (the top left is free) and runs along the top without it."""
    spec = build_nmda_block_figure(nmda_coincidence(NeuronParams()), mg_mM).spec
    (label,) = [a for a in spec["layout"]["annotations"] if "Jahr" in a["text"]]
    where = f"{label['yanchor']} {label['xanchor']}"
    assert where == corner, f"at {mg_mM} mM the label is at the {where}"


# --- the colour table -------------------------------------------------------------------------------------

_CSS_COLOR = re.compile(r"^#[0-9A-F]{6}$|^rgba\(\s*\d{1,3},\s*\d{1,3},\s*\d{1,3},\s*(?:0|1|0?\.\d+)\s*\)$", re.I)
PACKAGE = style.__file__.rsplit("/figures/", 1)[0]


def test_every_colour_is_named_once_with_both_profiles_as_css_colours():
    for name, color in style.COLORS.items():
        assert _CSS_COLOR.match(color.laptop) and _CSS_COLOR.match(color.projector), f"{name}: {color}"
    assert style.LAPTOP_PALETTE.glutamate == style.COLORS["glutamate"].laptop
    assert style.PROJECTOR_PALETTE["text"] == style.COLORS["text"].projector == "#000000"
    assert dict(style.PROJECTOR_PALETTE) == {n: c.projector for n, c in style.COLORS.items()}
    with pytest.raises(AttributeError):
        _ = style.LAPTOP_PALETTE.no_such_colour


def test_a_projector_darkens_neutrals_and_keeps_the_hues_that_carry_meaning():
    for hue in ("glutamate", "gaba", "nmda", "spike", "focus"):
        assert style.COLORS[hue].laptop == style.COLORS[hue].projector, f"{hue}: the colour key holds in both"
    for neutral in ("text", "v", "grid", "axis", "cursor", "membrane", "threshold", "muted_text"):
        assert _luminance(style.COLORS[neutral].projector) < _luminance(style.COLORS[neutral].laptop), neutral


def _luminance(hex_color: str) -> float:
    r, g, b = (int(hex_color[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def test_every_colour_of_the_table_is_used_somewhere():
    """A colour nobody draws with is a colour to delete (the JS finds view colours by name in the header)."""
    import pathlib

    code = " ".join(
        p.read_text(encoding="utf-8")
        for ext in ("*.py", "*.js", "*.css")
        for p in pathlib.Path(PACKAGE).rglob(ext)
        if p.name != "style.py"
    )
    style_code = pathlib.Path(style.__file__).read_text(encoding="utf-8").split("COLORS: Mapping", 1)[1]
    style_code = style_code.split("PROFILES = ", 1)[1]
    unused = [n for n in style.COLORS if f".{n}" not in code and f'"{n}"' not in code + style_code]
    assert not unused, f"colours nothing draws with: {unused}"
