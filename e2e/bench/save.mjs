// How long saving a 200-option scenario takes in headless Chromium (target:
// median ≤ 5 ms). Kerze saves 300 ms after the last edit (a debounce), so
// typing never waits for a save; this times each save itself.
// Usage: node bench/save.mjs [options=200] [saves=30]
import { serve, launch } from '../lib/harness.js';
import { generatedScenario, openWith } from '../lib/generate.js';

const n = Number(process.argv[2] ?? 200);
const saves = Number(process.argv[3] ?? 30);
const server = await serve();
const browser = await launch();
try {
  const { context, page } = await openWith(browser, server.url, generatedScenario(n));
  // Time every callback of the save timer (setTimeout with the 300 ms delay).
  await page.evaluate(() => {
    const original = window.setTimeout;
    window.saveTimes = [];
    window.setTimeout = function (callback, delay, ...rest) {
      if (delay !== 300 || typeof callback !== 'function') return original.call(this, callback, delay, ...rest);
      return original.call(this, function (...args) {
        const t0 = performance.now();
        try {
          return callback.apply(this, args);
        } finally {
          window.saveTimes.push(performance.now() - t0);
        }
      }, delay, ...rest);
    };
  });
  let bytes = 0;
  for (let i = 0; i < saves; i++) {
    await page.fill('#opt-o1-title', `Option 1, revision ${i}`);
    await page.waitForFunction((count) => window.saveTimes.length > count, i);
  }
  bytes = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('kerze.')).reduce((sum, k) => sum + localStorage.getItem(k).length, 0));
  const times = (await page.evaluate(() => window.saveTimes)).sort((a, b) => a - b);
  const at = (p) => times[Math.min(times.length - 1, Math.floor(p * times.length))];
  console.log(`save of a ${n}-option scenario (${(bytes / 1024).toFixed(0)} KB stored), ${times.length} saves:`);
  console.log(`  median ${at(0.5).toFixed(2)} ms, p90 ${at(0.9).toFixed(2)} ms, max ${times[times.length - 1].toFixed(2)} ms (target: median ≤ 5 ms)`);
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
