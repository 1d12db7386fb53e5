// The trade-offs as a user meets them: the demo's matrix puts each option in
// the quadrant worked out by hand, a focused marker names its scores and
// opens its breakdown, a CFO lens made from changed weights moves the ranks
// as computed, the charts download as SVG and PNG, and axe-core finds nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { useServerAndBrowser, openApp, readRanking } from '../lib/harness.js';
import { generatedScenario, openWith } from '../lib/generate.js';

const env = useServerAndBrowser({ before, after });
const require = createRequire(import.meta.url);
const axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');

/** The matrix's table: option → [value, effort, quadrant, beaten by]. */
async function matrixTable(page) {
  // The table is built only while its fold is open.
  const fold = page.locator('.tradeoffs .chart-table');
  if (!(await fold.evaluate((details) => details.open))) {
    assert.equal(await fold.locator('tr').count(), 0);
    await fold.locator('summary').click();
  }
  await fold.locator('tbody tr').first().waitFor();
  const rows = await fold.locator('tbody tr').evaluateAll((rows) =>
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
    await page.locator('.matrix-settings').getByLabel(name, { exact: true }).selectOption('Neither');
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
  // By keyboard: the page may still move while the analyses of the new weights finish.
  const lensTab = page.getByRole('tab', { name: 'Lenses side by side' });
  await lensTab.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('#tradeoffs-tab-1').getAttribute('aria-selected') === 'true');
  await page.locator('#lens-new').fill('CFO');
  await page.getByRole('button', { name: 'Save the working weights as a lens' }).click();
  // Back to the demo's weights (3, 2, 4, 3): the CFO lens keeps its own.
  for (const [i, w] of ['3', '2', '4', '3'].entries()) await setWeight(i, w);
  const table = await page.locator('.side-by-side .chart-table');
  await table.locator('summary').click();
  await table.locator('tbody tr').first().waitFor();
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
      // The IHDR chunk: twice the matrix's 600 × 420.
      assert.deepEqual([bytes.readUInt32BE(16), bytes.readUInt32BE(20)], [1200, 840]);
    }
  }
  await ctx.close();
});

test('the trade-offs and the options editor pass axe-core: both tabs, light and dark, projector and phone', async () => {
  for (const [colorScheme, width, height] of [['light', 1280, 720], ['dark', 1280, 720], ['light', 390, 844]]) {
    const context = await env.browser.newContext({ colorScheme, viewport: { width, height } });
    const { page } = await openApp(env.browser, env.server.url, { context });
    await page.evaluate(axeSource);
    const check = async (where, selector = '.tradeoffs') => {
      const found = await page.evaluate(async (selector) => {
        const result = await window.axe.run(document.querySelector(selector), { resultTypes: ['violations'] });
        return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
      }, selector);
      assert.deepEqual(found, [], `${where} (${colorScheme}, ${width}×${height})`);
    };
    await check('matrix');
    // The chart fits the page's width, or scrolls inside its own box on a phone.
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), 'no sideways scrolling of the page');
    await page.getByRole('tab', { name: 'Lenses side by side' }).click();
    await check('lenses');
    await page.getByLabel('Filter', { exact: true }).fill('onboarding');
    await page.getByLabel('Sort by').selectOption({ label: 'Cost (highest first)' });
    await check('options editor, filtered and sorted', '.options-panel');
    await context.close();
  }
});

/** The option titles of the options editor, top to bottom. */
const editorTitles = (page) =>
  page.locator('.options-table [role="rowgroup"] input[id$="-title"]').evaluateAll((fields) => fields.map((f) => f.value));

test('the options editor filters by words and sorts by title, score and any criterion, both ways', async () => {
  const { ctx, page } = await openApp(env.browser, env.server.url);
  const entry = await editorTitles(page);
  assert.equal(entry.length, 5);
  // Filter: words in the title or description, case ignored.
  await page.getByLabel('Filter', { exact: true }).fill('scim');
  assert.deepEqual(await editorTitles(page), ['SCIM user provisioning']);
  assert.equal(await page.locator('.browse-status').innerText(), '1 of 5 options match.');
  await page.getByLabel('Filter', { exact: true }).fill('zzz');
  assert.deepEqual(await editorTitles(page), []);
  assert.match(await page.locator('.browse-status').innerText(), /^No option has “zzz”\./);
  await page.getByLabel('Filter', { exact: true }).fill('');
  assert.deepEqual(await editorTitles(page), entry);
  // Sorts. Costs in person-days: SSO wizard 40, checklist 10 (the demo).
  const sort = page.getByLabel('Sort by');
  await sort.selectOption({ label: 'Cost (highest first)' });
  const byCost = await editorTitles(page);
  assert.equal(byCost[0], 'Self-serve SSO wizard');
  assert.equal(byCost[4], 'In-app onboarding checklist');
  await sort.selectOption({ label: 'Cost (lowest first)' });
  assert.deepEqual(await editorTitles(page), [...byCost].reverse());
  await sort.selectOption({ label: 'Title (A to Z)' });
  assert.deepEqual(await editorTitles(page), [...entry].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
  await sort.selectOption({ label: 'Score (best first)' });
  assert.deepEqual(await editorTitles(page), (await readRanking(page)).map((r) => r.title));
  await sort.selectOption({ label: 'Score (worst first)' });
  assert.deepEqual(await editorTitles(page), (await readRanking(page)).map((r) => r.title).reverse());
  // Sorted by cost, an edited cost keeps its row in place until "Sort again".
  await sort.selectOption({ label: 'Cost (highest first)' });
  const checklist = await page.locator('.options-table [role="rowgroup"] .option-row').evaluateAll((rows) =>
    rows.find((r) => r.querySelector('input[id$="-title"]').value === 'In-app onboarding checklist').dataset.option);
  const costField = page.locator(`.options-table .option-row[data-option="${checklist}"] input[id$="-c1"]`);
  await costField.fill('50');
  await costField.press('Tab');
  assert.equal((await editorTitles(page))[4], 'In-app onboarding checklist');
  await page.getByRole('button', { name: 'Sort again' }).click();
  assert.equal((await editorTitles(page))[0], 'In-app onboarding checklist');
  assert.equal(await page.getByRole('button', { name: 'Sort again' }).count(), 0);
  // Adding an option while filtering clears the filter: the new one is shown, its title focused.
  await page.getByLabel('Filter', { exact: true }).fill('scim');
  await page.getByRole('button', { name: '+ Add option' }).click();
  await page.locator('#opt-o6-title:focus').waitFor();
  assert.equal(await page.getByLabel('Filter', { exact: true }).inputValue(), '');
  assert.equal((await editorTitles(page)).length, 6);
  assert.deepEqual(page.problems, []);
  await ctx.close();
});

test('the ranking hides the options below the line and shows them again', async () => {
  const { ctx, page } = await openApp(env.browser, env.server.url);
  await page.fill('#threshold', '60');
  await page.locator('#threshold').press('Tab');
  const all = await readRanking(page);
  const below = all.filter((r) => r.below);
  assert.ok(below.length > 0 && below.length < all.length, JSON.stringify(all));
  const hide = page.getByLabel(`Hide options below the line (${below.length})`);
  await hide.check();
  assert.deepEqual(await readRanking(page), all.filter((r) => !r.below));
  await hide.uncheck();
  assert.deepEqual(await readRanking(page), all);
  await ctx.close();
});

test('with hundreds of options the ranking follows a weight change at once and the matrix once the changes pause', async () => {
  const { page, context } = await openWith(env.browser, env.server.url, generatedScenario(300));
  const chart = () => page.locator('#matrix-chart').innerHTML();
  const [rankingBefore, chartBefore] = [await readRanking(page), await chart()];
  assert.equal(await page.locator('.tradeoffs .marker').count(), 300);
  // Metric impact (a value criterion) from 4 to 0: every score and value index moves.
  await page.locator('.criteria .weight-field input:not([type=range])').nth(3).fill('0');
  await page.keyboard.press('Tab');
  assert.notDeepEqual(await readRanking(page), rankingBefore);
  // The matrix catches up once the changes pause.
  await page.waitForFunction((before) => document.querySelector('#matrix-chart').innerHTML !== before, chartBefore);
  await context.close();
});

test('chart downloads stay valid files whatever a title holds: a non-breaking space, a control character', async () => {
  const { ctx, page } = await openApp(env.browser, env.server.url);
  const title = 'Self-serve\u00a0SSO 40\u00a0% \u0007wizard\u000b';
  await page.fill('#opt-o1-title', title);
  await page.locator('#opt-o1-title').blur();
  for (const tab of ['Value and effort', 'Lenses side by side']) {
    await page.getByRole('tab', { name: tab }).click();
    const panel = page.locator('#tradeoffs-panel');
    for (const [button, extension] of [['Download SVG', 'svg'], ['Download PNG', 'png']]) {
      const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: button }).click()]);
      assert.match(download.suggestedFilename(), new RegExp(`\\.${extension}$`));
      const bytes = await readFile(await download.path());
      if (extension === 'svg') {
        const text = bytes.toString('utf8');
        const error = await page.evaluate((text) => {
          const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
          return doc.querySelector('parsererror')?.textContent ?? null;
        }, text);
        assert.equal(error, null, `${tab}: the SVG parses as XML`);
        assert.match(text, /Self-serve(\u00a0|&#160;)SSO 40(\u00a0|&#160;)% /);
      } else {
        assert.deepEqual([...bytes.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47], `${tab}: the PNG arrives`);
      }
    }
  }
  assert.deepEqual(page.problems, []);
  await ctx.close();
});
