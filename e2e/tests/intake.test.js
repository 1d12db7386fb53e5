// Bringing a sheet in, as a user does: a Jira export picked as a file
// lands on the desk with its columns mapped (Summary as the title, Story
// Points as a new amount), a row is left out, the rows are brought in as
// one Undo step with the ranking's moves said; cells that cannot be taken
// are listed; a file that is not a table is refused in plain words; axe.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { violations } from '../lib/checks.js';
import { useServerAndBrowser, openApp } from '../lib/harness.js';

const env = useServerAndBrowser({ before, after });

const fixture = (name) => readFile(new URL(`../../tests/fixtures/sheets/${name}`, import.meta.url));

/** Picks `buffer` as the file `name` through the import field. */
async function pick(page, name, buffer, mimeType = 'text/csv') {
  await page.locator('#import-file').setInputFiles({ name, mimeType, buffer });
}

/** The desk's columns: name and what each becomes. */
function columns(page) {
  return page.locator('.intake-columns tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [tr.cells[0].textContent, tr.querySelector('select').selectedOptions[0].textContent]),
  );
}

test('a Jira export maps itself, a row is left out, and one Undo takes the import back', async () => {
  const { ctx, page } = await openApp(env.browser, env.server.url);
  await pick(page, 'jira.csv', await fixture('jira.csv'));
  await page.locator('.intake').waitFor();
  assert.equal(await page.locator('#intake-heading').innerText(), 'Bring in “jira.csv”');
  // The heading takes the focus: a keyboard user starts at the desk.
  await page.waitForFunction(() => document.activeElement?.id === 'intake-heading');
  const mapped = Object.fromEntries(await columns(page));
  assert.equal(mapped['Summary'], 'Title');
  assert.equal(mapped['Description'], 'Description');
  assert.equal(mapped['Story Points'], 'New criterion: amount');
  assert.equal(mapped['Issue key'], 'Key in the tracker');
  assert.equal(mapped['Priority'], 'New criterion: levels from the words');
  // The three issues share titles with demo options: changed, none new.
  const summary = page.locator('.intake-summary');
  assert.equal(
    await summary.innerText(),
    'New options: 0 · changed: 3 · unchanged: 0. Options of the scenario not in the sheet, kept as they are: 2.',
  );
  // Taking the tracker's keys is a change the rows say.
  await page.locator('.intake-rows').getByText('Key in the tracker – → ONB-101', { exact: false }).waitFor();
  assert.deepEqual(await violations(page), [], 'axe-core on the desk');
  // SCIM's row is left out.
  await page.getByLabel('Take line 7: SCIM user provisioning').uncheck();
  await page.getByText('New options: 0 · changed: 2 · unchanged: 0.').waitFor();
  await page.getByRole('button', { name: 'Bring in', exact: true }).click();
  await page.getByText(/^Brought in\. New options: 0 · changed: 2\./).waitFor();
  assert.equal(await page.locator('.intake').count(), 0, 'the desk closes');
  // Story Points is a criterion now, with the SSO wizard's 8.
  const named = () => page.evaluate(() => [...document.querySelectorAll('input')].some((i) => i.value === 'Story Points'));
  assert.equal(await named(), true);
  // One Undo takes it all back.
  await page.evaluate(() => document.activeElement?.blur());
  await page.keyboard.press('Control+z');
  await page.waitForFunction(() => ![...document.querySelectorAll('input')].some((i) => i.value === 'Story Points'));
  assert.deepEqual(page.problems, []);
  await ctx.close();
});

test('cells that cannot be taken are listed, and a file that is not a table is refused', async () => {
  const { ctx, page } = await openApp(env.browser, env.server.url);
  const sheet = 'Option,Cost,Metric impact\nSCIM user provisioning,tbd,9\nNew idea,12,3\n';
  await pick(page, 'backlog.csv', Buffer.from(sheet));
  await page.locator('.intake').waitFor();
  const listed = await page.locator('.intake-problems li').allTextContents();
  assert.deepEqual(listed, [
    'Line 2, Cost: “tbd” is not a number: left as it was',
    'Line 2, Metric impact: “9” is not allowed here (outside the scale, or not one of the levels): left as it was',
  ]);
  assert.equal(await page.locator('.intake-summary').innerText(), 'New options: 1 · changed: 0 · unchanged: 1. Options of the scenario not in the sheet, kept as they are: 4.');
  await page.getByRole('button', { name: 'Cancel' }).click();
  assert.equal(await page.locator('.intake').count(), 0);
  // Escape closes the desk as well, with nothing brought in.
  await pick(page, 'backlog.csv', Buffer.from(sheet));
  await page.waitForFunction(() => document.activeElement?.id === 'intake-heading');
  await page.keyboard.press('Escape');
  await page.locator('.intake').waitFor({ state: 'detached' });
  assert.equal(await page.locator('.rank-row').count(), 5);
  // A spreadsheet's own format under a CSV name: refused, nothing changes.
  await pick(page, 'backlog.csv', await fixture('not-csv.xlsx'));
  await page.getByText(/the file is not text \(a spreadsheet's own format\? Save it as CSV\)/).waitFor();
  assert.equal(await page.locator('.intake').count(), 0);
  assert.deepEqual(page.problems, []);
  await ctx.close();
});

test('the desk reads on a projector and a phone: no sideways scroll, axe finds nothing, the keyboard works', async () => {
  for (const [width, height] of [[1280, 720], [390, 844]]) {
    const { ctx, page } = await openApp(env.browser, env.server.url, { viewport: { width, height } });
    await pick(page, 'jira.csv', await fixture('jira.csv'));
    await page.locator('.intake').waitFor();
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(wide <= width, `${width} px: the page is ${wide} px wide`);
    assert.deepEqual(await violations(page), [], `axe-core on the desk at ${width} px`);
    // By keyboard alone: from the focused heading, Tab reaches the first choice.
    await page.waitForFunction(() => document.activeElement?.id === 'intake-heading');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.type), 'checkbox', 'the header box comes first');
    await page.getByLabel('Becomes: Story Points').focus();
    await page.keyboard.press('Home');
    const mapped = Object.fromEntries(await columns(page));
    assert.equal(mapped['Story Points'], 'Nothing (left out)', `${width} px`);
    assert.deepEqual(page.problems, []);
    await ctx.close();
  }
});

test("Kerze's own CSV, downloaded and picked again, changes nothing (English and German)", async () => {
  for (const locale of ['en-US', 'de-DE']) {
    const { ctx, page } = await openApp(env.browser, env.server.url, { locale });
    const button = locale === 'en-US' ? 'Export CSV' : 'CSV exportieren';
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
    await pick(page, download.suggestedFilename(), await readFile(await download.path()));
    await page.locator('.intake').waitFor();
    const expected = locale === 'en-US' ? 'New options: 0 · changed: 0 · unchanged: 5.' : 'Neue Optionen: 0 · geändert: 0 · unverändert: 5.';
    assert.equal(await page.locator('.intake-summary').innerText(), expected, locale);
    assert.equal(await page.locator('.intake-problems').count(), 0, `${locale}: every cell taken`);
    assert.equal(await page.locator('.intake-actions .primary').isDisabled(), true, `${locale}: nothing to bring in`);
    assert.deepEqual(page.problems, []);
    await ctx.close();
  }
});

/** Puts `text` on the clipboard and pastes it into the field `selector`, as Ctrl+V does. */
async function pasteInto(page, selector, text) {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.locator(selector).focus();
  await page.keyboard.press('Control+v');
}

/** The values of the fields `ids`, as shown. */
function fieldValues(page, ids) {
  return page.evaluate((list) => list.map((id) => document.getElementById(id)?.value ?? null), ids);
}

test('a block pasted from a spreadsheet fills the table from the focused cell, or goes by its header; one Undo each', async () => {
  const { ctx, page } = await openApp(env.browser, env.server.url);
  await ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.server.url });
  const rows = page.locator('.options-table .option-row[data-option]');
  assert.equal(await rows.count(), 5);
  const before = await fieldValues(page, ['opt-o4-c1', 'opt-o4-c2', 'opt-o5-c1', 'opt-o5-c2']);

  // Without a header, from the 4th option's Cost on: two rows land on the
  // 4th and 5th options, the third is a new option; as Excel copies (CRLF).
  await pasteInto(page, '#opt-o4-c1', '12\t3\r\n7\t2\r\n4\t5\r\n');
  await page.getByText(/^Pasted\. New options: 1 · changed: 2\./).waitFor();
  assert.equal(await rows.count(), 6);
  assert.deepEqual(await fieldValues(page, ['opt-o4-c1', 'opt-o4-c2', 'opt-o5-c1', 'opt-o5-c2', 'opt-o6-c1', 'opt-o6-c2']), ['12', '3', '7', '2', '4', '5']);
  await page.evaluate(() => document.activeElement?.blur());
  await page.keyboard.press('Control+z');
  await page.waitForFunction(() => document.querySelectorAll('.options-table .option-row[data-option]').length === 5);
  assert.deepEqual(await fieldValues(page, ['opt-o4-c1', 'opt-o4-c2', 'opt-o5-c1', 'opt-o5-c2']), before, 'one Undo takes the paste back');

  // With a header: by the names, wherever the focus is; a cell that is not
  // a number is said, the rest taken.
  const block = 'Option\tCost\tTime to market\nSCIM user provisioning\t33\t7\nWebhooks for invoices\ttbd\t4\n';
  const firstTitle = await page.locator('#opt-o1-title').inputValue();
  await pasteInto(page, '#opt-o1-title', block);
  const notice = page.getByText(/^Pasted\. New options: 1 · changed: 1\./);
  await notice.waitFor();
  assert.match(await notice.innerText(), /Cells not taken: 1\. The first: Line 3, Cost: “tbd” is not a number: left as it was/);
  const scim = await page.evaluate(() =>
    [...document.querySelectorAll('.option-row[data-option]')].find((r) => r.querySelector('.option-title')?.value === 'SCIM user provisioning')?.dataset.option,
  );
  assert.deepEqual(await fieldValues(page, [`opt-${scim}-c1`, `opt-${scim}-c2`, 'opt-o6-title', 'opt-o6-c2']), ['33', '7', 'Webhooks for invoices', '4']);
  assert.equal(await page.locator('#opt-o1-title').inputValue(), firstTitle, 'the focused title is not typed into');
  await page.evaluate(() => document.activeElement?.blur());
  await page.keyboard.press('Control+z');
  await page.waitForFunction(() => document.querySelectorAll('.options-table .option-row[data-option]').length === 5);

  // Onto an empty scenario's panel: clicked, then pasted, the rows are its options.
  await page.getByRole('button', { name: 'New scenario' }).click();
  const empty = page.getByText(/^No options yet\./);
  await empty.click();
  await page.evaluate(() => navigator.clipboard.writeText('Audit log export\t12\nUsage alerts\t5\n'));
  await page.keyboard.press('Control+v');
  await page.getByText(/^Pasted\. New options: 2 · changed: 0\./).waitFor();
  assert.deepEqual(await fieldValues(page, ['opt-o1-title', 'opt-o1-c1', 'opt-o2-title', 'opt-o2-c1']), ['Audit log export', '12', 'Usage alerts', '5']);
  // A block pasted into a field of the panel's own (the filter) stays there.
  await page.evaluate(() => navigator.clipboard.writeText('a\tb'));
  const filter = page.getByLabel('Filter', { exact: true });
  await filter.focus();
  await page.keyboard.press('Control+v');
  await page.waitForFunction(() => document.activeElement?.value?.startsWith('a'));
  assert.equal(await page.locator('.rank-list .rank-row').count(), 2, 'no option added');
  await filter.fill('');
  await page.selectOption('#scenario-switch', { label: 'Enterprise onboarding' });
  await page.waitForFunction(() => document.querySelectorAll('.options-table .option-row[data-option]').length === 5);

  // One value is typed into the field, as any paste.
  const title = await page.locator('#opt-o2-title').inputValue();
  await page.locator('#opt-o2-title').fill('');
  await pasteInto(page, '#opt-o2-title', title);
  assert.equal(await page.locator('#opt-o2-title').inputValue(), title);
  assert.equal(await rows.count(), 5);
  assert.deepEqual(await violations(page), []);
  assert.deepEqual(page.problems, []);
  await ctx.close();
});

test('tracker keys travel: shown beside the title, in the CSV beside it, and the formula guard holds on the way out', async () => {
  const { ctx, page } = await openApp(env.browser, env.server.url);
  const sheet = [
    'Summary,Issue key,Story Points',
    'Self-serve SSO wizard,ONB-101,8',
    '"=HYPERLINK(""http://x"",""y"")",=cmd|calc,3',
    '@SUM(1),+ONB-9,2',
    '-minus first,ONB-7,1',
  ].join('\n');
  await pick(page, 'jira-keys.csv', Buffer.from(sheet));
  await page.locator('.intake').waitFor();
  await page.getByRole('button', { name: 'Bring in', exact: true }).click();
  await page.getByText(/^Brought in\. New options: 3 · changed: 1\./).waitFor();
  const keys = await page.locator('.rank-row .row-key').allTextContents();
  assert.deepEqual(keys.sort(), ['+ONB-9', '=cmd|calc', 'ONB-101', 'ONB-7'].sort());
  assert.equal(await page.locator('.option-row .option-key').count(), 4);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
  const csv = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '');
  const [header] = csv.split('\n');
  assert.ok(header.startsWith('"Rank","Option","Key","Score"'), header);
  assert.ok(csv.includes('"ONB-101"'), csv);
  for (const guarded of [`"'=HYPERLINK(""http://x"",""y"")"`, `"'=cmd|calc"`, `"'@SUM(1)"`, `"'+ONB-9"`, `"'-minus first"`]) {
    assert.ok(csv.includes(guarded), `${guarded} in ${csv}`);
  }
  assert.ok(!/(^|,)[=+@-]/m.test(csv.replace(/"[^"]*"/g, '""')), 'no unguarded formula cell');
  assert.deepEqual(page.problems, []);
  await ctx.close();
});

test('the columns chosen for a sheet come back for the same tracker’s next export, after a reload too', async () => {
  const { ctx, page } = await openApp(env.browser, env.server.url);
  await pick(page, 'jira.csv', await fixture('jira.csv'));
  await page.locator('.intake').waitFor();
  assert.equal(await page.locator('.intake-remembered').count(), 0, 'a first sheet is guessed');
  // Priority is left out this time.
  const priority = page.locator('.intake-columns tbody tr', { hasText: 'Priority' }).locator('select');
  await priority.selectOption({ label: 'Nothing (left out)' });
  await page.getByRole('button', { name: 'Bring in', exact: true }).click();
  await page.getByText(/^Brought in\./).waitFor();
  await page.reload();
  await page.locator('#ranking-heading').waitFor();
  await pick(page, 'jira.csv', await fixture('jira.csv'));
  await page.locator('.intake-remembered').waitFor();
  const mapped = Object.fromEntries(await columns(page));
  assert.equal(mapped['Priority'], 'Nothing (left out)', 'the choice came back');
  assert.equal(mapped['Story Points'], 'Story Points', 'the criterion made last time, found by its name');
  assert.equal(mapped['Issue key'], 'Key in the tracker');
  // Matched by key now: nothing new, nothing changed.
  assert.equal(
    await page.locator('.intake-summary').innerText(),
    'New options: 0 · changed: 0 · unchanged: 3. Options of the scenario not in the sheet, kept as they are: 2.',
  );
  assert.deepEqual(await violations(page), []);
  assert.deepEqual(page.problems, []);
  await ctx.close();
});
