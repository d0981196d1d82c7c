"""The experiments the lessons, the educator guide and the benchmarks run on the single-cell model, by concept:
excitability (lesson 1), synapses (lesson 2), inhibition (lesson 3) and balance (lesson 4).

Everything here drives :mod:`explainer.model.neuron` (a conductance-based leaky integrate-and-fire neuron;
Brunel & Wang 2001, Wang 2002); nothing is drawn by hand.
"""
