// Importing a JSON file by picker or drag-and-drop: Kerze's own export comes
// back exactly, and every hostile file of the corpus is refused (or honestly
// accepted) with a message, leaving the stored data byte for byte as it was.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { useServerAndBrowser, openApp, readRanking, waitSaved, kerzeEntries, collectDialogs } from '../lib/harness.js';

const env = useServerAndBrowser({ before, after });
const corpus = new URL('../../tests/fixtures/import/', import.meta.url);

/** Picks `file` ({ name, mimeType, buffer }) in the import file picker. */
async function pick(page, file, button = 'Import…') {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: button }).click()]);
  await chooser.setFiles(file);
}

const json = (name, text) => ({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
const withoutId = ({ id, ...rest }) => rest;

test('an exported scenario imports back exactly, by picker and by drag-and-drop', async () => {
  const pm = await openApp(env.browser, env.server.url);
  await pm.page.fill('#scenario-name', 'Pricing workshop');
  await pm.page.fill('#opt-o3-c2', '7.25');
  const ranking = await readRanking(pm.page);
  const [download] = await Promise.all([pm.page.waitForEvent('download'), pm.page.getByRole('button', { name: 'Export JSON' }).click()]);
  const exported = await readFile(await download.path(), 'utf8');
  await pm.ctx.close();

  const { ctx, page } = await openApp(env.browser, env.server.url);
  await pick(page, json('pricing.json', exported));
  await page.getByText('Imported “Pricing workshop” as a new scenario.').waitFor();
  assert.equal(await page.locator('#scenario-name').inputValue(), 'Pricing workshop');
  assert.deepEqual(await readRanking(page), ranking);
  assert.deepEqual(await page.locator('#scenario-switch option').allTextContents(), ['Enterprise onboarding', 'Pricing workshop']);
  const [again] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON' }).click()]);
  const reexported = JSON.parse(await readFile(await again.path(), 'utf8'));
  const original = JSON.parse(exported);
  assert.deepEqual(withoutId(reexported.scenario), withoutId(original.scenario), 'the scenario round-trips exactly');
  assert.deepEqual(reexported.ranking, original.ranking);

  // The same file dropped on the page: a second copy, under a free name.
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], 'dropped.json', { type: 'application/json' }));
    for (const type of ['dragenter', 'dragover', 'drop']) {
      window.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
    }
  }, exported);
  await page.getByText('Imported “Pricing workshop (2)” as a new scenario.').waitFor();
  assert.equal(await page.locator('.drop-overlay').count(), 0);
  await waitSaved(page);
  await page.reload();
  await page.locator('#ranking-heading').waitFor();
  assert.deepEqual(await page.locator('#scenario-switch option').allTextContents(), ['Enterprise onboarding', 'Pricing workshop', 'Pricing workshop (2)']);
  await ctx.close();
});

test('every hostile file gets a message, and the stored data stays byte-identical', async () => {
  const { ctx, page } = await openApp(env.browser, env.server.url);
  await page.fill('#opt-o1-c1', '23');
  await waitSaved(page);
  const before = await kerzeEntries(page);
  const manifest = (await readFile(new URL('expected.tsv', corpus), 'utf8')).split('\n').filter((l) => l && !l.startsWith('#'));
  const files = manifest.map((line) => line.split('\t')).filter(([, expected]) => expected !== 'accepted');
  assert.ok(files.length >= 30);
  files.push(['ten-megabytes.json', 'Kerze reads scenario files of up to 5 MB', Buffer.alloc(10 * 1024 * 1024, 0x20)]);
  for (const [name, expected, buffer] of files) {
    await pick(page, { name, mimeType: 'application/json', buffer: buffer ?? (await readFile(new URL(name, corpus))) });
    const alert = page.locator('.import-error');
    await alert.filter({ hasText: name }).waitFor();
    const text = await alert.innerText();
    assert.ok(text.includes(`“${name}” was not imported:`), text);
    assert.ok(text.includes('Nothing was changed.'), text);
    // The message shown is the one the native tests check, with its place in the file.
    const shown = text.replace(/\s+/g, ' ');
    const wanted = expected.replace(/^\d+ problems?, the first: /, '').replace(/^1 problem: /, '');
    const [place, ...problem] = wanted.split(': ');
    assert.ok(shown.includes(place) && shown.includes(problem.join(': ').slice(0, 30)), `${name}: ${shown}`);
    assert.deepEqual(await kerzeEntries(page), before, `${name} changed nothing stored`);
    assert.equal(await page.locator('#scenario-switch option').count(), 1);
  }
  assert.equal(await page.locator('#opt-o1-c1').inputValue(), '23');
  assert.deepEqual(page.problems, []);
  await ctx.close();
});

test('a damaged file names its first problem by its place, in either language', async () => {
  const { ctx, page } = await openApp(env.browser, env.server.url);
  const text = await readFile(new URL('several-problems.json', corpus));
  await pick(page, { name: 'several-problems.json', mimeType: 'application/json', buffer: text });
  await page.locator('.import-error .problems li').first().waitFor();
  const items = await page.locator('.import-error .problems li').allInnerTexts();
  assert.deepEqual(items, ['segment_mix.enterprise: expected a number, found "60"']);
  assert.ok((await page.locator('.import-error').innerText()).includes('the file has a problem:'));
  await ctx.close();

  // In German, the same places with German words.
  const german = await openApp(env.browser, env.server.url, { locale: 'de-DE' });
  await pick(german.page, { name: 'several-problems.json', mimeType: 'application/json', buffer: text }, 'Importieren …');
  await german.page.locator('.import-error .problems li').first().waitFor();
  assert.deepEqual(await german.page.locator('.import-error .problems li').allInnerTexts(), [
    'segment_mix.enterprise: erwartet eine Zahl, gefunden: „60“',
  ]);
  assert.ok((await german.page.locator('.import-error').innerText()).includes('Es wurde nichts verändert.'));
  await german.ctx.close();
});

test('files that honestly are valid are imported, hostile text stays text', async () => {
  const { ctx, page } = await openApp(env.browser, env.server.url);
  const dialogs = collectDialogs(page);
  const accepted = (await readdir(corpus)).filter((f) => f.startsWith('accept-'));
  assert.equal(accepted.length, 5);
  for (const [i, name] of accepted.entries()) {
    await pick(page, { name, mimeType: 'application/json', buffer: await readFile(new URL(name, corpus)) });
    await page.waitForFunction((n) => document.querySelectorAll('#scenario-switch option').length === n, i + 2);
    if (name.includes('html')) {
      assert.ok((await readRanking(page)).some((r) => r.title === '<img src=x onerror=alert(1)>'));
      assert.equal(await page.locator('#scenario-name').inputValue(), '</script><script>alert(1)</script>');
    }
  }
  assert.equal(await page.locator('#scenario-switch option').count(), 6);
  assert.equal(await page.locator('main img').count(), 0);
  assert.deepEqual(dialogs, []);
  await ctx.close();
});
