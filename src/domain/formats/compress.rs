//! Raw DEFLATE (RFC 1951) against a preset dictionary, as links use it,
//! through miniz_oxide. The writer primes the compressor with the dictionary
//! and drops what that part wrote (it ends at a sync point, so the rest is a
//! stream of its own); the reader starts its output with the dictionary, so
//! back-references reach into it, and stops at a size limit.

use miniz_oxide::deflate::core::{compress_to_output, CompressorOxide, TDEFLFlush, TDEFLStatus};
use miniz_oxide::deflate::core::{create_comp_flags_from_zip_params, CompressionStrategy};
use miniz_oxide::inflate::core::inflate_flags::TINFL_FLAG_USING_NON_WRAPPING_OUTPUT_BUF;
use miniz_oxide::inflate::core::{decompress, DecompressorOxide};
use miniz_oxide::inflate::TINFLStatus;

/// Why a stream could not be inflated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InflateError {
    /// It would unpack to more than the limit.
    TooLarge,
    /// It is not a complete, valid stream.
    Damaged,
}

/// The best level miniz_oxide has: links are short, so time is no concern.
const LEVEL: i32 = 10;
/// Raw deflate (no zlib header) with the whole 32 KB window.
const RAW_WINDOW: i32 = -15;

/// `data` raw-deflated as if `dictionary` had come before it.
pub fn deflate(dictionary: &[u8], data: &[u8]) -> Vec<u8> {
    let flags =
        create_comp_flags_from_zip_params(LEVEL, RAW_WINDOW, CompressionStrategy::Default as i32);
    let mut compressor = CompressorOxide::new(flags);
    if !dictionary.is_empty() {
        compress_to_output(&mut compressor, dictionary, TDEFLFlush::Sync, |_| true);
    }
    let mut out = Vec::with_capacity(data.len() / 2 + 64);
    let (status, _) = compress_to_output(&mut compressor, data, TDEFLFlush::Finish, |bytes| {
        out.extend_from_slice(bytes);
        true
    });
    debug_assert_eq!(status, TDEFLStatus::Done);
    out
}

/// Inflates `data` as if `dictionary` had come before it; returns at most
/// `limit` bytes (more is [`InflateError::TooLarge`]).
pub fn inflate(dictionary: &[u8], data: &[u8], limit: usize) -> Result<Vec<u8>, InflateError> {
    let start = dictionary.len();
    let most = start.saturating_add(limit).saturating_add(1);
    let first = start + data.len().saturating_mul(4).saturating_add(1024);
    let mut out = vec![0; first.min(most)];
    out[..start].copy_from_slice(dictionary);
    let mut inflater = DecompressorOxide::new();
    let (mut read, mut at) = (0, start);
    loop {
        let (status, used, written) = decompress(
            &mut inflater,
            &data[read..],
            &mut out,
            at,
            TINFL_FLAG_USING_NON_WRAPPING_OUTPUT_BUF,
        );
        read += used;
        at += written;
        if at - start > limit {
            return Err(InflateError::TooLarge);
        }
        match status {
            TINFLStatus::Done => {
                out.truncate(at);
                return Ok(out.split_off(start));
            }
            TINFLStatus::HasMoreOutput if out.len() < most => {
                let grown = out.len().saturating_mul(2).min(most);
                out.resize(grown, 0);
            }
            TINFLStatus::HasMoreOutput => return Err(InflateError::TooLarge),
            _ => return Err(InflateError::Damaged),
        }
    }
}
