"""Analytic formulas and input builders shared by the model tests (no simulation here)."""

from __future__ import annotations

import math

import numpy as np

from explainer.model import NeuronParams, SynapticInput


def charge_time_ms(params: NeuronParams, i_ext_pA: float, v_start_mV: float) -> float:
    """Free LIF charging time from ``v_start_mV`` to threshold under a constant current (inf if never)."""
    v_inf = params.E_L_mV + i_ext_pA / params.g_L_nS
    if v_inf <= params.V_th_mV:
        return math.inf
    return params.tau_m_ms * math.log((v_inf - v_start_mV) / (v_inf - params.V_th_mV))


def lif_rate_hz(t_ref_ms: float, tau_ms: float, v_inf_mV: float, v_reset_mV: float, v_th_mV: float) -> float:
    """Analytic LIF rate 1 / (t_ref + tau ln((V_inf - V_reset) / (V_inf - V_th))), 0 if V_inf <= V_th."""
    if v_inf_mV <= v_th_mV:
        return 0.0
    return 1000.0 / (t_ref_ms + tau_ms * math.log((v_inf_mV - v_reset_mV) / (v_inf_mV - v_th_mV)))


def linear_psp(w_nS: float, e_rev_mV: float, params: NeuronParams, tau_syn_ms: float) -> tuple[float, float]:
    """Peak (mV, signed) and peak time (ms after the input) of the linearised PSP of g(t) = w exp(-t/tau_s).

    dV(t) = w (E - E_L) / C * tau_s tau_m / (tau_m - tau_s) * (exp(-t/tau_m) - exp(-t/tau_s)).
    """
    tau_m = params.tau_m_ms
    factor = tau_syn_ms * tau_m / (tau_m - tau_syn_ms)
    t_peak = factor * math.log(tau_m / tau_syn_ms)
    amp = w_nS * (e_rev_mV - params.E_L_mV) / params.c_pF * factor
    return amp * (math.exp(-t_peak / tau_m) - math.exp(-t_peak / tau_syn_ms)), t_peak


def constant_conductance_input(
    params: NeuronParams, duration_ms: float, dt_ms: float, g_exc_nS: float = 0.0, g_gaba_nS: float = 0.0
) -> SynapticInput:
    """Input spikes on every grid sample whose conductance traces are exactly constant from t = 0.

    The first spike jumps the trace to g; each later one adds back what decayed in one step,
    g (1 - e^{-dt/tau}).
    A conductance of 0 gets no spikes at all. Glutamate spikes also drive NMDA (whatever their weight),
    so use ``g_nmda_max_nS=0`` for a pure AMPA conductance.
    """
    t = np.arange(round(duration_ms / dt_ms) + 1) * dt_ms

    def train(g: float, tau: float) -> tuple[np.ndarray, np.ndarray]:
        if g == 0:
            return np.empty(0), np.empty(0)
        w = np.full(t.size, g * (1.0 - math.exp(-dt_ms / tau)))
        w[0] = g
        return t, w

    glu_t, glu_w = train(g_exc_nS, params.tau_ampa_ms)
    gaba_t, gaba_w = train(g_gaba_nS, params.tau_gaba_ms)
    return SynapticInput(glu_t, glu_w, gaba_t, gaba_w)


def isi_rate_hz(spike_times_ms: np.ndarray, skip: int = 3) -> float:
    """Firing rate from the mean interspike interval, ignoring the first ``skip`` intervals (transient)."""
    isi = np.diff(spike_times_ms)[skip:]
    return 1000.0 / float(isi.mean()) if isi.size else 0.0
