//! Raw DEFLATE (RFC 1951) against a preset dictionary, as share links use it:
//! a small encoder (hash-chain matching, one dynamic Huffman block) and a
//! small decoder (canonical codes decoded bit by bit) that stops at a size
//! limit. Written for the links' few kilobytes; any raw-deflate reader opens
//! what it writes once primed with the same dictionary.

/// Lengths 3–258 by symbol 257–285: base and extra bits.
const LENGTH_BASE: [u16; 29] = [
    3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131,
    163, 195, 227, 258,
];
const LENGTH_EXTRA: [u8; 29] = [
    0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
];
/// Distances 1–32768 by symbol 0–29: base and extra bits.
const DIST_BASE: [u16; 30] = [
    1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537,
    2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577,
];
const DIST_EXTRA: [u8; 30] = [
    0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13,
    13,
];
/// The order in which code-length code lengths are sent.
const ORDER: [usize; 19] = [
    16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15,
];

/// Why a stream could not be inflated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InflateError {
    /// It would unpack to more than the limit.
    TooLarge,
    /// It is not a complete, valid stream.
    Damaged,
}

// ---- decoding ----

struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
    bits: u64,
    count: u32,
}

impl Reader<'_> {
    fn take(&mut self, n: u32) -> Result<u32, InflateError> {
        while self.count < n {
            let byte = *self.data.get(self.pos).ok_or(InflateError::Damaged)?;
            self.pos += 1;
            self.bits |= u64::from(byte) << self.count;
            self.count += 8;
        }
        let value = (self.bits & ((1u64 << n) - 1)) as u32;
        self.bits >>= n;
        self.count -= n;
        Ok(value)
    }
}

/// A canonical code: how many codes per length, and the symbols in code order.
struct Code {
    counts: [u16; 16],
    symbols: Vec<u16>,
}

impl Code {
    fn new(lengths: &[u8]) -> Result<Code, InflateError> {
        let mut counts = [0u16; 16];
        for &l in lengths {
            counts[usize::from(l)] += 1;
        }
        counts[0] = 0;
        // More codes than the lengths allow is an error; fewer is allowed (a
        // code never sent is then an error when met).
        let mut left: i32 = 1;
        for &c in &counts[1..] {
            left = 2 * left - i32::from(c);
            if left < 0 {
                return Err(InflateError::Damaged);
            }
        }
        let mut offsets = [0u16; 16];
        for l in 1..15 {
            offsets[l + 1] = offsets[l] + counts[l];
        }
        let mut symbols = vec![0; lengths.len()];
        for (symbol, &l) in lengths.iter().enumerate() {
            if l > 0 {
                symbols[usize::from(offsets[usize::from(l)])] = symbol as u16;
                offsets[usize::from(l)] += 1;
            }
        }
        Ok(Code { counts, symbols })
    }

    fn decode(&self, input: &mut Reader) -> Result<usize, InflateError> {
        let (mut code, mut first, mut index) = (0i32, 0i32, 0i32);
        for &count in &self.counts[1..] {
            code |= input.take(1)? as i32;
            let count = i32::from(count);
            if code >= first && code - first < count {
                let at = (index + code - first) as usize;
                return self
                    .symbols
                    .get(at)
                    .map(|&s| usize::from(s))
                    .ok_or(InflateError::Damaged);
            }
            index += count;
            first = (first + count) << 1;
            code <<= 1;
        }
        Err(InflateError::Damaged)
    }
}

/// Inflates `data` as if `dictionary` had come before it; returns at most
/// `limit` bytes (more is [`InflateError::TooLarge`]). Work is bounded by
/// the input and the limit: every symbol read writes a byte or ends a block.
pub fn inflate(dictionary: &[u8], data: &[u8], limit: usize) -> Result<Vec<u8>, InflateError> {
    let start = dictionary.len();
    let mut out = dictionary.to_vec();
    let mut input = Reader {
        data,
        pos: 0,
        bits: 0,
        count: 0,
    };
    loop {
        let last = input.take(1)? == 1;
        match input.take(2)? {
            0 => {
                input.bits = 0;
                input.count = 0;
                let len = input.take(16)?;
                if input.take(16)? != !len & 0xffff {
                    return Err(InflateError::Damaged);
                }
                let len = len as usize;
                let bytes = data
                    .get(input.pos..input.pos + len)
                    .ok_or(InflateError::Damaged)?;
                if out.len() - start + len > limit {
                    return Err(InflateError::TooLarge);
                }
                out.extend_from_slice(bytes);
                input.pos += len;
            }
            1 => {
                let mut lengths = [8u8; 288];
                lengths[144..256].fill(9);
                lengths[256..280].fill(7);
                codes(
                    &mut input,
                    &mut out,
                    start,
                    limit,
                    &Code::new(&lengths)?,
                    &Code::new(&[5; 30])?,
                )?;
            }
            2 => {
                let (litlen, dist) = dynamic_codes(&mut input)?;
                codes(&mut input, &mut out, start, limit, &litlen, &dist)?;
            }
            _ => return Err(InflateError::Damaged),
        }
        if last {
            return Ok(out.split_off(start));
        }
    }
}

fn dynamic_codes(input: &mut Reader) -> Result<(Code, Code), InflateError> {
    let nlen = input.take(5)? as usize + 257;
    let ndist = input.take(5)? as usize + 1;
    let ncode = input.take(4)? as usize + 4;
    if nlen > 286 || ndist > 30 {
        return Err(InflateError::Damaged);
    }
    let mut lengths = [0u8; 19];
    for &at in &ORDER[..ncode] {
        lengths[at] = input.take(3)? as u8;
    }
    let code = Code::new(&lengths)?;
    let mut lengths = vec![0u8; nlen + ndist];
    let mut i = 0;
    while i < nlen + ndist {
        let symbol = code.decode(input)?;
        let (value, repeat) = match symbol {
            0..=15 => (symbol as u8, 1),
            16 if i > 0 => (lengths[i - 1], 3 + input.take(2)?),
            17 => (0, 3 + input.take(3)?),
            18 => (0, 11 + input.take(7)?),
            _ => return Err(InflateError::Damaged),
        };
        let end = i + repeat as usize;
        lengths
            .get_mut(i..end)
            .ok_or(InflateError::Damaged)?
            .fill(value);
        i = end;
    }
    if lengths[256] == 0 {
        return Err(InflateError::Damaged);
    }
    Ok((Code::new(&lengths[..nlen])?, Code::new(&lengths[nlen..])?))
}

fn codes(
    input: &mut Reader,
    out: &mut Vec<u8>,
    start: usize,
    limit: usize,
    litlen: &Code,
    dist: &Code,
) -> Result<(), InflateError> {
    loop {
        let symbol = litlen.decode(input)?;
        if symbol == 256 {
            return Ok(());
        }
        if out.len() - start >= limit {
            return Err(InflateError::TooLarge);
        }
        if symbol < 256 {
            out.push(symbol as u8);
            continue;
        }
        let s = symbol - 257;
        let (&base, &extra) = LENGTH_BASE
            .get(s)
            .zip(LENGTH_EXTRA.get(s))
            .ok_or(InflateError::Damaged)?;
        let len = usize::from(base) + input.take(u32::from(extra))? as usize;
        let d = dist.decode(input)?;
        let (&base, &extra) = DIST_BASE
            .get(d)
            .zip(DIST_EXTRA.get(d))
            .ok_or(InflateError::Damaged)?;
        let distance = usize::from(base) + input.take(u32::from(extra))? as usize;
        if distance > out.len() {
            return Err(InflateError::Damaged);
        }
        if out.len() - start + len > limit {
            return Err(InflateError::TooLarge);
        }
        for _ in 0..len {
            out.push(out[out.len() - distance]);
        }
    }
}

// ---- encoding ----

struct Writer {
    out: Vec<u8>,
    bits: u64,
    count: u32,
}

impl Writer {
    fn put(&mut self, value: u32, n: u32) {
        self.bits |= u64::from(value) << self.count;
        self.count += n;
        while self.count >= 8 {
            self.out.push(self.bits as u8);
            self.bits >>= 8;
            self.count -= 8;
        }
    }

    /// Writes a Huffman code (sent most significant bit first).
    fn code(&mut self, codes: &[(u16, u8)], symbol: usize) {
        let (code, len) = codes[symbol];
        self.put(u32::from(code), u32::from(len));
    }
}

/// Huffman code lengths for `freqs`, none longer than `limit`: a plain
/// Huffman tree, with the counts halved until it fits.
fn code_lengths(freqs: &[u32], limit: u8) -> Vec<u8> {
    let mut freqs = freqs.to_vec();
    loop {
        // Nodes: (weight, parent). Leaves first, then the merged ones.
        let mut weight: Vec<u64> = freqs.iter().map(|&f| u64::from(f)).collect();
        let mut parent = vec![usize::MAX; freqs.len()];
        let mut live: Vec<usize> = (0..freqs.len()).filter(|&i| freqs[i] > 0).collect();
        while live.len() > 1 {
            let mut pick = || {
                let at = (0..live.len())
                    .min_by_key(|&i| (weight[live[i]], live[i]))
                    .unwrap_or(0);
                live.swap_remove(at)
            };
            let (a, b) = (pick(), pick());
            let node = weight.len();
            weight.push(weight[a] + weight[b]);
            parent.push(usize::MAX);
            parent[a] = node;
            parent[b] = node;
            live.push(node);
        }
        let lengths: Vec<u8> = (0..freqs.len())
            .map(|i| {
                let (mut depth, mut at) = (0u8, i);
                while parent[at] != usize::MAX {
                    depth = depth.saturating_add(1);
                    at = parent[at];
                }
                if freqs[i] > 0 {
                    depth.max(1)
                } else {
                    0
                }
            })
            .collect();
        if lengths.iter().all(|&l| l <= limit) {
            return lengths;
        }
        freqs
            .iter_mut()
            .filter(|f| **f > 0)
            .for_each(|f| *f = (*f >> 1) | 1);
    }
}

/// Canonical codes for `lengths`, bit-reversed for writing least significant bit first.
fn canonical(lengths: &[u8]) -> Vec<(u16, u8)> {
    let mut counts = [0u16; 16];
    for &l in lengths {
        counts[usize::from(l)] += 1;
    }
    counts[0] = 0;
    let mut next = [0u16; 16];
    let mut code = 0u16;
    for l in 1..16 {
        code = (code + counts[l - 1]) << 1;
        next[l] = code;
    }
    lengths
        .iter()
        .map(|&l| {
            if l == 0 {
                return (0, 0);
            }
            let code = next[usize::from(l)];
            next[usize::from(l)] += 1;
            (code.reverse_bits() >> (16 - l), l)
        })
        .collect()
}

/// One LZ77 item: a literal byte, or a match of `len` bytes `dist` back.
#[derive(Clone, Copy)]
enum Item {
    Literal(u8),
    Match { len: u16, dist: u16 },
}

const WINDOW: usize = 32_768;
const MAX_MATCH: usize = 258;
const HASH_BITS: u32 = 15;
/// Candidates tried per position: thorough, for a link's few kilobytes.
const CHAIN: usize = 1_024;
/// A match this long is taken without looking further.
const NICE_MATCH: usize = 128;

fn hash(bytes: &[u8]) -> usize {
    let v = u32::from(bytes[0]) << 16 | u32::from(bytes[1]) << 8 | u32::from(bytes[2]);
    (v.wrapping_mul(0x9E37_79B1) >> (32 - HASH_BITS)) as usize
}

/// Earlier positions by the hash of their next three bytes.
struct Matcher {
    buffer: Vec<u8>,
    head: Vec<u32>,
    prev: Vec<u32>,
    chain: usize,
}

impl Matcher {
    fn insert(&mut self, at: usize) {
        if at + 3 <= self.buffer.len() {
            let h = hash(&self.buffer[at..]);
            self.prev[at] = self.head[h];
            self.head[h] = at as u32;
        }
    }

    /// The longest earlier match for the bytes at `at`: (length, distance).
    fn longest(&self, at: usize) -> (usize, usize) {
        let mut best = (0, 0);
        if at + 3 > self.buffer.len() {
            return best;
        }
        let max = MAX_MATCH.min(self.buffer.len() - at);
        let mut candidate = self.head[hash(&self.buffer[at..])];
        for _ in 0..self.chain {
            if candidate == u32::MAX || at - candidate as usize > WINDOW {
                break;
            }
            let c = candidate as usize;
            let len = self.buffer[c..]
                .iter()
                .zip(&self.buffer[at..at + max])
                .take_while(|(a, b)| a == b)
                .count();
            if len > best.0 {
                best = (len, at - c);
                if len >= NICE_MATCH.min(max) {
                    break;
                }
            }
            candidate = self.prev[c];
        }
        best
    }
}

/// The items of `data` with matches allowed into `dictionary` before it.
fn items(dictionary: &[u8], data: &[u8]) -> Vec<Item> {
    let buffer = [dictionary, data].concat();
    let mut m = Matcher {
        head: vec![u32::MAX; 1 << HASH_BITS],
        prev: vec![u32::MAX; buffer.len()],
        buffer,
        // Large scenarios trade a little size for time.
        chain: if data.len() > 65_536 { 64 } else { CHAIN },
    };
    for at in 0..dictionary.len() {
        m.insert(at);
    }
    let mut items = Vec::new();
    let mut at = dictionary.len();
    while at < m.buffer.len() {
        let (len, dist) = m.longest(at);
        m.insert(at);
        // Lazy matching: a longer match one byte on wins over this one.
        if len >= 3 && m.longest(at + 1).0 <= len {
            items.push(Item::Match {
                len: len as u16,
                dist: dist as u16,
            });
            for i in at + 1..at + len {
                m.insert(i);
            }
            at += len;
        } else {
            items.push(Item::Literal(m.buffer[at]));
            at += 1;
        }
    }
    items
}

/// The symbol and extra bits of a length or distance: `(symbol, extra value, extra bits)`.
fn bucket(value: u16, bases: &[u16], extra: &[u8]) -> (usize, u32, u32) {
    let symbol = bases.iter().rposition(|&b| b <= value).unwrap_or(0);
    (
        symbol,
        u32::from(value - bases[symbol]),
        u32::from(extra[symbol]),
    )
}

/// Deflates `data` (raw, one dynamic block) with `dictionary` as the
/// preset dictionary: its bytes may be referred back to, and are not sent.
pub fn deflate(dictionary: &[u8], data: &[u8]) -> Vec<u8> {
    let items = items(dictionary, data);
    let mut litlen_freq = vec![0u32; 286];
    let mut dist_freq = vec![0u32; 30];
    for item in &items {
        match *item {
            Item::Literal(b) => litlen_freq[usize::from(b)] += 1,
            Item::Match { len, dist } => {
                litlen_freq[257 + bucket(len, &LENGTH_BASE, &LENGTH_EXTRA).0] += 1;
                dist_freq[bucket(dist, &DIST_BASE, &DIST_EXTRA).0] += 1;
            }
        }
    }
    litlen_freq[256] = 1;
    // Every reader accepts complete codes: at least two symbols in each.
    for freqs in [&mut litlen_freq, &mut dist_freq] {
        for f in freqs.iter_mut().take(2) {
            *f = (*f).max(1);
        }
    }
    let litlen_lengths = code_lengths(&litlen_freq, 15);
    let dist_lengths = code_lengths(&dist_freq, 15);
    let nlen = 257
        + litlen_lengths[257..]
            .iter()
            .rposition(|&l| l > 0)
            .map_or(0, |p| p + 1);
    let ndist = 1 + dist_lengths.iter().rposition(|&l| l > 0).unwrap_or(0);

    // The code lengths, run-length coded: (symbol, extra value, extra bits).
    let all: Vec<u8> = litlen_lengths[..nlen]
        .iter()
        .chain(&dist_lengths[..ndist])
        .copied()
        .collect();
    let mut runs: Vec<(usize, u32, u32)> = Vec::new();
    let mut i = 0;
    while i < all.len() {
        let value = all[i];
        let run = all[i..].iter().take_while(|&&l| l == value).count();
        let step = if value == 0 && run >= 11 {
            runs.push((18, (run.min(138) - 11) as u32, 7));
            run.min(138)
        } else if value == 0 && run >= 3 {
            runs.push((17, (run - 3) as u32, 3));
            run
        } else if value != 0 && i > 0 && all[i - 1] == value && run >= 3 {
            runs.push((16, (run.min(6) - 3) as u32, 2));
            run.min(6)
        } else {
            runs.push((usize::from(value), 0, 0));
            1
        };
        i += step;
    }
    let mut cl_freq = vec![0u32; 19];
    for &(symbol, _, _) in &runs {
        cl_freq[symbol] += 1;
    }
    for f in cl_freq.iter_mut().take(2) {
        *f = (*f).max(1);
    }
    let cl_lengths = code_lengths(&cl_freq, 7);
    let ncode = 4.max(1 + ORDER.iter().rposition(|&s| cl_lengths[s] > 0).unwrap_or(0));

    let mut w = Writer {
        out: Vec::with_capacity(data.len() / 2 + 64),
        bits: 0,
        count: 0,
    };
    w.put(1, 1);
    w.put(2, 2);
    w.put((nlen - 257) as u32, 5);
    w.put((ndist - 1) as u32, 5);
    w.put((ncode - 4) as u32, 4);
    for &s in &ORDER[..ncode] {
        w.put(u32::from(cl_lengths[s]), 3);
    }
    let cl_codes = canonical(&cl_lengths);
    for &(symbol, value, bits) in &runs {
        w.code(&cl_codes, symbol);
        w.put(value, bits);
    }
    let litlen = canonical(&litlen_lengths);
    let dist = canonical(&dist_lengths);
    for item in items {
        match item {
            Item::Literal(b) => w.code(&litlen, usize::from(b)),
            Item::Match { len, dist: d } => {
                let (symbol, value, bits) = bucket(len, &LENGTH_BASE, &LENGTH_EXTRA);
                w.code(&litlen, 257 + symbol);
                w.put(value, bits);
                let (symbol, value, bits) = bucket(d, &DIST_BASE, &DIST_EXTRA);
                w.code(&dist, symbol);
                w.put(value, bits);
            }
        }
    }
    w.code(&litlen, 256);
    w.put(0, 7);
    w.out
}
