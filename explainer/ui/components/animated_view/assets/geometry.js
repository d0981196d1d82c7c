// Pure helpers of the views (no DOM): numbers and text as the views print them, boxes, segments, shapes as
// SVG path data, sampling and searching sorted arrays.

export function round(x, digits = 2) {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

export function clamp(x, lo, hi) {
  return Math.min(hi, Math.max(lo, x));
}

// Fill "{{name}}" placeholders (the one template syntax of the app's word lists: content/words/views.toml).
export function fill(template, values) {
  return String(template).replace(/\{\{\s*(\w+)\s*\}\}/g, (m, k) => (k in values ? String(values[k]) : m));
}

const formats = new Map(); // "lang|digits" -> its Intl.NumberFormat (made once: a view writes numbers every frame)

function numberFormat(lang, digits) {
  const key = `${lang}|${digits}`;
  if (!formats.has(key)) {
    let f;
    try {
      f = new Intl.NumberFormat(lang, { minimumFractionDigits: digits, maximumFractionDigits: digits });
    } catch {
      f = new Intl.NumberFormat('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });
    }
    formats.set(key, f);
  }
  return formats.get(key);
}

// A number as the views print it, in the page's language `lang` (the header's): fixed digits, its decimal sign and
// groups (6,7 and 12.345 in German; Spanish groups from five digits), a true minus sign (U+2212, where Intl writes
// a hyphen), no "−0", never "NaN".  The server writes its numbers the same way (explainer/content/format.py, num).
export function num(x, digits = 0, lang = 'en') {
  if (!Number.isFinite(x)) return '–';
  const size = numberFormat(lang, digits).format(Math.abs(x));
  return (x < 0 && Number(Math.abs(x).toFixed(digits)) !== 0 ? '−' : '') + size;
}

// The box of a label `width` px wide at (x, y) in type of `px`, anchored and aligned as SVG text is.
export function textBox(width, x, y, px, anchor = 'start', baseline = 'middle') {
  const h = px * 1.2;
  const left = anchor === 'middle' ? x - width / 2 : anchor === 'end' ? x - width : x;
  const top = baseline === 'middle' ? y - h / 2 : baseline === 'hanging' ? y : y - h * 0.8;
  return { left, top, right: left + width, bottom: top + h };
}

export function overlaps(a, b, margin = 0) {
  return a.left < b.right + margin && b.left < a.right + margin && a.top < b.bottom + margin && b.top < a.bottom + margin;
}

export function inside(box, area) {
  return box.left >= area.left && box.right <= area.right && box.top >= area.top && box.bottom <= area.bottom;
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

// The linear map from [d0, d1] onto [r0, r1], with its inverse.
export function scale(d0, d1, r0, r1) {
  const k = (r1 - r0) / (d1 - d0 || 1);
  const f = (v) => r0 + (v - d0) * k;
  f.invert = (p) => d0 + (p - r0) / k;
  return f;
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

export const SHAPES = { triangle, circle, plus, minus, star };
