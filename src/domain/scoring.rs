//! The weighted-sum scoring model and the ranking (see PRODUCT.md, "Scoring model").

use super::criterion::{CriterionInput, Direction};
use super::ids::{CriterionId, OptionId};
use super::scenario::Scenario;
use super::segment::{PerSegment, Segment, SegmentMix, FIT_MAX};

/// Scores closer than this tie and share a rank.
pub const TIE_TOLERANCE: f64 = 1e-9;

/// Something the user should know about a ranking, shown beside it.
#[derive(Clone, Debug, PartialEq)]
pub enum RankingNote {
    /// The scenario has no options yet.
    NoOptions,
    /// The scenario has no criteria.
    NoCriteria,
    /// Every effective weight is 0, so every score is 0.
    AllWeightsZero,
    /// Every segment-mix weight is 0, so this segment-fit criterion counts as weight 0.
    MixAllZero(CriterionId),
    /// Every option has the same amount on this criterion (`hi == lo`): all get utility 1.
    SameAmountEverywhere(CriterionId),
}

/// One option's place in the ranking.
#[derive(Clone, Debug, PartialEq)]
pub struct RankedOption {
    /// Position of the option in the scenario (entry order).
    pub index: usize,
    /// The option's id.
    pub id: OptionId,
    /// Standard competition rank (1, 2, 2, 4).
    pub rank: u32,
    /// Score 0–100.
    pub score: f64,
    /// A value it needs is missing.
    pub incomplete: bool,
    /// Its score is below the scenario's threshold.
    pub below_threshold: bool,
    /// Its rank when the mix is one segment alone.
    pub segment_ranks: PerSegment<u32>,
}

/// How a criterion turns values into utilities, prepared once per scenario.
#[derive(Clone, Copy, Debug)]
enum Column {
    /// `u = clamp((v − lo) / span)` (or `1 − …` when lower is better).
    Linear {
        lo: f64,
        span: f64,
        lower_is_better: bool,
    },
    /// Every present value has utility 1 (`hi == lo`).
    Flat,
    /// Segment fit: depends on the mix.
    Fit,
}

impl Column {
    fn utility(self, value: f64) -> f64 {
        match self {
            Column::Linear {
                lo,
                span,
                lower_is_better,
            } => {
                let n = ((value - lo) / span).clamp(0.0, 1.0);
                if lower_is_better {
                    1.0 - n
                } else {
                    n
                }
            }
            Column::Flat => 1.0,
            Column::Fit => value / FIT_MAX,
        }
    }
}

/// The ranked backlog of a scenario, with everything needed to explain each score.
#[derive(Clone, Debug, PartialEq)]
pub struct Ranking {
    /// Criteria ids in scenario order (columns of the matrices below).
    pub criteria: Vec<CriterionId>,
    /// Effective weight per criterion (segment fit with an all-zero mix counts 0).
    pub weights: Vec<f64>,
    /// `Σ w_c` over effective weights.
    pub total_weight: f64,
    /// Ranked options, best first.
    pub rows: Vec<RankedOption>,
    /// Notes to show beside the ranking.
    pub notes: Vec<RankingNote>,
    utilities: Vec<f64>,
    missing: Vec<bool>,
    row_of_option: Vec<usize>,
}

impl Ranking {
    /// Utility `u ∈ [0, 1]` of the option at `index` (entry order) on criterion column `c`.
    pub fn utility(&self, index: usize, c: usize) -> f64 {
        self.utilities[index * self.criteria.len() + c]
    }

    /// Whether the option at `index` lacks a value on criterion column `c`.
    pub fn is_missing(&self, index: usize, c: usize) -> bool {
        self.missing[index * self.criteria.len() + c]
    }

    /// Contribution `100 × w_c u_c / Σ w` of column `c` to the option at `index`.
    pub fn contribution(&self, index: usize, c: usize) -> f64 {
        if self.total_weight > 0.0 {
            100.0 * self.weights[c] * self.utility(index, c) / self.total_weight
        } else {
            0.0
        }
    }

    /// The ranked row of the option at `index` (entry order).
    pub fn row_for(&self, index: usize) -> Option<&RankedOption> {
        self.row_of_option
            .get(index)
            .and_then(|&r| self.rows.get(r))
    }
}

/// Scores and ranks every option of `scenario` by the weighted-sum model.
pub fn rank(scenario: &Scenario) -> Ranking {
    let k = scenario.criteria.len();
    let n = scenario.options.len();
    let mut notes = Vec::new();
    if n == 0 {
        notes.push(RankingNote::NoOptions);
    }
    if k == 0 {
        notes.push(RankingNote::NoCriteria);
    }

    let columns: Vec<Column> = scenario
        .criteria
        .iter()
        .map(|criterion| {
            let lower_is_better = criterion.effective_direction() == Direction::LowerIsBetter;
            match criterion.input {
                CriterionInput::Rating { min, max } => Column::Linear {
                    lo: min,
                    span: max - min,
                    lower_is_better,
                },
                CriterionInput::Amount { lo, hi, .. } => {
                    let present = scenario
                        .options
                        .iter()
                        .filter_map(|o| o.values.get(&criterion.id).copied());
                    let (data_lo, data_hi) = present
                        .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| {
                            (a.min(v), b.max(v))
                        });
                    let lo = lo.unwrap_or(data_lo);
                    let hi = hi.unwrap_or(data_hi);
                    if hi > lo {
                        Column::Linear {
                            lo,
                            span: hi - lo,
                            lower_is_better,
                        }
                    } else {
                        if hi == lo {
                            notes.push(RankingNote::SameAmountEverywhere(criterion.id));
                        }
                        Column::Flat
                    }
                }
                CriterionInput::SegmentFit => Column::Fit,
            }
        })
        .collect();

    let mix = scenario.segment_mix;
    let mix_counts = mix.total() > 0.0;
    let weights: Vec<f64> = scenario
        .criteria
        .iter()
        .zip(&columns)
        .map(|(criterion, column)| match column {
            Column::Fit if !mix_counts => {
                notes.push(RankingNote::MixAllZero(criterion.id));
                0.0
            }
            _ => criterion.weight.value(),
        })
        .collect();
    let total_weight: f64 = weights.iter().sum();
    if total_weight <= 0.0 && k > 0 {
        notes.push(RankingNote::AllWeightsZero);
    }

    // Utilities for the scenario's own mix, plus the part of every score that
    // does not depend on the mix, reused by the three per-segment views.
    let mut utilities = vec![0.0; n * k];
    let mut missing = vec![false; n * k];
    let mut scores = vec![0.0; n];
    let mut fixed_part = vec![0.0; n];
    let mut incomplete = vec![false; n];
    for (i, option) in scenario.options.iter().enumerate() {
        let row = i * k;
        for (c, (criterion, column)) in scenario.criteria.iter().zip(&columns).enumerate() {
            let (u, lacks) = match column {
                Column::Fit => match option.fit.fit(&mix) {
                    Some((fit, lacks)) => (column.utility(fit), lacks),
                    None => (0.0, false),
                },
                _ => match option.values.get(&criterion.id) {
                    Some(&v) => {
                        let u = column.utility(v);
                        fixed_part[i] += weights[c] * u;
                        (u, false)
                    }
                    None => (0.0, true),
                },
            };
            utilities[row + c] = u;
            missing[row + c] = lacks;
            incomplete[i] |= lacks;
        }
        if total_weight > 0.0 {
            // The score is the sum of the contributions, so they add up exactly.
            scores[i] = (0..k)
                .map(|c| 100.0 * weights[c] * utilities[row + c] / total_weight)
                .sum();
        }
    }

    let fit_columns: Vec<usize> = (0..k)
        .filter(|&c| matches!(columns[c], Column::Fit))
        .collect();
    let segment_ranks = PerSegment {
        smb: segment_view(scenario, &fixed_part, &weights, &fit_columns, Segment::Smb),
        enterprise: segment_view(
            scenario,
            &fixed_part,
            &weights,
            &fit_columns,
            Segment::Enterprise,
        ),
        public_sector: segment_view(
            scenario,
            &fixed_part,
            &weights,
            &fit_columns,
            Segment::PublicSector,
        ),
    };

    let threshold = scenario.threshold.value();
    let (order, ranks) = rank_scores(&scores);
    let mut row_of_option = vec![0; n];
    let rows = order
        .iter()
        .enumerate()
        .map(|(r, &i)| {
            row_of_option[i] = r;
            RankedOption {
                index: i,
                id: scenario.options[i].id,
                rank: ranks[i],
                score: scores[i],
                incomplete: incomplete[i],
                below_threshold: threshold > 0.0 && scores[i] < threshold - TIE_TOLERANCE,
                segment_ranks: PerSegment {
                    smb: segment_ranks.smb[i],
                    enterprise: segment_ranks.enterprise[i],
                    public_sector: segment_ranks.public_sector[i],
                },
            }
        })
        .collect();

    Ranking {
        criteria: scenario.criteria.iter().map(|c| c.id).collect(),
        weights,
        total_weight,
        rows,
        notes,
        utilities,
        missing,
        row_of_option,
    }
}

/// Ranks (by entry index) of every option with the mix set to `segment` alone.
fn segment_view(
    scenario: &Scenario,
    fixed_part: &[f64],
    weights: &[f64],
    fit_columns: &[usize],
    segment: Segment,
) -> Vec<u32> {
    let fit_weight: f64 = fit_columns
        .iter()
        .map(|&c| scenario.criteria[c].weight.value())
        .sum();
    let total: f64 = weights.iter().sum::<f64>()
        - fit_columns.iter().map(|&c| weights[c]).sum::<f64>()
        + fit_weight;
    let only = SegmentMix::only(segment);
    let scores: Vec<f64> = scenario
        .options
        .iter()
        .zip(fixed_part)
        .map(|(option, fixed)| {
            if total <= 0.0 {
                return 0.0;
            }
            let fit = option.fit.fit(&only).map_or(0.0, |(f, _)| f / FIT_MAX);
            100.0 * (fixed + fit_weight * fit) / total
        })
        .collect();
    rank_scores(&scores).1
}

/// Orders scores best first and gives each its standard competition rank.
/// Scores within [`TIE_TOLERANCE`] of a group's best tie; tied options keep
/// their entry order. Returns the order (entry indices) and the rank per entry index.
pub fn rank_scores(scores: &[f64]) -> (Vec<usize>, Vec<u32>) {
    let mut order: Vec<usize> = (0..scores.len()).collect();
    order.sort_unstable_by(|&a, &b| scores[b].total_cmp(&scores[a]).then(a.cmp(&b)));
    let mut ranks = vec![0; scores.len()];
    let mut start = 0;
    while start < order.len() {
        let best = scores[order[start]];
        let end = start
            + order[start..]
                .iter()
                .take_while(|&&i| best - scores[i] <= TIE_TOLERANCE)
                .count();
        order[start..end].sort_unstable();
        let rank = u32::try_from(start + 1).unwrap_or(u32::MAX);
        for &i in &order[start..end] {
            ranks[i] = rank;
        }
        start = end;
    }
    (order, ranks)
}
