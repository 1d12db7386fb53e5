//! A scenario: one customer need, its options and the criteria they are judged on.

use crate::domain::model::criterion::{
    Criterion, CriterionInput, Direction, InputKind, Level, RatioRole, ScoreModel, MAX_LEVELS,
};
use crate::domain::model::ids::{CriterionId, LensId, OptionId, ScenarioId};
use crate::domain::model::problem::Issue;
pub use crate::domain::model::problem::Problem;
use crate::domain::model::rounds::{Ballot, Cell, Group, Item, Round, MAX_BALLOTS, MAX_ROUNDS};
use crate::domain::model::segment::{Segment, SegmentMix, SegmentRatings, FIT_MAX};
use crate::domain::model::settings::WeightMode;
use crate::domain::model::settings::{Budget, ChartSettings, Role};
use crate::domain::model::settings::{Lens, LensRef, MAX_LENSES};
use crate::domain::model::value::{NumberRule, Range, Threshold, ValueError, Weight, MAX_AMOUNT};
use std::collections::BTreeMap;
use std::collections::HashSet;
use std::rc::Rc;

/// Longest name, title, need or description kept (characters).
pub const MAX_TEXT: usize = 20_000;
/// Longest unit (characters).
pub const MAX_UNIT: usize = 40;
/// Most criteria in one scenario.
pub const MAX_CRITERIA: usize = 64;
/// Most options in one scenario.
pub const MAX_OPTIONS: usize = 10_000;

/// One possible solution to the scenario's need.
#[derive(Clone, Debug, PartialEq)]
pub struct ScenarioOption {
    /// Stable id within the scenario.
    pub id: OptionId,
    /// Short title shown in the ranking.
    pub title: String,
    /// Longer description.
    pub description: String,
    /// Value per rating or amount criterion; a missing key is a missing value.
    pub values: BTreeMap<CriterionId, f64>,
    /// Fit rating 0–5 per segment.
    pub fit: SegmentRatings,
    /// Low / high estimates around some of the values (the value is the likely one).
    pub ranges: BTreeMap<CriterionId, Range>,
    /// The tracker's key of the item it came from (`ONB-101`, `ENG-42`, an
    /// issue's address); empty when none. It travels back out in the CSV.
    pub key: String,
}

impl ScenarioOption {
    /// A new option with only a title.
    pub fn titled(id: OptionId, title: String) -> ScenarioOption {
        ScenarioOption {
            id,
            title,
            description: String::new(),
            values: BTreeMap::new(),
            fit: SegmentRatings::default(),
            ranges: BTreeMap::new(),
            key: String::new(),
        }
    }
}

/// A tracker key as shown: an issue's address as `acme/app#17` (GitHub,
/// GitLab) or without its `https://`; any other key as it is.
pub fn key_label(key: &str) -> String {
    let Some(rest) = key
        .strip_prefix("https://")
        .or_else(|| key.strip_prefix("http://"))
    else {
        return key.to_owned();
    };
    let path = rest.split_once('/').map_or(rest, |(_, path)| path);
    ["/-/issues/", "/issues/", "/pull/", "/-/merge_requests/"]
        .iter()
        .find_map(|at| path.split_once(at))
        .filter(|(repo, number)| {
            !repo.is_empty() && number.chars().all(|c| c.is_ascii_digit()) && !number.is_empty()
        })
        .map_or_else(
            || rest.trim_end_matches('/').to_owned(),
            |(repo, number)| format!("{repo}#{number}"),
        )
}

/// Whether a key is an address a link may open (`https://`, `http://`).
pub fn key_is_address(key: &str) -> bool {
    key.starts_with("https://") || key.starts_with("http://")
}

/// The longest tracker key an option keeps (characters): an issue's address fits.
pub const MAX_KEY: usize = 500;

/// Whether `key` may stand as an option's tracker key: one line, at most
/// [`MAX_KEY`] characters.
pub fn key_ok(key: &str) -> bool {
    key.chars().count() <= MAX_KEY && !key.contains(['\n', '\r'])
}

/// A prioritization scenario.
#[derive(Clone, Debug, PartialEq)]
pub struct Scenario {
    /// Stable id across the browser's storage.
    pub id: ScenarioId,
    /// Name shown in the scenario switcher and export file names.
    pub name: String,
    /// The customer need (the problem).
    pub need: String,
    /// The root cause of the need.
    pub root_cause: String,
    /// How much each segment matters.
    pub segment_mix: SegmentMix,
    /// Options scoring below this are "below the line" (0 = off).
    pub threshold: Threshold,
    /// The criteria, in display order.
    pub criteria: Vec<Criterion>,
    /// The options, in the order they were entered. Shared, so that a copy of
    /// the scenario (an undo step, an edit elsewhere) costs one pointer per option.
    pub options: Vec<Rc<ScenarioOption>>,
    /// How the analyses run.
    pub analysis: AnalysisSettings,
    /// Saved weight sets ("CFO", "CPO").
    pub lenses: Vec<Lens>,
    /// How the value/effort matrix is drawn.
    pub chart: ChartSettings,
    /// Group scoring: rounds started and ballots revealed.
    pub group: Group,
    /// How scores are computed: the weighted sum or a ratio (RICE, WSJF).
    pub model: ScoreModel,
    /// The budget the best set is asked for, if any.
    pub budget: Option<Budget>,
}

/// How the analyses of a scenario run; kept with it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct AnalysisSettings {
    /// How weights are sampled for rank acceptability.
    pub weights: WeightMode,
}

/// Names for the default criteria, in the user's language.
#[derive(Clone, Copy, Debug)]
pub struct DefaultCriterionNames<'a> {
    /// "Cost".
    pub cost: &'a str,
    /// Unit of cost, "person-days".
    pub cost_unit: &'a str,
    /// "Time to market".
    pub time_to_market: &'a str,
    /// Unit of time to market, "weeks".
    pub time_unit: &'a str,
    /// "Metric impact".
    pub metric_impact: &'a str,
    /// "Segment fit".
    pub segment_fit: &'a str,
}

/// Which bound of an amount criterion.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bound {
    /// The low bound `lo`.
    Low,
    /// The high bound `hi`.
    High,
}

/// Which end of a rating scale.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScaleEnd {
    /// The scale's `min`.
    Min,
    /// The scale's `max`.
    Max,
}

/// One user intent on a scenario's content.
#[derive(Clone, Debug, PartialEq)]
pub enum ScenarioEdit {
    /// Renames the scenario.
    Rename(String),
    /// Sets the customer need.
    SetNeed(String),
    /// Sets the root cause.
    SetRootCause(String),
    /// Sets one segment's weight in the mix.
    SetMix(Segment, Weight),
    /// Sets the "worth it" threshold.
    SetThreshold(Threshold),
    /// Appends a criterion of the given kind.
    AddCriterion {
        /// Its name.
        name: String,
        /// Its kind of input.
        kind: InputKind,
    },
    /// Renames a criterion.
    RenameCriterion(CriterionId, String),
    /// Sets a criterion's weight.
    SetWeight(CriterionId, Weight),
    /// Sets every criterion's weight at once, in criterion order (one step to undo).
    SetWeights(Vec<Weight>),
    /// Sets a criterion's direction.
    SetDirection(CriterionId, Direction),
    /// Switches a criterion to another kind of input; the values (and
    /// ranges) the new kind cannot hold are cleared.
    SetInputKind(CriterionId, InputKind),
    /// Sets an amount criterion's unit.
    SetUnit(CriterionId, String),
    /// Sets or clears an amount criterion's explicit bound.
    SetBound(CriterionId, Bound, Option<f64>),
    /// Sets one end of a rating criterion's scale.
    SetScaleEnd(CriterionId, ScaleEnd, f64),
    /// Removes a criterion and its values.
    RemoveCriterion(CriterionId),
    /// Appends an option.
    AddOption {
        /// Its title.
        title: String,
    },
    /// Sets an option's title.
    RenameOption(OptionId, String),
    /// Sets an option's description.
    DescribeOption(OptionId, String),
    /// Sets or clears an option's value on a rating or amount criterion
    /// (and clears its range).
    SetValue(OptionId, CriterionId, Option<f64>),
    /// Sets an option's value with a low / high range around it.
    SetEstimate(OptionId, CriterionId, f64, Range),
    /// Gives every value of a criterion a range of ± this fraction (clamped
    /// to the criterion's rule), or clears them all (`None`).
    FillRanges(CriterionId, Option<f64>),
    /// Sets how weights are sampled.
    SetWeightMode(WeightMode),
    /// Sets or clears an option's fit rating for one segment.
    SetFit(OptionId, Segment, Option<f64>),
    /// Removes an option.
    RemoveOption(OptionId),
    /// Saves the working weights as a new lens with this name.
    AddLens(String),
    /// Renames a lens.
    RenameLens(LensId, String),
    /// Removes a lens.
    RemoveLens(LensId),
    /// Makes a lens's weights (or a segment alone as the mix) the working ones.
    UseLens(LensRef),
    /// Sets which axis of the matrix a criterion counts on.
    SetRole(CriterionId, Role),
    /// Sets or clears the criterion that sizes the matrix's markers.
    SetBubble(Option<CriterionId>),
    /// Switches how scores are computed; to the ratio model, with the role
    /// of each criterion the user chose (Kerze never guesses them).
    SetModel(ScoreModel, Vec<(CriterionId, RatioRole)>),
    /// Sets how a criterion counts in the ratio model.
    SetRatioRole(CriterionId, RatioRole),
    /// Sets the labelled values of a levels criterion.
    SetLevels(CriterionId, Vec<Level>),
    /// Sets or clears the budget the best set is asked for (with its pins).
    SetBudget(Option<Budget>),
    /// Starts a round of group scoring.
    StartRound(Round),
    /// Replaces the ballots brought in (the reveal adds them).
    SetBallots(Vec<Ballot>),
    /// Sets the values the room settled on, all in one step.
    SetCells(Vec<(Cell, f64)>),
    /// Takes the criteria and options of a sheet read into this scenario
    /// (`formats::sheet_import::import`), all in one step.
    BringIn {
        /// The criteria, the new ones at the end.
        criteria: Vec<Criterion>,
        /// The options, the new ones at the end.
        options: Vec<Rc<ScenarioOption>>,
    },
}

/// The one field an edit changes, so that a burst of edits to the same field
/// (typing, dragging a slider) can be undone as one step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EditedField {
    /// The scenario's name.
    Name,
    /// The need.
    Need,
    /// The root cause.
    RootCause,
    /// One segment's weight in the mix.
    Mix(Segment),
    /// The threshold.
    Threshold,
    /// A criterion's name.
    CriterionName(CriterionId),
    /// A criterion's weight.
    Weight(CriterionId),
    /// A criterion's unit.
    Unit(CriterionId),
    /// A bound of an amount criterion.
    Bound(CriterionId, Bound),
    /// An end of a rating scale.
    ScaleEnd(CriterionId, ScaleEnd),
    /// An option's title.
    OptionTitle(OptionId),
    /// An option's description.
    OptionDescription(OptionId),
    /// An option's value on a criterion.
    Value(OptionId, CriterionId),
    /// An option's fit for a segment.
    Fit(OptionId, Segment),
    /// A lens's name.
    LensName(LensId),
}

impl ScenarioEdit {
    /// The field this edit sets, for edits that set one field's value;
    /// `None` for structural edits (add, remove, switch kind).
    pub fn field(&self) -> Option<EditedField> {
        Some(match *self {
            ScenarioEdit::Rename(_) => EditedField::Name,
            ScenarioEdit::SetNeed(_) => EditedField::Need,
            ScenarioEdit::SetRootCause(_) => EditedField::RootCause,
            ScenarioEdit::SetMix(segment, _) => EditedField::Mix(segment),
            ScenarioEdit::SetThreshold(_) => EditedField::Threshold,
            ScenarioEdit::RenameCriterion(id, _) => EditedField::CriterionName(id),
            ScenarioEdit::SetWeight(id, _) => EditedField::Weight(id),
            ScenarioEdit::SetUnit(id, _) => EditedField::Unit(id),
            ScenarioEdit::SetBound(id, bound, _) => EditedField::Bound(id, bound),
            ScenarioEdit::SetScaleEnd(id, end, _) => EditedField::ScaleEnd(id, end),
            ScenarioEdit::RenameOption(id, _) => EditedField::OptionTitle(id),
            ScenarioEdit::DescribeOption(id, _) => EditedField::OptionDescription(id),
            ScenarioEdit::SetValue(option, criterion, _) => EditedField::Value(option, criterion),
            ScenarioEdit::SetFit(option, segment, _) => EditedField::Fit(option, segment),
            ScenarioEdit::RenameLens(id, _) => EditedField::LensName(id),
            ScenarioEdit::AddCriterion { .. }
            | ScenarioEdit::SetWeights(_)
            | ScenarioEdit::SetEstimate(..)
            | ScenarioEdit::FillRanges(..)
            | ScenarioEdit::SetWeightMode(_)
            | ScenarioEdit::SetModel(..)
            | ScenarioEdit::SetRatioRole(..)
            | ScenarioEdit::SetLevels(..)
            | ScenarioEdit::SetDirection(..)
            | ScenarioEdit::SetInputKind(..)
            | ScenarioEdit::RemoveCriterion(_)
            | ScenarioEdit::AddOption { .. }
            | ScenarioEdit::RemoveOption(_)
            | ScenarioEdit::AddLens(_)
            | ScenarioEdit::RemoveLens(_)
            | ScenarioEdit::UseLens(_)
            | ScenarioEdit::SetRole(..)
            | ScenarioEdit::SetBubble(_)
            | ScenarioEdit::SetBudget(_)
            | ScenarioEdit::StartRound(_)
            | ScenarioEdit::SetBallots(_)
            | ScenarioEdit::SetCells(_)
            | ScenarioEdit::BringIn { .. } => return None,
        })
    }
}

/// Why an edit was refused. The UI checks values before it sends an edit,
/// so these guard the model's invariants rather than talk to users.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EditRefused {
    /// No criterion or option with that id.
    UnknownId,
    /// The value breaks the field's rule or a limit.
    InvalidValue,
    /// The scenario is at its limit of criteria or options.
    TooMany,
}

/// Whether a scenario may hold `text` (a title, a description, a name).
pub fn text_ok(text: &str) -> bool {
    text.chars().count() <= MAX_TEXT
}

impl Scenario {
    /// A scenario with the default criteria and no options.
    pub fn with_default_criteria(
        id: ScenarioId,
        name: String,
        names: DefaultCriterionNames<'_>,
    ) -> Self {
        let weight = |w: f64| Weight::new(w).unwrap_or_default();
        let amount = |unit: &str| CriterionInput::Amount {
            unit: unit.to_owned(),
            lo: None,
            hi: None,
        };
        let criteria = vec![
            Criterion {
                id: CriterionId::new(1),
                name: names.cost.to_owned(),
                weight: weight(3.0),
                direction: Direction::LowerIsBetter,
                input: amount(names.cost_unit),
                role: RatioRole::Add,
            },
            Criterion {
                id: CriterionId::new(2),
                name: names.time_to_market.to_owned(),
                weight: weight(2.0),
                direction: Direction::LowerIsBetter,
                input: amount(names.time_unit),
                role: RatioRole::Add,
            },
            Criterion {
                id: CriterionId::new(3),
                name: names.metric_impact.to_owned(),
                weight: weight(4.0),
                direction: Direction::HigherIsBetter,
                input: CriterionInput::DEFAULT_RATING,
                role: RatioRole::Add,
            },
            Criterion {
                id: CriterionId::new(4),
                name: names.segment_fit.to_owned(),
                weight: weight(3.0),
                direction: Direction::HigherIsBetter,
                input: CriterionInput::SegmentFit,
                role: RatioRole::Add,
            },
        ];
        Scenario {
            id,
            name,
            need: String::new(),
            root_cause: String::new(),
            segment_mix: SegmentMix::splat(weight(1.0)),
            threshold: Threshold::default(),
            criteria,
            options: Vec::new(),
            lenses: Vec::new(),
            chart: ChartSettings::default(),
            analysis: AnalysisSettings::default(),
            group: Group::default(),
            model: ScoreModel::WeightedSum,
            budget: None,
        }
    }

    /// The criterion with this id.
    pub fn criterion(&self, id: CriterionId) -> Option<&Criterion> {
        self.criteria.iter().find(|c| c.id == id)
    }

    fn criterion_mut(&mut self, id: CriterionId) -> Result<&mut Criterion, EditRefused> {
        self.criteria
            .iter_mut()
            .find(|c| c.id == id)
            .ok_or(EditRefused::UnknownId)
    }

    fn option_mut(&mut self, id: OptionId) -> Result<&mut ScenarioOption, EditRefused> {
        self.options
            .iter_mut()
            .find(|o| o.id == id)
            .map(Rc::make_mut)
            .ok_or(EditRefused::UnknownId)
    }

    /// Applies one edit; `Ok(false)` when it changes nothing.
    pub fn apply(&mut self, edit: ScenarioEdit) -> Result<bool, EditRefused> {
        use ScenarioEdit as E;
        match edit {
            E::Rename { .. }
            | E::SetNeed { .. }
            | E::SetRootCause { .. }
            | E::SetMix { .. }
            | E::SetThreshold { .. }
            | E::SetModel { .. }
            | E::SetWeightMode { .. } => self.apply_to_scenario(edit),
            E::AddCriterion { .. }
            | E::RenameCriterion { .. }
            | E::SetWeight { .. }
            | E::SetWeights { .. }
            | E::SetDirection { .. }
            | E::SetInputKind { .. }
            | E::SetUnit { .. }
            | E::SetBound { .. }
            | E::SetScaleEnd { .. }
            | E::SetRatioRole { .. }
            | E::SetLevels { .. }
            | E::RemoveCriterion { .. } => self.apply_to_criteria(edit),
            E::AddOption { .. }
            | E::RenameOption { .. }
            | E::DescribeOption { .. }
            | E::SetValue { .. }
            | E::SetEstimate { .. }
            | E::FillRanges { .. }
            | E::SetFit { .. }
            | E::RemoveOption { .. } => self.apply_to_options(edit),
            E::AddLens { .. }
            | E::RenameLens { .. }
            | E::RemoveLens { .. }
            | E::UseLens { .. }
            | E::SetRole { .. }
            | E::SetBubble { .. }
            | E::SetBudget { .. } => self.apply_to_settings(edit),
            E::StartRound { .. } | E::SetBallots { .. } | E::SetCells { .. } => {
                self.apply_to_group(edit)
            }
            E::BringIn { criteria, options } => self.bring_in(criteria, options),
        }
    }

    /// The scenario's own fields: name, need, root cause, mix, threshold, sampling.
    fn apply_to_scenario(&mut self, edit: ScenarioEdit) -> Result<bool, EditRefused> {
        match edit {
            ScenarioEdit::Rename(name) => Ok(replace(&mut self.name, checked_text(name)?)),
            ScenarioEdit::SetNeed(need) => Ok(replace(&mut self.need, checked_text(need)?)),
            ScenarioEdit::SetRootCause(cause) => {
                Ok(replace(&mut self.root_cause, checked_text(cause)?))
            }
            ScenarioEdit::SetMix(segment, weight) => {
                let changed = self.segment_mix.get(segment) != weight;
                self.segment_mix.set(segment, weight);
                Ok(changed)
            }
            ScenarioEdit::SetThreshold(threshold) => {
                self.model
                    .threshold_rule()
                    .check(threshold.value())
                    .map_err(|_| EditRefused::InvalidValue)?;
                Ok(replace(&mut self.threshold, threshold))
            }
            ScenarioEdit::SetWeightMode(mode) => Ok(replace(&mut self.analysis.weights, mode)),
            ScenarioEdit::SetModel(model, roles) => {
                let mut changed = replace(&mut self.model, model);
                // The threshold was in the other model's units: it is turned
                // off, never read as a number it was not (Undo brings it back).
                if changed {
                    self.threshold = Threshold::default();
                }
                for (id, role) in roles {
                    changed |= replace(&mut self.criterion_mut(id)?.role, role);
                }
                Ok(changed)
            }
            // Every other edit is another part's (sorted out by `apply`).
            _ => Ok(false),
        }
    }

    /// Criteria: add, rename, weigh, orient, rescale, remove.
    fn apply_to_criteria(&mut self, edit: ScenarioEdit) -> Result<bool, EditRefused> {
        match edit {
            ScenarioEdit::AddCriterion { name, kind } => {
                if self.criteria.len() >= MAX_CRITERIA {
                    return Err(EditRefused::TooMany);
                }
                let id = CriterionId::next_after(self.criteria.iter().map(|c| &c.id));
                self.criteria.push(Criterion {
                    id,
                    name: checked_text(name)?,
                    weight: Weight::new(1.0).unwrap_or_default(),
                    direction: Direction::HigherIsBetter,
                    input: CriterionInput::of_kind(kind),
                    role: RatioRole::Add,
                });
                Ok(true)
            }
            ScenarioEdit::SetRatioRole(id, role) => {
                Ok(replace(&mut self.criterion_mut(id)?.role, role))
            }
            ScenarioEdit::SetLevels(id, levels) => {
                if levels_problem(&levels).is_some() {
                    return Err(EditRefused::InvalidValue);
                }
                match &mut self.criterion_mut(id)?.input {
                    CriterionInput::Levels(old) => Ok(replace(old, levels)),
                    _ => Err(EditRefused::InvalidValue),
                }
            }
            ScenarioEdit::RenameCriterion(id, name) => {
                let name = checked_text(name)?;
                Ok(replace(&mut self.criterion_mut(id)?.name, name))
            }
            ScenarioEdit::SetWeight(id, weight) => {
                Ok(replace(&mut self.criterion_mut(id)?.weight, weight))
            }
            ScenarioEdit::SetWeights(weights) => Ok(self
                .criteria
                .iter_mut()
                .zip(weights)
                .fold(false, |changed, (c, w)| replace(&mut c.weight, w) | changed)),
            ScenarioEdit::SetDirection(id, direction) => {
                Ok(replace(&mut self.criterion_mut(id)?.direction, direction))
            }
            ScenarioEdit::SetInputKind(id, kind) => {
                let criterion = self.criterion_mut(id)?;
                if criterion.input.kind() == kind {
                    return Ok(false);
                }
                criterion.input = CriterionInput::of_kind(kind);
                // The values the new kind cannot hold go (one undo step
                // brings them back; the page says how many).
                self.drop_values_not_stored(Some(id));
                self.tidy_budget();
                Ok(true)
            }
            ScenarioEdit::SetUnit(id, text) => {
                if text.chars().count() > MAX_UNIT {
                    return Err(EditRefused::InvalidValue);
                }
                match &mut self.criterion_mut(id)?.input {
                    CriterionInput::Amount { unit, .. } => Ok(replace(unit, text)),
                    _ => Err(EditRefused::InvalidValue),
                }
            }
            ScenarioEdit::SetBound(id, bound, value) => {
                if let Some(v) = value {
                    NumberRule::Amount
                        .check(v)
                        .map_err(|_| EditRefused::InvalidValue)?;
                }
                match &mut self.criterion_mut(id)?.input {
                    CriterionInput::Amount { lo, hi, .. } => {
                        let (slot, other, low_side) = match bound {
                            Bound::Low => (lo, *hi, true),
                            Bound::High => (hi, *lo, false),
                        };
                        if let (Some(v), Some(o)) = (value, other) {
                            if (low_side && v >= o) || (!low_side && v <= o) {
                                return Err(EditRefused::InvalidValue);
                            }
                        }
                        Ok(replace(slot, value))
                    }
                    _ => Err(EditRefused::InvalidValue),
                }
            }
            ScenarioEdit::SetScaleEnd(id, end, value) => {
                NumberRule::ScaleEnd
                    .check(value)
                    .map_err(|_| EditRefused::InvalidValue)?;
                match &mut self.criterion_mut(id)?.input {
                    CriterionInput::Rating { min, max } => {
                        let (new_min, new_max) = match end {
                            ScaleEnd::Min => (value, *max),
                            ScaleEnd::Max => (*min, value),
                        };
                        if new_min >= new_max {
                            return Err(EditRefused::InvalidValue);
                        }
                        let changed = (*min, *max) != (new_min, new_max);
                        (*min, *max) = (new_min, new_max);
                        Ok(changed)
                    }
                    _ => Err(EditRefused::InvalidValue),
                }
            }
            ScenarioEdit::RemoveCriterion(id) => {
                let before = self.criteria.len();
                self.criteria.retain(|c| c.id != id);
                if self.criteria.len() == before {
                    return Err(EditRefused::UnknownId);
                }
                for option in &mut self.options {
                    if option.values.contains_key(&id) || option.ranges.contains_key(&id) {
                        let option = Rc::make_mut(option);
                        option.values.remove(&id);
                        option.ranges.remove(&id);
                    }
                }
                for lens in &mut self.lenses {
                    lens.weights.remove(&id);
                }
                self.chart.roles.remove(&id);
                if self.chart.bubble == Some(id) {
                    self.chart.bubble = None;
                }
                self.tidy_budget();
                Ok(true)
            }
            // Every other edit is another part's (sorted out by `apply`).
            _ => Ok(false),
        }
    }

    /// Options: add, word, value, estimate, rate the fit, remove.
    fn apply_to_options(&mut self, edit: ScenarioEdit) -> Result<bool, EditRefused> {
        match edit {
            ScenarioEdit::AddOption { title } => {
                if self.options.len() >= MAX_OPTIONS {
                    return Err(EditRefused::TooMany);
                }
                let id = OptionId::next_after(self.options.iter().map(|o| &o.id));
                self.options
                    .push(Rc::new(ScenarioOption::titled(id, checked_text(title)?)));
                Ok(true)
            }
            ScenarioEdit::RenameOption(id, title) => {
                let title = checked_text(title)?;
                Ok(replace(&mut self.option_mut(id)?.title, title))
            }
            ScenarioEdit::DescribeOption(id, text) => {
                let text = checked_text(text)?;
                Ok(replace(&mut self.option_mut(id)?.description, text))
            }
            ScenarioEdit::SetValue(option_id, criterion_id, value) => {
                self.value_rule(criterion_id)?;
                if let Some(v) = value {
                    self.value_ok(criterion_id, v)?;
                }
                let option = self.option_mut(option_id)?;
                let old = match value {
                    Some(v) => option.values.insert(criterion_id, v),
                    None => option.values.remove(&criterion_id),
                };
                let had_range = option.ranges.remove(&criterion_id).is_some();
                Ok(old != value || had_range)
            }
            ScenarioEdit::SetEstimate(option_id, criterion_id, likely, range) => {
                let rule = self.value_rule(criterion_id)?;
                for v in [range.low, likely, range.high] {
                    rule.check(v).map_err(|_| EditRefused::InvalidValue)?;
                }
                if !range.holds(likely) {
                    return Err(EditRefused::InvalidValue);
                }
                let option = self.option_mut(option_id)?;
                let old = option.values.insert(criterion_id, likely);
                let old_range = option.ranges.insert(criterion_id, range);
                Ok(old != Some(likely) || old_range != Some(range))
            }
            ScenarioEdit::FillRanges(criterion_id, spread) => {
                let rule = self.value_rule(criterion_id)?;
                let (floor, ceiling) = self
                    .criterion(criterion_id)
                    .and_then(|c| c.input.scale())
                    .unwrap_or((0.0, MAX_AMOUNT));
                let mut changed = false;
                for option in &mut self.options {
                    let range = match (spread, option.values.get(&criterion_id)) {
                        (Some(f), Some(&v)) => {
                            let range = Range {
                                low: (v - (v * f).abs()).max(floor),
                                high: (v + (v * f).abs()).min(ceiling),
                            };
                            let valid = range.holds(v)
                                && rule.check(range.low).is_ok()
                                && rule.check(range.high).is_ok();
                            valid.then_some(range)
                        }
                        _ => None,
                    };
                    if option.ranges.get(&criterion_id).copied() != range {
                        let option = Rc::make_mut(option);
                        match range {
                            Some(r) => option.ranges.insert(criterion_id, r),
                            None => option.ranges.remove(&criterion_id),
                        };
                        changed = true;
                    }
                }
                Ok(changed)
            }
            ScenarioEdit::SetFit(id, segment, value) => {
                if let Some(v) = value {
                    NumberRule::Rating {
                        min: 0.0,
                        max: FIT_MAX,
                    }
                    .check(v)
                    .map_err(|_| EditRefused::InvalidValue)?;
                }
                let fit = &mut self.option_mut(id)?.fit;
                let changed = fit.get(segment) != value;
                fit.set(segment, value);
                Ok(changed)
            }
            ScenarioEdit::RemoveOption(id) => {
                let before = self.options.len();
                self.options.retain(|o| o.id != id);
                if self.options.len() == before {
                    Err(EditRefused::UnknownId)
                } else {
                    self.tidy_budget();
                    Ok(true)
                }
            }
            // Every other edit is another part's (sorted out by `apply`).
            _ => Ok(false),
        }
    }

    /// Whether criterion `id` exists and is an amount (a budget's criterion).
    pub fn is_amount(&self, id: CriterionId) -> bool {
        self.criterion(id)
            .is_some_and(|c| matches!(c.input, CriterionInput::Amount { .. }))
    }

    /// Drops the budget whose criterion is gone or no longer an amount, and
    /// the pins of options that are gone.
    fn tidy_budget(&mut self) {
        let Some(budget) = &self.budget else {
            return;
        };
        if !self.is_amount(budget.criterion) {
            self.budget = None;
            return;
        }
        let gone: Vec<OptionId> = budget
            .pins
            .keys()
            .filter(|id| self.options.iter().all(|o| o.id != **id))
            .copied()
            .collect();
        if let Some(budget) = self.budget.as_mut() {
            for id in gone {
                budget.pins.remove(&id);
            }
        }
    }

    /// Whether `budget` may be set here: its criterion an amount, its
    /// amount within the amount's rule, its pins on options that exist.
    fn budget_ok(&self, budget: &Budget) -> bool {
        self.is_amount(budget.criterion)
            && NumberRule::Amount.check(budget.amount).is_ok()
            && budget
                .pins
                .keys()
                .all(|id| self.options.iter().any(|o| o.id == *id))
    }

    /// Lenses, the matrix's settings and the budget.
    fn apply_to_settings(&mut self, edit: ScenarioEdit) -> Result<bool, EditRefused> {
        match edit {
            ScenarioEdit::SetBudget(budget) => {
                if budget.as_ref().is_some_and(|b| !self.budget_ok(b)) {
                    return Err(EditRefused::InvalidValue);
                }
                Ok(replace(&mut self.budget, budget))
            }
            ScenarioEdit::AddLens(name) => {
                if self.lenses.len() >= MAX_LENSES {
                    return Err(EditRefused::TooMany);
                }
                let name = checked_text(name)?;
                if name.trim().is_empty() {
                    return Err(EditRefused::InvalidValue);
                }
                let id = LensId::next_after(self.lenses.iter().map(|l| &l.id));
                let weights = current_weights(self);
                self.lenses.push(Lens { id, name, weights });
                Ok(true)
            }
            ScenarioEdit::RenameLens(id, name) => {
                let name = checked_text(name)?;
                let lens = self
                    .lenses
                    .iter_mut()
                    .find(|l| l.id == id)
                    .ok_or(EditRefused::UnknownId)?;
                Ok(replace(&mut lens.name, name))
            }
            ScenarioEdit::RemoveLens(id) => {
                let before = self.lenses.len();
                self.lenses.retain(|l| l.id != id);
                if self.lenses.len() == before {
                    Err(EditRefused::UnknownId)
                } else {
                    Ok(true)
                }
            }
            ScenarioEdit::UseLens(lens) => {
                let seen = through(self, lens).ok_or(EditRefused::UnknownId)?;
                let changed =
                    seen.criteria != self.criteria || seen.segment_mix != self.segment_mix;
                self.criteria = seen.criteria;
                self.segment_mix = seen.segment_mix;
                Ok(changed)
            }
            ScenarioEdit::SetRole(id, role) => {
                let criterion = self.criterion(id).ok_or(EditRefused::UnknownId)?;
                let changed = self.chart.role(criterion) != role;
                if role == Role::default_for(criterion) {
                    self.chart.roles.remove(&id);
                } else {
                    self.chart.roles.insert(id, role);
                }
                Ok(changed)
            }
            ScenarioEdit::SetBubble(bubble) => {
                if bubble.is_some_and(|id| self.criterion(id).is_none()) {
                    return Err(EditRefused::UnknownId);
                }
                Ok(replace(&mut self.chart.bubble, bubble))
            }
            // Every other edit is another part's (sorted out by `apply`).
            _ => Ok(false),
        }
    }

    /// Group scoring: rounds, ballots, and the values the room settled.
    fn apply_to_group(&mut self, edit: ScenarioEdit) -> Result<bool, EditRefused> {
        match edit {
            ScenarioEdit::StartRound(round) => {
                if self.group.rounds.len() >= MAX_ROUNDS
                    || round
                        .criteria
                        .iter()
                        .any(|id| self.criterion(*id).is_none())
                {
                    return Err(EditRefused::InvalidValue);
                }
                self.group.rounds.push(round);
                Ok(true)
            }
            ScenarioEdit::SetBallots(ballots) => {
                if ballots.len() > MAX_BALLOTS {
                    return Err(EditRefused::TooMany);
                }
                Ok(replace(&mut self.group.ballots, ballots))
            }
            ScenarioEdit::SetCells(cells) => {
                for (cell, value) in &cells {
                    let rule = cell.item.rule(self).ok_or(EditRefused::UnknownId)?;
                    rule.check(*value).map_err(|_| EditRefused::InvalidValue)?;
                }
                let before = self.options.clone();
                for (cell, value) in cells {
                    set_cell(self, cell, value);
                }
                Ok(before
                    .iter()
                    .zip(&self.options)
                    .any(|(a, b)| !Rc::ptr_eq(a, b) && a != b))
            }
            // Every other edit is another part's (sorted out by `apply`).
            _ => Ok(false),
        }
    }

    /// Takes a sheet's criteria and options: every criterion and option
    /// kept (by id), each new value allowed, the limits held.
    fn bring_in(
        &mut self,
        criteria: Vec<Criterion>,
        options: Vec<Rc<ScenarioOption>>,
    ) -> Result<bool, EditRefused> {
        let mut ids: Vec<OptionId> = options.iter().map(|o| o.id).collect();
        ids.sort_unstable();
        ids.dedup();
        let whole = criteria.len() <= MAX_CRITERIA
            && options.len() <= MAX_OPTIONS
            && ids.len() == options.len()
            && self
                .criteria
                .iter()
                .all(|c| criteria.iter().any(|n| n.id == c.id))
            && self
                .options
                .iter()
                .all(|o| ids.binary_search(&o.id).is_ok());
        if !whole {
            return Err(EditRefused::InvalidValue);
        }
        let mut next = self.clone();
        next.criteria = criteria;
        for option in &options {
            let texts =
                text_ok(&option.title) && text_ok(&option.description) && key_ok(&option.key);
            let values = option
                .values
                .iter()
                .all(|(&id, &v)| next.value_ok(id, v).is_ok());
            if !texts || !values {
                return Err(EditRefused::InvalidValue);
            }
        }
        next.options = options;
        let changed = next != *self;
        *self = next;
        Ok(changed)
    }

    /// Whether `value` may stand on criterion `id`: its rule here, and on a
    /// levels criterion one of its levels.
    pub fn value_ok(&self, id: CriterionId, value: f64) -> Result<(), EditRefused> {
        self.value_rule(id)?
            .check(value)
            .map_err(|_| EditRefused::InvalidValue)?;
        match self.criterion(id).map(|c| &c.input) {
            Some(CriterionInput::Levels(levels)) if !levels.iter().any(|l| l.value == value) => {
                Err(EditRefused::InvalidValue)
            }
            _ => Ok(()),
        }
    }

    /// The rule a value of this criterion follows; refused for an unknown
    /// criterion or one without values (segment fit).
    fn value_rule(&self, id: CriterionId) -> Result<NumberRule, EditRefused> {
        self.criterion(id)
            .ok_or(EditRefused::UnknownId)
            .and_then(|c| self.rule_of(c).ok_or(EditRefused::InvalidValue))
    }

    /// The rule an option's value on `criterion` follows here: its input's
    /// rule, and more than 0 where it divides the score (ratio model).
    /// `None` for segment fit.
    pub fn rule_of(&self, criterion: &Criterion) -> Option<NumberRule> {
        rule_in(self.model, criterion)
    }

    /// How many options hold a value on this criterion.
    pub fn value_count(&self, id: CriterionId) -> usize {
        self.options
            .iter()
            .filter(|o| o.values.contains_key(&id))
            .count()
    }

    /// Drops the values and ranges that their criterion cannot hold (all
    /// criteria, or one): values on segment fit or on a criterion that is
    /// gone, amounts off the amount rule, ranges without a value or off their
    /// rule. Returns how many values and ranges went.
    fn drop_values_not_stored(&mut self, only: Option<CriterionId>) -> usize {
        let inputs: Vec<(CriterionId, CriterionInput)> = self
            .criteria
            .iter()
            .map(|c| (c.id, c.input.clone()))
            .collect();
        let stores = |id: &CriterionId, v: f64| {
            inputs
                .iter()
                .find(|(c, _)| c == id)
                .is_some_and(|(_, input)| input.stores(v))
        };
        let concerned = |id: &CriterionId| only.is_none_or(|o| o == *id);
        let mut dropped = 0;
        for option in &mut self.options {
            let values: Vec<CriterionId> = option
                .values
                .iter()
                .filter(|(id, v)| concerned(id) && !stores(id, **v))
                .map(|(id, _)| *id)
                .collect();
            let ranges: Vec<CriterionId> = option
                .ranges
                .iter()
                .filter(|(id, r)| {
                    let kept = |v: f64| {
                        stores(id, v) && stores(id, r.low) && stores(id, r.high) && r.holds(v)
                    };
                    concerned(id) && !option.values.get(id).is_some_and(|v| kept(*v))
                })
                .map(|(id, _)| *id)
                .collect();
            if values.is_empty() && ranges.is_empty() {
                continue;
            }
            dropped += values.len() + ranges.len();
            let option = Rc::make_mut(option);
            for id in &values {
                option.values.remove(id);
            }
            for id in &ranges {
                option.ranges.remove(id);
            }
        }
        dropped
    }

    /// Mends what a stored scenario may hold that this version's editor can
    /// no longer make (a value left on a criterion switched to segment fit by
    /// an older version): drops the values and ranges their criterion cannot
    /// hold. Returns how many went; `problems()` then reports what is left.
    pub fn repair(&mut self) -> usize {
        self.drop_values_not_stored(None)
    }

    /// Whether `other` is this scenario but for its budget: everything its
    /// scores and analyses depend on is the same (options compared by
    /// pointer first).
    pub fn equal_but_budget(&self, other: &Scenario) -> bool {
        let Scenario {
            id,
            name,
            need,
            root_cause,
            segment_mix,
            threshold,
            criteria,
            options,
            analysis,
            lenses,
            chart,
            group,
            model,
            budget: _,
        } = self;
        let same_options = options.len() == other.options.len()
            && options
                .iter()
                .zip(&other.options)
                .all(|(a, b)| Rc::ptr_eq(a, b) || a == b);
        same_options
            && *id == other.id
            && *name == other.name
            && *need == other.need
            && *root_cause == other.root_cause
            && *segment_mix == other.segment_mix
            && *threshold == other.threshold
            && *criteria == other.criteria
            && *analysis == other.analysis
            && *lenses == other.lenses
            && *chart == other.chart
            && *group == other.group
            && *model == other.model
    }

    /// Every broken rule in a scenario read from outside; empty when it is valid.
    pub fn problems(&self) -> Vec<Problem> {
        let mut problems = Vec::new();
        let mut report = |path: String, issue: Issue| problems.push(Problem::new(path, issue));
        for (field, text) in [
            ("name", &self.name),
            ("need", &self.need),
            ("root_cause", &self.root_cause),
        ] {
            if !text_ok(text) {
                report(field.to_owned(), Issue::TooLong);
            }
        }
        if self.criteria.len() > MAX_CRITERIA {
            report("criteria".to_owned(), Issue::TooManyCriteria);
        }
        if self.options.len() > MAX_OPTIONS {
            report("options".to_owned(), Issue::TooManyOptions);
        }
        let mut criterion_ids = HashSet::new();
        for (i, criterion) in self.criteria.iter().enumerate() {
            if !criterion_ids.insert(criterion.id.number()) {
                report(format!("criteria[{i}].id"), Issue::CriterionIdTaken);
            }
            criterion_problems(i, criterion, &mut report);
        }
        let mut option_ids = HashSet::new();
        for (i, option) in self.options.iter().enumerate() {
            if !option_ids.insert(option.id.number()) {
                report(format!("options[{i}].id"), Issue::OptionIdTaken);
            }
            self.option_problems(i, option, &mut report);
        }
        self.settings_problems(&mut report);
        problems
    }

    /// The problems of option `i`: its texts, values, ranges and fit.
    fn option_problems(
        &self,
        i: usize,
        option: &ScenarioOption,
        report: &mut impl FnMut(String, Issue),
    ) {
        let at = |field: &str| format!("options[{i}].{field}");
        if !text_ok(&option.title) {
            report(at("title"), Issue::TooLong);
        }
        if !text_ok(&option.description) {
            report(at("description"), Issue::TooLong);
        }
        if !key_ok(&option.key) {
            report(at("key"), Issue::TooLong);
        }
        for (criterion_id, value) in &option.values {
            let issue = match self.criterion(*criterion_id).map(|c| &c.input) {
                None => Some(Issue::UnknownCriterion),
                Some(CriterionInput::SegmentFit) => Some(Issue::ValueOnSegmentFit),
                Some(CriterionInput::Amount { .. }) => {
                    breach(NumberRule::Amount, *value, Issue::AmountRange)
                }
                Some(CriterionInput::Rating { .. } | CriterionInput::Levels(_)) => {
                    breach(ANY_NUMBER, *value, Issue::NumberRange)
                }
            };
            if let Some(issue) = issue {
                report(at(&format!("values.{criterion_id}")), issue);
            }
        }
        for (criterion_id, range) in &option.ranges {
            let issue = match (
                self.criterion(*criterion_id).map(|c| &c.input),
                option.values.get(criterion_id),
            ) {
                (None, _) => Some(Issue::UnknownCriterion),
                (Some(CriterionInput::SegmentFit), _) => Some(Issue::ValueOnSegmentFit),
                (_, None) => Some(Issue::RangeWithoutValue),
                (Some(input), Some(&v)) => {
                    let rule = match input {
                        CriterionInput::Amount { .. } => NumberRule::Amount,
                        _ => ANY_NUMBER,
                    };
                    [range.low, range.high]
                        .into_iter()
                        .find_map(|x| breach(rule, x, Issue::RangeOrder))
                        .or((!range.holds(v)).then_some(Issue::RangeOrder))
                }
            };
            if let Some(issue) = issue {
                report(at(&format!("ranges.{criterion_id}")), issue);
            }
        }
        let fit_rule = NumberRule::Rating {
            min: 0.0,
            max: FIT_MAX,
        };
        for segment in Segment::ALL {
            if let Some(issue) = option
                .fit
                .get(segment)
                .and_then(|f| breach(fit_rule, f, Issue::FitRange))
            {
                report(at(&format!("fit.{}", segment.key())), issue);
            }
        }
    }

    /// The problems of the lenses and the matrix's settings.
    fn settings_problems(&self, report: &mut impl FnMut(String, Issue)) {
        if let Err(e) = self.model.threshold_rule().check(self.threshold.value()) {
            report("threshold".to_owned(), Issue::Value(e));
        }
        if self.lenses.len() > MAX_LENSES {
            report("lenses".to_owned(), Issue::TooManyLenses);
        }
        let mut lens_ids = HashSet::new();
        for (i, lens) in self.lenses.iter().enumerate() {
            let at = |field: &str| format!("lenses[{i}].{field}");
            if !lens_ids.insert(lens.id.number()) {
                report(at("id"), Issue::LensIdTaken);
            }
            if !text_ok(&lens.name) {
                report(at("name"), Issue::TooLong);
            }
            for id in lens.weights.keys() {
                if self.criterion(*id).is_none() {
                    report(at(&format!("weights.{id}")), Issue::UnknownCriterion);
                }
            }
        }
        for id in self.chart.roles.keys() {
            if self.criterion(*id).is_none() {
                report(format!("chart.roles.{id}"), Issue::UnknownCriterion);
            }
        }
        if let Some(id) = self.chart.bubble.filter(|id| self.criterion(*id).is_none()) {
            report(format!("chart.bubble ({id})"), Issue::UnknownCriterion);
        }
        if self.budget.as_ref().is_some_and(|b| !self.budget_ok(b)) {
            report("budget".to_owned(), Issue::BudgetInvalid);
        }
    }
}

/// A rating may lie off its scale (the scale can change after it was
/// entered): it only has to be a plain number.
const ANY_NUMBER: NumberRule = NumberRule::Rating {
    min: -MAX_AMOUNT,
    max: MAX_AMOUNT,
};

/// Whether `value` breaks `rule`: a number too close to zero is named as
/// such, any other breach by the field's own `issue`.
fn breach(rule: NumberRule, value: f64, issue: Issue) -> Option<Issue> {
    match rule.check(value) {
        Ok(_) => None,
        Err(error @ ValueError::TooCloseToZero) => Some(Issue::Value(error)),
        Err(_) => Some(issue),
    }
}

/// The problems of criterion `i`: its name and its scale or bounds.
fn criterion_problems(i: usize, criterion: &Criterion, report: &mut impl FnMut(String, Issue)) {
    let at = |field: &str| format!("criteria[{i}].{field}");
    if !text_ok(&criterion.name) {
        report(at("name"), Issue::TooLong);
    }
    match &criterion.input {
        CriterionInput::Rating { min, max } => {
            for (field, v) in [("input.min", min), ("input.max", max)] {
                if let Some(issue) = breach(NumberRule::ScaleEnd, *v, Issue::ScaleEndRange) {
                    report(at(field), issue);
                }
            }
            if min >= max {
                report(at("input.max"), Issue::MaxNotAboveMin);
            }
        }
        CriterionInput::Amount { unit, lo, hi } => {
            if unit.chars().count() > MAX_UNIT {
                report(at("input.unit"), Issue::TooLong);
            }
            for (field, v) in [("input.lo", lo), ("input.hi", hi)] {
                if let Some(issue) =
                    v.and_then(|v| breach(NumberRule::Amount, v, Issue::BoundRange))
                {
                    report(at(field), issue);
                }
            }
            if let (Some(lo), Some(hi)) = (lo, hi) {
                if lo >= hi {
                    report(at("input.hi"), Issue::HiNotAboveLo);
                }
            }
        }
        CriterionInput::SegmentFit => {}
        CriterionInput::Levels(levels) => {
            if let Some((level, issue)) = levels_problem(levels) {
                let field = if issue == Issue::LevelLabel {
                    "label"
                } else {
                    "value"
                };
                let place = level.map_or(String::new(), |i| format!("[{i}].{field}"));
                report(at(&format!("input.levels{place}")), issue);
            }
        }
    }
}

/// The first thing wrong with a list of levels, with the level it is in
/// (`None`: the list's length), or `None` when the list is fine: 2 to 20
/// levels, each with a label of its own (under the length limit) and a value
/// of its own.
pub fn levels_problem(levels: &[Level]) -> Option<(Option<usize>, Issue)> {
    if !(2..=MAX_LEVELS).contains(&levels.len()) {
        return Some((None, Issue::LevelCount));
    }
    for (i, level) in levels.iter().enumerate() {
        let earlier = &levels[..i];
        let label = level.label.trim();
        if label.is_empty()
            || level.label.chars().count() > MAX_UNIT
            || earlier.iter().any(|l| l.label.trim() == label)
        {
            return Some((Some(i), Issue::LevelLabel));
        }
        if ANY_NUMBER.check(level.value).is_err() || earlier.iter().any(|l| l.value == level.value)
        {
            return Some((Some(i), Issue::LevelValue));
        }
    }
    None
}

/// Sets `cell` of `scenario` to `value` (a value clears its range).
pub fn set_cell(scenario: &mut Scenario, cell: Cell, value: f64) {
    if let Some(option) = scenario.options.iter_mut().find(|o| o.id == cell.option) {
        let option = Rc::make_mut(option);
        match cell.item {
            Item::Value(id) => {
                option.values.insert(id, value);
                option.ranges.remove(&id);
            }
            Item::Fit(segment) => option.fit.set(segment, Some(value)),
        }
    }
}

/// The weights a lens made from the scenario's working weights holds.
pub fn current_weights(scenario: &Scenario) -> BTreeMap<CriterionId, Weight> {
    scenario.criteria.iter().map(|c| (c.id, c.weight)).collect()
}
/// The scenario as `lens` sees it: its weights (saved lens) or its mix
/// (segment). `None` for a saved lens that is not there.
pub fn through(scenario: &Scenario, lens: LensRef) -> Option<Scenario> {
    let mut seen = scenario.clone();
    match lens {
        LensRef::Current => {}
        LensRef::Saved(id) => {
            let lens = scenario.lenses.iter().find(|l| l.id == id)?;
            for criterion in &mut seen.criteria {
                criterion.weight = lens.weights.get(&criterion.id).copied().unwrap_or_default();
            }
        }
        LensRef::Segment(segment) => seen.segment_mix = SegmentMix::only(segment),
    }
    Some(seen)
}

impl Item {
    /// The rule a score of this item follows in `scenario` (`None` when the
    /// criterion is gone or is not scored by value).
    pub fn rule(self, scenario: &Scenario) -> Option<NumberRule> {
        match self {
            Item::Value(id) => scenario.rule_of(scenario.criterion(id)?),
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

/// Sets `slot` to `value`; whether that changed it.
fn replace<T: PartialEq>(slot: &mut T, value: T) -> bool {
    if *slot == value {
        false
    } else {
        *slot = value;
        true
    }
}

/// The rule an option's value on `criterion` follows under `model`: its
/// input's rule, and more than 0 where it divides the score (ratio model).
/// `None` for segment fit.
pub fn rule_in(model: ScoreModel, criterion: &Criterion) -> Option<NumberRule> {
    let rule = criterion.input.value_rule()?;
    if model != ScoreModel::Ratio || criterion.role != RatioRole::Divide {
        return Some(rule);
    }
    Some(match rule {
        NumberRule::Rating { min, max } => NumberRule::Divisor { min, max },
        _ => NumberRule::Divisor {
            min: 0.0,
            max: MAX_AMOUNT,
        },
    })
}

/// `text` when a scenario may hold it.
fn checked_text(text: String) -> Result<String, EditRefused> {
    if text_ok(&text) {
        Ok(text)
    } else {
        Err(EditRefused::InvalidValue)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn empty() -> Scenario {
        let names = crate::i18n::Lang::En.texts().demo.criteria;
        Scenario::with_default_criteria(ScenarioId::from_parts(1, 1), "Test".into(), names)
    }

    #[test]
    fn a_new_scenario_has_the_four_default_criteria() {
        let s = empty();
        let kinds: Vec<_> = s
            .criteria
            .iter()
            .map(|c| (c.name.as_str(), c.input.kind(), c.direction))
            .collect();
        assert_eq!(
            kinds,
            [
                ("Cost", InputKind::Amount, Direction::LowerIsBetter),
                (
                    "Time to market",
                    InputKind::Amount,
                    Direction::LowerIsBetter
                ),
                (
                    "Metric impact",
                    InputKind::Rating,
                    Direction::HigherIsBetter
                ),
                (
                    "Segment fit",
                    InputKind::SegmentFit,
                    Direction::HigherIsBetter
                ),
            ]
        );
        assert!(s.options.is_empty());
        assert!(s.problems().is_empty());
    }

    #[test]
    fn edits_report_whether_they_changed_anything() {
        let mut s = empty();
        assert_eq!(
            s.apply(ScenarioEdit::AddOption { title: "A".into() }),
            Ok(true)
        );
        let o = s.options[0].id;
        let c = CriterionId::new(3);
        assert_eq!(s.apply(ScenarioEdit::SetValue(o, c, Some(4.0))), Ok(true));
        assert_eq!(s.apply(ScenarioEdit::SetValue(o, c, Some(4.0))), Ok(false));
        assert_eq!(
            s.apply(ScenarioEdit::SetValue(o, c, Some(9.0))),
            Err(EditRefused::InvalidValue)
        );
        assert_eq!(
            s.apply(ScenarioEdit::SetValue(o, CriterionId::new(4), Some(3.0))),
            Err(EditRefused::InvalidValue)
        );
        assert_eq!(
            s.apply(ScenarioEdit::SetValue(OptionId::new(99), c, Some(3.0))),
            Err(EditRefused::UnknownId)
        );
        assert_eq!(s.apply(ScenarioEdit::SetValue(o, c, None)), Ok(true));
        assert!(s.options[0].values.is_empty());
    }

    #[test]
    fn new_ids_never_reuse_a_taken_one() {
        let mut s = empty();
        for title in ["A", "B", "C"] {
            s.apply(ScenarioEdit::AddOption {
                title: title.into(),
            })
            .unwrap();
        }
        s.apply(ScenarioEdit::RemoveOption(OptionId::new(2)))
            .unwrap();
        s.apply(ScenarioEdit::AddOption { title: "D".into() })
            .unwrap();
        let ids: Vec<_> = s.options.iter().map(|o| o.id.to_string()).collect();
        assert_eq!(ids, ["o1", "o3", "o4"]);
        s.apply(ScenarioEdit::AddCriterion {
            name: "Risk".into(),
            kind: InputKind::Rating,
        })
        .unwrap();
        assert_eq!(s.criteria.last().unwrap().id, CriterionId::new(5));
    }

    #[test]
    fn removing_a_criterion_removes_its_values() {
        let mut s = empty();
        s.apply(ScenarioEdit::AddOption { title: "A".into() })
            .unwrap();
        let o = s.options[0].id;
        s.apply(ScenarioEdit::SetValue(o, CriterionId::new(1), Some(10.0)))
            .unwrap();
        s.apply(ScenarioEdit::RemoveCriterion(CriterionId::new(1)))
            .unwrap();
        assert!(s.options[0].values.is_empty());
        assert!(s.problems().is_empty());
    }

    #[test]
    fn bounds_and_scales_keep_their_order() {
        let mut s = empty();
        let cost = CriterionId::new(1);
        assert_eq!(
            s.apply(ScenarioEdit::SetBound(cost, Bound::High, Some(100.0))),
            Ok(true)
        );
        assert_eq!(
            s.apply(ScenarioEdit::SetBound(cost, Bound::Low, Some(100.0))),
            Err(EditRefused::InvalidValue)
        );
        assert_eq!(
            s.apply(ScenarioEdit::SetBound(cost, Bound::Low, Some(-1.0))),
            Err(EditRefused::InvalidValue)
        );
        let impact = CriterionId::new(3);
        assert_eq!(
            s.apply(ScenarioEdit::SetScaleEnd(impact, ScaleEnd::Max, 1.0)),
            Err(EditRefused::InvalidValue)
        );
        assert_eq!(
            s.apply(ScenarioEdit::SetScaleEnd(impact, ScaleEnd::Max, 10.0)),
            Ok(true)
        );
    }

    #[test]
    fn a_key_is_shown_short() {
        assert_eq!(key_label("ONB-101"), "ONB-101");
        assert_eq!(
            key_label("https://github.com/acme/app/issues/17"),
            "acme/app#17"
        );
        assert_eq!(
            key_label("https://github.com/acme/app/pull/9"),
            "acme/app#9"
        );
        assert_eq!(key_label("https://gitlab.com/g/p/-/issues/3"), "g/p#3");
        assert_eq!(
            key_label("https://linear.app/acme/issue/ENG-42/"),
            "linear.app/acme/issue/ENG-42"
        );
        assert!(key_is_address("https://x.org/1") && !key_is_address("javascript:alert(1)"));
    }

    #[test]
    fn problems_name_the_place() {
        let mut s = empty();
        s.apply(ScenarioEdit::AddOption { title: "A".into() })
            .unwrap();
        let option = Rc::make_mut(&mut s.options[0]);
        option.values.insert(CriterionId::new(42), 1.0);
        option.values.insert(CriterionId::new(1), -5.0);
        option.fit.smb = Some(7.0);
        s.criteria[2].input = CriterionInput::Rating { min: 5.0, max: 1.0 };
        let paths: Vec<_> = s.problems().into_iter().map(|p| p.path).collect();
        assert_eq!(
            paths,
            [
                "criteria[2].input.max",
                "options[0].values.c1",
                "options[0].values.c42",
                "options[0].fit.smb"
            ]
        );
    }

    #[test]
    fn files_with_unknown_fields_or_bad_numbers_do_not_load() {
        use crate::domain::formats::scenario::{read_scenario, scenario_text};
        let text = scenario_text(&empty());
        let read = |text: &str| read_scenario(text).map_err(|e| e.to_string());
        let extra = text.replacen('{', "{\"surprise\":1,", 1);
        assert_eq!(
            read(&extra),
            Err("surprise: is not a field Kerze knows".to_owned())
        );
        let negative = text.replacen("\"weight\":3.0", "\"weight\":-1", 1);
        assert_eq!(
            read(&negative),
            Err("criteria[0].weight: must be zero or more".to_owned())
        );
        assert_eq!(read(&text), Ok(empty()));
    }
}
