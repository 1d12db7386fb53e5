//! What fits in the budget, timed natively: the best set and the frontier to
//! twice the budget for 1,000 options with whole costs (budget 10,000) and
//! for 200 options with costs of two decimals (target in the browser, with
//! the page redrawn: ≤ 50 ms; `e2e/bench/budget.mjs` measures that).

use criterion::{criterion_group, criterion_main, Criterion};
use kerze::domain::analyses::knapsack::{solve, Item};
use std::hint::black_box;

#[path = "../tests/support/rng.rs"]
mod rng;
use rng::xorshift;

/// `n` items with costs `0 < c ≤ 500` (in `1 / scale` steps) and values 0–100.
fn items(n: usize, scale: u64) -> Vec<Item> {
    let mut next = xorshift(0x9e37_79b9_7f4a_7c15);
    (0..n)
        .map(|_| Item {
            cost: (next() % (500 * scale) + 1) as f64 / scale as f64,
            value: (next() % 1001) as f64 / 10.0,
        })
        .collect()
}

fn budget(c: &mut Criterion) {
    let mut group = c.benchmark_group("best set and frontier to twice the budget");
    group.sample_size(10);
    let whole = items(1_000, 1);
    group.bench_function("1,000 options, whole costs, budget 10,000", |b| {
        b.iter(|| solve(black_box(&whole), 10_000.0, 20_000.0, 3).best.value)
    });
    let table = items(600, 1);
    group.bench_function("600 options, whole costs, budget 10,000 (the table)", |b| {
        b.iter(|| solve(black_box(&table), 10_000.0, 20_000.0, 3).best.value)
    });
    let cents = items(200, 100);
    group.bench_function("200 options, costs of two decimals, budget 2,000", |b| {
        b.iter(|| solve(black_box(&cents), 2_000.0, 4_000.0, 3).best.value)
    });
    group.finish();
}

criterion_group!(benches, budget);
criterion_main!(benches);
