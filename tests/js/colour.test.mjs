import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { colorAt } from '../../explainer/ui/components/animated_view/assets/colour.js';
import { hasFixtures, payload } from './fixtures.mjs';
import { decode } from '../../explainer/ui/components/animated_view/assets/codec.js';

const STOPS = [[-85, '#0072B2'], [-70, '#E8E4DA'], [-50, '#E69F00']];

describe('colorAt', () => {
  test('is each stop at its value and the end colours beyond the ends', () => {
    for (const [v, c] of STOPS) assert.equal(colorAt(STOPS, v), c);
    assert.equal(colorAt(STOPS, -120), '#0072B2');
    assert.equal(colorAt(STOPS, 40), '#E69F00');
    assert.equal(colorAt(STOPS, NaN), '#E69F00');
  });

  test('mixes the two stops around a value in RGB, each channel rounded', () => {
    // halfway from #0072B2 (0, 114, 178) to #E8E4DA (232, 228, 218): (116, 171, 198)
    assert.equal(colorAt(STOPS, -77.5), '#74ABC6');
    // a quarter of the way from #E8E4DA to #E69F00 (230, 159, 0): (231.5, 210.75, 163.5) -> (232, 211, 164)
    assert.equal(colorAt(STOPS, -65), '#E8D3A4');
  });

  test('changes steadily from hyperpolarised to threshold', () => {
    const red = (v) => parseInt(colorAt(STOPS, v).slice(1, 3), 16);
    for (let v = -85; v < -70; v += 1) assert.ok(red(v + 1) >= red(v), `red falls at ${v} mV`);
  });
});

test('the soma stops of a real neuron view run from blue to orange', { skip: !hasFixtures() && 'no EI_VIEW_FIXTURES' }, () => {
  const stops = decode(payload('neuron-laptop')).header.soma_stops;
  assert.ok(stops.length >= 2 && stops.every((s, i) => i === 0 || s[0] > stops[i - 1][0]), 'stops in increasing mV');
  assert.equal(colorAt(stops, stops[0][0] - 10), stops[0][1]);
  assert.equal(colorAt(stops, stops[stops.length - 1][0] + 10), stops[stops.length - 1][1]);
});
