"""Property tests over and beyond the slider ranges, determinism, and purity of the model functions."""

from __future__ import annotations

import dataclasses
import math
import os
import warnings

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from explainer.model import NeuronParams, NeuronRun, SynapticInput, poisson_input, simulate_neuron

DTS = [0.01, 0.05, 0.1, 0.5, 1.0]
ARRAY_FIELDS = ["t_ms", "v_mV", "g_ampa_nS", "g_nmda_nS", "g_gaba_nS", "nmda_open_fraction", "spike_times_ms"]
# The default run checks a fixed set of 40 pseudo-random examples per property (derandomize), so it can never
# flake. To explore afresh, set MODEL_PROPERTY_EXAMPLES, e.g. MODEL_PROPERTY_EXAMPLES=2000 python -m pytest
# tests/model/test_properties.py: random examples, that many per property. database=None keeps the example
# database out of the working tree; a failure prints its example.
_EXPLORE = int(os.environ.get("MODEL_PROPERTY_EXAMPLES", "0") or 0)
PROPERTY_SETTINGS = settings(
    max_examples=_EXPLORE or 40,
    derandomize=not _EXPLORE,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)


def _finite(lo: float, hi: float) -> st.SearchStrategy[float]:
    return st.floats(lo, hi, allow_nan=False, allow_infinity=False)


@st.composite
def scenarios(draw):
    """Input and receptor parameters over and beyond the slider ranges."""
    params = NeuronParams(
        E_gaba_mV=draw(_finite(-100.0, 20.0)),
        g_nmda_max_nS=draw(_finite(0.0, 50.0)),
        mg_mM=draw(_finite(0.0, 10.0)),
    )
    duration = draw(st.sampled_from([50.0, 200.0]))
    inp = poisson_input(
        np.random.default_rng(draw(st.integers(0, 2**32 - 1))),
        duration_ms=duration,
        glutamate_rate_hz=draw(_finite(0.0, 20000.0)),
        glutamate_weight_nS=draw(_finite(0.0, 50.0)),
        gaba_rate_hz=draw(_finite(0.0, 20000.0)),
        gaba_weight_nS=draw(_finite(0.0, 50.0)),
    )
    return params, inp, duration, draw(st.sampled_from(DTS))


@st.composite
def odd_cells(draw):
    """Whole parameter sets far from the defaults (every field valid), including time constants far
    below dt and fast NMDA binding, which overflow a vectorised scan that is not split into chunks (see the
    tests at the end of this file)."""
    v_th = draw(_finite(-70.0, 20.0))
    params = NeuronParams(
        c_pF=draw(_finite(10.0, 2000.0)),
        g_L_nS=draw(_finite(0.5, 200.0)),
        E_L_mV=draw(_finite(-100.0, -30.0)),
        V_th_mV=v_th,
        V_reset_mV=v_th - draw(_finite(0.1, 40.0)),
        t_ref_ms=draw(_finite(0.0, 20.0)),
        E_exc_mV=draw(_finite(-20.0, 60.0)),
        E_gaba_mV=draw(_finite(-100.0, 20.0)),
        tau_ampa_ms=draw(_finite(0.001, 50.0)),
        tau_gaba_ms=draw(_finite(0.001, 100.0)),
        tau_nmda_rise_ms=draw(_finite(0.001, 50.0)),
        tau_nmda_decay_ms=draw(_finite(1.0, 1000.0)),
        nmda_alpha_per_ms=draw(_finite(0.0, 5.0)),
        g_nmda_max_nS=draw(_finite(0.0, 50.0)),
        mg_mM=draw(_finite(0.0, 10.0)),
    )
    inp = poisson_input(
        np.random.default_rng(draw(st.integers(0, 2**32 - 1))),
        duration_ms=100.0,
        glutamate_rate_hz=draw(_finite(0.0, 20000.0)),
        glutamate_weight_nS=draw(_finite(0.0, 50.0)),
        gaba_rate_hz=draw(_finite(0.0, 20000.0)),
        gaba_weight_nS=draw(_finite(0.0, 50.0)),
    )
    return params, inp, 100.0, draw(st.sampled_from(DTS))


def _check_invariants(run: NeuronRun, params: NeuronParams, duration: float, dt: float) -> None:
    context = f"params={params}, dt={dt}, duration={duration}"
    for name in ARRAY_FIELDS:
        arr = getattr(run, name)
        bad = ~np.isfinite(arr)
        assert not bad.any(), f"{name} has {int(bad.sum())} NaN/inf values (first at index {np.argmax(bad)}); {context}"
    n = math.floor(duration / dt + 1e-9) + 1
    for name in ARRAY_FIELDS[:-1]:
        assert getattr(run, name).shape == (n,), f"{name} has shape {getattr(run, name).shape}, expected ({n},)"

    lo = min(params.E_L_mV, params.E_gaba_mV, params.E_exc_mV, params.V_reset_mV) - 1e-9
    hi = max(params.E_L_mV, params.E_gaba_mV, params.E_exc_mV, params.V_reset_mV) + 1e-9
    assert run.v_mV.min() >= lo, f"V fell to {run.v_mV.min()!r} mV, below the lowest reversal/reset {lo}; {context}"
    assert run.v_mV.max() <= hi, f"V rose to {run.v_mV.max()!r} mV, above the highest reversal/reset {hi}; {context}"
    assert run.v_mV[0] == params.E_L_mV, f"V starts at {run.v_mV[0]!r} mV, not at E_L = {params.E_L_mV} mV"
    # every later sample has been through the threshold test (sample 0 is E_L, which may lie above V_th)
    assert run.v_mV[1:].max() <= params.V_th_mV, (
        f"a V sample {run.v_mV[1:].max()!r} mV lies above V_th = {params.V_th_mV} mV (no reset?); {context}"
    )

    for name in ("g_ampa_nS", "g_gaba_nS", "g_nmda_nS"):
        assert getattr(run, name).min() >= 0, f"{name} went negative: {getattr(run, name).min()!r}; {context}"
    s = run.nmda_open_fraction
    assert s.min() >= 0 and s.max() <= 1 + 1e-12, f"NMDA open fraction outside [0, 1]: {s.min()}..{s.max()}"

    spikes = run.spike_times_ms
    if spikes.size:
        idx = spikes / dt
        assert np.allclose(idx, np.round(idx), atol=1e-6), f"spike times {spikes[:5]} are not on the dt grid"
        assert spikes.min() > 0 and spikes.max() <= run.t_ms[-1] + 1e-9, f"spike times outside the run: {spikes}"
        refractory_steps = max(round(params.t_ref_ms / dt), 1)
        if spikes.size > 1:
            isi = np.diff(spikes)
            assert isi.min() >= refractory_steps * dt - 1e-9, (
                f"interspike interval {isi.min()} ms is shorter than the refractory period "
                f"{refractory_steps * dt} ms; {context}"
            )
        # V sits at V_reset for the spike sample and the refractory samples after it
        for k in np.round(idx).astype(int):
            held = run.v_mV[k : k + refractory_steps]
            assert np.all(held == params.V_reset_mV), (
                f"after the spike at {k * dt} ms, V is {held[:5]} instead of V_reset {params.V_reset_mV}"
            )


@PROPERTY_SETTINGS
@given(scenarios())
def test_outputs_are_finite_bounded_and_consistent_over_and_beyond_slider_ranges(case):
    params, inp, duration, dt = case
    run = simulate_neuron(params, inp, duration_ms=duration, dt_ms=dt)
    _check_invariants(run, params, duration, dt)


@PROPERTY_SETTINGS
@given(odd_cells())
def test_outputs_are_finite_bounded_and_consistent_for_unusual_cells(case):
    params, inp, duration, dt = case
    run = simulate_neuron(params, inp, duration_ms=duration, dt_ms=dt)
    _check_invariants(run, params, duration, dt)


# --- monotonicity in excitation -----------------------------------------------------------------------------


def _first_spike_index(run: NeuronRun) -> int:
    return round(run.spike_times_ms[0] / run.dt_ms) if run.spike_times_ms.size else run.v_mV.size


@PROPERTY_SETTINGS
@given(
    seed=st.integers(0, 2**32 - 1),
    rate=_finite(0.0, 20000.0),
    w_low=_finite(0.0, 20.0),
    w_extra=_finite(0.01, 20.0),
    gaba_rate=_finite(0.0, 20000.0),
    gaba_w=_finite(0.0, 50.0),
    e_gaba=_finite(-100.0, 0.0),
    g_nmda=_finite(0.0, 50.0),
    dt=st.sampled_from(DTS),
)
def test_more_glutamate_weight_never_lowers_V_before_the_first_spike_nor_delays_it(
    seed, rate, w_low, w_extra, gaba_rate, gaba_w, e_gaba, g_nmda, dt
):
    # Guaranteed by the comparison principle while V < E_exc (always so below threshold, with
    # E_GABA <= E_exc): the same spikes with bigger AMPA jumps push V up at least as much.
    # NMDA does not depend on the weight (every glutamate spike adds 1 to x, whatever its weight).
    params = NeuronParams(E_gaba_mV=e_gaba, g_nmda_max_nS=g_nmda)
    runs = []
    for w in (w_low, w_low + w_extra):
        inp = poisson_input(
            np.random.default_rng(seed),
            duration_ms=200.0,
            glutamate_rate_hz=rate,
            glutamate_weight_nS=w,
            gaba_rate_hz=gaba_rate,
            gaba_weight_nS=gaba_w,
        )
        runs.append(simulate_neuron(params, inp, duration_ms=200.0, dt_ms=dt))
    low, high = runs
    m = min(_first_spike_index(low), _first_spike_index(high))  # samples before either cell fired
    gap = low.v_mV[:m] - high.v_mV[:m]
    assert gap.size == 0 or gap.max() <= 1e-9, (
        f"with glutamate weight {w_low + w_extra} nS V fell {gap.max()} mV below the run with {w_low} nS at "
        f"t = {np.argmax(gap) * dt} ms (before any spike); params={params}, dt={dt}"
    )
    if low.spike_times_ms.size:
        assert high.spike_times_ms.size and high.spike_times_ms[0] <= low.spike_times_ms[0] + 1e-9, (
            f"first spike with {w_low + w_extra} nS at {high.spike_times_ms[:1]} ms, later than "
            f"{low.spike_times_ms[0]} ms with {w_low} nS"
        )


@PROPERTY_SETTINGS
@given(i_low=_finite(0.0, 3000.0), i_extra=_finite(1.0, 3000.0), dt=st.sampled_from(DTS))
def test_firing_rate_is_monotone_in_a_constant_current(i_low, i_extra, dt):
    # exact on the grid: the first spike ceil(T0/dt) dt and the ISI (round(t_ref/dt) + ceil(T/dt) - 1) dt
    # both shrink as I grows
    p = NeuronParams()
    low = simulate_neuron(p, SynapticInput.empty(), duration_ms=500.0, dt_ms=dt, i_ext_pA=i_low)
    high = simulate_neuron(p, SynapticInput.empty(), duration_ms=500.0, dt_ms=dt, i_ext_pA=i_low + i_extra)
    assert high.spike_times_ms.size >= low.spike_times_ms.size, (
        f"dt {dt}: {i_low + i_extra} pA gave {high.spike_times_ms.size} spikes in 500 ms, fewer than "
        f"{low.spike_times_ms.size} with {i_low} pA"
    )


@pytest.mark.parametrize("dt", [0.1, 1.0])
@pytest.mark.parametrize(
    ("rate", "gaba_rate", "e_gaba"),
    [(1000.0, 0.0, -70.0), (3000.0, 1000.0, -70.0), (3000.0, 2000.0, -85.0), (2000.0, 1000.0, -55.0)],
)
def test_spike_count_grows_with_glutamate_weight_on_fixed_trains(dt, rate, gaba_rate, e_gaba):
    # Not a theorem for a conductance LIF with reset (a spike can come "too early" and leave the cell
    # behind), so this checks fixed seeds deterministically: per train, and summed over three trains.
    params = NeuronParams(E_gaba_mV=e_gaba, g_nmda_max_nS=0.0)
    weights = np.linspace(0.0, 6.0, 25)
    totals = np.zeros(weights.size, dtype=int)
    for seed in (11, 12, 13):
        counts = []
        for w in weights:
            inp = poisson_input(
                np.random.default_rng(seed),
                duration_ms=1000.0,
                glutamate_rate_hz=rate,
                glutamate_weight_nS=float(w),
                gaba_rate_hz=gaba_rate,
                gaba_weight_nS=1.0,
            )
            counts.append(simulate_neuron(params, inp, duration_ms=1000.0, dt_ms=dt).spike_times_ms.size)
        counts = np.array(counts)
        drops = np.flatnonzero(np.diff(counts) < 0)
        assert drops.size == 0, (
            f"seed {seed}, {rate} Hz glutamate, GABA {gaba_rate} Hz at {e_gaba} mV, dt {dt}: spike count "
            f"fell from {counts[drops[0]]} to {counts[drops[0] + 1]} as the weight rose from "
            f"{weights[drops[0]]:.2f} "
            f"to {weights[drops[0] + 1]:.2f} nS (counts {counts.tolist()})"
        )
        totals += counts
    assert totals[-1] > totals[0], f"no weight made the cell fire more: totals {totals.tolist()}"


# --- determinism and purity ---------------------------------------------------------------------------------


def _example_input(seed: int = 5) -> SynapticInput:
    return poisson_input(
        np.random.default_rng(seed),
        duration_ms=300.0,
        glutamate_rate_hz=3000.0,
        glutamate_weight_nS=1.0,
        gaba_rate_hz=1500.0,
        gaba_weight_nS=1.0,
    )


def test_same_input_gives_identical_runs():
    p = NeuronParams()
    a = simulate_neuron(p, _example_input(), duration_ms=300.0, i_ext_pA=50.0)
    b = simulate_neuron(p, _example_input(), duration_ms=300.0, i_ext_pA=50.0)
    assert a.spike_times_ms.size > 0, "example input should make the cell fire"
    for name in ARRAY_FIELDS:
        assert np.array_equal(getattr(a, name), getattr(b, name)), f"{name} differs between identical runs"
    assert a.params == b.params and a.dt_ms == b.dt_ms and a.i_ext_pA == b.i_ext_pA


def test_same_seed_same_input_and_different_seeds_different_input():
    a, b, c = _example_input(5), _example_input(5), _example_input(6)
    for name in ("glutamate_times_ms", "glutamate_weights_nS", "gaba_times_ms", "gaba_weights_nS"):
        assert np.array_equal(getattr(a, name), getattr(b, name)), f"seed 5 twice gave different {name}"
    assert not np.array_equal(a.glutamate_times_ms, c.glutamate_times_ms), "seeds 5 and 6 gave the same glutamate"
    assert not np.array_equal(a.gaba_times_ms, c.gaba_times_ms), "seeds 5 and 6 gave the same GABA spikes"


def test_simulation_does_not_mutate_its_inputs_nor_use_global_random_state():
    glu_t = np.array([5.0, 10.0, 10.0, 40.0])
    glu_w = np.array([1.0, 2.0, 3.0, 4.0])
    gaba_t = np.array([20.0, 30.0])
    gaba_w = np.array([2.0, 2.0])
    copies = [x.copy() for x in (glu_t, glu_w, gaba_t, gaba_w)]
    inp = SynapticInput(glu_t, glu_w, gaba_t, gaba_w)
    params = NeuronParams()
    params_before = dataclasses.asdict(params)
    state_before = np.random.get_state()  # noqa: NPY002 (the legacy global state must stay untouched)

    simulate_neuron(params, inp, duration_ms=100.0)
    poisson_input(np.random.default_rng(0), duration_ms=100.0, glutamate_rate_hz=100.0, glutamate_weight_nS=1.0)

    for original, copy, name in zip(
        (glu_t, glu_w, gaba_t, gaba_w), copies, ("glu_t", "glu_w", "gaba_t", "gaba_w"), strict=True
    ):
        assert np.array_equal(original, copy), f"the caller's {name} array changed: {original} != {copy}"
    assert dataclasses.asdict(params) == params_before, "NeuronParams changed"
    state_after = np.random.get_state()  # noqa: NPY002
    assert np.array_equal(state_after[1], state_before[1]) and state_after[2] == state_before[2], (
        "the global NumPy random state was used"
    )


def test_run_arrays_do_not_share_memory_with_the_input():
    inp = _example_input()
    run = simulate_neuron(NeuronParams(), inp, duration_ms=300.0)
    for name in ARRAY_FIELDS:
        for src in ("glutamate_times_ms", "glutamate_weights_nS", "gaba_times_ms", "gaba_weights_nS"):
            assert not np.shares_memory(getattr(run, name), getattr(inp, src)), f"run.{name} aliases inp.{src}"


def test_synaptic_input_is_not_changed_by_later_edits_of_the_callers_arrays():
    times = np.array([1.0, 2.0])
    inp = SynapticInput(times, np.array([1.0, 1.0]), np.empty(0), np.empty(0))
    times[0] = 50.0
    assert inp.glutamate_times_ms[0] == 1.0, (
        f"editing the caller's array after construction changed SynapticInput.glutamate_times_ms to "
        f"{inp.glutamate_times_ms}"
    )


def test_synaptic_input_arrays_are_read_only():
    inp = _example_input()
    with pytest.raises(ValueError):
        inp.glutamate_times_ms[0] = 1.0


# --- valid parameters at the edges, which an unchunked vectorised scan turns into NaN -----------------------


@pytest.mark.parametrize("field", ["tau_ampa_ms", "tau_gaba_ms", "tau_nmda_rise_ms"])
def test_very_short_synaptic_time_constant_with_coarse_dt_stays_finite(field):
    params = NeuronParams(**{field: 0.001})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        run = simulate_neuron(params, SynapticInput([5.0], [1.0], [5.0], [1.0]), duration_ms=20.0, dt_ms=1.0)
    for name in ARRAY_FIELDS:
        assert np.all(np.isfinite(getattr(run, name))), f"{field}=0.001 ms, dt 1 ms: {name} contains NaN/inf"


NMDA_OVERFLOW_CASES = {
    # 1500 glutamate spikes in the same step: x jumps to 1500, alpha x dt = 750
    "coincident": (NeuronParams(), SynapticInput(np.full(1500, 10.0), np.zeros(1500), [], [])),
    # a property-test example: fast-binding, slow-rising NMDA under 5 kHz input, where V itself would turn NaN
    "poisson": (
        NeuronParams(nmda_alpha_per_ms=5.0, tau_nmda_rise_ms=39.0),
        poisson_input(np.random.default_rng(0), duration_ms=200.0, glutamate_rate_hz=5000.0, glutamate_weight_nS=0.0),
    ),
}


@pytest.mark.parametrize("case", sorted(NMDA_OVERFLOW_CASES))
def test_strong_nmda_drive_at_coarse_dt_stays_finite(case):
    params, inp = NMDA_OVERFLOW_CASES[case]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        run = simulate_neuron(params, inp, duration_ms=200.0, dt_ms=1.0)
    for name in ARRAY_FIELDS:
        bad = int(np.sum(~np.isfinite(getattr(run, name))))
        assert bad == 0, f"{case}: {name} has {bad} NaN/inf samples"
