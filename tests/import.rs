//! Importing files: Kerze's own export round-trips exactly, and every file of
//! the hostile corpus (`tests/fixtures/import/`) gets the outcome it should.

mod support {
    pub mod arbitrary;
}

use kerze::domain::formats::export::export_json;
use kerze::domain::formats::import::{read_import, ImportError, ImportedFrom, MAX_IMPORT_BYTES};
use kerze::domain::formats::scenario::scenario_text;
use proptest::prelude::*;
use std::collections::HashSet;
use std::path::Path;
use support::arbitrary::{arb_scenario, id};

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/import");

/// The text a browser reads from a file: UTF-16 when a UTF-16 byte-order
/// mark says so, else UTF-8 with broken sequences as U+FFFD.
fn as_browser_reads(bytes: &[u8]) -> String {
    let utf16 = |bytes: &[u8], unit: fn([u8; 2]) -> u16| {
        let units: Vec<u16> = bytes.chunks_exact(2).map(|p| unit([p[0], p[1]])).collect();
        String::from_utf16_lossy(&units)
    };
    match bytes {
        [0xFF, 0xFE, rest @ ..] => utf16(rest, u16::from_le_bytes),
        [0xFE, 0xFF, rest @ ..] => utf16(rest, u16::from_be_bytes),
        _ => String::from_utf8_lossy(bytes).into_owned(),
    }
}

/// What a user sees for a file: "accepted" or the message shown, with every problem.
fn outcome(bytes: &[u8]) -> String {
    let text = as_browser_reads(bytes);
    match read_import(&text, id()) {
        Ok(_) => "accepted".to_owned(),
        Err(ImportError::Problems(problems)) => {
            let listed: Vec<String> = problems.iter().map(ToString::to_string).collect();
            format!("{}\n{}", ImportError::Problems(problems), listed.join("\n"))
        }
        Err(e) => e.to_string(),
    }
}

#[test]
fn every_hostile_file_gets_a_clear_outcome() {
    let manifest = std::fs::read_to_string(Path::new(CORPUS).join("expected.tsv")).unwrap();
    let mut listed = HashSet::new();
    let mut rejected = 0;
    let mut wrong = Vec::new();
    for line in manifest
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let (file, expected) = line.split_once('\t').unwrap();
        listed.insert(file.to_owned());
        let bytes = std::fs::read(Path::new(CORPUS).join(file)).unwrap();
        let got = outcome(&bytes);
        if expected == "accepted" {
            if got != "accepted" {
                wrong.push(format!("{file}: accepted expected, got {got:?}"));
            }
        } else {
            rejected += 1;
            if !got.contains(expected) {
                wrong.push(format!("{file}: expected {expected:?} in {got:?}"));
            }
            assert!(got.len() < 2_000, "{file}: the message must stay readable");
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    assert!(rejected >= 30, "the corpus has {rejected} hostile files");
    for entry in std::fs::read_dir(CORPUS).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        assert!(
            name == "expected.tsv" || listed.contains(&name),
            "{name} has no expected outcome"
        );
    }
}

#[test]
fn a_ten_megabyte_file_is_refused_before_it_is_read() {
    let big = format!("{{\"name\":\"{}\"}}", "x".repeat(10 * 1024 * 1024));
    assert!(big.len() > MAX_IMPORT_BYTES);
    assert_eq!(
        outcome(big.as_bytes()),
        "the file is 10.0 MB; Kerze reads scenario files of up to 5 MB"
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn every_export_imports_as_the_same_scenario(s in arb_scenario()) {
        let imported = read_import(&export_json(&s, "2026-11-27T10:00:00Z".into()), id()).unwrap();
        prop_assert_eq!(imported.from, ImportedFrom::Export);
        prop_assert_eq!(imported.scenario, s.clone());
        let plain = scenario_text(&s);
        let imported = read_import(&plain, id()).unwrap();
        prop_assert_eq!(imported.from, ImportedFrom::Scenario);
        prop_assert_eq!(&imported.scenario, &s);
    }

    #[test]
    fn no_file_makes_the_reader_panic(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        let _ = outcome(&bytes);
    }
}

#[test]
fn numbers_below_what_a_float_holds_are_refused_not_read_as_zero() {
    let s = kerze::domain::model::demo::demo_scenario(id(), &kerze::i18n::Lang::En.texts().demo);
    let text = export_json(&s, "2026-11-27T10:00:00Z".into());
    let threshold = "\"threshold\": 50.0";
    assert!(text.contains(threshold), "the export writes the threshold");
    let tiny = format!("0.{}4", "0".repeat(400));
    for written in ["1e-400", "4E-999", tiny.as_str(), "1e-320"] {
        let poisoned = text.replacen(threshold, &format!("\"threshold\": {written}"), 1);
        match read_import(&poisoned, id()) {
            Ok(_) => panic!("{written} was accepted"),
            Err(e) => {
                let said = match &e {
                    ImportError::Problems(problems) => problems
                        .iter()
                        .map(ToString::to_string)
                        .collect::<Vec<_>>()
                        .join("; "),
                    other => other.to_string(),
                };
                assert!(said.contains("too close to zero"), "{written}: {said}");
            }
        }
    }
    // A plain 0, however written, is 0.
    for zero in ["0", "0.0", "0e-400", "0.000"] {
        let text = text.replacen(threshold, &format!("\"threshold\": {zero}"), 1);
        assert!(read_import(&text, id()).is_ok(), "{zero}");
    }
}
