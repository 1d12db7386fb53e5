// How long from a weight change to the re-rendered value/effort matrix and
// to the re-rendered bump chart of four lenses, in headless Chromium on the
// release build (target: median ≤ 50 ms for 200 options; 1,000 reported).
// Usage: node bench/tradeoffs.mjs [options=200,1000] [changes=20]
import { serve, launch } from '../lib/harness.js';
import { generatedScenario, openWith } from '../lib/generate.js';

const sizes = (process.argv[2] ?? '200,1000').split(',').map(Number);
const changes = Number(process.argv[3] ?? 20);
const server = await serve();
const browser = await launch();

async function timeChanges(page, chartSelector) {
  return page.evaluate(
    async ({ changes, chartSelector }) => {
      const input = document.getElementById('crit-c4-weight');
      const chart = () => document.querySelector(chartSelector).innerHTML;
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
        const before = chart();
        input.value = String(i % 2 === 0 ? 0 : 4);
        const t0 = performance.now();
        input.dispatchEvent(new InputEvent('input', { bubbles: true }));
        await idle();
        document.body.getBoundingClientRect();
        const done = performance.now();
        if (chart() === before) throw new Error(`change ${i} did not redraw ${chartSelector}`);
        runs.push(done - t0);
        await frame();
        await idle();
      }
      return runs;
    },
    { changes, chartSelector },
  );
}

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return `median ${s[Math.floor(s.length / 2)].toFixed(1)} ms, p90 ${s[Math.min(s.length - 1, Math.floor(0.9 * s.length))].toFixed(1)} ms, max ${s[s.length - 1].toFixed(1)} ms`;
};

try {
  for (const n of sizes) {
    const { page, context } = await openWith(browser, server.url, generatedScenario(n));
    const matrix = await timeChanges(page, '#matrix-chart');
    await page.getByRole('tab', { name: 'Lenses side by side' }).click();
    const lenses = await timeChanges(page, '#bump-chart');
    console.log(`${n} options, weight change → whole page laid out with the matrix: ${stats(matrix)}`);
    console.log(`${n} options, weight change → whole page laid out with 4 lenses side by side: ${stats(lenses)}`);
    await context.close();
  }
  console.log('(target: median ≤ 50 ms for 200 options; the ranking re-renders in the same change)');
} finally {
  await browser.close();
  await server.close();
}
