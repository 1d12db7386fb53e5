//! Weight sensitivity (PRODUCT.md, "Analyses"): the closed-form stability
//! intervals against a brute-force sweep of each share, the greedy combined
//! shift against a random search, and the badge rule.

mod support {
    pub mod arbitrary;
    pub mod rng;
}

use kerze::domain::analyses::sensitivity::{
    badge, leader_under, mix_intervals, robust_top, scores_under, single_flip, smallest_shift,
    tried_weights, weight_intervals, Badge, Interval, SingleFlip,
};
use kerze::domain::model::scenario::Scenario;
use kerze::domain::model::segment::Segment;
use kerze::domain::model::value::Weight;
use kerze::domain::scoring::{rank, Ranking, TIE_TOLERANCE};
use proptest::prelude::*;
use support::arbitrary::arb_scenario;
use support::rng::xorshift;

/// The demo scenario, in English.
fn demo() -> Scenario {
    kerze::domain::model::demo::demo_scenario(
        support::arbitrary::id(),
        &kerze::i18n::Lang::En.texts().demo,
    )
}

/// Whether the first `keep` options of `before` (entry indices, in order)
/// still hold their places in `after`: each scores at least as much as the
/// next (within the tie tolerance), and the last of them at least as much as
/// every other option.
fn order_holds(before: &Ranking, after: &Ranking, keep: usize) -> bool {
    let order: Vec<usize> = before.rows.iter().map(|r| r.index).collect();
    let score = |i: usize| after.row_for(i).map_or(0.0, |r| r.score);
    let keep = keep.min(order.len());
    let inside = order[..keep]
        .windows(2)
        .all(|w| score(w[1]) <= score(w[0]) + TIE_TOLERANCE);
    let last = score(order[keep - 1]);
    inside
        && order[keep..]
            .iter()
            .all(|&j| score(j) <= last + TIE_TOLERANCE)
}

/// The weight `x` that gives a criterion the share `s` when the others sum to `rest`.
fn weight_for(share: f64, rest: f64) -> f64 {
    share * rest / (1.0 - share)
}

fn near_an_end(share: f64, interval: &Interval) -> bool {
    (share - interval.low).abs() < 1e-6 || (share - interval.high).abs() < 1e-6
}

/// Sweeps a share from 0.5 % to 99.5 % (set by `place`, the other weights
/// summing to `rest`) and compares "the top `keep` hold their order" with
/// "the share lies in the interval".
fn sweep(
    s: &Scenario,
    keep: usize,
    interval: &Interval,
    rest: f64,
    place: impl Fn(&mut Scenario, Weight),
    what: &str,
) -> Result<(), TestCaseError> {
    let r = rank(s);
    for step in 1..200 {
        let share = f64::from(step) / 200.0;
        let Ok(weight) = Weight::new(weight_for(share, rest)) else {
            continue;
        };
        if near_an_end(share, interval) {
            continue;
        }
        let mut moved = s.clone();
        place(&mut moved, weight);
        let holds = order_holds(&r, &rank(&moved), keep);
        let inside = interval.low <= share && share <= interval.high;
        prop_assert_eq!(
            holds,
            inside,
            "{} share {} interval {:?}",
            what,
            share,
            interval
        );
    }
    Ok(())
}

/// Every criterion's weight, swept.
fn sweep_weights(s: &Scenario, keep: usize) -> Result<(), TestCaseError> {
    let r = rank(s);
    let intervals = weight_intervals(&r, keep);
    if r.rows.len() < 2 || r.total_weight <= 0.0 {
        prop_assert!(intervals.is_empty());
        return Ok(());
    }
    for (k, interval) in intervals.iter().enumerate() {
        prop_assert!(interval.low <= interval.now + 1e-12 && interval.now <= interval.high + 1e-12);
        let rest = r.total_weight - r.weights[k];
        // A segment-fit criterion whose mix is all 0 counts as weight 0 whatever is entered.
        if rest <= 0.0 || r.weights[k] != s.criteria[k].weight.value() {
            continue;
        }
        sweep(
            s,
            keep,
            interval,
            rest,
            |m, w| m.criteria[k].weight = w,
            &format!("criterion {k}"),
        )?;
    }
    Ok(())
}

/// Every segment's share of the mix, swept.
fn sweep_mix(s: &Scenario, keep: usize) -> Result<(), TestCaseError> {
    let r = rank(s);
    let Some(intervals) = mix_intervals(s, &r, keep) else {
        return Ok(());
    };
    for (segment, interval) in Segment::ALL.into_iter().zip(&intervals) {
        let rest: f64 = Segment::ALL
            .into_iter()
            .filter(|&o| o != segment)
            .map(|o| s.segment_mix.get(o).value())
            .sum();
        if rest <= 0.0 {
            continue;
        }
        sweep(
            s,
            keep,
            interval,
            rest,
            |m, w| m.segment_mix.set(segment, w),
            &format!("{segment:?}"),
        )?;
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 150, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn a_weight_interval_is_exactly_where_number_one_stays_first(s in arb_scenario()) {
        sweep_weights(&s, 1)?;
    }

    #[test]
    fn a_top_three_interval_is_exactly_where_the_top_three_keep_their_order(s in arb_scenario()) {
        sweep_weights(&s, 3)?;
    }

    #[test]
    fn a_mix_interval_is_exactly_where_number_one_stays_first(s in arb_scenario()) {
        sweep_mix(&s, 1)?;
        sweep_mix(&s, 3)?;
    }

    #[test]
    fn the_greedy_shift_is_never_beaten_by_a_random_search(s in arb_scenario(), seed in any::<u64>()) {
        let r = rank(&s);
        let top = match r.rows.first() { Some(row) => row.index, None => return Ok(()) };
        let shift = smallest_shift(&r);
        let k = r.weights.len();
        let total: f64 = r.weights.iter().sum();
        if let Some(shift) = &shift {
            // The shares after the shift sum to 100 and make the challenger draw level.
            let sum: f64 = shift.shares.iter().sum();
            prop_assert!((sum - 100.0).abs() < 1e-6);
            let score = |i: usize| -> f64 { (0..k).map(|c| shift.shares[c] * r.utility(i, c)).sum() };
            // Relative to the size of the utilities (a ratio model's are not within 0–1).
            let size = (0..k)
                .map(|c| r.utility(top, c).abs().max(r.utility(shift.challenger, c).abs()))
                .fold(1.0, f64::max);
            prop_assert!((score(shift.challenger) - score(top)).abs() < 1e-6 * (1.0 + 100.0 * size));
            prop_assert!(shift.from.iter().all(|&(_, p)| p >= 0.0));
        }
        if total <= 0.0 || k == 0 {
            return Ok(());
        }
        // Random share vectors near the current ones: none that puts another
        // option above #1 moves fewer points than the greedy shift.
        let shares: Vec<f64> = r.weights.iter().map(|w| w / total).collect();
        let mut next = xorshift(seed | 1);
        let mut uniform = || (next() >> 11) as f64 / (1u64 << 53) as f64;
        for _ in 0..300 {
            let radius = uniform();
            let mut moved: Vec<f64> = shares.iter().map(|&s| (s + radius * (uniform() - 0.5)).max(0.0)).collect();
            let sum: f64 = moved.iter().sum();
            if sum <= 0.0 { continue; }
            moved.iter_mut().for_each(|s| *s /= sum);
            let score = |i: usize| -> f64 { (0..k).map(|c| moved[c] * r.utility(i, c)).sum() };
            let flips = r.rows.iter().any(|row| score(row.index) > score(top) + 1e-9);
            if flips {
                let points: f64 = 50.0 * moved.iter().zip(&shares).map(|(a, b)| (a - b).abs()).sum::<f64>();
                let greedy = shift.as_ref().map(|s| s.points());
                prop_assert!(greedy.is_some(), "a flip at {:?} but no shift found", moved);
                prop_assert!(greedy.unwrap_or(0.0) <= points + 1e-9, "greedy {:?} random {}", greedy, points);
            }
        }
    }

    #[test]
    fn the_single_flip_is_the_nearest_interval_end_and_really_flips(s in arb_scenario()) {
        let r = rank(&s);
        let intervals = weight_intervals(&r, 1);
        let Some(flip) = single_flip(&intervals) else { return Ok(()); };
        for (k, i) in intervals.iter().enumerate() {
            for (end, who) in [(i.low, i.below), (i.high, i.above)] {
                if who.is_some() {
                    prop_assert!(flip.points() <= (100.0 * (end - i.now)).abs() + 1e-9, "column {}", k);
                }
            }
        }
        // Just past the end, the named option leads.
        let total = r.total_weight;
        let rest = total - r.weights[flip.column];
        let past = if flip.to > flip.from { flip.to + 0.01 } else { flip.to - 0.01 };
        if rest > 0.0 && (0.0..100.0).contains(&past) && flip.points() > 0.05 {
            let mut weights = r.weights.clone();
            weights[flip.column] = weight_for(past / 100.0, rest);
            let leader = leader_under(&r, &weights);
            prop_assert_ne!(leader, Some(r.rows[0].index));
        }
    }
}

fn flip(points: f64) -> SingleFlip {
    SingleFlip {
        column: 0,
        from: 20.0,
        to: 20.0 + points,
        leader: 1,
    }
}

#[test]
fn the_badge_follows_the_rule_of_the_brief() {
    assert_eq!(badge(None, 0.95), Badge::Robust);
    assert_eq!(badge(Some(&flip(10.0)), 0.8), Badge::Robust);
    assert_eq!(badge(Some(&flip(9.9)), 0.95), Badge::Sensitive);
    assert_eq!(badge(Some(&flip(12.0)), 0.79), Badge::Sensitive);
    assert_eq!(badge(Some(&flip(-4.9)), 0.95), Badge::Fragile);
    assert_eq!(badge(Some(&flip(30.0)), 0.49), Badge::Fragile);
    assert_eq!(badge(Some(&flip(5.0)), 0.5), Badge::Sensitive);
}

#[test]
fn the_demo_says_who_takes_over_and_where() {
    let demo = demo();
    let r = rank(&demo);
    let intervals = weight_intervals(&r, 1);
    assert_eq!(intervals.len(), demo.criteria.len());
    let flip = single_flip(&intervals).expect("some weight flips the demo's #1");
    assert_ne!(flip.leader, r.rows[0].index);
    let shift = smallest_shift(&r).expect("a shift flips the demo's #1");
    assert!(
        shift.points() <= flip.points() + 1e-9,
        "a combined shift is never longer"
    );
}

#[test]
fn trying_the_shift_keeps_the_users_scale_moves_only_the_named_weights_and_changes_the_leader() {
    let demo = demo();
    let ranking = rank(&demo);
    let before: Vec<f64> = ranking.weights.clone();
    assert_eq!(before, vec![3.0, 2.0, 4.0, 3.0]);
    let shift = smallest_shift(&ranking).unwrap();
    assert!(
        shift.from.iter().all(|&(_, points)| points > 1e-9),
        "no giver of nothing"
    );
    let tried = tried_weights(&ranking, &shift);
    let total: f64 = tried.iter().sum();
    assert!((total - 12.0).abs() < 1e-9, "the total stays: {tried:?}");
    let named: Vec<usize> = shift.from.iter().map(|f| f.0).chain([shift.to]).collect();
    for c in 0..4 {
        if !named.contains(&c) {
            assert_eq!(
                tried[c], before[c],
                "column {c} is not named and keeps its weight"
            );
        }
        // Steps of a tenth, as the user's weights are written.
        assert!(
            ((tried[c] * 10.0).round() - tried[c] * 10.0).abs() < 1e-9,
            "{tried:?}"
        );
    }
    let top = ranking.rows[0].index;
    let leader = leader_under(&ranking, &tried).unwrap();
    assert_ne!(leader, top, "the challenger leads, not merely draws level");
    let scores = scores_under(&ranking, &tried);
    let shown = |x: f64| (x * 10.0).round();
    assert!(
        shown(scores[leader]) > shown(scores[top]),
        "the lead shows: {scores:?}"
    );
}

#[test]
fn how_safe_number_one_is_is_asked_only_where_it_means_something() {
    use kerze::domain::analyses::sensitivity::NoRobustness;
    use kerze::domain::model::scenario::ScenarioEdit;
    let texts = kerze::i18n::Lang::En.texts();
    let mut s = Scenario::with_default_criteria(
        support::arbitrary::id(),
        "New".into(),
        texts.demo.criteria,
    );
    assert_eq!(robust_top(&rank(&s)), Err(NoRobustness::TooFewOptions));
    for title in ["A", "B"] {
        s.apply(ScenarioEdit::AddOption {
            title: title.into(),
        })
        .unwrap();
    }
    // Two options without values: every score is the same.
    assert_eq!(robust_top(&rank(&s)), Err(NoRobustness::AllTied));
    // One value on B: B leads, but with values missing.
    let (b, c) = (s.options[1].id, s.criteria[2].id);
    s.apply(ScenarioEdit::SetValue(b, c, Some(5.0))).unwrap();
    assert_eq!(robust_top(&rank(&s)), Err(NoRobustness::TopIncomplete));
    let demo = kerze::domain::model::demo::demo_scenario(support::arbitrary::id(), &texts.demo);
    let r = rank(&demo);
    assert_eq!(robust_top(&r), Ok(r.rows[0].index));
    let mut weightless = demo.clone();
    for c in &mut weightless.criteria {
        c.weight = Weight::new(0.0).unwrap();
    }
    assert_eq!(robust_top(&rank(&weightless)), Err(NoRobustness::NoWeight));
}

/// Scores in the millions (a ratio score on amounts in euros): the smallest
/// shift finds every challenger that some shift of the added weights puts
/// level, and the rounding of large sums never hides one.
#[test]
fn the_smallest_shift_is_found_for_scores_in_the_millions() {
    use kerze::domain::model::criterion::InputKind;
    use kerze::domain::model::presets::{preset_scenario, Preset};
    use kerze::domain::model::scenario::ScenarioEdit;
    let t = kerze::i18n::Lang::En.texts();
    let mut next = xorshift(7);
    let mut found = 0;
    for case in 0..1000 {
        let mut s = preset_scenario(
            support::arbitrary::id(),
            "Amounts".into(),
            Preset::Wsjf,
            t.demo.criteria,
            t.presets.names,
        );
        let ids: Vec<_> = s.criteria.iter().map(|c| c.id).collect();
        for &c in &ids {
            s.apply(ScenarioEdit::SetInputKind(c, InputKind::Amount))
                .unwrap();
        }
        // Some added criteria weigh 0 (a weight is 0–1000 in tenths).
        for &c in &ids[..3] {
            let weight = (next() % 10_000) as f64 / 10.0 * (next() % 3).min(1) as f64;
            s.apply(ScenarioEdit::SetWeight(c, Weight::new(weight).unwrap()))
                .unwrap();
        }
        let mut values = Vec::new();
        for title in ["A", "B"] {
            s.apply(ScenarioEdit::AddOption {
                title: title.into(),
            })
            .unwrap();
            let option = s.options.last().unwrap().id;
            let mut row: Vec<f64> = (0..3)
                .map(|_| (next() % 1_000_000_000_000) as f64 + 1.0)
                .collect();
            row.push((next() % 20 + 1) as f64);
            for (&c, &v) in ids.iter().zip(&row) {
                s.apply(ScenarioEdit::SetValue(option, c, Some(v))).unwrap();
            }
            values.push(row);
        }
        let r = rank(&s);
        let (top, other) = (r.rows[0].index, r.rows[1].index);
        // Some added criterion on which the other option, per unit of job
        // size, beats #1: all weight there puts it ahead.
        let per_size = |o: usize, c: usize| values[o][c] / values[o][3];
        let weighed = |c: usize| r.weights[c] > 0.0;
        if !(0..3).any(weighed) || !(0..3).any(|c| per_size(other, c) > per_size(top, c)) {
            continue;
        }
        found += 1;
        let shift = smallest_shift(&r)
            .unwrap_or_else(|| panic!("case {case}: no shift found for {values:?}"));
        assert_eq!(shift.challenger, other, "case {case}");
    }
    assert!(found > 300, "{found} cases with a possible flip");
}
