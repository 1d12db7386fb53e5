//! The 0/1 knapsack behind "What fits in the budget?" (PRODUCT.md, "Best
//! set within a budget"): the most value for a cost no higher than a
//! budget, exact. Costs that are whole at two decimals (after dividing by
//! their greatest common divisor) go through dynamic programming over the
//! budget, which gives the best value at every budget up to the largest one
//! asked for at once; other costs, or a table too large, through branch and
//! bound with the LP bound, with a stated limit on its work.
//!
//! Ties are broken the same way in both: the higher value (within a
//! millionth of a millionth), then fewer items, then the lower cost, then
//! entry order: of two sets still alike, the one that leaves out the later
//! entered item where they differ, looking from the last.

use std::cmp::Ordering;

/// One item: what it costs and what it is worth.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Item {
    /// Its cost, `≥ 0`.
    pub cost: f64,
    /// Its value; an item worth `≤ 0` is never chosen.
    pub value: f64,
}

/// A set of items.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Pick {
    /// The items chosen, in entry order.
    pub items: Vec<usize>,
    /// Their total value.
    pub value: f64,
    /// Their total cost.
    pub cost: f64,
}

/// How exact a solution is.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Exactness {
    /// Proven best (dynamic programming, or branch and bound that finished).
    Exact,
    /// Branch and bound stopped at its limit of work: the best set found,
    /// and how much more value the LP bound leaves open.
    Stopped {
        /// The LP bound minus the value found.
        gap: f64,
    },
}

/// One step of the frontier: from `budget` on, `value` can be had.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Step {
    /// The budget from which the value can be had (the cost of its set).
    pub budget: f64,
    /// The best value for any budget from here to the next step.
    pub value: f64,
}

/// The most cells the dynamic programme fills (items × budget steps).
pub const MAX_CELLS: u64 = 20_000_000;
/// The most nodes branch and bound visits before it stops.
pub const MAX_NODES: u64 = 1_000_000;
/// How many budgets the frontier is sampled at when it cannot be had exactly.
pub const SAMPLED_STEPS: usize = 40;

/// Two values tie when they differ by at most this share of the most value
/// there is (the sum of every item's): one tolerance for a whole problem,
/// in the table, the search and the frontier alike.
const TIE: f64 = 1e-12;

/// The tolerances under which two values, or two costs, of one problem tie.
#[derive(Clone, Copy, Debug)]
struct Tie {
    value: f64,
    cost: f64,
}

impl Tie {
    fn of(items: &[Item]) -> Tie {
        let sum = |of: fn(&Item) -> f64| items.iter().map(|i| of(i).max(0.0)).sum::<f64>();
        Tie {
            value: TIE * sum(|i| i.value).max(1.0),
            cost: TIE * sum(|i| i.cost).max(1.0),
        }
    }

    /// Whether `a` is worth more than `b` beyond rounding.
    fn more(self, a: f64, b: f64) -> bool {
        a - b > self.value
    }

    /// How (value, count, cost) `a` compares with `b`: more value is
    /// better, else fewer items, else a lower cost; `Equal` where they tie
    /// in all three.
    fn compare(self, a: (f64, u32, f64), b: (f64, u32, f64)) -> Ordering {
        if self.more(a.0, b.0) {
            return Ordering::Greater;
        }
        if self.more(b.0, a.0) {
            return Ordering::Less;
        }
        b.1.cmp(&a.1).then(if b.2 - a.2 > self.cost {
            Ordering::Greater
        } else if a.2 - b.2 > self.cost {
            Ordering::Less
        } else {
            Ordering::Equal
        })
    }
}

/// Whether budget `a` lies beyond budget `b`, beyond rounding.
fn beyond(a: f64, b: f64) -> bool {
    a > b + TIE * b.abs().max(1.0)
}

/// A solved knapsack: the best set for `budget` and the frontier up to
/// `reach`.
#[derive(Clone, Debug, PartialEq)]
pub struct Solution {
    /// The best set within the budget.
    pub best: Pick,
    /// Whether it is proven best.
    pub exactness: Exactness,
    /// The best value at every budget from 0 to the reach: the steps where
    /// it rises, the first at budget 0.
    pub frontier: Vec<Step>,
    /// Whether the frontier holds every step (else it is sampled at
    /// [`SAMPLED_STEPS`] budgets, each step exact or stopped).
    pub frontier_exact: bool,
    /// The sets of the first steps of the frontier beyond the budget.
    pub next: Vec<Pick>,
}

/// Solves the knapsack of `items` for `budget`, with the frontier up to
/// `reach` (`≥ budget`) and the sets of its first `next` steps beyond the
/// budget. Costs and budgets must be finite and `≥ 0`.
pub fn solve(items: &[Item], budget: f64, reach: f64, next: usize) -> Solution {
    let reach = reach.max(budget);
    let tie = Tie::of(items);
    let next_budgets = |frontier: &[Step]| -> Vec<f64> {
        frontier
            .iter()
            .filter(|s| beyond(s.budget, budget))
            .take(next)
            .map(|s| s.budget)
            .collect()
    };
    if let Some(table) = Table::fill(items, reach, tie) {
        let frontier = table.frontier(tie);
        return Solution {
            best: table.pick_at(items, budget),
            exactness: Exactness::Exact,
            next: next_budgets(&frontier)
                .into_iter()
                .map(|b| table.pick_at(items, b))
                .collect(),
            frontier,
            frontier_exact: true,
        };
    }
    let sorted = by_density(items);
    let (best, exactness) = branch_and_bound(items, &sorted, budget, tie);
    let mut frontier: Vec<Step> = Vec::new();
    for k in 0..=SAMPLED_STEPS {
        let at = reach * k as f64 / SAMPLED_STEPS as f64;
        let (pick, _) = branch_and_bound(items, &sorted, at, tie);
        if frontier
            .last()
            .is_none_or(|s| tie.more(pick.value, s.value))
        {
            frontier.push(Step {
                budget: pick.cost,
                value: pick.value,
            });
        }
    }
    Solution {
        best,
        exactness,
        next: next_budgets(&frontier)
            .into_iter()
            .map(|b| branch_and_bound(items, &sorted, b, tie).0)
            .collect(),
        frontier,
        frontier_exact: false,
    }
}

/// How many cells the table for `items` up to `reach` has, if the costs
/// are whole at two decimals (else branch and bound solves them).
pub fn table_cells(items: &[Item], reach: f64) -> Option<f64> {
    let (_, unit) = whole_costs(items)?;
    let width = (reach / unit + 1e-9).floor();
    width
        .is_finite()
        .then(|| (width + 1.0) * items.len().max(1) as f64)
}

/// The costs as whole numbers of one unit: each cost × 10^d divided by the
/// greatest common divisor of all, for the fewest decimals `d ≤ 2` that
/// make every cost whole; with the unit's size.
fn whole_costs(items: &[Item]) -> Option<(Vec<u64>, f64)> {
    let decimals = decimals(items.iter().map(|item| item.cost))?;
    let scale = 10f64.powi(decimals);
    let whole: Vec<u64> = items
        .iter()
        .map(|item| (item.cost * scale).round() as u64)
        .collect();
    let divisor = whole.iter().fold(0, |g, &c| gcd(g, c)).max(1);
    let unit = divisor as f64 / scale;
    Some((whole.into_iter().map(|c| c / divisor).collect(), unit))
}

/// The fewest decimals (0 to 2) that write every amount of `amounts`
/// exactly, as whole numbers below 2^53; `None` if none do.
pub fn decimals(amounts: impl Iterator<Item = f64> + Clone) -> Option<i32> {
    // Below 2^53 every whole number is exact in an f64.
    const LARGEST: f64 = 9_007_199_254_740_992.0;
    (0..=2).find(|&decimals| {
        let scale = 10f64.powi(decimals);
        amounts.clone().all(|amount| {
            let scaled = amount * scale;
            let rounded = scaled.round();
            (scaled - rounded).abs() <= 1e-9 * rounded.max(1.0) && (0.0..LARGEST).contains(&rounded)
        })
    })
}

fn gcd(a: u64, b: u64) -> u64 {
    if b == 0 {
        a
    } else {
        gcd(b, a % b)
    }
}

/// The dynamic programme: for every budget `b` in units, the best set
/// costing at most `b`, and per item and budget whether it was taken.
struct Table {
    unit: f64,
    costs: Vec<u64>,
    /// Per budget, the best set's value and its item count and cost in
    /// units as one key, `count << 32 | cost`: the lower key wins a tie of
    /// value.
    cells: Vec<(f64, u64)>,
    words: usize,
    taken: Vec<u64>,
}

impl Table {
    /// The table up to `reach`, if the costs are whole at two decimals and
    /// it has at most [`MAX_CELLS`] cells.
    fn fill(items: &[Item], reach: f64, tie: Tie) -> Option<Table> {
        let (costs, unit) = whole_costs(items)?;
        let width = (reach / unit + 1e-9).floor();
        let cells = (width + 1.0) * items.len().max(1) as f64;
        if !width.is_finite() || cells > MAX_CELLS as f64 {
            return None;
        }
        let top = width as usize;
        let words = top / 64 + 1;
        let mut table = Table {
            unit,
            cells: vec![(0.0, 0); top + 1],
            words,
            taken: vec![0; words * items.len()],
            costs,
        };
        let tie = tie.value;
        // Layer by layer: each item's layer reads the one before it, so
        // every budget sees the best set without this item.
        let mut next = table.cells.clone();
        for (i, item) in items.iter().enumerate() {
            let c = table.costs[i];
            if item.value <= 0.0 || c > top as u64 {
                continue;
            }
            let step = (1 << 32) | c;
            let c = c as usize;
            let row = &mut table.taken[i * words..(i + 1) * words];
            let cells = &table.cells;
            next[..c].copy_from_slice(&cells[..c]);
            // A word of the taken bits at a time: 64 budgets, no branch.
            let mut b = c;
            while b <= top {
                let end = ((b | 63) + 1).min(top + 1);
                let mut word = 0u64;
                for (j, (slot, (&now, &from))) in next[b..end]
                    .iter_mut()
                    .zip(cells[b..end].iter().zip(&cells[b - c..end - c]))
                    .enumerate()
                {
                    let (value, key) = (from.0 + item.value, from.1 + step);
                    *slot = if value > now.0 + tie || (value >= now.0 - tie && key < now.1) {
                        word |= 1 << ((b + j) & 63);
                        (value, key)
                    } else {
                        now
                    };
                }
                row[b >> 6] = word;
                b = end;
            }
            std::mem::swap(&mut table.cells, &mut next);
        }
        Some(table)
    }

    /// The best set within `budget`.
    fn pick_at(&self, items: &[Item], budget: f64) -> Pick {
        let mut b = ((budget / self.unit + 1e-9).floor() as usize).min(self.cells.len() - 1);
        let mut chosen = Vec::new();
        for i in (0..items.len()).rev() {
            if self.taken[i * self.words + b / 64] & (1 << (b % 64)) != 0 {
                chosen.push(i);
                b -= self.costs[i] as usize;
            }
        }
        chosen.reverse();
        pick(items, chosen)
    }

    /// The steps where the best value rises.
    fn frontier(&self, tie: Tie) -> Vec<Step> {
        let mut steps = vec![Step {
            budget: 0.0,
            value: self.cells[0].0,
        }];
        for b in 1..self.cells.len() {
            if tie.more(self.cells[b].0, self.cells[b - 1].0) {
                steps.push(Step {
                    budget: (self.cells[b].1 & 0xffff_ffff) as f64 * self.unit,
                    value: self.cells[b].0,
                });
            }
        }
        steps
    }
}

/// The set of `items` at `chosen`, with its totals.
fn pick(items: &[Item], chosen: Vec<usize>) -> Pick {
    Pick {
        value: chosen.iter().map(|&i| items[i].value).sum(),
        cost: chosen.iter().map(|&i| items[i].cost).sum(),
        items: chosen,
    }
}

/// The items that cost and are worth something, most value per cost
/// first (ties in entry order): the order branch and bound tries them in.
fn by_density(items: &[Item]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..items.len())
        .filter(|&i| items[i].cost > 0.0 && items[i].value > 0.0)
        .collect();
    order.sort_by(|&a, &b| {
        let density = |i: usize| items[i].value / items[i].cost;
        density(b).total_cmp(&density(a)).then(a.cmp(&b))
    });
    order
}

/// Branch and bound (Horowitz–Sahni, depth first, items by value per cost,
/// Dantzig's LP bound), for costs the table cannot hold.
/// `by_density` holds the items that cost and are worth something, most
/// value per cost first ([`by_density`]).
fn branch_and_bound(
    items: &[Item],
    by_density: &[usize],
    budget: f64,
    tie: Tie,
) -> (Pick, Exactness) {
    // Free items of value are always in; worthless ones never.
    let free: Vec<usize> = (0..items.len())
        .filter(|&i| items[i].cost <= 0.0 && items[i].value > 0.0)
        .collect();
    let order: Vec<usize> = by_density
        .iter()
        .copied()
        .filter(|&i| !beyond(items[i].cost, budget))
        .collect();
    let mut search = Search {
        items,
        order: &order,
        taken: vec![false; order.len()],
        best: (0.0, 0, 0.0),
        best_taken: vec![false; order.len()],
        nodes: 0,
        tie,
    };
    // Costs written with three decimals or more do not add up exactly in
    // floating point: a set that fits on paper fits here, within rounding.
    let budget = budget + TIE * budget.abs().max(1.0);
    let root_bound = search.bound(0, budget, 0.0);
    search.run(budget);
    let mut chosen: Vec<usize> = order
        .iter()
        .zip(&search.best_taken)
        .filter(|(_, &t)| t)
        .map(|(&i, _)| i)
        .chain(free)
        .collect();
    chosen.sort_unstable();
    let best = pick(items, chosen);
    let exactness = if search.nodes > MAX_NODES {
        Exactness::Stopped {
            gap: (root_bound - search.best.0).max(0.0),
        }
    } else {
        Exactness::Exact
    };
    (best, exactness)
}

/// The state of one branch-and-bound search.
struct Search<'a> {
    items: &'a [Item],
    order: &'a [usize],
    taken: Vec<bool>,
    best: (f64, u32, f64),
    best_taken: Vec<bool>,
    nodes: u64,
    tie: Tie,
}

impl Search<'_> {
    /// The LP bound from position `k` on with `room` left and `value` so far.
    fn bound(&self, k: usize, mut room: f64, mut value: f64) -> f64 {
        for &i in &self.order[k..] {
            let item = self.items[i];
            if item.cost <= room {
                room -= item.cost;
                value += item.value;
            } else {
                return value + item.value * room / item.cost;
            }
        }
        value
    }

    /// Whether the set taken so far (to position `k`) comes before the best
    /// one in entry order: where they differ, looking from the last entered
    /// item, it leaves out the later one (as the table does: it takes an
    /// item only where that is better, never on a tie).
    fn entered_earlier(&self, k: usize) -> bool {
        let set = |taken: &[bool]| {
            let mut items: Vec<usize> = taken
                .iter()
                .zip(self.order)
                .filter(|(t, _)| **t)
                .map(|(_, &i)| i)
                .collect();
            items.sort_unstable();
            items
        };
        let (now, best) = (set(&self.taken[..k]), set(&self.best_taken));
        now.iter()
            .rev()
            .zip(best.iter().rev())
            .find(|(a, b)| a != b)
            .is_some_and(|(a, b)| a < b)
    }

    /// Depth first over take / leave each item in order, taking first;
    /// a branch whose bound cannot beat the best set found is cut.
    fn run(&mut self, budget: f64) {
        // (depth, room left, (value, count, cost) so far, whether the item
        // before was taken)
        let mut stack = vec![(0, budget, (0.0, 0, 0.0), false)];
        while let Some((k, room, so_far, took)) = stack.pop() {
            if k > 0 {
                self.taken[k - 1] = took;
            }
            self.nodes += 1;
            if self.nodes > MAX_NODES {
                return;
            }
            let better = match self.tie.compare(so_far, self.best) {
                Ordering::Greater => true,
                Ordering::Equal => self.entered_earlier(k),
                Ordering::Less => false,
            };
            if better {
                self.best = so_far;
                self.best_taken.fill(false);
                self.best_taken[..k].copy_from_slice(&self.taken[..k]);
            }
            if k == self.order.len() || self.tie.more(self.best.0, self.bound(k, room, so_far.0)) {
                continue;
            }
            let item = self.items[self.order[k]];
            stack.push((k + 1, room, so_far, false));
            if item.cost <= room {
                let with = (so_far.0 + item.value, so_far.1 + 1, so_far.2 + item.cost);
                stack.push((k + 1, room - item.cost, with, true));
            }
        }
    }
}
