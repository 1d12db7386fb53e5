//! Criteria: what options are judged on, with weight, direction and input kind.

use super::ids::CriterionId;
use super::value::{NumberRule, Weight};
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
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
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
