//! Links, ballots and exports made by released builds open unchanged, forever.
//!
//! Each corpus was written by the build that introduced its format version
//! (rewritten only with `KERZE_WRITE_FIXTURES=1`): a share link with the stored
//! entry of the scenario it carries, a round's link and a participant's return
//! link and ballot file with the entry of the scenario they belong to.

mod support {
    pub mod arbitrary;
    pub mod frameworks;
    pub mod realistic;
    pub mod rng;
}

use kerze::domain::formats::link::{decode_link, encode_link};
use kerze::domain::formats::stored::{decode_stamped, encode_scenario, Stamp};
use kerze::domain::group::ballot::{read_ballot, Invitation};
use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use support::arbitrary::{arb_scenario, id};
use support::realistic::realistic;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

fn writing() -> bool {
    std::env::var_os("KERZE_WRITE_FIXTURES").is_some()
}

fn stamp() -> Stamp {
    Stamp {
        rev: 1,
        writer: "t0".into(),
    }
}

/// `(link, stored entry)` pairs, one per line, separated by a tab.
fn read_pairs(path: &str) -> Vec<(String, String)> {
    let text = std::fs::read_to_string(path).unwrap();
    text.lines()
        .map(|line| {
            let (a, b) = line.split_once('\t').unwrap();
            (a.to_owned(), b.to_owned())
        })
        .collect()
}

/// Share links of format 3: realistic workshops of 0–24 options, both demos
/// and 60 generated scenarios with ids in any order, any Unicode text,
/// extreme numbers, ranges, lenses and chart settings. Frozen: no build
/// writes format 3 any more.
#[test]
fn every_version_3_link_of_the_corpus_opens_to_its_scenario() {
    opens(&format!("{DIR}/link-v3/corpus.tsv"), "k3.", 71);
}

/// Share links of format 4 (the ratio model, roles and levels): realistic
/// workshops, both demos, a scenario on every framework, and 60 generated
/// scenarios, half of them ratios, with levels; with their entries of
/// storage format 6. Frozen: no build writes format 4 any more.
#[test]
fn every_version_4_link_of_the_corpus_opens_to_its_scenario() {
    opens(&format!("{DIR}/link-v4/corpus.tsv"), "k4.", 72);
}

/// Share links of format 5 (the budget and its pins): realistic workshops,
/// both demos, a scenario on every framework, the demo with a budget, and
/// 60 generated scenarios, many with a budget; with their entries of
/// storage format 7. Frozen: no build writes format 5 any more.
#[test]
fn every_version_5_link_of_the_corpus_opens_to_its_scenario() {
    let path = format!("{DIR}/link-v5/corpus.tsv");
    holds_at_least(&path, r#""budget""#, 10);
    opens(&path, "k5.", 73);
}

/// Share links of format 6 (the options' tracker keys): realistic
/// workshops, both demos, a scenario on every framework, the demo with a
/// budget, the demo with keys, and 60 generated scenarios, many with keys;
/// with their entries of storage format 8.
#[test]
fn every_version_6_link_of_the_corpus_opens_to_its_scenario() {
    let path = format!("{DIR}/link-v6/corpus.tsv");
    if writing() {
        let mut scenarios: Vec<_> = (0..25).step_by(6).map(realistic).collect();
        for lang in [kerze::i18n::Lang::En, kerze::i18n::Lang::De] {
            scenarios.push(kerze::domain::model::demo::demo_scenario(
                id(),
                &lang.texts().demo,
            ));
        }
        scenarios.extend(support::frameworks::frameworks());
        scenarios.push(budgeted());
        scenarios.push(keyed());
        let mut runner = TestRunner::new_with_rng(
            Config::default(),
            TestRng::from_seed(RngAlgorithm::ChaCha, &[13; 32]),
        );
        for _ in 0..60 {
            scenarios.push(arb_scenario().new_tree(&mut runner).unwrap().current());
        }
        let lines: Vec<String> = scenarios
            .iter()
            .map(|s| format!("{}\t{}", encode_link(s), encode_scenario(s, &stamp())))
            .collect();
        std::fs::create_dir_all(format!("{DIR}/link-v6")).unwrap();
        std::fs::write(&path, lines.join("\n") + "\n").unwrap();
    }
    holds_at_least(&path, r#""key""#, 10);
    opens(&path, "k6.", 74);
}

/// At least `count` entries of the corpus at `path` hold `field`.
fn holds_at_least(path: &str, field: &str, count: usize) {
    let with = read_pairs(path)
        .iter()
        .filter(|(_, entry)| entry.contains(field))
        .count();
    assert!(with >= count, "{with} entries with {field}");
}

/// The demo with its options' keys in a tracker (one of them an issue's
/// address).
fn keyed() -> kerze::domain::model::scenario::Scenario {
    let mut s = demo();
    let keys = [
        "ONB-101",
        "ONB-102",
        "",
        "https://github.com/acme/app/issues/17",
    ];
    for (option, key) in s.options.iter_mut().zip(keys) {
        std::rc::Rc::make_mut(option).key = key.to_owned();
    }
    s
}

/// The demo with a budget of 60 person-days on its cost, one option a must
/// and one never.
fn budgeted() -> kerze::domain::model::scenario::Scenario {
    use kerze::domain::model::ids::{CriterionId, OptionId};
    use kerze::domain::model::settings::{Budget, Pin};
    let mut s = demo();
    s.budget = Some(Budget {
        criterion: CriterionId::new(1),
        amount: 60.0,
        below_line: false,
        pins: [
            (OptionId::new(3), Pin::Must),
            (OptionId::new(5), Pin::Never),
        ]
        .into_iter()
        .collect(),
    });
    s
}

/// Every link of the corpus at `path` (`count` of them, each starting with
/// `prefix`) opens to the scenario of its stored entry.
fn opens(path: &str, prefix: &str, count: usize) {
    let pairs = read_pairs(path);
    assert_eq!(pairs.len(), count);
    for (link, entry) in pairs {
        assert!(link.starts_with(prefix), "{link}");
        let (expected, _) = decode_stamped(&entry).unwrap();
        assert_eq!(decode_link(&link, expected.id.clone()), Ok(expected));
    }
}

/// Group scoring, ballot format 1: both rounds of the stored-entry fixture of
/// format 5 as round links, and its three ballots as return links and files.
#[test]
fn every_round_link_and_ballot_of_the_corpus_opens_unchanged() {
    let entry = std::fs::read_to_string(format!("{DIR}/storage-v5/scenario.json")).unwrap();
    let (scenario, _) = decode_stamped(&entry).unwrap();
    let rounds = format!("{DIR}/ballot-v1/rounds.txt");
    let links = format!("{DIR}/ballot-v1/return-links.txt");
    let files = format!("{DIR}/ballot-v1/ballots.json");
    if writing() {
        std::fs::create_dir_all(format!("{DIR}/ballot-v1")).unwrap();
        let round_links: Vec<String> = scenario
            .group
            .rounds
            .iter()
            .map(|r| Invitation::new(&scenario, r.clone()).to_link())
            .collect();
        std::fs::write(&rounds, round_links.join("\n") + "\n").unwrap();
        let ballots = &scenario.group.ballots;
        let return_links: Vec<String> = ballots.iter().map(|b| b.to_link()).collect();
        std::fs::write(&links, return_links.join("\n") + "\n").unwrap();
        let ballot_files: Vec<String> = ballots.iter().map(|b| b.to_file()).collect();
        std::fs::write(&files, ballot_files.join("\n\u{1e}\n")).unwrap();
    }
    let round_links = std::fs::read_to_string(&rounds).unwrap();
    let round_links: Vec<&str> = round_links.lines().collect();
    assert_eq!(round_links.len(), scenario.group.rounds.len());
    for (link, round) in round_links.iter().zip(&scenario.group.rounds) {
        let mut expected = Invitation::new(&scenario, round.clone());
        // A round link does not carry the scenario's id.
        expected.scenario.id = kerze::domain::model::ids::ScenarioId::from_parts(0, 0);
        assert_eq!(Invitation::from_link(link), Ok(expected));
    }
    let return_links = std::fs::read_to_string(&links).unwrap();
    let ballot_files = std::fs::read_to_string(&files).unwrap();
    let ballot_files: Vec<&str> = ballot_files.split("\n\u{1e}\n").collect();
    let ballots = &scenario.group.ballots;
    assert_eq!(ballots.len(), 3);
    for ((link, file), ballot) in return_links.lines().zip(&ballot_files).zip(ballots) {
        assert_eq!(read_ballot(link).as_ref(), Ok(ballot));
        assert_eq!(read_ballot(file).as_ref(), Ok(ballot));
    }
}

/// Export format 4: the whole file of the stored-entry fixture of format 5
/// and of the demo, as that build wrote them, import back to the scenario
/// they came from.
#[test]
fn every_version_4_export_of_the_corpus_is_read_as_before() {
    use kerze::domain::formats::import::read_import;
    for (name, scenario) in [("group", group()), ("demo", demo())] {
        let file = std::fs::read_to_string(format!("{DIR}/export-v4/{name}.json")).unwrap();
        let imported = read_import(&file, scenario.id.clone()).unwrap();
        assert_eq!(imported.scenario, scenario, "{name}");
    }
}

/// Export format 5: the same two files and a RICE scenario, as that build
/// wrote them, import back to the scenario they came from.
#[test]
fn every_version_5_export_of_the_corpus_is_read_as_before() {
    let rice = support::frameworks::frameworks().swap_remove(1);
    reads_back(
        5,
        vec![("group", group()), ("demo", demo()), ("rice", rice)],
    );
}

/// Each export file `export-v{version}/{name}.json` of the corpus imports to
/// its scenario.
fn reads_back(version: u32, all: Vec<(&str, kerze::domain::model::scenario::Scenario)>) {
    use kerze::domain::formats::import::read_import;
    for (name, scenario) in all {
        let file = std::fs::read_to_string(format!("{DIR}/export-v{version}/{name}.json")).unwrap();
        let imported = read_import(&file, scenario.id.clone()).unwrap();
        assert_eq!(imported.scenario, scenario, "{name}");
    }
}

/// Export format 6: the same three files and the demo with a budget (its
/// best set and frontier), as that build wrote them, import back to the
/// scenario they came from.
#[test]
fn every_version_6_export_of_the_corpus_is_read_as_before() {
    reads_back(6, budget_era());
}

/// The files of export format 6: the group scoring's entry, the demo, a
/// RICE scenario and the demo with a budget.
fn budget_era() -> Vec<(&'static str, kerze::domain::model::scenario::Scenario)> {
    let rice = support::frameworks::frameworks().swap_remove(1);
    vec![
        ("group", group()),
        ("demo", demo()),
        ("rice", rice),
        ("budget", budgeted()),
    ]
}

/// Export format 7: the same four files and the demo with its tracker keys,
/// byte for byte as this build writes them, and each imports back to its
/// scenario.
#[test]
fn every_version_7_export_of_the_corpus_is_written_and_read_as_before() {
    use kerze::domain::formats::export::export_json;
    let mut all = budget_era();
    all.push(("keyed", keyed()));
    for (name, scenario) in &all {
        let path = format!("{DIR}/export-v7/{name}.json");
        let written = export_json(scenario, "2026-12-07T12:00:00Z".into());
        if writing() {
            std::fs::create_dir_all(format!("{DIR}/export-v7")).unwrap();
            std::fs::write(&path, &written).unwrap();
        }
        assert_eq!(written, std::fs::read_to_string(&path).unwrap(), "{name}");
    }
    reads_back(7, all);
}

/// The scenario of the stored-entry fixture of format 5 (with group scoring).
fn group() -> kerze::domain::model::scenario::Scenario {
    let entry = std::fs::read_to_string(format!("{DIR}/storage-v5/scenario.json")).unwrap();
    decode_stamped(&entry).unwrap().0
}

fn demo() -> kerze::domain::model::scenario::Scenario {
    kerze::domain::model::demo::demo_scenario(id(), &kerze::i18n::Lang::En.texts().demo)
}
