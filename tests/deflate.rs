//! The link codec's DEFLATE against an independent implementation
//! (miniz_oxide): each reads what the other writes, with and without a
//! preset dictionary, and the reader refuses damaged and oversized streams
//! in bounded time.

mod support {
    pub mod rng;
}

use kerze::domain::deflate::{deflate, inflate, InflateError};
use miniz_oxide::deflate::core::{
    compress, create_comp_flags_from_zip_params, CompressorOxide, TDEFLFlush,
};
use miniz_oxide::inflate::core::{decompress, inflate_flags, DecompressorOxide};
use proptest::prelude::*;
use support::rng::xorshift;

/// miniz_oxide's raw deflate of `data` primed with `dictionary` (the
/// dictionary's own output ends at a sync point and is dropped).
fn miniz_deflate(dictionary: &[u8], data: &[u8], level: u8) -> Vec<u8> {
    let flags = create_comp_flags_from_zip_params(i32::from(level), -15, 0);
    let mut c = CompressorOxide::new(flags);
    let mut scratch = vec![0; dictionary.len() * 2 + 64];
    if !dictionary.is_empty() {
        compress(&mut c, dictionary, &mut scratch, TDEFLFlush::Sync);
    }
    let mut out = vec![0; data.len() * 2 + 1024];
    let (_, _, written) = compress(&mut c, data, &mut out, TDEFLFlush::Finish);
    out.truncate(written);
    out
}

/// miniz_oxide's inflate of `data` after `dictionary`.
fn miniz_inflate(dictionary: &[u8], data: &[u8]) -> Vec<u8> {
    let start = dictionary.len();
    let mut out = vec![0; start + 4 * 1024 * 1024];
    out[..start].copy_from_slice(dictionary);
    let mut d = DecompressorOxide::new();
    let (_, _, written) = decompress(
        &mut d,
        data,
        &mut out,
        start,
        inflate_flags::TINFL_FLAG_USING_NON_WRAPPING_OUTPUT_BUF,
    );
    out[start..start + written].to_vec()
}

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
    fn miniz_reads_what_kerze_writes(seed in any::<u64>(), len in 0usize..20_000, primed in any::<bool>()) {
        let data = json_like(seed, len);
        let dictionary: &[u8] = if primed { DICTIONARY } else { b"" };
        let packed = deflate(dictionary, &data);
        prop_assert_eq!(miniz_inflate(dictionary, &packed), data.clone());
        prop_assert_eq!(inflate(dictionary, &packed, usize::MAX), Ok(data));
    }

    #[test]
    fn kerze_reads_what_miniz_writes(seed in any::<u64>(), len in 0usize..20_000, level in 0u8..=10, primed in any::<bool>()) {
        let data = json_like(seed, len);
        let dictionary: &[u8] = if primed { DICTIONARY } else { b"" };
        let packed = miniz_deflate(dictionary, &data, level);
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
fn stored_and_fixed_blocks_are_read() {
    let data = json_like(7, 5000);
    for level in [0, 1] {
        let packed = miniz_deflate(b"", &data, level);
        assert_eq!(
            inflate(b"", &packed, usize::MAX),
            Ok(data.clone()),
            "level {level}"
        );
    }
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
fn links_stay_as_short_as_the_best_general_compressor_makes_them() {
    // Within 3 % of miniz_oxide's best level on link-like text.
    for seed in 1..20 {
        let data = json_like(seed, 4000);
        let ours = deflate(DICTIONARY, &data).len();
        let best = miniz_deflate(DICTIONARY, &data, 10).len();
        assert!(ours * 100 <= best * 103, "seed {seed}: {ours} vs {best}");
    }
}
