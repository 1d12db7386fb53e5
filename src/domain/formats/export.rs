//! The JSON export of a ranked backlog (format `kerze-export`, version 4;
//! documented by `schema/kerze-export.v4.schema.json`; version 1, without the
//! analyses, by `schema/kerze-export.v1.schema.json`; versions 2 and 3 by their own).

use crate::domain::analyses::acceptability::{scenario_seed, Sampler, SAMPLES};

use crate::domain::analyses::budget::best_set;
use crate::domain::analyses::knapsack::Exactness;
use crate::domain::analyses::lens::{all_lenses, lens_ranking};
use crate::domain::analyses::matrix;
use crate::domain::analyses::sensitivity::{place_intervals, single_flip};
use crate::domain::analyses::uncertainty::{samples_values, ValueSampler};
use crate::domain::formats::scenario::ScenarioWire;
use crate::domain::formats::to_pretty;
use crate::domain::model::criterion::ScoreModel;
use crate::domain::model::ids::{CriterionId, OptionId};
use crate::domain::model::scenario::Scenario;
use crate::domain::model::segment::PerSegment;
use crate::domain::model::settings::LensRef;
use crate::domain::model::settings::WeightMode;
use crate::domain::scoring::{formula, rank, segment_ranks, RankingNote};
use schemars::JsonSchema;
use serde::{Serialize, Serializer};
use std::collections::BTreeMap;

/// Name of the export format.
pub const EXPORT_FORMAT: &str = "kerze-export";
/// Version of the export format written by this build.
pub const EXPORT_VERSION: u32 = 7;

/// Options (best first) whose weight stability is exported: each costs a
/// pass over all the others.
pub const STABILITY_EXPORTED: usize = 100;

/// A whole export file: the scenario's inputs and its ranking.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct Export {
    /// Always [`EXPORT_FORMAT`].
    pub format: String,
    /// Format version.
    pub version: u32,
    /// When the file was made (ISO 8601, UTC).
    pub exported_at: String,
    /// The inputs.
    #[serde(serialize_with = "write_scenario")]
    #[schemars(with = "ScenarioWire")]
    pub scenario: Scenario,
    /// The result.
    pub ranking: ExportedRanking,
}

/// The ranking part of an export.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct ExportedRanking {
    /// Model used: `weighted_sum` or `ratio`.
    pub model: ScoreModel,
    /// The ratio model's formula in the criteria's names
    /// (`Reach × Impact × Confidence ÷ Effort`; since version 5).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub formula: Option<String>,
    /// `Σ w_c` over effective weights.
    pub total_weight: f64,
    /// Effective weight per criterion.
    pub weights: BTreeMap<CriterionId, f64>,
    /// Notes, as codes (`all_weights_zero`, `mix_all_zero:c4`, …).
    pub notes: Vec<String>,
    /// How the analyses ran.
    pub analysis: ExportedAnalysis,
    /// Ranked options, best first.
    pub options: Vec<ExportedOption>,
    /// The ranking under each saved lens, then each segment alone.
    pub lenses: Vec<ExportedLens>,
    /// The best set within the scenario's budget (since version 6; absent
    /// without a budget or where there is none to find).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub best_set: Option<ExportedBestSet>,
}

/// The best set within the budget.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct ExportedBestSet {
    /// The amount criterion whose values are the costs.
    pub criterion: CriterionId,
    /// The budget, in the criterion's unit.
    pub budget: f64,
    /// The options chosen, in entry order.
    pub chosen: Vec<OptionId>,
    /// Their total cost.
    pub used: f64,
    /// Their total value (value index, or the ratio's numerator).
    pub value: f64,
    /// Whether the set is proven best (`false`: the search stopped at its
    /// limit of work, `gap` more value may exist).
    pub exact: bool,
    /// How much more value the bound leaves open when not exact.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gap: Option<f64>,
    /// What going down the ranking until the budget runs out gives.
    pub down_the_ranking: Vec<OptionId>,
    /// Options that were no candidates: `no_cost`, `never`, `below_line`, `no_value`.
    pub left_out: BTreeMap<OptionId, &'static str>,
    /// The best value at every budget up to twice this one: each step's
    /// budget (the cost of its set) and value.
    pub frontier: Vec<[f64; 2]>,
}

/// The ranking under one lens.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct ExportedLens {
    /// `l1`… for a saved lens, `segment:smb`… for a segment alone.
    pub lens: String,
    /// The lens's name (a segment's key for a segment alone).
    pub name: String,
    /// Options best first: id, rank and score.
    pub ranking: Vec<LensRow>,
}

/// An option's place under a lens.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, JsonSchema)]
pub struct LensRow {
    /// The option.
    pub id: OptionId,
    /// Its rank under the lens.
    pub rank: u32,
    /// Its score under the lens.
    pub score: f64,
}

/// An option's place in the value/effort matrix.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct ExportedPoint {
    /// Value index 0–100.
    pub value: f64,
    /// Effort index 0–100.
    pub effort: f64,
    /// `quick_win`, `big_bet`, `fill_in` or `money_pit`.
    pub quadrant: &'static str,
    /// An option better on both indices (`null`: none).
    pub dominated_by: Option<OptionId>,
}

/// How the weight and value samples were drawn (the same figures as on screen).
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct ExportedAnalysis {
    /// `around` (±25 %), `keep_order` or `any`.
    pub weight_sampling: WeightMode,
    /// The seed, 16 hex digits.
    pub seed: String,
    /// Weight samples drawn.
    pub samples: u32,
    /// Value samples drawn (only when some value has a range).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value_samples: Option<u32>,
}

/// Where a weight's share may go while an option keeps its place.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct ExportedInterval {
    /// The share now (0–1).
    pub share: f64,
    /// Lowest share (0–1) at which the option keeps its place.
    pub low: f64,
    /// Highest share (0–1).
    pub high: f64,
    /// Who changes places with it just below `low` (`null`: nobody, down to 0).
    pub below: Option<OptionId>,
    /// Who changes places with it just above `high` (`null`: nobody, up to 1).
    pub above: Option<OptionId>,
}

/// The smallest change of one weight that changes an option's place.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct ExportedFlip {
    /// The criterion.
    pub criterion: CriterionId,
    /// Its share now (0–1).
    pub from: f64,
    /// The share (0–1) at which the other option draws level.
    pub to: f64,
    /// The option it changes places with.
    pub option: OptionId,
}

/// An option's share of places 1–3 over the weight samples.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct ExportedAcceptability {
    /// Share (0–1) of samples in which it is first (tied firsts share).
    pub first: f64,
    /// Second.
    pub second: f64,
    /// Third.
    pub third: f64,
    /// Mean share of each criterion over the samples it wins (`null`: never first).
    pub central_weights: Option<BTreeMap<CriterionId, f64>>,
}

/// What the value ranges make of an option.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct ExportedUncertainty {
    /// Chance (0–1) of being #1.
    pub p_first: f64,
    /// Chance of ranking 3rd or better.
    pub p_top3: f64,
    /// Chance of scoring at least the threshold.
    pub p_above_threshold: f64,
    /// 5th, 50th and 95th percentile score (to a tenth).
    pub score_percentiles: [f64; 3],
}

/// One ranked option in an export.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct ExportedOption {
    /// Standard competition rank.
    pub rank: u32,
    /// The option's id.
    pub id: OptionId,
    /// The option's title.
    pub title: String,
    /// Score: 0–100 in the weighted sum, the framework's own number in the
    /// ratio model (RICE 4,000; WSJF 3.0).
    pub score: f64,
    /// Contribution per criterion; they sum to the score (weighted sum; in
    /// the ratio model those of the added criteria, times the factors).
    pub contributions: BTreeMap<CriterionId, f64>,
    /// The ratio model's numerator and divisor (`null` divisor: one is
    /// missing or 0, and the score is 0; since version 5).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ratio: Option<ExportedRatio>,
    /// Score below the scenario's threshold.
    pub below_threshold: bool,
    /// A needed value is missing.
    pub incomplete: bool,
    /// Criteria whose value is missing.
    pub missing: Vec<CriterionId>,
    /// Rank with the mix set to each segment alone.
    pub segment_ranks: PerSegment<u32>,
    /// Per criterion, where its weight's share may go while the option keeps
    /// its place (the first [`STABILITY_EXPORTED`] options; else `null`).
    pub stability: Option<BTreeMap<CriterionId, ExportedInterval>>,
    /// The smallest single-weight change that changes its place (`null`: none does).
    pub smallest_flip: Option<ExportedFlip>,
    /// Its places over the weight samples.
    pub acceptability: ExportedAcceptability,
    /// What the value ranges make of it (only when some value has a range).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uncertainty: Option<ExportedUncertainty>,
    /// Its place in the value/effort matrix (only when the scenario has one).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub matrix: Option<ExportedPoint>,
}

/// The parts of a ratio score.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct ExportedRatio {
    /// `(Σ_add w v, or 1) × Π_multiply v`.
    pub numerator: f64,
    /// `Π_divide v`.
    pub divisor: Option<f64>,
}

fn write_scenario<S: Serializer>(scenario: &Scenario, writer: S) -> Result<S::Ok, S::Error> {
    ScenarioWire::from(scenario).serialize(writer)
}

/// The note as a short stable code.
pub fn note_code(note: &RankingNote) -> String {
    match note {
        RankingNote::NoOptions => "no_options".to_owned(),
        RankingNote::NoCriteria => "no_criteria".to_owned(),
        RankingNote::AllWeightsZero => "all_weights_zero".to_owned(),
        RankingNote::MixAllZero(id) => format!("mix_all_zero:{id}"),
        RankingNote::SameAmountEverywhere(id) => format!("same_amount_everywhere:{id}"),
        RankingNote::AddedScaleNotFromOne(id, _) => format!("added_scale_not_from_one:{id}"),
    }
}

/// Builds the export of `scenario`, stamped with `exported_at`.
pub fn export(scenario: &Scenario, exported_at: String) -> Export {
    export_sampled(scenario, exported_at, SAMPLES)
}

/// [`export`] with `samples` weight and value samples (at most
/// [`SAMPLES`]): the same figures as on screen while a run is partial.
pub fn export_sampled(scenario: &Scenario, exported_at: String, samples: u32) -> Export {
    let ranking = rank(scenario);
    let by_segment = segment_ranks(scenario, &ranking);
    let columns = || ranking.criteria.iter().copied().enumerate();
    let mode = scenario.analysis.weights;
    let seed = scenario_seed(scenario, mode);
    let mut weights = Sampler::new(&ranking, mode, seed);
    weights.run(samples);
    let acceptability = weights.result();
    let values = samples_values(scenario).then(|| {
        let mut values = ValueSampler::new(scenario, &ranking, seed);
        values.run(samples);
        values.result().clone()
    });
    let id_of = |index: usize| scenario.options[index].id;
    let points = matrix::points(scenario, &ranking).ok();
    let share_map = |shares: &[f64]| -> BTreeMap<CriterionId, f64> {
        columns()
            .map(|(c, id)| (id, shares.get(c).copied().unwrap_or(0.0)))
            .collect()
    };
    let options = ranking
        .rows
        .iter()
        .enumerate()
        .map(|(position, row)| {
            let intervals = if position < STABILITY_EXPORTED {
                place_intervals(&ranking, position)
            } else {
                Vec::new()
            };
            ExportedOption {
                rank: row.rank,
                id: row.id,
                title: scenario.options[row.index].title.clone(),
                score: row.score,
                contributions: columns()
                    .map(|(c, id)| (id, ranking.contribution(row.index, c)))
                    .collect(),
                ratio: ranking.ratio.as_ref().map(|parts| ExportedRatio {
                    numerator: parts.numerator[row.index],
                    divisor: parts.divisor[row.index],
                }),
                below_threshold: row.below_threshold,
                incomplete: row.incomplete,
                missing: columns()
                    .filter(|&(c, _)| ranking.is_missing(row.index, c))
                    .map(|(_, id)| id)
                    .collect(),
                segment_ranks: by_segment[row.index],
                stability: (!intervals.is_empty()).then(|| {
                    columns()
                        .zip(&intervals)
                        .map(|((_, id), i)| {
                            let interval = ExportedInterval {
                                share: i.now,
                                low: i.low,
                                high: i.high,
                                below: i.below.map(id_of),
                                above: i.above.map(id_of),
                            };
                            (id, interval)
                        })
                        .collect()
                }),
                smallest_flip: single_flip(&intervals).map(|f| ExportedFlip {
                    criterion: ranking.criteria[f.column],
                    from: f.from / 100.0,
                    to: f.to / 100.0,
                    option: id_of(f.leader),
                }),
                acceptability: ExportedAcceptability {
                    first: acceptability.place(row.index, 0),
                    second: acceptability.place(row.index, 1),
                    third: acceptability.place(row.index, 2),
                    central_weights: acceptability
                        .central_weights(row.index)
                        .map(|w| share_map(&w)),
                },
                uncertainty: values.as_ref().map(|u| ExportedUncertainty {
                    p_first: u.first(row.index),
                    p_top3: u.top3(row.index),
                    p_above_threshold: u.above(row.index),
                    score_percentiles: [0.05, 0.5, 0.95].map(|q| u.percentile(row.index, q)),
                }),
                matrix: points.as_ref().map(|points| {
                    let p = points[row.index];
                    ExportedPoint {
                        value: p.value,
                        effort: p.effort,
                        quadrant: p.quadrant.key(),
                        dominated_by: p.dominated_by.map(id_of),
                    }
                }),
            }
        })
        .collect();
    Export {
        format: EXPORT_FORMAT.to_owned(),
        version: EXPORT_VERSION,
        exported_at,
        scenario: scenario.clone(),
        ranking: ExportedRanking {
            model: scenario.model,
            formula: ranking.ratio.is_some().then(|| formula(scenario, false)),
            total_weight: ranking.total_weight,
            weights: columns().map(|(c, id)| (id, ranking.weights[c])).collect(),
            notes: ranking.notes.iter().map(note_code).collect(),
            analysis: ExportedAnalysis {
                weight_sampling: mode,
                seed: format!("{seed:016x}"),
                samples: acceptability.samples,
                value_samples: values.as_ref().map(|u| u.samples),
            },
            options,
            lenses: exported_lenses(scenario),
            best_set: exported_best_set(scenario, &ranking),
        },
    }
}

/// The best set within the scenario's budget, if it has one.
fn exported_best_set(
    scenario: &Scenario,
    ranking: &crate::domain::scoring::Ranking,
) -> Option<ExportedBestSet> {
    let budget = scenario.budget.as_ref()?;
    let set = best_set(scenario, ranking, budget).ok()?;
    let ids = |items: &[usize]| items.iter().map(|&i| scenario.options[i].id).collect();
    Some(ExportedBestSet {
        criterion: budget.criterion,
        budget: budget.amount,
        chosen: ids(&set.best.items),
        used: set.best.cost,
        value: set.best.value,
        exact: set.exactness == Exactness::Exact,
        gap: match set.exactness {
            Exactness::Exact => None,
            Exactness::Stopped { gap } => Some(gap),
        },
        down_the_ranking: ids(&set.down_the_ranking.items),
        left_out: set
            .left_out
            .iter()
            .map(|&(i, why)| (scenario.options[i].id, why.key()))
            .collect(),
        frontier: set.frontier.iter().map(|s| [s.budget, s.value]).collect(),
    })
}

/// The ranking under each saved lens, then each segment alone.
fn exported_lenses(scenario: &Scenario) -> Vec<ExportedLens> {
    all_lenses(scenario)
        .into_iter()
        .filter(|lens| *lens != LensRef::Current)
        .filter_map(|lens| {
            let ranking = lens_ranking(scenario, lens)?;
            let name = match lens {
                LensRef::Saved(id) => scenario.lens_name(id),
                LensRef::Segment(segment) => segment.key().to_owned(),
                LensRef::Current => String::new(),
            };
            Some(ExportedLens {
                lens: lens.key(),
                name,
                ranking: ranking
                    .rows
                    .iter()
                    .map(|row| LensRow {
                        id: row.id,
                        rank: row.rank,
                        score: row.score,
                    })
                    .collect(),
            })
        })
        .collect()
}

/// The JSON Schema of the export file, generated from the types that write
/// it (`schema/kerze-export.v4.schema.json` holds it; a test keeps them equal).
pub fn export_schema() -> String {
    use schemars::generate::SchemaSettings;
    use schemars::transform::RecursiveTransform;
    // Number formats (`uint32`, `double`) say what Rust holds, not what a
    // reader must check: left out, as JSON has only numbers.
    let drop_formats = RecursiveTransform(|schema: &mut schemars::Schema| {
        if let Some(fields) = schema.as_object_mut() {
            fields.remove("format");
        }
    });
    let generator = SchemaSettings::draft2020_12()
        .for_serialize()
        .with_transform(drop_formats)
        .into_generator();
    let mut schema = generator.into_root_schema_for::<Export>();
    let id = format!("{EXPORT_FORMAT}.v{EXPORT_VERSION}.schema.json");
    schema.insert("$id".to_owned(), id.into());
    let title = format!("Kerze export, format version {EXPORT_VERSION}");
    schema.insert("title".to_owned(), title.into());
    to_pretty(&schema) + "\n"
}

/// The export as pretty JSON text.
pub fn export_json(scenario: &Scenario, exported_at: String) -> String {
    export_json_sampled(scenario, exported_at, SAMPLES)
}

/// [`export_json`] with `samples` samples.
pub fn export_json_sampled(scenario: &Scenario, exported_at: String, samples: u32) -> String {
    to_pretty(&export_sampled(scenario, exported_at, samples))
}

/// A file name such as `kerze-enterprise-onboarding-2026-11-26.json`.
pub fn export_file_name(scenario_name: &str, date: &str, extension: &str) -> String {
    let mut slug = String::new();
    // ASCII and German letters only: a full Unicode case table would cost the
    // download more than it gives a file name.
    for ch in scenario_name.chars().map(|c| c.to_ascii_lowercase()) {
        let piece = match ch {
            'ä' | 'Ä' => "ae",
            'ö' | 'Ö' => "oe",
            'ü' | 'Ü' => "ue",
            'ß' => "ss",
            c if c.is_ascii_alphanumeric() => {
                slug.push(c);
                continue;
            }
            _ => "-",
        };
        slug.push_str(piece);
    }
    let mut words: Vec<&str> = slug.split('-').filter(|w| !w.is_empty()).collect();
    let mut length = 0;
    words.retain(|w| {
        length += w.len() + 1;
        length <= 60
    });
    let slug = if words.is_empty() {
        "scenario".to_owned()
    } else {
        words.join("-")
    };
    format!("kerze-{slug}-{date}.{extension}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_are_safe_slugs() {
        assert_eq!(
            export_file_name("Enterprise onboarding: Q3!", "2026-11-26", "json"),
            "kerze-enterprise-onboarding-q3-2026-11-26.json"
        );
        assert_eq!(
            export_file_name("Größe über Maß", "2026-01-02", "json"),
            "kerze-groesse-ueber-mass-2026-01-02.json"
        );
        assert_eq!(
            export_file_name("<script>", "d", "json"),
            "kerze-script-d.json"
        );
        assert_eq!(
            export_file_name("   ", "d", "json"),
            "kerze-scenario-d.json"
        );
        assert!(export_file_name(&"word ".repeat(100), "d", "json").len() < 80);
    }
}
