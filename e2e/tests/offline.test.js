// Offline, any static host, one file, no third party, strict CSP, hostile text.
import { createHash } from 'node:crypto';
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DIST, serve, launch, openApp, readRanking, waitSaved, collectDialogs } from '../lib/harness.js';

let browser;

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

/** Every request the page makes and every console message, collected. */
function watch(page) {
  const seen = { requests: [], console: [] };
  page.on('request', (r) => seen.requests.push(r.url()));
  page.on('console', (m) => seen.console.push(`${m.type()}: ${m.text()}`));
  return seen;
}

const cspViolations = (seen) => seen.console.filter((m) => /Content Security Policy|Refused to/i.test(m));

test('works offline after the first visit, and saves', async () => {
  const server = await serve();
  const context = await browser.newContext();
  const { page } = await openApp(browser, server.url, { context });
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
  });
  await context.setOffline(true);
  await server.close();
  await page.reload();
  await page.locator('#ranking-heading').waitFor();
  await page.fill('#scenario-name', 'Edited offline');
  await waitSaved(page);
  await page.reload();
  await page.locator('#ranking-heading').waitFor();
  assert.equal(await page.inputValue('#scenario-name'), 'Edited offline');
  assert.equal((await readRanking(page)).length, 5);
  await context.close();
});

test('a new deploy is offered as a reload, never switched silently', async () => {
  const root = await mkdtemp(join(tmpdir(), 'kerze-deploy-'));
  await cp(DIST, root, { recursive: true });
  const server = await serve(root);
  const context = await browser.newContext();
  const { page } = await openApp(browser, server.url, { context });
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.fill('#scenario-name', 'Mid-edit');
  // Deploy: a changed service worker (as every new build has).
  const worker = await readFile(join(root, 'sw.js'), 'utf8');
  await writeFile(join(root, 'sw.js'), worker.replace(/const CACHE = 'kerze-[^']+'/, "const CACHE = 'kerze-next'"));
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
  await page.getByText('A new version of Kerze is ready.').waitFor();
  assert.equal(await page.inputValue('#scenario-name'), 'Mid-edit', 'nothing reloaded by itself');
  await Promise.all([page.waitForEvent('load'), page.locator('.notice.update').getByRole('button', { name: 'Reload Kerze' }).click()]);
  await page.locator('#ranking-heading').waitFor();
  assert.equal(await page.inputValue('#scenario-name'), 'Mid-edit');
  assert.equal(await page.evaluate(async () => (await caches.keys()).join()), 'kerze-next');
  await context.close();
  await server.close();
  await rm(root, { recursive: true });
});

for (const prefix of ['/', '/tools/kerze/']) {
  test(`served from ${prefix}: only its own files, no CSP violation`, async () => {
    const server = await serve(DIST, prefix);
    const context = await browser.newContext();
    const page = await context.newPage();
    const seen = watch(page);
    await page.goto(server.url);
    await page.locator('.rank-row').first().waitFor();
    await page.fill('#opt-o1-c3', '5');
    const origin = new URL(server.url).origin;
    const foreign = seen.requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:'));
    assert.deepEqual(foreign, []);
    assert.ok(seen.requests.every((u) => u.startsWith('data:') || new URL(u).pathname.startsWith(prefix)), 'every file under the sub-path');
    assert.deepEqual(cspViolations(seen), []);
    assert.deepEqual(seen.console.filter((m) => m.startsWith('error')), []);
    await context.close();
    await server.close();
  });
}

test('kerze.html opens from file://, keeps its data across a reload, and requests nothing', async () => {
  const url = pathToFileURL(join(DIST, 'kerze.html')).href;
  const context = await browser.newContext();
  const page = await context.newPage();
  const seen = watch(page);
  await page.goto(url);
  await page.locator('.rank-row').first().waitFor();
  assert.equal((await readRanking(page))[0].title, 'White-glove onboarding team');
  await page.fill('#scenario-name', 'Kept in the single file');
  await waitSaved(page);
  await page.reload();
  await page.locator('#ranking-heading').waitFor();
  assert.equal(await page.inputValue('#scenario-name'), 'Kept in the single file');
  // A link from a file opens only on this computer: the share panel says so and offers the file.
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  await page.getByText('Kerze is open from a file on this computer, so this link opens only here.', { exact: false }).waitFor();
  const link = await page.locator('#share-link').inputValue();
  assert.ok(link.startsWith(`${url}#k6.`), link);
  await page.goto('about:blank');
  await page.goto(link);
  await page.locator('.shared-bar').waitFor();
  assert.equal(await page.locator('.shared-name').textContent(), 'Kept in the single file');
  assert.deepEqual(seen.requests.filter((u) => !u.startsWith(url) && !u.startsWith('data:') && u !== 'about:blank'), []);
  assert.deepEqual(cspViolations(seen), []);
  await context.close();
});

test('the page carries a strict Content-Security-Policy; its one inline script is pinned by its hash', async () => {
  const html = await readFile(join(DIST, 'index.html'), 'utf8');
  const policy = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)[1];
  for (const rule of ["default-src 'self'", "connect-src 'self'", "object-src 'none'", "base-uri 'none'"]) {
    assert.ok(policy.includes(rule), `missing ${rule}`);
  }
  const scripts = policy.match(/script-src ([^;]+)/)[1].trim().split(/\s+/);
  // The one inline script (whether the first screen drawn at build time is
  // shown) is allowed by its hash alone: no 'unsafe-inline', no other host.
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  assert.equal(inline.length, 1, 'one inline script');
  const pinned = `'sha256-${createHash('sha256').update(inline[0]).digest('base64')}'`;
  assert.deepEqual(scripts, ["'self'", pinned, "'wasm-unsafe-eval'"]);
  const single = await readFile(join(DIST, 'kerze.html'), 'utf8');
  const singlePolicy = single.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)[1];
  assert.match(singlePolicy, /script-src 'sha256-[A-Za-z0-9+/=]+' 'sha256-[A-Za-z0-9+/=]+' 'wasm-unsafe-eval'/);
  assert.ok(singlePolicy.includes("default-src 'none'"));
});

test('hostile text is shown as text everywhere, and nothing runs', async () => {
  const server = await serve();
  const { ctx, page } = await openApp(browser, server.url);
  const dialogs = collectDialogs(page);
  const seen = watch(page);
  const hostile = [
    '<img src=x onerror=alert(1)>',
    '"><script>alert(2)</script>',
    'javascript:alert(3)',
    '\u202Eevil\u202C right-to-left',
    'x'.repeat(10000),
  ];
  for (const [i, text] of hostile.entries()) {
    for (const field of await page.locator('main input[type=text]:not([inputmode]), main textarea').all()) {
      await field.fill(text);
    }
    const title = (await readRanking(page)).find((r) => r.title.length > 0)?.title;
    assert.equal(title, text, `ranking shows hostile text ${i} literally`);
  }
  assert.equal(await page.locator('main img, .ranking-panel script').count(), 0);
  assert.deepEqual(dialogs, []);
  assert.deepEqual(cspViolations(seen), []);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `a 10,000-character name widens the page by ${overflow}px`);
  assert.ok(await page.getByRole('button', { name: '+ Add option' }).isVisible());
  await ctx.close();
  await server.close();
});
