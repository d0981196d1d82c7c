"""The animated neuron: glutamate and GABA gates opening, ions crossing, soma charging, spikes leaving.

One Plotly figure with two panels that animate together in the browser (Plotly frames; no server
round-trips while playing):

* left, the cell: dendrites carrying glutamate synapses (triangles) and GABA synapses (circles, near
  the soma, where many GABAergic basket-cell synapses sit); each synapse's receptor channel ("gate")
  is drawn as two walls that move apart as its conductance grows, with its conductance in nS written
  beside it; ions cross each open gate in the direction of their net flow (Na+/Ca2+ in through
  glutamate-gated channels; Cl- in through GABA-A channels when V > E_GABA, out when V < E_GABA, and
  no net flow at V = E_GABA: shunting); the soma is shaded and labelled by V; spikes travel down
  the axon.
* right, the data: input spikes (raster), the synaptic conductances, and the membrane potential with
  the threshold line; a cursor marks the animation's current time.

Each drawn synapse stands for a group of synapses: the input spikes are dealt to the groups in turn,
and a gate's conductance is that group's AMPA (or GABA-A) conductance, plus an equal share of the
cell's NMDA conductance for glutamate groups.  Frames update a handful of small traces only; the
traces are sent once, thinned to what a screen can show (min/max envelopes, one raster tick per ms:
:mod:`explainer.figures.thinning`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from explainer.figures import style as st_
from explainer.figures.animation_controls import play_menu
from explainer.figures.raster_image import raster_layout_image
from explainer.figures.spec import FigureSpec
from explainer.figures.thinning import RASTER_BIN_ms, envelope, raster_occupancy
from explainer.model.neuron import NeuronRun, SynapticInput, exponential_trace, spike_counts_on_grid

# ---- geometry (data units of the diagram panel; x 0..12, y 0..8) ----
SOMA_CENTER = (6.2, 4.0)
SOMA_RADIUS = 1.25
AXON_START = (7.45, 4.0)
AXON_END = (11.7, 4.0)
DENDRITES = (  # (start at the soma, end), straight segments
    ((5.2, 4.75), (0.6, 7.4)),
    ((4.95, 4.0), (0.3, 4.0)),
    ((5.2, 3.25), (0.6, 0.6)),
)
# Glutamate synapses on the dendrites: (dendrite index, fraction along it from the soma, side +1/-1)
GLUTAMATE_SITES = ((0, 0.5, -1), (0, 0.88, -1), (1, 0.75, +1), (2, 0.7, +1))
# GABA synapses on and near the soma: (angle on the soma in degrees) and one proximal dendrite site
GABA_SOMA_ANGLES_DEG = (75.0, 285.0)
GABA_DENDRITE_SITES = ((0, 0.2, -1),)

BOUTON_OFFSET = 0.75  # presynaptic terminal distance from the membrane
WALL_LENGTH = 0.34  # length of a gate wall across the membrane
MAX_GAP = 0.36  # wall separation of a fully open gate
G_HALF_OPEN_nS = 1.0  # conductance at which a drawn gate is half open
IONS_PER_GATE = 3
ION_PATH_OUT = 0.6  # ion path from outside (bouton side) ...
ION_PATH_IN = 0.45  # ... to inside the cell
RASTER_ROW_HALF = 0.35  # half the height of a raster row (rows at y = 0 and 1)
RASTER_GLU_CODE, RASTER_GABA_CODE = 1, 2  # colour codes in the raster image
RASTER_ROW_REPEATS = (7, 3, 7)  # image pixel rows: glutamate 0.7, gap 0.3, GABA 0.7 (0.1 y units per pixel row)
AXON_SPIKE_FRAMES = 3  # frames a spike takes to run down the (not to scale) axon

DEFAULT_STYLE = st_.FigureStyle()
DIAGRAM_X_RANGE = (0.0, 12.2)
DIAGRAM_Y_RANGE = (0.0, 8.4)
LEGEND_RIGHT = 0.47  # paper x of the legend's right edge: the diagram's empty lower-right corner (x 0 to 0.46)


@dataclass(frozen=True)
class Site:
    """A drawn synapse: membrane point, outward unit normal, tangent."""

    x: float
    y: float
    nx: float
    ny: float

    @property
    def tx(self) -> float:
        return -self.ny

    @property
    def ty(self) -> float:
        return self.nx


def _dendrite_site(index: int, frac: float, side: int) -> Site:
    (x0, y0), (x1, y1) = DENDRITES[index]
    dx, dy = x1 - x0, y1 - y0
    length = math.hypot(dx, dy)
    ux, uy = dx / length, dy / length
    nx, ny = -uy * side, ux * side
    half_width = 0.16  # dendrite drawn ~0.32 units thick
    return Site(x0 + frac * dx + nx * half_width, y0 + frac * dy + ny * half_width, nx, ny)


def _soma_site(angle_deg: float) -> Site:
    a = math.radians(angle_deg)
    nx, ny = math.cos(a), math.sin(a)
    return Site(SOMA_CENTER[0] + SOMA_RADIUS * nx, SOMA_CENTER[1] + SOMA_RADIUS * ny, nx, ny)


GLUTAMATE_GEOMETRY = tuple(_dendrite_site(*s) for s in GLUTAMATE_SITES)
GABA_GEOMETRY = tuple(_soma_site(a) for a in GABA_SOMA_ANGLES_DEG) + tuple(
    _dendrite_site(*s) for s in GABA_DENDRITE_SITES
)


@dataclass(frozen=True)
class FrameData:
    """Per-frame quantities the animation shows (computed from a run, no plotting)."""

    frame_t_ms: np.ndarray  # time of each frame
    v_mV: np.ndarray  # V at each frame time
    spiked: np.ndarray  # bool: an output spike since the previous frame
    spike_count: np.ndarray  # output spikes up to this frame
    glu_gate_nS: np.ndarray  # (frames, n_glu) mean conductance per drawn glutamate gate over the frame
    gaba_gate_nS: np.ndarray  # (frames, n_gaba)
    glu_flow_mV: np.ndarray  # (frames,) driving force E_exc - V for cations (positive = inward)
    gaba_flow_mV: np.ndarray  # (frames,) V - E_GABA for Cl- (positive = Cl- flows in)


def _group_conductances(times_ms, weights_nS, n_groups, n_samples, dt_ms, tau_ms) -> np.ndarray:
    """Conductance trace of each group when the spikes (in time order) are dealt to groups in turn."""
    order = np.argsort(times_ms, kind="stable")
    times = np.asarray(times_ms)[order]
    weights = np.asarray(weights_nS)[order]
    out = np.empty((n_groups, n_samples))
    for g in range(n_groups):
        jumps = spike_counts_on_grid(times[g::n_groups], weights[g::n_groups], n_samples, dt_ms)
        out[g] = exponential_trace(jumps, tau_ms, dt_ms)
    return out


def _window_means(trace: np.ndarray, samples_per_frame: int, n_frames: int) -> np.ndarray:
    """Mean of ``trace`` (last axis) over each frame's window of samples (k-1, k]."""
    # Frame j covers samples (j-1)*spf+1 .. j*spf; frame 0 is the single sample 0.
    body = trace[..., 1 : 1 + samples_per_frame * (n_frames - 1)]
    shaped = body.reshape(*trace.shape[:-1], n_frames - 1, samples_per_frame)
    first = trace[..., :1]
    return np.concatenate([first, shaped.mean(axis=-1)], axis=-1)


def frame_data(run: NeuronRun, inp: SynapticInput, frame_ms: float) -> FrameData:
    """Sample a run for the animation: one frame every ``frame_ms``."""
    dt = run.dt_ms
    spf = max(1, round(frame_ms / dt))
    n_frames = (run.t_ms.size - 1) // spf + 1
    idx = np.arange(n_frames) * spf
    p = run.params
    n_samples = run.t_ms.size
    glu = _group_conductances(
        inp.glutamate_times_ms,
        inp.glutamate_weights_nS,
        len(GLUTAMATE_GEOMETRY),
        n_samples,
        dt,
        p.tau_ampa_ms,
    )
    glu = glu + run.g_nmda_nS / len(GLUTAMATE_GEOMETRY)
    gaba = _group_conductances(inp.gaba_times_ms, inp.gaba_weights_nS, len(GABA_GEOMETRY), n_samples, dt, p.tau_gaba_ms)
    glu_frames = _window_means(glu, spf, n_frames).T
    gaba_frames = _window_means(gaba, spf, n_frames).T
    spike_idx = np.rint(run.spike_times_ms / dt).astype(np.int64)
    frame_of_spike = np.ceil(spike_idx / spf).astype(np.int64)
    spiked = np.zeros(n_frames, dtype=bool)
    spiked[frame_of_spike[frame_of_spike < n_frames]] = True
    spike_count = np.searchsorted(spike_idx, idx, side="right")
    v = run.v_mV[idx]
    return FrameData(
        frame_t_ms=run.t_ms[idx],
        v_mV=v,
        spiked=spiked,
        spike_count=spike_count,
        glu_gate_nS=glu_frames,
        gaba_gate_nS=gaba_frames,
        glu_flow_mV=p.E_exc_mV - v,
        gaba_flow_mV=v - p.E_gaba_mV,
    )


def gate_opening(g_nS: np.ndarray) -> np.ndarray:
    """Fraction (0..1) a drawn gate is open: g / (g + G_HALF_OPEN_nS)."""
    g = np.maximum(np.asarray(g_nS, dtype=float), 0.0)
    return g / (g + G_HALF_OPEN_nS)


def _walls_xy(sites, openings) -> tuple[list, list]:
    """Two walls per gate, across the membrane, separated by the opening."""
    xs: list = []
    ys: list = []
    for site, o in zip(sites, openings, strict=True):
        half_gap = 0.5 * (0.05 + MAX_GAP * float(o))
        for sign in (-1, 1):
            cx = site.x + sign * half_gap * site.tx
            cy = site.y + sign * half_gap * site.ty
            xs += [
                round(cx - 0.5 * WALL_LENGTH * site.nx, 3),
                round(cx + 0.5 * WALL_LENGTH * site.nx, 3),
                None,
            ]
            ys += [
                round(cy - 0.5 * WALL_LENGTH * site.ny, 3),
                round(cy + 0.5 * WALL_LENGTH * site.ny, 3),
                None,
            ]
    return xs, ys


def _ion_positions(sites, openings, phase: np.ndarray) -> tuple[list, list]:
    """IONS_PER_GATE slots per gate on the path outside -> inside; hidden slots are None."""
    xs: list = []
    ys: list = []
    for site, o, ph in zip(sites, openings, phase, strict=True):
        shown = math.ceil(IONS_PER_GATE * float(o) - 0.15)
        for k in range(IONS_PER_GATE):
            if k < shown:
                f = (ph + k / IONS_PER_GATE) % 1.0  # 0 = outside, 1 = inside
                d = ION_PATH_OUT - f * (ION_PATH_OUT + ION_PATH_IN)
                wobble = 0.06 * (k - 1)
                xs.append(round(site.x + d * site.nx + wobble * site.tx, 3))
                ys.append(round(site.y + d * site.ny + wobble * site.ty, 3))
            else:
                xs.append(None)
                ys.append(None)
    return xs, ys


def _flow_phase(openings: np.ndarray, flow_mV: np.ndarray) -> np.ndarray:
    """Accumulated position of the ion stream at each frame (frames, gates); direction = net flow."""
    speed = 0.22 * openings * np.clip(flow_mV / 20.0, -1.0, 1.0)[:, None]
    speed[np.abs(flow_mV) < 0.5] = 0.0
    return np.cumsum(speed, axis=0)


def _axon_spikes(fd: FrameData) -> list[tuple[list, list]]:
    """Positions of spikes travelling down the axon, per frame."""
    spike_frames = np.flatnonzero(fd.spiked)
    out = []
    for j in range(fd.frame_t_ms.size):
        recent = spike_frames[(spike_frames <= j) & (spike_frames > j - AXON_SPIKE_FRAMES)]
        xs = [
            round(AXON_START[0] + (j - s + 0.5) / AXON_SPIKE_FRAMES * (AXON_END[0] - AXON_START[0]), 3) for s in recent
        ]
        out.append((xs, [AXON_START[1]] * len(xs)))
    return out


def _circle(cx: float, cy: float, r: float, n: int = 48) -> tuple[list, list]:
    a = np.linspace(0, 2 * np.pi, n)
    return (np.round(cx + r * np.cos(a), 3).tolist(), np.round(cy + r * np.sin(a), 3).tolist())


def _soma_label(v_mV: float, spiked: bool) -> str:
    return "SPIKE!" if spiked else f"V = {v_mV:.0f} mV"


def _readout(t_ms: float, count: int) -> str:
    return f"t = {t_ms:.0f} ms   output spikes so far: {count}"


def build_neuron_animation(
    run: NeuronRun,
    inp: SynapticInput,
    *,
    frame_ms: float = 10.0,
    frame_duration_ms: int = 100,
    figure_style: st_.FigureStyle = DEFAULT_STYLE,
    title: str = "",
    animation_id: str = "",
) -> FigureSpec:
    """The animated diagram + traces figure for one simulated run (see module docstring).

    ``animation_id`` is stored in ``layout.meta`` so the page can tell, in the browser, which figure
    is on screen (used to start playback of the newest figure only).
    """
    s = figure_style
    p = run.params
    fd = frame_data(run, inp, frame_ms)
    n_frames = fd.frame_t_ms.size
    glu_open = gate_opening(fd.glu_gate_nS)
    gaba_open = gate_opening(fd.gaba_gate_nS)
    glu_phase = _flow_phase(glu_open, fd.glu_flow_mV)
    gaba_phase = _flow_phase(gaba_open, fd.gaba_flow_mV)
    axon = _axon_spikes(fd)
    t_end = float(run.t_ms[-1])

    xd, yd = "x", "y"  # diagram axes
    xr, yr_raster, yr_g, yr_v = "x2", "y2", "y3", "y4"
    traces: list[dict] = []

    def add(trace: dict) -> int:
        traces.append(trace)
        return len(traces) - 1

    # ---- static diagram parts ----
    dend_x: list = []
    dend_y: list = []
    for (x0, y0), (x1, y1) in DENDRITES:
        dend_x += [x0, x1, None]
        dend_y += [y0, y1, None]
    add(
        {
            "type": "scatter",
            "x": dend_x,
            "y": dend_y,
            "mode": "lines",
            "xaxis": xd,
            "yaxis": yd,
            "line": {"color": st_.MEMBRANE_COLOR, "width": 11 * s.scale},
            "hoverinfo": "skip",
            "showlegend": False,
            "name": "dendrites",
        }
    )
    add(
        {
            "type": "scatter",
            "x": [AXON_START[0], AXON_END[0]],
            "y": [AXON_START[1]] * 2,
            "mode": "lines",
            "xaxis": xd,
            "yaxis": yd,
            "line": {"color": st_.MEMBRANE_COLOR, "width": 6 * s.scale},
            "hoverinfo": "skip",
            "showlegend": False,
            "name": "axon",
        }
    )
    sx, sy = _circle(*SOMA_CENTER, SOMA_RADIUS)
    soma_idx = add(
        {
            "type": "scatter",
            "x": sx,
            "y": sy,
            "mode": "lines",
            "fill": "toself",
            "xaxis": xd,
            "yaxis": yd,
            "fillcolor": st_.soma_color(float(fd.v_mV[0])),
            "line": {"color": st_.MEMBRANE_COLOR, "width": 3},
            "hoverinfo": "skip",
            "showlegend": False,
            "name": "soma",
        }
    )
    for sites, color, symbol, label in (
        (GLUTAMATE_GEOMETRY, st_.GLUTAMATE_COLOR, st_.GLUTAMATE_SYMBOL, "glutamate synapse"),
        (GABA_GEOMETRY, st_.GABA_COLOR, st_.GABA_SYMBOL, "GABA synapse"),
    ):
        add(
            {
                "type": "scatter",
                "mode": "markers",
                "xaxis": xd,
                "yaxis": yd,
                "name": label,
                "x": [round(q.x + BOUTON_OFFSET * q.nx, 3) for q in sites],
                "y": [round(q.y + BOUTON_OFFSET * q.ny, 3) for q in sites],
                "marker": {
                    "symbol": symbol,
                    "size": s.marker_px(20),
                    "color": color,
                    "line": {"color": "#000000", "width": 1},
                },
                "hovertemplate": label + "<extra></extra>",
                "showlegend": True,
                "legendgroup": label,
            }
        )
    add(
        {
            "type": "scatter",
            "mode": "text",
            "xaxis": xd,
            "yaxis": yd,
            "x": [0.3, 9.0],
            "y": [4.45, 4.5],
            "text": ["dendrite", "axon →"],
            "textposition": "middle right",
            "textfont": {"size": s.small_font_px, "color": "#444444"},
            "hoverinfo": "skip",
            "showlegend": False,
        }
    )

    # ---- animated diagram parts (initial state = frame 0) ----
    wx, wy = _walls_xy(GLUTAMATE_GEOMETRY + GABA_GEOMETRY, np.concatenate([glu_open[0], gaba_open[0]]))
    walls_idx = add(
        {
            "type": "scatter",
            "mode": "lines",
            "x": wx,
            "y": wy,
            "xaxis": xd,
            "yaxis": yd,
            "line": {"color": "#000000", "width": 4 * s.scale},
            "hoverinfo": "skip",
            "showlegend": False,
            "name": "gates",
        }
    )
    cx, cy = _ion_positions(GLUTAMATE_GEOMETRY, glu_open[0], glu_phase[0])
    cations_idx = add(
        {
            "type": "scatter",
            "mode": "markers",
            "x": cx,
            "y": cy,
            "xaxis": xd,
            "yaxis": yd,
            "name": "Na⁺ / Ca²⁺ ions",
            "legendgroup": "ions",
            "marker": {
                "symbol": st_.CATION_SYMBOL,
                "size": s.marker_px(11),
                "color": st_.GLUTAMATE_COLOR,
                "line": {"color": st_.GLUTAMATE_COLOR, "width": 1},
            },
            "hoverinfo": "skip",
        }
    )
    ax_, ay_ = _ion_positions(GABA_GEOMETRY, gaba_open[0], gaba_phase[0])
    anions_idx = add(
        {
            "type": "scatter",
            "mode": "markers",
            "x": ax_,
            "y": ay_,
            "xaxis": xd,
            "yaxis": yd,
            "name": "Cl⁻ ions",
            "legendgroup": "ions",
            "marker": {
                "symbol": st_.ANION_SYMBOL,
                "size": s.marker_px(12),
                "color": st_.GABA_COLOR,
                "line": {"color": st_.GABA_COLOR, "width": 3 * s.scale},
            },
            "hoverinfo": "skip",
        }
    )
    label_sites = GLUTAMATE_GEOMETRY + GABA_GEOMETRY
    gate_label_idx = add(
        {
            "type": "scatter",
            "mode": "text",
            "xaxis": xd,
            "yaxis": yd,
            "x": [round(q.x + (BOUTON_OFFSET + 0.55) * q.nx, 3) for q in label_sites],
            "y": [round(q.y + (BOUTON_OFFSET + 0.45) * q.ny, 3) for q in label_sites],
            "text": _gate_labels(fd, 0),
            "textfont": {"size": s.small_font_px, "color": "#222222"},
            "hoverinfo": "skip",
            "showlegend": False,
            "name": "gate conductances",
        }
    )
    soma_text_idx = add(
        {
            "type": "scatter",
            "mode": "text",
            "xaxis": xd,
            "yaxis": yd,
            "x": [SOMA_CENTER[0]],
            "y": [SOMA_CENTER[1]],
            "text": [_soma_label(float(fd.v_mV[0]), bool(fd.spiked[0]))],
            "textfont": {"size": s.font_px, "color": "#000000"},
            "hoverinfo": "skip",
            "showlegend": False,
        }
    )
    axon_idx = add(
        {
            "type": "scatter",
            "mode": "markers",
            "xaxis": xd,
            "yaxis": yd,
            "x": axon[0][0],
            "y": axon[0][1],
            "name": "output spike",
            "marker": {
                "symbol": st_.SPIKE_SYMBOL,
                "size": s.marker_px(22),
                "color": st_.SPIKE_COLOR,
                "line": {"color": "#000000", "width": 1.5},
            },
            "hoverinfo": "skip",
        }
    )
    readout_idx = add(
        {
            "type": "scatter",
            "mode": "text",
            "xaxis": xd,
            "yaxis": yd,
            "x": [6.1],
            "y": [8.2],
            "text": [_readout(float(fd.frame_t_ms[0]), int(fd.spike_count[0]))],
            "textfont": {"size": s.font_px, "color": "#000000"},
            "hoverinfo": "skip",
            "showlegend": False,
        }
    )

    # ---- data panel (sent once) ----
    # Input raster as one image in the layout (explainer.figures.raster_image): a cell per 1 ms bin,
    # coloured when the bin holds an input spike.  Rows: glutamate at y = 1, GABA at y = 0 (labelled on
    # the axis), each RASTER_ROW_HALF high either side, with a gap between them.
    glu_bins = raster_occupancy(inp.glutamate_times_ms, t_end, RASTER_BIN_ms)
    gaba_bins = raster_occupancy(inp.gaba_times_ms, t_end, RASTER_BIN_ms)
    codes = np.repeat(
        np.stack([glu_bins * RASTER_GLU_CODE, np.zeros_like(glu_bins, dtype=np.uint8), gaba_bins * RASTER_GABA_CODE]),
        RASTER_ROW_REPEATS,
        axis=0,
    ).astype(np.uint8)
    raster_image = raster_layout_image(
        codes,
        [st_.GLUTAMATE_COLOR, st_.GABA_COLOR],
        xref=xr,
        yref=yr_raster,
        x0=0.0,
        x1=glu_bins.size * RASTER_BIN_ms,
        y_top=1 + RASTER_ROW_HALF,
        y_bottom=-RASTER_ROW_HALF,
    )
    t32, g_glu32 = envelope(run.t_ms, run.g_ampa_nS + run.g_nmda_nS)
    t32_gaba, g_gaba32 = envelope(run.t_ms, run.g_gaba_nS)
    t32_v, v32 = envelope(run.t_ms, run.v_mV)
    add(
        {
            "type": "scatter",
            "mode": "lines",
            "xaxis": xr,
            "yaxis": yr_g,
            "name": "glutamate conductance (AMPA + NMDA)",
            "x": t32,
            "y": g_glu32,
            "line": {"color": st_.GLUTAMATE_COLOR, "width": 1.5 * s.scale, "dash": st_.GLUTAMATE_DASH},
            "hovertemplate": "%{y:.2f} nS<extra>glutamate</extra>",
            "showlegend": False,
        }
    )
    add(
        {
            "type": "scatter",
            "mode": "lines",
            "xaxis": xr,
            "yaxis": yr_g,
            "name": "GABA-A conductance",
            "x": t32_gaba,
            "y": g_gaba32,
            "line": {"color": st_.GABA_COLOR, "width": 1.5 * s.scale, "dash": st_.GABA_DASH},
            "hovertemplate": "%{y:.2f} nS<extra>GABA</extra>",
            "showlegend": False,
        }
    )
    add(
        {
            "type": "scatter",
            "mode": "lines",
            "xaxis": xr,
            "yaxis": yr_v,
            "name": "threshold",
            "x": [0, t_end],
            "y": [p.V_th_mV, p.V_th_mV],
            "line": {"color": st_.THRESHOLD_COLOR, "width": 1.5 * s.scale, "dash": "dash"},
            "hovertemplate": "threshold %{y:.0f} mV<extra></extra>",
            "showlegend": False,
        }
    )
    add(
        {
            "type": "scatter",
            "mode": "lines",
            "xaxis": xr,
            "yaxis": yr_v,
            "name": "membrane potential",
            "x": t32_v,
            "y": v32,
            "line": {"color": st_.V_COLOR, "width": 1.5 * s.scale},
            "hovertemplate": "%{x:.1f} ms, %{y:.1f} mV<extra></extra>",
            "showlegend": False,
        }
    )
    spike_x: list = []
    spike_y: list = []
    for ts in run.spike_times_ms.tolist():
        spike_x += [ts, ts, None]
        spike_y += [p.V_th_mV, SPIKE_DRAWN_PEAK_mV, None]
    add(
        {
            "type": "scatter",
            "mode": "lines",
            "xaxis": xr,
            "yaxis": yr_v,
            "name": "output spikes",
            "x": spike_x,
            "y": spike_y,
            "line": {"color": st_.V_COLOR, "width": 1.5 * s.scale},
            "hoverinfo": "skip",
            "showlegend": False,
        }
    )
    # One cursor per data panel: with Plotly's redraw-free animation, a panel with no animated trace
    # loses its traces while playing, so every panel gets its own small animated cursor.
    g_top_nS = _nice_ceiling(float(max((run.g_ampa_nS + run.g_nmda_nS).max(), run.g_gaba_nS.max(), 1.0)) * 1.05)
    v_range = [min(-85.0, p.E_gaba_mV - 3, float(run.v_mV.min()) - 3), SPIKE_DRAWN_PEAK_mV + 5]
    cursor_idx = [
        add(
            {
                "type": "scatter",
                "mode": "lines",
                "xaxis": xr,
                "yaxis": yax,
                "x": [0.0, 0.0],
                "y": list(yrange),
                "line": {"color": st_.CURSOR_COLOR, "width": 2 * s.scale},
                "hoverinfo": "skip",
                "showlegend": False,
                "name": "now",
            }
        )
        for yax, yrange in ((yr_raster, (-0.7, 1.7)), (yr_g, (0.0, g_top_nS)), (yr_v, tuple(v_range)))
    ]

    # ---- frames: only the animated traces ----
    animated = [
        soma_idx,
        walls_idx,
        cations_idx,
        anions_idx,
        gate_label_idx,
        soma_text_idx,
        axon_idx,
        readout_idx,
        *cursor_idx,
    ]
    frames = []
    for j in range(n_frames):
        v_j = float(fd.v_mV[j])
        spiked = bool(fd.spiked[j])
        wx, wy = _walls_xy(GLUTAMATE_GEOMETRY + GABA_GEOMETRY, np.concatenate([glu_open[j], gaba_open[j]]))
        cx, cy = _ion_positions(GLUTAMATE_GEOMETRY, glu_open[j], glu_phase[j])
        ax_, ay_ = _ion_positions(GABA_GEOMETRY, gaba_open[j], gaba_phase[j])
        t_j = round(float(fd.frame_t_ms[j]), 3)
        frames.append(
            {
                "name": f"{j}",
                "traces": animated,
                "data": [
                    {"fillcolor": st_.SPIKE_COLOR if spiked else st_.soma_color(v_j)},
                    {"x": wx, "y": wy},
                    {"x": cx, "y": cy},
                    {"x": ax_, "y": ay_},
                    {"text": _gate_labels(fd, j)},
                    {"text": [_soma_label(v_j, spiked)]},
                    {"x": axon[j][0], "y": axon[j][1]},
                    {"text": [_readout(t_j, int(fd.spike_count[j]))]},
                    *([{"x": [t_j, t_j]}] * len(cursor_idx)),
                ],
            }
        )

    layout = st_.base_layout(s, 620)
    layout.update(
        {
            "title": {"text": title, "x": 0.01, "font": {"size": s.font_px + 2}} if title else None,
            "showlegend": True,
            # The key sits in the diagram's empty corner, under the axon (a row under the whole figure ran
            # into the time axis of the data panels).
            "legend": {
                "orientation": "v",
                "x": LEGEND_RIGHT,  # anchored on the right, so larger presenter fonts grow into the free space
                "y": 0.0,
                "xanchor": "right",
                "yanchor": "bottom",
                "bgcolor": "rgba(255,255,255,0.85)",
                "font": {"size": s.small_font_px, "family": st_.LEGEND_FONT_FAMILY},
            },
            "margin": {
                "l": 10,
                "r": 20,
                "t": round((70 if title else 44) * s.scale),
                "b": round(50 * s.scale),
            },
            "xaxis": {
                "domain": [0.0, 0.46],
                "range": list(DIAGRAM_X_RANGE),
                "visible": False,
                "fixedrange": True,
            },
            "yaxis": {
                "domain": [0.0, 1.0],
                "range": list(DIAGRAM_Y_RANGE),
                "visible": False,
                "scaleanchor": "x",
                "scaleratio": 1.0,
                "fixedrange": True,
            },
            "xaxis2": {
                "domain": [0.56, 1.0],
                "range": [0, t_end],
                "anchor": yr_v,
                "title": {"text": "Time (ms)"},
                "gridcolor": st_.GRID_COLOR,
                "zeroline": False,
                "fixedrange": True,
            },
            "yaxis2": {
                "domain": [0.86, 1.0],
                "range": [-0.7, 1.7],
                "anchor": xr,
                "fixedrange": True,
                "tickvals": [0, 1],
                "ticktext": ["GABA in", "glutamate in"],
                "gridcolor": st_.GRID_COLOR,
                "zeroline": False,
            },
            "yaxis3": {
                "domain": [0.58, 0.82],
                "anchor": xr,
                "title": {"text": "Conductance<br>g (nS)"},
                "range": [0, g_top_nS],
                "gridcolor": st_.GRID_COLOR,
                "zeroline": False,
                "fixedrange": True,
            },
            "yaxis4": {
                "domain": [0.0, 0.52],
                "anchor": xr,
                "title": {"text": "Membrane potential<br>V (mV)"},
                "range": v_range,
                "gridcolor": st_.GRID_COLOR,
                "zeroline": False,
                "fixedrange": True,
            },
            "annotations": [
                {
                    "xref": "x2",
                    "yref": "y4",
                    "x": t_end,
                    "y": p.V_th_mV,
                    "text": "threshold",
                    "showarrow": False,
                    "xanchor": "right",
                    "yanchor": "bottom",
                    "font": {"size": s.small_font_px, "color": st_.THRESHOLD_COLOR},
                },
                {
                    "xref": "x2 domain",
                    "yref": "y3 domain",
                    "x": 1.0,
                    "y": 1.0,
                    "xanchor": "right",
                    "yanchor": "top",
                    "showarrow": False,
                    "bgcolor": "rgba(255,255,255,0.85)",
                    "font": {"size": s.small_font_px},
                    "text": f"<span style='color:{st_.GLUTAMATE_COLOR}'>━ glutamate (AMPA + NMDA)</span>   "
                    f"<span style='color:{st_.GABA_COLOR}'>╍ GABA-A</span>",
                },
            ],
            "images": [raster_image],
            "updatemenus": [play_menu(frame_duration_ms, s, x=0.0, y=1.0)],
        }
    )
    if not title:
        layout.pop("title")
    if s.narrow:
        _stack_for_phone(layout)
    layout["meta"] = {"animation_id": animation_id, "frame_ms": frame_ms}
    return FigureSpec(st_.finish({"data": traces, "layout": layout, "frames": frames}, s))


NARROW_HEIGHT_PX = 900
NARROW_DATA_LEFT = 0.25  # fraction of the width left of the data panels (axis titles, row labels)


def _stack_for_phone(layout: dict) -> None:
    """Phone layout: the cell on top at full width, the three data panels below it (in place)."""
    layout["height"] = NARROW_HEIGHT_PX
    layout["margin"].update({"l": 8, "r": 12, "b": 130})
    layout["xaxis"]["domain"] = [0.0, 1.0]
    layout["yaxis"]["domain"] = [0.58, 1.0]
    layout["xaxis2"]["domain"] = [NARROW_DATA_LEFT, 1.0]  # room on the left for the axis titles
    layout["yaxis2"]["domain"] = [0.47, 0.54]
    layout["yaxis3"]["domain"] = [0.29, 0.43]
    layout["yaxis4"]["domain"] = [0.0, 0.25]
    layout["legend"].update({"orientation": "h", "x": 0.0, "xanchor": "left", "y": -0.075, "yanchor": "top"})


def _nice_ceiling(value: float) -> float:
    """Round up to 1, 2 or 5 times a power of ten (a tidy axis limit)."""
    if value <= 0:
        return 1.0
    exponent = math.floor(math.log10(value))
    for m in (1.0, 2.0, 5.0, 10.0):
        if value <= m * 10**exponent:
            return m * 10**exponent
    return 10.0 ** (exponent + 1)


SPIKE_DRAWN_PEAK_mV = 20.0  # spikes are drawn as lines from threshold to here (the model itself resets)


def _gate_labels(fd: FrameData, j: int) -> list[str]:
    return [f"{g:.1f} nS" for g in np.concatenate([fd.glu_gate_nS[j], fd.gaba_gate_nS[j]]).tolist()]
