"""Impossible parameters and malformed input raise ValueError with a message a person understands."""

from __future__ import annotations

import dataclasses
import math

import numpy as np
import pytest

from explainer.model import NeuronParams, SynapticInput, poisson_input, poisson_spike_times, simulate_neuron

FIELD_NAMES = [f.name for f in dataclasses.fields(NeuronParams)]
POSITIVE_FIELDS = ["c_pF", "g_L_nS", "tau_ampa_ms", "tau_gaba_ms", "tau_nmda_rise_ms", "tau_nmda_decay_ms"]
NON_NEGATIVE_FIELDS = ["t_ref_ms", "nmda_alpha_per_ms", "g_nmda_max_nS", "mg_mM"]
EMPTY = SynapticInput.empty()


# --- NeuronParams -------------------------------------------------------------------------------------------


def test_negative_capacitance_is_rejected():
    with pytest.raises(ValueError, match=r"c_pF.*greater than zero"):
        NeuronParams(c_pF=-1.0)


@pytest.mark.parametrize("name", POSITIVE_FIELDS)
@pytest.mark.parametrize("value", [0.0, -1.0])
def test_fields_that_must_be_positive(name, value):
    with pytest.raises(ValueError, match=rf"{name}.*greater than zero"):
        NeuronParams(**{name: value})


@pytest.mark.parametrize("name", NON_NEGATIVE_FIELDS)
def test_fields_that_must_not_be_negative(name):
    with pytest.raises(ValueError, match=rf"{name}.*negative"):
        NeuronParams(**{name: -0.5})
    NeuronParams(**{name: 0.0})  # zero is allowed


@pytest.mark.parametrize("name", FIELD_NAMES)
@pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf], ids=["nan", "inf", "-inf"])
def test_non_finite_fields_are_rejected(name, value):
    with pytest.raises(ValueError, match=rf"{name}.*finite"):
        NeuronParams(**{name: value})


@pytest.mark.parametrize("value", ["200", None, True, [200.0]], ids=["str", "None", "bool", "list"])
def test_non_numeric_fields_are_rejected(value):
    with pytest.raises(ValueError, match=r"c_pF must be a number"):
        NeuronParams(c_pF=value)


@pytest.mark.parametrize("v_reset", [-50.0, -40.0])
def test_reset_at_or_above_threshold_is_rejected(v_reset):
    with pytest.raises(ValueError, match=r"reset potential.*below the threshold"):
        NeuronParams(V_th_mV=-50.0, V_reset_mV=v_reset)


def test_numpy_scalars_are_accepted():
    p = NeuronParams(c_pF=np.float64(100.0), g_L_nS=np.int64(5))
    assert p.tau_m_ms == 20.0, f"tau_m is {p.tau_m_ms}, expected 100 pF / 5 nS = 20 ms"


def test_params_are_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        NeuronParams().c_pF = 1.0  # type: ignore[misc]


# --- simulate_neuron arguments ------------------------------------------------------------------------------


@pytest.mark.parametrize("dt", [0.0, -0.1])
def test_non_positive_dt_is_rejected(dt):
    with pytest.raises(ValueError, match=r"dt_ms must be greater than zero"):
        simulate_neuron(NeuronParams(), EMPTY, duration_ms=100.0, dt_ms=dt)


@pytest.mark.parametrize("duration", [0.0, -10.0])
def test_non_positive_duration_is_rejected(duration):
    with pytest.raises(ValueError, match=r"duration_ms must be greater than zero"):
        simulate_neuron(NeuronParams(), EMPTY, duration_ms=duration)


@pytest.mark.parametrize("name", ["duration_ms", "dt_ms", "i_ext_pA"])
@pytest.mark.parametrize("value", [math.nan, math.inf, "1"], ids=["nan", "inf", "str"])
def test_non_finite_run_arguments_are_rejected(name, value):
    kwargs = {"duration_ms": 100.0, "dt_ms": 0.1, "i_ext_pA": 0.0, name: value}
    with pytest.raises(ValueError, match=rf"{name} must be a finite number"):
        simulate_neuron(NeuronParams(), EMPTY, **kwargs)


def test_absurd_number_of_steps_is_rejected_before_allocating():
    with pytest.raises(ValueError, match=r"million time steps"):
        simulate_neuron(NeuronParams(), EMPTY, duration_ms=1e7, dt_ms=0.1)


def test_wrong_argument_types_are_rejected():
    with pytest.raises(ValueError, match=r"NeuronParams"):
        simulate_neuron({"c_pF": 200.0}, EMPTY)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=r"SynapticInput"):
        simulate_neuron(NeuronParams(), None)  # type: ignore[arg-type]


# --- SynapticInput ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["glutamate", "gaba"])
def test_mismatched_times_and_weights_are_rejected(kind):
    arrays = {
        "glutamate_times_ms": [],
        "glutamate_weights_nS": [],
        "gaba_times_ms": [],
        "gaba_weights_nS": [],
    }
    arrays[f"{kind}_times_ms"] = [1.0, 2.0, 3.0]
    arrays[f"{kind}_weights_nS"] = [1.0, 1.0]
    with pytest.raises(ValueError, match=rf"{kind}: 3 spike times but 2 weights"):
        SynapticInput(**arrays)


@pytest.mark.parametrize("kind", ["glutamate", "gaba"])
def test_negative_weights_are_rejected(kind):
    arrays = {
        "glutamate_times_ms": [],
        "glutamate_weights_nS": [],
        "gaba_times_ms": [],
        "gaba_weights_nS": [],
    }
    arrays[f"{kind}_times_ms"] = [1.0, 2.0]
    arrays[f"{kind}_weights_nS"] = [1.0, -0.1]
    with pytest.raises(ValueError, match=rf"{kind}_weights_nS must not be negative"):
        SynapticInput(**arrays)


@pytest.mark.parametrize("field", ["glutamate_times_ms", "glutamate_weights_nS", "gaba_times_ms", "gaba_weights_nS"])
@pytest.mark.parametrize("bad", [math.nan, math.inf], ids=["nan", "inf"])
def test_non_finite_input_values_are_rejected(field, bad):
    arrays = {
        "glutamate_times_ms": [1.0],
        "glutamate_weights_nS": [1.0],
        "gaba_times_ms": [1.0],
        "gaba_weights_nS": [1.0],
    }
    arrays[field] = [bad]
    with pytest.raises(ValueError, match=rf"{field} contains NaN or infinite"):
        SynapticInput(**arrays)


def test_non_numeric_input_is_rejected_with_a_value_error():
    with pytest.raises(ValueError):
        SynapticInput(["a"], [1.0], [], [])


# --- Poisson input ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("rng", [0, None, np.random.RandomState(0)], ids=["int", "None", "RandomState"])
def test_rng_must_be_a_generator(rng):
    with pytest.raises(ValueError, match=r"numpy\.random\.Generator"):
        poisson_spike_times(10.0, 100.0, rng)
    with pytest.raises(ValueError, match=r"numpy\.random\.Generator"):
        poisson_input(rng, duration_ms=100.0, glutamate_rate_hz=10.0, glutamate_weight_nS=1.0)


@pytest.mark.parametrize(
    ("rate", "duration", "word"),
    [
        (-1.0, 100.0, r"rate_hz cannot be negative"),
        (10.0, -1.0, r"duration_ms cannot be negative"),
        (math.nan, 100.0, r"rate_hz must be a finite number"),
        (10.0, math.inf, r"duration_ms must be a finite number"),
        ("10", 100.0, r"rate_hz must be a finite number"),
    ],
)
def test_bad_poisson_arguments_are_rejected(rate, duration, word):
    with pytest.raises(ValueError, match=word):
        poisson_spike_times(rate, duration, np.random.default_rng(0))


@pytest.mark.parametrize("name", ["glutamate_weight_nS", "gaba_weight_nS"])
@pytest.mark.parametrize("value", [-1.0, math.nan, math.inf], ids=["negative", "nan", "inf"])
def test_bad_poisson_weights_are_rejected(name, value):
    with pytest.raises(ValueError, match=rf"{name} must be a finite number of zero or more"):
        poisson_input(np.random.default_rng(0), duration_ms=100.0, **{name: value})


def test_absurd_poisson_spike_count_is_rejected_before_drawing():
    with pytest.raises(ValueError, match=r"100 million"):
        poisson_spike_times(1e9, 1e6, np.random.default_rng(0))
