// The animated neuron (data from explainer/figures/neuron_view.py): the cell with its gates and ions on
// the left, input spikes, conductances and V on the right; stacked, cell on top, on a narrow screen.
//
// draw() builds the scene for a layout once; frame(t) moves only what changes with time: the gates'
// walls, the ions, the soma's colour and label, the gate labels, spikes on the axon, the read-out and
// the cursor.

import { row } from './codec.js';
import { timeAxis, timeGrid, yAxis } from './axes.js';
import { colorAt } from './colour.js';
import {
  circle, clamp, fill, inside, minus, num, overlaps, plus, polyline, round, sampleAt, segmentHitsBox, star, triangle,
} from './geometry.js';
import { keyItemWidth, legendEntries, neuronLayout, shrinkSizes } from './layout.js';
import { View, caption, legend, rasterImage } from './parts.js';
import { el, label, labelBox, textWidth } from './svg.js';
import { countUpTo, spikeShown, timesIn } from './timing.js';

const GATE_TEMPLATE = '88.8';

export class NeuronView extends View {

  get kind() {
    return 'neuron';
  }

  get spikeTimes() {
    return this.spikes;
  }

  setData(data, sizes) {
    const h = data.header;
    const a = data.arrays;
    this.useHeader(h, sizes);
    this.geo = h.geometry;
    this.v = a.v_mV.values;
    this.nSamples = this.v.length;
    this.glu = Array.from({ length: a.glu_gates_nS.shape[0] }, (_, r) => row(a.glu_gates_nS, r));
    this.gaba = Array.from({ length: a.gaba_gates_nS.shape[0] }, (_, r) => row(a.gaba_gates_nS, r));
    this.spikes = a.spikes_ms.values;
    this.envs = { v: a.v_env.values, glu: a.g_glu_env.values, gaba: a.g_gaba_env.values };
    this.rasters = [a.glu_raster.values, a.gaba_raster.values];
    // Where each gate's ion stream is at every sample: the integral of its speed (direction = net flow).
    const c = h.cell;
    const flow = (gates, sign) =>
      gates.map((g) => {
        const phase = new Float32Array(g.length);
        for (let i = 1; i < g.length; i++) {
          const v = this.v[i - 1];
          const drive = sign > 0 ? c.E_exc_mV - v : v - c.E_gaba_mV;
          const speed = Math.abs(drive) < 0.5 ? 0 : this.geo.ion_speed_per_ms * this.opening(g[i - 1]) * clamp(drive / this.geo.ion_full_speed_mV, -1, 1);
          phase[i] = phase[i - 1] + speed * h.sample_ms;
        }
        return phase;
      });
    this.phases = [flow(this.glu, 1), flow(this.gaba, -1)];
  }

  opening(g) {
    const x = Math.max(0, g);
    return x / (x + this.geo.g_half_open_nS);
  }

  // ---- layout: boxes for every part, for width W (layout.js); maxHeight bounds the wide layout's height ----
  layout(W, maxHeight, fixedHeight = null) {
    this.L = neuronLayout(this, W, maxHeight, fixedHeight, this.gKeyItems().map((k) => k.width), textWidth);
    return this.L.H;
  }

  gKeyItems() {
    const p = this.s.palette;
    return [
      { text: this.w.g_key_glutamate, color: p.glutamate, dash: null },
      { text: this.w.g_key_gaba, color: p.gaba, dash: '6 4' },
    ].map((k) => ({ ...k, width: keyItemWidth(k.text, this.s, textWidth) }));
  }

  // ---- the scene ----
  draw() {
    const { s, L, w } = this;
    const p = s.palette;
    const svg = this.svg;
    svg.replaceChildren();
    this.shown = {}; // every text node is new
    el('rect', { x: 0, y: 0, width: L.W, height: L.H, fill: p.background }, svg);
    this.drawDiagram(svg);
    legend(svg, legendEntries(w), L.legend, s);
    // readout
    [this.readT, this.readN] = this.readouts(svg, L.readout, L.readoutLines, fill(w.readout_time, { t: num(1000, 0, s.lang) }));
    this.drawData(svg);
  }

  // The cell: membrane, soma, synapses with their gates and ions, labels; X and Y map the geometry's units.
  drawDiagram(svg) {
    const { s, L, geo } = this;
    const p = s.palette;
    const [ex, ey] = geo.extent;
    const box = L.diagram;
    const k = Math.min(box.width / ex, box.height / ey);
    const ox = box.left + (box.width - ex * k) / 2;
    const oy = box.top + (box.height - ey * k) / 2;
    this.X = (x) => ox + x * k;
    this.Y = (y) => oy + (ey - y) * k;
    this.k = k;
    const g = el('g', { class: 'ei-diagram' }, svg);
    const placed = this.drawCell(g);
    const sites = [...geo.glutamate_sites.map((q) => [q, 'glutamate']), ...geo.gaba_sites.map((q) => [q, 'gaba'])];
    const markers = this.drawBoutons(g, sites);
    this.walls = el('path', { fill: 'none', stroke: p.outline, 'stroke-width': round(clamp(0.09 * k, 2.5, 6)), 'stroke-linecap': 'round' }, g);
    this.cations = el('path', { fill: 'none', stroke: p.glutamate, 'stroke-width': round(Math.max(2, 0.05 * k)) }, g);
    this.anions = el('path', { fill: 'none', stroke: p.gaba, 'stroke-width': round(Math.max(2.5, 0.07 * k)) }, g);
    this.axonStars = el('path', { fill: p.spike, stroke: p.outline, 'stroke-width': 1.2 }, g);
    this.gateLabels = this.placeGateLabels(g, sites, markers, placed);
  }

  // Dendrites, axon and soma with its label, and the fixed labels; returns the boxes the labels took.
  drawCell(g) {
    const { s, geo, X, Y, k } = this;
    const p = s.palette;
    for (const [[x0, y0], [x1, y1]] of geo.dendrites) {
      el('line', { x1: round(X(x0)), y1: round(Y(y0)), x2: round(X(x1)), y2: round(Y(y1)), stroke: p.membrane, 'stroke-width': round(geo.dendrite_width * k), 'stroke-linecap': 'round' }, g);
    }
    const [[ax0, ay0], [ax1, ay1]] = geo.axon;
    el('line', { x1: round(X(ax0)), y1: round(Y(ay0)), x2: round(X(ax1)), y2: round(Y(ay1)), stroke: p.membrane, 'stroke-width': round(geo.dendrite_width * k * 0.55), 'stroke-linecap': 'round' }, g);
    const [scx, scy, sr] = geo.soma;
    this.soma = el('circle', { cx: round(X(scx)), cy: round(Y(scy)), r: round(sr * k), fill: p.cytoplasm, stroke: p.membrane, 'stroke-width': Math.max(2, s.line) }, g);
    this.somaBox = { left: X(scx - sr), right: X(scx + sr), top: Y(scy + sr), bottom: Y(scy - sr) };
    // the soma's label fits inside it
    const widest = fill(this.w.soma_v, { v: '−88' });
    const somaFont = Math.max(9, s.min, Math.min(s.font, (1.7 * sr * k) / Math.max(1, textWidth(widest, 1))));
    this.somaFont = somaFont;
    this.somaLabel = label(g, '', X(scx), Y(scy), somaFont, p.text, { 'text-anchor': 'middle', 'dominant-baseline': 'middle', 'font-weight': 'bold' });
    const placed = [labelBox(widest, X(scx), Y(scy), somaFont, 'middle')];
    // fixed labels: "dendrite" over the horizontal dendrite, "axon ->" over the axon
    const dend = geo.dendrites[1];
    this.placeFixed(g, this.w.dendrite, X(dend[1][0]), Y(dend[1][1]) - geo.dendrite_width * k - s.small * 0.7, placed, 'start');
    this.placeFixed(g, this.w.axon, X((ax0 + ax1) / 2 + 0.6), Y(ay0) - geo.dendrite_width * k - s.small * 0.7, placed, 'start');
    return placed;
  }

  // The presynaptic boutons (glutamate: triangles, GABA: circles); returns the boxes of the boutons, then of
  // the gates with their ions' paths (obstacles for the gate labels).
  drawBoutons(g, sites) {
    const { s, geo, X, Y, k } = this;
    const p = s.palette;
    const bouton = clamp(0.45 * k, 10, 30);
    this.bouton = bouton;
    const markers = [];
    for (const [[x, y, nx, ny], kind] of sites) {
      const bx = X(x + nx * geo.bouton_offset);
      const by = Y(y + ny * geo.bouton_offset);
      const d = kind === 'glutamate' ? triangle(bx, by, bouton * 1.15) : circle(bx, by, bouton);
      el('path', { d, fill: p[kind], stroke: p.outline, 'stroke-width': 1 }, g);
      markers.push({ left: bx - bouton / 2, right: bx + bouton / 2, top: by - bouton / 2, bottom: by + bouton / 2 });
    }
    const reachOut = geo.ion_path[0];
    for (const [[x, y, nx, ny]] of sites) {
      const r = 0.25 * k;
      const gx = X(x + nx * reachOut * 0.4);
      const gy = Y(y + ny * reachOut * 0.4);
      markers.push({ left: gx - r, right: gx + r, top: gy - r, bottom: gy + r });
    }
    return markers;
  }

  // Gate labels: the first free spot around each bouton (null where there is none).
  placeGateLabels(g, sites, markers, placed) {
    const { L, geo, X, Y, k } = this;
    const area = { left: L.diagram.left, right: L.diagram.left + L.diagram.width, top: L.diagram.top, bottom: L.diagram.top + L.diagram.height };
    // the membrane (dendrites, axon) is an obstacle too
    const segments = [...geo.dendrites, geo.axon].map(([[x0, y0], [x1, y1]]) => [X(x0), Y(y0), X(x1), Y(y1)]);
    this.membrane = { segments, halfWidth: (geo.dendrite_width * k) / 2 };
    return sites.map(([[x, y, nx, ny]], i) => {
      const bx = X(x + nx * geo.bouton_offset);
      const by = Y(y + ny * geo.bouton_offset);
      const others = markers.filter((_, j) => j !== i && j !== i + sites.length);
      const spot = this.gateLabelSpot(bx, by, nx, -ny, [...placed, ...others, this.somaBox], area);
      if (!spot) return null;
      placed.push(spot.box);
      return label(g, '', spot.x, spot.y, spot.px, this.s.palette.text, { 'text-anchor': 'middle', 'dominant-baseline': 'middle' });
    });
  }

  placeFixed(g, text, x, y, placed, anchor) {
    const box = labelBox(text, x, y, this.s.small, anchor);
    if (placed.some((b) => overlaps(b, box, 2))) return null;
    placed.push(box);
    return label(g, text, x, y, this.s.small, this.s.palette.muted_text, { 'text-anchor': anchor, 'dominant-baseline': 'middle' });
  }

  // Around the bouton at (bx, by) with outward normal (ux, uy) in screen axes: outward first, then turning; at
  // the smallest size the profile allows, farther out too (a projector's label moves away rather than shrink).
  gateLabelSpot(bx, by, ux, uy, taken, area) {
    const text = fill(this.w.gate_g, { g: GATE_TEMPLATE });
    const sizes = shrinkSizes(this.s.small, [1, 0.9, 0.8, 0.7], this.s);
    const rings = sizes.flatMap((px, i) => (i < sizes.length - 1 ? [[px, 0]] : [[px, 0], [px, px], [px, 2 * px]]));
    for (const [px, further] of rings) {
      const w = textWidth(text, px) + 2;
      const hgt = px * 1.2;
      for (const turn of [0, 40, -40, 80, -80, 120, -120, 160, -160, 180]) {
        const a = (turn * Math.PI) / 180;
        const dx = ux * Math.cos(a) - uy * Math.sin(a);
        const dy = ux * Math.sin(a) + uy * Math.cos(a);
        const reach = this.bouton / 2 + 3 + further + 0.5 * (Math.abs(dx) * w + Math.abs(dy) * hgt);
        const x = bx + dx * reach;
        const y = by + dy * reach;
        const box = { left: x - w / 2, right: x + w / 2, top: y - hgt / 2, bottom: y + hgt / 2 };
        const free = inside(box, area) && !taken.some((b) => overlaps(b, box, 2))
          && !this.membrane.segments.some(([x0, y0, x1, y1]) => segmentHitsBox(x0, y0, x1, y1, this.membrane.halfWidth + 1, box));
        if (free) return { x, y, px, box };
      }
    }
    return null;
  }

  drawData(svg) {
    const { s, L, h, w } = this;
    const p = s.palette;
    const T = h.duration_ms;
    const g = el('g', { class: 'ei-data' }, svg);
    // raster
    caption(g, w.raster_title, L.rasterCaption, s);
    const x = timeGrid(g, L.raster, 0, T, s);
    this.x = x;
    const rows = [
      { counts: this.rasters[0], color: p.glutamate, name: w.raster_glutamate },
      { counts: this.rasters[1], color: p.gaba, name: w.raster_gaba },
    ];
    rasterImage(g, L.raster, rows, h.raster_bin_ms, T);
    const rh = L.raster.height / 2;
    rows.forEach((r, i) => {
      label(g, r.name, L.raster.left - s.small * 0.4, L.raster.top + rh * (i + 0.5), s.small, p.text, { 'text-anchor': 'end', 'dominant-baseline': 'middle' });
    });
    el('rect', { x: L.raster.left, y: L.raster.top, width: L.raster.width, height: L.raster.height, fill: 'none', stroke: p.axis, 'stroke-width': 1 }, g);
    // conductances
    const keyItems = this.gKeyItems();
    caption(g, w.g_title, L.gCaption, s, keyItems, L.gCaptionLines);
    timeGrid(g, L.g, 0, T, s);
    const yg = yAxis(g, L.g, 0, h.axes.g_top_nS, s, { maxTicks: 5 });
    this.envPath(g, this.envs.glu, yg, p.glutamate, null);
    this.envPath(g, this.envs.gaba, yg, p.gaba, '6 4');
    // membrane potential
    caption(g, w.v_title, L.vCaption, s);
    timeGrid(g, L.vpanel, 0, T, s);
    const [vlo, vhi] = h.axes.v_range;
    const yv = yAxis(g, L.vpanel, vlo, vhi, s, { maxTicks: 7, keepInside: true });
    const th = h.cell.V_th_mV;
    el('line', { x1: L.vpanel.left, x2: L.vpanel.left + L.vpanel.width, y1: round(yv(th)), y2: round(yv(th)), stroke: p.threshold, 'stroke-width': Math.max(1.5, s.line), 'stroke-dasharray': '7 5' }, g);
    label(g, w.threshold, L.vpanel.left + L.vpanel.width - 4, yv(th) - s.small * 0.75, s.small, p.threshold, { 'text-anchor': 'end', 'dominant-baseline': 'middle' });
    this.envPath(g, this.envs.v, yv, p.v, null);
    let d = '';
    for (const ts of this.spikes) d += `M${round(x(ts), 1)} ${round(yv(th), 1)}V${round(yv(h.cell.spike_peak_mV), 1)}`;
    el('path', { d, stroke: p.v, 'stroke-width': Math.max(1.2, s.line * 0.8), fill: 'none' }, g);
    timeAxis(g, L.vpanel, 0, T, s, w.time_axis);
    this.cursors = [L.raster, L.g, L.vpanel].map((b) => el('line', { y1: b.top, y2: b.top + b.height, stroke: p.cursor, 'stroke-width': Math.max(2, s.line) }, g));
  }

  // A min/max envelope (pairs per bin, in the order they occur) as one path.
  envPath(g, pairs, y, color, dash) {
    const bin = this.h.env_bin_ms;
    const T = this.h.duration_ms;
    const xs = [];
    const ys = [];
    for (let k = 0; 2 * k < pairs.length; k++) {
      const t0 = k * bin;
      const span = Math.min(bin, T - t0);
      xs.push(this.x(t0 + 0.25 * span), this.x(t0 + 0.75 * span));
      ys.push(y(pairs[2 * k]), y(pairs[2 * k + 1]));
    }
    el('path', { d: polyline(xs, ys), fill: 'none', stroke: color, 'stroke-width': Math.max(1.2, this.s.line * 0.8), 'stroke-dasharray': dash, 'stroke-linejoin': 'round' }, g);
  }

  // ---- one frame at simulated time t (ms) ----
  frame(t, pace) {
    const { h, geo, X, Y, w } = this;
    const p = this.s.palette;
    const f = t / h.sample_ms;
    const v = sampleAt(this.v, f);
    const spiking = spikeShown(this.spikes, t, pace);
    this.soma.setAttribute('fill', spiking ? p.spike : colorAt(h.soma_stops, v));
    this.setText(this.somaLabel, 'soma', spiking ? w.soma_spike : fill(w.soma_v, { v: num(v, 0, this.s.lang) }));
    const paths = { walls: '', cation: '', anion: '' };
    this.gates(f, geo.glutamate_sites, this.glu, this.phases[0], 'cation', 0, paths);
    this.gates(f, geo.gaba_sites, this.gaba, this.phases[1], 'anion', geo.glutamate_sites.length, paths);
    this.walls.setAttribute('d', paths.walls);
    this.cations.setAttribute('d', paths.cation);
    this.anions.setAttribute('d', paths.anion);
    // spikes running down the axon
    const [[ax0, ay], [ax1]] = geo.axon;
    let stars = '';
    for (const spike of timesIn(this.spikes, t - geo.axon_travel_ms, t)) {
      const frac = (t - spike) / geo.axon_travel_ms;
      stars += star(X(ax0 + frac * (ax1 - ax0)), Y(ay), clamp(0.5 * this.k, 14, 34));
    }
    this.axonStars.setAttribute('d', stars);
    const lang = this.s.lang;
    this.setText(this.readT, 'time', fill(w.readout_time, { t: num(t, 0, lang) }));
    this.setText(this.readN, 'count', fill(w.readout_spikes, { n: num(countUpTo(this.spikes, t), 0, lang) }));
    const cx = round(this.x(t), 1);
    for (const c of this.cursors) {
      c.setAttribute('x1', cx);
      c.setAttribute('x2', cx);
    }
  }

  // One kind of gate at sample f: its walls as far apart as it is open, its ions along their path (added to
  // `paths`), and its conductance in its label (labels are numbered from `firstLabel`).
  gates(f, sites, traces, phases, ion, firstLabel, paths) {
    const { geo, X, Y, w } = this;
    const ionSize = clamp(0.2 * this.k, 6, 16);
    const shape = ion === 'cation' ? plus : minus;
    const [pOut, pIn] = geo.ion_path;
    const wl = geo.wall_length / 2;
    sites.forEach(([x, y, nx, ny], i) => {
      const gnS = sampleAt(traces[i], f);
      const o = this.opening(gnS);
      const tx = -ny;
      const ty = nx;
      const half = 0.5 * (0.05 + geo.max_gap * o);
      for (const sign of [-1, 1]) {
        const cx = x + sign * half * tx;
        const cy = y + sign * half * ty;
        paths.walls += `M${round(X(cx - wl * nx), 1)} ${round(Y(cy - wl * ny), 1)}L${round(X(cx + wl * nx), 1)} ${round(Y(cy + wl * ny), 1)}`;
      }
      const shown = Math.ceil(geo.ions_per_gate * o - 0.15);
      const ph = sampleAt(phases[i], f);
      for (let j = 0; j < shown; j++) {
        const frac = (((ph + j / geo.ions_per_gate) % 1) + 1) % 1;
        const dd = pOut - frac * (pOut + pIn);
        const wob = 0.06 * (j - 1);
        paths[ion] += shape(X(x + dd * nx + wob * tx), Y(y + dd * ny + wob * ty), ionSize);
      }
      const node = this.gateLabels[firstLabel + i];
      if (node) this.setText(node, 'g' + (firstLabel + i), fill(w.gate_g, { g: num(gnS, gnS < 99.95 ? 1 : 0, this.s.lang) }));
    });
  }
}
