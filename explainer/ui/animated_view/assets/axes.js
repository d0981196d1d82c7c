// Axes for the data panels: tidy ticks, tick labels that never collide, titles, grid lines.

import { el, label, num, round, textWidth } from './svg.js';

// Ticks at 1, 2 or 5 times a power of ten, at most `maxCount` of them, covering [lo, hi].
export function niceTicks(lo, hi, maxCount) {
  const span = hi - lo;
  if (!(span > 0) || maxCount < 1) return [lo];
  // the smallest step of 1, 2 or 5 times a power of ten that needs no more than maxCount ticks
  let step = 10 ** Math.floor(Math.log10(span / Math.max(1, maxCount)));
  for (let guard = 0; guard < 40; guard++) {
    const count = Math.floor(hi / step + 1e-9) - Math.ceil(lo / step - 1e-9) + 1;
    if (count <= maxCount) break;
    const m = Math.round(step / 10 ** Math.floor(Math.log10(step) + 1e-9));
    step *= m === 1 ? 2 : m === 2 ? 2.5 : 2;
  }
  const ticks = [];
  for (let v = Math.ceil(lo / step - 1e-9) * step; v <= hi + 1e-9 * step; v += step) ticks.push(Math.abs(v) < 1e-9 ? 0 : v);
  return ticks;
}

export function scale(d0, d1, r0, r1) {
  const k = (r1 - r0) / (d1 - d0 || 1);
  const f = (v) => r0 + (v - d0) * k;
  f.invert = (p) => d0 + (p - r0) / k;
  return f;
}

// A y axis on the left of `box` ({left, top, width, height}): ticks every >= 1.8 line heights, grid lines.
export function yAxis(g, box, lo, hi, s, opts = {}) {
  const y = scale(lo, hi, box.top + box.height, box.top);
  const maxCount = Math.max(2, Math.floor(box.height / (s.small * 1.9)) + 1);
  const floor = opts.floor ?? lo; // no tick below this (a rate axis shows no negative rates)
  const ticks = (opts.ticks || niceTicks(floor, hi, Math.min(maxCount, opts.maxTicks || 6))).filter((v) => v >= lo && v <= hi);
  for (const v of ticks) {
    const py = y(v);
    // keepInside: no tick label may reach out of the panel's height (the axis below needs the room)
    if (opts.keepInside && (py - s.small * 0.65 < box.top - 0.5 || py + s.small * 0.65 > box.top + box.height + 0.5)) continue;
    el('line', { x1: box.left, x2: box.left + box.width, y1: round(py), y2: round(py), stroke: s.palette.grid, 'stroke-width': 1 }, g);
    label(g, opts.format ? opts.format(v) : num(v), box.left - s.small * 0.4, py, s.small, s.palette.text, {
      'text-anchor': 'end',
      'dominant-baseline': 'middle',
    });
  }
  el('line', { x1: box.left, x2: box.left, y1: box.top, y2: box.top + box.height, stroke: s.palette.axis, 'stroke-width': 1 }, g);
  return y;
}

// The widest tick label a y axis over [lo, hi] may print (for the left margin).
export function yTickWidth(lo, hi, px) {
  const ticks = niceTicks(lo, hi, 6);
  return Math.max(...ticks.map((v) => textWidth(num(v), px)), textWidth('−100', px));
}

// A time axis under `box`: tick labels spaced so that they never touch, and its title centred below.
export function timeAxis(g, box, t0, t1, s, title) {
  const x = scale(t0, t1, box.left, box.left + box.width);
  const widest = textWidth(num(t1), s.small) + s.small * 1.5;
  const ticks = niceTicks(t0, t1, Math.max(2, Math.floor(box.width / widest)));
  const yTop = box.top + box.height;
  for (const v of ticks) {
    const px = x(v);
    el('line', { x1: round(px), x2: round(px), y1: yTop, y2: yTop + 4, stroke: s.palette.axis, 'stroke-width': 1 }, g);
    label(g, num(v), px, yTop + 5, s.small, s.palette.text, { 'text-anchor': 'middle', 'dominant-baseline': 'hanging' });
  }
  el('line', { x1: box.left, x2: box.left + box.width, y1: yTop, y2: yTop, stroke: s.palette.axis, 'stroke-width': 1 }, g);
  label(g, title, box.left + box.width / 2, yTop + 8 + s.small * 1.25, s.font, s.palette.text, {
    'text-anchor': 'middle',
    'dominant-baseline': 'hanging',
  });
  return x;
}

export function timeAxisHeight(s) {
  return 10 + s.small * 1.25 + s.font * 1.3;
}

// Vertical grid lines for a panel that shares the time axis.
export function timeGrid(g, box, t0, t1, s) {
  const x = scale(t0, t1, box.left, box.left + box.width);
  const widest = textWidth(num(t1), s.small) + s.small * 1.5;
  for (const v of niceTicks(t0, t1, Math.max(2, Math.floor(box.width / widest)))) {
    el('line', { x1: round(x(v)), x2: round(x(v)), y1: box.top, y2: box.top + box.height, stroke: s.palette.grid, 'stroke-width': 1 }, g);
  }
  return x;
}
