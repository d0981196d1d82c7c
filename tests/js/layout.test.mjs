import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { decode } from '../../explainer/ui/components/animated_view/assets/codec.js';
import {
  MIN_DIAGRAM_H, fitLabels, keyItemWidth, legendEntries, legendRows, networkLayout, neuronLayout, nodeSizePx, readoutLines, shrinkSizes,
  twoLines, viewSizes, wrapText,
} from '../../explainer/ui/components/animated_view/assets/layout.js';
import { hasFixtures, measure, payload } from './fixtures.mjs';

const S = { font: 14, small: 12, line: 2, k: 1 };
const LAPTOP_H = 900 - 100; // a laptop's screen, less the controls

function viewOf(name, sizesKey = 'sizes') {
  const h = decode(payload(name)).header;
  return { s: viewSizes(h, h[sizesKey]), w: h.words, h, geo: h.geometry };
}

const area = (b) => ({ left: b.left, top: b.top, right: b.left + b.width, bottom: b.top + b.height });
const apart = (a, b) => a.right <= b.left + 0.5 || b.right <= a.left + 0.5 || a.bottom <= b.top + 0.5 || b.bottom <= a.top + 0.5;

function assertTiled(L, names) {
  for (const n of names) {
    const b = area(L[n]);
    assert.ok(b.left >= 0 && b.right <= L.W + 0.5 && b.top >= 0 && b.bottom <= L.H + 0.5, `${n} leaves the view: ${JSON.stringify(b)}`);
    assert.ok(L[n].width > 0 && L[n].height > 0, `${n} is empty`);
  }
  for (let i = 0; i < names.length; i++) {
    for (const m of names.slice(i + 1)) assert.ok(apart(area(L[names[i]]), area(L[m])), `${names[i]} overlaps ${m}`);
  }
}

describe('pieces', () => {
  test('two read-outs share a line only when both fit', () => {
    assert.equal(readoutLines('t = 1000 ms', 'spikes: 888', 400, S, measure), 1);
    assert.equal(readoutLines('t = 1000 ms', 'spikes: 888', 150, S, measure), 2);
  });

  test('the key flows into as many rows as the width needs, keeping its order', () => {
    const entries = legendEntries({ key_glutamate: 'glutamate synapse', key_gaba: 'GABA synapse', key_cations: 'ions in', key_anions: 'ions', key_spike: 'spike' });
    assert.equal(legendRows(entries, 2000, S, measure).length, 1);
    const narrow = legendRows(entries, 200, S, measure);
    assert.ok(narrow.length >= 3);
    assert.deepEqual(narrow.flat(), entries);
  });

  test('a label shrinks to make room on a laptop, never below the profile\'s smallest label on a projector', () => {
    assert.deepEqual(shrinkSizes(20, [1, 0.8, 0.5], { ...S, min: 0 }), [20, 16, 10]);
    assert.deepEqual(shrinkSizes(20, [1, 0.8, 0.5], { ...S, min: 20 }), [20]);
    assert.deepEqual(shrinkSizes(10, [1, 0.5], { ...S, min: 0 }), [10, 8], 'never below 8 px');
  });

  test('a diagram label too wide at the smallest size goes on two lines instead of shrinking further', () => {
    const text = 'external input: no kick, then 2000 spikes/s per cell';
    const labels = [{ text, x: 200, y: 100 }, { text: 'E', x: 200, y: 40 }];
    const area = { left: 0, right: 400, top: 0, bottom: 300 };
    const laptop = fitLabels(labels, area, { ...S, small: 20, min: 0 }, measure);
    assert.ok(laptop.px < 20 && laptop.lines[0].length === 1, 'a laptop shrinks the type');
    const projector = fitLabels(labels, area, { ...S, small: 20, min: 20 }, measure);
    assert.equal(projector.px, 20);
    assert.deepEqual(projector.lines[0], twoLines(text));
    assert.equal(projector.lines[0].join(' '), text);
    assert.deepEqual(projector.lines[1], ['E'], 'a label that fits stays on one line');
  });

  test('a caption wraps at spaces into lines that fit, losing no word', () => {
    const text = 'Glutamate input (spikes/s): 3500 · GABA input (spikes/s): 1000 · Seed: 7';
    const lines = wrapText(text, 300, 20, measure);
    assert.ok(lines.length >= 2 && lines.every((l) => measure(l, 20) <= 300 || !l.includes(' ')), JSON.stringify(lines));
    assert.equal(lines.join(' '), text);
    assert.deepEqual(wrapText('', 300, 20, measure), []);
  });

  test('a marker key item is narrower than a line one', () => {
    assert.ok(keyItemWidth('E cells', S, measure, true) < keyItemWidth('E cells', S, measure));
  });

  test('a population node grows with its rate up to its largest size, scaled and within its room', () => {
    const nodePx = [34, 0.35, 90];
    const sizes = [0, 20, 100, 1000].map((r) => nodeSizePx(r, nodePx, 1, 500));
    assert.ok(sizes[0] < sizes[1] && sizes[1] < sizes[2], String(sizes));
    assert.equal(sizes[0], 34);
    assert.equal(sizes[3], 90);
    assert.equal(nodeSizePx(1000, nodePx, 1.5, 500), 135);
    assert.equal(nodeSizePx(1000, nodePx, 1.5, 70), 70);
  });
});

describe('views on real headers', { skip: !hasFixtures() && 'no EI_VIEW_FIXTURES' }, () => {
  const gKeys = (v) => [v.w.g_key_glutamate, v.w.g_key_gaba].map((t) => keyItemWidth(t, v.s, measure));
  const netKeys = (v) => [[v.w.key_exc, v.w.key_inh].map((t) => keyItemWidth(t, v.s, measure, true)),
    [v.w.rate_key_exc, v.w.rate_key_inh].map((t) => keyItemWidth(t, v.s, measure))];
  const NEURON_PARTS = ['readout', 'diagram', 'legend', 'rasterCaption', 'raster', 'gCaption', 'g', 'vCaption', 'vpanel'];
  const NETWORK_PARTS = ['readout', 'circuit', 'rasterCaption', 'raster', 'rateCaption', 'rate'];

  test('the neuron: cell beside the data from wide_min_px, on top of it below', () => {
    for (const name of ['neuron-laptop', 'neuron-projector']) {
      const v = viewOf(name);
      const wide = neuronLayout(v, 1280, LAPTOP_H, null, gKeys(v), measure);
      assert.equal(wide.wide, true);
      assert.ok(wide.diagram.left + wide.diagram.width <= wide.raster.left, `${name}: the cell reaches into the data`);
      assert.ok(wide.H <= LAPTOP_H, `${name}: ${wide.H} px is taller than the screen`);
      assertTiled(wide, NEURON_PARTS);
      for (const W of [v.h.wide_min_px - 1, 390]) {
        const narrow = neuronLayout(v, W, LAPTOP_H, null, gKeys(v), measure);
        assert.equal(narrow.wide, false);
        assert.ok(narrow.legend.top + narrow.legend.height <= narrow.rasterCaption.top, `${name} at ${W}: data not below the cell`);
        assertTiled(narrow, NEURON_PARTS);
      }
    }
  });

  test('the neuron on a projector with little height grows to fit its type instead of overflowing', () => {
    const v = viewOf('neuron-projector');
    assert.equal(v.s.small, v.s.min, 'the projector\'s small type is its smallest label');
    const L = neuronLayout(v, 1212, 300, null, gKeys(v), measure);
    const axisBottom = L.vpanel.top + L.vpanel.height + 10 + v.s.small * 1.25 + v.s.font * 1.3;
    assert.ok(axisBottom <= L.H + 0.5, `the time axis ends at ${axisBottom} px, below the view's ${L.H} px`);
    assert.ok(L.diagram.height >= MIN_DIAGRAM_H - 1, `the cell got ${L.diagram.height} px: no room for its labels`);
    assertTiled(L, NEURON_PARTS);
  });

  test('the neuron in the exported image fills exactly 1920 x 1080', () => {
    const v = viewOf('neuron-laptop', 'export_sizes');
    const L = neuronLayout(v, 1920, 1080, 1080, gKeys(v), measure);
    assert.equal(L.H, 1080);
    assertTiled(L, NEURON_PARTS);
  });

  test('the network: circuit beside the raster from wide_min_px, on top of it below', () => {
    const v = viewOf('network-laptop');
    const [keys, rateKeys] = netKeys(v);
    const wide = networkLayout(v, 1280, LAPTOP_H, null, keys, rateKeys, measure);
    assert.ok(wide.wide && wide.raster.left + wide.raster.width <= wide.circuit.left);
    assertTiled(wide, NETWORK_PARTS);
    const narrow = networkLayout(v, 390, LAPTOP_H, null, keys, rateKeys, measure);
    assert.ok(!narrow.wide && narrow.circuit.top + narrow.circuit.height <= narrow.rasterCaption.top);
    assertTiled(narrow, NETWORK_PARTS);
  });
});
