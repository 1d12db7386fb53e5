//! The demo scenario shown on first run: a B2B need with five options, already ranked.

use crate::domain::model::ids::{CriterionId, ScenarioId};
use crate::domain::model::presets::{preset_scenario, Preset, PresetNames};
use crate::domain::model::scenario::{DefaultCriterionNames, Scenario, ScenarioEdit};
use crate::domain::model::segment::{PerSegment, Segment};
use crate::domain::model::value::{Threshold, Weight};

/// Texts of the demo scenario in one language.
#[derive(Clone, Copy, Debug)]
pub struct DemoTexts<'a> {
    /// Criterion names.
    pub criteria: DefaultCriterionNames<'a>,
    /// Scenario name.
    pub name: &'a str,
    /// The need.
    pub need: &'a str,
    /// The root cause.
    pub root_cause: &'a str,
    /// Title and description of each of the five options.
    pub options: [(&'a str, &'a str); 5],
}

/// Cost (person-days), time to market (weeks), impact (1–5), fit SMB / Enterprise / Public.
const FIGURES: [(f64, f64, f64, [f64; 3]); 5] = [
    (40.0, 8.0, 4.0, [2.0, 5.0, 4.0]),
    (15.0, 2.0, 3.0, [1.0, 4.0, 3.0]),
    (30.0, 10.0, 4.0, [1.0, 5.0, 5.0]),
    (10.0, 3.0, 2.0, [5.0, 2.0, 2.0]),
    (25.0, 14.0, 3.0, [1.0, 3.0, 5.0]),
];

/// The demo scenario in the given texts.
pub fn demo_scenario(id: ScenarioId, texts: &DemoTexts<'_>) -> Scenario {
    let mut scenario = Scenario::with_default_criteria(id, texts.name.to_owned(), texts.criteria);
    scenario.need = texts.need.to_owned();
    scenario.root_cause = texts.root_cause.to_owned();
    let weight = |w: f64| Weight::new(w).unwrap_or_default();
    scenario.segment_mix = PerSegment {
        smb: weight(20.0),
        enterprise: weight(60.0),
        public_sector: weight(20.0),
    };
    scenario.threshold = Threshold::new(50.0).unwrap_or_default();
    for ((title, description), (cost, weeks, impact, fit)) in texts.options.iter().zip(FIGURES) {
        let edits = |id| {
            [
                ScenarioEdit::DescribeOption(id, (*description).to_owned()),
                ScenarioEdit::SetValue(id, CriterionId::new(1), Some(cost)),
                ScenarioEdit::SetValue(id, CriterionId::new(2), Some(weeks)),
                ScenarioEdit::SetValue(id, CriterionId::new(3), Some(impact)),
                ScenarioEdit::SetFit(id, Segment::Smb, Some(fit[0])),
                ScenarioEdit::SetFit(id, Segment::Enterprise, Some(fit[1])),
                ScenarioEdit::SetFit(id, Segment::PublicSector, Some(fit[2])),
            ]
        };
        if scenario.apply(ScenarioEdit::AddOption {
            title: (*title).to_owned(),
        }) != Ok(true)
        {
            continue;
        }
        if let Some(id) = scenario.options.last().map(|o| o.id) {
            for edit in edits(id) {
                // The figures above are valid for the default criteria.
                let _ = scenario.apply(edit);
            }
        }
    }
    scenario
}

/// Reach (people per quarter), Impact, Confidence, Effort (person-months) of
/// each demo option, for the demo scored with RICE.
const RICE_FIGURES: [[f64; 4]; 5] = [
    [400.0, 2.0, 0.8, 3.0],
    [60.0, 3.0, 1.0, 6.0],
    [250.0, 2.0, 0.8, 2.0],
    [1200.0, 1.0, 0.5, 1.0],
    [80.0, 1.0, 0.5, 4.0],
];

/// The demo's need and options scored with RICE (the RICE preset's criteria
/// in `names`).
pub fn demo_rice(id: ScenarioId, texts: &DemoTexts<'_>, names: PresetNames<'_>) -> Scenario {
    let mut scenario = preset_scenario(
        id,
        format!("{} (RICE)", texts.name),
        Preset::Rice,
        texts.criteria,
        names,
    );
    scenario.need = texts.need.to_owned();
    scenario.root_cause = texts.root_cause.to_owned();
    for ((title, description), figures) in texts.options.iter().zip(RICE_FIGURES) {
        if scenario.apply(ScenarioEdit::AddOption {
            title: (*title).to_owned(),
        }) != Ok(true)
        {
            continue;
        }
        if let Some(id) = scenario.options.last().map(|o| o.id) {
            let _ = scenario.apply(ScenarioEdit::DescribeOption(id, (*description).to_owned()));
            for (c, value) in (1..).zip(figures) {
                // The figures above are valid for the RICE preset's criteria.
                let _ =
                    scenario.apply(ScenarioEdit::SetValue(id, CriterionId::new(c), Some(value)));
            }
        }
    }
    scenario
}
