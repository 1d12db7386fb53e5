//! The links' DEFLATE with a preset dictionary: what it writes reads back,
//! with and without the dictionary; the reader refuses damaged and oversized
//! streams in bounded time. (Links made by earlier builds: `tests/corpus.rs`.)

mod support {
    pub mod rng;
}

use kerze::domain::formats::compress::{deflate, inflate, InflateError};
use proptest::prelude::*;
use support::rng::xorshift;

/// Text that looks like a link's JSON: repeats at every distance, and noise.
fn json_like(seed: u64, len: usize) -> Vec<u8> {
    let mut next = xorshift(seed | 1);
    let words: [&[u8]; 6] = [
        b"{\"n\":\"",
        b"\",\"w\":",
        b"],[",
        b"Option ",
        b"\xc3\xa4\xe2\x82\xac",
        b"0.5,",
    ];
    let mut out = Vec::with_capacity(len);
    while out.len() < len {
        match next() % 4 {
            0 => out.push((next() % 256) as u8),
            1 => out.extend_from_slice(words[(next() % 6) as usize]),
            _ => {
                let back = (next() % 40_000) as usize;
                if back > 0 && back < out.len() {
                    let from = out.len() - back;
                    let n = (next() % 300) as usize;
                    for i in 0..n {
                        out.push(out[from + i]);
                    }
                }
            }
        }
    }
    out.truncate(len);
    out
}

const DICTIONARY: &[u8] =
    br#"{"n":"","w":3,"l":1,"k":"a","u":"person-days"},{"n":"Option ","w":2}"#;

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn what_is_written_reads_back(seed in any::<u64>(), len in 0usize..20_000, primed in any::<bool>()) {
        let data = json_like(seed, len);
        let dictionary: &[u8] = if primed { DICTIONARY } else { b"" };
        let packed = deflate(dictionary, &data);
        prop_assert_eq!(inflate(dictionary, &packed, usize::MAX), Ok(data));
    }

    #[test]
    fn any_bytes_are_read_or_refused_never_more_than_the_limit(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        match inflate(DICTIONARY, &bytes, 4096) {
            Ok(out) => prop_assert!(out.len() <= 4096),
            Err(e) => prop_assert!(e == InflateError::Damaged || e == InflateError::TooLarge),
        }
    }

    #[test]
    fn a_damaged_stream_is_refused_or_read_but_never_hangs(seed in any::<u64>(), flip in any::<usize>()) {
        let data = json_like(seed, 3000);
        let mut packed = deflate(DICTIONARY, &data);
        let at = flip % packed.len();
        packed[at] ^= 0x5a;
        let _ = inflate(DICTIONARY, &packed, 100_000);
        packed.truncate(at);
        prop_assert_ne!(inflate(DICTIONARY, &packed, 100_000), Ok(data));
    }
}

#[test]
fn a_bomb_stops_at_the_limit() {
    let zeros = vec![0u8; 3_000_000];
    let packed = deflate(b"", &zeros);
    assert!(packed.len() < 10_000, "{}", packed.len());
    assert_eq!(
        inflate(b"", &packed, 2_000_000),
        Err(InflateError::TooLarge)
    );
    assert_eq!(
        inflate(b"", &packed, 3_000_000).map(|o| o.len()),
        Ok(3_000_000)
    );
}

#[test]
fn a_fixed_block_written_by_hand_is_read() {
    // A fixed-code block by hand: "a" then end of block.
    // BFINAL 1, BTYPE 01, literal 'a' (0x61 → code 0x91, 8 bits), EOB (7 zero bits).
    let mut bits: u64 = 0b011;
    let mut n: u32 = 3;
    let code: u64 = 0x30 + 0x61;
    for i in (0..8).rev() {
        bits |= ((code >> i) & 1) << n;
        n += 1;
    }
    n += 7;
    let bytes: Vec<u8> = (0..n.div_ceil(8))
        .map(|i| (bits >> (8 * i)) as u8)
        .collect();
    assert_eq!(inflate(b"", &bytes, 10), Ok(b"a".to_vec()));
}

#[test]
fn the_dictionary_makes_short_texts_shorter() {
    let text = br#"{"n":"Option 1","w":3,"l":1,"k":"a","u":"person-days"}"#;
    assert!(deflate(DICTIONARY, text).len() * 2 < deflate(b"", text).len());
}
