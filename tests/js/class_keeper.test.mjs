import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import {
  clearExpiredSeats, keptSeat, takeTeacherLink,
} from '../../explainer/ui/components/class_keeper/assets/index.js';

/** A Storage with the Web Storage interface the keeper uses. */
function memoryStorage(entries = {}) {
  const map = new Map(Object.entries(entries));
  return {
    get length() { return map.size; },
    key: (i) => [...map.keys()][i] ?? null,
    getItem: (k) => (map.has(k) ? map.get(k) : null),
    setItem: (k, v) => map.set(k, String(v)),
    removeItem: (k) => map.delete(k),
    keys: () => [...map.keys()],
  };
}

describe('takeTeacherLink', () => {
  test('reads the code and token after "#" and takes them out of the address bar', () => {
    const calls = [];
    const history = { state: { s: 1 }, replaceState: (...args) => calls.push(args) };
    const location = { hash: '#teach=K7P3QX.tok_EN-123', pathname: '/classroom', search: '?lang=en' };
    assert.deepEqual(takeTeacherLink('teach', location, history), { code: 'K7P3QX', token: 'tok_EN-123' });
    assert.deepEqual(calls, [[{ s: 1 }, '', '/classroom?lang=en']], 'the entry is replaced, without the fragment');
  });

  test('leaves an address without a teacher link alone', () => {
    const history = { state: null, replaceState: () => assert.fail('nothing to replace') };
    assert.equal(takeTeacherLink('teach', { hash: '#conductance', pathname: '/glossary', search: '' }, history), null);
    assert.equal(takeTeacherLink('teach', { hash: '', pathname: '/', search: '' }, history), null);
  });
});

describe('kept seats', () => {
  const seat = (s, expiresMs) => JSON.stringify({ seat: s, expires_ms: expiresMs });

  test('a seat is read back until it expires, then removed', () => {
    const storage = memoryStorage({ 'ei-class-seat-K7P3QX': seat('abc', 2000) });
    assert.equal(keptSeat(storage, 'K7P3QX', 1000), 'abc');
    assert.equal(keptSeat(storage, 'K7P3QX', 2000), null);
    assert.deepEqual(storage.keys(), []);
  });

  test('every expired seat is cleared, a live one and other keys stay, a bare old seat goes', () => {
    const storage = memoryStorage({
      'ei-class-seat-AAAAAA': seat('old', 10),
      'ei-class-seat-BBBBBB': seat('live', 5000),
      'ei-class-seat-CCCCCC': 'bare-seat-from-before',
      'ei-answers': '{}',
    });
    clearExpiredSeats(storage, 100);
    assert.deepEqual(storage.keys().sort(), ['ei-answers', 'ei-class-seat-BBBBBB']);
  });
});
