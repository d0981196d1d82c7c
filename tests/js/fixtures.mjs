// Real payloads for the unit tests: tests/test_javascript.py builds them with the Python view builders, writes
// them (and what Python reads back from them) into a folder and names it in EI_VIEW_FIXTURES.  Run alone
// (node --test tests/js), the tests that need them are skipped.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const DIR = process.env.EI_VIEW_FIXTURES || '';

export const ASSETS = new URL('../../explainer/ui/components/animated_view/assets/', import.meta.url);

export function hasFixtures() {
  return Boolean(DIR) && existsSync(join(DIR, 'neuron-laptop.bin'));
}

// The payload `name` ("neuron-laptop", "neuron-projector", "network-laptop") as the browser gets it.
export function payload(name) {
  return new Uint8Array(readFileSync(join(DIR, `${name}.bin`)));
}

// What Python's view_codec.unpack reads from it: {header, arrays: {name: {values, shape}}}.
export function unpacked(name) {
  return JSON.parse(readFileSync(join(DIR, `${name}.json`), 'utf-8'));
}

// Numbers as the server writes them (explainer/content/format.py, num): {lang: [[value, decimals, text], ...]}.
export function serverNumbers() {
  return JSON.parse(readFileSync(join(DIR, 'numbers.json'), 'utf-8'));
}

// A stand-in for the canvas's text measure: 0.6 em per character.
export function measure(text, px) {
  return String(text).length * px * 0.6;
}
