"""Every word the animated views show: panel and axis labels, keys, read-outs, controls and their messages.

A word with a number in it is written ``{{name}}``, the app's one template syntax (``content/format.py``).
The browser fills most of them with numbers it formats itself (``fill`` in the animated view's
``assets/geometry.js``, the same syntax): ``{{t}}`` (simulated time, ms), ``{{n}}`` (a count), ``{{v}}`` (a
potential, mV), ``{{g}}`` (a conductance, nS), ``{{e}}`` / ``{{i}}`` (population rates, spikes/s),
``{{url}}``, ``{{name}}``, ``{{slow}}`` (how many times slower than real time a speed plays).  The network
view's diagram labels (``{{w}}``, a weight in nS; ``{{r}}``, a rate) and the raster title's ``{{n}}`` are filled
in Python (``explainer/figures/network_view.py``,
with :func:`explainer.content.format.fill`).
"""

from __future__ import annotations

CONTROLS = {
    "group": "Animation controls",
    "play": "Play",
    "pause": "Pause",
    "replay": "Play again",
    # the speeds are slow motion, named by how much slower than real time they play (the browser computes
    # {{slow}} from the view's play rate: 1 s of the model over 10 s is 10)
    "speed": "Slow motion",
    "speed_option": "1/{{slow}}",
    "speed_aria": "1/{{slow}} of real speed",  # the button's visible text, then what it means
    "time": "Time",
    "time_value": "{{t}} ms",
    "time_aria": "Time in the animation",
    "copy": "Copy link",
    "copy_aria": "Copy link to this view",
    "save": "Save image",
    "save_aria": "Save image of this view (PNG, 1920 by 1080)",
    "listen": "Listen",
    "listen_aria": "Listen: a click for every output spike",
    "status_copied": "Link copied: {{url}}",
    "status_copy_this": "Copy this link: {{url}}",
    "link_field_aria": "Link to this view, selected: press Ctrl+C (on a Mac, Command+C) to copy it",
    "status_saved": "Image saved as {{name}}",
    "status_sound_on": "Sound on: a click for every output spike you see.",
    "status_sound_off": "Sound off.",
    "status_no_sound": "This browser cannot play sound.",
}

NEURON = {
    "readout_time": "t = {{t}} ms",
    "readout_spikes": "output spikes so far: {{n}}",
    "soma_v": "{{v}} mV",
    "soma_spike": "spike!",
    "gate_g": "{{g}} nS",
    "dendrite": "dendrite",
    "axon": "axon →",
    "key_glutamate": "glutamate synapse",
    "key_gaba": "GABA synapse",
    "key_cations": "Na⁺ / Ca²⁺ ions in",
    "key_anions": "Cl⁻ ions",
    "key_spike": "output spike",
    "raster_title": "Input spikes",
    "raster_glutamate": "glutamate",
    "raster_gaba": "GABA",
    "g_title": "Conductance g (nS)",
    "g_key_glutamate": "glutamate (AMPA + NMDA)",
    "g_key_gaba": "GABA-A",
    "v_title": "Membrane potential V (mV)",
    "threshold": "threshold",
    "time_axis": "Time (ms)",
}

NETWORK = {
    "readout": "t = {{t}} ms",
    "readout_rates": "now: E {{e}} / I {{i}} spikes/s",  # the last few ms; the pages' numbers are means
    "raster_title": "Spikes of {{n}} of the network's cells",
    "rows_exc": "E cells",
    "rows_inh": "I cells",
    "key_exc": "E cells (glutamate)",
    "key_inh": "I cells (GABA)",
    "rate_title": "Population rate (spikes/s per cell)",
    "rate_key_exc": "excitatory",
    "rate_key_inh": "inhibitory",
    "time_axis": "Time (ms)",
    "node_exc": "E",
    "node_inh": "I",
    "e_to_i": "glutamate → I: {{w}} nS",
    "i_to_e": "GABA → E: {{w}} nS",
    "e_to_e": "E → E: {{w}} nS",
    "i_to_i": "I → I: {{w}} nS",
    "external_kick": "external input: a kick at the start",
    "external_none": "external input: no kick",
    "external_drive": ", then {{r}} spikes/s per cell",
}
