//! Criteria: what options are judged on, with weight, direction and input kind.

use super::ids::CriterionId;
use super::json::{self, object, Fields, Json, ShapeError};
use super::value::{NumberRule, Weight, MAX_AMOUNT};

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

/// Each direction's name in files.
const DIRECTIONS: [&str; 2] = ["higher_is_better", "lower_is_better"];
/// Each input kind's name in files, in the order of [`InputKind::ALL`].
const KINDS: [&str; 3] = ["rating", "amount", "segment_fit"];

impl From<Direction> for Json {
    fn from(direction: Direction) -> Json {
        Json::from(DIRECTIONS[usize::from(direction == Direction::LowerIsBetter)])
    }
}

impl Direction {
    /// Reads a direction's name.
    pub fn from_json(value: &Json, place: &str) -> Result<Self, ShapeError> {
        Ok(match json::one_of(value, place, &DIRECTIONS)? {
            0 => Direction::HigherIsBetter,
            _ => Direction::LowerIsBetter,
        })
    }
}

impl From<&CriterionInput> for Json {
    fn from(input: &CriterionInput) -> Json {
        match input {
            CriterionInput::Rating { min, max } => object([
                ("kind", KINDS[0].into()),
                ("min", (*min).into()),
                ("max", (*max).into()),
            ]),
            CriterionInput::Amount { unit, lo, hi } => object([
                ("kind", KINDS[1].into()),
                ("unit", unit.as_str().into()),
                ("lo", (*lo).into()),
                ("hi", (*hi).into()),
            ]),
            CriterionInput::SegmentFit => object([("kind", KINDS[2].into())]),
        }
    }
}

impl CriterionInput {
    /// Reads an input: its kind and that kind's fields, and no others.
    pub fn from_json(value: &Json, place: &str) -> Result<Self, ShapeError> {
        let f = Fields::of(
            value,
            place,
            Some(&["kind", "min", "max", "unit", "lo", "hi"]),
        )?;
        let kind = f.need("kind", |v, p| json::one_of(v, p, &KINDS))?;
        let amount_fields =
            f.maybe("unit").is_some() || f.get("lo").is_some() || f.get("hi").is_some();
        let rating_fields = f.maybe("min").is_some() || f.maybe("max").is_some();
        let refuse = |why: &str| Err(format!("{place}: {why}"));
        match kind {
            0 if amount_fields => refuse("a rating has no unit, lo or hi"),
            0 => Ok(CriterionInput::Rating {
                min: f.need("min", json::number)?,
                max: f.need("max", json::number)?,
            }),
            1 if rating_fields => refuse("an amount has no min or max"),
            1 => Ok(CriterionInput::Amount {
                unit: f.need("unit", json::text)?,
                lo: f.maybe_read("lo", json::number)?,
                hi: f.maybe_read("hi", json::number)?,
            }),
            _ if amount_fields || rating_fields => refuse("segment fit has no other fields"),
            _ => Ok(CriterionInput::SegmentFit),
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

impl From<&Criterion> for Json {
    fn from(c: &Criterion) -> Json {
        object([
            ("id", c.id.into()),
            ("name", c.name.as_str().into()),
            ("weight", c.weight.into()),
            ("direction", c.direction.into()),
            ("input", (&c.input).into()),
        ])
    }
}

impl Criterion {
    /// Reads a criterion.
    pub fn from_json(value: &Json, place: &str) -> Result<Self, ShapeError> {
        let known = ["id", "name", "weight", "direction", "input"];
        let f = Fields::of(value, place, Some(&known))?;
        Ok(Criterion {
            id: f.need("id", CriterionId::from_json)?,
            name: f.need("name", json::text)?,
            weight: f.need("weight", Weight::from_json)?,
            direction: f.need("direction", Direction::from_json)?,
            input: f.need("input", CriterionInput::from_json)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Result<CriterionInput, ShapeError> {
        CriterionInput::from_json(&json::parse(text).unwrap(), "input")
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
            let text = Json::from(&input).to_text();
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
