"""Data exports: the traces a figure shows, as CSV with units in the header."""

from __future__ import annotations

import io

import numpy as np

from explainer.model.neuron import NeuronRun

NEURON_CSV_COLUMNS = ("time_ms", "V_mV", "g_AMPA_nS", "g_NMDA_nS", "g_GABA_nS", "output_spike")


def neuron_traces_csv(run: NeuronRun) -> str:
    """One row per time step: time, membrane potential, the three conductances, and 1 where the cell spiked."""
    spike = np.zeros(run.t_ms.size, dtype=np.int64)
    idx = np.rint(run.spike_times_ms / run.dt_ms).astype(np.int64)
    spike[idx[(idx >= 0) & (idx < spike.size)]] = 1
    table = np.column_stack([run.t_ms, run.v_mV, run.g_ampa_nS, run.g_nmda_nS, run.g_gaba_nS, spike])
    buffer = io.StringIO()
    buffer.write("# Educational model, not pharmacological or medical advice. Conductance-based LIF neuron.\n")
    np.savetxt(
        buffer,
        table,
        delimiter=",",
        header=",".join(NEURON_CSV_COLUMNS),
        comments="",
        fmt=["%.4f", "%.6f", "%.6f", "%.6f", "%.6f", "%d"],
    )
    return buffer.getvalue()
