//! Valid scenarios of every shape for property tests: ids with gaps and in any
//! order, any Unicode text, fractional and extreme numbers, missing values.

use kerze::domain::model::criterion::{
    Criterion, CriterionInput, Direction, Level, RatioRole, ScoreModel,
};
use kerze::domain::model::ids::{CriterionId, LensId, OptionId, ScenarioId};
use kerze::domain::model::scenario::{AnalysisSettings, Scenario, ScenarioOption};
use kerze::domain::model::segment::{PerSegment, Segment, SegmentRatings};
use kerze::domain::model::settings::Lens;
use kerze::domain::model::settings::WeightMode;
use kerze::domain::model::settings::{Budget, ChartSettings, Pin, Role};
use kerze::domain::model::value::{Range, Threshold, Weight};
use proptest::prelude::*;
use std::collections::HashSet;
use std::rc::Rc;

/// The id every generated scenario has.
pub fn id() -> ScenarioId {
    ScenarioId::from_parts(7, 7)
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        "\\PC{0,24}",
        "[a-z\"\\\\<>&#%/ ]{1,12}"
    ]
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
            CriterionInput::Rating {
                min,
                max: if max > min { max } else { 1000.0 },
            }
        }),
        (
            text(),
            proptest::option::of(number(0.0, 1e6)),
            proptest::option::of(number(1e6 + 1.0, 1e12))
        )
            .prop_map(|(unit, lo, hi)| CriterionInput::Amount {
                unit: unit.chars().take(40).collect(),
                lo,
                hi,
            }),
        Just(CriterionInput::SegmentFit),
        (text(), 2usize..7, number(-100.0, 100.0), 0.25..50.0f64).prop_map(
            |(label, n, base, step)| CriterionInput::Levels(
                (0..n)
                    .map(|i| Level::new(
                        &format!("{}{i}", label.chars().take(12).collect::<String>()),
                        base + step * i as f64
                    ))
                    .collect()
            )
        ),
    ]
}

fn unique_ids(count: usize) -> impl Strategy<Value = Vec<u32>> {
    proptest::collection::vec(prop_oneof![1u32..12, 1u32..=999_999_999], count).prop_map(|ids| {
        let mut seen = HashSet::new();
        ids.into_iter().filter(|id| seen.insert(*id)).collect()
    })
}

pub fn arb_scenario() -> impl Strategy<Value = Scenario> {
    let criteria = (0usize..9).prop_flat_map(|n| {
        (
            unique_ids(n),
            proptest::collection::vec(
                (
                    text(),
                    number(0.0, 1000.0),
                    any::<bool>(),
                    arb_input(),
                    0usize..3,
                ),
                n,
            ),
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
                    proptest::collection::vec(proptest::option::of(0.01f64..0.9), 9),
                    prop_oneof![Just(String::new()), "[A-Z]{2,5}-[0-9]{1,5}", text()],
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
        (
            0u8..3,
            unique_ids(3),
            proptest::collection::vec(
                (
                    text(),
                    proptest::collection::vec(proptest::option::of(number(0.0, 1000.0)), 9),
                ),
                0..3,
            ),
            proptest::collection::vec(0usize..4, 9),
            proptest::option::of(0usize..9),
            any::<bool>(),
            proptest::option::of((
                number(0.0, 1e6),
                any::<bool>(),
                proptest::collection::vec(0usize..3, 9),
            )),
        ),
    )
        .prop_map(
            |(
                (name, need, root_cause),
                mix,
                threshold,
                (cids, criteria),
                (oids, options),
                (mode, lids, lenses, roles, bubble, ratio, budget),
            )| {
                let criteria: Vec<Criterion> = cids
                    .iter()
                    .zip(criteria)
                    .map(|(&cid, (name, weight, lower, input, role))| Criterion {
                        id: CriterionId::new(cid),
                        name,
                        weight: Weight::new(weight).unwrap(),
                        direction: if lower {
                            Direction::LowerIsBetter
                        } else {
                            Direction::HigherIsBetter
                        },
                        input,
                        role: RatioRole::ALL[role],
                    })
                    .collect();
                let options: Vec<Rc<ScenarioOption>> = oids
                    .iter()
                    .zip(options)
                    .map(|(&oid, (title, description, cells, fit, spreads, key))| {
                        let mut values = std::collections::BTreeMap::new();
                        let mut ranges = std::collections::BTreeMap::new();
                        for ((c, cell), spread) in criteria.iter().zip(cells).zip(spreads) {
                            if let (Some(v), Some(_), Some(f)) =
                                (cell, c.input.value_rule(), spread)
                            {
                                let range = Range {
                                    low: v * (1.0 - f),
                                    high: (v * (1.0 + f)).min(1e12),
                                };
                                if range.holds(v) {
                                    ranges.insert(c.id, range);
                                }
                            }
                            if let (Some(v), Some(_)) = (cell, c.input.value_rule()) {
                                values.insert(c.id, v);
                            }
                        }
                        let mut ratings = SegmentRatings::default();
                        for (segment, f) in Segment::ALL.into_iter().zip(fit) {
                            ratings.set(segment, f);
                        }
                        Rc::new(ScenarioOption {
                            id: OptionId::new(oid),
                            title,
                            description,
                            values,
                            fit: ratings,
                            ranges,
                            key,
                        })
                    })
                    .collect();
                // A budget on the first amount criterion, pins on some options.
                let amount = criteria
                    .iter()
                    .find(|c| matches!(c.input, CriterionInput::Amount { .. }))
                    .map(|c| c.id);
                let budget = amount
                    .zip(budget)
                    .map(|(criterion, (amount, below_line, pins))| Budget {
                        criterion,
                        amount,
                        below_line,
                        pins: options
                            .iter()
                            .map(|o| o.id)
                            .zip(pins)
                            .filter(|(_, p)| *p > 0)
                            .map(|(o, p)| (o, Pin::ALL[p - 1]))
                            .collect(),
                    });
                Scenario {
                    id: id(),
                    budget,
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
                    analysis: AnalysisSettings {
                        weights: WeightMode::ALL[usize::from(mode)],
                    },
                    lenses: lids
                        .iter()
                        .zip(lenses)
                        .map(|(&lid, (name, weights))| Lens {
                            id: LensId::new(lid),
                            name,
                            weights: cids
                                .iter()
                                .zip(weights)
                                .filter_map(|(&c, w)| {
                                    Some((CriterionId::new(c), Weight::new(w?).unwrap()))
                                })
                                .collect(),
                        })
                        .collect(),
                    chart: ChartSettings {
                        roles: cids
                            .iter()
                            .zip(roles)
                            .filter(|(_, r)| *r > 0)
                            .map(|(&c, r)| (CriterionId::new(c), Role::ALL[r - 1]))
                            .collect(),
                        bubble: bubble
                            .and_then(|b| cids.get(b))
                            .map(|&c| CriterionId::new(c)),
                    },
                    group: Default::default(),
                    model: if ratio {
                        ScoreModel::Ratio
                    } else {
                        ScoreModel::WeightedSum
                    },
                }
            },
        )
}
