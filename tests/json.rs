//! Kerze's own JSON reader and writer agree with an independent one: the
//! same texts are accepted, the same values read, and numbers and text are
//! written byte for byte the same.

use kerze::domain::json::{self, Json};
use proptest::prelude::*;

/// Any JSON value, nested a few levels, with awkward text and numbers.
fn arb_json() -> impl Strategy<Value = Json> {
    let leaf = prop_oneof![
        Just(Json::Null),
        any::<bool>().prop_map(Json::Bool),
        // Every float's own layout is checked below; here typical ones.
        // (read from short decimals, so each has one shortest text).
        (any::<i32>(), -12i32..12)
            .prop_map(|(m, e)| Json::from(format!("{m}e{e}").parse::<f64>().unwrap())),
        any::<u64>().prop_map(Json::from),
        "[a-z\"\\\\/\u{0}-\u{1f}\u{7f}é😀 ]{0,12}".prop_map(Json::Str),
    ];
    leaf.prop_recursive(4, 40, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Json::Array),
            proptest::collection::vec(("[a-c]{1,2}", inner), 0..6).prop_map(|entries| {
                // Keys once each, as the reader keeps them.
                let mut seen = std::collections::HashSet::new();
                Json::Object(
                    entries
                        .into_iter()
                        .filter(|(k, _)| seen.insert(k.clone()))
                        .collect(),
                )
            }),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(20_000))]

    #[test]
    fn written_text_is_what_the_independent_writer_writes(value in arb_json()) {
        let text = value.to_text();
        let theirs: serde_json::Value = serde_json::from_str(&text).unwrap();
        prop_assert_eq!(serde_json::to_string(&theirs).unwrap(), text.clone());
        prop_assert_eq!(serde_json::to_string_pretty(&theirs).unwrap(), value.to_pretty());
        prop_assert_eq!(json::parse(&text), Ok(value.clone()));
        prop_assert_eq!(json::parse(&value.to_pretty()), Ok(value));
    }

    #[test]
    fn every_float_is_written_as_the_independent_writer_writes_it(bits in any::<u64>()) {
        let value = f64::from_bits(bits);
        prop_assume!(value.is_finite());
        let ours = Json::from(value);
        let (text, theirs) = (ours.to_text(), serde_json::to_string(&value).unwrap());
        prop_assert_eq!(ours.as_f64().map(f64::to_bits), Some(bits));
        // As short, laid out alike; where two shortest texts read back the
        // same, the last digit may differ.
        prop_assert_eq!(text.len(), theirs.len(), "{} {}", text, theirs);
        let shape = |t: &str| t.replace(|c: char| c.is_ascii_digit(), "9");
        prop_assert_eq!(shape(&text), shape(&theirs));
        prop_assert!(text[..text.len() - 1] == theirs[..theirs.len() - 1] || text.contains('e'));
    }

    #[test]
    fn the_same_texts_are_accepted(text in "[\\[\\]{}\",:0-9eE.+\\- a-z\\\\]{0,24}") {
        let ours = json::parse(&text);
        let theirs = serde_json::from_str::<serde_json::Value>(&text);
        // Kerze reads a number beyond f64 as a number and refuses it where
        // it is used; the independent reader stops at it and says no more
        // about the rest of the text, so such texts are not compared.
        let beyond = matches!(&theirs, Err(e) if e.to_string().contains("out of range"));
        prop_assume!(!beyond);
        prop_assert_eq!(ours.is_ok(), theirs.is_ok(), "{:?} {:?}", ours, theirs);
        if let (Ok(ours), Ok(theirs)) = (ours, theirs) {
            let again: serde_json::Value = serde_json::from_str(&ours.to_text()).unwrap();
            prop_assert_eq!(again, theirs);
        }
    }
}

#[test]
fn edge_texts_are_read_as_the_independent_reader_reads_them() {
    // A number beyond f64 is read (the independent reader refuses it), and
    // has no float: where it is used it is refused with its place.
    assert!(json::parse("1e400").unwrap().as_f64().is_none());
    for text in [
        "0",
        "-0",
        "1e5",
        "1E+5",
        "-1.5e-5",
        "\"\\ud83d\\ude00\"",
        "\"\\u00e9\"",
        " [ ] ",
        "{}",
        "[[[[1]]]]",
        "{\"a\":{\"b\":[null,true,false]}}",
        "\"\\/\\b\\f\\n\\r\\t\"",
        "123456789012345678901234567890",
    ] {
        let ours = json::parse(text).unwrap();
        let theirs: serde_json::Value = serde_json::from_str(text).unwrap();
        assert_eq!(
            ours.as_f64(),
            theirs.as_f64().filter(|v| v.is_finite()),
            "{text}"
        );
        let again: serde_json::Value = serde_json::from_str(&ours.to_text()).unwrap();
        assert_eq!(again, theirs, "{text}");
    }
}
