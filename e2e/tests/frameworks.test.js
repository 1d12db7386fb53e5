// The frameworks teams already use: a RICE scenario from the preset, levels
// picked by label, the framework's own numbers with the formula; a weighted
// sum switched to the ratio model only once every role is chosen, and back by
// Undo; a RICE link opened on a phone; the export against its schema; axe.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { violations, schemaErrors } from '../lib/checks.js';
import { useServerAndBrowser, openApp, readRanking } from '../lib/harness.js';

const env = useServerAndBrowser({ before, after });

/** Opens a new RICE scenario and types `options`: [title, reach, impact label, confidence label, effort]. */
async function rice(page, options) {
  await page.locator('.new-from summary').click();
  await page.locator('.new-from').getByRole('button', { name: 'RICE', exact: true }).click();
  for (const [i, [title, reach, impact, confidence, effort]] of options.entries()) {
    await page.getByRole('button', { name: '+ Add option' }).click();
    const o = `o${i + 1}`;
    await page.fill(`#opt-${o}-title`, title);
    await page.fill(`#opt-${o}-c1`, reach);
    await page.selectOption(`#opt-${o}-c2`, { label: impact });
    await page.selectOption(`#opt-${o}-c3`, { label: confidence });
    await page.fill(`#opt-${o}-c4`, effort);
    await page.locator(`#opt-${o}-c4`).blur();
  }
}

const BACKLOG = [
  ['SSO for everyone', '500', 'High', '80 %', '2'],
  ['Audit log', '1,000', 'Minimal', '100 %', '1'],
  ['Admin roles', '100', 'Massive', '100 %', '1'],
  ['CSV import', '2,000', 'Low', '50 %', '4'],
];

test('a RICE scenario: levels picked by label, the framework’s own numbers and its formula', async () => {
  const { ctx, page } = await openApp(env.browser, env.server.url);
  await rice(page, BACKLOG);
  assert.deepEqual(
    await page.locator('.criterion-name').evaluateAll((inputs) => inputs.map((i) => i.value)),
    ['Reach', 'Impact', 'Confidence', 'Effort'],
  );
  // 500 × 2 × 0.8 ÷ 2 = 400; 100 × 3 = 300; 1,000 × 0.25 = 250; 2,000 × 0.5 × 0.5 ÷ 4 = 125.
  const ranking = (await readRanking(page)).map(({ title, score }) => [title, score]);
  assert.deepEqual(ranking, [
    ['SSO for everyone', '400'],
    ['Admin roles', '300'],
    ['Audit log', '250'],
    ['CSV import', '125'],
  ]);
  assert.equal(await page.locator('.formula').textContent(), 'Score = Reach × Impact × Confidence ÷ Effort');
  // The breakdown shows each factor by its label, and how far it is from the typical option.
  await page.locator('.rank-row').first().locator('.row-title').click();
  const breakdown = page.locator('.breakdown');
  await breakdown.getByText('High (2)').waitFor();
  await breakdown.getByText('×0.7 the median').first().waitFor();
  // Compared with #2 factor by factor: how many times the other's.
  await breakdown.getByRole('button', { name: 'Compare' }).click();
  assert.equal(
    await page.locator('.comparison-words').textContent(),
    '“SSO for everyone” scores 400, “Admin roles” 300: ×1.33 as much.',
  );
  await page.locator('#compare-with').selectOption('none');
  // A divisor of 0 is refused where it is typed, and the score stays.
  await page.fill('#opt-o1-c4', '0');
  await page.locator('#opt-o1-c4').blur();
  await page.getByText(/Must be more than 0: this value divides the score/).waitFor();
  assert.equal((await readRanking(page))[0].score, '400');
  // Levels that break the rules are said in words, and kept as they were.
  await page.fill('#crit-c2-levels', 'High = 2\nHigh = 3');
  await page.locator('#crit-c2-levels').blur();
  await page.getByText('Level 2 needs a label of its own.').waitFor();
  assert.equal((await readRanking(page))[0].score, '400');
  // The threshold is typed in RICE's own units, without a 0–100 slider.
  assert.equal(await page.locator('.threshold-field input[type=range]').count(), 0);
  assert.match(await page.locator('.threshold-field .hint').textContent(), /^In the ratio's own units/);
  await page.fill('#threshold', '260');
  await page.locator('#threshold').blur();
  await page.locator('.rank-row.below').nth(1).waitFor();
  assert.deepEqual(
    await page.locator('.rank-row').evaluateAll((rows) => rows.map((r) => r.classList.contains('below'))),
    [false, false, true, true],
  );
  assert.equal(await page.locator('.rank-row.first-below').getAttribute('data-line'), 'Not worth it below this line (threshold 260)');
  assert.equal(await page.locator('.rank-row').first().locator('.threshold-mark').count(), 1);
  assert.deepEqual(await violations(page), [], 'axe-core on a RICE scenario');
  assert.deepEqual(page.problems, []);
  await ctx.close();
});

test('switching to the ratio model asks for every role, and one Undo takes it back', async () => {
  const { ctx, page } = await openApp(env.browser, env.server.url);
  const before = await readRanking(page);
  await page.selectOption('#score-model', 'ratio');
  const chooser = page.locator('.role-chooser');
  await chooser.waitFor();
  const go = chooser.getByRole('button', { name: 'Switch to ratio' });
  assert.equal(await go.isDisabled(), true, 'nothing is guessed');
  for (const [name, role] of [['Cost', 'divides'], ['Time to market', 'divides'], ['Metric impact', 'multiplies']]) {
    await chooser.getByLabel(name).selectOption({ label: role });
  }
  assert.equal(await go.isDisabled(), true, 'one role is still open');
  await chooser.getByText('A change of model turns the worth-it threshold (50) off: the scores change units. Undo brings it back.').waitFor();
  await chooser.getByLabel('Segment fit').selectOption({ label: 'multiplies' });
  assert.deepEqual(await violations(page), [], 'axe-core on the role chooser');
  await go.click();
  await page.locator('.formula').waitFor();
  assert.equal(
    await page.locator('.formula').textContent(),
    'Score = Metric impact × Segment fit ÷ (Cost × Time to market)',
  );
  assert.notDeepEqual(await readRanking(page), before);
  assert.equal(await page.inputValue('#threshold'), '0');
  assert.equal(await page.locator('.rank-row.below').count(), 0);
  await page.getByRole('button', { name: 'Undo' }).first().click();
  await page.locator('.legend').waitFor();
  assert.equal(await page.inputValue('#score-model'), 'weighted_sum');
  assert.equal(await page.inputValue('#threshold'), '50');
  assert.deepEqual(await readRanking(page), before);
  assert.deepEqual(page.problems, []);
  await ctx.close();
});

test('a RICE scenario travels: its link opens on a phone, its export meets the schema', async () => {
  const { ctx, page } = await openApp(env.browser, env.server.url);
  await rice(page, BACKLOG);
  await page.locator('#share-button').click();
  const link = await page.locator('#share-link').inputValue();
  await page.keyboard.press('Escape');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export JSON' }).click(),
  ]);
  const exported = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.equal(await schemaErrors(exported, 7), null);
  assert.equal(exported.ranking.model, 'ratio');
  assert.equal(exported.ranking.formula, 'Reach × Impact × Confidence ÷ Effort');
  assert.deepEqual(exported.ranking.options.map((o) => o.score), [400, 300, 250, 125]);
  await ctx.close();

  const phone = await env.browser.newContext({ viewport: { width: 390, height: 844 } });
  const shared = await phone.newPage();
  await shared.goto(link);
  await shared.locator('.shared-bar').waitFor();
  assert.equal(await shared.locator('.formula').textContent(), 'Score = Reach × Impact × Confidence ÷ Effort');
  assert.deepEqual((await readRanking(shared)).map((r) => r.score), ['400', '300', '250', '125']);
  const width = await shared.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 390, `no sideways scrolling on a phone (${width} px)`);
  assert.deepEqual(await violations(shared), [], 'axe-core on a shared RICE link');
  await phone.close();
});

test('the demo opens scored with RICE, in its own scenario', async () => {
  const { ctx, page } = await openApp(env.browser, env.server.url);
  await page.locator('.new-from summary').click();
  await page.locator('.new-from').getByRole('button', { name: 'Demo with RICE' }).click();
  assert.equal(await page.locator('.new-from').getAttribute('open'), null, 'the menu closes');
  assert.equal(await page.inputValue('#scenario-name'), 'Enterprise onboarding (RICE)');
  assert.deepEqual(
    (await readRanking(page)).map(({ title, score }) => [title, score]),
    [
      ['In-app onboarding checklist', '600'],
      ['Self-serve SSO wizard', '213'],
      ['SCIM user provisioning', '200'],
      ['White-glove onboarding team', '30.0'],
      ['Partner-led implementation', '10.0'],
    ],
  );
  assert.equal(
    await page.locator('.robust-none').textContent(),
    'This score has no weights to move: its criteria multiply and divide, so no weight can change #1.',
  );
  assert.deepEqual(await page.locator('#scenario-switch option').allTextContents(), ['Enterprise onboarding', 'Enterprise onboarding (RICE)']);
  assert.deepEqual(page.problems, []);
  await ctx.close();
});


test('a range on a RICE factor is sampled: the row shows its chances and its spread', async () => {
  const { ctx, page } = await openApp(env.browser, env.server.url);
  await page.locator('.new-from summary').click();
  await page.locator('.new-from').getByRole('button', { name: 'Demo with RICE' }).click();
  // The SSO wizard's effort: between 1 and 6 person-months, 3 most likely.
  await page.fill('#opt-o1-c4', '1/3/6');
  await page.locator('#opt-o1-c4').blur();
  const row = page.locator('.rank-row[data-option="o1"]');
  await row.locator('.chances').waitFor();
  const text = await row.locator('.chances').textContent();
  assert.match(text, /P\(#1\) \d+ %/);
  const spread = text.match(/: ([\d.]+)–([\d.]+)$/);
  assert.ok(spread, text);
  const [low, high] = [Number(spread[1]), Number(spread[2])];
  // 400 × 2 × 0.8 ÷ effort: 107 at 6 months, 640 at 1.
  assert.ok(107 <= low && low < high && high <= 640, text);
  assert.equal(await row.locator('.whisker').count(), 1);
  assert.deepEqual(page.problems, []);
  await ctx.close();
});

test('the framework screens pass axe-core in German and in the dark scheme', async () => {
  const ctx = await env.browser.newContext({ locale: 'de-DE', colorScheme: 'dark', viewport: { width: 1280, height: 720 } });
  const { page } = await openApp(env.browser, env.server.url, { context: ctx });
  await page.locator('.new-from summary').click();
  assert.deepEqual(await violations(page), [], 'axe-core on the open framework menu');
  await page.locator('.new-from').getByRole('button', { name: 'Demo mit RICE' }).click();
  assert.equal(await page.locator('.formula').textContent(), 'Punktzahl = Reichweite × Wirkung × Zuversicht ÷ Aufwand');
  await page.locator('.rank-row').first().locator('.row-title').click();
  await page.locator('.breakdown').waitFor();
  assert.deepEqual(await violations(page), [], 'axe-core on a RICE breakdown');
  await page.selectOption('#scenario-switch', { index: 0 });
  await page.selectOption('#score-model', 'ratio');
  await page.locator('.role-chooser').waitFor();
  assert.deepEqual(await violations(page), [], 'axe-core on the role chooser');
  assert.deepEqual(page.problems, []);
  await ctx.close();
});

test('the framework menu and the role chooser work by keyboard alone', async () => {
  const { ctx, page } = await openApp(env.browser, env.server.url);
  await page.locator('.new-from summary').focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'RICE');
  await page.keyboard.press('Enter');
  await page.locator('.formula').or(page.getByText('Add an option to see the ranking.')).first().waitFor();
  assert.deepEqual(
    await page.locator('.criterion-name').evaluateAll((inputs) => inputs.map((i) => i.value)),
    ['Reach', 'Impact', 'Confidence', 'Effort'],
  );
  assert.equal(await page.locator('.new-from').getAttribute('open'), null, 'the menu closes');
  // Back to the demo; to the ratio model with the arrow keys and Tab only.
  await page.selectOption('#scenario-switch', { index: 0 });
  await page.locator('#score-model').focus();
  await page.keyboard.press('ArrowDown');
  await page.locator('.role-chooser').waitFor();
  for (const _ of [1, 2, 3, 4]) {
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown');
  }
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Switch to ratio');
  await page.keyboard.press('Enter');
  await page.locator('.formula').waitFor();
  assert.deepEqual(page.problems, []);
  await ctx.close();
});
