//! Group scoring without a server (PRODUCT.md, "Group scoring"): a *round*
//! asks the room to score some criteria; its *ballot link* carries what the
//! room needs to see (never the facilitator's values); each participant's
//! *ballot* comes back as a return link or a file and is checked against the
//! scenario before it counts.
//!
//! Ballot links are `r1.` and return links `b1.`, packed like share links
//! (compact JSON, raw deflate against a preset dictionary, base64url). A
//! ballot file is the same JSON, pretty-printed.

use super::criterion::{Criterion, CriterionInput, Direction};
use super::ids::{CriterionId, OptionId, ScenarioId};
use super::json::{self, object, Fields, Json, ShapeError};
use super::link::{pack, unpack, LinkError};
use super::problem::Problem;
use super::scenario::{DefaultCriterionNames, Scenario, ScenarioOption};
use super::segment::{Segment, FIT_MAX};
use super::value::{NumberRule, ValueError, Weight};
use std::collections::HashSet;
use std::rc::Rc;
use thiserror::Error;

/// The `format` field of a ballot file.
pub const BALLOT_FORMAT: &str = "kerze-ballot";
/// The `format` field of what a ballot link carries.
pub const ROUND_FORMAT: &str = "kerze-round";
/// Version of the ballot and round formats written by this build.
pub const BALLOT_VERSION: u32 = 1;
/// Letter that starts a ballot link's fragment (the round).
pub const ROUND_MARK: char = 'r';
/// Letter that starts a return link's fragment (one person's ballot).
pub const BALLOT_MARK: char = 'b';
/// Longest ballot text read at all (a file or a pasted block of links).
pub const MAX_BALLOT_TEXT: usize = 1024 * 1024;
/// Longest participant name kept.
pub const MAX_NAME: usize = 60;
/// Longest reason kept.
pub const MAX_REASON: usize = 200;
/// Most ballots kept with a scenario.
pub const MAX_BALLOTS: usize = 500;
/// Most rounds kept with a scenario.
pub const MAX_ROUNDS: usize = 50;

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

/// What a participant scores for an option: a criterion's value, or the
/// option's fit rating for one segment (the input of every segment-fit criterion).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Item {
    /// The value on a rating or amount criterion.
    Value(CriterionId),
    /// The fit rating (0–5) for one segment.
    Fit(Segment),
}

impl Item {
    /// The item's key in files: `c3`, `fit.smb`.
    pub fn key(self) -> String {
        match self {
            Item::Value(id) => id.to_string(),
            Item::Fit(segment) => format!("fit.{}", segment.key()),
        }
    }

    /// Reads a key written by [`Item::key`].
    pub fn parse(key: &str) -> Option<Item> {
        match key.strip_prefix("fit.") {
            Some(segment) => Segment::ALL
                .into_iter()
                .find(|s| s.key() == segment)
                .map(Item::Fit),
            None => CriterionId::parse(key).map(Item::Value),
        }
    }

    /// The rule a score of this item follows in `scenario` (`None` when the
    /// criterion is gone or is not scored by value).
    pub fn rule(self, scenario: &Scenario) -> Option<NumberRule> {
        match self {
            Item::Value(id) => scenario.criterion(id)?.input.value_rule(),
            Item::Fit(_) => Some(NumberRule::Rating {
                min: 0.0,
                max: FIT_MAX,
            }),
        }
    }

    /// The value `option` has for this item now.
    pub fn value_of(self, option: &ScenarioOption) -> Option<f64> {
        match self {
            Item::Value(id) => option.values.get(&id).copied(),
            Item::Fit(segment) => option.fit.get(segment),
        }
    }
}

/// One cell of the options × items grid.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Cell {
    /// The option scored.
    pub option: OptionId,
    /// What of it is scored.
    pub item: Item,
}

/// A round of group scoring, kept with the scenario.
#[derive(Clone, Debug, PartialEq)]
pub struct Round {
    /// Identifies the round in its links (random, made at the edge).
    pub id: u32,
    /// 1 for the first round of a scenario, 2 for the next…
    pub number: u32,
    /// The criteria the room scores, in scenario order.
    pub criteria: Vec<CriterionId>,
    /// Whether each person is asked for weights too.
    pub weights: bool,
    /// Only these cells (a later round on the flagged cells); empty: every
    /// option on every asked criterion.
    pub cells: Vec<Cell>,
}

/// One person's answer to one cell.
#[derive(Clone, Debug, PartialEq)]
pub struct Score {
    /// The cell.
    pub cell: Cell,
    /// The value, or `None` for "don't know" (an abstention, never 0).
    pub value: Option<f64>,
    /// An optional one-line reason.
    pub reason: String,
}

/// One person's scores for a round.
#[derive(Clone, Debug, PartialEq)]
pub struct Ballot {
    /// The round's id.
    pub round: u32,
    /// The round's number.
    pub number: u32,
    /// The name or initials the person gave.
    pub participant: String,
    /// When it was sent (milliseconds since 1970): the newest of a person counts.
    pub sent: u64,
    /// The cells scored, "don't know" included.
    pub scores: Vec<Score>,
    /// Weights per criterion, when the round asked for them.
    pub weights: Vec<(CriterionId, f64)>,
    /// A short check of each option's and criterion's text as the person saw
    /// it, to flag cells whose option or criterion changed since.
    pub checks: Vec<(String, u32)>,
}

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
    let scale = Json::from(&criterion.input).to_text();
    let direction = Json::from(criterion.effective_direction()).to_text();
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

impl From<&Round> for Json {
    fn from(round: &Round) -> Json {
        let mut fields = vec![
            ("id".to_owned(), round.id.into()),
            ("number".to_owned(), round.number.into()),
            (
                "criteria".to_owned(),
                Json::Array(round.criteria.iter().map(|&c| c.into()).collect()),
            ),
            ("weights".to_owned(), Json::Bool(round.weights)),
        ];
        if !round.cells.is_empty() {
            let cells = round
                .cells
                .iter()
                .map(|c| Json::Array(vec![c.option.into(), c.item.key().into()]))
                .collect();
            fields.push(("cells".to_owned(), Json::Array(cells)));
        }
        Json::Object(fields)
    }
}

fn small_number(value: &Json, place: &str) -> Result<u32, ShapeError> {
    let n = json::whole(value, place)?;
    u32::try_from(n).map_err(|_| format!("{place}: is too large"))
}

fn item_of(value: &Json, place: &str) -> Result<Item, ShapeError> {
    let key = json::text(value, place)?;
    Item::parse(&key).ok_or_else(|| format!("{place}: \"{key}\" is not a criterion or fit"))
}

fn cell_of(value: &Json, place: &str) -> Result<Cell, ShapeError> {
    match json::list(value, place)? {
        [option, item] => Ok(Cell {
            option: OptionId::from_json(option, place)?,
            item: item_of(item, place)?,
        }),
        _ => Err(format!("{place}: expected [option, criterion]")),
    }
}

impl Round {
    /// Reads a round.
    pub fn from_json(value: &Json, place: &str) -> Result<Self, ShapeError> {
        let known = ["id", "number", "criteria", "weights", "cells"];
        let f = Fields::of(value, place, Some(&known))?;
        Ok(Round {
            id: f.need("id", small_number)?,
            number: f.need("number", small_number)?,
            criteria: f.need("criteria", |v, p| {
                json::list_of(v, p, CriterionId::from_json)
            })?,
            weights: f.or_default("weights", boolean)?,
            cells: f.or_default("cells", |v, p| json::list_of(v, p, cell_of))?,
        })
    }
}

fn boolean(value: &Json, place: &str) -> Result<bool, ShapeError> {
    match value {
        Json::Bool(b) => Ok(*b),
        _ => Err(format!("{place}: expected true or false")),
    }
}

/// Cuts `text` to at most `max` characters, trimmed.
pub(crate) fn clip(text: &str, max: usize) -> String {
    text.trim().chars().take(max).collect()
}

impl From<&Ballot> for Json {
    fn from(ballot: &Ballot) -> Json {
        let mut scores: Vec<(String, Json)> = Vec::new();
        let mut reasons: Vec<(String, Json)> = Vec::new();
        for score in &ballot.scores {
            let option = score.cell.option.to_string();
            let value = score.value.map_or(Json::Null, json::compact_number);
            push_in(&mut scores, &option, score.cell.item.key(), value);
            if !score.reason.is_empty() {
                let reason = score.reason.as_str().into();
                push_in(&mut reasons, &option, score.cell.item.key(), reason);
            }
        }
        let mut fields = vec![
            ("round".to_owned(), ballot.round.into()),
            ("number".to_owned(), ballot.number.into()),
            ("participant".to_owned(), ballot.participant.as_str().into()),
            ("sent".to_owned(), ballot.sent.into()),
            ("scores".to_owned(), Json::Object(scores)),
        ];
        if !reasons.is_empty() {
            fields.push(("reasons".to_owned(), Json::Object(reasons)));
        }
        if !ballot.weights.is_empty() {
            let weights = ballot
                .weights
                .iter()
                .map(|(id, w)| (id.to_string(), json::compact_number(*w)))
                .collect();
            fields.push(("weights".to_owned(), Json::Object(weights)));
        }
        if !ballot.checks.is_empty() {
            let checks = ballot
                .checks
                .iter()
                .map(|(key, check)| (key.clone(), (*check).into()))
                .collect();
            fields.push(("checks".to_owned(), Json::Object(checks)));
        }
        Json::Object(fields)
    }
}

/// Adds `value` under `outer` / `inner` in a two-level object.
fn push_in(object: &mut Vec<(String, Json)>, outer: &str, inner: String, value: Json) {
    if object.last().is_none_or(|(key, _)| key != outer) {
        object.push((outer.to_owned(), Json::Object(Vec::new())));
    }
    if let Some((_, Json::Object(cells))) = object.last_mut() {
        cells.push((inner, value));
    }
}

/// Each `(cell, value)` of a two-level object `{"o1": {"c3": …}}`.
fn cells_in<T>(
    value: &Json,
    place: &str,
    read: json::Read<T>,
) -> Result<Vec<(Cell, T)>, ShapeError> {
    let mut cells = Vec::new();
    for (option_key, row) in objects(value, place)? {
        let at = json::join(place, option_key);
        let option = OptionId::parse(option_key)
            .ok_or_else(|| format!("{at}: is not an option id like \"o1\""))?;
        for (item_key, cell) in objects(row, &at)? {
            let at = json::join(&at, item_key);
            let item =
                Item::parse(item_key).ok_or_else(|| format!("{at}: is not a criterion or fit"))?;
            cells.push((Cell { option, item }, read(cell, &at)?));
        }
    }
    Ok(cells)
}

fn objects<'a>(value: &'a Json, place: &str) -> Result<&'a [(String, Json)], ShapeError> {
    value
        .as_object()
        .ok_or_else(|| format!("{place}: expected an object"))
}

fn maybe_number(value: &Json, place: &str) -> Result<Option<f64>, ShapeError> {
    if value.is_null() {
        Ok(None)
    } else {
        json::number(value, place).map(Some)
    }
}

impl Ballot {
    /// Reads a ballot (the fields after `format` and `version`).
    pub fn from_json(value: &Json, place: &str) -> Result<Self, ShapeError> {
        let known = [
            "format",
            "version",
            "round",
            "number",
            "participant",
            "sent",
            "scores",
            "reasons",
            "weights",
            "checks",
        ];
        let f = Fields::of(value, place, Some(&known))?;
        let values = f.need("scores", |v, p| cells_in(v, p, maybe_number))?;
        let reasons: std::collections::HashMap<Cell, String> = f
            .or_default("reasons", |v, p| cells_in(v, p, json::text))?
            .into_iter()
            .collect();
        let scores = values
            .into_iter()
            .map(|(cell, value)| Score {
                cell,
                value,
                reason: reasons
                    .get(&cell)
                    .map(|r| clip(r, MAX_REASON))
                    .unwrap_or_default(),
            })
            .collect();
        let weights = f.or_default("weights", |v, p| {
            let mut weights = Vec::new();
            for (key, w) in objects(v, p)? {
                let at = json::join(p, key);
                let id = CriterionId::parse(key)
                    .ok_or_else(|| format!("{at}: is not a criterion id like \"c1\""))?;
                weights.push((id, Weight::from_json(w, &at)?.value()));
            }
            Ok(weights)
        })?;
        let checks = f.or_default("checks", |v, p| {
            objects(v, p)?
                .iter()
                .map(|(key, c)| Ok((key.clone(), small_number(c, &json::join(p, key))?)))
                .collect()
        })?;
        Ok(Ballot {
            round: f.need("round", small_number)?,
            number: f.or_default("number", small_number)?,
            participant: clip(&f.need("participant", json::text)?, MAX_NAME),
            sent: f.or_default("sent", json::whole)?,
            scores,
            weights,
            checks,
        })
    }

    /// The ballot as a file: its format, version and fields.
    pub fn to_file(&self) -> String {
        let mut json = Json::from(self);
        if let Json::Object(fields) = &mut json {
            fields.insert(0, ("format".to_owned(), BALLOT_FORMAT.into()));
            fields.insert(1, ("version".to_owned(), BALLOT_VERSION.into()));
        }
        json.to_pretty()
    }

    /// The return link's fragment.
    pub fn to_link(&self) -> String {
        pack(
            BALLOT_MARK,
            BALLOT_VERSION,
            DICTIONARY,
            &Json::from(self).to_text(),
        )
    }

    /// The person's name as compared (case and spaces ignored).
    pub fn who(&self) -> String {
        super::browse::fold(&self.participant)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
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
                    id: o.id,
                    title: o.title.clone(),
                    description: o.description.clone(),
                    values: Default::default(),
                    fit: Default::default(),
                    ranges: Default::default(),
                })
            })
            .collect();
        let criteria = scenario
            .criteria
            .iter()
            .filter(|c| round.weights || round.criteria.contains(&c.id))
            .map(|c| Criterion {
                weight: Weight::default(),
                ..c.clone()
            })
            .collect();
        let mut shown = blank(scenario.id.clone());
        shown.name = scenario.name.clone();
        shown.need = scenario.need.clone();
        shown.root_cause = scenario.root_cause.clone();
        shown.criteria = criteria;
        shown.options = options;
        Invitation {
            round,
            scenario: shown,
        }
    }

    /// The ballot link's fragment.
    pub fn to_link(&self) -> String {
        let s = &self.scenario;
        let criteria = s
            .criteria
            .iter()
            .map(|c| {
                object([
                    ("id", c.id.into()),
                    ("name", c.name.as_str().into()),
                    ("direction", c.direction.into()),
                    ("input", (&c.input).into()),
                ])
            })
            .collect();
        let options = s
            .options
            .iter()
            .map(|o| {
                object([
                    ("id", o.id.into()),
                    ("title", o.title.as_str().into()),
                    ("description", o.description.as_str().into()),
                ])
            })
            .collect();
        let json = object([
            ("round", (&self.round).into()),
            ("name", s.name.as_str().into()),
            ("need", s.need.as_str().into()),
            ("root_cause", s.root_cause.as_str().into()),
            ("criteria", Json::Array(criteria)),
            ("options", Json::Array(options)),
        ]);
        pack(ROUND_MARK, BALLOT_VERSION, DICTIONARY, &json.to_text())
    }

    /// Reads a ballot link's fragment (with or without `#`).
    pub fn from_link(fragment: &str) -> Result<Self, BallotError> {
        let (_, value) = unpack(fragment, ROUND_MARK, BALLOT_VERSION, DICTIONARY)?;
        let known = ["round", "name", "need", "root_cause", "criteria", "options"];
        let read = || -> Result<Invitation, ShapeError> {
            let f = Fields::of(&value, "ballot link", Some(&known))?;
            let criteria = f.need("criteria", |v, p| {
                json::list_of(v, p, |c, at| {
                    let f = Fields::of(c, at, Some(&["id", "name", "direction", "input"]))?;
                    Ok(Criterion {
                        id: f.need("id", CriterionId::from_json)?,
                        name: f.need("name", json::text)?,
                        weight: Weight::default(),
                        direction: f
                            .or_default("direction", |v, p| Direction::from_json(v, p).map(Some))?
                            .unwrap_or(Direction::HigherIsBetter),
                        input: f.need("input", CriterionInput::from_json)?,
                    })
                })
            })?;
            let options = f.need("options", |v, p| {
                json::list_of(v, p, |o, at| {
                    let f = Fields::of(o, at, Some(&["id", "title", "description"]))?;
                    Ok(Rc::new(ScenarioOption {
                        id: f.need("id", OptionId::from_json)?,
                        title: f.need("title", json::text)?,
                        description: f.or_default("description", json::text)?,
                        values: Default::default(),
                        fit: Default::default(),
                        ranges: Default::default(),
                    }))
                })
            })?;
            let mut scenario = blank(ScenarioId::from_parts(0, 0));
            scenario.name = f.or_default("name", json::text)?;
            scenario.need = f.or_default("need", json::text)?;
            scenario.root_cause = f.or_default("root_cause", json::text)?;
            scenario.criteria = criteria;
            scenario.options = options;
            Ok(Invitation {
                round: f.need("round", Round::from_json)?,
                scenario,
            })
        };
        let invitation = read().map_err(BallotError::Shape)?;
        let problems: Vec<Problem> = invitation.scenario.problems();
        if let Some(problem) = problems.first() {
            return Err(BallotError::Shape(problem.to_string()));
        }
        Ok(invitation)
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
fn check_version(value: &Json) -> Result<(), BallotError> {
    match value.get("version").and_then(Json::as_u64) {
        Some(1) => Ok(()),
        Some(v) if v > 1 => Err(BallotError::FutureVersion(v)),
        _ => Err(BallotError::Shape("version: expected 1".to_owned())),
    }
}

/// Reads one ballot: a return link (a whole URL or its fragment) or a ballot file.
pub fn read_ballot(text: &str) -> Result<Ballot, BallotError> {
    if text.len() > MAX_BALLOT_TEXT {
        return Err(BallotError::TooLarge);
    }
    let text = text.trim();
    if text.starts_with('{') {
        let value = json::parse(text).map_err(|e| BallotError::Shape(e.to_string()))?;
        match value.get("format").and_then(Json::as_str) {
            Some(BALLOT_FORMAT) => {}
            _ => return Err(BallotError::NotABallot),
        }
        check_version(&value)?;
        return Ballot::from_json(&value, "ballot").map_err(BallotError::Shape);
    }
    let fragment = text.rsplit_once('#').map_or(text, |(_, f)| f);
    if !fragment.starts_with(BALLOT_MARK) {
        return Err(BallotError::NotABallot);
    }
    let (_, value) = unpack(fragment, BALLOT_MARK, BALLOT_VERSION, DICTIONARY)?;
    // A link carries its fields' version too: a newer one is said, not ignored.
    if value.get("version").is_some() {
        check_version(&value)?;
    }
    Ballot::from_json(&value, "ballot").map_err(BallotError::Shape)
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
                value: json::compact_number(value).to_text(),
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
                    value: json::compact_number(*weight).to_text(),
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

/// The group part of a scenario: its rounds and the ballots brought in.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Group {
    /// Rounds started, oldest first.
    pub rounds: Vec<Round>,
    /// Ballots revealed, in the order they came in.
    pub ballots: Vec<Ballot>,
}

impl Group {
    /// Whether there is nothing to keep.
    pub fn is_empty(&self) -> bool {
        self.rounds.is_empty() && self.ballots.is_empty()
    }

    /// The people who scored, each once whatever the rounds: the index of
    /// each person's first ballot, in the order they first came in.
    pub fn people(&self) -> Vec<usize> {
        let mut seen = HashSet::new();
        (0..self.ballots.len())
            .filter(|&i| seen.insert(self.ballots[i].who()))
            .collect()
    }

    /// The latest round.
    pub fn current(&self) -> Option<&Round> {
        self.rounds.last()
    }

    /// The number the next round gets.
    pub fn next_number(&self) -> u32 {
        self.rounds.iter().map(|r| r.number).max().unwrap_or(0) + 1
    }
}

impl From<&Group> for Json {
    fn from(group: &Group) -> Json {
        object([
            (
                "rounds",
                Json::Array(group.rounds.iter().map(Json::from).collect()),
            ),
            (
                "ballots",
                Json::Array(group.ballots.iter().map(Json::from).collect()),
            ),
        ])
    }
}

impl Group {
    /// Reads the group part of a stored or exported scenario.
    pub fn from_json(value: &Json, place: &str) -> Result<Self, ShapeError> {
        let f = Fields::of(value, place, Some(&["rounds", "ballots"]))?;
        let group = Group {
            rounds: f.or_default("rounds", |v, p| json::list_of(v, p, Round::from_json))?,
            ballots: f.or_default("ballots", |v, p| json::list_of(v, p, Ballot::from_json))?,
        };
        if group.rounds.len() > MAX_ROUNDS || group.ballots.len() > MAX_BALLOTS {
            return Err(format!("{place}: too many rounds or ballots"));
        }
        Ok(group)
    }
}
