"""Listen to the neuron (one click per spike) and the CSV export (matches the model's arrays)."""

from __future__ import annotations

import io
import wave

import numpy as np
import pytest

from explainer.figures.export import NEURON_CSV_COLUMNS, neuron_traces_csv
from explainer.figures.sound import SAMPLE_RATE_HZ, spike_click_samples, spike_clicks_wav
from explainer.figures.style import PROJECTOR_PNG, chart_config
from explainer.model.scenarios import TugOfWarSettings, run_tug_of_war


def _click_onsets(samples: np.ndarray) -> np.ndarray:
    """Sample indices where sound starts after silence."""
    loud = np.abs(samples) > 1e-3
    starts = np.flatnonzero(loud[1:] & ~loud[:-1]) + 1
    return np.concatenate(([0], starts)) if loud[0] else starts


@pytest.mark.parametrize("settings", [TugOfWarSettings(), TugOfWarSettings(gaba_rate_hz=0.0, glutamate_rate_hz=3000)])
def test_one_click_per_spike_at_the_spike_times(settings):
    run, _ = run_tug_of_war(settings)
    assert run.spike_times_ms.size > 0
    samples = spike_click_samples(run.spike_times_ms, run.duration_ms)
    onsets = _click_onsets(samples)
    assert onsets.size == run.spike_times_ms.size, f"{onsets.size} clicks for {run.spike_times_ms.size} spikes"
    np.testing.assert_allclose(
        onsets / SAMPLE_RATE_HZ * 1000, run.spike_times_ms, atol=2 * 1000 / SAMPLE_RATE_HZ
    )  # the click starts at sin(0) = 0


def test_wav_is_a_valid_mono_16_bit_file_of_the_run_length():
    run, _ = run_tug_of_war(TugOfWarSettings())
    data = spike_clicks_wav(run.spike_times_ms, run.duration_ms)
    with wave.open(io.BytesIO(data)) as wav:
        assert (wav.getnchannels(), wav.getsampwidth(), wav.getframerate()) == (1, 2, SAMPLE_RATE_HZ)
        assert wav.getnframes() == round(run.duration_ms * SAMPLE_RATE_HZ / 1000)
        pcm = np.frombuffer(wav.readframes(wav.getnframes()), dtype="<i2")
    assert _click_onsets(pcm / 32767.0).size == run.spike_times_ms.size


def test_silence_without_spikes():
    assert not np.any(spike_click_samples(np.array([]), 500.0))


def test_csv_matches_the_model_arrays():
    run, _ = run_tug_of_war(TugOfWarSettings())
    text = neuron_traces_csv(run)
    lines = text.splitlines()
    assert lines[0].startswith("# Educational model")
    assert lines[1] == ",".join(NEURON_CSV_COLUMNS)
    assert all(unit in lines[1] for unit in ("_ms", "_mV", "_nS"))
    table = np.loadtxt(io.StringIO(text), delimiter=",", skiprows=2)
    assert table.shape == (run.t_ms.size, 6)
    np.testing.assert_allclose(table[:, 0], run.t_ms, atol=1e-4)
    np.testing.assert_allclose(table[:, 1], run.v_mV, atol=1e-6)
    np.testing.assert_allclose(table[:, 2], run.g_ampa_nS, atol=1e-6)
    np.testing.assert_allclose(table[:, 3], run.g_nmda_nS, atol=1e-6)
    np.testing.assert_allclose(table[:, 4], run.g_gaba_nS, atol=1e-6)
    np.testing.assert_allclose(table[table[:, 5] == 1, 0], run.spike_times_ms, atol=1e-4)


def test_png_export_is_projector_sized_with_a_meaningful_name():
    config = chart_config("tug-of-war_glu2500")
    assert config["toImageButtonOptions"]["filename"] == "tug-of-war_glu2500"
    assert (config["toImageButtonOptions"]["width"], config["toImageButtonOptions"]["height"]) == (1920, 1080)
    assert PROJECTOR_PNG["width"] >= 1920
