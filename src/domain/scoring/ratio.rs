//! The ratio model (PRODUCT.md, "Ratio model"): RICE, ICE, WSJF exactly as
//! published. `S = (Σ_add w v, or 1) × Π_multiply v ÷ Π_divide v` on the
//! values as entered.
//!
//! The add group is linear in its weights, `S_i = Σ_add w_c (v_ic R_i)` with
//! `R_i = Π_multiply v ÷ Π_divide v`, so the ranking's utilities are the
//! coefficients `v_ic R_i` (0 off the add group) and every weight analysis of
//! the weighted sum (stability intervals, smallest shifts, weight samples)
//! runs on them unchanged: order depends only on the add weights' shares.

use super::{points_per_column, ranked_rows, Ranking, RankingNote};
use crate::domain::model::criterion::{CriterionInput, RatioRole};
use crate::domain::model::scenario::Scenario;
use crate::domain::model::value::format_number;

/// The parts of every ratio score, and the values as entered.
#[derive(Clone, Debug, PartialEq)]
pub struct RatioParts {
    /// Per option (entry order): `(Σ_add w v, or 1) × Π_multiply v`.
    pub numerator: Vec<f64>,
    /// Per option: `Π_divide v` (1 when nothing divides; `None` where a
    /// divisor is missing or not above 0, which leaves the score at 0).
    pub divisor: Vec<Option<f64>>,
    /// Whether some criterion adds (else the numerator starts at 1).
    pub has_add: bool,
    /// Per option × criterion: the value as entered (segment fit: the
    /// mix-weighted rating), `None` where missing.
    values: Vec<Option<f64>>,
    /// Per criterion: the median of the values entered (`None` when none are).
    medians: Vec<Option<f64>>,
    /// The formula the scores came from (for what-ifs: samples, stakes).
    pub(crate) formula: Formula,
}

impl RatioParts {
    /// The value of the option at `index` on criterion column `c`, as entered.
    pub fn value(&self, index: usize, c: usize) -> Option<f64> {
        let k = self.medians.len();
        self.values.get(index * k + c).copied().flatten()
    }

    /// How many times the typical option's (the median's) this value is:
    /// "Reach ×2.3 the median". `None` without a value or a median above 0.
    pub fn versus_typical(&self, index: usize, c: usize) -> Option<f64> {
        let median = self
            .medians
            .get(c)
            .copied()
            .flatten()
            .filter(|m| *m > 0.0)?;
        self.value(index, c).map(|v| v / median)
    }
}

/// Each option's value per criterion as entered (fit: the mix-weighted
/// rating), `None` where missing, option by option.
fn entered_values(scenario: &Scenario, notes: &mut Vec<RankingNote>) -> Vec<Option<f64>> {
    let shares = scenario.segment_mix.shares();
    for criterion in &scenario.criteria {
        if matches!(criterion.input, CriterionInput::SegmentFit) && shares.is_none() {
            notes.push(RankingNote::MixAllZero(criterion.id));
        }
    }
    let mut values = Vec::with_capacity(scenario.options.len() * scenario.criteria.len());
    for option in &scenario.options {
        for criterion in &scenario.criteria {
            let value = match (&criterion.input, &shares) {
                (CriterionInput::SegmentFit, Some(shares)) => {
                    match option.fit.weighted_mean(shares) {
                        (_, true) => None,
                        (fit, false) => Some(fit),
                    }
                }
                (CriterionInput::SegmentFit, None) => None,
                _ => option.values.get(&criterion.id).copied(),
            };
            values.push(value);
        }
    }
    values
}

/// The median of the values present in column `c`, `None` when none are.
fn median(values: &[Option<f64>], k: usize, c: usize) -> Option<f64> {
    let mut column: Vec<f64> = values
        .iter()
        .skip(c)
        .step_by(k.max(1))
        .flatten()
        .copied()
        .collect();
    column.sort_by(f64::total_cmp);
    let mid = column.len() / 2;
    match column.len() {
        0 => None,
        n if n % 2 == 1 => Some(column[mid]),
        _ => Some((column[mid - 1] + column[mid]) / 2.0),
    }
}

/// A finite score: a product too large for a float counts as the largest one.
fn finite(score: f64) -> f64 {
    if score.is_nan() {
        0.0
    } else {
        score.clamp(-f64::MAX, f64::MAX)
    }
}

/// The formula of a scenario in the ratio model: each criterion's role and
/// its weight where it adds.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Formula {
    roles: Vec<RatioRole>,
    weights: Vec<f64>,
    has_add: bool,
}

/// One option's score in parts.
pub(crate) struct Parts {
    /// `(Σ_add w v, or 1) × Π_multiply v`.
    pub numerator: f64,
    /// `Π_divide v`; `None` where a divisor is missing or not above 0.
    pub divisor: Option<f64>,
    /// `Π_multiply v ÷ Π_divide v` (0 without a divisor): what each added
    /// value is multiplied by.
    pub factor: f64,
    /// The score: numerator ÷ divisor, 0 without a divisor.
    pub score: f64,
}

impl Formula {
    /// The formula of `scenario`; `notes` say which fit criteria have no
    /// value (an all-zero mix), whose weight counts 0.
    pub(crate) fn of(scenario: &Scenario, notes: &[RankingNote]) -> Formula {
        let roles: Vec<RatioRole> = scenario.criteria.iter().map(|c| c.role).collect();
        // Weights count in the add group only.
        let weights = scenario
            .criteria
            .iter()
            .map(|c| {
                let fit_off = notes.contains(&RankingNote::MixAllZero(c.id));
                if c.role == RatioRole::Add && !fit_off {
                    c.weight.value()
                } else {
                    0.0
                }
            })
            .collect();
        Formula {
            has_add: roles.contains(&RatioRole::Add),
            roles,
            weights,
        }
    }

    /// The score of an option whose value on column `c` is `value(c)`.
    pub(crate) fn parts(&self, value: impl Fn(usize) -> Option<f64>) -> Parts {
        let mut add = 0.0;
        let mut product = 1.0;
        let mut divide = Some(1.0);
        for (c, role) in self.roles.iter().enumerate() {
            match role {
                RatioRole::Add => add += self.weights[c] * value(c).unwrap_or(0.0),
                RatioRole::Multiply => product *= value(c).unwrap_or(0.0),
                // A divisor missing or not above 0 leaves no score: never a
                // tiny number in its place.
                RatioRole::Divide => {
                    divide = divide
                        .zip(value(c).filter(|v| *v > 0.0))
                        .map(|(d, v)| d * v)
                }
            }
        }
        let numerator = finite(if self.has_add { add } else { 1.0 } * product);
        Parts {
            numerator,
            divisor: divide,
            factor: divide.map_or(0.0, |d| finite(product / d)),
            score: divide.map_or(0.0, |d| finite(numerator / d)),
        }
    }

    /// The lowest and highest score of an option whose value on column `c`
    /// lies in `range(c)` (`None`: missing). Each value occurs once in the
    /// formula, so interval arithmetic gives the exact bounds.
    pub(crate) fn bounds(&self, range: impl Fn(usize) -> Option<(f64, f64)>) -> (f64, f64) {
        let product = |(a, b): (f64, f64), (c, d): (f64, f64)| {
            let corners = [a * c, a * d, b * c, b * d].map(finite);
            (
                corners.into_iter().fold(f64::INFINITY, f64::min),
                corners.into_iter().fold(f64::NEG_INFINITY, f64::max),
            )
        };
        let mut add = (0.0, 0.0);
        let mut numerator = (1.0, 1.0);
        let mut divide = (1.0, 1.0);
        for (c, role) in self.roles.iter().enumerate() {
            let r = range(c);
            match role {
                RatioRole::Add => {
                    let (lo, hi) = r.unwrap_or((0.0, 0.0));
                    add = (add.0 + self.weights[c] * lo, add.1 + self.weights[c] * hi);
                }
                RatioRole::Multiply => numerator = product(numerator, r.unwrap_or((0.0, 0.0))),
                RatioRole::Divide => match r.filter(|(lo, _)| *lo > 0.0) {
                    Some((lo, hi)) => divide = product(divide, (lo, hi)),
                    None => return (0.0, 0.0),
                },
            }
        }
        if self.has_add {
            numerator = product(numerator, add);
        }
        product(numerator, (1.0 / divide.1, 1.0 / divide.0))
    }
}

/// Scores and ranks every option of `scenario` by the ratio model.
pub fn rank_ratio(scenario: &Scenario) -> Ranking {
    let (n, k) = (scenario.options.len(), scenario.criteria.len());
    let mut notes = Vec::new();
    if n == 0 {
        notes.push(RankingNote::NoOptions);
    }
    if k == 0 {
        notes.push(RankingNote::NoCriteria);
    }
    let values = entered_values(scenario, &mut notes);
    let formula = Formula::of(scenario, &notes);
    let (roles, weights, has_add) = (
        formula.roles.clone(),
        formula.weights.clone(),
        formula.has_add,
    );
    let total_weight: f64 = weights.iter().sum();
    let mut utilities = vec![0.0; n * k];
    let mut missing = vec![false; n * k];
    let mut numerator = vec![0.0; n];
    let mut divisor = vec![None; n];
    let mut scores = vec![0.0; n];
    let mut incomplete = vec![false; n];
    for i in 0..n {
        let row = &values[i * k..(i + 1) * k];
        let present = |c: usize| row[c];
        for c in 0..k {
            missing[i * k + c] = present(c).is_none();
            incomplete[i] |= missing[i * k + c];
        }
        let parts = formula.parts(present);
        incomplete[i] |= parts.divisor.is_none();
        numerator[i] = parts.numerator;
        divisor[i] = parts.divisor;
        scores[i] = parts.score;
        for c in 0..k {
            if roles[c] == RatioRole::Add {
                utilities[i * k + c] = finite(present(c).unwrap_or(0.0) * parts.factor);
            }
        }
    }
    if has_add && total_weight <= 0.0 && k > 0 {
        notes.push(RankingNote::AllWeightsZero);
    }
    let medians: Vec<Option<f64>> = (0..k).map(|c| median(&values, k, c)).collect();
    // A sum of columns depends on each column's scale: where several add,
    // each should start at 1 (SAFe's rule for WSJF).
    if roles.iter().filter(|r| **r == RatioRole::Add).count() > 1 {
        for (c, criterion) in scenario.criteria.iter().enumerate() {
            let smallest = values
                .iter()
                .skip(c)
                .step_by(k.max(1))
                .flatten()
                .copied()
                .reduce(f64::min);
            if let Some(smallest) = smallest.filter(|v| roles[c] == RatioRole::Add && *v != 1.0) {
                notes.push(RankingNote::AddedScaleNotFromOne(criterion.id, smallest));
            }
        }
    }
    let (rows, row_of_option) = ranked_rows(scenario, &scores, &incomplete);
    Ranking {
        criteria: scenario.criteria.iter().map(|c| c.id).collect(),
        points: points_per_column(weights.iter().copied(), total_weight),
        weights,
        total_weight,
        rows,
        notes,
        fixed_part: vec![0.0; n],
        fixed_weight: 0.0,
        fit_weight: 0.0,
        utilities,
        missing,
        row_of_option,
        ratio: Some(RatioParts {
            numerator,
            divisor,
            has_add,
            values,
            medians,
            formula,
        }),
    }
}

/// The ratio model's formula in the criteria's names, as the ranking and the
/// export write it under the scores: `Reach × Impact × Confidence ÷ Effort`,
/// `(User-business value + Time criticality + Risk reduction) ÷ Job size`.
/// Weights other than 1 are written (`2 × Value`); `decimal_comma` writes
/// them as German does.
pub fn formula(scenario: &Scenario, decimal_comma: bool) -> String {
    let with = |role: RatioRole| scenario.criteria.iter().filter(move |c| c.role == role);
    let adds: Vec<String> = with(RatioRole::Add)
        .map(|c| match c.weight.value() {
            1.0 => c.name.clone(),
            w => format!("{} × {}", format_number(w, 2, decimal_comma), c.name),
        })
        .collect();
    let mut factors: Vec<String> = Vec::new();
    match adds.len() {
        0 => {}
        1 => factors.push(adds[0].clone()),
        _ => factors.push(format!("({})", adds.join(" + "))),
    }
    factors.extend(with(RatioRole::Multiply).map(|c| c.name.clone()));
    let numerator = if factors.is_empty() {
        "1".to_owned()
    } else {
        factors.join(" × ")
    };
    let divisors: Vec<&str> = with(RatioRole::Divide).map(|c| c.name.as_str()).collect();
    match divisors.len() {
        0 => numerator,
        1 => format!("{numerator} ÷ {}", divisors[0]),
        _ => format!("{numerator} ÷ ({})", divisors.join(" × ")),
    }
}
