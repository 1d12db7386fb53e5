// Checks the browser tests share: axe-core on the page, and an export file
// against the JSON Schema of its format.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import Ajv from 'ajv/dist/2020.js';

const require = createRequire(import.meta.url);
const axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's violations on the whole page, as `rule: first targets` lines. */
export async function violations(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(axeSource);
  return page.evaluate(async () =>
    (await window.axe.run(document, { resultTypes: ['violations'] })).violations.map(
      (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`,
    ),
  );
}

/** The errors of `exported` against the schema of export `version` (null: none). */
export async function schemaErrors(exported, version) {
  const url = new URL(`../../schema/kerze-export.v${version}.schema.json`, import.meta.url);
  const schema = JSON.parse(await readFile(url, 'utf8'));
  const validate = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema);
  return validate(exported) ? null : JSON.stringify(validate.errors, null, 2);
}
