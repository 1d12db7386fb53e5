// The load budget users feel: from navigation to the first ranked row on
// screen, for the hosted build served with brotli and with gzip.
//   phone first visit: 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up,
//     CPU 4× slower (CDP throttling), a fresh context each time (no cache, no
//     service worker); targets ≤ 2.5 s with brotli, ≤ 3.0 s with gzip;
//   phone repeat visit: the same profile, the page served by its service
//     worker after a first visit; target ≤ 1.0 s;
//   desktop first visit: localhost, no throttling; target ≤ 250 ms.
// Two moments each: the first ranked row on screen (on a first visit, the
// first screen drawn at build time, scripts/prerender.mjs) and the live app
// (its own ranking drawn: every control works). The targets are for the first.
// Prints the median (and range) of N loads each. Usage: node bench/firstvisit.mjs [loads=7]
import { serve, launch } from '../lib/harness.js';
import { firstRowAt, liveAppAt, markFirstRow, markLiveApp } from '../lib/timing.js';

const loads = Number(process.argv[2] ?? 7);
const PHONE = { latency: 150, downloadThroughput: (1.6e6 / 8) * 0.9, uploadThroughput: (750e3 / 8) * 0.9, cpu: 4 };

const browser = await launch();

async function throttled(context, page, profile) {
  if (!profile) return;
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: profile.latency,
    downloadThroughput: profile.downloadThroughput,
    uploadThroughput: profile.uploadThroughput,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
}

async function firstVisit(url, profile) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  await markFirstRow(context);
  await markLiveApp(context);
  const page = await context.newPage();
  await throttled(context, page, profile);
  await page.goto(url);
  const at = await firstRowAt(page);
  const live = await liveAppAt(page);
  await context.close();
  return [at, live];
}

async function repeatVisit(url, profile) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  await markFirstRow(context);
  await markLiveApp(context);
  const page = await context.newPage();
  await page.goto(url);
  await firstRowAt(page);
  // The service worker has the app once it controls the page.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((ok) => navigator.serviceWorker.addEventListener('controllerchange', ok, { once: true }));
    }
  });
  await throttled(context, page, profile);
  await page.reload();
  const at = await firstRowAt(page);
  const live = await liveAppAt(page);
  await context.close();
  return [at, live];
}

function summary(times) {
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  return `median ${median.toFixed(0)} ms (${times[0].toFixed(0)}–${times[times.length - 1].toFixed(0)} ms)`;
}

async function measure(name, encoding, visit, profile, target) {
  const server = await serve(undefined, '/', { encoding });
  try {
    const rows = [];
    const live = [];
    for (let i = 0; i < loads; i++) {
      const [at, ready] = await visit(server.url, profile);
      rows.push(at);
      live.push(ready);
    }
    console.log(`${name.padEnd(44)} first row ${summary(rows)}, ${loads} loads (target ≤ ${target} ms); live app ${summary(live)}`);
  } finally {
    await server.close();
  }
}

try {
  await measure('phone, first visit, brotli', 'br', firstVisit, PHONE, 2500);
  await measure('phone, first visit, gzip', 'gzip', firstVisit, PHONE, 3000);
  await measure('phone, repeat visit (service worker), brotli', 'br', repeatVisit, PHONE, 1000);
  await measure('desktop, first visit, brotli (localhost)', 'br', firstVisit, null, 250);
} finally {
  await browser.close();
}
