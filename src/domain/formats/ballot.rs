//! A round's link (round format 2): the round and the scenario's words the
//! room sees, no values and no weights. Ballots themselves are
//! [`BallotWire`](crate::domain::model::scenario::BallotWire), as the scenario keeps them.

use super::scenario::{InputWire, RoundWire};
use crate::domain::model::criterion::Direction;
use crate::domain::model::ids::{CriterionId, OptionId};
use serde::{Deserialize, Serialize};

/// What a round's link carries.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InvitationWire {
    /// The round.
    pub round: RoundWire,
    /// The scenario's name.
    #[serde(default)]
    pub name: String,
    /// Its need.
    #[serde(default)]
    pub need: String,
    /// Its root cause.
    #[serde(default)]
    pub root_cause: String,
    /// The criteria the room sees.
    pub criteria: Vec<InvitedCriterion>,
    /// The options asked about.
    pub options: Vec<InvitedOption>,
}

/// A criterion as the room sees it: no weight.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InvitedCriterion {
    /// Its id.
    pub id: CriterionId,
    /// Its name.
    pub name: String,
    /// Higher or lower is better (absent: higher).
    #[serde(default)]
    pub direction: Option<Direction>,
    /// Its scale.
    pub input: InputWire,
    /// Its values divide a ratio score, so 0 is refused (since round
    /// format 2; absent: they do not).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub divides: bool,
}

/// An option as the room sees it: its words.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InvitedOption {
    /// Its id.
    pub id: OptionId,
    /// Its title.
    pub title: String,
    /// Its description.
    #[serde(default)]
    pub description: String,
}
