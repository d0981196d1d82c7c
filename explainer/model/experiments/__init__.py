"""The experiments the pages, the educator guide and the benchmarks run, by concept: excitability (lesson 1),
synapses (lesson 2), inhibition (lesson 3), balance (the tug of war: the playground and lesson 4) and
circuits (the E/I network: the circuits and "blocked gate" pages).

Everything here drives :mod:`explainer.model.neuron` (a conductance-based leaky integrate-and-fire neuron;
Brunel & Wang 2001, Wang 2002) or :mod:`explainer.model.network` (Vogels & Abbott 2005); nothing is drawn
by hand.
"""
