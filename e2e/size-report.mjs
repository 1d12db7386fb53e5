// Prints each file of a build with its raw, gzip (-9) and brotli (quality 11)
// size, and the totals of the hosted page. The build fails only above a
// tripwire (against an accidental doubling, not a target): what users feel is
// measured by the load benchmarks. Usage: node size-report.mjs DIR
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dir = process.argv[2] ?? 'dist';
// Raised from 450 KB with the budget (best set, frontier and pins: +20.4 KB
// brotli, 9 KB of it the panel), and from 480 KB with bringing a sheet in
// (reading CSV and TSV, the mapping desk: +21.5 KB brotli), and from 510 KB
// with the tracker keys in every format, pasting into the table, levels from
// words and the remembered columns (+10 KB brotli); the load benchmarks say
// what that costs.
const TRIPWIRE_BROTLI = 520 * 1024;

function* files(root) {
  for (const name of readdirSync(root)) {
    const path = join(root, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

const gz = (bytes) => gzipSync(bytes, { level: 9 }).length;
const br = (bytes) =>
  brotliCompressSync(bytes, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
  }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`.padStart(11);
const row = (name, sizes) => console.log(`${name.padEnd(44)}${sizes.map(kb).join('')}`);

const total = [0, 0, 0];
console.log(`${'file'.padEnd(44)}${'raw'.padStart(11)}${'gzip'.padStart(11)}${'brotli'.padStart(11)}`);
// kerze.html is the single-file build, a separate download: not part of the
// page's transfer. Precompressed copies (.gz, .br) are what a host sends instead
// of their originals, not more to download.
let single;
for (const path of [...files(dir)].sort()) {
  const name = relative(dir, path);
  if (/\.(gz|br)$/.test(name)) continue;
  const bytes = readFileSync(path);
  const sizes = [bytes.length, gz(bytes), br(bytes)];
  if (name === 'kerze.html') {
    single = sizes;
    continue;
  }
  sizes.forEach((n, i) => (total[i] += n));
  row(name, sizes);
}
row('total (the hosted page)', total);
if (single) row('kerze.html (single file, offline use)', single);
const within = total[2] <= TRIPWIRE_BROTLI;
console.log(
  `hosted page: ${(total[1] / 1024).toFixed(1)} KB gzip, ${(total[2] / 1024).toFixed(1)} KB brotli ` +
    `(tripwire ${TRIPWIRE_BROTLI / 1024} KB brotli: ${within ? 'below' : 'ABOVE'})`,
);
if (!within) process.exitCode = 1;
