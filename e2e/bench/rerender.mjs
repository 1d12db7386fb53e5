// How long from a weight change to the re-rendered ranking, with 1,000
// options, in headless Chromium on the release build (target: median ≤ 16 ms).
// Usage: node bench/rerender.mjs [options=1000] [changes=40]
import { serve, launch } from '../lib/harness.js';
import { generatedScenario, openWith } from '../lib/generate.js';
import { timeWeightChanges, stats } from '../lib/timing.js';

const n = Number(process.argv[2] ?? 1000);
const changes = Number(process.argv[3] ?? 40);
const server = await serve();
const browser = await launch();
try {
  // The weighted sum, and the ratio model (an added criterion's weight changes).
  for (const ratio of [false, true]) {
    const { page } = await openWith(browser, server.url, generatedScenario(n, ratio ? 'sbenchratio' : 'sbench', { ratio }));
    const rows = await page.locator('.rank-row').count();
    // The first row of the ranking (rank, title, score) changes with every change.
    const runs = await timeWeightChanges(page, changes, { selector: '.rank-list .rank-row', property: 'textContent' });
    const fmt = (xs) => stats(xs, 2);
    console.log(`weight change, ${ratio ? 'ratio model' : 'weighted sum'}, ${n} options (${rows} ranking rows in the DOM), ${changes} changes:`);
    console.log(`  to the re-rendered ranking (DOM updated): ${fmt(runs.map((r) => r[0]))}  (target: median ≤ 16 ms)`);
    console.log(`  to the laid-out page (style + layout):     ${fmt(runs.map((r) => r[1]))}`);
    await page.context().close();
  }
} finally {
  await browser.close();
  await server.close();
}
