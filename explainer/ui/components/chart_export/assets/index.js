// A static chart's image with its settings drawn under it (explainer/ui/components/chart_export).  It shows nothing.
//
// Plotly's camera button ("Download plot as a png") saves the chart under the name the app gives it, with no
// caption, and its options cannot add one.  For each chart this component is mounted for, a click on that button
// (by mouse, or by Enter and Space, which the page_keys component turns into a click) is taken over before
// Plotly's own handler sees it: the chart's SVG layers, as drawn, are painted onto a canvas scaled to the export's
// width, the settings are written along the bottom (wrapped between settings where a line would be too long), and
// the canvas is saved as a PNG under the same name.  The lines drawn are left on the chart's element
// (data-export-caption), since a PNG's text cannot be read back.

/**
 * The component's data (explainer/ui/components/chart_export/__init__.py, ChartExportData).
 * @typedef {Object} ChartExportData
 * @property {string} chart_class - the class of the chart's element on the page ("st-key-<key>")
 * @property {string} filename - the image's file name, without ".png"
 * @property {string} caption - every setting the chart was drawn at, drawn along the image's bottom
 * @property {string} separator - what stands between two settings in the caption (a line may break there)
 * @property {number} width_px - the image's width; its height follows the chart's shape, plus the caption
 * @property {string} font - the caption's font family (the charts' own)
 * @property {number} font_px - the caption's type size at the chart's size on the page (scaled with the chart)
 * @property {number} min_font_px - the caption's smallest type size in the image
 * @property {string} text_color - the caption's colour
 * @property {string} background - the image's background (the charts' own)
 */

const CAMERA = '.modebar-btn';
const LINE_HEIGHT = 1.35;
const REVOKE_AFTER_MS = 60000; // the image's data is let go once the download has surely taken it

const charts = new Map(); // parentElement -> ChartExportData: the mounted instances, one per chart
let listening = null; // the AbortController of the one click listener, while any instance is mounted

/** The data of the chart whose camera button `target` is, or null (another button, or a chart not taken over). */
function takenOver(target) {
  const button = target instanceof Element ? target.closest(CAMERA) : null;
  if (!button || !/png/i.test(button.getAttribute('data-title') || '')) return null;
  for (const d of charts.values()) {
    const owner = button.closest(`.${CSS.escape(d.chart_class)}`);
    if (owner) return { owner, d };
  }
  return null;
}

/**
 * `text` in lines no wider than `width`: broken at `separator` (between settings), and within a setting only where
 * it alone is wider.
 */
export function wrapCaption(text, separator, width, measure) {
  const lines = [];
  let line = '';
  const push = (piece, joiner) => {
    const joined = line ? line + joiner + piece : piece;
    if (!line || measure(joined) <= width) {
      line = joined;
      return;
    }
    lines.push(line);
    line = piece;
  };
  for (const setting of text ? text.split(separator) : []) {
    if (measure(setting) <= width) {
      push(setting, separator);
      continue;
    }
    setting.split(' ').forEach((word, i) => push(word, i === 0 ? separator : ' '));
  }
  if (line) lines.push(line);
  return lines;
}

/** One of the chart's SVG layers as an image, at its size on the page. */
async function layerImage(svg, box) {
  const copy = svg.cloneNode(true);
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('width', String(box.width));
  copy.setAttribute('height', String(box.height));
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(copy))}`;
  await image.decode();
  return image;
}

async function save(owner, d) {
  const plot = owner.querySelector('.js-plotly-plot');
  if (!plot) return;
  const box = plot.getBoundingClientRect();
  const scale = d.width_px / box.width;
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d');
  const px = Math.max(d.min_font_px, Math.round(d.font_px * scale)); // as the chart's own small type, scaled
  const font = `${px}px ${d.font}`;
  ctx.font = font;
  const pad = Math.round(px * 0.8);
  const lines = wrapCaption(d.caption, d.separator, d.width_px - 2 * pad, (t) => ctx.measureText(t).width);
  const step = px * LINE_HEIGHT;
  const chartH = Math.round(box.height * scale);
  canvas.width = d.width_px;
  canvas.height = chartH + (lines.length ? Math.ceil(lines.length * step + 2 * pad) : 0);
  ctx.fillStyle = d.background;
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  for (const svg of plot.querySelectorAll('svg.main-svg')) {
    const layer = svg.getBoundingClientRect();
    const image = await layerImage(svg, layer);
    ctx.drawImage(image, (layer.left - box.left) * scale, (layer.top - box.top) * scale,
      layer.width * scale, layer.height * scale);
  }
  ctx.font = font; // the canvas was resized since: its state was reset
  ctx.fillStyle = d.text_color;
  ctx.textBaseline = 'middle';
  lines.forEach((line, i) => ctx.fillText(line, pad, chartH + pad + (i + 0.5) * step));
  owner.dataset.exportCaption = lines.join('\n');
  const blob = await new Promise((resolve) => { canvas.toBlob(resolve, 'image/png'); });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = `${d.filename}.png`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), REVOKE_AFTER_MS);
}

function onClick(e) {
  const hit = takenOver(e.target);
  if (!hit) return;
  e.preventDefault();
  e.stopImmediatePropagation(); // Plotly's own handler, on the button itself, never runs
  save(hit.owner, hit.d).catch((err) => console.error('chart_export: the image could not be made', err));
}

/** @param {{data: ChartExportData, parentElement: Element}} component */
export default function chartExport(component) {
  const { data, parentElement } = component;
  charts.set(parentElement, data);
  if (!listening) {
    listening = new AbortController();
    document.addEventListener('click', onClick, { capture: true, signal: listening.signal });
  }
  return () => {
    if (parentElement.isConnected) return; // a superseded run's cleanup: the chart is still on the page
    charts.delete(parentElement);
    if (charts.size === 0 && listening) {
      listening.abort();
      listening = null;
    }
  };
}
