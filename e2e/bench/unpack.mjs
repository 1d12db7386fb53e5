// How long the start-up script takes to unpack the build's WebAssembly
// (scripts/unlzma.js), in a fresh Chromium page each time (the first visit;
// later visits get it unpacked from the service worker). Usage:
// node bench/unpack.mjs [runs=8]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, launch } from '../lib/harness.js';
import { unlzmaSource } from '../lib/unlzma.js';

const runs = Number(process.argv[2] ?? 8);
const name = readdirSync(DIST).find((f) => f.endsWith('.lzma'));
const packed = readFileSync(join(DIST, name));
const browser = await launch();
const times = [];
let size = 0;
try {
  for (let i = 0; i < runs; i++) {
    const page = await browser.newPage();
    [size, times[i]] = await page.evaluate(([source, base64]) => {
      const unlzma = new Function(`${source}\nreturn unlzma;`)();
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const start = performance.now();
      const module = unlzma(bytes);
      return [module.length, performance.now() - start];
    }, [unlzmaSource, packed.toString('base64')]);
    await page.close();
  }
} finally {
  await browser.close();
}
times.sort((a, b) => a - b);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log(`${name}: ${kb(packed.length)} packed, ${kb(size)} unpacked`);
console.log(`unpacking in a fresh page, ${runs} runs: median ${times[runs >> 1].toFixed(0)} ms, min ${times[0].toFixed(0)} ms, max ${times[runs - 1].toFixed(0)} ms`);
