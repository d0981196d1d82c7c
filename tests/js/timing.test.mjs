import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import {
  FRAME_MS, LATE_LIMIT_S, RESUME_AFTER_MS, SPIKE_FLASH_MS, advance, clickTime, countUpTo, meanRate, slowdown, spikeShown,
  timesIn,
} from '../../explainer/ui/components/animated_view/assets/timing.js';

describe('advance', () => {
  test('moves simulated time by wall time times pace', () => {
    const step = advance(100, 16, 0.1, 1000);
    assert.ok(Math.abs(step.t - 101.6) < 1e-9 && !step.ended && !step.resync, JSON.stringify(step));
  });

  test('counts a long gap (a hidden tab) as one frame, and says so', () => {
    const step = advance(100, RESUME_AFTER_MS + 1000, 0.2, 1000);
    assert.equal(step.resync, true);
    assert.ok(Math.abs(step.t - (100 + FRAME_MS * 0.2)) < 1e-9);
  });

  test('stops at the end of the run', () => {
    assert.deepEqual(advance(999, 100, 0.1, 1000), { t: 1000, ended: true, resync: false });
  });

  test('never runs backwards', () => {
    assert.equal(advance(50, -20, 1, 1000).t, 50);
  });
});

describe('spikes and rates at a moment', () => {
  const spikes = Float32Array.from([10, 20, 20.5, 300]);

  test('countUpTo counts the spikes at or before t', () => {
    assert.deepEqual([0, 10, 19.9, 20.5, 1000].map((t) => countUpTo(spikes, t)), [0, 1, 1, 3, 4]);
  });

  test('timesIn gives the spikes in (after, until]', () => {
    assert.deepEqual(timesIn(spikes, 10, 20.5), [20, 20.5]);
    assert.deepEqual(timesIn(spikes, 300, 400), []);
  });

  test('a spike stays on show for SPIKE_FLASH_MS of wall time, at least 2 ms of model time', () => {
    const pace = 0.1; // 60 ms of wall time = 6 ms of model time
    assert.equal(spikeShown(spikes, 300 + SPIKE_FLASH_MS * pace, pace), true);
    assert.equal(spikeShown(spikes, 300 + SPIKE_FLASH_MS * pace + 0.01, pace), false);
    assert.equal(spikeShown(spikes, 301.9, 0.01), true);
    assert.equal(spikeShown(spikes, 5, 1), false);
  });

  test('meanRate averages the bins of the last window', () => {
    const rates = [10, 20, 30, 40];
    assert.equal(meanRate(rates, 5, 10, 20), 35); // bins starting at 10 and 15 ms
    assert.equal(meanRate(rates, 5, 10, 0), 0);
    assert.equal(meanRate(rates, 5, 100, 20), 25);
  });
});

describe('clickTime', () => {
  const clock = { nowWall: 1000, wallNow: 1000, audioNow: 5, audioCurrent: 5 };

  test('sounds when the picture will show the spike', () => {
    // 2 ms of model time ahead at 0.1 model ms per wall ms: 20 ms from now
    const when = clickTime(102, 100, 0.1, clock);
    assert.ok(Math.abs(when.wall - 1020) < 1e-9 && Math.abs(when.audio - 5.02) < 1e-9, JSON.stringify(when));
  });

  test('a click due a moment ago sounds now; one too late, never', () => {
    const late = { ...clock, audioCurrent: 5.01 };
    const now = clickTime(100, 100, 0.1, late);
    assert.ok(Math.abs(now.wall - 1010) < 1e-6 && now.audio === 5.01, JSON.stringify(now));
    const tooLate = { ...clock, audioCurrent: 5 + LATE_LIMIT_S + 0.001 };
    assert.equal(clickTime(100, 100, 0.1, tooLate), null);
  });
});

describe('slowdown', () => {
  test('names each speed by how much slower than real time it plays', () => {
    assert.deepEqual([0.5, 1, 2].map((speed) => slowdown(0.1, speed)), [20, 10, 5]); // the neuron: 1 s over 10 s
    assert.deepEqual([0.5, 1, 2].map((speed) => slowdown(0.125, speed)), [16, 8, 4]); // the network: over 8 s
  });

  test('keeps one decimal below ten when the slowdown is not whole, and never says real time when it is not', () => {
    assert.equal(slowdown(0.3, 1), 3.3);
    assert.equal(slowdown(0.04, 2), 13); // 12.5: from ten up, a whole number
    assert.ok(slowdown(0.1, 1) > 1, 'the view is slow motion');
  });
});
