// How long from a weight change to the re-rendered value/effort matrix and
// to the re-rendered bump chart of four lenses, in headless Chromium on the
// release build (target: median ≤ 50 ms for 200 options; 1,000 reported).
// Usage: node bench/tradeoffs.mjs [options=200,1000] [changes=20]
import { serve, launch } from '../lib/harness.js';
import { generatedScenario, openWith } from '../lib/generate.js';
import { timeWeightChanges, stats } from '../lib/timing.js';

const sizes = (process.argv[2] ?? '200,1000').split(',').map(Number);
const changes = Number(process.argv[3] ?? 20);
const server = await serve();
const browser = await launch();

// The whole page laid out, charts included. Above 200 options the charts
// follow once the changes pause (150 ms): timed until they have.
const laidOut = async (page, selector, wait) =>
  (await timeWeightChanges(page, changes, { selector, property: 'innerHTML', wait })).map((r) => r[1]);

try {
  for (const n of sizes) {
    const { page, context } = await openWith(browser, server.url, generatedScenario(n));
    const wait = n > 200;
    const matrix = await laidOut(page, '#matrix-chart', wait);
    await page.getByRole('tab', { name: 'Lenses side by side' }).click();
    const lenses = await laidOut(page, '#bump-chart', wait);
    const how = wait ? 'charts redrawn after the pause' : 'whole page laid out';
    console.log(`${n} options, weight change → ${how} with the matrix: ${stats(matrix)}`);
    console.log(`${n} options, weight change → ${how} with 4 lenses side by side: ${stats(lenses)}`);
    await context.close();
  }
  console.log('(target: median ≤ 50 ms for 200 options, the ranking re-rendered in the same change; above 200 options the ranking redraws at once and the charts 150 ms after the last change)');
} finally {
  await browser.close();
  await server.close();
}
