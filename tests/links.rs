//! Share links: every valid scenario survives a link unchanged, a realistic
//! workshop scenario fits in a short link, and no input makes the decoder panic.

mod support {
    pub mod arbitrary;
    pub mod realistic;
    pub mod rng;
}

use kerze::domain::formats::link::{
    decode_link, encode_link, link_from_json, link_json, LinkError,
};
use kerze::domain::formats::scenario::{read_scenario, scenario_text};
use kerze::domain::model::scenario::Scenario;
use proptest::prelude::*;
use std::sync::OnceLock;
use support::arbitrary::{arb_scenario, id};
use support::realistic::realistic;

#[test]
fn a_twenty_by_eight_workshop_scenario_fits_in_a_thousand_characters() {
    let scenario = realistic(20);
    assert_eq!((scenario.options.len(), scenario.criteria.len()), (20, 8));
    let link = encode_link(&scenario);
    // The fragment with its `#`, plus a typical page address.
    let total = "https://kerze.example/#".len() + link.len();
    assert!(total <= 1000, "link is {total} characters");
    assert_eq!(decode_link(&link, scenario.id.clone()), Ok(scenario));
}

/// A link made by format version 1 opens forever: the fixture holds a released
/// link and the scenario it carries (rewritten only with `KERZE_WRITE_FIXTURES=1`).
#[test]
fn a_version_1_link_still_opens() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/link-v1");
    if std::env::var_os("KERZE_WRITE_FIXTURES").is_some() {
        let scenario = realistic(20);
        std::fs::write(format!("{dir}/workshop.link"), encode_link(&scenario)).unwrap();
        let json = scenario_text(&scenario);
        std::fs::write(format!("{dir}/workshop.json"), json).unwrap();
    }
    let link = std::fs::read_to_string(format!("{dir}/workshop.link")).unwrap();
    let text = std::fs::read_to_string(format!("{dir}/workshop.json")).unwrap();
    let expected = read_scenario(&text).unwrap();
    assert_eq!(decode_link(link.trim(), expected.id.clone()), Ok(expected));
}

/// A link made by format version 2 (ranges and the sampling mode, before
/// lenses and the matrix settings) opens forever: the fixture holds a link the
/// version-2 build made and the scenario it carries, as that build wrote it.
#[test]
fn a_version_2_link_still_opens() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/link-v2");
    let link = std::fs::read_to_string(format!("{dir}/workshop.link")).unwrap();
    assert!(link.starts_with("k2."));
    let text = std::fs::read_to_string(format!("{dir}/workshop.json")).unwrap();
    let expected = read_scenario(&text).unwrap();
    assert_eq!(expected.options[0].ranges.len(), 1);
    let opened = decode_link(link.trim(), expected.id.clone());
    assert_eq!(opened, Ok(expected));
}

#[test]
fn the_german_demo_round_trips() {
    let texts = &kerze::i18n::Lang::De.texts().demo;
    let demo = kerze::domain::model::demo::demo_scenario(id(), texts);
    assert_eq!(decode_link(&encode_link(&demo), id()), Ok(demo));
}

// ---- every valid scenario survives a link ----

proptest! {
    #![proptest_config(ProptestConfig { cases: 600, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn encode_then_decode_is_the_identity(s in arb_scenario()) {
        prop_assert!(s.problems().is_empty(), "{:?}", s.problems());
        let link = encode_link(&s);
        prop_assert!(link.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b)));
        prop_assert_eq!(decode_link(&link, id()), Ok(s));
    }
}

// ---- no input makes the decoder panic: 40,000 + 40,000 + 30,000 cases ----

const BASE64URL: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const JSONISH: &[u8] = b"{}[],:\"0123456789.-eE ntrulfaks\\";

/// Replaces, inserts or deletes characters at the given positions.
fn mutate(text: &[u8], edits: &[(usize, u8, u8)], alphabet: &[u8]) -> Vec<u8> {
    let mut out = text.to_vec();
    for &(at, what, pick) in edits {
        let at = at % (out.len() + 1);
        let byte = alphabet[pick as usize % alphabet.len()];
        match what % 4 {
            0 if at < out.len() => out[at] = byte,
            1 => out.insert(at, byte),
            2 if at < out.len() => {
                out.remove(at);
            }
            _ => out.truncate(at),
        }
    }
    out
}

/// Links and link contents of realistic scenarios with 0–24 options, made once.
fn samples() -> &'static [(String, String)] {
    static SAMPLES: OnceLock<Vec<(String, String)>> = OnceLock::new();
    SAMPLES.get_or_init(|| {
        (0..25)
            .map(|n| {
                let s = realistic(n);
                (encode_link(&s), link_json(&s))
            })
            .collect()
    })
}

fn decode_any(text: &str) -> Result<Scenario, LinkError> {
    decode_link(text, id())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 40_000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn random_fragments_never_panic(payload in "k?[0-9]{0,2}\\.?[A-Za-z0-9_\\-=+/%]{0,160}|\\PC{0,40}") {
        let _ = decode_any(&payload);
    }

    #[test]
    fn mutated_links_never_panic(
        size in 1usize..25,
        edits in proptest::collection::vec((any::<usize>(), any::<u8>(), any::<u8>()), 1..4),
    ) {
        let bytes = mutate(samples()[size].0.as_bytes(), &edits, BASE64URL);
        let mutated = String::from_utf8_lossy(&bytes);
        match decode_any(&mutated) {
            Ok(s) => prop_assert!(s.problems().is_empty()),
            Err(e) => prop_assert!(!e.to_string().is_empty()),
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 30_000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn mutated_link_content_never_panics(
        size in 0usize..6,
        edits in proptest::collection::vec((any::<usize>(), any::<u8>(), any::<u8>()), 1..5),
    ) {
        let bytes = mutate(samples()[size].1.as_bytes(), &edits, JSONISH);
        let link = link_from_json(&String::from_utf8_lossy(&bytes));
        if let Ok(s) = decode_any(&link) {
            prop_assert!(s.problems().is_empty());
        }
    }
}
