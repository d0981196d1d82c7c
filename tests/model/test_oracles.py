"""Analytic oracles of the single-cell LIF (equations: explainer/model/neuron.py): rheobase, rate, steady state, PSP."""

from __future__ import annotations

import math

import numpy as np
import pytest

from explainer.model import NeuronParams, SynapticInput, simulate_neuron

from ._helpers import charge_time_ms, constant_conductance_input, linear_psp

NO_INPUT = SynapticInput.empty()
OTHER_PARAMS = NeuronParams(c_pF=150.0, g_L_nS=5.0, E_L_mV=-65.0, V_th_mV=-48.0, V_reset_mV=-62.0, t_ref_ms=5.0)


# --- rheobase -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("params", [NeuronParams(), OTHER_PARAMS], ids=["default", "other"])
def test_rheobase_property_is_g_L_times_threshold_distance(params):
    expected = params.g_L_nS * (params.V_th_mV - params.E_L_mV)
    assert params.rheobase_pA == pytest.approx(expected, abs=1e-12), (
        f"rheobase_pA is {params.rheobase_pA}, expected g_L (V_th - E_L) = {expected} pA"
    )


def test_default_rheobase_is_200_pA():
    assert NeuronParams().rheobase_pA == 200.0, f"default rheobase is {NeuronParams().rheobase_pA} pA, not 200"


@pytest.mark.parametrize("params", [NeuronParams(), OTHER_PARAMS], ids=["default", "other"])
@pytest.mark.parametrize("dt_ms", [0.1, 1.0])
def test_one_pA_below_rheobase_never_fires(params, dt_ms):
    i_ext = params.rheobase_pA - 1.0
    run = simulate_neuron(params, NO_INPUT, duration_ms=2000.0, dt_ms=dt_ms, i_ext_pA=i_ext)
    assert run.spike_times_ms.size == 0, (
        f"I = rheobase - 1 = {i_ext} pA fired {run.spike_times_ms.size} spikes in 2 s "
        f"(first at {run.spike_times_ms[:3]} ms); V_inf = {params.E_L_mV + i_ext / params.g_L_nS} mV "
        f"is below V_th = {params.V_th_mV} mV"
    )
    assert run.v_mV.max() < params.V_th_mV, f"V reached {run.v_mV.max()} mV >= V_th {params.V_th_mV} mV"


@pytest.mark.parametrize("params", [NeuronParams(), OTHER_PARAMS], ids=["default", "other"])
@pytest.mark.parametrize("extra_pA", [3.0, 5.0])
def test_a_few_pA_above_rheobase_fires(params, extra_pA):
    i_ext = params.rheobase_pA + extra_pA
    run = simulate_neuron(params, NO_INPUT, duration_ms=2000.0, dt_ms=0.1, i_ext_pA=i_ext)
    t0 = charge_time_ms(params, i_ext, params.E_L_mV)
    assert run.spike_times_ms.size > 0, (
        f"I = rheobase + {extra_pA} = {i_ext} pA gave no spike in 2 s; analytic first spike at {t0:.2f} ms"
    )


# --- LIF rate under constant current ------------------------------------------------------------------------


@pytest.mark.parametrize("params", [NeuronParams(), OTHER_PARAMS], ids=["default", "other"])
@pytest.mark.parametrize("dt_ms", [0.1, 0.05])
@pytest.mark.parametrize("i_ext_pA", [250.0, 300.0, 400.0, 600.0, 1000.0])
def test_constant_current_interspike_interval_is_exact_on_the_grid(params, dt_ms, i_ext_pA):
    T = charge_time_ms(params, i_ext_pA, params.V_reset_mV)
    # a charge time that is a whole number of steps would make ceil() depend on rounding: not a fair case
    assert abs(T / dt_ms - round(T / dt_ms)) > 1e-6, f"test case T/dt = {T / dt_ms} is too close to an integer"
    expected_isi = (round(params.t_ref_ms / dt_ms) + math.ceil(T / dt_ms) - 1) * dt_ms

    run = simulate_neuron(params, NO_INPUT, duration_ms=1000.0, dt_ms=dt_ms, i_ext_pA=i_ext_pA)
    isi = np.diff(run.spike_times_ms)
    assert isi.size >= 3, f"I = {i_ext_pA} pA gave only {run.spike_times_ms.size} spikes in 1 s"
    worst = int(np.argmax(np.abs(isi - expected_isi)))
    assert np.all(np.abs(isi - expected_isi) < 1e-9), (
        f"I = {i_ext_pA} pA, dt = {dt_ms} ms: interspike interval #{worst} is {isi[worst]!r} ms, expected "
        f"(round(t_ref/dt) + ceil(T/dt) - 1) dt = {expected_isi!r} ms with T = {T:.6f} ms"
    )

    # the grid interval is within one step of the analytic one, so the rate is within dt accuracy
    exact_isi = params.t_ref_ms + T
    assert abs(expected_isi - exact_isi) <= dt_ms + 1e-9, (
        f"grid ISI {expected_isi} ms is more than dt = {dt_ms} ms from the analytic {exact_isi:.6f} ms"
    )
    rate = 1000.0 / isi.mean()
    analytic_rate = 1000.0 / exact_isi
    tolerance = 1000.0 * dt_ms / (isi.min() * exact_isi)
    assert abs(rate - analytic_rate) <= tolerance + 1e-9, (
        f"I = {i_ext_pA} pA, dt = {dt_ms} ms: rate {rate:.4f} Hz vs analytic 1/(t_ref + T) = "
        f"{analytic_rate:.4f} Hz, allowed difference {tolerance:.4f} Hz"
    )


@pytest.mark.parametrize("params", [NeuronParams(), OTHER_PARAMS], ids=["default", "other"])
@pytest.mark.parametrize("dt_ms", [0.1, 0.05])
@pytest.mark.parametrize("i_ext_pA", [250.0, 300.0, 400.0, 600.0, 1000.0])
def test_first_spike_time_is_the_charge_time_from_rest_rounded_up_to_the_grid(params, dt_ms, i_ext_pA):
    T0 = charge_time_ms(params, i_ext_pA, params.E_L_mV)
    assert abs(T0 / dt_ms - round(T0 / dt_ms)) > 1e-6, f"test case T0/dt = {T0 / dt_ms} is too close to an integer"
    expected = math.ceil(T0 / dt_ms) * dt_ms
    run = simulate_neuron(params, NO_INPUT, duration_ms=200.0, dt_ms=dt_ms, i_ext_pA=i_ext_pA)
    assert run.spike_times_ms.size > 0, f"I = {i_ext_pA} pA: no spike in 200 ms, expected one at {expected} ms"
    assert run.v_mV[0] == params.E_L_mV, f"V starts at {run.v_mV[0]} mV, not E_L = {params.E_L_mV} mV"
    assert abs(run.spike_times_ms[0] - expected) < 1e-9, (
        f"I = {i_ext_pA} pA, dt = {dt_ms} ms: first spike at {run.spike_times_ms[0]!r} ms, expected "
        f"ceil(T0/dt) dt = {expected!r} ms with T0 = {T0:.6f} ms (charge time from E_L)"
    )


def test_firing_rate_property_counts_spikes_per_second():
    run = simulate_neuron(NeuronParams(), NO_INPUT, duration_ms=500.0, dt_ms=0.1, i_ext_pA=400.0)
    expected = 1000.0 * run.spike_times_ms.size / 500.0
    assert run.duration_ms == pytest.approx(500.0), f"duration_ms is {run.duration_ms}, not 500"
    assert run.firing_rate_hz == pytest.approx(expected), f"firing_rate_hz {run.firing_rate_hz} != {expected}"


# --- steady state -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("dt_ms", [0.01, 0.1, 1.0])
@pytest.mark.parametrize("i_ext_pA", [-150.0, 0.0, 50.0, 150.0, 199.0])
def test_subthreshold_current_relaxes_exactly_exponentially_to_E_L_plus_I_over_g_L(dt_ms, i_ext_pA):
    p = NeuronParams()
    run = simulate_neuron(p, NO_INPUT, duration_ms=400.0, dt_ms=dt_ms, i_ext_pA=i_ext_pA)
    v_inf = p.E_L_mV + i_ext_pA / p.g_L_nS
    analytic = v_inf + (p.E_L_mV - v_inf) * np.exp(-run.t_ms / p.tau_m_ms)
    err = np.abs(run.v_mV - analytic)
    k = int(np.argmax(err))
    assert err[k] < 1e-9, (
        f"I = {i_ext_pA} pA, dt = {dt_ms} ms: V({run.t_ms[k]} ms) = {run.v_mV[k]!r} mV but the exact "
        f"exponential relaxation gives {analytic[k]!r} mV (exponential Euler is exact for constant input)"
    )
    after = run.t_ms >= 10 * p.tau_m_ms - 1e-9
    worst = float(np.max(np.abs(run.v_mV[after] - v_inf)))
    assert worst < 1e-3, (
        f"I = {i_ext_pA} pA, dt = {dt_ms} ms: after 10 tau_m, V is up to {worst * 1000:.4f} uV from "
        f"V_inf = E_L + I/g_L = {v_inf} mV (allowed 1 uV)"
    )


# (g_exc, g_gaba, E_gaba, I): every V_inf lies within 20 mV of E_L, so 10 tau_eff brings V within 1 uV
CONDUCTANCE_CASES = [
    (3.0, 0.0, -70.0, 0.0),
    (0.0, 20.0, -85.0, 0.0),
    (3.0, 10.0, -85.0, 0.0),
    (5.0, 20.0, -60.0, 0.0),
    (2.0, 5.0, -40.0, 0.0),
    (3.0, 5.0, -85.0, 100.0),
    (0.0, 50.0, -70.0, 300.0),
]


@pytest.mark.parametrize("dt_ms", [0.1, 1.0])
@pytest.mark.parametrize(("g_exc", "g_gaba", "e_gaba", "i_ext"), CONDUCTANCE_CASES)
def test_constant_conductances_give_the_conductance_weighted_steady_state(dt_ms, g_exc, g_gaba, e_gaba, i_ext):
    # threshold above every reversal potential: the cell can never fire, so V only relaxes
    p = NeuronParams(E_gaba_mV=e_gaba, g_nmda_max_nS=0.0, V_th_mV=10.0)
    inp = constant_conductance_input(p, 300.0, dt_ms, g_exc_nS=g_exc, g_gaba_nS=g_gaba)
    run = simulate_neuron(p, inp, duration_ms=300.0, dt_ms=dt_ms, i_ext_pA=i_ext)

    assert np.allclose(run.g_ampa_nS, g_exc, rtol=1e-9, atol=1e-12), (
        f"test input should hold g_AMPA at {g_exc} nS, got {run.g_ampa_nS.min()}..{run.g_ampa_nS.max()}"
    )
    assert np.allclose(run.g_gaba_nS, g_gaba, rtol=1e-9, atol=1e-12), (
        f"test input should hold g_GABA at {g_gaba} nS, got {run.g_gaba_nS.min()}..{run.g_gaba_nS.max()}"
    )
    g_tot = p.g_L_nS + g_exc + g_gaba
    v_inf = (p.g_L_nS * p.E_L_mV + g_exc * p.E_exc_mV + g_gaba * e_gaba + i_ext) / g_tot
    tau_eff = p.c_pF / g_tot
    analytic = v_inf + (p.E_L_mV - v_inf) * np.exp(-run.t_ms / tau_eff)
    err = np.abs(run.v_mV - analytic)
    k = int(np.argmax(err))
    assert err[k] < 1e-6, (
        f"g_exc {g_exc} nS, g_gaba {g_gaba} nS at {e_gaba} mV, I {i_ext} pA, dt {dt_ms} ms: "
        f"V({run.t_ms[k]} ms) = {run.v_mV[k]!r} mV, exact relaxation to V_inf = {v_inf:.6f} mV with "
        f"tau_eff = {tau_eff:.4f} ms gives {analytic[k]!r} mV"
    )
    after = run.t_ms >= 10 * tau_eff
    worst = float(np.max(np.abs(run.v_mV[after] - v_inf)))
    assert worst < 1e-3, (
        f"after 10 tau_eff = {10 * tau_eff:.2f} ms, V is up to {worst * 1000:.4f} uV from "
        f"V_inf = {v_inf:.6f} mV (allowed 1 uV)"
    )


# --- no overshoot with huge conductances and a coarse step --------------------------------------------------


@pytest.mark.parametrize("dt_ms", [0.1, 1.0])
@pytest.mark.parametrize("w_nS", [1e2, 1e4, 1e6])
def test_huge_ampa_pulse_never_overshoots_E_exc(dt_ms, w_nS):
    p = NeuronParams(g_nmda_max_nS=0.0, V_th_mV=10.0)  # no spike: V may approach E_exc freely
    inp = SynapticInput([10.0], [w_nS], [], [])
    run = simulate_neuron(p, inp, duration_ms=100.0, dt_ms=dt_ms)
    assert run.v_mV.max() <= p.E_exc_mV + 1e-9, (
        f"one AMPA spike of {w_nS} nS at dt {dt_ms} ms drove V to {run.v_mV.max()!r} mV, above E_exc = "
        f"{p.E_exc_mV} mV (forward Euler would overshoot; exponential Euler must not)"
    )
    assert run.v_mV.min() >= p.E_L_mV - 1e-9, f"V fell to {run.v_mV.min()!r} mV, below E_L = {p.E_L_mV} mV"
    assert run.v_mV.max() > p.E_L_mV + 10.0, f"the {w_nS} nS pulse only reached {run.v_mV.max()} mV"


@pytest.mark.parametrize("dt_ms", [0.1, 1.0])
@pytest.mark.parametrize("w_nS", [1e2, 1e4, 1e6])
def test_huge_gaba_pulse_never_undershoots_E_gaba(dt_ms, w_nS):
    p = NeuronParams(E_gaba_mV=-85.0)
    inp = SynapticInput([], [], [10.0], [w_nS])
    run = simulate_neuron(p, inp, duration_ms=100.0, dt_ms=dt_ms, i_ext_pA=150.0)
    assert run.v_mV.min() >= p.E_gaba_mV - 1e-9, (
        f"one GABA spike of {w_nS} nS at dt {dt_ms} ms drove V to {run.v_mV.min()!r} mV, below E_GABA = "
        f"{p.E_gaba_mV} mV"
    )


@pytest.mark.parametrize("dt_ms", [0.1, 1.0])
def test_huge_ampa_pulse_with_normal_threshold_spikes_and_resets(dt_ms):
    p = NeuronParams(g_nmda_max_nS=0.0)
    run = simulate_neuron(p, SynapticInput([10.0], [1e4], [], []), duration_ms=100.0, dt_ms=dt_ms)
    assert run.spike_times_ms.size >= 1, "a 10 uS AMPA pulse did not make the cell fire"
    assert run.v_mV.max() <= p.V_th_mV, f"V sample {run.v_mV.max()} mV above V_th: no reset after the spike?"


# --- single-pulse PSPs vs the linearised formula ------------------------------------------------------------


def _psp(params: NeuronParams, inp: SynapticInput, dt_ms: float, t_in_ms: float) -> tuple[float, float]:
    run = simulate_neuron(params, inp, duration_ms=100.0, dt_ms=dt_ms)
    dv = run.v_mV - params.E_L_mV
    k = int(np.argmax(np.abs(dv)))
    return float(dv[k]), float(run.t_ms[k] - t_in_ms)


def test_ampa_epsp_matches_the_linearised_formula_within_one_percent():
    p = NeuronParams(g_nmda_max_nS=0.0)
    w = 0.1
    peak, t_peak = _psp(p, SynapticInput([10.0], [w], [], []), 0.01, 10.0)
    expected, expected_t = linear_psp(w, p.E_exc_mV, p, p.tau_ampa_ms)
    assert peak > 0, f"an AMPA input produced a hyperpolarisation of {peak} mV"
    assert abs(peak / expected - 1) < 0.01, (
        f"AMPA EPSP (w {w} nS, dt 0.01 ms) peak {peak * 1000:.4f} uV, linearised formula "
        f"{expected * 1000:.4f} uV: off by {100 * (peak / expected - 1):.3f} % (allowed 1 %)"
    )
    assert abs(t_peak - expected_t) <= 0.05, f"EPSP peaks {t_peak:.3f} ms after input, expected {expected_t:.3f}"


def test_gaba_ipsp_with_E_gaba_minus_85_matches_the_linearised_formula_within_one_percent():
    p = NeuronParams(E_gaba_mV=-85.0)
    w = 0.1
    peak, t_peak = _psp(p, SynapticInput([], [], [10.0], [w]), 0.01, 10.0)
    expected, expected_t = linear_psp(w, p.E_gaba_mV, p, p.tau_gaba_ms)
    assert peak < 0, f"GABA with E_GABA -85 mV should hyperpolarise, got {peak} mV"
    assert abs(peak / expected - 1) < 0.01, (
        f"GABA IPSP (w {w} nS, dt 0.01 ms) peak {peak * 1000:.4f} uV, linearised formula "
        f"{expected * 1000:.4f} uV: off by {100 * (peak / expected - 1):.3f} % (allowed 1 %)"
    )
    assert abs(t_peak - expected_t) <= 0.05, f"IPSP peaks {t_peak:.3f} ms after input, expected {expected_t:.3f}"


@pytest.mark.parametrize("dt_ms", [0.1, 0.5])
def test_ampa_epsp_error_at_coarser_dt_is_the_known_first_order_error(dt_ms):
    """Frozen start-of-step conductances overestimate a pulse's charge by about dt/(2 tau_AMPA).

    (the model's integration scheme, explainer/model/neuron.py; the 1 % PSP oracle holds at dt 0.01 ms, tested above.)
    """
    p = NeuronParams(g_nmda_max_nS=0.0)
    peak, _ = _psp(p, SynapticInput([10.0], [0.1], [], []), dt_ms, 10.0)
    expected, _ = linear_psp(0.1, p.E_exc_mV, p, p.tau_ampa_ms)
    rel = peak / expected - 1
    bound = dt_ms / (2 * p.tau_ampa_ms)
    assert 0 < rel < 1.2 * bound, (
        f"AMPA EPSP at dt {dt_ms} ms: peak {peak * 1000:.4f} uV vs linearised {expected * 1000:.4f} uV "
        f"({100 * rel:+.2f} %); expected a first-order overestimate below {100 * 1.2 * bound:.2f} %"
    )


# --- the Nernst equation --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("ion", "out_mM", "in_mM", "charge", "expected_mV"),
    [
        ("Cl-, the glossary's example", 120.0, 7.0, -1, -76.0),  # Hille 2001: about -76 mV at 37 C
        ("K+", 5.0, 140.0, 1, -89.0),  # about -89 mV
        ("Na+", 145.0, 12.0, 1, 66.6),  # about +67 mV
    ],
)
def test_nernst_gives_the_textbook_equilibrium_potentials(ion, out_mM, in_mM, charge, expected_mV):
    from explainer.model.ions import nernst_mV

    got = nernst_mV(out_mM, in_mM, charge)
    assert got == pytest.approx(expected_mV, abs=0.6), f"{ion}: {got:.1f} mV, textbook {expected_mV} mV"
    assert nernst_mV(in_mM, out_mM, charge) == pytest.approx(-got), "swapping the sides flips the sign"
    assert nernst_mV(out_mM, in_mM, -charge) == pytest.approx(-got), "so does the opposite charge"


@pytest.mark.parametrize("bad", [(0.0, 7.0, -1), (120.0, -1.0, -1), (120.0, 7.0, 0), (float("nan"), 7.0, -1)])
def test_nernst_refuses_what_has_no_equilibrium_potential(bad):
    from explainer.model.ions import nernst_mV

    with pytest.raises(ValueError):
        nernst_mV(*bad)
