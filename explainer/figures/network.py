"""Figures of the E/I network: an animated spike raster with population rates, and the circuit diagram.

The raster shows a sample of cells (excitatory and inhibitory in separate, labelled bands and in two
colours) for the whole run, drawn as one image of 2 ms bins (:mod:`explainer.figures.raster_image`): a
scatter marker per spike took 0.2 s to draw in the browser in the balanced state and 1.3 s when
activity ran away, the image ~10 ms.
While the animation plays, a cursor sweeps across the raster, the spikes of the last few
milliseconds light up as large markers (triangles for E cells, circles for I cells), and the circuit
diagram's two populations swell with their current firing rate.  Arrow widths in the diagram follow
the synaptic strengths.  Frames update only small traces (the cursor, the highlighted spikes, the two
population nodes).
"""

from __future__ import annotations

import math

import numpy as np

from explainer.figures import style as st_
from explainer.figures.animation_controls import play_menu
from explainer.figures.raster_image import raster_layout_image
from explainer.figures.spec import FigureSpec
from explainer.model.analysis import population_rate_trace
from explainer.model.network import NetworkParams, NetworkRun

RASTER_EXC_CELLS = 100
RASTER_INH_CELLS = 25
RATE_BIN_ms = 5.0
LEGEND_ENTRY_PX = 175
RASTER_BIN_ms = 2.0  # raster image resolution: about one screen pixel at laptop width
RASTER_ROW_PX, RASTER_COL_PX = 3, 2  # image pixels per cell row and per bin (crisper when the browser scales it)
HIGHLIGHT_ms = 10.0
EXC_SYMBOL = "triangle-up"
INH_SYMBOL = "circle"
DEFAULT_STYLE = st_.FigureStyle()

# circuit diagram geometry (x 0..10, y 0..6)
E_NODE = (3.0, 3.0)
I_NODE = (7.0, 3.0)  # E and I populations; arrows run between them at y = 3 +/- 0.45
NODE_BASE_PX = 34.0
NODE_GAIN_PX_PER_HZ = 0.35
NODE_MAX_PX = 90.0


def _sampled_spikes(run: NetworkRun) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Spikes of the first RASTER_EXC_CELLS E cells and RASTER_INH_CELLS I cells, with raster rows.

    Rows: excitatory cells 0..n_e-1 at the bottom band, inhibitory cells above them.
    """
    n_e = min(RASTER_EXC_CELLS, run.n_exc)
    n_i = min(RASTER_INH_CELLS, run.n_inh)
    exc = run.spike_cells < n_e
    inh = (run.spike_cells >= run.n_exc) & (run.spike_cells < run.n_exc + n_i)
    return (
        run.spike_times_ms[exc],
        run.spike_cells[exc].astype(np.float32),
        run.spike_times_ms[inh],
        (run.spike_cells[inh] - run.n_exc + n_e + 2).astype(np.float32),  # a small gap between bands
    )


def node_size_px(rate_hz: np.ndarray | float, scale: float = 1.0) -> np.ndarray:
    """Marker size of a population node for a firing rate (grows with rate, capped)."""
    size = NODE_BASE_PX + NODE_GAIN_PX_PER_HZ * np.asarray(rate_hz, dtype=float)
    return np.minimum(size, NODE_MAX_PX) * scale


def arrow_width_px(weight_nS: float, reference_nS: float, scale: float = 1.0) -> float:
    """Line width of a connection arrow: 1 px at zero weight, 6 px at the reference weight, at most 14."""
    if reference_nS <= 0:
        return 1.0 * scale
    return float(min(14.0, 1.0 + 5.0 * weight_nS / reference_nS)) * scale


def _circuit_parts(run: NetworkRun, s: st_.FigureStyle, xa: str, ya: str) -> tuple[list[dict], list[dict]]:
    """Static circuit diagram: connections as arrows (width ~ strength; excitatory ends in an arrowhead,
    inhibitory in a round end, the textbook convention) and labels.  Returns (traces, annotations)."""
    p = run.params
    ref_e, ref_i = NetworkParams.w_exc_nS, NetworkParams.w_inh_nS  # defaults set the reference widths
    w_ee = arrow_width_px(p.w_exc_nS, ref_e, s.scale)
    w_ei = arrow_width_px(p.w_exc_nS * p.e_to_i_scale, ref_e, s.scale)
    w_ii = w_ie = arrow_width_px(p.w_inh_nS, ref_i, s.scale)
    annotations: list[dict] = []

    def arrow(tail, head, width, color, excitatory):
        annotations.append(
            {
                "xref": xa,
                "yref": ya,
                "axref": xa,
                "ayref": ya,
                "x": head[0],
                "y": head[1],
                "ax": tail[0],
                "ay": tail[1],
                "showarrow": True,
                "arrowcolor": color,
                "arrowwidth": width,
                "arrowhead": 2 if excitatory else 6,
                "arrowsize": 1.0 if excitatory else 0.9,
                "text": "",
            }
        )

    def label(x, y, text, color):
        annotations.append(
            {
                "xref": xa,
                "yref": ya,
                "x": x,
                "y": y,
                "text": text,
                "showarrow": False,
                "font": {"size": s.small_font_px, "color": color},
            }
        )

    arrow((3.7, 3.45), (6.25, 3.45), w_ei, st_.GLUTAMATE_COLOR, True)
    label(5.0, 3.95, f"glutamate → I: {p.w_exc_nS * p.e_to_i_scale:.1f} nS", st_.GLUTAMATE_COLOR)
    arrow((6.3, 2.55), (3.75, 2.55), w_ie, st_.GABA_COLOR, False)
    label(5.0, 2.15, f"GABA → E: {p.w_inh_nS:.0f} nS", st_.GABA_COLOR)
    traces: list[dict] = []
    theta = np.linspace(0.1 * math.pi, 0.9 * math.pi, 24)
    for (cx, cy), color, dash, width, text, excitatory, direction in (
        (E_NODE, st_.GLUTAMATE_COLOR, "solid", w_ee, f"E → E: {p.w_exc_nS:.1f} nS", True, 1.0),
        (I_NODE, st_.GABA_COLOR, "dash", w_ii, f"I → I: {p.w_inh_nS:.0f} nS", False, -1.0),
    ):
        # loops end on the outer side of each node (E: left, I: right), away from the E <-> I labels
        xs = np.round(cx + direction * 0.85 * np.cos(theta), 3)
        ys = np.round(cy + 0.75 + 0.85 * np.sin(theta), 3)
        traces.append(
            {
                "type": "scatter",
                "mode": "lines",
                "xaxis": xa,
                "yaxis": ya,
                "x": xs.tolist(),
                "y": ys.tolist(),
                "line": {"color": color, "width": width, "dash": dash},
                "hoverinfo": "skip",
                "showlegend": False,
                "name": text,
            }
        )
        arrow((float(xs[-3]), float(ys[-3])), (float(xs[-1]), float(ys[-1]) - 0.05), min(width, 3.0), color, excitatory)
        label(cx, cy + 1.95, text, color)
    ext = "external input: a kick at the start" if p.kick_ms > 0 else "external input: no kick"
    if p.ext_rate_hz > 0:
        ext += f", then {p.ext_rate_hz:.0f} spikes/s per cell"
    label(5.0, 0.6, ext, "#444444")
    arrow((E_NODE[0], 0.95), (E_NODE[0], 2.35), arrow_width_px(1.0, 1.0, s.scale) / 2, "#777777", True)
    arrow((I_NODE[0], 0.95), (I_NODE[0], 2.35), arrow_width_px(1.0, 1.0, s.scale) / 2, "#777777", True)
    return traces, annotations


def build_network_animation(
    run: NetworkRun,
    *,
    frame_ms: float = 10.0,
    frame_duration_ms: int = 80,
    figure_style: st_.FigureStyle = DEFAULT_STYLE,
    animation_id: str = "",
) -> FigureSpec:
    """Raster + population rates + circuit diagram, animated in the browser."""
    s = figure_style
    t_end = run.duration_ms
    n_frames = math.floor(t_end / frame_ms + 1e-9) + 1
    frame_t = np.arange(n_frames) * frame_ms
    te, ye, ti, yi = _sampled_spikes(run)
    n_e_rows = min(RASTER_EXC_CELLS, run.n_exc)
    n_i_rows = min(RASTER_INH_CELLS, run.n_inh)
    top_row = n_e_rows + n_i_rows + 2
    centres, rate_e = population_rate_trace(run, slice(0, run.n_exc), RATE_BIN_ms)
    _, rate_i = population_rate_trace(run, slice(run.n_exc, run.n_exc + run.n_inh), RATE_BIN_ms)
    rate_top = max(10.0, float(max(rate_e.max(initial=0), rate_i.max(initial=0))) * 1.1)
    # frame-window rates for the nodes: spikes in (t - frame_ms, t]
    _, win_e = population_rate_trace(run, slice(0, run.n_exc), frame_ms)
    _, win_i = population_rate_trace(run, slice(run.n_exc, run.n_exc + run.n_inh), frame_ms)
    win_e = np.concatenate(([0.0], win_e))[:n_frames]
    win_i = np.concatenate(([0.0], win_i))[:n_frames]

    traces: list[dict] = []

    def add(trace: dict) -> int:
        traces.append(trace)
        return len(traces) - 1

    # raster (x/y), rates (x2/y2), circuit (x3/y3)
    n_bins = max(1, math.ceil(t_end / RASTER_BIN_ms - 1e-9))
    raster = np.zeros((top_row + 1, n_bins), dtype=np.uint8)  # 0 no spike, 1 E cell spike, 2 I cell spike
    for times, rows, code in ((te, ye, 1), (ti, yi, 2)):
        cols = np.minimum((times // RASTER_BIN_ms).astype(np.int64), n_bins - 1)
        raster[rows.astype(np.int64), cols] = code
    raster_image = raster_layout_image(
        raster[::-1],  # image rows run top to bottom
        [st_.GLUTAMATE_COLOR, st_.GABA_COLOR],
        xref="x",
        yref="y",
        x0=0.0,
        x1=n_bins * RASTER_BIN_ms,
        y_top=top_row + 0.5,
        y_bottom=-0.5,
        row_px=RASTER_ROW_PX,
        col_px=RASTER_COL_PX,
    )
    add(
        {
            "type": "scatter",
            "mode": "lines",
            "xaxis": "x2",
            "yaxis": "y2",
            "x": centres.astype(np.float32),
            "y": rate_e.astype(np.float32),
            "name": "excitatory rate",
            "line": {"color": st_.GLUTAMATE_COLOR, "width": 2 * s.scale, "dash": st_.GLUTAMATE_DASH},
            "hovertemplate": "%{y:.0f} spikes/s per E cell<extra></extra>",
            "showlegend": False,
        }
    )
    add(
        {
            "type": "scatter",
            "mode": "lines",
            "xaxis": "x2",
            "yaxis": "y2",
            "x": centres.astype(np.float32),
            "y": rate_i.astype(np.float32),
            "name": "inhibitory rate",
            "line": {"color": st_.GABA_COLOR, "width": 2 * s.scale, "dash": st_.GABA_DASH},
            "hovertemplate": "%{y:.0f} spikes/s per I cell<extra></extra>",
            "showlegend": False,
        }
    )
    circuit_traces, circuit_annotations = _circuit_parts(run, s, "x3", "y3")
    for t in circuit_traces:
        add(t)

    def spike_markers(name: str, symbol: str, color: str, xy: list[float], legend: bool) -> dict:
        return {
            "type": "scatter",
            "mode": "markers",
            "x": list(xy),
            "y": list(xy),
            "name": name,
            "marker": {"symbol": symbol, "size": 9 * s.scale, "color": color, "line": {"color": "#000000", "width": 1}},
            "hoverinfo": "skip",
            "showlegend": legend,
        }

    # Legend keys: one off-axis point each, so the legend is there from the first frame (the highlight
    # traces below start empty, and an empty trace gets no legend entry).
    add(spike_markers("E cells (glutamate)", EXC_SYMBOL, st_.GLUTAMATE_COLOR, [-1000.0], legend=True))
    add(spike_markers("I cells (GABA)", INH_SYMBOL, st_.GABA_COLOR, [-1000.0], legend=True))
    # animated traces (each panel has one: see neuron_diagram for why): the spikes of the last few ms
    hl_e = add(spike_markers("E cells spiking now", EXC_SYMBOL, st_.GLUTAMATE_COLOR, [], legend=False))
    hl_i = add(spike_markers("I cells spiking now", INH_SYMBOL, st_.GABA_COLOR, [], legend=False))
    # the time cursor, one per data panel (raster, rates)
    cursor_raster, cursor_rate = (
        add(
            {
                "type": "scatter",
                "mode": "lines",
                "xaxis": xa,
                "yaxis": ya,
                "x": [0.0, 0.0],
                "y": list(y_span),
                "line": {"color": st_.CURSOR_COLOR, "width": 2 * s.scale},
                "hoverinfo": "skip",
                "showlegend": False,
                "name": "now",
            }
        )
        for xa, ya, y_span in (("x", "y", (-1.0, top_row + 1.0)), ("x2", "y2", (0.0, rate_top)))
    )
    nodes = add(
        {
            "type": "scatter",
            "mode": "markers+text",
            "xaxis": "x3",
            "yaxis": "y3",
            "x": [E_NODE[0], I_NODE[0]],
            "y": [E_NODE[1], I_NODE[1]],
            "text": ["E", "I"],
            "textfont": {"size": s.font_px + 2, "color": "#FFFFFF"},
            "marker": {
                "symbol": [EXC_SYMBOL, INH_SYMBOL],
                "size": node_size_px([0.0, 0.0], s.scale).tolist(),
                "color": [st_.GLUTAMATE_COLOR, st_.GABA_COLOR],
                "line": {"color": "#000000", "width": 1.5},
            },
            "hoverinfo": "skip",
            "showlegend": False,
            "name": "populations",
        }
    )
    readout = add(
        {
            "type": "scatter",
            "mode": "text",
            "xaxis": "x3",
            "yaxis": "y3",
            "x": [5.0],
            "y": [5.6],
            "text": [_readout(0.0, 0.0, 0.0)],
            "textfont": {"size": s.small_font_px, "color": "#000000"},
            "hoverinfo": "skip",
            "showlegend": False,
        }
    )

    animated = [hl_e, hl_i, cursor_raster, cursor_rate, nodes, readout]
    e_sort = np.argsort(te, kind="stable")
    i_sort = np.argsort(ti, kind="stable")
    te_s, ye_s, ti_s, yi_s = te[e_sort], ye[e_sort], ti[i_sort], yi[i_sort]
    frames = []
    for j, t in enumerate(frame_t.tolist()):
        lo_e, hi_e = np.searchsorted(te_s, [t - HIGHLIGHT_ms, t], side="right")
        lo_i, hi_i = np.searchsorted(ti_s, [t - HIGHLIGHT_ms, t], side="right")
        frames.append(
            {
                "name": f"{j}",
                "traces": animated,
                "data": [
                    {"x": np.round(te_s[lo_e:hi_e], 1).tolist(), "y": ye_s[lo_e:hi_e].tolist()},
                    {"x": np.round(ti_s[lo_i:hi_i], 1).tolist(), "y": yi_s[lo_i:hi_i].tolist()},
                    {"x": [t, t]},
                    {"x": [t, t]},
                    {"marker.size": np.round(node_size_px([win_e[j], win_i[j]], s.scale), 1).tolist()},
                    {"text": [_readout(t, float(win_e[j]), float(win_i[j]))]},
                ],
            }
        )

    layout = st_.base_layout(s, 560)
    layout.update(
        {
            "showlegend": True,
            "legend": {
                "orientation": "h",
                "x": 0.0,
                "y": 1.0,
                "xanchor": "left",
                "yanchor": "bottom",
                "font": {"size": s.small_font_px},
                # Fixed entry widths: Plotly measures legend text before the page font has loaded and
                # clipped the last entry ("I cells (GABA").
                "entrywidth": round(LEGEND_ENTRY_PX * s.scale),
                "entrywidthmode": "pixels",
            },
            "margin": {"l": 10, "r": 20, "t": round(80 * s.scale), "b": round(50 * s.scale)},
            "xaxis": {
                "domain": [0.0, 0.6],
                "range": [0, t_end],
                "anchor": "y",
                "showticklabels": False,
                "gridcolor": st_.GRID_COLOR,
                "fixedrange": True,
            },
            "yaxis": {
                "domain": [0.36, 1.0],
                "range": [-1, top_row + 1],
                "title": {"text": "Cell"},
                "automargin": True,
                "tickvals": [n_e_rows / 2, n_e_rows + 2 + n_i_rows / 2],
                "ticktext": ["E cells", "I cells"],
                "fixedrange": True,
                "zeroline": False,
            },
            "xaxis2": {
                "domain": [0.0, 0.6],
                "range": [0, t_end],
                "anchor": "y2",
                "title": {"text": "Time (ms)"},
                "gridcolor": st_.GRID_COLOR,
                "fixedrange": True,
            },
            "yaxis2": {
                "domain": [0.0, 0.3],
                "range": [0, rate_top],
                "title": {"text": "Rate<br>(spikes/s)"},
                "automargin": True,
                "gridcolor": st_.GRID_COLOR,
                "fixedrange": True,
                "zeroline": False,
            },
            "xaxis3": {
                "domain": [0.66, 1.0],
                "range": [0.5, 9.5],
                "anchor": "y3",
                "visible": False,
                "fixedrange": True,
            },
            "yaxis3": {"domain": [0.0, 1.0], "range": [0, 6], "anchor": "x3", "visible": False, "fixedrange": True},
            "updatemenus": [play_menu(frame_duration_ms, s, x=0.66, y=1.0)],
            "meta": {"animation_id": animation_id, "frame_ms": frame_ms},
            "annotations": circuit_annotations,
            "images": [raster_image],
        }
    )
    if s.narrow:
        _stack_for_phone(layout)
    return FigureSpec(st_.finish({"data": traces, "layout": layout, "frames": frames}, s))


NARROW_HEIGHT_PX = 860


def _stack_for_phone(layout: dict) -> None:
    """Phone layout: the circuit on top, the raster and the rates below it at full width (in place)."""
    layout["height"] = NARROW_HEIGHT_PX
    layout["margin"].update({"l": 8, "r": 12, "t": 50, "b": 50})
    layout["xaxis3"]["domain"] = [0.0, 1.0]
    layout["yaxis3"]["domain"] = [0.69, 1.0]
    layout["xaxis"]["domain"] = [0.0, 1.0]
    layout["yaxis"]["domain"] = [0.28, 0.64]
    layout["xaxis2"]["domain"] = [0.0, 1.0]
    layout["yaxis2"]["domain"] = [0.0, 0.2]
    layout["legend"]["y"] = 0.645
    layout["updatemenus"][0].update({"x": 0.0, "y": 1.0})


def _readout(t_ms: float, rate_e: float, rate_i: float) -> str:
    return f"t = {t_ms:.0f} ms   E {rate_e:.0f} / I {rate_i:.0f} spikes/s"


def build_disinhibition_chart(
    scales: np.ndarray,
    exc_rates_hz: np.ndarray,
    inh_rates_hz: np.ndarray,
    current: tuple[float, float, float] | None = None,
    *,
    figure_style: st_.FigureStyle = DEFAULT_STYLE,
) -> FigureSpec:
    """Firing rates of E and I cells against the E->I glutamate scale (1 = intact, left to right: weaker).

    ``current``: (scale, E rate, I rate) of the setting on screen, drawn as larger markers.
    """
    s = figure_style
    traces = [
        {
            "type": "scatter",
            "mode": "lines+markers",
            "x": np.asarray(scales, dtype=float).tolist(),
            "y": np.round(exc_rates_hz, 2).tolist(),
            "name": "excitatory (pyramidal) cells",
            "line": {"color": st_.GLUTAMATE_COLOR, "width": 3 * s.scale, "dash": st_.GLUTAMATE_DASH},
            "marker": {"symbol": EXC_SYMBOL, "size": 11 * s.scale, "color": st_.GLUTAMATE_COLOR},
            "hovertemplate": "scale %{x:.1f}: %{y:.1f} spikes/s<extra>E cells</extra>",
        },
        {
            "type": "scatter",
            "mode": "lines+markers",
            "x": np.asarray(scales, dtype=float).tolist(),
            "y": np.round(inh_rates_hz, 2).tolist(),
            "name": "inhibitory interneurons",
            "line": {"color": st_.GABA_COLOR, "width": 3 * s.scale, "dash": st_.GABA_DASH},
            "marker": {"symbol": INH_SYMBOL, "size": 11 * s.scale, "color": st_.GABA_COLOR},
            "hovertemplate": "scale %{x:.1f}: %{y:.1f} spikes/s<extra>I cells</extra>",
        },
    ]
    if current is not None:
        scale, r_e, r_i = current
        traces.append(
            {
                "type": "scatter",
                "mode": "markers",
                "x": [scale, scale],
                "y": [round(r_e, 2), round(r_i, 2)],
                "name": "the setting on screen",
                "marker": {
                    "symbol": "circle-open",
                    "size": 22 * s.scale,
                    "color": "#000000",
                    "line": {"width": 2.5 * s.scale, "color": "#000000"},
                },
                "hovertemplate": "on screen: %{y:.1f} spikes/s<extra></extra>",
            }
        )
    layout = st_.base_layout(s, 360)
    layout.update(
        {
            "xaxis": {
                "title": {"text": "Glutamate drive onto I cells (1 = intact)"},
                "autorange": "reversed",
                "gridcolor": st_.GRID_COLOR,
                "fixedrange": True,
            },
            "yaxis": {
                "title": {"text": "Firing rate (spikes/s)"},
                "rangemode": "tozero",
                "gridcolor": st_.GRID_COLOR,
                "fixedrange": True,
            },
            "legend": {"orientation": "h", "x": 0.0, "y": 1.02, "yanchor": "bottom", "font": {"size": s.small_font_px}},
            "margin": {"l": 10, "r": 20, "t": round(50 * s.scale), "b": 10},
        }
    )
    layout["xaxis"]["automargin"] = True
    layout["yaxis"]["automargin"] = True
    return FigureSpec(st_.finish({"data": traces, "layout": layout}, s))
