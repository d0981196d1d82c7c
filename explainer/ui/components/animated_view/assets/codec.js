// Reads the payload written by explainer/figures/view_codec.py (pure):
//   "EIV1" | header length (uint32 LE) | header JSON (UTF-8) | arrays, each on a 4-byte boundary.
// Quantised uint16 arrays are turned back into floats: value = min + raw * scale.
//
// The header's shape is declared here and in explainer/figures/view_header.py, with the same names and
// fields (tests/figures/test_view_header.py compares them).

/**
 * Where one array lies in the payload and how to read it.
 * @typedef {Object} ArrayDescriptor
 * @property {string} dtype - "f32", "u16" (quantised: min + raw * scale) or "u8"
 * @property {number} offset - bytes from the payload's start, a multiple of 4
 * @property {number} length - elements
 * @property {number[]} shape
 * @property {number} min
 * @property {number} scale
 */

/**
 * Type and line sizes in CSS px.
 * @typedef {Object} ViewSizes
 * @property {number} font_px
 * @property {number} small_font_px
 * @property {number} line_px
 * @property {number} scale
 * @property {number} min_label_px - no label smaller (0: no floor; style.PRESENTER_MIN_LABEL_PX in presenter mode)
 */

/**
 * What every view's header holds.
 * @typedef {Object} ViewHeader
 * @property {string} kind - "neuron" or "network": the view that draws it
 * @property {string} id - the settings drawn: the view shows it once drawn
 * @property {number} duration_ms
 * @property {number} play_rate - simulated ms per wall-clock ms at 1x
 * @property {boolean} calm - reduce motion: the final state, no autoplay
 * @property {string} alt - the figure's text alternative
 * @property {string} export_name - the saved image's file name, before its time
 * @property {string} export_caption - the settings, drawn at the bottom of the saved image ("" for none)
 * @property {string[]} link_private - link parameters "Copy link" leaves out (a class's seat)
 * @property {Object<string, string>} link_params - link parameters "Copy link" sets (the page's language)
 * @property {string} lang - the page's language (a BCP 47 tag): the browser writes the view's numbers in it
 * @property {Object<string, string>} palette - named colours of this profile
 * @property {ViewSizes} sizes
 * @property {ViewSizes} export_sizes - in the 1920 x 1080 image
 * @property {string} profile - "laptop" or "projector"
 * @property {number} wide_min_px - the view lays its parts side by side from this width, one above another below it
 * @property {Object<string, string>} words - every text the view and its controls show
 * @property {Object<string, ArrayDescriptor>} arrays
 */

/**
 * @typedef {Object} NeuronCell
 * @property {number} V_th_mV
 * @property {number} E_exc_mV
 * @property {number} E_gaba_mV
 * @property {number} E_L_mV
 * @property {number} spike_peak_mV - where a spike is drawn to
 */

/**
 * @typedef {Object} NeuronAxes
 * @property {number[]} v_range - [lo, hi] mV
 * @property {number} g_top_nS
 */

/**
 * The cell in diagram units (y up).
 * @typedef {Object} NeuronGeometry
 * @property {number[]} extent
 * @property {number[]} soma - [x, y, radius]
 * @property {number[][]} axon
 * @property {number[][][]} dendrites
 * @property {number} dendrite_width
 * @property {number[][]} glutamate_sites - [x, y, nx, ny]: a point on the membrane and its outward normal
 * @property {number[][]} gaba_sites
 * @property {number} bouton_offset
 * @property {number} wall_length
 * @property {number} max_gap
 * @property {number} g_half_open_nS
 * @property {number} ions_per_gate
 * @property {number[]} ion_path - [outside, inside] reach of an ion's path
 * @property {number} ion_speed_per_ms
 * @property {number} ion_full_speed_mV
 * @property {number} axon_travel_ms
 */

/**
 * The neuron view's own fields.
 * @typedef {Object} NeuronFields
 * @property {number} sample_ms - the arrays' time step
 * @property {number} raster_bin_ms
 * @property {number} env_bin_ms
 * @property {Array<Array<number|string>>} soma_stops - [[mV, "#RRGGBB"], ...]: the soma's shading by V
 * @property {NeuronCell} cell
 * @property {NeuronAxes} axes
 * @property {NeuronGeometry} geometry
 */

/** @typedef {ViewHeader & NeuronFields} NeuronHeader */

/**
 * @typedef {Object} NetworkRaster
 * @property {number} exc_rows
 * @property {number} inh_rows
 * @property {number} gap_rows
 * @property {number} bin_ms
 * @property {number} bins
 * @property {number} highlight_ms - the spikes of this last stretch light up
 */

/**
 * @typedef {Object} NetworkRates
 * @property {number} bin_ms
 * @property {number} top - the rate axis's top, Hz
 */

/**
 * The circuit diagram in diagram units.
 * @typedef {Object} NetworkCircuit
 * @property {number[]} x_range
 * @property {number[]} y_range
 * @property {Object[]} nodes - {x, y, shape, color, text}
 * @property {number[]} node_px - [base px, px per Hz, most px]
 * @property {number} node_max_units
 * @property {Object[]} paths - {points, width, color, head, dash}
 * @property {Object[]} labels - {x, y, text, color}
 */

/**
 * The network view's own fields.
 * @typedef {Object} NetworkFields
 * @property {NetworkRaster} raster
 * @property {NetworkRates} rates
 * @property {NetworkCircuit} circuit
 */

/** @typedef {ViewHeader & NetworkFields} NetworkHeader */

/**
 * One array of the payload, as floats (or bytes for u8) with its shape.
 * @typedef {Object} ViewArray
 * @property {Float32Array|Uint8Array} values
 * @property {number[]} shape
 */

const MAGIC = 'EIV1';

function copyOut(bytes, offset, nbytes) {
  // A typed array view needs an aligned buffer; the payload's own buffer may start anywhere.
  return bytes.slice(offset, offset + nbytes).buffer;
}

function readArray(bytes, d) {
  if (d.dtype === 'u8') return bytes.subarray(d.offset, d.offset + d.length);
  if (d.dtype === 'f32') return new Float32Array(copyOut(bytes, d.offset, 4 * d.length));
  if (d.dtype !== 'u16') throw new Error(`animated view: unknown dtype ${d.dtype}`);
  const raw = new Uint16Array(copyOut(bytes, d.offset, 2 * d.length));
  const values = new Float32Array(raw.length);
  for (let i = 0; i < raw.length; i++) values[i] = d.min + raw[i] * d.scale;
  return values;
}

/**
 * The header and the arrays of a payload.
 * @param {Uint8Array} bytes
 * @returns {{header: NeuronHeader | NetworkHeader, arrays: Object<string, ViewArray>}}
 */
export function decode(bytes) {
  if (!(bytes instanceof Uint8Array) || bytes.byteLength < 8) {
    throw new Error('animated view: the payload is not bytes');
  }
  const magic = String.fromCharCode(bytes[0], bytes[1], bytes[2], bytes[3]);
  if (magic !== MAGIC) throw new Error('animated view: unknown payload format');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = view.getUint32(4, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + n)));
  const arrays = {};
  for (const [name, d] of Object.entries(header.arrays)) arrays[name] = { values: readArray(bytes, d), shape: d.shape };
  return { header, arrays };
}

// Row r of a 2-D array (shape [rows, cols]) as a subarray (no copy).
export function row(array, r) {
  const cols = array.shape[1];
  return array.values.subarray(r * cols, (r + 1) * cols);
}
