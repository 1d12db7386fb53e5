//! Export format 2: the analyses it carries agree with the domain's own
//! functions, and the demo's figures are fixed (the browser test compares a
//! real download with the same file, so native and WebAssembly builds must
//! give the same bits).

use kerze::domain::analyses::sensitivity::{single_flip, weight_intervals};
use kerze::domain::formats::export::{export, EXPORT_VERSION};
use kerze::domain::formats::to_pretty;
use kerze::domain::model::ids::ScenarioId;
use kerze::domain::scoring::rank;

fn id() -> ScenarioId {
    ScenarioId::from_parts(7, 7)
}

const GOLDEN: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/export-v3/demo-ranking.json"
);

fn demo() -> kerze::domain::model::scenario::Scenario {
    kerze::domain::model::demo::demo_scenario(id(), &kerze::i18n::Lang::En.texts().demo)
}

#[test]
fn the_demo_export_carries_the_figures_of_its_golden_file() {
    let exported = export(&demo(), "2026-11-29T00:00:00Z".into());
    assert_eq!(exported.version, EXPORT_VERSION);
    let ranking = to_pretty(&exported.ranking) + "\n";
    if std::env::var_os("KERZE_BLESS").is_some() {
        std::fs::write(GOLDEN, &ranking).unwrap();
    }
    let golden = std::fs::read_to_string(GOLDEN).unwrap();
    assert_eq!(
        ranking, golden,
        "rerun with KERZE_BLESS=1 after a deliberate change"
    );
}

/// The demo as the browser test leaves it: "Any weights", and Metric impact
/// of the first option typed as `2–5`.
fn demo_with_a_range() -> kerze::domain::model::scenario::Scenario {
    use kerze::domain::model::ids::{CriterionId, OptionId};
    use kerze::domain::model::scenario::ScenarioEdit;
    use kerze::domain::model::settings::WeightMode;
    use kerze::domain::model::value::Range;
    let mut s = demo();
    s.apply(ScenarioEdit::SetWeightMode(WeightMode::Any))
        .unwrap();
    let range = Range {
        low: 2.0,
        high: 5.0,
    };
    s.apply(ScenarioEdit::SetEstimate(
        OptionId::new(1),
        CriterionId::new(3),
        3.5,
        range,
    ))
    .unwrap();
    s
}

#[test]
fn a_demo_with_a_range_carries_the_figures_of_its_golden_file() {
    let golden_path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/export-v3/demo-any-range-ranking.json"
    );
    let exported = export(&demo_with_a_range(), String::new()).ranking;
    assert_eq!(exported.analysis.value_samples, Some(10_000));
    let first: f64 = exported
        .options
        .iter()
        .map(|o| o.uncertainty.as_ref().unwrap().p_first)
        .sum();
    assert!((first - 1.0).abs() < 1e-9);
    let ranking = to_pretty(&exported) + "\n";
    if std::env::var_os("KERZE_BLESS").is_some() {
        std::fs::write(golden_path, &ranking).unwrap();
    }
    assert_eq!(ranking, std::fs::read_to_string(golden_path).unwrap());
}

#[test]
fn the_analyses_in_an_export_are_the_domain_s() {
    let s = demo();
    let r = rank(&s);
    let exported = export(&s, String::new()).ranking;
    let first: f64 = exported.options.iter().map(|o| o.acceptability.first).sum();
    assert!((first - 1.0).abs() < 1e-9);
    assert_eq!(exported.analysis.samples, 10_000);
    assert_eq!(exported.analysis.seed.len(), 16);
    assert!(exported.analysis.value_samples.is_none());
    assert!(exported.options.iter().all(|o| o.uncertainty.is_none()));
    // #1 keeps its place exactly where #1 stays first.
    let top = &exported.options[0];
    let intervals = weight_intervals(&r, 1);
    let stability = top.stability.as_ref().unwrap();
    for (c, interval) in intervals.iter().enumerate() {
        let got = stability.get(&r.criteria[c]).unwrap();
        assert_eq!((got.low, got.high), (interval.low, interval.high));
    }
    let flip = single_flip(&intervals).unwrap();
    let exported_flip = top.smallest_flip.as_ref().unwrap();
    assert_eq!(exported_flip.criterion, r.criteria[flip.column]);
    assert!((exported_flip.to * 100.0 - flip.to).abs() < 1e-9);
}

/// The committed schema is the one the export's own types generate
/// (rewritten only with `KERZE_BLESS=1`).
#[test]
fn the_committed_schema_is_the_generated_one() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/schema/kerze-export.v7.schema.json"
    );
    let generated = kerze::domain::formats::export::export_schema();
    if std::env::var_os("KERZE_BLESS").is_some() {
        std::fs::write(path, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(path).unwrap();
    let first = generated
        .lines()
        .zip(committed.lines())
        .position(|(a, b)| a != b);
    assert!(
        generated == committed,
        "line {:?} differs; rerun with KERZE_BLESS=1 after a deliberate change of the export",
        first.map(|i| i + 1)
    );
}
