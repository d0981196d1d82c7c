"""Data exports: the traces a figure shows, as CSV a spreadsheet reads as it is.

The first line is the column names (units in them); the last two columns, ``setting`` and ``value``, hold
a small table of what produced the run (the model, the settings, the seed) in their first rows and are
empty below, so nothing free-text comes before the header.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping

import numpy as np

from explainer.content.words import words
from explainer.model.neuron import NeuronRun

WORDS = words("figures")

NEURON_CSV_COLUMNS = ("time_ms", "V_mV", "g_AMPA_nS", "g_NMDA_nS", "g_GABA_nS", "output_spike", "setting", "value")
MODEL_NOTE = WORDS.text("csv_model_note")  # the first setting's value: what made the numbers


def neuron_traces_csv(run: NeuronRun, settings: Mapping[str, object] | None = None) -> str:
    """One row per time step: time, membrane potential, the three conductances, 1 where the cell spiked;
    beside the first rows, the settings as (setting, value) pairs."""
    spike = np.zeros(run.t_ms.size, dtype=np.int64)
    idx = np.rint(run.spike_times_ms / run.dt_ms).astype(np.int64)
    spike[idx[(idx >= 0) & (idx < spike.size)]] = 1
    pairs = [("model", MODEL_NOTE), *((str(k), str(v)) for k, v in (settings or {}).items())]
    columns = (
        np.char.mod("%.4f", run.t_ms),
        np.char.mod("%.6f", run.v_mV),
        np.char.mod("%.6f", run.g_ampa_nS),
        np.char.mod("%.6f", run.g_nmda_nS),
        np.char.mod("%.6f", run.g_gaba_nS),
        spike.astype(str),
    )
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(NEURON_CSV_COLUMNS)
    for i, row in enumerate(zip(*columns, strict=True)):
        extra = pairs[i] if i < len(pairs) else ("", "")
        writer.writerow((*row, *extra))
    return buffer.getvalue()
