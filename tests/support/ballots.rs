//! A whole ballot for a round: every asked cell of every option scored by
//! `value`, as the return-link length test and the links benchmark need.

use kerze::domain::group::ballot::Invitation;

use kerze::domain::model::rounds::{Ballot, Cell, Item, Round, Score};
use kerze::domain::model::scenario::{Scenario, ScenarioOption};

/// `name`'s ballot for `round` of `scenario`, each cell valued by `value`
/// (option index, item index, option, item).
pub fn full_ballot(
    scenario: &Scenario,
    round: &Round,
    name: &str,
    value: impl Fn(usize, usize, &ScenarioOption, Item) -> Option<f64>,
) -> (Invitation, Ballot) {
    let invitation = Invitation::new(scenario, round.clone());
    let items = invitation.items();
    let mut scores = Vec::new();
    for (i, option) in scenario.options.iter().enumerate() {
        for (j, &item) in items.iter().enumerate() {
            scores.push(Score {
                cell: Cell {
                    option: option.id,
                    item,
                },
                value: value(i, j, option, item),
                reason: String::new(),
            });
        }
    }
    let ballot = Ballot {
        round: round.id,
        number: round.number,
        participant: name.into(),
        sent: 1_764_403_200_000,
        scores,
        weights: Vec::new(),
        checks: invitation.checks(),
    };
    (invitation, ballot)
}
