// Kerze in the room it is made for: a projector (1024×768, 1280×720, also at
// 150 % zoom), a stakeholder's phone (390×844), print, and the keyboard alone.
// Every screen is checked with axe-core in both languages and both colour
// schemes, with the app's own Content-Security-Policy in force.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { violations } from '../lib/checks.js';
import { useServerAndBrowser, openApp, readRanking } from '../lib/harness.js';
import { generatedScenario, openWith } from '../lib/generate.js';

const env = useServerAndBrowser({ before, after });

const PROJECTOR = { width: 1280, height: 720 };
const SMALL_PROJECTOR = { width: 1024, height: 768 };
const PHONE = { width: 390, height: 844 };

/**
 * No axe-core violations on the page as it is. The script goes in through the
 * test browser's own evaluation channel, which the page's CSP does not govern:
 * the page itself still runs no inline or foreign script.
 */
async function assertAccessible(page, where) {
  assert.deepEqual(await violations(page), [], `axe-core on ${where}`);
}

/** A shared link to the open scenario, read from the share panel. */
async function shareLink(page, { presenting = false } = {}) {
  await page.locator('#share-button').click();
  if (presenting) await page.getByLabel(/presentation view|Präsentationsansicht/).check();
  const link = await page.locator('#share-link').inputValue();
  await page.keyboard.press('Escape');
  return link;
}

/** Whether the element's box lies wholly inside the window. */
async function inView(locator) {
  return locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.top >= 0 && r.left >= 0 && r.bottom <= window.innerHeight && r.right <= window.innerWidth;
  });
}

for (const lang of ['en-US', 'de-DE']) {
  for (const colorScheme of ['light', 'dark']) {
    test(`every screen passes axe-core (${lang}, ${colorScheme})`, async () => {
      for (const viewport of [PROJECTOR, PHONE]) {
        const ctx = await env.browser.newContext({ locale: lang, colorScheme, viewport });
        const { page } = await openApp(env.browser, env.server.url, { context: ctx });
        const size = `${viewport.width}×${viewport.height}`;
        await assertAccessible(page, `the edit screen at ${size}`);
        // A breakdown compared with the option above it.
        await page.locator('.rank-row').nth(1).locator('.row-title').click();
        await page.locator('.breakdown-tools button').first().click();
        await page.locator('.comparison').waitFor();
        await assertAccessible(page, `a comparison at ${size}`);
        // The focus is in the comparison's choice, where '?' is typed, not a shortcut.
        await page.evaluate(() => document.activeElement.blur());
        await page.keyboard.press('?');
        await page.locator('[role="dialog"]').waitFor();
        await assertAccessible(page, `the shortcuts at ${size}`);
        await page.keyboard.press('Escape');
        await page.keyboard.press('p');
        await page.locator('.present').waitFor();
        await assertAccessible(page, `the presentation at ${size}`);
        await page.keyboard.press('Escape');
        await page.emulateMedia({ media: 'print' });
        await page.locator('.print-details').waitFor({ state: 'attached' });
        await assertAccessible(page, `print media at ${size}`);
        await page.emulateMedia({ media: 'screen' });
        const link = await shareLink(page);
        const shared = await ctx.newPage();
        await shared.goto(link);
        await shared.locator('.shared-bar').waitFor();
        await assertAccessible(shared, `the shared view at ${size}`);
        await shared.locator('.inputs-closed button').click();
        await shared.locator('#options-heading').waitFor();
        await assertAccessible(shared, `the shared view's inputs at ${size}`);
        assert.deepEqual(page.problems, []);
        await ctx.close();
      }
    });
  }
}

for (const [name, viewport, zoom] of [
  ['1024×768', SMALL_PROJECTOR, 1],
  ['1280×720', PROJECTOR, 1],
  ['1280×720 at 150 %', PROJECTOR, 1.5],
  ['390×844', PHONE, 1],
]) {
  test(`at ${name} every value of a wide table is reachable with its option's title in sight`, async () => {
    // 150 % zoom: the same page in a window two thirds the size, drawn 1.5× larger.
    const css = { width: Math.round(viewport.width / zoom), height: Math.round(viewport.height / zoom) };
    const { context, page } = await openWith(env.browser, env.server.url, generatedScenario(15), {
      viewport: css,
      deviceScaleFactor: zoom,
    });
    const row = page.locator('.options-table [role="rowgroup"] .option-row').first();
    const fields = row.locator('input');
    const count = await fields.count();
    assert.ok(count >= 11, `title, description, 7 values and 3 fits: ${count} fields`);
    const title = row.locator('.option-title');
    // The hint says there is more to the right, unless everything fits.
    const fits = await page.locator('.table-scroll').evaluate((el) => el.scrollWidth <= el.clientWidth);
    assert.equal(await page.locator('.more-right').count(), fits ? 0 : 1);
    for (let i = 2; i < count; i += 1) {
      const field = fields.nth(i);
      await field.focus();
      // The focused field is on screen and nothing covers it; the title stays in view.
      const uncovered = await field.evaluate((el) => {
        el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
        const r = el.getBoundingClientRect();
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return el === hit || el.contains(hit);
      });
      assert.ok(uncovered, `value field ${i} is visible and uncovered at ${name}`);
      const box = await title.boundingBox();
      assert.ok(box && box.x >= 0 && box.x + 40 <= css.width, `the option title stays in view at field ${i}`);
    }
    // One criterion at a time: a single value column beside the titles.
    await page.getByLabel(/^Score$/).selectOption({ label: 'Metric impact' });
    assert.equal(await row.locator('input').count(), 3);
    assert.equal(await page.locator('.options-table [role="columnheader"]').nth(1).innerText().then((t) => t.split('\n')[0]), 'Metric impact');
    await page.getByLabel(/^Score$/).selectOption({ label: 'All criteria at once' });
    assert.equal(await row.locator('input').count(), count);
    // Opening the last option's breakdown brings it into view.
    await page.locator('.rank-row').last().locator('.row-title').click();
    await page.locator('.breakdown').waitFor();
    const breakdownTop = await page.locator('.breakdown').evaluate((el) => el.getBoundingClientRect().top);
    assert.ok(breakdownTop >= 0 && breakdownTop < css.height, `the breakdown starts on screen (top ${breakdownTop})`);
    // No page-wide sideways scrolling.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page is ${overflow}px wider than the window`);
    await context.close();
  });
}

test('presenting at 1280×720: the whole top 5 large, arrows walk the breakdowns, Escape returns', async () => {
  const { ctx, page } = await openApp(env.browser, env.server.url, { viewport: PROJECTOR });
  const present = page.getByRole('button', { name: 'Present', exact: true });
  await present.click();
  await page.locator('.present').waitFor();
  assert.equal(
    await page.locator('.present h1').textContent(),
    'Enterprise customers stall in onboarding: 40\u00a0% of new accounts have no active users after 30 days.',
  );
  await page.getByText('Recommendation: Do “White-glove onboarding team” first: it scores 70.2 of 100.').waitFor();
  const rows = page.locator('.rank-row');
  assert.equal(await rows.count(), 5);
  for (let i = 0; i < 5; i += 1) {
    assert.ok(await inView(rows.nth(i)), `row ${i + 1} is on screen`);
    const [title, score] = await rows.nth(i).evaluate((row) => [
      parseFloat(getComputedStyle(row.querySelector('.row-title')).fontSize),
      parseFloat(getComputedStyle(row.querySelector('.score')).fontSize),
    ]);
    assert.ok(title >= 24, `titles are ${title}px`);
    assert.ok(score >= 40, `scores are ${score}px`);
  }
  // The threshold is a line with words, the legend names every criterion.
  assert.equal(await page.locator('.rank-row.first-below').getAttribute('data-line'), 'Not worth it below this line (threshold 50)');
  assert.equal(await page.locator('.present .legend li').count(), 4);
  // The breakdown of #1 is open from the start; the arrows walk on from it.
  await page.getByRole('heading', { name: 'Why this score: White-glove onboarding team' }).waitFor();
  assert.ok(await inView(page.locator('.breakdown h3')));
  await page.keyboard.press('ArrowDown');
  await page.getByRole('heading', { name: 'Why this score: In-app onboarding checklist' }).waitFor();
  await page.keyboard.press('ArrowUp');
  await page.getByRole('heading', { name: 'Why this score: White-glove onboarding team' }).waitFor();
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('.present').count(), 0);
  await page.locator('#scenario-name').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Present', 'the focus is back on the button');
  assert.deepEqual(page.problems, []);
  await ctx.close();
});

test('presenting fits a projector: the top 5, the breakdown and the keys in view at 1280×720 and 1024×768, in English and German', async () => {
  for (const [width, height] of [[1280, 720], [1024, 768]]) {
    for (const [locale, leave] of [['en-US', 'Back to editing'], ['de-DE', 'Zurück zum Bearbeiten']]) {
      const { ctx, page } = await openApp(env.browser, env.server.url, { viewport: { width, height }, locale });
      await page.keyboard.press('p');
      await page.locator('.present .breakdown table').waitFor();
      const where = `${width}×${height} ${locale}`;
      const rows = page.locator('.rank-row');
      assert.equal(await rows.count(), 5);
      for (let i = 0; i < 5; i += 1) assert.ok(await inView(rows.nth(i)), `${where}: row ${i + 1} is on screen`);
      assert.ok(await inView(page.locator('.present .breakdown table')), `${where}: the breakdown is on screen`);
      assert.ok(await inView(page.locator('.present-steps')), `${where}: the keys are on screen`);
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), width, `${where}: nothing sticks out sideways`);
      // The user's own scenario: leaving goes back to editing.
      await page.getByRole('button', { name: leave }).waitFor();
      await ctx.close();
    }
  }
});

test('back from presenting, the focus and the page stay at Present, and a breakdown opened by Enter comes into view', async () => {
  const { ctx, page } = await openApp(env.browser, env.server.url, { viewport: PROJECTOR });
  const present = page.getByRole('button', { name: 'Present', exact: true });
  await present.focus();
  await page.keyboard.press('Enter');
  await page.locator('.present').waitFor();
  await page.keyboard.press('Escape');
  await page.locator('#scenario-name').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Present');
  assert.ok(await inView(present), 'the focused button is on screen');
  await page.locator('.rank-row').nth(1).locator('.row-title').focus();
  await page.keyboard.press('Enter');
  const heading = page.getByRole('heading', { name: 'Why this score: In-app onboarding checklist' });
  await heading.waitFor();
  await page.waitForFunction(() => {
    const r = document.querySelector('.breakdown h3').getBoundingClientRect();
    return r.top >= 0 && r.bottom <= innerHeight;
  }, null, { timeout: 3000 });
  await ctx.close();
});

test('a link can open straight into the presentation view', async () => {
  const { ctx, page } = await openApp(env.browser, env.server.url);
  const link = await shareLink(page, { presenting: true });
  assert.match(link, /\?present#/);
  const viewer = await (await env.browser.newContext({ viewport: PROJECTOR })).newPage();
  await viewer.goto(link);
  await viewer.locator('.present').waitFor();
  assert.equal(await viewer.locator('.rank-row').count(), 5);
  await viewer.keyboard.press('Escape');
  await viewer.locator('.shared-bar').waitFor();
  await viewer.context().close();
  await ctx.close();
});

test('on a phone a shared link starts with the need and the recommendation, and the breakdown fits', async () => {
  const { ctx, page } = await openApp(env.browser, env.server.url);
  const link = await shareLink(page);
  await ctx.close();
  for (const viewport of [PHONE, { width: 360, height: 740 }]) {
    const phoneCtx = await env.browser.newContext({ viewport, isMobile: true, hasTouch: true });
    const phone = await phoneCtx.newPage();
    await phone.goto(link);
    await phone.locator('.shared-bar').waitFor();
    const need = phone.locator('.summary.lead p').first();
    assert.match(await need.textContent(), /^Customer need: Enterprise customers stall/);
    const recommendation = phone.locator('.summary.lead .recommendation');
    assert.equal(await recommendation.textContent(), 'Recommendation: Do “White-glove onboarding team” first: it scores 70.2 of 100.');
    assert.ok(await inView(recommendation), `the recommendation is above the fold at ${viewport.width}px`);
    // Full titles, wrapped; segment ranks shown.
    const rows = await readRanking(phone);
    assert.equal(rows[1].title, 'In-app onboarding checklist');
    assert.ok(await phone.locator('.rank-row').first().locator('.segment-ranks').isVisible());
    const clipped = await phone.locator('.row-title').evaluateAll((titles) => titles.filter((t) => t.scrollWidth > t.clientWidth).length);
    assert.equal(clipped, 0, 'no title is cut off');
    // The breakdown and a comparison fit the width.
    await phone.locator('.rank-row').first().locator('.row-title').click();
    await phone.locator('.breakdown-tools button').first().click();
    await phone.locator('.comparison').waitFor();
    const wider = await phone.locator('.breakdown').evaluate((el) => [el.scrollWidth - el.clientWidth, el.getBoundingClientRect().right - window.innerWidth]);
    assert.ok(wider[0] <= 0 && wider[1] <= 0, `the breakdown overflows by ${wider}`);
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page is ${overflow}px wider than the phone`);
    await phoneCtx.close();
  }
});

test('on a phone Share is in sight without scrolling sideways, the rest behind "More"', async () => {
  const { ctx, page } = await openApp(env.browser, env.server.url, { viewport: PHONE });
  const share = page.locator('#share-button');
  assert.ok(await inView(share));
  assert.equal(await page.getByRole('button', { name: 'Export JSON' }).isVisible(), false);
  await page.getByRole('button', { name: /^More/ }).click();
  assert.ok(await inView(page.getByRole('button', { name: 'Export JSON' })));
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0);
  await ctx.close();
});

test('keyboard alone: skip to the ranking, compare #1 and #2, present, step, escape, share', async () => {
  const { ctx, page } = await openApp(env.browser, env.server.url, { viewport: PROJECTOR });
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Skip to the ranking');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'ranking-heading');
  // The find field, hiding the options below the line, then the first option of the ranking.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.parentElement.textContent), 'Hide options below the line (1)');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'White-glove onboarding team');
  await page.keyboard.press('Enter');
  await page.locator('.breakdown').waitFor();
  // Into the breakdown: its Compare button follows the rows.
  await page.locator('.breakdown-tools button').first().focus();
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Compare');
  await page.keyboard.press('Enter');
  await page.getByText(
    '“White-glove onboarding team” leads “In-app onboarding checklist” by 8.6 points: +8.3 from Metric impact, −4.2 from Cost, +3.0 from Segment fit, +1.4 from Time to market.',
  ).waitFor();
  // The focus went from the Compare button (now gone) to the choice of the
  // other option, never to the page: compare with another by keyboard.
  await page.waitForFunction(() => document.activeElement?.id === 'compare-with');
  await page.keyboard.press('ArrowDown');
  await page.getByText(/leads “SCIM user provisioning” by 10\.\d points/).waitFor();
  // Escape closes the comparison, then the breakdown, and the focus comes back to the row.
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('.comparison').count(), 0);
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('.breakdown').count(), 0);
  assert.equal(await page.evaluate(() => document.activeElement.id), await page.locator('.row-title').first().getAttribute('id'));
  // Present, step, escape.
  await page.keyboard.press('p');
  await page.locator('.present').waitFor();
  await page.getByRole('heading', { name: 'Why this score: White-glove onboarding team' }).waitFor();
  await page.keyboard.press('ArrowDown');
  await page.getByRole('heading', { name: 'Why this score: In-app onboarding checklist' }).waitFor();
  await page.keyboard.press('Escape');
  await page.locator('#scenario-name').waitFor();
  // The shortcuts are listed; Escape closes the list and the focus returns.
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await dialog.waitFor();
  assert.equal(await dialog.locator('.shortcut').count(), 10);
  await page.keyboard.press('Escape');
  assert.equal(await dialog.count(), 0);
  // Find an option by name.
  await page.keyboard.press('/');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'find-option');
  await page.keyboard.type('scim');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Why this score: SCIM user provisioning' }).waitFor();
  await page.locator('body').focus();
  // Share: the link is selected, ready for Ctrl+C; Escape closes only the panel.
  await page.locator('#ranking-heading').focus();
  await page.keyboard.press('s');
  await page.locator('.share-panel').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'share-link');
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('.share-panel').count(), 0);
  assert.equal(await page.locator('.breakdown').count(), 1, 'the breakdown under it stays');
  // N adds an option and its title takes the focus.
  await page.keyboard.press('n');
  await page.waitForFunction(() => document.activeElement?.classList.contains('option-title'));
  assert.deepEqual(page.problems, []);
  await ctx.close();
});

test('printing gives a decision record of at most two A4 pages', async () => {
  const { ctx, page } = await openApp(env.browser, env.server.url, { viewport: PROJECTOR });
  await page.locator('.rank-row').first().locator('.row-title').click();
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  assert.ok(pages >= 1 && pages <= 2, `the record has ${pages} pages`);
  // What the printed pages hold, read with the print style sheet in force.
  await page.emulateMedia({ media: 'print' });
  const text = await page.locator('body').innerText();
  for (const expected of [
    'Enterprise onboarding',
    'Decision record of',
    'Customer need: Enterprise customers stall in onboarding',
    'Root cause: Single sign-on and role setup',
    'Recommendation: Do “White-glove onboarding team” first',
    'White-glove onboarding team',
    'In-app onboarding checklist',
    'SCIM user provisioning',
    'Self-serve SSO wizard',
    'Partner-led implementation',
    '70.2',
    '44.2',
    'The values behind the scores',
  ]) {
    assert.ok(text.includes(expected), `the record holds “${expected}”`);
  }
  // No buttons or fields are printed; the bars keep their colours.
  for (const hidden of ['Share', 'Export JSON', 'Scenario name']) {
    assert.ok(!text.includes(hidden), `“${hidden}” is not printed`);
  }
  assert.equal(await page.locator('.bar .segment').first().evaluate((el) => getComputedStyle(el).printColorAdjust), 'exact');
  await ctx.close();
});

test('printing 20 options: two pages, #1 named in the chart, every value to check, no screen controls', async () => {
  const { context, page } = await openWith(env.browser, env.server.url, generatedScenario(20), { viewport: PROJECTOR });
  // Only paper shows the values table: it is drawn once the page is printed, not on every edit before.
  assert.equal(await page.locator('.print-details').count(), 0);
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  assert.ok(pages >= 1 && pages <= 2, `the record has ${pages} pages`);
  await page.emulateMedia({ media: 'print' });
  const text = await page.locator('body').innerText();
  for (const control of ['Hide options below the line', 'The chart as a table', 'Chart settings', 'Download']) {
    assert.ok(!text.includes(control), `“${control}” is not printed`);
  }
  // #1 carries its name in the chart.
  const first = (await readRanking(page))[0];
  const labels = await page.locator('.chart svg text').allTextContents();
  assert.ok(labels.some((l) => first.title.startsWith(l.replace('…', ''))), `#1 “${first.title}” is named in the chart: ${labels.join(' | ')}`);
  // The values behind the scores: one row per option, in rank order, with each value as entered.
  const rows = page.locator('.print-details tbody tr');
  assert.equal(await rows.count(), 20);
  const top = await rows.first().locator('td, th').allTextContents();
  assert.equal(top[0], '1');
  assert.equal(top[1], first.title);
  assert.equal(top[top.length - 1], first.score);
  assert.equal(top.length, 2 + 8 + 1, 'rank, option, 8 criteria, score');
  await context.close();
});

test('a new scenario takes the focus on its name, selected, ready to be typed over', async () => {
  const { ctx, page } = await openApp(env.browser, env.server.url);
  await page.getByRole('button', { name: 'New scenario' }).click();
  await page.waitForFunction(() => document.activeElement?.id === 'scenario-name');
  await page.keyboard.type('Pricing');
  assert.equal(await page.inputValue('#scenario-name'), 'Pricing');
  await ctx.close();
});

test('a notice of something done goes by itself; one that needs an answer stays', async () => {
  const { ctx, page } = await openApp(env.browser, env.server.url);
  await page.getByRole('button', { name: 'Copy as Markdown' }).click();
  const done = page.locator('.notice').filter({ hasText: /Markdown|clipboard/ });
  await done.waitFor();
  await done.waitFor({ state: 'detached', timeout: 20_000 });
  await ctx.close();
});

test('presenting at 150 % zoom, the arrows bring each row they reach into view', async () => {
  // 1280×720 at 150 % zoom is a window of 853×480 CSS pixels.
  const ctx = await env.browser.newContext({ viewport: { width: 853, height: 480 } });
  const { page } = await openApp(env.browser, env.server.url, { context: ctx });
  await page.keyboard.press('p');
  await page.locator('.present').waitFor();
  await page.getByRole('heading', { name: 'Why this score: White-glove onboarding team' }).waitFor();
  const rows = page.locator('.rank-row');
  for (let i = 1; i < 5; i += 1) {
    await page.keyboard.press('ArrowDown');
    await page.waitForFunction((i) => document.querySelectorAll('.rank-row')[i]?.classList.contains('selected') ?? false, i);
    const box = await rows.nth(i).locator('.row-title').boundingBox();
    assert.ok(box.y >= -1 && box.y + box.height <= 481, `row ${i + 1} is in view (${Math.round(box.y)})`);
  }
  await ctx.close();
});
