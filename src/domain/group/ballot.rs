//! Group scoring without a server (PRODUCT.md, "Group scoring"): a *round*
//! asks the room to score some criteria; its *ballot link* carries what the
//! room needs to see (never the facilitator's values); each participant's
//! *ballot* comes back as a return link or a file and is checked against the
//! scenario before it counts.
//!
//! Ballot links are `r1.` and return links `b1.`, packed like share links
//! (compact JSON, raw deflate against a preset dictionary, base64url). A
//! ballot file is the same JSON, pretty-printed.

use crate::domain::formats::ballot::{InvitationWire, InvitedCriterion, InvitedOption};
use crate::domain::formats::link::{pack, unpack, LinkError};
use crate::domain::formats::scenario::RoundWire;
use crate::domain::formats::scenario::{BallotWire, InputWire};
use crate::domain::formats::{read, to_pretty, to_text, Refusal};
use crate::domain::model::criterion::{
    Criterion, CriterionInput, Direction, RatioRole, ScoreModel,
};
use crate::domain::model::ids::{OptionId, ScenarioId};
use crate::domain::model::problem::Problem;
use crate::domain::model::rounds::{Ballot, Cell, Item, Round, MAX_BALLOTS};
use crate::domain::model::scenario::{DefaultCriterionNames, Scenario, ScenarioOption};
use crate::domain::model::segment::Segment;
use crate::domain::model::value::{NumberRule, ValueError, Weight};
use std::collections::HashSet;
use std::rc::Rc;
use thiserror::Error;

/// The `format` field of a ballot file.
pub const BALLOT_FORMAT: &str = "kerze-ballot";
/// The `format` field of what a ballot link carries.
pub const ROUND_FORMAT: &str = "kerze-round";
/// Version of the ballot format (files and return links) written by this build.
pub const BALLOT_VERSION: u32 = 1;
/// Version of the round format (ballot links) written by this build: 2
/// says which criteria divide a ratio score; links of version 1 still open.
pub const ROUND_VERSION: u32 = 2;
/// Letter that starts a ballot link's fragment (the round).
pub const ROUND_MARK: char = 'r';
/// Letter that starts a return link's fragment (one person's ballot).
pub const BALLOT_MARK: char = 'b';
/// Longest ballot text read at all (a file or a pasted block of links).
pub const MAX_BALLOT_TEXT: usize = 1024 * 1024;
/// Preset dictionary of the ballot and round links: their keys and skeleton.
const DICTIONARY: &[u8] = concat!(
    r#"{"format":"kerze-round","version":1,"round":{"id":,"number":1,"criteria":["c"#,
    r#""weights":true,"cells":[["o"],"name":"","need":"","root_cause":"","#,
    r#""direction":"higher_is_better","input":{"kind":"rating","min":1,"max":5}}"#,
    r#""lower_is_better","amount","unit":"","segment_fit","options":[{"id":"o1","title":"","description":""}"#,
    r#"{"format":"kerze-ballot","version":1,"round":,"number":1,"participant":"","sent":"#,
    r#","checks":{"o1":,"c1":},"weights":{"c1":},"reasons":{"o1":{"c1":""}},"scores":{"o1":{"c1":,"fit.smb":"#,
    r#","fit.enterprise":,"fit.public_sector":},"o2":{"c1":"#,
)
.as_bytes();

/// What a ballot link shows: the round and the scenario's words, no values.
#[derive(Clone, Debug, PartialEq)]
pub struct Invitation {
    /// The round.
    pub round: Round,
    /// The scenario's name, need, root cause, options (titles and
    /// descriptions only) and the criteria the person sees (no weights).
    pub scenario: Scenario,
}

/// Why a ballot (or a ballot link) cannot be used; each in plain words.
#[derive(Clone, Debug, PartialEq, Error)]
pub enum BallotError {
    /// Neither a return link nor a ballot file.
    #[error("this is not a Kerze ballot")]
    NotABallot,
    /// More than [`MAX_BALLOT_TEXT`].
    #[error("it is larger than 1 MB, far more than any ballot")]
    TooLarge,
    /// The scenario already holds [`MAX_BALLOTS`] people's ballots.
    #[error("the scenario already holds the ballots of 500 people, as many as Kerze keeps")]
    TooManyBallots,
    /// A link that does not open.
    #[error("{0}")]
    Link(LinkError),
    /// Made by a newer Kerze.
    #[error("it was made by a newer version of Kerze (ballot format {0})")]
    FutureVersion(u64),
    /// Not shaped like a ballot.
    #[error("it is damaged ({0})")]
    Shape(String),
    /// For a round this scenario did not start.
    #[error("it belongs to another scenario or to a round this scenario did not start")]
    WrongScenario,
    /// No name.
    #[error("it has no name")]
    NoName,
    /// Scores a criterion the round did not ask.
    #[error("it scores {0}, which the round did not ask")]
    NotAsked(String),
    /// A value off the criterion's scale.
    #[error("its value {value} for {cell} is not allowed ({why})")]
    OffScale {
        /// Which cell, in words.
        cell: String,
        /// The value given.
        value: String,
        /// Why not.
        why: ValueError,
    },
    /// Nothing in it matches an option or criterion of the scenario.
    #[error("it scores nothing this scenario has")]
    Empty,
}

impl From<LinkError> for BallotError {
    fn from(error: LinkError) -> Self {
        match error {
            LinkError::NotAScenario(why) => BallotError::Shape(why),
            LinkError::FutureVersion(v) => BallotError::FutureVersion(u64::from(v)),
            other => BallotError::Link(other),
        }
    }
}

/// A 16-bit check of a text (FNV-1a folded): equal texts, equal checks.
fn check_of(parts: &[&str]) -> u32 {
    let mut hash: u32 = 0x811c_9dc5;
    for part in parts {
        for byte in part.bytes().chain([0]) {
            hash = (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193);
        }
    }
    (hash >> 16) ^ (hash & 0xffff)
}

/// The check of an option's words.
pub fn option_check(option: &ScenarioOption) -> u32 {
    check_of(&[&option.title, &option.description])
}

/// The check of a criterion's name and scale.
pub fn criterion_check(criterion: &Criterion) -> u32 {
    let scale = to_text(&InputWire::from(&criterion.input));
    let direction = to_text(&criterion.effective_direction());
    check_of(&[&criterion.name, &scale, &direction])
}

impl Round {
    /// The items asked, in criterion order: each asked rating or amount
    /// criterion, then the three fit ratings once if a segment-fit criterion is asked.
    pub fn items(&self, scenario: &Scenario) -> Vec<Item> {
        let mut items = Vec::new();
        let mut fit = false;
        for criterion in &scenario.criteria {
            if !self.criteria.contains(&criterion.id) {
                continue;
            }
            match criterion.input {
                CriterionInput::SegmentFit => fit = true,
                _ => items.push(Item::Value(criterion.id)),
            }
        }
        if fit {
            items.extend(Segment::ALL.map(Item::Fit));
        }
        items
    }

    /// Whether the round asks `cell` of the scenario.
    pub fn asks(&self, scenario: &Scenario, cell: Cell) -> bool {
        let asked = match cell.item {
            Item::Value(id) => self.criteria.contains(&id),
            Item::Fit(_) => self.criteria.iter().any(|id| {
                scenario
                    .criterion(*id)
                    .is_some_and(|c| c.input == CriterionInput::SegmentFit)
            }),
        };
        asked && (self.cells.is_empty() || self.cells.contains(&cell))
    }

    /// The options the round asks about, in scenario order.
    pub fn options<'a>(&self, scenario: &'a Scenario) -> Vec<&'a Rc<ScenarioOption>> {
        scenario
            .options
            .iter()
            .filter(|o| self.cells.is_empty() || self.cells.iter().any(|c| c.option == o.id))
            .collect()
    }
}

impl Ballot {
    /// The ballot as a file: its format, version and fields.
    pub fn to_file(&self) -> String {
        let mut wire = BallotWire::from(self);
        wire.format = Some(BALLOT_FORMAT.to_owned());
        wire.version = Some(BALLOT_VERSION);
        to_pretty(&wire)
    }

    /// The return link's fragment.
    pub fn to_link(&self) -> String {
        pack(
            BALLOT_MARK,
            BALLOT_VERSION,
            DICTIONARY,
            &to_text(&BallotWire::from(self)),
        )
    }
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
                    divides: divides(s.model, c),
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
impl Invitation {
    /// The round as the room sees it: `scenario`'s words, the asked criteria
    /// (all criteria's names when weights are asked), no values or weights.
    pub fn new(scenario: &Scenario, round: Round) -> Self {
        let options = round
            .options(scenario)
            .into_iter()
            .map(|o| {
                Rc::new(ScenarioOption {
                    description: o.description.clone(),
                    ..ScenarioOption::titled(o.id, o.title.clone())
                })
            })
            .collect();
        let criteria = scenario
            .criteria
            .iter()
            .filter(|c| round.weights || round.criteria.contains(&c.id))
            .map(|c| Criterion {
                weight: Weight::default(),
                role: shown_role(divides(scenario.model, c)),
                ..c.clone()
            })
            .collect::<Vec<_>>();
        let mut shown = blank(scenario.id.clone());
        shown.name = scenario.name.clone();
        shown.need = scenario.need.clone();
        shown.root_cause = scenario.root_cause.clone();
        shown.model = model_shown(&criteria);
        shown.criteria = criteria;
        shown.options = options;
        Invitation {
            round,
            scenario: shown,
        }
    }

    /// The ballot link's fragment.
    pub fn to_link(&self) -> String {
        let json = to_text(&InvitationWire::from(self));
        pack(ROUND_MARK, ROUND_VERSION, DICTIONARY, &json)
    }

    /// Reads a ballot link's fragment (with or without `#`).
    pub fn from_link(fragment: &str) -> Result<Self, BallotError> {
        let (_, text) = unpack(fragment, ROUND_MARK, ROUND_VERSION, DICTIONARY)?;
        let shape = |refusal: Refusal| BallotError::Shape(refusal.into_shape_error());
        let wire = read::<InvitationWire>(&text, "ballot link").map_err(shape)?;
        let round = Round::from(wire.round);
        let mut scenario = blank(ScenarioId::from_parts(0, 0));
        scenario.name = wire.name;
        scenario.need = wire.need;
        scenario.root_cause = wire.root_cause;
        for (i, c) in wire.criteria.into_iter().enumerate() {
            let place = format!("ballot link.criteria[{i}].input");
            scenario.criteria.push(Criterion {
                id: c.id,
                name: c.name,
                weight: Weight::default(),
                direction: c.direction.unwrap_or(Direction::HigherIsBetter),
                input: c.input.into_input(&place).map_err(shape)?,
                role: shown_role(c.divides),
            });
        }
        scenario.model = model_shown(&scenario.criteria);
        scenario.options = wire
            .options
            .into_iter()
            .map(|o| {
                Rc::new(ScenarioOption {
                    description: o.description,
                    ..ScenarioOption::titled(o.id, o.title)
                })
            })
            .collect();
        let problems: Vec<Problem> = scenario.problems();
        if let Some(problem) = problems.first() {
            return Err(BallotError::Shape(problem.to_string()));
        }
        Ok(Invitation { round, scenario })
    }

    /// The items asked of each option, in order.
    pub fn items(&self) -> Vec<Item> {
        self.round.items(&self.scenario)
    }

    /// The checks a ballot for this invitation carries.
    pub fn checks(&self) -> Vec<(String, u32)> {
        checks_of(&self.scenario, &self.round)
    }
}

/// Whether `criterion`'s values divide the score under `model`: the one
/// thing of the ratio model a participant's form needs (0 is refused there).
fn divides(model: ScoreModel, criterion: &Criterion) -> bool {
    model == ScoreModel::Ratio && criterion.role == RatioRole::Divide
}

/// The role a ballot link shows: divide where the values divide, else add.
fn shown_role(divides: bool) -> RatioRole {
    if divides {
        RatioRole::Divide
    } else {
        RatioRole::Add
    }
}

/// The model a ballot link's scenario checks values by: the ratio model
/// where a criterion divides, else the weighted sum.
fn model_shown(criteria: &[Criterion]) -> ScoreModel {
    if criteria.iter().any(|c| c.role == RatioRole::Divide) {
        ScoreModel::Ratio
    } else {
        ScoreModel::WeightedSum
    }
}

/// A scenario with nothing in it but `id`, to carry a ballot link's words.
fn blank(id: ScenarioId) -> Scenario {
    let mut scenario = Scenario::with_default_criteria(id, String::new(), NO_NAMES);
    scenario.criteria.clear();
    scenario
}

const NO_NAMES: DefaultCriterionNames<'static> = DefaultCriterionNames {
    cost: "",
    cost_unit: "",
    time_to_market: "",
    time_unit: "",
    metric_impact: "",
    segment_fit: "",
};

/// The checks of every option the round asks about and every criterion it
/// asks, as `scenario` has them now.
pub fn checks_of(scenario: &Scenario, round: &Round) -> Vec<(String, u32)> {
    let options = round
        .options(scenario)
        .into_iter()
        .map(|o| (o.id.to_string(), option_check(o)));
    let criteria = scenario
        .criteria
        .iter()
        .filter(|c| round.criteria.contains(&c.id))
        .map(|c| (c.id.to_string(), criterion_check(c)));
    options.chain(criteria).collect()
}

/// The ids of the scenario's options, to look cells up by.
fn option_ids(scenario: &Scenario) -> HashSet<OptionId> {
    scenario.options.iter().map(|o| o.id).collect()
}

/// The rule of `cell`'s value when the scenario has the cell (its option
/// among `options`, its criterion or segment fit); `None` when it does not.
fn rule_of(scenario: &Scenario, options: &HashSet<OptionId>, cell: Cell) -> Option<NumberRule> {
    if options.contains(&cell.option) {
        cell.item.rule(scenario)
    } else {
        None
    }
}

/// The scale a participant's own weights are asked on ("0 to 10").
pub const BALLOT_WEIGHTS: NumberRule = NumberRule::Rating {
    min: 0.0,
    max: 10.0,
};

/// Whether a participant's name says nothing: empty once spaces and the
/// invisible characters (zero-width spaces and joiners, soft hyphens, the
/// byte-order mark) are taken away.
pub fn name_is_blank(name: &str) -> bool {
    name.chars().all(|c| {
        c.is_whitespace()
            || matches!(
                c,
                '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}'
            )
    })
}

/// The ballot format version a ballot's fields name, file or link alike.
fn check_version(version: Option<&serde_json::Value>) -> Result<(), BallotError> {
    match version.and_then(serde_json::Value::as_u64) {
        Some(1) => Ok(()),
        Some(v) if v > 1 => Err(BallotError::FutureVersion(v)),
        _ => Err(BallotError::Shape("version: expected 1".to_owned())),
    }
}

/// What a ballot's text says it is (the rest is checked, not read).
#[derive(serde::Deserialize)]
struct Head {
    format: Option<serde_json::Value>,
    version: Option<serde_json::Value>,
}

/// The ballot in a file's or a link's JSON `text`.
fn ballot_in(text: &str) -> Result<Ballot, BallotError> {
    let shape = |refusal: Refusal| BallotError::Shape(refusal.into_shape_error());
    read::<BallotWire>(text, "ballot")
        .map_err(shape)?
        .into_ballot("ballot")
        .map_err(shape)
}

/// Reads one ballot: a return link (a whole URL or its fragment) or a ballot file.
pub fn read_ballot(text: &str) -> Result<Ballot, BallotError> {
    if text.len() > MAX_BALLOT_TEXT {
        return Err(BallotError::TooLarge);
    }
    let text = text.trim();
    if text.starts_with('{') {
        let head = read::<Head>(text, "")
            .map_err(|refusal| BallotError::Shape(refusal.into_shape_error()))?;
        match head.format.as_ref().and_then(serde_json::Value::as_str) {
            Some(BALLOT_FORMAT) => {}
            _ => return Err(BallotError::NotABallot),
        }
        check_version(head.version.as_ref())?;
        return ballot_in(text);
    }
    let fragment = text.rsplit_once('#').map_or(text, |(_, f)| f);
    if !fragment.starts_with(BALLOT_MARK) {
        return Err(BallotError::NotABallot);
    }
    let (_, text) = unpack(fragment, BALLOT_MARK, BALLOT_VERSION, DICTIONARY)?;
    // A link carries its fields' version too: a newer one is said, not ignored.
    let head = read::<Head>(&text, "")
        .map_err(|refusal| BallotError::Shape(refusal.into_shape_error()))?;
    if head.version.is_some() {
        check_version(head.version.as_ref())?;
    }
    ballot_in(&text)
}

/// Splits pasted text into the links in it (anything separated by spaces or
/// line breaks); a ballot file's text is one piece.
pub fn split_ballots(text: &str) -> Vec<&str> {
    if text.trim_start().starts_with('{') {
        vec![text]
    } else {
        text.split_whitespace().collect()
    }
}

/// A checked ballot: how many of its scores were left out (options or
/// criteria the scenario no longer has) and which cells changed since it was made.
#[derive(Clone, Debug, PartialEq)]
pub struct Checked {
    /// Scores for options or criteria no longer in the scenario.
    pub left_out: usize,
    /// Cells whose option or criterion changed after the person scored.
    pub changed: Vec<Cell>,
}

/// The label of a cell in messages: "SSO: Metric impact".
pub fn cell_label(scenario: &Scenario, cell: Cell, fit_names: &[&str; 3]) -> String {
    let option = scenario
        .options
        .iter()
        .find(|o| o.id == cell.option)
        .map_or_else(|| cell.option.to_string(), |o| o.title.clone());
    let item = match cell.item {
        Item::Value(id) => scenario
            .criterion(id)
            .map_or_else(|| id.to_string(), |c| c.name.clone()),
        Item::Fit(segment) => fit_names[segment as usize].to_owned(),
    };
    format!("{option}: {item}")
}

/// Checks `ballot` against `scenario`: its round, the cells it scores, its
/// values on their scales. Nothing of the scenario changes.
pub fn check_ballot(
    scenario: &Scenario,
    ballot: &Ballot,
    fit_names: &[&str; 3],
) -> Result<Checked, BallotError> {
    let round = scenario
        .group
        .rounds
        .iter()
        .find(|r| r.id == ballot.round)
        .ok_or(BallotError::WrongScenario)?;
    if name_is_blank(&ballot.participant) {
        return Err(BallotError::NoName);
    }
    let checks = checks_of(scenario, round);
    let changed_key = |key: String| {
        ballot
            .checks
            .iter()
            .find(|(k, _)| *k == key)
            .is_some_and(|(_, c)| {
                checks
                    .iter()
                    .find(|(k, _)| *k == key)
                    .is_some_and(|(_, now)| now != c)
            })
    };
    let mut checked = Checked {
        left_out: 0,
        changed: Vec::new(),
    };
    let mut known = 0;
    let options = option_ids(scenario);
    for score in &ballot.scores {
        let cell = score.cell;
        let Some(rule) = rule_of(scenario, &options, cell) else {
            checked.left_out += 1;
            continue;
        };
        if !round.asks(scenario, cell) {
            return Err(BallotError::NotAsked(cell_label(scenario, cell, fit_names)));
        }
        if let Some(value) = score.value {
            rule.check(value).map_err(|why| BallotError::OffScale {
                cell: cell_label(scenario, cell, fit_names),
                value: to_text(&crate::domain::formats::Compact(value)),
                why,
            })?;
        }
        known += 1;
        let criterion_changed = match cell.item {
            Item::Value(id) => changed_key(id.to_string()),
            Item::Fit(_) => false,
        };
        if changed_key(cell.option.to_string()) || criterion_changed {
            checked.changed.push(cell);
        }
    }
    for (id, weight) in &ballot.weights {
        if let Some(criterion) = scenario.criterion(*id) {
            BALLOT_WEIGHTS
                .check(*weight)
                .map_err(|why| BallotError::OffScale {
                    cell: criterion.name.clone(),
                    value: to_text(&crate::domain::formats::Compact(*weight)),
                    why,
                })?;
        }
    }
    if known == 0 && ballot.weights.is_empty() {
        return Err(BallotError::Empty);
    }
    Ok(checked)
}

/// What became of one piece of an intake.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// A new person's ballot.
    Added {
        /// The person.
        participant: String,
        /// Scores left out (see [`Checked`]).
        left_out: usize,
        /// Cells that changed since the person scored.
        changed: usize,
    },
    /// A newer ballot of someone already in: it replaces theirs.
    Replaced(String),
    /// An older (or the same) ballot of someone already in: it does not count.
    Older(String),
    /// Refused, with the reason.
    Refused(BallotError),
}

/// The ballots of `scenario` with the pieces of `texts` added: each piece
/// (a link or a file's text) checked; per person the newest counts.
pub fn intake(
    scenario: &Scenario,
    texts: &[&str],
    fit_names: &[&str; 3],
) -> (Vec<Ballot>, Vec<Outcome>) {
    let read = texts.iter().map(|text| read_ballot(text)).collect();
    intake_ballots(scenario, read, fit_names)
}

/// [`intake`] of ballots already read (hot seat), or why a piece was not.
pub fn intake_ballots(
    scenario: &Scenario,
    pieces: Vec<Result<Ballot, BallotError>>,
    fit_names: &[&str; 3],
) -> (Vec<Ballot>, Vec<Outcome>) {
    let mut ballots = scenario.group.ballots.clone();
    let mut outcomes = Vec::new();
    for piece in pieces {
        let read =
            piece.and_then(|b| check_ballot(scenario, &b, fit_names).map(|checked| (b, checked)));
        let outcome = match read {
            Err(error) => Outcome::Refused(error),
            Ok((mut ballot, checked)) => {
                // Keep only what was counted: scores for options or criteria
                // the scenario lacks are said (left out) and not stored.
                if checked.left_out > 0 {
                    let options = option_ids(scenario);
                    ballot
                        .scores
                        .retain(|s| rule_of(scenario, &options, s.cell).is_some());
                }
                let same = ballots
                    .iter()
                    .position(|b| b.round == ballot.round && b.who() == ballot.who());
                match same {
                    Some(at) if ballots[at].sent >= ballot.sent => {
                        Outcome::Older(ballot.participant.clone())
                    }
                    Some(at) => {
                        let name = ballot.participant.clone();
                        ballots[at] = ballot;
                        Outcome::Replaced(name)
                    }
                    None if ballots.len() >= MAX_BALLOTS => {
                        Outcome::Refused(BallotError::TooManyBallots)
                    }
                    None => {
                        let outcome = Outcome::Added {
                            participant: ballot.participant.clone(),
                            left_out: checked.left_out,
                            changed: checked.changed.len(),
                        };
                        ballots.push(ballot);
                        outcome
                    }
                }
            }
        };
        outcomes.push(outcome);
    }
    (ballots, outcomes)
}
