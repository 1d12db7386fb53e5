// Unpacks an LZMA stream (the ".lzma" format: a 13-byte header, then the
// range-coded data) into a Uint8Array. Kerze's WebAssembly ships packed this
// way: a fifth smaller than gzip makes it, on any static host. Throws on a
// damaged stream (never reads or writes outside its arrays).
//
// The range coder's two 32-bit registers live in an Int32Array and are
// compared with their top bits flipped (unsigned order): as plain variables
// shared by the helpers, large values would be boxed on every step, which
// makes unpacking several times slower.
function unlzma(src) {
  const fail = () => { throw new Error('damaged LZMA stream'); };
  if (src.length < 18) fail();
  let props = src[0];
  const lc = props % 9;
  props = (props / 9) | 0;
  const lp = props % 5;
  const pb = (props / 5) | 0;
  if (pb > 4 || src[9] | src[10] | src[11] | src[12]) fail();
  const size = (src[5] | (src[6] << 8) | (src[7] << 16) | (src[8] << 24)) >>> 0;
  const out = new Uint8Array(size);
  const end = src.length;
  let at = 14; // src[13] is the range coder's first byte, always 0
  const rc = new Int32Array(2); // range, code
  rc[0] = -1;
  for (let i = 0; i < 4; i++) rc[1] = (rc[1] << 8) | src[at++];
  // Past the end the stream reads zeros; the check after the loop refuses it.
  const normalize = () => {
    if ((rc[0] & 0xff000000) === 0) {
      rc[0] <<= 8;
      rc[1] = (rc[1] << 8) | (at < end ? src[at] : 0);
      at++;
    }
  };
  const bit = (probs, i) => {
    const p = probs[i];
    const range = rc[0];
    const code = rc[1];
    const bound = Math.imul(range >>> 11, p);
    let b;
    if ((code ^ 0x80000000) < (bound ^ 0x80000000)) {
      rc[0] = bound;
      probs[i] = p + ((2048 - p) >> 5);
      b = 0;
    } else {
      rc[0] = range - bound;
      rc[1] = code - bound;
      probs[i] = p - (p >> 5);
      b = 1;
    }
    normalize();
    return b;
  };
  // Decodes a symbol bit by bit, from the top, each bit's probability chosen
  // by the bits before it; while `match` is given (a literal right after a
  // match), also by the byte the match would have repeated. The hot loop of
  // unpacking: the registers stay in local variables throughout.
  const symbol = (probs, base, bits, match) => {
    let range = rc[0];
    let code = rc[1];
    let m = 1;
    const top = 1 << bits;
    while (m < top) {
      let i = base + m;
      let matchBit = -1;
      if (match >= 0) {
        matchBit = (match >> 7) & 1;
        match <<= 1;
        i += (1 + matchBit) << 8;
      }
      const p = probs[i];
      const bound = Math.imul(range >>> 11, p);
      let b = 0;
      if ((code ^ 0x80000000) < (bound ^ 0x80000000)) {
        range = bound;
        probs[i] = p + ((2048 - p) >> 5);
      } else {
        range = (range - bound) | 0;
        code = (code - bound) | 0;
        probs[i] = p - (p >> 5);
        b = 1;
      }
      if ((range & 0xff000000) === 0) {
        range <<= 8;
        code = (code << 8) | (at < end ? src[at] : 0);
        at++;
      }
      m = (m << 1) | b;
      if (matchBit >= 0 && matchBit !== b) match = -1;
    }
    rc[0] = range;
    rc[1] = code;
    return m - top;
  };
  const tree = (probs, base, bits) => symbol(probs, base, bits, -1);
  const reverse = (probs, base, bits) => {
    let m = 1;
    let symbol = 0;
    for (let i = 0; i < bits; i++) {
      const b = bit(probs, base + m);
      m = (m << 1) | b;
      symbol |= b << i;
    }
    return symbol;
  };
  const direct = (bits) => {
    let result = 0;
    for (let i = 0; i < bits; i++) {
      const range = rc[0] >>> 1;
      rc[0] = range;
      let b = 0;
      if ((rc[1] ^ 0x80000000) >= (range ^ 0x80000000)) {
        rc[1] -= range;
        b = 1;
      }
      result = result * 2 + b;
      normalize();
    }
    return result;
  };
  const probs = (n) => new Uint16Array(n).fill(1024);
  // A length coder: choice bits, then 8 short, 8 middle or 256 long lengths.
  const lengths = () => ({ choice: probs(2), low: probs(16 << 3), mid: probs(16 << 3), high: probs(256) });
  const length = (coder, posState) => {
    if (!bit(coder.choice, 0)) return tree(coder.low, posState << 3, 3);
    if (!bit(coder.choice, 1)) return 8 + tree(coder.mid, posState << 3, 3);
    return 16 + tree(coder.high, 0, 8);
  };
  const literals = probs(0x300 << (lc + lp));
  const isMatch = probs(192);
  const isRep = probs(12);
  const isRepG0 = probs(12);
  const isRepG1 = probs(12);
  const isRepG2 = probs(12);
  const isRep0Long = probs(192);
  const slots = probs(256);
  const special = probs(115);
  const align = probs(16);
  const matchLengths = lengths();
  const repLengths = lengths();
  let state = 0;
  let rep0 = 0;
  let rep1 = 0;
  let rep2 = 0;
  let rep3 = 0;
  let pos = 0;
  const pbMask = (1 << pb) - 1;
  const lpMask = (1 << lp) - 1;
  while (pos < size) {
    const posState = pos & pbMask;
    if (!bit(isMatch, (state << 4) + posState)) {
      const prev = pos > 0 ? out[pos - 1] : 0;
      const base = 0x300 * (((pos & lpMask) << lc) + (prev >> (8 - lc)));
      out[pos] = symbol(literals, base, 8, state >= 7 ? out[pos - rep0 - 1] : -1);
      pos++;
      state = state < 4 ? 0 : state < 10 ? state - 3 : state - 6;
      continue;
    }
    let len;
    if (bit(isRep, state)) {
      if (pos === 0) fail();
      if (!bit(isRepG0, state)) {
        if (!bit(isRep0Long, (state << 4) + posState)) {
          state = state < 7 ? 9 : 11;
          out[pos] = out[pos - rep0 - 1];
          pos++;
          continue;
        }
      } else {
        let distance;
        if (!bit(isRepG1, state)) {
          distance = rep1;
        } else {
          if (!bit(isRepG2, state)) {
            distance = rep2;
          } else {
            distance = rep3;
            rep3 = rep2;
          }
          rep2 = rep1;
        }
        rep1 = rep0;
        rep0 = distance;
      }
      len = length(repLengths, posState);
      state = state < 7 ? 8 : 11;
    } else {
      rep3 = rep2;
      rep2 = rep1;
      rep1 = rep0;
      len = length(matchLengths, posState);
      state = state < 7 ? 7 : 10;
      const slot = tree(slots, (len < 3 ? len : 3) << 6, 6);
      if (slot < 4) {
        rep0 = slot;
      } else {
        const bits = (slot >> 1) - 1;
        rep0 = (2 | (slot & 1)) * 2 ** bits;
        if (slot < 14) {
          rep0 += reverse(special, rep0 - slot, bits);
        } else {
          rep0 += direct(bits - 4) * 16 + reverse(align, 0, 4);
        }
      }
      if (rep0 >= pos) fail();
    }
    len += 2;
    if (len > size - pos) fail();
    for (; len > 0; len--, pos++) out[pos] = out[pos - rep0 - 1];
  }
  if (at > end) fail();
  return out;
}
