//! The facilitator's desk for group scoring: what they ask, paste, open,
//! pick and tick while a round runs, and the hot seat. Part of the app's one
//! state; changed only by [`RoundAction`]s through the reducer.

use crate::domain::group::ballot::{
    intake_ballots, read_ballot, split_ballots, BallotError, Outcome,
};
use crate::domain::group::tally::{accepted, tally, Pick, Tally};
use crate::domain::model::criterion::CriterionInput;
use crate::domain::model::ids::CriterionId;
use crate::domain::model::rounds::{Ballot, Cell, Round};
use crate::domain::model::scenario::{Scenario, ScenarioEdit};

/// Cells listed in the discussion queue.
pub const QUEUE_SHOWN: usize = 10;

/// What the desk last said: why no round started, or what became of each
/// piece of a reveal.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Said {
    /// Nothing to say.
    #[default]
    Nothing,
    /// "Make ballot link" with no criterion ticked.
    NoneAsked,
    /// What became of each piece taken in.
    Outcomes(Vec<Outcome>),
}

/// Hot seat: people score in turn on this device.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct HotSeat {
    /// The ballots handed in so far (taken in when the facilitator ends).
    pub collected: Vec<Ballot>,
    /// Whether the last person is being thanked (the next form not yet shown).
    pub thanks: bool,
    /// Counts the people: each gets a fresh form.
    pub person: u32,
}

/// The desk: see the module docs.
#[derive(Clone, Debug, PartialEq)]
pub struct RoundDesk {
    /// The criteria the next round asks; `None`: every one a person can
    /// score (all but amounts).
    pub ask: Option<Vec<CriterionId>>,
    /// Whether the next round asks for weights too.
    pub ask_weights: bool,
    /// Return links pasted, not yet revealed.
    pub pasted: String,
    /// What the desk last said.
    pub said: Said,
    /// Whether people are shown as "Person 1", "Person 2"…
    pub hide_names: bool,
    /// The cell whose votes are open.
    pub open_cell: Option<Cell>,
    /// The value picked per cell, where not the default.
    pub picks: Vec<(Cell, Pick)>,
    /// The value every other cell takes: median or mean.
    pub default_pick: Pick,
    /// The cells ticked for a second round (`None`: those of the queue that
    /// could change #1).
    pub ticked: Option<Vec<Cell>>,
    /// The hot seat, while it is on.
    pub hot: Option<HotSeat>,
    /// Whether copying the ballot link worked, once tried.
    pub copied: Option<bool>,
    /// "Accept these values" first shows what it changes; a second click sets.
    pub confirming: bool,
}

impl Default for RoundDesk {
    fn default() -> Self {
        RoundDesk {
            ask: None,
            ask_weights: false,
            pasted: String::new(),
            said: Said::Nothing,
            hide_names: false,
            open_cell: None,
            picks: Vec::new(),
            default_pick: Pick::Median,
            ticked: None,
            hot: None,
            copied: None,
            confirming: false,
        }
    }
}

/// One thing the facilitator does at the desk.
#[derive(Clone, Debug, PartialEq)]
pub enum RoundAction {
    /// Ticks or unticks a criterion for the next round.
    Ask(CriterionId),
    /// Asks for weights in the next round, or not.
    AskWeights(bool),
    /// Starts a round with this id on the criteria ticked.
    Start(u32),
    /// The ballot link was copied (`true`) or the browser refused.
    Copied(bool),
    /// The text of the return-link box.
    Paste(String),
    /// Reveals the return links pasted.
    Reveal,
    /// Reveals the texts of ballot files.
    RevealFiles(Vec<String>),
    /// Shows people as "Person n", or by name.
    HideNames(bool),
    /// Opens a cell's votes (or closes them, with `None`).
    OpenCell(Option<Cell>),
    /// Picks the value a cell takes.
    Pick(Cell, Pick),
    /// Picks the value every other cell takes.
    DefaultPick(Pick),
    /// Ticks or unticks a cell for a second round.
    Tick(Cell),
    /// First shows what accepting changes; the second time, sets the values.
    Accept,
    /// Takes back the first "Accept".
    CancelAccept,
    /// Starts a second round with this id on the ticked cells.
    SecondRound(u32),
    /// Starts the hot seat.
    HotSeat,
    /// One person handed in their ballot.
    HandIn(Ballot),
    /// The next person's turn.
    NextPerson,
    /// Ends the hot seat and takes in the ballots handed in.
    EndHotSeat,
    /// Leaves the hot seat; nothing handed in is kept.
    CancelHotSeat,
}

/// What an action does beyond the desk: an edit of the scenario.
pub type Effect = Option<ScenarioEdit>;

impl RoundDesk {
    /// The criteria the next round asks, in the scenario's order.
    pub fn asked(&self, scenario: &Scenario) -> Vec<CriterionId> {
        scenario
            .criteria
            .iter()
            .filter(|c| match &self.ask {
                Some(ask) => ask.contains(&c.id),
                None => !matches!(c.input, CriterionInput::Amount { .. }),
            })
            .map(|c| c.id)
            .collect()
    }

    /// The cells ticked for a second round: what the facilitator ticked,
    /// else those of the queue that could change #1.
    pub fn flagged(&self, tally: &Tally) -> Vec<Cell> {
        match &self.ticked {
            Some(cells) => cells.clone(),
            // Only what could change #1 comes ticked: a second round asks
            // again what matters, not every cell of the queue.
            None => tally
                .queue()
                .iter()
                .take(QUEUE_SHOWN)
                .filter(|c| c.moves_top)
                .map(|c| c.cell)
                .collect(),
        }
    }

    /// The pick of `cell`.
    pub fn pick_of(&self, cell: Cell) -> Pick {
        self.picks
            .iter()
            .find(|(x, _)| *x == cell)
            .map_or(self.default_pick, |(_, p)| *p)
    }

    /// The desk after `action` on `scenario`, with the edit it makes (if
    /// any); `fit_names` word the reasons a ballot is refused. `None` when
    /// nothing changes.
    pub fn apply(
        &self,
        scenario: &Scenario,
        action: RoundAction,
        fit_names: &[&str; 3],
    ) -> Option<(RoundDesk, Effect)> {
        let mut next = self.clone();
        let mut edit = None;
        match action {
            RoundAction::Ask(id) => {
                let mut ask = self.asked(scenario);
                match ask.iter().position(|c| *c == id) {
                    Some(at) => drop(ask.remove(at)),
                    None => ask.push(id),
                }
                next.ask = Some(ask);
            }
            RoundAction::AskWeights(on) => next.ask_weights = on,
            RoundAction::Start(id) => {
                let criteria = self.asked(scenario);
                if criteria.is_empty() {
                    next.said = Said::NoneAsked;
                } else {
                    next.said = Said::Nothing;
                    next.copied = None;
                    edit = Some(ScenarioEdit::StartRound(Round {
                        id,
                        number: scenario.group.next_number(),
                        criteria,
                        weights: self.ask_weights,
                        cells: Vec::new(),
                    }));
                }
            }
            RoundAction::Copied(ok) => next.copied = Some(ok),
            RoundAction::Paste(text) => next.pasted = text,
            RoundAction::Reveal => {
                next.pasted = String::new();
                edit = next.take_in(scenario, pieces([&self.pasted], false), fit_names);
            }
            RoundAction::RevealFiles(texts) => {
                edit = next.take_in(scenario, pieces(&texts, true), fit_names);
            }
            RoundAction::HideNames(hide) => {
                // The reveal's lines name people: hiding names clears them.
                if hide {
                    next.said = Said::Nothing;
                }
                next.hide_names = hide;
            }
            RoundAction::OpenCell(cell) => next.open_cell = cell,
            RoundAction::Pick(cell, pick) => {
                next.picks.retain(|(x, _)| *x != cell);
                next.picks.push((cell, pick));
            }
            RoundAction::DefaultPick(pick) => next.default_pick = pick,
            RoundAction::Tick(cell) => {
                let mut ticked = self.flagged(&tally(scenario));
                match ticked.iter().position(|c| *c == cell) {
                    Some(at) => drop(ticked.remove(at)),
                    None => ticked.push(cell),
                }
                next.ticked = Some(ticked);
            }
            RoundAction::Accept if self.confirming => {
                let cells = accepted(&tally(scenario), &self.picks, self.default_pick);
                next.confirming = false;
                next.said = Said::Nothing;
                edit = Some(ScenarioEdit::SetCells(cells));
            }
            RoundAction::Accept => next.confirming = true,
            RoundAction::CancelAccept => next.confirming = false,
            RoundAction::SecondRound(id) => {
                let current = scenario.group.current()?;
                let cells = self.flagged(&tally(scenario));
                if cells.is_empty() {
                    return None;
                }
                next.ticked = None;
                edit = Some(ScenarioEdit::StartRound(Round {
                    id,
                    number: scenario.group.next_number(),
                    criteria: current.criteria.clone(),
                    weights: false,
                    cells,
                }));
            }
            RoundAction::HotSeat => {
                scenario.group.current()?;
                next.hot = Some(HotSeat::default());
            }
            RoundAction::HandIn(ballot) => {
                let hot = next.hot.as_mut()?;
                hot.collected.push(ballot);
                hot.thanks = true;
            }
            RoundAction::NextPerson => {
                let hot = next.hot.as_mut()?;
                hot.thanks = false;
                hot.person += 1;
            }
            RoundAction::EndHotSeat => {
                let hot = next.hot.take()?;
                let handed_in = hot.collected.into_iter().map(Ok).collect();
                edit = next.take_in(scenario, handed_in, fit_names);
            }
            RoundAction::CancelHotSeat => next.hot = None,
        }
        (next != *self || edit.is_some()).then_some((next, edit))
    }

    /// Checks each piece, says what became of it, and returns the edit
    /// that keeps the ballots (none when they stay as they are).
    fn take_in(
        &mut self,
        scenario: &Scenario,
        pieces: Vec<Result<Ballot, BallotError>>,
        fit_names: &[&str; 3],
    ) -> Effect {
        let (ballots, outcomes) = intake_ballots(scenario, pieces, fit_names);
        self.said = Said::Outcomes(outcomes);
        (ballots != scenario.group.ballots).then_some(ScenarioEdit::SetBallots(ballots))
    }
}

/// Every ballot in `texts` (links pasted, or files' texts), each read or
/// refused. A file with none in it (empty, or not readable) is refused too:
/// said, never skipped.
fn pieces<S: AsRef<str>>(
    texts: impl IntoIterator<Item = S>,
    files: bool,
) -> Vec<Result<Ballot, BallotError>> {
    let mut read = Vec::new();
    for text in texts {
        let split = split_ballots(text.as_ref());
        if split.is_empty() && files {
            read.push(Err(BallotError::NotABallot));
        }
        read.extend(split.into_iter().map(read_ballot));
    }
    read
}
