// Group scoring as a room meets it: the facilitator starts a round; three
// people score on their own devices (two on phones) and send their return
// links; the facilitator pastes them all; the heatmap's medians are the ones
// worked out by hand; accepting moves the ranking as predicted and Undo
// restores it; hot seat never shows one person's scores to the next. Then:
// weights ("#1 for k of n"), ballot files dropped and opened, hidden names,
// accessibility on projector and phone in light and dark, a second round,
// the ballot page by keyboard alone, and the QR code read by a QR decoder.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import jsQR from 'jsqr';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { useServerAndBrowser, openApp, readRanking, kerzeEntries, DIST } from '../lib/harness.js';
import { generatedScenario, openWith } from '../lib/generate.js';

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
  const selects = page.locator('div.ballot select');
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
  assert.match(link, /#r2\./);
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
  // Accepting first says what it sets and how the ranking moves; nothing changes yet.
  await page.getByRole('button', { name: 'Accept these values' }).click();
  const preview = await page.locator('.accept-preview').innerText();
  const [, n] = preview.match(/This sets (\d+) cells to the room's values \(Undo takes them back\)\. The ranking then: /);
  assert.deepEqual((await readRanking(page)).map((r) => `${r.title} ${r.score}`), before, 'nothing set before the second click');
  // Cancel leaves everything; a second try and a confirmation set the values.
  await page.getByRole('button', { name: 'Cancel', exact: true }).click();
  assert.equal(await page.locator('.accept-preview').count(), 0);
  await page.getByRole('button', { name: 'Accept these values' }).click();
  await page.getByRole('button', { name: `Set ${n} values` }).click();
  const after = (await readRanking(page)).map((r) => `${r.title} ${r.score}`);
  assert.notDeepEqual(after, before);
  // The preview's moves are the ones the ranking made.
  for (const [, title, from, to] of preview.matchAll(/([^,:]+?) (\d+) → (\d+)/g)) {
    const row = (await readRanking(page)).find((r) => r.title === title.trim());
    assert.equal(String(row.rank), to, `${title} ${from} → ${to}`);
  }
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

/** Opens a ballot link as a participant; `phone`: a 390 × 844 touch screen. */
async function ballotPage(browser, link, phone = true) {
  const context = await browser.newContext({ bypassCSP: true, acceptDownloads: true, ...(phone ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } : {}) });
  const page = await context.newPage();
  await page.goto(link);
  await page.getByLabel('Your name or initials').waitFor();
  return { context, page };
}

/** Fills a ballot: name, Metric impact per option, and the four weights. */
async function fillBallot(page, name, impacts, weights) {
  await page.getByLabel('Your name or initials').fill(name);
  const selects = page.locator('div.ballot select');
  for (const [i, v] of impacts.entries()) await selects.nth(i).selectOption(v);
  for (const [i, w] of weights.entries()) await page.locator(`#weight-${i}`).fill(w);
  await page.getByRole('button', { name: 'Send my scores' }).click();
  await page.locator('#return-link').waitFor();
}

test('weights, files (dropped and opened), hidden names and a second round', async () => {
  const { page } = await openApp(env.browser, env.server.url);
  const group = page.locator('section.group');
  await group.scrollIntoViewIfNeeded();
  for (const box of await group.locator('.group-start fieldset input[type=checkbox]').all()) {
    const name = await box.evaluate((b) => b.parentElement.textContent.trim());
    if ((name === 'Metric impact') !== (await box.isChecked())) await box.click();
  }
  await group.getByLabel('Ask each person for weights too').check();
  await group.getByRole('button', { name: 'Make the ballot link' }).click();
  const link = await group.locator('#ballot-link').inputValue();

  // Anna and Cem weigh only Metric impact, Ben only Cost (the demo's criteria:
  // Cost, Time to market, Metric impact, Segment fit). The medians of Metric
  // impact are 5, 1, 1, 1, 1: by impact alone the first option is #1; by cost
  // alone the fourth (10 person-days, the cheapest). So: #1 for 2 of 3 people.
  const anna = await ballotPage(env.browser, link);
  // On the phone, "40 %" in the need never breaks between the figure and its sign.
  const need = anna.page.locator('.ballot-page .prose').first();
  assert.match(await need.textContent(), /40\u00a0% of new accounts/);
  await fillBallot(anna.page, 'Anna', ['5', '1', '1', '1', '1'], ['0', '0', '10', '0']);
  assert.ok(await anna.page.evaluate(() => document.documentElement.scrollWidth <= 390), 'nothing wider than the phone');
  const [download] = await Promise.all([anna.page.waitForEvent('download'), anna.page.getByRole('button', { name: 'Download the file' }).click()]);
  const annaFile = await readFile(await download.path(), 'utf8');
  assert.match(annaFile, /"format": "kerze-ballot"/);
  await anna.context.close();
  const ben = await ballotPage(env.browser, link);
  await fillBallot(ben.page, 'Ben', ['5', '2', '2', '2', '2'], ['10', '0', '0', '0']);
  const [benDownload] = await Promise.all([ben.page.waitForEvent('download'), ben.page.getByRole('button', { name: 'Download the file' }).click()]);
  const benFile = await readFile(await benDownload.path());
  await ben.context.close();
  const cem = await ballotPage(env.browser, link, false);
  await fillBallot(cem.page, 'Cem', ['4', '1', '1', '1', '1'], ['0', '0', '10', '0']);
  const cemLink = await cem.page.locator('#return-link').inputValue();
  await cem.context.close();

  // Anna's file is dropped on the reveal, Ben's opened, Cem's link pasted.
  const drop = await page.evaluateHandle((text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], 'kerze-ballot-Anna.json', { type: 'application/json' }));
    return data;
  }, annaFile);
  await page.locator('.group-reveal').dispatchEvent('drop', { dataTransfer: drop });
  await page.getByText('Anna: counted.').waitFor();
  await page.locator('.group-reveal input[type=file]').setInputFiles({ name: 'kerze-ballot-Ben.json', mimeType: 'application/json', buffer: benFile });
  await page.getByText('Ben: counted.').waitFor();
  await page.locator('#return-links').fill(cemLink);
  await page.getByRole('button', { name: 'Reveal', exact: true }).click();
  await page.getByText('Cem: counted.').waitFor();
  // The drop revealed the ballot and imported nothing.
  const stored = Object.keys(await kerzeEntries(page)).filter((k) => k.startsWith('kerze.scenario.'));
  assert.equal(stored.length, 1, 'no scenario imported');
  assert.equal(await page.locator('.notice').filter({ hasText: 'kerze-ballot-Anna.json' }).count(), 0);
  const first = await page.locator('table.heatmap tbody tr').first().locator('th').textContent();
  assert.equal(await page.locator('.firsts').textContent(), `By their own weights, ${first} is #1 for 2 of 3 people.`);
  assert.deepEqual(
    await page.locator('table.heatmap tbody tr').evaluateAll((rows) => rows.map((r) => r.querySelector('td').textContent)),
    ['3 · 5 (4–5)', '3 · 1 (1–2)', '3 · 1 (1–2)', '3 · 1 (1–2)', '3 · 1 (1–2)'],
  );

  // Names hidden: nobody's name is left on the screen; the votes, lowest first, say "Person n".
  await group.getByLabel('Hide names').check();
  await page.locator('table.heatmap tbody tr').first().locator('td button').click();
  await page.locator('.cell-votes').waitFor();
  const shown = await group.textContent();
  for (const name of ['Anna', 'Ben', 'Cem']) assert.ok(!shown.includes(name), `${name} is hidden`);
  assert.match(shown, /3 people scored: Person 1, Person 2, Person 3/);
  assert.deepEqual(await page.locator('.cell-votes ul.votes li').allTextContents(), ['Person 3: 4', 'Person 1: 5', 'Person 2: 5']);

  // The projector and a phone, light and dark: no accessibility violation.
  for (const [width, height] of [[1280, 720], [390, 844]]) {
    for (const colorScheme of ['light', 'dark']) {
      await page.setViewportSize({ width, height });
      await page.emulateMedia({ colorScheme });
      assert.deepEqual(await axe(page), [], `${width}×${height}, ${colorScheme}`);
    }
  }
  await page.setViewportSize({ width: 1280, height: 720 });

  // A second round for the ticked cells only. Not every cell of the queue
  // comes ticked (only what could change #1); the facilitator ticks one more.
  const boxes = page.locator('ol.queue input[type=checkbox]');
  const queued = await boxes.count();
  assert.ok(queued > 1);
  assert.ok((await page.locator('ol.queue input[type=checkbox]:checked').count()) < queued, 'not every cell pre-ticked');
  await page.locator('ol.queue input[type=checkbox]:not(:checked)').first().check();
  const ticked = await page.locator('ol.queue input[type=checkbox]:checked').count();
  assert.ok(ticked > 0);
  await page.getByRole('button', { name: 'Second round for the ticked cells' }).click();
  await group.getByRole('heading', { name: `Round 2: ${ticked} cells to score again` }).waitFor();
  const second = await group.locator('#ballot-link').inputValue();
  assert.notEqual(second, link);
  const dana = await ballotPage(env.browser, second);
  assert.equal(await dana.page.locator('div.ballot .ballot-cell').count(), ticked);
  await dana.context.close();
});

test('the ballot page works by keyboard alone on a 360 px phone', async () => {
  const { page: facilitator } = await openApp(env.browser, env.server.url);
  const link = await startRound(facilitator);
  const context = await env.browser.newContext({ bypassCSP: true, viewport: { width: 360, height: 780 }, isMobile: true });
  const page = await context.newPage();
  await page.goto(link);
  await page.getByLabel('Your name or initials').waitFor();
  const focused = () => page.evaluate(() => document.activeElement?.id || document.activeElement?.textContent);
  // Tab to the name, type it; Tab to the first cell's list and choose 4 by typing.
  for (let i = 0; i < 20 && (await focused()) !== 'ballot-name'; i++) await page.keyboard.press('Tab');
  await page.keyboard.type('Fay');
  await page.keyboard.press('Tab');
  assert.equal(await focused(), 'cell-0');
  await page.keyboard.type('4');
  assert.equal(await page.locator('#cell-0').inputValue(), '4');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Seen it at two customers');
  // On to "Send my scores", and Enter.
  for (let i = 0; i < 40 && (await focused()) !== 'Send my scores'; i++) await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  const back = await page.locator('#return-link').inputValue();
  assert.match(back, /#b1\./);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 360), 'nothing wider than the phone');
  // The participant's device keeps their own draft and nothing else.
  const kept = await page.evaluate(() => Object.keys(localStorage));
  assert.equal(kept.length, 1);
  assert.match(kept[0], /^kerze\.draft\.\d+$/);
  assert.match(await page.evaluate((key) => localStorage.getItem(key), kept[0]), /"name":"Fay"/);
  await context.close();
});

test('the QR code of a 20-option ballot link scans back to the link', async () => {
  const scenario = generatedScenario(20, 'sqr');
  for (const [i, option] of scenario.options.entries()) option.description = `What we would build for the ${i + 1}. request, in one sentence.`;
  const { context, page } = await openWith(env.browser, env.server.url, scenario, { viewport: { width: 1280, height: 720 } });
  const group = page.locator('section.group');
  await group.scrollIntoViewIfNeeded();
  for (const box of await group.locator('.group-start fieldset input[type=checkbox]').all()) {
    const name = await box.evaluate((b) => b.parentElement.textContent.trim());
    if (['Metric impact', 'Reach', 'Segment fit'].includes(name) !== (await box.isChecked())) await box.click();
  }
  await group.getByRole('button', { name: 'Make the ballot link' }).click();
  const link = await group.locator('#ballot-link').inputValue();
  assert.ok(link.length > 550, `a long link (${link.length} characters)`);
  const qr = group.locator('svg.qr');
  // On the projector the code is at least 300 px wide.
  assert.ok((await qr.boundingBox()).width >= 300);
  // Drawn as the page draws it, 4 pixels per module, then read by a QR decoder.
  const { width, height, pixels } = await qr.evaluate(async (svg) => {
    const size = svg.viewBox.baseVal.width * 4;
    const image = new Image();
    image.src = `data:image/svg+xml;base64,${btoa(new XMLSerializer().serializeToString(svg))}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = size;
    const ctx = canvas.getContext('2d');
    ctx.drawImage(image, 0, 0, size, size);
    return { width: size, height: size, pixels: [...ctx.getImageData(0, 0, size, size).data] };
  });
  const code = jsQR(Uint8ClampedArray.from(pixels), width, height);
  assert.ok(code, 'the code is found');
  assert.equal(code.data, link);
  await context.close();
});

test('the ballot says what the ends of each scale mean', async () => {
  const { ctx, page } = await openApp(env.browser, env.server.url);
  const link = await startRound(page);
  const anna = await ballotPage(env.browser, link);
  const scales = await anna.page.locator('.ballot-scales').innerText();
  assert.match(scales, /How to score/);
  assert.match(scales, /Metric impact: 1 is the worst, 5 the best/);
  await anna.context.close();
  await ctx.close();
});

test('from kerze.html on a disk, the ballot link comes with a warning instead of a QR code', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 720 } });
  const { page } = await openApp(env.browser, pathToFileURL(join(DIST, 'kerze.html')).href, { context });
  const link = await startRound(page);
  assert.match(link, /^file:/);
  await page.getByText('no phone can open it').waitFor();
  assert.equal(await page.locator('section.group svg.qr').count(), 0, 'no code to scan');
  await context.close();
});

test('the toolbar leads to group scoring, by keyboard too', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 720 } });
  const { page } = await openApp(env.browser, env.server.url, { context });
  await page.locator('#group-button').focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'group-heading');
  const box = await page.locator('#group-heading').boundingBox();
  assert.ok(box.y >= 0 && box.y + box.height <= 720, `the heading is in view (${box.y})`);
  await page.keyboard.press('Tab');
  assert.notEqual(await page.evaluate(() => document.activeElement.tagName), 'BODY');
  await context.close();
});
