//! Every released storage format loads into the current model.

use kerze::domain::stored::{
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
    assert_eq!(encode_scenario(&scenario, &stamp), text);
    let v1 = decode_scenario(include_str!("fixtures/storage-v1/scenario.json")).unwrap();
    assert_eq!(v1, scenario);
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
    let bad = fixture.replacen("\"c1\":40.0", "\"c9\":40.0", 1);
    assert_ne!(bad, fixture);
    assert!(matches!(decode_scenario(&bad), Err(EntryError::Invalid(_))));
}
