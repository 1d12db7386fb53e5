//! Uncertain values (PRODUCT.md, "Uncertain values"): a value entered as
//! low / likely / high is drawn from a PERT distribution in each sample, the
//! weights stay as set, and each option's chance of #1, of the top 3 and of
//! clearing the threshold is counted, with the spread of its score.
//!
//! Normalisation bounds are fixed for the whole run (explicit bounds, else
//! the lowest low and the highest high), every cell has its own random
//! stream (adding an option does not reshuffle the others), and the seed is
//! the scenario's: the same link gives the same figures everywhere.

use crate::domain::analyses::acceptability::{top_places, Xoshiro, PLACES, SAMPLES};
use crate::domain::model::criterion::{CriterionInput, Direction};
use crate::domain::model::scenario::Scenario;
use crate::domain::scoring::ratio::Formula;
use crate::domain::scoring::{oriented, scaled_weights, unit_interval, Ranking, TIE_TOLERANCE};

/// Score bins per point: bin `b` holds the scores that show as `b / 10`
/// (rounded to a tenth as the ranking shows scores), so a percentile read
/// from the bins is the true percentile as the ranking would show it.
const BINS_PER_POINT: f64 = 10.0;
const BINS: usize = 1001;

/// A PERT draw (Beta, shape 4) between `low` and `high` around `likely`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Pert {
    low: f64,
    span: f64,
    alpha: f64,
    beta: f64,
}

impl Pert {
    /// The distribution for `low ≤ likely ≤ high`, `low < high`.
    pub fn new(low: f64, likely: f64, high: f64) -> Pert {
        let span = high - low;
        Pert {
            low,
            span,
            alpha: 1.0 + 4.0 * (likely - low) / span,
            beta: 1.0 + 4.0 * (high - likely) / span,
        }
    }

    /// Its mean, `(low + 4 likely + high) / 6`.
    pub fn mean(&self) -> f64 {
        self.low + self.span * self.alpha / (self.alpha + self.beta)
    }

    /// One draw.
    pub fn sample(&self, rng: &mut Xoshiro) -> f64 {
        let x = gamma(self.alpha, rng);
        let y = gamma(self.beta, rng);
        self.low + self.span * (x / (x + y))
    }
}

/// A standard normal draw (Marsaglia's polar method).
fn normal(rng: &mut Xoshiro) -> f64 {
    loop {
        let u = 2.0 * rng.uniform() - 1.0;
        let v = 2.0 * rng.uniform() - 1.0;
        let s = u * u + v * v;
        if s > 0.0 && s < 1.0 {
            return u * (-2.0 * libm::log(s) / s).sqrt();
        }
    }
}

/// A Gamma(shape, 1) draw for shape ≥ 1 (Marsaglia and Tsang).
fn gamma(shape: f64, rng: &mut Xoshiro) -> f64 {
    let d = shape - 1.0 / 3.0;
    let c = 1.0 / (9.0 * d).sqrt();
    loop {
        let x = normal(rng);
        let v = 1.0 + c * x;
        if v <= 0.0 {
            continue;
        }
        let v = v * v * v;
        let u = rng.uniform();
        if u < 1.0 - 0.0331 * x * x * x * x
            || libm::log(u) < 0.5 * x * x + d * (1.0 - v + libm::log(v))
        {
            return d * v;
        }
    }
}

/// Whether any value of the scenario has a range.
pub fn has_ranges(scenario: &Scenario) -> bool {
    scenario.options.iter().any(|o| {
        o.ranges
            .iter()
            .any(|(id, _)| o.values.contains_key(id) && scenario.criterion(*id).is_some())
    })
}

/// Whether the value samples run for `scenario`: some value has a range.
pub fn samples_values(scenario: &Scenario) -> bool {
    has_ranges(scenario)
}

/// A cell whose value is drawn: where it goes and, in the weighted sum, how
/// it turns into a utility (`lo`, `span`, lower is better); the ratio model
/// takes the value as drawn.
#[derive(Clone, Debug)]
struct Drawn {
    at: usize,
    pert: Pert,
    scale: Option<(f64, f64, bool)>,
    rng: Xoshiro,
}

/// How a sample's cells become scores.
#[derive(Clone, Debug)]
enum Scorer {
    /// The weighted sum: utilities times points.
    Weighted(Vec<f64>),
    /// The ratio model: its formula on the values as drawn.
    Ratio(Formula),
}

/// The counts of a run so far.
#[derive(Clone, Debug, PartialEq)]
pub struct Uncertainty {
    /// The seed of the run.
    pub seed: u64,
    /// Samples counted so far.
    pub samples: u32,
    first: Vec<f64>,
    top3: Vec<u32>,
    above: Vec<u32>,
    bins: Vec<u32>,
    /// Per option, its score when none of its values has a range (it does
    /// not vary); `None` when it varies.
    fixed: Vec<Option<f64>>,
    /// The ratio model's bins per option: the lowest score its ranges allow
    /// and the width of the whole span (a ratio score has no fixed 0–100).
    scales: Option<Vec<(f64, f64)>>,
}

impl Uncertainty {
    fn share(&self, count: f64) -> f64 {
        if self.samples == 0 {
            0.0
        } else {
            count / f64::from(self.samples)
        }
    }

    /// The chance (0–1) that the option at `index` (entry order) is #1
    /// (tied firsts share the credit).
    pub fn first(&self, index: usize) -> f64 {
        self.share(self.first.get(index).copied().unwrap_or(0.0))
    }

    /// The chance that it ranks 3rd or better.
    pub fn top3(&self, index: usize) -> f64 {
        self.share(f64::from(self.top3.get(index).copied().unwrap_or(0)))
    }

    /// The chance that it scores at least the threshold (1 when there is none).
    pub fn above(&self, index: usize) -> f64 {
        self.share(f64::from(self.above.get(index).copied().unwrap_or(0)))
    }

    /// Whether the score of the option at `index` varies over the samples
    /// (some of its values have a range).
    pub fn varies(&self, index: usize) -> bool {
        self.fixed.get(index).is_some_and(Option::is_none)
    }

    /// The score, as shown (to a tenth), at or below which a share `q` (0–1)
    /// of its samples fall: the sample of rank ⌈q·n⌉. An option whose score
    /// does not vary gives its score (to a tenth).
    pub fn percentile(&self, index: usize, q: f64) -> f64 {
        let scale = self.scales.as_ref().and_then(|s| s.get(index).copied());
        if let Some(Some(score)) = self.fixed.get(index) {
            return match scale {
                Some(_) => *score,
                None => (score * BINS_PER_POINT).round() / BINS_PER_POINT,
            };
        }
        let value = |b: usize| match scale {
            Some((lo, span)) => lo + span * b as f64 / (BINS - 1) as f64,
            None => b as f64 / BINS_PER_POINT,
        };
        let Some(bins) = self.bins.get(index * BINS..(index + 1) * BINS) else {
            return 0.0;
        };
        let wanted = (q * f64::from(self.samples)).ceil().max(1.0);
        let mut seen = 0.0;
        for (b, &count) in bins.iter().enumerate() {
            seen += f64::from(count);
            if seen >= wanted {
                return value(b);
            }
        }
        value(BINS - 1)
    }

    /// The bin of `score` for the option at `index`.
    fn bin(&self, index: usize, score: f64) -> usize {
        let at = match self.scales.as_ref().and_then(|s| s.get(index)) {
            Some(&(lo, span)) if span > 0.0 => (score - lo) / span * (BINS - 1) as f64,
            Some(_) => 0.0,
            None => score * BINS_PER_POINT,
        };
        (at.round().max(0.0) as usize).min(BINS - 1)
    }
}

/// Every cell of a scenario under value draws: each value with a range is
/// drawn from its PERT distribution on [`Cells::draw`], on a stream of its
/// own; the rest stay as entered. Normalisation bounds are the run's.
#[derive(Clone, Debug)]
pub struct Cells {
    /// Per cell, its utility under the run's bounds in the weighted sum, its
    /// value in the ratio model.
    utilities: Vec<f64>,
    /// Per cell, its value (NaN where missing).
    values: Vec<f64>,
    drawn: Vec<Drawn>,
    /// Criteria (columns of both).
    columns: usize,
}

impl Cells {
    /// The cells of `scenario` (ranked as `ranking`), drawn from `seed`.
    pub fn new(scenario: &Scenario, ranking: &Ranking, seed: u64) -> Self {
        let n = scenario.options.len();
        let k = scenario.criteria.len();
        let ratio = ranking.ratio.as_ref();
        let values: Vec<f64> = scenario
            .options
            .iter()
            .flat_map(|o| {
                scenario
                    .criteria
                    .iter()
                    .map(|c| o.values.get(&c.id).copied().unwrap_or(f64::NAN))
            })
            .collect();
        let mut utilities: Vec<f64> = (0..n)
            .flat_map(|i| (0..k).map(move |c| (i, c)))
            .map(|(i, c)| match ratio {
                Some(parts) => parts.value(i, c).unwrap_or(f64::NAN),
                None => ranking.utility(i, c),
            })
            .collect();
        let mut drawn = Vec::new();
        for (c, criterion) in scenario.criteria.iter().enumerate() {
            if matches!(criterion.input, CriterionInput::SegmentFit) {
                continue;
            }
            // The weighted sum's normalisation, fixed for the whole run.
            let scale = ratio.is_none().then(|| {
                let (lo, hi) = run_bounds(scenario, c);
                (lo, hi - lo, criterion.direction == Direction::LowerIsBetter)
            });
            for (i, option) in scenario.options.iter().enumerate() {
                let Some(&v) = option.values.get(&criterion.id) else {
                    continue;
                };
                let at = i * k + c;
                if let Some((lo, span, lower)) = scale {
                    utilities[at] = utility(v, lo, span, lower);
                }
                if let Some(range) = option.ranges.get(&criterion.id).filter(|r| r.holds(v)) {
                    let stream =
                        u64::from(option.id.number()) << 32 | u64::from(criterion.id.number());
                    drawn.push(Drawn {
                        at,
                        pert: Pert::new(range.low, v, range.high),
                        scale,
                        rng: Xoshiro::new(seed ^ stream.wrapping_mul(0x9e37_79b9_7f4a_7c15)),
                    });
                }
            }
        }
        Cells {
            utilities,
            values,
            drawn,
            columns: k,
        }
    }

    /// Draws every value with a range afresh.
    pub fn draw(&mut self) {
        for cell in &mut self.drawn {
            let v = cell.pert.sample(&mut cell.rng);
            self.values[cell.at] = v;
            self.utilities[cell.at] = match cell.scale {
                Some((lo, span, lower)) => utility(v, lo, span, lower),
                None => v,
            };
        }
    }

    /// Whether some value has a range.
    pub fn any_drawn(&self) -> bool {
        !self.drawn.is_empty()
    }

    /// The utility (weighted sum) or value (ratio) of option `i` on column `c`.
    pub fn utility(&self, i: usize, c: usize) -> f64 {
        self.utilities[i * self.columns + c]
    }

    /// The value of option `i` on column `c` as entered or drawn.
    pub fn value(&self, i: usize, c: usize) -> Option<f64> {
        Some(self.values[i * self.columns + c]).filter(|v| !v.is_nan())
    }

    /// Option `i`'s utilities (weighted sum) or values (ratio), by column.
    fn row(&self, i: usize) -> &[f64] {
        let k = self.columns;
        &self.utilities[i * k..(i + 1) * k]
    }
}

/// A run of value samples that can go on in slices.
#[derive(Clone, Debug)]
pub struct ValueSampler {
    cells: Cells,
    scorer: Scorer,
    threshold: f64,
    result: Uncertainty,
    scores: Vec<f64>,
    placed: Vec<u32>,
    group: Vec<usize>,
}

impl ValueSampler {
    /// A run over `scenario` (ranked as `ranking`), seeded by `seed`.
    pub fn new(scenario: &Scenario, ranking: &Ranking, seed: u64) -> Self {
        let n = scenario.options.len();
        let k = scenario.criteria.len();
        let ratio = ranking.ratio.as_ref();
        let cells = Cells::new(scenario, ranking, seed);
        let mut fixed: Vec<Option<f64>> = (0..n)
            .map(|i| {
                ranking.row_for(i).map(|row| match ratio {
                    Some(_) => row.score,
                    None => row.score.clamp(0.0, 100.0),
                })
            })
            .collect();
        for cell in &cells.drawn {
            fixed[cell.at / k.max(1)] = None;
        }
        let (scorer, scales) = match ratio {
            Some(parts) => {
                let scales = ratio_scales(scenario, &parts.formula, &cells.utilities, k);
                (Scorer::Ratio(parts.formula.clone()), Some(scales))
            }
            None => {
                let weights = scaled_weights(&ranking.weights);
                let total: f64 = weights.iter().sum();
                let points = weights
                    .iter()
                    .map(|w| if total > 0.0 { 100.0 * w / total } else { 0.0 })
                    .collect();
                (Scorer::Weighted(points), None)
            }
        };
        ValueSampler {
            cells,
            scorer,
            threshold: scenario.threshold.value(),
            result: Uncertainty {
                seed,
                samples: 0,
                first: vec![0.0; n],
                top3: vec![0; n],
                above: vec![0; n],
                bins: vec![0; n * BINS],
                fixed,
                scales,
            },
            scores: vec![0.0; n],
            placed: vec![0; n],
            group: Vec::new(),
        }
    }

    /// The counts so far.
    pub fn result(&self) -> &Uncertainty {
        &self.result
    }

    /// Whether all [`SAMPLES`] have run.
    pub fn done(&self) -> bool {
        self.result.samples >= SAMPLES
    }

    /// Runs up to `count` more samples (never past [`SAMPLES`]).
    pub fn run(&mut self, count: u32) {
        let end = self.result.samples.saturating_add(count).min(SAMPLES);
        while self.result.samples < end {
            self.result.samples += 1;
            self.cells.draw();
            let result = &mut self.result;
            for (i, score) in self.scores.iter_mut().enumerate() {
                let row = self.cells.row(i);
                *score = match &self.scorer {
                    Scorer::Weighted(points) => row.iter().zip(points).map(|(u, p)| u * p).sum(),
                    Scorer::Ratio(formula) => {
                        formula
                            .parts(|c| Some(row[c]).filter(|v| !v.is_nan()))
                            .score
                    }
                };
                let bin = result.bin(i, *score);
                result.bins[i * BINS + bin] += 1;
                if self.threshold <= 0.0 || *score >= self.threshold - TIE_TOLERANCE {
                    result.above[i] += 1;
                }
            }
            let (first, top3) = (&mut result.first, &mut result.top3);
            top_places(
                &self.scores,
                &mut self.placed,
                result.samples,
                &mut self.group,
                |group, place| {
                    for &i in group {
                        if place == 0 {
                            first[i] += 1.0 / group.len() as f64;
                        }
                        if place < PLACES {
                            top3[i] += 1;
                        }
                    }
                },
            );
        }
    }
}

/// The weighted sum's bounds of column `c` for a whole run: a rating's (or
/// levels') scale, an amount's explicit bounds, else the lowest low and the
/// highest high among the options.
fn run_bounds(scenario: &Scenario, c: usize) -> (f64, f64) {
    let criterion = &scenario.criteria[c];
    let values = || {
        scenario
            .options
            .iter()
            .filter_map(|o| o.values.get(&criterion.id).map(|&v| (o, v)))
    };
    match &criterion.input {
        CriterionInput::Amount { lo, hi, .. } => {
            let low = values()
                .map(|(o, v)| o.ranges.get(&criterion.id).map_or(v, |r| r.low))
                .fold(f64::INFINITY, f64::min);
            let high = values()
                .map(|(o, v)| o.ranges.get(&criterion.id).map_or(v, |r| r.high))
                .fold(f64::NEG_INFINITY, f64::max);
            (lo.unwrap_or(low), hi.unwrap_or(high))
        }
        input => input.scale().unwrap_or((0.0, 1.0)),
    }
}

/// Per option, the lowest score its ranges allow and the width up to the
/// highest: where its bins lie in the ratio model.
fn ratio_scales(
    scenario: &Scenario,
    formula: &Formula,
    values: &[f64],
    k: usize,
) -> Vec<(f64, f64)> {
    scenario
        .options
        .iter()
        .enumerate()
        .map(|(i, option)| {
            let (lo, hi) = formula.bounds(|c| {
                let v = values[i * k + c];
                if v.is_nan() {
                    return None;
                }
                let range = scenario
                    .criteria
                    .get(c)
                    .and_then(|cr| option.ranges.get(&cr.id));
                Some(
                    range
                        .filter(|r| r.holds(v))
                        .map_or((v, v), |r| (r.low, r.high)),
                )
            });
            (lo, (hi - lo).max(0.0))
        })
        .collect()
}

/// The utility of `v` scaled from `lo` over `span` (1 on a flat column),
/// clamped and oriented as the ranking does.
fn utility(v: f64, lo: f64, span: f64, lower_is_better: bool) -> f64 {
    if span <= 0.0 {
        return 1.0;
    }
    oriented(unit_interval((v - lo) / span), lower_is_better)
}
