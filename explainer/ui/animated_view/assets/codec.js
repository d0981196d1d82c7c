// Reads the payload written by explainer/figures/view_codec.py:
//   "EIV1" | header length (uint32 LE) | header JSON (UTF-8) | arrays, each on a 4-byte boundary.
// Quantised uint16 arrays are turned back into floats: value = min + raw * scale.

const MAGIC = 'EIV1';

function copyOut(bytes, offset, nbytes) {
  // A typed array view needs an aligned buffer; the payload's own buffer may start anywhere.
  return bytes.slice(offset, offset + nbytes).buffer;
}

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
  for (const [name, d] of Object.entries(header.arrays)) {
    let values;
    if (d.dtype === 'u8') {
      values = bytes.subarray(d.offset, d.offset + d.length);
    } else if (d.dtype === 'u16') {
      const raw = new Uint16Array(copyOut(bytes, d.offset, 2 * d.length));
      values = new Float32Array(raw.length);
      for (let i = 0; i < raw.length; i++) values[i] = d.min + raw[i] * d.scale;
    } else if (d.dtype === 'f32') {
      values = new Float32Array(copyOut(bytes, d.offset, 4 * d.length));
    } else {
      throw new Error(`animated view: unknown dtype ${d.dtype}`);
    }
    arrays[name] = { values, shape: d.shape };
  }
  return { header, arrays };
}

// Row r of a 2-D array (shape [rows, cols]) as a subarray (no copy).
export function row(array, r) {
  const cols = array.shape[1];
  return array.values.subarray(r * cols, (r + 1) * cols);
}
