//! Bringing a backlog in, timed natively: a 10,000-row CSV to the proposed
//! mapping (the preview) and to the scenario it makes (targets in the
//! browser: ≤ 300 ms to the preview, ≤ 1 s to the ranked scenario).

use criterion::{criterion_group, criterion_main, Criterion};
use kerze::domain::formats::sheet::{decode, read_sheet};
use kerze::domain::formats::sheet_import::{guess, import};
use kerze::domain::model::demo::demo_scenario;
use kerze::domain::model::ids::ScenarioId;
use kerze::domain::model::value::NumberStyle;
use kerze::i18n::Lang;
use std::hint::black_box;

fn csv(rows: usize) -> String {
    let mut text = String::from("Summary,Issue key,Description,Cost,Metric impact,Story Points\n");
    for n in 1..=rows {
        text.push_str(&format!(
            "Option {n},KZ-{n},\"A description, with a comma, of option {n}\",{},{},{}\n",
            n % 500 + 1,
            n % 5 + 1,
            n % 13 + 1
        ));
    }
    text
}

fn sheets(c: &mut Criterion) {
    let text = csv(10_000);
    let mut scenario = demo_scenario(ScenarioId::from_parts(1, 1), &Lang::En.texts().demo);
    scenario.options.clear();
    let ranks = Lang::En.table_titles();
    let own = [Lang::En.table_texts(&ranks)];
    let mut group = c.benchmark_group("a 10,000-row CSV");
    group.sample_size(10);
    group.bench_function("to the proposed mapping", |b| {
        b.iter(|| {
            let sheet = read_sheet(&decode(black_box(text.as_bytes())).unwrap()).unwrap();
            guess(&sheet, &scenario, &own, "Column", NumberStyle::ENGLISH)
        })
    });
    let sheet = read_sheet(&text).unwrap();
    let mapping = guess(&sheet, &scenario, &own, "Column", NumberStyle::ENGLISH);
    group.bench_function("from the mapping to the scenario", |b| {
        b.iter(|| {
            import(black_box(&scenario), &sheet, &mapping, &|_| false)
                .rows
                .len()
        })
    });
    group.finish();
}

criterion_group!(benches, sheets);
criterion_main!(benches);
