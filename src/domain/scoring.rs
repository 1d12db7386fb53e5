//! The scoring models and the ranking (see PRODUCT.md, "Scoring model" and
//! "Ratio model").

pub(crate) mod ratio;

pub use ratio::{formula, RatioParts};

use crate::domain::model::criterion::{CriterionInput, Direction, ScoreModel};
use crate::domain::model::ids::{CriterionId, OptionId};
use crate::domain::model::scenario::Scenario;
use crate::domain::model::segment::{PerSegment, Segment, FIT_MAX};
use std::cmp::Ordering;

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
    /// Ratio model: an added criterion (a cost-of-delay column of WSJF) whose
    /// smallest value is not 1. Its scale changes the order, so SAFe asks
    /// for the smallest item of each column to be 1.
    AddedScaleNotFromOne(CriterionId, f64),
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
}

/// How a criterion turns values into utilities, prepared once per scenario.
#[derive(Clone, Copy, Debug)]
enum Column {
    /// `u = clamp((v − lo) · inverse_span)` (or `1 − …` when lower is better).
    Linear {
        lo: f64,
        inverse_span: f64,
        lower_is_better: bool,
    },
    /// The same for a span too small for its reciprocal to be finite:
    /// `u = clamp((v − lo) / span)`. Only hostile data has one.
    Narrow {
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
                inverse_span,
                lower_is_better,
            } => oriented(unit_interval((value - lo) * inverse_span), lower_is_better),
            Column::Narrow {
                lo,
                span,
                lower_is_better,
            } => oriented(unit_interval((value - lo) / span), lower_is_better),
            Column::Flat => 1.0,
            Column::Fit => unit_interval(value * (1.0 / FIT_MAX)),
        }
    }
}

/// `n`, or `1 − n` when lower is better.
pub(crate) fn oriented(n: f64, lower_is_better: bool) -> f64 {
    if lower_is_better {
        1.0 - n
    } else {
        n
    }
}

/// `x` clamped to [0, 1], with NaN taken as 0, so that every utility is a
/// number in [0, 1] whatever reached it.
pub(crate) fn unit_interval(x: f64) -> f64 {
    if x >= 1.0 {
        1.0
    } else if x > 0.0 {
        x
    } else {
        0.0
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
    /// `100 × w_c / Σ w` per column: points for a utility of 1 (the weight's share in %).
    points: Vec<f64>,
    /// Per option, `Σ w_c u_c` over the criteria that do not depend on the mix
    /// (scaled weights, see [`scaled_weights`]).
    fixed_part: Vec<f64>,
    /// `Σ w_c` over the criteria that do not depend on the mix (scaled weights).
    fixed_weight: f64,
    /// `Σ w_c` over the segment-fit criteria (as entered, whatever the mix; scaled).
    fit_weight: f64,
    utilities: Vec<f64>,
    missing: Vec<bool>,
    row_of_option: Vec<usize>,
    /// The ratio model's parts of each score; `None` for the weighted sum.
    pub ratio: Option<RatioParts>,
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
        self.points[c] * self.utility(index, c)
    }

    /// Share `100 × w_c / Σ w` (in %) of column `c` in the total weight.
    pub fn share(&self, c: usize) -> f64 {
        self.points.get(c).copied().unwrap_or(0.0)
    }

    /// `Σ w_c u_c` of the option at `index` over the criteria that do not
    /// depend on the segment mix (weights scaled as [`Ranking::fit_weight`]).
    pub fn fixed_part(&self, index: usize) -> f64 {
        self.fixed_part.get(index).copied().unwrap_or(0.0)
    }

    /// `Σ w_c` over the segment-fit criteria, in the scale of [`Ranking::fixed_part`].
    pub fn fit_weight(&self) -> f64 {
        self.fit_weight
    }

    /// `Σ w_c` over every criterion as entered, in the scale of [`Ranking::fixed_part`].
    pub fn scaled_total(&self) -> f64 {
        self.fixed_weight + self.fit_weight
    }

    /// The ranked row of the option at `index` (entry order).
    pub fn row_for(&self, index: usize) -> Option<&RankedOption> {
        self.row_of_option
            .get(index)
            .and_then(|&r| self.rows.get(r))
    }

    /// Why the option at `a` scores more (or less) than the one at `b` (entry
    /// order): the point difference per criterion, largest first. The gaps
    /// sum to the difference of the scores. `None` when either index is out of range.
    pub fn compare(&self, a: usize, b: usize) -> Option<Comparison> {
        let (row_a, row_b) = (self.row_for(a)?, self.row_for(b)?);
        let mut gaps: Vec<(usize, f64)> = (0..self.criteria.len())
            .map(|c| (c, self.contribution(a, c) - self.contribution(b, c)))
            .collect();
        gaps.sort_by(|x, y| y.1.abs().partial_cmp(&x.1.abs()).unwrap_or(Ordering::Equal));
        Some(Comparison {
            lead: row_a.score - row_b.score,
            gaps,
        })
    }
}

/// The difference between two options' scores, criterion by criterion.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    /// Score of the first minus score of the second.
    pub lead: f64,
    /// `(criterion column, points of the first minus points of the second)`,
    /// largest difference first (ties in column order).
    pub gaps: Vec<(usize, f64)>,
}

/// `100 × w / total` per weight, or all 0 when the total is 0.
fn points_per_column(weights: impl Iterator<Item = f64>, total: f64) -> Vec<f64> {
    weights
        .map(|w| if total > 0.0 { 100.0 * w / total } else { 0.0 })
        .collect()
}

/// The weights divided by the largest, so that the largest is 1 and their sum
/// lies in [1, count]. Scores depend only on the weights' ratios; scaled,
/// every sum and every reciprocal stays finite however small or large the
/// weights are (a sum of tiny weights would make `100 / Σ w` infinite).
/// Weights that are not finite and positive count as 0.
pub fn scaled_weights(weights: &[f64]) -> Vec<f64> {
    let usable = |w: f64| if w.is_finite() && w > 0.0 { w } else { 0.0 };
    let largest = weights.iter().copied().map(usable).fold(0.0, f64::max);
    weights
        .iter()
        .map(|&w| {
            if largest > 0.0 {
                usable(w) / largest
            } else {
                0.0
            }
        })
        .collect()
}

/// Every option's values in one dense matrix, option by option (NaN where
/// a value is missing), with each column's lowest and highest value.
fn value_matrix(scenario: &Scenario) -> (Vec<f64>, Vec<f64>, Vec<f64>) {
    let (n, k) = (scenario.options.len(), scenario.criteria.len());
    let mut matrix = vec![f64::NAN; n * k];
    let mut low = vec![f64::INFINITY; k];
    let mut high = vec![f64::NEG_INFINITY; k];
    // Criterion ids are small numbers: a table from id to column lets each
    // option's map be walked once instead of searched once per criterion.
    let largest_id = scenario
        .criteria
        .iter()
        .map(|c| c.id.number() as usize)
        .max()
        .unwrap_or(0);
    let mut column_of = vec![usize::MAX; largest_id.min(1 << 16) + 1];
    for (c, criterion) in scenario.criteria.iter().enumerate() {
        if let Some(slot) = column_of.get_mut(criterion.id.number() as usize) {
            *slot = c;
        }
    }
    let column_for = |id: CriterionId| match column_of.get(id.number() as usize) {
        Some(&c) if c != usize::MAX => Some(c),
        Some(_) => None,
        None => scenario.criteria.iter().position(|x| x.id == id),
    };
    for (option, row) in scenario
        .options
        .iter()
        .zip(matrix.chunks_exact_mut(k.max(1)))
    {
        for (&id, &value) in &option.values {
            if let Some(c) = column_for(id) {
                row[c] = value;
                low[c] = low[c].min(value);
                high[c] = high[c].max(value);
            }
        }
    }
    (matrix, low, high)
}

/// How each criterion turns a value into a utility; amounts are scaled
/// between their bounds, or the lowest and highest value entered.
fn scales(
    scenario: &Scenario,
    low: &[f64],
    high: &[f64],
    notes: &mut Vec<RankingNote>,
) -> Vec<Column> {
    scenario
        .criteria
        .iter()
        .enumerate()
        .map(|(c, criterion)| {
            let lower_is_better = criterion.effective_direction() == Direction::LowerIsBetter;
            let linear = |lo: f64, hi: f64| {
                let span = hi - lo;
                let inverse_span = 1.0 / span;
                if inverse_span.is_finite() {
                    Column::Linear {
                        lo,
                        inverse_span,
                        lower_is_better,
                    }
                } else {
                    Column::Narrow {
                        lo,
                        span,
                        lower_is_better,
                    }
                }
            };
            match criterion.input {
                CriterionInput::Rating { min, max } if max - min > 0.0 => linear(min, max),
                CriterionInput::Levels(_) => match criterion.input.scale() {
                    Some((min, max)) if max - min > 0.0 => linear(min, max),
                    _ => Column::Flat,
                },
                // A scale with no span (only a scenario that skipped validation
                // has one) rates nothing.
                CriterionInput::Rating { .. } => Column::Linear {
                    lo: f64::INFINITY,
                    inverse_span: 1.0,
                    lower_is_better: false,
                },
                CriterionInput::Amount { lo, hi, .. } => {
                    let lo = lo.unwrap_or(low[c]);
                    let hi = hi.unwrap_or(high[c]);
                    if hi - lo > 0.0 {
                        linear(lo, hi)
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
        .collect()
}

/// The utilities, scores and mix-free parts of every option.
struct Scored {
    utilities: Vec<f64>,
    missing: Vec<bool>,
    scores: Vec<f64>,
    fixed_part: Vec<f64>,
    incomplete: Vec<bool>,
}

/// Turns the value matrix into utilities. Alongside: each score (the sum of
/// its contributions, so they add up), and the part of every score that does
/// not depend on the mix, in weight units, reused by the per-segment views.
fn score_options(
    scenario: &Scenario,
    mut utilities: Vec<f64>,
    columns: &[Column],
    points: &[f64],
    entered: &[f64],
) -> Scored {
    let (n, k) = (scenario.options.len(), columns.len());
    let mix_shares = scenario.segment_mix.shares();
    let has_fit = columns.iter().any(|c| matches!(c, Column::Fit));
    let mut missing = vec![false; n * k];
    let mut scores = vec![0.0; n];
    let mut fixed_part = vec![0.0; n];
    let mut incomplete = vec![false; n];
    for (i, option) in scenario.options.iter().enumerate() {
        let row = i * k;
        let mut score = 0.0;
        let mut fixed = 0.0;
        // Segment fit `Σ m_s f_s / Σ m_s / 5`, the same for every fit column.
        let fit_utility = if let (true, Some(shares)) = (has_fit, &mix_shares) {
            let (fit, lacks) = option.fit.weighted_mean(shares);
            (Column::Fit.utility(fit), lacks)
        } else {
            (0.0, false)
        };
        for (c, column) in columns.iter().enumerate() {
            let value = utilities[row + c];
            let (u, lacks) = match column {
                Column::Fit => fit_utility,
                _ if value.is_nan() => (0.0, true),
                _ => {
                    let u = column.utility(value);
                    fixed += entered[c] * u;
                    (u, false)
                }
            };
            utilities[row + c] = u;
            missing[row + c] = lacks;
            incomplete[i] |= lacks;
            score += points[c] * u;
        }
        scores[i] = score;
        fixed_part[i] = fixed;
    }
    Scored {
        utilities,
        missing,
        scores,
        fixed_part,
        incomplete,
    }
}

/// Scores and ranks every option of `scenario` by its model.
pub fn rank(scenario: &Scenario) -> Ranking {
    match scenario.model {
        ScoreModel::WeightedSum => rank_weighted(scenario),
        ScoreModel::Ratio => ratio::rank_ratio(scenario),
    }
}

/// Scores and ranks every option of `scenario` by the weighted-sum model.
fn rank_weighted(scenario: &Scenario) -> Ranking {
    let k = scenario.criteria.len();
    let n = scenario.options.len();
    let mut notes = Vec::new();
    if n == 0 {
        notes.push(RankingNote::NoOptions);
    }
    if k == 0 {
        notes.push(RankingNote::NoCriteria);
    }
    let (matrix, low, high) = value_matrix(scenario);
    let columns = scales(scenario, &low, &high, &mut notes);

    let mix_counts = scenario.segment_mix.shares().is_some();
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
    let scaled = scaled_weights(&weights);
    let scaled_total: f64 = scaled.iter().sum();
    if scaled_total <= 0.0 && k > 0 {
        notes.push(RankingNote::AllWeightsZero);
    }
    let points = points_per_column(scaled.iter().copied(), scaled_total);
    // The per-segment views count segment fit with its weight as entered,
    // whatever the scenario's mix: their part that does not depend on the mix
    // is kept in these weights, scaled like the others.
    let entered: Vec<f64> = scenario.criteria.iter().map(|c| c.weight.value()).collect();
    let entered = scaled_weights(&entered);
    let scored = score_options(scenario, matrix, &columns, &points, &entered);

    let is_fit = |c: &usize| matches!(columns[*c], Column::Fit);
    let fit_weight = (0..k).filter(is_fit).map(|c| entered[c]).sum();
    let fixed_weight = (0..k).filter(|c| !is_fit(c)).map(|c| entered[c]).sum();

    let (rows, row_of_option) = ranked_rows(scenario, &scored.scores, &scored.incomplete);

    Ranking {
        criteria: scenario.criteria.iter().map(|c| c.id).collect(),
        weights,
        total_weight,
        rows,
        notes,
        points,
        fixed_part: scored.fixed_part,
        fixed_weight,
        fit_weight,
        utilities: scored.utilities,
        missing: scored.missing,
        row_of_option,
        ratio: None,
    }
}

/// The ranked rows of `scores` (entry order), best first, with the row of
/// each option; each row below the scenario's threshold (0 = off) says so.
fn ranked_rows(
    scenario: &Scenario,
    scores: &[f64],
    incomplete: &[bool],
) -> (Vec<RankedOption>, Vec<usize>) {
    let threshold = scenario.threshold.value();
    let (order, ranks) = rank_scores(scores);
    let mut row_of_option = vec![0; scores.len()];
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
            }
        })
        .collect();
    (rows, row_of_option)
}

/// The per-segment view: each option's rank with the mix set to one segment
/// alone, by entry index. Apart from `rank` because sampling and sensitivity
/// runs need only the scenario's own mix.
pub fn segment_ranks(scenario: &Scenario, ranking: &Ranking) -> Vec<PerSegment<u32>> {
    if ranking.ratio.is_some() {
        return ratio_segment_ranks(scenario);
    }
    let total = ranking.fixed_weight + ranking.fit_weight;
    let scale = if total > 0.0 { 100.0 / total } else { 0.0 };
    let fit_scale = ranking.fit_weight / FIT_MAX;
    let view = |segment: Segment| {
        let scores: Vec<f64> = scenario
            .options
            .iter()
            .zip(&ranking.fixed_part)
            .map(|(option, fixed)| {
                scale * (fixed + fit_scale * option.fit.get(segment).unwrap_or(0.0))
            })
            .collect();
        rank_scores(&scores).1
    };
    per_segment(scenario.options.len(), view)
}

/// Each option's rank in every segment's view (`view` gives one segment's
/// ranks by entry index).
fn per_segment(n: usize, view: impl Fn(Segment) -> Vec<u32>) -> Vec<PerSegment<u32>> {
    let (smb, enterprise, public_sector) = (
        view(Segment::Smb),
        view(Segment::Enterprise),
        view(Segment::PublicSector),
    );
    (0..n)
        .map(|i| PerSegment {
            smb: smb[i],
            enterprise: enterprise[i],
            public_sector: public_sector[i],
        })
        .collect()
}

/// [`segment_ranks`] of the ratio model: the scenario ranked again with each
/// segment alone as the mix (a fit value enters the product as it is, so
/// no part of the score is free of the mix).
fn ratio_segment_ranks(scenario: &Scenario) -> Vec<PerSegment<u32>> {
    let view = |segment: Segment| {
        let mut alone = scenario.clone();
        for s in Segment::ALL {
            let weight = if s == segment { 1.0 } else { 0.0 };
            alone.segment_mix.set(
                s,
                crate::domain::model::value::Weight::new(weight).unwrap_or_default(),
            );
        }
        let ranking = ratio::rank_ratio(&alone);
        let mut ranks = vec![0; scenario.options.len()];
        for row in &ranking.rows {
            ranks[row.index] = row.rank;
        }
        ranks
    };
    per_segment(scenario.options.len(), view)
}

/// Orders scores best first and gives each its standard competition rank.
/// Scores within [`TIE_TOLERANCE`] of a group's best tie; tied options keep
/// their entry order. A score that is not a number ranks last (those tie).
/// Returns the order (entry indices) and the rank per entry index.
pub fn rank_scores(scores: &[f64]) -> (Vec<usize>, Vec<u32>) {
    let mut order = order_best_first(scores);
    let mut ranks = vec![0; scores.len()];
    let mut start = 0;
    while start < order.len() {
        let best = sort_key(scores[order[start]]);
        // Every group holds at least its first option, so the loop always
        // advances, whatever the scores are.
        let end = start
            + 1
            + order[start + 1..]
                .iter()
                .take_while(|&&i| {
                    let score = sort_key(scores[i]);
                    score == best || best - score <= TIE_TOLERANCE
                })
                .count();
        // Tied options keep the order in which they were entered.
        order[start..end].sort_unstable();
        let rank = u32::try_from(start + 1).unwrap_or(u32::MAX);
        for &i in &order[start..end] {
            ranks[i] = rank;
        }
        start = end;
    }
    (order, ranks)
}

/// The score as it sorts: NaN below everything.
fn sort_key(score: f64) -> f64 {
    if score.is_nan() {
        f64::NEG_INFINITY
    } else {
        score
    }
}

/// Entry indices by score, best first, equal scores in entry order.
///
/// Scores lie in [0, 100], so a counting sort into about one bucket per
/// option, then a comparison sort inside each (small) bucket, orders them
/// exactly in two passes: much faster than one comparison sort for the
/// thousands of runs that sampling and sensitivity need.
fn order_best_first(scores: &[f64]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..scores.len()).collect();
    if scores.len() < 64 {
        sort_best_first(&mut order, scores);
        return order;
    }
    // About two options a bucket keeps the bucket arrays small (u32, in cache).
    let buckets = (scores.len() / 2).next_power_of_two().min(1 << 16);
    let top = buckets - 1;
    // A float-to-integer cast saturates and takes NaN to 0: every score,
    // whatever it is, lands in a bucket; NaN in the last one.
    let bucket = |score: f64| top - ((sort_key(score) * (top as f64 / 100.0)) as usize).min(top);
    let mut starts = vec![0u32; buckets + 1];
    for &score in scores {
        starts[bucket(score) + 1] += 1;
    }
    for b in 0..buckets {
        starts[b + 1] += starts[b];
    }
    let mut next = starts.clone();
    for (i, &score) in scores.iter().enumerate() {
        let b = bucket(score);
        order[next[b] as usize] = i;
        next[b] += 1;
    }
    for b in 0..buckets {
        let slice = &mut order[starts[b] as usize..starts[b + 1] as usize];
        if slice.len() > 1 {
            sort_best_first(slice, scores);
        }
    }
    order
}

/// Sorts entry indices by their scores, best first, equal scores (and NaN,
/// last) in entry order.
pub fn sort_best_first(order: &mut [usize], scores: &[f64]) {
    sort_indices(order, &|a, b| {
        sort_key(scores[b])
            .total_cmp(&sort_key(scores[a]))
            .then(a.cmp(&b))
    });
}

/// Sorts indices by `compare`: the one comparison sort of indices in the
/// app (a single copy of the sort in the page, whatever is compared).
pub fn sort_indices(order: &mut [usize], compare: &dyn Fn(usize, usize) -> std::cmp::Ordering) {
    order.sort_unstable_by(|&a, &b| compare(a, b));
}
