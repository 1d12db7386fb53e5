//! Criteria: what options are judged on, with weight, direction and input kind.

use crate::domain::model::ids::CriterionId;
use crate::domain::model::value::{NumberRule, Weight, MAX_AMOUNT};

/// Whether a larger value is better or worse.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// Larger values give more utility (impact, fit).
    HigherIsBetter,
    /// Smaller values give more utility (cost, time to market).
    LowerIsBetter,
}

/// How a criterion's value is entered.
#[derive(Clone, Debug, PartialEq)]
pub enum CriterionInput {
    /// A rating on the fixed scale `[min, max]`.
    Rating {
        /// Low end of the scale.
        min: f64,
        /// High end of the scale.
        max: f64,
    },
    /// An amount in a unit; normalised between explicit bounds or the
    /// smallest and largest value among the options.
    Amount {
        /// The unit shown beside values (person-days, weeks, €).
        unit: String,
        /// Explicit low bound, if set.
        lo: Option<f64>,
        /// Explicit high bound, if set.
        hi: Option<f64>,
    },
    /// Derived from the option's per-segment fit ratings and the scenario's mix.
    SegmentFit,
}

impl Direction {
    /// Both directions.
    pub const ALL: [Direction; 2] = [Direction::HigherIsBetter, Direction::LowerIsBetter];
    /// Each direction's name in files, in the order of [`Direction::ALL`].
    pub const KEYS: [&'static str; 2] = ["higher_is_better", "lower_is_better"];
}

/// The three kinds of input, without their parameters (for pickers).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputKind {
    /// See [`CriterionInput::Rating`].
    Rating,
    /// See [`CriterionInput::Amount`].
    Amount,
    /// See [`CriterionInput::SegmentFit`].
    SegmentFit,
}

impl InputKind {
    /// Every kind, in picker order.
    pub const ALL: [InputKind; 3] = [InputKind::Rating, InputKind::Amount, InputKind::SegmentFit];
}

impl CriterionInput {
    /// The default 1–5 rating scale.
    pub const DEFAULT_RATING: CriterionInput = CriterionInput::Rating { min: 1.0, max: 5.0 };

    /// The kind of this input.
    pub fn kind(&self) -> InputKind {
        match self {
            CriterionInput::Rating { .. } => InputKind::Rating,
            CriterionInput::Amount { .. } => InputKind::Amount,
            CriterionInput::SegmentFit => InputKind::SegmentFit,
        }
    }

    /// A fresh input of the given kind with default parameters.
    pub fn of_kind(kind: InputKind) -> Self {
        match kind {
            InputKind::Rating => Self::DEFAULT_RATING,
            InputKind::Amount => CriterionInput::Amount {
                unit: String::new(),
                lo: None,
                hi: None,
            },
            InputKind::SegmentFit => CriterionInput::SegmentFit,
        }
    }

    /// Whether an option may hold `value` on this criterion. A rating may lie
    /// off its scale (the scale can change after it was entered): it only has
    /// to be a plain number; an amount keeps to the amount rule; segment fit
    /// holds no values (its ratings are per segment).
    pub fn stores(&self, value: f64) -> bool {
        let rule = match self {
            CriterionInput::Rating { .. } => NumberRule::Rating {
                min: -MAX_AMOUNT,
                max: MAX_AMOUNT,
            },
            CriterionInput::Amount { .. } => NumberRule::Amount,
            CriterionInput::SegmentFit => return false,
        };
        rule.check(value).is_ok()
    }

    /// The rule an option's value on this criterion follows; `None` for segment fit,
    /// whose values are per-segment ratings.
    pub fn value_rule(&self) -> Option<NumberRule> {
        match *self {
            CriterionInput::Rating { min, max } => Some(NumberRule::Rating { min, max }),
            CriterionInput::Amount { .. } => Some(NumberRule::Amount),
            CriterionInput::SegmentFit => None,
        }
    }
}

/// A criterion of a scenario.
#[derive(Clone, Debug, PartialEq)]
pub struct Criterion {
    /// Stable id within the scenario.
    pub id: CriterionId,
    /// Name shown in the editor, the legend and the exports.
    pub name: String,
    /// Weight `w ≥ 0`.
    pub weight: Weight,
    /// Higher or lower is better (segment fit is always higher is better).
    pub direction: Direction,
    /// How values are entered.
    pub input: CriterionInput,
}

impl Criterion {
    /// The direction that scoring uses: segment fit is always higher is better.
    pub fn effective_direction(&self) -> Direction {
        match self.input {
            CriterionInput::SegmentFit => Direction::HigherIsBetter,
            _ => self.direction,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::domain::formats::scenario::InputWire;
    use crate::domain::formats::{read as read_text, to_text, Refusal};

    fn read(text: &str) -> Result<CriterionInput, Refusal> {
        read_text::<InputWire>(text, "input")?.into_input("input")
    }

    #[test]
    fn every_kind_reads_back_what_it_wrote() {
        for input in [
            CriterionInput::Rating { min: 1.0, max: 5.0 },
            CriterionInput::Amount {
                unit: "weeks".into(),
                lo: None,
                hi: Some(10.0),
            },
            CriterionInput::SegmentFit,
        ] {
            let text = to_text(&InputWire::from(&input));
            assert_eq!(read(&text).unwrap(), input, "{text}");
        }
        let amount = read(r#"{"kind":"amount","unit":"€"}"#).unwrap();
        assert_eq!(
            amount,
            CriterionInput::Amount {
                unit: "€".into(),
                lo: None,
                hi: None
            }
        );
    }

    #[test]
    fn fields_of_another_kind_or_unknown_fields_are_refused() {
        for json in [
            r#"{"kind":"rating","min":1,"max":5,"unit":"x"}"#,
            r#"{"kind":"rating","min":1}"#,
            r#"{"kind":"rating","min":null,"max":5}"#,
            r#"{"kind":"amount","lo":1}"#,
            r#"{"kind":"amount","unit":"x","max":3}"#,
            r#"{"kind":"segment_fit","min":1}"#,
            r#"{"kind":"stars","min":1,"max":5}"#,
            r#"{"kind":"rating","min":1,"max":5,"colour":"red"}"#,
            r#"{"min":1,"max":5}"#,
        ] {
            assert!(read(json).is_err(), "{json} must be refused");
        }
    }
}
