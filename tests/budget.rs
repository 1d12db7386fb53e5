//! What fits in the budget (PRODUCT.md, "Best set within a budget"): the
//! knapsack against brute force over every subset, both of its ways (the
//! table over whole costs and branch and bound for the others), the
//! frontier, and the best set of a scenario with its pins, its left-out
//! options and the set going down the ranking gives.

use kerze::domain::analyses::budget::{best_set, swap, LeftOut, NoBestSet};
use kerze::domain::analyses::knapsack::{solve, Exactness, Item, Pick};
use kerze::domain::model::criterion::InputKind;
use kerze::domain::model::ids::{CriterionId, OptionId, ScenarioId};
use kerze::domain::model::scenario::{EditRefused, Scenario, ScenarioEdit};
use kerze::domain::model::settings::{Budget, Pin};
use kerze::domain::scoring::rank;
use kerze::i18n::Lang;
use proptest::prelude::*;

/// The best (value, −count, −cost) over every subset of `items` within
/// `budget`, by brute force.
fn brute_force(items: &[Item], budget: f64) -> (f64, usize, f64) {
    let mut best = (0.0, 0, 0.0);
    for mask in 0u32..(1 << items.len()) {
        let (mut value, mut cost, mut count) = (0.0, 0.0, 0);
        for (i, item) in items.iter().enumerate() {
            if mask & (1 << i) != 0 {
                value += item.value;
                cost += item.cost;
                count += 1;
            }
        }
        if cost > budget * (1.0 + 1e-12) + 1e-12 {
            continue;
        }
        let tie = (value - best.0).abs() <= 1e-9 * value.abs().max(1.0);
        if (!tie && value > best.0) || (tie && (count, cost) < (best.1, best.2)) {
            best = (value, count, cost);
        }
    }
    best
}

/// Whether `pick` is a real set of `items` with its totals.
fn is_real(items: &[Item], pick: &Pick) -> bool {
    let value: f64 = pick.items.iter().map(|&i| items[i].value).sum();
    let cost: f64 = pick.items.iter().map(|&i| items[i].cost).sum();
    let sorted = pick.items.windows(2).all(|w| w[0] < w[1]);
    sorted && (value - pick.value).abs() < 1e-9 && (cost - pick.cost).abs() < 1e-9
}

fn items(pairs: &[(f64, f64)]) -> Vec<Item> {
    pairs
        .iter()
        .map(|&(cost, value)| Item { cost, value })
        .collect()
}

#[test]
fn ten_small_options_beat_the_one_that_fills_the_budget() {
    // One item of value 1.1 fills the budget; ten of 1.0 fit beside each other.
    let mut pairs = vec![(10.0, 1.1)];
    pairs.extend([(1.0, 1.0); 10]);
    let solved = solve(&items(&pairs), 10.0, 20.0, 3);
    assert_eq!(solved.best.items, (1..=10).collect::<Vec<_>>());
    assert_eq!(solved.best.value, 10.0);
    assert_eq!(solved.exactness, Exactness::Exact);
}

#[test]
fn the_frontier_rises_step_by_step_and_each_step_is_a_real_set() {
    let list = items(&[(3.0, 5.0), (4.0, 6.0), (2.0, 3.0), (5.0, 8.0), (1.0, 1.0)]);
    let solved = solve(&list, 7.0, 14.0, 3);
    let steps = &solved.frontier;
    assert_eq!(steps[0].budget, 0.0);
    for pair in steps.windows(2) {
        assert!(pair[0].budget < pair[1].budget && pair[0].value < pair[1].value);
    }
    for step in steps {
        assert_eq!(brute_force(&list, step.budget).0, step.value, "{step:?}");
        if step.budget > 0.0 {
            assert!(
                brute_force(&list, step.budget - 0.5).0 < step.value,
                "{step:?}"
            );
        }
    }
    // The next steps beyond 7: their sets are real and dearer.
    assert!(!solved.next.is_empty());
    for pick in &solved.next {
        assert!(is_real(&list, pick) && pick.cost > 7.0, "{pick:?}");
    }
    // Within 14 of the 15 all cost: everything but the cheapest.
    assert_eq!(solved.frontier.last().unwrap().value, 22.0);
}

#[test]
fn ties_go_to_fewer_options_then_the_lower_cost_then_the_first_entered() {
    // 3 + 3 = 6 for two, or 6 alone: one option.
    let solved = solve(&items(&[(2.0, 3.0), (2.0, 3.0), (4.0, 6.0)]), 4.0, 4.0, 0);
    assert_eq!(solved.best.items, [2]);
    // Equal value, equal count: the cheaper.
    let solved = solve(&items(&[(4.0, 6.0), (3.0, 6.0)]), 4.0, 4.0, 0);
    assert_eq!(solved.best.items, [1]);
    // Equal in everything: the first entered.
    let solved = solve(&items(&[(3.0, 6.0), (3.0, 6.0)]), 4.0, 4.0, 0);
    assert_eq!(solved.best.items, [0]);
}

fn arb_items(decimals: u32) -> impl Strategy<Value = Vec<Item>> {
    let scale = 10f64.powi(decimals as i32);
    prop::collection::vec((0u32..4000, 0u32..1000), 0..=14).prop_map(move |pairs| {
        pairs
            .into_iter()
            .map(|(c, v)| Item {
                cost: f64::from(c) / scale,
                value: f64::from(v) / 10.0,
            })
            .collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Whole costs, two decimals (the table) and three (branch and bound):
    /// the same best value, count and cost as brute force over every subset.
    #[test]
    fn the_best_set_is_the_best_of_every_subset(
        (list, budget) in (0u32..=3).prop_flat_map(|d| (arb_items(d), 0u32..8000)),
    ) {
        let budget = f64::from(budget) / 2.0;
        let solved = solve(&list, budget, budget * 2.0, 3);
        prop_assert!(is_real(&list, &solved.best));
        prop_assert!(solved.best.cost <= budget + 1e-9);
        let (value, count, cost) = brute_force(&list, budget);
        prop_assert!((solved.best.value - value).abs() <= 1e-9 * value.max(1.0));
        prop_assert_eq!(solved.best.items.len(), count);
        prop_assert!((solved.best.cost - cost).abs() < 1e-9);
        prop_assert_eq!(solved.exactness, Exactness::Exact);
        // The same twice over: nothing depends on the run.
        prop_assert_eq!(solve(&list, budget, budget * 2.0, 3), solved);
    }

    /// The frontier never falls, and its value at each step is brute force's.
    #[test]
    fn every_frontier_step_is_the_best_value_at_its_budget(
        list in arb_items(1), budget in 0u32..4000,
    ) {
        let budget = f64::from(budget) / 10.0;
        let solved = solve(&list, budget, budget * 2.0, 3);
        for pair in solved.frontier.windows(2) {
            prop_assert!(pair[0].value < pair[1].value);
        }
        if solved.frontier_exact {
            for step in &solved.frontier {
                let best = brute_force(&list, step.budget).0;
                prop_assert!((best - step.value).abs() <= 1e-9 * best.max(1.0));
            }
        }
        for pick in &solved.next {
            prop_assert!(is_real(&list, pick));
        }
    }

    /// The table and branch and bound break ties alike: the same problem
    /// with costs in units (the table) and in thousandths of them (three
    /// decimals: branch and bound) gives the same set, values of few kinds
    /// making ties common.
    #[test]
    fn both_ways_pick_the_same_set(
        pairs in prop::collection::vec((1u32..40, 0u32..4), 0..=12), budget in 0u32..120,
    ) {
        let whole: Vec<Item> = pairs
            .iter()
            .map(|&(c, v)| Item { cost: f64::from(c), value: f64::from(v) })
            .collect();
        let thousandths: Vec<Item> = pairs
            .iter()
            .map(|&(c, v)| Item { cost: f64::from(c) * 1.001, value: f64::from(v) })
            .collect();
        let budget = f64::from(budget);
        let table = solve(&whole, budget, budget, 0);
        let searched = solve(&thousandths, budget * 1.001, budget * 1.001, 0);
        prop_assert_eq!(&table.best.items, &searched.best.items);
        prop_assert_eq!(table.best.value, searched.best.value);
    }
}

// ---- a scenario's best set ----

fn id() -> ScenarioId {
    ScenarioId::from_parts(7, 7)
}

/// A scenario of two criteria, Value (rating 1–5, higher is better, of
/// weight 1) and Cost (person-days, lower is better, of weight 0.1: the
/// score follows the value), with `options` as `(title, value, cost)`.
fn backlog(options: &[(&str, f64, Option<f64>)]) -> Scenario {
    let mut s = kerze::domain::model::demo::demo_scenario(id(), &Lang::En.texts().demo);
    s.threshold = Default::default();
    s.options.clear();
    for c in [2, 3, 4] {
        s.apply(ScenarioEdit::RemoveCriterion(CriterionId::new(c)))
            .unwrap();
    }
    s.apply(ScenarioEdit::AddCriterion {
        name: "Value".into(),
        kind: InputKind::Rating,
    })
    .unwrap();
    let value = s.criteria[1].id;
    s.apply(ScenarioEdit::SetWeight(
        CriterionId::new(1),
        kerze::domain::model::value::Weight::new(0.1).unwrap(),
    ))
    .unwrap();
    for (title, v, cost) in options {
        s.apply(ScenarioEdit::AddOption {
            title: (*title).into(),
        })
        .unwrap();
        let o = s.options.last().unwrap().id;
        s.apply(ScenarioEdit::SetValue(o, value, Some(*v))).unwrap();
        s.apply(ScenarioEdit::SetValue(o, CriterionId::new(1), *cost))
            .unwrap();
    }
    s
}

fn budget(amount: f64) -> Budget {
    Budget {
        criterion: CriterionId::new(1),
        amount,
        below_line: false,
        pins: Default::default(),
    }
}

fn titles(s: &Scenario, items: &[usize]) -> Vec<String> {
    items.iter().map(|&i| s.options[i].title.clone()).collect()
}

#[test]
fn a_scenario_s_best_set_beats_going_down_the_ranking() {
    // Value index: (v − 1) / 4 × 100 with the scale 1–5.
    let s = backlog(&[
        ("Big", 5.0, Some(60.0)),
        ("A", 4.0, Some(20.0)),
        ("B", 4.0, Some(20.0)),
        ("C", 4.0, Some(20.0)),
        ("No estimate", 5.0, None),
    ]);
    let ranking = rank(&s);
    let set = best_set(&s, &ranking, &budget(60.0)).unwrap();
    assert_eq!(titles(&s, &set.best.items), ["A", "B", "C"]);
    assert_eq!((set.best.cost, set.best.value), (60.0, 225.0));
    // "Big" is #1 by score and fills the budget on its own.
    assert_eq!(titles(&s, &set.down_the_ranking.items), ["Big"]);
    let (dropped, added, gain, extra) = swap(&set.down_the_ranking, &set.best);
    assert_eq!(titles(&s, &dropped), ["Big"]);
    assert_eq!(titles(&s, &added), ["A", "B", "C"]);
    assert_eq!((gain, extra), (125.0, 0.0));
    assert_eq!(set.left_out, [(4, LeftOut::NoCost)]);
    // The frontier runs to 120 person-days: everything with a cost.
    assert_eq!(
        set.frontier.last().map(|s| (s.budget, s.value)),
        Some((120.0, 325.0))
    );
}

#[test]
fn pins_force_options_in_and_keep_them_out() {
    let mut s = backlog(&[
        ("Big", 5.0, Some(60.0)),
        ("A", 4.0, Some(20.0)),
        ("B", 4.0, Some(20.0)),
        ("C", 4.0, Some(20.0)),
    ]);
    let mut b = budget(60.0);
    b.pins.insert(OptionId::new(1), Pin::Must);
    b.pins.insert(OptionId::new(2), Pin::Never);
    s.apply(ScenarioEdit::SetBudget(Some(b.clone()))).unwrap();
    let set = best_set(&s, &rank(&s), &b).unwrap();
    assert_eq!(titles(&s, &set.best.items), ["Big"]);
    assert_eq!(set.left_out, [(1, LeftOut::Never)]);
    assert_eq!(set.musts_over, None);
    // Musts that cost more than the budget are all in, and say by how much.
    b.amount = 50.0;
    let set = best_set(&s, &rank(&s), &b).unwrap();
    assert_eq!(titles(&s, &set.best.items), ["Big"]);
    assert_eq!(set.musts_over, Some(10.0));
    // A pin on an option that goes, goes with it; the budget with its criterion.
    s.apply(ScenarioEdit::RemoveOption(OptionId::new(2)))
        .unwrap();
    assert_eq!(s.budget.as_ref().unwrap().pins.len(), 1);
    s.apply(ScenarioEdit::RemoveCriterion(CriterionId::new(1)))
        .unwrap();
    assert_eq!(s.budget, None);
}

#[test]
fn a_budget_is_refused_off_an_amount_or_outside_its_range() {
    let mut s = backlog(&[("A", 4.0, Some(20.0))]);
    let value = s.criteria[1].id;
    let mut b = budget(60.0);
    b.criterion = value;
    assert_eq!(
        s.apply(ScenarioEdit::SetBudget(Some(b))),
        Err(EditRefused::InvalidValue)
    );
    assert_eq!(
        s.apply(ScenarioEdit::SetBudget(Some(budget(-1.0)))),
        Err(EditRefused::InvalidValue)
    );
    let mut pinned = budget(10.0);
    pinned.pins.insert(OptionId::new(9), Pin::Must);
    assert_eq!(
        s.apply(ScenarioEdit::SetBudget(Some(pinned))),
        Err(EditRefused::InvalidValue)
    );
    s.apply(ScenarioEdit::SetBudget(Some(budget(10.0))))
        .unwrap();
    // Switching the criterion to a rating ends the budget.
    s.apply(ScenarioEdit::SetInputKind(
        CriterionId::new(1),
        InputKind::Rating,
    ))
    .unwrap();
    assert_eq!(s.budget, None);
}

#[test]
fn below_the_line_and_valueless_options_wait_unless_asked() {
    let mut s = backlog(&[
        ("Good", 5.0, Some(10.0)),
        ("Weak", 2.0, Some(10.0)),
        ("Nothing", 1.0, Some(1.0)),
    ]);
    s.apply(ScenarioEdit::SetThreshold(
        kerze::domain::model::value::Threshold::new(40.0).unwrap(),
    ))
    .unwrap();
    let ranking = rank(&s);
    let mut b = budget(30.0);
    let set = best_set(&s, &ranking, &b).unwrap();
    assert_eq!(titles(&s, &set.best.items), ["Good"]);
    assert_eq!(
        set.left_out,
        [(1, LeftOut::BelowLine), (2, LeftOut::BelowLine)]
    );
    b.below_line = true;
    let set = best_set(&s, &ranking, &b).unwrap();
    assert_eq!(titles(&s, &set.best.items), ["Good", "Weak"]);
    assert_eq!(set.left_out, [(2, LeftOut::NoValue)]);
}

#[test]
fn no_best_set_is_said_why() {
    let s = backlog(&[("A", 4.0, None)]);
    assert_eq!(
        best_set(&s, &rank(&s), &budget(10.0)),
        Err(NoBestSet::NoCosts)
    );
    let empty = backlog(&[]);
    assert_eq!(
        best_set(&empty, &rank(&empty), &budget(10.0)),
        Err(NoBestSet::NoOptions)
    );
}

#[test]
fn a_large_backlog_with_fractional_costs_is_still_solved_exactly() {
    // 60 options with costs of three decimals: branch and bound.
    let list: Vec<Item> = (0..60)
        .map(|i| Item {
            cost: 1.0 + f64::from((i * 37) % 101) / 7.0,
            value: 1.0 + f64::from((i * 53) % 89) / 3.0,
        })
        .collect();
    let solved = solve(&list, 120.0, 240.0, 3);
    assert_eq!(solved.exactness, Exactness::Exact);
    assert!(!solved.frontier_exact);
    assert!(is_real(&list, &solved.best));
    assert!(solved.best.cost <= 120.0);
}

#[test]
fn a_budget_moves_no_score_and_no_sample() {
    use kerze::domain::analyses::acceptability::scenario_seed;
    use kerze::domain::model::settings::WeightMode;
    let plain = backlog(&[("A", 4.0, Some(20.0)), ("B", 3.0, Some(10.0))]);
    let mut budgeted = plain.clone();
    budgeted
        .apply(ScenarioEdit::SetBudget(Some(budget(25.0))))
        .unwrap();
    assert!(plain.equal_but_budget(&budgeted));
    assert_eq!(rank(&plain).rows, rank(&budgeted).rows);
    for mode in WeightMode::ALL {
        assert_eq!(scenario_seed(&plain, mode), scenario_seed(&budgeted, mode));
    }
    let mut renamed = budgeted.clone();
    renamed.apply(ScenarioEdit::Rename("Other".into())).unwrap();
    assert!(!renamed.equal_but_budget(&budgeted));
}

#[test]
fn the_csv_and_markdown_tables_mark_the_best_set() {
    use kerze::domain::formats::table::{ranking_csv, ranking_markdown};
    let mut s = backlog(&[
        ("Big", 5.0, Some(60.0)),
        ("A", 4.0, Some(20.0)),
        ("B", 4.0, Some(20.0)),
        ("C", 4.0, Some(20.0)),
    ]);
    let titles = Lang::En.table_titles();
    let texts = Lang::En.table_texts(&titles);
    assert!(!ranking_csv(&s, &texts).contains("In the budget"));
    s.apply(ScenarioEdit::SetBudget(Some(budget(60.0))))
        .unwrap();
    let csv = ranking_csv(&s, &texts);
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').lines().collect();
    let column = lines[0]
        .split(',')
        .position(|h| h == "\"In the budget\"")
        .unwrap();
    let marks: Vec<(&str, &str)> = lines[1..]
        .iter()
        .map(|l| {
            let cells: Vec<&str> = l.split(',').collect();
            (cells[1], cells[column])
        })
        .collect();
    assert_eq!(
        marks,
        [
            ("\"Big\"", "\"\""),
            ("\"A\"", "\"yes\""),
            ("\"B\"", "\"yes\""),
            ("\"C\"", "\"yes\"")
        ]
    );
    let markdown = ranking_markdown(&s, &texts);
    assert_eq!(
        markdown.matches("| In the budget |").count(),
        3,
        "{markdown}"
    );
}

#[test]
fn how_sure_the_set_is_is_drawn_over_weight_sets() {
    use kerze::domain::analyses::budget::{set_shares, NoSetShares};
    let mut s = kerze::domain::model::demo::demo_scenario(id(), &Lang::En.texts().demo);
    let mut b = budget(40.0);
    b.pins.insert(OptionId::new(2), Pin::Never);
    s.apply(ScenarioEdit::SetBudget(Some(b.clone()))).unwrap();
    let ranking = rank(&s);
    let set = best_set(&s, &ranking, &b).unwrap();
    let shares = set_shares(&s, &ranking, &set).unwrap();
    assert_eq!(shares.samples, 1_000);
    assert!(shares.shares.iter().all(|x| (0.0..=1.0).contains(x)));
    for &i in &set.best.items {
        assert!(shares.shares[i] >= 0.5, "{i}: {:?}", shares.shares);
    }
    // Pinned out, or below the line: in no set.
    for (i, _) in &set.left_out {
        assert_eq!(shares.shares[*i], 0.0);
    }
    // The same figures every time.
    assert_eq!(set_shares(&s, &ranking, &set), Ok(shares.clone()));
    // Weights that move nothing the value index holds keep the set: with
    // one value criterion left, every set is the best set.
    let mut one = backlog(&[("A", 4.0, Some(20.0)), ("B", 3.0, Some(30.0))]);
    one.apply(ScenarioEdit::SetBudget(Some(budget(25.0))))
        .unwrap();
    let r = rank(&one);
    let set = best_set(&one, &r, one.budget.as_ref().unwrap()).unwrap();
    assert_eq!(set_shares(&one, &r, &set).unwrap().shares, [1.0, 0.0]);
    // A ratio score without ranges says why it is not drawn.
    let ratio = rice_within(5.0, |_| ());
    let r = rank(&ratio);
    let set = best_set(&ratio, &r, ratio.budget.as_ref().unwrap()).unwrap();
    assert_eq!(set_shares(&ratio, &r, &set), Err(NoSetShares::Ratio));
}

#[test]
fn how_sure_the_set_is_draws_the_costs_with_a_range() {
    use kerze::domain::analyses::budget::set_shares;
    use kerze::domain::model::value::Range;
    // A (value 75) fills the budget alone; B and C (50 each) fit together
    // while C's cost, drawn from 4 / 5 / 8 and kept whole, stays at 5 or
    // below: a PERT Beta(2, 4) under 5.5 is 1 − 0.625⁵ − 1.875 · 0.625⁴ ≈ 61.9 %.
    let mut s = backlog(&[
        ("A", 4.0, Some(10.0)),
        ("B", 3.0, Some(5.0)),
        ("C", 3.0, Some(5.0)),
    ]);
    let cost = CriterionId::new(1);
    s.apply(ScenarioEdit::SetEstimate(
        s.options[2].id,
        cost,
        5.0,
        Range {
            low: 4.0,
            high: 8.0,
        },
    ))
    .unwrap();
    s.apply(ScenarioEdit::SetBudget(Some(budget(10.0))))
        .unwrap();
    let ranking = rank(&s);
    let set = best_set(&s, &ranking, s.budget.as_ref().unwrap()).unwrap();
    assert_eq!(titles(&s, &set.best.items), ["B", "C"]);
    let shares = set_shares(&s, &ranking, &set).unwrap();
    assert!(shares.weights && shares.ranges);
    assert_eq!(shares.samples, 1_000);
    let [a, b, c] = shares.shares[..] else {
        panic!("{shares:?}")
    };
    assert_eq!(b, c);
    assert!((c - 0.619).abs() < 0.05, "{c}");
    assert!((a + c - 1.0).abs() < 1e-12, "{a} + {c}");
    assert_eq!(set_shares(&s, &ranking, &set), Ok(shares));
    // A must whose cost is drawn over the budget leaves nothing to choose
    // in that draw: the others' shares fall by that share.
    let mut must = s.clone();
    let mut b = budget(15.0);
    b.pins.insert(must.options[2].id, Pin::Must);
    must.apply(ScenarioEdit::SetBudget(Some(b))).unwrap();
    let ranking = rank(&must);
    let set = best_set(&must, &ranking, must.budget.as_ref().unwrap()).unwrap();
    let shares = set_shares(&must, &ranking, &set).unwrap();
    assert_eq!(shares.shares[2], 1.0);
    // While C costs 5 or less, the 10 left take A (75); above, only B fits.
    assert!(
        shares.shares[0] > 0.5 && shares.shares[0] < 0.7,
        "{shares:?}"
    );
}

#[test]
fn how_sure_the_set_is_under_a_ratio_draws_its_ranges() {
    use kerze::domain::analyses::budget::set_shares;
    let ratio = rice_within(5.0, |rice| {
        let reach = rice.criteria[0].id;
        rice.apply(ScenarioEdit::FillRanges(reach, Some(0.5)))
            .unwrap();
    });
    let r = rank(&ratio);
    let set = best_set(&ratio, &r, ratio.budget.as_ref().unwrap()).unwrap();
    let shares = set_shares(&ratio, &r, &set).unwrap();
    assert!(!shares.weights && shares.ranges);
    assert!(shares.samples >= 100);
    // The set most often chosen holds the best set's options more often than not.
    for &i in &set.best.items {
        assert!(shares.shares[i] > 0.3, "{i}: {shares:?}");
    }
    assert!(
        shares.shares.iter().any(|&x| x > 0.0 && x < 1.0),
        "{shares:?}"
    );
}

/// The RICE demo, changed by `change`, with a budget of `amount` on its effort.
fn rice_within(amount: f64, change: impl FnOnce(&mut Scenario)) -> Scenario {
    let mut rice = kerze::domain::model::demo::demo_rice(
        id(),
        &Lang::En.texts().demo,
        Lang::En.texts().presets.names,
    );
    change(&mut rice);
    let effort = rice.criteria[3].id;
    rice.apply(ScenarioEdit::SetBudget(Some(Budget {
        criterion: effort,
        amount,
        below_line: true,
        pins: Default::default(),
    })))
    .unwrap();
    rice
}
