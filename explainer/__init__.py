"""Excitation & inhibition: an interactive explainer of glutamate and GABA (layers: pages -> ui -> figures ->
content -> model; see the README's "How it is built")."""
