// How long bringing a 10,000-row CSV in takes in headless Chromium on the
// release build: from the file handed to the page to the desk with its
// proposed mapping on screen (target ≤ 300 ms), and from Bring in to the
// ranked scenario on screen (target ≤ 1 s). The rows are new options of an
// empty scenario. Usage: node bench/intake.mjs [rows=10000] [runs=5]
import { serve, launch, openApp } from '../lib/harness.js';
import { stats } from '../lib/timing.js';

const rows = Number(process.argv[2] ?? 10000);
const runs = Number(process.argv[3] ?? 5);
let text = 'Summary,Issue key,Description,Cost,Metric impact,Story Points\n';
for (let n = 1; n <= rows; n++) {
  text += `Option ${n},KZ-${n},"A description, with a comma, of option ${n}",${(n % 500) + 1},${(n % 5) + 1},${(n % 13) + 1}\n`;
}
const buffer = Buffer.from(text);
const server = await serve();
const browser = await launch();
const preview = [];
const ranked = [];
try {
  for (let run = 0; run < runs; run++) {
    const { ctx, page } = await openApp(browser, server.url);
    // An empty scenario: every row is a new option.
    await page.getByRole('button', { name: 'New scenario' }).first().click();
    await page.locator('#scenario-name').waitFor();
    const t0 = Date.now();
    await page.locator('#import-file').setInputFiles({ name: 'backlog.csv', mimeType: 'text/csv', buffer });
    await page.locator('.intake-summary').waitFor();
    preview.push(Date.now() - t0);
    const t1 = Date.now();
    await page.getByRole('button', { name: 'Bring in', exact: true }).click();
    await page.locator('.rank-row').first().waitFor();
    ranked.push(Date.now() - t1);
    await ctx.close();
  }
  console.log(`${rows}-row CSV (${(buffer.length / 1024).toFixed(0)} KB) → desk with its mapping: ${stats(preview, 0)} (target ≤ 300 ms)`);
  console.log(`Bring in → ranked scenario on screen: ${stats(ranked, 0)} (target ≤ 1000 ms)`);
} finally {
  await browser.close();
  await server.close();
}
