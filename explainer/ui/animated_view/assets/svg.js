// Small helpers for building the views' SVG: elements, text that is measured before it is placed, numbers.

export const SVG_NS = 'http://www.w3.org/2000/svg';
export const FONT_FAMILY = 'DejaVu Sans, Arial, Helvetica, sans-serif';

export function el(tag, attrs = {}, parent = null) {
  const node = document.createElementNS(SVG_NS, tag);
  setAttrs(node, attrs);
  if (parent) parent.appendChild(node);
  return node;
}

export function setAttrs(node, attrs) {
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined) node.removeAttribute(k);
    else node.setAttribute(k, String(v));
  }
  return node;
}

let measureCtx = null;

// Width in px of `text` at `px` in the views' font (canvas metrics, the same font the SVG uses).
export function textWidth(text, px) {
  if (!measureCtx) measureCtx = document.createElement('canvas').getContext('2d');
  measureCtx.font = `${px}px ${FONT_FAMILY}`;
  return measureCtx.measureText(String(text)).width;
}

// A text element: class "ei-t" marks every label (the browser tests measure them all).
export function label(parent, text, x, y, px, color, extra = {}) {
  const node = el('text', {
    class: 'ei-t',
    x: round(x),
    y: round(y),
    'font-size': px,
    'font-family': FONT_FAMILY,
    fill: color,
    ...extra,
  }, parent);
  node.textContent = text;
  return node;
}

// The box a label drawn with label() occupies (approximate: canvas metrics and the font size).
export function labelBox(text, x, y, px, anchor = 'start', baseline = 'middle') {
  const w = textWidth(text, px);
  const h = px * 1.2;
  const left = anchor === 'middle' ? x - w / 2 : anchor === 'end' ? x - w : x;
  const top = baseline === 'middle' ? y - h / 2 : baseline === 'hanging' ? y : y - h * 0.8;
  return { left, top, right: left + w, bottom: top + h };
}

export function overlaps(a, b, margin = 0) {
  return a.left < b.right + margin && b.left < a.right + margin && a.top < b.bottom + margin && b.top < a.bottom + margin;
}

// Does the segment (x0, y0)-(x1, y1), drawn `halfWidth` thick, touch `box`?  (Liang-Barsky clipping.)
export function segmentHitsBox(x0, y0, x1, y1, halfWidth, box) {
  const b = { left: box.left - halfWidth, right: box.right + halfWidth, top: box.top - halfWidth, bottom: box.bottom + halfWidth };
  const dx = x1 - x0;
  const dy = y1 - y0;
  let t0 = 0;
  let t1 = 1;
  for (const [p, q] of [[-dx, x0 - b.left], [dx, b.right - x0], [-dy, y0 - b.top], [dy, b.bottom - y0]]) {
    if (p === 0) {
      if (q < 0) return false;
    } else {
      const r = q / p;
      if (p < 0) t0 = Math.max(t0, r);
      else t1 = Math.min(t1, r);
      if (t0 > t1) return false;
    }
  }
  return true;
}

export function inside(box, area) {
  return box.left >= area.left && box.right <= area.right && box.top >= area.top && box.bottom <= area.bottom;
}

export function round(x, digits = 2) {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

// Fill "{{name}}" placeholders (the one template syntax of explainer/content/view_words.py).
export function fill(template, values) {
  return String(template).replace(/\{\{\s*(\w+)\s*\}\}/g, (m, k) => (k in values ? String(values[k]) : m));
}

// A number as the views print it: fixed digits, a true minus sign, never "NaN".
export function num(x, digits = 0) {
  if (!Number.isFinite(x)) return '–';
  const s = Math.abs(x).toFixed(digits);
  return (x < 0 && Number(s) !== 0 ? '−' : '') + s;
}

export function clamp(x, lo, hi) {
  return Math.min(hi, Math.max(lo, x));
}

// Linear interpolation in an evenly sampled array at fractional index f.
export function sampleAt(values, f) {
  const n = values.length;
  if (n === 0) return 0;
  if (f <= 0) return values[0];
  if (f >= n - 1) return values[n - 1];
  const i = Math.floor(f);
  const w = f - i;
  return values[i] * (1 - w) + values[i + 1] * w;
}

// Path data of a polyline through (xs[i], ys[i]).
export function polyline(xs, ys) {
  let d = '';
  for (let i = 0; i < xs.length; i++) d += (i ? 'L' : 'M') + round(xs[i], 1) + ' ' + round(ys[i], 1);
  return d;
}

// Marker shapes as path data centred on (x, y) with size s (px).
export function triangle(x, y, s) {
  const h = s * 0.866;
  return `M${round(x - s / 2, 1)} ${round(y + h / 3, 1)}L${round(x + s / 2, 1)} ${round(y + h / 3, 1)}L${round(x, 1)} ${round(y - (2 * h) / 3, 1)}Z`;
}

export function circle(x, y, s) {
  const r = s / 2;
  return `M${round(x - r, 1)} ${round(y, 1)}a${round(r, 1)} ${round(r, 1)} 0 1 0 ${round(2 * r, 1)} 0a${round(r, 1)} ${round(r, 1)} 0 1 0 ${round(-2 * r, 1)} 0Z`;
}

export function star(x, y, s) {
  let d = '';
  for (let k = 0; k < 10; k++) {
    const r = k % 2 ? s * 0.22 : s * 0.5;
    const a = -Math.PI / 2 + (k * Math.PI) / 5;
    d += (k ? 'L' : 'M') + round(x + r * Math.cos(a), 1) + ' ' + round(y + r * Math.sin(a), 1);
  }
  return d + 'Z';
}

export function plus(x, y, s) {
  const h = s / 2;
  return `M${round(x - h, 1)} ${round(y, 1)}h${round(s, 1)}M${round(x, 1)} ${round(y - h, 1)}v${round(s, 1)}`;
}

export function minus(x, y, s) {
  const h = s / 2;
  return `M${round(x - h, 1)} ${round(y, 1)}h${round(s, 1)}`;
}

// Colour between stops [[value, "#RRGGBB"], ...] (piecewise linear, clamped at both ends).
export function colorAt(stops, v) {
  if (v <= stops[0][0]) return stops[0][1];
  const last = stops[stops.length - 1];
  if (v >= last[0]) return last[1];
  for (let k = 1; k < stops.length; k++) {
    const [v1, c1] = stops[k];
    const [v0, c0] = stops[k - 1];
    if (v <= v1) {
      const f = (v - v0) / (v1 - v0);
      const a = hex(c0);
      const b = hex(c1);
      const mix = a.map((x, i) => Math.round(x + f * (b[i] - x)));
      return '#' + mix.map((x) => x.toString(16).padStart(2, '0')).join('').toUpperCase();
    }
  }
  return last[1];
}

function hex(c) {
  const s = c.replace('#', '');
  return [0, 2, 4].map((i) => parseInt(s.slice(i, i + 2), 16));
}

// The first index i in [0, n) for which isAfter(i) is true (isAfter false ... false true ... true), or n.
export function bisect(n, isAfter) {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (isAfter(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
