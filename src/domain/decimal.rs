//! Decimal text to the nearest `f64`, correctly rounded (ties to even), in a
//! few hundred bytes of code: the standard library's parser carries tables of
//! powers of five that cost the page more than 7 KB.
//!
//! Most numbers Kerze reads (up to 15 digits, a small exponent) take the
//! exact fast path: the digits and a power of ten are both exact in an
//! `f64`, so one division or multiplication rounds once, correctly. The
//! others start from a close guess and move it an ulp at a time, each step
//! decided by comparing the decimal value with the midpoint to the next
//! float exactly, in big integers.

use std::cmp::Ordering;

/// Significant digits kept; the rest only count as "more than zero".
/// Every midpoint between two floats has fewer than 770 digits.
const MAX_DIGITS: usize = 800;

/// `text` as the nearest `f64`: an optional `-` or `+`, digits with an
/// optional `.` (at least one digit in all), an optional exponent `e`/`E`
/// with an optional sign and at least one digit. Beyond the largest float
/// it is infinite (callers refuse that); below the smallest, zero.
pub fn parse_decimal(text: &str) -> Option<f64> {
    let bytes = text.as_bytes();
    let mut at = 0;
    let negative = match bytes.first() {
        Some(b'-') => {
            at = 1;
            true
        }
        Some(b'+') => {
            at = 1;
            false
        }
        _ => false,
    };
    // Significant digits (no leading zeros) and the power of ten of the last one.
    let mut digits: Vec<u8> = Vec::new();
    let mut exponent: i64 = 0;
    let mut seen_digit = false;
    let mut more = false;
    let mut after_point = false;
    while let Some(&b) = bytes.get(at) {
        match b {
            b'0'..=b'9' => {
                seen_digit = true;
                if digits.len() < MAX_DIGITS {
                    if b != b'0' || !digits.is_empty() {
                        digits.push(b - b'0');
                        if after_point {
                            exponent -= 1;
                        }
                    } else if after_point {
                        exponent -= 1;
                    }
                } else {
                    more |= b != b'0';
                    if !after_point {
                        exponent += 1;
                    }
                }
            }
            b'.' if !after_point => after_point = true,
            _ => break,
        }
        at += 1;
    }
    if !seen_digit {
        return None;
    }
    if let Some(b'e' | b'E') = bytes.get(at) {
        at += 1;
        let sign = match bytes.get(at) {
            Some(b'-') => {
                at += 1;
                -1
            }
            Some(b'+') => {
                at += 1;
                1
            }
            _ => 1,
        };
        let start = at;
        let mut power: i64 = 0;
        while let Some(&b) = bytes.get(at).filter(|b| b.is_ascii_digit()) {
            power = (power * 10 + i64::from(b - b'0')).min(1 << 40);
            at += 1;
        }
        if at == start {
            return None;
        }
        exponent += sign * power;
    }
    if at != bytes.len() {
        return None;
    }
    let value = magnitude(digits, exponent, more);
    Some(if negative { -value } else { value })
}

/// `0.`digits… as a float: digits × 10^exponent, plus a little when `more`.
fn magnitude(mut digits: Vec<u8>, mut exponent: i64, more: bool) -> f64 {
    if more {
        // A digit beyond every midpoint's last: never equal to one.
        digits.push(1);
        exponent -= 1;
    }
    while digits.last() == Some(&0) {
        digits.pop();
        exponent += 1;
    }
    if digits.is_empty() {
        return 0.0;
    }
    // The power of ten of the leading digit.
    let lead = exponent + digits.len() as i64 - 1;
    if lead > 309 {
        return f64::INFINITY;
    }
    if lead < -325 {
        return 0.0;
    }
    let exponent = exponent as i32;
    let head = digits
        .iter()
        .take(19)
        .fold(0u64, |n, &d| n * 10 + u64::from(d));
    if digits.len() <= 15 && exponent.abs() <= 22 {
        // Both exact: one rounding, the right one.
        let power = 10f64.powi(exponent.abs());
        return if exponent < 0 {
            head as f64 / power
        } else {
            head as f64 * power
        };
    }
    // A guess within a few ulps (in two steps, so that no step leaves the range).
    let shift = exponent + digits.len().saturating_sub(19) as i32;
    let half = shift / 2;
    let mut z = head as f64 * 10f64.powi(half) * 10f64.powi(shift - half);
    if !z.is_finite() {
        z = f64::MAX;
    }
    let big = Big::from_digits(&digits);
    // Up while the value is at or past the midpoint above, down while it is
    // at or below the one beneath; a tie goes to the even neighbour.
    loop {
        match compare_midpoint(&big, exponent, z) {
            Ordering::Greater => z = next_up(z),
            Ordering::Equal => return even_of(z, next_up(z)),
            Ordering::Less => {
                if z == 0.0 {
                    return z;
                }
                let below = next_down(z);
                match compare_midpoint(&big, exponent, below) {
                    Ordering::Less => z = below,
                    Ordering::Equal => return even_of(below, z),
                    Ordering::Greater => return z,
                }
            }
        }
        if z.is_infinite() {
            return z;
        }
    }
}

/// The one of two neighbouring floats whose last mantissa bit is 0.
fn even_of(a: f64, b: f64) -> f64 {
    if a.to_bits() & 1 == 0 {
        a
    } else {
        b
    }
}

fn next_up(z: f64) -> f64 {
    f64::from_bits(z.to_bits() + 1)
}

fn next_down(z: f64) -> f64 {
    f64::from_bits(z.to_bits() - 1)
}

/// digits × 10^exponent against the midpoint between `z` (finite, ≥ 0) and
/// the next float up: (2m + 1) × 2^(k − 1) for z = m × 2^k.
fn compare_midpoint(digits: &Big, exponent: i32, z: f64) -> Ordering {
    let bits = z.to_bits();
    let biased = (bits >> 52) as i32;
    let fraction = bits & ((1 << 52) - 1);
    let (m, k) = if biased == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1 << 52), biased - 1075)
    };
    let mut value = digits.clone();
    let mut midpoint = Big::from_u64(2 * m + 1);
    if exponent >= 0 {
        value.mul_pow10(exponent as u32);
    } else {
        midpoint.mul_pow10(exponent.unsigned_abs());
    }
    if k > 0 {
        midpoint.shl((k - 1) as u32);
    } else {
        value.shl((1 - k) as u32);
    }
    value.cmp(&midpoint)
}

/// A natural number in base 2^32, least significant limb first, no zero
/// limbs at the top.
#[derive(Clone)]
struct Big(Vec<u32>);

impl Big {
    fn from_u64(n: u64) -> Big {
        let mut big = Big(vec![n as u32, (n >> 32) as u32]);
        big.trim();
        big
    }

    fn from_digits(digits: &[u8]) -> Big {
        let mut big = Big(Vec::new());
        for chunk in digits.chunks(9) {
            let (scale, add) = chunk
                .iter()
                .fold((1u32, 0u32), |(s, a), &d| (s * 10, a * 10 + u32::from(d)));
            big.mul_add(scale, add);
        }
        big
    }

    fn trim(&mut self) {
        while self.0.last() == Some(&0) {
            self.0.pop();
        }
    }

    /// self × factor + add.
    fn mul_add(&mut self, factor: u32, add: u32) {
        let mut carry = u64::from(add);
        for limb in &mut self.0 {
            let product = u64::from(*limb) * u64::from(factor) + carry;
            *limb = product as u32;
            carry = product >> 32;
        }
        if carry > 0 {
            self.0.push(carry as u32);
        }
    }

    fn mul_pow10(&mut self, mut power: u32) {
        while power > 0 {
            let step = power.min(9);
            self.mul_add(10u32.pow(step), 0);
            power -= step;
        }
    }

    fn shl(&mut self, bits: u32) {
        let (limbs, bits) = ((bits / 32) as usize, bits % 32);
        if bits > 0 {
            let mut carry = 0u32;
            for limb in &mut self.0 {
                let next = *limb >> (32 - bits);
                *limb = (*limb << bits) | carry;
                carry = next;
            }
            if carry > 0 {
                self.0.push(carry);
            }
        }
        if !self.0.is_empty() {
            self.0.splice(0..0, std::iter::repeat_n(0, limbs));
        }
    }

    fn cmp(&self, other: &Big) -> Ordering {
        self.0
            .len()
            .cmp(&other.0.len())
            .then_with(|| self.0.iter().rev().cmp(other.0.iter().rev()))
    }
}
