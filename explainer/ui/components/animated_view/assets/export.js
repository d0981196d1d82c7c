// "Save image": the view as a 1920x1080 PNG (without the controls), drawn afresh at that size with type
// for a projector, at the time on screen, and downloaded under the name the data gives (the settings).

import { SVG_NS } from './svg.js';

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
  view.layout(EXPORT_W, EXPORT_H, EXPORT_H);
  view.draw();
  view.frame(tMs, pace);
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
