//! Share-link lengths: Kerze's link next to the raw JSON and next to lz-string
//! (the usual choice for state in URLs) on the same compact JSON.
//!
//! `cargo bench --bench links`

#[path = "../tests/support/ballots.rs"]
mod ballots;
#[path = "../tests/support/realistic.rs"]
mod realistic;
#[path = "../tests/support/rng.rs"]
mod rng;

use kerze::domain::formats::link::{encode_link, link_json};
use kerze::domain::formats::scenario::scenario_text;
use std::time::Instant;

fn main() {
    println!(
        "{:>8} | {:>10} | {:>12} | {:>10} | {:>16} | {:>13}",
        "options", "full JSON", "compact JSON", "Kerze link", "lz-string (same)", "encode+decode"
    );
    for count in [5, 10, 20, 50, 1000] {
        let scenario = realistic::realistic(count);
        let full = scenario_text(&scenario);
        let compact = link_json(&scenario);
        let link = encode_link(&scenario);
        let lz = lz_str::compress_to_encoded_uri_component(compact.as_str());
        let runs = if count > 100 { 20 } else { 200 };
        let started = Instant::now();
        for _ in 0..runs {
            let link = encode_link(&scenario);
            let back = kerze::domain::formats::link::decode_link(&link, scenario.id.clone());
            assert!(back.is_ok());
        }
        let each = started.elapsed() / runs;
        println!(
            "{count:>8} | {:>10} | {:>12} | {:>10} | {:>16} | {:>10.0?}",
            full.chars().count(),
            compact.chars().count(),
            link.len() + 1,
            lz.len() + 1,
            each
        );
    }
    println!("(link and lz-string lengths count the fragment with its '#'; add the page address)");
    for lang in kerze::i18n::Lang::ALL {
        let id = kerze::domain::model::ids::ScenarioId::from_parts(1, 1);
        let demo = kerze::domain::model::demo::demo_scenario(id, &lang.texts().demo);
        println!(
            "demo scenario ({}): {} characters of link",
            lang.code(),
            encode_link(&demo).len() + 1
        );
    }
    ballot_links();
}

/// Group scoring: the ballot link a facilitator shares and the return link
/// a participant sends back, for 20 realistic options.
fn ballot_links() {
    use kerze::domain::model::rounds::Round;
    let scenario = realistic::realistic(20);
    let criteria: Vec<_> = scenario.criteria.iter().take(3).map(|c| c.id).collect();
    let round = Round {
        id: 3_141_592_653,
        number: 1,
        criteria,
        weights: false,
        cells: Vec::new(),
    };
    let (invitation, ballot) =
        ballots::full_ballot(&scenario, &round, "Anna Schmidt", |_, _, option, item| {
            item.value_of(option)
        });
    let items = invitation.items();
    println!(
        "ballot link, 20 options with descriptions: {} characters; return link, 20 options x {} items: {} characters (fragments with '#')",
        invitation.to_link().len() + 1,
        items.len(),
        ballot.to_link().len() + 1
    );
}
