//! The ratio model (PRODUCT.md, "Ratio model"): RICE, ICE and WSJF exactly
//! as published. The pairs that a weighted sum gets wrong, the sources'
//! worked examples, the formula computed independently on random scenarios,
//! refusals where a value divides, the presets, and the formats carrying
//! the model, the roles and the levels.

mod support {
    pub mod arbitrary;
    pub mod ballots;
}

use kerze::domain::formats::export::export_json;
use kerze::domain::formats::import::read_import;
use kerze::domain::formats::link::{decode_link, encode_link};
use kerze::domain::formats::stored::{decode_scenario, encode_scenario, Stamp};
use kerze::domain::model::criterion::{CriterionInput, Level, RatioRole, ScoreModel};
use kerze::domain::model::ids::{CriterionId, OptionId, ScenarioId};
use kerze::domain::model::presets::{preset_scenario, Preset};
use kerze::domain::model::scenario::{EditRefused, Scenario, ScenarioEdit};
use kerze::domain::model::segment::Segment;
use kerze::domain::model::value::Threshold;
use kerze::domain::scoring::{formula, rank};
use kerze::i18n::Lang;
use kerze::state::{Action, State};
use proptest::prelude::*;
use support::arbitrary::arb_scenario;

fn id() -> ScenarioId {
    ScenarioId::from_parts(5, 5)
}

/// A new scenario on `preset`, in English.
fn preset(preset: Preset) -> Scenario {
    let t = Lang::En.texts();
    preset_scenario(
        id(),
        "Test".into(),
        preset,
        t.demo.criteria,
        t.presets.names,
    )
}

/// Adds an option titled `title` with `values` in criterion order.
fn add(scenario: &mut Scenario, title: &str, values: &[f64]) {
    scenario
        .apply(ScenarioEdit::AddOption {
            title: title.into(),
        })
        .unwrap();
    let option = scenario.options.last().unwrap().id;
    let ids: Vec<CriterionId> = scenario.criteria.iter().map(|c| c.id).collect();
    for (criterion, &value) in ids.into_iter().zip(values) {
        scenario
            .apply(ScenarioEdit::SetValue(option, criterion, Some(value)))
            .unwrap_or_else(|e| panic!("{title}: {value} on {criterion}: {e:?}"));
    }
}

/// The first round of group scoring, with id `id`, on criteria `criteria`.
fn first_round(id: u32, criteria: &[u32]) -> kerze::domain::model::rounds::Round {
    kerze::domain::model::rounds::Round {
        id,
        number: 1,
        criteria: criteria.iter().map(|&c| CriterionId::new(c)).collect(),
        weights: false,
        cells: Vec::new(),
    }
}

/// (title, score) best first.
fn ranked(scenario: &Scenario) -> Vec<(String, f64)> {
    rank(scenario)
        .rows
        .iter()
        .map(|r| (scenario.options[r.index].title.clone(), r.score))
        .collect()
}

#[test]
fn rice_ranks_the_pair_a_weighted_sum_calls_a_tie_by_the_book() {
    let mut s = preset(Preset::Rice);
    add(&mut s, "A", &[1000.0, 0.25, 1.0, 1.0]);
    add(&mut s, "B", &[100.0, 3.0, 1.0, 1.0]);
    assert_eq!(ranked(&s), [("B".into(), 300.0), ("A".into(), 250.0)]);
}

#[test]
fn wsjf_ranks_the_pair_a_weighted_sum_gets_backwards_by_the_book() {
    let mut s = preset(Preset::Wsjf);
    add(&mut s, "A", &[8.0, 8.0, 5.0, 8.0]);
    add(&mut s, "B", &[1.0, 3.0, 2.0, 2.0]);
    assert_eq!(ranked(&s), [("B".into(), 3.0), ("A".into(), 2.625)]);
    assert_eq!(
        formula(&s, false),
        "(User-business value + Time criticality + Risk reduction / opportunity enablement) ÷ Job size"
    );
}

#[test]
fn the_worked_examples_of_the_sources_come_out_as_published() {
    // Intercom's RICE: 500 people a quarter × 2 (high) × 80 % ÷ 2 person-months = 400.
    let mut rice = preset(Preset::Rice);
    add(&mut rice, "Intercom", &[500.0, 2.0, 0.8, 2.0]);
    assert_eq!(ranked(&rice)[0].1, 400.0);
    assert_eq!(
        formula(&rice, false),
        "Reach × Impact × Confidence ÷ Effort"
    );
    // ICE: 8 × 6 × 9 = 432.
    let mut ice = preset(Preset::Ice);
    add(&mut ice, "ICE", &[8.0, 6.0, 9.0]);
    assert_eq!(ranked(&ice)[0].1, 432.0);
    // WSJF: (8 + 13 + 5) ÷ 13 = 2.
    let mut wsjf = preset(Preset::Wsjf);
    add(&mut wsjf, "SAFe", &[8.0, 13.0, 5.0, 13.0]);
    assert_eq!(ranked(&wsjf)[0].1, 2.0);
}

#[test]
fn a_divisor_of_0_is_refused_where_it_is_typed_and_a_missing_factor_marks_the_option() {
    let mut s = preset(Preset::Rice);
    add(&mut s, "A", &[100.0, 1.0, 1.0, 1.0]);
    let a = s.options[0].id;
    let effort = CriterionId::new(4);
    assert_eq!(
        s.apply(ScenarioEdit::SetValue(a, effort, Some(0.0))),
        Err(EditRefused::InvalidValue)
    );
    // A level criterion takes one of its levels only.
    assert_eq!(
        s.apply(ScenarioEdit::SetValue(a, CriterionId::new(2), Some(1.5))),
        Err(EditRefused::InvalidValue)
    );
    s.apply(ScenarioEdit::SetValue(a, effort, None)).unwrap();
    add(&mut s, "B", &[10.0, 0.25, 0.5, 4.0]);
    let r = rank(&s);
    let a_row = r.row_for(0).unwrap();
    assert!(a_row.incomplete);
    assert_eq!(
        a_row.score, 0.0,
        "no divisor, no score: never a tiny number"
    );
    assert_eq!(r.rows[0].id, OptionId::new(2));
    assert_eq!(r.ratio.as_ref().unwrap().divisor[0], None);
}

#[test]
fn the_breakdown_says_how_far_each_factor_is_from_the_typical_option() {
    let mut s = preset(Preset::Rice);
    add(&mut s, "A", &[100.0, 1.0, 1.0, 1.0]);
    add(&mut s, "B", &[300.0, 1.0, 1.0, 1.0]);
    add(&mut s, "C", &[690.0, 1.0, 1.0, 1.0]);
    let r = rank(&s);
    let parts = r.ratio.as_ref().unwrap();
    assert_eq!(parts.versus_typical(2, 0), Some(2.3));
    assert_eq!(parts.value(1, 0), Some(300.0));
}

#[test]
fn switching_models_keeps_every_value_and_asks_for_the_roles() {
    let mut s = kerze::domain::model::demo::demo_scenario(id(), &Lang::En.texts().demo);
    let before = s.clone();
    let roles = vec![
        (CriterionId::new(1), RatioRole::Divide),
        (CriterionId::new(2), RatioRole::Divide),
        (CriterionId::new(3), RatioRole::Multiply),
        (CriterionId::new(4), RatioRole::Multiply),
    ];
    assert_eq!(
        s.apply(ScenarioEdit::SetModel(ScoreModel::Ratio, roles)),
        Ok(true)
    );
    assert_eq!(s.model, ScoreModel::Ratio);
    assert_eq!(s.options, before.options);
    assert!(rank(&s).ratio.is_some());
    // The demo's threshold of 50 points means nothing in the ratio's units.
    assert_eq!(s.threshold.value(), 0.0);
    s.apply(ScenarioEdit::SetModel(ScoreModel::WeightedSum, Vec::new()))
        .unwrap();
    s.apply(ScenarioEdit::SetThreshold(before.threshold))
        .unwrap();
    assert_eq!(rank(&s).rows, rank(&before).rows);
}

#[test]
fn the_threshold_is_in_the_models_own_units() {
    let mut s = preset(Preset::Rice);
    add(&mut s, "A", &[1000.0, 0.25, 1.0, 1.0]);
    add(&mut s, "B", &[100.0, 3.0, 1.0, 1.0]);
    // RICE 260 lies between A's 250 and B's 300: over the 0–100 points of
    // the weighted score, allowed here.
    s.apply(ScenarioEdit::SetThreshold(Threshold::new(260.0).unwrap()))
        .unwrap();
    let r = rank(&s);
    let below: Vec<bool> = r.rows.iter().map(|row| row.below_threshold).collect();
    assert_eq!(below, [false, true]);
    // Above every option, the threshold is said as the ranking writes RICE.
    s.apply(ScenarioEdit::SetThreshold(Threshold::new(1500.0).unwrap()))
        .unwrap();
    assert_eq!(
        Lang::En.recommendation(&s, &rank(&s)),
        "Do none of them: no option reaches the threshold of 1,500."
    );
    // The weighted score's threshold stays within its 0–100 points.
    let mut weighted = kerze::domain::model::demo::demo_scenario(id(), &Lang::En.texts().demo);
    assert_eq!(
        weighted.apply(ScenarioEdit::SetThreshold(Threshold::new(260.0).unwrap())),
        Err(EditRefused::InvalidValue)
    );
    weighted.threshold = Threshold::new(260.0).unwrap();
    let problems = weighted.problems();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(
        problems[0].to_string(),
        "threshold: must be between 0 and 100"
    );
    // Every format carries a threshold of thousands.
    s.apply(ScenarioEdit::SetThreshold(Threshold::new(4000.5).unwrap()))
        .unwrap();
    let stamp = Stamp {
        rev: 1,
        writer: "t".into(),
    };
    assert_eq!(decode_scenario(&encode_scenario(&s, &stamp)), Ok(s.clone()));
    assert_eq!(decode_link(&encode_link(&s), s.id.clone()), Ok(s.clone()));
    let export = export_json(&s, "2026-12-07T00:00:00Z".into());
    let imported = read_import(&export, s.id.clone()).unwrap().scenario;
    assert_eq!(imported.threshold, s.threshold);
}

#[test]
fn a_change_of_model_turns_the_threshold_off_and_undo_brings_it_back() {
    let state = State::first_run(ScenarioId::parse("demo").unwrap(), Lang::En);
    let open = |state: &State| state.workspace.active_scenario().clone();
    assert_eq!(open(&state).threshold.value(), 50.0);
    let roles = open(&state)
        .criteria
        .iter()
        .map(|c| (c.id, RatioRole::Multiply))
        .collect();
    let switched = state
        .reduce(Action::Edit(ScenarioEdit::SetModel(
            ScoreModel::Ratio,
            roles,
        )))
        .unwrap();
    assert_eq!(open(&switched).model, ScoreModel::Ratio);
    assert_eq!(open(&switched).threshold.value(), 0.0);
    let undone = switched.reduce(Action::Undo).unwrap();
    assert_eq!(open(&undone), open(&state));
}

#[test]
fn the_presets_set_the_published_defaults() {
    let rice = preset(Preset::Rice);
    assert_eq!(rice.model, ScoreModel::Ratio);
    let names: Vec<&str> = rice.criteria.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["Reach", "Impact", "Confidence", "Effort"]);
    let CriterionInput::Levels(impact) = &rice.criteria[1].input else {
        panic!("{:?}", rice.criteria[1].input)
    };
    let impact: Vec<(&str, f64)> = impact.iter().map(|l| (l.label.as_str(), l.value)).collect();
    assert_eq!(
        impact,
        [
            ("Massive", 3.0),
            ("High", 2.0),
            ("Medium", 1.0),
            ("Low", 0.5),
            ("Minimal", 0.25)
        ]
    );
    let wsjf = preset(Preset::Wsjf);
    let CriterionInput::Levels(sizes) = &wsjf.criteria[3].input else {
        panic!()
    };
    let sizes: Vec<f64> = sizes.iter().map(|l| l.value).collect();
    assert_eq!(sizes, [1.0, 2.0, 3.0, 5.0, 8.0, 13.0, 20.0]);
    let roles: Vec<RatioRole> = wsjf.criteria.iter().map(|c| c.role).collect();
    use RatioRole::{Add, Divide};
    assert_eq!(roles, [Add, Add, Add, Divide]);
    for p in Preset::ALL {
        assert!(preset(p).problems().is_empty(), "{p:?}");
    }
    assert_eq!(preset(Preset::WeightedScore).model, ScoreModel::WeightedSum);
}

#[test]
fn levels_are_checked_labels_and_values_each_once() {
    let mut s = preset(Preset::Wsjf);
    let size = CriterionId::new(4);
    let good = vec![
        Level::new("S", 1.0),
        Level::new("M", 3.0),
        Level::new("L", 8.0),
    ];
    assert_eq!(s.apply(ScenarioEdit::SetLevels(size, good)), Ok(true));
    for bad in [
        vec![Level::new("S", 1.0)],
        vec![Level::new("S", 1.0), Level::new("S", 2.0)],
        vec![Level::new("S", 1.0), Level::new(" ", 2.0)],
        vec![Level::new("S", 1.0), Level::new("M", 1.0)],
    ] {
        assert_eq!(
            s.apply(ScenarioEdit::SetLevels(size, bad.clone())),
            Err(EditRefused::InvalidValue),
            "{bad:?}"
        );
    }
}

/// A RICE scenario with levels, a segment-fit factor and a missing value.
fn rich() -> Scenario {
    let mut s = preset(Preset::Rice);
    add(&mut s, "SSO", &[1200.0, 2.0, 0.8, 3.0]);
    add(&mut s, "Audit log", &[300.0, 0.5, 1.0]);
    s.apply(ScenarioEdit::AddCriterion {
        name: "Fit".into(),
        kind: kerze::domain::model::criterion::InputKind::SegmentFit,
    })
    .unwrap();
    s.apply(ScenarioEdit::SetRatioRole(
        CriterionId::new(5),
        RatioRole::Multiply,
    ))
    .unwrap();
    s.apply(ScenarioEdit::SetFit(
        OptionId::new(1),
        Segment::Smb,
        Some(4.0),
    ))
    .unwrap();
    s
}

#[test]
fn storage_links_and_the_export_carry_the_model_roles_and_levels() {
    let s = rich();
    let stamp = Stamp {
        rev: 1,
        writer: "t".into(),
    };
    let stored = encode_scenario(&s, &stamp);
    assert!(stored.contains(r#""version":8"#), "{stored}");
    assert_eq!(decode_scenario(&stored), Ok(s.clone()));
    let link = encode_link(&s);
    assert!(link.starts_with("k6."), "{link}");
    assert_eq!(decode_link(&link, s.id.clone()), Ok(s.clone()));
    let export = export_json(&s, "2026-12-06T00:00:00Z".into());
    assert!(export.contains(r#""version": 7"#));
    assert!(export.contains(r#""model": "ratio""#));
    assert!(export.contains(r#""formula": "Reach × Impact × Confidence × Fit ÷ Effort""#));
    let imported = read_import(&export, s.id.clone()).unwrap().scenario;
    assert_eq!(imported.criteria, s.criteria);
    assert_eq!(imported.model, ScoreModel::Ratio);
}

/// The ratio score of option `i`, computed apart from Kerze's code: the
/// formula on the values as entered (fit: the mix-weighted rating).
fn by_the_formula(s: &Scenario, i: usize) -> Option<f64> {
    let o = &s.options[i];
    let mix = s.segment_mix;
    let total: f64 = Segment::ALL.iter().map(|&g| mix.get(g).value()).sum();
    let value = |c: &kerze::domain::model::criterion::Criterion| match c.input {
        CriterionInput::SegmentFit => {
            if total <= 0.0 {
                return None;
            }
            let mut sum = 0.0;
            for g in Segment::ALL {
                let m = mix.get(g).value();
                if m > 0.0 {
                    sum += m / total * o.fit.get(g)?;
                }
            }
            Some(sum)
        }
        _ => o.values.get(&c.id).copied(),
    };
    let adds: Vec<_> = s
        .criteria
        .iter()
        .filter(|c| c.role == RatioRole::Add)
        .collect();
    let mut numerator = if adds.is_empty() {
        1.0
    } else {
        adds.iter()
            .map(|c| {
                if matches!(c.input, CriterionInput::SegmentFit) && total <= 0.0 {
                    0.0
                } else {
                    c.weight.value() * value(c).unwrap_or(0.0)
                }
            })
            .sum()
    };
    for c in s.criteria.iter().filter(|c| c.role == RatioRole::Multiply) {
        numerator *= value(c).unwrap_or(0.0);
    }
    let mut divisor = 1.0;
    for c in s.criteria.iter().filter(|c| c.role == RatioRole::Divide) {
        divisor *= value(c).filter(|v| *v > 0.0)?;
    }
    Some(numerator / divisor)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn the_ratio_score_is_the_formula(mut s in arb_scenario()) {
        s.model = ScoreModel::Ratio;
        let r = rank(&s);
        for row in &r.rows {
            let expected = by_the_formula(&s, row.index).unwrap_or(0.0);
            let tolerance = 1e-9 * expected.abs().max(1.0);
            prop_assert!(
                (row.score - expected).abs() <= tolerance || (expected.is_infinite() && row.score == f64::MAX),
                "option {}: {} vs {}", row.index, row.score, expected
            );
        }
        // The add group is linear in its weights: the utilities times the
        // weights give the scores back.
        if r.ratio.as_ref().is_some_and(|p| p.has_add) {
            for row in &r.rows {
                let total: f64 = (0..r.criteria.len())
                    .map(|c| r.weights[c] * r.utility(row.index, c))
                    .sum();
                let tolerance = 1e-6 * row.score.abs().max(1.0);
                prop_assert!((total - row.score).abs() <= tolerance, "{} vs {}", total, row.score);
            }
        }
    }
}

#[test]
fn wsjf_warns_where_a_cost_of_delay_column_does_not_start_at_1() {
    use kerze::domain::scoring::RankingNote;
    let mut s = preset(Preset::Wsjf);
    add(&mut s, "A", &[8.0, 8.0, 5.0, 8.0]);
    add(&mut s, "B", &[1.0, 3.0, 2.0, 2.0]);
    let notes = rank(&s).notes;
    assert_eq!(
        notes,
        [
            RankingNote::AddedScaleNotFromOne(CriterionId::new(2), 3.0),
            RankingNote::AddedScaleNotFromOne(CriterionId::new(3), 2.0),
        ]
    );
    add(&mut s, "C", &[2.0, 1.0, 1.0, 1.0]);
    assert!(rank(&s).notes.is_empty(), "every column starts at 1");
    // RICE multiplies: the scale of a factor never changes the order.
    let mut rice = preset(Preset::Rice);
    add(&mut rice, "A", &[500.0, 2.0, 0.8, 2.0]);
    assert!(rank(&rice).notes.is_empty());
}

#[test]
fn the_demo_opens_scored_with_rice() {
    let t = Lang::En.texts();
    let demo = kerze::domain::model::demo::demo_rice(id(), &t.demo, t.presets.names);
    assert!(demo.problems().is_empty());
    assert_eq!(demo.name, "Enterprise onboarding (RICE)");
    let scores: Vec<(String, String)> = ranked(&demo)
        .into_iter()
        .map(|(title, score)| (title, Lang::En.ratio_score(score)))
        .collect();
    assert_eq!(
        scores,
        [
            ("In-app onboarding checklist".to_owned(), "600".to_owned()),
            ("Self-serve SSO wizard".to_owned(), "213".to_owned()),
            ("SCIM user provisioning".to_owned(), "200".to_owned()),
            ("White-glove onboarding team".to_owned(), "30.0".to_owned()),
            ("Partner-led implementation".to_owned(), "10.0".to_owned()),
        ]
    );
}

#[test]
fn value_ranges_are_sampled_on_the_ratio_score() {
    use kerze::domain::analyses::uncertainty::ValueSampler;
    use kerze::domain::model::value::Range;
    let mut s = preset(Preset::Rice);
    add(&mut s, "A", &[300.0, 1.0, 1.0, 1.0]);
    add(&mut s, "B", &[100.0, 2.0, 1.0, 1.0]);
    add(&mut s, "C", &[50.0, 1.0, 1.0, 1.0]);
    // B's effort lies between 0.5 and 2 months: its score between 100 and 400.
    let b = s.options[1].id;
    let range = Range {
        low: 0.5,
        high: 2.0,
    };
    s.apply(ScenarioEdit::SetEstimate(
        b,
        CriterionId::new(4),
        1.0,
        range,
    ))
    .unwrap();
    let r = rank(&s);
    let mut sampler = ValueSampler::new(&s, &r, 7);
    sampler.run(10_000);
    let u = sampler.result();
    assert_eq!(u.samples, 10_000);
    // A and C do not vary; their percentiles are their scores.
    assert!(!u.varies(0) && !u.varies(2));
    assert_eq!(u.percentile(0, 0.05), 300.0);
    // B's percentiles lie within what its range allows, in order.
    let (p5, p50, p95) = (
        u.percentile(1, 0.05),
        u.percentile(1, 0.5),
        u.percentile(1, 0.95),
    );
    assert!(
        100.0 <= p5 && p5 <= p50 && p50 <= p95 && p95 <= 400.0,
        "{p5} {p50} {p95}"
    );
    // B is #1 when its effort is under 2/3 of a month: PERT(0.5, 1, 2) puts
    // about 8 % of its weight there.
    let first = u.first(1);
    assert!((0.02..0.2).contains(&first), "{first}");
    assert!((u.first(0) + first - 1.0).abs() < 1e-9);
    assert_eq!(u.first(2), 0.0);
}

#[test]
fn group_scoring_on_rice_weighs_a_disagreement_by_the_score_it_swings() {
    use kerze::domain::group::tally::tally;
    use kerze::domain::model::rounds::{Cell, Item};
    use support::ballots::full_ballot;
    let mut s = preset(Preset::Rice);
    add(&mut s, "A", &[500.0, 2.0, 0.8, 2.0]);
    add(&mut s, "B", &[300.0, 1.0, 1.0, 1.0]);
    let round = first_round(9, &[2, 4]);
    s.apply(ScenarioEdit::StartRound(round.clone())).unwrap();
    // Both agree on Impact; on A's effort one says 1 month, the other 4.
    let (_, anna) = full_ballot(&s, &round, "Anna", |i, j, _, _| {
        Some([[2.0, 1.0], [1.0, 1.0]][i][j])
    });
    let (_, ben) = full_ballot(&s, &round, "Ben", |i, j, _, _| {
        Some([[2.0, 4.0], [1.0, 1.0]][i][j])
    });
    s.apply(ScenarioEdit::SetBallots(vec![anna, ben])).unwrap();
    let t = tally(&s);
    let queue = t.queue();
    let effort = Cell {
        option: OptionId::new(1),
        item: Item::Value(CriterionId::new(4)),
    };
    assert_eq!(queue[0].cell, effort);
    // 500 × 2 × 0.8 = 800 over 1 or 4 months: 800 or 200; #1 now scores 400.
    assert!((queue[0].stake - 100.0).abs() < 1e-9, "{}", queue[0].stake);
}

#[test]
fn a_fit_rating_that_multiplies_puts_its_score_swing_at_stake() {
    use kerze::domain::group::tally::tally;
    use kerze::domain::model::rounds::{Cell, Item};
    use kerze::domain::model::value::Weight;
    use support::ballots::full_ballot;
    // SMB alone in the mix: SSO's fit is its SMB rating, and its score
    // 1,200 × 2 × 0.8 × fit ÷ 3 = 640 × fit (2,560 at 4; Audit log has no
    // effort and scores 0).
    let mut s = rich();
    for segment in [Segment::Enterprise, Segment::PublicSector] {
        s.apply(ScenarioEdit::SetMix(segment, Weight::new(0.0).unwrap()))
            .unwrap();
    }
    assert_eq!(ranked(&s)[0], ("SSO".into(), 2560.0));
    let round = first_round(3, &[5]);
    s.apply(ScenarioEdit::StartRound(round.clone())).unwrap();
    let vote = |smb: f64| {
        move |i: usize, _: usize, _: &_, item: Item| match item {
            Item::Fit(Segment::Smb) if i == 0 => Some(smb),
            _ => None,
        }
    };
    let (_, anna) = full_ballot(&s, &round, "Anna", vote(3.0));
    let (_, ben) = full_ballot(&s, &round, "Ben", vote(4.0));
    s.apply(ScenarioEdit::SetBallots(vec![anna, ben])).unwrap();
    let t = tally(&s);
    let queue = t.queue();
    assert_eq!(
        queue[0].cell,
        Cell {
            option: OptionId::new(1),
            item: Item::Fit(Segment::Smb),
        }
    );
    // 1,920 at 3, 2,560 at 4: 640 of #1's 2,560 is 25 %.
    assert!((queue[0].stake - 25.0).abs() < 1e-9, "{}", queue[0].stake);
}

#[test]
fn a_rice_round_link_carries_the_levels_and_refuses_a_0_effort() {
    use kerze::domain::group::ballot::Invitation;
    use kerze::domain::model::rounds::{Cell, Item};
    use kerze::domain::model::value::{NumberStyle, ValueError};
    let mut s = preset(Preset::Rice);
    add(&mut s, "A", &[500.0, 2.0, 0.8, 2.0]);
    let round = first_round(9, &[2, 4]);
    let link = Invitation::new(&s, round).to_link();
    assert!(link.starts_with("r2."), "{link}");
    let read = Invitation::from_link(&link).unwrap();
    // Impact's levels travel with their labels: the form offers them by name.
    let impact = read.scenario.criterion(CriterionId::new(2)).unwrap();
    let CriterionInput::Levels(levels) = &impact.input else {
        panic!("{:?}", impact.input)
    };
    let labels: Vec<&str> = levels.iter().map(|l| l.label.as_str()).collect();
    assert_eq!(labels, ["Massive", "High", "Medium", "Low", "Minimal"]);
    // Effort divides: a participant's 0 is refused where it is typed, as in
    // the scenario itself; Impact's 0 is not a level either way.
    let cell = |c: u32| Cell {
        option: OptionId::new(1),
        item: Item::Value(CriterionId::new(c)),
    };
    let style = NumberStyle::ENGLISH;
    for scenario in [&read.scenario, &s] {
        let effort = cell(4).item.rule(scenario).unwrap();
        assert_eq!(effort.parse("0", style), Err(ValueError::ZeroDivisor));
        assert_eq!(effort.parse("0.5", style), Ok(Some(0.5)));
    }
    assert_eq!(
        Invitation::new(&s, read.round.clone()).scenario.model,
        ScoreModel::Ratio
    );
}

#[test]
fn the_tables_of_a_ratio_score_show_each_factor_not_points() {
    use kerze::domain::formats::table::{ranking_csv, ranking_markdown};
    let mut s = preset(Preset::Rice);
    add(&mut s, "SSO", &[500.0, 2.0, 0.8, 2.0]);
    let titles = Lang::En.table_titles();
    let texts = Lang::En.table_texts(&titles);
    let csv = ranking_csv(&s, &texts);
    let header = csv.lines().next().unwrap();
    assert!(!header.contains("points"), "{header}");
    assert!(
        header.contains("\"Reach\",\"Impact\",\"Confidence\",\"Effort\""),
        "{header}"
    );
    assert!(
        csv.lines()
            .nth(1)
            .unwrap()
            .starts_with("1,\"SSO\",400,500,2,0.8,2,"),
        "{csv}"
    );
    let markdown = ranking_markdown(&s, &texts);
    assert!(
        markdown.contains("| 1 | SSO | 400.0 | 500 | 2 | 0.8 | 2 |"),
        "{markdown}"
    );
}
