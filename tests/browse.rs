//! The options editor's sort and filter: the shown options are exactly those
//! with every word, each sort is ordered by its key with ties in entry order,
//! missing values last both ways, and the scenario itself never changes.

mod support {
    pub mod arbitrary;
}

use kerze::domain::analyses::browse::{Browse, SortBy};

use kerze::domain::model::demo::demo_scenario;
use kerze::domain::model::ids::ScenarioId;
use kerze::domain::model::rounds::fold;
use kerze::domain::model::scenario::Scenario;
use kerze::domain::scoring::rank;
use kerze::i18n::Lang;
use proptest::prelude::*;
use support::arbitrary::arb_scenario;

fn demo() -> Scenario {
    demo_scenario(ScenarioId::from_parts(3, 3), &Lang::En.texts().demo)
}

fn titles(s: &Scenario, order: &[usize]) -> Vec<String> {
    order.iter().map(|&i| s.options[i].title.clone()).collect()
}

fn browse(by: SortBy, reverse: bool, filter: &str) -> Browse {
    Browse {
        by,
        reverse,
        filter: filter.to_owned(),
    }
}

#[test]
fn the_demo_sorts_as_worked_out_by_hand() {
    let s = demo();
    let ranking = rank(&s);
    let all = |b: Browse| titles(&s, &b.arrange(&s.options, &ranking));
    assert_eq!(
        all(browse(SortBy::Entry, false, "")),
        titles(&s, &[0, 1, 2, 3, 4])
    );
    assert_eq!(
        all(browse(SortBy::Entry, true, "")),
        titles(&s, &[4, 3, 2, 1, 0])
    );
    // By score: the ranking's order.
    let by_rank: Vec<usize> = ranking.rows.iter().map(|r| r.index).collect();
    assert_eq!(all(browse(SortBy::Score, false, "")), titles(&s, &by_rank));
    let mut worst_first = by_rank.clone();
    worst_first.reverse();
    assert_eq!(
        all(browse(SortBy::Score, true, "")),
        titles(&s, &worst_first)
    );
    // By cost (person-days 40/15/30/10/25), highest first.
    let cost = s.criteria[0].id;
    assert_eq!(
        all(browse(SortBy::Value(cost), false, "")),
        titles(&s, &[0, 2, 4, 1, 3])
    );
    assert_eq!(
        all(browse(SortBy::Value(cost), true, "")),
        titles(&s, &[3, 1, 4, 2, 0])
    );
    // By title, A to Z, case ignored.
    let mut sorted = titles(&s, &[0, 1, 2, 3, 4]);
    sorted.sort_by_key(|t| t.to_lowercase());
    // Case is ignored for the Latin letters of German and its neighbours.
    assert_eq!(fold("ÄÖÜ Éclair STRAẞE ×"), "äöü éclair straẞe ×");
    assert_eq!(all(browse(SortBy::Title, false, "")), sorted);
    // "sso" is in one title; "scim" in another; words in descriptions count.
    assert_eq!(
        all(browse(SortBy::Entry, false, "SSO")),
        vec!["Self-serve SSO wizard"]
    );
    assert_eq!(
        all(browse(SortBy::Entry, false, "  scim   user ")),
        vec!["SCIM user provisioning"]
    );
    assert!(all(browse(SortBy::Entry, false, "no such words")).is_empty());
    assert!(browse(SortBy::Entry, false, "  ").is_plain());
    assert!(!browse(SortBy::Title, false, "").is_plain());
}

#[test]
fn a_missing_value_comes_last_both_ways() {
    let mut s = demo();
    let cost = s.criteria[0].id;
    std::rc::Rc::make_mut(&mut s.options[1])
        .values
        .remove(&cost);
    let ranking = rank(&s);
    for reverse in [false, true] {
        let order = browse(SortBy::Value(cost), reverse, "").arrange(&s.options, &ranking);
        assert_eq!(order.last(), Some(&1), "reverse {reverse}: {order:?}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn every_sort_and_filter_is_a_sorted_selection(
        s in arb_scenario(),
        which in 0usize..8,
        reverse in any::<bool>(),
        letters in "[a-eA-E ]{0,4}",
    ) {
        let ranking = rank(&s);
        let by = match which {
            0 => SortBy::Entry,
            1 => SortBy::Title,
            2 => SortBy::Score,
            k => s.criteria.get(k - 3).map_or(SortBy::Score, |c| SortBy::Value(c.id)),
        };
        let b = browse(by, reverse, &letters);
        let order = b.arrange(&s.options, &ranking);
        // Exactly the options with every word, each once.
        let words: Vec<String> = letters.split_whitespace().map(str::to_lowercase).collect();
        // The query's letters are ASCII: full lower-casing is a fair reference.
        let lower = |t: &str| t.to_lowercase();
        let wanted: Vec<usize> = (0..s.options.len())
            .filter(|&i| {
                let o = &s.options[i];
                let (title, description) = (lower(&o.title), lower(&o.description));
                words.iter().all(|w| title.contains(w.as_str()) || description.contains(w.as_str()))
            })
            .collect();
        let mut seen = order.clone();
        seen.sort_unstable();
        prop_assert_eq!(&seen, &wanted);
        // Each neighbouring pair in order: by the key, ties in entry order.
        let key = |i: usize| -> (u8, f64, String) {
            let o = &s.options[i];
            match by {
                SortBy::Entry => (0, 0.0, String::new()),
                SortBy::Title => (0, 0.0, fold(&o.title)),
                SortBy::Score => (0, ranking.row_for(i).map_or(f64::NEG_INFINITY, |r| r.score), String::new()),
                SortBy::Value(id) => match o.values.get(&id) {
                    Some(&v) => (0, v, String::new()),
                    None => (1, 0.0, String::new()),
                },
            }
        };
        for pair in order.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            let (ka, kb) = (key(a), key(b));
            if by == SortBy::Entry {
                prop_assert!(if reverse { a > b } else { a < b }, "entry order");
                continue;
            }
            // Missing values last, whichever the direction.
            prop_assert!(ka.0 <= kb.0);
            if ka.0 != kb.0 {
                continue;
            }
            let numeric = if matches!(by, SortBy::Title) {
                ka.2.cmp(&kb.2)
            } else {
                // Highest first: a larger number sorts before.
                kb.1.total_cmp(&ka.1)
            };
            let ordering = if reverse { numeric.reverse() } else { numeric };
            prop_assert!(ordering.is_le(), "{:?} before {:?}", ka, kb);
            if ordering.is_eq() {
                prop_assert!(a < b, "ties in entry order");
            }
        }
    }
}
