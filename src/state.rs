//! The app's one state, its one `Action` enum and the pure reducer.
//! Nothing here touches the browser; effects live in `services`.

use crate::domain::demo::demo_scenario;
use crate::domain::ids::{OptionId, ScenarioId};
use crate::domain::scenario::{EditedField, Scenario, ScenarioEdit};
use crate::i18n::Lang;
use std::collections::BTreeMap;
use std::rc::Rc;

/// How many deleted scenarios are kept for "Restore".
pub const TRASH_SIZE: usize = 20;
/// How many undo steps are kept per scenario.
pub const UNDO_STEPS: usize = 200;

/// One scenario's undo and redo steps. Each step is a whole earlier version;
/// versions share every unchanged option, so a step costs little.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct History {
    past: Vec<Rc<Scenario>>,
    future: Vec<Rc<Scenario>>,
    /// The field the newest step edited: further edits to it join that step.
    open_field: Option<EditedField>,
}

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
    /// Undo and redo steps per scenario (kept for this visit only).
    pub history: BTreeMap<ScenarioId, History>,
    /// A scenario opened from a share link: shown read-only instead of the
    /// user's own until they save a copy or go back. Never stored.
    pub shared: Option<Rc<Scenario>>,
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
    /// Deletes every scenario in the trash for good (frees their storage).
    EmptyTrash,
    /// Deletes one scenario of the trash for good.
    DeleteForGood(ScenarioId),
    /// Hides the "deleted — undo" notice.
    DismissNotice,
    /// Opens (or closes, with `None`) an option's score breakdown.
    SelectOption(Option<OptionId>),
    /// Switches the UI language.
    SetLang(Lang),
    /// Takes back the last edit of the open scenario, or the deletion just made.
    Undo,
    /// Does again what Undo took back.
    Redo,
    /// Another tab saved this version of a scenario: show it (the version
    /// replaced stays one Undo away).
    ChangedElsewhere(Rc<Scenario>),
    /// The user keeps their version over another tab's: that one stays one Undo away.
    KeepMine(Rc<Scenario>),
    /// Another tab deleted this scenario: move it to the trash here too
    /// (never the last one, which stays).
    DeletedElsewhere(ScenarioId),
    /// Shows a scenario from a share link, read-only; the user's own stay as they are.
    OpenShared(Rc<Scenario>),
    /// Leaves the shared scenario and shows the user's own again.
    CloseShared,
    /// Adds the shared scenario to the user's own (a taken name gets a suffix) and opens it.
    SaveSharedCopy,
    /// Adds a scenario read from a file (a taken name gets a suffix) and opens it.
    Import(Rc<Scenario>),
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
            history: BTreeMap::new(),
            shared: None,
        }
    }

    /// The scenario on screen: the shared one while it is open, else the active one.
    pub fn shown(&self) -> &Rc<Scenario> {
        self.shared
            .as_ref()
            .unwrap_or_else(|| self.active_scenario())
    }

    /// `name`, or `name (2)`, `name (3)`, … when one of the user's scenarios has it:
    /// the name a saved copy or an import gets.
    pub fn free_name(&self, name: &str) -> String {
        unique_name(name, self.scenarios.iter().map(|s| s.name.as_str()))
    }

    /// Adds `scenario` (shared, imported or restored) to the user's own under a
    /// free name and opens it.
    fn adopt(&mut self, mut scenario: Rc<Scenario>) -> Option<()> {
        if self.id_taken(&scenario.id) {
            return None;
        }
        let name = self.free_name(&scenario.name);
        if name != scenario.name {
            Rc::make_mut(&mut scenario).name = name;
        }
        self.active = scenario.id.clone();
        self.scenarios.push(scenario);
        self.shared = None;
        self.selected = None;
        self.just_deleted = None;
        Some(())
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

    /// The scenario with this id, whether listed or in the trash.
    pub fn scenario_or_deleted(&self, id: &ScenarioId) -> Option<&Rc<Scenario>> {
        self.scenarios
            .iter()
            .chain(&self.trash)
            .find(|s| &s.id == id)
    }

    /// Whether Undo would do something.
    pub fn can_undo(&self) -> bool {
        self.just_deleted.is_some()
            || self
                .history
                .get(&self.active)
                .is_some_and(|h| !h.past.is_empty())
    }

    /// Whether Redo would do something.
    pub fn can_redo(&self) -> bool {
        self.history
            .get(&self.active)
            .is_some_and(|h| !h.future.is_empty())
    }

    /// Replaces the active scenario by `version` (from the undo or redo stack).
    fn put_active(&mut self, version: Rc<Scenario>) {
        if let Some(slot) = self.scenarios.iter_mut().find(|s| s.id == self.active) {
            *slot = version;
        }
        self.drop_stale_selection();
    }

    /// Closes the breakdown of an option the open scenario no longer has.
    fn drop_stale_selection(&mut self) {
        let selected = self.selected;
        if selected.is_some_and(|id| !self.shown().options.iter().any(|o| o.id == id)) {
            self.selected = None;
        }
    }

    fn empty_scenario(&self, id: ScenarioId) -> Scenario {
        let t = self.lang.texts();
        let name = self.free_name(t.untitled_scenario);
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
        let read_only = self.shared.is_some();
        match action {
            Action::Edit(_) | Action::Undo | Action::Redo if read_only => return None,
            Action::OpenShared(scenario) => {
                next.shared = Some(scenario);
                next.selected = None;
            }
            Action::CloseShared => {
                next.shared.take()?;
                next.selected = None;
            }
            Action::SaveSharedCopy => {
                let shared = next.shared.take()?;
                next.adopt(shared)?;
            }
            Action::Import(scenario) => next.adopt(scenario)?,
            Action::Edit(edit) => {
                let position = next.scenarios.iter().position(|s| s.id == next.active)?;
                let before = next.scenarios[position].clone();
                let field = edit.field();
                let scenario = Rc::make_mut(&mut next.scenarios[position]);
                if !scenario.apply(edit).unwrap_or(false) {
                    return None;
                }
                let history = next.history.entry(next.active.clone()).or_default();
                history.future.clear();
                if field.is_none() || history.open_field != field {
                    history.past.push(before);
                    if history.past.len() > UNDO_STEPS {
                        history.past.remove(0);
                    }
                }
                history.open_field = field;
                next.just_deleted = None;
                next.drop_stale_selection();
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
                if let Some(history) = next.history.get_mut(&next.active) {
                    history.open_field = None;
                }
            }
            Action::DuplicateScenario(id) => {
                if self.id_taken(&id) {
                    return None;
                }
                let mut copy = Scenario::clone(self.active_scenario());
                let base = format!("{} ({})", copy.name, self.lang.texts().copy_suffix);
                copy.name = self.free_name(&base);
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
                let restored = next.trash.remove(position);
                next.adopt(restored)?;
            }
            Action::EmptyTrash | Action::DeleteForGood(_) => {
                let before = next.trash.len();
                match &action {
                    Action::DeleteForGood(id) => next.trash.retain(|s| &s.id != id),
                    _ => next.trash.clear(),
                }
                if next.trash.len() == before {
                    return None;
                }
                if next
                    .just_deleted
                    .as_ref()
                    .is_some_and(|id| !next.scenarios.iter().any(|s| &s.id == id))
                {
                    next.just_deleted = None;
                }
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
            Action::Undo => {
                if let Some(id) = self.just_deleted.clone() {
                    return self.reduce(Action::RestoreScenario(id));
                }
                let current = self.active_scenario().clone();
                let history = next.history.get_mut(&self.active)?;
                let earlier = history.past.pop()?;
                history.future.push(current);
                history.open_field = None;
                next.put_active(earlier);
            }
            Action::ChangedElsewhere(theirs) => {
                let id = theirs.id.clone();
                if let Some(slot) = next.trash.iter_mut().find(|s| s.id == id) {
                    *slot = theirs;
                    return Some(next);
                }
                match next.scenarios.iter().position(|s| s.id == id) {
                    Some(position) => {
                        let mine = std::mem::replace(&mut next.scenarios[position], theirs);
                        if *mine == *next.scenarios[position] {
                            return None;
                        }
                        let history = next.history.entry(id.clone()).or_default();
                        history.past.push(mine);
                        history.open_field = None;
                        next.drop_stale_selection();
                    }
                    None => next.scenarios.push(theirs),
                }
            }
            Action::DeletedElsewhere(id) => {
                let position = self.scenarios.iter().position(|s| s.id == id)?;
                if self.scenarios.len() == 1 {
                    return None;
                }
                let removed = next.scenarios.remove(position);
                next.trash.insert(0, removed);
                next.trash.truncate(TRASH_SIZE);
                if next.active == id {
                    let neighbour = position.min(next.scenarios.len() - 1);
                    next.active = next.scenarios[neighbour].id.clone();
                    next.selected = None;
                }
            }
            Action::KeepMine(theirs) => {
                let history = next.history.entry(theirs.id.clone()).or_default();
                history.past.push(theirs);
                history.open_field = None;
            }
            Action::Redo => {
                let current = self.active_scenario().clone();
                let history = next.history.get_mut(&self.active)?;
                let later = history.future.pop()?;
                history.past.push(current);
                history.open_field = None;
                next.put_active(later);
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

    fn shared(name: &str) -> Rc<Scenario> {
        let mut s = demo_scenario(id("shared1"), &Lang::En.texts().demo);
        s.name = name.to_owned();
        Rc::new(s)
    }

    #[test]
    fn a_shared_scenario_is_read_only_and_leaves_the_own_ones_alone() {
        let own = start();
        let viewing = own.reduce(Action::OpenShared(shared("Pricing"))).unwrap();
        assert_eq!(viewing.shown().name, "Pricing");
        assert_eq!(viewing.scenarios, own.scenarios);
        assert_eq!(viewing.active, own.active);
        let rename = Action::Edit(ScenarioEdit::Rename("Changed".into()));
        assert_eq!(viewing.reduce(rename), None);
        assert_eq!(viewing.reduce(Action::Undo), None);
        let back = viewing.reduce(Action::CloseShared).unwrap();
        assert_eq!(back, own);
        assert_eq!(back.reduce(Action::CloseShared), None);
    }

    #[test]
    fn a_saved_copy_of_a_shared_scenario_gets_a_free_name() {
        let viewing = start()
            .reduce(Action::OpenShared(shared("Enterprise onboarding")))
            .unwrap();
        let saved = viewing.reduce(Action::SaveSharedCopy).unwrap();
        let names: Vec<_> = saved.scenarios.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(
            names,
            ["Enterprise onboarding", "Enterprise onboarding (2)"]
        );
        assert_eq!(saved.active, id("shared1"));
        assert_eq!(saved.shared, None);
        assert_eq!(
            saved.scenarios[0],
            start().scenarios[0],
            "nothing overwritten"
        );
        assert_eq!(saved.reduce(Action::SaveSharedCopy), None);
    }

    #[test]
    fn an_import_becomes_a_new_scenario() {
        let state = start().reduce(Action::Import(shared("Pricing"))).unwrap();
        assert_eq!(state.scenarios.len(), 2);
        assert_eq!(state.active_scenario().name, "Pricing");
        assert_eq!(
            state.reduce(Action::Import(shared("Other"))),
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

    fn edit(state: &State, edit: ScenarioEdit) -> State {
        state.reduce(Action::Edit(edit)).unwrap()
    }

    #[test]
    fn undo_and_redo_walk_through_every_kind_of_edit() {
        let start = start();
        let option = start.active_scenario().options[0].id;
        let cost = CriterionId::new(1);
        let edits = [
            ScenarioEdit::SetValue(option, cost, Some(99.0)),
            ScenarioEdit::AddOption {
                title: "New".into(),
            },
            ScenarioEdit::RemoveCriterion(CriterionId::new(2)),
            ScenarioEdit::SetDirection(cost, crate::domain::criterion::Direction::HigherIsBetter),
            ScenarioEdit::RemoveOption(option),
        ];
        let mut versions = vec![start.clone()];
        for e in edits {
            let next = edit(versions.last().unwrap(), e);
            versions.push(next);
        }
        let mut state = versions.last().unwrap().clone();
        for expected in versions.iter().rev().skip(1) {
            state = state.reduce(Action::Undo).unwrap();
            assert_eq!(state.active_scenario(), expected.active_scenario());
        }
        assert!(!state.can_undo());
        assert_eq!(state.reduce(Action::Undo), None);
        for expected in versions.iter().skip(1) {
            state = state.reduce(Action::Redo).unwrap();
            assert_eq!(state.active_scenario(), expected.active_scenario());
        }
        assert!(!state.can_redo());
    }

    #[test]
    fn typing_into_one_field_is_one_undo_step() {
        let start = start();
        let mut state = start.clone();
        for name in ["P", "Pr", "Pri", "Pricing"] {
            state = edit(&state, ScenarioEdit::Rename(name.into()));
        }
        state = edit(&state, ScenarioEdit::SetNeed("Churn".into()));
        let state = state.reduce(Action::Undo).unwrap();
        assert_eq!(state.active_scenario().name, "Pricing");
        let state = state.reduce(Action::Undo).unwrap();
        assert_eq!(state.active_scenario(), start.active_scenario());
    }

    #[test]
    fn a_new_edit_drops_the_redo_steps_and_history_is_capped() {
        let mut state = start();
        for i in 0..(UNDO_STEPS + 50) {
            state = edit(
                &state,
                ScenarioEdit::AddOption {
                    title: format!("O{i}"),
                },
            );
        }
        assert_eq!(state.history[&state.active].past.len(), UNDO_STEPS);
        let undone = state.reduce(Action::Undo).unwrap();
        assert!(undone.can_redo());
        let edited = edit(&undone, ScenarioEdit::Rename("X".into()));
        assert!(!edited.can_redo());
    }

    #[test]
    fn undo_right_after_deleting_a_scenario_brings_it_back() {
        let state = start().reduce(Action::NewScenario(id("two"))).unwrap();
        let state = edit(&state, ScenarioEdit::Rename("Two".into()));
        let deleted = state
            .reduce(Action::DeleteScenario {
                id: id("two"),
                replacement: id("x"),
            })
            .unwrap();
        assert!(deleted.can_undo());
        let back = deleted.reduce(Action::Undo).unwrap();
        assert_eq!(back.active, id("two"));
        assert_eq!(back.active_scenario().name, "Two");
        // Its own history survived the trip through the trash.
        let before_rename = back.reduce(Action::Undo).unwrap();
        assert_eq!(before_rename.active_scenario().name, "Untitled scenario");
    }

    #[test]
    fn undo_history_is_per_scenario() {
        let state = edit(&start(), ScenarioEdit::Rename("Demo edited".into()));
        let state = state.reduce(Action::NewScenario(id("two"))).unwrap();
        assert!(!state.can_undo(), "the new scenario has nothing to undo");
        let state = state.reduce(Action::SelectScenario(id("demo"))).unwrap();
        assert_eq!(
            state.reduce(Action::Undo).unwrap().active_scenario().name,
            "Enterprise onboarding"
        );
    }

    #[test]
    fn another_tabs_version_replaces_mine_and_mine_stays_one_undo_away() {
        let state = start();
        let mut theirs = Scenario::clone(state.active_scenario());
        theirs.name = "Edited in the other tab".into();
        let state = state
            .reduce(Action::ChangedElsewhere(Rc::new(theirs.clone())))
            .unwrap();
        assert_eq!(state.active_scenario().name, "Edited in the other tab");
        assert_eq!(
            state.reduce(Action::ChangedElsewhere(Rc::new(theirs))),
            None,
            "same version: nothing to do"
        );
        let back = state.reduce(Action::Undo).unwrap();
        assert_eq!(back.active_scenario().name, "Enterprise onboarding");
    }

    #[test]
    fn keeping_mine_keeps_theirs_one_undo_away() {
        let state = start();
        let mut theirs = Scenario::clone(state.active_scenario());
        theirs.name = "Theirs".into();
        let state = state.reduce(Action::KeepMine(Rc::new(theirs))).unwrap();
        assert_eq!(state.active_scenario().name, "Enterprise onboarding");
        assert_eq!(
            state.reduce(Action::Undo).unwrap().active_scenario().name,
            "Theirs"
        );
    }

    #[test]
    fn a_scenario_made_in_another_tab_is_added() {
        let state = start();
        let mut other = Scenario::clone(state.active_scenario());
        other.id = id("other");
        let state = state
            .reduce(Action::ChangedElsewhere(Rc::new(other)))
            .unwrap();
        assert_eq!(state.scenarios.len(), 2);
        assert_eq!(state.active, id("demo"));
    }

    #[test]
    fn a_deletion_in_another_tab_moves_the_scenario_to_the_trash_but_never_the_last_one() {
        let state = start().reduce(Action::NewScenario(id("two"))).unwrap();
        let state = state.reduce(Action::DeletedElsewhere(id("two"))).unwrap();
        assert_eq!(state.active, id("demo"));
        assert_eq!(state.trash[0].id, id("two"));
        assert_eq!(
            state.just_deleted, None,
            "no undo notice for another tab's deletion"
        );
        assert_eq!(state.reduce(Action::DeletedElsewhere(id("demo"))), None);
    }

    #[test]
    fn emptying_the_trash_deletes_for_good() {
        let state = start();
        let state = state
            .reduce(Action::NewScenario(id("second")))
            .unwrap()
            .reduce(Action::DeleteScenario {
                id: id("second"),
                replacement: id("spare"),
            })
            .unwrap();
        assert_eq!(state.trash.len(), 1);
        let emptied = state.reduce(Action::EmptyTrash).unwrap();
        assert!(emptied.trash.is_empty());
        assert_eq!(emptied.just_deleted, None);
        assert_eq!(emptied.reduce(Action::EmptyTrash), None);
        let one = state.reduce(Action::DeleteForGood(id("second"))).unwrap();
        assert!(one.trash.is_empty());
        assert_eq!(state.reduce(Action::DeleteForGood(id("other"))), None);
    }

    #[test]
    fn unique_names_count_up() {
        let taken = ["A", "A (2)"];
        assert_eq!(unique_name("A", taken.iter().copied()), "A (3)");
        assert_eq!(unique_name("B", taken.iter().copied()), "B");
    }
}
