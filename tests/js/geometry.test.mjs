import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import {
  bisect, fill, inside, niceTicks, num, overlaps, sampleAt, scale, segmentHitsBox, textBox,
} from '../../explainer/ui/components/animated_view/assets/geometry.js';
import { hasFixtures, serverNumbers } from './fixtures.mjs';

describe('text', () => {
  test('fill puts values into {{name}} and leaves unknown names', () => {
    assert.equal(fill('t = {{t}} ms, {{ n }} spikes, {{x}}', { t: 12, n: 3 }), 't = 12 ms, 3 spikes, {{x}}');
  });

  test('num prints a true minus, no negative zero, and a dash for what is not a number', () => {
    assert.deepEqual([num(-70.4), num(-0.2), num(3.14159, 2), num(NaN), num(Infinity)], ['−70', '0', '3.14', '–', '–']);
  });

  test('num writes each language its own way: decimal sign, groups, a true minus in every one', () => {
    const values = [[-6.7, 1], [6.7, 1], [1234.5, 1], [12345, 0], [-0.04, 1], [-70, 0]];
    const written = (lang) => values.map(([x, digits]) => num(x, digits, lang));
    assert.deepEqual(written('en'), ['−6.7', '6.7', '1,234.5', '12,345', '0.0', '−70']);
    assert.deepEqual(written('de'), ['−6,7', '6,7', '1.234,5', '12.345', '0,0', '−70']);
    // French groups with a narrow no-break space (U+202F)
    assert.deepEqual(written('fr'), ['−6,7', '6,7', '1\u202f234,5', '12\u202f345', '0,0', '−70']);
    // Spanish groups only from five digits (CLDR's minimumGroupingDigits 2)
    assert.deepEqual(written('es'), ['−6,7', '6,7', '1234,5', '12.345', '0,0', '−70']);
  });

  test('num has no hyphen for a minus and follows the digits asked for', () => {
    for (const lang of ['en', 'de', 'fr', 'es']) {
      assert.ok(!num(-1234.5, 2, lang).includes('-'), lang);
      assert.equal(num(2, 2, lang).replace(/[.,]/, '.'), '2.00', lang);
    }
  });

  test('num writes every number as the server does, in every language', { skip: !hasFixtures() && 'no fixtures' }, () => {
    const langs = Object.entries(serverNumbers());
    assert.ok(langs.length >= 4);
    for (const [lang, rows] of langs) {
      for (const [x, digits, text] of rows) assert.equal(num(x, digits, lang), text, `${lang}: ${x} to ${digits} decimals`);
    }
  });

  test('an unknown language tag writes English numbers rather than fail', () => {
    assert.equal(num(-6.7, 1, 'not a tag'), '−6.7');
  });
});

describe('ticks', () => {
  test('steps of 1, 2 or 5 times a power of ten, no more than asked', () => {
    assert.deepEqual(niceTicks(0, 1000, 6), [0, 200, 400, 600, 800, 1000]);
    assert.deepEqual(niceTicks(-85, -40, 6), [-80, -70, -60, -50, -40]);
    for (const [lo, hi, n] of [[0, 7.3, 4], [-90, 40, 7], [0, 0.05, 5], [3, 1e6, 3]]) {
      const ticks = niceTicks(lo, hi, n);
      assert.ok(ticks.length >= 2 && ticks.length <= n, `${lo}..${hi} in ${n}: ${ticks}`);
      assert.ok(ticks.every((v) => v >= lo - 1e-9 && v <= hi + 1e-9), `${ticks} outside ${lo}..${hi}`);
    }
  });

  test('an empty range gets one tick', () => {
    assert.deepEqual(niceTicks(5, 5, 4), [5]);
  });

  test('scale maps and inverts', () => {
    const y = scale(-80, 40, 300, 100);
    assert.equal(y(-80), 300);
    assert.equal(y(40), 100);
    assert.equal(y.invert(200), -20);
  });
});

describe('boxes', () => {
  const box = { left: 10, top: 10, right: 20, bottom: 20 };

  test('textBox anchors like SVG text', () => {
    assert.deepEqual(textBox(40, 100, 50, 10, 'middle'), { left: 80, top: 44, right: 120, bottom: 56 });
    assert.equal(textBox(40, 100, 50, 10, 'end').right, 100);
    assert.equal(textBox(40, 100, 50, 10, 'start', 'hanging').top, 50);
  });

  test('overlaps and inside', () => {
    assert.equal(overlaps(box, { left: 19, top: 19, right: 30, bottom: 30 }), true);
    assert.equal(overlaps(box, { left: 21, top: 10, right: 30, bottom: 20 }), false);
    assert.equal(overlaps(box, { left: 21, top: 10, right: 30, bottom: 20 }, 2), true);
    assert.equal(inside(box, { left: 0, top: 0, right: 20, bottom: 20 }), true);
    assert.equal(inside(box, { left: 11, top: 0, right: 20, bottom: 20 }), false);
  });

  test('segmentHitsBox: through, beside, and within the line width', () => {
    assert.equal(segmentHitsBox(0, 15, 30, 15, 0, box), true);
    assert.equal(segmentHitsBox(0, 25, 30, 25, 0, box), false);
    assert.equal(segmentHitsBox(0, 25, 30, 25, 6, box), true);
    assert.equal(segmentHitsBox(15, 0, 15, 5, 0, box), false);
  });
});

describe('sampling and searching', () => {
  test('sampleAt interpolates and holds the ends', () => {
    const v = [0, 10, 20];
    assert.deepEqual([-1, 0, 0.5, 1.25, 2, 9].map((f) => sampleAt(v, f)), [0, 0, 5, 12.5, 20, 20]);
    assert.equal(sampleAt([], 1), 0);
  });

  test('bisect finds the first index that is after', () => {
    const xs = [1, 3, 3, 7];
    assert.deepEqual([0, 1, 3, 6, 7, 9].map((t) => bisect(xs.length, (i) => xs[i] > t)), [0, 1, 3, 3, 4, 4]);
  });
});
