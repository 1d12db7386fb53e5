//! The app's one state, its one `Action` enum and the pure reducer.
//! Nothing here touches the browser; effects live in `services`.

use crate::domain::demo::demo_scenario;
use crate::domain::ids::{OptionId, ScenarioId};
use crate::domain::scenario::{Scenario, ScenarioEdit};
use crate::i18n::Lang;
use std::rc::Rc;

/// How many deleted scenarios are kept for "Restore".
pub const TRASH_SIZE: usize = 20;

/// Everything the UI shows.
#[derive(Clone, Debug, PartialEq)]
pub struct State {
    /// The user's scenarios, in switcher order; never empty.
    pub scenarios: Vec<Rc<Scenario>>,
    /// The scenario being edited.
    pub active: ScenarioId,
    /// Recently deleted scenarios, newest first.
    pub trash: Vec<Rc<Scenario>>,
    /// UI language.
    pub lang: Lang,
    /// The option whose score breakdown is open.
    pub selected: Option<OptionId>,
    /// The scenario just deleted, offered for undo.
    pub just_deleted: Option<ScenarioId>,
}

/// One user intent.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// An edit of the active scenario.
    Edit(ScenarioEdit),
    /// Adds an empty scenario with the default criteria and opens it.
    NewScenario(ScenarioId),
    /// Opens another scenario.
    SelectScenario(ScenarioId),
    /// Copies the active scenario under a new id and opens the copy.
    DuplicateScenario(ScenarioId),
    /// Moves a scenario to the trash; `replacement` is used if it was the last one.
    DeleteScenario {
        /// The scenario to delete.
        id: ScenarioId,
        /// Id for a fresh empty scenario when none would be left.
        replacement: ScenarioId,
    },
    /// Brings a scenario back from the trash and opens it.
    RestoreScenario(ScenarioId),
    /// Hides the "deleted — undo" notice.
    DismissNotice,
    /// Opens (or closes, with `None`) an option's score breakdown.
    SelectOption(Option<OptionId>),
    /// Switches the UI language.
    SetLang(Lang),
}

/// A name not yet used by any of `taken`: `name`, else `name (2)`, `name (3)`, …
pub fn unique_name<'a>(name: &str, taken: impl Iterator<Item = &'a str> + Clone) -> String {
    if !taken.clone().any(|t| t == name) {
        return name.to_owned();
    }
    (2..)
        .map(|n| format!("{name} ({n})"))
        .find(|candidate| !taken.clone().any(|t| t == candidate))
        .unwrap_or_else(|| name.to_owned())
}

impl State {
    /// The first-run state: the demo scenario in the user's language.
    pub fn first_run(id: ScenarioId, lang: Lang) -> Self {
        let demo = demo_scenario(id.clone(), &lang.texts().demo);
        Self::with_scenarios(vec![Rc::new(demo)], id, Vec::new(), lang)
    }

    /// A state of loaded scenarios; falls back to the first one when
    /// `active` is not among them. `scenarios` must not be empty.
    pub fn with_scenarios(
        scenarios: Vec<Rc<Scenario>>,
        active: ScenarioId,
        trash: Vec<Rc<Scenario>>,
        lang: Lang,
    ) -> Self {
        let active = if scenarios.iter().any(|s| s.id == active) {
            active
        } else {
            scenarios.first().map(|s| s.id.clone()).unwrap_or(active)
        };
        State {
            scenarios,
            active,
            trash,
            lang,
            selected: None,
            just_deleted: None,
        }
    }

    /// The scenario being edited.
    pub fn active_scenario(&self) -> &Rc<Scenario> {
        // `scenarios` is never empty and `active` always names one of them;
        // the fallback keeps that promise cheap to hold.
        self.scenarios
            .iter()
            .find(|s| s.id == self.active)
            .unwrap_or(&self.scenarios[0])
    }

    fn empty_scenario(&self, id: ScenarioId) -> Scenario {
        let t = self.lang.texts();
        let name = unique_name(
            t.untitled_scenario,
            self.scenarios.iter().map(|s| s.name.as_str()),
        );
        Scenario::with_default_criteria(id, name, t.demo.criteria)
    }

    fn id_taken(&self, id: &ScenarioId) -> bool {
        self.scenarios
            .iter()
            .chain(&self.trash)
            .any(|s| &s.id == id)
    }

    /// The state after `action`, or `None` when nothing changes.
    pub fn reduce(&self, action: Action) -> Option<State> {
        let mut next = self.clone();
        match action {
            Action::Edit(edit) => {
                let position = next.scenarios.iter().position(|s| s.id == next.active)?;
                let scenario = Rc::make_mut(&mut next.scenarios[position]);
                if !scenario.apply(edit).unwrap_or(false) {
                    return None;
                }
                if let Some(selected) = next.selected {
                    if !scenario.options.iter().any(|o| o.id == selected) {
                        next.selected = None;
                    }
                }
            }
            Action::NewScenario(id) => {
                if self.id_taken(&id) {
                    return None;
                }
                next.scenarios
                    .push(Rc::new(self.empty_scenario(id.clone())));
                next.active = id;
                next.selected = None;
            }
            Action::SelectScenario(id) => {
                if id == self.active || !self.scenarios.iter().any(|s| s.id == id) {
                    return None;
                }
                next.active = id;
                next.selected = None;
            }
            Action::DuplicateScenario(id) => {
                if self.id_taken(&id) {
                    return None;
                }
                let mut copy = Scenario::clone(self.active_scenario());
                let base = format!("{} ({})", copy.name, self.lang.texts().copy_suffix);
                copy.name = unique_name(&base, self.scenarios.iter().map(|s| s.name.as_str()));
                copy.id = id.clone();
                let at = self
                    .scenarios
                    .iter()
                    .position(|s| s.id == self.active)
                    .map_or(0, |p| p + 1);
                next.scenarios.insert(at, Rc::new(copy));
                next.active = id;
                next.selected = None;
            }
            Action::DeleteScenario { id, replacement } => {
                let position = self.scenarios.iter().position(|s| s.id == id)?;
                let removed = next.scenarios.remove(position);
                next.trash.insert(0, removed);
                next.trash.truncate(TRASH_SIZE);
                if next.scenarios.is_empty() {
                    if self.id_taken(&replacement) {
                        return None;
                    }
                    next.scenarios
                        .push(Rc::new(next.empty_scenario(replacement)));
                }
                if next.active == id {
                    let neighbour = position.min(next.scenarios.len() - 1);
                    next.active = next.scenarios[neighbour].id.clone();
                    next.selected = None;
                }
                next.just_deleted = Some(id);
            }
            Action::RestoreScenario(id) => {
                let position = self.trash.iter().position(|s| s.id == id)?;
                let mut restored = next.trash.remove(position);
                let name = unique_name(
                    &restored.name,
                    self.scenarios.iter().map(|s| s.name.as_str()),
                );
                if name != restored.name {
                    Rc::make_mut(&mut restored).name = name;
                }
                next.scenarios.push(restored);
                next.active = id;
                next.selected = None;
                next.just_deleted = None;
            }
            Action::DismissNotice => {
                next.just_deleted.take()?;
            }
            Action::SelectOption(selected) => {
                if selected == self.selected {
                    return None;
                }
                next.selected = selected;
            }
            Action::SetLang(lang) => {
                if lang == self.lang {
                    return None;
                }
                next.lang = lang;
            }
        }
        Some(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::CriterionId;

    fn id(text: &str) -> ScenarioId {
        ScenarioId::parse(text).unwrap()
    }

    fn start() -> State {
        State::first_run(id("demo"), Lang::En)
    }

    #[test]
    fn first_run_shows_the_ranked_demo() {
        let state = start();
        assert_eq!(state.scenarios.len(), 1);
        assert_eq!(state.active_scenario().name, "Enterprise onboarding");
        assert_eq!(
            State::first_run(id("d"), Lang::De).active_scenario().name,
            "Onboarding für Großkunden"
        );
    }

    #[test]
    fn an_action_that_changes_nothing_returns_none() {
        let state = start();
        assert_eq!(state.reduce(Action::SelectScenario(id("demo"))), None);
        assert_eq!(state.reduce(Action::SetLang(Lang::En)), None);
        assert_eq!(state.reduce(Action::DismissNotice), None);
        let name = state.active_scenario().name.clone();
        assert_eq!(state.reduce(Action::Edit(ScenarioEdit::Rename(name))), None);
    }

    #[test]
    fn edits_change_only_the_active_scenario() {
        let state = start().reduce(Action::NewScenario(id("two"))).unwrap();
        assert_eq!(state.active, id("two"));
        assert_eq!(state.active_scenario().name, "Untitled scenario");
        assert!(state.active_scenario().options.is_empty());
        let state = state
            .reduce(Action::Edit(ScenarioEdit::Rename("Pricing".into())))
            .unwrap();
        assert_eq!(state.scenarios[0].name, "Enterprise onboarding");
        assert_eq!(state.scenarios[1].name, "Pricing");
    }

    #[test]
    fn duplicates_get_a_free_name_and_their_own_id() {
        let state = start()
            .reduce(Action::DuplicateScenario(id("copy")))
            .unwrap();
        let state = state.reduce(Action::SelectScenario(id("demo"))).unwrap();
        let state = state
            .reduce(Action::DuplicateScenario(id("copy2")))
            .unwrap();
        let names: Vec<_> = state.scenarios.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "Enterprise onboarding",
                "Enterprise onboarding (copy) (2)",
                "Enterprise onboarding (copy)"
            ]
        );
        assert_eq!(
            state.reduce(Action::DuplicateScenario(id("copy"))),
            None,
            "ids are never reused"
        );
    }

    #[test]
    fn a_deleted_scenario_can_be_restored() {
        let state = start().reduce(Action::NewScenario(id("two"))).unwrap();
        let deleted = state
            .reduce(Action::DeleteScenario {
                id: id("two"),
                replacement: id("x"),
            })
            .unwrap();
        assert_eq!(deleted.scenarios.len(), 1);
        assert_eq!(deleted.active, id("demo"));
        assert_eq!(deleted.just_deleted, Some(id("two")));
        let restored = deleted.reduce(Action::RestoreScenario(id("two"))).unwrap();
        assert_eq!(restored.scenarios.len(), 2);
        assert_eq!(restored.active, id("two"));
        assert!(restored.trash.is_empty());
    }

    #[test]
    fn deleting_the_last_scenario_leaves_an_empty_one() {
        let state = start()
            .reduce(Action::DeleteScenario {
                id: id("demo"),
                replacement: id("fresh"),
            })
            .unwrap();
        assert_eq!(state.scenarios.len(), 1);
        assert_eq!(state.active, id("fresh"));
        assert_eq!(state.trash[0].id, id("demo"));
    }

    #[test]
    fn removing_the_selected_option_closes_its_breakdown() {
        let state = start();
        let option = state.active_scenario().options[0].id;
        let state = state.reduce(Action::SelectOption(Some(option))).unwrap();
        let state = state
            .reduce(Action::Edit(ScenarioEdit::RemoveOption(option)))
            .unwrap();
        assert_eq!(state.selected, None);
        let unchanged = state.reduce(Action::Edit(ScenarioEdit::RemoveCriterion(
            CriterionId::new(99),
        )));
        assert_eq!(unchanged, None);
    }

    #[test]
    fn unique_names_count_up() {
        let taken = ["A", "A (2)"];
        assert_eq!(unique_name("A", taken.iter().copied()), "A (3)");
        assert_eq!(unique_name("B", taken.iter().copied()), "B");
    }
}
