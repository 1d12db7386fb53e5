//! The frameworks teams already use, as a new scenario's starting criteria,
//! with their published defaults (research note, section 1): RICE, ICE,
//! WSJF, value ÷ effort, beside Kerze's own weighted score.

use crate::domain::model::criterion::{
    Criterion, CriterionInput, Direction, Level, RatioRole, ScoreModel,
};
use crate::domain::model::ids::{CriterionId, ScenarioId};
use crate::domain::model::scenario::{DefaultCriterionNames, Scenario};
use crate::domain::model::value::Weight;

/// What a new scenario starts from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Preset {
    /// Kerze's weighted score: cost, time to market, impact, segment fit.
    WeightedScore,
    /// Reach × Impact × Confidence ÷ Effort (Intercom).
    Rice,
    /// Impact × Confidence × Ease, each 1–10.
    Ice,
    /// (User-business value + Time criticality + Risk reduction) ÷ Job size (SAFe).
    Wsjf,
    /// Value ÷ effort.
    ValueEffort,
}

impl Preset {
    /// Every preset, in the order offered.
    pub const ALL: [Preset; 5] = [
        Preset::WeightedScore,
        Preset::Rice,
        Preset::Ice,
        Preset::Wsjf,
        Preset::ValueEffort,
    ];
}

/// The presets' words in the user's language.
#[derive(Clone, Copy, Debug)]
pub struct PresetNames<'a> {
    /// RICE's Reach, its unit ("people per quarter"), Impact, Confidence,
    /// Effort and its unit ("person-months").
    pub rice: [&'a str; 6],
    /// RICE Impact's levels, Massive to Minimal.
    pub rice_impact: [&'a str; 5],
    /// ICE's Impact, Confidence, Ease.
    pub ice: [&'a str; 3],
    /// WSJF's User-business value, Time criticality, Risk reduction /
    /// opportunity enablement, Job size.
    pub wsjf: [&'a str; 4],
    /// Value, Effort and its unit ("person-days").
    pub value_effort: [&'a str; 3],
}

/// SAFe's modified Fibonacci levels.
const FIBONACCI: [f64; 7] = [1.0, 2.0, 3.0, 5.0, 8.0, 13.0, 20.0];
/// RICE's Impact values, Massive to Minimal.
const RICE_IMPACT: [f64; 5] = [3.0, 2.0, 1.0, 0.5, 0.25];
/// RICE's Confidence: high, medium, low, kept as fractions.
const RICE_CONFIDENCE: [(&str, f64); 3] = [("100 %", 1.0), ("80 %", 0.8), ("50 %", 0.5)];

/// A criterion of a preset: name, input, role (direction follows the role:
/// what divides is better lower).
fn criterion(number: u32, name: &str, input: CriterionInput, role: RatioRole) -> Criterion {
    Criterion {
        id: CriterionId::new(number),
        name: name.to_owned(),
        weight: Weight::new(1.0).unwrap_or_default(),
        direction: if role == RatioRole::Divide {
            Direction::LowerIsBetter
        } else {
            Direction::HigherIsBetter
        },
        input,
        role,
    }
}

fn amount(unit: &str) -> CriterionInput {
    CriterionInput::Amount {
        unit: unit.to_owned(),
        lo: None,
        hi: None,
    }
}

fn fibonacci() -> CriterionInput {
    CriterionInput::Levels(
        FIBONACCI
            .iter()
            .map(|&v| Level::new(&v.to_string(), v))
            .collect(),
    )
}

const ONE_TO_TEN: CriterionInput = CriterionInput::Rating {
    min: 1.0,
    max: 10.0,
};

/// A new scenario named `name` on `preset`, with no options.
pub fn preset_scenario(
    id: ScenarioId,
    name: String,
    preset: Preset,
    defaults: DefaultCriterionNames<'_>,
    names: PresetNames<'_>,
) -> Scenario {
    use RatioRole::{Add, Divide, Multiply};
    let mut scenario = Scenario::with_default_criteria(id, name, defaults);
    let criteria = match preset {
        Preset::WeightedScore => return scenario,
        Preset::Rice => {
            let [reach, reach_unit, impact, confidence, effort, effort_unit] = names.rice;
            let impact_levels = names
                .rice_impact
                .iter()
                .zip(RICE_IMPACT)
                .map(|(label, value)| Level::new(label, value))
                .collect();
            let confidence_levels = RICE_CONFIDENCE
                .iter()
                .map(|&(label, value)| Level::new(label, value))
                .collect();
            vec![
                criterion(1, reach, amount(reach_unit), Multiply),
                criterion(2, impact, CriterionInput::Levels(impact_levels), Multiply),
                criterion(
                    3,
                    confidence,
                    CriterionInput::Levels(confidence_levels),
                    Multiply,
                ),
                criterion(4, effort, amount(effort_unit), Divide),
            ]
        }
        Preset::Ice => names
            .ice
            .iter()
            .zip(1..)
            .map(|(name, n)| criterion(n, name, ONE_TO_TEN, Multiply))
            .collect(),
        Preset::Wsjf => names
            .wsjf
            .iter()
            .zip(1..)
            .map(|(name, n)| criterion(n, name, fibonacci(), if n == 4 { Divide } else { Add }))
            .collect(),
        Preset::ValueEffort => {
            let [value, effort, unit] = names.value_effort;
            vec![
                criterion(1, value, ONE_TO_TEN, Multiply),
                criterion(2, effort, amount(unit), Divide),
            ]
        }
    };
    scenario.criteria = criteria;
    scenario.model = ScoreModel::Ratio;
    scenario
}
