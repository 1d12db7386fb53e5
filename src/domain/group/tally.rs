//! The reveal: the ballots of a scenario merged per cell (n, mean, median,
//! min, max), the points each disagreement puts at stake, the discussion
//! queue, who has which option first by their own weights, and the values
//! the facilitator accepts (PRODUCT.md, "Group scoring").

use crate::domain::model::criterion::CriterionInput;
use crate::domain::model::ids::OptionId;
use crate::domain::model::rounds::{Ballot, Cell, Item};
use crate::domain::model::scenario::set_cell;
use crate::domain::model::scenario::Scenario;
use crate::domain::model::segment::{Segment, FIT_MAX};
use crate::domain::model::value::Weight;
use crate::domain::scoring::{rank, sort_indices, Ranking, RatioParts};
use std::cmp::Ordering;

/// Cells whose min and max are tried for a change of #1 (those with the
/// most points at stake): each try ranks the scenario twice.
pub const TRIED_CELLS: usize = 40;

/// One person's vote on a cell.
#[derive(Clone, Debug, PartialEq)]
pub struct Vote {
    /// Index of the ballot in the scenario's ballots.
    pub ballot: usize,
    /// The value.
    pub value: f64,
    /// The reason given, if any.
    pub reason: String,
    /// The option or criterion changed after the person scored it.
    pub changed: bool,
}

/// The merged votes on one cell.
#[derive(Clone, Debug, PartialEq)]
pub struct CellTally {
    /// The cell.
    pub cell: Cell,
    /// The round the votes come from (its number).
    pub round: u32,
    /// The votes, lowest first ("don't know" is not a vote).
    pub votes: Vec<Vote>,
    /// Mean of the votes.
    pub mean: f64,
    /// Median of the votes (the mean of the middle two when n is even).
    pub median: f64,
    /// Lowest vote.
    pub min: f64,
    /// Highest vote.
    pub max: f64,
    /// `100 × (w_c / W) × (max − min) / span`: the score swing the disagreement can cause.
    pub stake: f64,
    /// Whether taking the lowest or the highest vote instead of the median
    /// puts another option first (tried for the [`TRIED_CELLS`] cells with most at stake).
    pub moves_top: bool,
}

impl CellTally {
    /// How many people voted.
    pub fn n(&self) -> usize {
        self.votes.len()
    }

    /// Whether anyone changed cell since their vote.
    pub fn changed(&self) -> usize {
        self.votes.iter().filter(|v| v.changed).count()
    }
}

/// Everything the reveal shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Tally {
    /// The items asked, in order (heatmap columns).
    pub items: Vec<Item>,
    /// The options asked about, in scenario order (heatmap rows).
    pub options: Vec<OptionId>,
    /// Per option × item (row by row), the merged votes; `None` where nobody voted.
    pub cells: Vec<Option<CellTally>>,
    /// The people whose ballots count.
    pub people: usize,
    /// With weights collected: per option, how many people rank it first by
    /// their own weights (most first); and how many gave weights.
    pub firsts: Vec<(OptionId, usize)>,
    /// How many ballots had weights.
    pub weighted: usize,
}

impl Tally {
    /// The cell at `row`, `column`.
    pub fn at(&self, row: usize, column: usize) -> Option<&CellTally> {
        self.cells.get(row * self.items.len() + column)?.as_ref()
    }

    /// The cells to discuss, most points at stake first: those with at least
    /// two votes that differ.
    pub fn queue(&self) -> Vec<&CellTally> {
        let mut order: Vec<usize> = (0..self.cells.len())
            .filter(|&i| {
                self.cells[i]
                    .as_ref()
                    .is_some_and(|c| c.n() >= 2 && c.max > c.min)
            })
            .collect();
        let stake = |i: usize| self.cells[i].as_ref().map_or(0.0, |c| c.stake);
        sort_indices(&mut order, &|a, b| stake(b).total_cmp(&stake(a)));
        order
            .iter()
            .filter_map(|&i| self.cells[i].as_ref())
            .collect()
    }
}

/// Points at stake of a cell in the ratio model: how far its score swings
/// between the lowest and the highest vote, in % of the highest score.
fn ratio_stake(
    scenario: &Scenario,
    ranking: &Ranking,
    parts: &RatioParts,
    cell: Cell,
    (min, max): (f64, f64),
) -> f64 {
    let Some(index) = scenario.options.iter().position(|o| o.id == cell.option) else {
        return 0.0;
    };
    let option = &scenario.options[index];
    let shares = scenario.segment_mix.shares();
    let is_fit = |c: usize| {
        ranking
            .criteria
            .get(c)
            .and_then(|id| scenario.criterion(*id))
            .is_some_and(|c| c.input == CriterionInput::SegmentFit)
    };
    // The option's value in column `c` with the cell's vote `v` in place:
    // a fit rating enters through the mix-weighted fit value.
    let value_with = |c: usize, v: f64| match cell.item {
        Item::Value(id) if ranking.criteria.get(c) == Some(&id) => Some(v),
        Item::Fit(segment) if is_fit(c) => {
            let mut fit = option.fit;
            fit.set(segment, Some(v));
            match shares.as_ref().map(|s| fit.weighted_mean(s)) {
                Some((value, false)) => Some(value),
                _ => None,
            }
        }
        _ => parts.value(index, c),
    };
    let score_with = |v: f64| parts.formula.parts(|c| value_with(c, v)).score;
    let top = ranking.rows.first().map_or(0.0, |r| r.score.abs());
    if top > 0.0 {
        100.0 * (score_with(max) - score_with(min)).abs() / top
    } else {
        0.0
    }
}

/// The middle of sorted `values` (the mean of the middle two when even).
pub fn median(sorted: &[f64]) -> f64 {
    let n = sorted.len();
    match n {
        0 => 0.0,
        _ if n % 2 == 1 => sorted[n / 2],
        _ => (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0,
    }
}

/// Points at stake per unit of spread, per item: `100 × w_c / W / span`
/// (the ranking's share is already in %).
fn stake_per_unit(scenario: &Scenario, ranking: &Ranking, item: Item, votes: &[f64]) -> f64 {
    let share = |id| {
        ranking
            .criteria
            .iter()
            .position(|c| *c == id)
            .map_or(0.0, |c| ranking.share(c))
    };
    match item {
        Item::Value(id) => {
            let Some(criterion) = scenario.criterion(id) else {
                return 0.0;
            };
            let span = match &criterion.input {
                CriterionInput::Rating { .. } | CriterionInput::Levels(_) => {
                    criterion.input.scale().map_or(0.0, |(min, max)| max - min)
                }
                CriterionInput::Amount {
                    lo: Some(lo),
                    hi: Some(hi),
                    ..
                } => hi - lo,
                _ => {
                    let known = scenario.options.iter().filter_map(|o| o.values.get(&id));
                    let (lo, hi) = known
                        .chain(votes)
                        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &v| {
                            (lo.min(v), hi.max(v))
                        });
                    hi - lo
                }
            };
            if span > 0.0 {
                share(id) / span
            } else {
                0.0
            }
        }
        Item::Fit(segment) => {
            let fit_share: f64 = scenario
                .criteria
                .iter()
                .filter(|c| c.input == CriterionInput::SegmentFit)
                .map(|c| share(c.id))
                .sum();
            let mix = scenario
                .segment_mix
                .shares()
                .map_or(0.0, |shares| shares.get(segment));
            fit_share * mix / FIT_MAX
        }
    }
}

/// For each person (the newest ballot of each name), whose weights count.
fn latest_per_person(ballots: &[Ballot]) -> Vec<usize> {
    let mut chosen: Vec<usize> = Vec::new();
    for (i, ballot) in ballots.iter().enumerate() {
        match chosen
            .iter()
            .position(|&j| ballots[j].who() == ballot.who())
        {
            Some(at) if ballots[chosen[at]].number <= ballot.number => chosen[at] = i,
            Some(_) => {}
            None => chosen.push(i),
        }
    }
    chosen
}

/// Merges the ballots of `scenario`: per cell the votes of the newest round
/// that has votes on it.
pub fn tally(scenario: &Scenario) -> Tally {
    let group = &scenario.group;
    let mut items: Vec<Item> = Vec::new();
    for round in &group.rounds {
        for item in round.items(scenario) {
            if !items.contains(&item) {
                items.push(item);
            }
        }
    }
    let options: Vec<OptionId> = scenario
        .options
        .iter()
        .filter(|o| {
            group.rounds.iter().any(|r| {
                items
                    .iter()
                    .any(|&item| r.asks(scenario, Cell { option: o.id, item }))
            })
        })
        .map(|o| o.id)
        .collect();
    let ranking = rank(scenario);
    let mut cells = Vec::with_capacity(options.len() * items.len());
    for &option in &options {
        for &item in &items {
            let cell = Cell { option, item };
            cells.push(cell_tally(scenario, &ranking, cell));
        }
    }
    let people = latest_per_person(&group.ballots).len();
    let mut tally = Tally {
        items,
        options,
        cells,
        people,
        firsts: Vec::new(),
        weighted: 0,
    };
    try_extremes(scenario, &mut tally);
    count_firsts(scenario, &mut tally);
    tally
}

fn cell_tally(scenario: &Scenario, ranking: &Ranking, cell: Cell) -> Option<CellTally> {
    let group = &scenario.group;
    for round in group.rounds.iter().rev() {
        if !round.asks(scenario, cell) {
            continue;
        }
        let mut votes: Vec<Vote> = Vec::new();
        for (i, ballot) in group.ballots.iter().enumerate() {
            if ballot.round != round.id {
                continue;
            }
            let Some(score) = ballot.scores.iter().find(|s| s.cell == cell) else {
                continue;
            };
            let Some(value) = score.value else { continue };
            let changed = ballot.checks.iter().any(|(key, check)| {
                let now = match key.as_bytes().first() {
                    Some(b'o') if *key == cell.option.to_string() => scenario
                        .options
                        .iter()
                        .find(|o| o.id == cell.option)
                        .map(|o| crate::domain::group::ballot::option_check(o)),
                    Some(b'c') if matches!(cell.item, Item::Value(id) if *key == id.to_string()) => {
                        scenario
                            .criteria
                            .iter()
                            .find(|c| c.id.to_string() == *key)
                            .map(crate::domain::group::ballot::criterion_check)
                    }
                    _ => None,
                };
                now.is_some_and(|now| now != *check)
            });
            votes.push(Vote {
                ballot: i,
                value,
                reason: score.reason.clone(),
                changed,
            });
        }
        if votes.is_empty() {
            continue;
        }
        votes.sort_by(|a, b| a.value.partial_cmp(&b.value).unwrap_or(Ordering::Equal));
        let values: Vec<f64> = votes.iter().map(|v| v.value).collect();
        let n = values.len() as f64;
        let (min, max) = (values[0], values[values.len() - 1]);
        let stake = match &ranking.ratio {
            Some(parts) => ratio_stake(scenario, ranking, parts, cell, (min, max)),
            None => stake_per_unit(scenario, ranking, cell.item, &values) * (max - min),
        };
        return Some(CellTally {
            cell,
            round: round.number,
            mean: values.iter().sum::<f64>() / n,
            median: median(&values),
            min,
            max,
            stake: stake.min(100.0),
            moves_top: false,
            votes,
        });
    }
    None
}

/// The scenario with every voted cell at its median.
pub fn consensus(scenario: &Scenario, tally: &Tally) -> Scenario {
    let mut merged = scenario.clone();
    for cell in tally.cells.iter().flatten() {
        set_cell(&mut merged, cell.cell, cell.median);
    }
    merged
}

fn first(scenario: &Scenario) -> Option<OptionId> {
    rank(scenario).rows.first().map(|r| r.id)
}

/// Marks the cells where the lowest or highest vote puts another option first.
fn try_extremes(scenario: &Scenario, tally: &mut Tally) {
    let mut merged = consensus(scenario, tally);
    let top = first(&merged);
    let tried: Vec<Cell> = tally
        .queue()
        .into_iter()
        .take(TRIED_CELLS)
        .map(|c| c.cell)
        .collect();
    for cell in tried {
        let Some(t) = tally.cells.iter_mut().flatten().find(|c| c.cell == cell) else {
            continue;
        };
        let mut moves = false;
        for value in [t.min, t.max] {
            set_cell(&mut merged, cell, value);
            moves |= first(&merged) != top;
        }
        set_cell(&mut merged, cell, t.median);
        t.moves_top = moves;
    }
}

/// With weights collected: who has which option first, each by their own
/// weights on the consensus values.
fn count_firsts(scenario: &Scenario, tally: &mut Tally) {
    let ballots = &scenario.group.ballots;
    let mut merged = consensus(scenario, tally);
    let mut firsts: Vec<(OptionId, usize)> = Vec::new();
    for i in latest_per_person(ballots) {
        let ballot = &ballots[i];
        if ballot.weights.is_empty() {
            continue;
        }
        for criterion in &mut merged.criteria {
            let own = ballot.weights.iter().find(|(id, _)| *id == criterion.id);
            let weight = own.map_or(
                scenario.criterion(criterion.id).map(|c| c.weight),
                |(_, w)| Weight::new(*w).ok(),
            );
            criterion.weight = weight.unwrap_or_default();
        }
        tally.weighted += 1;
        if let Some(top) = first(&merged) {
            match firsts.iter_mut().find(|(id, _)| *id == top) {
                Some((_, count)) => *count += 1,
                None => firsts.push((top, 1)),
            }
        }
    }
    firsts.sort_by_key(|f| std::cmp::Reverse(f.1));
    tally.firsts = firsts;
}

/// Which value of a cell the facilitator accepts.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Pick {
    /// The median of the votes (the default).
    Median,
    /// The mean of the votes, to two decimals.
    Mean,
    /// A value the facilitator typed.
    Typed(f64),
}

impl Pick {
    /// The value this pick takes from `cell`.
    pub fn value(self, cell: &CellTally) -> f64 {
        match self {
            Pick::Median => cell.median,
            Pick::Mean => (cell.mean * 100.0).round() / 100.0,
            Pick::Typed(value) => value,
        }
    }
}

/// The values to accept: each voted cell's pick (`picks`, else `default`).
pub fn accepted(tally: &Tally, picks: &[(Cell, Pick)], default: Pick) -> Vec<(Cell, f64)> {
    tally
        .cells
        .iter()
        .flatten()
        .map(|c| {
            let pick = picks
                .iter()
                .find(|(cell, _)| *cell == c.cell)
                .map_or(default, |(_, p)| *p);
            (c.cell, pick.value(c))
        })
        .collect()
}

/// The segment an item is the fit of, if it is one.
pub fn fit_segment(item: Item) -> Option<Segment> {
    match item {
        Item::Fit(segment) => Some(segment),
        Item::Value(_) => None,
    }
}
