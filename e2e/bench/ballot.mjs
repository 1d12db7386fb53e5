// The ballot page at scale: from opening a ballot link of n options to the
// form on screen, and from one choice in a cell to the page drawn again, in
// headless Chromium on the release build (targets: 1,000 options ≤ 1 s to
// the form, a choice ≤ 50 ms). A long ballot is drawn in steps: "every
// option drawn" is when the last one is on the page (polled every 50 ms).
// Usage: node bench/ballot.mjs [options=250,500,1000,2000] [choices=15]
import { serve, launch } from '../lib/harness.js';
import { generatedScenario, openWith } from '../lib/generate.js';
import { markWhen, stats } from '../lib/timing.js';

const sizes = (process.argv[2] ?? '250,500,1000,2000').split(',').map(Number);
const choices = Number(process.argv[3] ?? 15);
const server = await serve();
const browser = await launch();

/** The ballot link of a round asking every criterion of an n-option scenario. */
async function ballotLink(n) {
  const { page, context } = await openWith(browser, server.url, generatedScenario(n));
  const group = page.locator('section.group');
  await group.scrollIntoViewIfNeeded();
  await group.getByRole('button', { name: 'Make the ballot link' }).click();
  const link = await group.locator('#ballot-link').inputValue();
  await context.close();
  return link;
}

try {
  for (const n of sizes) {
    const link = await ballotLink(n);
    const loads = [];
    const alls = [];
    const picks = [];
    for (let run = 0; run < 3; run++) {
      const context = await browser.newContext({ bypassCSP: true });
      const page = await context.newPage();
      await markWhen(context, 'div.ballot > button.primary', 'formAt');
      await page.goto(link);
      await page.waitForFunction(() => window.formAt !== undefined, null, { timeout: 300_000 });
      loads.push(await page.evaluate(() => window.formAt));
      await page.waitForFunction((n) => document.querySelectorAll('div.ballot-options > fieldset').length >= n, n, { timeout: 300_000, polling: 50 });
      alls.push(await page.evaluate(() => performance.now()));
      if (run === 0) {
        const cells = await page.locator('div.ballot select').count();
        for (let i = 0; i < choices; i++) {
          const at = Math.floor(((i + 0.5) / choices) * cells);
          picks.push(await page.evaluate(async (at) => {
            const select = document.querySelectorAll('div.ballot select')[at];
            const start = performance.now();
            select.value = String(1 + (at % 4));
            select.dispatchEvent(new Event('change', { bubbles: true }));
            // The page drawn again: the next frame after the change.
            await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
            return performance.now() - start;
          }, at));
        }
      }
      await context.close();
    }
    console.log(`${n} options: to the form ${stats(loads, 0)}; every option drawn ${stats(alls, 0)}; one choice ${stats(picks, 1)}`);
  }
  console.log('targets: 1,000 options ≤ 1,000 ms to the form, a choice ≤ 50 ms');
} finally {
  await browser.close();
  await server.close();
}
