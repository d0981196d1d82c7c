"""Figures of the lessons: voltage traces, the f-I curve, PSPs, the Mg2+ block, shunting, the rate map.

Built as plain spec dicts wrapped in :class:`~explainer.figures.spec.FigureSpec` (fast; see spec.py).
Colours, fonts and line styles come from :mod:`explainer.figures.style` only.  Every axis title carries
its unit; every trace is told apart by colour *and* line style or marker, and named in a legend or label.
Spikes are drawn as vertical lines from threshold to SPIKE_DRAWN_PEAK_mV: the model itself resets at once.
"""

from __future__ import annotations

import math
from dataclasses import replace

import numpy as np

from explainer.figures import style as st_
from explainer.figures.neuron_view import SPIKE_DRAWN_PEAK_mV
from explainer.figures.spec import FigureSpec
from explainer.model.experiments.balance import RateMap, Regularity
from explainer.model.experiments.excitability import FICurve
from explainer.model.experiments.inhibition import ShuntingExperiment, SingleIPSP
from explainer.model.experiments.synapses import NMDACoincidence, SingleEPSP, Summation
from explainer.model.neuron import NeuronRun, mg_block
from explainer.model.spikes import isi_cv

DEFAULT_STYLE = st_.FigureStyle()
V_AXIS_TITLE = "Membrane potential V (mV)"
TIME_AXIS_TITLE = "Time (ms)"
MAX_POINTS = 3000  # per trace; spikes are drawn separately, so nothing visible is lost

REST_COLOR = st_.V_COLOR
DEPOLARISED_COLOR = st_.OKABE_ITO["orange"]
MARKER_FILL = st_.CYTOPLASM_COLOR  # the current-slider marker on the rate map (near white, black outline)
IPSP_MIN_SPAN_mV = 8.0
WINDOW_FILL = "rgba(0,114,178,0.10)"  # GABA_COLOR (Okabe-Ito blue) at 10 % opacity


def _f32(x) -> np.ndarray:
    return np.asarray(x, dtype=np.float32)


def _stride(n: int) -> int:
    return max(1, math.ceil(n / MAX_POINTS))


def _axis(title: str, **extra) -> dict:
    axis = {
        "title": {"text": title},  # its standoff is set by style.clear_axis_labels in _spec
        "gridcolor": st_.GRID_COLOR,
        "zeroline": False,
        "fixedrange": True,
        "automargin": True,
    }
    axis.update(extra)
    return axis


def _layout(s: st_.FigureStyle, height_px: int, **extra) -> dict:
    layout = st_.base_layout(s, height_px)
    layout.update(
        {
            "showlegend": True,
            "legend": {
                "orientation": "h",
                "x": 0.0,
                "y": 1.02,
                "xanchor": "left",
                "yanchor": "bottom",
                "font": {"size": s.small_font_px},
            },
            "margin": {"l": 10, "r": 20, "t": round(60 * s.scale), "b": 10},
        }
    )
    layout.update(extra)
    return layout


LEGEND_CHAR_PX = 0.56  # average glyph width as a fraction of the font size (Source Sans / DejaVu)


def _spec(traces: list[dict], layout: dict, s: st_.FigureStyle) -> FigureSpec:
    """Wrap up a figure; legend entries get a fixed width from their longest label.

    Plotly sizes legend entries from the text measured when it first draws; if the page's font arrives
    later the labels grow and overlap.  A width from the label lengths keeps them apart either way.
    """
    names = [
        t.get("name", "")
        for t in traces
        if t.get("showlegend", True) and t.get("type", "scatter") == "scatter" and t.get("name")
    ]
    if names and layout.get("showlegend", True):
        font_px = layout.get("legend", {}).get("font", {}).get("size", st_.BASE_FONT_PX)
        width = round(max(len(n) for n in names) * font_px * LEGEND_CHAR_PX) + 12
        layout.setdefault("legend", {}).update({"entrywidth": width, "entrywidthmode": "pixels"})
    if s.narrow:
        stack_columns(layout)
    st_.clear_axis_labels(layout, s)
    return FigureSpec(st_.finish({"data": traces, "layout": layout}, s))


NARROW_STACK_SLOTS = ([0.58, 1.0], [0.0, 0.42])  # top and bottom panel on a phone
NARROW_HEIGHT_FACTOR = 1.7


def stack_columns(layout: dict) -> None:
    """Phone layout (in place): two side-by-side panels become top and bottom, each at full width.

    Applies to figures with exactly two x axes in columns whose y axes span the full height; anything
    else is left as it is.
    """
    columns = sorted(
        (ax["domain"][0], name)
        for name, ax in layout.items()
        if name.startswith("xaxis") and isinstance(ax, dict) and list(ax.get("domain", [0, 1])) != [0, 1]
    )
    if len(columns) != 2:
        return
    pairs = []
    for _, x_name in columns:
        y_name = "yaxis" + str(layout[x_name].get("anchor", "y"))[1:]
        if y_name not in layout or list(layout[y_name].get("domain", [0, 1])) != [0, 1]:
            return
        pairs.append((x_name, y_name))
    for (x_name, y_name), slot in zip(pairs, NARROW_STACK_SLOTS, strict=True):
        layout[x_name]["domain"] = [0.0, 1.0]
        layout[y_name]["domain"] = list(slot)
    layout["height"] = round(layout["height"] * NARROW_HEIGHT_FACTOR)


def _line(x, y, name: str, color: str, *, dash: str = "solid", xaxis="x", yaxis="y", width=2.0, **extra) -> dict:
    trace = {
        "type": "scatter",
        "mode": "lines",
        "x": _f32(x) if not isinstance(x, list) else x,
        "y": _f32(y) if not isinstance(y, list) else y,
        "name": name,
        "xaxis": xaxis,
        "yaxis": yaxis,
        "line": {"color": color, "dash": dash, "width": width},
    }
    trace.update(extra)
    return trace


def _v_and_spikes(
    run: NeuronRun, name: str, color: str, s: st_.FigureStyle, *, xaxis="x", yaxis="y", t_offset_ms: float = 0.0
) -> list[dict]:
    """The membrane trace and its spikes (vertical lines), as two traces in one legend group."""
    stride = _stride(run.t_ms.size)
    t = run.t_ms[::stride] - t_offset_ms
    v_trace = _line(
        t,
        run.v_mV[::stride],
        name,
        color,
        xaxis=xaxis,
        yaxis=yaxis,
        width=1.8 * s.scale,
        legendgroup=name,
        hovertemplate="%{x:.1f} ms, %{y:.1f} mV<extra>" + name + "</extra>",
    )
    xs: list = []
    ys: list = []
    for ts in (run.spike_times_ms - t_offset_ms).tolist():
        xs += [ts, ts, None]
        ys += [run.params.V_th_mV, SPIKE_DRAWN_PEAK_mV, None]
    spikes = _line(
        xs,
        ys,
        f"{name}: spikes",
        color,
        xaxis=xaxis,
        yaxis=yaxis,
        width=1.5 * s.scale,
        legendgroup=name,
        showlegend=False,
        hoverinfo="skip",
    )
    return [v_trace, spikes]


def _hline(y: float, x0: float, x1: float, name: str, color: str, s, *, dash="dash", xaxis="x", yaxis="y") -> dict:
    return _line(
        [x0, x1],
        [y, y],
        name,
        color,
        dash=dash,
        xaxis=xaxis,
        yaxis=yaxis,
        width=1.5 * s.scale,
        hovertemplate=f"{name}: %{{y:.0f}} mV<extra></extra>",
    )


def _break(s: st_.FigureStyle) -> str:
    """Between the two parts of a panel title: a line break on a phone, where one line would be cut off."""
    return "<br>" if s.narrow else " "


def _panel_title(text: str, yaxis: str, s: st_.FigureStyle) -> dict:
    """A title above the panel of ``yaxis``, from its left edge."""
    x_axis = "x" + yaxis[1:]
    return _label(
        0.0,
        1.0,
        text,
        s,
        xref=f"{x_axis} domain",
        yref=f"{yaxis} domain",
        xanchor="left",
        yanchor="bottom",
        align="left",
    )


def _label(x, y, text: str, s, *, xref="x", yref="y", xanchor="right", yanchor="bottom", color=None, **extra) -> dict:
    ann = {
        "xref": xref,
        "yref": yref,
        "x": x,
        "y": y,
        "text": text,
        "showarrow": False,
        "xanchor": xanchor,
        "yanchor": yanchor,
        "font": {"size": s.small_font_px, "color": color or st_.TEXT_COLOR},
        "bgcolor": st_.LABEL_BACKGROUND,  # legible where a trace runs behind it
    }
    ann.update(extra)
    return ann


# ---------------------------------------------------------------------------------------------------
# Lesson 1
# ---------------------------------------------------------------------------------------------------


def build_current_step_figure(
    run: NeuronRun, fi: FICurve, *, figure_style: st_.FigureStyle = DEFAULT_STYLE
) -> FigureSpec:
    """Left: V under a constant injected current.  Right: the f-I curve, model and formula, rheobase marked."""
    s = figure_style
    p = run.params
    i = run.i_ext_pA
    t_end = float(run.t_ms[-1])
    v_inf = p.E_L_mV + i / p.g_L_nS
    traces = _v_and_spikes(run, "membrane potential", st_.V_COLOR, s)
    traces.append(_hline(p.V_th_mV, 0, t_end, "threshold", st_.THRESHOLD_COLOR, s))
    traces.append(
        _line(
            [0, t_end],
            [v_inf, v_inf],
            "where V would settle without spiking",
            st_.CURSOR_COLOR,
            dash="dot",
            width=1.5 * s.scale,
            hovertemplate="V would settle at %{y:.0f} mV<extra></extra>",
        )
    )
    # f-I panel
    traces.append(
        _line(
            fi.analytic_currents_pA,
            fi.analytic_rate_hz,
            "formula (leaky integrate-and-fire)",
            st_.GABA_COLOR,
            xaxis="x2",
            yaxis="y2",
            width=2.0 * s.scale,
            hovertemplate="%{x:.0f} pA: %{y:.0f} spikes/s<extra>formula</extra>",
        )
    )
    traces.append(
        {
            "type": "scatter",
            "mode": "markers",
            "x": _f32(fi.currents_pA),
            "y": _f32(fi.model_rate_hz),
            "name": "simulated cell",
            "xaxis": "x2",
            "yaxis": "y2",
            "marker": {
                "symbol": "circle-open",
                "size": s.marker_px(8),
                "color": st_.V_COLOR,
                "line": {"width": 1.5, "color": st_.V_COLOR},
            },
            "hovertemplate": "%{x:.0f} pA: %{y:.0f} spikes/s<extra>simulated</extra>",
        }
    )
    rate_now = float(np.interp(i, fi.analytic_currents_pA, fi.analytic_rate_hz)) if i <= fi.currents_pA.max() else 0
    traces.append(
        {
            "type": "scatter",
            "mode": "markers",
            "x": [i],
            "y": [rate_now],
            "name": "your current",
            "xaxis": "x2",
            "yaxis": "y2",
            "marker": {
                "symbol": "diamond",
                "size": s.marker_px(16),
                "color": DEPOLARISED_COLOR,
                "line": {"width": 1.5, "color": st_.V_COLOR},
            },
            "hovertemplate": "your current: %{x:.0f} pA<extra></extra>",
        }
    )
    i_max = float(fi.currents_pA.max())
    rate_top = float(max(fi.analytic_rate_hz.max(), fi.model_rate_hz.max(), 10.0)) * 1.12
    v_low = min(p.E_L_mV - 5, float(run.v_mV.min()) - 3)
    v_high = SPIKE_DRAWN_PEAK_mV + 5 if run.spike_times_ms.size else max(p.V_th_mV + 5, v_inf + 5)
    layout = _layout(
        s,
        430,
        xaxis=_axis(TIME_AXIS_TITLE, domain=[0.0, 0.5], range=[0, t_end], anchor="y"),
        yaxis=_axis(V_AXIS_TITLE, range=[v_low, v_high], anchor="x"),
        xaxis2=_axis("Injected current I (pA)", domain=[0.62, 1.0], range=[0, i_max], anchor="y2"),
        yaxis2=_axis("Firing rate (spikes/s)", range=[0, rate_top], anchor="x2"),
        shapes=[
            {
                "type": "line",
                "xref": "x2",
                "yref": "y2",
                "x0": fi.rheobase_pA,
                "x1": fi.rheobase_pA,
                "y0": 0,
                "y1": rate_top,
                "line": {"color": st_.THRESHOLD_COLOR, "dash": "dash", "width": 1.5 * s.scale},
            }
        ],
        annotations=[
            _label(
                fi.rheobase_pA + 0.015 * i_max,  # just right of the dashed line (Plotly's xshift did not move it)
                rate_top,
                f"rheobase {fi.rheobase_pA:.0f} pA",
                s,
                xref="x2",
                yref="y2",
                xanchor="left",
                yanchor="top",
                color=st_.THRESHOLD_COLOR,
            ),
            _label(t_end, p.V_th_mV, "threshold", s, color=st_.THRESHOLD_COLOR),
        ],
    )
    return _spec(traces, layout, s)


# ---------------------------------------------------------------------------------------------------
# Lesson 2
# ---------------------------------------------------------------------------------------------------


def build_single_epsp_figure(epsp: SingleEPSP, *, figure_style: st_.FigureStyle = DEFAULT_STYLE) -> FigureSpec:
    """Top: AMPA and NMDA conductances (each relative to its own peak).  Bottom: the EPSPs they cause."""
    s = figure_style
    t_rel = epsp.both.t_rel_ms
    keep = t_rel >= -5
    stride = _stride(int(keep.sum()))
    t = t_rel[keep][::stride]
    ampa_g = epsp.ampa_only.run.g_ampa_nS[keep][::stride]
    nmda_g = epsp.nmda_only.run.g_nmda_nS[keep][::stride]
    traces = [
        _line(
            t,
            ampa_g / max(float(ampa_g.max()), 1e-12),
            "AMPA gates (fast)",
            st_.GLUTAMATE_COLOR,
            dash=st_.GLUTAMATE_DASH,
            width=2.2 * s.scale,
            legendgroup="ampa",
            hovertemplate="%{x:.0f} ms: %{y:.2f} of peak<extra>AMPA</extra>",
        ),
        _line(
            t,
            nmda_g / max(float(nmda_g.max()), 1e-12),
            "NMDA gates (slow)",
            st_.NMDA_COLOR,
            dash=st_.NMDA_DASH,
            width=2.6 * s.scale,
            legendgroup="nmda",
            hovertemplate="%{x:.0f} ms: %{y:.2f} of peak<extra>NMDA</extra>",
        ),
    ]
    for result, name, color, dash, group in (
        (epsp.both, "both together", st_.V_COLOR, "solid", "both"),
        (epsp.ampa_only, "AMPA alone", st_.GLUTAMATE_COLOR, st_.GLUTAMATE_DASH, "ampa"),
        (epsp.nmda_only, "NMDA alone", st_.NMDA_COLOR, st_.NMDA_DASH, "nmda"),
    ):
        traces.append(
            _line(
                t,
                result.dv_mV[keep][::stride],
                f"EPSP: {name}",
                color,
                dash=dash,
                xaxis="x2",
                yaxis="y2",
                width=(2.6 if dash == st_.NMDA_DASH else 2.0) * s.scale,
                legendgroup=group,
                showlegend=group == "both",
                hovertemplate="%{x:.0f} ms: %{y:.3f} mV<extra>" + name + "</extra>",
            )
        )
    t_max = float(t[-1])
    top = float(max(epsp.both.peak_mV, 0.1)) * 1.15
    layout = _layout(
        s,
        470,
        xaxis=_axis("", domain=[0, 1], range=[-5, t_max], anchor="y", showticklabels=False),
        yaxis=_axis("Gates open<br>(relative to peak)", domain=[0.58, 1.0], range=[0, 1.08], anchor="x"),
        xaxis2=_axis("Time after the glutamate spike (ms)", domain=[0, 1], range=[-5, t_max], anchor="y2"),
        yaxis2=_axis("Change in V,<br>ΔV (mV)", domain=[0.0, 0.48], range=[-0.02 * top, top], anchor="x2"),
        annotations=[
            _label(
                t_max,
                epsp.both.peak_mV,
                f"EPSP peak {epsp.both.peak_mV:.2f} mV",
                s,
                xref="x2",
                yref="y2",
                yanchor="top",
            )
        ],
    )
    return _spec(traces, layout, s)


def build_nmda_block_figure(result: NMDACoincidence, mg_mM: float, *, figure_style=DEFAULT_STYLE) -> FigureSpec:
    """Left: the same NMDA input at rest and depolarised (ΔV).  Right: the Mg2+ block B(V) with both points."""
    s = figure_style
    rest, depol = result.at_rest, result.depolarised
    t_rel = rest.t_rel_ms
    keep = t_rel >= -5
    stride = _stride(int(keep.sum()))
    t = t_rel[keep][::stride]
    rest_name = f"at rest ({_mv(rest.hold_mV)} mV)"
    depol_name = f"depolarised ({_mv(depol.hold_mV)} mV)"
    traces = [
        _line(
            t,
            rest.dv_mV[keep][::stride],
            rest_name,
            REST_COLOR,
            dash="dash",
            width=2.4 * s.scale,
            hovertemplate="%{x:.0f} ms: %{y:.3f} mV<extra>at rest</extra>",
        ),
        _line(
            t,
            depol.dv_mV[keep][::stride],
            depol_name,
            DEPOLARISED_COLOR,
            width=2.8 * s.scale,
            hovertemplate="%{x:.0f} ms: %{y:.3f} mV<extra>depolarised</extra>",
        ),
    ]
    v_axis = np.linspace(-100.0, 20.0, 241)
    traces.append(
        _line(
            v_axis,
            mg_block(v_axis, mg_mM),
            f"unblocked fraction at {mg_mM:.1f} mM Mg²⁺",
            st_.NMDA_COLOR,
            xaxis="x2",
            yaxis="y2",
            width=2.2 * s.scale,
            showlegend=False,
            hovertemplate="%{x:.0f} mV: %{y:.3f} unblocked<extra></extra>",
        )
    )
    for v, b, color, symbol, name in (
        (rest.hold_mV, result.block_at_rest, REST_COLOR, "circle", "at rest"),
        (depol.hold_mV, result.block_depolarised, DEPOLARISED_COLOR, "diamond", "depolarised"),
    ):
        traces.append(
            {
                "type": "scatter",
                "mode": "markers+text",
                "x": [v],
                "y": [b],
                "xaxis": "x2",
                "yaxis": "y2",
                "name": name,
                "showlegend": False,
                "text": [f"{b:.3f}"],
                "textposition": "top left",
                "textfont": {"size": s.small_font_px},
                "marker": {"symbol": symbol, "size": s.marker_px(14), "color": color, "line": {"width": 1.5}},
                "hovertemplate": f"{name}: %{{x:.0f}} mV, %{{y:.3f}} unblocked<extra></extra>",
            }
        )
    top = max(abs(rest.peak_mV), abs(depol.peak_mV), 0.05) * 1.2
    layout = _layout(
        s,
        400,
        xaxis=_axis("Time after the glutamate spike (ms)", domain=[0.0, 0.5], range=[-5, float(t[-1])], anchor="y"),
        yaxis=_axis("NMDA EPSP, ΔV (mV)", range=[-0.03 * top, top], anchor="x"),
        xaxis2=_axis("Membrane potential V (mV)", domain=[0.62, 1.0], range=[-100, 20], anchor="y2"),
        # from a little below 0 (the y axis's "0" clear of the x axis's "-100" at the corner) to above 1
        # (room for a point's value label at B = 1, as with no Mg2+)
        yaxis2=_axis(
            "Unblocked fraction B(V)",
            range=[-0.06, 1.2],
            tickvals=[0, 0.2, 0.4, 0.6, 0.8, 1.0],
            anchor="x2",
        ),
        annotations=[_block_curve_label(mg_mM, s)],
    )
    return _spec(traces, layout, s)


BLOCK_LABEL_PROBE_mV = -40.0  # where the curve's label would end if it sat at the top left


def _block_curve_label(mg_mM: float, s: st_.FigureStyle) -> dict:
    """The B(V) curve's label, in the corner the curve leaves empty: top left while the block is strong
    there (the curve is low at negative V), bottom right when it is weak (with little or no Mg2+ the curve
    runs along the top)."""
    top_left = float(mg_block(np.array([BLOCK_LABEL_PROBE_mV]), mg_mM)[0]) < 0.5
    return _label(
        0.03 if top_left else 0.97,
        0.97 if top_left else 0.03,
        "NMDA channels free of Mg²⁺<br>(Jahr & Stevens 1990)",
        s,
        xref="x2 domain",
        yref="y2 domain",
        xanchor="left" if top_left else "right",
        yanchor="top" if top_left else "bottom",
        align="left" if top_left else "right",
    )


def build_summation_figure(result: Summation, *, figure_style: st_.FigureStyle = DEFAULT_STYLE) -> FigureSpec:
    """V under volleys of glutamate spikes; triangles mark when each volley arrives."""
    s = figure_style
    run = result.run
    p = run.params
    t_end = float(run.t_ms[-1])
    traces = _v_and_spikes(run, "membrane potential", st_.V_COLOR, s)
    traces.append(_hline(p.V_th_mV, 0, t_end, "threshold", st_.THRESHOLD_COLOR, s))
    top = SPIKE_DRAWN_PEAK_mV + 5 if result.fired else p.V_th_mV + 6
    traces.append(
        {
            "type": "scatter",
            "mode": "markers",
            "x": result.volley_times_ms.tolist(),
            "y": [top - 2.5] * result.volley_times_ms.size,
            "name": f"glutamate volley ({result.n_synapses} synapse{'s' if result.n_synapses != 1 else ''} at once)",
            "marker": {
                "symbol": st_.GLUTAMATE_SYMBOL,
                "size": s.marker_px(14),
                "color": st_.GLUTAMATE_COLOR,
                "line": {"width": 1, "color": st_.V_COLOR},
            },
            "hovertemplate": "volley at %{x:.0f} ms<extra></extra>",
        }
    )
    layout = _layout(
        s,
        380,
        xaxis=_axis(TIME_AXIS_TITLE, range=[0, t_end]),
        yaxis=_axis(V_AXIS_TITLE, range=[p.E_L_mV - 3, top]),
        annotations=[_label(t_end, p.V_th_mV, "threshold", s, color=st_.THRESHOLD_COLOR)],
    )
    return _spec(traces, layout, s)


# ---------------------------------------------------------------------------------------------------
# Lesson 3
# ---------------------------------------------------------------------------------------------------


def build_ipsp_figure(result: SingleIPSP, *, figure_style: st_.FigureStyle = DEFAULT_STYLE) -> FigureSpec:
    """The same GABA input from rest (left) and from a depolarised level (right), with E_GABA drawn."""
    s = figure_style
    e_gaba = result.at_rest.run.params.E_gaba_mV
    traces: list[dict] = []
    layout_axes: dict = {}
    annotations: list[dict] = []
    panels = ((result.at_rest, "x", "y", [0.0, 0.45]), (result.depolarised, "x2", "y2", [0.55, 1.0]))
    for idx, (res, xa, ya, domain) in enumerate(panels):
        keep = res.t_rel_ms >= -5
        stride = _stride(int(keep.sum()))
        t = res.t_rel_ms[keep][::stride]
        v = res.run.v_mV[keep][::stride]
        name = f"cell at {_mv(res.hold_mV)} mV"
        traces.append(
            _line(
                t,
                v,
                name,
                REST_COLOR if idx == 0 else DEPOLARISED_COLOR,
                xaxis=xa,
                yaxis=ya,
                width=2.4 * s.scale,
                hovertemplate="%{x:.0f} ms, %{y:.2f} mV<extra>" + name + "</extra>",
            )
        )
        traces.append(
            _hline(
                e_gaba,
                -5,
                float(t[-1]),
                "E_GABA (GABA reversal potential)",
                st_.GABA_COLOR,
                s,
                xaxis=xa,
                yaxis=ya,
            )
            | {"showlegend": idx == 0, "legendgroup": "egaba"}
        )
        lo = min(float(v.min()), e_gaba) - 1.5
        hi = max(float(v.max()), e_gaba) + 1.5
        if hi - lo < IPSP_MIN_SPAN_mV:  # a flat trace gets a sensible scale, not a zoom into nothing
            mid = 0.5 * (hi + lo)
            lo, hi = mid - IPSP_MIN_SPAN_mV / 2, mid + IPSP_MIN_SPAN_mV / 2
        n = "" if idx == 0 else "2"
        layout_axes[f"xaxis{n}"] = _axis(
            "Time after the GABA input (ms)", domain=domain, range=[-5, float(t[-1])], anchor=f"y{n}"
        )
        layout_axes[f"yaxis{n}"] = _axis(V_AXIS_TITLE if idx == 0 else "", range=[lo, hi], anchor=f"x{n}")
        annotations.append(
            _label(
                float(t[-1]),
                e_gaba,
                f"E_GABA {_mv(e_gaba)} mV",
                s,
                xref=xa,
                yref=ya,
                color=st_.GABA_COLOR,
                yanchor="bottom" if e_gaba < hi - 1 else "top",
            )
        )
        annotations.append(
            _label(
                0.5,
                1.0,
                f"<b>{'At rest' if idx == 0 else 'Depolarised'}</b>: change {_mv(res.peak_mV, 2, signed=True)} mV",
                s,
                xref=f"{xa} domain",
                yref=f"{ya} domain",
                xanchor="center",
                yanchor="bottom",
            )
        )
    layout = _layout(s, 380, annotations=annotations, **layout_axes)
    layout["legend"]["y"] = 1.12
    layout["margin"]["t"] = round(80 * s.scale)
    return _spec(traces, layout, s)


def build_shunting_figure(exp: ShuntingExperiment, *, figure_style: st_.FigureStyle = DEFAULT_STYLE) -> FigureSpec:
    """Top: GABA alone in a resting cell.  Bottom: a cell driven by steady glutamate; GABA on in between."""
    s = figure_style
    p = exp.driven.params
    t_end = float(exp.driven.t_ms[-1])
    traces = _v_and_spikes(exp.at_rest, "GABA alone, cell at rest", REST_COLOR, s, xaxis="x", yaxis="y")
    traces += _v_and_spikes(exp.driven, "steady glutamate, GABA added", st_.V_COLOR, s, xaxis="x2", yaxis="y2")
    traces[-2]["line"]["color"] = st_.GLUTAMATE_COLOR
    traces[-1]["line"]["color"] = st_.GLUTAMATE_COLOR
    traces[0]["showlegend"] = traces[2]["showlegend"] = False  # the panels' titles name them
    for xa, ya in (("x", "y"), ("x2", "y2")):
        traces.append(
            _hline(p.E_gaba_mV, 0, t_end, "E_GABA", st_.GABA_COLOR, s, xaxis=xa, yaxis=ya)
            | {"showlegend": xa == "x", "legendgroup": "egaba", "name": f"E_GABA ({_mv(p.E_gaba_mV)} mV)"}
        )
        traces.append(
            _hline(p.V_th_mV, 0, t_end, "threshold", st_.THRESHOLD_COLOR, s, xaxis=xa, yaxis=ya)
            | {"showlegend": xa == "x", "legendgroup": "threshold"}
        )
    rest_lo = min(float(exp.at_rest.v_mV.min()), p.E_gaba_mV, p.E_L_mV) - 3
    rest_hi = max(float(exp.at_rest.v_mV.max()), p.E_gaba_mV, p.V_th_mV) + 3
    if exp.at_rest.spike_times_ms.size:
        rest_hi = SPIKE_DRAWN_PEAK_mV + 5
    shapes = [
        {
            "type": "rect",
            "xref": "x",
            "yref": "paper",
            "x0": exp.gaba_on_ms,
            "x1": exp.gaba_off_ms,
            "y0": 0,
            "y1": 1,
            "fillcolor": WINDOW_FILL,
            "line": {"width": 0},
            "layer": "below",
        }
    ]
    annotations = [
        _label(
            0.5 * (exp.gaba_on_ms + exp.gaba_off_ms),
            1.0,
            "<b>GABA on</b>",
            s,
            xref="x",
            yref="y domain",
            xanchor="center",
            yanchor="top",
            color=st_.GABA_COLOR,
        ),
        _panel_title("<b>Cell at rest</b>, GABA only", "y", s),
        _panel_title(f"<b>Cell driven by steady glutamate</b>,{_break(s)}GABA added in the shaded window", "y2", s),
    ]
    layout = _layout(
        s,
        520,
        xaxis=_axis("", domain=[0, 1], range=[0, t_end], anchor="y", showticklabels=False),
        yaxis=_axis("V (mV)", domain=[0.58, 0.92], range=[rest_lo, rest_hi], anchor="x"),
        xaxis2=_axis(TIME_AXIS_TITLE, domain=[0, 1], range=[0, t_end], anchor="y2"),
        yaxis2=_axis("V (mV)", domain=[0.0, 0.44], range=[min(p.E_gaba_mV, p.V_reset_mV) - 4, 25], anchor="x2"),
        shapes=shapes,
        annotations=annotations,
    )
    layout["legend"]["y"] = 1.06
    layout["margin"]["t"] = round(70 * s.scale)
    return _spec(traces, layout, s)


# ---------------------------------------------------------------------------------------------------
# Lesson 4
# ---------------------------------------------------------------------------------------------------


def build_rate_map_figure(
    rmap: RateMap,
    marker: tuple[float, float] | None = None,
    *,
    figure_style: st_.FigureStyle = DEFAULT_STYLE,
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
                "title": {"text": "Output<br>(spikes/s)", "side": "top"},
                "thickness": round(14 * s.scale),
            },
            "texttemplate": "%{z:.0f}",
            "textfont": {"size": s.small_font_px},
            "name": "output firing rate",
            "hovertemplate": "glutamate %{x:.0f}/s, GABA %{y:.0f}/s: %{z:.0f} spikes/s<extra></extra>",
        }
    ]
    if marker is not None:
        traces.append(
            {
                "type": "scatter",
                "mode": "markers",
                "x": [marker[0]],
                "y": [marker[1]],
                "name": "your sliders",
                "marker": {
                    "symbol": "star",
                    "size": s.marker_px(24),
                    "color": MARKER_FILL,
                    "line": {"width": 2.5, "color": st_.OKABE_ITO["black"]},
                },
                "hovertemplate": "your sliders: glutamate %{x:.0f}/s, GABA %{y:.0f}/s<extra></extra>",
            }
        )
    step_x = float(np.diff(rmap.glutamate_rates_hz).mean()) if rmap.glutamate_rates_hz.size > 1 else 1.0
    step_y = float(np.diff(rmap.gaba_rates_hz).mean()) if rmap.gaba_rates_hz.size > 1 else 1.0
    layout = _layout(
        s,
        480,
        xaxis=_axis(
            "▲ Glutamate input (spikes/s)",
            range=[rmap.glutamate_rates_hz[0] - step_x / 2, rmap.glutamate_rates_hz[-1] + step_x / 2],
            showgrid=False,
        ),
        yaxis=_axis(
            "● GABA input (spikes/s)",
            range=[rmap.gaba_rates_hz[0] - step_y / 2, rmap.gaba_rates_hz[-1] + step_y / 2],
            showgrid=False,
        ),
    )
    layout["margin"]["t"] = round(40 * s.scale)
    return _spec(traces, layout, s)


def build_regularity_figure(
    reg: Regularity, *, show_ms: float = 1000.0, figure_style: st_.FigureStyle = DEFAULT_STYLE
) -> FigureSpec:
    """Two cells at similar rates: excitation alone (top) and strong balanced E and I (bottom)."""
    s = figure_style
    traces: list[dict] = []
    annotations: list[dict] = []
    rows = (
        (reg.excitation_only, "Cell A, excitation alone", "x", "y", [0.56, 1.0], st_.GLUTAMATE_COLOR),
        (reg.balanced, "Cell B, strong excitation and inhibition", "x2", "y2", [0.0, 0.44], st_.V_COLOR),
    )
    for run, name, xa, ya, _domain, color in rows:
        keep = run.t_ms <= show_ms
        part = _clip_run(run, keep)
        traces += _v_and_spikes(part, name, color, s, xaxis=xa, yaxis=ya)
        traces[-2]["showlegend"] = False
        cv = isi_cv(run.spike_times_ms)
        cv_text = "n/a" if math.isnan(cv) else f"{cv:.2f}"
        annotations.append(
            _panel_title(f"<b>{name}</b>:{_break(s)}{run.firing_rate_hz:.0f} spikes/s, CV {cv_text}", ya, s)
        )
    p = reg.balanced.params
    layout = _layout(
        s,
        460,
        showlegend=False,
        xaxis=_axis("", domain=[0, 1], range=[0, show_ms], anchor="y", showticklabels=False),
        yaxis=_axis("V (mV)", domain=rows[0][4], range=[p.E_L_mV - 5, SPIKE_DRAWN_PEAK_mV + 10], anchor="x"),
        xaxis2=_axis(TIME_AXIS_TITLE, domain=[0, 1], range=[0, show_ms], anchor="y2"),
        yaxis2=_axis("V (mV)", domain=rows[1][4], range=[p.E_L_mV - 5, SPIKE_DRAWN_PEAK_mV + 10], anchor="x2"),
        annotations=annotations,
    )
    layout["margin"]["t"] = round(36 * s.scale)
    return _spec(traces, layout, s)


def _clip_run(run: NeuronRun, keep: np.ndarray) -> NeuronRun:
    """The first part of a run (samples where ``keep``), for drawing only."""
    end = float(run.t_ms[keep][-1])
    return replace(
        run,
        t_ms=run.t_ms[keep],
        v_mV=run.v_mV[keep],
        g_ampa_nS=run.g_ampa_nS[keep],
        g_nmda_nS=run.g_nmda_nS[keep],
        g_gaba_nS=run.g_gaba_nS[keep],
        nmda_open_fraction=run.nmda_open_fraction[keep],
        spike_times_ms=run.spike_times_ms[run.spike_times_ms <= end],
    )


# ---------------------------------------------------------------------------------------------------
# Plain-language descriptions (beside each chart, and as its alt text)
# ---------------------------------------------------------------------------------------------------


def _mv(x: float, decimals: int = 0, signed: bool = False) -> str:
    """A number for a label: typographic minus, no "−0"; ``signed`` adds "+" to positive changes."""
    text = f"{x:+.{decimals}f}" if signed else f"{x:.{decimals}f}"
    if float(text) == 0:
        return f"{0:.{decimals}f}"
    return text.replace("-", "−")


def describe_current_step(run: NeuronRun, fi: FICurve) -> str:
    p = run.params
    v_inf = p.E_L_mV + run.i_ext_pA / p.g_L_nS
    n = run.spike_times_ms.size
    first = (
        f"The cell fired {n} spike{'s' if n != 1 else ''} in {run.duration_ms:.0f} ms."
        if n
        else f"The cell did not fire: V rose from {_mv(p.E_L_mV)} mV and settled at {_mv(v_inf, 1)} mV, "
        f"below the threshold of {_mv(p.V_th_mV)} mV."
    )
    return (
        f"A steady current of {run.i_ext_pA:.0f} pA was switched on at time 0. {first} "
        f"The rheobase, the smallest current that makes this cell fire, is {fi.rheobase_pA:.0f} pA. "
        f"On the right, the simulated firing rates (circles) lie on the formula's curve, which rises steeply just "
        f"above the rheobase and then bends over towards the ceiling of {fi.max_rate_hz:.0f} spikes per second "
        f"set by the {p.t_ref_ms:g} ms refractory period."
    )


def describe_single_epsp(epsp: SingleEPSP) -> str:
    return (
        "One glutamate spike arrives at time 0 in a cell at rest. Top: the AMPA gates open and close within a few "
        "milliseconds; the NMDA gates open more slowly and stay open for about a hundred milliseconds. Bottom: "
        "the EPSP, "
        f"{epsp.both.peak_mV:.2f} mV at its peak; AMPA alone gives {epsp.ampa_only.peak_mV:.2f} mV, NMDA alone only "
        f"{epsp.nmda_only.peak_mV:.2f} mV."
    )


def describe_nmda_block(result: NMDACoincidence, mg_mM: float) -> str:
    rest, depol = result.at_rest, result.depolarised
    bigger = "bigger" if depol.peak_mV > rest.peak_mV else "smaller"
    return (
        f"The same glutamate input acting on NMDA receptors only (spiking switched off). At rest "
        f"({_mv(rest.hold_mV)} mV) the NMDA EPSP peaks at {rest.peak_mV:.2f} mV; in the cell held at "
        f"{_mv(depol.hold_mV)} mV it peaks at {depol.peak_mV:.2f} mV, {bigger}. With {mg_mM:.1f} mM Mg²⁺, "
        f"{result.block_at_rest:.3f} of the NMDA channels are free of magnesium at {_mv(rest.hold_mV)} mV and "
        f"{result.block_depolarised:.3f} at {_mv(depol.hold_mV)} mV."
    )


def describe_summation(result: Summation, interval_ms: float) -> str:
    n_v = result.volley_times_ms.size
    volleys = f"{n_v} volley{'s' if n_v != 1 else ''}" + (f", {interval_ms:g} ms apart," if n_v > 1 else ",")
    outcome = (
        f"the cell reached threshold and fired {result.run.spike_times_ms.size} time"
        f"{'s' if result.run.spike_times_ms.size != 1 else ''}"
        if result.fired
        else f"V peaked at {_mv(result.peak_mV, 1)} mV, below the threshold of {_mv(result.run.params.V_th_mV)} mV, "
        "so the cell did not fire"
    )
    plural = "s" if result.n_synapses != 1 else ""
    return f"{volleys} each of {result.n_synapses} glutamate synapse{plural} at once: {outcome}."


def describe_ipsp(result: SingleIPSP) -> str:
    e = result.at_rest.run.params.E_gaba_mV

    def move(peak: float) -> str:
        if abs(peak) < 0.005:
            return "does not move at all"
        return f"moves {'up' if peak > 0 else 'down'} by {abs(peak):.2f} mV"

    return (
        f"GABA opens chloride channels with a reversal potential E_GABA of {_mv(e)} mV. In the resting cell "
        f"({_mv(result.at_rest.hold_mV)} mV) V {move(result.at_rest.peak_mV)}; in the cell held at "
        f"{_mv(result.depolarised.hold_mV)} mV V {move(result.depolarised.peak_mV)}: in both, towards E_GABA."
    )


def describe_shunting(exp: ShuntingExperiment) -> str:
    rest_fired = exp.at_rest.spike_times_ms.size > 0
    rest_text = (
        f"GABA alone makes the resting cell fire {exp.at_rest.spike_times_ms.size} times"
        if rest_fired
        else f"GABA alone moves the resting cell by {_mv(exp.dv_at_rest_mV, 1)} mV"
    )
    change = exp.rate_with_gaba_hz - exp.rate_without_gaba_hz
    verb = "lowers" if change < 0 else ("raises" if change > 0 else "leaves")
    return (
        f"With E_GABA at {_mv(exp.driven.params.E_gaba_mV)} mV, {rest_text}. In the cell driven by steady glutamate, "
        f"GABA {verb} the firing rate from {exp.rate_without_gaba_hz:.0f} to {exp.rate_with_gaba_hz:.0f} spikes per "
        "second while it is on."
    )


def describe_rate_map(rmap: RateMap, marker: tuple[float, float] | None) -> str:
    top = float(rmap.rate_hz.max())
    silent = int(np.count_nonzero(rmap.rate_hz == 0))
    text = (
        f"A map of the neuron's output over {rmap.glutamate_rates_hz.size} glutamate by {rmap.gaba_rates_hz.size} "
        f"GABA input rates ({rmap.duration_ms / 1000:g} s each). Output rises to the right (more glutamate) and falls "
        f"upwards (more GABA), up to {top:.0f} spikes per second; {silent} of {rmap.rate_hz.size} squares are silent."
    )
    if marker is not None:
        text += f" The star marks your sliders: glutamate {marker[0]:.0f}/s, GABA {marker[1]:.0f}/s."
    return text


def describe_regularity(reg: Regularity) -> str:
    return (
        f"Cell A, excitation alone: {reg.excitation_only.firing_rate_hz:.0f} spikes per second, irregularity (CV) "
        f"{reg.cv_excitation_only:.2f}. Cell B, strong excitation with strong inhibition: "
        f"{reg.balanced.firing_rate_hz:.0f} spikes per second, CV {reg.cv_balanced:.2f}. The balanced cell's V "
        "hovers below threshold and fluctuates, so its spikes come at irregular times."
    )
