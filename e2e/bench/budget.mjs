// How long "What fits in the budget?" takes in headless Chromium on the
// release build: from a change of the budget to the redrawn best set and
// frontier (1,000 options with whole costs and a budget of 10,000 units;
// 200 options with costs of two decimals), and from a weight change to the
// re-ranked list with the re-solved set (200 options).
// Targets: best set and frontier ≤ 50 ms; a weight change within a frame
// (16.7 ms) for 200 options. Usage: node bench/budget.mjs [changes=20]
import { serve, launch } from '../lib/harness.js';
import { generatedScenario, openWith } from '../lib/generate.js';
import { timeWeightChanges, stats } from '../lib/timing.js';

const changes = Number(process.argv[2] ?? 20);
const server = await serve();
const browser = await launch();
const probe = { selector: '#budget-frontier-chart', property: 'innerHTML', wait: true };
const rendered = (runs) => runs.map((r) => r[0]);

try {
  const cases = [
    [1000, 10000, false, ['9990', '10000']],
    [200, 2000, true, ['1999.5', '2000']],
  ];
  for (const [n, budget, cents, values] of cases) {
    const scenario = generatedScenario(n, 'sbudget', { budget, cents });
    const { page, context } = await openWith(browser, server.url, scenario);
    await page.locator('.budget-best').waitFor();
    const exact = (await page.locator('.budget-frontier .hint').count()) === 0;
    const runs = await timeWeightChanges(page, changes, { ...probe, field: 'budget-amount', values });
    const costs = cents ? 'costs of two decimals' : 'whole costs';
    console.log(
      `${n} options, ${costs}, budget ${budget} → best set and frontier redrawn` +
        ` (${exact ? 'every step exact' : 'frontier sampled'}): ${stats(rendered(runs))} (target ≤ 50 ms)`,
    );
    if (n === 200) {
      const weights = await timeWeightChanges(page, changes, probe);
      console.log(`${n} options, weight change → re-ranked and re-solved: ${stats(rendered(weights))} (target ≤ 16.7 ms)`);
    }
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
