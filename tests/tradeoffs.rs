//! The value/effort matrix and lenses: indices by the brief's formula,
//! dominance against brute force, labels that never overlap, and lens
//! rankings that are the ranking of the weights they hold.

mod support {
    pub mod arbitrary;
}

use kerze::domain::analyses::lens::{agreement, all_lenses, bump, lens_ranking};
use kerze::domain::analyses::matrix::{beats, layout, points, Point, Quadrant, Rect};
use kerze::domain::model::criterion::CriterionInput;
use kerze::domain::model::demo::demo_scenario;
use kerze::domain::model::ids::ScenarioId;
use kerze::domain::model::scenario::through;
use kerze::domain::model::scenario::{Scenario, ScenarioEdit};
use kerze::domain::model::segment::Segment;
use kerze::domain::model::settings::LensRef;
use kerze::domain::model::settings::Role;
use kerze::domain::model::value::Weight;
use kerze::domain::scoring::rank;
use kerze::i18n::Lang;
use proptest::prelude::*;
use support::arbitrary::arb_scenario;

fn demo() -> Scenario {
    demo_scenario(ScenarioId::from_parts(3, 3), &Lang::En.texts().demo)
}

#[test]
fn the_demo_lands_in_the_quadrants_worked_out_by_hand() {
    // Demo weights: Cost 3 and Time to market 2 are effort; Metric impact 4
    // and Segment fit 3 are value. Costs 40/15/30/10/25 person-days, weeks
    // 8/2/10/3/14 (see the demo).
    let s = demo();
    let ranking = rank(&s);
    let p = points(&s, &ranking).unwrap();
    let by_title = |t: &str| {
        let i = s.options.iter().position(|o| o.title == t).unwrap();
        p[i]
    };
    let sso = by_title("Self-serve SSO wizard");
    // Cost (40−10)/(40−10) = 1, weeks (8−2)/(14−2) = 0.5: effort
    // (3 × 1 + 2 × 0.5) / 5 = 80, a big bet or a money pit.
    assert!((sso.effort - 80.0).abs() < 1e-9, "{}", sso.effort);
    assert!(matches!(
        sso.quadrant,
        Quadrant::BigBet | Quadrant::MoneyPit
    ));
    let quadrants: Vec<Quadrant> = p.iter().map(|p| p.quadrant).collect();
    for (point, q) in p.iter().zip(&quadrants) {
        assert_eq!(*q, Quadrant::of(point.value, point.effort));
    }
    // Every index follows the brief's formula from the ranking's utilities.
    for (i, point) in p.iter().enumerate() {
        let (mut v, mut vw, mut e, mut ew) = (0.0, 0.0, 0.0, 0.0);
        for (c, criterion) in s.criteria.iter().enumerate() {
            let (w, u) = (ranking.weights[c], ranking.utility(i, c));
            match Role::default_for(criterion) {
                Role::Value => (v, vw) = (v + w * u, vw + w),
                Role::Effort => (e, ew) = (e + w * (1.0 - u), ew + w),
                Role::Neither => {}
            }
        }
        assert!((point.value - 100.0 * v / vw).abs() < 1e-9);
        assert!((point.effort - 100.0 * e / ew).abs() < 1e-9);
    }
}

#[test]
fn a_scenario_without_effort_criteria_has_no_matrix() {
    let mut s = demo();
    for c in s.criteria.clone() {
        if Role::default_for(&c) == Role::Effort {
            s.apply(ScenarioEdit::SetRole(c.id, Role::Neither)).unwrap();
        }
    }
    assert!(points(&s, &rank(&s)).is_err());
}

fn arb_points() -> impl Strategy<Value = Vec<Point>> {
    let coordinate = prop_oneof![0.0..100.0f64, (0u8..5).prop_map(|k| f64::from(k) * 25.0)];
    proptest::collection::vec((coordinate.clone(), coordinate), 0..60).prop_map(|xs| {
        xs.into_iter()
            .map(|(value, effort)| Point {
                value,
                effort,
                quadrant: Quadrant::of(value, effort),
                dominated_by: None,
                size: None,
            })
            .collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn dominance_agrees_with_brute_force(s in arb_scenario()) {
        let ranking = rank(&s);
        if let Ok(p) = points(&s, &ranking) {
            for (i, point) in p.iter().enumerate() {
                let any = p.iter().enumerate().any(|(j, q)| j != i && beats(q, point));
                prop_assert_eq!(point.dominated_by.is_some(), any);
                if let Some(j) = point.dominated_by {
                    prop_assert!(beats(&p[j], point));
                }
            }
        }
    }

    #[test]
    fn labels_never_overlap_markers_or_each_other(p in arb_points(), titles in proptest::collection::vec(".{0,40}", 60)) {
        let order: Vec<usize> = (0..p.len()).collect();
        let titles: Vec<&str> = titles.iter().map(String::as_str).collect();
        let chart = layout(&p, &order, &titles);
        let boxes: Vec<Rect> = chart.markers.iter().filter_map(|m| m.label.as_ref().map(|l| l.bounds)).collect();
        let first = order.first().copied();
        for (k, a) in boxes.iter().enumerate() {
            prop_assert!(chart.plot.holds(a));
            for b in &boxes[k + 1..] {
                prop_assert!(!a.overlaps(b), "{:?} {:?}", a, b);
            }
        }
        // No label covers a marker, but #1's may cover others' when it has no other place.
        for m in &chart.markers {
            let Some(label) = &m.label else { continue };
            for other in &chart.markers {
                let marker = Rect { x: other.x - other.r, y: other.y - other.r, w: 2.0 * other.r, h: 2.0 * other.r };
                if Some(m.index) != first || other.index == m.index {
                    prop_assert!(!label.bounds.overlaps(&marker));
                }
            }
        }
        // #1 is always named in the chart.
        if let Some(first) = first {
            let named = !kerze::domain::analyses::matrix::label_text(titles[first]).is_empty();
            let marker = chart.markers.iter().find(|m| m.index == first);
            prop_assert!(!named || marker.is_some_and(|m| m.label.is_some()), "#1 unlabelled");
        }
        // Every option has a label or a place in the legend.
        let labelled = chart.markers.iter().filter(|m| m.label.is_some()).count();
        prop_assert_eq!(labelled + chart.legend.len(), p.len());
    }

    #[test]
    fn a_lens_ranks_as_its_weights_rank(s in arb_scenario()) {
        for lens in all_lenses(&s) {
            let seen = through(&s, lens).unwrap();
            match lens {
                LensRef::Saved(id) => {
                    let saved = s.lenses.iter().find(|l| l.id == id).unwrap();
                    for c in &seen.criteria {
                        let w = saved.weights.get(&c.id).copied().unwrap_or_default();
                        prop_assert_eq!(c.weight, w);
                    }
                }
                LensRef::Segment(segment) => {
                    for other in Segment::ALL {
                        let expected = if other == segment { 1.0 } else { 0.0 };
                        prop_assert_eq!(seen.segment_mix.get(other).value(), expected);
                    }
                }
                LensRef::Current => prop_assert_eq!(&seen, &s),
            }
            prop_assert_eq!(lens_ranking(&s, lens), Some(rank(&seen)));
        }
    }
}

#[test]
fn a_cfo_lens_moves_the_ranking_and_the_summary_says_so() {
    let mut s = demo();
    let before = rank(&s);
    // The CFO weighs cost alone.
    let weights: Vec<Weight> = s
        .criteria
        .iter()
        .map(|c| {
            let cost =
                matches!(c.input, CriterionInput::Amount { ref unit, .. } if unit == "person-days");
            Weight::new(if cost { 10.0 } else { 0.0 }).unwrap()
        })
        .collect();
    s.apply(ScenarioEdit::SetWeights(weights)).unwrap();
    s.apply(ScenarioEdit::AddLens("CFO".into())).unwrap();
    let cfo = LensRef::Saved(s.lenses[0].id);
    let under_cfo = lens_ranking(&s, cfo).unwrap();
    // Cheapest first: costs 40/15/30/10/25 person-days.
    let cheapest = s
        .options
        .iter()
        .min_by(|a, b| {
            let cost = |o: &kerze::domain::model::scenario::ScenarioOption| {
                o.values.iter().next().map(|(_, v)| *v).unwrap_or(0.0)
            };
            cost(a).total_cmp(&cost(b))
        })
        .unwrap();
    assert_eq!(under_cfo.rows[0].id, cheapest.id);
    let both = [before.clone(), under_cfo.clone()];
    let summary = agreement(&both);
    assert_eq!(summary.same_first, before.rows[0].id == cheapest.id);
    let chart = bump(&both, 10);
    assert_eq!(chart.lines.len(), s.options.len());
    for line in &chart.lines {
        let moved = line.points[0].rank.abs_diff(line.points[1].rank) >= 2;
        assert_eq!(line.moved, moved);
    }
    // Using the lens brings its weights back as the working ones, one step.
    let mut other = s.clone();
    other
        .apply(ScenarioEdit::UseLens(LensRef::Segment(Segment::Smb)))
        .unwrap();
    assert_eq!(other.segment_mix.get(Segment::Smb).value(), 1.0);
    other.apply(ScenarioEdit::UseLens(cfo)).unwrap();
    assert_eq!(
        rank(&through(&other, LensRef::Current).unwrap()).rows[0].id,
        cheapest.id
    );
}
