// Nothing the user entered is lost: damaged entries, a full or missing
// storage, two tabs on one scenario, and no panic on any user path.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { useServerAndBrowser, seededContext, openApp, readRanking, waitSaved, kerzeEntries } from '../lib/harness.js';

const env = useServerAndBrowser({ before, after });

const fixture = (name) => readFile(new URL(`../../tests/fixtures/storage-v1/${name}`, import.meta.url), 'utf8');
/** A context whose storage holds `entries` when the first page opens. */
const seeded = (entries, init) => seededContext(env.browser, entries, init);

test('a damaged entry is shown as unreadable, downloadable, and never touched', async () => {
  const good = await fixture('scenario.json');
  const broken = '{"version":1,"scenario":{"id":"sbroken","name":"Half written';
  const future = JSON.stringify({ version: 9, scenario: { id: 'sfuture', name: 'From a newer Kerze' } });
  const wrongTypes = JSON.stringify({ version: 1, scenario: { id: 'stypes', name: 42 } });
  const context = await seeded({
    'kerze.index': JSON.stringify({ version: 1, active: 's19ac4e0a1b2c3d4e', order: ['s19ac4e0a1b2c3d4e', 'sbroken', 'sfuture', 'stypes'] }),
    'kerze.scenario.s19ac4e0a1b2c3d4e': good,
    'kerze.scenario.sbroken': broken,
    'kerze.scenario.sfuture': future,
    'kerze.scenario.stypes': wrongTypes,
  });
  const { page } = await openApp(env.browser, env.server.url, { context });
  assert.equal(await page.locator('.rank-row').count(), 5, 'the good scenario loads');
  const banner = page.locator('.unreadable');
  await banner.getByText('3 stored scenario(s) could not be read.').waitFor();
  await banner.getByText('From a newer Kerze: it was saved by a newer version of Kerze (format 9)').waitFor();
  await banner.getByText('sbroken: the stored data is damaged').waitFor();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    banner.locator('li', { hasText: 'sbroken' }).getByRole('button', { name: 'Download its data' }).click(),
  ]);
  assert.equal(await readFile(await download.path(), 'utf8'), broken);
  // Edit, save, reload: the damaged entries are byte for byte what they were.
  await page.fill('#scenario-name', 'Edited next to damaged entries');
  await waitSaved(page);
  await page.reload();
  await page.locator('#ranking-heading').waitFor();
  const stored = await kerzeEntries(page);
  assert.equal(stored['kerze.scenario.sbroken'], broken);
  assert.equal(stored['kerze.scenario.sfuture'], future);
  assert.equal(stored['kerze.scenario.stypes'], wrongTypes);
  assert.equal(await page.inputValue('#scenario-name'), 'Edited next to damaged entries');
  assert.equal(await page.locator('.unreadable li').count(), 3, 'still reported after a reload');
  await context.close();
});

test('a damaged index loses no scenario: entries are found by their keys', async () => {
  const context = await seeded({
    'kerze.index': '{"version": 1, "order": [',
    'kerze.scenario.s19ac4e0a1b2c3d4e': await fixture('scenario.json'),
  });
  const { page } = await openApp(env.browser, env.server.url, { context });
  assert.equal(await page.inputValue('#scenario-name'), 'Enterprise onboarding');
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('a full storage keeps the edit on screen, says so, and leaves the stored copy intact', async () => {
  const context = await seeded({}, () => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (window.storageIsFull) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return setItem.call(this, key, value);
    };
  });
  const { page } = await openApp(env.browser, env.server.url, { context });
  await waitSaved(page);
  await page.getByText(/Kerze uses \d+ KB of this browser's storage/).waitFor();
  const before = await kerzeEntries(page);
  await page.evaluate(() => { window.storageIsFull = true; });
  await page.fill('#scenario-name', 'Typed while the storage is full');
  await page.locator('.save-status.failed', { hasText: "Not saved: this browser's storage is full." }).waitFor();
  await page.locator('.storage-full', { hasText: 'To make room, export scenarios you no longer need' }).waitFor();
  assert.equal(await page.inputValue('#scenario-name'), 'Typed while the storage is full');
  assert.deepEqual(await kerzeEntries(page), before, 'the last good copy is untouched');
  await page.evaluate(() => { window.storageIsFull = false; });
  await page.fill('#scenario-need', 'Space again');
  await waitSaved(page);
  const after = await kerzeEntries(page);
  const key = Object.keys(after).find((k) => k.startsWith('kerze.scenario.'));
  assert.equal(JSON.parse(after[key]).scenario.name, 'Typed while the storage is full');
  await context.close();
});

test('without storage the app runs in memory, says so, and still exports', async () => {
  const context = await env.browser.newContext({ acceptDownloads: true });
  await context.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('Access is denied for this document.', 'SecurityError');
      },
    });
  });
  const { page } = await openApp(env.browser, env.server.url, { context });
  await page.getByText('Not saved: this browser does not allow storage here. Export your scenario to keep it.').waitFor();
  await page.fill('#opt-o1-c3', '5');
  assert.equal((await readRanking(page)).length, 5);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON' }).click()]);
  const exported = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.equal(exported.scenario.options[0].values.c3, 5);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('two tabs: an edit in one shows up in the other', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const { page: first } = await openApp(env.browser, env.server.url, { context });
  await waitSaved(first);
  const { page: second } = await openApp(env.browser, env.server.url, { context });
  await first.fill('#scenario-name', 'Renamed in the first tab');
  await waitSaved(first);
  await second.waitForFunction(() => document.getElementById('scenario-name').value === 'Renamed in the first tab');
  // A scenario created in the second tab appears in the first one's list.
  await second.getByRole('button', { name: 'New scenario' }).click();
  await second.fill('#scenario-name', 'Made in the second tab');
  await waitSaved(second);
  await first.waitForFunction(() => [...document.querySelectorAll('#scenario-switch option')].some((o) => o.textContent === 'Made in the second tab'));
  // Deleted there, it leaves the first tab's list too, into its trash.
  await second.getByRole('button', { name: 'Delete scenario' }).click();
  await waitSaved(second);
  await first.waitForFunction(() => ![...document.querySelectorAll('#scenario-switch option')].some((o) => o.textContent === 'Made in the second tab'));
  await first.locator('.trash summary').click();
  await first.getByRole('button', { name: 'Restore: Made in the second tab' }).waitFor();
  await context.close();
});

test('two tabs: edits of different fields are merged, no question asked', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const { page: first } = await openApp(env.browser, env.server.url, { context });
  await waitSaved(first);
  const { page: second } = await openApp(env.browser, env.server.url, { context });
  // Both type within the save delay: whichever saves second meets the other's write.
  await Promise.all([
    second.fill('#scenario-need', 'Need typed in the second tab'),
    first.fill('#scenario-name', 'Name from the first tab'),
  ]);
  for (const page of [first, second]) {
    await page.waitForFunction(() => document.querySelector('#scenario-name').value === 'Name from the first tab'
      && document.querySelector('#scenario-need').value === 'Need typed in the second tab');
    await waitSaved(page);
    assert.equal(await page.locator('.conflict').count(), 0);
  }
  const told = await Promise.all([first, second].map((page) => page.locator('.notice', { hasText: 'both tabs\' changes are kept' }).count()));
  assert.equal(told[0] + told[1], 1, 'the tab that met the other\'s write says it merged');
  await first.reload();
  await first.locator('#ranking-heading').waitFor();
  assert.equal(await first.inputValue('#scenario-name'), 'Name from the first tab');
  assert.equal(await first.inputValue('#scenario-need'), 'Need typed in the second tab');
  await context.close();
});

test('two tabs: the same field changed in both asks, names the field, and keeps every other change', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const { page: first } = await openApp(env.browser, env.server.url, { context });
  await waitSaved(first);
  const { page: second } = await openApp(env.browser, env.server.url, { context });
  const key = await second.evaluate(() => Object.keys(localStorage).find((k) => k.startsWith('kerze.scenario.')));
  // The second tab types; before its save is due, the first tab writes the same field and another.
  await second.fill('#scenario-name', 'Name typed in the second tab');
  await first.evaluate((key) => {
    const entry = JSON.parse(localStorage.getItem(key));
    entry.scenario.name = 'Name from the first tab';
    entry.scenario.root_cause = 'Cause from the first tab';
    localStorage.setItem(key, JSON.stringify(entry));
  }, key);
  const banner = second.locator('.conflict');
  await banner.getByText('“Name from the first tab” was changed in another tab').waitFor();
  await banner.getByText('Both tabs changed the name; every other change of both is kept either way.').waitFor();
  // The due save runs, sees the other tab's write and holds back: the footer says so.
  await second.locator('.save-status.failed').waitFor();
  assert.equal(JSON.parse(await second.evaluate((k) => localStorage.getItem(k), key)).scenario.name, 'Name from the first tab');
  await banner.getByRole('button', { name: 'Keep mine' }).click();
  await waitSaved(second);
  const stored = JSON.parse(await second.evaluate((k) => localStorage.getItem(k), key)).scenario;
  assert.equal(stored.name, 'Name typed in the second tab');
  assert.equal(stored.root_cause, 'Cause from the first tab');
  // The other version is one Undo away.
  await second.getByRole('button', { name: 'Undo' }).first().click();
  assert.equal(await second.inputValue('#scenario-name'), 'Name from the first tab');
  await context.close();
});

test('a write this tab never heard of is caught before saving over it', async () => {
  const { ctx, page } = await openApp(env.browser, env.server.url);
  await waitSaved(page);
  const key = await page.evaluate(() => Object.keys(localStorage).find((k) => k.startsWith('kerze.scenario.')));
  // Written from this very tab, so no storage event announces it.
  await page.evaluate((key) => {
    const entry = JSON.parse(localStorage.getItem(key));
    entry.scenario.name = 'Written behind the app';
    entry.scenario.root_cause = 'Cause written behind the app';
    localStorage.setItem(key, JSON.stringify(entry));
  }, key);
  await page.fill('#scenario-name', 'Mine');
  await page.locator('.conflict').waitFor();
  await page.getByRole('button', { name: "Use the other tab's version" }).click();
  assert.equal(await page.inputValue('#scenario-name'), 'Written behind the app');
  assert.equal(await page.inputValue('#scenario-root-cause'), 'Cause written behind the app');
  await ctx.close();
});

test('no user path panics: a thousand random edits', async () => {
  const { ctx, page } = await openApp(env.browser, env.server.url);
  const inputs = ['abc', '-1', '0', '5', '1e400', '', '3,5', '999999999999999', ' 2 ', 'NaN', '<b>x</b>', '٣'];
  let seed = 7;
  const random = (n) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  for (let i = 0; i < 1000; i++) {
    const fields = page.locator('main input[type=text], main textarea');
    const count = await fields.count();
    const roll = random(20);
    if (roll === 0) await page.getByRole('button', { name: '+ Add option' }).click();
    else if (roll === 1 && (await page.locator('.options-table .remove').count()) > 1) await page.locator('.options-table .remove').first().click();
    else if (roll === 2) await page.keyboard.press('Control+z');
    else if (roll === 3) await page.keyboard.press('Control+y');
    else if (roll === 4 && (await page.locator('.criterion').count()) > 1) await page.locator('.criterion .remove').last().click();
    else if (roll === 5) await page.locator('.criterion select').nth(random(await page.locator('.criterion select').count())).selectOption({ index: random(2) });
    else await fields.nth(random(count)).fill(inputs[random(inputs.length)]);
  }
  assert.deepEqual(page.problems, []);
  assert.equal(await page.locator('#kerze-crashed').count(), 0);
  assert.ok(!/NaN|undefined/.test(await page.locator('.ranking-panel').innerText()));
  await ctx.close();
});
