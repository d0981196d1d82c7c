import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { decode, row } from '../../explainer/ui/components/animated_view/assets/codec.js';
import { hasFixtures, payload, unpacked } from './fixtures.mjs';

// A payload as explainer/figures/view_codec.py lays it out, built by hand: header JSON padded to 4 bytes.
function pack(header, blobs) {
  let text = JSON.stringify(header);
  text += ' '.repeat((4 - (text.length % 4)) % 4);
  const head = new TextEncoder().encode(text);
  const size = 8 + head.length + blobs.reduce((n, b) => n + b.byteLength, 0);
  const out = new Uint8Array(size);
  out.set(new TextEncoder().encode('EIV1'));
  new DataView(out.buffer).setUint32(4, head.length, true);
  out.set(head, 8);
  let at = 8 + head.length;
  for (const b of blobs) {
    out.set(new Uint8Array(b.buffer, b.byteOffset, b.byteLength), at);
    at += b.byteLength;
  }
  return out;
}

// The descriptor view_codec.py writes for an array (without the test's own name and byte count).
function descriptor({ dtype, offset, length, shape, min, scale }) {
  return { dtype, offset, length, shape, min, scale };
}

function withOffsets(descriptors, headerLength) {
  let at = 8 + headerLength;
  return descriptors.map((d) => {
    const withAt = { ...d, offset: at };
    at += d.bytes;
    return withAt;
  });
}

describe('decode', () => {
  test('reads every dtype, de-quantises u16 and keeps the shape', () => {
    const u8 = new Uint8Array([1, 2, 3, 0]);
    const u16 = new Uint16Array([0, 65535, 32768, 0]);
    const f32 = new Float32Array([1.5, -2.25]);
    const kinds = [
      { name: 'u', dtype: 'u8', length: 3, shape: [3], min: 0, scale: 1, bytes: 4 },
      { name: 'q', dtype: 'u16', length: 3, shape: [3], min: -80, scale: 0.001, bytes: 8 },
      { name: 'f', dtype: 'f32', length: 2, shape: [1, 2], min: 0, scale: 1, bytes: 8 },
    ];
    // the header's length depends on the offsets' digits: two rounds settle it
    let header = { kind: 't', arrays: {} };
    for (let round = 0; round < 3; round++) {
      const length = Math.ceil(JSON.stringify(header).length / 4) * 4;
      header = { kind: 't', arrays: Object.fromEntries(withOffsets(kinds, length).map((d) => [d.name, descriptor(d)])) };
    }
    const out = decode(pack(header, [u8, u16, f32]));
    assert.equal(out.header.kind, 't');
    assert.deepEqual(Array.from(out.arrays.u.values), [1, 2, 3]);
    const q = Array.from(out.arrays.q.values);
    assert.ok(Math.abs(q[0] + 80) < 1e-4 && Math.abs(q[1] - (-80 + 65.535)) < 1e-3 && Math.abs(q[2] - (-80 + 32.768)) < 1e-3, String(q));
    assert.deepEqual(Array.from(out.arrays.f.values), [1.5, -2.25]);
    assert.deepEqual(out.arrays.f.shape, [1, 2]);
  });

  test('refuses what is not a payload', () => {
    assert.throws(() => decode('EIV1....'), /not bytes/);
    assert.throws(() => decode(new Uint8Array(12)), /unknown payload format/);
    const bad = pack({ arrays: { x: { dtype: 'f64', offset: 0, length: 0, shape: [0], min: 0, scale: 1 } } }, []);
    assert.throws(() => decode(bad), /unknown dtype f64/);
  });

  test('reads a payload whose bytes start at an odd offset of their buffer', () => {
    const inner = pack({ arrays: {} }, []);
    const shifted = new Uint8Array(inner.length + 3);
    shifted.set(inner, 3);
    assert.deepEqual(decode(shifted.subarray(3)).header, { arrays: {} });
  });
});

test('row is one row of a 2-D array, without a copy', () => {
  const array = { values: new Float32Array([1, 2, 3, 4, 5, 6]), shape: [2, 3] };
  const second = row(array, 1);
  assert.deepEqual(Array.from(second), [4, 5, 6]);
  second[0] = 40;
  assert.equal(array.values[3], 40);
});

describe('real payloads (built by the Python view builders)', { skip: !hasFixtures() && 'no EI_VIEW_FIXTURES' }, () => {
  for (const name of ['neuron-laptop', 'neuron-projector', 'network-laptop']) {
    test(`${name}: the browser reads what Python wrote`, () => {
      const got = decode(payload(name));
      const want = unpacked(name);
      assert.deepEqual(got.header, want.header);
      assert.deepEqual(Object.keys(got.arrays).sort(), Object.keys(want.arrays).sort());
      for (const [key, { values, shape }] of Object.entries(want.arrays)) {
        const mine = got.arrays[key];
        assert.deepEqual(mine.shape, shape, key);
        assert.equal(mine.values.length, values.length, key);
        values.forEach((v, i) => assert.ok(Math.abs(mine.values[i] - v) <= 1e-5 * Math.max(1, Math.abs(v)), `${key}[${i}]: ${mine.values[i]} vs ${v}`));
      }
    });
  }
});
