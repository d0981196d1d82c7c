// Axes for the data panels (DOM): tidy ticks, tick labels that never collide, titles, grid lines.

import { niceTicks, num, round, scale } from './geometry.js';
import { el, label, textWidth } from './svg.js';

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
    label(g, opts.format ? opts.format(v) : num(v, 0, s.lang), box.left - s.small * 0.4, py, s.small, s.palette.text, {
      'text-anchor': 'end',
      'dominant-baseline': 'middle',
    });
  }
  el('line', { x1: box.left, x2: box.left, y1: box.top, y2: box.top + box.height, stroke: s.palette.axis, 'stroke-width': 1 }, g);
  return y;
}

// A time axis under `box`: tick labels spaced so that they never touch, and its title centred below.
export function timeAxis(g, box, t0, t1, s, title) {
  const x = scale(t0, t1, box.left, box.left + box.width);
  const widest = textWidth(num(t1, 0, s.lang), s.small) + s.small * 1.5;
  const ticks = niceTicks(t0, t1, Math.max(2, Math.floor(box.width / widest)));
  const yTop = box.top + box.height;
  for (const v of ticks) {
    const px = x(v);
    el('line', { x1: round(px), x2: round(px), y1: yTop, y2: yTop + 4, stroke: s.palette.axis, 'stroke-width': 1 }, g);
    label(g, num(v, 0, s.lang), px, yTop + 5, s.small, s.palette.text, { 'text-anchor': 'middle', 'dominant-baseline': 'hanging' });
  }
  el('line', { x1: box.left, x2: box.left + box.width, y1: yTop, y2: yTop, stroke: s.palette.axis, 'stroke-width': 1 }, g);
  label(g, title, box.left + box.width / 2, yTop + 8 + s.small * 1.25, s.font, s.palette.text, {
    'text-anchor': 'middle',
    'dominant-baseline': 'hanging',
  });
  return x;
}

// Vertical grid lines for a panel that shares the time axis.
export function timeGrid(g, box, t0, t1, s) {
  const x = scale(t0, t1, box.left, box.left + box.width);
  const widest = textWidth(num(t1, 0, s.lang), s.small) + s.small * 1.5;
  for (const v of niceTicks(t0, t1, Math.max(2, Math.floor(box.width / widest)))) {
    el('line', { x1: round(x(v)), x2: round(x(v)), y1: box.top, y2: box.top + box.height, stroke: s.palette.grid, 'stroke-width': 1 }, g);
  }
  return x;
}
