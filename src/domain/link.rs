//! Share links: a whole scenario in the URL fragment (after `#`), which browsers
//! never send to a server.
//!
//! A link's fragment is `k1.` followed by the scenario as compact JSON (short
//! keys, options as arrays, ids only where they are not simply the next number),
//! raw-deflate compressed against a fixed preset dictionary and base64url
//! encoded without padding. The dictionary holds the JSON skeleton and the
//! default criterion names, which every scenario repeats; it belongs to format
//! version 1 and never changes.

use super::acceptability::WeightMode;
use super::compress::{deflate, inflate, InflateError};
use super::criterion::{Criterion, CriterionInput, Direction};
use super::ids::{CriterionId, LensId, OptionId, ScenarioId};
use super::json::{self, compact_number, sparse_object, Fields, Json, ShapeError};
use super::lens::Lens;
use super::matrix::{ChartSettings, Role};
use super::problem::{Issue, Problem};
use super::scenario::{AnalysisSettings, Scenario, ScenarioOption};
use super::segment::{PerSegment, Segment};
use super::value::{Range, Threshold, Weight};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use std::collections::BTreeMap;
use std::rc::Rc;
use thiserror::Error;

/// Letter that starts every Kerze share fragment.
const LINK_MARK: char = 'k';
/// Version of the link format written by this build. Version 2 added value
/// ranges and the weight-sampling mode, version 3 lenses and the matrix's
/// settings; earlier links read unchanged.
pub const LINK_VERSION: u32 = 3;
/// Most bytes a link may inflate to: a bigger payload is refused, not unpacked.
pub const MAX_INFLATED: usize = 2 * 1024 * 1024;
/// Longest fragment read at all (characters): far above any real scenario.
pub const MAX_FRAGMENT: usize = 4 * 1024 * 1024;
/// Above this many characters some chat and mail tools cut links.
pub const LONG_LINK: usize = 8_000;
/// Largest id number a file format can carry (`c999999999`).
const MAX_ID: u32 = 999_999_999;

/// Preset dictionary of link format version 1. Strings used most come last:
/// deflate codes near matches in fewer bits.
const DICTIONARY_V1: &[u8] = concat!(
    r#"{"n":"Kosten","w":3,"l":1,"k":"a","u":"Personentage"},{"n":"Time-to-Market","w":2,"l":1,"k":"a","u":"Wochen"},"#,
    r#"{"n":"Wirkung auf Kennzahlen","w":4,"k":"r"},{"n":"Segment-Fit","w":3,"k":"f"}],"#,
    "Risiko Aufwand Vertrauen Strategie Kunden für mit und der die das ",
    "RiskEffortConfidenceStrategic fitReachImpact the for and with of to ",
    "person-daysweeks€Segment fitMetric impactTime to marketCost",
    r#"{"n":"","d":"","r":"","m":[20,60,20],"t":50,"c":[{"n":"Cost","w":3,"l":1,"k":"a","u":"person-days"},"#,
    r#"{"n":"Time to market","w":2,"l":1,"k":"a","u":"weeks"},{"n":"Metric impact","w":4,"k":"r"},"#,
    r#"{"n":"Segment fit","w":3,"k":"f"}],"o":[["",[],[1,2,3,4,5]],[""#,
)
.as_bytes();

/// Why a link could not be opened; each variant is something the recipient can act on.
#[derive(Clone, Debug, PartialEq, Error)]
pub enum LinkError {
    /// The fragment is not a Kerze link at all.
    #[error("this is not a Kerze link")]
    NotALink,
    /// The fragment stops before its content (cut by a chat tool or an editor).
    #[error("the link is incomplete: it was probably cut off when it was copied")]
    Truncated,
    /// Made by a newer Kerze.
    #[error("the link was made by a newer version of Kerze (link format {0})")]
    FutureVersion(u32),
    /// A version that never existed.
    #[error("the link has an unknown format version")]
    UnknownVersion,
    /// The content has characters base64url does not use, or a cut-off last group.
    #[error("the link contains characters that do not belong to a Kerze link")]
    BadCharacters,
    /// The content does not unpack.
    #[error("the link is damaged: its content does not unpack")]
    Damaged,
    /// The content unpacks to more than [`MAX_INFLATED`] bytes.
    #[error("the link unpacks to more than 2 MB, far more than any scenario")]
    TooLarge,
    /// The content unpacks but is not a scenario.
    #[error("the link's content is not a Kerze scenario ({0})")]
    NotAScenario(String),
    /// A participant's return link of group scoring, opened as if it were a scenario.
    #[error("this is a participant's return link, which belongs in a round's reveal")]
    ReturnLink,
    /// The scenario breaks the model's rules.
    #[error("the scenario in the link has invalid values ({})", .0.first().map(ToString::to_string).unwrap_or_default())]
    Invalid(Vec<Problem>),
}

struct WireScenario {
    name: String,
    need: String,
    root_cause: String,
    mix: [f64; 3],
    threshold: f64,
    criteria: Vec<WireCriterion>,
    options: Vec<WireOption>,
    /// Weight sampling: 0 around the weights, 1 keep their order, 2 any.
    sampling: u64,
    /// Saved lenses: `[name, [weights in criterion order…], id?]`.
    lenses: Vec<WireLens>,
    /// Matrix role per criterion in order: 0 its default, then value,
    /// effort, neither (trailing defaults dropped).
    roles: Vec<u64>,
    /// The id number of the criterion that sizes the matrix's markers.
    bubble: Option<u32>,
}

struct WireLens {
    name: String,
    weights: Vec<Option<f64>>,
    id: Option<u32>,
}

impl From<&WireLens> for Json {
    fn from(lens: &WireLens) -> Json {
        let mut items = vec![lens.name.as_str().into(), cells_to_json(&lens.weights)];
        if let Some(id) = lens.id {
            items.push(id.into());
        }
        Json::Array(items)
    }
}

impl WireLens {
    fn from_json(value: &Json, place: &str) -> Result<Self, ShapeError> {
        let items = json::list(value, place)?;
        let at = |i: usize| format!("{place}[{i}]");
        match items {
            [name, weights] | [name, weights, Json::Null] => Ok(WireLens {
                name: json::text(name, &at(0))?,
                weights: cells(weights, &at(1))?,
                id: None,
            }),
            [name, weights, id] => Ok(WireLens {
                name: json::text(name, &at(0))?,
                weights: cells(weights, &at(1))?,
                id: id_number(id, &at(2))?,
            }),
            _ => Err(format!("{place}: expected a lens as [name, weights, id]")),
        }
    }
}

struct WireCriterion {
    /// Only when it is not the previous criterion's id plus one.
    id: Option<u32>,
    name: String,
    weight: f64,
    /// 1 = lower is better.
    lower: u64,
    /// `r` rating, `a` amount, `f` segment fit.
    kind: String,
    unit: String,
    lo: Option<f64>,
    hi: Option<f64>,
    /// Rating scale's min when it is not 1.
    min: Option<f64>,
    /// Rating scale's max when it is not 5.
    max: Option<f64>,
}

/// An option as `[title, [values…], [fit…], id?, description?, [ranges…]?]`:
/// values follow the criteria that take one (not segment fit) in order,
/// trailing gaps dropped; the id is `null` or absent when it is the previous
/// option's id plus one; ranges (`[low, high]` or `null`) follow the values.
struct WireOption {
    title: String,
    values: Vec<Option<f64>>,
    fit: Vec<Option<f64>>,
    id: Option<u32>,
    description: String,
    ranges: Vec<Option<[f64; 2]>>,
}

fn trimmed<T: PartialEq>(mut cells: Vec<Option<T>>) -> Vec<Option<T>> {
    while cells.last() == Some(&None) {
        cells.pop();
    }
    cells
}

/// Numbers or gaps, each written as short as it reads back.
fn cells_to_json(cells: &[Option<f64>]) -> Json {
    Json::Array(
        cells
            .iter()
            .map(|c| c.map_or(Json::Null, compact_number))
            .collect(),
    )
}

fn text_unless_empty(text: &str) -> Option<Json> {
    (!text.is_empty()).then(|| text.into())
}

impl From<&WireScenario> for Json {
    fn from(w: &WireScenario) -> Json {
        let lenses = Json::Array(w.lenses.iter().map(Json::from).collect());
        let roles = Json::Array(w.roles.iter().map(|&r| r.into()).collect());
        sparse_object(vec![
            ("L", (!w.lenses.is_empty()).then_some(lenses)),
            ("R", (!w.roles.is_empty()).then_some(roles)),
            ("b", w.bubble.map(Json::from)),
            ("n", Some(w.name.as_str().into())),
            ("d", text_unless_empty(&w.need)),
            ("r", text_unless_empty(&w.root_cause)),
            ("m", Some(cells_to_json(&w.mix.map(Some)))),
            (
                "t",
                (w.threshold != 0.0).then(|| compact_number(w.threshold)),
            ),
            (
                "c",
                Some(Json::Array(w.criteria.iter().map(Json::from).collect())),
            ),
            (
                "o",
                Some(Json::Array(w.options.iter().map(Json::from).collect())),
            ),
            ("s", (w.sampling != 0).then(|| w.sampling.into())),
        ])
    }
}

impl From<&WireCriterion> for Json {
    fn from(c: &WireCriterion) -> Json {
        let number = |n: Option<f64>| n.map(compact_number);
        sparse_object(vec![
            ("i", c.id.map(Json::from)),
            ("n", Some(c.name.as_str().into())),
            ("w", Some(compact_number(c.weight))),
            ("l", (c.lower != 0).then(|| c.lower.into())),
            ("k", Some(c.kind.as_str().into())),
            ("u", text_unless_empty(&c.unit)),
            ("lo", number(c.lo)),
            ("hi", number(c.hi)),
            ("a", number(c.min)),
            ("b", number(c.max)),
        ])
    }
}

impl From<&WireOption> for Json {
    fn from(o: &WireOption) -> Json {
        let mut items = vec![
            o.title.as_str().into(),
            cells_to_json(&o.values),
            cells_to_json(&o.fit),
        ];
        let extra = if !o.ranges.is_empty() {
            3
        } else if !o.description.is_empty() {
            2
        } else {
            usize::from(o.id.is_some())
        };
        if extra > 0 {
            items.push(o.id.into());
        }
        if extra > 1 {
            items.push(o.description.as_str().into());
        }
        if extra > 2 {
            let ranges = o.ranges.iter().map(|r| match r {
                Some(ends) => cells_to_json(&ends.map(Some)),
                None => Json::Null,
            });
            items.push(Json::Array(ranges.collect()));
        }
        Json::Array(items)
    }
}

/// A number or a gap (`null`).
fn cell(value: &Json, place: &str) -> Result<Option<f64>, ShapeError> {
    if value.is_null() {
        Ok(None)
    } else {
        json::number(value, place).map(Some)
    }
}

fn cells(value: &Json, place: &str) -> Result<Vec<Option<f64>>, ShapeError> {
    json::list_of(value, place, cell)
}

/// Exactly `N` numbers.
fn numbers<const N: usize>(value: &Json, place: &str) -> Result<[f64; N], ShapeError> {
    let items = json::list_of(value, place, json::number)?;
    <[f64; N]>::try_from(items).map_err(|_| format!("{place}: expected {N} numbers"))
}

/// An id number (`null`: the previous one plus one).
fn id_number(value: &Json, place: &str) -> Result<Option<u32>, ShapeError> {
    if value.is_null() {
        return Ok(None);
    }
    let number = json::whole(value, place)?;
    u32::try_from(number)
        .map(Some)
        .map_err(|_| format!("{place}: {number} is out of range"))
}

fn whole_or_zero(f: &Fields, name: &str) -> Result<u64, ShapeError> {
    f.or_default(name, json::whole)
}

impl WireScenario {
    fn from_json(value: &Json) -> Result<Self, ShapeError> {
        let known = ["n", "d", "r", "m", "t", "c", "o", "s", "L", "R", "b"];
        let f = Fields::of(value, "", Some(&known))?;
        Ok(WireScenario {
            name: f.or_default("n", json::text)?,
            need: f.or_default("d", json::text)?,
            root_cause: f.or_default("r", json::text)?,
            mix: f.need("m", numbers::<3>)?,
            threshold: f.or_default("t", json::number)?,
            criteria: f.or_default("c", |v, p| json::list_of(v, p, WireCriterion::from_json))?,
            options: f.or_default("o", |v, p| json::list_of(v, p, WireOption::from_json))?,
            sampling: whole_or_zero(&f, "s")?,
            lenses: f.or_default("L", |v, p| json::list_of(v, p, WireLens::from_json))?,
            roles: f.or_default("R", |v, p| json::list_of(v, p, json::whole))?,
            bubble: f.maybe_read("b", id_number)?.flatten(),
        })
    }
}

impl WireCriterion {
    fn from_json(value: &Json, place: &str) -> Result<Self, ShapeError> {
        let known = ["i", "n", "w", "l", "k", "u", "lo", "hi", "a", "b"];
        let f = Fields::of(value, place, Some(&known))?;
        let number = |name: &str| f.maybe_read(name, json::number);
        Ok(WireCriterion {
            id: f.or_default("i", id_number)?,
            name: f.or_default("n", json::text)?,
            weight: f.need("w", json::number)?,
            lower: whole_or_zero(&f, "l")?,
            kind: f.need("k", json::text)?,
            unit: f.or_default("u", json::text)?,
            lo: number("lo")?,
            hi: number("hi")?,
            min: number("a")?,
            max: number("b")?,
        })
    }
}

impl WireOption {
    fn from_json(value: &Json, place: &str) -> Result<Self, ShapeError> {
        let items = json::list(value, place)?;
        if items.is_empty() || items.len() > 6 {
            return Err(format!(
                "{place}: expected an option as [title, values, fit, id, description, ranges]"
            ));
        }
        let item = |i: usize| items.get(i);
        let at = |i: usize| format!("{place}[{i}]");
        let ranges = |value: &Json, place: &str| {
            json::list_of(value, place, |v, p| {
                if v.is_null() {
                    Ok(None)
                } else {
                    numbers::<2>(v, p).map(Some)
                }
            })
        };
        Ok(WireOption {
            title: json::text(&items[0], &at(0))?,
            values: item(1).map_or(Ok(Vec::new()), |v| cells(v, &at(1)))?,
            fit: item(2).map_or(Ok(Vec::new()), |v| cells(v, &at(2)))?,
            id: item(3).map_or(Ok(None), |v| id_number(v, &at(3)))?,
            description: item(4).map_or(Ok(String::new()), |v| json::text(v, &at(4)))?,
            ranges: item(5).map_or(Ok(Vec::new()), |v| ranges(v, &at(5)))?,
        })
    }
}

/// The criteria that take a value per option (not segment fit), in order:
/// an option's `values` array follows them.
fn valued_ids(criteria: &[Criterion]) -> Vec<CriterionId> {
    criteria
        .iter()
        .filter(|c| c.input.value_rule().is_some())
        .map(|c| c.id)
        .collect()
}

/// The id to write: `None` when it is the previous one plus one.
fn written_id(number: u32, previous: &mut u32) -> Option<u32> {
    let implied = previous.checked_add(1) == Some(number);
    *previous = number;
    (!implied).then_some(number)
}

fn to_wire(scenario: &Scenario) -> WireScenario {
    let mut previous = 0;
    let criteria = scenario
        .criteria
        .iter()
        .map(|c| {
            let mut wire = WireCriterion {
                id: written_id(c.id.number(), &mut previous),
                name: c.name.clone(),
                weight: c.weight.value(),
                lower: u64::from(c.direction == Direction::LowerIsBetter),
                kind: String::new(),
                unit: String::new(),
                lo: None,
                hi: None,
                min: None,
                max: None,
            };
            match &c.input {
                CriterionInput::Rating { min, max } => {
                    wire.kind = "r".to_owned();
                    wire.min = (*min != 1.0).then_some(*min);
                    wire.max = (*max != 5.0).then_some(*max);
                }
                CriterionInput::Amount { unit, lo, hi } => {
                    wire.kind = "a".to_owned();
                    wire.unit = unit.clone();
                    wire.lo = *lo;
                    wire.hi = *hi;
                }
                CriterionInput::SegmentFit => wire.kind = "f".to_owned(),
            }
            wire
        })
        .collect();
    let valued = valued_ids(&scenario.criteria);
    let mut previous = 0;
    let options = scenario
        .options
        .iter()
        .map(|o| WireOption {
            title: o.title.clone(),
            values: trimmed(valued.iter().map(|id| o.values.get(id).copied()).collect()),
            fit: trimmed(Segment::ALL.iter().map(|&s| o.fit.get(s)).collect()),
            id: written_id(o.id.number(), &mut previous),
            description: o.description.clone(),
            ranges: trimmed(
                valued
                    .iter()
                    .map(|id| o.ranges.get(id).map(|r| [r.low, r.high]))
                    .collect(),
            ),
        })
        .collect();
    let mix = Segment::ALL.map(|s| scenario.segment_mix.get(s).value());
    WireScenario {
        name: scenario.name.clone(),
        need: scenario.need.clone(),
        root_cause: scenario.root_cause.clone(),
        mix,
        threshold: scenario.threshold.value(),
        criteria,
        options,
        sampling: scenario.analysis.weights.index() as u64,
        lenses: {
            let mut previous = 0;
            scenario
                .lenses
                .iter()
                .map(|lens| WireLens {
                    name: lens.name.clone(),
                    weights: trimmed(
                        scenario
                            .criteria
                            .iter()
                            .map(|c| lens.weights.get(&c.id).map(|w| w.value()))
                            .collect(),
                    ),
                    id: written_id(lens.id.number(), &mut previous),
                })
                .collect()
        },
        roles: {
            let mut roles: Vec<u64> = scenario
                .criteria
                .iter()
                .map(|c| match scenario.chart.roles.get(&c.id) {
                    None => 0,
                    Some(role) => 1 + Role::ALL.iter().position(|r| r == role).unwrap_or(2) as u64,
                })
                .collect();
            while roles.last() == Some(&0) {
                roles.pop();
            }
            roles
        },
        bubble: scenario.chart.bubble.map(CriterionId::number),
    }
}

/// Reads ids that are written only where they are not the previous one plus one.
struct IdReader {
    previous: u32,
}

impl IdReader {
    fn next(&mut self, written: Option<u32>) -> Option<u32> {
        let number = match written {
            Some(n) => n,
            None => self.previous.checked_add(1)?,
        };
        self.previous = number;
        (1..=MAX_ID).contains(&number).then_some(number)
    }
}

fn from_wire(wire: WireScenario, id: ScenarioId) -> Result<Scenario, Vec<Problem>> {
    let mut problems = Vec::new();
    let mut report = |path: String, issue: Issue| problems.push(Problem::new(path, issue));
    let weight = |value: f64, path: String, report: &mut dyn FnMut(String, Issue)| {
        Weight::new(value).unwrap_or_else(|e| {
            report(path, Issue::Value(e));
            Weight::default()
        })
    };
    let mut segment_mix = PerSegment::splat(Weight::default());
    for (segment, value) in Segment::ALL.into_iter().zip(wire.mix) {
        let path = format!("segment_mix.{}", segment.key());
        segment_mix.set(segment, weight(value, path, &mut report));
    }
    let threshold = Threshold::new(wire.threshold).unwrap_or_else(|e| {
        report("threshold".to_owned(), Issue::Value(e));
        Threshold::default()
    });
    let mut ids = IdReader { previous: 0 };
    let mut criteria = Vec::with_capacity(wire.criteria.len());
    for (i, c) in wire.criteria.into_iter().enumerate() {
        let at = |field: &str| format!("criteria[{i}].{field}");
        let Some(number) = ids.next(c.id) else {
            report(at("id"), Issue::BadId);
            continue;
        };
        let input = match c.kind.as_str() {
            "r" => CriterionInput::Rating {
                min: c.min.unwrap_or(1.0),
                max: c.max.unwrap_or(5.0),
            },
            "a" => CriterionInput::Amount {
                unit: c.unit,
                lo: c.lo,
                hi: c.hi,
            },
            "f" => CriterionInput::SegmentFit,
            _ => {
                report(at("input"), Issue::UnknownInputKind);
                continue;
            }
        };
        criteria.push(Criterion {
            id: CriterionId::new(number),
            name: c.name,
            weight: weight(c.weight, at("weight"), &mut report),
            direction: if c.lower == 0 {
                Direction::HigherIsBetter
            } else {
                Direction::LowerIsBetter
            },
            input,
        });
    }
    let valued = valued_ids(&criteria);
    let mut ids = IdReader { previous: 0 };
    let mut options = Vec::with_capacity(wire.options.len());
    for (i, o) in wire.options.into_iter().enumerate() {
        let at = |field: &str| format!("options[{i}].{field}");
        let Some(number) = ids.next(o.id) else {
            report(at("id"), Issue::BadId);
            continue;
        };
        if o.values.len() > valued.len() {
            report(at("values"), Issue::TooManyValues);
        }
        if o.fit.len() > Segment::ALL.len() {
            report(at("fit"), Issue::TooManyFits);
        }
        if o.ranges.len() > valued.len() {
            report(at("ranges"), Issue::TooManyValues);
        }
        let ranges: BTreeMap<CriterionId, Range> = valued
            .iter()
            .zip(&o.ranges)
            .filter_map(|(id, r)| r.map(|[low, high]| (*id, Range { low, high })))
            .collect();
        let values: BTreeMap<CriterionId, f64> = valued
            .iter()
            .zip(&o.values)
            .filter_map(|(id, v)| v.map(|v| (*id, v)))
            .collect();
        let mut fit = PerSegment::default();
        for (segment, value) in Segment::ALL.into_iter().zip(&o.fit) {
            fit.set(segment, *value);
        }
        options.push(Rc::new(ScenarioOption {
            id: OptionId::new(number),
            title: o.title,
            description: o.description,
            values,
            fit,
            ranges,
        }));
    }
    let weights = match usize::try_from(wire.sampling)
        .ok()
        .and_then(|i| WeightMode::ALL.get(i))
    {
        Some(&mode) => mode,
        None => {
            report("analysis.weights".to_owned(), Issue::UnknownInputKind);
            WeightMode::Around
        }
    };
    let mut ids = IdReader { previous: 0 };
    let mut lenses = Vec::with_capacity(wire.lenses.len());
    for (i, lens) in wire.lenses.into_iter().enumerate() {
        let at = |field: &str| format!("lenses[{i}].{field}");
        let Some(number) = ids.next(lens.id) else {
            report(at("id"), Issue::BadId);
            continue;
        };
        if lens.weights.len() > criteria.len() {
            report(at("weights"), Issue::TooManyValues);
        }
        let mut weights = BTreeMap::new();
        for (c, value) in criteria.iter().zip(&lens.weights) {
            if let Some(value) = value {
                let w = weight(*value, at(&format!("weights.{}", c.id)), &mut report);
                weights.insert(c.id, w);
            }
        }
        lenses.push(Lens {
            id: LensId::new(number),
            name: lens.name,
            weights,
        });
    }
    let mut chart = ChartSettings::default();
    if wire.roles.len() > criteria.len() {
        report("chart.roles".to_owned(), Issue::TooManyValues);
    }
    for (c, &code) in criteria.iter().zip(&wire.roles) {
        match code {
            0 => {}
            1..=3 => {
                chart.roles.insert(c.id, Role::ALL[code as usize - 1]);
            }
            _ => report(format!("chart.roles.{}", c.id), Issue::UnknownInputKind),
        }
    }
    if let Some(number) = wire.bubble {
        if number == 0 || number > MAX_ID {
            report("chart.bubble".to_owned(), Issue::BadId);
        } else {
            chart.bubble = Some(CriterionId::new(number));
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let scenario = Scenario {
        id,
        name: wire.name,
        need: wire.need,
        root_cause: wire.root_cause,
        segment_mix,
        threshold,
        criteria,
        options,
        analysis: AnalysisSettings { weights },
        lenses,
        chart,
        group: Default::default(),
    };
    let problems = scenario.problems();
    if problems.is_empty() {
        Ok(scenario)
    } else {
        Err(problems)
    }
}

/// The compact JSON a link carries (before compression).
pub fn link_json(scenario: &Scenario) -> String {
    Json::from(&to_wire(scenario)).to_text()
}

/// The fragment for any compact JSON text (what [`encode_link`] does after
/// [`link_json`]); for tests of the decoder and for tools.
pub fn link_from_json(json: &str) -> String {
    pack(LINK_MARK, LINK_VERSION, DICTIONARY_V1, json)
}

/// A fragment `{mark}{version}.` and `json`, raw-deflated against
/// `dictionary` and base64url encoded: the scheme of every Kerze link.
pub fn pack(mark: char, version: u32, dictionary: &[u8], json: &str) -> String {
    let packed = deflate(dictionary, json.as_bytes());
    format!("{mark}{version}.{}", URL_SAFE_NO_PAD.encode(packed))
}

/// The fragment (without `#`) that carries `scenario`: `k1.` and the payload.
pub fn encode_link(scenario: &Scenario) -> String {
    link_from_json(&link_json(scenario))
}

/// Whether a fragment (with or without `#`) is meant as a Kerze link; an
/// empty fragment is not, and is no error either.
pub fn is_link(fragment: &str) -> bool {
    !fragment.trim_start_matches('#').is_empty()
}

/// Reads a link's fragment (with or without the leading `#`); the scenario gets `id`.
pub fn decode_link(fragment: &str, id: ScenarioId) -> Result<Scenario, LinkError> {
    let bare = fragment.trim_start_matches('#').as_bytes();
    if bare.len() > 1 && bare[0] == b'b' && bare[1].is_ascii_digit() {
        return Err(LinkError::ReturnLink);
    }
    let (_, value) = unpack(fragment, LINK_MARK, LINK_VERSION, DICTIONARY_V1)?;
    let wire = WireScenario::from_json(&value).map_err(LinkError::NotAScenario)?;
    from_wire(wire, id).map_err(LinkError::Invalid)
}

/// Reads a fragment made by [`pack`] with `mark`, of version 1 to `newest`:
/// the version and the JSON it carries.
pub(crate) fn unpack(
    fragment: &str,
    mark: char,
    newest: u32,
    dictionary: &[u8],
) -> Result<(u32, Json), LinkError> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment).trim();
    if fragment.len() > MAX_FRAGMENT {
        return Err(LinkError::TooLarge);
    }
    let Some(rest) = fragment.strip_prefix(mark) else {
        return Err(LinkError::NotALink);
    };
    let digits_end = rest
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(rest.len());
    let (digits, rest) = rest.split_at(digits_end);
    let Some(payload) = rest.strip_prefix('.') else {
        return Err(if rest.is_empty() {
            LinkError::Truncated
        } else {
            LinkError::NotALink
        });
    };
    if digits.is_empty() {
        return Err(LinkError::NotALink);
    }
    let version = match digits.parse::<u32>() {
        Ok(v) if (1..=newest).contains(&v) => v,
        Ok(v) if v > newest => return Err(LinkError::FutureVersion(v)),
        Err(_) => return Err(LinkError::FutureVersion(u32::MAX)),
        Ok(_) => return Err(LinkError::UnknownVersion),
    };
    if payload.is_empty() {
        return Err(LinkError::Truncated);
    }
    let packed = URL_SAFE_NO_PAD
        .decode(payload)
        .map_err(|_| LinkError::BadCharacters)?;
    let json = inflate(dictionary, &packed, MAX_INFLATED).map_err(|e| match e {
        InflateError::TooLarge => LinkError::TooLarge,
        InflateError::Damaged => LinkError::Damaged,
    })?;
    let json = String::from_utf8(json)
        .map_err(|_| LinkError::NotAScenario("it is not UTF-8 text".to_owned()))?;
    let value = json::parse(&json).map_err(|e| {
        LinkError::NotAScenario(if e.is_eof() {
            "it stops in the middle".to_owned()
        } else {
            e.to_string()
        })
    })?;
    Ok((version, value))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::demo::demo_scenario;
    use crate::i18n::Lang;

    fn id() -> ScenarioId {
        ScenarioId::from_parts(1, 2)
    }

    fn demo() -> Scenario {
        demo_scenario(id(), &Lang::En.texts().demo)
    }

    #[test]
    fn the_demo_round_trips() {
        let link = encode_link(&demo());
        assert!(link.starts_with("k3."));
        assert_eq!(decode_link(&link, id()), Ok(demo()));
        assert_eq!(decode_link(&format!("#{link}"), id()), Ok(demo()));
    }

    #[test]
    fn whole_numbers_have_no_fraction() {
        let json = link_json(&demo());
        assert!(json.contains(r#""m":[20,60,20]"#), "{json}");
        assert!(!json.contains(".0"), "{json}");
    }

    #[test]
    fn bad_prefixes_say_what_is_wrong() {
        let link = encode_link(&demo());
        assert_eq!(decode_link("hello", id()), Err(LinkError::NotALink));
        assert_eq!(decode_link("k", id()), Err(LinkError::Truncated));
        assert_eq!(decode_link("k1", id()), Err(LinkError::Truncated));
        assert_eq!(decode_link("k1.", id()), Err(LinkError::Truncated));
        assert_eq!(decode_link("k.abc", id()), Err(LinkError::NotALink));
        assert_eq!(decode_link("k0.abc", id()), Err(LinkError::UnknownVersion));
        assert_eq!(
            decode_link(&link.replacen("k3.", "k4.", 1), id()),
            Err(LinkError::FutureVersion(4))
        );
        assert_eq!(
            decode_link("k99999999999.abc", id()),
            Err(LinkError::FutureVersion(u32::MAX))
        );
        assert_eq!(
            decode_link(&link.replacen('A', "*", 1), id()),
            Err(LinkError::BadCharacters)
        );
        let cut = &link[..link.len() / 2];
        assert!(matches!(
            decode_link(cut, id()),
            Err(LinkError::Damaged | LinkError::BadCharacters | LinkError::NotAScenario(_))
        ));
    }

    fn pack(json: &str) -> String {
        link_from_json(json)
    }

    #[test]
    fn a_decompression_bomb_is_refused() {
        let bomb = " ".repeat(MAX_INFLATED + 10);
        let link = pack(&bomb);
        assert!(link.len() < 10_000, "{}", link.len());
        assert_eq!(decode_link(&link, id()), Err(LinkError::TooLarge));
    }

    #[test]
    fn content_that_is_not_a_valid_scenario_is_named() {
        assert!(matches!(
            decode_link(&pack("[1,2,3]"), id()),
            Err(LinkError::NotAScenario(_))
        ));
        assert!(matches!(
            decode_link(&pack(r#"{"m":[1,1,1],"x":1}"#), id()),
            Err(LinkError::NotAScenario(_))
        ));
        let absurd =
            r#"{"n":"A","m":[1,1,1e300],"c":[{"n":"C","w":-4,"k":"a"}],"o":[["T",[1e200]]]}"#;
        let Err(LinkError::Invalid(problems)) = decode_link(&pack(absurd), id()) else {
            panic!("absurd numbers must be refused");
        };
        let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(
            paths,
            ["segment_mix.public_sector", "criteria[0].weight"],
            "{problems:?}"
        );
        let Err(LinkError::Invalid(problems)) = decode_link(
            &pack(r#"{"m":[1,1,1],"c":[{"n":"C","w":1,"k":"a"}],"o":[["T",[1e200]]]}"#),
            id(),
        ) else {
            panic!("an absurd amount must be refused");
        };
        assert_eq!(problems[0].path, "options[0].values.c1");
        assert!(matches!(
            decode_link(&pack(r#"{"m":[1,1,1],"c":[{"i":0,"w":1,"k":"a"}]}"#), id()),
            Err(LinkError::Invalid(_))
        ));
        assert!(matches!(
            decode_link(&pack(r#"{"m":[1,1,1],"c":[{"w":1,"k":"z"}]}"#), id()),
            Err(LinkError::Invalid(_))
        ));
    }

    #[test]
    fn ids_are_written_only_where_they_jump() {
        let mut scenario = demo();
        let second = scenario.options[1].id;
        scenario
            .apply(crate::domain::scenario::ScenarioEdit::RemoveOption(second))
            .unwrap();
        let written: Vec<Option<u32>> = to_wire(&scenario).options.iter().map(|o| o.id).collect();
        assert_eq!(written, [None, Some(3), None, None]);
        assert!(to_wire(&demo()).criteria.iter().all(|c| c.id.is_none()));
        assert_eq!(decode_link(&encode_link(&scenario), id()), Ok(scenario));
    }
}
