// The animated neuron (data from explainer/figures/neuron_view.py): the cell with its gates and ions on
// the left, input spikes, conductances and V on the right; stacked, cell on top, on a narrow screen.
//
// draw() builds the scene for a layout once; frame(t) moves only what changes with time: the gates'
// walls, the ions, the soma's colour and label, the gate labels, spikes on the axon, the read-out and
// the cursor.

import { row } from './codec.js';
import { timeAxis, timeAxisHeight, timeGrid, yAxis, yTickWidth } from './axes.js';
import { View, caption, captionHeight, keyEntries, legend, legendHeight, rasterImage } from './parts.js';
import {
  circle, clamp, colorAt, el, fill, inside, label, labelBox, minus, num, overlaps, plus, polyline, round,
  bisect, sampleAt, segmentHitsBox, star, textWidth, triangle,
} from './svg.js';

const WIDE_MIN_PX = 700;
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

  // ---- layout: boxes for every part, for width W; maxHeight bounds the wide layout's height ----
  layout(W, maxHeight, fixedHeight = null) {
    const s = this.s;
    const pad = Math.round(s.font * 0.5);
    const wide = W >= WIDE_MIN_PX;
    const L = { W, wide, pad };
    const [ex, ey] = this.geo.extent;
    const readout = [fill(this.w.readout_time, { t: 1000 }), fill(this.w.readout_spikes, { n: 888 })];
    const axisH = timeAxisHeight(s);
    const rowLabelW = Math.max(textWidth(this.w.raster_glutamate, s.small), textWidth(this.w.raster_gaba, s.small));
    if (wide) {
      const cw = Math.round(W * 0.43);
      L.readoutLines = this.readoutLines(...readout, cw);
      const readH = L.readoutLines * s.font * 1.35 + pad;
      L.legendH = legendHeight(keyEntries(this.w, 'neuron'), cw, s);
      const natural = Math.round(readH + (cw * ey) / ex + L.legendH + 2 * pad);
      L.H = fixedHeight || Math.round(clamp(Math.max(natural, W * 0.46), 380, Math.max(380, maxHeight)));
      L.left = { left: pad, top: pad, width: cw, height: L.H - 2 * pad };
      L.readout = { left: pad, top: pad, width: cw, height: readH };
      L.diagram = { left: pad, top: pad + readH, width: cw, height: L.H - 2 * pad - readH - L.legendH };
      L.legend = { left: pad, top: L.H - pad - L.legendH, width: cw, height: L.legendH };
      const dataLeft = cw + 3 * pad;
      L.data = { left: dataLeft, top: pad, width: W - dataLeft - pad, height: L.H - 2 * pad - axisH };
    } else {
      const cw = W - 2 * pad;
      L.readoutLines = this.readoutLines(...readout, cw);
      const readH = L.readoutLines * s.font * 1.35 + pad;
      L.legendH = legendHeight(keyEntries(this.w, 'neuron'), cw, s);
      const dh = Math.round((cw * ey) / ex);
      L.readout = { left: pad, top: pad, width: cw, height: readH };
      L.diagram = { left: pad, top: pad + readH, width: cw, height: dh };
      L.legend = { left: pad, top: pad + readH + dh, width: cw, height: L.legendH };
      const dataTop = L.legend.top + L.legendH + pad;
      const panelsH = 3 * captionHeight(s) + s.small * 2.4 + 60 + 100 + 150;
      L.data = { left: pad, top: dataTop, width: cw, height: panelsH };
      L.H = Math.round(dataTop + panelsH + axisH + pad);
    }
    // data panels, each under its caption
    const d = L.data;
    const tickW = Math.max(yTickWidth(0, this.h.axes.g_top_nS, s.small), yTickWidth(...this.h.axes.v_range, s.small));
    const mL = Math.ceil(Math.max(tickW, rowLabelW) + s.small * 0.8);
    const rightPad = textWidth(num(this.h.duration_ms), s.small) / 2 + 2;
    const plot = { left: d.left + mL, width: Math.max(40, d.width - mL - rightPad) };
    const gKey = this.gKeyItems();
    const gKeyW = gKey.reduce((acc, k) => acc + k.width, 0);
    const gCaptionW = textWidth(this.w.g_title, s.small) + s.small * 2 + gKeyW;
    L.gCaptionLines = gCaptionW <= plot.width + mL ? 1 : 2;
    const capH = captionHeight(s);
    const gap = s.small * 0.8;
    const room = d.height - 3 * capH - (L.gCaptionLines - 1) * s.small * 1.3 - 2 * gap;
    const rasterH = Math.max(Math.ceil(2.7 * s.small), Math.round(room * 0.17)); // two rows of labels
    const gH = Math.max(56, Math.round(room * 0.33));
    const vH = Math.max(80, room - rasterH - gH);
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
    if (!wide) L.H = Math.round(L.vpanel.top + vH + axisH + pad);
    this.L = L;
    return L.H;
  }

  gKeyItems() {
    const p = this.s.palette;
    return [
      { text: this.w.g_key_glutamate, color: p.glutamate, dash: null },
      { text: this.w.g_key_gaba, color: p.gaba, dash: '6 4' },
    ].map((k) => ({ ...k, width: this.s.small * 2.2 + textWidth(k.text, this.s.small) + this.s.small * 1.2 }));
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
    legend(svg, keyEntries(w, 'neuron'), L.legend, s);
    // readout
    [this.readT, this.readN] = this.readouts(svg, L.readout, L.readoutLines, fill(w.readout_time, { t: 1000 }));
    this.drawData(svg);
  }

  drawDiagram(svg) {
    const { s, L, geo } = this;
    const p = s.palette;
    const [ex, ey] = geo.extent;
    const box = L.diagram;
    const k = Math.min(box.width / ex, box.height / ey);
    const ox = box.left + (box.width - ex * k) / 2;
    const oy = box.top + (box.height - ey * k) / 2;
    const X = (x) => ox + x * k;
    const Y = (y) => oy + (ey - y) * k;
    this.X = X;
    this.Y = Y;
    this.k = k;
    const g = el('g', { class: 'ei-diagram' }, svg);
    for (const [[x0, y0], [x1, y1]] of geo.dendrites) {
      el('line', { x1: round(X(x0)), y1: round(Y(y0)), x2: round(X(x1)), y2: round(Y(y1)), stroke: p.membrane, 'stroke-width': round(geo.dendrite_width * k), 'stroke-linecap': 'round' }, g);
    }
    const [[ax0, ay0], [ax1, ay1]] = geo.axon;
    el('line', { x1: round(X(ax0)), y1: round(Y(ay0)), x2: round(X(ax1)), y2: round(Y(ay1)), stroke: p.membrane, 'stroke-width': round(geo.dendrite_width * k * 0.55), 'stroke-linecap': 'round' }, g);
    const [scx, scy, sr] = geo.soma;
    this.soma = el('circle', { cx: round(X(scx)), cy: round(Y(scy)), r: round(sr * k), fill: p.cytoplasm, stroke: p.membrane, 'stroke-width': Math.max(2, s.line) }, g);
    // the soma's label fits inside it
    const somaFont = Math.max(9, Math.min(s.font, (1.7 * sr * k) / Math.max(1, textWidth(fill(this.w.soma_v, { v: '−88' }), 1))));
    this.somaFont = somaFont;
    this.somaLabel = label(g, '', X(scx), Y(scy), somaFont, p.text, { 'text-anchor': 'middle', 'dominant-baseline': 'middle', 'font-weight': 'bold' });
    const placed = [labelBox(fill(this.w.soma_v, { v: '−88' }), X(scx), Y(scy), somaFont, 'middle')];
    // fixed labels: "dendrite" over the horizontal dendrite, "axon ->" over the axon
    const dend = geo.dendrites[1];
    this.placeFixed(g, this.w.dendrite, X(dend[1][0]), Y(dend[1][1]) - geo.dendrite_width * k - s.small * 0.7, placed, 'start');
    this.placeFixed(g, this.w.axon, X((ax0 + ax1) / 2 + 0.6), Y(ay0) - geo.dendrite_width * k - s.small * 0.7, placed, 'start');
    // synapses
    const sites = [...geo.glutamate_sites.map((q) => [q, 'glutamate']), ...geo.gaba_sites.map((q) => [q, 'gaba'])];
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
    this.walls = el('path', { fill: 'none', stroke: p.outline, 'stroke-width': round(clamp(0.09 * k, 2.5, 6)), 'stroke-linecap': 'round' }, g);
    this.cations = el('path', { fill: 'none', stroke: p.glutamate, 'stroke-width': round(Math.max(2, 0.05 * k)) }, g);
    this.anions = el('path', { fill: 'none', stroke: p.gaba, 'stroke-width': round(Math.max(2.5, 0.07 * k)) }, g);
    this.axonStars = el('path', { fill: p.spike, stroke: p.outline, 'stroke-width': 1.2 }, g);
    // gate labels: the first free spot around each bouton
    const somaBox = { left: X(scx - sr), right: X(scx + sr), top: Y(scy + sr), bottom: Y(scy - sr) };
    const area = { left: L.diagram.left, right: L.diagram.left + L.diagram.width, top: L.diagram.top, bottom: L.diagram.top + L.diagram.height };
    // the membrane (dendrites, axon) and each gate with its ions' path are obstacles too
    const segments = [...geo.dendrites, geo.axon].map(([[x0, y0], [x1, y1]]) => [X(x0), Y(y0), X(x1), Y(y1)]);
    const reachOut = geo.ion_path[0];
    for (const [[x, y, nx, ny]] of sites) {
      const r = 0.25 * k;
      const gx = X(x + nx * reachOut * 0.4);
      const gy = Y(y + ny * reachOut * 0.4);
      markers.push({ left: gx - r, right: gx + r, top: gy - r, bottom: gy + r });
    }
    this.membrane = { segments, halfWidth: (geo.dendrite_width * k) / 2 };
    this.gateLabels = sites.map(([[x, y, nx, ny]], i) => {
      const bx = X(x + nx * geo.bouton_offset);
      const by = Y(y + ny * geo.bouton_offset);
      const spot = this.gateLabelSpot(bx, by, nx, -ny, [...placed, ...markers.filter((_, j) => j !== i && j !== i + sites.length), somaBox], area);
      if (!spot) return null;
      placed.push(spot.box);
      return label(g, '', spot.x, spot.y, spot.px, p.text, { 'text-anchor': 'middle', 'dominant-baseline': 'middle' });
    });
  }

  placeFixed(g, text, x, y, placed, anchor) {
    const box = labelBox(text, x, y, this.s.small, anchor);
    if (placed.some((b) => overlaps(b, box, 2))) return null;
    placed.push(box);
    return label(g, text, x, y, this.s.small, this.s.palette.muted_text, { 'text-anchor': anchor, 'dominant-baseline': 'middle' });
  }

  // Around the bouton at (bx, by) with outward normal (ux, uy) in screen axes: outward first, then turning.
  gateLabelSpot(bx, by, ux, uy, taken, area) {
    const text = fill(this.w.gate_g, { g: GATE_TEMPLATE });
    for (const shrink of [1, 0.9, 0.8, 0.7]) {
      const px = Math.max(8, this.s.small * shrink);
      const w = textWidth(text, px) + 2;
      const hgt = px * 1.2;
      for (const turn of [0, 40, -40, 80, -80, 120, -120, 160, -160, 180]) {
        const a = (turn * Math.PI) / 180;
        const dx = ux * Math.cos(a) - uy * Math.sin(a);
        const dy = ux * Math.sin(a) + uy * Math.cos(a);
        const reach = this.bouton / 2 + 3 + 0.5 * (Math.abs(dx) * w + Math.abs(dy) * hgt);
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
    // a spike is shown for at least ~60 ms of wall-clock time, whatever the speed
    const flash = Math.max(2, 60 * pace);
    const lastSpike = this.lastSpikeAtOrBefore(t);
    const spiking = lastSpike !== null && t - lastSpike <= flash;
    this.soma.setAttribute('fill', spiking ? p.spike : colorAt(h.soma_stops, v));
    this.setText(this.somaLabel, 'soma', spiking ? w.soma_spike : fill(w.soma_v, { v: num(v) }));
    let walls = '';
    let cations = '';
    let anions = '';
    const ionSize = clamp(0.2 * this.k, 6, 16);
    const gates = [
      [geo.glutamate_sites, this.glu, this.phases[0], 'cation'],
      [geo.gaba_sites, this.gaba, this.phases[1], 'anion'],
    ];
    let labelIndex = 0;
    for (const [sites, traces, phases, ion] of gates) {
      sites.forEach(([x, y, nx, ny], i) => {
        const gnS = sampleAt(traces[i], f);
        const o = this.opening(gnS);
        const tx = -ny;
        const ty = nx;
        const half = 0.5 * (0.05 + geo.max_gap * o);
        const wl = geo.wall_length / 2;
        for (const sign of [-1, 1]) {
          const cx = x + sign * half * tx;
          const cy = y + sign * half * ty;
          walls += `M${round(X(cx - wl * nx), 1)} ${round(Y(cy - wl * ny), 1)}L${round(X(cx + wl * nx), 1)} ${round(Y(cy + wl * ny), 1)}`;
        }
        const shown = Math.ceil(geo.ions_per_gate * o - 0.15);
        const ph = sampleAt(phases[i], f);
        const [pOut, pIn] = geo.ion_path;
        for (let j = 0; j < shown; j++) {
          const frac = (((ph + j / geo.ions_per_gate) % 1) + 1) % 1;
          const dd = pOut - frac * (pOut + pIn);
          const wob = 0.06 * (j - 1);
          const px = X(x + dd * nx + wob * tx);
          const py = Y(y + dd * ny + wob * ty);
          if (ion === 'cation') cations += plus(px, py, ionSize);
          else anions += minus(px, py, ionSize);
        }
        const node = this.gateLabels[labelIndex];
        if (node) this.setText(node, 'g' + labelIndex, fill(w.gate_g, { g: gnS < 99.95 ? gnS.toFixed(1) : gnS.toFixed(0) }));
        labelIndex++;
      });
    }
    this.walls.setAttribute('d', walls);
    this.cations.setAttribute('d', cations);
    this.anions.setAttribute('d', anions);
    // spikes running down the axon
    const [[ax0, ay], [ax1]] = geo.axon;
    let stars = '';
    for (let i = this.firstSpikeAfter(t - geo.axon_travel_ms); i < this.spikes.length && this.spikes[i] <= t; i++) {
      const frac = (t - this.spikes[i]) / geo.axon_travel_ms;
      stars += star(X(ax0 + frac * (ax1 - ax0)), Y(ay), clamp(0.5 * this.k, 14, 34));
    }
    this.axonStars.setAttribute('d', stars);
    this.setText(this.readT, 'time', fill(w.readout_time, { t: Math.round(t) }));
    this.setText(this.readN, 'count', fill(w.readout_spikes, { n: this.firstSpikeAfter(t) }));
    const cx = round(this.x(t), 1);
    for (const c of this.cursors) {
      c.setAttribute('x1', cx);
      c.setAttribute('x2', cx);
    }
  }


  // Index of the first spike later than t (= the number of spikes up to and including t).
  firstSpikeAfter(t) {
    return bisect(this.spikes.length, (i) => this.spikes[i] > t);
  }

  lastSpikeAtOrBefore(t) {
    const i = this.firstSpikeAfter(t);
    return i > 0 ? this.spikes[i - 1] : null;
  }
}
