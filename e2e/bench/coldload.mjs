// Cold load to interactive: from navigation start to the live app's ranking
// (not the first screen drawn at build time, which is a picture), in a fresh browser context each time (no cache, no service worker),
// for the hosted build on localhost and for kerze.html from file:// (target:
// median ≤ 300 ms). Usage: node bench/coldload.mjs [loads=12]
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DIST, serve, launch } from '../lib/harness.js';
import { liveAppAt, markLiveApp } from '../lib/timing.js';

const loads = Number(process.argv[2] ?? 12);
const server = await serve();
const browser = await launch();

async function measure(url) {
  const times = [];
  for (let i = 0; i < loads; i++) {
    const context = await browser.newContext();
    await markLiveApp(context);
    const page = await context.newPage();
    await page.goto(url);
    times.push(await liveAppAt(page));
    await context.close();
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)], min: times[0], max: times[times.length - 1] };
}

try {
  for (const [name, url] of [
    ['hosted build (localhost)', server.url],
    ['kerze.html (file://)', pathToFileURL(join(DIST, 'kerze.html')).href],
  ]) {
    const { median, min, max } = await measure(url);
    console.log(`cold load to interactive, ${name}, ${loads} loads: median ${median.toFixed(0)} ms, min ${min.toFixed(0)} ms, max ${max.toFixed(0)} ms (target: median ≤ 300 ms)`);
  }
} finally {
  await browser.close();
  await server.close();
}
