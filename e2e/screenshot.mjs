// Renders the README's pictures from the release build in dist/: docs/screenshot.png,
// the demo scenario with the breakdown of the top option open, and docs/group.png,
// three people's scores revealed.
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

  // docs/group.png: the reveal of three people's scores (hot seat), one cell open.
  const group = page.locator('section.group');
  await group.scrollIntoViewIfNeeded();
  for (const box of await group.locator('.group-start fieldset input[type=checkbox]').all()) {
    const name = await box.evaluate((b) => b.parentElement.textContent.trim());
    if (!['Metric impact', 'Segment fit'].includes(name) && (await box.isChecked())) await box.click();
  }
  await group.getByRole('button', { name: 'Make the ballot link' }).click();
  await page.getByRole('button', { name: 'Score on this laptop (hot seat)' }).click();
  const seat = page.locator('.hot-seat');
  const people = [
    ['Anna', ['2', '3', '4', '2', '3'], 'Two customers asked for it this quarter'],
    ['Ben', ['4', '3', '5', '2', '?'], ''],
    ['Cem', ['5', '3', '1', '2', '4'], 'Only helps the largest accounts'],
  ];
  for (const [i, [name, impacts, reason]] of people.entries()) {
    if (i > 0) await seat.getByRole('button', { name: 'Next person' }).click();
    await seat.getByLabel('Your name or initials').fill(name);
    const lists = seat.locator('.ballot-option').filter({ has: page.locator('select') });
    for (const [k, v] of impacts.entries()) {
      await lists.nth(k).locator('select').first().selectOption(v);
      for (const fit of await lists.nth(k).locator('select').all()) {
        if ((await fit.inputValue()) === '') await fit.selectOption(String((k + i) % 6));
      }
    }
    if (reason) await seat.locator('input.reason').first().fill(reason);
    await seat.getByRole('button', { name: 'Done: hide my scores' }).click();
  }
  await seat.getByRole('button', { name: 'End and reveal (3 ballots)' }).click();
  await page.locator('table.heatmap tbody tr').first().locator('td button').first().click();
  await page.locator('.cell-votes').waitFor();
  await page.mouse.move(0, 0);
  await page.locator('.group-results').screenshot({ path: new URL('../docs/group.png', import.meta.url).pathname });
} finally {
  await browser.close();
  await server.close();
}
