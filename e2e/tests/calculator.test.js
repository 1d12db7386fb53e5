// The calculator as a product manager uses it in a workshop, driven through
// the release build in headless Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { schemaErrors } from '../lib/checks.js';
import { useServerAndBrowser, openApp, readRanking, waitSaved, parseCsv } from '../lib/harness.js';

const env = useServerAndBrowser({ before, after });

const titlesOf = (rows) => rows.map((r) => r.title);

test('the demo scenario is ranked on first run', async () => {
  const { ctx, page } = await openApp(env.browser, env.server.url);
  const rows = await readRanking(page);
  assert.deepEqual(titlesOf(rows), [
    'White-glove onboarding team',
    'In-app onboarding checklist',
    'SCIM user provisioning',
    'Self-serve SSO wizard',
    'Partner-led implementation',
  ]);
  // White-glove: cost u = 1 − (15 − 10)/30, time u = 1, impact u = 0.5,
  // fit (0.2·1 + 0.6·4 + 0.2·3)/5 = 0.64 → 100 · (3·0.8333 + 2 + 4·0.5 + 3·0.64) / 12 = 70.2.
  assert.equal(rows[0].score, '70.2');
  assert.deepEqual(rows.map((r) => r.rank), [1, 2, 3, 4, 5]);
  // Threshold 50: only the partner programme (44.2) is below the line.
  assert.deepEqual(rows.map((r) => r.below), [false, false, false, false, true]);
  assert.equal(await page.locator('.rank-row.first-below .title-text').textContent(), 'Partner-led implementation');
  assert.deepEqual(page.problems, []);
  await ctx.close();
});

test('a new option with typed values ranks where the model puts it', async () => {
  const { ctx, page } = await openApp(env.browser, env.server.url);
  await page.getByRole('button', { name: '+ Add option' }).click();
  // The new row's title gets the focus, selected: typing replaces it.
  await page.locator('#opt-o6-title:focus').waitFor();
  await page.keyboard.type('Quick win');
  let rows = await readRanking(page);
  const fresh = rows.find((r) => r.title === 'Quick win');
  assert.ok(fresh.incomplete, 'an option without values is marked incomplete');
  assert.equal(fresh.score, '0.0');
  await page.fill('#opt-o6-c1', '10');
  await page.fill('#opt-o6-c2', '2');
  await page.fill('#opt-o6-c3', '5');
  for (const segment of ['smb', 'enterprise', 'public_sector']) {
    await page.fill(`#opt-o6-fit-${segment}`, '5');
  }
  rows = await readRanking(page);
  // Cheapest (10 = the low end), fastest (2), impact 5 of 5, fit 5 everywhere: 100.
  assert.deepEqual(rows[0], { rank: 1, title: 'Quick win', score: '100.0', below: false, incomplete: false });
  // The ranges of cost (10–40) and time (2–14) did not move: the others keep their scores.
  assert.equal(rows[1].title, 'White-glove onboarding team');
  assert.equal(rows[1].score, '70.2');
  await ctx.close();
});

test('changing a weight re-orders the ranking', async () => {
  const { ctx, page } = await openApp(env.browser, env.server.url);
  await page.fill('#crit-c1-weight', '0');
  const rows = await readRanking(page);
  // Without cost (weights 2, 4, 3): SSO 100·(2·0.5 + 4·0.75 + 3·0.84)/9 = 72.4,
  // SCIM (2·0.333 + 4·0.75 + 3·0.84)/9 = 68.7, white-glove (2 + 2 + 1.92)/9 = 65.8,
  // checklist (2·0.9167 + 4·0.25 + 3·0.52)/9 = 48.8, partner (0 + 2 + 1.8)/9 = 42.2.
  assert.deepEqual(
    rows.map((r) => [r.title, r.score]),
    [
      ['Self-serve SSO wizard', '72.4'],
      ['SCIM user provisioning', '68.7'],
      ['White-glove onboarding team', '65.8'],
      ['In-app onboarding checklist', '48.8'],
      ['Partner-led implementation', '42.2'],
    ],
  );
  // The slider moves the same weight.
  await page.locator('input[type=range][aria-label="Weight Cost"]').fill('3');
  assert.equal((await readRanking(page))[0].title, 'White-glove onboarding team');
  await ctx.close();
});

test('a reload keeps every edit', async () => {
  const { ctx, page } = await openApp(env.browser, env.server.url);
  await page.fill('#scenario-name', 'Onboarding, reviewed');
  await page.fill('#scenario-need', 'Stalled enterprise rollouts');
  await page.fill('#threshold', '65');
  await page.getByRole('button', { name: '+ Add option' }).click();
  await page.locator('#opt-o6-title:focus').waitFor();
  await page.keyboard.type('Kept after reload');
  await page.fill('#opt-o6-c3', '4');
  await waitSaved(page);
  const before = await readRanking(page);
  await page.reload();
  await page.locator('#ranking-heading').waitFor();
  assert.equal(await page.inputValue('#scenario-name'), 'Onboarding, reviewed');
  assert.equal(await page.inputValue('#scenario-need'), 'Stalled enterprise rollouts');
  assert.equal(await page.inputValue('#threshold'), '65');
  assert.equal(await page.inputValue('#opt-o6-title'), 'Kept after reload');
  assert.deepEqual(await readRanking(page), before);
  await ctx.close();
});

test('an edit right before closing the tab is not lost', async () => {
  const ctx = await env.browser.newContext();
  const { page } = await openApp(env.browser, env.server.url, { context: ctx });
  await page.fill('#scenario-name', 'Typed just before closing');
  await page.close({ runBeforeUnload: true });
  const { page: again } = await openApp(env.browser, env.server.url, { context: ctx });
  assert.equal(await again.inputValue('#scenario-name'), 'Typed just before closing');
  await ctx.close();
});

test('scenarios: create, switch, delete and bring back', async () => {
  const { ctx, page } = await openApp(env.browser, env.server.url);
  await page.getByRole('button', { name: 'New scenario' }).click();
  assert.equal(await page.inputValue('#scenario-name'), 'Untitled scenario');
  assert.equal(await page.locator('.rank-row').count(), 0);
  await page.getByText('Add an option to see the ranking.').waitFor();
  assert.deepEqual(
    await page.locator('.criterion-name').evaluateAll((inputs) => inputs.map((i) => i.value)),
    ['Cost', 'Time to market', 'Metric impact', 'Segment fit'],
  );
  await page.fill('#scenario-name', 'Pricing page');
  await page.selectOption('#scenario-switch', { label: 'Enterprise onboarding' });
  assert.equal(await page.inputValue('#scenario-name'), 'Enterprise onboarding');
  assert.equal(await page.locator('.rank-row').count(), 5);
  await page.selectOption('#scenario-switch', { label: 'Pricing page' });
  await page.getByRole('button', { name: 'Delete scenario' }).click();
  assert.equal(await page.inputValue('#scenario-name'), 'Enterprise onboarding');
  assert.deepEqual(await page.locator('#scenario-switch option').allTextContents(), ['Enterprise onboarding']);
  await page.getByText('Scenario “Pricing page” deleted.').waitFor();
  await page.locator('.notice').getByRole('button', { name: 'Undo' }).click();
  assert.equal(await page.inputValue('#scenario-name'), 'Pricing page');
  // Deleted again, it is still listed under "Recently deleted" after a reload.
  await page.getByRole('button', { name: 'Delete scenario' }).click();
  await waitSaved(page);
  await page.reload();
  await page.locator('.trash summary').click();
  await page.getByRole('button', { name: 'Restore: Pricing page' }).click();
  assert.equal(await page.inputValue('#scenario-name'), 'Pricing page');
  await page.getByRole('button', { name: 'Duplicate' }).click();
  assert.equal(await page.inputValue('#scenario-name'), 'Pricing page (copy)');
  await ctx.close();
});

test('the JSON export matches the screen and its schema', async () => {
  const { ctx, page } = await openApp(env.browser, env.server.url);
  await page.fill('#opt-o2-c3', '');
  const screen = await readRanking(page);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export JSON' }).click(),
  ]);
  const today = new Date();
  const date = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
  assert.equal(download.suggestedFilename(), `kerze-enterprise-onboarding-${date}.json`);
  const exported = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.equal(await schemaErrors(exported, 7), null);
  assert.deepEqual(
    exported.ranking.options.map((o) => ({
      rank: o.rank,
      title: o.title,
      score: o.score.toFixed(1),
      below: o.below_threshold,
      incomplete: o.incomplete,
    })),
    screen,
  );
  const whiteGlove = exported.ranking.options.find((o) => o.id === 'o2');
  assert.deepEqual(whiteGlove.missing, ['c3']);
  const sum = Object.values(whiteGlove.contributions).reduce((a, b) => a + b, 0);
  assert.ok(Math.abs(sum - whiteGlove.score) < 1e-9);
  await ctx.close();
});

test('bad input gets a message where it happened and never breaks the page', async () => {
  const { ctx, page } = await openApp(env.browser, env.server.url);
  const before = await readRanking(page);
  await page.fill('#opt-o1-c1', 'abc');
  await page.getByText('“abc” is not a number.').waitFor();
  assert.equal(await page.getAttribute('#opt-o1-c1', 'aria-invalid'), 'true');
  await page.fill('#opt-o1-c2', '-3');
  await page.getByText('Must be 0 or more.').waitFor();
  await page.fill('#opt-o1-c3', '7');
  await page.getByText('Must be between 1 and 5.').waitFor();
  await page.fill('#opt-o1-c1', '2000000000000');
  await page.getByText('Must be between 0 and 1,000,000,000,000.').waitFor();
  await page.fill('#opt-o1-c1', '1e3');
  await page.getByText('“1e3” is written with e: write the number out in digits (1000, not 1e3).').waitFor();
  await page.fill('#crit-c3-max', '0');
  await page.getByText("The scale's end must be above its start.").waitFor();
  assert.deepEqual(await readRanking(page), before, 'refused values change nothing');
  // Fixing the field takes the value and clears the message.
  await page.fill('#opt-o1-c3', '5');
  assert.equal(await page.locator('#opt-o1-c3-error').count(), 0);
  // All weights zero: every score 0 and the reason is shown.
  for (const id of ['c1', 'c2', 'c3', 'c4']) await page.fill(`#crit-${id}-weight`, '0');
  await page.getByText('Every weight is 0, so every score is 0.').waitFor();
  assert.ok((await readRanking(page)).every((r) => r.score === '0.0' && r.rank === 1));
  // A zero mix makes segment fit count 0, and says so.
  await page.fill('#crit-c4-weight', '2');
  for (const s of ['smb', 'enterprise', 'public_sector']) await page.fill(`#mix-${s}`, '0');
  await page.getByText('The segment mix is all 0, so “Segment fit” counts with weight 0.').waitFor();
  // No options at all.
  while (await page.locator('.options-table .remove').count()) {
    await page.locator('.options-table .remove').first().click();
  }
  await page.getByText('Add an option to see the ranking.').waitFor();
  const text = await page.locator('body').innerText();
  assert.ok(!/NaN|Infinity|undefined/.test(text), 'no NaN or undefined on screen');
  assert.deepEqual(page.problems, []);
  await ctx.close();
});

test('the breakdown explains a score and works from the keyboard', async () => {
  const { ctx, page } = await openApp(env.browser, env.server.url);
  await page.locator('.row-title').first().focus();
  const row = await page.locator('.row-title').first().getAttribute('id');
  await page.keyboard.press('Enter');
  const breakdown = page.locator('.breakdown');
  await breakdown.waitFor();
  const points = await breakdown.locator('tbody td:last-child').allTextContents();
  const total = await breakdown.locator('tfoot td.num').textContent();
  assert.equal(total, '70.2');
  // 3·0.8333/12 → 20.8, 2·1/12 → 16.7, 4·0.5/12 → 16.7, 3·0.64/12 → 16.0
  assert.deepEqual(points, ['20.8', '16.7', '16.7', '16.0']);
  // A unit is named beside its criterion, never after a number ("1 weeks").
  assert.equal(await breakdown.locator('tbody tr').nth(1).locator('th .unit').textContent(), 'weeks');
  assert.equal(await breakdown.locator('tbody tr').nth(1).locator('td').first().textContent(), '2');
  // Escape closes it and the focus goes back to the option's row.
  await page.keyboard.press('Escape');
  assert.equal(await breakdown.count(), 0);
  assert.equal(await page.evaluate(() => document.activeElement.id), row);
  // So does its Close button.
  await page.keyboard.press('Enter');
  await breakdown.getByRole('button', { name: 'Close' }).click();
  assert.equal(await breakdown.count(), 0);
  assert.equal(await page.evaluate(() => document.activeElement.id), row);
  await ctx.close();
});

test('German from the browser, with German numbers, and a switch back', async () => {
  const { ctx, page } = await openApp(env.browser, env.server.url, { locale: 'de-DE' });
  await page.getByRole('heading', { name: 'Rangfolge' }).waitFor();
  const rows = await readRanking(page);
  assert.equal(rows[0].title, 'Persönliches Onboarding-Team');
  assert.equal(rows[0].score, '70,2');
  assert.equal(await page.getAttribute('html', 'lang'), 'de');
  await page.fill('#opt-o1-c1', '12,5');
  assert.equal(await page.locator('#opt-o1-c1-error').count(), 0, 'a decimal comma is a number');
  // German numbers are read exactly: a point groups thousands, and a pasted
  // "1.234,5" is 1234.5; "2.5" (an English decimal) is refused, not read as 25.
  await page.fill('#opt-o1-c1', '25.000');
  assert.equal(await page.locator('#opt-o1-c1-error').count(), 0, '25.000 is twenty-five thousand');
  await page.fill('#opt-o2-c1', '1.234,5');
  assert.equal(await page.locator('#opt-o2-c1-error').count(), 0);
  await page.fill('#opt-o3-c1', '2.5');
  await page.getByText('„2.5“ ist keine Zahl in deutscher Schreibweise: 2,5 ist zweieinhalb, 25.000 ist fünfundzwanzigtausend.').waitFor();
  await page.fill('#opt-o3-c1', '30');
  await waitSaved(page);
  await page.reload();
  await page.getByRole('heading', { name: 'Rangfolge' }).waitFor();
  assert.equal(await page.inputValue('#opt-o1-c1'), '25.000', 'stored as 25000, shown in German');
  assert.equal(await page.inputValue('#opt-o2-c1'), '1.234,5');
  await page.selectOption('#language', { label: 'English' });
  await page.getByRole('heading', { name: 'Ranking' }).waitFor();
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await ctx.close();
});

test('a number typed in one language keeps its value after a switch, and ambiguous thousands are refused in both', async () => {
  const { ctx, page } = await openApp(env.browser, env.server.url, { locale: 'de-DE' });
  await page.getByRole('heading', { name: 'Rangfolge' }).waitFor();
  // "25,000" in German would be 25: refused, with both readings.
  await page.fill('#opt-o1-c1', '25,000');
  await page.getByText('„25,000“ könnte 25 oder 25.000 sein: Schreiben Sie 25 oder 25.000.').waitFor();
  await page.fill('#opt-o1-c1', '25.000');
  assert.equal(await page.locator('#opt-o1-c1-error').count(), 0);
  // The text typed in German stays in the field until the language changes…
  await page.selectOption('#language', { label: 'English' });
  await page.getByRole('heading', { name: 'Ranking' }).waitFor();
  // …then the field shows the stored value as English writes it.
  assert.equal(await page.inputValue('#opt-o1-c1'), '25,000');
  // Touching it (a character typed and taken back) changes nothing.
  await page.locator('#opt-o1-c1').focus();
  await page.keyboard.press('End');
  await page.keyboard.type('1');
  await page.keyboard.press('Backspace');
  await page.locator('#opt-o1-c1').blur();
  assert.equal(await page.inputValue('#opt-o1-c1'), '25,000');
  await page.locator('#rank-o1').click();
  assert.match(await page.locator('#breakdown').innerText(), /25,000/);
  await page.keyboard.press('Escape');
  // "25.000" in English would be 25: refused, with both readings.
  await page.fill('#opt-o2-c1', '25.000');
  await page.getByText('“25.000” could be 25 or 25,000: write 25 or 25,000.').waitFor();
  assert.deepEqual(page.problems, []);
  await ctx.close();
});

test('on a phone the ranking comes first and nothing overflows', async () => {
  const { ctx, page } = await openApp(env.browser, env.server.url, { viewport: { width: 390, height: 844 } });
  const ranking = await page.locator('.ranking-panel').boundingBox();
  const editor = await page.locator('.scenario-panel').boundingBox();
  assert.ok(ranking.y < editor.y, 'ranking above the editor');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
  await ctx.close();
});

test('every input has an accessible name', async () => {
  const { ctx, page } = await openApp(env.browser, env.server.url);
  const unnamed = await page.evaluate(() =>
    [...document.querySelectorAll('input, select, textarea, button')]
      .filter((el) => {
        const labelled = el.labels?.length || el.getAttribute('aria-label') || el.getAttribute('aria-labelledby');
        const text = el.tagName === 'BUTTON' && el.textContent.trim();
        return !labelled && !text;
      })
      .map((el) => el.outerHTML.slice(0, 120)),
  );
  assert.deepEqual(unnamed, []);
  await ctx.close();
});

test('undo and redo every edit, from the keyboard and the buttons', async () => {
  const { ctx, page } = await openApp(env.browser, env.server.url);
  const original = await readRanking(page);
  await page.fill('#scenario-name', 'Renamed');
  await page.fill('#crit-c1-weight', '0');
  await page.locator('.options-table .remove').first().click();
  assert.equal(await page.locator('.rank-row').count(), 4);
  await page.keyboard.press('Control+z');
  assert.equal(await page.locator('.rank-row').count(), 5, 'the removed option is back');
  await page.keyboard.press('Control+z');
  assert.equal(await page.inputValue('#crit-c1-weight'), '3');
  await page.getByRole('button', { name: 'Undo' }).first().click();
  assert.equal(await page.inputValue('#scenario-name'), 'Enterprise onboarding');
  assert.deepEqual(await readRanking(page), original);
  assert.ok(await page.getByRole('button', { name: 'Undo' }).first().isDisabled());
  await page.keyboard.press('Control+Shift+z');
  assert.equal(await page.inputValue('#scenario-name'), 'Renamed', 'typing a name is one step');
  await page.keyboard.press('Control+y');
  assert.equal(await page.inputValue('#crit-c1-weight'), '0');
  await ctx.close();
});

test('CSV download and Markdown copy carry the ranking on screen', async () => {
  const context = await env.browser.newContext({ acceptDownloads: true, viewport: { width: 1400, height: 1000 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const { page } = await openApp(env.browser, env.server.url, { context });
  const screen = await readRanking(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
  assert.match(download.suggestedFilename(), /^kerze-enterprise-onboarding-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = parseCsv((await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, ''));
  assert.equal(csv.length, 6);
  assert.deepEqual(csv[0].slice(0, 5), ['Rank', 'Option', 'Score', 'Cost', 'Cost (points)']);
  assert.deepEqual(
    csv.slice(1).map((cells) => cells.slice(0, 3)),
    screen.map((r) => [String(r.rank), r.title, r.score]),
  );
  await page.getByRole('button', { name: 'Copy as Markdown' }).click();
  await page.getByText('The ranking is on the clipboard as a Markdown table.').waitFor();
  const markdown = (await page.evaluate(() => navigator.clipboard.readText())).split('\n');
  assert.equal(markdown[0], '## Enterprise onboarding');
  assert.ok(markdown[2].startsWith('- **Customer need:** Enterprise customers stall in onboarding'));
  assert.equal(markdown[4], '- **Worth-it threshold:** 50');
  assert.ok(markdown[6].endsWith('| Notes |'), 'every column has a heading');
  assert.equal(markdown[8], '| 1 | White-glove onboarding team | 70.2 | 20.8 | 16.7 | 16.7 | 16.0 |  |');
  assert.ok(markdown[12].endsWith('| below the line |'));
  await context.close();
});

test('Enter in an option title adds the next option, ready to type', async () => {
  const { ctx, page } = await openApp(env.browser, env.server.url);
  await page.locator('#opt-o5-title').focus();
  await page.keyboard.press('Enter');
  // As a user does, type once the new row is there and has the focus.
  await page.locator('#opt-o6-title:focus').waitFor();
  await page.keyboard.type('Typed without the mouse');
  await page.keyboard.press('Enter');
  await page.locator('#opt-o7-title:focus').waitFor();
  await page.keyboard.type('And another');
  assert.equal(await page.inputValue('#opt-o5-title'), 'Partner-led implementation', 'the previous title is untouched');
  assert.equal(await page.inputValue('#opt-o6-title'), 'Typed without the mouse');
  assert.equal(await page.inputValue('#opt-o7-title'), 'And another');
  assert.equal(await page.locator('.rank-row').count(), 7);
  await ctx.close();
});
