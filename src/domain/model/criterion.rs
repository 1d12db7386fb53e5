//! Criteria: what options are judged on, with weight, direction and input kind.

use crate::domain::model::ids::CriterionId;
use crate::domain::model::value::{
    format_grouped, parse_number, NumberRule, NumberStyle, Weight, MAX_AMOUNT,
};

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
    /// One of a list of labelled values (T-shirt sizes, Fibonacci, RICE's
    /// Impact names), in the order shown; at least two, each value once.
    Levels(Vec<Level>),
}

/// One labelled value of a levels input: "High" = 2.
#[derive(Clone, Debug, PartialEq)]
pub struct Level {
    /// What the menu, the table, the ballot and the breakdown show.
    pub label: String,
    /// The value scoring uses.
    pub value: f64,
}

impl Level {
    /// A level.
    pub fn new(label: &str, value: f64) -> Self {
        Level {
            label: label.to_owned(),
            value,
        }
    }
}

/// Most levels a criterion holds.
pub const MAX_LEVELS: usize = 20;

/// Levels as the criteria panel shows them: one per line, `label = value`.
pub fn levels_text(levels: &[Level], style: NumberStyle) -> String {
    levels
        .iter()
        .map(|l| format!("{} = {}", l.label, format_grouped(l.value, 6, style)))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Reads levels written one per line as `label = value` (empty lines are
/// skipped); the number of the first line that is not, counting from 1.
/// Whether the levels themselves hold together is
/// [`levels_problem`](crate::domain::model::scenario::levels_problem)'s to say.
pub fn parse_levels(text: &str, style: NumberStyle) -> Result<Vec<Level>, usize> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(n, line)| {
            let (label, value) = line.rsplit_once('=').ok_or(n + 1)?;
            let value = parse_number(value.trim(), style).map_err(|_| n + 1)?;
            Ok(Level::new(label.trim(), value))
        })
        .collect()
}

/// How a criterion counts in the ratio model (PRODUCT.md, "Ratio model").
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum RatioRole {
    /// Summed, weighted, into the numerator (WSJF's cost of delay).
    #[default]
    Add,
    /// Multiplies the numerator (RICE's Reach, Impact, Confidence).
    Multiply,
    /// Divides the score (RICE's Effort, WSJF's Job size).
    Divide,
}

impl RatioRole {
    /// Every role, in picker order.
    pub const ALL: [RatioRole; 3] = [RatioRole::Add, RatioRole::Multiply, RatioRole::Divide];
    /// Each role's name in files, in the order of [`RatioRole::ALL`].
    pub const KEYS: [&'static str; 3] = ["add", "multiply", "divide"];
}

/// How the scores of a scenario are computed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ScoreModel {
    /// `100 × Σ w u / Σ w` over normalised values (0–100).
    #[default]
    WeightedSum,
    /// `(Σ_add w v, or 1) × Π_multiply v ÷ Π_divide v` on the values as
    /// entered: RICE, ICE, WSJF.
    Ratio,
}

impl ScoreModel {
    /// Both models.
    pub const ALL: [ScoreModel; 2] = [ScoreModel::WeightedSum, ScoreModel::Ratio];
    /// Each model's name in files, in the order of [`ScoreModel::ALL`].
    pub const KEYS: [&'static str; 2] = ["weighted_sum", "ratio"];

    /// The rule of the "worth it" threshold in this model's units: 0–100
    /// points for the weighted score; any amount for the ratio model's own
    /// number (RICE 4,000, WSJF 2.6).
    pub fn threshold_rule(self) -> NumberRule {
        NumberRule::Threshold {
            max: match self {
                ScoreModel::WeightedSum => 100.0,
                ScoreModel::Ratio => MAX_AMOUNT,
            },
        }
    }
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
    /// See [`CriterionInput::Levels`].
    Levels,
}

impl InputKind {
    /// Every kind, in picker order.
    pub const ALL: [InputKind; 4] = [
        InputKind::Rating,
        InputKind::Amount,
        InputKind::SegmentFit,
        InputKind::Levels,
    ];
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
            CriterionInput::Levels(_) => InputKind::Levels,
        }
    }

    /// The scale `[min, max]` of a rating, or of levels (their lowest and
    /// highest value); `None` for amounts and segment fit.
    pub fn scale(&self) -> Option<(f64, f64)> {
        match self {
            CriterionInput::Rating { min, max } => Some((*min, *max)),
            CriterionInput::Levels(levels) => {
                let values = levels.iter().map(|l| l.value);
                let min = values.clone().fold(f64::INFINITY, f64::min);
                let max = values.fold(f64::NEG_INFINITY, f64::max);
                (min <= max).then_some((min, max))
            }
            _ => None,
        }
    }

    /// The level `value` is, when this input has levels and `value` is one.
    pub fn level_of(&self, value: f64) -> Option<&Level> {
        match self {
            CriterionInput::Levels(levels) => levels.iter().find(|l| l.value == value),
            _ => None,
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
            InputKind::Levels => CriterionInput::Levels(
                [("XS", 1.0), ("S", 2.0), ("M", 3.0), ("L", 5.0), ("XL", 8.0)]
                    .map(|(label, value)| Level::new(label, value))
                    .into(),
            ),
        }
    }

    /// Whether an option may hold `value` on this criterion. A rating may lie
    /// off its scale (the scale can change after it was entered): it only has
    /// to be a plain number; an amount keeps to the amount rule; segment fit
    /// holds no values (its ratings are per segment).
    pub fn stores(&self, value: f64) -> bool {
        let rule = match self {
            CriterionInput::Rating { .. } | CriterionInput::Levels(_) => NumberRule::Rating {
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
        match self {
            CriterionInput::Amount { .. } => Some(NumberRule::Amount),
            CriterionInput::SegmentFit => None,
            _ => self
                .scale()
                .map(|(min, max)| NumberRule::Rating { min, max }),
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
    /// How it counts in the ratio model (kept, unused, in the weighted sum).
    pub role: RatioRole,
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
