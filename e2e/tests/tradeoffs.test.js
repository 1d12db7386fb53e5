// The trade-offs as a user meets them: the demo's matrix puts each option in
// the quadrant worked out by hand, a focused marker names its scores and
// opens its breakdown, a CFO lens made from changed weights moves the ranks
// as computed, the charts download as SVG and PNG, and axe-core finds nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { useServerAndBrowser, openApp } from '../lib/harness.js';

const env = useServerAndBrowser({ before, after });
const require = createRequire(import.meta.url);
const axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');

/** The matrix's table: option → [value, effort, quadrant, beaten by]. */
async function matrixTable(page) {
  const rows = await page.locator('.tradeoffs .chart-table tbody tr').evaluateAll((rows) =>
    rows.map((r) => [...r.children].map((c) => c.textContent)),
  );
  return Object.fromEntries(rows.map(([, option, value, effort, quadrant, beaten]) => [option, [value, effort, quadrant, beaten]]));
}

test('the demo matrix puts each option in the quadrant worked out by hand', async () => {
  const { ctx, page } = await openApp(env.browser, env.server.url);
  // Effort = (3 × cost share + 2 × weeks share) / 5 over costs 10–40 and
  // weeks 2–14; value = (4 × impact + 3 × fit) / 7 with the 20/60/20 mix.
  // White-glove: cost (15−10)/30, weeks 0 → effort 10; impact 0.5, fit 3.2/5 → value 56.
  // Checklist: cost 0, weeks 1/12 → effort 3.3; impact 0.25, fit 2.6/5 → value 36.6.
  // SSO wizard: cost 1, weeks 0.5 → effort 80; SCIM has its value (78.9) for less effort.
  const table = await matrixTable(page);
  assert.deepEqual(table['White-glove onboarding team'].slice(0, 3), ['56', '10', 'Quick wins']);
  assert.deepEqual(table['Self-serve SSO wizard'], ['78.9', '80', 'Big bets', 'SCIM user provisioning']);
  assert.equal(table['In-app onboarding checklist'][2], 'Fill-ins');
  assert.equal(table['SCIM user provisioning'][2], 'Big bets');
  assert.equal(table['Partner-led implementation'][3], 'SCIM user provisioning');
  // Every option has a marker, labelled with its rank, and the quadrants are named.
  assert.equal(await page.locator('.tradeoffs .marker').count(), 5);
  for (const name of ['Quick wins', 'Big bets', 'Fill-ins', 'Money pit']) {
    assert.equal(await page.locator('#matrix-chart svg text', { hasText: name }).count(), 1, name);
  }
  assert.deepEqual(page.problems, []);
  await ctx.close();
});

test('a focused marker names its scores, and Enter opens its breakdown', async () => {
  const { ctx, page } = await openApp(env.browser, env.server.url);
  const marker = page.locator('.tradeoffs .marker[aria-label^="#1 "]');
  assert.match(await marker.getAttribute('aria-label'), /^#1 White-glove onboarding team: value 56, effort 10, Quick wins$/);
  await marker.focus();
  assert.match(await page.locator('.matrix-details').innerText(), /White-glove onboarding team/);
  await page.keyboard.press('Enter');
  await page.locator('#breakdown').waitFor();
  assert.match(await page.locator('#breakdown').innerText(), /White-glove onboarding team/);
  await ctx.close();
});

test('a scenario without effort criteria says why there is no chart', async () => {
  const { ctx, page } = await openApp(env.browser, env.server.url);
  await page.locator('.matrix-settings summary').click();
  for (const name of ['Cost', 'Time to market']) {
    await page.getByLabel(name, { exact: true }).last().selectOption('Neither');
  }
  assert.match(await page.locator('.matrix-none').innerText(), /There is no effort axis/);
  await page.keyboard.press('Control+z');
  assert.equal(await page.locator('.matrix-none').count(), 0);
  await ctx.close();
});

test('a CFO lens made from changed weights shows the rank changes computed by hand', async () => {
  const { ctx, page } = await openApp(env.browser, env.server.url);
  // The CFO weighs cost alone: cheapest first (10, 15, 25, 30, 40 person-days).
  const weights = page.locator('.criteria .weight-field input:not([type=range])');
  const count = await weights.count();
  const setWeight = async (i, w) => {
    await weights.nth(i).fill(w);
    await weights.nth(i).press('Tab');
  };
  for (let i = 0; i < count; i++) await setWeight(i, i === 0 ? '10' : '0');
  await page.getByRole('tab', { name: 'Lenses side by side' }).click();
  await page.locator('#lens-new').fill('CFO');
  await page.getByRole('button', { name: 'Save the working weights as a lens' }).click();
  // Back to the demo's weights (3, 2, 4, 3): the CFO lens keeps its own.
  for (const [i, w] of ['3', '2', '4', '3'].entries()) await setWeight(i, w);
  const table = await page.locator('.side-by-side .chart-table');
  await table.locator('summary').click();
  const head = await table.locator('thead th').allInnerTexts();
  assert.deepEqual(head, ['Option', 'Working weights', 'CFO']);
  const ranks = Object.fromEntries(
    await table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => [r.children[0].textContent, [...r.children].slice(1).map((c) => c.textContent.split(' ')[0])])),
  );
  assert.deepEqual(ranks['In-app onboarding checklist'], ['2', '1']);
  assert.deepEqual(ranks['White-glove onboarding team'], ['1', '2']);
  assert.deepEqual(ranks['Partner-led implementation'], ['5', '3']);
  assert.deepEqual(ranks['SCIM user provisioning'], ['3', '4']);
  assert.deepEqual(ranks['Self-serve SSO wizard'], ['4', '5']);
  assert.match(await page.locator('.lens-verdict').innerText(), /Working weights and CFO disagree on #1/);
  // Lines that move two ranks or more are highlighted: Partner-led (5 → 3).
  assert.equal(await page.locator('#bump-chart .bump-line.moved').count(), 1);
  assert.deepEqual(page.problems, []);
  await ctx.close();
});

test('the charts download as SVG and PNG', async () => {
  const { ctx, page } = await openApp(env.browser, env.server.url);
  for (const [button, pattern] of [['Download SVG', /\.svg$/], ['Download PNG', /\.png$/]]) {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).first().click()]);
    assert.match(download.suggestedFilename(), pattern);
    const path = await download.path();
    const bytes = await readFile(path);
    if (pattern.source.includes('svg')) {
      const text = bytes.toString('utf8');
      assert.match(text, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
      assert.match(text, /White-glove onboarding team/);
      assert.match(text, /<\/svg>$/);
    } else {
      assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      assert.ok(bytes.length > 5000, `${bytes.length} bytes`);
    }
  }
  await ctx.close();
});

test('the trade-offs pass axe-core on both tabs, light and dark', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const context = await env.browser.newContext({ colorScheme, viewport: { width: 1280, height: 720 } });
    const { page } = await openApp(env.browser, env.server.url, { context });
    await page.evaluate(axeSource);
    const check = async (where) => {
      const found = await page.evaluate(async () => {
        const result = await window.axe.run(document.querySelector('.tradeoffs'), { resultTypes: ['violations'] });
        return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
      });
      assert.deepEqual(found, [], `${where} (${colorScheme})`);
    };
    await check('matrix');
    await page.getByRole('tab', { name: 'Lenses side by side' }).click();
    await check('lenses');
    await context.close();
  }
});
