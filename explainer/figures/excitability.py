"""Excitability (lesson 1): V under a current step, and the f-I curve with the rheobase marked."""

from __future__ import annotations

import numpy as np

from explainer.content.format import num
from explainer.content.words import words
from explainer.figures import style
from explainer.figures.neuron_view import SPIKE_DRAWN_PEAK_mV
from explainer.figures.parts import (
    DEFAULT_STYLE,
    axis,
    f32,
    finish,
    hline,
    panel_layout,
    text_label,
    time_axis_title,
    trace_line,
    v_and_spikes,
    v_axis_title,
)
from explainer.figures.spec import FigureSpec
from explainer.model.experiments.excitability import FICurve
from explainer.model.neuron import NeuronRun

WORDS = words("figures")


FI_AXIS_PAD = 0.04  # of each f-I axis's span, beyond its first and last points: room for half a marker


def fi_rate_axis_top_hz(fi: FICurve) -> float:
    """The top of the f-I panel's rate axis: a little above the fastest rate drawn."""
    return float(max(fi.analytic_rate_hz.max(), fi.model_rate_hz.max(), 10.0)) * 1.12


def _fi_traces(fi: FICurve, i: float, s: style.FigureStyle) -> list[dict]:
    """The f-I panel: the formula's curve, the simulated cell's points, and a diamond at the slider's current."""
    traces: list[dict] = []
    traces.append(
        trace_line(
            fi.analytic_currents_pA,
            fi.analytic_rate_hz,
            WORDS.text("fi_formula"),
            s.palette.gaba,
            xaxis="x2",
            yaxis="y2",
            width=2.0 * s.scale,
            hovertemplate=WORDS.text("fi_formula_hover"),
        )
    )
    traces.append(
        {
            "type": "scatter",
            "mode": "markers",
            "x": f32(fi.currents_pA),
            "y": f32(fi.model_rate_hz),
            "name": WORDS.text("fi_simulated"),
            "xaxis": "x2",
            "yaxis": "y2",
            "marker": {
                "symbol": "circle-open",
                "size": s.marker_px(8),
                "color": s.palette.v,
                "line": {"width": 1.5, "color": s.palette.v},
            },
            "hovertemplate": WORDS.text("fi_simulated_hover"),
        }
    )
    rate_now = float(np.interp(i, fi.analytic_currents_pA, fi.analytic_rate_hz)) if i <= fi.currents_pA.max() else 0
    traces.append(
        {
            "type": "scatter",
            "mode": "markers",
            "x": [i],
            "y": [rate_now],
            "name": WORDS.text("fi_your_current"),
            "xaxis": "x2",
            "yaxis": "y2",
            "marker": {
                "symbol": "diamond",
                "size": s.marker_px(16),
                "color": s.palette.depolarised,
                "line": {"width": 1.5, "color": s.palette.v},
            },
            "hovertemplate": WORDS.text("fi_your_current_hover"),
        }
    )
    return traces


def build_current_step_figure(
    run: NeuronRun, fi: FICurve, *, figure_style: style.FigureStyle = DEFAULT_STYLE
) -> FigureSpec:
    """Left: V under a constant injected current.  Right: the f-I curve, model and formula, rheobase marked."""
    s = figure_style
    p = run.params
    i = run.i_ext_pA
    t_end = float(run.t_ms[-1])
    v_inf = p.E_L_mV + i / p.g_L_nS
    traces = v_and_spikes(run, WORDS.text("membrane_potential"), s.palette.v, s)
    traces.append(hline(p.V_th_mV, 0, t_end, WORDS.text("threshold"), s.palette.threshold, s))
    traces.append(
        trace_line(
            [0, t_end],
            [v_inf, v_inf],
            WORDS.text("settle"),
            s.palette.cursor,
            dash="dot",
            width=1.5 * s.scale,
            hovertemplate=WORDS.text("settle_hover"),
        )
    )
    traces += _fi_traces(fi, i, s)
    i_max = float(fi.currents_pA.max())
    rate_top = fi_rate_axis_top_hz(fi)
    # The f-I axes reach a little beyond the first and the last points, so their markers are drawn whole.
    i_pad, rate_pad = FI_AXIS_PAD * i_max, FI_AXIS_PAD * rate_top
    v_low = min(p.E_L_mV - 5, float(run.v_mV.min()) - 3)
    v_high = SPIKE_DRAWN_PEAK_mV + 5 if run.spike_times_ms.size else max(p.V_th_mV + 5, v_inf + 5)
    layout = panel_layout(
        s,
        430,
        xaxis=axis(time_axis_title(), domain=[0.0, 0.5], range=[0, t_end], anchor="y"),
        yaxis=axis(v_axis_title(), range=[v_low, v_high], anchor="x"),
        xaxis2=axis(WORDS.text("current_axis"), domain=[0.62, 1.0], range=[-i_pad, i_max + i_pad], anchor="y2"),
        yaxis2=axis(WORDS.text("rate_axis"), range=[-rate_pad, rate_top], anchor="x2"),
        shapes=[
            {
                "type": "line",
                "xref": "x2",
                "yref": "y2",
                "x0": fi.rheobase_pA,
                "x1": fi.rheobase_pA,
                "y0": 0,
                "y1": rate_top,
                "line": {"color": s.palette.threshold, "dash": "dash", "width": 1.5 * s.scale},
            }
        ],
        annotations=[
            text_label(
                fi.rheobase_pA + 0.015 * i_max,  # just right of the dashed line, an offset in data units
                rate_top,
                WORDS.text("rheobase", i=num(fi.rheobase_pA)),
                s,
                xref="x2",
                yref="y2",
                xanchor="left",
                yanchor="top",
                color=s.palette.threshold,
            ),
            text_label(t_end, p.V_th_mV, WORDS.text("threshold"), s, color=s.palette.threshold),
        ],
    )
    return finish(traces, layout, s)
