//! A tiny deterministic random sequence (xorshift64) for generated test and
//! benchmark data: the same seed gives the same scenarios on every run.

/// The numbers after `seed`, one per call.
pub fn xorshift(mut seed: u64) -> impl FnMut() -> u64 {
    move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    }
}
