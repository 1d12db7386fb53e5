// The first screen, drawn before the WebAssembly arrives.
//
// A first visit shows the demo scenario ranked. On a phone the app needs two
// to three seconds to arrive; until then the page would say only "loading".
// This step opens the built page once in headless Chromium, as a first-time
// visitor (English, nothing stored, no link), takes what the app drew and
// writes it into index.html: the visitor sees the ranked demo as soon as the
// HTML is in. It is a picture of the page, not the page: `inert` (no focus,
// no clicks, nothing typed that could be lost) and hidden from assistive
// technology, which hears "Kerze is loading…" until the app takes over.
// The app replaces it when it starts (`mount` empties #app).
//
// A small inline script (pinned by its hash in the CSP) hides the picture
// where it would be wrong: a link to open (#…), a German browser (the demo
// would be German) or anything stored (a returning user's own scenarios).
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

/** The inline script that decides whether the picture is shown. */
export const CHOOSER =
  'try{if(location.hash.length>1||/^de/i.test(navigator.language)||localStorage.length>0)throw 0}' +
  'catch(e){document.documentElement.classList.add("no-snapshot")}';

/** The CSP source that allows [`CHOOSER`]. */
export const CHOOSER_SOURCE = `'sha256-${createHash('sha256').update(CHOOSER).digest('base64')}'`;

/** Whether a Chromium is there to draw the picture with. */
export const canPrerender = () => existsSync(CHROMIUM) && existsSync(new URL('../e2e/node_modules/playwright-core', import.meta.url));

/**
 * The first screen of the build in `dir` as the app draws it for a first
 * visit, ready to go inside #app: every field shows its value, no id (the
 * live page's ids stay unique and tests wait for the live page).
 */
export async function firstScreen(dir) {
  const { serve, launch } = await import('../e2e/lib/harness.js');
  const server = await serve(resolve(dir), '/');
  const browser = await launch();
  try {
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 720 }, serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.locator('#ranking-heading').waitFor({ timeout: 60_000 });
    await page.locator('.rank-row').first().waitFor();
    // Let the first render's effects (saving, the analyses that follow) settle.
    await page.waitForTimeout(1500);
    return await page.evaluate(() => {
      const app = document.getElementById('app').cloneNode(true);
      const live = document.getElementById('app');
      // Properties the app set (values, ticks, choices) become attributes.
      const fields = (root) => [...root.querySelectorAll('input, textarea, select')];
      const copies = fields(app);
      fields(live).forEach((field, i) => {
        const copy = copies[i];
        if (field.type === 'checkbox' || field.type === 'radio') {
          copy.toggleAttribute('checked', field.checked);
        } else if (field.tagName === 'TEXTAREA') {
          copy.textContent = field.value;
        } else if (field.tagName === 'SELECT') {
          [...copy.options].forEach((o, j) => o.toggleAttribute('selected', field.options[j].selected));
        } else if (field.type !== 'file') {
          copy.setAttribute('value', field.value);
        }
      });
      for (const el of app.querySelectorAll('*')) {
        for (const name of ['id', 'for', 'aria-labelledby', 'aria-describedby', 'aria-controls', 'autofocus', 'tabindex']) {
          el.removeAttribute(name);
        }
      }
      // What is far below the first screen, and what only paper shows, the
      // picture leaves to the app: less to lay out before the app starts.
      app.querySelectorAll('.tradeoffs, .group, .print-only, .skip-link').forEach((el) => el.remove());
      // Notices of this one load (e.g. "saved") are not part of the picture.
      app.querySelectorAll('[role="alert"], [role="status"]').forEach((el) => el.replaceChildren());
      return app.innerHTML;
    });
  } finally {
    await browser.close();
    await server.close();
  }
}

/** `html` with the picture `screen` in #app and the chooser script in the head. */
export function withSnapshot(html, screen) {
  const booting = /(<div id="app"><main class="booting">[\s\S]*?<\/main>)(<\/div>)/;
  if (!booting.test(html)) throw new Error('index.html: #app with its loading line not found');
  return html
    .replace(booting, (_, loading, end) => `${loading}<div class="snapshot" inert aria-hidden="true">${screen}</div>${end}`)
    .replace('</title>', () => `</title>\n    <script>${CHOOSER}</script>`);
}
