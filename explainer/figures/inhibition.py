"""Inhibition (lesson 3): IPSPs at several E_GABA, shunting in a driven cell, and E_Cl from the chloride
gradient."""

from __future__ import annotations

import math

import numpy as np

from explainer.content.format import num
from explainer.content.words import words
from explainer.figures import style
from explainer.figures.neuron_view import SPIKE_DRAWN_PEAK_mV
from explainer.figures.parts import (
    DEFAULT_STYLE,
    IPSP_MIN_SPAN_mV,
    axis,
    finish,
    hline,
    line_break,
    panel_layout,
    panel_title,
    text_label,
    thinning_stride,
    time_axis_title,
    trace_line,
    v_and_spikes,
    v_axis_title,
)
from explainer.figures.spec import FigureSpec
from explainer.model import ions
from explainer.model.experiments.inhibition import ChlorideExperiment, ShuntingExperiment, SingleIPSP

WORDS = words("figures")


def build_ipsp_figure(result: SingleIPSP, *, figure_style: style.FigureStyle = DEFAULT_STYLE) -> FigureSpec:
    """The same GABA input from rest (left) and from a depolarised level (right), with E_GABA drawn."""
    s = figure_style
    e_gaba = result.at_rest.run.params.E_gaba_mV
    traces: list[dict] = []
    layout_axes: dict = {}
    annotations: list[dict] = []
    panels = ((result.at_rest, "x", "y", [0.0, 0.45]), (result.depolarised, "x2", "y2", [0.55, 1.0]))
    for idx, (res, xa, ya, domain) in enumerate(panels):
        keep = res.t_rel_ms >= -5
        stride = thinning_stride(int(keep.sum()))
        t = res.t_rel_ms[keep][::stride]
        v = res.run.v_mV[keep][::stride]
        name = WORDS.text("ipsp_trace", v=num(res.hold_mV))
        traces.append(
            trace_line(
                t,
                v,
                name,
                s.palette.v if idx == 0 else s.palette.depolarised,
                xaxis=xa,
                yaxis=ya,
                width=2.4 * s.scale,
                hovertemplate=WORDS.text("ipsp_hover", name=name),
            )
        )
        traces.append(
            hline(
                e_gaba,
                -5,
                float(t[-1]),
                WORDS.text("e_gaba_line"),
                s.palette.gaba,
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
        layout_axes[f"xaxis{n}"] = axis(
            WORDS.text("after_gaba_axis"), domain=domain, range=[-5, float(t[-1])], anchor=f"y{n}"
        )
        layout_axes[f"yaxis{n}"] = axis(v_axis_title() if idx == 0 else "", range=[lo, hi], anchor=f"x{n}")
        annotations.append(
            text_label(
                float(t[-1]),
                e_gaba,
                WORDS.text("e_gaba_label", v=num(e_gaba)),
                s,
                xref=xa,
                yref=ya,
                color=s.palette.gaba,
                yanchor="bottom" if e_gaba < hi - 1 else "top",
            )
        )
        annotations.append(
            text_label(
                0.5,
                1.0,
                WORDS.text(
                    "ipsp_panel_rest" if idx == 0 else "ipsp_panel_depolarised", dv=num(res.peak_mV, 2, signed=True)
                ),
                s,
                xref=f"{xa} domain",
                yref=f"{ya} domain",
                xanchor="center",
                yanchor="bottom",
            )
        )
    layout = panel_layout(s, 380, annotations=annotations, **layout_axes)
    layout["legend"]["y"] = 1.12
    layout["margin"]["t"] = round(80 * s.scale)
    return finish(traces, layout, s)


def build_shunting_figure(exp: ShuntingExperiment, *, figure_style: style.FigureStyle = DEFAULT_STYLE) -> FigureSpec:
    """Top: GABA alone in a resting cell.  Bottom: a cell driven by steady glutamate; GABA on in between."""
    s = figure_style
    p = exp.driven.params
    t_end = float(exp.driven.t_ms[-1])
    traces = v_and_spikes(exp.at_rest, WORDS.text("shunt_rest_trace"), s.palette.v, s, xaxis="x", yaxis="y")
    traces += v_and_spikes(exp.driven, WORDS.text("shunt_driven_trace"), s.palette.v, s, xaxis="x2", yaxis="y2")
    traces[-2]["line"]["color"] = s.palette.glutamate
    traces[-1]["line"]["color"] = s.palette.glutamate
    traces[0]["showlegend"] = traces[2]["showlegend"] = False  # the panels' titles name them
    for xa, ya in (("x", "y"), ("x2", "y2")):
        traces.append(
            hline(p.E_gaba_mV, 0, t_end, WORDS.text("shunt_e_gaba"), s.palette.gaba, s, xaxis=xa, yaxis=ya)
            | {
                "showlegend": xa == "x",
                "legendgroup": "egaba",
                "name": WORDS.text("shunt_e_gaba_trace", v=num(p.E_gaba_mV)),
            }
        )
        traces.append(
            hline(p.V_th_mV, 0, t_end, WORDS.text("threshold"), s.palette.threshold, s, xaxis=xa, yaxis=ya)
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
            "fillcolor": s.palette.gaba_window,
            "line": {"width": 0},
            "layer": "below",
        }
    ]
    annotations = [
        text_label(
            0.5 * (exp.gaba_on_ms + exp.gaba_off_ms),
            1.0,
            WORDS.text("shunt_gaba_on"),
            s,
            xref="x",
            yref="y domain",
            xanchor="center",
            yanchor="top",
            color=s.palette.gaba,
        ),
        panel_title(WORDS.text("shunt_rest_title"), "y", s),
        panel_title(WORDS.text("shunt_driven_title", br=line_break(s)), "y2", s),
    ]
    layout = panel_layout(
        s,
        520,
        xaxis=axis("", domain=[0, 1], range=[0, t_end], anchor="y", showticklabels=False),
        yaxis=axis(WORDS.text("v_axis_short"), domain=[0.58, 0.92], range=[rest_lo, rest_hi], anchor="x"),
        xaxis2=axis(time_axis_title(), domain=[0, 1], range=[0, t_end], anchor="y2"),
        yaxis2=axis(
            WORDS.text("v_axis_short"), domain=[0.0, 0.44], range=[min(p.E_gaba_mV, p.V_reset_mV) - 4, 25], anchor="x2"
        ),
        shapes=shapes,
        annotations=annotations,
    )
    layout["legend"]["y"] = 1.06
    layout["margin"]["t"] = round(70 * s.scale)
    return finish(traces, layout, s)


CHLORIDE_CURVE_POINTS = 120
CHLORIDE_TICKS_mM = (2, 3, 5, 7, 10, 20, 30, 50, 70, 100)


def build_chloride_figure(
    exp: ChlorideExperiment,
    *,
    in_range_mM: tuple[float, float],
    out_range_mM: tuple[float, float],
    figure_style: style.FigureStyle = DEFAULT_STYLE,
) -> FigureSpec:
    """E_Cl against the chloride inside (log scale) at the chosen outside concentration, the sliders' setting
    marked, with the resting potential and the threshold: where E_Cl, and so E_GABA, falls relative to them
    decides what GABA does.  The axes span every setting the sliders allow, so they stay put as they move."""
    s = figure_style
    p = exp.shunt.driven.params
    lo, hi = in_range_mM
    cl_in = np.geomspace(lo, hi, CHLORIDE_CURVE_POINTS)
    e_cl = [ions.nernst_mV(exp.cl_out_mM, c, -1) for c in cl_in]
    y_lo = min(ions.nernst_mV(out_range_mM[1], lo, -1), p.E_L_mV) - 5
    y_hi = max(ions.nernst_mV(out_range_mM[0], hi, -1), p.V_th_mV) + 5
    traces = [
        trace_line(
            cl_in,
            e_cl,
            WORDS.text("chloride_curve", out=num(exp.cl_out_mM)),
            s.palette.gaba,
            width=2.6 * s.scale,
            hovertemplate=WORDS.text("chloride_hover"),
        ),
        hline(p.E_L_mV, lo, hi, WORDS.text("chloride_rest", v=num(p.E_L_mV)), s.palette.v, s, dash="dot"),
        hline(p.V_th_mV, lo, hi, WORDS.text("chloride_threshold", v=num(p.V_th_mV)), s.palette.threshold, s),
        {
            "type": "scatter",
            "mode": "markers",
            "x": [exp.cl_in_mM],
            "y": [exp.e_cl_mV],
            "name": WORDS.text("chloride_point"),
            "showlegend": False,
            "marker": {
                "symbol": style.GABA_SYMBOL,
                "size": 15 * s.scale,
                "color": s.palette.gaba,
                "line": {"color": s.palette.outline, "width": 1.5 * s.scale},
            },
            "hovertemplate": WORDS.text("chloride_point_hover"),
        },
    ]
    left_half = exp.cl_in_mM <= math.sqrt(lo * hi)  # below the curve on the right, above it on the left: clear
    label = text_label(
        math.log10(exp.cl_in_mM),  # an annotation on a log axis is placed in log10 units
        exp.e_cl_mV,
        WORDS.text("chloride_label", v=num(exp.e_cl_mV, 1)),
        s,
        xanchor="left" if left_half else "right",
        yanchor="top" if left_half else "bottom",
        xshift=round((12 if left_half else -12) * s.scale),
        yshift=round((-6 if left_half else 6) * s.scale),
        color=s.palette.gaba,
    )
    ticks = [t for t in CHLORIDE_TICKS_mM if lo <= t <= hi]
    layout = panel_layout(
        s,
        380,
        xaxis=axis(
            WORDS.text("chloride_x_axis"),
            type="log",
            range=[math.log10(lo) - 0.03, math.log10(hi) + 0.03],
            tickvals=ticks,
            ticktext=[num(t) for t in ticks],
        ),
        yaxis=axis(WORDS.text("chloride_y_axis"), range=[y_lo, y_hi]),
        annotations=[label],
    )
    return finish(traces, layout, s)
