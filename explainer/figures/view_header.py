"""The declared shape of an animated view's header: what :func:`explainer.figures.view_codec.pack` puts before
the arrays, and what the browser reads.

The JavaScript declares the same types, with the same names and fields, as JSDoc ``@typedef`` comments in
``explainer/ui/components/animated_view/assets/codec.js``; ``tests/figures/test_view_header.py`` checks that the
two agree and that a real payload's header has exactly these fields.  The builders are
:func:`explainer.figures.neuron_view.neuron_view_payload` and
:func:`explainer.figures.network_view.network_view_payload`.
"""

from __future__ import annotations

from typing import TypedDict


class ArrayDescriptor(TypedDict):
    """Where one array lies in the payload and how to read it (``pack`` writes these)."""

    dtype: str  # "f32", "u16" (quantised: min + raw * scale) or "u8"
    offset: int  # bytes from the payload's start, a multiple of 4
    length: int  # elements
    shape: list[int]
    min: float
    scale: float


class ViewSizes(TypedDict):
    """Type and line sizes in CSS px (explainer/figures/style.py, ``view_sizes``)."""

    font_px: float
    small_font_px: float
    line_px: float
    scale: float
    min_label_px: float  # no label smaller (0: no floor; style.PRESENTER_MIN_LABEL_PX in presenter mode)


class ViewHeader(TypedDict):
    """What every view's header holds."""

    kind: str  # "neuron" or "network": the view that draws it
    id: str  # the settings drawn (view_codec.view_id): the view shows it once drawn
    duration_ms: float
    play_rate: float  # simulated ms per wall-clock ms at 1x
    calm: bool  # reduce motion: the final state, no autoplay
    alt: str  # the figure's text alternative
    export_name: str  # the saved image's file name, before its time
    export_caption: str  # the settings, drawn at the bottom of the saved image ("" for none)
    link_private: list[str]  # link parameters "Copy link" leaves out (a class's seat: never handed on)
    link_params: dict[str, str]  # link parameters "Copy link" sets (the page's language: i18n.link_params)
    lang: str  # the page's language (a BCP 47 tag): the browser writes the view's numbers in it (Intl.NumberFormat)
    palette: dict[str, str]  # named colours of this profile
    sizes: ViewSizes
    export_sizes: ViewSizes  # in the 1920 x 1080 image
    profile: str  # "laptop" or "projector"
    wide_min_px: int  # the view lays its parts side by side from this width, one above another below it
    words: dict[str, str]  # every text the view and its controls show
    arrays: dict[str, ArrayDescriptor]  # written by pack()


class NeuronCell(TypedDict):
    V_th_mV: float
    E_exc_mV: float
    E_gaba_mV: float
    E_L_mV: float
    spike_peak_mV: float  # where a spike is drawn to


class NeuronAxes(TypedDict):
    v_range: list[float]  # [lo, hi] mV
    g_top_nS: float


class NeuronGeometry(TypedDict):
    """The cell in diagram units (y up): see explainer/figures/neuron_view.py."""

    extent: list[float]
    soma: list[float]  # [x, y, radius]
    axon: list[list[float]]
    dendrites: list[list[list[float]]]
    dendrite_width: float
    glutamate_sites: list[list[float]]  # [x, y, nx, ny]: a point on the membrane and its outward normal
    gaba_sites: list[list[float]]
    bouton_offset: float
    wall_length: float
    max_gap: float
    g_half_open_nS: float
    ions_per_gate: int
    ion_path: list[float]  # [outside, inside] reach of an ion's path
    ion_speed_per_ms: float
    ion_full_speed_mV: float
    axon_travel_ms: float


class NeuronFields(TypedDict):
    """The neuron view's own fields."""

    sample_ms: float  # the arrays' time step
    raster_bin_ms: float
    env_bin_ms: float
    soma_stops: list[list[float | str]]  # [[mV, "#RRGGBB"], ...]: the soma's shading by V
    cell: NeuronCell
    axes: NeuronAxes
    geometry: NeuronGeometry


class NeuronHeader(ViewHeader, NeuronFields):
    """The header of the neuron view (kind "neuron")."""


class NetworkRaster(TypedDict):
    exc_rows: int
    inh_rows: int
    gap_rows: int
    bin_ms: float
    bins: int
    highlight_ms: float  # the spikes of this last stretch light up


class NetworkRates(TypedDict):
    bin_ms: float
    top: float  # the rate axis's top, Hz


class NetworkCircuit(TypedDict):
    """The circuit diagram in diagram units: see explainer/figures/network_view.py."""

    x_range: list[float]
    y_range: list[float]
    nodes: list[dict[str, object]]  # {x, y, shape, color, text}
    node_px: list[float]  # [base px, px per Hz, most px]
    node_max_units: float
    paths: list[dict[str, object]]  # {points, width, color, head, dash}
    labels: list[dict[str, object]]  # {x, y, text, color}


class NetworkFields(TypedDict):
    """The network view's own fields."""

    raster: NetworkRaster
    rates: NetworkRates
    circuit: NetworkCircuit


class NetworkHeader(ViewHeader, NetworkFields):
    """The header of the network view (kind "network")."""
