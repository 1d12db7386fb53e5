// Timing weight changes in the page: the benchmarks' one way to measure how
// long from an edit to the redrawn screen.

/**
 * Sets the weight field `crit-c4-weight` `changes` times (0, 4, 0, …) and
 * times each change: to the updated DOM, and to the laid-out page. `probe`
 * ({ selector, property, wait }) names what must differ after every change;
 * with `wait`, each change is timed until it does (up to 3 s), for what
 * follows a change later. `probe.field` and `probe.values` set another
 * field to other values in turn (the input event, as typing sends it).
 * Returns [[rendered ms, laid-out ms], …].
 */
export function timeWeightChanges(page, changes, probe) {
  return page.evaluate(
    async ({ changes, probe }) => {
      const input = document.getElementById(probe.field ?? 'crit-c4-weight');
      const values = probe.values ?? ['0', '4'];
      const read = () => document.querySelector(probe.selector)?.[probe.property];
      // A macrotask runs only after the render and all its microtasks are done.
      const idle = () => new Promise((resolve) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = resolve;
        channel.port2.postMessage(0);
      });
      const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      await frame();
      await idle();
      const runs = [];
      for (let i = 0; i < changes; i++) {
        const before = read();
        input.value = values[i % values.length];
        const t0 = performance.now();
        input.dispatchEvent(new InputEvent('input', { bubbles: true }));
        await idle();
        const limit = performance.now() + 3000;
        while (probe.wait && read() === before && performance.now() < limit) await frame();
        const rendered = performance.now();
        // Style and layout of the whole page, forced now rather than at the next frame.
        document.body.getBoundingClientRect();
        const laidOut = performance.now();
        if (read() === before) throw new Error(`change ${i} did not redraw ${probe.selector}`);
        runs.push([rendered - t0, laidOut - t0]);
        // Let the frame of this change pass, so it is not counted in the next
        // one, and start the next change from a plain task.
        await frame();
        await idle();
      }
      return runs;
    },
    { changes, probe },
  );
}

/** "median …, p90 …, max …" of durations in ms. */
export function stats(xs, digits = 1) {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q) => s[Math.min(s.length - 1, Math.floor(q * s.length))].toFixed(digits);
  return `median ${at(0.5)} ms, p90 ${at(0.9)} ms, max ${s[s.length - 1].toFixed(digits)} ms`;
}

/**
 * Marks, in every page of `context`, the moment an element matching
 * `selector` is first on screen (`window[name]`, ms from navigation start):
 * in the page and shown (an element hidden by CSS does not count). With
 * `{ shown: false }`, in the page is enough (no layout is forced to tell).
 */
export function markWhen(context, selector, name, { shown = true } = {}) {
  return context.addInitScript(([selector, name, shown]) => {
    new MutationObserver((_, observer) => {
      const found = shown
        ? [...document.querySelectorAll(selector)].some((el) => el.getClientRects().length > 0)
        : document.querySelector(selector) !== null;
      if (found) {
        window[name] = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  }, [selector, name, shown]);
}

/**
 * Marks, in every page of `context`, the moment the first ranked row is on
 * screen (`window.firstRowAt`, ms from navigation start).
 */
export function markFirstRow(context) {
  return markWhen(context, '.rank-row', 'firstRowAt');
}

/** Waits for the first ranked row of the page's load; its time in ms. */
export async function firstRowAt(page) {
  await page.waitForFunction(() => window.firstRowAt !== undefined, null, { timeout: 60_000 });
  return page.evaluate(() => window.firstRowAt);
}

/**
 * Marks, in every page of `context`, the moment the live app drew its ranking
 * (`window.liveAt`): the first screen drawn at build time has no ids, so only
 * the app's own heading counts.
 */
export function markLiveApp(context) {
  return markWhen(context, '#ranking-heading', 'liveAt', { shown: false });
}

/** Waits for the live app of the page's load; its time in ms. */
export async function liveAppAt(page) {
  await page.waitForFunction(() => window.liveAt !== undefined, null, { timeout: 60_000 });
  return page.evaluate(() => window.liveAt);
}
