// Shared helpers of the end-to-end tests and benchmarks: a static server for
// a build folder and a headless Chromium from Debian.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
/** The release build the tests drive (KERZE_DIST: another build folder). */
export const DIST = process.env.KERZE_DIST ? resolve(process.env.KERZE_DIST) : resolve(here, '../../dist');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
};

/**
 * Serves `root` on 127.0.0.1 under `prefix` (e.g. '/' or '/tools/kerze/').
 * Returns { url, close, requests } where requests lists every path asked for.
 */
export async function serve(root = DIST, prefix = '/', { encoding = null } = {}) {
  const requests = [];
  // With `encoding` ('br' or 'gzip') every file goes out compressed as a host
  // that compresses would send it (brotli quality 11, gzip level 9).
  const packed = new Map();
  const compress = (file, body) => {
    if (!packed.has(file)) {
      packed.set(
        file,
        encoding === 'br'
          ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } })
          : gzipSync(body, { level: 9 }),
      );
    }
    return packed.get(file);
  };
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    requests.push(path);
    if (!path.startsWith(prefix)) {
      res.writeHead(404).end();
      return;
    }
    let file = normalize(join(root, path.slice(prefix.length)));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      const headers = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' };
      if (encoding && (req.headers['accept-encoding'] ?? '').includes(encoding)) {
        const packedBody = compress(file, body);
        headers['content-encoding'] = encoding;
        headers.vary = 'accept-encoding';
        res.writeHead(200, headers);
        res.end(packedBody);
        return;
      }
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    requests,
    close: () => new Promise((ok) => server.close(ok)),
  };
}

/** Starts Debian's Chromium headless; never downloads a browser. */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * Opens the app in a fresh context and waits until the ranking shows.
 * Collects console errors and page errors into `page.problems`.
 */
export async function openApp(browser, url, { locale = 'en-US', viewport = { width: 1400, height: 1000 }, context } = {}) {
  const ctx = context ?? (await browser.newContext({ locale, viewport, acceptDownloads: true }));
  const page = await ctx.newPage();
  page.problems = [];
  page.on('pageerror', (e) => page.problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') page.problems.push(`console: ${m.text()}`);
  });
  await page.goto(url);
  await page.locator('#ranking-heading').waitFor();
  return { ctx, page };
}

/** The ranking as the user sees it: [{ rank, title, score }] top to bottom. */
export async function readRanking(page) {
  return page.locator('.rank-list .rank-row').evaluateAll((rows) =>
    rows.map((row) => ({
      rank: Number(row.querySelector('.rank').textContent),
      title: row.querySelector('.title-text').textContent,
      score: row.querySelector('.score').textContent,
      below: row.classList.contains('below'),
      incomplete: !!row.querySelector('.badge.incomplete'),
    })),
  );
}

/** Every `kerze.*` entry of the page's local storage, as stored text. */
export function kerzeEntries(page) {
  return page.evaluate(() =>
    Object.fromEntries(Object.keys(localStorage).filter((k) => k.startsWith('kerze.')).map((k) => [k, localStorage.getItem(k)])),
  );
}

/** Collects the messages of every dialog (alert, confirm) the page opens, dismissing each. */
export function collectDialogs(page) {
  const dialogs = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    d.dismiss();
  });
  return dialogs;
}

/** Waits until the footer says every change is stored. */
export async function waitSaved(page) {
  await page.locator('.save-status.saved').waitFor();
}

/**
 * For a test file: a server of the release build and a browser, started
 * before its tests and stopped after them. Read `.server` and `.browser` inside tests.
 */
export function useServerAndBrowser(hooks) {
  const env = {};
  hooks.before(async () => {
    env.server = await serve();
    env.browser = await launch();
  });
  hooks.after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

/**
 * A browser context whose local storage starts with `entries` (once: a
 * reload keeps what the app wrote), with `init` run in every page first.
 */
export async function seededContext(browser, entries, init) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
  await context.addInitScript((entries) => {
    if (!sessionStorage.getItem('seeded')) {
      for (const [k, v] of Object.entries(entries)) localStorage.setItem(k, v);
      sessionStorage.setItem('seeded', '1');
    }
  }, entries);
  if (init) await context.addInitScript(init);
  return context;
}

/** The records of a CSV text (RFC 4180: quoted cells, doubled quotes). */
export function parseCsv(text, delimiter = ',') {
  const records = [];
  let record = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) {
      record.push(cell);
      cell = '';
    } else if (ch === '\n') {
      record.push(cell);
      records.push(record);
      record = [];
      cell = '';
    } else if (ch !== '\r') cell += ch;
  }
  if (cell || record.length) records.push([...record, cell]);
  return records;
}
