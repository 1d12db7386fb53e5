//! The settings a scenario keeps besides its criteria and options: how
//! the analyses sample weights, saved lenses, and how the matrix is drawn.

use crate::domain::model::criterion::{Criterion, Direction};
use crate::domain::model::ids::{CriterionId, LensId, OptionId};
use crate::domain::model::segment::Segment;
use crate::domain::model::value::Weight;
use std::collections::BTreeMap;

/// How weights are sampled.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum WeightMode {
    /// Each weight within ±25 % of its value (weights of 0 stay 0).
    #[default]
    Around,
    /// Any weights in the order of today's (the weighted criteria only).
    KeepOrder,
    /// Any weights at all: uniform over every split of the total.
    Any,
}

impl WeightMode {
    /// Every mode, in the order the UI offers them.
    pub const ALL: [WeightMode; 3] = [WeightMode::Around, WeightMode::KeepOrder, WeightMode::Any];

    /// Each mode's name in files, in the order of [`WeightMode::ALL`].
    pub const KEYS: [&'static str; 3] = ["around", "keep_order", "any"];

    /// The mode's place in [`WeightMode::ALL`] (its number in links).
    pub fn index(self) -> usize {
        usize::from(self.tag() - 1)
    }

    /// The mode as one byte, 1–3 (part of an analysis run's seed).
    pub(crate) fn tag(self) -> u8 {
        match self {
            WeightMode::Around => 1,
            WeightMode::KeepOrder => 2,
            WeightMode::Any => 3,
        }
    }
}

/// Which axis a criterion counts on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// Counts towards the value index.
    Value,
    /// Counts towards the effort index.
    Effort,
    /// Counts on neither axis.
    Neither,
}

impl Role {
    /// Every role, in picker order.
    pub const ALL: [Role; 3] = [Role::Value, Role::Effort, Role::Neither];
    /// Each role's name in files, in the order of [`Role::ALL`].
    pub const KEYS: [&'static str; 3] = ["value", "effort", "neither"];

    /// The role a criterion has unless the user picks another: higher is
    /// better counts as value (segment fit too), lower is better as effort.
    pub fn default_for(criterion: &Criterion) -> Role {
        match criterion.effective_direction() {
            Direction::HigherIsBetter => Role::Value,
            Direction::LowerIsBetter => Role::Effort,
        }
    }
}

/// How the matrix is drawn; kept with the scenario.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ChartSettings {
    /// Roles the user picked (criteria not listed have their default role).
    pub roles: BTreeMap<CriterionId, Role>,
    /// The criterion whose values size the markers (`None`: all one size).
    pub bubble: Option<CriterionId>,
}

impl ChartSettings {
    /// The role of `criterion`.
    pub fn role(&self, criterion: &Criterion) -> Role {
        self.roles
            .get(&criterion.id)
            .copied()
            .unwrap_or_else(|| Role::default_for(criterion))
    }

    /// Whether nothing is set.
    pub fn is_default(&self) -> bool {
        *self == ChartSettings::default()
    }
}

/// Most lenses kept in one scenario.
pub const MAX_LENSES: usize = 20;

/// A named weight set kept with the scenario.
#[derive(Clone, Debug, PartialEq)]
pub struct Lens {
    /// Stable id within the scenario.
    pub id: LensId,
    /// The name shown ("CFO").
    pub name: String,
    /// Weight per criterion; a criterion added after the lens was made counts 0.
    pub weights: BTreeMap<CriterionId, Weight>,
}

/// One of the lenses a ranking can be seen through.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LensRef {
    /// The scenario's working weights and mix.
    Current,
    /// A saved lens.
    Saved(LensId),
    /// The working weights with the mix set to one segment alone.
    Segment(Segment),
}

impl LensRef {
    /// A short stable key (`current`, `l2`, `segment:smb`) for exports and lists.
    pub fn key(self) -> String {
        match self {
            LensRef::Current => "current".to_owned(),
            LensRef::Saved(id) => id.to_string(),
            LensRef::Segment(s) => format!("segment:{}", s.key()),
        }
    }
}

/// Whether an option is forced into the best set or kept out of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pin {
    /// Always in: its cost is taken from the budget first.
    Must,
    /// Never in.
    Never,
}

impl Pin {
    /// Both pins, in picker order.
    pub const ALL: [Pin; 2] = [Pin::Must, Pin::Never];
    /// Each pin's name in files, in the order of [`Pin::ALL`].
    pub const KEYS: [&'static str; 2] = ["must", "never"];
}

/// A budget on one amount criterion: which options fit in it is asked of
/// the best set (PRODUCT.md, "Best set within a budget").
#[derive(Clone, Debug, PartialEq)]
pub struct Budget {
    /// The amount criterion whose values are the costs.
    pub criterion: CriterionId,
    /// The budget, in the criterion's unit (`0 ≤ amount ≤ MAX_AMOUNT`).
    pub amount: f64,
    /// Whether options below the worth-it line may be chosen too.
    pub below_line: bool,
    /// Options forced in or kept out.
    pub pins: BTreeMap<OptionId, Pin>,
}
