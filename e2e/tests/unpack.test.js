// The page's WebAssembly ships packed with LZMA and the start-up script
// unpacks it: the unpacker must give back every byte of anything the build's
// packer writes, and refuse damaged streams with an error (never hang).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { DIST } from '../lib/harness.js';
import { unlzma } from '../lib/unlzma.js';

const require = createRequire(import.meta.url);
const { LZMA } = require('lzma/src/lzma_worker.js');
const pack = (bytes, mode) => new Uint8Array(Int8Array.from(LZMA.compress(bytes, mode)).buffer);

/** Bytes with long and short repeats, like code and text. */
function sample(size, seed) {
  const out = new Uint8Array(size);
  let x = seed;
  const next = () => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) >>> 16);
  for (let i = 0; i < size; i++) {
    const r = next() % 10;
    if (i > 300 && r < 6) {
      const back = 1 + (next() % (r < 3 ? 8 : 300));
      out[i] = out[i - back];
    } else {
      out[i] = r < 8 ? 97 + (next() % 26) : next() & 255;
    }
  }
  return out;
}

test('what the packer writes unpacks to the same bytes, at every setting', () => {
  const cases = [new Uint8Array(0), new Uint8Array([7]), new Uint8Array(5000).fill(0), sample(1, 1), sample(70_000, 2)];
  for (let mode = 1; mode <= 9; mode += 2) cases.push(sample(20_000 + mode * 1000, mode));
  for (const [i, bytes] of cases.entries()) {
    for (const mode of [1, 5, 9]) {
      const back = unlzma(pack(bytes, mode));
      assert.equal(back.length, bytes.length, `case ${i}, mode ${mode}`);
      assert.ok(Buffer.from(back).equals(Buffer.from(bytes)), `case ${i}, mode ${mode}: bytes differ`);
    }
  }
});

test('the build ships the module packed, and it unpacks to a valid WebAssembly module', () => {
  const files = readdirSync(DIST);
  assert.equal(files.filter((f) => f.endsWith('.wasm')).length, 0, 'no unpacked .wasm in the build');
  const packed = files.filter((f) => f.endsWith('.lzma'));
  assert.equal(packed.length, 1);
  const module = unlzma(new Uint8Array(readFileSync(join(DIST, packed[0]))));
  assert.ok(module.length > 100_000);
  assert.ok(WebAssembly.validate(module));
});

test('a damaged stream is refused with an error', () => {
  const good = pack(sample(30_000, 9), 9);
  const damaged = [
    good.slice(0, 10), // shorter than the header
    good.slice(0, good.length >> 1), // cut in half
    Uint8Array.from(good, (b, i) => (i === 5 ? b ^ 0x40 : b)).slice(0, good.length), // size changed
    Uint8Array.from(good, (b, i) => (i === 9 ? 1 : b)), // 4 GB or more
    Uint8Array.from(good, (b, i) => (i === 0 ? 250 : b)), // impossible properties
    Uint8Array.from(good, (b, i) => (i > 40 && i < 200 ? 0xff : b)), // bytes overwritten
  ];
  for (const [i, bytes] of damaged.entries()) {
    assert.throws(() => unlzma(bytes), /damaged LZMA stream/, `damaged case ${i}`);
  }
});
