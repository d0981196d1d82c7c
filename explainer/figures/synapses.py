"""Synapses (lesson 2): one EPSP (AMPA and NMDA gates), the Mg2+ block, summation."""

from __future__ import annotations

import numpy as np

from explainer.content.format import num
from explainer.content.words import words
from explainer.figures import style
from explainer.figures.neuron_view import SPIKE_DRAWN_PEAK_mV
from explainer.figures.parts import (
    DEFAULT_STYLE,
    axis,
    finish,
    hline,
    panel_layout,
    text_label,
    thinning_stride,
    time_axis_title,
    trace_line,
    v_and_spikes,
    v_axis_title,
)
from explainer.figures.spec import FigureSpec
from explainer.model.experiments.synapses import NMDACoincidence, SingleEPSP, Summation
from explainer.model.neuron import mg_block

WORDS = words("figures")


def build_single_epsp_figure(epsp: SingleEPSP, *, figure_style: style.FigureStyle = DEFAULT_STYLE) -> FigureSpec:
    """Top: AMPA and NMDA conductances (each relative to its own peak).  Bottom: the EPSPs they cause."""
    s = figure_style
    t_rel = epsp.both.t_rel_ms
    keep = t_rel >= -5
    stride = thinning_stride(int(keep.sum()))
    t = t_rel[keep][::stride]
    ampa_g = epsp.ampa_only.run.g_ampa_nS[keep][::stride]
    nmda_g = epsp.nmda_only.run.g_nmda_nS[keep][::stride]
    gates = (  # the gates' conductance, each scaled to its own peak: how long each kind stays open
        (ampa_g, WORDS.text("epsp_ampa_gates"), WORDS.text("epsp_ampa_gates_hover"), s.palette.glutamate,
         style.GLUTAMATE_DASH, 2.2, "ampa"),
        (nmda_g, WORDS.text("epsp_nmda_gates"), WORDS.text("epsp_nmda_gates_hover"), s.palette.nmda,
         style.NMDA_DASH, 2.6, "nmda"),
    )  # fmt: skip
    traces = [
        trace_line(
            t,
            g / max(float(g.max()), 1e-12),
            name,
            color,
            dash=dash,
            width=width * s.scale,
            legendgroup=group,
            hovertemplate=hover,
        )
        for g, name, hover, color, dash, width, group in gates
    ]
    for result, name, color, dash, group in (
        (epsp.both, WORDS.text("epsp_both"), s.palette.v, "solid", "both"),
        (epsp.ampa_only, WORDS.text("epsp_ampa_alone"), s.palette.glutamate, style.GLUTAMATE_DASH, "ampa"),
        (epsp.nmda_only, WORDS.text("epsp_nmda_alone"), s.palette.nmda, style.NMDA_DASH, "nmda"),
    ):
        traces.append(
            trace_line(
                t,
                result.dv_mV[keep][::stride],
                WORDS.text("epsp_trace", name=name),
                color,
                dash=dash,
                xaxis="x2",
                yaxis="y2",
                width=(2.6 if dash == style.NMDA_DASH else 2.0) * s.scale,
                legendgroup=group,
                showlegend=group == "both",
                hovertemplate=WORDS.text("dv_hover", name=name),
            )
        )
    t_max = float(t[-1])
    top = float(max(epsp.both.peak_mV, 0.1)) * 1.15
    layout = panel_layout(
        s,
        470,
        xaxis=axis("", domain=[0, 1], range=[-5, t_max], anchor="y", showticklabels=False),
        yaxis=axis(WORDS.text("epsp_gates_axis"), domain=[0.58, 1.0], range=[0, 1.08], anchor="x"),
        xaxis2=axis(WORDS.text("after_glutamate_axis"), domain=[0, 1], range=[-5, t_max], anchor="y2"),
        yaxis2=axis(WORDS.text("epsp_dv_axis"), domain=[0.0, 0.48], range=[-0.02 * top, top], anchor="x2"),
        annotations=[
            text_label(
                t_max,
                epsp.both.peak_mV,
                WORDS.text("epsp_peak", v=num(epsp.both.peak_mV, 2)),
                s,
                xref="x2",
                yref="y2",
                yanchor="top",
            )
        ],
    )
    return finish(traces, layout, s)


def _block_points(result: NMDACoincidence, s: style.FigureStyle) -> list[dict]:
    """The two cells on the B(V) curve, each with its unblocked fraction written beside it."""
    rest, depol = result.at_rest, result.depolarised
    traces: list[dict] = []
    for v, b, color, symbol, name in (
        (rest.hold_mV, result.block_at_rest, s.palette.v, "circle", WORDS.text("nmda_at_rest")),
        (depol.hold_mV, result.block_depolarised, s.palette.depolarised, "diamond", WORDS.text("nmda_depolarised")),
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
                "text": [num(b, 3)],
                "textposition": "top left",
                "textfont": {"size": s.small_font_px},
                "marker": {"symbol": symbol, "size": s.marker_px(14), "color": color, "line": {"width": 1.5}},
                "hovertemplate": WORDS.text("nmda_point_hover", name=name),
            }
        )
    return traces


def build_nmda_block_figure(result: NMDACoincidence, mg_mM: float, *, figure_style=DEFAULT_STYLE) -> FigureSpec:
    """Left: the same NMDA input at rest and depolarised (ΔV).  Right: the Mg2+ block B(V) with both points."""
    s = figure_style
    rest, depol = result.at_rest, result.depolarised
    t_rel = rest.t_rel_ms
    keep = t_rel >= -5
    stride = thinning_stride(int(keep.sum()))
    t = t_rel[keep][::stride]
    rest_name = WORDS.text("nmda_rest_trace", v=num(rest.hold_mV))
    depol_name = WORDS.text("nmda_depolarised_trace", v=num(depol.hold_mV))
    traces = [
        trace_line(
            t,
            rest.dv_mV[keep][::stride],
            rest_name,
            s.palette.v,
            dash="dash",
            width=2.4 * s.scale,
            hovertemplate=WORDS.text("dv_hover", name=WORDS.text("nmda_at_rest")),
        ),
        trace_line(
            t,
            depol.dv_mV[keep][::stride],
            depol_name,
            s.palette.depolarised,
            width=2.8 * s.scale,
            hovertemplate=WORDS.text("dv_hover", name=WORDS.text("nmda_depolarised")),
        ),
    ]
    v_axis = np.linspace(-100.0, 20.0, 241)
    traces.append(
        trace_line(
            v_axis,
            mg_block(v_axis, mg_mM),
            WORDS.text("nmda_block_curve", mg=num(mg_mM, 1)),
            s.palette.nmda,
            xaxis="x2",
            yaxis="y2",
            width=2.2 * s.scale,
            showlegend=False,
            hovertemplate=WORDS.text("nmda_block_curve_hover"),
        )
    )
    traces += _block_points(result, s)
    top = max(abs(rest.peak_mV), abs(depol.peak_mV), 0.05) * 1.2
    layout = panel_layout(
        s,
        400,
        xaxis=axis(WORDS.text("after_glutamate_axis"), domain=[0.0, 0.5], range=[-5, float(t[-1])], anchor="y"),
        yaxis=axis(WORDS.text("nmda_dv_axis"), range=[-0.03 * top, top], anchor="x"),
        xaxis2=axis(v_axis_title(), domain=[0.62, 1.0], range=[-100, 20], anchor="y2"),
        # from a little below 0 (the y axis's "0" clear of the x axis's "-100" at the corner) to above 1
        # (room for a point's value label at B = 1, as with no Mg2+)
        yaxis2=axis(
            WORDS.text("nmda_block_axis"),
            range=[-0.06, 1.2],
            tickvals=[0, 0.2, 0.4, 0.6, 0.8, 1.0],
            anchor="x2",
        ),
        annotations=[_block_curve_label(mg_mM, s)],
    )
    return finish(traces, layout, s)


BLOCK_LABEL_PROBE_mV = -40.0  # where the curve's label would end if it sat at the top left


def _block_curve_label(mg_mM: float, s: style.FigureStyle) -> dict:
    """The B(V) curve's label, in the corner the curve leaves empty: top left while the block is strong
    there (the curve is low at negative V), bottom right when it is weak (with little or no Mg2+ the curve
    runs along the top)."""
    top_left = float(mg_block(np.array([BLOCK_LABEL_PROBE_mV]), mg_mM)[0]) < 0.5
    return text_label(
        0.03 if top_left else 0.97,
        0.97 if top_left else 0.03,
        WORDS.text("nmda_block_label"),
        s,
        xref="x2 domain",
        yref="y2 domain",
        xanchor="left" if top_left else "right",
        yanchor="top" if top_left else "bottom",
        align="left" if top_left else "right",
    )


def build_summation_figure(result: Summation, *, figure_style: style.FigureStyle = DEFAULT_STYLE) -> FigureSpec:
    """V under volleys of glutamate spikes; triangles mark when each volley arrives."""
    s = figure_style
    run = result.run
    p = run.params
    t_end = float(run.t_ms[-1])
    traces = v_and_spikes(run, WORDS.text("membrane_potential"), s.palette.v, s)
    traces.append(hline(p.V_th_mV, 0, t_end, WORDS.text("threshold"), s.palette.threshold, s))
    top = SPIKE_DRAWN_PEAK_mV + 5 if result.fired else p.V_th_mV + 6
    traces.append(
        {
            "type": "scatter",
            "mode": "markers",
            "x": result.volley_times_ms.tolist(),
            "y": [top - 2.5] * result.volley_times_ms.size,
            "name": WORDS.plural("volley", result.n_synapses),
            "marker": {
                "symbol": style.GLUTAMATE_SYMBOL,
                "size": s.marker_px(14),
                "color": s.palette.glutamate,
                "line": {"width": 1, "color": s.palette.v},
            },
            "hovertemplate": WORDS.text("volley_hover"),
        }
    )
    layout = panel_layout(
        s,
        380,
        xaxis=axis(time_axis_title(), range=[0, t_end]),
        yaxis=axis(v_axis_title(), range=[p.E_L_mV - 3, top]),
        annotations=[text_label(t_end, p.V_th_mV, WORDS.text("threshold"), s, color=s.palette.threshold)],
    )
    return finish(traces, layout, s)
