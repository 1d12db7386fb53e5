// Prints each file of a build with its raw and gzip size, and the total
// transfer against the 300 KB (gzip) ceiling. Usage: node size-report.mjs DIR
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

const dir = process.argv[2] ?? 'dist';
const BUDGET = 300 * 1024;

function* files(root) {
  for (const name of readdirSync(root)) {
    const path = join(root, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`.padStart(10);
let raw = 0;
let gzip = 0;
console.log(`${'file'.padEnd(44)}${'raw'.padStart(10)}${'gzip'.padStart(10)}`);
// kerze.html is the single-file build, a separate download: not part of the page's transfer.
let single;
for (const path of [...files(dir)].sort()) {
  const bytes = readFileSync(path);
  const zipped = gzipSync(bytes, { level: 9 }).length;
  if (relative(dir, path) === 'kerze.html') {
    single = [bytes.length, zipped];
    continue;
  }
  raw += bytes.length;
  gzip += zipped;
  console.log(`${relative(dir, path).padEnd(44)}${kb(bytes.length)}${kb(zipped)}`);
}
console.log(`${'total (the hosted page)'.padEnd(44)}${kb(raw)}${kb(gzip)}`);
if (single) console.log(`${'kerze.html (single file, offline use)'.padEnd(44)}${kb(single[0])}${kb(single[1])}`);
console.log(`gzip transfer ${(gzip / 1024).toFixed(1)} KB of the ${BUDGET / 1024} KB ceiling: ${gzip <= BUDGET ? 'within' : 'OVER'}`);
if (gzip > BUDGET) process.exitCode = 1;
