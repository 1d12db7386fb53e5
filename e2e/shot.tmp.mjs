import { serve, launch, openApp } from './lib/harness.js';
const [w, h, name, extra] = process.argv.slice(2);
const server = await serve();
const browser = await launch();
try {
  const { page } = await openApp(browser, server.url + (extra ?? ''), { viewport: { width: +w, height: +h } });
  await page.waitForTimeout(300);
  await page.screenshot({ path: `/tmp/shots/${name}.png`, fullPage: process.env.FULL === '1' });
} finally { await browser.close(); await server.close(); }
