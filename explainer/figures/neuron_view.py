"""View data of the animated neuron: what the browser needs to draw and play one simulated second.

The browser (``explainer/ui/components/animated_view/assets/neuron.js``) draws two parts side by side, or stacked on
a narrow screen:

* the cell: dendrites carrying glutamate synapses (triangles) and GABA synapses (circles, near the soma,
  where many GABAergic basket-cell synapses sit); each synapse's receptor channel ("gate") is drawn as
  two walls that part as its conductance grows, opening = g / (g + ``G_HALF_OPEN_nS``), with the
  conductance in nS beside it; ions cross each open gate in the direction of their net flow (Na+/Ca2+
  in through glutamate-gated channels while V < E_exc; Cl- in through GABA-A channels when V > E_GABA,
  out when V < E_GABA, and no net flow at V = E_GABA: shunting); the soma is shaded and labelled by V;
  spikes run down the axon;
* the data: input spikes (raster), the synaptic conductances, and V with the threshold; a cursor marks
  the time shown.

Each drawn synapse stands for a group of synapses: the input spikes are dealt to the groups in turn,
and a gate's conductance is that group's AMPA (or GABA-A) conductance, plus an equal share of the cell's
NMDA conductance for glutamate groups (:func:`gate_conductances`).

What is sent (:func:`neuron_view_payload`, about 27 KB): V and every gate's conductance once per
millisecond (the browser interpolates between them), min/max envelopes of V and the two conductances
(every extreme kept exactly), input spikes per 1 ms bin, and the output spike times as float32.  Nothing
per animation frame: the browser plays the second at 60 frames per second from these.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from explainer.content.i18n import using
from explainer.content.words import words
from explainer.figures import style as st_
from explainer.figures import view_codec as vc
from explainer.model.neuron import NeuronRun, SynapticInput, affine_scan

# ---- geometry of the cell (diagram units; x 0..12.2, y 0..8.4, y up) ----
DIAGRAM_EXTENT = (12.2, 8.4)
SOMA_CENTER = (6.2, 4.0)
SOMA_RADIUS = 1.25
AXON_START = (7.45, 4.0)
AXON_END = (11.7, 4.0)
DENDRITES = (  # (start at the soma, end), straight segments
    ((5.2, 4.75), (0.6, 7.4)),
    ((4.95, 4.0), (0.3, 4.0)),
    ((5.2, 3.25), (0.6, 0.6)),
)
DENDRITE_HALF_WIDTH = 0.16
# Glutamate synapses on the dendrites: (dendrite index, fraction along it from the soma, side +1/-1)
GLUTAMATE_SITES = ((0, 0.5, -1), (0, 0.88, -1), (1, 0.75, +1), (2, 0.7, +1))
# GABA synapses on and near the soma: angles on the soma (degrees) and one proximal dendrite site
GABA_SOMA_ANGLES_DEG = (75.0, 285.0)
GABA_DENDRITE_SITES = ((0, 0.2, -1),)

BOUTON_OFFSET = 0.75  # presynaptic terminal distance from the membrane
WALL_LENGTH = 0.34  # length of a gate wall across the membrane
MAX_GAP = 0.36  # wall separation of a fully open gate
G_HALF_OPEN_nS = 1.0  # conductance at which a drawn gate is half open
IONS_PER_GATE = 3
ION_PATH_OUT, ION_PATH_IN = 0.6, 0.45  # an ion's path from outside (bouton side) to inside the cell
# An ion stream moves 0.022 of its path per ms at full opening and >= 20 mV of driving force.
ION_SPEED_PER_MS = 0.022
ION_FULL_SPEED_mV = 20.0
SPIKE_DRAWN_PEAK_mV = 20.0  # spikes are drawn as lines from threshold to here (the model itself resets)
AXON_TRAVEL_ms = 30.0  # how long a drawn spike takes to run down the (not to scale) axon

SAMPLE_ms = 1.0  # V and gate conductances once per ms
TRACE_BINS = 500  # min/max pairs per trace: ~2 per pixel of a laptop panel
RASTER_BIN_ms = 1.0
PLAY_RATE = 0.1  # simulated ms per wall-clock ms at 1x: the second plays over 10 s
VIEW_WORDS = words("views")  # every word the view shows: content/words/views.toml (read when a view is built)
VIEW_KIND = "neuron"


@dataclass(frozen=True)
class Site:
    """A drawn synapse: membrane point and outward unit normal (diagram units)."""

    x: float
    y: float
    nx: float
    ny: float


def _dendrite_site(index: int, frac: float, side: int) -> Site:
    (x0, y0), (x1, y1) = DENDRITES[index]
    dx, dy = x1 - x0, y1 - y0
    length = math.hypot(dx, dy)
    nx, ny = -dy / length * side, dx / length * side
    return Site(x0 + frac * dx + nx * DENDRITE_HALF_WIDTH, y0 + frac * dy + ny * DENDRITE_HALF_WIDTH, nx, ny)


def _soma_site(angle_deg: float) -> Site:
    a = math.radians(angle_deg)
    nx, ny = math.cos(a), math.sin(a)
    return Site(SOMA_CENTER[0] + SOMA_RADIUS * nx, SOMA_CENTER[1] + SOMA_RADIUS * ny, nx, ny)


GLUTAMATE_GEOMETRY = tuple(_dendrite_site(*s) for s in GLUTAMATE_SITES)
GABA_GEOMETRY = tuple(_soma_site(a) for a in GABA_SOMA_ANGLES_DEG) + tuple(
    _dendrite_site(*s) for s in GABA_DENDRITE_SITES
)


def _group_conductances(times_ms, weights_nS, n_groups: int, step: int, n_out: int, dt_ms: float, tau_ms: float):
    """Conductance of each group at every ``step``-th model sample, when the spikes (in time order) are dealt
    to the groups in turn: shape (n_groups, n_out).

    Exact, as the model computes it (an input spike at t acts at sample m = round(t / dt) and decays by
    exp(-dt / tau) per sample): a spike at sample m adds w exp(-(s_k - m) dt / tau) to every output sample
    s_k = k step >= m, so each output bin collects its spikes decayed to the bin's end, and one recursion of
    ``n_out`` steps (not one of every model sample) carries them on.
    """
    order = np.argsort(times_ms, kind="stable")
    m = np.rint(np.asarray(times_ms, dtype=float)[order] / dt_ms).astype(np.int64)
    w = np.asarray(weights_nS, dtype=float)[order]
    group = np.arange(m.size) % n_groups
    keep = (m >= 0) & (m <= (n_out - 1) * step)
    m, w, group = m[keep], w[keep], group[keep]
    k = -(-m // step)  # the first output sample at or after the spike
    contribution = w * np.exp(-(k * step - m) * dt_ms / tau_ms)
    binned = np.zeros((n_groups, n_out))
    np.add.at(binned, (group, k), contribution)
    decay = np.full(max(n_out - 1, 0), math.exp(-step * dt_ms / tau_ms))
    return np.stack([affine_scan(decay, binned[g]) for g in range(n_groups)])


def gate_conductances(run: NeuronRun, inp: SynapticInput, sample_ms: float = 1.0) -> tuple[np.ndarray, np.ndarray]:
    """(glutamate gates, GABA gates): per drawn gate, its conductance at every ``sample_ms`` (nS).

    The glutamate gates' AMPA parts plus the NMDA share add up to the cell's AMPA + NMDA conductance,
    and the GABA gates to its GABA-A conductance, sample for sample.
    """
    p, dt = run.params, run.dt_ms
    idx = samples_every(run, sample_ms)
    step = int(idx[1] - idx[0]) if idx.size > 1 else 1
    n_glu = len(GLUTAMATE_GEOMETRY)
    glu = _group_conductances(
        inp.glutamate_times_ms, inp.glutamate_weights_nS, n_glu, step, idx.size, dt, p.tau_ampa_ms
    )
    glu = glu + run.g_nmda_nS[idx] / n_glu
    gaba = _group_conductances(
        inp.gaba_times_ms, inp.gaba_weights_nS, len(GABA_GEOMETRY), step, idx.size, dt, p.tau_gaba_ms
    )
    return glu, gaba


def samples_every(run: NeuronRun, sample_ms: float = SAMPLE_ms) -> np.ndarray:
    """Indices of the model samples at 0, sample_ms, 2 sample_ms, ... (the last one at or before the end)."""
    step = max(1, round(sample_ms / run.dt_ms))
    return np.arange(0, run.t_ms.size, step)


def envelope_pairs(y: np.ndarray, n_bins: int = TRACE_BINS) -> tuple[np.ndarray, int]:
    """Min and max of each bin of ``per_bin`` samples, in the order they occur: (pairs (bins, 2), per_bin).

    Bin k holds samples [k per_bin, (k + 1) per_bin) (the last bin may be shorter), with per_bin =
    ceil(n / n_bins), so there are at most ``n_bins`` bins.  Every extreme of ``y`` is one of the values.
    """
    y = np.asarray(y, dtype=float)
    n = y.size
    if n == 0:
        return np.zeros((0, 2)), 1
    per_bin = -(-n // max(1, n_bins))
    n_full = -(-n // per_bin)
    pad = n_full * per_bin - n
    blocks = (np.concatenate([y, np.full(pad, np.nan)]) if pad else y).reshape(n_full, per_bin)
    i_min = np.nanargmin(blocks, axis=1)
    i_max = np.nanargmax(blocks, axis=1)
    rows = np.arange(n_full)
    lo, hi = blocks[rows, i_min], blocks[rows, i_max]
    first_is_min = (i_min <= i_max)[:, None]
    return np.where(first_is_min, np.stack([lo, hi], 1), np.stack([hi, lo], 1)), per_bin


def raster_counts(times_ms: np.ndarray, duration_ms: float, bin_ms: float = RASTER_BIN_ms) -> np.ndarray:
    """Input spikes per ``bin_ms`` bin of [0, duration] (a spike at the end goes in the last bin), at most 255."""
    n_bins = max(1, math.ceil(duration_ms / bin_ms - 1e-9))
    t = np.asarray(times_ms, dtype=float)
    t = t[(t >= 0) & (t <= duration_ms)]
    counts = np.bincount(np.minimum((t // bin_ms).astype(np.int64), n_bins - 1), minlength=n_bins)
    return np.minimum(counts, 255)


def nice_ceiling(value: float) -> float:
    """Round up to 1, 2 or 5 times a power of ten (a tidy axis limit)."""
    if value <= 0:
        return 1.0
    exponent = math.floor(math.log10(value))
    for m in (1.0, 2.0, 5.0, 10.0):
        if value <= m * 10**exponent * (1 + 1e-12):
            return m * 10**exponent
    return 10.0 ** (exponent + 1)


def _geometry() -> dict:
    def site(q: Site) -> list[float]:
        return [round(q.x, 4), round(q.y, 4), round(q.nx, 4), round(q.ny, 4)]

    return {
        "extent": list(DIAGRAM_EXTENT),
        "soma": [*SOMA_CENTER, SOMA_RADIUS],
        "axon": [list(AXON_START), list(AXON_END)],
        "dendrites": [[list(a), list(b)] for a, b in DENDRITES],
        "dendrite_width": 2 * DENDRITE_HALF_WIDTH,
        "glutamate_sites": [site(q) for q in GLUTAMATE_GEOMETRY],
        "gaba_sites": [site(q) for q in GABA_GEOMETRY],
        "bouton_offset": BOUTON_OFFSET,
        "wall_length": WALL_LENGTH,
        "max_gap": MAX_GAP,
        "g_half_open_nS": G_HALF_OPEN_nS,
        "ions_per_gate": IONS_PER_GATE,
        "ion_path": [ION_PATH_OUT, ION_PATH_IN],
        "ion_speed_per_ms": ION_SPEED_PER_MS,
        "ion_full_speed_mV": ION_FULL_SPEED_mV,
        "axon_travel_ms": AXON_TRAVEL_ms,
    }


def view_words(lang: str) -> dict[str, str]:
    """The neuron view's words and its controls', in ``lang`` (the figure style's: the page's language)."""
    with using(lang):
        return {**VIEW_WORDS.templates("controls"), **VIEW_WORDS.templates("neuron")}


def neuron_view_payload(
    run: NeuronRun,
    inp: SynapticInput,
    *,
    view_id: str,
    figure_style: st_.FigureStyle,
    alt: str,
    export_name: str,
    export_caption: str = "",
    link_private: tuple[str, ...] = (),
    calm: bool = False,
) -> bytes:
    """The bytes the animated-view component draws and plays for one run (see the module docstring)."""
    p = run.params
    idx = samples_every(run)
    glu_g, gaba_g = gate_conductances(run, inp)
    g_glu = run.g_ampa_nS + run.g_nmda_nS
    g_top = nice_ceiling(max(float(g_glu.max()), float(run.g_gaba_nS.max()), 1.0) * 1.05)
    v_env, per_bin = envelope_pairs(run.v_mV)
    v_lo = min(-85.0, p.E_gaba_mV - 3.0, float(run.v_mV.min()) - 3.0)
    header = {
        "kind": VIEW_KIND,
        "id": view_id,
        "duration_ms": float(run.t_ms[-1]),
        "sample_ms": float(idx[1] - idx[0]) * run.dt_ms if idx.size > 1 else run.dt_ms,
        "raster_bin_ms": RASTER_BIN_ms,
        "env_bin_ms": per_bin * run.dt_ms,
        "play_rate": PLAY_RATE,
        "calm": bool(calm),
        "alt": alt,
        "export_name": export_name,
        "export_caption": export_caption,
        "link_private": list(link_private),
        **st_.view_header(figure_style),
        "soma_stops": st_.soma_color_stops(figure_style),
        "words": view_words(figure_style.lang),
        "cell": {
            "V_th_mV": p.V_th_mV,
            "E_exc_mV": p.E_exc_mV,
            "E_gaba_mV": p.E_gaba_mV,
            "E_L_mV": p.E_L_mV,
            "spike_peak_mV": SPIKE_DRAWN_PEAK_mV,
        },
        "axes": {"v_range": [v_lo, SPIKE_DRAWN_PEAK_mV + 5.0], "g_top_nS": g_top},
        "geometry": _geometry(),
    }
    arrays = {
        "v_mV": vc.quantised(run.v_mV[idx]),
        "glu_gates_nS": vc.quantised(glu_g),
        "gaba_gates_nS": vc.quantised(gaba_g),
        "v_env": vc.quantised(v_env),
        "g_glu_env": vc.quantised(envelope_pairs(g_glu)[0]),
        "g_gaba_env": vc.quantised(envelope_pairs(run.g_gaba_nS)[0]),
        "glu_raster": vc.uint8(raster_counts(inp.glutamate_times_ms, float(run.t_ms[-1]))),
        "gaba_raster": vc.uint8(raster_counts(inp.gaba_times_ms, float(run.t_ms[-1]))),
        "spikes_ms": vc.float32(run.spike_times_ms),
    }
    return vc.pack(header, arrays)
