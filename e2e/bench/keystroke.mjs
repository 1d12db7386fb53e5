// A keystroke with many ballots stored: from typing a weight to the redrawn
// ranking, with the demo-sized scenario of the storage fixture and 0, 200 and
// 500 revealed ballots (target: ≤ 16 ms with 500).
// Usage: node bench/keystroke.mjs [ballots=0,200,500] [changes=30]
import { readFile } from 'node:fs/promises';
import { serve, launch } from '../lib/harness.js';
import { timeWeightChanges, stats } from '../lib/timing.js';

const counts = (process.argv[2] ?? '0,200,500').split(',').map(Number);
const changes = Number(process.argv[3] ?? 30);
const fixture = JSON.parse(await readFile(new URL('../../tests/fixtures/storage-v5/scenario.json', import.meta.url), 'utf8'));
const server = await serve();
const browser = await launch();

/** The fixture's entry with `n` ballots of round 1, one person each. */
function entryWith(n) {
  const entry = structuredClone(fixture);
  const [first] = entry.scenario.group.ballots;
  entry.scenario.group.ballots = Array.from({ length: n }, (_, i) => ({
    ...structuredClone(first),
    participant: `Person ${i + 1}`,
    sent: first.sent + i,
    scores: Object.fromEntries(Object.keys(first.scores).map((o, k) => [o, { c3: ((i + k) % 5) + 1 }])),
  }));
  return entry;
}

try {
  for (const n of counts) {
    const entry = entryWith(n);
    const id = entry.scenario.id;
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    await context.addInitScript(([id, text]) => {
      if (sessionStorage.getItem('seeded')) return;
      localStorage.setItem('kerze.index', JSON.stringify({ version: 1, active: id, order: [id], trash: [], unreadable: [], lang: 'en' }));
      localStorage.setItem(`kerze.scenario.${id}`, text);
      sessionStorage.setItem('seeded', '1');
    }, [id, JSON.stringify(entry)]);
    const page = await context.newPage();
    await page.goto(server.url);
    await page.locator('#ranking-heading').waitFor();
    const shown = await page.locator('section.group').innerText();
    if (n > 0 && !shown.includes(`Person ${n}`) && !shown.includes(String(n))) throw new Error(`the ${n} ballots are not shown`);
    const runs = await timeWeightChanges(page, changes, { selector: '.rank-list', property: 'textContent' });
    console.log(`${n} ballots: keystroke to the redrawn ranking ${stats(runs.map((r) => r[0]), 1)}; to the laid-out page ${stats(runs.map((r) => r[1]), 1)}`);
    await context.close();
  }
  console.log('target: ≤ 16 ms with 500 ballots');
} finally {
  await browser.close();
  await server.close();
}
