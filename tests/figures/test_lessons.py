"""The lesson figures: valid Plotly, the expected traces, units on every axis, palette colours, small JSON."""

from __future__ import annotations

import re
from dataclasses import replace

import numpy as np
import plotly.io as pio
import pytest

from explainer.content import lesson_descriptions
from explainer.figures import balance as fig_balance
from explainer.figures import excitability as fig_excitability
from explainer.figures import inhibition as fig_inhibition
from explainer.figures import style
from explainer.figures import synapses as fig_synapses
from explainer.model import NeuronParams
from explainer.model.experiments import balance, excitability, inhibition, synapses

P = NeuronParams()
FIGURE_JSON_BUDGET_BYTES = 1_000_000  # docs/architecture.md, budgets
UNIT_WORDS = ("(mV)", "(ms)", "(pA)", "(spikes/s)", "(nS)", "(fraction", "relative to peak", "B(V)")


@pytest.fixture(scope="module")
def figures() -> dict:
    fi = excitability.fi_curve(P)
    return {
        "current_step": fig_excitability.build_current_step_figure(excitability.current_step_run(P, 300.0), fi),
        "current_step_silent": fig_excitability.build_current_step_figure(excitability.current_step_run(P, 150.0), fi),
        "single_epsp": fig_synapses.build_single_epsp_figure(synapses.single_epsp(P)),
        "nmda_block": fig_synapses.build_nmda_block_figure(synapses.nmda_coincidence(P, -40.0), 1.0),
        "summation": fig_synapses.build_summation_figure(synapses.summation(P)),
        "ipsp": fig_inhibition.build_ipsp_figure(inhibition.single_ipsp(replace(P, E_gaba_mV=-80.0))),
        "shunting": fig_inhibition.build_shunting_figure(inhibition.shunting_experiment(P)),
        "shunting_immature": fig_inhibition.build_shunting_figure(
            inhibition.shunting_experiment(replace(P, E_gaba_mV=-35.0), g_gaba_nS=30.0)
        ),
        "rate_map": fig_balance.build_rate_map_figure(balance.rate_map(), (2500.0, 1000.0)),
        "regularity": fig_balance.build_regularity_figure(balance.regularity_comparison()),
    }


def _names(fig) -> list[str]:
    return [t.get("name", "") for t in fig.spec["data"]]


def _by_name(fig, name: str) -> dict:
    matches = [t for t in fig.spec["data"] if t.get("name") == name]
    assert matches, f"no trace {name!r} in {_names(fig)}"
    return matches[0]


def _axes(fig) -> dict:
    return {k: v for k, v in fig.spec["layout"].items() if k.startswith(("xaxis", "yaxis"))}


FIGURE_NAMES = [
    "current_step",
    "current_step_silent",
    "single_epsp",
    "nmda_block",
    "summation",
    "ipsp",
    "shunting",
    "shunting_immature",
    "rate_map",
    "regularity",
]


@pytest.mark.parametrize("name", FIGURE_NAMES)
def test_passes_plotlys_full_validation(figures, name):
    figures[name].validated()


@pytest.mark.parametrize("name", FIGURE_NAMES)
def test_every_titled_axis_has_a_unit_and_no_axis_zooms(figures, name):
    for key, axis in _axes(figures[name]).items():
        title = axis.get("title", {}).get("text", "")
        if title:
            assert any(u in title for u in UNIT_WORDS), f"{name}.{key}: axis title {title!r} has no unit"
        assert axis.get("fixedrange") is True, f"{name}.{key} must not zoom on a touch screen"


@pytest.mark.parametrize("name", FIGURE_NAMES)
def test_json_within_budget_and_colours_from_the_style(figures, name):
    fig = figures[name]
    assert len(pio.to_json(fig.spec, validate=False)) <= FIGURE_JSON_BUDGET_BYTES
    palette = {value for color in style.COLORS.values() for value in (color.laptop, color.projector)}
    for trace in fig.spec["data"]:
        for part in ("line", "marker"):
            color = trace.get(part, {}).get("color")
            if isinstance(color, str):
                assert color in palette, f"{name}: {trace.get('name')} uses {color}, not a style.py colour"


def test_current_step_figure(figures):
    fig = figures["current_step"]
    titles = [a["title"]["text"] for a in _axes(fig).values()]
    assert {"Time (ms)", "Membrane potential V (mV)", "Injected current I (pA)", "Firing rate (spikes/s)"} <= set(
        titles
    )
    assert _by_name(fig, "threshold")["y"] == [P.V_th_mV, P.V_th_mV]
    model = _by_name(fig, "simulated cell")
    formula = _by_name(fig, "formula (leaky integrate-and-fire)")
    assert len(model["x"]) == excitability.FI_CURRENTS_pA.size and len(formula["x"]) > 100
    assert _by_name(fig, "your current")["x"] == [300.0]
    rheobase = fig.spec["layout"]["shapes"][0]
    assert rheobase["x0"] == rheobase["x1"] == pytest.approx(P.rheobase_pA)
    spikes = _by_name(fig, "membrane potential: spikes")
    assert len([x for x in spikes["x"] if x is None]) == excitability.current_step_run(P, 300.0).spike_times_ms.size


def test_silent_current_step_shows_where_v_settles(figures):
    fig = figures["current_step_silent"]
    assert _by_name(fig, "membrane potential: spikes")["x"] == []
    settle = _by_name(fig, "where V would settle without spiking")
    assert settle["y"][0] == pytest.approx(P.E_L_mV + 150.0 / P.g_L_nS)


def test_single_epsp_figure(figures):
    fig = figures["single_epsp"]
    ampa_name, nmda_name = "AMPA (fast)", "NMDA (slow)"
    for name in (
        ampa_name,
        nmda_name,
        "EPSP: both together",
        "EPSP: AMPA alone",
        "EPSP: NMDA alone",
    ):
        _by_name(fig, name)
    ampa = np.asarray(_by_name(fig, ampa_name)["y"], dtype=float)
    nmda = np.asarray(_by_name(fig, nmda_name)["y"], dtype=float)
    assert ampa.max() == pytest.approx(1.0, abs=1e-6) and nmda.max() == pytest.approx(1.0, abs=1e-6)
    assert _by_name(fig, ampa_name)["line"]["dash"] != _by_name(fig, nmda_name)["line"]["dash"]
    # each legend entry names a receptor, not a quantity: it stands for its curves in both panels (the bottom ones
    # hide theirs), and each panel's axis says what it draws (gates open; the change in V)
    for group in ("ampa", "nmda"):
        grouped = [t for t in fig.spec["data"] if t.get("legendgroup") == group]
        shown = [t for t in grouped if t.get("showlegend", True) is not False]
        assert len(shown) == 1 and "gates" not in shown[0]["name"], shown
        assert {t.get("yaxis", "y") for t in grouped} == {"y", "y2"}, "one group, both panels"
    titles = [a["title"]["text"] for a in _axes(fig).values()]
    assert any(t.startswith("Gates open") for t in titles) and any("ΔV (mV)" in t for t in titles), titles


def test_nmda_block_figure(figures):
    fig = figures["nmda_block"]
    titles = [a["title"]["text"] for a in _axes(fig).values()]
    assert "Membrane potential V (mV)" in titles and any("ΔV (mV)" in t for t in titles)
    points = {_by_name(fig, n)["x"][0]: _by_name(fig, n)["y"][0] for n in ("at rest", "depolarised")}
    assert points[-70.0] == pytest.approx(0.0445, abs=5e-4) and points[-40.0] == pytest.approx(0.230, abs=5e-4)
    rest = _by_name(fig, "at rest (−70 mV)")
    depol = _by_name(fig, "depolarised (−40 mV)")
    assert max(depol["y"]) > 2 * max(rest["y"])
    assert rest["line"]["dash"] != depol["line"]["dash"] and rest["line"]["color"] != depol["line"]["color"]


def test_summation_figure_marks_the_volleys(figures):
    fig = figures["summation"]
    volleys = next(t for t in fig.spec["data"] if t["name"].startswith("glutamate volley"))
    assert volleys["marker"]["symbol"] == style.GLUTAMATE_SYMBOL
    assert len(volleys["x"]) == synapses.SUMMATION_VOLLEYS


def test_ipsp_figure_draws_e_gaba_in_both_panels(figures):
    fig = figures["ipsp"]
    lines = [t for t in fig.spec["data"] if t["name"].startswith("E_GABA")]
    assert len(lines) == 2 and all(t["y"] == [-80.0, -80.0] for t in lines)
    texts = " ".join(a["text"] for a in fig.spec["layout"]["annotations"])
    assert "At rest" in texts and "Depolarised" in texts and "−80 mV" in texts


def test_shunting_figure_shades_the_gaba_window(figures):
    fig = figures["shunting"]
    rect = fig.spec["layout"]["shapes"][0]
    assert (rect["x0"], rect["x1"]) == (inhibition.SHUNT_GABA_ON_ms, inhibition.SHUNT_GABA_OFF_ms)
    assert any("GABA on" in a["text"] for a in fig.spec["layout"]["annotations"])
    assert any(t["name"].startswith("E_GABA") for t in fig.spec["data"])


def test_rate_map_figure(figures):
    fig = figures["rate_map"]
    (heat,) = [t for t in fig.spec["data"] if t["type"] == "heatmap"]
    assert len(heat["z"]) == 9 and len(heat["z"][0]) == 9
    assert "spikes/s" in heat["colorbar"]["title"]["text"]
    ring = _by_name(fig, "your sliders")
    assert (ring["x"], ring["y"]) == ([2500.0], [1000.0])


@pytest.mark.parametrize("marker", [(3000.0, 1500.0), (2500.0, 1000.0), (6000.0, 0.0)])  # on a cell, between cells
def test_the_rate_maps_ring_leaves_every_number_readable(marker):
    """Every square's number is printed (not colour alone), in a trace drawn after the sliders' marker, so no
    marker covers a number; the marker is open (a ring), and the numbers' tone contrasts with their square's."""
    fig = fig_balance.build_rate_map_figure(balance.rate_map(), marker)
    data = fig.spec["data"]
    (heat,) = [t for t in data if t["type"] == "heatmap"]
    assert not heat.get("texttemplate"), "a heatmap's own numbers would lie under the marker"
    (numbers,) = [t for t in data if t.get("mode") == "text"]
    marks = [i for i, t in enumerate(data) if t.get("mode") == "markers"]
    assert marks and data.index(numbers) > max(marks), "the numbers are drawn above the marker"
    assert all(data[i]["marker"]["symbol"].endswith("-open") for i in marks), "the marker leaves its square free"
    z = np.asarray(heat["z"])
    assert numbers["text"] == [f"{v:.0f}" for v in z.ravel()]
    assert list(zip(numbers["x"], numbers["y"], strict=True)) == [(x, y) for y in heat["y"] for x in heat["x"]]
    light = z.ravel() >= fig_balance.MAP_LIGHT_FROM * z.max()
    palette = style.FigureStyle().palette
    assert numbers["textfont"]["color"] == [palette.text if lit else palette.node_text for lit in light]
    titles = [a["title"]["text"] for a in _axes(fig).values()]
    assert any("Glutamate input (spikes/s)" in t for t in titles) and any("GABA input (spikes/s)" in t for t in titles)


def test_regularity_figure_names_rate_and_cv(figures):
    texts = " ".join(a["text"] for a in figures["regularity"].spec["layout"]["annotations"])
    assert "Cell A, excitation alone" in texts and "Cell B, strong excitation and inhibition" in texts
    assert "CV" in texts


def test_presenter_scale_enlarges_fonts():
    run, fi = excitability.current_step_run(P, 300.0), excitability.fi_curve(P)
    small = fig_excitability.build_current_step_figure(run, fi).spec["layout"]["font"]["size"]
    big = fig_excitability.build_current_step_figure(run, fi, figure_style=style.FigureStyle(scale=1.5)).spec["layout"][
        "font"
    ]
    assert big["size"] >= 1.3 * small


def test_descriptions_say_what_the_figures_show():
    fi = excitability.fi_curve(P)
    assert "did not fire" in lesson_descriptions.describe_current_step(excitability.current_step_run(P, 150.0), fi)
    assert "fired" in lesson_descriptions.describe_current_step(excitability.current_step_run(P, 400.0), fi)
    assert "bigger" in lesson_descriptions.describe_nmda_block(synapses.nmda_coincidence(P, -40.0), 1.0)
    assert "did not fire" in lesson_descriptions.describe_summation(
        synapses.summation(P, n_synapses=1, n_volleys=1), 5.0
    )
    at_rest = lesson_descriptions.describe_ipsp(inhibition.single_ipsp(P))  # E_GABA at rest: one cell stays put
    assert "does not move at all" in at_rest and "In both" not in at_rest, at_rest
    below = lesson_descriptions.describe_ipsp(inhibition.single_ipsp(replace(P, E_gaba_mV=-80.0)))
    assert "In both, V moves towards E_GABA." in below, "both cells move when E_GABA is below both"
    assert "lowers" in lesson_descriptions.describe_shunting(inhibition.shunting_experiment(P))
    assert "raises" in lesson_descriptions.describe_shunting(
        inhibition.shunting_experiment(replace(P, E_gaba_mV=-40.0))
    )


@pytest.mark.parametrize("t_ref_ms", range(1, 11))  # lesson 1's refractory-period slider
def test_the_fi_panel_draws_its_first_and_last_points_whole_and_its_caption_stays_on_its_axis(t_ref_ms):
    """Lesson 1's f-I panel reaches a little beyond its first and last currents and below zero spikes/s, so
    no marker is cut in half at an edge; and every rate its caption quotes lies on the panel's rate axis (the
    refractory ceiling, 1000 / t_ref spikes/s, lies far above it, so the caption does not quote it)."""
    params = replace(P, t_ref_ms=float(t_ref_ms))
    fi = excitability.fi_curve(params)
    run = excitability.current_step_run(params, float(fi.currents_pA[-1]))  # the diamond at the last point too
    layout = fig_excitability.build_current_step_figure(run, fi).spec["layout"]
    (x_lo, x_hi), (y_lo, y_hi) = layout["xaxis2"]["range"], layout["yaxis2"]["range"]
    span_x, span_y = x_hi - x_lo, y_hi - y_lo
    assert x_lo <= fi.currents_pA.min() - 0.03 * span_x and x_hi >= fi.currents_pA.max() + 0.03 * span_x
    assert y_lo <= -0.03 * span_y and y_hi >= 1.05 * max(fi.model_rate_hz.max(), fi.analytic_rate_hz.max())
    text = lesson_descriptions.describe_current_step(run, fi)
    quoted = [float(n) for n in re.findall(r"(\d+(?:\.\d+)?) (?:spikes per second|spikes/s)", text)]
    quoted += [float(n) for n in re.findall(r"up to (\d+) at", text)]
    assert quoted and all(q <= y_hi for q in quoted), f"the caption quotes {quoted}, the axis ends at {y_hi:.0f}"
    assert f"{fi.max_rate_hz:.0f} spikes" not in text, "no ceiling the axis does not reach"
    assert np.all(np.diff(fi.analytic_rate_hz[fi.analytic_rate_hz > 0], 2) <= 1e-9), "it bends over (concave)"
