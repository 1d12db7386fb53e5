//! Criteria: what options are judged on, with weight, direction and input kind.

use super::ids::CriterionId;
use super::value::{exact_option, Exact, NumberRule, Weight};
use serde::{Deserialize, Serialize};

/// Whether a larger value is better or worse.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// Larger values give more utility (impact, fit).
    HigherIsBetter,
    /// Smaller values give more utility (cost, time to market).
    LowerIsBetter,
}

/// How a criterion's value is entered.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(
    tag = "kind",
    rename_all = "snake_case",
    deny_unknown_fields,
    try_from = "InputFields"
)]
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
        #[serde(default)]
        lo: Option<f64>,
        /// Explicit high bound, if set.
        #[serde(default)]
        hi: Option<f64>,
    },
    /// Derived from the option's per-segment fit ratings and the scenario's mix.
    SegmentFit,
}

/// The fields of a stored input, read flat and then checked per kind: the
/// same inputs as a tagged enum accepts, read by far less code.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct InputFields {
    kind: KindName,
    #[serde(default, deserialize_with = "exact_option")]
    min: Option<f64>,
    #[serde(default, deserialize_with = "exact_option")]
    max: Option<f64>,
    unit: Option<String>,
    #[serde(default)]
    lo: Option<Option<Exact>>,
    #[serde(default)]
    hi: Option<Option<Exact>>,
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum KindName {
    Rating,
    Amount,
    SegmentFit,
}

impl TryFrom<InputFields> for CriterionInput {
    type Error = &'static str;

    fn try_from(f: InputFields) -> Result<Self, Self::Error> {
        let amount_fields = f.unit.is_some() || f.lo.is_some() || f.hi.is_some();
        let rating_fields = f.min.is_some() || f.max.is_some();
        match f.kind {
            KindName::Rating if amount_fields => Err("a rating has no unit, lo or hi"),
            KindName::Rating => Ok(CriterionInput::Rating {
                min: f.min.ok_or("missing field `min`")?,
                max: f.max.ok_or("missing field `max`")?,
            }),
            KindName::Amount if rating_fields => Err("an amount has no min or max"),
            KindName::Amount => Ok(CriterionInput::Amount {
                unit: f.unit.ok_or("missing field `unit`")?,
                lo: f.lo.flatten().map(|e| e.0),
                hi: f.hi.flatten().map(|e| e.0),
            }),
            KindName::SegmentFit if amount_fields || rating_fields => {
                Err("segment fit has no other fields")
            }
            KindName::SegmentFit => Ok(CriterionInput::SegmentFit),
        }
    }
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
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
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

    fn read(json: &str) -> Result<CriterionInput, serde_json::Error> {
        serde_json::from_str(json)
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
            let json = serde_json::to_string(&input).unwrap();
            assert_eq!(read(&json).unwrap(), input, "{json}");
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
