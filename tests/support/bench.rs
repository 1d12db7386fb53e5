//! The scenario around generated criteria and options, for benchmarks.

use kerze::domain::model::criterion::Criterion;
use kerze::domain::model::ids::ScenarioId;
use kerze::domain::model::scenario::{Scenario, ScenarioOption};
use kerze::domain::model::segment::PerSegment;
use kerze::domain::model::value::{Threshold, Weight};
use std::rc::Rc;

/// A scenario named "Bench" with a 20/60/20 mix and a threshold of 50.
pub fn bench_scenario(criteria: Vec<Criterion>, options: Vec<Rc<ScenarioOption>>) -> Scenario {
    let weight = |w: f64| Weight::new(w).unwrap_or_default();
    Scenario {
        id: ScenarioId::from_parts(1, 1),
        name: "Bench".into(),
        need: String::new(),
        root_cause: String::new(),
        segment_mix: PerSegment {
            smb: weight(20.0),
            enterprise: weight(60.0),
            public_sector: weight(20.0),
        },
        threshold: Threshold::new(50.0).unwrap_or_default(),
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
