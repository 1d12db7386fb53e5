// The start-up script's LZMA unpacker (scripts/unlzma.js), loaded for Node.
import { readFileSync } from 'node:fs';

const source = readFileSync(new URL('../../scripts/unlzma.js', import.meta.url), 'utf8');
/** unlzma(Uint8Array) -> Uint8Array, exactly as the page runs it. */
export const unlzma = new Function(`${source}\nreturn unlzma;`)();
/** The unpacker's source text (to run it in a page). */
export const unlzmaSource = source;
