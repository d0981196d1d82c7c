"""The network figure: validity, animation frames, E/I distinct, arrow widths follow strengths, size."""

from __future__ import annotations

from dataclasses import replace
from functools import cache

import numpy as np
import pytest

from explainer.figures import style
from explainer.figures.network import (
    EXC_SYMBOL,
    INH_SYMBOL,
    RASTER_COL_PX,
    RASTER_EXC_CELLS,
    RASTER_INH_CELLS,
    RASTER_ROW_PX,
    RASTER_BIN_ms,
    arrow_width_px,
    build_disinhibition_chart,
    build_network_animation,
    node_size_px,
)
from explainer.model.network import NetworkParams, simulate_network
from tests.figures._png import decode_layout_image


@cache
def _fig(**changes):
    run = simulate_network(replace(NetworkParams(), **changes), 400.0, 0.1, np.random.default_rng(1))
    return run, build_network_animation(run, animation_id="x")


def test_validates_and_animates():
    _run, fig = _fig()
    fig.validated()
    frames = fig.spec["frames"]
    assert len(frames) == 41, "400 ms at 10 ms per frame"
    assert all(len(f["traces"]) <= 8 and "layout" not in f for f in frames)
    lit = sum(len(f["data"][0]["x"]) for f in frames)
    assert lit > 0, "spikes must light up as the cursor passes"


def test_excitatory_and_inhibitory_cells_differ_in_colour_and_shape():
    _, fig = _fig()
    by_name = {t.get("name"): t for t in fig.spec["data"]}
    e, i = by_name["E cells (glutamate)"], by_name["I cells (GABA)"]
    assert e["marker"]["symbol"] == EXC_SYMBOL and i["marker"]["symbol"] == INH_SYMBOL
    assert e["marker"]["color"] == style.GLUTAMATE_COLOR and i["marker"]["color"] == style.GABA_COLOR


def test_raster_image_marks_exactly_the_sampled_spikes():
    run, fig = _fig()
    (image,) = fig.spec["layout"]["images"]
    pixels, palette = decode_layout_image(image)
    n_e, n_i = min(RASTER_EXC_CELLS, run.n_exc), min(RASTER_INH_CELLS, run.n_inh)
    n_rows, n_bins = n_e + n_i + 3, round(run.duration_ms / RASTER_BIN_ms)
    assert pixels.shape == (n_rows * RASTER_ROW_PX, n_bins * RASTER_COL_PX)
    codes = pixels[::RASTER_ROW_PX, ::RASTER_COL_PX][::-1]  # back to one value per cell row and bin, y upwards
    expected = np.zeros_like(codes)
    for t, cell in zip(run.spike_times_ms, run.spike_cells, strict=True):
        col = min(int(t // RASTER_BIN_ms), n_bins - 1)
        if cell < n_e:
            expected[cell, col] = 1
        elif run.n_exc <= cell < run.n_exc + n_i:
            expected[cell - run.n_exc + n_e + 2, col] = 2
    assert expected.sum() > 0, "the sample cells should spike"
    np.testing.assert_array_equal(codes, expected, err_msg="E spikes code 1 in the E band, I spikes 2 in the I band")
    assert palette[1] == style.hex_to_rgb(style.GLUTAMATE_COLOR) and palette[2] == style.hex_to_rgb(style.GABA_COLOR)
    assert (image["xref"], image["yref"], image["x"], image["sizex"]) == ("x", "y", 0.0, run.duration_ms)
    assert image["y"] - image["sizey"] == -0.5 and image["y"] == n_rows - 0.5, "one image row band per raster row"


def test_axes_have_units():
    _, fig = _fig()
    layout = fig.spec["layout"]
    assert layout["xaxis2"]["title"]["text"] == "Time (ms)"
    assert "spikes/s" in layout["yaxis2"]["title"]["text"]


def test_arrow_widths_follow_the_sliders():
    assert arrow_width_px(0.0, 6.0) == 1.0
    assert arrow_width_px(6.0, 6.0) == 6.0
    assert arrow_width_px(12.0, 6.0) > arrow_width_px(6.0, 6.0)
    _, weak = _fig(w_inh_nS=10.0)
    _, strong = _fig()

    def gaba_arrow_width(fig):
        return max(
            a.get("arrowwidth", 0) for a in fig.spec["layout"]["annotations"] if a.get("arrowcolor") == style.GABA_COLOR
        )

    assert gaba_arrow_width(weak) < gaba_arrow_width(strong)


def test_nodes_swell_with_rate():
    sizes = node_size_px(np.array([0.0, 20.0, 200.0, 1000.0]))
    assert sizes[0] < sizes[1] < sizes[2] and sizes[-1] == sizes[-2] == pytest.approx(90.0)


def test_json_size_within_budget_even_when_running_away():
    _, fig = _fig(w_inh_nS=0.0)
    assert len(fig.to_json()) < 1_000_000


def test_disinhibition_chart():
    fig = build_disinhibition_chart(
        np.array([1.0, 0.5]), np.array([20.0, 80.0]), np.array([20.0, 30.0]), (0.5, 80.0, 30.0)
    )
    fig.validated()
    assert fig.spec["layout"]["xaxis"]["autorange"] == "reversed"
    assert [t["name"] for t in fig.spec["data"]][:2] == ["excitatory (pyramidal) cells", "inhibitory interneurons"]
