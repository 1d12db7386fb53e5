// Group scoring as a room meets it: the facilitator starts a round; three
// people score on their own devices (two on phones) and send their return
// links; the facilitator pastes them all; the heatmap's medians are the ones
// worked out by hand; accepting moves the ranking as predicted and Undo
// restores it; hot seat never shows one person's scores to the next.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { useServerAndBrowser, openApp, readRanking } from '../lib/harness.js';

const env = useServerAndBrowser({ before, after });
const require = createRequire(import.meta.url);
const axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');

async function axe(page) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`);
}

/** Starts a round on Metric impact only and returns the ballot link. */
async function startRound(page) {
  const group = page.locator('section.group');
  await group.scrollIntoViewIfNeeded();
  for (const box of await group.locator('.group-start input[type=checkbox]').all()) {
    const name = await box.evaluate((b) => b.parentElement.textContent.trim());
    if ((name === 'Metric impact') !== (await box.isChecked())) await box.click();
  }
  await group.getByRole('button', { name: 'Make the ballot link' }).click();
  return group.locator('#ballot-link').inputValue();
}

/** A participant scores Metric impact of the five demo options and sends. */
async function score(browser, link, name, values, phone) {
  const context = await browser.newContext({ bypassCSP: true, ...(phone ? { viewport: { width: 360, height: 780 }, isMobile: true } : {}) });
  const page = await context.newPage();
  await page.goto(link);
  await page.getByLabel('Your name or initials').fill(name);
  const selects = page.locator('form.ballot select');
  assert.equal(await selects.count(), 5);
  for (const [i, v] of values.entries()) await selects.nth(i).selectOption(v);
  // Nothing of the facilitator's values is on the ballot page.
  assert.equal(await page.locator('text=person-days').count(), 0);
  await page.getByRole('button', { name: 'Send my scores' }).click();
  const back = await page.locator('#return-link').inputValue();
  assert.match(back, /#b1\./);
  const violations = await axe(page);
  await context.close();
  return { back, violations };
}

test('three people score, the facilitator reveals, accepts and undoes', async () => {
  const { page } = await openApp(env.browser, env.server.url);
  const link = await startRound(page);
  assert.match(link, /#r1\./);
  assert.equal(await page.locator('section.group svg.qr').count(), 1);
  const anna = await score(env.browser, link, 'Anna', ['2', '3', '4', '2', '3'], true);
  const ben = await score(env.browser, link, 'Ben', ['4', '3', '5', '2', '?'], true);
  const cem = await score(env.browser, link, 'Cem', ['5', '3', '1', '2', '4'], false);
  assert.deepEqual([...anna.violations, ...ben.violations, ...cem.violations], []);
  const before = (await readRanking(page)).map((r) => `${r.title} ${r.score}`);
  await page.locator('#return-links').fill([anna.back, ben.back, cem.back].join('\n'));
  await page.getByRole('button', { name: 'Reveal', exact: true }).click();
  await page.locator('table.heatmap').waitFor();
  const cells = await page.locator('table.heatmap tbody tr').evaluateAll((rows) =>
    rows.map((r) => r.querySelector('td').textContent),
  );
  // n · median (lowest–highest), by hand.
  assert.deepEqual(cells, ['3 · 4 (2–5)', '3 · 3 (3–3)', '3 · 4 (1–5)', '3 · 2 (2–2)', '2 · 3.5 (3–4)']);
  assert.match(await page.locator('section.group').textContent(), /3 people scored: Anna, Ben, Cem/);
  assert.deepEqual(await axe(page), []);
  await page.getByRole('button', { name: 'Accept these values' }).click();
  const after = (await readRanking(page)).map((r) => `${r.title} ${r.score}`);
  assert.notDeepEqual(after, before);
  await page.keyboard.press('Control+z');
  assert.deepEqual((await readRanking(page)).map((r) => `${r.title} ${r.score}`), before);
});

test('hot seat never shows one person the scores of the one before', async () => {
  const { page } = await openApp(env.browser, env.server.url);
  await startRound(page);
  await page.getByRole('button', { name: 'Score on this laptop (hot seat)' }).click();
  const seat = page.locator('.hot-seat');
  await seat.getByLabel('Your name or initials').fill('Dana');
  await seat.locator('select').first().selectOption('5');
  await seat.getByRole('button', { name: 'Done: hide my scores' }).click();
  await seat.getByRole('button', { name: 'Next person' }).click();
  assert.equal(await seat.getByLabel('Your name or initials').inputValue(), '');
  assert.equal(await seat.locator('select').first().inputValue(), '');
  assert.equal(await seat.locator('text=Dana').count(), 0);
  await seat.getByLabel('Your name or initials').fill('Eli');
  await seat.locator('select').first().selectOption('1');
  await seat.getByRole('button', { name: 'Done: hide my scores' }).click();
  await seat.getByRole('button', { name: 'End and reveal (2 ballots)' }).click();
  await page.locator('table.heatmap').waitFor();
  assert.equal(await page.locator('table.heatmap tbody tr').first().locator('td').first().textContent(), '2 · 3 (1–5)');
});
