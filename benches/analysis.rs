//! How safe #1 is, timed: 10,000 weight samples over 100 and 1,000 options × 6
//! criteria (target in the browser ≤ 50 ms for 100 options, within 2× of
//! native), stability intervals for 1,000 options × 8 criteria (target
//! ≤ 1 ms), and 10,000 value samples with a range on every cell.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use kerze::domain::analyses::acceptability::{Sampler, SAMPLES};
use kerze::domain::analyses::sensitivity::{smallest_shift, weight_intervals};
use kerze::domain::analyses::uncertainty::ValueSampler;
use kerze::domain::model::criterion::{Criterion as ScoringCriterion, CriterionInput, Direction};
use kerze::domain::model::ids::{CriterionId, OptionId};
use kerze::domain::model::scenario::{Scenario, ScenarioOption};
use kerze::domain::model::segment::SegmentRatings;
use kerze::domain::model::settings::WeightMode;
use kerze::domain::model::value::{Range, Weight};
use kerze::domain::scoring::rank;
use std::hint::black_box;

#[path = "../tests/support/bench.rs"]
mod bench;
#[path = "../tests/support/rng.rs"]
mod rng;
use bench::bench_scenario;
use rng::xorshift;

/// `n` options on `k` rating criteria (1–5) with weights 1–4; with `ranges`,
/// every value gets a range of ±1 (clamped to the scale).
fn generated(n: usize, k: u32, ranges: bool) -> Scenario {
    let weight = |w: f64| Weight::new(w).unwrap();
    let criteria: Vec<ScoringCriterion> = (0..k)
        .map(|i| ScoringCriterion {
            id: CriterionId::new(i + 1),
            name: format!("Criterion {i}"),
            weight: weight(f64::from(i % 4 + 1)),
            direction: Direction::HigherIsBetter,
            input: CriterionInput::DEFAULT_RATING,
            role: Default::default(),
        })
        .collect();
    let mut next = xorshift(0x2545_f491_4f6c_dd1d);
    let options = (0..n)
        .map(|i| {
            let mut values = std::collections::BTreeMap::new();
            let mut spans = std::collections::BTreeMap::new();
            for c in &criteria {
                let v = (next() % 41) as f64 / 10.0 + 1.0;
                values.insert(c.id, v);
                if ranges && v > 1.0 {
                    spans.insert(
                        c.id,
                        Range {
                            low: (v - 1.0).max(1.0),
                            high: (v + 1.0).min(5.0),
                        },
                    );
                }
            }
            std::rc::Rc::new(ScenarioOption {
                id: OptionId::new(i as u32 + 1),
                title: format!("Option {i}"),
                description: String::new(),
                values,
                fit: SegmentRatings::default(),
                ranges: spans,
                key: String::new(),
            })
        })
        .collect();
    bench_scenario(criteria, options)
}

fn analysis(c: &mut Criterion) {
    let mut group = c.benchmark_group("10,000 weight samples, 6 criteria");
    group.sample_size(20);
    for n in [100, 1_000] {
        let ranking = rank(&generated(n, 6, false));
        group.bench_with_input(BenchmarkId::from_parameter(n), &ranking, |b, r| {
            b.iter(|| {
                let mut sampler = Sampler::new(black_box(r), WeightMode::Around, 42);
                sampler.run(SAMPLES);
                sampler.result().first(0)
            })
        });
    }
    group.finish();

    let ranking = rank(&generated(1_000, 8, false));
    c.bench_function(
        "stability intervals of #1, 1,000 options × 8 criteria",
        |b| b.iter(|| weight_intervals(black_box(&ranking), 1)),
    );
    c.bench_function(
        "smallest combined shift, 1,000 options × 8 criteria",
        |b| b.iter(|| smallest_shift(black_box(&ranking))),
    );

    let mut group = c.benchmark_group("10,000 value samples, a range on every cell, 6 criteria");
    group.sample_size(10);
    let scenario = generated(100, 6, true);
    let ranking = rank(&scenario);
    group.bench_function("100", |b| {
        b.iter(|| {
            let mut sampler = ValueSampler::new(black_box(&scenario), &ranking, 42);
            sampler.run(SAMPLES);
            sampler.result().first(0)
        })
    });
    group.finish();
}

criterion_group!(benches, analysis);
criterion_main!(benches);
