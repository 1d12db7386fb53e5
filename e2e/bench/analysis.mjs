// How safe #1 is, in headless Chromium on the release build:
// 1. a full run of 10,000 weight samples after a weight change, 100 and 1,000
//    options × 6 criteria (target for 100: ≤ 50 ms of work; the run goes in
//    slices between frames, so the wall time below includes their waits);
// 2. a keystroke in an option title while a run goes on, 1,000 options
//    (target: median ≤ 16 ms over ≥ 20 keystrokes).
// Usage: node bench/analysis.mjs
import { serve, launch } from '../lib/harness.js';
import { generatedScenario, openWith } from '../lib/generate.js';

/** The generated scenario cut to its first six criteria (amounts and ratings). */
function sixCriteria(n) {
  const s = generatedScenario(n);
  s.criteria = s.criteria.slice(0, 6);
  const kept = new Set(s.criteria.map((c) => c.id));
  for (const o of s.options) o.values = Object.fromEntries(Object.entries(o.values).filter(([k]) => kept.has(k)));
  return s;
}

const server = await serve();
const browser = await launch();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
try {
  for (const n of [100, 1000]) {
    const { page } = await openWith(browser, server.url, sixCriteria(n));
    // Times every timer callback: the samples run in zero-delay timers, so
    // their sum during a run is the run's work, without the waits between.
    await page.evaluate(() => {
      window.timerWork = 0;
      const original = window.setTimeout;
      window.setTimeout = (callback, delay, ...rest) =>
        original(
          (...args) => {
            const t0 = performance.now();
            try {
              return callback(...args);
            } finally {
              window.timerWork += performance.now() - t0;
            }
          },
          delay,
          ...rest,
        );
    });
    await page.waitForFunction(() => document.querySelector('.robust-foot')?.textContent.includes('10,000 weight samples'));
    const runs = await page.evaluate(async () => {
      const input = document.getElementById('crit-c4-weight');
      const foot = () => document.querySelector('.robust-foot').textContent;
      const runs = [];
      for (let i = 0; i < 7; i++) {
        const before = foot();
        input.value = String(2 + (i % 2));
        window.timerWork = 0;
        const t0 = performance.now();
        input.dispatchEvent(new InputEvent('input', { bubbles: true }));
        await new Promise((resolve) => {
          const check = () => {
            const now = foot();
            if (now !== before && now.includes('10,000 weight samples')) resolve();
            else setTimeout(check, 0);
          };
          check();
        });
        runs.push([performance.now() - t0, window.timerWork]);
      }
      return runs;
    });
    console.log(`10,000 weight samples, ${n} options × 6 criteria: work in the slices median ${median(runs.map((r) => r[1])).toFixed(1)} ms; weight change → full run shown median ${median(runs.map((r) => r[0])).toFixed(1)} ms wall time (${runs.length} runs)`);
    await page.context().close();
  }

  const { page } = await openWith(browser, server.url, sixCriteria(1000));
  await page.waitForFunction(() => document.querySelector('.robust-foot')?.textContent.includes('10,000 weight samples'));
  const keys = await page.evaluate(async () => {
    const weight = document.getElementById('crit-c4-weight');
    const title = document.getElementById('opt-o1-title');
    const idle = () => new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = resolve;
      channel.port2.postMessage(0);
    });
    const times = [];
    let running = 0;
    const foot = () => document.querySelector('.robust-foot').textContent;
    let startedFrom = '';
    for (let i = 0; i < 24; i++) {
      if (i % 6 === 0) {
        // A weight change starts a new run of samples; each keystroke restarts it.
        startedFrom = foot();
        weight.value = String(2 + ((i / 6) % 2));
        weight.dispatchEvent(new InputEvent('input', { bubbles: true }));
        await idle();
      }
      // Still the old figures, or partial ones: a run is going.
      if (foot() === startedFrom || foot().includes('After')) running++;
      title.value = `Option 1 ${i}`;
      const t0 = performance.now();
      title.dispatchEvent(new InputEvent('input', { bubbles: true }));
      await idle();
      times.push(performance.now() - t0);
    }
    return { times, running };
  });
  console.log(`keystroke in an option title while samples run, 1,000 options: median ${median(keys.times).toFixed(1)} ms over ${keys.times.length} keystrokes (${keys.running} typed while a run was going; target ≤ 16 ms)`);
} finally {
  await browser.close();
  await server.close();
}
