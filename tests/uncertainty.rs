//! Uncertain values: PERT draws keep their bounds and their mean, ranges
//! move the chances the way they should, and a fixed seed gives fixed figures.

mod support {
    pub mod arbitrary;
}

use kerze::domain::analyses::acceptability::{Xoshiro, SAMPLES};
use kerze::domain::analyses::uncertainty::{has_ranges, Pert, ValueSampler};
use kerze::domain::model::ids::{CriterionId, OptionId};
use kerze::domain::model::scenario::{Scenario, ScenarioEdit};
use kerze::domain::model::value::Range;
use kerze::domain::scoring::rank;
use proptest::prelude::*;
use support::arbitrary::{arb_scenario, id};

fn demo() -> Scenario {
    kerze::domain::model::demo::demo_scenario(id(), &kerze::i18n::Lang::En.texts().demo)
}

fn run(s: &Scenario, seed: u64) -> kerze::domain::analyses::uncertainty::Uncertainty {
    let r = rank(s);
    let mut sampler = ValueSampler::new(s, &r, seed);
    sampler.run(SAMPLES);
    sampler.result().clone()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn pert_draws_stay_in_their_bounds_and_average_to_the_pert_mean(
        low in -100.0f64..100.0, width in 0.01f64..500.0, at in 0.0f64..=1.0, seed in any::<u64>(),
    ) {
        let (high, likely) = (low + width, low + at * width);
        let pert = Pert::new(low, likely, high);
        prop_assert!(((pert.mean() - (low + 4.0 * likely + high) / 6.0) / width).abs() < 1e-9);
        let mut rng = Xoshiro::new(seed);
        let draws: Vec<f64> = (0..4000).map(|_| pert.sample(&mut rng)).collect();
        prop_assert!(draws.iter().all(|&x| (low..=high).contains(&x)));
        let mean = draws.iter().sum::<f64>() / draws.len() as f64;
        // The PERT standard deviation is at most width / 6 / √1.something:
        // five standard errors of the mean of 4,000 draws.
        prop_assert!(((mean - pert.mean()) / width).abs() < 5.0 / 6.0 / 63.0, "{} vs {}", mean, pert.mean());
    }

    #[test]
    fn chances_are_shares_and_the_firsts_add_up(s in arb_scenario(), seed in any::<u64>()) {
        let r = rank(&s);
        let mut sampler = ValueSampler::new(&s, &r, seed);
        sampler.run(200);
        let u = sampler.result();
        let n = s.options.len();
        if n > 0 {
            let firsts: f64 = (0..n).map(|i| u.first(i)).sum();
            prop_assert!((firsts - 1.0).abs() < 1e-9);
        }
        for i in 0..n {
            prop_assert!(u.first(i) <= u.top3(i) + 1e-12);
            prop_assert!((0.0..=1.0).contains(&u.above(i)));
            let (p5, p50, p95) = (u.percentile(i, 0.05), u.percentile(i, 0.5), u.percentile(i, 0.95));
            prop_assert!(p5 <= p50 && p50 <= p95, "{} {} {} {}", p5, p50, p95, u.varies(i));
            // A weighted score stays within 0–100; a ratio score within what its ranges allow.
            prop_assert!(r.ratio.is_some() || p95 <= 100.0, "{}", p95);
        }
    }
}

#[test]
fn without_ranges_the_ranking_is_certain() {
    let s = demo();
    assert!(!has_ranges(&s));
    let r = rank(&s);
    let u = run(&s, 1);
    let top = r.rows[0].index;
    assert_eq!(u.first(top), 1.0);
    for row in &r.rows {
        // Every sample scores the same: the median is the score, to a tenth.
        assert!((u.percentile(row.index, 0.5) - row.score).abs() <= 0.1 + 1e-9);
        assert_eq!(u.top3(row.index), if row.rank <= 3 { 1.0 } else { 0.0 });
        assert_eq!(
            u.above(row.index),
            if row.below_threshold { 0.0 } else { 1.0 }
        );
    }
}

#[test]
fn a_wide_range_on_the_runner_up_gives_it_a_chance_of_first() {
    let mut s = demo();
    let r = rank(&s);
    let second = &s.options[r.rows[1].index];
    let impact = s
        .criteria
        .iter()
        .find(|c| c.name == "Metric impact")
        .map(|c| c.id)
        .unwrap();
    let likely = second.values.get(&impact).copied().unwrap();
    let (option, top) = (second.id, r.rows[0].index);
    s.apply(ScenarioEdit::SetEstimate(
        option,
        impact,
        likely,
        Range {
            low: 1.0,
            high: 5.0,
        },
    ))
    .unwrap();
    assert!(has_ranges(&s));
    let u = run(&s, 7);
    let index = r.rows[1].index;
    assert!(u.first(index) > 0.0, "{}", u.first(index));
    assert!(u.first(top) < 1.0);
    assert!(u.percentile(index, 0.05) < u.percentile(index, 0.95));
    // The same seed gives the same figures; another seed other ones.
    assert_eq!(run(&s, 7), u);
    assert_ne!(run(&s, 8), u);
}

#[test]
fn another_option_does_not_reshuffle_the_draws_of_the_others() {
    let mut s = demo();
    let impact = CriterionId::new(3);
    let first = OptionId::new(1);
    let likely = s.options[0].values.get(&impact).copied().unwrap();
    s.apply(ScenarioEdit::SetEstimate(
        first,
        impact,
        likely,
        Range {
            low: likely - 1.0,
            high: likely + 0.5,
        },
    ))
    .unwrap();
    let before = run(&s, 3);
    s.apply(ScenarioEdit::AddOption {
        title: "New".into(),
    })
    .unwrap();
    let after = run(&s, 3);
    // Option 1's score spread depends on its own draws only.
    for q in [0.05, 0.5, 0.95] {
        assert_eq!(before.percentile(0, q), after.percentile(0, q));
    }
}

#[test]
fn golden_draws_for_a_fixed_seed() {
    let pert = Pert::new(20.0, 30.0, 40.0);
    let mut rng = Xoshiro::new(2026);
    let draws: Vec<String> = (0..3)
        .map(|_| format!("{:.12}", pert.sample(&mut rng)))
        .collect();
    assert_eq!(draws, GOLDEN);
}

/// The same three draws from an independent model of the algorithm
/// (SplitMix64 → xoshiro256**, polar normals, Marsaglia–Tsang gammas).
const GOLDEN: [&str; 3] = ["30.300409894329", "32.726964044817", "32.009062112320"];

/// A scenario of one 0–10 rating: A is 5 with a range 2–9 (its score is ten
/// times its drawn value), B is 7.17 without one.
fn one_range() -> Scenario {
    use kerze::domain::model::criterion::InputKind;
    let mut s = Scenario::with_default_criteria(
        id(),
        "x".into(),
        kerze::i18n::Lang::En.texts().demo.criteria,
    );
    let keep = s.criteria[0].id;
    for c in s.criteria.clone().iter().skip(1) {
        s.apply(ScenarioEdit::RemoveCriterion(c.id)).unwrap();
    }
    s.apply(ScenarioEdit::SetInputKind(keep, InputKind::Rating))
        .unwrap();
    s.apply(ScenarioEdit::SetDirection(
        keep,
        kerze::domain::model::criterion::Direction::HigherIsBetter,
    ))
    .unwrap();
    use kerze::domain::model::scenario::ScaleEnd;
    s.apply(ScenarioEdit::SetScaleEnd(keep, ScaleEnd::Max, 10.0))
        .unwrap();
    s.apply(ScenarioEdit::SetScaleEnd(keep, ScaleEnd::Min, 0.0))
        .unwrap();
    for (title, v) in [("A", 5.0), ("B", 7.17)] {
        s.apply(ScenarioEdit::AddOption {
            title: title.into(),
        })
        .unwrap();
        let o = s.options.last().unwrap().id;
        s.apply(ScenarioEdit::SetValue(o, keep, Some(v))).unwrap();
    }
    let a = s.options[0].id;
    s.apply(ScenarioEdit::SetEstimate(
        a,
        keep,
        5.0,
        Range {
            low: 2.0,
            high: 9.0,
        },
    ))
    .unwrap();
    s
}

#[test]
fn percentiles_are_the_exact_order_statistics_as_shown() {
    use kerze::domain::model::value::format_fixed;
    let s = one_range();
    let seed = 0x5eed;
    let u = run(&s, seed);
    // The draws of A's one range, as the sampler makes them.
    let (a, c) = (s.options[0].id, s.criteria[0].id);
    let stream = u64::from(a.number()) << 32 | u64::from(c.number());
    let mut rng = Xoshiro::new(seed ^ stream.wrapping_mul(0x9e37_79b9_7f4a_7c15));
    let pert = Pert::new(2.0, 5.0, 9.0);
    let mut scores: Vec<f64> = (0..SAMPLES)
        .map(|_| 100.0 * pert.sample(&mut rng) / 10.0)
        .collect();
    scores.sort_by(f64::total_cmp);
    assert!(u.varies(0));
    for q in [0.05, 0.5, 0.95] {
        let rank = (q * f64::from(SAMPLES)).ceil() as usize;
        let exact = scores[rank - 1];
        assert_eq!(
            format_fixed(u.percentile(0, q), 1),
            format_fixed(exact, 1),
            "q = {q}: exact {exact}"
        );
    }
}

#[test]
fn an_option_whose_score_does_not_vary_shows_its_score() {
    let s = one_range();
    let r = rank(&s);
    let u = run(&s, 9);
    let b = r.row_for(1).unwrap();
    assert!(!u.varies(1));
    assert!((b.score - 71.7).abs() < 1e-9);
    for q in [0.05, 0.5, 0.95] {
        assert_eq!(u.percentile(1, q), 71.7);
    }
}
