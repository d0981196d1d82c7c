// "Save image": the view as a 1920x1080 PNG (without the controls), drawn afresh at that size with type
// for a projector, at the time on screen, with its settings as a caption along the bottom, and downloaded under
// the name the data gives (the settings that differ from the page's defaults).

import { LINE_SPACING, viewSizes, wrapText } from './layout.js';
import { SVG_NS, label, textWidth } from './svg.js';

export const EXPORT_W = 1920;
export const EXPORT_H = 1080;

export async function saveImage(ViewClass, data, tMs, pace) {
  const h = data.header;
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('xmlns', SVG_NS);
  svg.setAttribute('width', EXPORT_W);
  svg.setAttribute('height', EXPORT_H);
  svg.setAttribute('viewBox', `0 0 ${EXPORT_W} ${EXPORT_H}`);
  const view = new ViewClass(svg);
  view.setData(data, h.export_sizes);
  const s = viewSizes(h, h.export_sizes);
  const pad = Math.round(s.font * 0.5);
  const lines = wrapText(h.export_caption || '', EXPORT_W - 2 * pad, s.small, textWidth);
  const step = s.small * LINE_SPACING;
  const captionH = lines.length ? Math.ceil(lines.length * step + pad) : 0;
  view.layout(EXPORT_W, EXPORT_H - captionH, EXPORT_H - captionH);
  view.draw();
  view.frame(tMs, pace);
  lines.forEach((line, i) => {
    const y = EXPORT_H - captionH + (i + 0.5) * step;
    label(svg, line, pad, y, s.small, h.palette.text, { 'dominant-baseline': 'middle', class: 'ei-t ei-export-caption' });
  });
  const text = new XMLSerializer().serializeToString(svg);
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    await new Promise((resolve, reject) => {
      image.onload = resolve;
      image.onerror = () => reject(new Error('animated view: the image could not be drawn'));
      image.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = EXPORT_W;
    canvas.height = EXPORT_H;
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = h.palette.background;
    ctx.fillRect(0, 0, EXPORT_W, EXPORT_H);
    ctx.drawImage(image, 0, 0);
    const blob = await new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
    const name = `${h.export_name}_t${Math.round(tMs)}ms.png`;
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = name;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    return name;
  } finally {
    URL.revokeObjectURL(url);
  }
}
