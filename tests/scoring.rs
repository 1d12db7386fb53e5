//! The scoring model of PRODUCT.md, rule by rule, with hand-computed numbers,
//! and its invariants as property tests.

mod support {
    pub mod rng;
}

use kerze::domain::formats::scenario::{read_scenario, scenario_text, ScenarioWire};
use kerze::domain::model::criterion::{Criterion, CriterionInput, Direction};
use kerze::domain::model::ids::{CriterionId, OptionId, ScenarioId};
use kerze::domain::model::scenario::{Scenario, ScenarioOption};
use kerze::domain::model::segment::{PerSegment, Segment, SegmentMix, SegmentRatings};
use kerze::domain::model::value::{Threshold, Weight};
use kerze::domain::scoring::{rank, rank_scores, segment_ranks, Ranking, RankingNote};
use proptest::prelude::*;
use std::rc::Rc;
use support::rng::xorshift;

fn w(value: f64) -> Weight {
    Weight::new(value).unwrap()
}

fn criterion(id: u32, weight: f64, direction: Direction, input: CriterionInput) -> Criterion {
    Criterion {
        id: CriterionId::new(id),
        name: format!("C{id}"),
        weight: w(weight),
        direction,
        input,
        role: Default::default(),
    }
}

fn rating(id: u32, weight: f64, direction: Direction) -> Criterion {
    criterion(
        id,
        weight,
        direction,
        CriterionInput::Rating { min: 1.0, max: 5.0 },
    )
}

fn amount(id: u32, weight: f64, lo: Option<f64>, hi: Option<f64>) -> Criterion {
    criterion(
        id,
        weight,
        Direction::LowerIsBetter,
        CriterionInput::Amount {
            unit: "days".into(),
            lo,
            hi,
        },
    )
}

fn fit_criterion(id: u32, weight: f64) -> Criterion {
    criterion(
        id,
        weight,
        Direction::HigherIsBetter,
        CriterionInput::SegmentFit,
    )
}

fn option(id: u32, values: &[(u32, f64)], fit: [Option<f64>; 3]) -> Rc<ScenarioOption> {
    Rc::new(ScenarioOption {
        id: OptionId::new(id),
        title: format!("Option {id}"),
        description: String::new(),
        values: values
            .iter()
            .map(|&(c, v)| (CriterionId::new(c), v))
            .collect(),
        fit: PerSegment {
            smb: fit[0],
            enterprise: fit[1],
            public_sector: fit[2],
        },
        ranges: Default::default(),
        key: String::new(),
    })
}

fn scenario(criteria: Vec<Criterion>, options: Vec<Rc<ScenarioOption>>) -> Scenario {
    Scenario {
        id: ScenarioId::parse("test").unwrap(),
        name: "Test".into(),
        need: String::new(),
        root_cause: String::new(),
        segment_mix: PerSegment {
            smb: w(1.0),
            enterprise: w(1.0),
            public_sector: w(1.0),
        },
        threshold: Threshold::default(),
        criteria,
        options,
        analysis: Default::default(),
        lenses: Vec::new(),
        chart: Default::default(),
        group: Default::default(),
        model: Default::default(),
        budget: None,
    }
}

const NO_FIT: [Option<f64>; 3] = [None, None, None];

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

fn score_of(ranking: &Ranking, index: usize) -> f64 {
    ranking.row_for(index).unwrap().score
}

#[test]
fn a_rating_is_normalised_on_its_scale_in_either_direction() {
    let s = scenario(
        vec![
            rating(1, 1.0, Direction::HigherIsBetter),
            rating(2, 1.0, Direction::LowerIsBetter),
        ],
        vec![option(1, &[(1, 4.0), (2, 4.0)], NO_FIT)],
    );
    let r = rank(&s);
    // (4 − 1) / (5 − 1) = 0.75 and 1 − 0.75 = 0.25.
    assert!(close(r.utility(0, 0), 0.75));
    assert!(close(r.utility(0, 1), 0.25));
    assert!(close(score_of(&r, 0), 50.0));
}

#[test]
fn a_rating_off_its_scale_is_clamped() {
    let mut s = scenario(
        vec![rating(1, 1.0, Direction::HigherIsBetter)],
        vec![option(1, &[(1, 7.0)], NO_FIT)],
    );
    s.options.push(option(2, &[(1, 0.0)], NO_FIT));
    let r = rank(&s);
    assert_eq!((r.utility(0, 0), r.utility(1, 0)), (1.0, 0.0));
}

#[test]
fn an_amount_is_normalised_between_the_smallest_and_largest_value() {
    let s = scenario(
        vec![amount(1, 1.0, None, None)],
        vec![
            option(1, &[(1, 10.0)], NO_FIT),
            option(2, &[(1, 20.0)], NO_FIT),
            option(3, &[(1, 40.0)], NO_FIT),
        ],
    );
    let r = rank(&s);
    // lower is better: u = 1 − (v − 10) / 30.
    assert!(close(r.utility(0, 0), 1.0));
    assert!(close(r.utility(1, 0), 1.0 - 10.0 / 30.0));
    assert!(close(r.utility(2, 0), 0.0));
    assert_eq!(
        r.rows.iter().map(|row| row.id.number()).collect::<Vec<_>>(),
        [1, 2, 3]
    );
}

#[test]
fn explicit_bounds_win_over_the_data_and_clamp() {
    let s = scenario(
        vec![amount(1, 1.0, Some(0.0), Some(100.0))],
        vec![
            option(1, &[(1, 25.0)], NO_FIT),
            option(2, &[(1, 150.0)], NO_FIT),
        ],
    );
    let r = rank(&s);
    assert!(close(r.utility(0, 0), 0.75));
    assert!(close(r.utility(1, 0), 0.0));
    // One explicit bound, the other from the data (largest value 150).
    let s = scenario(
        vec![amount(1, 1.0, Some(0.0), None)],
        vec![
            option(1, &[(1, 25.0)], NO_FIT),
            option(2, &[(1, 150.0)], NO_FIT),
        ],
    );
    assert!(close(rank(&s).utility(0, 0), 1.0 - 25.0 / 150.0));
}

#[test]
fn equal_amounts_everywhere_give_utility_one_and_say_so() {
    let s = scenario(
        vec![amount(1, 1.0, None, None)],
        vec![
            option(1, &[(1, 7.0)], NO_FIT),
            option(2, &[(1, 7.0)], NO_FIT),
            option(3, &[], NO_FIT),
        ],
    );
    let r = rank(&s);
    assert_eq!(
        (r.utility(0, 0), r.utility(1, 0), r.utility(2, 0)),
        (1.0, 1.0, 0.0)
    );
    assert!(r
        .notes
        .contains(&RankingNote::SameAmountEverywhere(CriterionId::new(1))));
}

#[test]
fn a_missing_value_gives_zero_and_marks_the_option_incomplete() {
    let s = scenario(
        vec![
            rating(1, 1.0, Direction::HigherIsBetter),
            rating(2, 1.0, Direction::HigherIsBetter),
        ],
        vec![
            option(1, &[(1, 5.0)], NO_FIT),
            option(2, &[(1, 5.0), (2, 1.0)], NO_FIT),
        ],
    );
    let r = rank(&s);
    let first = r.row_for(0).unwrap();
    assert!(first.incomplete);
    assert!(r.is_missing(0, 1) && !r.is_missing(0, 0));
    assert!(close(first.score, 50.0));
    assert!(!r.row_for(1).unwrap().incomplete);
    // Both score 50 (the rating 1 is the bottom of the scale): a tie, in entry order.
    assert_eq!(
        r.rows.iter().map(|row| row.rank).collect::<Vec<_>>(),
        [1, 1]
    );
}

#[test]
fn segment_fit_is_the_mix_weighted_mean_over_five() {
    let mut s = scenario(
        vec![fit_criterion(1, 1.0)],
        vec![option(1, &[], [Some(2.0), Some(5.0), Some(4.0)])],
    );
    s.segment_mix = PerSegment {
        smb: w(20.0),
        enterprise: w(60.0),
        public_sector: w(20.0),
    };
    let r = rank(&s);
    // fit = 0.2·2 + 0.6·5 + 0.2·4 = 4.2, u = 0.84.
    assert!(close(r.utility(0, 0), 0.84));
    assert!(close(score_of(&r, 0), 84.0));
}

#[test]
fn an_all_zero_mix_makes_segment_fit_count_as_weight_zero() {
    let mut s = scenario(
        vec![
            rating(1, 1.0, Direction::HigherIsBetter),
            fit_criterion(2, 3.0),
        ],
        vec![option(1, &[(1, 3.0)], [Some(5.0); 3])],
    );
    s.segment_mix = SegmentMix::splat(w(0.0));
    let r = rank(&s);
    assert_eq!(r.weights, [1.0, 0.0]);
    assert!(r
        .notes
        .contains(&RankingNote::MixAllZero(CriterionId::new(2))));
    assert!(close(score_of(&r, 0), 50.0));
}

#[test]
fn the_score_is_the_weighted_mean_of_utilities_times_100() {
    let s = scenario(
        vec![
            rating(1, 3.0, Direction::HigherIsBetter),
            rating(2, 1.0, Direction::HigherIsBetter),
        ],
        vec![option(1, &[(1, 5.0), (2, 3.0)], NO_FIT)],
    );
    let r = rank(&s);
    // 100 × (3·1 + 1·0.5) / 4 = 87.5, contributions 75 + 12.5.
    assert!(close(score_of(&r, 0), 87.5));
    assert!(close(r.contribution(0, 0), 75.0));
    assert!(close(r.contribution(0, 1), 12.5));
}

#[test]
fn all_weights_zero_gives_every_score_zero_and_says_why() {
    let s = scenario(
        vec![rating(1, 0.0, Direction::HigherIsBetter)],
        vec![
            option(1, &[(1, 5.0)], NO_FIT),
            option(2, &[(1, 1.0)], NO_FIT),
        ],
    );
    let r = rank(&s);
    assert!(r.notes.contains(&RankingNote::AllWeightsZero));
    assert!(r.rows.iter().all(|row| row.score == 0.0 && row.rank == 1));
}

#[test]
fn a_comparison_names_the_points_won_and_lost_per_criterion() {
    // Two ratings 1–5, weights 3 and 1: A rates 5 and 1, B rates 1 and 5.
    let s = scenario(
        vec![
            rating(1, 3.0, Direction::HigherIsBetter),
            rating(2, 1.0, Direction::HigherIsBetter),
        ],
        vec![
            option(1, &[(1, 5.0), (2, 1.0)], [None; 3]),
            option(2, &[(1, 1.0), (2, 5.0)], [None; 3]),
        ],
    );
    let r = rank(&s);
    let c = r.compare(0, 1).unwrap();
    // A: 75 + 0; B: 0 + 25.
    assert!(close(c.lead, 50.0));
    assert_eq!(c.gaps.len(), 2);
    assert_eq!(c.gaps[0].0, 0);
    assert!(close(c.gaps[0].1, 75.0));
    assert_eq!(c.gaps[1].0, 1);
    assert!(close(c.gaps[1].1, -25.0));
}

#[test]
fn ties_share_a_rank_and_keep_entry_order() {
    let (order, ranks) = rank_scores(&[50.0, 60.0, 50.0 + 1e-12, 40.0]);
    assert_eq!(order, [1, 0, 2, 3]);
    assert_eq!(ranks, [2, 1, 2, 4]);
    let (order, ranks) = rank_scores(&[10.0, 10.0 + 5e-10, 10.0]);
    assert_eq!(order, [0, 1, 2]);
    assert_eq!(ranks, [1, 1, 1]);
    assert_eq!(rank_scores(&[]).0, Vec::<usize>::new());
}

#[test]
fn options_below_the_threshold_sit_below_the_line() {
    let mut s = scenario(
        vec![rating(1, 1.0, Direction::HigherIsBetter)],
        vec![
            option(1, &[(1, 3.0)], NO_FIT),
            option(2, &[(1, 2.0)], NO_FIT),
        ],
    );
    s.threshold = Threshold::new(50.0).unwrap();
    let r = rank(&s);
    // Scores 50 and 25: 50 is not below 50.
    assert!(!r.row_for(0).unwrap().below_threshold);
    assert!(r.row_for(1).unwrap().below_threshold);
    s.threshold = Threshold::default();
    assert!(rank(&s).rows.iter().all(|row| !row.below_threshold));
}

#[test]
fn the_per_segment_view_ranks_with_one_segment_alone() {
    let mut s = scenario(
        vec![
            rating(1, 1.0, Direction::HigherIsBetter),
            fit_criterion(2, 2.0),
        ],
        vec![
            option(1, &[(1, 3.0)], [Some(5.0), Some(1.0), Some(1.0)]),
            option(2, &[(1, 3.0)], [Some(1.0), Some(5.0), Some(2.0)]),
            option(3, &[(1, 5.0)], [Some(0.0), Some(0.0), Some(5.0)]),
        ],
    );
    s.segment_mix = PerSegment {
        smb: w(0.0),
        enterprise: w(1.0),
        public_sector: w(0.0),
    };
    let r = rank(&s);
    let by_segment = segment_ranks(&s, &r);
    let ranks = |i: usize| by_segment[i];
    // SMB alone: scores 100·(0.5 + 2·1)/3, 100·(0.5 + 2·0.2)/3, 100·(1 + 0)/3 → 1, 3, 2.
    assert_eq!([ranks(0).smb, ranks(1).smb, ranks(2).smb], [1, 3, 2]);
    // Enterprise alone equals the scenario's own mix.
    assert_eq!(
        [
            ranks(0).enterprise,
            ranks(1).enterprise,
            ranks(2).enterprise
        ],
        [3, 1, 2]
    );
    assert_eq!(
        r.rows.iter().map(|row| row.index).collect::<Vec<_>>(),
        [1, 2, 0]
    );
    // Public sector alone: 100·(0.5 + 0.4)/3, 100·(0.5 + 0.8)/3, 100·(1 + 2)/3.
    assert_eq!(
        [
            ranks(0).public_sector,
            ranks(1).public_sector,
            ranks(2).public_sector
        ],
        [3, 2, 1]
    );
}

#[test]
fn no_options_and_no_criteria_are_notes_not_errors() {
    let r = rank(&scenario(vec![], vec![]));
    assert!(
        r.notes.contains(&RankingNote::NoOptions) && r.notes.contains(&RankingNote::NoCriteria)
    );
    assert!(r.rows.is_empty());
    let r = rank(&scenario(vec![], vec![option(1, &[], NO_FIT)]));
    assert_eq!(r.rows[0].score, 0.0);
}

// ---- property tests ----

fn arb_input() -> impl Strategy<Value = CriterionInput> {
    prop_oneof![
        (-5i32..5, 1i32..10).prop_map(|(min, span)| CriterionInput::Rating {
            min: f64::from(min),
            max: f64::from(min + span)
        }),
        (
            proptest::option::of(0.0..50.0f64),
            proptest::option::of(50.0..500.0f64)
        )
            .prop_map(|(lo, hi)| CriterionInput::Amount {
                unit: "days".into(),
                lo,
                hi
            }),
        Just(CriterionInput::SegmentFit),
    ]
}

fn arb_scenario() -> impl Strategy<Value = Scenario> {
    let criteria = proptest::collection::vec(
        (
            0.0..10.0f64,
            any::<bool>(),
            arb_input(),
            prop_oneof![Just(0.0), 0.0..10.0f64],
        ),
        0..8,
    );
    (
        criteria,
        0usize..25,
        any::<u64>(),
        proptest::array::uniform3(0.0..5.0f64),
        0.0..100.0f64,
    )
        .prop_map(|(criteria, n, seed, mix, threshold)| {
            let criteria: Vec<Criterion> = criteria
                .into_iter()
                .enumerate()
                .map(|(i, (weight, higher, input, zero))| {
                    let direction = if higher {
                        Direction::HigherIsBetter
                    } else {
                        Direction::LowerIsBetter
                    };
                    let weight = if zero < 1.0 { 0.0 } else { weight };
                    criterion(i as u32 + 1, weight, direction, input)
                })
                .collect();
            let mut next = xorshift(seed);
            let options = (0..n)
                .map(|i| {
                    let mut values = std::collections::BTreeMap::new();
                    for c in &criteria {
                        let roll = next() % 100;
                        let value = match &c.input {
                            CriterionInput::Rating { min, max } => {
                                min + (roll % 10) as f64 / 9.0 * (max - min)
                            }
                            CriterionInput::Levels(levels) => {
                                levels[roll as usize % levels.len()].value
                            }
                            CriterionInput::Amount { .. } => (roll % 7) as f64 * 40.0,
                            CriterionInput::SegmentFit => continue,
                        };
                        if roll >= 10 {
                            values.insert(c.id, value);
                        }
                    }
                    let mut fit = SegmentRatings::default();
                    for segment in Segment::ALL {
                        let roll = next() % 7;
                        fit.set(segment, (roll < 6).then_some(roll as f64));
                    }
                    Rc::new(ScenarioOption {
                        id: OptionId::new(i as u32 + 1),
                        title: format!("Option {i}"),
                        description: String::new(),
                        values,
                        fit,
                        ranges: Default::default(),
                        key: String::new(),
                    })
                })
                .collect();
            let mut s = scenario(criteria, options);
            s.segment_mix = PerSegment {
                smb: w(mix[0].floor()),
                enterprise: w(mix[1].floor()),
                public_sector: w(mix[2].floor()),
            };
            s.threshold = Threshold::new(threshold).unwrap();
            s
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn contributions_sum_to_the_score_and_scores_stay_in_0_to_100(s in arb_scenario()) {
        let r = rank(&s);
        for row in &r.rows {
            let sum: f64 = (0..r.criteria.len()).map(|c| r.contribution(row.index, c)).sum();
            prop_assert!((sum - row.score).abs() < 1e-9, "sum {} score {}", sum, row.score);
            prop_assert!((0.0..=100.0 + 1e-9).contains(&row.score));
            prop_assert!(row.score.is_finite());
        }
    }

    #[test]
    fn a_comparison_explains_the_whole_lead_largest_gap_first(
        s in arb_scenario(),
        a in any::<prop::sample::Index>(),
        b in any::<prop::sample::Index>(),
    ) {
        let r = rank(&s);
        prop_assume!(!s.options.is_empty());
        let (a, b) = (a.index(s.options.len()), b.index(s.options.len()));
        let comparison = r.compare(a, b).unwrap();
        let sum: f64 = comparison.gaps.iter().map(|(_, gap)| gap).sum();
        prop_assert!((sum - comparison.lead).abs() < 1e-9, "gaps {} lead {}", sum, comparison.lead);
        prop_assert!((comparison.lead - (score_of(&r, a) - score_of(&r, b))).abs() < 1e-12);
        prop_assert_eq!(comparison.gaps.len(), r.criteria.len());
        for pair in comparison.gaps.windows(2) {
            prop_assert!(pair[0].1.abs() >= pair[1].1.abs());
        }
        // Turned around, every gap changes sign.
        let back = r.compare(b, a).unwrap();
        prop_assert_eq!(back.lead, -comparison.lead);
        prop_assert!(r.compare(s.options.len(), a).is_none());
    }

    #[test]
    fn ranking_is_a_deterministic_competition_ranking(s in arb_scenario()) {
        let r = rank(&s);
        prop_assert_eq!(&r, &rank(&s.clone()));
        prop_assert_eq!(r.rows.len(), s.options.len());
        for (position, pair) in r.rows.windows(2).enumerate() {
            let (a, b) = (&pair[0], &pair[1]);
            prop_assert!(a.score >= b.score - 1e-9);
            if a.rank == b.rank {
                prop_assert!(a.index < b.index, "ties keep entry order");
            } else {
                prop_assert_eq!(b.rank as usize, position + 2, "rank after a tie group skips");
            }
        }
        if let Some(first) = r.rows.first() {
            prop_assert_eq!(first.rank, 1);
        }
    }

    #[test]
    fn raising_a_rating_never_lowers_the_score(s in arb_scenario(), pick in any::<prop::sample::Index>()) {
        let ratings: Vec<(CriterionId, f64, f64)> = s.criteria.iter().filter_map(|c| match c.input {
            CriterionInput::Rating { min, max } => Some((c.id, min, max)),
            _ => None,
        }).collect();
        prop_assume!(!ratings.is_empty() && !s.options.is_empty());
        let (id, min, max) = ratings[pick.index(ratings.len())];
        let direction = s.criterion(id).unwrap().direction;
        let target = pick.index(s.options.len());
        let before = score_of(&rank(&s), target);
        let mut better = s.clone();
        let current = better.options[target].values.get(&id).copied();
        let improved = match (direction, current) {
            (Direction::HigherIsBetter, _) => max,
            (Direction::LowerIsBetter, _) => min,
        };
        Rc::make_mut(&mut better.options[target]).values.insert(id, improved);
        prop_assert!(score_of(&rank(&better), target) >= before - 1e-9);
    }

    #[test]
    fn the_per_segment_rank_is_the_rank_under_that_segment_alone(s in arb_scenario()) {
        let by_segment = segment_ranks(&s, &rank(&s));
        for segment in Segment::ALL {
            let mut alone = s.clone();
            alone.segment_mix = SegmentMix::only(segment);
            let view = rank(&alone);
            for (index, ranks) in by_segment.iter().enumerate() {
                prop_assert_eq!(ranks.get(segment), view.row_for(index).unwrap().rank);
            }
        }
    }

    #[test]
    fn a_scenario_survives_json_unchanged(s in arb_scenario()) {
        let text = scenario_text(&s);
        let back = read_scenario(&text).unwrap();
        prop_assert_eq!(&back, &s);
        // The pretty text reads back alike.
        let pretty = kerze::domain::formats::to_pretty(&ScenarioWire::from(&s));
        prop_assert_eq!(read_scenario(&pretty).unwrap(), s.clone());
        prop_assert!(back.problems().is_empty(), "{:?}", back.problems());
    }
}
