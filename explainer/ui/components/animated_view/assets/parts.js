// Parts the views share (DOM): panel captions with an optional key, the symbol key under a diagram, raster
// images, and the View base class.

import { SHAPES, round } from './geometry.js';
import { legendEntryWidth, legendRows, viewSizes } from './layout.js';
import { el, label, textWidth } from './svg.js';

// The key: symbol and text per entry, flowing into as many rows as the width needs.
export function legend(g, entries, box, s) {
  const p = s.palette;
  const group = el('g', { class: 'ei-legend' }, g);
  legendRows(entries, box.width, s, textWidth).forEach((entriesInRow, r) => {
    let x = box.left;
    const y = box.top + s.small * (0.8 + 1.6 * r);
    for (const e of entriesInRow) {
      const size = s.small * 1.1;
      const d = SHAPES[e.shape](x + size / 2, y, size);
      el('path', e.stroke
        ? { d, fill: 'none', stroke: p[e.color], 'stroke-width': 2.5 }
        : { d, fill: p[e.color], stroke: p.outline, 'stroke-width': 1 }, group);
      label(group, e.text, x + s.small * 1.7, y, s.small, p.text, { 'dominant-baseline': 'middle' });
      x += legendEntryWidth(e, s, textWidth);
    }
  });
}

// A panel's caption at the top of `box`; `keys` (line samples with text) to its right, or on a second line.
export function caption(g, text, box, s, keys = [], lines = 1) {
  const p = s.palette;
  const y = box.top + s.small * 0.75;
  label(g, text, box.left, y, s.small, p.text, { 'dominant-baseline': 'middle', 'font-weight': 'bold' });
  if (!keys.length) return;
  const total = keys.reduce((acc, k) => acc + k.width, 0);
  let x = lines === 1 ? box.left + box.width - total : box.left;
  const ky = lines === 1 ? y : y + s.small * 1.3;
  for (const k of keys) {
    let textX;
    if (k.shape) {
      const size = s.small * 1.1;
      el('path', { d: SHAPES[k.shape](x + size / 2, ky, size), fill: k.color, stroke: p.outline, 'stroke-width': 1 }, g);
      textX = x + s.small * 1.6;
    } else {
      el('line', { x1: round(x), x2: round(x + s.small * 1.8), y1: round(ky), y2: round(ky), stroke: k.color, 'stroke-width': 2.5, 'stroke-dasharray': k.dash }, g);
      textX = x + s.small * 2.2;
    }
    label(g, k.text, textX, ky, s.small, p.text, { 'dominant-baseline': 'middle' });
    x += k.width;
  }
}

// Rows of spike counts per time bin as one image over `box` (one canvas pixel column per screen pixel).
// A bin with one spike is drawn pale, two darker, three or more in full colour.
export function rasterImage(g, box, rows, binMs, durationMs, rowGap = 0.25) {
  const ratio = Math.min(2, window.devicePixelRatio || 1);
  const W = Math.max(1, Math.round(box.width * ratio));
  const H = Math.max(1, Math.round(box.height * ratio));
  const canvas = document.createElement('canvas');
  canvas.width = W;
  canvas.height = H;
  const ctx = canvas.getContext('2d');
  const rowH = H / rows.length;
  rows.forEach((r, i) => {
    const top = Math.round(i * rowH + rowH * rowGap * 0.5);
    const height = Math.max(1, Math.round(rowH * (1 - rowGap)));
    const n = r.counts.length;
    const px = W / (durationMs / binMs);
    for (let b = 0; b < n; b++) {
      const c = r.counts[b];
      if (!c) continue;
      ctx.globalAlpha = c >= 3 ? 1 : c === 2 ? 0.75 : 0.5;
      ctx.fillStyle = r.color;
      const x0 = Math.floor(b * px);
      ctx.fillRect(x0, top, Math.max(1, Math.ceil((b + 1) * px) - x0), height);
    }
  });
  return el('image', {
    class: 'ei-raster',
    href: canvas.toDataURL('image/png'),
    x: round(box.left),
    y: round(box.top),
    width: round(box.width),
    height: round(box.height),
    preserveAspectRatio: 'none',
  }, g);
}

// What both views share: their SVG, their sizes and colours, the read-out above the diagram, and text
// that is rewritten only when it changes.
export class View {
  constructor(svg) {
    this.svg = svg;
    this.shown = {};
  }

  useHeader(header, sizes) {
    this.h = header;
    this.w = header.words;
    this.s = viewSizes(header, sizes);
  }

  // Two read-outs (the time, and a count or rates): side by side in one line, or in two (layout decides).
  readouts(svg, box, lines, widest) {
    const { s } = this;
    const y = box.top + s.font * 0.7;
    const opts = { 'dominant-baseline': 'middle' };
    const first = label(svg, '', box.left, y, s.font, s.palette.text, { ...opts, class: 'ei-t ei-readout-time' });
    const second = lines === 1
      ? label(svg, '', box.left + textWidth(widest, s.font) + s.font * 1.5, y, s.font, s.palette.text, opts)
      : label(svg, '', box.left, y + s.font * 1.35, s.font, s.palette.text, opts);
    return [first, second];
  }

  setText(node, key, text) {
    if (this.shown[key] !== text) {
      node.textContent = text;
      this.shown[key] = text;
    }
  }
}
