"""The model layer: NumPy only (no streamlit, no plotly)."""

from explainer.model.inputs import poisson_input, poisson_spike_times
from explainer.model.neuron import NeuronParams, NeuronRun, SynapticInput, mg_block, simulate_neuron

__all__ = [
    "NeuronParams",
    "NeuronRun",
    "SynapticInput",
    "mg_block",
    "poisson_input",
    "poisson_spike_times",
    "simulate_neuron",
]
