// The animated network (data from explainer/figures/network_view.py): a raster of sampled cells and
// the population rates on the left, the circuit diagram on the right; stacked, circuit on top, when narrow.
// frame(t) moves the cursor, lights up the spikes of the last few ms and swells the populations' nodes.

import { row } from './codec.js';
import { timeAxis, timeGrid, yAxis } from './axes.js';
import { bisect, circle, clamp, fill, num, polyline, round, triangle } from './geometry.js';
import { LINE_SPACING, fitLabels, keyItemWidth, networkLayout, nodeSizePx } from './layout.js';
import { View, caption } from './parts.js';
import { el, label, textWidth } from './svg.js';
import { meanRate } from './timing.js';

const REFERENCE_UNIT_PX = 48; // widths and node sizes are given for a diagram drawn at 48 px per unit

export class NetworkView extends View {

  get kind() {
    return 'network';
  }

  get spikeTimes() {
    return null;
  }

  setData(data, sizes) {
    const h = data.header;
    this.useHeader(h, sizes);
    const r = h.raster;
    this.rows = r.exc_rows + r.gap_rows + r.inh_rows;
    this.bits = [data.arrays.raster_exc, data.arrays.raster_inh];
    this.rates = [data.arrays.rate_exc.values, data.arrays.rate_inh.values];
    // spikes as (bin, row) pairs per population, sorted by bin: the raster image and the highlights
    this.spikeBins = this.bits.map((bits, pop) => {
      const cells = bits.shape[0];
      const out = [];
      for (let c = 0; c < cells; c++) {
        const bytes = row(bits, c);
        for (let b = 0; b < r.bins; b++) if (bytes[b >> 3] & (0x80 >> (b & 7))) out.push([b, pop === 0 ? c : r.exc_rows + r.gap_rows + c]);
      }
      return out.sort((a, b) => a[0] - b[0]);
    });
  }

  keyItems() {
    const s = this.s;
    const p = s.palette;
    return [
      { shape: 'triangle', color: p.glutamate, text: this.w.key_exc },
      { shape: 'circle', color: p.gaba, text: this.w.key_inh },
    ].map((k) => ({ ...k, width: keyItemWidth(k.text, s, textWidth, true) }));
  }

  rateKeys() {
    const s = this.s;
    const p = s.palette;
    return [
      { color: p.glutamate, dash: null, text: this.w.rate_key_exc },
      { color: p.gaba, dash: '6 4', text: this.w.rate_key_inh },
    ].map((k) => ({ ...k, width: keyItemWidth(k.text, s, textWidth) }));
  }

  // Boxes for every part, for width W (layout.js); maxHeight bounds the wide layout's height.
  layout(W, maxHeight, fixedHeight = null) {
    const widths = (items) => items.map((k) => k.width);
    this.L = networkLayout(this, W, maxHeight, fixedHeight, widths(this.keyItems()), widths(this.rateKeys()), textWidth);
    return this.L.H;
  }

  draw() {
    const { s, L, h, w } = this;
    const p = s.palette;
    const svg = this.svg;
    svg.replaceChildren();
    this.shown = {}; // every text node is new
    el('rect', { x: 0, y: 0, width: L.W, height: L.H, fill: p.background }, svg);
    const T = h.duration_ms;
    const g = el('g', { class: 'ei-data' }, svg);
    caption(g, w.raster_title, L.rasterCaption, s, this.keyItems(), L.rasterCaptionLines);
    this.x = timeGrid(g, L.raster, 0, T, s);
    this.rasterImage(g);
    const r = h.raster;
    const rowY = (rr) => L.raster.top + L.raster.height * (1 - (rr + 0.5) / this.rows);
    this.rowY = rowY;
    label(g, w.rows_exc, L.raster.left - s.small * 0.4, rowY((r.exc_rows - 1) / 2), s.small, p.text, { 'text-anchor': 'end', 'dominant-baseline': 'middle' });
    label(g, w.rows_inh, L.raster.left - s.small * 0.4, rowY(r.exc_rows + r.gap_rows + (r.inh_rows - 1) / 2), s.small, p.text, { 'text-anchor': 'end', 'dominant-baseline': 'middle' });
    el('rect', { x: L.raster.left, y: L.raster.top, width: L.raster.width, height: L.raster.height, fill: 'none', stroke: p.axis, 'stroke-width': 1 }, g);
    const size = clamp((L.raster.height / this.rows) * 4, 7, 13) * Math.max(1, s.k * 0.8);
    this.markerSize = size;
    // the spikes of the last few ms: the population's shape, outlined in the background colour
    this.hlE = el('path', { fill: p.glutamate, stroke: p.background, 'stroke-width': 0.8 }, g);
    this.hlI = el('path', { fill: p.gaba, stroke: p.background, 'stroke-width': 0.8 }, g);
    caption(g, w.rate_title, L.rateCaption, s, this.rateKeys(), L.rateCaptionLines);
    timeGrid(g, L.rate, 0, T, s);
    // a little room under 0, so that the 0 label sits inside the panel, clear of the time axis
    const yr = yAxis(g, L.rate, -0.12 * h.rates.top, h.rates.top, s, { maxTicks: 4, keepInside: true, floor: 0 });
    const bin = h.rates.bin_ms;
    for (const [rates, color, dash] of [[this.rates[0], p.glutamate, null], [this.rates[1], p.gaba, '6 4']]) {
      const xs = Array.from(rates, (_, i) => this.x((i + 0.5) * bin));
      const ys = Array.from(rates, (v) => yr(v));
      el('path', { d: polyline(xs, ys), fill: 'none', stroke: color, 'stroke-width': Math.max(1.5, s.line), 'stroke-dasharray': dash }, g);
    }
    timeAxis(g, L.rate, 0, T, s, w.time_axis);
    this.cursors = [L.raster, L.rate].map((b) => el('line', { y1: b.top, y2: b.top + b.height, stroke: p.cursor, 'stroke-width': Math.max(2, s.line) }, g));
    this.drawCircuit(svg);
    [this.readT, this.readR] = this.readouts(svg, L.readout, L.readoutLines, fill(w.readout, { t: num(1000, 0, s.lang) }));
  }

  rasterImage(g) {
    const { L, h } = this;
    const p = this.s.palette;
    const ratio = Math.min(2, window.devicePixelRatio || 1);
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(L.raster.width * ratio));
    canvas.height = Math.max(1, Math.round(L.raster.height * ratio));
    const ctx = canvas.getContext('2d');
    const colW = canvas.width / h.raster.bins;
    const rowH = canvas.height / this.rows;
    [p.glutamate, p.gaba].forEach((color, pop) => {
      ctx.fillStyle = color;
      for (const [b, rr] of this.spikeBins[pop]) {
        const x0 = Math.floor(b * colW);
        const y0 = Math.floor((this.rows - 1 - rr) * rowH);
        ctx.fillRect(x0, y0, Math.max(1, Math.ceil((b + 1) * colW) - x0), Math.max(1, Math.ceil(rowH * 0.8)));
      }
    });
    el('image', {
      class: 'ei-raster',
      href: canvas.toDataURL('image/png'),
      x: round(L.raster.left),
      y: round(L.raster.top),
      width: round(L.raster.width),
      height: round(L.raster.height),
      preserveAspectRatio: 'none',
    }, g);
  }

  drawCircuit(svg) {
    const { s, L } = this;
    const p = s.palette;
    const c = this.h.circuit;
    const [x0, x1] = c.x_range;
    const [y0, y1] = c.y_range;
    const k = Math.min(L.circuit.width / (x1 - x0), L.circuit.height / (y1 - y0));
    const ox = L.circuit.left + (L.circuit.width - (x1 - x0) * k) / 2;
    const oy = L.circuit.top + (L.circuit.height - (y1 - y0) * k) / 2;
    const X = (x) => ox + (x - x0) * k;
    const Y = (y) => oy + (y1 - y) * k;
    const widthScale = clamp(k / REFERENCE_UNIT_PX, 0.6, 1.6);
    this.nodeScale = widthScale;
    this.nodeMaxPx = c.node_max_units * k;
    const g = el('g', { class: 'ei-circuit' }, svg);
    for (const path of c.paths) {
      const color = p[path.color];
      const width = Math.max(1.5, path.width * widthScale);
      const xs = path.points.map((q) => X(q[0]));
      const ys = path.points.map((q) => Y(q[1]));
      el('path', { d: polyline(xs, ys), fill: 'none', stroke: color, 'stroke-width': round(width), 'stroke-dasharray': path.dash ? '8 5' : null }, g);
      const n = xs.length;
      const ang = Math.atan2(ys[n - 1] - ys[n - 2], xs[n - 1] - xs[n - 2]);
      const head = Math.max(9, Math.min(width * 2.2, 20) + 4);
      if (path.head === 'arrow') {
        const [hx, hy] = [xs[n - 1], ys[n - 1]];
        const a1 = ang + Math.PI * 0.85;
        const a2 = ang - Math.PI * 0.85;
        el('path', { d: `M${round(hx)} ${round(hy)}L${round(hx + head * Math.cos(a1))} ${round(hy + head * Math.sin(a1))}L${round(hx + head * Math.cos(a2))} ${round(hy + head * Math.sin(a2))}Z`, fill: color }, g);
      } else {
        el('circle', { cx: round(xs[n - 1]), cy: round(ys[n - 1]), r: round(head * 0.45), fill: color }, g);
      }
    }
    // labels: as large as fits, never below the profile's smallest label (layout.js)
    const area = { left: L.circuit.left, right: L.circuit.left + L.circuit.width, top: L.circuit.top, bottom: L.circuit.top + L.circuit.height };
    const fitted = fitLabels(c.labels.map((q) => ({ text: q.text, x: X(q.x), y: Y(q.y) })), area, s, textWidth);
    c.labels.forEach((q, i) => {
      const lines = fitted.lines[i];
      lines.forEach((text, j) => {
        const y = Y(q.y) + (j - (lines.length - 1) / 2) * LINE_SPACING * fitted.px;
        label(g, text, X(q.x), y, fitted.px, q.color === 'muted_text' ? p.muted_text : p[q.color], { 'text-anchor': 'middle', 'dominant-baseline': 'middle' });
      });
    });
    this.nodes = c.nodes.map((n) => ({
      shape: el('path', { fill: p[n.color], stroke: p.outline, 'stroke-width': 1.5 }, g),
      text: label(g, n.text, X(n.x), Y(n.y) + (n.shape === 'triangle' ? s.font * 0.2 : 0), s.font, p.node_text, { 'text-anchor': 'middle', 'dominant-baseline': 'middle', 'font-weight': 'bold' }),
      x: X(n.x),
      y: Y(n.y),
      kind: n.shape,
    }));
  }

  frame(t) {
    const { h, w } = this;
    const r = h.raster;
    const from = Math.floor((t - r.highlight_ms) / r.bin_ms);
    const to = Math.floor(t / r.bin_ms);
    [this.hlE, this.hlI].forEach((node, pop) => {
      const spikes = this.spikeBins[pop];
      let d = '';
      let i = bisect(spikes.length, (k) => spikes[k][0] >= from + 1);
      for (; i < spikes.length && spikes[i][0] <= to; i++) {
        const [b, rr] = spikes[i];
        const x = this.x((b + 0.5) * r.bin_ms);
        d += pop === 0 ? triangle(x, this.rowY(rr), this.markerSize) : circle(x, this.rowY(rr), this.markerSize * 0.85);
      }
      node.setAttribute('d', d);
    });
    const cx = round(this.x(t), 1);
    for (const c of this.cursors) {
      c.setAttribute('x1', cx);
      c.setAttribute('x2', cx);
    }
    const rates = this.rates.map((binned) => meanRate(binned, h.rates.bin_ms, r.highlight_ms, t));
    this.nodes.forEach((n, i) => {
      const size = nodeSizePx(rates[i], h.circuit.node_px, this.nodeScale, this.nodeMaxPx);
      n.shape.setAttribute('d', n.kind === 'triangle' ? triangle(n.x, n.y + size * 0.12, size * 1.15) : circle(n.x, n.y, size));
    });
    const lang = this.s.lang;
    this.setText(this.readT, 'time', fill(w.readout, { t: num(t, 0, lang) }));
    this.setText(this.readR, 'rates', fill(w.readout_rates, { e: num(rates[0], 0, lang), i: num(rates[1], 0, lang) }));
  }

}

