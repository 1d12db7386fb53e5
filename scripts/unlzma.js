// Unpacks an LZMA stream (the ".lzma" format: a 13-byte header, then the
// range-coded data) into a Uint8Array. Kerze's WebAssembly ships packed this
// way: a fifth smaller than gzip makes it, on any static host. Throws on a
// damaged stream (never reads or writes outside its arrays).
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
  let at = 14; // src[13] is the range coder's first byte, always 0
  let range = 0xffffffff;
  let code = 0;
  for (let i = 0; i < 4; i++) code = ((code << 8) | src[at++]) >>> 0;
  const next = () => (at < src.length ? src[at++] : fail());
  const normalize = () => {
    if (range < 0x1000000) {
      range = (range << 8) >>> 0;
      code = ((code << 8) | next()) >>> 0;
    }
  };
  const bit = (probs, i) => {
    const p = probs[i];
    const bound = (range >>> 11) * p;
    let b;
    if (code < bound) {
      range = bound;
      probs[i] = p + ((2048 - p) >> 5);
      b = 0;
    } else {
      range -= bound;
      code -= bound;
      probs[i] = p - (p >> 5);
      b = 1;
    }
    normalize();
    return b;
  };
  const tree = (probs, base, bits) => {
    let m = 1;
    for (let i = 0; i < bits; i++) m = (m << 1) | bit(probs, base + m);
    return m - (1 << bits);
  };
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
      range >>>= 1;
      let b = 0;
      if (code >= range) {
        code -= range;
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
      let symbol = 1;
      if (state >= 7) {
        let match = out[pos - rep0 - 1];
        do {
          const matchBit = (match >> 7) & 1;
          match <<= 1;
          const b = bit(literals, base + ((1 + matchBit) << 8) + symbol);
          symbol = (symbol << 1) | b;
          if (matchBit !== b) break;
        } while (symbol < 0x100);
      }
      while (symbol < 0x100) symbol = (symbol << 1) | bit(literals, base + symbol);
      out[pos++] = symbol;
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
  return out;
}
