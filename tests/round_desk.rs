//! The facilitator's desk in the app's state: a round started, ballots
//! revealed, values picked and accepted, a second round, the hot seat —
//! each a pure step of the reducer, its scenario edits one Undo away.

mod support {
    pub mod ballots;
}

use kerze::domain::group::ballot::Outcome;
use kerze::domain::group::tally::{tally, Pick};
use kerze::domain::model::ids::{CriterionId, OptionId, ScenarioId};
use kerze::domain::model::rounds::{Ballot, Cell, Item};
use kerze::domain::model::scenario::Scenario;
use kerze::i18n::Lang;
use kerze::state::{Action, RoundAction, Said, State};
use support::ballots::full_ballot;

const IMPACT: CriterionId = CriterionId::new(3);

fn id(text: &str) -> ScenarioId {
    ScenarioId::parse(text).unwrap()
}

fn open(state: &State) -> &Scenario {
    state.workspace.active_scenario()
}

/// `state` after `action`, which must change something.
fn step(state: &State, action: RoundAction) -> State {
    state
        .reduce(Action::Round(action.clone()))
        .unwrap_or_else(|| panic!("{action:?} changed nothing"))
}

/// The demo with a round started on Metric impact alone.
fn started() -> State {
    let mut state = State::first_run(id("demo"), Lang::En);
    for c in state.round.asked(open(&state)) {
        if c != IMPACT {
            state = step(&state, RoundAction::Ask(c));
        }
    }
    step(&state, RoundAction::Start(77))
}

/// `name`'s ballot: option `i` (0-based) gets `value(i)` for Metric impact.
fn ballot(state: &State, name: &str, value: impl Fn(usize) -> f64) -> Ballot {
    let scenario = open(state);
    let round = scenario.group.current().unwrap();
    full_ballot(scenario, round, name, |i, _, _, _| Some(value(i))).1
}

fn impact_of(option: u32) -> Cell {
    Cell {
        option: OptionId::new(option),
        item: Item::Value(IMPACT),
    }
}

/// The started demo with Anna (1, 2, 3, 4, 5) and Ben (5, 4, 3, 2, 1) revealed.
fn revealed() -> State {
    let state = started();
    let links = [
        ballot(&state, "Anna", |i| i as f64 + 1.0).to_link(),
        ballot(&state, "Ben", |i| 5.0 - i as f64).to_link(),
    ];
    let state = step(&state, RoundAction::Paste(links.join("\n")));
    step(&state, RoundAction::Reveal)
}

fn impact_value(state: &State, option: usize) -> Option<f64> {
    open(state).options[option].values.get(&IMPACT).copied()
}

#[test]
fn a_round_starts_on_the_criteria_ticked_and_one_undo_takes_it_back() {
    let state = started();
    let round = open(&state).group.current().unwrap();
    assert_eq!((round.id, round.number), (77, 1));
    assert_eq!(round.criteria, vec![IMPACT]);
    assert!(!round.weights);
    let undone = state.reduce(Action::Undo).unwrap();
    assert!(open(&undone).group.rounds.is_empty());
}

#[test]
fn with_no_criterion_ticked_no_round_starts_and_the_desk_says_why() {
    let mut state = State::first_run(id("demo"), Lang::En);
    for c in state.round.asked(open(&state)) {
        state = step(&state, RoundAction::Ask(c));
    }
    let before = open(&state).clone();
    let state = step(&state, RoundAction::Start(1));
    assert_eq!(state.round.said, Said::NoneAsked);
    assert_eq!(*open(&state), before);
    assert!(!state.can_undo());
}

#[test]
fn pasted_return_links_are_revealed_each_said_and_the_box_emptied() {
    let state = started();
    let anna = ballot(&state, "Anna", |_| 3.0).to_link();
    let pasted = format!("{anna}\nnot a return link");
    let state = step(&state, RoundAction::Paste(pasted));
    let state = step(&state, RoundAction::Reveal);
    assert_eq!(open(&state).group.ballots.len(), 1);
    assert_eq!(state.round.pasted, "");
    let Said::Outcomes(outcomes) = &state.round.said else {
        panic!("{:?}", state.round.said)
    };
    assert!(matches!(&outcomes[0], Outcome::Added { participant, .. } if participant == "Anna"));
    assert!(matches!(outcomes[1], Outcome::Refused(_)), "{outcomes:?}");
    // The same link again: said to be no newer, the ballots stay as they are.
    let again = step(&state, RoundAction::Paste(anna));
    let again = step(&again, RoundAction::Reveal);
    assert_eq!(open(&again).group.ballots, open(&state).group.ballots);
    assert_eq!(
        again.round.said,
        Said::Outcomes(vec![Outcome::Older("Anna".into())])
    );
    // One Undo takes the reveal back.
    let undone = state.reduce(Action::Undo).unwrap();
    assert!(open(&undone).group.ballots.is_empty());
}

#[test]
fn ballot_files_are_revealed_like_links() {
    let state = started();
    let file = ballot(&state, "Cem", |_| 2.0).to_file();
    let state = step(&state, RoundAction::RevealFiles(vec![file, String::new()]));
    assert_eq!(open(&state).group.ballots[0].participant, "Cem");
    let Said::Outcomes(outcomes) = &state.round.said else {
        panic!("{:?}", state.round.said)
    };
    assert_eq!(outcomes.len(), 2);
    assert!(matches!(outcomes[1], Outcome::Refused(_)));
}

#[test]
fn hiding_names_clears_the_lines_that_name_people() {
    let state = step(&revealed(), RoundAction::HideNames(true));
    assert!(state.round.hide_names);
    assert_eq!(state.round.said, Said::Nothing);
    let shown = step(&state, RoundAction::HideNames(false));
    assert!(!shown.round.hide_names);
}

#[test]
fn accepting_first_shows_then_sets_the_picked_values_in_one_undo_step() {
    let state = revealed();
    let before: Vec<Option<f64>> = (0..5).map(|i| impact_value(&state, i)).collect();
    let state = step(&state, RoundAction::OpenCell(Some(impact_of(1))));
    assert_eq!(state.round.open_cell, Some(impact_of(1)));
    let state = step(&state, RoundAction::Pick(impact_of(1), Pick::Typed(4.5)));
    assert_eq!(state.round.pick_of(impact_of(1)), Pick::Typed(4.5));
    assert_eq!(state.round.pick_of(impact_of(2)), Pick::Median);
    let asked = step(&state, RoundAction::Accept);
    assert!(asked.round.confirming);
    assert_eq!(
        open(&asked),
        open(&state),
        "the first click changes nothing"
    );
    let set = step(&asked, RoundAction::Accept);
    assert!(!set.round.confirming);
    // Option 1 takes the typed value; the others the median of 1..5 and 5..1: 3.
    let after: Vec<Option<f64>> = (0..5).map(|i| impact_value(&set, i)).collect();
    assert_eq!(
        after,
        vec![Some(4.5), Some(3.0), Some(3.0), Some(3.0), Some(3.0)]
    );
    let undone = set.reduce(Action::Undo).unwrap();
    let back: Vec<Option<f64>> = (0..5).map(|i| impact_value(&undone, i)).collect();
    assert_eq!(back, before);
    // Cancel takes the first click back.
    let cancelled = step(&asked, RoundAction::CancelAccept);
    assert!(!cancelled.round.confirming);
}

#[test]
fn the_mean_as_default_sets_every_cell_not_picked() {
    let state = revealed();
    let state = step(&state, RoundAction::DefaultPick(Pick::Mean));
    let state = step(&step(&state, RoundAction::Accept), RoundAction::Accept);
    assert!((0..5).all(|i| impact_value(&state, i) == Some(3.0)));
}

#[test]
fn a_second_round_asks_again_the_cells_ticked_and_only_those() {
    let state = revealed();
    // Ticked at first: the cells of the queue that could change #1.
    let first = state.round.flagged(&tally(open(&state)));
    let expected: Vec<Cell> = tally(open(&state))
        .queue()
        .iter()
        .filter(|c| c.moves_top)
        .map(|c| c.cell)
        .collect();
    assert_eq!(first, expected);
    let cell = (1..=5)
        .map(impact_of)
        .find(|c| !first.contains(c))
        .expect("a cell not ticked");
    let ticked = step(&state, RoundAction::Tick(cell));
    let cells = ticked.round.ticked.clone().unwrap();
    assert_eq!(cells.len(), first.len() + 1);
    assert!(cells.contains(&cell));
    let untick = step(&ticked, RoundAction::Tick(cell));
    assert_eq!(untick.round.ticked.clone().unwrap(), first);
    let second = step(&ticked, RoundAction::SecondRound(78));
    let round = open(&second).group.current().unwrap();
    assert_eq!((round.id, round.number), (78, 2));
    assert_eq!(round.cells, cells);
    assert_eq!(second.round.ticked, None);
    // Nothing ticked: no second round.
    let mut none = ticked;
    for cell in cells {
        none = step(&none, RoundAction::Tick(cell));
    }
    assert_eq!(
        none.reduce(Action::Round(RoundAction::SecondRound(79))),
        None
    );
}

#[test]
fn hot_seat_collects_ballots_in_turn_and_takes_them_in_at_the_end() {
    let state = started();
    let (anna, ben) = (
        ballot(&state, "Anna", |_| 2.0),
        ballot(&state, "Ben", |_| 4.0),
    );
    let state = step(&state, RoundAction::HotSeat);
    let state = step(&state, RoundAction::HandIn(anna));
    let hot = state.round.hot.clone().unwrap();
    assert!(hot.thanks);
    assert_eq!(hot.collected.len(), 1);
    let state = step(&state, RoundAction::NextPerson);
    let hot = state.round.hot.clone().unwrap();
    assert_eq!((hot.thanks, hot.person), (false, 1));
    let state = step(&state, RoundAction::HandIn(ben));
    assert!(
        open(&state).group.ballots.is_empty(),
        "kept only at the end"
    );
    let cancelled = step(&state, RoundAction::CancelHotSeat);
    assert!(cancelled.round.hot.is_none());
    assert!(open(&cancelled).group.ballots.is_empty());
    let ended = step(&state, RoundAction::EndHotSeat);
    assert!(ended.round.hot.is_none());
    let names: Vec<&str> = open(&ended)
        .group
        .ballots
        .iter()
        .map(|b| b.participant.as_str())
        .collect();
    assert_eq!(names, ["Anna", "Ben"]);
}

#[test]
fn the_hot_seat_needs_a_round() {
    let state = State::first_run(id("demo"), Lang::En);
    assert_eq!(state.reduce(Action::Round(RoundAction::HotSeat)), None);
    assert_eq!(state.reduce(Action::Round(RoundAction::NextPerson)), None);
}

#[test]
fn the_desk_belongs_to_the_scenario_it_was_used_on() {
    let state = step(&revealed(), RoundAction::HideNames(true));
    let other = state.reduce(Action::NewScenario(id("other"))).unwrap();
    assert_eq!(*other.round, Default::default());
    let back = other.reduce(Action::SelectScenario(id("demo"))).unwrap();
    assert!(!back.round.hide_names);
}

#[test]
fn a_shared_scenario_on_screen_takes_no_desk_action() {
    let state = revealed();
    let shared = state
        .reduce(Action::OpenShared(
            state.workspace.active_scenario().clone(),
        ))
        .unwrap();
    assert_eq!(
        shared.reduce(Action::Round(RoundAction::HideNames(true))),
        None
    );
}
