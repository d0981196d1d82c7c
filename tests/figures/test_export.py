"""Exports: named by every setting that differs from the page's defaults and captioned with every setting; the CSV
of the traces: column names first, every model sample, the settings beside the first rows, a BOM for Excel."""

from __future__ import annotations

import csv
import io
from dataclasses import replace

import numpy as np
import pytest

from explainer.figures.export import (
    Setting,
    export_caption,
    model_note,
    neuron_csv_header,
    neuron_traces_csv,
    spreadsheet_bytes,
)
from explainer.figures.export import export_name as name_of
from explainer.model.experiments.balance import TugOfWarSettings, run_tug_of_war
from explainer.pages.playground import DEFAULTS, csv_settings, export_name, export_settings


def test_csv_matches_the_model_arrays_and_names_its_settings():
    settings = TugOfWarSettings(glutamate_rate_hz=3500, E_gaba_mV=-60.0, seed=7)
    run, _ = run_tug_of_war(settings)
    text = neuron_traces_csv(run, csv_settings(settings))
    rows = list(csv.reader(io.StringIO(text)))
    assert tuple(rows[0]) == neuron_csv_header(), "the first line must be the column names (spreadsheets)"
    assert all(unit in ",".join(rows[0]) for unit in ("_ms", "_mV", "_nS"))
    body = rows[1:]
    assert len(body) == run.t_ms.size and all(len(r) == len(neuron_csv_header()) for r in body)
    table = np.array([[float(x) for x in r[:6]] for r in body])
    np.testing.assert_allclose(table[:, 0], run.t_ms, atol=1e-4)
    np.testing.assert_allclose(table[:, 1], run.v_mV, atol=1e-6)
    np.testing.assert_allclose(table[:, 2], run.g_ampa_nS, atol=1e-6)
    np.testing.assert_allclose(table[:, 3], run.g_nmda_nS, atol=1e-6)
    np.testing.assert_allclose(table[:, 4], run.g_gaba_nS, atol=1e-6)
    np.testing.assert_allclose(table[table[:, 5] == 1, 0], run.spike_times_ms, atol=1e-4)
    pairs = {r[6]: r[7] for r in body if r[6]}
    assert pairs["model"] == model_note() and "not pharmacological" in pairs["model"]
    assert pairs["glutamate_rate_hz"] == "3500" and pairs["E_gaba_mV"] == "-60.0" and pairs["seed"] == "7"
    name = export_name(settings)
    assert "glu_rate=3500" in name and "e_gaba=-60" in name and "seed=7" in name, f"the file name names them: {name}"


def test_csv_without_settings_still_states_the_model():
    run, _ = run_tug_of_war(TugOfWarSettings(0, 0, 0, 0))
    rows = list(csv.reader(io.StringIO(neuron_traces_csv(run))))
    assert rows[1][6:] == ["model", model_note()] and rows[2][6:] == ["", ""]


RATE = Setting("glu_rate", "Glutamate input (spikes/s)", 2500, 2500)
E_GABA = Setting("e_gaba", "GABA reversal potential (mV)", -70.0, -70.0)
WEIGHT = Setting("gaba_weight", "GABA strength (nS)", 1.0, 1.0, decimals=1)
KICK = Setting("net_kick", "Kick", True, True)


def test_an_export_is_named_by_the_page_and_every_setting_that_differs_from_its_default():
    assert name_of("tug-of-war", (RATE, E_GABA, WEIGHT, KICK)) == "tug-of-war", "the defaults: the page alone"
    changed = (
        replace(RATE, value=3500),
        replace(E_GABA, value=-60.0),
        replace(WEIGHT, value=0.5),
        replace(KICK, value=False),
    )
    assert name_of("tug-of-war", changed) == "tug-of-war_glu_rate=3500_e_gaba=-60_gaba_weight=0.5_net_kick=off"
    assert name_of("x", (replace(WEIGHT, value=1.04),)) == "x", "a value the control shows as its default is it"
    assert name_of("a b/c", ()) == "a-b-c", "only characters every file system keeps"


def test_the_caption_names_every_setting_as_the_page_shows_it():
    caption = export_caption((replace(RATE, value=3500), E_GABA, WEIGHT, replace(KICK, value=False)))
    assert caption == (
        "Glutamate input (spikes/s): 3,500 · GABA reversal potential (mV): −70 · GABA strength (nS): 1.0 · Kick: off"
    )


@pytest.mark.parametrize(
    "changed",
    [
        {"glutamate_weight_nS": 1.5},
        {"gaba_weight_nS": 2.0},
        {"g_nmda_max_nS": 3.0},
        {"mg_mM": 0.0},
        {"E_gaba_mV": -50.0},
        {"glutamate_rate_hz": 3000.0},
        {"gaba_rate_hz": 0.0},
        {"seed": 2},
    ],
)
def test_two_playground_settings_never_share_a_file_name(changed):
    """Today's names carried two settings: a change of any other one gave the same name."""
    other = replace(DEFAULTS, **changed)
    assert export_name(other) != export_name(DEFAULTS)
    assert export_name(DEFAULTS) == "tug-of-war"
    assert len(export_settings(DEFAULTS)) == 8, "every control of the page is in the caption"


def test_a_csv_download_starts_with_the_byte_order_mark_excel_needs():
    data = spreadsheet_bytes("E_gaba_mV\n−70\n")
    assert data.startswith(b"\xef\xbb\xbf") and data.decode("utf-8-sig") == "E_gaba_mV\n−70\n"
