//! Reading numbers typed by a user, with the rule that each field follows.

use thiserror::Error;

/// Largest amount, weight or bound Kerze accepts: beyond it numbers stop being estimates.
pub const MAX_AMOUNT: f64 = 1e12;
/// Largest criterion weight or segment-mix weight.
pub const MAX_WEIGHT: f64 = 1000.0;
/// Largest magnitude of a rating-scale end.
pub const MAX_SCALE: f64 = 1000.0;

/// Why a typed number was refused; each variant is a sentence a PM can act on.
#[derive(Clone, Debug, PartialEq, Error)]
pub enum ValueError {
    /// The text is not a number.
    #[error("\"{text}\" is not a number")]
    NotANumber {
        /// What was typed.
        text: String,
    },
    /// The field needs a value.
    #[error("a value is required here")]
    Required,
    /// The number is below zero where only zero or more makes sense.
    #[error("must be zero or more")]
    Negative,
    /// The number is so close to zero that computing with it loses it
    /// (a subnormal float): Kerze refuses it rather than guess.
    #[error("is too close to zero to compute with: write 0 instead")]
    TooCloseToZero,
    /// Written in e-notation (`1e3`), which a typed estimate never needs and
    /// which is easy to mistype.
    #[error("\"{text}\" is written with e: write the number out in digits")]
    Exponent {
        /// What was typed.
        text: String,
    },
    /// Digits and marks, but not as the UI language writes numbers (`2.5` in
    /// German, `3,5` in English, `25.000,5.1`): refused rather than guessed.
    #[error("\"{text}\" is not written as this language writes numbers")]
    NotInStyle {
        /// What was typed.
        text: String,
    },
    /// One separator followed by exactly three digits (`25.000`, `1,500`),
    /// written with this language's decimal mark: the other language reads
    /// it as thousands. Refused with both readings rather than guessed.
    #[error("\"{text}\" could be {decimal} or {thousands}")]
    Ambiguous {
        /// What was typed.
        text: String,
        /// The reading with a decimal mark (25).
        decimal: f64,
        /// The reading with a thousands mark (25,000).
        thousands: f64,
    },
    /// A range whose ends are out of order, or around a likely value outside it.
    #[error("write a range as low–high or low/likely/high, low below high")]
    BadRange,
    /// 0 where the value divides the score.
    #[error("must be more than 0: this value divides the score")]
    ZeroDivisor,
    /// The number is outside the field's range.
    #[error("must be between {min} and {max}")]
    OutOfRange {
        /// Smallest allowed value.
        min: f64,
        /// Largest allowed value.
        max: f64,
    },
}

/// The rule a number field follows.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum NumberRule {
    /// An amount such as person-days, weeks or euros: `0 ≤ v ≤ MAX_AMOUNT`, may be empty.
    Amount,
    /// A rating on a scale `[min, max]`, may be empty.
    Rating {
        /// Low end of the scale.
        min: f64,
        /// High end of the scale.
        max: f64,
    },
    /// A criterion weight or a segment-mix weight: `0 ≤ w ≤ MAX_WEIGHT`, required.
    Weight,
    /// The "worth it" threshold, in the scoring model's units: `0 ≤ t ≤ max`
    /// (100 for the weighted score), required.
    Threshold {
        /// Largest allowed threshold.
        max: f64,
    },
    /// An end of a rating scale: `|v| ≤ MAX_SCALE`, required.
    ScaleEnd,
    /// A value that divides in the ratio model (RICE's Effort, WSJF's Job
    /// size): `min ≤ v ≤ max` and more than 0, may be empty. A 0 is refused,
    /// never replaced by a tiny number.
    Divisor {
        /// Smallest allowed value (0 for an amount: only 0 itself is refused).
        min: f64,
        /// Largest allowed value.
        max: f64,
    },
}

impl NumberRule {
    /// Whether an empty field is a valid "no value".
    pub fn optional(self) -> bool {
        matches!(
            self,
            NumberRule::Amount | NumberRule::Rating { .. } | NumberRule::Divisor { .. }
        )
    }

    /// Reads `text`, written in `style`, by this rule: `Ok(None)` for an
    /// empty optional field.
    pub fn parse(self, text: &str, style: NumberStyle) -> Result<Option<f64>, ValueError> {
        let trimmed = text.trim();
        if trimmed.is_empty() {
            return if self.optional() {
                Ok(None)
            } else {
                Err(ValueError::Required)
            };
        }
        let value = parse_number(trimmed, style)?;
        self.check(value).map(Some)
    }

    /// Reads a value that may be an estimate: a number, `low–high` (also
    /// `low-high`, `low..high`; the likely value is the middle) or
    /// `low/likely/high`. Returns the (likely) value and the range, if any.
    pub fn parse_estimate(
        self,
        text: &str,
        style: NumberStyle,
    ) -> Result<(Option<f64>, Option<Range>), ValueError> {
        let parts = split_estimate(text.trim());
        if parts.len() == 1 {
            return self.parse(text, style).map(|v| (v, None));
        }
        let mut numbers = Vec::with_capacity(3);
        for part in &parts {
            // `20–` or `/30/`: an end is missing, which is the range's fault,
            // not a number's.
            if part.trim().is_empty() {
                return Err(ValueError::BadRange);
            }
            numbers.push(self.check(parse_number(part, style)?)?);
        }
        let (low, likely, high) = match numbers[..] {
            [low, high] => (low, low + (high - low) / 2.0, high),
            [low, likely, high] => (low, likely, high),
            _ => return Err(ValueError::BadRange),
        };
        let range = Range { low, high };
        if range.holds(likely) {
            Ok((Some(likely), Some(range)))
        } else {
            Err(ValueError::BadRange)
        }
    }

    /// Checks a number against this rule.
    pub fn check(self, value: f64) -> Result<f64, ValueError> {
        let (min, max) = match self {
            NumberRule::Amount => (0.0, MAX_AMOUNT),
            NumberRule::Rating { min, max } => (min, max),
            NumberRule::Weight => (0.0, MAX_WEIGHT),
            NumberRule::Threshold { max } => (0.0, max),
            NumberRule::ScaleEnd => (-MAX_SCALE, MAX_SCALE),
            NumberRule::Divisor { min, max } => (min, max),
        };
        if !value.is_finite() {
            return Err(ValueError::OutOfRange { min, max });
        }
        // Subnormal numbers lose their precision in every product and make
        // reciprocals infinite: no estimate is that small, so they are refused
        // here, the one check every number passes on its way in.
        if value != 0.0 && value.abs() < f64::MIN_POSITIVE {
            return Err(ValueError::TooCloseToZero);
        }
        if value < 0.0 && min == 0.0 {
            return Err(ValueError::Negative);
        }
        if value <= 0.0 && matches!(self, NumberRule::Divisor { .. }) {
            return Err(ValueError::ZeroDivisor);
        }
        if value < min || value > max {
            return Err(ValueError::OutOfRange { min, max });
        }
        // -0.0 would print as "-0": store plain zero.
        Ok(if value == 0.0 { 0.0 } else { value })
    }
}

/// How a language writes numbers: its decimal mark and its thousands mark.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NumberStyle {
    /// Starts the decimals.
    pub decimal: char,
    /// Groups the thousands.
    pub group: char,
}

impl NumberStyle {
    /// `25,000.5`
    pub const ENGLISH: NumberStyle = NumberStyle {
        decimal: '.',
        group: ',',
    };
    /// `25.000,5`
    pub const GERMAN: NumberStyle = NumberStyle {
        decimal: ',',
        group: '.',
    };
}

/// Spaces that may group thousands in either language (`25 000`).
fn is_space_group(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}')
}

/// Whether the integer part is digits grouped by one kind of mark: a first
/// group of one to three digits, then groups of exactly three.
fn well_grouped(integer: &str, group: char) -> bool {
    let marks: Vec<char> = integer
        .chars()
        .filter(|c| *c == group || is_space_group(*c))
        .collect();
    if marks.is_empty() {
        return true;
    }
    if marks.iter().any(|m| *m != marks[0]) {
        return false;
    }
    let mut groups = integer.split(marks[0]);
    let first = groups.next().unwrap_or_default();
    (1..=3).contains(&first.len()) && groups.all(|g| g.len() == 3)
}

/// Reads a number exactly as `style` writes it: `25.000` is twenty-five
/// thousand in German and `25,000` in English; `1.234,5` pasted into a
/// German field is 1234.5. Anything that would need a guess is refused:
/// e-notation, a thousands mark in the wrong place, the other language's
/// decimal mark, `NaN`, `inf`, other scripts' digits.
pub fn parse_number(text: &str, style: NumberStyle) -> Result<f64, ValueError> {
    let quoted = || text.chars().take(40).collect::<String>();
    let not_a_number = || ValueError::NotANumber { text: quoted() };
    let trimmed = text.trim();
    let minus = trimmed
        .strip_prefix('-')
        .or_else(|| trimmed.strip_prefix('\u{2212}'));
    let (negative, body) = match (minus, trimmed.strip_prefix('+')) {
        (Some(rest), _) => (true, rest),
        (None, Some(rest)) => (false, rest),
        (None, None) => (false, trimmed),
    };
    if body.len() > 40 || !body.chars().any(|c| c.is_ascii_digit()) {
        return Err(not_a_number());
    }
    let mark = |c: char| c == style.decimal || c == style.group || is_space_group(c);
    let exponent = |c: char| c == 'e' || c == 'E';
    let e_notation = body.chars().any(exponent)
        && body
            .chars()
            .all(|c| c.is_ascii_digit() || mark(c) || exponent(c) || c == '-' || c == '+');
    if e_notation {
        return Err(ValueError::Exponent { text: quoted() });
    }
    if !body.chars().all(|c| c.is_ascii_digit() || mark(c)) {
        return Err(not_a_number());
    }
    let not_in_style = || ValueError::NotInStyle { text: quoted() };
    let mut parts = body.split(style.decimal);
    let integer = parts.next().unwrap_or_default();
    let decimals = parts.next().unwrap_or_default();
    let decimals_plain = decimals.chars().all(|c| c.is_ascii_digit());
    if parts.next().is_some() || !decimals_plain || !well_grouped(integer, style.group) {
        return Err(not_in_style());
    }
    let digits: String = integer.chars().filter(char::is_ascii_digit).collect();
    let value = format!(
        "{}.{decimals}",
        if digits.is_empty() { "0" } else { &digits }
    )
    .parse::<f64>()
    .ok()
    .filter(|v| v.is_finite())
    .ok_or_else(not_a_number)?;
    let signed = |v: f64| if negative { -v } else { v };
    // `25.000` in English, `25,000` in German: the other language's thousands.
    let ambiguous = decimals.len() == 3
        && (1..=3).contains(&integer.len())
        && integer.chars().all(|c| c.is_ascii_digit())
        && !integer.starts_with('0')
        && body.contains(style.decimal);
    if ambiguous {
        return Err(ValueError::Ambiguous {
            text: quoted(),
            decimal: signed(value),
            thousands: signed(value * 1000.0),
        });
    }
    Ok(signed(value))
}

/// The parts of an estimate: split at `/`, or at one dash or `..` between
/// two numbers (a leading minus belongs to the number).
fn split_estimate(text: &str) -> Vec<&str> {
    if text.contains('/') {
        return text.split('/').collect();
    }
    if let Some((low, high)) = text.split_once("..") {
        return vec![low, high];
    }
    let dash = text.char_indices().skip(1).find(|&(i, c)| {
        let before = text[..i].trim_end().chars().last();
        matches!(c, '–' | '—' | '-') && before.is_some_and(|b| b.is_ascii_digit())
    });
    match dash {
        Some((i, c)) => vec![&text[..i], &text[i + c.len_utf8()..]],
        None => vec![text],
    }
}

/// An estimate as a field shows it: `20–40` when the likely value is the
/// middle, else `20/30/40`; a plain value alone.
pub fn format_estimate(
    value: f64,
    range: Option<Range>,
    decimals: usize,
    style: NumberStyle,
) -> String {
    let n = |v: f64| format_grouped(v, decimals, style);
    match range {
        None => n(value),
        Some(r)
            if (r.low + (r.high - r.low) / 2.0 - value).abs() <= 1e-9 * r.high.abs().max(1.0) =>
        {
            format!("{}–{}", n(r.low), n(r.high))
        }
        Some(r) => format!("{}/{}/{}", n(r.low), n(value), n(r.high)),
    }
}

/// [`format_number`] for the screen: thousands grouped as `style` writes them
/// (`25,000.5`, `25.000,5`), so that what a field shows reads back the same.
pub fn format_grouped(value: f64, decimals: usize, style: NumberStyle) -> String {
    grouped(&format_number(value, decimals, false), style)
}

/// [`format_fixed`] with thousands grouped as `style` writes them: exactly
/// `decimals` decimals (`4,000`, `3.0`).
pub fn format_grouped_fixed(value: f64, decimals: usize, style: NumberStyle) -> String {
    grouped(&format_fixed(value, decimals), style)
}

/// A plain number (`-25000.5`) written in `style` with its thousands grouped.
fn grouped(plain: &str, style: NumberStyle) -> String {
    let (sign, unsigned) = match plain.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", plain),
    };
    let (integer, fraction) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    let mut text = String::from(sign);
    for (i, digit) in integer.chars().enumerate() {
        if i > 0 && (integer.len() - i) % 3 == 0 {
            text.push(style.group);
        }
        text.push(digit);
    }
    if !fraction.is_empty() {
        text.push(style.decimal);
        text.push_str(fraction);
    }
    text
}

/// `value` with exactly `decimals` decimals, correctly rounded (`2.50`,
/// `-0.3`; a tie goes to the even digit, as the standard library prints). One
/// that is not finite prints as 0 (no checked number is).
pub fn format_fixed(value: f64, decimals: usize) -> String {
    let value = if value.is_finite() { value } else { 0.0 };
    let text = format!("{value:.decimals$}");
    // A negative number that rounds to zero is written as zero, without a sign.
    match text.strip_prefix('-') {
        Some(rest) if rest.bytes().all(|b| b == b'0' || b == b'.') => rest.to_owned(),
        _ => text,
    }
}

/// A number with at most `decimals` decimals, trailing zeros dropped, and a
/// decimal comma when asked (`2.5`, `2,5`, `40`).
pub fn format_number(value: f64, decimals: usize, decimal_comma: bool) -> String {
    let mut text = format_fixed(value, decimals);
    if text.contains('.') {
        text = text.trim_end_matches('0').trim_end_matches('.').to_owned();
    }
    if text == "-0" {
        text = "0".to_owned();
    }
    if decimal_comma {
        text = text.replace('.', ",");
    }
    text
}

macro_rules! checked_number {
    ($(#[$doc:meta])* $name:ident, $rule:expr) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, Default, PartialEq, PartialOrd)]
        pub struct $name(f64);

        impl $name {
            /// The rule every value of this type follows.
            pub const RULE: NumberRule = $rule;

            /// Accepts a value that follows the rule.
            pub fn new(value: f64) -> Result<Self, ValueError> {
                Self::RULE.check(value).map(Self)
            }

            /// The number.
            pub fn value(self) -> f64 {
                self.0
            }
        }

        impl $name {
        }

    };
}

/// A low and a high estimate around a value (the value is the likely one):
/// `low ≤ value ≤ high`, `low < high`. Written as `[low, high]`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Range {
    /// The lowest plausible value.
    pub low: f64,
    /// The highest plausible value.
    pub high: f64,
}

impl Range {
    /// Whether `likely` lies in the range and the range has a width.
    pub fn holds(self, likely: f64) -> bool {
        self.low <= likely && likely <= self.high && self.low < self.high
    }
}

checked_number!(
    /// A weight `0 ≤ w ≤ MAX_WEIGHT` of a criterion or of a segment in the mix.
    Weight,
    NumberRule::Weight
);
checked_number!(
    /// A "worth it" threshold `0 ≤ t ≤ MAX_AMOUNT` (0 = off), in the scoring
    /// model's units; the model's own rule ([`ScoreModel::threshold_rule`])
    /// bounds it further.
    ///
    /// [`ScoreModel::threshold_rule`]: crate::domain::model::criterion::ScoreModel::threshold_rule
    Threshold,
    NumberRule::Threshold { max: MAX_AMOUNT }
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::formats::{read, Num};

    const WEIGHTED_THRESHOLD: NumberRule = NumberRule::Threshold { max: 100.0 };

    #[test]
    fn json_numbers_are_read_exactly_as_the_standard_library_reads_them() {
        // Long and borderline digits where a shortcut reader is one step off.
        for text in [
            "0.1",
            "9007199254740993",
            "2.2250738585072011e-308",
            "1.7976931348623157e308",
            "0.30000000000000004",
            "8.41e21",
            "5e-324",
            "123456789012345678901234567890",
            "1.00000000000000011102230246251565404236316680908203125",
        ] {
            let Num(read) = read::<Num>(text, "n").unwrap();
            assert_eq!(
                read.to_bits(),
                text.parse::<f64>().unwrap().to_bits(),
                "{text}"
            );
        }
        assert!(read::<Num>("1e400", "n").is_err(), "beyond f64");
        assert!(read::<Num>("1e-400", "n").is_err(), "below f64");
        assert!(read::<Num>("\"1\"", "n").is_err(), "text is not a number");
    }

    const EN: NumberStyle = NumberStyle::ENGLISH;
    const DE: NumberStyle = NumberStyle::GERMAN;

    #[test]
    fn each_language_reads_its_own_marks_exactly() {
        for (text, style, value) in [
            ("25.000", DE, 25_000.0),
            ("2,5", DE, 2.5),
            ("1.234,5", DE, 1_234.5),
            ("1.234.567,25", DE, 1_234_567.25),
            ("-1.000", DE, -1_000.0),
            (",5", DE, 0.5),
            ("25,000", EN, 25_000.0),
            ("2.5", EN, 2.5),
            ("1,234.5", EN, 1_234.5),
            (".5", EN, 0.5),
            ("+7", EN, 7.0),
            ("\u{2212}3", EN, -3.0),
            ("25 000", EN, 25_000.0),
            ("25\u{a0}000,5", DE, 25_000.5),
            ("40", DE, 40.0),
            ("40", EN, 40.0),
            ("0012", EN, 12.0),
        ] {
            assert_eq!(parse_number(text, style), Ok(value), "{text} in {style:?}");
        }
    }

    #[test]
    fn the_other_languages_marks_and_wrong_groups_are_refused_not_guessed() {
        for (text, style) in [
            ("2.5", DE),
            ("3,5", EN),
            ("12,34", EN),
            ("1.2345", DE),
            ("25.000,5.1", DE),
            ("25,000.5,1", EN),
            ("1,000.5", DE),
            ("1.000,5", EN),
            ("1.000 000", DE),
            ("1,2,3", EN),
            (",000", EN),
        ] {
            assert!(
                matches!(
                    parse_number(text, style),
                    Err(ValueError::NotInStyle { .. })
                ),
                "{text} in {style:?} gave {:?}",
                parse_number(text, style)
            );
        }
    }

    #[test]
    fn e_notation_is_refused_in_both_languages() {
        for style in [EN, DE] {
            for text in ["1e3", "1E3", "2.5e-3", "1e999"] {
                assert!(
                    matches!(parse_number(text, style), Err(ValueError::Exponent { .. })),
                    "{text}"
                );
            }
        }
    }

    #[test]
    fn refuses_text_nan_and_infinity() {
        for style in [EN, DE] {
            for text in [
                "abc", "NaN", "inf", "infinity", "--3", "--", "e", "0x10", "١٢", "<b>1</b>", "-+1",
            ] {
                assert!(
                    matches!(
                        parse_number(text, style),
                        Err(ValueError::NotANumber { .. })
                    ),
                    "{text} was read as a number"
                );
            }
        }
    }

    #[test]
    fn what_the_screen_shows_reads_back_the_same() {
        assert_eq!(format_grouped(25_000.0, 2, EN), "25,000");
        assert_eq!(format_grouped(1_234_567.25, 2, DE), "1.234.567,25");
        assert_eq!(format_grouped(-1_000.5, 2, DE), "-1.000,5");
        assert_eq!(format_grouped(999.0, 0, EN), "999");
        assert_eq!(format_grouped(1e12, 2, EN), "1,000,000,000,000");
        for n in (0..2_000_000u64).step_by(997).chain([99_999_999_999_999]) {
            let value = n as f64 / 100.0;
            for style in [EN, DE] {
                let shown = format_grouped(value, 6, style);
                assert_eq!(parse_number(&shown, style), Ok(value), "{shown}");
            }
        }
    }

    #[test]
    fn amounts_are_optional_non_negative_and_bounded() {
        assert_eq!(NumberRule::Amount.parse("", EN), Ok(None));
        assert_eq!(NumberRule::Amount.parse(" 40 ", EN), Ok(Some(40.0)));
        assert_eq!(
            NumberRule::Amount.parse("-1", EN),
            Err(ValueError::Negative)
        );
        assert_eq!(
            NumberRule::Amount.parse("10000000000000", EN),
            Err(ValueError::OutOfRange {
                min: 0.0,
                max: MAX_AMOUNT
            })
        );
        assert_eq!(NumberRule::Amount.parse("-0", EN), Ok(Some(0.0)));
        assert!(NumberRule::Amount
            .parse("-0", EN)
            .unwrap()
            .unwrap()
            .is_sign_positive());
    }

    #[test]
    fn ratings_stay_on_their_scale() {
        let rule = NumberRule::Rating { min: 1.0, max: 5.0 };
        assert_eq!(rule.parse("5", EN), Ok(Some(5.0)));
        assert_eq!(
            rule.parse("6", EN),
            Err(ValueError::OutOfRange { min: 1.0, max: 5.0 })
        );
        assert_eq!(
            rule.parse("0", EN),
            Err(ValueError::OutOfRange { min: 1.0, max: 5.0 })
        );
        let signed = NumberRule::Rating {
            min: -2.0,
            max: 2.0,
        };
        assert_eq!(signed.parse("-2", EN), Ok(Some(-2.0)));
    }

    #[test]
    fn one_separator_before_exactly_three_digits_is_refused_with_both_readings() {
        let ambiguous = |text: &str, decimal: f64, thousands: f64| {
            Err(ValueError::Ambiguous {
                text: text.to_owned(),
                decimal,
                thousands,
            })
        };
        // The decimal mark of the language, three digits after it.
        assert_eq!(
            parse_number("25.000", EN),
            ambiguous("25.000", 25.0, 25_000.0)
        );
        assert_eq!(
            parse_number("25,000", DE),
            ambiguous("25,000", 25.0, 25_000.0)
        );
        assert_eq!(parse_number("1.500", EN), ambiguous("1.500", 1.5, 1500.0));
        assert_eq!(
            parse_number("-2,125", DE),
            ambiguous("-2,125", -2.125, -2125.0)
        );
        // Each language's own thousands, other decimals, and a leading zero
        // are not ambiguous.
        assert_eq!(parse_number("25,000", EN), Ok(25_000.0));
        assert_eq!(parse_number("25.000", DE), Ok(25_000.0));
        assert_eq!(parse_number("0.125", EN), Ok(0.125));
        assert_eq!(parse_number("2.5", EN), Ok(2.5));
        assert_eq!(parse_number("2.1250", EN), Ok(2.125));
        assert_eq!(parse_number("1234.567", EN), Ok(1234.567));
        // A range with an end missing says so, not '“” is not a number'.
        for text in ["20–", "20-", "/30/40", "20..", "20/30/"] {
            assert_eq!(
                NumberRule::Amount.parse_estimate(text, EN),
                Err(ValueError::BadRange),
                "{text}"
            );
        }
        // Everywhere numbers are read: fields and estimates alike.
        assert!(NumberRule::Amount.parse("25.000", EN).is_err());
        assert!(NumberRule::Amount.parse_estimate("25.000–40", EN).is_err());
    }

    #[test]
    fn weights_refuse_bad_values_when_read_from_files() {
        assert_eq!(Weight::new(3.0).map(Weight::value), Ok(3.0));
        assert!(Weight::new(-1.0).is_err());
        assert!(Weight::new(f64::NAN).is_err());
        let said = read::<Weight>("-2", "weight").map_err(|e| e.to_string());
        assert_eq!(said, Err("weight: must be zero or more".to_owned()));
        assert!(read::<Threshold>("-0.5", "threshold").is_err());
        assert!(read::<Threshold>("1e13", "threshold").is_err());
        let fifty = Threshold::new(50.0).unwrap();
        assert_eq!(crate::domain::formats::to_text(&fifty), "50.0");
    }

    #[test]
    fn subnormal_numbers_are_refused_by_every_rule() {
        let rules = [
            NumberRule::Amount,
            NumberRule::Rating { min: 0.0, max: 5.0 },
            NumberRule::Weight,
            WEIGHTED_THRESHOLD,
            NumberRule::ScaleEnd,
        ];
        for rule in rules {
            for tiny in [5e-324, 1e-310, f64::MIN_POSITIVE / 2.0] {
                assert_eq!(rule.check(tiny), Err(ValueError::TooCloseToZero));
            }
            assert_eq!(rule.check(f64::MIN_POSITIVE), Ok(f64::MIN_POSITIVE));
            assert_eq!(rule.check(0.0), Ok(0.0));
        }
        assert_eq!(
            NumberRule::ScaleEnd.check(-1e-320),
            Err(ValueError::TooCloseToZero)
        );
        for tiny in ["5e-324", "1e-310"] {
            assert!(read::<Weight>(tiny, "weight").is_err());
        }
    }

    #[test]
    fn weights_and_threshold_are_required() {
        assert_eq!(NumberRule::Weight.parse("", EN), Err(ValueError::Required));
        assert_eq!(
            WEIGHTED_THRESHOLD.parse("101", EN),
            Err(ValueError::OutOfRange {
                min: 0.0,
                max: 100.0
            })
        );
        assert_eq!(WEIGHTED_THRESHOLD.parse("55,5", DE), Ok(Some(55.5)));
    }

    #[test]
    fn estimates_read_as_ranges_and_print_back() {
        let en = NumberStyle::ENGLISH;
        let amount = NumberRule::Amount;
        let range = |low, high| Some(Range { low, high });
        assert_eq!(
            amount.parse_estimate("20–40", en),
            Ok((Some(30.0), range(20.0, 40.0)))
        );
        assert_eq!(
            amount.parse_estimate(" 20 - 40 ", en),
            Ok((Some(30.0), range(20.0, 40.0)))
        );
        assert_eq!(
            amount.parse_estimate("20..40", en),
            Ok((Some(30.0), range(20.0, 40.0)))
        );
        assert_eq!(
            amount.parse_estimate("20/25/40", en),
            Ok((Some(25.0), range(20.0, 40.0)))
        );
        assert_eq!(amount.parse_estimate("1,000", en), Ok((Some(1000.0), None)));
        assert_eq!(amount.parse_estimate("", en), Ok((None, None)));
        assert_eq!(
            amount.parse_estimate("40–20", en),
            Err(ValueError::BadRange)
        );
        assert_eq!(
            amount.parse_estimate("20/50/40", en),
            Err(ValueError::BadRange)
        );
        assert_eq!(amount.parse_estimate("5–5", en), Err(ValueError::BadRange));
        assert_eq!(
            amount.parse_estimate("1/2/3/4", en),
            Err(ValueError::BadRange)
        );
        assert_eq!(amount.parse_estimate("-5–5", en), Err(ValueError::Negative));
        let scale = NumberRule::Rating {
            min: -5.0,
            max: 5.0,
        };
        assert_eq!(scale.parse_estimate("-3", en), Ok((Some(-3.0), None)));
        assert_eq!(
            scale.parse_estimate("-3–-1", en),
            Ok((Some(-2.0), range(-3.0, -1.0)))
        );
        let de = NumberStyle::GERMAN;
        assert_eq!(
            amount.parse_estimate("2,5–4,5", de),
            Ok((Some(3.5), range(2.5, 4.5)))
        );
        assert_eq!(format_estimate(30.0, range(20.0, 40.0), 6, en), "20–40");
        assert_eq!(format_estimate(25.0, range(20.0, 40.0), 6, en), "20/25/40");
        assert_eq!(format_estimate(3.5, range(2.5, 4.5), 6, de), "2,5–4,5");
        for text in ["20–40", "20/25/40", "1,000–2,500", "7"] {
            let (value, range) = amount.parse_estimate(text, en).unwrap();
            assert_eq!(format_estimate(value.unwrap(), range, 6, en), text);
        }
    }
}
