//! Every edit keeps the scenario one that Kerze reads back: after any sequence
//! of edits (accepted or refused), `problems()` is empty and the stored entry
//! reads back as the same scenario. A stored scenario that an older version
//! left with values its criteria cannot hold opens mended, not locked.

use kerze::domain::formats::stored::{decode_repaired, decode_scenario, encode_scenario, Stamp};
use kerze::domain::model::criterion::{CriterionInput, InputKind};
use kerze::domain::model::demo::demo_scenario;
use kerze::domain::model::ids::{CriterionId, OptionId, ScenarioId};
use kerze::domain::model::scenario::{Bound, ScaleEnd, Scenario, ScenarioEdit};
use kerze::domain::model::segment::Segment;
use kerze::domain::model::value::{Range, Threshold, Weight};
use kerze::i18n::Lang;
use proptest::prelude::*;

fn demo() -> Scenario {
    demo_scenario(ScenarioId::from_parts(3, 3), &Lang::En.texts().demo)
}

fn stored_and_read(scenario: &Scenario) -> Scenario {
    let text = encode_scenario(scenario, &Stamp::default());
    decode_scenario(&text).unwrap_or_else(|e| panic!("refused after an edit: {e}"))
}

/// Numbers as a random typist makes them: ordinary, negative, huge, tiny.
fn number() -> impl Strategy<Value = f64> {
    prop_oneof![
        0.0..10.0f64,
        -100.0..100.0f64,
        (0i64..100_000).prop_map(|v| v as f64),
        Just(0.0),
        Just(-1.0),
        Just(1e13),
        Just(1e-5),
    ]
}

fn kind() -> impl Strategy<Value = InputKind> {
    prop_oneof![
        Just(InputKind::Rating),
        Just(InputKind::Amount),
        Just(InputKind::SegmentFit)
    ]
}

fn segment() -> impl Strategy<Value = Segment> {
    prop_oneof![
        Just(Segment::Smb),
        Just(Segment::Enterprise),
        Just(Segment::PublicSector)
    ]
}

/// An edit aimed at criteria 1–6 and options 1–7 (some of which do not exist).
fn edit() -> impl Strategy<Value = ScenarioEdit> {
    let c = (1u32..7).prop_map(CriterionId::new);
    let o = (1u32..8).prop_map(OptionId::new);
    prop_oneof![
        (c.clone(), kind()).prop_map(|(c, k)| ScenarioEdit::SetInputKind(c, k)),
        (o.clone(), c.clone(), proptest::option::of(number()))
            .prop_map(|(o, c, v)| ScenarioEdit::SetValue(o, c, v)),
        (o.clone(), c.clone(), number(), number(), number()).prop_map(|(o, c, a, b, d)| {
            let mut v = [a, b, d];
            v.sort_by(f64::total_cmp);
            ScenarioEdit::SetEstimate(
                o,
                c,
                v[1],
                Range {
                    low: v[0],
                    high: v[2],
                },
            )
        }),
        (c.clone(), proptest::option::of(0.0..1.0f64))
            .prop_map(|(c, f)| ScenarioEdit::FillRanges(c, f)),
        (c.clone(), number()).prop_filter_map("a weight", |(c, w)| {
            Weight::new(w).ok().map(|w| ScenarioEdit::SetWeight(c, w))
        }),
        (
            c.clone(),
            prop_oneof![Just(Bound::Low), Just(Bound::High)],
            proptest::option::of(number())
        )
            .prop_map(|(c, b, v)| ScenarioEdit::SetBound(c, b, v)),
        (
            c.clone(),
            prop_oneof![Just(ScaleEnd::Min), Just(ScaleEnd::Max)],
            number()
        )
            .prop_map(|(c, e, v)| ScenarioEdit::SetScaleEnd(c, e, v)),
        (o.clone(), segment(), proptest::option::of(number()))
            .prop_map(|(o, s, v)| ScenarioEdit::SetFit(o, s, v)),
        (segment(), number()).prop_filter_map("a weight", |(s, w)| {
            Weight::new(w).ok().map(|w| ScenarioEdit::SetMix(s, w))
        }),
        number().prop_filter_map("a threshold", |t| Threshold::new(t)
            .ok()
            .map(ScenarioEdit::SetThreshold)),
        c.clone().prop_map(ScenarioEdit::RemoveCriterion),
        o.prop_map(ScenarioEdit::RemoveOption),
        kind().prop_map(|kind| ScenarioEdit::AddCriterion {
            name: "New".into(),
            kind
        }),
        Just(ScenarioEdit::AddOption {
            title: "Another way".into()
        }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn every_edit_sequence_leaves_a_scenario_that_reads_back(
        edits in proptest::collection::vec(edit(), 1..40)
    ) {
        let mut scenario = demo();
        for (step, edit) in edits.into_iter().enumerate() {
            let shown = format!("{edit:?}");
            let _ = scenario.apply(edit);
            let problems = scenario.problems();
            prop_assert!(problems.is_empty(), "step {step} ({shown}): {problems:?}");
            prop_assert_eq!(&stored_and_read(&scenario), &scenario, "step {} ({})", step, shown);
        }
    }
}

#[test]
fn switching_a_criterion_with_values_to_segment_fit_clears_them() {
    let mut scenario = demo();
    let cost = scenario.criteria[0].id;
    assert!(scenario.value_count(cost) > 0);
    assert_eq!(
        scenario.apply(ScenarioEdit::SetInputKind(cost, InputKind::SegmentFit)),
        Ok(true)
    );
    assert_eq!(scenario.value_count(cost), 0);
    assert!(scenario
        .options
        .iter()
        .all(|o| !o.ranges.contains_key(&cost)));
    assert!(scenario.problems().is_empty());
    assert_eq!(stored_and_read(&scenario), scenario);
}

#[test]
fn switching_to_an_amount_keeps_the_values_an_amount_takes() {
    let mut scenario = demo();
    let rating = scenario
        .criteria
        .iter()
        .find(|c| c.input.kind() == InputKind::Rating)
        .map(|c| c.id)
        .unwrap();
    let first = scenario.options[0].id;
    let second = scenario.options[1].id;
    scenario
        .apply(ScenarioEdit::SetScaleEnd(rating, ScaleEnd::Min, -5.0))
        .unwrap();
    scenario
        .apply(ScenarioEdit::SetValue(first, rating, Some(-3.0)))
        .unwrap();
    scenario
        .apply(ScenarioEdit::SetValue(second, rating, Some(4.0)))
        .unwrap();
    let before = scenario.value_count(rating);
    scenario
        .apply(ScenarioEdit::SetInputKind(rating, InputKind::Amount))
        .unwrap();
    assert_eq!(scenario.value_count(rating), before - 1, "only −3 goes");
    assert_eq!(scenario.options[1].values.get(&rating), Some(&4.0));
    assert!(scenario.problems().is_empty());
}

#[test]
fn a_stored_value_on_a_segment_fit_criterion_is_dropped_on_reading_and_counted() {
    let scenario = demo();
    // What an older version stored: Cost switched to segment fit, its values kept.
    let mut stale = scenario.clone();
    stale.criteria[0].input = CriterionInput::SegmentFit;
    let text = encode_scenario(&stale, &Stamp::default());
    assert!(decode_scenario(&text).is_ok(), "it opens");
    let (read, _, dropped) = decode_repaired(&text).unwrap();
    let cost = scenario.criteria[0].id;
    assert_eq!(dropped, scenario.value_count(cost));
    assert!(dropped > 0);
    assert_eq!(read.value_count(cost), 0);
    assert!(read.problems().is_empty());
    assert_eq!(read.options.len(), scenario.options.len());
}
