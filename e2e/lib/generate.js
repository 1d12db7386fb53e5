// Generated scenarios for benchmarks and large-list tests, in Kerze's stored format.

/** A scenario with `n` options on 8 criteria (3 amounts, 4 ratings, segment fit). */
export function generatedScenario(n, id = 'sbench', { ratio = false, budget = null, cents = false } = {}) {
  let seed = 0x2545f491n;
  const next = () => {
    seed = (seed * 6364136223846793005n + 1442695040888963407n) & 0xffffffffffffffffn;
    return Number(seed >> 33n);
  };
  const criteria = Array.from({ length: 8 }, (_, i) => ({
    id: `c${i + 1}`,
    name: ['Cost', 'Time to market', 'Risk', 'Metric impact', 'Reach', 'Confidence', 'Strategic fit', 'Segment fit'][i],
    weight: (i % 4) + 1,
    direction: i % 2 === 0 ? 'lower_is_better' : 'higher_is_better',
    input:
      i <= 2
        ? { kind: 'amount', unit: ['person-days', 'weeks', 'k€'][i], lo: null, hi: null }
        : i === 7
          ? { kind: 'segment_fit' }
          : { kind: 'rating', min: 1, max: 5 },
    // The ratio model: cost divides, segment fit multiplies, the rest add.
    ...(ratio && i === 0 ? { role: 'divide' } : {}),
    ...(ratio && i === 7 ? { role: 'multiply' } : {}),
  }));
  const options = Array.from({ length: n }, (_, i) => {
    const values = {};
    for (const c of criteria.slice(0, 7)) {
      values[c.id] =
        c.input.kind === 'amount'
          ? cents
            ? ((next() % 50000) + 1) / 100
            : (next() % 500) + (ratio ? 1 : 0)
          : (next() % 5) + 1;
    }
    return {
      id: `o${i + 1}`,
      title: `Option ${i + 1}: ${['Self-serve setup', 'Partner programme', 'API extension', 'Onboarding flow'][i % 4]}`,
      description: '',
      values,
      fit: { smb: next() % 6, enterprise: next() % 6, public_sector: next() % 6 },
    };
  });
  return {
    id,
    name: `Generated, ${n} options`,
    need: 'A benchmark scenario',
    root_cause: '',
    segment_mix: { smb: 20, enterprise: 60, public_sector: 20 },
    threshold: ratio ? 0 : 40,
    criteria,
    options,
    ...(ratio ? { model: 'ratio' } : {}),
    ...(budget ? { budget: { criterion: 'c1', amount: budget } } : {}),
  };
}

/** localStorage entries that make Kerze open `scenario`. */
export function storageEntries(scenario) {
  return {
    'kerze.index': JSON.stringify({ version: 1, active: scenario.id, order: [scenario.id], trash: [], unreadable: [], lang: 'en' }),
    [`kerze.scenario.${scenario.id}`]: JSON.stringify({ version: 1, scenario }),
  };
}

/** Opens the app with `scenario` already stored. */
export async function openWith(browser, url, scenario, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, ...options });
  await context.addInitScript((entries) => {
    if (!sessionStorage.getItem('kerze-seeded')) {
      for (const [k, v] of Object.entries(entries)) localStorage.setItem(k, v);
      sessionStorage.setItem('kerze-seeded', '1');
    }
  }, storageEntries(scenario));
  const page = await context.newPage();
  await page.goto(url);
  await page.locator('#ranking-heading').waitFor();
  return { context, page };
}
