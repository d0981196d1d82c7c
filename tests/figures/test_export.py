"""The CSV of the traces: column names first, every model sample, the settings beside the first rows."""

from __future__ import annotations

import csv
import io

import numpy as np

from explainer.figures.export import MODEL_NOTE, NEURON_CSV_COLUMNS, neuron_traces_csv
from explainer.model.experiments.balance import TugOfWarSettings, run_tug_of_war
from explainer.pages.playground import csv_settings, export_name


def test_csv_matches_the_model_arrays_and_names_its_settings():
    settings = TugOfWarSettings(glutamate_rate_hz=3500, E_gaba_mV=-60.0, seed=7)
    run, _ = run_tug_of_war(settings)
    text = neuron_traces_csv(run, csv_settings(settings))
    rows = list(csv.reader(io.StringIO(text)))
    assert tuple(rows[0]) == NEURON_CSV_COLUMNS, "the first line must be the column names (spreadsheets)"
    assert all(unit in ",".join(rows[0]) for unit in ("_ms", "_mV", "_nS"))
    body = rows[1:]
    assert len(body) == run.t_ms.size and all(len(r) == len(NEURON_CSV_COLUMNS) for r in body)
    table = np.array([[float(x) for x in r[:6]] for r in body])
    np.testing.assert_allclose(table[:, 0], run.t_ms, atol=1e-4)
    np.testing.assert_allclose(table[:, 1], run.v_mV, atol=1e-6)
    np.testing.assert_allclose(table[:, 2], run.g_ampa_nS, atol=1e-6)
    np.testing.assert_allclose(table[:, 3], run.g_nmda_nS, atol=1e-6)
    np.testing.assert_allclose(table[:, 4], run.g_gaba_nS, atol=1e-6)
    np.testing.assert_allclose(table[table[:, 5] == 1, 0], run.spike_times_ms, atol=1e-4)
    pairs = {r[6]: r[7] for r in body if r[6]}
    assert pairs["model"] == MODEL_NOTE and "not pharmacological" in pairs["model"]
    assert pairs["glutamate_rate_hz"] == "3500" and pairs["E_gaba_mV"] == "-60.0" and pairs["seed"] == "7"
    assert "glu3500" in export_name(settings) and "seed7" in export_name(settings), "the file name names them too"


def test_csv_without_settings_still_states_the_model():
    run, _ = run_tug_of_war(TugOfWarSettings(0, 0, 0, 0))
    rows = list(csv.reader(io.StringIO(neuron_traces_csv(run))))
    assert rows[1][6:] == ["model", MODEL_NOTE] and rows[2][6:] == ["", ""]
