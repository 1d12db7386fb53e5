//! What fits in the budget (PRODUCT.md, "Best set within a budget"): the
//! set of options with the most value whose costs on one amount criterion
//! stay within the budget, exactly; beside it, the set that going down the
//! ranking gives; and the best value at every budget up to twice the one
//! set, with the sets of the next steps.
//!
//! The value summed is the value index (not the score, which already
//! rewards a low cost and would count it twice); under a ratio, the
//! numerator.

use crate::domain::analyses::knapsack::{self, Exactness, Item, Pick, Step};
use crate::domain::analyses::matrix::{self, NoMatrix};
use crate::domain::model::ids::CriterionId;
use crate::domain::model::scenario::Scenario;
use crate::domain::model::settings::{Budget, Pin};
use crate::domain::scoring::Ranking;

/// How many steps beyond the budget are named ("+8 person-days adds D").
pub const NEXT_STEPS: usize = 3;

/// Why an option is not a candidate for the best set.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LeftOut {
    /// It has no cost on the budget's criterion.
    NoCost,
    /// It is pinned out.
    Never,
    /// It scores below the worth-it line (and those are not asked for).
    BelowLine,
    /// It adds no value.
    NoValue,
}

impl LeftOut {
    /// The reason's name in files.
    pub fn key(self) -> &'static str {
        match self {
            LeftOut::NoCost => "no_cost",
            LeftOut::Never => "never",
            LeftOut::BelowLine => "below_line",
            LeftOut::NoValue => "no_value",
        }
    }
}

/// Why there is no best set to show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoBestSet {
    /// The scenario has no option.
    NoOptions,
    /// No criterion with weight counts as value (nothing to sum).
    NoValue,
    /// No option has a cost on the budget's criterion.
    NoCosts,
}

/// The best set within the budget, and what is around it.
#[derive(Clone, Debug, PartialEq)]
pub struct BestSet {
    /// Each option's value as summed (entry order).
    pub values: Vec<f64>,
    /// Each option's cost (entry order), `None` where it has none.
    pub costs: Vec<Option<f64>>,
    /// The best set (the musts included), entry order.
    pub best: Pick,
    /// Whether it is proven best.
    pub exactness: Exactness,
    /// Going down the ranking, taking each option while it fits (the musts
    /// first), stopping at the first that does not.
    pub down_the_ranking: Pick,
    /// Options that were not candidates, and why (entry order).
    pub left_out: Vec<(usize, LeftOut)>,
    /// How far the musts alone go over the budget, if they do.
    pub musts_over: Option<f64>,
    /// The best value at every budget from 0 to twice the budget (the
    /// musts' cost and value included): the steps where it rises.
    pub frontier: Vec<Step>,
    /// Whether the frontier holds every step (else it is sampled).
    pub frontier_exact: bool,
    /// The sets of the first steps beyond the budget.
    pub next: Vec<Pick>,
    /// The options the set was chosen from (not pinned in or out, with a
    /// cost), entry order.
    pub candidates: Vec<usize>,
    /// The budget left for them once the musts are in.
    pub room: f64,
    /// The criterion the costs are on.
    pub criterion: CriterionId,
    /// The budget.
    pub amount: f64,
}

/// The best set for `budget` in `scenario`, ranked as `ranking`.
pub fn best_set(
    scenario: &Scenario,
    ranking: &Ranking,
    budget: &Budget,
) -> Result<BestSet, NoBestSet> {
    if scenario.options.is_empty() {
        return Err(NoBestSet::NoOptions);
    }
    let values = matrix::values(scenario, ranking).map_err(|e| match e {
        NoMatrix::NoOptions => NoBestSet::NoOptions,
        NoMatrix::NoValue | NoMatrix::NoEffort => NoBestSet::NoValue,
    })?;
    let amount = scenario.is_amount(budget.criterion);
    let costs: Vec<Option<f64>> = scenario
        .options
        .iter()
        .map(|o| o.values.get(&budget.criterion).copied().filter(|_| amount))
        .collect();
    if costs.iter().all(Option::is_none) {
        return Err(NoBestSet::NoCosts);
    }
    let below: Vec<bool> = (0..scenario.options.len())
        .map(|i| ranking.row_for(i).is_some_and(|r| r.below_threshold))
        .collect();
    let pin = |i: usize| budget.pins.get(&scenario.options[i].id).copied();
    // Each option: a must, a candidate, or left out and why.
    let mut musts = Vec::new();
    let mut candidates = Vec::new();
    let mut left_out = Vec::new();
    for i in 0..scenario.options.len() {
        let why = match (pin(i), costs[i]) {
            (Some(Pin::Never), _) => Some(LeftOut::Never),
            (_, None) => Some(LeftOut::NoCost),
            (Some(Pin::Must), Some(_)) => {
                musts.push(i);
                continue;
            }
            _ if below[i] && !budget.below_line => Some(LeftOut::BelowLine),
            _ if values[i] <= 0.0 => Some(LeftOut::NoValue),
            _ => None,
        };
        match why {
            Some(why) => left_out.push((i, why)),
            None => candidates.push(i),
        }
    }
    let cost_of = |i: usize| costs[i].unwrap_or(0.0);
    let must_cost: f64 = musts.iter().map(|&i| cost_of(i)).sum();
    let must_value: f64 = musts.iter().map(|&i| values[i]).sum();
    let room = budget.amount - must_cost;
    let items: Vec<Item> = candidates
        .iter()
        .map(|&i| Item {
            cost: cost_of(i),
            value: values[i],
        })
        .collect();
    let reach = (2.0 * budget.amount - must_cost).max(0.0);
    let solved = knapsack::solve(&items, room.max(0.0), reach, NEXT_STEPS);
    // Back from candidates to options, with the musts added.
    let with_musts = |pick: &Pick| {
        let mut options: Vec<usize> = pick.items.iter().map(|&k| candidates[k]).collect();
        options.extend(&musts);
        options.sort_unstable();
        Pick {
            items: options,
            value: pick.value + must_value,
            cost: pick.cost + must_cost,
        }
    };
    let best = if room < 0.0 {
        with_musts(&Pick::default())
    } else {
        with_musts(&solved.best)
    };
    let frontier = solved
        .frontier
        .iter()
        .map(|s| Step {
            budget: s.budget + must_cost,
            value: s.value + must_value,
        })
        .collect();
    let down_the_ranking = down_the_ranking(ranking, &musts, &candidates, &costs, &values, budget);
    Ok(BestSet {
        best,
        exactness: solved.exactness,
        down_the_ranking,
        left_out,
        musts_over: (room < 0.0).then_some(-room),
        frontier,
        frontier_exact: solved.frontier_exact,
        next: solved.next.iter().map(with_musts).collect(),
        values,
        costs,
        candidates,
        room,
        criterion: budget.criterion,
        amount: budget.amount,
    })
}

/// The set going down the ranking gives: the musts, then each candidate in
/// rank order while it fits, stopping at the first that does not.
fn down_the_ranking(
    ranking: &Ranking,
    musts: &[usize],
    candidates: &[usize],
    costs: &[Option<f64>],
    values: &[f64],
    budget: &Budget,
) -> Pick {
    let mut is_candidate = vec![false; costs.len()];
    for &i in candidates {
        is_candidate[i] = true;
    }
    let mut items: Vec<usize> = musts.to_vec();
    let mut cost: f64 = musts.iter().filter_map(|&i| costs[i]).sum();
    for row in &ranking.rows {
        if !is_candidate[row.index] {
            continue;
        }
        let c = costs[row.index].unwrap_or(0.0);
        if cost + c > budget.amount * (1.0 + 1e-12) {
            break;
        }
        cost += c;
        items.push(row.index);
    }
    items.sort_unstable();
    Pick {
        value: items.iter().map(|&i| values[i]).sum(),
        cost,
        items,
    }
}

/// What changes from `from` to `to`: the options dropped and added (entry
/// order), and the difference in value and in cost.
pub fn swap(from: &Pick, to: &Pick) -> (Vec<usize>, Vec<usize>, f64, f64) {
    let dropped = from
        .items
        .iter()
        .filter(|i| !to.items.contains(i))
        .copied()
        .collect();
    let added = to
        .items
        .iter()
        .filter(|i| !from.items.contains(i))
        .copied()
        .collect();
    (dropped, added, to.value - from.value, to.cost - from.cost)
}

/// Draws made to see how sure the best set is.
pub const SET_SAMPLES: u32 = 1_000;
/// Fewest draws worth a share.
pub const MIN_SET_SAMPLES: u32 = 100;
/// Most table cells filled over all the draws (about a second's work at
/// most in a browser; most scenarios need a thousandth of it).
const MAX_SAMPLED_CELLS: f64 = 4e7;
/// Draws made where branch and bound solves each (its work varies).
const SEARCHED_SAMPLES: u32 = 200;

/// How often each option is in the best set over draws of the weights
/// (the weighted sum) and of the values with a range.
#[derive(Clone, Debug, PartialEq)]
pub struct SetShares {
    /// Draws counted.
    pub samples: u32,
    /// Per option (entry order), the share of them (0–1) in which it is in
    /// the best set.
    pub shares: Vec<f64>,
    /// Whether the weights were drawn (the scenario's sampling mode).
    pub weights: bool,
    /// Whether the values with a range were drawn (costs included).
    pub ranges: bool,
}

/// Why the best set's shares are not drawn.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum NoSetShares {
    /// A ratio score without ranges: its weights move only the added
    /// criteria, and there is no value to draw.
    Ratio,
    /// The musts alone fill the budget: nothing is left to choose.
    NothingToChoose,
    /// Too much work: fewer than [`MIN_SET_SAMPLES`] sets would fit.
    TooLarge,
}

/// How sure the best set is: the share of draws in which each option is in
/// the best set. Under the weighted sum each draw takes a weight set (the
/// scenario's sampling mode) and the value index is recomputed; where values
/// have a range, each draw also takes them from their PERT distributions (a
/// cost drawn is kept to the decimals the costs are written with, and the
/// musts' drawn costs come off the budget). The candidates stay those of
/// the set.
pub fn set_shares(
    scenario: &Scenario,
    ranking: &Ranking,
    set: &BestSet,
) -> Result<SetShares, NoSetShares> {
    use crate::domain::analyses::acceptability::{scenario_seed, WeightDraw, Xoshiro};
    use crate::domain::analyses::uncertainty::{has_ranges, Cells};
    use crate::domain::model::settings::Role;
    let mode = scenario.analysis.weights;
    let seed = scenario_seed(scenario, mode);
    let mut cells =
        has_ranges(scenario).then(|| Cells::new(scenario, ranking, seed ^ 0x7261_6e67_6573));
    let ratio = ranking.ratio.as_ref();
    if ratio.is_some() && cells.is_none() {
        return Err(NoSetShares::Ratio);
    }
    if set.room <= 0.0 || set.candidates.is_empty() {
        return Err(NoSetShares::NothingToChoose);
    }
    let musts: Vec<usize> = set
        .best
        .items
        .iter()
        .filter(|i| !set.candidates.contains(i))
        .copied()
        .collect();
    let column = scenario.criteria.iter().position(|c| c.id == set.criterion);
    let cost_drawn = |i: &usize| scenario.options[*i].ranges.contains_key(&set.criterion);
    let costs_drawn = cells.is_some() && set.candidates.iter().chain(&musts).any(cost_drawn);
    // Drawn costs keep the decimals of the costs, their ranges and the budget.
    let ranges = scenario
        .options
        .iter()
        .filter_map(|o| o.ranges.get(&set.criterion))
        .flat_map(|r| [r.low, r.high]);
    let decimals = knapsack::decimals(
        set.costs
            .iter()
            .flatten()
            .copied()
            .chain(ranges)
            .chain([set.amount]),
    );
    let mut items: Vec<Item> = set
        .candidates
        .iter()
        .map(|&i| Item {
            cost: set.costs[i].unwrap_or(0.0),
            value: set.values[i],
        })
        .collect();
    let samples = draw_count(&items, set, costs_drawn.then_some(decimals))?;
    let value_columns: Vec<usize> = scenario
        .criteria
        .iter()
        .enumerate()
        .filter(|(_, c)| scenario.chart.role(c) == Role::Value)
        .map(|(c, _)| c)
        .collect();
    let draw = WeightDraw::new(ranking, mode);
    // Its own stream: the ranking's samples are not repeated.
    let mut rng = Xoshiro::new(seed ^ 0x6275_6467_6574);
    let mut weights = ranking.weights.clone();
    let round = |cost: f64| match decimals {
        Some(d) => (cost * 10f64.powi(d)).round() / 10f64.powi(d),
        None => cost,
    };
    let mut counts = vec![0u32; scenario.options.len()];
    let mut drawn = 0;
    for _ in 0..samples {
        if ratio.is_none() && !draw.draw(&mut rng, &mut weights) {
            continue;
        }
        let total: f64 = value_columns.iter().map(|&c| weights[c]).sum();
        if ratio.is_none() && total <= 0.0 {
            continue;
        }
        drawn += 1;
        if let Some(cells) = cells.as_mut() {
            cells.draw();
        }
        let utility = |i: usize, c: usize| match &cells {
            Some(cells) => cells.utility(i, c),
            None => ranking.utility(i, c),
        };
        let cost = |i: usize| match (&cells, column) {
            (Some(cells), Some(c)) => cells.value(i, c).map_or(0.0, round),
            _ => set.costs[i].unwrap_or(0.0),
        };
        for (item, &i) in items.iter_mut().zip(&set.candidates) {
            item.value = match ratio {
                Some(parts) => {
                    parts
                        .formula
                        .parts(|c| Some(utility(i, c)).filter(|v| !v.is_nan()))
                        .numerator
                }
                None => {
                    let value: f64 = value_columns
                        .iter()
                        .map(|&c| weights[c] * utility(i, c))
                        .sum();
                    100.0 * value / total
                }
            };
            item.cost = cost(i);
        }
        let room = set.amount - musts.iter().map(|&i| cost(i)).sum::<f64>();
        if room < 0.0 {
            continue;
        }
        for &k in &knapsack::solve(&items, room, room, 0).best.items {
            counts[set.candidates[k]] += 1;
        }
    }
    let share = |count: u32| {
        if drawn > 0 {
            f64::from(count) / f64::from(drawn)
        } else {
            0.0
        }
    };
    // A must is in every set, a left-out option in none, a candidate in its share.
    let mut shares = vec![0.0; counts.len()];
    for &i in &musts {
        shares[i] = 1.0;
    }
    for &i in &set.candidates {
        shares[i] = share(counts[i]);
    }
    Ok(SetShares {
        samples: drawn,
        shares,
        weights: ratio.is_none(),
        ranges: cells.as_ref().is_some_and(Cells::any_drawn),
    })
}

/// How many draws fit the work limit: by the table's cells, where costs
/// are drawn (`Some(decimals)`) by the finest table their decimals allow.
fn draw_count(
    items: &[Item],
    set: &BestSet,
    drawn_costs: Option<Option<i32>>,
) -> Result<u32, NoSetShares> {
    let cells = match drawn_costs {
        Some(Some(d)) => Some(items.len() as f64 * (set.amount * 10f64.powi(d) + 1.0)),
        Some(None) => None,
        None => knapsack::table_cells(items, set.room),
    };
    let samples = match cells {
        Some(cells) => (MAX_SAMPLED_CELLS / cells).min(f64::from(SET_SAMPLES)) as u32,
        None => SEARCHED_SAMPLES,
    };
    if samples < MIN_SET_SAMPLES {
        Err(NoSetShares::TooLarge)
    } else {
        Ok(samples)
    }
}
