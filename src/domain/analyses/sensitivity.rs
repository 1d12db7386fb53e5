//! How safe #1 is under changes of the weights (PRODUCT.md, "Analyses"):
//! exact stability intervals of each weight and of each segment's share of the
//! mix, the smallest single-weight change and the smallest combined shift that
//! flip #1, and the robustness badge.
//!
//! Changing one weight moves every pairwise score gap linearly, so each
//! interval is a max / min over the pairs that must keep their order.

use crate::domain::model::scenario::Scenario;
use crate::domain::scoring::{Ranking, TIE_TOLERANCE};
use std::cmp::Ordering;

/// [`TIE_TOLERANCE`] in weight units per unit of total weight (scores are in points).
const SLACK: f64 = TIE_TOLERANCE / 100.0;
use crate::domain::model::segment::{Segment, FIT_MAX};

/// Where a share may go while an order holds, as shares in [0, 1], with the
/// option (entry index) that moves up just past each end.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Interval {
    /// The share now.
    pub now: f64,
    /// Lowest share at which the order holds.
    pub low: f64,
    /// Highest share at which the order holds.
    pub high: f64,
    /// Who moves up below `low` (`None`: nobody, down to 0).
    pub below: Option<usize>,
    /// Who moves up above `high` (`None`: nobody, up to 1).
    pub above: Option<usize>,
}

/// Raw bounds on one weight `x`, with the option that binds each.
#[derive(Clone, Copy)]
struct Bounds {
    low: f64,
    high: f64,
    below: Option<usize>,
    above: Option<usize>,
}

impl Bounds {
    fn new() -> Self {
        Bounds {
            low: 0.0,
            high: f64::INFINITY,
            below: None,
            above: None,
        }
    }

    /// Adds the condition `c0 + c1 x ≥ 0` that keeps `challenger` below.
    fn keep(&mut self, c0: f64, c1: f64, challenger: usize) {
        if c1 > 0.0 {
            let x = -c0 / c1;
            if x > self.low {
                self.low = x;
                self.below = Some(challenger);
            }
        } else if c1 < 0.0 {
            let x = c0 / -c1;
            if x < self.high {
                self.high = x;
                self.above = Some(challenger);
            }
        }
    }

    /// As shares, where `x` is the weight in a total of `rest + x`.
    fn shares(self, now: f64, rest: f64) -> Interval {
        let share = |x: f64| {
            if x.is_infinite() || rest <= 0.0 {
                1.0
            } else {
                x / (rest + x)
            }
        };
        Interval {
            now: share(now),
            low: share(self.low.min(now)),
            high: share(self.high.max(now)),
            below: self.below,
            above: self.above,
        }
    }
}

/// The pairs `(above, below)`, entry indices, whose order must hold for the
/// top `keep` options to stay in order: adjacent pairs inside the top, then
/// the last of the top against every option under it.
fn pairs(ranking: &Ranking, keep: usize) -> Vec<(usize, usize)> {
    let order: Vec<usize> = ranking.rows.iter().map(|r| r.index).collect();
    let keep = keep.clamp(1, order.len().max(1));
    let mut pairs: Vec<(usize, usize)> = order
        .windows(2)
        .take(keep - 1)
        .map(|w| (w[0], w[1]))
        .collect();
    if let Some(&last) = order.get(keep - 1) {
        pairs.extend(order[keep..].iter().map(|&j| (last, j)));
    }
    pairs
}

/// `P_i = Σ w_c u_ic` per option (entry order) under `weights`.
fn totals(ranking: &Ranking, weights: &[f64]) -> Vec<f64> {
    let n = ranking.rows.len();
    (0..n)
        .map(|i| {
            weights
                .iter()
                .enumerate()
                .map(|(c, w)| w * ranking.utility(i, c))
                .sum()
        })
        .collect()
}

/// The stability interval of every criterion's share (ranking columns) for
/// the top `keep` options to stay in order (`keep = 1`: #1 stays #1).
/// Empty when there is nothing to keep (fewer than two options, or no weight).
pub fn weight_intervals(ranking: &Ranking, keep: usize) -> Vec<Interval> {
    intervals_for(ranking, &pairs(ranking, keep), None)
}

/// The stability interval of every criterion's share for the option at
/// `position` in the ranking (0 = #1) to keep its place: no option above it
/// falls below it and none below it rises above it.
pub fn place_intervals(ranking: &Ranking, position: usize) -> Vec<Interval> {
    let order: Vec<usize> = ranking.rows.iter().map(|r| r.index).collect();
    let Some(&me) = order.get(position) else {
        return Vec::new();
    };
    let pairs: Vec<(usize, usize)> = order[..position]
        .iter()
        .map(|&i| (i, me))
        .chain(order[position + 1..].iter().map(|&j| (me, j)))
        .collect();
    intervals_for(ranking, &pairs, Some(me))
}

/// Per criterion, where its share may go while every pair `(above, below)`
/// keeps its order; past each end, the binding pair's lower option moves up
/// (or, for pairs of `subject`, the option it changes places with).
fn intervals_for(
    ranking: &Ranking,
    pairs: &[(usize, usize)],
    subject: Option<usize>,
) -> Vec<Interval> {
    let w = &ranking.weights;
    let total: f64 = w.iter().sum();
    if ranking.rows.len() < 2 || total <= 0.0 {
        return Vec::new();
    }
    let p = totals(ranking, w);
    (0..w.len())
        .map(|k| {
            let mut bounds = Bounds::new();
            for &(a, b) in pairs {
                let d = ranking.utility(a, k) - ranking.utility(b, k);
                // D(x) = (P_a − P_b) + (x − w_k) d ≥ 0
                let other = if Some(b) == subject { a } else { b };
                // Scores within the tie tolerance keep their order:
                // 100 D(x) / (rest + x) ≥ −TIE_TOLERANCE is linear in x too;
                // a ratio score is D itself, so D(x) ≥ −TIE_TOLERANCE.
                let (constant, slope) = if ranking.ratio.is_some() {
                    (TIE_TOLERANCE, 0.0)
                } else {
                    (SLACK * (total - w[k]), SLACK)
                };
                bounds.keep(p[a] - p[b] - w[k] * d + constant, d + slope, other);
            }
            bounds.shares(w[k], total - w[k])
        })
        .collect()
}

/// The stability interval of each segment's share of the mix, for the top
/// `keep` to stay in order; `None` when the scenario has no segment-fit
/// weight or no mix to move.
pub fn mix_intervals(scenario: &Scenario, ranking: &Ranking, keep: usize) -> Option<Vec<Interval>> {
    let fit_weight = ranking.fit_weight();
    let mix = scenario.segment_mix;
    if ranking.rows.len() < 2 || fit_weight <= 0.0 || mix.total() <= 0.0 {
        return None;
    }
    let pairs = pairs(ranking, keep);
    let per_point = fit_weight / FIT_MAX;
    let rating = |i: usize, s: Segment| {
        scenario
            .options
            .get(i)
            .and_then(|o| o.fit.get(s))
            .unwrap_or(0.0)
    };
    Some(
        Segment::ALL
            .iter()
            .map(|&s| {
                let others: Vec<Segment> =
                    Segment::ALL.iter().copied().filter(|&o| o != s).collect();
                let m = |o: Segment| mix.get(o).value();
                let rest: f64 = others.iter().map(|&o| m(o)).sum();
                let fit_rest =
                    |i: usize| -> f64 { others.iter().map(|&o| m(o) * rating(i, o)).sum() };
                let mut bounds = Bounds::new();
                for &(a, b) in &pairs {
                    // Times (rest + y) > 0, the gap is c0 + c1 y.
                    let fixed = ranking.fixed_part(a) - ranking.fixed_part(b);
                    let c0 = fixed * rest + per_point * (fit_rest(a) - fit_rest(b));
                    let c1 = fixed + per_point * (rating(a, s) - rating(b, s));
                    // The tie tolerance, as for the weights (the total weight does not move).
                    let slack = SLACK * ranking.scaled_total();
                    bounds.keep(c0 + slack * rest, c1 + slack, b);
                }
                bounds.shares(m(s), rest)
            })
            .collect(),
    )
}

/// The smallest change of one weight, in share points, that flips #1.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SingleFlip {
    /// The criterion (ranking column).
    pub column: usize,
    /// Its share now, in %.
    pub from: f64,
    /// The share, in %, at which the other option draws level.
    pub to: f64,
    /// Who then leads (entry index).
    pub leader: usize,
}

impl SingleFlip {
    /// The distance in share points.
    pub fn points(&self) -> f64 {
        (self.to - self.from).abs()
    }
}

/// The smallest single-weight flip of #1, from the `keep = 1` intervals of
/// [`weight_intervals`]; `None` when no single weight change flips it.
pub fn single_flip(intervals: &[Interval]) -> Option<SingleFlip> {
    intervals
        .iter()
        .enumerate()
        .flat_map(|(column, i)| {
            let end = |to: f64, leader: Option<usize>| {
                leader.map(|leader| SingleFlip {
                    column,
                    from: 100.0 * i.now,
                    to: 100.0 * to,
                    leader,
                })
            };
            [end(i.low, i.below), end(i.high, i.above)]
        })
        .flatten()
        .min_by(|a, b| a.points().total_cmp(&b.points()))
}

/// The smallest combined shift of shares that lets another option draw
/// level with #1: points taken from some criteria and given to one.
#[derive(Clone, Debug, PartialEq)]
pub struct Shift {
    /// The criterion that gains (ranking column).
    pub to: usize,
    /// The criteria that give, with how many share points each, largest first.
    pub from: Vec<(usize, f64)>,
    /// The option that draws level (entry index).
    pub challenger: usize,
    /// The shares after the shift, in % (they sum to 100).
    pub shares: Vec<f64>,
}

impl Shift {
    /// Share points moved (half the L1 distance).
    pub fn points(&self) -> f64 {
        self.from.iter().map(|f| f.1).sum()
    }
}

/// The smallest combined shift (L1 over the shares) that makes another
/// option tie #1. Greedy and exact: the gaining criterion is the one where
/// the challenger is strongest against #1; points come first from the
/// criteria where #1 is strongest against the challenger.
pub fn smallest_shift(ranking: &Ranking) -> Option<Shift> {
    let total: f64 = ranking.weights.iter().sum();
    let top = ranking.rows.first()?.index;
    if total <= 0.0 {
        return None;
    }
    let shares: Vec<f64> = ranking.weights.iter().map(|w| w / total).collect();
    let k = shares.len();
    let mut best: Option<(f64, Shift)> = None;
    for row in &ranking.rows[1..] {
        let j = row.index;
        let d: Vec<f64> = (0..k)
            .map(|c| ranking.utility(top, c) - ranking.utility(j, c))
            .collect();
        let mut gap: f64 = (0..k).map(|c| shares[c] * d[c]).sum();
        let Some(to) = (0..k).min_by(|&a, &b| d[a].total_cmp(&d[b])) else {
            continue;
        };
        let mut givers: Vec<usize> = (0..k)
            .filter(|&a| d[a] > d[to] && shares[a] > 0.0)
            .collect();
        givers.sort_by(|&a, &b| d[b].partial_cmp(&d[a]).unwrap_or(Ordering::Equal));
        let mut moved = shares.clone();
        let mut from = Vec::new();
        for a in givers {
            if gap <= 0.0 {
                break;
            }
            // A giver with enough closes the gap exactly: the rest of a
            // subtraction of scores in the millions is rounding, not a gap.
            let need = gap / (d[a] - d[to]);
            let t = if need <= shares[a] {
                gap = 0.0;
                need
            } else {
                gap -= shares[a] * (d[a] - d[to]);
                shares[a]
            };
            moved[a] -= t;
            moved[to] += t;
            // A giver that gives (next to) nothing is not named as one.
            if t > 1e-9 {
                from.push((a, 100.0 * t));
            }
        }
        // Where every giver gave all, the gap must be closed within the
        // rounding of the largest difference.
        let scale = d.iter().fold(0.0, |m: f64, x| m.max(x.abs()));
        if gap > 1e-12 * scale {
            continue;
        }
        let points: f64 = from.iter().map(|f| f.1).sum();
        if best.as_ref().is_none_or(|(p, _)| points < *p) {
            let shift = Shift {
                to,
                from,
                challenger: j,
                shares: moved.iter().map(|s| 100.0 * s).collect(),
            };
            best = Some((points, shift));
        }
    }
    best.map(|b| b.1)
}

/// Weights that carry out `shift` in the user's own units: the criteria the
/// shift does not name keep their weights, the total stays, and the named
/// ones move in steps of 0.1 (a tenth of the total's order of magnitude
/// when the weights sum to less than 10), rounded so that the challenger
/// leads by at least a tenth of a point as scores are shown, not merely draws
/// level (at most 50 further steps).
pub fn tried_weights(ranking: &Ranking, shift: &Shift) -> Vec<f64> {
    let weights = &ranking.weights;
    let total: f64 = weights.iter().sum();
    if total <= 0.0 {
        return weights.clone();
    }
    let step = 10f64.powi(total.log10().floor() as i32 - 1).min(0.1);
    let snap = |w: f64| ((w / step).round() * step).max(0.0);
    let top = ranking.rows.first().map(|r| r.index);
    let mut tried = weights.clone();
    for &(giver, points) in &shift.from {
        let moved = (points / 100.0 * total / step).ceil() * step;
        let moved = moved.min(tried[giver]);
        tried[giver] = snap(tried[giver] - moved);
        tried[shift.to] = snap(tried[shift.to] + moved);
    }
    let giver = shift.from.first().map(|f| f.0);
    // Shown to a tenth, the challenger's lead must be visible.
    let shown = |x: f64| (x * 10.0).round();
    for _ in 0..50 {
        let scores = scores_under(ranking, &tried);
        let leader = leader_under(ranking, &tried);
        let visible = match (leader, top) {
            (Some(l), Some(t)) => l != t && shown(scores[l]) > shown(scores[t]),
            _ => true,
        };
        if visible {
            break;
        }
        match giver.filter(|&g| tried[g] >= step) {
            Some(g) => {
                tried[g] = snap(tried[g] - step);
                tried[shift.to] = snap(tried[shift.to] + step);
            }
            None => break,
        }
    }
    tried
}

/// Who leads (entry index) when the criteria have these weights; `None`
/// without options. Ties go to the first entered, as in the ranking.
pub fn leader_under(ranking: &Ranking, weights: &[f64]) -> Option<usize> {
    crate::domain::scoring::rank_scores(&scores_under(ranking, weights))
        .0
        .first()
        .copied()
}

/// Every option's score (entry order) when the criteria have these weights.
pub fn scores_under(ranking: &Ranking, weights: &[f64]) -> Vec<f64> {
    let p = totals(ranking, weights);
    // A ratio score is the weighted sum itself, not its share of the weights.
    if ranking.ratio.is_some() {
        return p;
    }
    let total: f64 = weights.iter().sum();
    let scale = if total > 0.0 { 100.0 / total } else { 0.0 };
    p.iter().map(|p| p * scale).collect()
}

/// Why asking how safe #1 is means nothing for a ranking.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoRobustness {
    /// Fewer than two options: nothing to compare.
    TooFewOptions,
    /// Every weight is 0: every score is 0.
    NoWeight,
    /// #1 lacks values (they count as 0), so its place says little.
    TopIncomplete,
    /// Every option scores the same.
    AllTied,
    /// A ratio score with nothing added: no weight counts.
    NoWeights,
}

/// #1 (entry index) when asking how safe it is means something, else why not.
pub fn robust_top(ranking: &Ranking) -> Result<usize, NoRobustness> {
    let top = match ranking.rows.as_slice() {
        [] | [_] => return Err(NoRobustness::TooFewOptions),
        [top, ..] => top,
    };
    if ranking.ratio.as_ref().is_some_and(|parts| !parts.has_add) {
        Err(NoRobustness::NoWeights)
    } else if ranking.total_weight <= 0.0 {
        Err(NoRobustness::NoWeight)
    } else if ranking.rows.iter().all(|r| r.rank == 1) {
        Err(NoRobustness::AllTied)
    } else if top.incomplete {
        Err(NoRobustness::TopIncomplete)
    } else {
        Ok(top.index)
    }
}

/// How safe #1 is (PRODUCT.md: "Robustness badge on #1").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Badge {
    /// No single weight change under 10 points flips it, and it is #1 in at
    /// least 80 % of weight samples.
    Robust,
    /// In between.
    Sensitive,
    /// A change under 5 points flips it, or it is #1 in under 50 % of samples.
    Fragile,
}

/// The badge for #1 from its smallest single flip and its share of first
/// places in the weight samples (0–1).
pub fn badge(flip: Option<&SingleFlip>, first: f64) -> Badge {
    let points = flip.map_or(f64::INFINITY, SingleFlip::points);
    if points < 5.0 || first < 0.5 {
        Badge::Fragile
    } else if points >= 10.0 && first >= 0.8 {
        Badge::Robust
    } else {
        Badge::Sensitive
    }
}
