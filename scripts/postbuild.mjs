// Runs after trunk has built the release (a trunk post_build hook, or by hand
// with the build folder as argument). It makes the build fit for locked-down
// networks and offline use:
//
// 1. moves trunk's inline start-up script into a file and adds a strict
//    Content-Security-Policy, so the page runs no inline script at all;
// 2. writes a service worker that caches the whole app under a cache named
//    after the build's content, so a new deploy is a new cache;
// 3. writes kerze.html: the whole app in one file (CSS, JS and the wasm as
//    base64 inline, pinned by hashes in its own CSP) that opens from file://;
// 4. draws the first screen into index.html, so a first visit sees the ranked
//    demo before the WebAssembly is in (scripts/prerender.mjs; needs Chromium,
//    which `scripts/setup --browser` installs).
//
// Before all that it minifies the JS glue and the CSS (and their integrity
// hashes in index.html follow). The WebAssembly ships as built, so the browser
// compiles it while it streams in. Last, it writes a brotli (.br) and a gzip
// (.gz) copy beside each file, for hosts that send precompressed files.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { canPrerender, CHOOSER_SOURCE, firstScreen, withSnapshot } from './prerender.mjs';

// esbuild comes with the npm packages of e2e/ (scripts/setup installs them).
const require = createRequire(new URL('../e2e/package.json', import.meta.url));
const { transformSync } = require('esbuild');
const minify = (code, loader, format) =>
  transformSync(code, { loader, format, minify: true, target: 'es2022', legalComments: 'none' }).code;

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2] ?? 'dist';
const read = (name) => readFileSync(join(dir, name), 'utf8');
const sha = (algorithm, text) => createHash(algorithm).update(text).digest('base64');

const POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  // Bar widths and list positions are style attributes set by the app; they run no code.
  "style-src-attr 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
];

const files = readdirSync(dir);
const find = (pattern) => {
  const name = files.find((f) => pattern.test(f));
  if (!name) throw new Error(`no file matching ${pattern} in ${dir}`);
  return name;
};
const glueName = find(/^kerze-[0-9a-f]+\.js$/);
const wasmName = find(/^kerze-[0-9a-f]+_bg\.wasm$/);
const cssName = find(/^kerze-[0-9a-f]+\.css$/);
let html = read('index.html');
if (html.includes('http-equiv="Content-Security-Policy"')) {
  console.log('postbuild: already done');
  process.exit(0);
}

// 0. Minified glue and CSS; index.html names them with integrity hashes.
// The single-file build minifies the glue together with its own start-up
// code, so it keeps the glue as written.
const glueSource = read(glueName);
for (const [name, loader, format] of [[glueName, 'js', 'esm'], [cssName, 'css', undefined]]) {
  const small = minify(read(name), loader, format);
  writeFileSync(join(dir, name), small);
  const pinned = new RegExp(`(href="\\./${name.replace(/[.]/g, '\\.')}"[^>]*integrity=")sha384-[^"]*`);
  if (!pinned.test(html)) throw new Error(`no integrity hash for ${name} in index.html`);
  html = html.replace(pinned, `$1sha384-${sha('sha384', small)}`);
}

const wasmBytes = readFileSync(join(dir, wasmName));

// The release build stops at once on a panic (a WebAssembly trap, no message):
// the page then says so, keeps the user's data where it is and offers a reload
// (a link: no app code runs any more). Part of both start-up scripts.
const CRASH_BANNER = `const crashed = (error) => {
  if (!(error instanceof WebAssembly.RuntimeError) || document.getElementById('kerze-crashed')) return;
  const de = document.documentElement.lang.toLowerCase().startsWith('de');
  const banner = document.createElement('div');
  banner.id = 'kerze-crashed';
  banner.className = 'crash-banner';
  banner.setAttribute('role', 'alert');
  const message = document.createElement('p');
  message.textContent = de
    ? 'Etwas ist schiefgegangen, und Kerze wurde angehalten. Ihre gespeicherten Daten sind in diesem Browser sicher.'
    : 'Something went wrong and Kerze stopped. Your saved data is safe in this browser.';
  const reload = document.createElement('a');
  reload.href = location.href;
  reload.textContent = de ? 'Kerze neu laden' : 'Reload Kerze';
  banner.append(message, reload);
  document.body.prepend(banner);
};
addEventListener('error', (event) => crashed(event.error));
addEventListener('unhandledrejection', (event) => crashed(event.reason));
`;

// 1. The start-up script, from inline to a file, plus the service worker's registration.
const inline = html.match(/<script type="module">([\s\S]*?)<\/script>/);
if (!inline) throw new Error('trunk start-up script not found in index.html');
const version = sha('sha256', [glueName, wasmName, cssName].join()).replace(/[^A-Za-z0-9]/g, '').slice(0, 12);
const startName = `start-${version}.js`;
const start = minify(`${CRASH_BANNER}
${inline[1].trim()}

// Offline after the first visit. A new deploy installs beside the running one
// and waits; the page offers the reload (window.kerzeUpdate) instead of
// switching versions under a user who is editing.
if ('serviceWorker' in navigator && location.protocol.startsWith('http')) {
  navigator.serviceWorker.register('./sw.js').then((registration) => {
    const offer = (worker) => {
      if (!worker || !navigator.serviceWorker.controller) return;
      window.kerzeUpdate = () => worker.postMessage('skip-waiting');
      dispatchEvent(new CustomEvent('kerze-update-ready'));
    };
    offer(registration.waiting);
    registration.addEventListener('updatefound', () => {
      const worker = registration.installing;
      worker?.addEventListener('statechange', () => {
        if (worker.state === 'installed') offer(worker);
      });
    });
  }).catch(() => {});
  let reloading = false;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (window.kerzeUpdate && !reloading) {
      reloading = true;
      location.reload();
    }
  });
}
`, 'js', 'esm');
writeFileSync(join(dir, startName), start);
html = html
  .replace(inline[0], `<script type="module" src="./${startName}"></script>`)
  .replace('<meta charset="utf-8" />', `<meta charset="utf-8" />\n    <meta http-equiv="Content-Security-Policy" content="${POLICY.join('; ')}" />`);
writeFileSync(join(dir, 'index.html'), html);

// 4. The first screen, drawn by the page just written.
let drawn = 'not drawn (no Chromium)';
if (canPrerender()) {
  const screen = await firstScreen(dir);
  html = withSnapshot(html, screen).replace("script-src 'self'", () => `script-src 'self' ${CHOOSER_SOURCE}`);
  writeFileSync(join(dir, 'index.html'), html);
  drawn = `first screen drawn (${(screen.length / 1024).toFixed(0)} KB)`;
}

// 3. (before 2, so that the worker caches it) The single-file build.
const glue = glueSource.replace(/export\s*\{[^}]*\};?\s*$/, '');
if (/(^|[;}])export\b/m.test(glue)) throw new Error('unexpected export left in the JS glue');
const wasm64 = wasmBytes.toString('base64');
const single = minify(`${CRASH_BANNER}
${glue}
const wasm64 = "${wasm64}";
const bytes = Uint8Array.fromBase64 ? Uint8Array.fromBase64(wasm64) : (() => {
  const text = atob(wasm64);
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
})();
await __wbg_init({ module_or_path: bytes });
`, 'js', 'esm');
const css = read(cssName);
const singlePolicy = [
  "default-src 'none'",
  `script-src 'sha256-${sha('sha256', single)}' ${CHOOSER_SOURCE} 'wasm-unsafe-eval'`,
  `style-src 'sha256-${sha('sha256', css)}'`,
  "style-src-attr 'unsafe-inline'",
  'img-src data:',
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
];
const singleHtml = html
  .replace(/<meta http-equiv="Content-Security-Policy" content="[^"]*" \/>/, `<meta http-equiv="Content-Security-Policy" content="${singlePolicy.join('; ')}" />`)
  .replace(/<link rel="stylesheet"[^>]*>/, () => `<style>${css}</style>`)
  .replace(/<script type="module" src="[^"]*"><\/script>/, () => `<script type="module">${single}</script>`)
  .replace(/<link rel="modulepreload"[^>]*>/, '')
  .replace(/<link rel="preload"[^>]*>/, '');
writeFileSync(join(dir, 'kerze.html'), singleHtml);

// 2. The service worker: every file of the build, in a cache named after it.
const assets = ['./', ...readdirSync(dir).filter((f) => f !== 'sw.js').map((f) => `./${f}`)];
const worker = `// Kerze's service worker: the app shell from the cache, so Kerze works offline.
const CACHE = 'kerze-${version}';
const ASSETS = ${JSON.stringify(assets)};
self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(ASSETS)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('kerze-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      const hit = await cache.match(request, { ignoreSearch: true })
        ?? (request.mode === 'navigate' ? await cache.match('./') : undefined);
      return hit ?? fetch(request);
    }),
  );
});
`;
writeFileSync(join(dir, 'sw.js'), worker);

// 4. Precompressed copies beside each file (brotli at its strongest, gzip -9),
// for hosts that send them as they are (nginx gzip_static / brotli_static,
// Caddy precompressed); a host that compresses by itself ignores them.
for (const name of readdirSync(dir)) {
  if (/\.(br|gz)$/.test(name)) continue;
  const bytes = readFileSync(join(dir, name));
  writeFileSync(join(dir, `${name}.gz`), gzipSync(bytes, { level: 9 }));
  writeFileSync(
    join(dir, `${name}.br`),
    brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }),
  );
}
console.log(`postbuild: CSP, ${startName}, sw.js (cache kerze-${version}), kerze.html (${(singleHtml.length / 1024).toFixed(0)} KB), ${drawn}`);
