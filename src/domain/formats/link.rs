//! Share links: a whole scenario in the URL fragment (after `#`), which browsers
//! never send to a server.
//!
//! A link's fragment is `k1.` followed by the scenario as compact JSON (short
//! keys, options as arrays, ids only where they are not simply the next number),
//! raw-deflate compressed against a fixed preset dictionary and base64url
//! encoded without padding. The dictionary holds the JSON skeleton and the
//! default criterion names, which every scenario repeats; it belongs to format
//! version 1 and never changes.

use crate::domain::formats::compress::{deflate, inflate, InflateError};
use crate::domain::formats::{is_default, read, to_text, Compact};
use crate::domain::model::criterion::{
    Criterion, CriterionInput, Direction, Level, RatioRole, ScoreModel,
};
use crate::domain::model::ids::{CriterionId, LensId, OptionId, ScenarioId};
use crate::domain::model::problem::{Issue, Problem};
use crate::domain::model::scenario::{AnalysisSettings, Scenario, ScenarioOption};
use crate::domain::model::segment::{PerSegment, Segment};
use crate::domain::model::settings::Lens;
use crate::domain::model::settings::WeightMode;
use crate::domain::model::settings::{Budget, ChartSettings, Pin, Role};
use crate::domain::model::value::{Range, Threshold, Weight};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde::de::{self, IgnoredAny, SeqAccess, Visitor};
use serde::ser::SerializeSeq;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::collections::BTreeMap;
use std::fmt;
use std::marker::PhantomData;
use std::rc::Rc;
use thiserror::Error;

/// Letter that starts every Kerze share fragment.
const LINK_MARK: char = 'k';
/// Version of the link format written by this build. Version 2 added value
/// ranges and the weight-sampling mode, version 3 lenses and the matrix's
/// settings, version 4 the ratio model, version 5 the budget, version 6 the
/// options' tracker keys; earlier links read unchanged.
pub const LINK_VERSION: u32 = 6;
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

/// A scenario in a link: short keys, fields at their defaults left out.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct WireScenario {
    /// Saved lenses: `[name, [weights in criterion order…], id?]`.
    #[serde(rename = "L", default, skip_serializing_if = "Vec::is_empty")]
    lenses: Vec<WireLens>,
    /// Matrix role per criterion in order: 0 its default, then value,
    /// effort, neither (trailing defaults dropped).
    #[serde(rename = "R", default, skip_serializing_if = "Vec::is_empty")]
    roles: Vec<u64>,
    /// The id number of the criterion that sizes the matrix's markers.
    #[serde(rename = "b", default, skip_serializing_if = "Option::is_none")]
    bubble: Option<u32>,
    #[serde(rename = "n", default)]
    name: String,
    #[serde(rename = "d", default, skip_serializing_if = "String::is_empty")]
    need: String,
    #[serde(rename = "r", default, skip_serializing_if = "String::is_empty")]
    root_cause: String,
    #[serde(rename = "m")]
    mix: [Compact; 3],
    #[serde(rename = "t", default, skip_serializing_if = "is_default")]
    threshold: Compact,
    #[serde(rename = "c", default)]
    criteria: Vec<WireCriterion>,
    #[serde(rename = "o", default)]
    options: Vec<WireOption>,
    /// Weight sampling: 0 around the weights, 1 keep their order, 2 any.
    #[serde(rename = "s", default, skip_serializing_if = "is_default")]
    sampling: u64,
    /// The model: 0 the weighted sum, 1 ratio (since version 4).
    #[serde(rename = "M", default, skip_serializing_if = "is_default")]
    model: u64,
    /// The budget (since version 5).
    #[serde(rename = "B", default, skip_serializing_if = "Option::is_none")]
    budget: Option<WireBudget>,
}

/// A budget in a link.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct WireBudget {
    /// The id number of its amount criterion.
    #[serde(rename = "c")]
    criterion: u32,
    /// The amount, in the criterion's unit.
    #[serde(rename = "a")]
    amount: Compact,
    /// 1 = options below the line may be chosen too.
    #[serde(rename = "l", default, skip_serializing_if = "is_default")]
    below_line: u64,
    /// Pins as `[option id number, 1 must or 2 never]`.
    #[serde(rename = "p", default, skip_serializing_if = "Vec::is_empty")]
    pins: Vec<(u32, u64)>,
}

/// A criterion in a link.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct WireCriterion {
    /// Only when it is not the previous criterion's id plus one.
    #[serde(rename = "i", default, skip_serializing_if = "Option::is_none")]
    id: Option<u32>,
    #[serde(rename = "n", default)]
    name: String,
    #[serde(rename = "w")]
    weight: Compact,
    /// 1 = lower is better.
    #[serde(rename = "l", default, skip_serializing_if = "is_default")]
    lower: u64,
    /// `r` rating, `a` amount, `f` segment fit.
    #[serde(rename = "k")]
    kind: String,
    #[serde(rename = "u", default, skip_serializing_if = "String::is_empty")]
    unit: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    lo: Option<Compact>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    hi: Option<Compact>,
    /// Rating scale's min when it is not 1.
    #[serde(rename = "a", default, skip_serializing_if = "Option::is_none")]
    min: Option<Compact>,
    /// Rating scale's max when it is not 5.
    #[serde(rename = "b", default, skip_serializing_if = "Option::is_none")]
    max: Option<Compact>,
    /// Role in the ratio model: 0 add, 1 multiply, 2 divide (since version 4).
    #[serde(rename = "o", default, skip_serializing_if = "is_default")]
    role: u64,
    /// Levels as `[label, value]` pairs (kind `v`, since version 4).
    #[serde(rename = "v", default, skip_serializing_if = "Vec::is_empty")]
    levels: Vec<(String, Compact)>,
}

/// A lens in a link: `[name, [weights in criterion order…], id?]`.
struct WireLens {
    name: String,
    weights: Vec<Option<Compact>>,
    id: Option<u32>,
}

/// An option as `[title, [values…], [fit…], id?, description?, [ranges…]?,
/// key?]`: values follow the criteria that take one (not segment fit) in
/// order, trailing gaps dropped; the id is `null` or absent when it is the
/// previous option's id plus one; ranges (`[low, high]` or `null`) follow
/// the values; the tracker's key last (since version 6).
struct WireOption {
    title: String,
    values: Vec<Option<Compact>>,
    fit: Vec<Option<Compact>>,
    id: Option<u32>,
    description: String,
    ranges: Vec<Option<[Compact; 2]>>,
    key: String,
}

fn trimmed<T: PartialEq>(mut cells: Vec<Option<T>>) -> Vec<Option<T>> {
    while cells.last() == Some(&None) {
        cells.pop();
    }
    cells
}

fn compact(cells: impl IntoIterator<Item = Option<f64>>) -> Vec<Option<Compact>> {
    trimmed(cells.into_iter().map(|c| c.map(Compact)).collect())
}

impl Serialize for WireLens {
    fn serialize<S: Serializer>(&self, writer: S) -> Result<S::Ok, S::Error> {
        let mut items = writer.serialize_seq(None)?;
        items.serialize_element(&self.name)?;
        items.serialize_element(&self.weights)?;
        if let Some(id) = self.id {
            items.serialize_element(&id)?;
        }
        items.end()
    }
}

impl Serialize for WireOption {
    fn serialize<S: Serializer>(&self, writer: S) -> Result<S::Ok, S::Error> {
        let extra = if !self.key.is_empty() {
            4
        } else if !self.ranges.is_empty() {
            3
        } else if !self.description.is_empty() {
            2
        } else {
            usize::from(self.id.is_some())
        };
        let mut items = writer.serialize_seq(None)?;
        items.serialize_element(&self.title)?;
        items.serialize_element(&self.values)?;
        items.serialize_element(&self.fit)?;
        if extra > 0 {
            items.serialize_element(&self.id)?;
        }
        if extra > 1 {
            items.serialize_element(&self.description)?;
        }
        if extra > 2 {
            items.serialize_element(&self.ranges)?;
        }
        if extra > 3 {
            items.serialize_element(&self.key)?;
        }
        items.end()
    }
}

/// Reads the items of a list of at most `N` (the first required): each
/// missing trailing item is its default.
struct Items<const N: usize, T>(PhantomData<T>, &'static str);

/// A list shape read item by item.
trait FromItems: Sized {
    fn from_items<'de, A: SeqAccess<'de>>(items: &mut A) -> Result<Option<Self>, A::Error>;
}

impl<'de, const N: usize, T: FromItems> Visitor<'de> for Items<N, T> {
    type Value = T;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(self.1)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut items: A) -> Result<T, A::Error> {
        let value = T::from_items(&mut items)?
            .ok_or_else(|| de::Error::custom(format_args!("expected {}", self.1)))?;
        if items.next_element::<IgnoredAny>()?.is_some() {
            return Err(de::Error::custom(format_args!("expected {}", self.1)));
        }
        Ok(value)
    }
}

/// The next item, or its default when the list has ended.
fn item<'de, A: SeqAccess<'de>, T: Deserialize<'de> + Default>(
    items: &mut A,
) -> Result<T, A::Error> {
    Ok(items.next_element::<T>()?.unwrap_or_default())
}

impl FromItems for WireLens {
    fn from_items<'de, A: SeqAccess<'de>>(items: &mut A) -> Result<Option<Self>, A::Error> {
        let Some(name) = items.next_element::<String>()? else {
            return Ok(None);
        };
        let Some(weights) = items.next_element()? else {
            return Ok(None);
        };
        Ok(Some(WireLens {
            name,
            weights,
            id: item::<A, Option<u32>>(items)?,
        }))
    }
}

impl FromItems for WireOption {
    fn from_items<'de, A: SeqAccess<'de>>(items: &mut A) -> Result<Option<Self>, A::Error> {
        let Some(title) = items.next_element::<String>()? else {
            return Ok(None);
        };
        Ok(Some(WireOption {
            title,
            values: item(items)?,
            fit: item(items)?,
            id: item::<A, Option<u32>>(items)?,
            description: item(items)?,
            ranges: item(items)?,
            key: item(items)?,
        }))
    }
}

impl<'de> Deserialize<'de> for WireLens {
    fn deserialize<D: Deserializer<'de>>(reader: D) -> Result<Self, D::Error> {
        reader.deserialize_seq(Items::<3, Self>(
            PhantomData,
            "a lens as [name, weights, id]",
        ))
    }
}

impl<'de> Deserialize<'de> for WireOption {
    fn deserialize<D: Deserializer<'de>>(reader: D) -> Result<Self, D::Error> {
        let shape = "an option as [title, values, fit, id, description, ranges, key]";
        reader.deserialize_seq(Items::<7, Self>(PhantomData, shape))
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
                weight: Compact(c.weight.value()),
                lower: u64::from(c.direction == Direction::LowerIsBetter),
                kind: String::new(),
                unit: String::new(),
                lo: None,
                hi: None,
                min: None,
                max: None,
                role: RatioRole::ALL
                    .iter()
                    .position(|r| *r == c.role)
                    .unwrap_or(0) as u64,
                levels: Vec::new(),
            };
            match &c.input {
                CriterionInput::Rating { min, max } => {
                    wire.kind = "r".to_owned();
                    wire.min = (*min != 1.0).then_some(Compact(*min));
                    wire.max = (*max != 5.0).then_some(Compact(*max));
                }
                CriterionInput::Amount { unit, lo, hi } => {
                    wire.kind = "a".to_owned();
                    wire.unit = unit.clone();
                    wire.lo = lo.map(Compact);
                    wire.hi = hi.map(Compact);
                }
                CriterionInput::SegmentFit => wire.kind = "f".to_owned(),
                CriterionInput::Levels(levels) => {
                    wire.kind = "v".to_owned();
                    wire.levels = levels
                        .iter()
                        .map(|l| (l.label.clone(), Compact(l.value)))
                        .collect();
                }
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
            values: compact(valued.iter().map(|id| o.values.get(id).copied())),
            fit: compact(Segment::ALL.iter().map(|&s| o.fit.get(s))),
            id: written_id(o.id.number(), &mut previous),
            description: o.description.clone(),
            ranges: trimmed(
                valued
                    .iter()
                    .map(|id| o.ranges.get(id).map(|r| [Compact(r.low), Compact(r.high)]))
                    .collect(),
            ),
            key: o.key.clone(),
        })
        .collect();
    let mix = Segment::ALL.map(|s| Compact(scenario.segment_mix.get(s).value()));
    WireScenario {
        name: scenario.name.clone(),
        need: scenario.need.clone(),
        root_cause: scenario.root_cause.clone(),
        mix,
        threshold: Compact(scenario.threshold.value()),
        criteria,
        options,
        sampling: scenario.analysis.weights.index() as u64,
        model: ScoreModel::ALL
            .iter()
            .position(|m| *m == scenario.model)
            .unwrap_or(0) as u64,
        lenses: {
            let mut previous = 0;
            scenario
                .lenses
                .iter()
                .map(|lens| WireLens {
                    name: lens.name.clone(),
                    weights: compact(
                        scenario
                            .criteria
                            .iter()
                            .map(|c| lens.weights.get(&c.id).map(|w| w.value())),
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
        budget: scenario.budget.as_ref().map(|b| WireBudget {
            criterion: b.criterion.number(),
            amount: Compact(b.amount),
            below_line: u64::from(b.below_line),
            pins: b
                .pins
                .iter()
                .map(|(id, pin)| {
                    (
                        id.number(),
                        1 + Pin::ALL.iter().position(|p| p == pin).unwrap_or(0) as u64,
                    )
                })
                .collect(),
        }),
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
    let mut segment_mix = PerSegment::splat(Weight::default());
    for (segment, value) in Segment::ALL.into_iter().zip(wire.mix) {
        let path = format!("segment_mix.{}", segment.key());
        segment_mix.set(segment, weight(value.0, path, &mut report));
    }
    let threshold = Threshold::new(wire.threshold.0).unwrap_or_else(|e| {
        report("threshold".to_owned(), Issue::Value(e));
        Threshold::default()
    });
    let criteria = criteria_from_wire(wire.criteria, &mut report);
    let options = options_from_wire(wire.options, &criteria, &mut report);
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
    let lenses = lenses_from_wire(wire.lenses, &criteria, &mut report);
    let chart = chart_from_wire(&wire.roles, wire.bubble, &criteria, &mut report);
    let model = usize::try_from(wire.model)
        .ok()
        .and_then(|i| ScoreModel::ALL.get(i).copied())
        .unwrap_or_else(|| {
            report("model".to_owned(), Issue::UnknownInputKind);
            ScoreModel::WeightedSum
        });
    let budget = wire.budget.map(|b| budget_from_wire(b, &mut report));
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
        model,
        budget,
    };
    let problems = scenario.problems();
    if problems.is_empty() {
        Ok(scenario)
    } else {
        Err(problems)
    }
}

/// The budget of a link; its ids and pins are checked, the rest is
/// [`Scenario::problems`]'.
fn budget_from_wire(wire: WireBudget, report: &mut Report<'_>) -> Budget {
    let mut budget = Budget {
        criterion: CriterionId::new(wire.criterion.clamp(1, MAX_ID)),
        amount: wire.amount.0,
        below_line: wire.below_line == 1,
        pins: Default::default(),
    };
    if !(1..=MAX_ID).contains(&wire.criterion) || wire.below_line > 1 {
        report("budget".to_owned(), Issue::BudgetInvalid);
    }
    for (option, code) in wire.pins {
        let pin = usize::try_from(code)
            .ok()
            .and_then(|c| c.checked_sub(1))
            .and_then(|c| Pin::ALL.get(c));
        match pin {
            Some(&pin) if (1..=MAX_ID).contains(&option) => {
                budget.pins.insert(OptionId::new(option), pin);
            }
            _ => report("budget.pins".to_owned(), Issue::BudgetInvalid),
        }
    }
    budget
}

/// The criteria of a link, in order; each one that cannot be read is reported.
fn criteria_from_wire(wire: Vec<WireCriterion>, report: &mut Report<'_>) -> Vec<Criterion> {
    let mut ids = IdReader { previous: 0 };
    let mut criteria = Vec::with_capacity(wire.len());
    for (i, c) in wire.into_iter().enumerate() {
        let at = |field: &str| format!("criteria[{i}].{field}");
        let Some(number) = ids.next(c.id) else {
            report(at("id"), Issue::BadId);
            continue;
        };
        let input = match c.kind.as_str() {
            "r" => CriterionInput::Rating {
                min: c.min.map_or(1.0, |n| n.0),
                max: c.max.map_or(5.0, |n| n.0),
            },
            "a" => CriterionInput::Amount {
                unit: c.unit,
                lo: c.lo.map(|n| n.0),
                hi: c.hi.map(|n| n.0),
            },
            "f" => CriterionInput::SegmentFit,
            "v" => CriterionInput::Levels(
                c.levels
                    .into_iter()
                    .map(|(label, value)| Level {
                        label,
                        value: value.0,
                    })
                    .collect(),
            ),
            _ => {
                report(at("input"), Issue::UnknownInputKind);
                continue;
            }
        };
        let Some(&role) = usize::try_from(c.role)
            .ok()
            .and_then(|i| RatioRole::ALL.get(i))
        else {
            report(at("role"), Issue::UnknownInputKind);
            continue;
        };
        criteria.push(Criterion {
            id: CriterionId::new(number),
            name: c.name,
            weight: weight(c.weight.0, at("weight"), report),
            direction: if c.lower == 0 {
                Direction::HigherIsBetter
            } else {
                Direction::LowerIsBetter
            },
            input,
            role,
        });
    }
    criteria
}

/// The options of a link, their values following `criteria` in order.
fn options_from_wire(
    wire: Vec<WireOption>,
    criteria: &[Criterion],
    report: &mut Report<'_>,
) -> Vec<Rc<ScenarioOption>> {
    let valued = valued_ids(criteria);
    let mut ids = IdReader { previous: 0 };
    let mut options = Vec::with_capacity(wire.len());
    for (i, o) in wire.into_iter().enumerate() {
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
            .filter_map(|(id, r)| {
                r.map(|[low, high]| {
                    let range = Range {
                        low: low.0,
                        high: high.0,
                    };
                    (*id, range)
                })
            })
            .collect();
        let values: BTreeMap<CriterionId, f64> = valued
            .iter()
            .zip(&o.values)
            .filter_map(|(id, v)| v.map(|v| (*id, v.0)))
            .collect();
        let mut fit = PerSegment::default();
        for (segment, value) in Segment::ALL.into_iter().zip(&o.fit) {
            fit.set(segment, value.map(|v| v.0));
        }
        options.push(Rc::new(ScenarioOption {
            id: OptionId::new(number),
            title: o.title,
            description: o.description,
            values,
            fit,
            ranges,
            key: o.key,
        }));
    }
    options
}

/// The saved lenses of a link, their weights following `criteria` in order.
fn lenses_from_wire(
    wire: Vec<WireLens>,
    criteria: &[Criterion],
    report: &mut Report<'_>,
) -> Vec<Lens> {
    let mut ids = IdReader { previous: 0 };
    let mut lenses = Vec::with_capacity(wire.len());
    for (i, lens) in wire.into_iter().enumerate() {
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
                let w = weight(value.0, at(&format!("weights.{}", c.id)), report);
                weights.insert(c.id, w);
            }
        }
        lenses.push(Lens {
            id: LensId::new(number),
            name: lens.name,
            weights,
        });
    }
    lenses
}

/// The matrix's settings of a link: a role per criterion in order, the marker size.
fn chart_from_wire(
    roles: &[u64],
    bubble: Option<u32>,
    criteria: &[Criterion],
    report: &mut Report<'_>,
) -> ChartSettings {
    let mut chart = ChartSettings::default();
    if roles.len() > criteria.len() {
        report("chart.roles".to_owned(), Issue::TooManyValues);
    }
    for (c, &code) in criteria.iter().zip(roles) {
        match code {
            0 => {}
            1..=3 => {
                chart.roles.insert(c.id, Role::ALL[code as usize - 1]);
            }
            _ => report(format!("chart.roles.{}", c.id), Issue::UnknownInputKind),
        }
    }
    if let Some(number) = bubble {
        if number == 0 || number > MAX_ID {
            report("chart.bubble".to_owned(), Issue::BadId);
        } else {
            chart.bubble = Some(CriterionId::new(number));
        }
    }
    chart
}

/// Where the readers of a link's parts report what they cannot read.
type Report<'a> = dyn FnMut(String, Issue) + 'a;

/// `value` as a weight, or 0 with the problem reported at `path`.
fn weight(value: f64, path: String, report: &mut Report<'_>) -> Weight {
    Weight::new(value).unwrap_or_else(|e| {
        report(path, Issue::Value(e));
        Weight::default()
    })
}

/// The compact JSON a link carries (before compression).
pub fn link_json(scenario: &Scenario) -> String {
    to_text(&to_wire(scenario))
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
    let (_, text) = unpack(fragment, LINK_MARK, LINK_VERSION, DICTIONARY_V1)?;
    let wire = read::<WireScenario>(&text, "")
        .map_err(|refusal| LinkError::NotAScenario(refusal.into_shape_error()))?;
    from_wire(wire, id).map_err(LinkError::Invalid)
}

/// Reads a fragment made by [`pack`] with `mark`, of version 1 to `newest`:
/// the version and the JSON text it carries.
pub(crate) fn unpack(
    fragment: &str,
    mark: char,
    newest: u32,
    dictionary: &[u8],
) -> Result<(u32, String), LinkError> {
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
    Ok((version, json))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::demo::demo_scenario;
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
        assert!(link.starts_with("k6."));
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
            decode_link(&link.replacen("k6.", "k7.", 1), id()),
            Err(LinkError::FutureVersion(7))
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
            .apply(crate::domain::model::scenario::ScenarioEdit::RemoveOption(
                second,
            ))
            .unwrap();
        let written: Vec<Option<u32>> = to_wire(&scenario).options.iter().map(|o| o.id).collect();
        assert_eq!(written, [None, Some(3), None, None]);
        assert!(to_wire(&demo()).criteria.iter().all(|c| c.id.is_none()));
        assert_eq!(decode_link(&encode_link(&scenario), id()), Ok(scenario));
    }
}
