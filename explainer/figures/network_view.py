"""View data of the animated network: a spike raster with population rates, and the circuit diagram.

The browser (``explainer/ui/components/animated_view/assets/network.js``) shows a sample of cells (excitatory and
inhibitory in separate, labelled bands and in two colours) for the whole run, with a cursor sweeping
across; the spikes of the last ``HIGHLIGHT_ms`` light up as large markers (triangles for E cells,
circles for I cells), and the circuit diagram's two populations swell with their current firing rate.
Arrow widths in the diagram follow the synaptic strengths.

What is sent (:func:`network_view_payload`, 8-10 KB whatever the activity): the raster as one bit per
cell and 2 ms bin (``numpy.packbits``), the two population rates in 5 ms bins, and the diagram's
geometry with its labels.  A runaway network costs no more than a silent one.
"""

from __future__ import annotations

import math

import numpy as np

from explainer.content.format import num
from explainer.content.i18n import using
from explainer.content.words import words
from explainer.figures import style as st_
from explainer.figures import view_codec as vc
from explainer.model.network import NetworkParams, NetworkRun
from explainer.model.spikes import population_rate_trace

RASTER_EXC_CELLS = 100
RASTER_INH_CELLS = 25
RASTER_BAND_GAP_ROWS = 2
RASTER_BIN_ms = 2.0  # about one screen pixel at laptop width
RATE_BIN_ms = 5.0
HIGHLIGHT_ms = 10.0
PLAY_RATE = 0.125  # simulated ms per wall-clock ms at 1x: the second plays over 8 s
VIEW_KIND = "network"
VIEW_WORDS = words("views")  # every word the view shows: content/words/views.toml (read when a view is built)

# circuit diagram geometry (x 0.5..9.5, y 0..6.2); E and I populations; arrows run between them at y = 3 +/- 0.45
CIRCUIT_X_RANGE = (0.5, 9.5)
CIRCUIT_Y_RANGE = (0.0, 5.6)
E_NODE = (3.0, 2.8)
I_NODE = (7.0, 2.8)
# A population's node grows with its rate in the browser (layout.js, nodeSizePx): base + gain * rate, capped.
NODE_BASE_PX = 34.0
NODE_GAIN_PX_PER_HZ = 0.35
NODE_MAX_PX = 90.0
NODE_MAX_UNITS = 1.3  # a node never grows over its arrows


def arrow_width_px(weight_nS: float, reference_nS: float) -> float:
    """Line width of a connection arrow: 1 px at zero weight, 6 px at the reference weight, at most 14."""
    if reference_nS <= 0:
        return 1.0
    return float(min(14.0, 1.0 + 5.0 * weight_nS / reference_nS))


def sampled_rows(run: NetworkRun) -> tuple[int, int]:
    return min(RASTER_EXC_CELLS, run.n_exc), min(RASTER_INH_CELLS, run.n_inh)


def raster_bits(run: NetworkRun) -> tuple[np.ndarray, np.ndarray, int]:
    """(E rows, I rows, bins): one bit per sampled cell and RASTER_BIN_ms bin, packed 8 bins to a byte.

    Row r of the E block is excitatory cell r; row r of the I block is inhibitory cell n_exc + r.
    Bin k is [k bin, (k + 1) bin); a spike at the very end goes in the last bin.
    """
    n_e, n_i = sampled_rows(run)
    n_bins = max(1, math.ceil(run.duration_ms / RASTER_BIN_ms - 1e-9))
    occupancy = np.zeros((n_e + n_i, n_bins), dtype=bool)
    t, c = run.spike_times_ms, run.spike_cells
    exc = c < n_e
    inh = (c >= run.n_exc) & (c < run.n_exc + n_i)
    rows = np.concatenate([c[exc], c[inh] - run.n_exc + n_e]).astype(np.int64)
    cols = np.minimum((np.concatenate([t[exc], t[inh]]) // RASTER_BIN_ms).astype(np.int64), n_bins - 1)
    occupancy[rows, cols] = True
    packed = np.packbits(occupancy, axis=1)
    return packed[:n_e], packed[n_e:], n_bins


def _loop_points(cx: float, cy: float, direction: float) -> list[list[float]]:
    """A self-connection drawn as an arc above the node, ending on its outer side (E: left, I: right)."""
    theta = np.linspace(0.1 * math.pi, 0.9 * math.pi, 16)
    xs = cx + direction * 0.85 * np.cos(theta)
    ys = cy + 0.75 + 0.85 * np.sin(theta)
    return np.round(np.stack([xs, ys], 1), 3).tolist()


def circuit(params: NetworkParams, lang: str) -> dict:
    """The diagram: nodes, connections (width ~ strength; excitatory ends in an arrowhead, inhibitory in a
    round end, the textbook convention) and their labels, in diagram units, written in ``lang``."""
    with using(lang):
        return _circuit(params)


def _circuit(params: NetworkParams) -> dict:
    ref_e, ref_i = NetworkParams.w_exc_nS, NetworkParams.w_inh_nS  # defaults set the reference widths
    w_ei = params.w_exc_nS * params.e_to_i_scale
    (ex, ey), (ix, iy) = E_NODE, I_NODE
    external = VIEW_WORDS.text("network_external_kick" if params.kick_ms > 0 else "network_external_none")
    if params.ext_rate_hz > 0:
        external += VIEW_WORDS.text("network_external_drive", r=num(params.ext_rate_hz))
    gaba_dash = st_.GABA_DASH == "dash"
    return {
        "x_range": list(CIRCUIT_X_RANGE),
        "y_range": list(CIRCUIT_Y_RANGE),
        "nodes": [
            {"x": ex, "y": ey, "shape": "triangle", "color": "glutamate", "text": VIEW_WORDS.text("network_node_exc")},
            {"x": ix, "y": iy, "shape": "circle", "color": "gaba", "text": VIEW_WORDS.text("network_node_inh")},
        ],
        "node_px": [NODE_BASE_PX, NODE_GAIN_PX_PER_HZ, NODE_MAX_PX],
        "node_max_units": NODE_MAX_UNITS,
        "paths": [
            {
                "points": [[ex + 0.7, ey + 0.45], [ix - 0.75, iy + 0.45]],
                "width": arrow_width_px(w_ei, ref_e),
                "color": "glutamate",
                "head": "arrow",
                "dash": False,
            },
            {
                "points": [[ix - 0.7, iy - 0.45], [ex + 0.75, ey - 0.45]],
                "width": arrow_width_px(params.w_inh_nS, ref_i),
                "color": "gaba",
                "head": "dot",
                "dash": gaba_dash,
            },
            {
                "points": _loop_points(ex, ey, 1.0),
                "width": arrow_width_px(params.w_exc_nS, ref_e),
                "color": "glutamate",
                "head": "arrow",
                "dash": False,
            },
            {
                "points": _loop_points(ix, iy, -1.0),
                "width": arrow_width_px(params.w_inh_nS, ref_i),
                "color": "gaba",
                "head": "dot",
                "dash": gaba_dash,
            },
            {"points": [[ex, 0.75], [ex, ey - 0.7]], "width": 3.0, "color": "external", "head": "arrow", "dash": False},
            {"points": [[ix, 0.75], [ix, iy - 0.7]], "width": 3.0, "color": "external", "head": "arrow", "dash": False},
        ],
        "labels": [
            {"x": 5.0, "y": ey + 0.95, "text": VIEW_WORDS.text("network_e_to_i", w=num(w_ei, 1)), "color": "glutamate"},
            {
                "x": 5.0,
                "y": ey - 0.95,
                "text": VIEW_WORDS.text("network_i_to_e", w=num(params.w_inh_nS)),
                "color": "gaba",
            },
            {
                "x": ex,
                "y": ey + 1.95,
                "text": VIEW_WORDS.text("network_e_to_e", w=num(params.w_exc_nS, 1)),
                "color": "glutamate",
            },
            {
                "x": ix,
                "y": iy + 1.95,
                "text": VIEW_WORDS.text("network_i_to_i", w=num(params.w_inh_nS)),
                "color": "gaba",
            },
            {"x": 5.0, "y": 0.35, "text": external, "color": "muted_text"},
        ],
    }


def view_words(lang: str, rows: int) -> dict[str, str]:
    """The network view's words and its controls', in ``lang`` (the figure style's: the page's language), with
    the raster's title filled in (it shows ``rows`` cells)."""
    with using(lang):
        found = {**VIEW_WORDS.templates("controls"), **VIEW_WORDS.templates("network")}
        return {**found, "raster_title": VIEW_WORDS.text("network_raster_title", n=num(rows))}


def network_view_payload(
    run: NetworkRun,
    *,
    view_id: str,
    figure_style: st_.FigureStyle,
    alt: str,
    export_name: str,
    export_caption: str = "",
    link_private: tuple[str, ...] = (),
    calm: bool = False,
) -> bytes:
    """The bytes the animated-view component draws and plays for one network run (see module docstring)."""
    n_e, n_i = sampled_rows(run)
    exc_bits, inh_bits, n_bins = raster_bits(run)
    _, rate_e = population_rate_trace(run, slice(0, run.n_exc), RATE_BIN_ms)
    _, rate_i = population_rate_trace(run, slice(run.n_exc, run.n_exc + run.n_inh), RATE_BIN_ms)
    rate_top = max(10.0, float(max(rate_e.max(initial=0), rate_i.max(initial=0))) * 1.25)  # room for a top tick
    header = {
        "kind": VIEW_KIND,
        "id": view_id,
        "duration_ms": float(run.duration_ms),
        "play_rate": PLAY_RATE,
        "calm": bool(calm),
        "alt": alt,
        "export_name": export_name,
        "export_caption": export_caption,
        "link_private": list(link_private),
        **st_.view_header(figure_style),
        "words": view_words(figure_style.lang, n_e + n_i),
        "raster": {
            "exc_rows": n_e,
            "inh_rows": n_i,
            "gap_rows": RASTER_BAND_GAP_ROWS,
            "bin_ms": RASTER_BIN_ms,
            "bins": n_bins,
            "highlight_ms": HIGHLIGHT_ms,
        },
        "rates": {"bin_ms": RATE_BIN_ms, "top": rate_top},
        "circuit": circuit(run.params, figure_style.lang),
    }
    arrays = {
        "raster_exc": vc.uint8(exc_bits),
        "raster_inh": vc.uint8(inh_bits),
        "rate_exc": vc.quantised(rate_e),
        "rate_inh": vc.quantised(rate_i),
    }
    return vc.pack(header, arrays)
