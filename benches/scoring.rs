//! Scoring and ranking speed: 1,000 and 10,000 options × 8 criteria
//! (targets: ≤ 100 µs and ≤ 1.5 ms).

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use kerze::domain::model::criterion::{Criterion as ScoringCriterion, CriterionInput, Direction};
use kerze::domain::model::ids::{CriterionId, OptionId};
use kerze::domain::model::scenario::{Scenario, ScenarioOption};
use kerze::domain::model::segment::SegmentRatings;
use kerze::domain::model::value::Weight;
use kerze::domain::scoring::{rank, segment_ranks};
use std::hint::black_box;

#[path = "../tests/support/bench.rs"]
mod bench;
#[path = "../tests/support/rng.rs"]
mod rng;
use bench::bench_scenario;
use rng::xorshift;

/// A scenario with `n` options on 8 criteria: 3 amounts, 4 ratings, segment fit;
/// values from a fixed pseudo-random sequence, 5 % of them missing.
fn generated(n: usize) -> Scenario {
    let weight = |w: f64| Weight::new(w).unwrap();
    let criteria: Vec<ScoringCriterion> = (0..8)
        .map(|i| ScoringCriterion {
            id: CriterionId::new(i + 1),
            name: format!("Criterion {i}"),
            weight: weight(f64::from(i % 4 + 1)),
            direction: if i % 2 == 0 {
                Direction::LowerIsBetter
            } else {
                Direction::HigherIsBetter
            },
            input: match i {
                0..=2 => CriterionInput::Amount {
                    unit: "days".into(),
                    lo: None,
                    hi: None,
                },
                7 => CriterionInput::SegmentFit,
                _ => CriterionInput::DEFAULT_RATING,
            },
            role: Default::default(),
        })
        .collect();
    let mut next = xorshift(0x2545_f491_4f6c_dd1d);
    let options = (0..n)
        .map(|i| {
            let mut values = std::collections::BTreeMap::new();
            for c in &criteria {
                let roll = next();
                if roll % 20 == 0 {
                    continue;
                }
                match c.input {
                    CriterionInput::Amount { .. } => {
                        values.insert(c.id, (roll % 500) as f64);
                    }
                    CriterionInput::Rating { .. } | CriterionInput::Levels(_) => {
                        values.insert(c.id, (roll % 5 + 1) as f64);
                    }
                    CriterionInput::SegmentFit => {}
                }
            }
            let fit = |r: u64| Some((r % 6) as f64);
            std::rc::Rc::new(ScenarioOption {
                id: OptionId::new(i as u32 + 1),
                title: format!("Option {i}"),
                description: String::new(),
                values,
                fit: SegmentRatings {
                    smb: fit(next()),
                    enterprise: fit(next()),
                    public_sector: fit(next()),
                },
                ranges: Default::default(),
                key: String::new(),
            })
        })
        .collect();
    bench_scenario(criteria, options)
}

fn scoring(c: &mut Criterion) {
    let mut group = c.benchmark_group("score and rank, 8 criteria");
    for n in [1_000, 10_000] {
        let scenario = generated(n);
        group.bench_with_input(BenchmarkId::from_parameter(n), &scenario, |b, s| {
            b.iter(|| rank(black_box(s)))
        });
    }
    group.finish();
    let mut group = c.benchmark_group("score, rank and the 3 per-segment views, 8 criteria");
    for n in [1_000, 10_000] {
        let scenario = generated(n);
        group.bench_with_input(BenchmarkId::from_parameter(n), &scenario, |b, s| {
            b.iter(|| {
                let ranking = rank(black_box(s));
                segment_ranks(s, &ranking)
            })
        });
    }
    group.finish();
}

criterion_group!(benches, scoring);
criterion_main!(benches);
