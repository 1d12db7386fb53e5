//! A scenario as storage, the export and scenario files hold it (stored
//! entries 1–6, exports 1–5: each version only added fields, read with their
//! defaults when absent).

use super::{is_default, nullable, Num, Ordered, Refusal};
use crate::domain::model::criterion::{
    Criterion, CriterionInput, Direction, Level, RatioRole, ScoreModel,
};
use crate::domain::model::ids::{CriterionId, LensId, OptionId, ScenarioId};
use crate::domain::model::problem::{Issue, Problem};
use crate::domain::model::rounds::{clip, Ballot, Cell, Group, Item, Round, Score};
use crate::domain::model::rounds::{MAX_BALLOTS, MAX_NAME, MAX_REASON, MAX_ROUNDS};
use crate::domain::model::scenario::{AnalysisSettings, Scenario, ScenarioOption};
use crate::domain::model::segment::{PerSegment, SegmentRatings};
use crate::domain::model::settings::Lens;
use crate::domain::model::settings::WeightMode;
use crate::domain::model::settings::{Budget, ChartSettings, Pin, Role};
use crate::domain::model::value::{Range, Threshold, Weight};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use std::rc::Rc;

/// A scenario.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ScenarioWire {
    /// Stable id across the browser's storage (a file's id is replaced on import).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<ScenarioId>,
    /// Name shown in the switcher and in file names.
    pub name: String,
    /// The customer need.
    #[serde(default)]
    pub need: String,
    /// Its root cause.
    #[serde(default)]
    pub root_cause: String,
    /// How much each segment matters (0–1000 each).
    pub segment_mix: MixWire,
    /// Options scoring below it are below the line (0 = off).
    #[serde(default)]
    pub threshold: Threshold,
    /// The criteria, in display order.
    pub criteria: Vec<CriterionWire>,
    /// The options, in the order entered.
    #[serde(default)]
    pub options: Vec<OptionWire>,
    /// How the analyses run (since storage 3, export 3).
    #[serde(default, skip_serializing_if = "is_default")]
    pub analysis: AnalysisWire,
    /// Saved weight sets (since storage 4, export 4).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lenses: Vec<LensWire>,
    /// How the value/effort matrix is drawn (since storage 4, export 4).
    #[serde(default, skip_serializing_if = "is_default")]
    pub chart: ChartWire,
    /// Group scoring's rounds and ballots (since storage 5, export 4).
    #[serde(default, skip_serializing_if = "is_default")]
    pub group: GroupWire,
    /// `weighted_sum` (absent) or `ratio` (since storage 6, export 5).
    #[serde(default, skip_serializing_if = "is_default")]
    pub model: ScoreModel,
    /// The budget the best set is asked for (since storage 7, export 6).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub budget: Option<BudgetWire>,
}

/// A budget on one amount criterion.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BudgetWire {
    /// The amount criterion whose values are the costs.
    pub criterion: CriterionId,
    /// The budget, in the criterion's unit (0–10^12).
    pub amount: Num,
    /// Whether options below the worth-it line may be chosen too.
    #[serde(default, skip_serializing_if = "is_default")]
    pub below_line: bool,
    /// Options forced in (`must`) or kept out (`never`).
    #[serde(default, skip_serializing_if = "Ordered::is_empty")]
    pub pins: Ordered<OptionId, Pin>,
}

/// Weight of each segment.
#[derive(Clone, Copy, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MixWire {
    /// Small and medium businesses.
    pub smb: Weight,
    /// Enterprise.
    pub enterprise: Weight,
    /// Public sector.
    pub public_sector: Weight,
}

/// A fit rating 0–5 per segment; `null` or absent when not rated.
#[derive(Clone, Copy, Debug, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FitWire {
    /// Small and medium businesses.
    #[serde(default)]
    pub smb: Option<Num>,
    /// Enterprise.
    #[serde(default)]
    pub enterprise: Option<Num>,
    /// Public sector.
    #[serde(default)]
    pub public_sector: Option<Num>,
}

/// A criterion.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CriterionWire {
    /// `c1`, `c2`, …
    pub id: CriterionId,
    /// Its name.
    pub name: String,
    /// Its weight, 0–1000.
    pub weight: Weight,
    /// `higher_is_better` or `lower_is_better`.
    pub direction: Direction,
    /// How values are entered.
    pub input: InputWire,
    /// How it counts in the ratio model: `add` (absent), `multiply` or
    /// `divide` (since storage 6, export 5).
    #[serde(default, skip_serializing_if = "is_default")]
    pub role: RatioRole,
}

/// The kinds of input.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A rating on a scale `min`–`max`.
    Rating,
    /// An amount in a unit, between optional bounds `lo`–`hi`.
    Amount,
    /// The fit per segment under the mix.
    SegmentFit,
    /// One of labelled values `levels` (since storage 6, export 5).
    Levels,
}

/// One labelled value of a levels input.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LevelWire {
    /// What is shown ("High").
    pub label: String,
    /// The value scoring uses.
    pub value: Num,
}

/// How a criterion's values are entered: a rating has `min` and `max`, an
/// amount `unit`, `lo` and `hi` (`null`: from the options), levels their
/// `levels`, segment fit nothing else.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct InputWire {
    /// The kind.
    pub kind: Kind,
    /// A rating scale's low end.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<Num>,
    /// A rating scale's high end.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<Num>,
    /// An amount's unit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// An amount's low bound.
    #[serde(
        default,
        deserialize_with = "nullable",
        skip_serializing_if = "Option::is_none"
    )]
    pub lo: Option<Option<Num>>,
    /// An amount's high bound.
    #[serde(
        default,
        deserialize_with = "nullable",
        skip_serializing_if = "Option::is_none"
    )]
    pub hi: Option<Option<Num>>,
    /// The levels, in the order shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub levels: Option<Vec<LevelWire>>,
}

/// An option.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OptionWire {
    /// `o1`, `o2`, …
    pub id: OptionId,
    /// Its title.
    pub title: String,
    /// The tracker's key of the item it came from, such as `ONB-101`
    /// (absent: none; since storage 8, export 7).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub key: String,
    /// Its description.
    #[serde(default)]
    pub description: String,
    /// A value per rating or amount criterion (absent: missing).
    #[serde(default)]
    pub values: Ordered<CriterionId, Num>,
    /// Fit per segment.
    #[serde(default)]
    pub fit: FitWire,
    /// `[low, high]` around some values (since storage 3, export 3).
    #[serde(default, skip_serializing_if = "Ordered::is_empty")]
    pub ranges: Ordered<CriterionId, Range>,
}

/// How the analyses run.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AnalysisWire {
    /// How weights are sampled.
    #[serde(default)]
    pub weights: WeightMode,
}

/// A saved weight set.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LensWire {
    /// `l1`, `l2`, …
    pub id: LensId,
    /// Its name ("CFO").
    pub name: String,
    /// A weight per criterion.
    pub weights: Ordered<CriterionId, Weight>,
}

/// The matrix's settings.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ChartWire {
    /// Roles picked per criterion (others have their default).
    #[serde(default, skip_serializing_if = "Ordered::is_empty")]
    pub roles: Ordered<CriterionId, Role>,
    /// The criterion that sizes the markers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bubble: Option<CriterionId>,
}

/// Group scoring kept with the scenario.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GroupWire {
    /// Rounds started.
    #[serde(default)]
    pub rounds: Vec<RoundWire>,
    /// Ballots revealed.
    #[serde(default)]
    pub ballots: Vec<BallotWire>,
}

/// A round of group scoring.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RoundWire {
    /// Random id that ties links to the round.
    pub id: u32,
    /// 1, 2, … within the scenario.
    pub number: u32,
    /// The criteria asked.
    pub criteria: Vec<CriterionId>,
    /// Whether weights are asked too.
    #[serde(default)]
    pub weights: bool,
    /// Only these cells, as `[option, item]` (empty: all).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cells: Vec<(OptionId, ItemKey)>,
}

/// An item of an option: a criterion id (`c3`) or a segment's fit (`fit:smb`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, JsonSchema)]
#[schemars(with = "String")]
pub struct ItemKey(pub Item);

impl Serialize for ItemKey {
    fn serialize<S: serde::Serializer>(&self, writer: S) -> Result<S::Ok, S::Error> {
        writer.serialize_str(&self.0.key())
    }
}

impl<'de> Deserialize<'de> for ItemKey {
    fn deserialize<D: serde::Deserializer<'de>>(reader: D) -> Result<Self, D::Error> {
        let value = serde_json::Value::deserialize(reader)?;
        value
            .as_str()
            .and_then(Item::parse)
            .map(ItemKey)
            .ok_or_else(|| {
                super::refuse(Issue::ExpectedId {
                    example: "c1",
                    found: super::found_of(&value),
                })
            })
    }
}

/// One person's ballot.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BallotWire {
    /// `kerze-ballot` in a ballot file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<String>,
    /// The ballot format's version in a ballot file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<u32>,
    /// The round's id.
    pub round: u32,
    /// The round's number.
    #[serde(default)]
    pub number: u32,
    /// The name the person gave.
    pub participant: String,
    /// When it was sent (milliseconds since 1970).
    #[serde(default)]
    pub sent: u64,
    /// Per option, per item: the value, or `null` for "don't know".
    pub scores: Ordered<OptionId, Ordered<ItemKey, Option<super::Compact>>>,
    /// Per option, per item: the reason given.
    #[serde(default, skip_serializing_if = "Ordered::is_empty")]
    pub reasons: Ordered<OptionId, Ordered<ItemKey, String>>,
    /// The person's own weights.
    #[serde(default, skip_serializing_if = "Ordered::is_empty")]
    pub weights: Ordered<CriterionId, super::Compact>,
    /// Checks of the texts the person saw.
    #[serde(default, skip_serializing_if = "Ordered::is_empty")]
    pub checks: Ordered<String, u32>,
}

/// A scenario as compact JSON, as storage and files hold it.
pub fn scenario_text(scenario: &Scenario) -> String {
    super::to_text(&ScenarioWire::from(scenario))
}

/// Reads a scenario's JSON (its shape; [`Scenario::problems`] checks its values).
pub fn read_scenario(text: &str) -> Result<Scenario, Refusal> {
    super::read::<ScenarioWire>(text, "")?.into_scenario("")
}

// ---- from the model ----

impl From<&Scenario> for ScenarioWire {
    fn from(s: &Scenario) -> Self {
        ScenarioWire {
            id: Some(s.id.clone()),
            name: s.name.clone(),
            need: s.need.clone(),
            root_cause: s.root_cause.clone(),
            segment_mix: MixWire {
                smb: s.segment_mix.smb,
                enterprise: s.segment_mix.enterprise,
                public_sector: s.segment_mix.public_sector,
            },
            threshold: s.threshold,
            criteria: s.criteria.iter().map(CriterionWire::from).collect(),
            options: s.options.iter().map(|o| OptionWire::from(&**o)).collect(),
            analysis: AnalysisWire {
                weights: s.analysis.weights,
            },
            lenses: s.lenses.iter().map(LensWire::from).collect(),
            chart: ChartWire {
                roles: s.chart.roles.iter().map(|(k, v)| (*k, *v)).collect(),
                bubble: s.chart.bubble,
            },
            group: GroupWire::from(&s.group),
            model: s.model,
            budget: s.budget.as_ref().map(|b| BudgetWire {
                criterion: b.criterion,
                amount: Num(b.amount),
                below_line: b.below_line,
                pins: b.pins.iter().map(|(k, v)| (*k, *v)).collect(),
            }),
        }
    }
}

impl From<&Criterion> for CriterionWire {
    fn from(c: &Criterion) -> Self {
        CriterionWire {
            id: c.id,
            name: c.name.clone(),
            weight: c.weight,
            direction: c.direction,
            input: InputWire::from(&c.input),
            role: c.role,
        }
    }
}

impl From<&CriterionInput> for InputWire {
    fn from(input: &CriterionInput) -> Self {
        let blank = |kind| InputWire {
            kind,
            min: None,
            max: None,
            unit: None,
            lo: None,
            hi: None,
            levels: None,
        };
        match input {
            CriterionInput::Rating { min, max } => InputWire {
                min: Some(Num(*min)),
                max: Some(Num(*max)),
                ..blank(Kind::Rating)
            },
            CriterionInput::Amount { unit, lo, hi } => InputWire {
                unit: Some(unit.clone()),
                lo: Some(lo.map(Num)),
                hi: Some(hi.map(Num)),
                ..blank(Kind::Amount)
            },
            CriterionInput::SegmentFit => blank(Kind::SegmentFit),
            CriterionInput::Levels(levels) => InputWire {
                levels: Some(
                    levels
                        .iter()
                        .map(|l| LevelWire {
                            label: l.label.clone(),
                            value: Num(l.value),
                        })
                        .collect(),
                ),
                ..blank(Kind::Levels)
            },
        }
    }
}

impl From<&ScenarioOption> for OptionWire {
    fn from(o: &ScenarioOption) -> Self {
        OptionWire {
            id: o.id,
            title: o.title.clone(),
            key: o.key.clone(),
            description: o.description.clone(),
            values: o.values.iter().map(|(k, v)| (*k, Num(*v))).collect(),
            fit: FitWire {
                smb: o.fit.smb.map(Num),
                enterprise: o.fit.enterprise.map(Num),
                public_sector: o.fit.public_sector.map(Num),
            },
            ranges: o.ranges.iter().map(|(k, v)| (*k, *v)).collect(),
        }
    }
}

impl From<&Lens> for LensWire {
    fn from(lens: &Lens) -> Self {
        LensWire {
            id: lens.id,
            name: lens.name.clone(),
            weights: lens.weights.iter().map(|(k, v)| (*k, *v)).collect(),
        }
    }
}

impl From<&Group> for GroupWire {
    fn from(group: &Group) -> Self {
        GroupWire {
            rounds: group.rounds.iter().map(RoundWire::from).collect(),
            ballots: group.ballots.iter().map(BallotWire::from).collect(),
        }
    }
}

impl From<&Round> for RoundWire {
    fn from(round: &Round) -> Self {
        RoundWire {
            id: round.id,
            number: round.number,
            criteria: round.criteria.clone(),
            weights: round.weights,
            cells: round
                .cells
                .iter()
                .map(|c| (c.option, ItemKey(c.item)))
                .collect(),
        }
    }
}

/// Adds `value` under `outer` / `inner`, grouping consecutive cells of one option.
fn push_in<V>(
    rows: &mut Ordered<OptionId, Ordered<ItemKey, V>>,
    outer: OptionId,
    inner: Item,
    value: V,
) {
    if rows.0.last().is_none_or(|(key, _)| *key != outer) {
        rows.0.push((outer, Ordered::default()));
    }
    if let Some((_, cells)) = rows.0.last_mut() {
        cells.0.push((ItemKey(inner), value));
    }
}

impl From<&Ballot> for BallotWire {
    fn from(ballot: &Ballot) -> Self {
        let mut scores = Ordered::default();
        let mut reasons = Ordered::default();
        for score in &ballot.scores {
            let cell = score.cell;
            push_in(
                &mut scores,
                cell.option,
                cell.item,
                score.value.map(super::Compact),
            );
            if !score.reason.is_empty() {
                push_in(&mut reasons, cell.option, cell.item, score.reason.clone());
            }
        }
        BallotWire {
            format: None,
            version: None,
            round: ballot.round,
            number: ballot.number,
            participant: ballot.participant.clone(),
            sent: ballot.sent,
            scores,
            reasons,
            weights: ballot
                .weights
                .iter()
                .map(|(id, w)| (*id, super::Compact(*w)))
                .collect(),
            checks: ballot.checks.iter().cloned().collect(),
        }
    }
}

// ---- into the model ----

/// A problem of the shape at `place` (checked after reading, so placed by hand).
fn at(place: String, issue: Issue) -> Refusal {
    Refusal::Shape(Problem::new(place, issue))
}

impl ScenarioWire {
    /// The scenario (its values are checked by [`Scenario::problems`]);
    /// `base` is where the scenario sits in its file, for messages.
    pub fn into_scenario(self, base: &str) -> Result<Scenario, Refusal> {
        let place = |rest: &str| super::join(base, rest);
        let id = self.id.ok_or_else(|| at(place("id"), Issue::Missing))?;
        let criteria = self
            .criteria
            .into_iter()
            .enumerate()
            .map(|(i, c)| c.into_criterion(&place(&format!("criteria[{i}]"))))
            .collect::<Result<Vec<_>, _>>()?;
        let options = self
            .options
            .into_iter()
            .map(|o| Rc::new(o.into()))
            .collect();
        let group = self.group.into_group(&place("group"))?;
        Ok(Scenario {
            id,
            name: self.name,
            need: self.need,
            root_cause: self.root_cause,
            segment_mix: PerSegment {
                smb: self.segment_mix.smb,
                enterprise: self.segment_mix.enterprise,
                public_sector: self.segment_mix.public_sector,
            },
            threshold: self.threshold,
            criteria,
            options,
            analysis: AnalysisSettings {
                weights: self.analysis.weights,
            },
            lenses: self.lenses.into_iter().map(Lens::from).collect(),
            chart: ChartSettings {
                roles: self.chart.roles.0.into_iter().collect(),
                bubble: self.chart.bubble,
            },
            group,
            model: self.model,
            budget: self.budget.map(|b| Budget {
                criterion: b.criterion,
                amount: b.amount.0,
                below_line: b.below_line,
                pins: b.pins.0.into_iter().collect(),
            }),
        })
    }
}

impl CriterionWire {
    fn into_criterion(self, place: &str) -> Result<Criterion, Refusal> {
        Ok(Criterion {
            id: self.id,
            name: self.name,
            weight: self.weight,
            direction: self.direction,
            input: self.input.into_input(&super::join(place, "input"))?,
            role: self.role,
        })
    }
}

impl InputWire {
    /// The input its fields describe; fields of another kind are refused.
    pub fn into_input(self, place: &str) -> Result<CriterionInput, Refusal> {
        let here = |field: &str| super::join(place, field);
        let amount_fields = self.unit.is_some() || self.lo.is_some() || self.hi.is_some();
        let rating_fields = self.min.is_some() || self.max.is_some();
        let refuse = |why: &str| Err(at(place.to_owned(), Issue::Other(why.to_owned())));
        if self.kind != Kind::Levels && self.levels.is_some() {
            return refuse("only levels have levels");
        }
        match self.kind {
            Kind::Rating if amount_fields => refuse("a rating has no unit, lo or hi"),
            Kind::Rating => Ok(CriterionInput::Rating {
                min: self.min.ok_or_else(|| at(here("min"), Issue::Missing))?.0,
                max: self.max.ok_or_else(|| at(here("max"), Issue::Missing))?.0,
            }),
            Kind::Amount if rating_fields => refuse("an amount has no min or max"),
            Kind::Amount => Ok(CriterionInput::Amount {
                unit: self.unit.ok_or_else(|| at(here("unit"), Issue::Missing))?,
                lo: self.lo.flatten().map(|n| n.0),
                hi: self.hi.flatten().map(|n| n.0),
            }),
            Kind::Levels if amount_fields || rating_fields => refuse("levels have no other fields"),
            Kind::Levels => Ok(CriterionInput::Levels(
                self.levels
                    .ok_or_else(|| at(here("levels"), Issue::Missing))?
                    .into_iter()
                    .map(|l| Level {
                        label: l.label,
                        value: l.value.0,
                    })
                    .collect(),
            )),
            _ if amount_fields || rating_fields => refuse("segment fit has no other fields"),
            Kind::SegmentFit => Ok(CriterionInput::SegmentFit),
        }
    }
}

impl From<OptionWire> for ScenarioOption {
    fn from(o: OptionWire) -> Self {
        ScenarioOption {
            id: o.id,
            title: o.title,
            description: o.description,
            values: o.values.0.into_iter().map(|(k, v)| (k, v.0)).collect(),
            fit: SegmentRatings {
                smb: o.fit.smb.map(|n| n.0),
                enterprise: o.fit.enterprise.map(|n| n.0),
                public_sector: o.fit.public_sector.map(|n| n.0),
            },
            ranges: o.ranges.0.into_iter().collect(),
            key: o.key,
        }
    }
}

impl From<LensWire> for Lens {
    fn from(lens: LensWire) -> Self {
        Lens {
            id: lens.id,
            name: lens.name,
            weights: lens.weights.0.into_iter().collect::<BTreeMap<_, _>>(),
        }
    }
}

impl GroupWire {
    fn into_group(self, place: &str) -> Result<Group, Refusal> {
        if self.rounds.len() > MAX_ROUNDS || self.ballots.len() > MAX_BALLOTS {
            let why = "has more rounds or ballots than Kerze keeps".to_owned();
            return Err(at(place.to_owned(), Issue::Other(why)));
        }
        let ballots = self
            .ballots
            .into_iter()
            .enumerate()
            .map(|(i, b)| b.into_ballot(&super::join(place, &format!("ballots[{i}]"))))
            .collect::<Result<_, _>>()?;
        Ok(Group {
            rounds: self.rounds.into_iter().map(Round::from).collect(),
            ballots,
        })
    }
}

impl From<RoundWire> for Round {
    fn from(round: RoundWire) -> Self {
        Round {
            id: round.id,
            number: round.number,
            criteria: round.criteria,
            weights: round.weights,
            cells: round
                .cells
                .into_iter()
                .map(|(option, item)| Cell {
                    option,
                    item: item.0,
                })
                .collect(),
        }
    }
}

impl BallotWire {
    /// The ballot, its name and reasons cut to what Kerze keeps; `place`
    /// is where it sits in its file, for messages.
    pub fn into_ballot(self, place: &str) -> Result<Ballot, Refusal> {
        let mut reasons: HashMap<Cell, String> = HashMap::new();
        for (option, cells) in self.reasons.0 {
            for (item, reason) in cells.0 {
                let cell = Cell {
                    option,
                    item: item.0,
                };
                reasons.insert(cell, clip(&reason, MAX_REASON));
            }
        }
        let mut scores = Vec::new();
        for (option, cells) in self.scores.0 {
            for (item, value) in cells.0 {
                let cell = Cell {
                    option,
                    item: item.0,
                };
                scores.push(Score {
                    cell,
                    value: value.map(|v| v.0),
                    reason: reasons.remove(&cell).unwrap_or_default(),
                });
            }
        }
        let mut weights = Vec::new();
        for (id, weight) in self.weights.0 {
            let weight = Weight::new(weight.0).map_err(|e| {
                let place = super::join(place, &format!("weights.{id}"));
                at(place, Issue::Value(e))
            })?;
            weights.push((id, weight.value()));
        }
        Ok(Ballot {
            round: self.round,
            number: self.number,
            participant: clip(&self.participant, MAX_NAME),
            sent: self.sent,
            scores,
            weights,
            checks: self.checks.0,
        })
    }
}
