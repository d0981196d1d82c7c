"""Static figures of the E/I network: the disinhibition curve (E and I rates against the E->I drive).

The animated raster and circuit diagram are the animated-view component's (:mod:`explainer.figures.network_view`).
"""

from __future__ import annotations

import numpy as np

from explainer.content.i18n import SOURCE
from explainer.content.words import words
from explainer.figures import style
from explainer.figures.spec import FigureSpec

DEFAULT_STYLE = style.FigureStyle(lang=SOURCE)  # made at import: in the source language, not the first reader's
WORDS = words("figures")


def build_disinhibition_chart(
    scales: np.ndarray,
    exc_rates_hz: np.ndarray,
    inh_rates_hz: np.ndarray,
    current: tuple[float, float, float] | None = None,
    *,
    figure_style: style.FigureStyle = DEFAULT_STYLE,
) -> FigureSpec:
    """Firing rates of E and I cells against the E->I glutamate scale (1 = intact, on the right; weaker to the left).

    ``current``: (scale, E rate, I rate) of the setting on screen, drawn as larger markers.
    """
    s = figure_style
    x = np.asarray(scales, dtype=float).tolist()
    exc = (WORDS.text("disinhibition_exc"), WORDS.text("disinhibition_exc_hover"))
    inh = (WORDS.text("disinhibition_inh"), WORDS.text("disinhibition_inh_hover"))
    populations = (  # rates, words, colour, line and marker: the look of each population's synapses
        (exc_rates_hz, exc, s.palette.glutamate, style.GLUTAMATE_DASH, style.GLUTAMATE_SYMBOL),
        (inh_rates_hz, inh, s.palette.gaba, style.GABA_DASH, style.GABA_SYMBOL),
    )
    traces = [
        {
            "type": "scatter",
            "mode": "lines+markers",
            "x": x,
            "y": np.round(rates, 2).tolist(),
            "name": name,
            "line": {"color": color, "width": 3 * s.scale, "dash": dash},
            "marker": {"symbol": symbol, "size": 11 * s.scale, "color": color},
            "hovertemplate": hover,
        }
        for rates, (name, hover), color, dash, symbol in populations
    ]
    if current is not None:
        scale, r_e, r_i = current
        traces.append(
            {
                "type": "scatter",
                "mode": "markers",
                "x": [scale, scale],
                "y": [round(r_e, 2), round(r_i, 2)],
                "name": WORDS.text("disinhibition_current"),
                "marker": {
                    "symbol": "circle-open",
                    "size": 22 * s.scale,
                    "color": s.palette.outline,
                    "line": {"width": 2.5 * s.scale, "color": s.palette.outline},
                },
                "hovertemplate": WORDS.text("disinhibition_current_hover"),
            }
        )
    layout = style.base_layout(s, 360)
    layout.update(
        {
            "xaxis": {
                "title": {"text": WORDS.text("disinhibition_axis")},
                # the same direction and range as the page's slider: weakest drive on the left, intact on the right
                "range": [float(np.min(scales)) - 0.03, float(np.max(scales)) + 0.03],
                "fixedrange": True,
            },
            "yaxis": {
                "title": {"text": WORDS.text("rate_axis")},
                "rangemode": "tozero",
                "fixedrange": True,
            },
            "legend": {"orientation": "h", "x": 0.0, "y": 1.02, "yanchor": "bottom", "font": {"size": s.small_font_px}},
            "margin": {"l": 10, "r": 20, "t": round(50 * s.scale), "b": 10},
        }
    )
    style.tidy_axes(layout, s)
    return FigureSpec(style.finish({"data": traces, "layout": layout}, s))
