// Opening a big share link: from navigation start to the shared scenario's
// first ranked row, for 10,000 options × 8 criteria (target ≤ 1 s) and 2,000
// options × 64 criteria. The link is made by the app's own Share panel.
// Usage: node bench/biglink.mjs [loads=3]
import { serve, launch } from '../lib/harness.js';
import { generatedScenario } from '../lib/generate.js';

const loads = Number(process.argv[2] ?? 3);
const server = await serve();
const browser = await launch();

function wide(n, k) {
  const s = generatedScenario(n);
  const extra = [];
  for (let i = s.criteria.length; i < k; i++) extra.push({ id: `c${i + 1}`, name: `Criterion ${i + 1}`, weight: 1, direction: 'higher_is_better', input: { kind: 'rating', min: 1, max: 5 } });
  s.criteria.push(...extra);
  s.options.forEach((o, j) => extra.forEach((c, i) => { o.values[c.id] = ((i + j) % 5) + 1; }));
  return s;
}

async function linkFor(scenario) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.locator('#ranking-heading').waitFor();
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Import…' }).click()]);
  await chooser.setFiles({ name: 'big.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(scenario)) });
  await page.locator('.notice', { hasText: 'as a new scenario.' }).waitFor({ timeout: 60000 });
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const link = await page.getByLabel('Link to this scenario').inputValue();
  await context.close();
  return link;
}

try {
  for (const [label, scenario] of [['10,000 options × 8 criteria', generatedScenario(10000)], ['2,000 options × 64 criteria', wide(2000, 64)]]) {
    const link = await linkFor(scenario);
    const times = [];
    for (let i = 0; i < loads; i++) {
      const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
      const page = await context.newPage();
      await page.goto(link);
      await page.locator('.shared-name').waitFor({ timeout: 60000 });
      await page.locator('.rank-row').first().waitFor({ timeout: 60000 });
      times.push(await page.evaluate(() => performance.now()));
      await context.close();
    }
    times.sort((a, b) => a - b);
    console.log(`open a ${link.length.toLocaleString('en-US')}-character link, ${label}: median ${times[Math.floor(times.length / 2)].toFixed(0)} ms (min ${times[0].toFixed(0)}, max ${times[times.length - 1].toFixed(0)}; target ≤ 1,000 ms for 10,000 options)`);
  }
} finally {
  await browser.close();
  await server.close();
}
