"""The neuron view's data: every number the browser draws is the model's, and the payload is small."""

from __future__ import annotations

from functools import cache

import numpy as np
import pytest

from explainer.figures import style
from explainer.figures.neuron_view import (
    GABA_GEOMETRY,
    GLUTAMATE_GEOMETRY,
    envelope_pairs,
    gate_conductances,
    neuron_view_payload,
    nice_ceiling,
    raster_counts,
)
from explainer.figures.view_codec import unpack
from explainer.model.experiments.balance import TugOfWarSettings, run_tug_of_war
from tests.figures.view_js import ASSETS, PLACEHOLDER, placeholders_filled, words_read

VIEW_BUDGET_BYTES = 60_000  # DESIGN.md section 9: one animated view's message
BUSIEST = TugOfWarSettings(glutamate_rate_hz=6000, glutamate_weight_nS=3.0, gaba_rate_hz=6000, gaba_weight_nS=5.0,
                           g_nmda_max_nS=10.0, mg_mM=0.0, E_gaba_mV=-40.0)  # fmt: skip


DEFAULT = TugOfWarSettings()
LAPTOP = style.FigureStyle()


@cache
def _case(settings=DEFAULT, figure_style=LAPTOP, calm=False):
    run, inp = run_tug_of_war(settings)
    payload = neuron_view_payload(
        run, inp, view_id="abc123", figure_style=figure_style, alt="An animated neuron.", export_name="tow", calm=calm
    )
    return run, inp, payload, unpack(payload)


@pytest.mark.parametrize("settings", [TugOfWarSettings(), BUSIEST, TugOfWarSettings(0, 0, 0, 0)], ids=str)
def test_payload_is_small_and_finite(settings):
    _, _, payload, view = _case(settings)
    assert len(payload) < VIEW_BUDGET_BYTES, f"{len(payload)} bytes for {settings}"
    for name, values in view.arrays.items():
        assert np.all(np.isfinite(values)), f"{name} holds a NaN or infinity"


def test_v_is_sampled_every_ms_from_the_model():
    run, _, _, view = _case()
    v = view.arrays["v_mV"]
    assert v.size == 1001 and view.header["sample_ms"] == pytest.approx(1.0)
    step = (run.v_mV.max() - run.v_mV.min()) / 65535
    np.testing.assert_allclose(v, run.v_mV[::10], atol=step, err_msg="V samples must be the model's, every 1 ms")


def test_envelopes_keep_every_extreme_in_time_order():
    run, _, _, view = _case()
    pairs = view.arrays["v_env"]
    per_bin = round(view.header["env_bin_ms"] / run.dt_ms)
    n_bins = pairs.shape[0]
    assert n_bins <= 500 and n_bins * per_bin >= run.v_mV.size > (n_bins - 1) * per_bin
    tol = (run.v_mV.max() - run.v_mV.min()) / 65535
    for k in range(n_bins):
        seg = run.v_mV[k * per_bin : (k + 1) * per_bin]
        lo, hi = seg.min(), seg.max()
        first, second = (lo, hi) if seg.argmin() <= seg.argmax() else (hi, lo)
        assert pairs[k, 0] == pytest.approx(first, abs=tol) and pairs[k, 1] == pytest.approx(second, abs=tol), k
    assert pairs.max() == pytest.approx(run.v_mV.max(), abs=tol)
    assert pairs.min() == pytest.approx(run.v_mV.min(), abs=tol)


def test_envelope_of_an_uneven_length():
    pairs, per_bin = envelope_pairs(np.array([3.0, 1.0, 2.0, 5.0, 4.0]), n_bins=2)
    assert per_bin == 3
    np.testing.assert_array_equal(pairs, [[3.0, 1.0], [5.0, 4.0]])


def test_gates_add_up_to_the_cells_conductances():
    run, inp, _, view = _case()
    for sample_ms in (1.0, 0.1):  # every ms as sent, and at every model sample
        glu, gaba = gate_conductances(run, inp, sample_ms)
        step = round(sample_ms / run.dt_ms)
        assert glu.shape[0] == len(GLUTAMATE_GEOMETRY) and gaba.shape[0] == len(GABA_GEOMETRY)
        np.testing.assert_allclose(glu.sum(0), (run.g_ampa_nS + run.g_nmda_nS)[::step], rtol=1e-9, atol=1e-9)
        np.testing.assert_allclose(gaba.sum(0), run.g_gaba_nS[::step], rtol=1e-9, atol=1e-9)
    glu, _ = gate_conductances(run, inp)
    sent = view.arrays["glu_gates_nS"]
    assert sent.shape == (len(GLUTAMATE_GEOMETRY), 1001)
    np.testing.assert_allclose(sent, glu, atol=glu.max() / 65535)
    assert np.ptp(glu, axis=1).min() > 0.5, "every gate must open and close as its spikes arrive"


def test_raster_counts_every_input_spike_once():
    run, inp, _, view = _case()
    assert view.arrays["glu_raster"].sum() == np.count_nonzero(inp.glutamate_times_ms <= run.duration_ms)
    assert view.arrays["gaba_raster"].sum() == np.count_nonzero(inp.gaba_times_ms <= run.duration_ms)
    counts = raster_counts(np.array([0.0, 0.4, 999.9, 1000.0, 1200.0]), 1000.0)
    assert counts.size == 1000 and counts[0] == 2 and counts[-1] == 2 and counts.sum() == 4


def test_output_spikes_are_exact_and_the_axes_hold_them():
    run, _, _, view = _case()
    np.testing.assert_array_equal(view.arrays["spikes_ms"], run.spike_times_ms.astype(np.float32))
    assert view.arrays["spikes_ms"].size > 0
    lo, hi = view.header["axes"]["v_range"]
    assert lo < run.v_mV.min() and hi > view.header["cell"]["spike_peak_mV"]
    assert view.header["axes"]["g_top_nS"] >= (run.g_ampa_nS + run.g_nmda_nS).max()


ALL_FILES = tuple(sorted(p.name for p in ASSETS.glob("*.js")))


def test_the_header_holds_every_word_the_neuron_views_script_prints():
    """The browser prints header.words[name]: a word its code reads and the header lacks shows as "undefined",
    and a {{placeholder}} its code does not fill shows as such."""
    _, _, _, view = _case()
    words = view.header["words"]
    read = words_read("neuron.js", "controls.js", "index.js", "parts.js")
    assert {"soma_v", "gate_g", "pause", "status_saved"} <= read, f"the scan misses the code's words: {sorted(read)}"
    assert not read - set(words), f"the neuron view reads words its header lacks: {sorted(read - set(words))}"
    filled = placeholders_filled(*ALL_FILES)
    for name in sorted(read):
        text = words[name]
        assert text.strip(), f"the word {name!r} is empty"
        wanted = set(PLACEHOLDER.findall(text))
        assert wanted == set(filled.get(name, ())), f"{name!r} = {text!r}: the browser fills {filled.get(name)}"


def test_the_second_plays_over_ten_seconds_at_1x():
    _, _, _, view = _case()
    assert view.header["duration_ms"] / view.header["play_rate"] == pytest.approx(10_000.0)


def test_projector_profile_has_larger_type_and_darker_neutrals_but_the_same_hues():
    _, _, _, laptop = _case()
    _, _, _, projector = _case(figure_style=style.FigureStyle(scale=1.45, high_contrast=True))
    lp, pp = laptop.header["palette"], projector.header["palette"]
    assert projector.header["sizes"]["font_px"] >= 1.3 * laptop.header["sizes"]["font_px"]
    assert projector.header["sizes"]["line_px"] >= style.PROJECTOR_MIN_LINE_PX
    for pale in ("grid", "text", "cursor", "membrane", "threshold", "muted_text", "axis"):
        assert pp[pale] != lp[pale], f"{pale} must get darker for a projector"
    hues = (style.COLORS["glutamate"].laptop, style.COLORS["gaba"].laptop)
    assert (pp["glutamate"], pp["gaba"]) == (lp["glutamate"], lp["gaba"]) == hues
    assert projector.header["export_sizes"]["font_px"] > projector.header["sizes"]["font_px"] * 0.9


def test_nice_ceiling():
    assert [nice_ceiling(x) for x in (0.0, 0.7, 1.0, 1.5, 3.0, 7.0, 12.0, 20.0)] == [1, 1, 1, 2, 5, 10, 20, 20]
