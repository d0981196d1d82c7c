"""The animated neuron figure: traces, frames, units, validity and size."""

from __future__ import annotations

import json

import numpy as np
import plotly.graph_objects as go
import plotly.io as pio
import pytest

from explainer.figures import style
from explainer.figures.neuron_diagram import (
    GABA_GEOMETRY,
    GLUTAMATE_GEOMETRY,
    IONS_PER_GATE,
    RASTER_ROW_REPEATS,
    build_neuron_animation,
    frame_data,
    gate_opening,
)
from explainer.figures.thinning import TRACE_BINS
from explainer.model import NeuronParams, SynapticInput, simulate_neuron
from explainer.model.scenarios import TugOfWarSettings, run_tug_of_war
from tests.figures._png import decode_layout_image

FIGURE_JSON_BUDGET_BYTES = 1_000_000  # DESIGN.md section 9


@pytest.fixture(scope="module")
def default_case():
    run, inp = run_tug_of_war(TugOfWarSettings())
    return run, inp, build_neuron_animation(run, inp, animation_id="abc")


def _by_name(spec: dict, name: str) -> dict:
    matches = [t for t in spec["data"] if t.get("name") == name]
    assert matches, f"no trace named {name!r}; names: {[t.get('name') for t in spec['data']]}"
    return matches[0]


def test_spec_passes_plotlys_full_validation(default_case):
    _, _, fig = default_case
    validated = fig.validated()  # raises on any invalid property
    assert isinstance(validated, go.Figure)
    assert len(validated.frames) == len(fig.spec["frames"])


def test_frames_cover_the_run_and_update_only_a_few_small_traces(default_case):
    run, _, fig = default_case
    spec = fig.spec
    frames = spec["frames"]
    assert len(frames) == 101, "1 s at 10 ms per frame should give 101 frames (0, 10, ..., 1000 ms)"
    n_traces = len(spec["data"])
    for frame in frames:
        assert len(frame["traces"]) == len(frame["data"])
        assert len(frame["traces"]) <= 12, "frames must update a handful of traces, not the whole figure"
        assert all(0 <= i < n_traces for i in frame["traces"])
        assert "layout" not in frame, "frames must not rebuild the layout"
    cursor_x = [frame["data"][-1]["x"][0] for frame in frames]
    assert cursor_x[0] == 0.0 and cursor_x[-1] == pytest.approx(run.duration_ms)
    assert np.all(np.diff(cursor_x) > 0), "the time cursor must move forward frame by frame"


def test_membrane_trace_is_sent_once_as_an_exact_envelope_with_threshold(default_case):
    run, _, fig = default_case
    v = _by_name(fig.spec, "membrane potential")
    x = np.asarray(v["x"], dtype=float)
    y = np.asarray(v["y"], dtype=float)
    assert x.size <= 2 * TRACE_BINS + 1, f"{x.size} points: the trace should be thinned for the browser"
    idx = np.rint(x / run.dt_ms).astype(int)
    np.testing.assert_allclose(x, run.t_ms[idx], atol=1e-3, err_msg="every drawn point must be a model sample")
    np.testing.assert_allclose(y, run.v_mV[idx], atol=1e-4, err_msg="drawn values must be the model's")
    assert np.all(np.diff(x) > 0), "points must stay in time order"
    assert x[0] == 0.0 and x[-1] >= run.duration_ms - 2 * run.duration_ms / TRACE_BINS, "must span the run"
    assert y.max() == pytest.approx(run.v_mV.max(), abs=1e-4) and y.min() == pytest.approx(run.v_mV.min(), abs=1e-4)
    thr = _by_name(fig.spec, "threshold")
    assert thr["y"] == [NeuronParams().V_th_mV] * 2


def test_input_raster_marks_every_millisecond_with_an_input_spike(default_case):
    run, inp, fig = default_case
    (image,) = fig.spec["layout"]["images"]
    pixels, palette = decode_layout_image(image)
    assert pixels.shape == (sum(RASTER_ROW_REPEATS), round(run.duration_ms)), "a pixel column per ms"
    glu_rows, gap_rows, gaba_rows = np.split(pixels, np.cumsum(RASTER_ROW_REPEATS)[:-1])
    assert not gap_rows.any(), "the gap between the rows stays transparent"
    for rows, code, times in ((glu_rows, 1, inp.glutamate_times_ms), (gaba_rows, 2, inp.gaba_times_ms)):
        busy = np.zeros(pixels.shape[1], dtype=bool)
        busy[np.minimum(np.floor(times[times <= run.t_ms[-1]]).astype(int), pixels.shape[1] - 1)] = True
        assert busy.sum() > 100, "the default case should have many input spikes"
        assert (rows == rows[0]).all(), "every pixel row of a raster row is the same"
        np.testing.assert_array_equal(rows[0] == code, busy, err_msg=f"code {code}: a pixel per busy ms, no other")
        assert set(np.unique(rows[0])) <= {0, code}
    assert palette[1] == style.hex_to_rgb(style.GLUTAMATE_COLOR) and palette[2] == style.hex_to_rgb(style.GABA_COLOR)
    assert (image["xref"], image["yref"], image["sizex"]) == ("x2", "y2", pytest.approx(run.duration_ms))
    assert image["y"] == pytest.approx(1.35) and image["y"] - image["sizey"] == pytest.approx(-0.35)


def test_axis_titles_carry_units(default_case):
    layout = default_case[2].spec["layout"]
    titles = [ax["title"]["text"] for k, ax in layout.items() if k.startswith(("xaxis", "yaxis")) and "title" in ax]
    assert "Time (ms)" in titles
    assert any("V (mV)" in t and "Membrane potential" in t for t in titles)
    assert any("g (nS)" in t for t in titles)


def test_glutamate_and_gaba_differ_in_colour_and_shape(default_case):
    spec = default_case[2].spec
    glu = _by_name(spec, "glutamate synapse")
    gaba = _by_name(spec, "GABA synapse")
    assert glu["marker"]["color"] != gaba["marker"]["color"]
    assert glu["marker"]["symbol"] != gaba["marker"]["symbol"]
    assert glu["marker"]["color"] in style.OKABE_ITO.values()
    assert gaba["marker"]["color"] in style.OKABE_ITO.values()
    assert len(glu["x"]) == len(GLUTAMATE_GEOMETRY) and len(gaba["x"]) == len(GABA_GEOMETRY)


def test_play_pause_speed_and_scrub_controls(default_case):
    layout = default_case[2].spec["layout"]
    labels = [b["label"] for b in layout["updatemenus"][0]["buttons"]]
    assert labels[:2] == ["▶ Play", "❚❚ Pause"]
    assert {"0.5×", "1×", "2×"} <= set(labels)
    durations = [
        b["args"][1]["frame"]["duration"] for b in layout["updatemenus"][0]["buttons"] if b["label"].endswith("×")
    ]
    assert durations == sorted(durations, reverse=True), "faster speeds must use shorter frame durations"
    assert "sliders" not in layout, "the time scrubber is the page's HTML range input, not a Plotly slider"
    assert layout["meta"] == {"animation_id": "abc", "frame_ms": 10.0}, "the scrubber reads ms per frame here"


def test_json_within_budget(default_case):
    size = len(pio.to_json(default_case[2].spec, validate=False))
    assert size <= FIGURE_JSON_BUDGET_BYTES, f"figure JSON is {size} bytes, budget {FIGURE_JSON_BUDGET_BYTES}"


def test_busy_inputs_stay_within_budget():
    settings = TugOfWarSettings(glutamate_rate_hz=6000, glutamate_weight_nS=3, gaba_rate_hz=6000, gaba_weight_nS=5)
    run, inp = run_tug_of_war(settings)
    size = len(build_neuron_animation(run, inp).to_json())
    assert size <= FIGURE_JSON_BUDGET_BYTES, f"busiest slider setting gives {size} bytes"


def test_gates_open_with_conductance_and_close_without_input():
    assert gate_opening(np.array([0.0]))[0] == 0.0
    o = gate_opening(np.array([0.5, 1.0, 5.0, 50.0]))
    assert np.all(np.diff(o) > 0) and o[-1] < 1.0


def test_ions_flow_inward_at_glutamate_and_chloride_follows_its_driving_force():
    """Cl- flows in when V > E_GABA, out when V < E_GABA, not at all when V = E_GABA (shunting)."""
    one_gaba = SynapticInput(np.empty(0), np.empty(0), np.array([5.0]), np.array([5.0]))
    for e_gaba, expected in ((-85.0, +1), (-70.0, 0), (-50.0, -1)):
        params = NeuronParams(E_gaba_mV=e_gaba)
        run = simulate_neuron(params, one_gaba, duration_ms=50.0)
        fd = frame_data(run, one_gaba, 10.0)
        sign = np.sign(np.round(fd.gaba_flow_mV[1], 6))
        assert sign == expected, f"E_GABA {e_gaba} mV: Cl- flow sign {sign}, expected {expected}"
    one_glu = SynapticInput(np.array([5.0]), np.array([2.0]), np.empty(0), np.empty(0))
    run = simulate_neuron(NeuronParams(), one_glu, duration_ms=50.0)
    assert np.all(frame_data(run, one_glu, 10.0).glu_flow_mV > 0), "cations flow in at glutamate gates"


def test_gate_conductances_add_up_to_the_model_conductance():
    run, inp = run_tug_of_war(TugOfWarSettings(seed=3))
    fd = frame_data(run, inp, 10.0)
    # frame j averages samples (j-1)*100+1 .. j*100
    j = 50
    window = slice((j - 1) * 100 + 1, j * 100 + 1)
    np.testing.assert_allclose(fd.gaba_gate_nS[j].sum(), run.g_gaba_nS[window].mean(), rtol=1e-9)
    np.testing.assert_allclose(fd.glu_gate_nS[j].sum(), (run.g_ampa_nS + run.g_nmda_nS)[window].mean(), rtol=1e-9)


def test_output_spikes_appear_as_soma_flash_and_on_the_axon(default_case):
    run, _, fig = default_case
    assert run.spike_times_ms.size > 0
    frames = fig.spec["frames"]
    flashes = [f for f in frames if f["data"][0]["fillcolor"] == style.SPIKE_COLOR]
    assert 0 < len(flashes) <= run.spike_times_ms.size
    assert all(f["data"][5]["text"] == ["SPIKE!"] for f in flashes)
    assert any(len(f["data"][6]["x"]) > 0 for f in frames), "a spike must travel down the axon"


def test_silent_cell_has_closed_gates_and_no_ions():
    run, inp = run_tug_of_war(TugOfWarSettings(glutamate_rate_hz=0, gaba_rate_hz=0))
    fig = build_neuron_animation(run, inp)
    for frame in fig.spec["frames"]:
        assert all(x is None for x in frame["data"][2]["x"]), "no cation may move through closed gates"
        assert all(x is None for x in frame["data"][3]["x"]), "no chloride may move through closed gates"
        assert frame["data"][4]["text"] == ["0.0 nS"] * (len(GLUTAMATE_GEOMETRY) + len(GABA_GEOMETRY))
    assert IONS_PER_GATE >= 1


def test_presenter_scale_enlarges_fonts():
    run, inp = run_tug_of_war(TugOfWarSettings())
    small = build_neuron_animation(run, inp).spec["layout"]["font"]["size"]
    big = build_neuron_animation(run, inp, figure_style=style.FigureStyle(scale=1.5)).spec["layout"]["font"]["size"]
    assert big >= 1.3 * small


def test_builder_does_not_mutate_inputs():
    run, inp = run_tug_of_war(TugOfWarSettings())
    before = run.v_mV.copy()
    build_neuron_animation(run, inp)
    np.testing.assert_array_equal(before, run.v_mV)
    json.dumps(len(inp.glutamate_times_ms))


def test_reduced_motion_shows_the_final_state(default_case):
    from explainer.figures.animation_controls import start_at_last_frame

    run, _, fig = default_case
    calm = start_at_last_frame(fig.spec)
    last = fig.spec["frames"][-1]
    for index, update in zip(last["traces"], last["data"], strict=True):
        for key, value in update.items():
            assert calm["data"][index][key] == value
    readout = calm["data"][last["traces"][7]]["text"][0]
    first_readout = fig.spec["data"][last["traces"][7]]["text"][0]
    assert first_readout.startswith("t = 0 ms"), "the cached figure itself must not change"
    assert f"output spikes so far: {run.spike_times_ms.size}" in readout
