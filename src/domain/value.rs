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
    #[error("{text:?} is not a number")]
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
    /// The "worth it" threshold: `0 ≤ t ≤ 100`, required.
    Threshold,
    /// An end of a rating scale: `|v| ≤ MAX_SCALE`, required.
    ScaleEnd,
}

impl NumberRule {
    /// Whether an empty field is a valid "no value".
    pub fn optional(self) -> bool {
        matches!(self, NumberRule::Amount | NumberRule::Rating { .. })
    }

    /// Reads `text` by this rule: `Ok(None)` for an empty optional field.
    pub fn parse(self, text: &str) -> Result<Option<f64>, ValueError> {
        let trimmed = text.trim();
        if trimmed.is_empty() {
            return if self.optional() {
                Ok(None)
            } else {
                Err(ValueError::Required)
            };
        }
        let value = parse_number(trimmed)?;
        self.check(value).map(Some)
    }

    /// Checks a number against this rule.
    pub fn check(self, value: f64) -> Result<f64, ValueError> {
        let (min, max) = match self {
            NumberRule::Amount => (0.0, MAX_AMOUNT),
            NumberRule::Rating { min, max } => (min, max),
            NumberRule::Weight => (0.0, MAX_WEIGHT),
            NumberRule::Threshold => (0.0, 100.0),
            NumberRule::ScaleEnd => (-MAX_SCALE, MAX_SCALE),
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
        if value < min || value > max {
            return Err(ValueError::OutOfRange { min, max });
        }
        // -0.0 would print as "-0": store plain zero.
        Ok(if value == 0.0 { 0.0 } else { value })
    }
}

/// Reads a decimal number written with `.` or `,` as the decimal mark.
/// Refuses `NaN`, `inf` and anything else that is not plain digits.
pub fn parse_number(text: &str) -> Result<f64, ValueError> {
    let not_a_number = || ValueError::NotANumber {
        text: text.chars().take(40).collect(),
    };
    let normalised = if text.contains(',') && !text.contains('.') && text.matches(',').count() == 1
    {
        text.replace(',', ".")
    } else {
        text.to_owned()
    };
    let plain = normalised.len() <= 40
        && normalised.bytes().any(|b| b.is_ascii_digit())
        && normalised
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'-' | b'+' | b'e' | b'E'));
    if !plain {
        return Err(not_a_number());
    }
    normalised
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
        .ok_or_else(not_a_number)
}

/// A number with at most `decimals` decimals, trailing zeros dropped, and a
/// decimal comma when asked (`2.5`, `2,5`, `40`).
pub fn format_number(value: f64, decimals: usize, decimal_comma: bool) -> String {
    let mut text = format!("{value:.decimals$}");
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
        #[derive(Clone, Copy, Debug, Default, PartialEq, PartialOrd, serde::Serialize, serde::Deserialize)]
        #[serde(try_from = "f64", into = "f64")]
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

        impl TryFrom<f64> for $name {
            type Error = ValueError;
            fn try_from(value: f64) -> Result<Self, ValueError> {
                Self::new(value)
            }
        }

        impl From<$name> for f64 {
            fn from(value: $name) -> f64 {
                value.0
            }
        }
    };
}

checked_number!(
    /// A weight `0 ≤ w ≤ MAX_WEIGHT` of a criterion or of a segment in the mix.
    Weight,
    NumberRule::Weight
);
checked_number!(
    /// A "worth it" threshold `0 ≤ t ≤ 100` (0 = off).
    Threshold,
    NumberRule::Threshold
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_dot_and_comma_decimals() {
        assert_eq!(parse_number("2.5"), Ok(2.5));
        assert_eq!(parse_number("2,5"), Ok(2.5));
        assert_eq!(parse_number("-3"), Ok(-3.0));
        assert_eq!(parse_number("1e3"), Ok(1000.0));
    }

    #[test]
    fn refuses_text_nan_and_infinity() {
        for text in [
            "abc", "NaN", "inf", "infinity", "1,000.5", "1.2.3", "--", "e", "1e999", "0x10",
        ] {
            assert!(
                matches!(parse_number(text), Err(ValueError::NotANumber { .. })),
                "{text} was read as a number"
            );
        }
    }

    #[test]
    fn amounts_are_optional_non_negative_and_bounded() {
        assert_eq!(NumberRule::Amount.parse(""), Ok(None));
        assert_eq!(NumberRule::Amount.parse(" 40 "), Ok(Some(40.0)));
        assert_eq!(NumberRule::Amount.parse("-1"), Err(ValueError::Negative));
        assert_eq!(
            NumberRule::Amount.parse("1e13"),
            Err(ValueError::OutOfRange {
                min: 0.0,
                max: MAX_AMOUNT
            })
        );
        assert_eq!(NumberRule::Amount.parse("-0"), Ok(Some(0.0)));
        assert!(NumberRule::Amount
            .parse("-0")
            .unwrap()
            .unwrap()
            .is_sign_positive());
    }

    #[test]
    fn ratings_stay_on_their_scale() {
        let rule = NumberRule::Rating { min: 1.0, max: 5.0 };
        assert_eq!(rule.parse("5"), Ok(Some(5.0)));
        assert_eq!(
            rule.parse("6"),
            Err(ValueError::OutOfRange { min: 1.0, max: 5.0 })
        );
        assert_eq!(
            rule.parse("0"),
            Err(ValueError::OutOfRange { min: 1.0, max: 5.0 })
        );
        let signed = NumberRule::Rating {
            min: -2.0,
            max: 2.0,
        };
        assert_eq!(signed.parse("-2"), Ok(Some(-2.0)));
    }

    #[test]
    fn weights_refuse_bad_values_when_read_from_files() {
        assert_eq!(Weight::new(3.0).map(Weight::value), Ok(3.0));
        assert!(Weight::new(-1.0).is_err());
        assert!(Weight::new(f64::NAN).is_err());
        assert!(serde_json::from_str::<Weight>("-2").is_err());
        assert!(serde_json::from_str::<Threshold>("100.5").is_err());
        assert_eq!(
            serde_json::to_string(&Threshold::new(50.0).unwrap()).unwrap(),
            "50.0"
        );
    }

    #[test]
    fn subnormal_numbers_are_refused_by_every_rule() {
        let rules = [
            NumberRule::Amount,
            NumberRule::Rating { min: 0.0, max: 5.0 },
            NumberRule::Weight,
            NumberRule::Threshold,
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
        assert!(serde_json::from_str::<Weight>("5e-324").is_err());
        assert!(serde_json::from_str::<Weight>("1e-310").is_err());
    }

    #[test]
    fn weights_and_threshold_are_required() {
        assert_eq!(NumberRule::Weight.parse(""), Err(ValueError::Required));
        assert_eq!(
            NumberRule::Threshold.parse("101"),
            Err(ValueError::OutOfRange {
                min: 0.0,
                max: 100.0
            })
        );
        assert_eq!(NumberRule::Threshold.parse("55,5"), Ok(Some(55.5)));
    }
}
