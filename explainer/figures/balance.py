"""Balance (lesson 4): the rate map over glutamate x GABA, and two cells' irregularity."""

from __future__ import annotations

import math

import numpy as np

from explainer.content.format import num
from explainer.content.words import words
from explainer.figures import style
from explainer.figures.neuron_view import SPIKE_DRAWN_PEAK_mV
from explainer.figures.parts import (
    DEFAULT_STYLE,
    axis,
    clip_run,
    finish,
    line_break,
    panel_layout,
    panel_title,
    time_axis_title,
    v_and_spikes,
)
from explainer.figures.spec import FigureSpec
from explainer.model.experiments.balance import RateMap, Regularity
from explainer.model.spikes import isi_cv

WORDS = words("figures")


MAP_LIGHT_FROM = 0.5  # of the map's top rate: from here up Cividis is light, and a cell's number is dark
MARKER_PX = 28  # the ring around the number of the cell it sits on: a little smaller than a cell on a phone


def _map_numbers(rmap: RateMap, z: np.ndarray, s: style.FigureStyle) -> dict:
    """Every cell's rate, written over the map as a trace of its own, drawn last: above the "your sliders" ring,
    so the ring never hides a number (a heatmap's own numbers lie under every later trace).  Dark on the light
    cells, light on the dark ones, as the heatmap would write them, each with a shadow of the other tone, so a
    number stays legible where the ring's line crosses it."""
    xs, ys = np.meshgrid(rmap.glutamate_rates_hz, rmap.gaba_rates_hz)
    light = z >= MAP_LIGHT_FROM * max(float(z.max()), 1.0)
    return {
        "type": "scatter",
        "mode": "text",
        "x": xs.ravel().tolist(),
        "y": ys.ravel().tolist(),
        "text": [num(v) for v in z.ravel()],
        "textfont": {
            "size": s.small_font_px,
            "color": [s.palette.text if lit else s.palette.node_text for lit in light.ravel()],
            "shadow": "auto",
        },
        "showlegend": False,
        "hoverinfo": "skip",
        "name": WORDS.text("rate_map_trace"),
    }


def _map_marker(marker: tuple[float, float], s: style.FigureStyle) -> list[dict]:
    """The sliders' point: a ring, drawn light under dark, so it shows on dark and light cells alike and leaves
    the number inside it free (a filled marker hid it)."""
    common = {"type": "scatter", "mode": "markers", "x": [marker[0]], "y": [marker[1]]}

    def ring(color: str, width: float) -> dict:  # an open symbol draws its line in the marker's colour
        return {"symbol": "circle-open", "size": s.marker_px(MARKER_PX), "color": color, "line": {"width": width}}

    halo = {**common, "marker": ring(s.palette.cytoplasm, 5.0), "showlegend": False, "hoverinfo": "skip"}
    outline = {
        **common,
        "name": WORDS.text("rate_map_marker"),
        "marker": ring(s.palette.outline, 2.0),
        "hovertemplate": WORDS.text("rate_map_marker_hover"),
    }
    return [halo, outline]


def build_rate_map_figure(
    rmap: RateMap,
    marker: tuple[float, float] | None = None,
    *,
    figure_style: style.FigureStyle = DEFAULT_STYLE,
) -> FigureSpec:
    """Output firing rate over glutamate x GABA input rate; ``marker`` = (glutamate, GABA) of the sliders."""
    s = figure_style
    z = np.round(rmap.rate_hz, 1)
    traces = [
        {
            "type": "heatmap",
            "x": rmap.glutamate_rates_hz.tolist(),
            "y": rmap.gaba_rates_hz.tolist(),
            "z": z.tolist(),
            "colorscale": "Cividis",
            "zmin": 0,
            # on a phone the cells need the width, and their numbers already say what the colours mean
            "showscale": not s.narrow,
            "colorbar": {
                "title": {"text": WORDS.text("rate_map_colorbar"), "side": "top"},
                "thickness": round(14 * s.scale),
            },
            "name": WORDS.text("rate_map_trace"),
            "hovertemplate": WORDS.text("rate_map_hover"),
        }
    ]
    if marker is not None:
        traces += _map_marker(marker, s)
    traces.append(_map_numbers(rmap, z, s))
    step_x = float(np.diff(rmap.glutamate_rates_hz).mean()) if rmap.glutamate_rates_hz.size > 1 else 1.0
    step_y = float(np.diff(rmap.gaba_rates_hz).mean()) if rmap.gaba_rates_hz.size > 1 else 1.0
    layout = panel_layout(
        s,
        480,
        xaxis=axis(
            WORDS.text("rate_map_glutamate_axis"),
            range=[rmap.glutamate_rates_hz[0] - step_x / 2, rmap.glutamate_rates_hz[-1] + step_x / 2],
            showgrid=False,
        ),
        yaxis=axis(
            WORDS.text("rate_map_gaba_axis"),
            range=[rmap.gaba_rates_hz[0] - step_y / 2, rmap.gaba_rates_hz[-1] + step_y / 2],
            showgrid=False,
        ),
    )
    layout["margin"]["t"] = round(40 * s.scale)
    return finish(traces, layout, s)


def build_regularity_figure(
    reg: Regularity, *, show_ms: float = 1000.0, figure_style: style.FigureStyle = DEFAULT_STYLE
) -> FigureSpec:
    """Two cells at similar rates: excitation alone (top) and strong balanced E and I (bottom)."""
    s = figure_style
    traces: list[dict] = []
    annotations: list[dict] = []
    rows = (
        (reg.excitation_only, WORDS.text("regularity_cell_a"), "x", "y", [0.56, 1.0], s.palette.glutamate),
        (reg.balanced, WORDS.text("regularity_cell_b"), "x2", "y2", [0.0, 0.44], s.palette.v),
    )
    for run, name, xa, ya, _domain, color in rows:
        keep = run.t_ms <= show_ms
        part = clip_run(run, keep)
        traces += v_and_spikes(part, name, color, s, xaxis=xa, yaxis=ya)
        traces[-2]["showlegend"] = False
        cv = isi_cv(run.spike_times_ms)
        cv_text = WORDS.text("regularity_cv_undefined") if math.isnan(cv) else num(cv, 2)
        title = WORDS.text("regularity_title", name=name, br=line_break(s), rate=num(run.firing_rate_hz), cv=cv_text)
        annotations.append(panel_title(title, ya, s))
    p = reg.balanced.params
    v_title, v_range = WORDS.text("v_axis_short"), [p.E_L_mV - 5, SPIKE_DRAWN_PEAK_mV + 10]
    layout = panel_layout(
        s,
        460,
        showlegend=False,
        xaxis=axis("", domain=[0, 1], range=[0, show_ms], anchor="y", showticklabels=False),
        yaxis=axis(v_title, domain=rows[0][4], range=v_range, anchor="x"),
        xaxis2=axis(time_axis_title(), domain=[0, 1], range=[0, show_ms], anchor="y2"),
        yaxis2=axis(v_title, domain=rows[1][4], range=v_range, anchor="x2"),
        annotations=annotations,
    )
    layout["margin"]["t"] = round(36 * s.scale)
    return finish(traces, layout, s)
