// The first screen drawn at build time (scripts/prerender.mjs): a first visit
// sees the ranked demo before the WebAssembly is in, as a picture nobody can
// type into; the app takes over when it starts; where the picture would be
// wrong (a German browser, a link, a returning user) only "loading" shows.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { useServerAndBrowser, readRanking } from '../lib/harness.js';

const env = useServerAndBrowser({ before, after });
const require = createRequire(import.meta.url);
const axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');

/** A page whose WebAssembly is held back until `release()`. */
async function held({ locale = 'en-US', viewport = { width: 390, height: 844 }, init } = {}) {
  const ctx = await env.browser.newContext({ locale, viewport, serviceWorkers: 'block' });
  if (init) await ctx.addInitScript(init);
  let release;
  const gate = new Promise((ok) => (release = ok));
  await ctx.route('**/*.wasm', async (route) => {
    await gate;
    await route.continue();
  });
  const page = await ctx.newPage();
  return { ctx, page, release };
}

/** The snapshot's ranking: [{ title, score }] top to bottom. */
function pictured(page) {
  return page.locator('.snapshot .rank-list .rank-row').evaluateAll((rows) =>
    rows.map((row) => ({
      title: row.querySelector('.title-text').textContent,
      score: row.querySelector('.score').textContent,
    })),
  );
}

test('a first visit shows the ranked demo before the app starts, nothing in it can be used, and the app takes over', async () => {
  const { ctx, page, release } = await held();
  await page.goto(env.server.url, { waitUntil: 'domcontentloaded' });
  const rows = page.locator('.snapshot .rank-row');
  await rows.first().waitFor();
  assert.equal(await rows.count(), 5);
  assert.ok(await rows.first().isVisible());
  const picture = await pictured(page);
  assert.equal(picture[0].title, 'White-glove onboarding team');
  // Said, and seen, that the page is still loading.
  const booting = page.locator('#app > .booting');
  assert.ok(await booting.isVisible());
  assert.equal(await booting.locator('[role="status"]').textContent(), 'Kerze is loading…');
  // A picture: inert, no focus goes into it, no ids that the live page uses.
  assert.equal(await page.locator('.snapshot').evaluate((el) => el.inert), true);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.closest('.snapshot') ?? null), null);
  assert.equal(await page.locator('.snapshot [id]').count(), 0);
  // Every field shows the value the app gave it.
  assert.equal(await page.locator('.snapshot input[value="Enterprise onboarding"]').count(), 1);
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () =>
    (await window.axe.run(document, { resultTypes: ['violations'] })).violations.map((v) => v.id),
  );
  assert.deepEqual(violations, [], 'axe-core on the first screen');
  release();
  await page.locator('#ranking-heading').waitFor();
  assert.equal(await page.locator('.snapshot, #app > .booting').count(), 0);
  // The picture showed what the app shows.
  const live = (await readRanking(page)).map(({ title, score }) => ({ title, score }));
  assert.deepEqual(live, picture);
  await ctx.close();
});

test('where the picture would be wrong, only the loading line shows: a German browser, a link, a returning user', async () => {
  const cases = [
    ['German browser', { locale: 'de-DE' }, ''],
    ['link', {}, '#s3.nothing-here'],
    ['returning user', { init: () => localStorage.setItem('kerze.seen', '1') }, ''],
  ];
  for (const [name, options, hash] of cases) {
    const { ctx, page, release } = await held(options);
    await page.goto(env.server.url + hash, { waitUntil: 'domcontentloaded' });
    await page.locator('#app > .booting').waitFor();
    assert.ok(await page.locator('#app > .booting').isVisible(), name);
    assert.equal(await page.locator('.snapshot .rank-row').first().isVisible(), false, name);
    release();
    await ctx.close();
  }
});
