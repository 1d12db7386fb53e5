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
use super::criterion::{Criterion, CriterionInput, Direction};
use super::deflate::{deflate, inflate, InflateError};
use super::id_map::IdMap;
use super::ids::{CriterionId, OptionId, ScenarioId};
use super::problem::{Issue, Problem};
use super::scenario::{AnalysisSettings, Scenario, ScenarioOption};
use super::segment::{PerSegment, Segment};
use super::value::{Exact, Range, Threshold, Weight};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde::de::{self, SeqAccess, Visitor};
use serde::ser::SerializeSeq;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::rc::Rc;
use thiserror::Error;

/// Letter that starts every Kerze share fragment.
const LINK_MARK: char = 'k';
/// Version of the link format written by this build. Version 2 added value
/// ranges and the weight-sampling mode; version 1 links read unchanged.
pub const LINK_VERSION: u32 = 2;
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
    /// The scenario breaks the model's rules.
    #[error("the scenario in the link has invalid values ({})", .0.first().map(ToString::to_string).unwrap_or_default())]
    Invalid(Vec<Problem>),
}

/// A number written without a fraction when it has none (`5`, not `5.0`),
/// read exactly.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct Num(f64);

impl<'de> Deserialize<'de> for Num {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Exact::deserialize(deserializer).map(|e| Num(e.0))
    }
}

impl Serialize for Num {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53
        if self.0.fract() == 0.0 && self.0.abs() < EXACT {
            // Exact: the value is a whole number well inside i64.
            serializer.serialize_i64(self.0 as i64)
        } else {
            serializer.serialize_f64(self.0)
        }
    }
}

fn is_zero(n: &Num) -> bool {
    n.0 == 0.0
}

fn is_false(flag: &u8) -> bool {
    *flag == 0
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct WireScenario {
    #[serde(rename = "n", default)]
    name: String,
    #[serde(rename = "d", default, skip_serializing_if = "String::is_empty")]
    need: String,
    #[serde(rename = "r", default, skip_serializing_if = "String::is_empty")]
    root_cause: String,
    #[serde(rename = "m")]
    mix: [Num; 3],
    #[serde(rename = "t", default, skip_serializing_if = "is_zero")]
    threshold: Num,
    #[serde(rename = "c", default)]
    criteria: Vec<WireCriterion>,
    #[serde(rename = "o", default)]
    options: Vec<WireOption>,
    /// Weight sampling: 0 around the weights, 1 keep their order, 2 any.
    #[serde(rename = "s", default, skip_serializing_if = "is_false")]
    sampling: u8,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct WireCriterion {
    /// Only when it is not the previous criterion's id plus one.
    #[serde(rename = "i", default, skip_serializing_if = "Option::is_none")]
    id: Option<u32>,
    #[serde(rename = "n", default)]
    name: String,
    #[serde(rename = "w")]
    weight: Num,
    /// 1 = lower is better.
    #[serde(rename = "l", default, skip_serializing_if = "is_false")]
    lower: u8,
    /// `r` rating, `a` amount, `f` segment fit.
    #[serde(rename = "k")]
    kind: String,
    #[serde(rename = "u", default, skip_serializing_if = "String::is_empty")]
    unit: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    lo: Option<Num>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    hi: Option<Num>,
    /// Rating scale's min when it is not 1.
    #[serde(rename = "a", default, skip_serializing_if = "Option::is_none")]
    min: Option<Num>,
    /// Rating scale's max when it is not 5.
    #[serde(rename = "b", default, skip_serializing_if = "Option::is_none")]
    max: Option<Num>,
}

/// An option as `[title, [values…], [fit…], id?, description?, [ranges…]?]`:
/// values follow the criteria that take one (not segment fit) in order,
/// trailing gaps dropped; the id is `null` or absent when it is the previous
/// option's id plus one; ranges (`[low, high]` or `null`) follow the values.
struct WireOption {
    title: String,
    values: Vec<Option<Num>>,
    fit: Vec<Option<Num>>,
    id: Option<u32>,
    description: String,
    ranges: Vec<Option<[Num; 2]>>,
}

fn trimmed(mut cells: Vec<Option<Num>>) -> Vec<Option<Num>> {
    while cells.last() == Some(&None) {
        cells.pop();
    }
    cells
}

impl Serialize for WireOption {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let extra = if !self.ranges.is_empty() {
            3
        } else if !self.description.is_empty() {
            2
        } else if self.id.is_some() {
            1
        } else {
            0
        };
        let mut seq = serializer.serialize_seq(Some(3 + extra))?;
        seq.serialize_element(&self.title)?;
        seq.serialize_element(&self.values)?;
        seq.serialize_element(&self.fit)?;
        if extra > 0 {
            seq.serialize_element(&self.id)?;
        }
        if extra > 1 {
            seq.serialize_element(&self.description)?;
        }
        if extra > 2 {
            seq.serialize_element(&self.ranges)?;
        }
        seq.end()
    }
}

impl<'de> Deserialize<'de> for WireOption {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct OptionVisitor;
        impl<'de> Visitor<'de> for OptionVisitor {
            type Value = WireOption;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an option as [title, values, fit, id, description, ranges]")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<WireOption, A::Error> {
                let title = seq
                    .next_element()?
                    .ok_or_else(|| de::Error::invalid_length(0, &self))?;
                let values = seq.next_element()?.unwrap_or_default();
                let fit = seq.next_element()?.unwrap_or_default();
                let id = seq.next_element::<Option<u32>>()?.flatten();
                let description = seq.next_element()?.unwrap_or_default();
                let ranges = seq.next_element()?.unwrap_or_default();
                if seq.next_element::<de::IgnoredAny>()?.is_some() {
                    return Err(de::Error::invalid_length(7, &self));
                }
                Ok(WireOption {
                    title,
                    values,
                    fit,
                    id,
                    description,
                    ranges,
                })
            }
        }
        deserializer.deserialize_seq(OptionVisitor)
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
                weight: Num(c.weight.value()),
                lower: u8::from(c.direction == Direction::LowerIsBetter),
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
                    wire.min = (*min != 1.0).then_some(Num(*min));
                    wire.max = (*max != 5.0).then_some(Num(*max));
                }
                CriterionInput::Amount { unit, lo, hi } => {
                    wire.kind = "a".to_owned();
                    wire.unit = unit.clone();
                    wire.lo = lo.map(Num);
                    wire.hi = hi.map(Num);
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
            values: trimmed(
                valued
                    .iter()
                    .map(|id| o.values.get(id).copied().map(Num))
                    .collect(),
            ),
            fit: trimmed(
                Segment::ALL
                    .iter()
                    .map(|&s| o.fit.get(s).map(Num))
                    .collect(),
            ),
            id: written_id(o.id.number(), &mut previous),
            description: o.description.clone(),
            ranges: {
                let mut ranges: Vec<Option<[Num; 2]>> = valued
                    .iter()
                    .map(|id| o.ranges.get(id).map(|r| [Num(r.low), Num(r.high)]))
                    .collect();
                while ranges.last() == Some(&None) {
                    ranges.pop();
                }
                ranges
            },
        })
        .collect();
    let mix = Segment::ALL.map(|s| Num(scenario.segment_mix.get(s).value()));
    WireScenario {
        name: scenario.name.clone(),
        need: scenario.need.clone(),
        root_cause: scenario.root_cause.clone(),
        mix,
        threshold: Num(scenario.threshold.value()),
        criteria,
        options,
        sampling: match scenario.analysis.weights {
            WeightMode::Around => 0,
            WeightMode::KeepOrder => 1,
            WeightMode::Any => 2,
        },
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
    let weight = |value: Num, path: String, report: &mut dyn FnMut(String, Issue)| {
        Weight::new(value.0).unwrap_or_else(|e| {
            report(path, Issue::Value(e));
            Weight::default()
        })
    };
    let mut segment_mix = PerSegment::splat(Weight::default());
    for (segment, value) in Segment::ALL.into_iter().zip(wire.mix) {
        let path = format!("segment_mix.{}", segment.key());
        segment_mix.set(segment, weight(value, path, &mut report));
    }
    let threshold = Threshold::new(wire.threshold.0).unwrap_or_else(|e| {
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
                min: c.min.map_or(1.0, |n| n.0),
                max: c.max.map_or(5.0, |n| n.0),
            },
            "a" => CriterionInput::Amount {
                unit: c.unit,
                lo: c.lo.map(|n| n.0),
                hi: c.hi.map(|n| n.0),
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
        let ranges: IdMap<CriterionId, Range> = valued
            .iter()
            .zip(&o.ranges)
            .filter_map(|(id, r)| {
                r.map(|[low, high]| {
                    (
                        *id,
                        Range {
                            low: low.0,
                            high: high.0,
                        },
                    )
                })
            })
            .collect();
        let values: IdMap<CriterionId, f64> = valued
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
        }));
    }
    let weights = match wire.sampling {
        0 => WeightMode::Around,
        1 => WeightMode::KeepOrder,
        2 => WeightMode::Any,
        _ => {
            report("analysis.weights".to_owned(), Issue::UnknownInputKind);
            WeightMode::Around
        }
    };
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
    // Serialising plain data with string keys cannot fail.
    serde_json::to_string(&to_wire(scenario)).unwrap_or_default()
}

fn deflate_with_dictionary(data: &[u8]) -> Vec<u8> {
    deflate(DICTIONARY_V1, data)
}

fn inflate_with_dictionary(data: &[u8]) -> Result<Vec<u8>, LinkError> {
    inflate(DICTIONARY_V1, data, MAX_INFLATED).map_err(|e| match e {
        InflateError::TooLarge => LinkError::TooLarge,
        InflateError::Damaged => LinkError::Damaged,
    })
}

/// The fragment (without `#`) that carries `scenario`: `k1.` and the payload.
pub fn encode_link(scenario: &Scenario) -> String {
    link_from_json(&link_json(scenario))
}

/// The fragment for any compact JSON text (what [`encode_link`] does after
/// [`link_json`]); for tests of the decoder and for tools.
pub fn link_from_json(json: &str) -> String {
    let packed = deflate_with_dictionary(json.as_bytes());
    format!(
        "{LINK_MARK}{LINK_VERSION}.{}",
        URL_SAFE_NO_PAD.encode(packed)
    )
}

/// Whether a fragment (with or without `#`) is meant as a Kerze link; an
/// empty fragment is not, and is no error either.
pub fn is_link(fragment: &str) -> bool {
    !fragment.trim_start_matches('#').is_empty()
}

/// Reads a link's fragment (with or without the leading `#`); the scenario gets `id`.
pub fn decode_link(fragment: &str, id: ScenarioId) -> Result<Scenario, LinkError> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment).trim();
    if fragment.len() > MAX_FRAGMENT {
        return Err(LinkError::TooLarge);
    }
    let Some(rest) = fragment.strip_prefix(LINK_MARK) else {
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
    match digits.parse::<u32>() {
        Ok(1..=LINK_VERSION) => {}
        Ok(v) if v > LINK_VERSION => return Err(LinkError::FutureVersion(v)),
        Err(_) => return Err(LinkError::FutureVersion(u32::MAX)),
        Ok(_) => return Err(LinkError::UnknownVersion),
    }
    if payload.is_empty() {
        return Err(LinkError::Truncated);
    }
    let packed = URL_SAFE_NO_PAD
        .decode(payload)
        .map_err(|_| LinkError::BadCharacters)?;
    let json = inflate_with_dictionary(&packed)?;
    let json = String::from_utf8(json)
        .map_err(|_| LinkError::NotAScenario("it is not UTF-8 text".to_owned()))?;
    let wire: WireScenario = serde_json::from_str(&json).map_err(|e| {
        LinkError::NotAScenario(if e.is_eof() {
            "it stops in the middle".to_owned()
        } else {
            e.to_string()
        })
    })?;
    from_wire(wire, id).map_err(LinkError::Invalid)
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
        assert!(link.starts_with("k2."));
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
            decode_link(&link.replacen("k2.", "k3.", 1), id()),
            Err(LinkError::FutureVersion(3))
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
