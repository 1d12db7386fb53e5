//! The nasty floats, on purpose: subnormals, ±0, `f64::MAX`, `MIN_POSITIVE`,
//! values one ulp apart, huge and tiny weights and mixes together — through
//! the whole path a link takes (decode → validate → rank → export), and
//! straight into scoring for scenarios no check has seen. Every case must
//! end, and every score must be a number in [0, 100]. A watchdog fails the
//! test when one case runs for more than ten seconds, so a hang cannot stall CI.

mod support {
    pub mod arbitrary;
}

use kerze::domain::formats::export::export_json_sampled;
use kerze::domain::formats::link::{decode_link, encode_link, link_from_json, link_json};
use kerze::domain::formats::table::{ranking_csv, ranking_markdown};
use kerze::domain::model::scenario::Scenario;
use kerze::domain::model::segment::Segment;
use kerze::domain::model::value::Weight;
use kerze::domain::scoring::{rank, rank_scores, segment_ranks, Ranking};
use kerze::i18n::Lang;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use serde_json::Value;
use std::rc::Rc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{mpsc, Arc, Mutex};
use std::time::Duration;
use support::arbitrary::{arb_scenario, id};

/// The link that froze Kerze 0.1: a segment mix of `1e-320 / 0 / 0`.
const FROZE_KERZE: &str = "k1.qwb70zBV19jIQMdAB-RTiBfL4Y5CNsIRYoZpbGxsLQA";

fn next_up(x: f64) -> f64 {
    f64::from_bits(x.to_bits() + 1)
}

/// Finite numbers chosen to break arithmetic: subnormals, the edges of the
/// normal range, neighbours one ulp apart, and the ends of Kerze's ranges.
fn nasty_finite() -> Vec<f64> {
    vec![
        0.0,
        -0.0,
        5e-324,
        -5e-324,
        1e-320,
        1e-310,
        f64::MIN_POSITIVE / 2.0,
        f64::MIN_POSITIVE,
        next_up(f64::MIN_POSITIVE),
        -f64::MIN_POSITIVE,
        1e-300,
        1e-12,
        f64::EPSILON,
        1.0,
        next_up(1.0),
        5.0,
        next_up(5.0),
        100.0,
        next_up(100.0),
        1000.0,
        next_up(1000.0),
        1e12,
        next_up(1e12),
        -1e12,
        1e300,
        f64::MAX,
        -f64::MAX,
    ]
}

fn nasty() -> impl Strategy<Value = f64> {
    prop_oneof![
        8 => proptest::sample::select(nasty_finite()),
        1 => Just(f64::NAN),
        1 => Just(f64::INFINITY),
        1 => Just(f64::NEG_INFINITY),
        2 => any::<f64>(),
    ]
}

/// Runs `cases` cases of `test` on a worker thread. The calling thread
/// watches: when no case finishes for ten seconds it fails with the case
/// that hangs, instead of waiting for ever.
fn watched<S, F>(cases: u32, strategy: S, test: F)
where
    S: Strategy + Send + 'static,
    S::Value: std::fmt::Debug,
    F: Fn(S::Value) -> Result<(), TestCaseError> + Send + 'static,
{
    let done = Arc::new(AtomicU64::new(0));
    let current = Arc::new(Mutex::new(String::new()));
    let (finished, result) = mpsc::channel();
    {
        let (done, current) = (done.clone(), current.clone());
        std::thread::spawn(move || {
            let mut runner = TestRunner::new(Config {
                cases,
                failure_persistence: None,
                ..Config::default()
            });
            let outcome = runner.run(&strategy, |value| {
                if let Ok(mut slot) = current.lock() {
                    *slot = format!("{value:?}");
                }
                let outcome = test(value);
                done.fetch_add(1, Ordering::Relaxed);
                outcome
            });
            let _ = finished.send(outcome.map_err(|e| e.to_string()));
        });
    }
    let mut seen = 0;
    loop {
        match result.recv_timeout(Duration::from_secs(10)) {
            Ok(outcome) => {
                if let Err(failure) = outcome {
                    panic!("{failure}");
                }
                return;
            }
            Err(mpsc::RecvTimeoutError::Timeout) => {
                let now = done.load(Ordering::Relaxed);
                if now == seen {
                    let case = current.lock().map(|c| c.clone()).unwrap_or_default();
                    panic!("a case ran for more than 10 s (a hang): {case}");
                }
                seen = now;
            }
            Err(mpsc::RecvTimeoutError::Disconnected) => panic!("the test thread died"),
        }
    }
}

/// What must hold for any ranking: every score a finite number, ranks in
/// order; in the weighted sum every score and contribution in [0, 100] and
/// the contributions summing to the score.
fn check_ranking(scenario: &Scenario, ranking: &Ranking) -> Result<(), TestCaseError> {
    prop_assert_eq!(ranking.rows.len(), scenario.options.len());
    let mut previous = f64::INFINITY;
    for row in &ranking.rows {
        prop_assert!(row.score.is_finite(), "score {}", row.score);
        prop_assert!(row.score <= previous + 1e-9 * previous.abs().max(1.0));
        previous = row.score;
        if ranking.ratio.is_some() {
            for c in 0..scenario.criteria.len() {
                prop_assert!(ranking.utility(row.index, c).is_finite());
            }
            continue;
        }
        prop_assert!(
            (0.0..=100.0 + 1e-9).contains(&row.score),
            "score {}",
            row.score
        );
        let sum: f64 = (0..scenario.criteria.len())
            .map(|c| ranking.contribution(row.index, c))
            .sum();
        prop_assert!((sum - row.score).abs() < 1e-6, "{sum} vs {}", row.score);
        for c in 0..scenario.criteria.len() {
            let u = ranking.utility(row.index, c);
            prop_assert!((0.0..=1.0).contains(&u), "utility {u}");
        }
    }
    for c in 0..scenario.criteria.len() {
        prop_assert!(ranking.share(c).is_finite());
    }
    let by_segment = segment_ranks(scenario, ranking);
    let n = scenario.options.len() as u32;
    for ranks in by_segment {
        for segment in Segment::ALL {
            prop_assert!((1..=n).contains(&ranks.get(segment)));
        }
    }
    Ok(())
}

/// The rest of the path after a link opened: rank, export, tables, a new link.
fn whole_path(scenario: &Scenario) -> Result<(), TestCaseError> {
    prop_assert!(scenario.problems().is_empty());
    check_ranking(scenario, &rank(scenario))?;
    // A few samples walk every path of the analyses; the full run is tested elsewhere.
    let export = export_json_sampled(scenario, "2026-11-28T00:00:00.000Z".into(), 64);
    prop_assert!(!export.contains("null,\"contributions\""));
    let texts = Lang::De.table_titles();
    let _ = ranking_csv(scenario, &Lang::De.table_texts(&texts));
    let _ = ranking_markdown(scenario, &Lang::De.table_texts(&texts));
    let reopened = decode_link(&encode_link(scenario), id());
    prop_assert_eq!(reopened.as_ref(), Ok(scenario));
    Ok(())
}

/// Every place in a link's content that holds a number, as JSON pointers.
fn number_places(value: &Value, at: String, places: &mut Vec<String>) {
    match value {
        Value::Number(_) => places.push(at),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                number_places(item, format!("{at}/{i}"), places);
            }
        }
        Value::Object(map) => {
            for (key, item) in map {
                // Ids are whole numbers read by their own rule.
                if key != "i" {
                    number_places(item, format!("{at}/{key}"), places);
                }
            }
        }
        _ => {}
    }
}

/// A valid scenario's link content with some of its numbers replaced by nasty
/// ones, written as JSON text (non-finite ones as overflowing literals).
fn poisoned_link(scenario: &Scenario, picks: &[(usize, f64)]) -> String {
    let mut value: Value = serde_json::from_str(&link_json(scenario)).unwrap();
    let mut places = Vec::new();
    number_places(&value, String::new(), &mut places);
    let mut literals = Vec::new();
    if !places.is_empty() {
        for (k, &(at, number)) in picks.iter().enumerate() {
            let place = &places[at % places.len()];
            if let Some(slot) = value.pointer_mut(place) {
                // A marker replaced by the literal afterwards: JSON has no NaN.
                *slot = Value::String(format!("@{k}@"));
                let literal = if number.is_nan() {
                    "1e999".to_owned()
                } else if number.is_infinite() {
                    if number > 0.0 { "1e999" } else { "-1e999" }.to_owned()
                } else {
                    format!("{number:e}")
                };
                literals.push((format!("\"@{k}@\""), literal));
            }
        }
    }
    let mut json = serde_json::to_string(&value).unwrap();
    for (marker, literal) in literals {
        json = json.replace(&marker, &literal);
    }
    link_from_json(&json)
}

#[test]
fn the_link_that_froze_kerze_is_refused_with_its_reason() {
    let error = decode_link(FROZE_KERZE, id()).unwrap_err();
    assert_eq!(
        Lang::En.link_error(&error),
        "the scenario in it has invalid values (segment_mix.smb: is too close to zero to compute with: write 0 instead)."
    );
}

/// 60,000 cases: links whose numbers were replaced by nasty ones open as a
/// valid scenario or are refused, and what opens goes through the whole path.
#[test]
fn poisoned_links_end_and_stay_finite() {
    let strategy = (
        arb_scenario(),
        proptest::collection::vec((any::<usize>(), nasty()), 1..5),
    );
    watched(60_000, strategy, |(scenario, picks)| {
        let link = poisoned_link(&scenario, &picks);
        match decode_link(&link, id()) {
            Ok(opened) => whole_path(&opened),
            Err(error) => {
                prop_assert!(!Lang::De.link_error(&error).is_empty());
                Ok(())
            }
        }
    });
}

/// Scenarios built in memory, past every check: any number the types can
/// hold (NaN, infinities and subnormals in values, fits, bounds and scales),
/// with the most extreme weights and mixes a `Weight` can carry.
fn raw_scenario() -> impl Strategy<Value = Scenario> {
    let weight = proptest::sample::select(vec![
        0.0,
        f64::MIN_POSITIVE,
        next_up(f64::MIN_POSITIVE),
        1e-300,
        1e-12,
        1.0,
        999.999,
        1000.0,
    ]);
    (
        arb_scenario(),
        proptest::collection::vec((any::<usize>(), any::<u8>(), nasty()), 0..12),
        proptest::collection::vec(weight.clone(), 12),
        proptest::array::uniform3(weight),
    )
        .prop_map(|(mut scenario, pokes, weights, mix)| {
            for (criterion, w) in scenario.criteria.iter_mut().zip(weights) {
                criterion.weight = Weight::new(w).unwrap();
            }
            for (segment, m) in Segment::ALL.into_iter().zip(mix) {
                scenario.segment_mix.set(segment, Weight::new(m).unwrap());
            }
            for (at, what, number) in pokes {
                poke(&mut scenario, at, what, number);
            }
            scenario
        })
}

/// Puts `number` into one raw number field of the scenario.
fn poke(scenario: &mut Scenario, at: usize, what: u8, number: f64) {
    use kerze::domain::model::criterion::CriterionInput;
    let k = scenario.criteria.len();
    let n = scenario.options.len();
    match what % 3 {
        0 if k > 0 => match &mut scenario.criteria[at % k].input {
            CriterionInput::Rating { min, max } => *(if at % 2 == 0 { min } else { max }) = number,
            CriterionInput::Amount { lo, hi, .. } => {
                *(if at % 2 == 0 { lo } else { hi }) = Some(number)
            }
            CriterionInput::Levels(levels) => {
                let count = levels.len();
                levels[at % count].value = number
            }
            CriterionInput::SegmentFit => {}
        },
        1 if n > 0 && k > 0 => {
            let criterion = scenario.criteria[at % k].id;
            Rc::make_mut(&mut scenario.options[at % n])
                .values
                .insert(criterion, number);
        }
        2 if n > 0 => {
            let segment = Segment::ALL[at % 3];
            Rc::make_mut(&mut scenario.options[at % n])
                .fit
                .set(segment, Some(number));
        }
        _ => {}
    }
}

/// 40,000 cases: scoring and ranking end and stay finite for any scenario
/// the types can hold; its export and tables are written without a panic.
#[test]
fn scoring_of_unchecked_scenarios_ends_and_stays_finite() {
    watched(40_000, raw_scenario(), |scenario| {
        check_ranking(&scenario, &rank(&scenario))?;
        let texts = Lang::En.table_titles();
        let _ = ranking_csv(&scenario, &Lang::En.table_texts(&texts));
        let _ = ranking_markdown(&scenario, &Lang::En.table_texts(&texts));
        let _ = export_json_sampled(&scenario, String::new(), 64);
        Ok(())
    });
}

/// The ranking of raw scores ends for any list, NaN and infinities included,
/// and puts NaN last (tied with −∞, if there is one).
#[test]
fn ranking_raw_scores_ends_and_puts_nan_last() {
    watched(
        20_000,
        proptest::collection::vec(nasty(), 0..200),
        |scores| {
            let (order, ranks) = rank_scores(&scores);
            let mut sorted = order.clone();
            sorted.sort_unstable();
            prop_assert_eq!(sorted, (0..scores.len()).collect::<Vec<_>>());
            let lowest = |score: f64| score.is_nan() || score == f64::NEG_INFINITY;
            let first_lowest = order.iter().position(|&i| lowest(scores[i]));
            if let Some(first) = first_lowest {
                prop_assert!(order[first..].iter().all(|&i| lowest(scores[i])));
                let last_rank = (first + 1) as u32;
                prop_assert!(order[first..].iter().all(|&i| ranks[i] == last_rank));
            }
            for pair in order.windows(2) {
                prop_assert!(ranks[pair[0]] <= ranks[pair[1]]);
            }
            Ok(())
        },
    );
}
