// "Is #1 really #1?" as a user meets it: the badge and its sentence, a weight
// moved just past its strip's end, a range typed into a cell, the same
// percentages after a reload and through a link, an old link, and a download
// whose figures are bit for bit those of the native build.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { useServerAndBrowser, openApp, readRanking, waitSaved } from '../lib/harness.js';

const env = useServerAndBrowser({ before, after });

/** Waits until every weight (and value) sample has run, then reads the block. */
async function settledRobustness(page, { values = false } = {}) {
  await page.waitForFunction(
    (values) => {
      const block = document.querySelector('.robustness');
      if (!block || !block.textContent.includes('10,000 weight samples')) return false;
      return !values || block.textContent.includes('of 10,000 value samples');
    },
    values,
    { timeout: 30_000 },
  );
  return page.locator('.robustness').innerText();
}

/** What the ranking says about each option's chances, top to bottom. */
function chancesOf(page) {
  return page.locator('.rank-list .rank-row').evaluateAll((rows) =>
    rows.map((row) => [
      row.querySelector('.title-text').textContent,
      row.querySelector('.places')?.textContent ?? '',
      row.querySelector('.chances')?.textContent ?? '',
    ]),
  );
}

test('the demo shows how safe #1 is: a badge on #1 and the sentence that explains it', async () => {
  const { ctx, page } = await openApp(env.browser, env.server.url);
  const text = await settledRobustness(page);
  const badge = await page.locator('.rank-row').first().locator('.robust-badge').innerText();
  assert.ok(['Robust', 'Sensitive', 'Fragile'].includes(badge), badge);
  assert.match(text, /#1 in \d+ % of weight sets/);
  assert.match(text, /(Raising|Lowering) [^.]+ from [\d.]+ % to [\d.]+ % of the weight puts “[^”]+” first\./);
  assert.match(text, /Moving [\d.]+ percentage points of weight from .+ to .+ lets “[^”]+” draw level\./);
  assert.doesNotMatch(text, /\(0\)/, 'a weight that gives nothing is not named as a source');
  // Every criterion's weight has a strip: where #1 stays first.
  const strips = await page.locator('.criteria .strip').evaluateAll((s) => s.map((x) => x.getAttribute('aria-label')));
  assert.equal(strips.length, 4);
  for (const label of strips) assert.match(label, /#1 stays first from [\d.]+ % to [\d.]+ % \(now [\d.]+ %\)/);
  // Opening an option (by keyboard too) names the weights under which it wins.
  await page.locator('.rank-row').first().locator('.row-title').focus();
  await page.keyboard.press('Enter');
  assert.match(await page.locator('#breakdown .wins').innerText(), /#1 in \d+ % of weight sets\. Wins with about: Cost \d+ %/);
  await page.keyboard.press('Escape');
  // The top-3 toggle turns them into the top three's ranges.
  await page.getByLabel('Ranges: the top 3 keep their order').check();
  assert.match(await page.locator('.criteria .strip').first().getAttribute('aria-label'), /the top 3 keep their order/);
  assert.deepEqual(page.problems, []);
  await ctx.close();
});

test('a weight moved just past its strip’s end puts the named option first, just inside it does not', async () => {
  const { ctx, page } = await openApp(env.browser, env.server.url);
  const sentence = await page.locator('.robust-verdict').innerText();
  const [, direction, name, , to, leader] = sentence.match(/(Raising|Lowering) (.+) from ([\d.]+) % to ([\d.]+) % of the weight puts “([^”]+)” first/);
  const names = await page.locator('.criterion input.criterion-name').evaluateAll((f) => f.map((x) => x.value));
  const criterion = page.locator('.criterion').nth(names.indexOf(name));
  const label = await criterion.locator('.strip').getAttribute('aria-label');
  const [, low, high] = label.match(/from ([\d.]+) % to ([\d.]+) %/).map(Number);
  const end = direction === 'Lowering' ? low : high;
  assert.equal(end, Number(to), 'the sentence and the strip say the same share');
  // The weights of the others sum to R; a share s needs the weight s·R/(1−s).
  const weights = await page.locator('.criteria .weight-field input[type=text]').evaluateAll((f) => f.map((x) => Number(x.value)));
  const mine = await criterion.locator('.weight-field input[type=text]');
  const rest = weights.reduce((a, b) => a + b, 0) - Number(await mine.inputValue());
  const weightFor = (share) => ((share / 100) * rest) / (1 - share / 100);
  const step = direction === 'Lowering' ? -0.3 : 0.3;
  const before = (await readRanking(page))[0].title;
  await mine.fill(weightFor(end - step).toFixed(4));
  assert.equal((await readRanking(page))[0].title, before, 'just inside the band, #1 stays');
  await mine.fill(weightFor(end + step).toFixed(4));
  assert.equal((await readRanking(page))[0].title, leader, 'just past the end, the named option leads');
  await ctx.close();
});

test('trying the smallest shift previews it, and Undo takes it back', async () => {
  const { ctx, page } = await openApp(env.browser, env.server.url);
  const before = (await readRanking(page))[0].title;
  const shift = await page.locator('.robust-shift').innerText();
  const [, challenger] = shift.match(/lets “([^”]+)” draw level/);
  const [, leader, score, other] = shift.match(/then “([^”]+)” leads, ([\d.]+) to ([\d.]+)\./);
  assert.equal(leader, challenger);
  const weightsOf = () => page.locator('.criteria .weight-field input[type=text]').evaluateAll((f) => f.map((x) => Number(x.value)));
  const weightsBefore = await weightsOf();
  await page.getByRole('button', { name: 'Try this weighting' }).click();
  const ranking = await readRanking(page);
  assert.equal(ranking[0].title, challenger);
  assert.equal(ranking[0].score, score, 'the sentence said the score it now has');
  assert.equal(ranking.find((r) => r.title === before).score, other);
  // The user's scale stays (3/2/4/3 sums to 12), and only the named weights move.
  const weightsAfter = await weightsOf();
  const sum = (w) => w.reduce((a, b) => a + b, 0);
  assert.ok(Math.abs(sum(weightsAfter) - sum(weightsBefore)) < 1e-9, `${weightsBefore} → ${weightsAfter}`);
  assert.ok(weightsAfter.filter((w, i) => w !== weightsBefore[i]).length <= 3, `${weightsBefore} → ${weightsAfter}`);
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  assert.equal((await readRanking(page))[0].title, before);
  await ctx.close();
});

test('a range typed as 20–40 draws a whisker and percentages that survive a reload and a link', async () => {
  const { ctx, page } = await openApp(env.browser, env.server.url);
  await settledRobustness(page);
  assert.equal(await page.locator('.whisker').count(), 0, 'no ranges, no whiskers');
  await page.fill('#opt-o1-c1', '20–60');
  await page.locator('#opt-o1-c1').blur();
  const text = await settledRobustness(page, { values: true });
  assert.match(text, /With the ranges entered \(weights as set\): “[^”]+” is #1 in \d+ % of 10,000 value samples/);
  assert.equal(await page.inputValue('#opt-o1-c1'), '20–60');
  const whisker = page.locator('.rank-row', { hasText: 'Self-serve SSO wizard' }).locator('.whisker');
  assert.equal(await whisker.count(), 1);
  const width = Number((await whisker.getAttribute('style')).match(/width:([\d.]+)%/)[1]);
  assert.ok(width > 1, `the whisker spans ${width} %`);
  // The breakdown names the range the value is drawn from.
  await page.locator('.rank-row', { hasText: 'Self-serve SSO wizard' }).locator('.row-title').click();
  assert.match(await page.locator('#breakdown').innerText(), /40 \(20–60\)/);
  await page.keyboard.press('Escape');
  const seen = await chancesOf(page);
  // Only the row whose values have a range has a range line; the others' scores do not vary.
  for (const [title, , chances] of seen) {
    if (title === 'Self-serve SSO wizard') assert.match(chances, /^P\(#1\) \d+ % · top 3 \d+ % · 5–95 %: \d+\.\d–\d+\.\d/);
    else assert.equal(chances, '', `${title} has no range`);
  }
  // The same numbers after a reload…
  await waitSaved(page);
  await page.reload();
  await settledRobustness(page, { values: true });
  assert.deepEqual(await chancesOf(page), seen);
  assert.equal(await page.inputValue('#opt-o1-c1'), '20–60');
  // …and for whoever opens the link.
  await page.getByRole('button', { name: 'Share' }).click();
  const link = await page.inputValue('#share-link');
  assert.match(link, /#k6\./); // the current link version
  const other = await env.browser.newContext({ locale: 'en-US', viewport: { width: 1400, height: 1000 } });
  const { page: theirs } = await openApp(env.browser, link, { context: other });
  await settledRobustness(theirs, { values: true });
  assert.deepEqual(await chancesOf(theirs), seen);
  await other.close();
  await ctx.close();
});

test('a version-1 link still opens, with its ranking and its robustness', async () => {
  const fragment = (await readFile(new URL('../../tests/fixtures/link-v1/workshop.link', import.meta.url), 'utf8')).trim();
  assert.match(fragment, /^k1\./);
  const { ctx, page } = await openApp(env.browser, `${env.server.url}#${fragment}`);
  assert.equal((await readRanking(page)).length, 20);
  await settledRobustness(page);
  assert.deepEqual(page.problems, []);
  await ctx.close();
});

test('the downloaded figures are bit for bit the native build’s', async () => {
  const { ctx, page } = await openApp(env.browser, env.server.url);
  await page.selectOption('.robust-foot select', { label: 'Any weights' });
  await page.fill('#opt-o1-c3', '2–5');
  await settledRobustness(page, { values: true });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export JSON' }).click(),
  ]);
  const exported = JSON.parse(await readFile(await download.path(), 'utf8'));
  const golden = JSON.parse(
    await readFile(new URL('../../tests/fixtures/export-v3/demo-any-range-ranking.json', import.meta.url), 'utf8'),
  );
  assert.deepEqual(exported.ranking, golden);
  assert.equal(exported.version, 7);
  await ctx.close();
});

test('how safe #1 is is asked only where it means something, and says why where it does not', async () => {
  const { ctx, page } = await openApp(env.browser, env.server.url);
  await page.getByRole('button', { name: 'New scenario' }).click();
  await page.getByText('How safe #1 is shows once there are two options to compare.').waitFor();
  await page.getByRole('button', { name: 'Add option' }).click();
  await page.getByRole('button', { name: 'Add option' }).click();
  await page.getByText('Every option scores the same, so there is no #1 to test yet.').waitFor();
  assert.equal(await page.locator('.robust-badge').count(), 0, 'no badge on an empty scenario');
  assert.equal(await page.locator('.rank-row .places').count(), 0, 'no share of first places');
  // One value on the second option: it leads, with values missing.
  const second = await page.locator('.option-row[data-option]').nth(1).getAttribute('data-option');
  await page.fill(`#opt-${second}-c3`, '4');
  await page.locator(`#opt-${second}-c3`).blur();
  await page.locator('.robust-none', { hasText: 'has all its values' }).waitFor();
  assert.equal(await page.locator('.robust-badge').count(), 0);
  assert.deepEqual(page.problems, []);
  await ctx.close();
});

test('without a segment-fit criterion the options table keeps its columns and rows show no segment ranks', async () => {
  const { ctx, page } = await openApp(env.browser, env.server.url);
  assert.equal(await page.locator('.rank-row .segment-ranks').count(), 5);
  await page.getByRole('button', { name: 'Remove criterion: Segment fit' }).click();
  await page.waitForFunction(() => document.querySelectorAll('.criterion').length === 3);
  assert.equal(await page.locator('.rank-row .segment-ranks').count(), 0, 'no segment ranks without segment fit');
  const style = await page.locator('.options-table').getAttribute('style');
  assert.doesNotMatch(style, /repeat\(0/);
  // Title and values of a row sit side by side, each narrower than the table.
  const row = page.locator('.option-row[data-option]').first();
  const boxes = await row.locator('input:not(.option-description)').evaluateAll((inputs) => inputs.map((i) => i.getBoundingClientRect().toJSON()));
  const table = await page.locator('.options-table').boundingBox();
  assert.ok(boxes.length >= 4, `${boxes.length} fields`);
  boxes.forEach((box, i) => {
    assert.ok(Math.abs(box.top - boxes[0].top) < 2, 'one line per option');
    const most = i === 0 ? table.width * 0.6 : table.width / 4;
    assert.ok(box.width < most, `field ${i} is ${box.width}px wide in a table ${table.width}px wide`);
  });
  // No criteria at all: still a grid of titles.
  for (const name of ['Cost', 'Time to market', 'Metric impact']) {
    await page.getByRole('button', { name: `Remove criterion: ${name}` }).click();
  }
  assert.doesNotMatch(await page.locator('.options-table').getAttribute('style'), /repeat\(0/);
  assert.deepEqual(page.problems, []);
  await ctx.close();
});

test('long titles give way, figures never: the strips keep their ends, the comparison its headers', async () => {
  const { ctx, page } = await openApp(env.browser, env.server.url, { viewport: { width: 1280, height: 720 } });
  // Every option gets a long title, as pasted from a ticket.
  const titles = page.locator('.options-table input.option-title');
  for (let i = 0; i < (await titles.count()); i += 1) {
    const title = await titles.nth(i).inputValue();
    await titles.nth(i).fill(`${title} for every enterprise customer in the region`);
  }
  await settledRobustness(page);
  const ends = await page.locator('.criteria .strip .strip-pct').evaluateAll((spans) => spans.map((s) => {
    const box = s.getBoundingClientRect();
    const strip = s.closest('.strip').getBoundingClientRect();
    return { text: s.textContent, shown: s.scrollWidth <= s.clientWidth + 1 && box.left >= strip.left - 1 && box.right <= strip.right + 1 && box.width > 0 };
  }));
  assert.equal(ends.length, 8);
  for (const end of ends) assert.ok(end.shown, `“${end.text}” is shown whole`);
  await page.locator('.rank-row').first().locator('.row-title').click();
  await page.getByRole('button', { name: 'Compare' }).click();
  const heads = await page.locator('.comparison thead th').evaluateAll((th) => th.map((h) => ({ text: h.textContent, cut: h.scrollWidth > h.clientWidth + 1 || [...h.querySelectorAll('*')].some((e) => e.scrollWidth > e.clientWidth + 1) })));
  assert.equal(heads.length, 4);
  for (const head of heads) assert.ok(!head.cut, `“${head.text}” is not cut`);
  assert.deepEqual(page.problems, []);
  await ctx.close();
});
