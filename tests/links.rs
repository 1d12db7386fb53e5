//! Share links: every valid scenario survives a link unchanged, a realistic
//! workshop scenario fits in a short link, and no input makes the decoder panic.

mod support {
    pub mod realistic;
}

use kerze::domain::criterion::{Criterion, CriterionInput, Direction};
use kerze::domain::ids::{CriterionId, OptionId, ScenarioId};
use kerze::domain::link::{decode_link, encode_link, link_from_json, link_json, LinkError};
use kerze::domain::scenario::{Scenario, ScenarioOption};
use kerze::domain::segment::{PerSegment, Segment, SegmentRatings};
use kerze::domain::value::{Threshold, Weight};
use proptest::prelude::*;
use std::collections::{BTreeMap, HashSet};
use std::rc::Rc;
use std::sync::OnceLock;
use support::realistic::realistic;

fn id() -> ScenarioId {
    ScenarioId::from_parts(7, 7)
}

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

#[test]
fn the_german_demo_round_trips() {
    let texts = &kerze::i18n::Lang::De.texts().demo;
    let demo = kerze::domain::demo::demo_scenario(id(), texts);
    assert_eq!(decode_link(&encode_link(&demo), id()), Ok(demo));
}

// ---- every valid scenario survives a link ----

fn text() -> impl Strategy<Value = String> {
    prop_oneof![Just(String::new()), "\\PC{0,24}", "[a-z\"\\\\<>&#%/ ]{1,12}"]
}

fn number(lo: f64, hi: f64) -> impl Strategy<Value = f64> {
    prop_oneof![
        (lo as i64..=hi as i64).prop_map(|v| v as f64),
        lo..=hi,
        Just(lo),
        Just(hi),
    ]
}

fn arb_input() -> impl Strategy<Value = CriterionInput> {
    prop_oneof![
        (number(-1000.0, 999.0), 0.001..1000.0f64).prop_map(|(min, span)| {
            let max = (min + span).min(1000.0);
            CriterionInput::Rating { min, max: if max > min { max } else { 1000.0 } }
        }),
        (text(), proptest::option::of(number(0.0, 1e6)), proptest::option::of(number(1e6 + 1.0, 1e12)))
            .prop_map(|(unit, lo, hi)| CriterionInput::Amount {
                unit: unit.chars().take(40).collect(),
                lo,
                hi,
            }),
        Just(CriterionInput::SegmentFit),
    ]
}

fn unique_ids(count: usize) -> impl Strategy<Value = Vec<u32>> {
    proptest::collection::vec(prop_oneof![1u32..12, 1u32..=999_999_999], count).prop_map(|ids| {
        let mut seen = HashSet::new();
        ids.into_iter().filter(|id| seen.insert(*id)).collect()
    })
}

fn arb_scenario() -> impl Strategy<Value = Scenario> {
    let criteria = (0usize..9).prop_flat_map(|n| {
        (
            unique_ids(n),
            proptest::collection::vec((text(), number(0.0, 1000.0), any::<bool>(), arb_input()), n),
        )
    });
    let options = (0usize..12).prop_flat_map(|n| {
        (
            unique_ids(n),
            proptest::collection::vec(
                (
                    text(),
                    text(),
                    proptest::collection::vec(proptest::option::of(number(0.0, 1e12)), 9),
                    proptest::array::uniform3(proptest::option::of(number(0.0, 5.0))),
                ),
                n,
            ),
        )
    });
    (
        (text(), text(), text()),
        proptest::array::uniform3(number(0.0, 1000.0)),
        number(0.0, 100.0),
        criteria,
        options,
    )
        .prop_map(|((name, need, root_cause), mix, threshold, (cids, criteria), (oids, options))| {
            let criteria: Vec<Criterion> = cids
                .iter()
                .zip(criteria)
                .map(|(&cid, (name, weight, lower, input))| Criterion {
                    id: CriterionId::new(cid),
                    name,
                    weight: Weight::new(weight).unwrap(),
                    direction: if lower { Direction::LowerIsBetter } else { Direction::HigherIsBetter },
                    input,
                })
                .collect();
            let options = oids
                .iter()
                .zip(options)
                .map(|(&oid, (title, description, cells, fit))| {
                    let mut values = BTreeMap::new();
                    for (c, cell) in criteria.iter().zip(cells) {
                        if let (Some(v), Some(_)) = (cell, c.input.value_rule()) {
                            values.insert(c.id, v);
                        }
                    }
                    let mut ratings = SegmentRatings::default();
                    for (segment, f) in Segment::ALL.into_iter().zip(fit) {
                        ratings.set(segment, f);
                    }
                    Rc::new(ScenarioOption { id: OptionId::new(oid), title, description, values, fit: ratings })
                })
                .collect();
            Scenario {
                id: id(),
                name,
                need,
                root_cause,
                segment_mix: PerSegment {
                    smb: Weight::new(mix[0]).unwrap(),
                    enterprise: Weight::new(mix[1]).unwrap(),
                    public_sector: Weight::new(mix[2]).unwrap(),
                },
                threshold: Threshold::new(threshold).unwrap(),
                criteria,
                options,
            }
        })
}

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
