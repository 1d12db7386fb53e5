// Renders docs/screenshot.png (the README's picture) from the release build in dist/:
// the demo scenario with the breakdown of the top option open.
//
//   node e2e/screenshot.mjs
import { serve, launch, openApp } from './lib/harness.js';

const server = await serve();
const browser = await launch();
try {
  const { page } = await openApp(browser, server.url, { viewport: { width: 1400, height: 900 } });
  await page.locator('.rank-row').first().getByRole('button').first().click();
  await page.locator('.breakdown').waitFor();
  await page.mouse.move(0, 0);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: new URL('../docs/screenshot.png', import.meta.url).pathname });
} finally {
  await browser.close();
  await server.close();
}
