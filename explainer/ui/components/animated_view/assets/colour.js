// Colours between stops (pure): the soma's shading by its membrane potential (explainer/figures/style.py sends
// the stops in the neuron view's header, "soma_stops").

function channelsOf(colour) {
  const s = colour.replace('#', '');
  return [0, 2, 4].map((i) => parseInt(s.slice(i, i + 2), 16));
}

function hex(channels) {
  return '#' + channels.map((x) => x.toString(16).padStart(2, '0')).join('').toUpperCase();
}

// The colour at `v` between stops [[value, "#RRGGBB"], ...] in increasing value: piecewise linear in RGB,
// each channel rounded, and the end colours beyond the ends.
export function colorAt(stops, v) {
  if (v <= stops[0][0]) return stops[0][1];
  const last = stops[stops.length - 1];
  if (!(v < last[0])) return last[1];
  let k = 1;
  while (v > stops[k][0]) k++;
  const [v0, c0] = stops[k - 1];
  const [v1, c1] = stops[k];
  const f = (v - v0) / (v1 - v0);
  const a = channelsOf(c0);
  const b = channelsOf(c1);
  return hex(a.map((x, i) => Math.round(x + f * (b[i] - x))));
}
