//! Every released storage format loads into the current model.

mod support {
    pub mod ballots;
}

use kerze::domain::formats::stored::{
    decode_index, decode_scenario, decode_stamped, encode_scenario, EntryError, Stamp,
};

#[test]
fn version_1_fixtures_load() {
    let index = decode_index(include_str!("fixtures/storage-v1/index.json")).unwrap();
    assert_eq!(index.order.len(), 1);
    let (scenario, stamp) =
        decode_stamped(include_str!("fixtures/storage-v1/scenario.json")).unwrap();
    assert_eq!(scenario.name, "Enterprise onboarding");
    assert_eq!(scenario.options.len(), 5);
    assert_eq!(stamp, Stamp::default());
}

#[test]
fn version_2_fixtures_load_with_their_stamp() {
    let index = decode_index(include_str!("fixtures/storage-v2/index.json")).unwrap();
    assert_eq!(index.order.len(), 1);
    let text = include_str!("fixtures/storage-v2/scenario.json");
    let (scenario, stamp) = decode_stamped(text).unwrap();
    assert_eq!(scenario.options.len(), 5);
    assert_eq!(
        stamp,
        Stamp {
            rev: 3,
            writer: "t1a2b3c4d".into()
        }
    );
    // Formats 3 to 6 write a scenario without ranges, settings or lenses
    // as format 2 did, under their own version number.
    assert_eq!(
        encode_scenario(&scenario, &stamp),
        text.replacen("{\"version\":2,", "{\"version\":8,", 1)
    );
    let v1 = decode_scenario(include_str!("fixtures/storage-v1/scenario.json")).unwrap();
    assert_eq!(v1, scenario);
}

/// Format 3 (ranges and the sampling mode): the fixture holds an entry it
/// wrote, which reads back and writes again byte for byte (rewritten only
/// with `KERZE_WRITE_FIXTURES=1`).
#[test]
fn version_3_fixtures_keep_ranges_and_the_sampling_mode() {
    use kerze::domain::model::ids::{CriterionId, OptionId};
    use kerze::domain::model::scenario::ScenarioEdit;
    use kerze::domain::model::settings::WeightMode;
    use kerze::domain::model::value::Range;
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/storage-v3/scenario.json"
    );
    let stamp = Stamp {
        rev: 4,
        writer: "t5e6f7a8b".into(),
    };
    if std::env::var_os("KERZE_WRITE_FIXTURES").is_some() {
        let (mut scenario, _) =
            decode_stamped(include_str!("fixtures/storage-v2/scenario.json")).unwrap();
        scenario
            .apply(ScenarioEdit::SetWeightMode(WeightMode::KeepOrder))
            .unwrap();
        let range = Range {
            low: 20.0,
            high: 60.0,
        };
        scenario
            .apply(ScenarioEdit::SetEstimate(
                OptionId::new(1),
                CriterionId::new(1),
                40.0,
                range,
            ))
            .unwrap();
        std::fs::create_dir_all(std::path::Path::new(path).parent().unwrap()).unwrap();
        std::fs::write(path, encode_scenario(&scenario, &stamp)).unwrap();
    }
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.starts_with("{\"version\":3,"), "{text}");
    let (scenario, read_stamp) = decode_stamped(&text).unwrap();
    assert_eq!(read_stamp, stamp);
    assert_eq!(scenario.analysis.weights, WeightMode::KeepOrder);
    let range = scenario.options[0]
        .ranges
        .get(&CriterionId::new(1))
        .copied();
    assert_eq!(
        range,
        Some(Range {
            low: 20.0,
            high: 60.0
        })
    );
    assert_eq!(
        encode_scenario(&scenario, &stamp),
        text.replacen("{\"version\":3,", "{\"version\":8,", 1)
    );
}

/// Format 4 (lenses and the matrix's settings): the fixture holds an entry it
/// wrote, which reads back and writes again byte for byte (rewritten only
/// with `KERZE_WRITE_FIXTURES=1`).
#[test]
fn version_4_fixtures_keep_lenses_and_chart_settings() {
    use kerze::domain::model::ids::CriterionId;
    use kerze::domain::model::scenario::ScenarioEdit;
    use kerze::domain::model::settings::LensRef;
    use kerze::domain::model::settings::Role;
    use kerze::domain::model::value::Weight;
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/storage-v4/scenario.json"
    );
    let stamp = Stamp {
        rev: 5,
        writer: "t9a8b7c6d".into(),
    };
    if std::env::var_os("KERZE_WRITE_FIXTURES").is_some() {
        let (mut scenario, _) =
            decode_stamped(include_str!("fixtures/storage-v3/scenario.json")).unwrap();
        let cost = CriterionId::new(1);
        scenario
            .apply(ScenarioEdit::SetWeight(cost, Weight::new(8.0).unwrap()))
            .unwrap();
        scenario.apply(ScenarioEdit::AddLens("CFO".into())).unwrap();
        scenario
            .apply(ScenarioEdit::UseLens(LensRef::Current))
            .unwrap();
        scenario
            .apply(ScenarioEdit::SetRole(CriterionId::new(4), Role::Neither))
            .unwrap();
        scenario
            .apply(ScenarioEdit::SetBubble(Some(CriterionId::new(3))))
            .unwrap();
        std::fs::create_dir_all(std::path::Path::new(path).parent().unwrap()).unwrap();
        std::fs::write(path, encode_scenario(&scenario, &stamp)).unwrap();
    }
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.starts_with("{\"version\":4,"), "{text}");
    let (scenario, read_stamp) = decode_stamped(&text).unwrap();
    assert_eq!(read_stamp, stamp);
    assert_eq!(scenario.lenses.len(), 1);
    assert_eq!(scenario.lenses[0].name, "CFO");
    assert_eq!(
        scenario.lenses[0]
            .weights
            .get(&CriterionId::new(1))
            .map(|w| w.value()),
        Some(8.0)
    );
    assert_eq!(scenario.chart.role(&scenario.criteria[3]), Role::Neither);
    assert_eq!(scenario.chart.bubble, Some(CriterionId::new(3)));
    assert_eq!(
        encode_scenario(&scenario, &stamp),
        text.replacen("{\"version\":4,", "{\"version\":8,", 1)
    );
}

/// Format 5 (group scoring): the fixture holds an entry with two rounds and
/// three ballots (names, reasons, "don't know", weights), which reads back and
/// writes again byte for byte (rewritten only with `KERZE_WRITE_FIXTURES=1`).
#[test]
fn version_5_fixtures_keep_rounds_and_ballots() {
    use kerze::domain::model::ids::CriterionId;
    use kerze::domain::model::rounds::{Cell, Item, Round};
    use kerze::domain::model::scenario::ScenarioEdit;
    use support::ballots::full_ballot;
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/storage-v5/scenario.json"
    );
    let stamp = Stamp {
        rev: 7,
        writer: "t1b2c3d4e".into(),
    };
    let impact = CriterionId::new(3);
    // How the fixture was made; format 5 is frozen, so only on purpose.
    if std::env::var_os("KERZE_WRITE_FIXTURES_V5").is_some() {
        let (mut scenario, _) =
            decode_stamped(include_str!("fixtures/storage-v4/scenario.json")).unwrap();
        let first = Round {
            id: 31337,
            number: 1,
            criteria: vec![impact],
            weights: true,
            cells: Vec::new(),
        };
        scenario
            .apply(ScenarioEdit::StartRound(first.clone()))
            .unwrap();
        let mut ballots = Vec::new();
        for (k, name) in ["Anna", "Ben", "Cem"].into_iter().enumerate() {
            let (_, mut ballot) = full_ballot(&scenario, &first, name, |i, _, _, _| {
                (i + k != 3).then(|| ((i + k) % 5 + 1) as f64)
            });
            ballot.sent += k as u64;
            ballot.scores[0].reason = format!("{name} has seen it at two customers");
            ballot.weights = vec![(impact, 2.0 + k as f64)];
            ballots.push(ballot);
        }
        scenario.apply(ScenarioEdit::SetBallots(ballots)).unwrap();
        let option = scenario.options[0].id;
        let second = Round {
            id: 31338,
            number: 2,
            criteria: vec![impact],
            weights: false,
            cells: vec![Cell {
                option,
                item: Item::Value(impact),
            }],
        };
        scenario.apply(ScenarioEdit::StartRound(second)).unwrap();
        std::fs::create_dir_all(std::path::Path::new(path).parent().unwrap()).unwrap();
        std::fs::write(path, encode_scenario(&scenario, &stamp)).unwrap();
    }
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.starts_with("{\"version\":5,"), "{text}");
    let (scenario, read_stamp) = decode_stamped(&text).unwrap();
    assert_eq!(read_stamp, stamp);
    let group = &scenario.group;
    assert_eq!(group.rounds.len(), 2);
    assert_eq!(group.rounds[1].cells.len(), 1);
    assert_eq!(group.ballots.len(), 3);
    assert_eq!(group.ballots[1].participant, "Ben");
    assert_eq!(group.ballots[2].weights, vec![(impact, 4.0)]);
    assert!(group.ballots[0].scores[0].reason.contains("two customers"));
    assert!(group.ballots[0].scores.iter().any(|s| s.value.is_none()));
    // Format 6 writes it as format 5 did, under its own version number.
    assert_eq!(
        encode_scenario(&scenario, &stamp),
        text.replacen("{\"version\":5,", "{\"version\":8,", 1)
    );
}

#[test]
fn broken_entries_say_why() {
    assert!(matches!(
        decode_scenario("{not json"),
        Err(EntryError::Damaged(_))
    ));
    assert!(matches!(
        decode_scenario(r#"{"version": 9, "scenario": {}}"#),
        Err(EntryError::FutureVersion(9))
    ));
    assert!(matches!(
        decode_scenario(r#"{"version": 1, "scenario": {"id": 3}}"#),
        Err(EntryError::Damaged(_))
    ));
    let fixture = include_str!("fixtures/storage-v1/scenario.json");
    let bad = fixture.replacen("\"id\":\"c2\"", "\"id\":\"c1\"", 1);
    assert_ne!(bad, fixture);
    assert!(matches!(decode_scenario(&bad), Err(EntryError::Invalid(_))));
}

#[test]
fn a_value_of_a_criterion_that_is_gone_is_dropped_on_reading_and_counted() {
    let fixture = include_str!("fixtures/storage-v1/scenario.json");
    let stale = fixture.replacen("\"c1\":40.0", "\"c9\":40.0", 1);
    assert_ne!(stale, fixture);
    let (scenario, _, dropped) = kerze::domain::formats::stored::decode_repaired(&stale).unwrap();
    assert_eq!(dropped, 1);
    assert!(scenario.problems().is_empty());
}
