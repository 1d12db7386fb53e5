//! Kerze's decimal parser against the standard library's (correctly rounded,
//! ties to even): random texts, every shortest and 17-digit text of random
//! floats, and the hardest inputs there are: exact midpoints between two
//! neighbouring floats, and a hair above and below them.

use kerze::domain::decimal::parse_decimal;
use proptest::prelude::*;

/// What the standard library reads, for the grammar both accept.
fn std_parse(text: &str) -> f64 {
    text.parse::<f64>().unwrap()
}

fn same(text: &str) {
    let ours = parse_decimal(text).unwrap_or_else(|| panic!("refused {text}"));
    let theirs = std_parse(text);
    assert_eq!(
        ours.to_bits(),
        theirs.to_bits(),
        "{text}: {ours:e} instead of {theirs:e}"
    );
}

/// The exact decimal value of a finite float ≥ 0, as digits and the power
/// of ten of the last digit.
fn exact(x: f64) -> (Vec<u8>, i64) {
    // 1100 digits after the point cover every float exactly.
    let text = format!("{x:.1100e}");
    let (mantissa, exponent) = text.split_once('e').unwrap();
    let digits: Vec<u8> = mantissa
        .bytes()
        .filter(u8::is_ascii_digit)
        .map(|b| b - b'0')
        .collect();
    let exponent: i64 = exponent.parse().unwrap();
    let last = exponent - (digits.len() as i64 - 1);
    (digits, last)
}

/// The exact midpoint of two floats ≥ 0 as decimal text.
fn midpoint(a: f64, b: f64) -> String {
    let (mut da, ea) = exact(a);
    let (mut db, eb) = exact(b);
    // Align to the smaller power, add, then halve (one more digit: ×5, ÷10).
    let low = ea.min(eb);
    da.extend(std::iter::repeat_n(0, (ea - low) as usize));
    db.extend(std::iter::repeat_n(0, (eb - low) as usize));
    let width = da.len().max(db.len()) + 1;
    let pad = |d: &Vec<u8>| {
        let mut v = vec![0; width - d.len()];
        v.extend(d);
        v
    };
    let (da, db) = (pad(&da), pad(&db));
    let mut sum = vec![0u8; width];
    let mut carry = 0;
    for i in (0..width).rev() {
        let s = da[i] + db[i] + carry;
        sum[i] = s % 10;
        carry = s / 10;
    }
    // sum × 5, then the power goes one down.
    let mut out = vec![0u8; width + 1];
    let mut carry = 0u32;
    for i in (0..width).rev() {
        let p = u32::from(sum[i]) * 5 + carry;
        out[i + 1] = (p % 10) as u8;
        carry = p / 10;
    }
    out[0] = carry as u8;
    let text: String = out.iter().map(|d| char::from(b'0' + d)).collect();
    format!("{text}e{}", low - 1)
}

#[test]
fn texts_kerze_reads_every_day() {
    for text in [
        "0",
        "-0",
        "0.0",
        "1",
        "-1",
        "40",
        "2.5",
        "72.45454545454545",
        "0.1",
        "0.2",
        "0.3",
        "0.30000000000000004",
        "100",
        "1e5",
        "1E+5",
        "1e-7",
        "-1.2345e-7",
        "16.666666666666668",
        "9007199254740993",
        "123456789012345678901234567890",
        "5.",
        ".5",
        "00012.5000",
        "1.7976931348623157e308",
        "2.2250738585072014e-308",
        "4.9e-324",
        "5e-324",
        "2e-324",
        "1e400",
        "1e-400",
        "3e-324",
        "2.4703282292062327e-324",
        "2.4703282292062328e-324",
        "8.98846567431158e307",
        "1.7976931348623158e308",
        "1.7976931348623159e308",
    ] {
        same(text);
    }
}

#[test]
fn texts_that_are_not_numbers_are_refused() {
    for text in [
        "", "-", "+", ".", "e5", "1e", "1e+", "1.2.3", "1,5", "inf", "NaN", "1 ", " 1", "0x10",
        "1e5.5", "--1", "1-",
    ] {
        assert_eq!(parse_decimal(text), None, "{text:?}");
    }
}

#[test]
fn long_texts_and_huge_exponents() {
    let long = format!("0.{}1", "0".repeat(2000));
    assert_eq!(parse_decimal(&long), Some(0.0));
    same(&format!("1{}", "0".repeat(300)));
    same(&format!("{}e-1000", "1".repeat(1200)));
    same(&format!("2.{}1e-308", "2".repeat(900)));
    assert_eq!(parse_decimal("1e99999999999999999999"), Some(f64::INFINITY));
    assert_eq!(parse_decimal("1e-99999999999999999999"), Some(0.0));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(20_000))]

    #[test]
    fn random_texts(
        negative in any::<bool>(),
        integer in "[0-9]{0,25}",
        fraction in proptest::option::of("[0-9]{0,25}"),
        exponent in proptest::option::of(-360i32..360),
    ) {
        let mut text = String::new();
        if negative {
            text.push('-');
        }
        text.push_str(&integer);
        if let Some(f) = &fraction {
            text.push('.');
            text.push_str(f);
        }
        if integer.is_empty() && fraction.as_deref().unwrap_or("").is_empty() {
            text.push('7');
        }
        if let Some(e) = exponent {
            text.push_str(&format!("e{e}"));
        }
        same(&text);
    }

    #[test]
    fn every_float_reads_back(bits in any::<u64>()) {
        let x = f64::from_bits(bits);
        prop_assume!(x.is_finite());
        same(&format!("{x:e}"));
        same(&format!("{x:.16e}"));
        same(&format!("{x:.20e}"));
        same(&format!("{x}"));
    }

    #[test]
    fn midpoints_and_their_neighbours(bits in 0u64..0x7fef_ffff_ffff_ffff) {
        let a = f64::from_bits(bits);
        let b = f64::from_bits(bits + 1);
        let mid = midpoint(a, b);
        same(&mid);
        // A hair above and below the midpoint.
        let (digits, exponent) = mid.split_once('e').unwrap();
        let exponent: i64 = exponent.parse().unwrap();
        same(&format!("{digits}000001e{}", exponent - 6));
        let trimmed = digits.trim_start_matches('0');
        if !trimmed.is_empty() {
            // One less in the last of the midpoint's digits, then nines.
            let mut less: Vec<u8> = digits.bytes().collect();
            let mut i = less.len() - 1;
            while less[i] == b'0' {
                less[i] = b'9';
                i -= 1;
            }
            less[i] -= 1;
            let less = String::from_utf8(less).unwrap();
            same(&format!("{less}999e{}", exponent - 3));
        }
    }
}
