"""The network view's data: the raster bits are exactly the sampled spikes, rates are the model's, the
diagram follows the sliders, and the payload stays small however much the network fires."""

from __future__ import annotations

from dataclasses import replace
from functools import cache

import numpy as np

from explainer.content import i18n
from explainer.content.words import words
from explainer.figures import style
from explainer.figures.network import build_disinhibition_chart
from explainer.figures.network_view import (
    RASTER_EXC_CELLS,
    RASTER_INH_CELLS,
    RASTER_BIN_ms,
    RATE_BIN_ms,
    arrow_width_px,
    network_view_payload,
)
from explainer.figures.network_view import circuit as circuit_in
from explainer.figures.view_codec import unpack
from explainer.model.network import NetworkParams, simulate_network
from explainer.model.spikes import population_rate_trace
from tests.figures.view_js import ASSETS, PLACEHOLDER, placeholders_filled, words_read

VIEWS = words("views")


def circuit(params: NetworkParams) -> dict:
    return circuit_in(params, i18n.SOURCE)


VIEW_BUDGET_BYTES = 60_000  # DESIGN.md section 9: one animated view's message


@cache
def _view(**changes):
    run = simulate_network(replace(NetworkParams(), **changes), 400.0, 0.1, np.random.default_rng(1))
    payload = network_view_payload(run, view_id="x", figure_style=style.FigureStyle(), alt="alt", export_name="n")
    return run, payload, unpack(payload)


def _occupancy(run, first_cell, n_cells):
    n_bins = round(run.duration_ms / RASTER_BIN_ms)
    out = np.zeros((n_cells, n_bins), dtype=bool)
    keep = (run.spike_cells >= first_cell) & (run.spike_cells < first_cell + n_cells)
    cols = np.minimum((run.spike_times_ms[keep] // RASTER_BIN_ms).astype(int), n_bins - 1)
    out[run.spike_cells[keep] - first_cell, cols] = True
    return out


def test_raster_bits_are_exactly_the_sampled_cells_spikes():
    run, _, view = _view()
    n_bins = view.header["raster"]["bins"]
    assert n_bins == round(run.duration_ms / RASTER_BIN_ms)
    exc = np.unpackbits(view.arrays["raster_exc"], axis=1)[:, :n_bins].astype(bool)
    inh = np.unpackbits(view.arrays["raster_inh"], axis=1)[:, :n_bins].astype(bool)
    assert exc.shape[0] == RASTER_EXC_CELLS and inh.shape[0] == RASTER_INH_CELLS
    np.testing.assert_array_equal(exc, _occupancy(run, 0, RASTER_EXC_CELLS), err_msg="E raster differs from the model")
    np.testing.assert_array_equal(inh, _occupancy(run, run.n_exc, RASTER_INH_CELLS), err_msg="I raster differs")
    assert exc.any() and inh.any(), "the balanced network must show spikes in both bands"


def test_population_rates_are_the_models():
    run, _, view = _view()
    _, rate_e = population_rate_trace(run, slice(0, run.n_exc), RATE_BIN_ms)
    _, rate_i = population_rate_trace(run, slice(run.n_exc, run.n_exc + run.n_inh), RATE_BIN_ms)
    tol = max(rate_e.max(), rate_i.max()) / 65535
    np.testing.assert_allclose(view.arrays["rate_exc"], rate_e, atol=tol)
    np.testing.assert_allclose(view.arrays["rate_inh"], rate_i, atol=tol)
    assert view.header["rates"]["top"] >= max(rate_e.max(), rate_i.max())


def test_payload_stays_small_even_when_running_away():
    _, balanced, _ = _view()
    _, runaway, view = _view(w_inh_nS=0.0)
    assert len(runaway) < VIEW_BUDGET_BYTES and len(balanced) < VIEW_BUDGET_BYTES
    assert abs(len(runaway) - len(balanced)) < 200, "bits per bin: the size does not grow with the spikes"
    assert view.header["kind"] == "network" and view.header["words"]["time_axis"] == "Time (ms)"


def test_arrow_widths_follow_the_sliders():
    assert arrow_width_px(0.0, 6.0) == 1.0
    assert arrow_width_px(6.0, 6.0) == 6.0
    assert arrow_width_px(12.0, 6.0) > arrow_width_px(6.0, 6.0)

    def gaba_width(params):
        return max(p["width"] for p in circuit(params)["paths"] if p["color"] == "gaba")

    def e_to_i_width(params):
        return circuit(params)["paths"][0]["width"]

    assert gaba_width(NetworkParams(w_inh_nS=10.0)) < gaba_width(NetworkParams())
    assert e_to_i_width(NetworkParams(e_to_i_scale=0.4)) < e_to_i_width(NetworkParams())


def test_circuit_labels_carry_the_numbers_and_the_drive():
    labels = [q["text"] for q in circuit(NetworkParams(w_exc_nS=4.5, ext_rate_hz=300.0, kick_ms=0.0))["labels"]]
    assert "E → E: 4.5 nS" in labels and "glutamate → I: 4.5 nS" in labels
    assert VIEWS.texts["network_external_none"] + ", then 300 spikes/s per cell" in labels


def test_the_header_holds_every_word_the_network_views_script_prints():
    """As for the neuron view: no word the code reads is missing, and the browser fills every placeholder."""
    _, _, view = _view()
    words = view.header["words"]
    read = words_read("network.js", "controls.js", "index.js", "parts.js")
    assert {"rate_title", "readout_rates", "pause"} <= read, f"the scan misses the code's words: {sorted(read)}"
    assert not read - set(words), f"the network view reads words its header lacks: {sorted(read - set(words))}"
    filled = placeholders_filled(*sorted(p.name for p in ASSETS.glob("*.js")))
    for name in sorted(read):
        text = words[name]
        wanted = set(PLACEHOLDER.findall(text))
        assert wanted == set(filled.get(name, ())), f"{name!r} = {text!r}: the browser fills {filled.get(name)}"


def test_every_word_the_layout_reads_is_in_a_views_header():
    read = words_read("layout.js")
    assert {"readout_time", "rows_exc", "key_spike"} <= read, sorted(read)
    every = {**VIEWS.templates("controls"), **VIEWS.templates("neuron"), **VIEWS.templates("network")}
    assert not read - set(every)


def test_projector_palette_drops_the_pale_neutrals():
    run, _, _ = _view()
    projector = style.FigureStyle(scale=1.45, high_contrast=True)
    head = unpack(network_view_payload(run, view_id="x", figure_style=projector, alt="", export_name="n")).header
    assert head["profile"] == "projector" and head["palette"]["text"] == "#000000"
    assert head["palette"]["glutamate"] == style.COLORS["glutamate"].laptop == style.COLORS["glutamate"].projector
    assert head["palette"]["gaba"] == style.COLORS["gaba"].projector
    assert head["sizes"]["font_px"] >= 1.3 * style.FigureStyle().font_px


def test_disinhibition_chart():
    fig = build_disinhibition_chart(
        np.array([1.0, 0.5]), np.array([20.0, 80.0]), np.array([20.0, 30.0]), (0.5, 80.0, 30.0)
    )
    fig.validated()
    lo, hi = fig.spec["layout"]["xaxis"]["range"]
    assert lo < 0.5 < 1.0 < hi and "autorange" not in fig.spec["layout"]["xaxis"], "left to right, as the slider"
    assert [t["name"] for t in fig.spec["data"]][:2] == ["excitatory (pyramidal) cells", "inhibitory interneurons"]


def test_the_diagram_writes_its_numbers_in_the_readers_language(monkeypatch):
    monkeypatch.setitem(i18n.LANGUAGES, "de", "Deutsch")
    params = NetworkParams(w_exc_nS=4.5, ext_rate_hz=1500.0, kick_ms=0.0)
    german = " | ".join(q["text"] for q in circuit_in(params, "de")["labels"])
    english = " | ".join(q["text"] for q in circuit(params)["labels"])
    assert "4,5 nS" in german and "1.500 " in german and "4.5" not in german, german
    assert "4.5 nS" in english and "1,500 " in english, english
