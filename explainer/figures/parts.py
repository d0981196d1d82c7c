"""The pieces every static figure is built from: axes, layout, lines, labels, panel titles, phone stacking.

Built as plain spec dicts wrapped in :class:`~explainer.figures.spec.FigureSpec` (fast; see spec.py).
Colours, fonts and line styles come from :mod:`explainer.figures.style` only.  Every axis title carries
its unit; every trace is told apart by colour *and* line style or marker, and named in a legend or label.
Spikes are drawn as vertical lines from threshold to SPIKE_DRAWN_PEAK_mV: the model itself resets at once.
"""

from __future__ import annotations

import math
from dataclasses import replace

import numpy as np

from explainer.content.i18n import SOURCE
from explainer.content.words import words
from explainer.figures import style
from explainer.figures.neuron_view import SPIKE_DRAWN_PEAK_mV
from explainer.figures.spec import FigureSpec
from explainer.model.neuron import NeuronRun

WORDS = words("figures")
DEFAULT_STYLE = style.FigureStyle(lang=SOURCE)  # made at import: in the source language, not the first reader's
MAX_POINTS = 3000  # per trace; spikes are drawn separately, so nothing visible is lost

IPSP_MIN_SPAN_mV = 8.0


def f32(x) -> np.ndarray:
    return np.asarray(x, dtype=np.float32)


def thinning_stride(n: int) -> int:
    return max(1, math.ceil(n / MAX_POINTS))


def v_axis_title() -> str:
    """The membrane potential's axis title, in the figure's language (read when the figure is built)."""
    return WORDS.text("v_axis")


def time_axis_title() -> str:
    return WORDS.text("time_axis")


def axis(title: str, **extra) -> dict:
    axis = {
        "title": {"text": title},  # its standoff is set by style.tidy_axes when the figure is finished
        "zeroline": False,
        "fixedrange": True,
        "automargin": True,
    }
    axis.update(extra)
    return axis


def panel_layout(s: style.FigureStyle, height_px: int, **extra) -> dict:
    layout = style.base_layout(s, height_px)
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


def finish(traces: list[dict], layout: dict, s: style.FigureStyle) -> FigureSpec:
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
        font_px = layout.get("legend", {}).get("font", {}).get("size", style.BASE_FONT_PX)
        width = round(max(len(n) for n in names) * font_px * LEGEND_CHAR_PX) + 12
        layout.setdefault("legend", {}).update({"entrywidth": width, "entrywidthmode": "pixels"})
    if s.narrow:
        stack_columns(layout)
    style.tidy_axes(layout, s)
    return FigureSpec(style.finish({"data": traces, "layout": layout}, s))


NARROW_STACK_SLOTS = ([0.58, 1.0], [0.0, 0.42])  # top and bottom panel on a phone
NARROW_HEIGHT_FACTOR = 1.7


def _title_text(axis: dict) -> str:
    title = axis.get("title") or ""
    return title.get("text", "") if isinstance(title, dict) else str(title)


def stack_columns(layout: dict) -> None:
    """Phone layout (in place): two side-by-side panels become top and bottom, each at full width.

    Applies to figures with exactly two x axes in columns whose y axes span the full height; anything
    else is left as it is.  Two panels on one time axis (the same x title) name it once, under the bottom one:
    a title under the top panel would sit in the gap where the bottom panel's own title is, and overlap it as
    soon as a longer language puts it on two lines.
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
    (top_x, _), (bottom_x, _) = pairs
    if _title_text(layout[top_x]) and _title_text(layout[top_x]) == _title_text(layout[bottom_x]):
        layout[top_x]["title"] = {"text": ""}
    layout["height"] = round(layout["height"] * NARROW_HEIGHT_FACTOR)


def trace_line(x, y, name: str, color: str, *, dash: str = "solid", xaxis="x", yaxis="y", width=2.0, **extra) -> dict:
    trace = {
        "type": "scatter",
        "mode": "lines",
        "x": f32(x) if not isinstance(x, list) else x,
        "y": f32(y) if not isinstance(y, list) else y,
        "name": name,
        "xaxis": xaxis,
        "yaxis": yaxis,
        "line": {"color": color, "dash": dash, "width": width},
    }
    trace.update(extra)
    return trace


def v_and_spikes(
    run: NeuronRun, name: str, color: str, s: style.FigureStyle, *, xaxis="x", yaxis="y", t_offset_ms: float = 0.0
) -> list[dict]:
    """The membrane trace and its spikes (vertical lines), as two traces in one legend group."""
    stride = thinning_stride(run.t_ms.size)
    t = run.t_ms[::stride] - t_offset_ms
    v_trace = trace_line(
        t,
        run.v_mV[::stride],
        name,
        color,
        xaxis=xaxis,
        yaxis=yaxis,
        width=1.8 * s.scale,
        legendgroup=name,
        hovertemplate=WORDS.text("v_trace_hover", name=name),
    )
    xs: list = []
    ys: list = []
    for ts in (run.spike_times_ms - t_offset_ms).tolist():
        xs += [ts, ts, None]
        ys += [run.params.V_th_mV, SPIKE_DRAWN_PEAK_mV, None]
    spikes = trace_line(
        xs,
        ys,
        WORDS.text("spikes_trace", name=name),
        color,
        xaxis=xaxis,
        yaxis=yaxis,
        width=1.5 * s.scale,
        legendgroup=name,
        showlegend=False,
        hoverinfo="skip",
    )
    return [v_trace, spikes]


def hline(y: float, x0: float, x1: float, name: str, color: str, s, *, dash="dash", xaxis="x", yaxis="y") -> dict:
    return trace_line(
        [x0, x1],
        [y, y],
        name,
        color,
        dash=dash,
        xaxis=xaxis,
        yaxis=yaxis,
        width=1.5 * s.scale,
        hovertemplate=WORDS.text("hline_hover", name=name),
    )


def line_break(s: style.FigureStyle) -> str:
    """Between the two parts of a panel title: a line break on a phone, where one line would be cut off."""
    return "<br>" if s.narrow else " "


def panel_title(text: str, yaxis: str, s: style.FigureStyle) -> dict:
    """A title above the panel of ``yaxis``, from its left edge."""
    x_axis = "x" + yaxis[1:]
    return text_label(
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


def text_label(
    x, y, text: str, s, *, xref="x", yref="y", xanchor="right", yanchor="bottom", color=None, **extra
) -> dict:
    ann = {
        "xref": xref,
        "yref": yref,
        "x": x,
        "y": y,
        "text": text,
        "showarrow": False,
        "xanchor": xanchor,
        "yanchor": yanchor,
        "font": {"size": s.small_font_px, "color": color or s.palette.text},
        "bgcolor": s.palette.label_background,  # legible where a trace runs behind it
    }
    ann.update(extra)
    return ann


def clip_run(run: NeuronRun, keep: np.ndarray) -> NeuronRun:
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
