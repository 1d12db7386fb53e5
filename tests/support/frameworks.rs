//! A scenario on every framework, every value entered, for the corpus of
//! link format 4 and export format 5.

use super::realistic::TITLES;
use super::rng::xorshift;
use kerze::domain::model::criterion::CriterionInput;
use kerze::domain::model::ids::ScenarioId;
use kerze::domain::model::presets::{preset_scenario, Preset};
use kerze::domain::model::scenario::{Scenario, ScenarioEdit};
use kerze::domain::model::segment::Segment;
use kerze::i18n::Lang;

/// A scenario on each framework (in the order of `Preset::ALL`), six options
/// each with every value entered: amounts, ratings and levels picked from
/// their own lists.
pub fn frameworks() -> Vec<Scenario> {
    let t = Lang::En.texts();
    let mut next = xorshift(42);
    Preset::ALL
        .iter()
        .enumerate()
        .map(|(p, &preset)| {
            let id = ScenarioId::from_parts(9, p as u32 + 1);
            let name = t.presets.preset[p].to_owned();
            let mut s = preset_scenario(id, name, preset, t.demo.criteria, t.presets.names);
            for title in TITLES.iter().take(6) {
                s.apply(ScenarioEdit::AddOption {
                    title: (*title).into(),
                })
                .unwrap();
                let option = s.options.last().unwrap().id;
                for c in s.criteria.clone() {
                    let roll = next();
                    let value = match &c.input {
                        CriterionInput::Levels(levels) => {
                            levels[roll as usize % levels.len()].value
                        }
                        CriterionInput::Rating { min, max } => {
                            min + (roll % 5) as f64 * (max - min) / 4.0
                        }
                        CriterionInput::Amount { .. } => (roll % 40 + 1) as f64 * 25.0,
                        CriterionInput::SegmentFit => {
                            for segment in Segment::ALL {
                                let fit = Some((next() % 6) as f64);
                                s.apply(ScenarioEdit::SetFit(option, segment, fit)).unwrap();
                            }
                            continue;
                        }
                    };
                    s.apply(ScenarioEdit::SetValue(option, c.id, Some(value)))
                        .unwrap();
                }
            }
            s
        })
        .collect()
}
