"""The model layer: NumPy only (no streamlit, no plotly)."""

from explainer.model.inputs import poisson_input, poisson_spike_times
from explainer.model.network import NetworkParams, NetworkRun, simulate_network
from explainer.model.neuron import NeuronParams, NeuronRun, SynapticInput, mg_block, simulate_neuron
from explainer.model.spikes import NetworkStats, network_stats

__all__ = [
    "NetworkParams",
    "NetworkRun",
    "NetworkStats",
    "NeuronParams",
    "NeuronRun",
    "SynapticInput",
    "mg_block",
    "network_stats",
    "poisson_input",
    "poisson_spike_times",
    "simulate_network",
    "simulate_neuron",
]
