//! Group scoring: ballot and return links round-trip, the tally matches
//! figures worked out by hand, accepting sets the scenario's values in one
//! edit, and every ballot of the hostile corpus gets a clear message while
//! the scenario stays as it was.

mod support {
    pub mod ballots;
}

use kerze::domain::group::ballot::{
    check_ballot, intake, intake_ballots, read_ballot, split_ballots, BallotError, Invitation,
    Outcome,
};

use kerze::domain::formats::export::export_json;
use kerze::domain::formats::import::read_import;
use kerze::domain::formats::link::pack;
use kerze::domain::formats::stored::{decode_scenario, encode_scenario, Stamp};
use kerze::domain::group::tally::{accepted, consensus, tally, Pick};
use kerze::domain::model::demo::demo_scenario;
use kerze::domain::model::ids::{CriterionId, OptionId, ScenarioId};
use kerze::domain::model::rounds::{Ballot, Cell, Item, Round, Score, MAX_BALLOTS};
use kerze::domain::model::scenario::{Scenario, ScenarioEdit};
use kerze::domain::model::segment::Segment;
use kerze::domain::scoring::rank;
use kerze::i18n::Lang;
use support::ballots::full_ballot;

const FIT: [&str; 3] = ["SMB fit", "Enterprise fit", "Public sector fit"];
const IMPACT: CriterionId = CriterionId::new(3);
const SEGMENT_FIT: CriterionId = CriterionId::new(4);
const ROUND: u32 = 4242;

fn demo() -> Scenario {
    demo_scenario(ScenarioId::from_parts(7, 7), &Lang::En.texts().demo)
}

fn round() -> Round {
    Round {
        id: ROUND,
        number: 1,
        criteria: vec![IMPACT, SEGMENT_FIT],
        weights: true,
        cells: Vec::new(),
    }
}

/// The demo with round 1 started (Metric impact and Segment fit).
fn started() -> Scenario {
    let mut scenario = demo();
    scenario.apply(ScenarioEdit::StartRound(round())).unwrap();
    scenario
}

fn cell(option: u32, item: Item) -> Cell {
    Cell {
        option: OptionId::new(option),
        item,
    }
}

fn ballot(name: &str, sent: u64, impact: [Option<f64>; 5]) -> Ballot {
    let scenario = started();
    let invitation = Invitation::new(&scenario, round());
    Ballot {
        round: ROUND,
        number: 1,
        participant: name.to_owned(),
        sent,
        scores: impact
            .iter()
            .enumerate()
            .map(|(i, v)| Score {
                cell: cell(i as u32 + 1, Item::Value(IMPACT)),
                value: *v,
                reason: if i == 0 {
                    format!("{name} thinks so")
                } else {
                    String::new()
                },
            })
            .collect(),
        weights: Vec::new(),
        checks: invitation.checks(),
    }
}

/// Three people: Anna, Ben and Cem score Metric impact (1–5) of the five
/// demo options; Ben does not know option 5.
fn three() -> Vec<Ballot> {
    vec![
        ballot(
            "Anna",
            10,
            [Some(2.0), Some(3.0), Some(4.0), Some(2.0), Some(3.0)],
        ),
        ballot(
            "Ben",
            20,
            [Some(4.0), Some(3.0), Some(5.0), Some(2.0), None],
        ),
        ballot(
            "Cem",
            30,
            [Some(5.0), Some(3.0), Some(1.0), Some(2.0), Some(4.0)],
        ),
    ]
}

fn revealed(ballots: &[Ballot]) -> Scenario {
    let mut scenario = started();
    let links: Vec<String> = ballots.iter().map(|b| b.to_link()).collect();
    let texts: Vec<&str> = links.iter().map(String::as_str).collect();
    let (kept, outcomes) = intake(&scenario, &texts, &FIT);
    assert!(
        outcomes.iter().all(|o| matches!(o, Outcome::Added { .. })),
        "{outcomes:?}"
    );
    scenario.apply(ScenarioEdit::SetBallots(kept)).unwrap();
    scenario
}

#[test]
fn ballot_and_return_links_round_trip() {
    let scenario = started();
    let invitation = Invitation::new(&scenario, round());
    let link = invitation.to_link();
    assert!(link.starts_with("r2."), "{link}");
    let read = Invitation::from_link(&format!("#{link}")).unwrap();
    assert_eq!(read, Invitation::from_link(&link).unwrap());
    assert_eq!(read.round, round());
    assert_eq!(read.scenario.options.len(), 5);
    assert_eq!(read.scenario.options[0].title, scenario.options[0].title);
    // No values, no weights travel in a ballot link.
    assert!(read.scenario.options.iter().all(|o| o.values.is_empty()));
    assert!(read
        .scenario
        .criteria
        .iter()
        .all(|c| c.weight.value() == 0.0));
    assert_eq!(read.checks(), invitation.checks());
    assert_eq!(
        read.items(),
        [
            Item::Value(IMPACT),
            Item::Fit(Segment::Smb),
            Item::Fit(Segment::Enterprise),
            Item::Fit(Segment::PublicSector)
        ]
    );

    let mine = ballot(
        "Anna",
        1_764_000_000_000,
        [Some(2.0), None, Some(4.5), Some(1.0), Some(5.0)],
    );
    let back = mine.to_link();
    assert!(back.starts_with("b1."));
    assert_eq!(read_ballot(&back).unwrap(), mine);
    assert_eq!(
        read_ballot(&format!("https://example.org/kerze/#{back}")).unwrap(),
        mine
    );
    assert_eq!(read_ballot(&mine.to_file()).unwrap(), mine);
}

#[test]
fn a_return_link_for_20_options_and_3_criteria_fits_in_600_characters() {
    let mut scenario = demo();
    for i in 0..15 {
        scenario
            .apply(ScenarioEdit::AddOption {
                title: format!("Option {i}"),
            })
            .unwrap();
    }
    let round = Round {
        id: 3_141_592_653,
        number: 1,
        criteria: vec![CriterionId::new(1), CriterionId::new(2), IMPACT],
        weights: false,
        cells: Vec::new(),
    };
    let (invitation, ballot) = full_ballot(&scenario, &round, "Anna Schmidt", |i, j, _, _| {
        Some(match j {
            0 => (10 + 7 * i) as f64,
            1 => (2 + i % 9) as f64,
            _ => (1 + (i * 3) % 5) as f64,
        })
    });
    assert_eq!(
        (invitation.scenario.options.len(), invitation.items().len()),
        (20, 3)
    );
    let link = format!("https://kerze.example/#{}", ballot.to_link());
    assert!(link.len() <= 600, "{} characters", link.len());
}

#[test]
fn the_tally_matches_the_figures_worked_out_by_hand() {
    let scenario = revealed(&three());
    let t = tally(&scenario);
    assert_eq!(t.people, 3);
    assert_eq!(t.options.len(), 5);
    assert_eq!(t.items.len(), 4);
    // Option 1, Metric impact: votes 2, 4, 5.
    let c = t.at(0, 0).unwrap();
    assert_eq!(c.n(), 3);
    assert_eq!((c.min, c.median, c.max), (2.0, 4.0, 5.0));
    assert!((c.mean - 11.0 / 3.0).abs() < 1e-12);
    // Metric impact weighs 4 of 12: 100 × 4/12 × (5 − 2) / (5 − 1) = 25 points.
    assert!((c.stake - 25.0).abs() < 1e-9, "{}", c.stake);
    assert_eq!(c.votes[0].reason, "Anna thinks so");
    // Option 2: all say 3, nothing at stake. Option 5: Ben does not know.
    assert_eq!(t.at(1, 0).unwrap().stake, 0.0);
    let five = t.at(4, 0).unwrap();
    assert_eq!((five.n(), five.median), (2, 3.5));
    // Nobody scored the fit: no tally there.
    assert!(t.at(0, 1).is_none());
    // The queue: most at stake first, cells where everyone agrees left out.
    let queue: Vec<(u32, f64)> = t
        .queue()
        .iter()
        .map(|c| (c.cell.option.number(), c.stake))
        .collect();
    // Option 3: 1–5 = 33.3 points; option 1: 25; option 5: 3–4 = 8.3.
    assert_eq!(queue.iter().map(|q| q.0).collect::<Vec<_>>(), [3, 1, 5]);
    assert!((queue[0].1 - 100.0 / 3.0).abs() < 1e-9);
}

#[test]
fn fit_stakes_use_the_segment_mix() {
    let mut anna = ballot("Anna", 1, [None; 5]);
    let mut ben = ballot("Ben", 2, [None; 5]);
    anna.scores = vec![Score {
        cell: cell(1, Item::Fit(Segment::Smb)),
        value: Some(1.0),
        reason: String::new(),
    }];
    ben.scores = vec![Score {
        cell: cell(1, Item::Fit(Segment::Smb)),
        value: Some(3.0),
        reason: String::new(),
    }];
    let t = tally(&revealed(&[anna, ben]));
    // Segment fit weighs 3 of 12, SMB is 20 % of the mix: 100 × 3/12 × 0.2 × 2/5 = 2 points.
    let c = t.at(0, 1).unwrap();
    assert!((c.stake - 2.0).abs() < 1e-9, "{}", c.stake);
}

#[test]
fn accepting_sets_the_values_in_one_edit_and_moves_the_ranking_as_predicted() {
    let mut scenario = revealed(&three());
    let t = tally(&scenario);
    let before = rank(&scenario);
    let values = accepted(
        &t,
        &[(cell(3, Item::Value(IMPACT)), Pick::Typed(2.0))],
        Pick::Median,
    );
    let predicted = rank(&{
        let mut s = consensus(&scenario, &t);
        s.options[2] = std::rc::Rc::new({
            let mut o = (*s.options[2]).clone();
            o.values.insert(IMPACT, 2.0);
            o
        });
        s
    });
    assert!(scenario.apply(ScenarioEdit::SetCells(values)).unwrap());
    let after = rank(&scenario);
    assert_eq!(after.rows, predicted.rows);
    assert_ne!(after.rows, before.rows);
    let impact = |s: &Scenario, i: usize| s.options[i].values.get(&IMPACT).copied();
    assert_eq!(impact(&scenario, 0), Some(4.0));
    assert_eq!(impact(&scenario, 2), Some(2.0));
    assert_eq!(impact(&scenario, 4), Some(3.5));
    // The mean, to two decimals.
    let means = accepted(&t, &[], Pick::Mean);
    assert_eq!(means[0].1, 3.67);
    // An off-scale typed value is refused, nothing changes.
    let copy = scenario.clone();
    assert!(scenario
        .apply(ScenarioEdit::SetCells(vec![(
            cell(1, Item::Value(IMPACT)),
            9.0
        )]))
        .is_err());
    assert_eq!(scenario, copy);
}

#[test]
fn the_newest_ballot_of_a_person_counts_and_the_app_says_so() {
    let scenario = started();
    let old = ballot("Anna", 10, [Some(1.0); 5]);
    let new = ballot(" anna ", 20, [Some(5.0); 5]);
    let (kept, outcomes) = intake(&scenario, &[&new.to_link(), &old.to_link()], &FIT);
    assert_eq!(
        (kept.len(), kept[0].participant.as_str(), kept[0].sent),
        (1, "anna", 20)
    );
    assert_eq!(outcomes[1], Outcome::Older("Anna".into()));
    let (kept, outcomes) = intake(&scenario, &[&old.to_link(), &new.to_link()], &FIT);
    assert_eq!((kept.len(), kept[0].sent), (1, 20));
    assert_eq!(outcomes[1], Outcome::Replaced("anna".into()));
}

#[test]
fn a_ballot_for_an_older_version_is_matched_by_ids_and_its_changed_cells_flagged() {
    let mut scenario = started();
    let anna = ballot("Anna", 1, [Some(2.0); 5]);
    let first = scenario.options[0].id;
    scenario
        .apply(ScenarioEdit::RenameOption(first, "Renamed".into()))
        .unwrap();
    scenario
        .apply(ScenarioEdit::RemoveOption(OptionId::new(5)))
        .unwrap();
    let checked = check_ballot(&scenario, &anna, &FIT).unwrap();
    assert_eq!(checked.left_out, 1);
    assert_eq!(checked.changed, [cell(1, Item::Value(IMPACT))]);
    scenario
        .apply(ScenarioEdit::SetBallots(vec![anna]))
        .unwrap();
    let t = tally(&scenario);
    assert_eq!(t.at(0, 0).unwrap().changed(), 1);
    assert_eq!(t.at(1, 0).unwrap().changed(), 0);
}

#[test]
fn with_weights_it_counts_who_has_which_option_first() {
    let mut ballots = three();
    // Anna cares only for cost, Ben only for impact, Cem gives none.
    ballots[0].weights = vec![
        (CriterionId::new(1), 1.0),
        (CriterionId::new(2), 0.0),
        (IMPACT, 0.0),
        (SEGMENT_FIT, 0.0),
    ];
    ballots[1].weights = vec![
        (CriterionId::new(1), 0.0),
        (CriterionId::new(2), 0.0),
        (IMPACT, 1.0),
        (SEGMENT_FIT, 0.0),
    ];
    let t = tally(&revealed(&ballots));
    assert_eq!(t.weighted, 2);
    // Cheapest is option 4 (10 person-days); the highest median impact, 4,
    // is shared by options 1 and 3, and a tie keeps the entry order.
    let mut firsts = t.firsts.clone();
    firsts.sort();
    assert_eq!(firsts, [(OptionId::new(1), 1), (OptionId::new(4), 1)]);
}

#[test]
fn rounds_and_ballots_are_kept_in_storage_and_in_the_export() {
    let scenario = revealed(&three());
    let stamp = Stamp {
        rev: 1,
        writer: "t1".into(),
    };
    let text = encode_scenario(&scenario, &stamp);
    assert!(text.starts_with("{\"version\":8,"));
    assert_eq!(decode_scenario(&text).unwrap(), scenario);
    let exported = export_json(&scenario, "2026-11-29T10:00:00Z".into());
    let back = read_import(&exported, scenario.id.clone()).unwrap();
    assert_eq!(back.scenario.group, scenario.group);
}

#[test]
fn a_return_link_opened_as_a_share_link_says_where_it_belongs() {
    let link = ballot("Anna", 1, [Some(1.0); 5]).to_link();
    assert_eq!(
        kerze::domain::formats::link::decode_link(
            &format!("#{link}"),
            ScenarioId::from_parts(1, 1)
        ),
        Err(kerze::domain::formats::link::LinkError::ReturnLink)
    );
}

#[test]
fn pasted_text_splits_into_links_and_a_file_stays_whole() {
    let a = ballot("A", 1, [Some(1.0); 5]).to_link();
    let b = ballot("B", 1, [Some(1.0); 5]).to_link();
    let pasted = format!("  https://x.example/#{a}\n\n{b} \t");
    assert_eq!(split_ballots(&pasted).len(), 2);
    let file = ballot("A", 1, [Some(1.0); 5]).to_file();
    assert_eq!(split_ballots(&file), [file.as_str()]);
}

/// The hostile corpus: each piece gets its message and the scenario stays
/// exactly as it was.
#[test]
fn every_hostile_ballot_gets_a_clear_message_and_changes_nothing() {
    let scenario = started();
    let good = ballot("Anna", 5, [Some(3.0); 5]);
    let file = good.to_file();
    let json = |b: &Ballot| {
        pack(
            'b',
            1,
            DICT_FREE,
            &kerze::domain::formats::to_text(&kerze::domain::formats::scenario::BallotWire::from(
                b,
            )),
        )
    };
    let with = |edit: &dyn Fn(&mut Ballot)| {
        let mut b = good.clone();
        edit(&mut b);
        b.to_link()
    };
    let ten_mb = format!(
        "{{\"format\":\"kerze-ballot\",\"version\":1,\"participant\":\"{}\"}}",
        "x".repeat(10 * 1024 * 1024)
    );
    let cases: Vec<(&str, String, &str)> = vec![
        ("wrong scenario", with(&|b| b.round = 1), "another scenario"),
        (
            "unknown option only",
            with(&|b| {
                for s in &mut b.scores {
                    s.cell.option = OptionId::new(99);
                }
            }),
            "scores nothing this scenario has",
        ),
        (
            "unknown criterion only",
            with(&|b| {
                for s in &mut b.scores {
                    s.cell.item = Item::Value(CriterionId::new(77));
                }
            }),
            "scores nothing this scenario has",
        ),
        (
            "criterion not asked",
            with(&|b| b.scores[0].cell.item = Item::Value(CriterionId::new(1))),
            "which the round did not ask",
        ),
        (
            "off-scale high",
            with(&|b| b.scores[0].value = Some(6.0)),
            "is not allowed",
        ),
        (
            "off-scale low",
            with(&|b| b.scores[1].value = Some(0.0)),
            "is not allowed",
        ),
        (
            "fit above 5",
            with(&|b| {
                b.scores[0].cell.item = Item::Fit(Segment::Smb);
                b.scores[0].value = Some(5.5);
            }),
            "is not allowed",
        ),
        (
            "negative weight",
            file.replace("\"scores\"", "\"weights\": {\"c1\": -3}, \"scores\""),
            "damaged",
        ),
        (
            "no name",
            with(&|b| b.participant = "   ".into()),
            "has no name",
        ),
        (
            "future version link",
            with(&|_| {}).replacen("b1.", "b2.", 1),
            "newer version of Kerze",
        ),
        (
            "a weight past the ballot's 0 to 10",
            with(&|b| b.weights = vec![(CriterionId::new(1), 1000.0)]),
            "(must be between 0 and 10)",
        ),
        (
            "a name of only a zero-width space",
            with(&|b| b.participant = "\u{200B}\u{FEFF}".into()),
            "has no name",
        ),
        (
            "version 99 inside a return link",
            pack(
                'b',
                1,
                DICT_FREE,
                &kerze::domain::formats::to_text(
                    &kerze::domain::formats::scenario::BallotWire::from(&good),
                )
                .replacen('{', "{\"version\":99,", 1),
            ),
            "newer version of Kerze (ballot format 99)",
        ),
        (
            "future version file",
            file.replace("\"version\": 1", "\"version\": 9"),
            "newer version of Kerze (ballot format 9)",
        ),
        ("a 10 MB ballot", ten_mb, "larger than 1 MB"),
        (
            "a scenario link",
            kerze::domain::formats::link::encode_link(&scenario),
            "not a Kerze ballot",
        ),
        (
            "a ballot link instead of a return link",
            Invitation::new(&scenario, round()).to_link(),
            "not a Kerze ballot",
        ),
        ("plain words", "hello there".into(), "not a Kerze ballot"),
        ("cut-off link", with(&|_| {})[..40].to_owned(), ""),
        (
            "bad characters",
            with(&|_| {})
                .replacen('A', "*", 1)
                .replacen('B', "*", 1)
                .replacen('C', "*", 1),
            "",
        ),
        ("empty link", "b1.".into(), "incomplete"),
        (
            "not JSON",
            "{ \"format\": \"kerze-ballot\", ".into(),
            "damaged",
        ),
        (
            "a scenario export",
            export_json(&scenario, "2026-11-29T10:00:00Z".into()),
            "not a Kerze ballot",
        ),
        (
            "unknown field",
            file.replace("\"scores\"", "\"secret\": 1, \"scores\""),
            "damaged",
        ),
        (
            "option id as number",
            file.replace("\"o1\"", "\"1\""),
            "damaged",
        ),
        ("value as text", file.replacen("3", "\"3\"", 1), ""),
        (
            "round as text",
            file.replace(&format!("\"round\": {ROUND}"), "\"round\": \"4242\""),
            "damaged",
        ),
        (
            "a decompression bomb",
            json(&Ballot {
                participant: " ".repeat(3 * 1024 * 1024),
                ..good.clone()
            }),
            "",
        ),
    ];
    assert!(cases.len() >= 20);
    for (what, text, expected) in &cases {
        let (kept, outcomes) = intake(&scenario, &[text.as_str()], &FIT);
        assert_eq!(kept, scenario.group.ballots, "{what}");
        let [Outcome::Refused(error)] = &outcomes[..] else {
            panic!("{what}: expected a refusal, got {outcomes:?}");
        };
        let message = error.to_string();
        assert!(message.contains(expected), "{what}: {message:?}");
        assert!(
            message.len() < 300,
            "{what}: the message must stay readable"
        );
    }
    let _ = BallotError::Empty;
}

/// A return link packed without the preset dictionary still has to unpack
/// through the real reader's limits.
const DICT_FREE: &[u8] = b"";

#[test]
fn a_ballot_past_the_500_people_kerze_keeps_is_refused_for_that_reason() {
    let scenario = started();
    let pieces: Vec<_> = (0..=MAX_BALLOTS)
        .map(|i| Ok(ballot(&format!("Person {i}"), 5, [Some(3.0); 5])))
        .collect();
    let (ballots, outcomes) = intake_ballots(&scenario, pieces, &FIT);
    assert_eq!(ballots.len(), MAX_BALLOTS);
    assert_eq!(
        outcomes.last(),
        Some(&Outcome::Refused(BallotError::TooManyBallots))
    );
    let said = BallotError::TooManyBallots.to_string();
    assert!(
        said.contains("500 people") && !said.contains("1 MB"),
        "{said}"
    );
}

#[test]
fn a_return_link_full_of_cells_the_scenario_lacks_keeps_only_what_was_counted() {
    let scenario = started();
    let mut hostile = ballot("Mallory", 5, [Some(3.0); 5]);
    for i in 0..75_000u32 {
        hostile.scores.push(Score {
            cell: cell(1000 + i, Item::Value(IMPACT)),
            value: Some(3.0),
            // Reasons with many: reading them is linear too.
            reason: if i % 4 == 0 {
                "x".into()
            } else {
                String::new()
            },
        });
    }
    let link = hostile.to_link();
    let started_at = std::time::Instant::now();
    let (kept, outcomes) = intake(&scenario, &[&link], &FIT);
    let took = started_at.elapsed();
    assert!(
        matches!(
            &outcomes[0],
            Outcome::Added {
                left_out: 75_000,
                ..
            }
        ),
        "{outcomes:?}"
    );
    // What is stored is what was counted: the five cells the scenario has.
    assert_eq!(kept.len(), 1);
    assert_eq!(kept[0].scores.len(), 5);
    eprintln!("75,000 foreign scores counted in {took:?}");
}

#[test]
fn people_who_scored_in_two_rounds_are_counted_once() {
    let mut group = kerze::domain::model::rounds::Group::default();
    for (name, sent) in [
        ("Anna", 1),
        ("Ben", 2),
        ("Cem", 3),
        ("anna ", 4),
        ("Ben", 5),
    ] {
        group.ballots.push(ballot(name, sent, [Some(3.0); 5]));
    }
    assert_eq!(group.people(), vec![0, 1, 2]);
}
