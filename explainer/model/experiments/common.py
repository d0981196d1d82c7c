"""What every experiment shares: the time step, the default cell, and how spiking is switched off."""

from __future__ import annotations

from explainer.model.neuron import NeuronParams

DT_ms = 0.1
SPIKING_OFF_V_th_mV = 1.0e6  # a threshold no membrane potential reaches: spiking switched off
DEFAULT_PARAMS = NeuronParams()
