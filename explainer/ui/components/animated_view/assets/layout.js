// Where every part of a view goes, for the width the view has (pure: text is measured by the `measure`
// function passed in, the canvas's in the browser).  Side by side from the header's wide_min_px, stacked below
// it: a phone and a narrow laptop window get the same layout for the same width.
//
// Sizes: `s` = {font, small, line, k, min} in px (`min`: no label smaller, 0 on a laptop) (explainer/figures/style.py,
// the header's "sizes"), with the palette and `lang`, the page's language its numbers are written in.  A box is
// {left, top, width, height} in px.

import { clamp, fill, niceTicks, num, overlaps, textBox } from './geometry.js';

const NEURON_MIN_H = 380;
const NETWORK_MIN_H = 360;
export const MIN_DIAGRAM_H = 330; // the neuron's cell, wide: room for its gate labels at full size
const MIN_G_PANEL_H = 56; // the neuron's conductance panel
const MIN_V_PANEL_H = 80; // the neuron's V panel

// The sizes a view draws with, from its header: `sizes` is header.sizes on screen, header.export_sizes in the image.
export function viewSizes(header, sizes) {
  return {
    font: sizes.font_px, small: sizes.small_font_px, line: sizes.line_px, k: sizes.scale, min: sizes.min_label_px, palette: header.palette,
    lang: header.lang,
  };
}

// The sizes (px) a label may try, largest first, from `px` down by the `factors`: never below the profile's
// smallest label (s.min), nor below `floor`.
export function shrinkSizes(px, factors, s, floor = 8) {
  return [...new Set(factors.map((f) => Math.max(floor, s.min || 0, px * f)))];
}

export function captionHeight(s) {
  return s.small * 2.0;
}

export function timeAxisHeight(s) {
  return 10 + s.small * 1.25 + s.font * 1.3;
}

// The widest tick label a y axis over [lo, hi] may print in `lang` (for the left margin).
export function yTickWidth(lo, hi, px, measure, lang) {
  const ticks = niceTicks(lo, hi, 6);
  return Math.max(...ticks.map((v) => measure(num(v, 0, lang), px)), measure('−100', px));
}

// Two read-outs side by side (1) or one above the other (2).
export function readoutLines(first, second, width, s, measure) {
  return measure(first, s.font) + s.font * 1.5 + measure(second, s.font) <= width ? 1 : 2;
}

// The key under the neuron's diagram: one symbol and text per entry.
export function legendEntries(words) {
  return [
    { shape: 'triangle', color: 'glutamate', text: words.key_glutamate },
    { shape: 'circle', color: 'gaba', text: words.key_gaba },
    { shape: 'plus', color: 'glutamate', text: words.key_cations, stroke: true },
    { shape: 'minus', color: 'gaba', text: words.key_anions, stroke: true },
    { shape: 'star', color: 'spike', text: words.key_spike },
  ];
}

export function legendEntryWidth(entry, s, measure) {
  return s.small * 1.3 + s.small * 0.4 + measure(entry.text, s.small) + s.small * 1.2;
}

// The key's entries in rows: as many per row as `width` holds.
export function legendRows(entries, width, s, measure) {
  const rows = [[]];
  let used = 0;
  for (const e of entries) {
    const w = legendEntryWidth(e, s, measure);
    if (used > 0 && used + w > width) {
      rows.push([]);
      used = 0;
    }
    rows[rows.length - 1].push(e);
    used += w;
  }
  return rows;
}

export function legendHeight(entries, width, s, measure) {
  return legendRows(entries, width, s, measure).length * s.small * 1.6;
}

// The width of a caption's key item: a line sample (or, with `shape`, a marker) and its text.
export function keyItemWidth(text, s, measure, shape = false) {
  return s.small * (shape ? 1.6 : 2.2) + measure(text, s.small) + s.small * 1.2;
}

// How many lines a caption with its key takes in `width`.
export function captionLines(title, keyWidths, width, s, measure) {
  const total = keyWidths.reduce((acc, w) => acc + w, 0);
  return measure(title, s.small) + s.small * 2 + total <= width ? 1 : 2;
}

// ---- the neuron view: cell on the left and data on the right, or cell on top ----

function neuronCell(v, W, maxHeight, fixedHeight, measure) {
  const { s, w, h } = v;
  const pad = Math.round(s.font * 0.5);
  const wide = W >= h.wide_min_px;
  const [ex, ey] = v.geo.extent;
  const cw = wide ? Math.round(W * 0.43) : W - 2 * pad;
  const L = { W, wide, pad };
  const first = fill(w.readout_time, { t: num(1000, 0, s.lang) }); // its widest: a full second
  L.readoutLines = readoutLines(first, fill(w.readout_spikes, { n: 888 }), cw, s, measure);
  const readH = L.readoutLines * s.font * 1.35 + pad;
  L.legendH = legendHeight(legendEntries(w), cw, s, measure);
  L.readout = { left: pad, top: pad, width: cw, height: readH };
  if (wide) {
    const natural = Math.round(readH + (cw * ey) / ex + L.legendH + 2 * pad);
    // the cell keeps room for its labels at their size (a projector's larger key takes more rows, not the cell's room)
    const least = Math.max(NEURON_MIN_H, Math.round(readH + L.legendH + MIN_DIAGRAM_H + 2 * pad));
    L.H = fixedHeight || Math.round(clamp(Math.max(natural, W * 0.46), least, Math.max(least, maxHeight)));
    L.diagram = { left: pad, top: pad + readH, width: cw, height: L.H - 2 * pad - readH - L.legendH };
    L.legend = { left: pad, top: L.H - pad - L.legendH, width: cw, height: L.legendH };
    const dataLeft = cw + 3 * pad;
    L.data = { left: dataLeft, top: pad, width: W - dataLeft - pad, height: L.H - 2 * pad - timeAxisHeight(s) };
  } else {
    const dh = Math.round((cw * ey) / ex);
    L.diagram = { left: pad, top: pad + readH, width: cw, height: dh };
    L.legend = { left: pad, top: pad + readH + dh, width: cw, height: L.legendH };
    const panelsH = 3 * captionHeight(s) + s.small * 2.4 + 60 + 100 + 150;
    L.data = { left: pad, top: L.legend.top + L.legendH + pad, width: cw, height: panelsH };
  }
  return L;
}

// The neuron's data panels (input raster, conductances, V), each under its caption, inside L.data.
function neuronPanels(L, v, gKeyWidths, measure) {
  const { s, w, h } = v;
  const d = L.data;
  const rowLabelW = Math.max(measure(w.raster_glutamate, s.small), measure(w.raster_gaba, s.small));
  const vTicks = yTickWidth(...h.axes.v_range, s.small, measure, s.lang);
  const tickW = Math.max(yTickWidth(0, h.axes.g_top_nS, s.small, measure, s.lang), vTicks);
  const mL = Math.ceil(Math.max(tickW, rowLabelW) + s.small * 0.8);
  const rightPad = measure(num(h.duration_ms, 0, s.lang), s.small) / 2 + 2;
  const plot = { left: d.left + mL, width: Math.max(40, d.width - mL - rightPad) };
  L.gCaptionLines = captionLines(w.g_title, gKeyWidths, plot.width + mL, s, measure);
  const capH = captionHeight(s);
  const gap = s.small * 0.8;
  const minRasterH = Math.ceil(2.7 * s.small); // two rows of labels
  const captionsH = 3 * capH + (L.gCaptionLines - 1) * s.small * 1.3 + 2 * gap;
  if (L.wide && d.height < captionsH + minRasterH + MIN_G_PANEL_H + MIN_V_PANEL_H) {
    // large type (a projector's) takes more room than the height allowed: the view grows, the type never shrinks
    const grow = Math.ceil(captionsH + minRasterH + MIN_G_PANEL_H + MIN_V_PANEL_H - d.height);
    d.height += grow;
    L.H += grow;
  }
  const room = d.height - captionsH;
  const rasterH = Math.max(minRasterH, Math.round(room * 0.17));
  const gH = Math.max(MIN_G_PANEL_H, Math.round(room * 0.33));
  const vH = Math.max(MIN_V_PANEL_H, room - rasterH - gH);
  let y = d.top;
  L.rasterCaption = { left: d.left, top: y, width: d.width, height: capH };
  y += capH;
  L.raster = { ...plot, top: y, height: rasterH };
  y += rasterH + gap;
  L.gCaption = { left: d.left, top: y, width: d.width, height: capH + (L.gCaptionLines - 1) * s.small * 1.3 };
  y += L.gCaption.height;
  L.g = { ...plot, top: y, height: gH };
  y += gH + gap;
  L.vCaption = { left: d.left, top: y, width: d.width, height: capH };
  y += capH;
  L.vpanel = { ...plot, top: y, height: vH };
  if (!L.wide) L.H = Math.round(L.vpanel.top + vH + timeAxisHeight(s) + L.pad);
  return L;
}

// The neuron view's layout at width W: `v` = {s, w (words), h (header), geo}; a wide layout is at most
// `maxHeight` tall (at least NEURON_MIN_H), or exactly `fixedHeight` (the exported image).
export function neuronLayout(v, W, maxHeight, fixedHeight, gKeyWidths, measure) {
  return neuronPanels(neuronCell(v, W, maxHeight, fixedHeight, measure), v, gKeyWidths, measure);
}

// ---- the network view: raster and rates on the left and the circuit on the right, or the circuit on top ----

function networkFrame(v, W, maxHeight, fixedHeight, measure) {
  const { s, w, h } = v;
  const pad = Math.round(s.font * 0.5);
  const wide = W >= h.wide_min_px;
  const L = { W, wide, pad };
  const axisH = timeAxisHeight(s);
  const [x0, x1] = h.circuit.x_range;
  const [y0, y1] = h.circuit.y_range;
  const aspect = (y1 - y0) / (x1 - x0);
  const cw = wide ? Math.round(W * 0.36) : W - 2 * pad;
  const first = fill(w.readout, { t: num(1000, 0, s.lang) });
  L.readoutLines = readoutLines(first, fill(w.readout_rates, { e: 188, i: 188 }), cw, s, measure);
  const readH = L.readoutLines * s.font * 1.35 + pad;
  if (wide) {
    L.H = fixedHeight || Math.round(clamp(W * 0.42, NETWORK_MIN_H, Math.max(NETWORK_MIN_H, maxHeight)));
    const left = { left: pad, top: pad, width: W - cw - 4 * pad, height: L.H - 2 * pad };
    const rx = left.left + left.width + 3 * pad;
    L.readout = { left: rx, top: pad, width: cw, height: readH };
    L.circuit = { left: rx, top: pad + readH, width: cw, height: Math.min(L.H - 2 * pad - readH, cw * aspect * 1.6) };
    L.dataBox = { ...left, height: left.height - axisH };
  } else {
    L.readout = { left: pad, top: pad, width: cw, height: readH };
    L.circuit = { left: pad, top: pad + readH, width: cw, height: Math.round(cw * aspect) };
    const top = L.circuit.top + L.circuit.height + pad;
    L.dataBox = { left: pad, top, width: cw, height: 2 * captionHeight(s) + 240 + 110 + s.small };
    L.H = Math.round(top + L.dataBox.height + axisH + pad);
  }
  return L;
}

// The network's data panels (raster, rates), each under its caption, inside L.dataBox.
function networkPanels(L, v, keyWidths, rateKeyWidths, measure) {
  const { s, w, h } = v;
  const box = L.dataBox;
  const rowLabelW = Math.max(measure(w.rows_exc, s.small), measure(w.rows_inh, s.small));
  const mL = Math.ceil(Math.max(rowLabelW, yTickWidth(0, h.rates.top, s.small, measure, s.lang)) + s.small * 0.8);
  const rightPad = measure(num(h.duration_ms, 0, s.lang), s.small) / 2 + 2;
  const plot = { left: box.left + mL, width: Math.max(60, box.width - mL - rightPad) };
  L.rasterCaptionLines = captionLines(w.raster_title, keyWidths, box.width, s, measure);
  L.rateCaptionLines = captionLines(w.rate_title, rateKeyWidths, box.width, s, measure);
  const capH = captionHeight(s);
  const rasterCapH = capH + (L.rasterCaptionLines - 1) * s.small * 1.3;
  const rateCapH = capH + (L.rateCaptionLines - 1) * s.small * 1.3;
  const gap = s.small * 0.8;
  const room = box.height - rasterCapH - rateCapH - gap;
  const rateH = Math.max(60, Math.round(room * 0.3));
  L.rasterCaption = { left: box.left, top: box.top, width: box.width, height: rasterCapH };
  L.raster = { ...plot, top: box.top + rasterCapH, height: Math.max(80, room - rateH) };
  L.rateCaption = { left: box.left, top: L.raster.top + L.raster.height + gap, width: box.width, height: rateCapH };
  L.rate = { ...plot, top: L.rateCaption.top + rateCapH, height: rateH };
  return L;
}

// The network view's layout at width W (as neuronLayout).
export function networkLayout(v, W, maxHeight, fixedHeight, keyWidths, rateKeyWidths, measure) {
  return networkPanels(networkFrame(v, W, maxHeight, fixedHeight, measure), v, keyWidths, rateKeyWidths, measure);
}

export const LINE_SPACING = 1.25; // a two-line label's lines, apart by this many times its type size

// `text` broken at the space nearest its middle (one line if it has no space).
export function twoLines(text) {
  const spaces = [...text].map((ch, i) => (ch === ' ' ? i : -1)).filter((i) => i >= 0);
  if (!spaces.length) return [text];
  const cut = spaces.reduce((a, b) => (Math.abs(b - text.length / 2) < Math.abs(a - text.length / 2) ? b : a));
  return [text.slice(0, cut), text.slice(cut + 1)];
}

// `text` in lines no wider than `width` at `px`, broken at spaces (a word longer than the width has a line of its own).
export function wrapText(text, width, px, measure) {
  const lines = [];
  for (const word of text.split(' ').filter(Boolean)) {
    const last = lines.length ? `${lines[lines.length - 1]} ${word}` : null;
    if (last !== null && measure(last, px) <= width) lines[lines.length - 1] = last;
    else lines.push(word);
  }
  return lines;
}

// The box of a label of one or more lines centred on (x, y).
export function linesBox(lines, x, y, px, measure) {
  const width = Math.max(...lines.map((t) => measure(t, px)));
  const half = ((lines.length - 1) * LINE_SPACING * px) / 2;
  const top = textBox(width, x, y - half, px, 'middle');
  return { ...top, bottom: top.bottom + 2 * half };
}

// The circuit diagram's labels ([{text, x, y}], centred, in px) fitted into `area`: the largest type from s.small
// at which no two touch and each stays inside, never below the profile's smallest label (s.min) nor 8 px; a label
// that still does not fit goes on two lines.  Returns {px, lines: one array of lines per label}.
export function fitLabels(labels, area, s, measure) {
  const misfits = (all, px) => {
    const boxes = all.map((lines, i) => linesBox(lines, labels[i].x, labels[i].y, px, measure));
    return boxes.map((b, i) => b.left < area.left || b.right > area.right || boxes.some((o, j) => j !== i && overlaps(b, o, 2)));
  };
  const single = labels.map((q) => [q.text]);
  let px = s.small;
  for (; px > Math.max(8, s.min || 0); px -= 1) {
    if (!misfits(single, px).some(Boolean)) return { px, lines: single };
  }
  const bad = misfits(single, px);
  return { px, lines: single.map((lines, i) => (bad[i] ? twoLines(lines[0]) : lines)) };
}

// The diameter (px) of a population's node in the circuit diagram at a firing rate: [base px, px per Hz,
// most px] from the header's circuit.node_px, times `scale`, and never more than `maxPx` (its arrows' room).
export function nodeSizePx(rateHz, nodePx, scale, maxPx) {
  const [base, gain, most] = nodePx;
  return Math.min(Math.min(base + gain * rateHz, most) * scale, maxPx);
}
