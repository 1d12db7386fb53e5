//! A round's link (ballot format 1): the round and the scenario's words the
//! room sees, no values and no weights. Ballots themselves are
//! [`BallotWire`](super::scenario::BallotWire), as the scenario keeps them.

use super::scenario::{InputWire, RoundWire};
use crate::domain::ballot::Invitation;
use crate::domain::criterion::Direction;
use crate::domain::ids::{CriterionId, OptionId};
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

impl From<&Invitation> for InvitationWire {
    fn from(invitation: &Invitation) -> Self {
        let s = &invitation.scenario;
        InvitationWire {
            round: RoundWire::from(&invitation.round),
            name: s.name.clone(),
            need: s.need.clone(),
            root_cause: s.root_cause.clone(),
            criteria: s
                .criteria
                .iter()
                .map(|c| InvitedCriterion {
                    id: c.id,
                    name: c.name.clone(),
                    direction: Some(c.direction),
                    input: InputWire::from(&c.input),
                })
                .collect(),
            options: s
                .options
                .iter()
                .map(|o| InvitedOption {
                    id: o.id,
                    title: o.title.clone(),
                    description: o.description.clone(),
                })
                .collect(),
        }
    }
}
