// How long from a weight change to the re-rendered ranking, with 1,000
// options, in headless Chromium on the release build (target: median ≤ 16 ms).
// Usage: node bench/rerender.mjs [options=1000] [changes=40]
import { serve, launch } from '../lib/harness.js';
import { generatedScenario, openWith } from '../lib/generate.js';

const n = Number(process.argv[2] ?? 1000);
const changes = Number(process.argv[3] ?? 40);
const server = await serve();
const browser = await launch();
try {
  const { page } = await openWith(browser, server.url, generatedScenario(n));
  const rows = await page.locator('.rank-row').count();
  const runs = await page.evaluate(async (changes) => {
    const input = document.getElementById('crit-c4-weight');
    const first = () => document.querySelector('.rank-list .rank-row .score').textContent + document.querySelector('.rank-list .rank-row .title-text').textContent;
    // A macrotask runs only after the render and all its microtasks are done.
    const idle = () => new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = resolve;
      channel.port2.postMessage(0);
    });
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    await frame();
    await idle();
    const runs = [];
    for (let i = 0; i < changes; i++) {
      const before = first();
      input.value = String(i % 2 === 0 ? 0 : 4);
      const t0 = performance.now();
      input.dispatchEvent(new InputEvent('input', { bubbles: true }));
      await idle();
      const rendered = performance.now();
      // Style and layout of the whole page, forced now rather than at the next frame.
      document.body.getBoundingClientRect();
      const laidOut = performance.now();
      if (first() === before) throw new Error(`change ${i} did not re-render the ranking`);
      runs.push([rendered - t0, laidOut - t0]);
      // Let the frame of this change pass, so it is not counted in the next
      // one, and start the next change from a plain task.
      await frame();
      await idle();
    }
    return runs;
  }, changes);
  const median = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    return { median: s[Math.floor(s.length / 2)], p90: s[Math.min(s.length - 1, Math.floor(0.9 * s.length))], max: s[s.length - 1] };
  };
  const fmt = ({ median: m, p90, max }) => `median ${m.toFixed(2)} ms, p90 ${p90.toFixed(2)} ms, max ${max.toFixed(2)} ms`;
  console.log(`weight change, ${n} options (${rows} ranking rows in the DOM), ${changes} changes:`);
  console.log(`  to the re-rendered ranking (DOM updated): ${fmt(median(runs.map((r) => r[0])))}  (target: median ≤ 16 ms)`);
  console.log(`  to the laid-out page (style + layout):     ${fmt(median(runs.map((r) => r[1])))}`);
} finally {
  await browser.close();
  await server.close();
}
