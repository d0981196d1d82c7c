// Building the views' SVG (DOM): elements, and text that is measured before it is placed.

import { round, textBox } from './geometry.js';

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
  return textBox(textWidth(text, px), x, y, px, anchor, baseline);
}
