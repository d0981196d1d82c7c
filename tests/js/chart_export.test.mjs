import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { wrapCaption } from '../../explainer/ui/components/chart_export/assets/index.js';

const perChar = (t) => t.length; // a measure of one unit per character
const SEP = ' · '; // figures/export.py, CAPTION_SEPARATOR

describe('wrapCaption', () => {
  test('keeps a caption that fits on one line', () => {
    assert.deepEqual(wrapCaption('Current (pA): 300 · Refractory (ms): 2', SEP, 60, perChar),
      ['Current (pA): 300 · Refractory (ms): 2']);
  });

  test('breaks between settings, never inside one that fits a line', () => {
    const caption = 'Synapses: 20 · Volleys: 3 · Interval between volleys (ms): 10';
    const lines = wrapCaption(caption, SEP, 34, perChar);
    assert.deepEqual(lines, ['Synapses: 20 · Volleys: 3', 'Interval between volleys (ms): 10']);
    assert.equal(lines.join(' · '), caption, 'every setting is drawn, in order');
  });

  test('breaks a setting longer than a line between its words, and no line is wider than asked', () => {
    const caption = 'Glutamate drive onto the inhibitory cells (conceptual knob; 1 = intact): 0.8 · Seed: 3';
    const lines = wrapCaption(caption, SEP, 32, perChar);
    assert.ok(lines.length >= 3, lines);
    for (const line of lines) assert.ok(line.length <= 32, `too wide: "${line}"`);
    assert.equal(lines.join(' '), caption, 'every word is drawn, in order');
  });

  test('draws nothing for no settings', () => {
    assert.deepEqual(wrapCaption('', SEP, 100, perChar), []);
  });
});
