// Share links as a stakeholder meets them: a link from chat opens the PM's
// scenario read-only in a fresh browser, a copy can be saved, and a mangled
// link gets a message while the recipient's own data stays as it was.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { deflateRawSync } from 'node:zlib';
import { readFile } from 'node:fs/promises';
import { useServerAndBrowser, openApp, readRanking, waitSaved, kerzeEntries, collectDialogs, parseCsv } from '../lib/harness.js';
import { generatedScenario, openWith } from '../lib/generate.js';

const env = useServerAndBrowser({ before, after });

/** Opens the share panel and reads the link it offers. */
async function shareLink(page) {
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const field = page.getByLabel('Link to this scenario');
  await field.waitFor();
  return field.inputValue();
}

/** A fragment for any JSON text, packed as a Kerze link packs it (raw deflate, base64url). */
const packed = (json, prefix = 'k1.') => prefix + deflateRawSync(Buffer.from(json)).toString('base64url');

test('a shared link opens the same ranking, read-only, in a fresh browser', async () => {
  const { ctx, page } = await openApp(env.browser, env.server.url);
  await page.fill('#scenario-name', 'Pricing workshop');
  await page.fill('#opt-o2-c1', '12');
  const pmRanking = await readRanking(page);
  const link = await shareLink(page);
  assert.ok(link.startsWith(`${env.server.url}#k6.`), link);
  const length = await page.locator('.link-length').textContent();
  assert.equal(length, `${link.length.toLocaleString('en-US')} characters`);
  assert.ok(link.length < 1000, `the demo's link is ${link.length} characters`);
  await ctx.close();

  // The stakeholder: a browser that has never seen Kerze.
  const stakeholder = await env.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, acceptDownloads: true });
  const phone = await stakeholder.newPage();
  await phone.goto(link);
  await phone.locator('#ranking-heading').waitFor();
  await phone.getByText('Shared scenario · read-only').waitFor();
  assert.equal(await phone.locator('.shared-name').textContent(), 'Pricing workshop');
  assert.deepEqual(await readRanking(phone), pmRanking);
  // The inputs wait behind one button; read-only: every control of the editor is off.
  assert.equal(await phone.locator('#opt-o2-c1').count(), 0);
  await phone.getByRole('button', { name: 'Show the inputs (criteria, weights and every value)' }).click();
  assert.ok(await phone.locator('#opt-o2-c1').isDisabled());
  assert.equal(await phone.locator('#opt-o2-c1').inputValue(), '12');
  assert.equal(await phone.getByRole('button', { name: '+ Add option' }).isVisible(), false);
  // The stakeholder can take the ranking into Jira or Excel without saving a copy
  // (on a phone the downloads are behind More…).
  await phone.getByRole('button', { name: 'More…' }).click();
  const [csv] = await Promise.all([phone.waitForEvent('download'), phone.getByRole('button', { name: 'Export CSV' }).click()]);
  assert.match(csv.suggestedFilename(), /^kerze-pricing-workshop-\d{4}-\d{2}-\d{2}\.csv$/);
  const rows = parseCsv((await readFile(await csv.path(), 'utf8')).replace(/^\uFEFF/, '')).slice(1);
  assert.deepEqual(rows.map((r) => r[1]), pmRanking.map((r) => r.title));
  await phone.locator('.rank-row').first().getByRole('button').first().click();
  await phone.locator('.breakdown').waitFor();
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the shared view is ${overflow}px wider than the phone`);
  // Merely opening the link in a fresh browser stores nothing, not even the
  // demo the page starts with, also when the page is left (which saves at once).
  assert.match(await phone.locator('.save-status').textContent(), /Read-only: nothing of this scenario is stored/);
  await phone.evaluate(() => window.dispatchEvent(new Event('pagehide')));
  assert.deepEqual(await kerzeEntries(phone), {});
  // One click back to their own scenarios; the address no longer carries the link.
  await phone.getByRole('button', { name: 'Back to my scenarios' }).click();
  assert.equal(await phone.locator('#scenario-name').inputValue(), 'Enterprise onboarding');
  assert.ok(await phone.locator('#scenario-name').isEnabled());
  assert.equal(new URL(phone.url()).hash, '');
  await phone.reload();
  await phone.locator('#ranking-heading').waitFor();
  assert.equal(await phone.locator('.shared-bar').count(), 0);
  await stakeholder.close();
});

test('"Save a copy" adds the shared scenario under a free name and overwrites nothing', async () => {
  const pm = await openApp(env.browser, env.server.url);
  await pm.page.fill('#opt-o1-c1', '33');
  const link = await shareLink(pm.page);
  const pmRanking = await readRanking(pm.page);
  await pm.ctx.close();

  // The recipient already has a scenario with the same name, edited.
  const { ctx, page } = await openApp(env.browser, env.server.url);
  await page.fill('#opt-o1-c1', '41');
  await waitSaved(page);
  const before = await kerzeEntries(page);
  await page.goto(link);
  await page.getByText('Shared scenario · read-only').waitFor();
  assert.deepEqual(await kerzeEntries(page), before, 'opening a link writes nothing');
  await page.getByRole('button', { name: 'Save a copy' }).click();
  await page.getByText('Saved as “Enterprise onboarding (2)” in your scenarios.').waitFor();
  assert.equal(await page.locator('#scenario-name').inputValue(), 'Enterprise onboarding (2)');
  assert.equal(await page.locator('#opt-o1-c1').inputValue(), '33');
  assert.deepEqual(await readRanking(page), pmRanking);
  await waitSaved(page);
  await page.reload();
  await page.locator('#ranking-heading').waitFor();
  const names = await page.locator('#scenario-switch option').allTextContents();
  assert.deepEqual(names, ['Enterprise onboarding', 'Enterprise onboarding (2)']);
  assert.equal(await page.locator('#scenario-name').inputValue(), 'Enterprise onboarding (2)');
  await page.selectOption('#scenario-switch', { index: 0 });
  assert.equal(await page.locator('#opt-o1-c1').inputValue(), '41', 'their own edit is untouched');
  await ctx.close();
});

test('bad links get a plain message and leave the own data byte for byte', async () => {
  const { ctx, page } = await openApp(env.browser, env.server.url);
  await page.fill('#opt-o1-c1', '17');
  const good = await shareLink(page);
  await waitSaved(page);
  const before = await kerzeEntries(page);
  const fragment = good.split('#')[1];
  // Cut on a whole base64 group, so that what is left decodes but does not unpack.
  const cut = fragment.slice(0, 3 + Math.floor((fragment.length - 3 - 40) / 4) * 4);
  const cases = [
    [fragment.slice(0, 2), 'it is incomplete'],
    [cut, 'damaged'],
    [fragment.replace('k6.', 'k7.'), 'newer version of Kerze (link format 7)'],
    [fragment.replace('k6.', 'k0.'), 'format version that Kerze does not know'],
    [`${fragment.slice(0, 30)}!*'()${fragment.slice(30)}`, 'characters that do not belong'],
    ['share=yes', 'not a Kerze scenario link'],
    [packed(' '.repeat(3 * 1024 * 1024)), 'more than 2 MB'],
    [packed('[1,2,3]'), 'content is not a Kerze scenario'],
    [packed('{"n":"X","m":[1,1,1],"c":[{"n":"Cost","w":-4,"k":"a"}],"o":[["A",[1e300]]]}'), 'criteria[0].weight'],
    [packed('{"n":"X","m":[1,1,1e308],"c":[]}'), 'segment_mix.public_sector'],
  ];
  for (const [bad, message] of cases) {
    // Opened as a link is opened: a fresh page load, not a change of fragment.
    await page.goto('about:blank');
    await page.goto(`${env.server.url}#${bad}`);
    await page.locator('#ranking-heading').waitFor();
    const alert = page.locator('.link-error');
    await alert.waitFor();
    const text = await alert.innerText();
    assert.ok(text.startsWith('This link could not be opened:'), text);
    assert.ok(text.includes(message), `${bad.slice(0, 20)}…: ${text}`);
    assert.ok(text.includes('Your own scenarios are unchanged.'));
    assert.equal(new URL(page.url()).hash, '', 'the bad link is taken out of the address bar');
    assert.equal(await page.locator('.shared-bar').count(), 0);
    assert.equal(await page.locator('#opt-o1-c1').inputValue(), '17');
    assert.deepEqual(await kerzeEntries(page), before, `${bad.slice(0, 20)}… changed nothing stored`);
  }
  // Still fully usable.
  await page.getByRole('button', { name: 'Dismiss' }).first().click();
  await page.getByRole('button', { name: '+ Add option' }).click();
  await page.locator('#opt-o6-title:focus').waitFor();
  assert.deepEqual(page.problems, []);
  await ctx.close();
});

test('a link pasted into an open Kerze opens at once, and the copy button copies it', async () => {
  const pm = await openApp(env.browser, env.server.url);
  await pm.page.fill('#scenario-name', 'Roadmap Q1');
  const link = await shareLink(pm.page);
  await pm.ctx.close();

  const context = await env.browser.newContext({ viewport: { width: 1400, height: 1000 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const { page } = await openApp(env.browser, env.server.url, { context });
  await page.evaluate((hash) => { window.location.hash = hash; }, link.split('#')[1]);
  await page.getByText('Shared scenario · read-only').waitFor();
  assert.equal(await page.locator('.shared-name').textContent(), 'Roadmap Q1');
  // Back in history (the fragment gone) shows their own again.
  await page.goBack();
  await page.locator('.shared-bar').waitFor({ state: 'detached' });
  assert.equal(await page.locator('#scenario-name').inputValue(), 'Enterprise onboarding');

  const own = await shareLink(page);
  await page.getByRole('button', { name: 'Copy link' }).click();
  await page.getByText('The link is on the clipboard.').waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), own);
  // The link follows edits while the panel is open.
  await page.fill('#scenario-name', 'Renamed');
  await page.waitForFunction((old) => document.querySelector('#share-link').value !== old, own);
  await page.locator('#share-link').focus();
  await page.keyboard.press('Escape');
  await page.locator('.share-panel').waitFor({ state: 'detached' });
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Share', 'the focus is back on Share');
  await context.close();

  // Where the Clipboard API refuses to write, the copy falls back to a selection.
  const refused = await env.browser.newContext({ viewport: { width: 1400, height: 1000 } });
  await refused.grantPermissions(['clipboard-read', 'clipboard-write']);
  await refused.addInitScript(() => {
    Clipboard.prototype.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
  });
  const second = await openApp(env.browser, env.server.url, { context: refused });
  const fallbackLink = await shareLink(second.page);
  await second.page.getByRole('button', { name: 'Copy link' }).click();
  await second.page.getByText('The link is on the clipboard.').waitFor();
  assert.equal(await second.page.evaluate(() => navigator.clipboard.readText()), fallbackLink);
  assert.deepEqual(second.page.problems, []);
  await refused.close();
});

test('a very long link warns and offers the JSON file instead', async () => {
  const { context, page } = await openWith(env.browser, env.server.url, generatedScenario(600), { acceptDownloads: true });
  const link = await shareLink(page);
  assert.ok(link.length > 8000, `600 options make ${link.length} characters`);
  const warning = page.locator('.long-link');
  await warning.getByText('some chat and mail tools cut such links').waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), warning.getByRole('button', { name: 'Download the JSON file' }).click()]);
  const file = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.equal(file.scenario.options.length, 600);
  // And the long link itself still opens the whole scenario.
  const other = await env.browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const reader = await other.newPage();
  await reader.goto(link);
  await reader.getByText('Shared scenario · read-only').waitFor();
  assert.deepEqual((await readRanking(reader)).slice(0, 40), (await readRanking(page)).slice(0, 40));
  await other.close();
  await context.close();
});

test('hostile text travels through a link as text, and nothing runs', async () => {
  const { ctx, page } = await openApp(env.browser, env.server.url);
  const hostile = '<img src=x onerror=alert(1)>"><script>alert(2)</script>\u202Eevil';
  await page.fill('#scenario-name', hostile);
  await page.fill('#opt-o1-title', hostile);
  await page.fill('#scenario-need', 'javascript:alert(3)');
  const link = await shareLink(page);
  await ctx.close();
  const reader = await env.browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const view = await reader.newPage();
  const dialogs = collectDialogs(view);
  await view.goto(link);
  await view.locator('.shared-bar').waitFor();
  assert.equal(await view.locator('.shared-name').textContent(), hostile);
  assert.ok((await readRanking(view)).some((r) => r.title === hostile));
  assert.equal(await view.locator('main img, .shared-bar img, main script').count(), 0);
  assert.deepEqual(dialogs, []);
  await reader.close();
});

test('a stakeholder on a phone can pass the link on, and a ?present link offers no editing', async () => {
  const { ctx, page } = await openApp(env.browser, env.server.url);
  const link = await shareLink(page);
  const phone = await env.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await phone.grantPermissions(['clipboard-read', 'clipboard-write']);
  const theirs = await phone.newPage();
  await theirs.goto(link);
  await theirs.locator('.shared-bar').waitFor();
  // The scenario starts right below the bar: few buttons before it, #1 in view.
  const first = theirs.locator('.rank-row').first();
  await first.waitFor();
  const before = await first.evaluate((row) => [...document.querySelectorAll('button')]
    .filter((b) => b.offsetParent && (b.compareDocumentPosition(row) & Node.DOCUMENT_POSITION_FOLLOWING)).length);
  assert.ok(before <= 5, `${before} buttons before the ranking`);
  const box = await first.boundingBox();
  assert.ok(box.y >= 0 && box.y + box.height <= 844, `#1's row is in view (${box.y}–${box.y + box.height})`);
  // The downloads are one tap away.
  assert.equal(await theirs.getByRole('button', { name: 'Export JSON' }).isVisible(), false);
  await theirs.getByRole('button', { name: 'More…' }).click();
  await theirs.getByRole('button', { name: 'Export JSON' }).waitFor();
  await theirs.locator('#shared-share').click();
  await theirs.getByText('The link is on the clipboard: paste it into a chat or a mail to pass the scenario on.').waitFor();
  assert.equal(await theirs.evaluate(() => navigator.clipboard.readText()), link);
  // Opened as a presentation, the way out says so; nothing offers editing.
  const present = link.replace('#', '?present#');
  await theirs.goto('about:blank');
  await theirs.goto(present);
  await theirs.locator('.present').waitFor();
  assert.equal(await theirs.getByRole('button', { name: 'Back to editing' }).count(), 0);
  await theirs.getByRole('button', { name: 'Leave the presentation' }).waitFor();
  // Every word of the heading and of the titles stays whole on its line, and nothing sticks out.
  const split = await theirs.evaluate(() => {
    const broken = [];
    for (const el of document.querySelectorAll('.present h1, .present .row-title')) {
      const text = el.firstChild;
      if (!text || text.nodeType !== Node.TEXT_NODE) continue;
      const re = /\S+/g;
      let m;
      while ((m = re.exec(text.data))) {
        const range = document.createRange();
        range.setStart(text, m.index);
        range.setEnd(text, m.index + m[0].length);
        const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
        if (lines.size > 1) broken.push(m[0]);
      }
    }
    return broken;
  });
  assert.deepEqual(split, []);
  assert.equal(await theirs.evaluate(() => document.documentElement.scrollWidth), 390);
  await phone.close();
  await ctx.close();
});
