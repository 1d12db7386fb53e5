//! The app's one state, its one `Action` enum and the pure reducer.
//! Nothing here touches the browser; effects live in `services` and `hooks`.

mod history;
mod intake;
mod notice;
mod round;
mod workspace;

use crate::domain::formats::sheet_import::paste;
pub use history::{History, UNDO_STEPS};
pub use intake::{column_name, take, BroughtIn, SheetAction, SheetDesk, SheetWords};
pub use notice::{Busy, Done, Notice, NoticeKey, Notices};
pub use round::{HotSeat, RoundAction, RoundDesk, Said, QUEUE_SHOWN};
pub use workspace::{unique_name, Workspace, TRASH_SIZE};

use crate::domain::model::demo::{demo_rice, demo_scenario};
use crate::domain::model::ids::{OptionId, ScenarioId};
use crate::domain::model::presets::{preset_scenario, Preset};
use crate::domain::model::scenario::{Scenario, ScenarioEdit};
use crate::domain::scoring::rank;
use crate::i18n::Lang;
use std::rc::Rc;

/// What the page shows.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Screen {
    /// The user's own scenario, editable.
    #[default]
    Edit,
    /// A scenario opened from a share link, read-only, instead of the user's
    /// own until they save a copy or go back. Never stored.
    Shared {
        /// The scenario the link carries.
        scenario: Rc<Scenario>,
        /// Whether its inputs are shown (a big scenario has thousands of
        /// fields, so the view opens on the ranking).
        inputs_open: bool,
    },
}

/// The share panel: open or not, how its link opens, what was copied.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ShareState {
    /// Whether the panel is open.
    pub open: bool,
    /// Whether the link opens in the presentation view.
    pub presenting: bool,
    /// The link last copied, and whether the clipboard took it.
    pub copied: Option<(String, bool)>,
}

/// Everything the UI shows.
#[derive(Clone, Debug, PartialEq)]
pub struct State {
    /// The user's own scenarios.
    pub workspace: Workspace,
    /// Undo and redo steps per scenario (kept for this visit only).
    pub history: History,
    /// What the page shows.
    pub screen: Screen,
    /// What the page tells the user.
    pub notices: Notices,
    /// UI language.
    pub lang: Lang,
    /// The option whose score breakdown is open.
    pub selected: Option<OptionId>,
    /// The option the open breakdown is compared with.
    pub compare: Option<OptionId>,
    /// Whether the presentation view is on.
    pub presenting: bool,
    /// Whether the list of keyboard shortcuts is open.
    pub help_open: bool,
    /// The share panel.
    pub share: ShareState,
    /// Whether the less frequent tools are unfolded (behind "More" on a phone).
    pub tools_open: bool,
    /// The facilitator's desk for group scoring on the open scenario.
    pub round: Rc<RoundDesk>,
    /// A sheet being brought into the open scenario, while its mapping is checked.
    pub intake: Option<Rc<SheetDesk>>,
}

/// One user intent.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// An edit of the active scenario.
    Edit(ScenarioEdit),
    /// Adds an empty scenario with the default criteria and opens it.
    NewScenario(ScenarioId),
    /// Adds an empty scenario on a framework's criteria (RICE, WSJF…) and opens it.
    NewFromPreset(ScenarioId, Preset),
    /// Adds the demo scored with RICE and opens it.
    OpenRiceDemo(ScenarioId),
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
    /// Shows a notice (in place of one of the same kind).
    Notify(Notice),
    /// Takes a notice away.
    Dismiss(NoticeKey),
    /// Opens (or closes, with `None`) an option's score breakdown.
    SelectOption(Option<OptionId>),
    /// Compares the open breakdown's option with another (or stops, with `None`).
    CompareWith(Option<OptionId>),
    /// Opens the breakdown of the option `n` places further down the ranking
    /// (up, when negative); with none open, of the first (or the last).
    Step(i32),
    /// Switches the presentation view on or off.
    Present(bool),
    /// Opens or closes the list of keyboard shortcuts.
    Help(bool),
    /// Opens or closes the share panel.
    Share(bool),
    /// Makes the share link open in the presentation view, or not.
    SharePresenting(bool),
    /// The share link was copied to the clipboard (`true`) or refused.
    LinkCopied(String, bool),
    /// Unfolds or folds the less frequent tools (behind "More" on a phone).
    Tools(bool),
    /// Closes what is open on top: the shortcuts, the share panel, a sheet's
    /// desk (nothing brought in), the presentation view, the comparison, the
    /// breakdown (in that order).
    Escape,
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
    /// Another tab brought this scenario back from the trash: list it here
    /// too (at the end; the open scenario stays open).
    RestoredElsewhere(ScenarioId),
    /// Another tab deleted this scenario of the trash for good: here too.
    PurgedElsewhere(ScenarioId),
    /// Shows a scenario from a share link, read-only; the user's own stay as they are.
    OpenShared(Rc<Scenario>),
    /// Shows the inputs of the shared scenario.
    ShowSharedInputs,
    /// Leaves the shared scenario and shows the user's own again.
    CloseShared,
    /// Adds the shared scenario to the user's own (a taken name gets a suffix) and opens it.
    SaveSharedCopy,
    /// Adds a scenario read from a file (a taken name gets a suffix) and opens it.
    Import(Rc<Scenario>),
    /// Something the facilitator does at the group-scoring desk.
    Round(RoundAction),
    /// Something done at the desk where a sheet is brought in.
    Sheet(SheetAction),
}

impl State {
    /// The first-run state: the demo scenario in the user's language.
    pub fn first_run(id: ScenarioId, lang: Lang) -> Self {
        let demo = demo_scenario(id.clone(), &lang.texts().demo);
        Self::new(Workspace::new(vec![Rc::new(demo)], id, Vec::new()), lang)
    }

    /// The state of a loaded workspace, on the editing screen.
    pub fn new(workspace: Workspace, lang: Lang) -> Self {
        State {
            workspace,
            history: History::default(),
            screen: Screen::Edit,
            notices: Notices::default(),
            lang,
            selected: None,
            compare: None,
            presenting: false,
            help_open: false,
            share: ShareState::default(),
            tools_open: false,
            round: Rc::default(),
            intake: None,
        }
    }

    /// The scenario on screen: the shared one while it is open, else the active one.
    pub fn shown(&self) -> &Rc<Scenario> {
        match &self.screen {
            Screen::Shared { scenario, .. } => scenario,
            Screen::Edit => self.workspace.active_scenario(),
        }
    }

    /// The shared scenario, while one is open.
    pub fn shared(&self) -> Option<&Rc<Scenario>> {
        match &self.screen {
            Screen::Shared { scenario, .. } => Some(scenario),
            Screen::Edit => None,
        }
    }

    /// Whether Undo would do something.
    pub fn can_undo(&self) -> bool {
        self.notices.just_deleted().is_some() || self.history.can_undo(&self.workspace.active)
    }

    /// Whether Redo would do something.
    pub fn can_redo(&self) -> bool {
        self.history.can_redo(&self.workspace.active)
    }

    /// Adds `scenario` to the user's own and opens it on the editing screen.
    fn adopt(&mut self, scenario: Rc<Scenario>) -> Option<()> {
        self.workspace.adopt(scenario)?;
        self.screen = Screen::Edit;
        self.selected = None;
        self.notices.dismiss(&NoticeKey::Deleted);
        Some(())
    }

    /// Replaces the active scenario by `version` (from the undo or redo stack).
    fn put_active(&mut self, version: Rc<Scenario>) {
        self.workspace.replace(version);
        self.drop_stale_selection();
    }

    /// Closes the breakdown of an option the open scenario no longer has.
    fn drop_stale_selection(&mut self) {
        let selected = self.selected;
        if selected.is_some_and(|id| !self.shown().options.iter().any(|o| o.id == id)) {
            self.selected = None;
        }
    }

    /// Adds `scenario` to the list and opens it.
    fn open_new(&mut self, scenario: Scenario) {
        self.workspace.active = scenario.id.clone();
        self.workspace.scenarios.push(Rc::new(scenario));
        self.selected = None;
    }

    fn empty_scenario(&self, id: ScenarioId, preset: Preset) -> Scenario {
        let t = self.lang.texts();
        let name = self.workspace.free_name(t.bar.untitled_scenario);
        preset_scenario(id, name, preset, t.demo.criteria, t.presets.names)
    }

    /// The state after `action`, or `None` when nothing changes.
    pub fn reduce(&self, action: Action) -> Option<State> {
        let mut next = self.apply(action)?;
        // The desks belong to the scenario they were used on.
        if next.workspace.active != self.workspace.active {
            next.round = Rc::default();
            next.intake = None;
        }
        // A comparison belongs to the open breakdown and to options that exist.
        let shown = next.shown();
        let exists =
            |id: Option<OptionId>| id.is_some_and(|id| shown.options.iter().any(|o| o.id == id));
        if next.selected != self.selected || !exists(next.compare) || next.compare == next.selected
        {
            next.compare = None;
        }
        Some(next)
    }

    /// The option `delta` places from the open one in the ranking.
    fn step(&self, delta: i32) -> Option<OptionId> {
        let ranking = rank(self.shown());
        let order: Vec<OptionId> = ranking.rows.iter().map(|row| row.id).collect();
        let last = order.len().checked_sub(1)?;
        let at = match self
            .selected
            .and_then(|id| order.iter().position(|&o| o == id))
        {
            Some(at) => at.saturating_add_signed(delta as isize).min(last),
            None if delta < 0 => last,
            None => 0,
        };
        order.get(at).copied()
    }

    fn apply(&self, action: Action) -> Option<State> {
        let mut next = self.clone();
        match action {
            Action::Edit(_) | Action::Undo | Action::Redo if self.shared().is_some() => {
                return None
            }
            Action::OpenShared { .. }
            | Action::ShowSharedInputs
            | Action::CloseShared
            | Action::SaveSharedCopy
            | Action::Import { .. } => self.apply_shared(&mut next, action)?,
            Action::Edit { .. } | Action::Undo | Action::Redo => {
                self.apply_edit(&mut next, action)?
            }
            Action::NewScenario { .. }
            | Action::NewFromPreset { .. }
            | Action::OpenRiceDemo { .. }
            | Action::SelectScenario { .. }
            | Action::DuplicateScenario { .. }
            | Action::DeleteScenario { .. }
            | Action::RestoreScenario { .. }
            | Action::EmptyTrash
            | Action::DeleteForGood { .. } => self.apply_workspace(&mut next, action)?,
            Action::Notify { .. }
            | Action::Dismiss { .. }
            | Action::SelectOption { .. }
            | Action::CompareWith { .. }
            | Action::Step { .. }
            | Action::Present { .. }
            | Action::Help { .. }
            | Action::Share { .. }
            | Action::SharePresenting { .. }
            | Action::LinkCopied { .. }
            | Action::Tools { .. }
            | Action::Escape
            | Action::SetLang { .. } => self.apply_view(&mut next, action)?,
            Action::ChangedElsewhere { .. }
            | Action::DeletedElsewhere { .. }
            | Action::RestoredElsewhere { .. }
            | Action::PurgedElsewhere { .. }
            | Action::KeepMine { .. } => self.apply_elsewhere(&mut next, action)?,
            Action::Round(action) => return self.apply_round(action),
            Action::Sheet(action) => return self.apply_sheet(action),
        }
        Some(next)
    }

    /// The desk where a sheet is brought in; taking it is one edit of the
    /// open scenario (one Undo step), said with how the ranking moved.
    fn apply_sheet(&self, action: SheetAction) -> Option<State> {
        if self.shared().is_some() {
            return None;
        }
        let titles = [Lang::En.table_titles(), Lang::De.table_titles()];
        let own = [
            Lang::En.table_texts(&titles[0]),
            Lang::De.table_texts(&titles[1]),
        ];
        let words = SheetWords {
            own: &own,
            column: self.lang.texts().intake.column,
            style: self.lang.number_style(),
        };
        let scenario = self.workspace.active_scenario();
        let mut next = self.clone();
        match action {
            SheetAction::Open(file, sheet, memory) => {
                let desk = SheetDesk::open(file, sheet, scenario, &words, &memory);
                next.intake = Some(Rc::new(desk));
            }
            SheetAction::Take => {
                let desk = self.intake.as_ref()?;
                let (edit, brought) = take(scenario, &desk.outcome(scenario), &desk.mapping);
                if let Some(edited) = self.reduce(Action::Edit(edit)) {
                    next = edited;
                }
                next.intake = None;
                next.notices.notify(Notice::Done(Done::BroughtIn(brought)));
            }
            SheetAction::Close => {
                self.intake.as_ref()?;
                next.intake = None;
            }
            SheetAction::Paste(text, at) => {
                let (outcome, mapping) =
                    paste(scenario, &text, &at, &own, words.column, words.style).ok()?;
                let (edit, brought) = take(scenario, &outcome, &mapping);
                if let Some(edited) = self.reduce(Action::Edit(edit)) {
                    next = edited;
                }
                let brought = BroughtIn {
                    pasted: true,
                    ..brought
                };
                next.notices.notify(Notice::Done(Done::BroughtIn(brought)));
            }
            action => {
                let desk = self.intake.as_ref()?.apply(action, &words)?;
                next.intake = Some(Rc::new(desk));
            }
        }
        Some(next)
    }

    /// The group-scoring desk, and the edit of the open scenario it makes
    /// (one Undo step, like any edit).
    fn apply_round(&self, action: RoundAction) -> Option<State> {
        if self.shared().is_some() {
            return None;
        }
        let fit_names = self.lang.fit_names();
        let names = fit_names.each_ref().map(String::as_str);
        let scenario = self.workspace.active_scenario();
        let (desk, edit) = self.round.apply(scenario, action, &names)?;
        let mut next = match edit {
            Some(edit) => self
                .reduce(Action::Edit(edit))
                .unwrap_or_else(|| self.clone()),
            None => self.clone(),
        };
        next.round = Rc::new(desk);
        Some(next)
    }

    /// A shared scenario opened, shown, closed or kept; a file imported.
    fn apply_shared(&self, next: &mut State, action: Action) -> Option<()> {
        match action {
            Action::OpenShared(scenario) => {
                next.screen = Screen::Shared {
                    scenario,
                    inputs_open: false,
                };
                next.selected = None;
            }
            Action::ShowSharedInputs => match &mut next.screen {
                Screen::Shared { inputs_open, .. } if !*inputs_open => *inputs_open = true,
                _ => return None,
            },
            Action::CloseShared => {
                self.shared()?;
                next.screen = Screen::Edit;
                next.selected = None;
            }
            Action::SaveSharedCopy => {
                let shared = self.shared()?.clone();
                next.adopt(shared)?;
            }
            Action::Import(scenario) => next.adopt(scenario)?,
            // Every other action is another part's (sorted out by `apply`).
            _ => {}
        }
        Some(())
    }

    /// An edit of the open scenario, undone or redone.
    fn apply_edit(&self, next: &mut State, action: Action) -> Option<()> {
        let active = self.workspace.active.clone();
        match action {
            Action::Edit(edit) => {
                let position = self.workspace.active_position()?;
                let before = self.workspace.scenarios[position].clone();
                let field = edit.field();
                let switched = match edit {
                    ScenarioEdit::SetInputKind(id, _) => Some(id),
                    _ => None,
                };
                let scenario = Rc::make_mut(&mut next.workspace.scenarios[position]);
                if !scenario.apply(edit).unwrap_or(false) {
                    return None;
                }
                if let Some(id) = switched {
                    let count = before.value_count(id) - scenario.value_count(id);
                    if count > 0 {
                        let criterion = before.criterion(id).map(|c| c.name.clone());
                        next.notices.notify(Notice::Done(Done::ValuesCleared {
                            criterion: criterion.unwrap_or_default(),
                            count,
                        }));
                    }
                }
                next.history.record(&active, before, field);
                next.notices.dismiss(&NoticeKey::Deleted);
                next.drop_stale_selection();
            }
            Action::Undo => {
                if let Some(id) = self.notices.just_deleted() {
                    *next = self.reduce(Action::RestoreScenario(id.clone()))?;
                    return Some(());
                }
                let current = self.workspace.active_scenario().clone();
                let earlier = next.history.undo(&active, current)?;
                next.put_active(earlier);
            }
            Action::Redo => {
                let current = self.workspace.active_scenario().clone();
                let later = next.history.redo(&active, current)?;
                next.put_active(later);
            }
            // Every other action is another part's (sorted out by `apply`).
            _ => {}
        }
        Some(())
    }

    /// The list of scenarios: new, switched to, copied, deleted, restored.
    fn apply_workspace(&self, next: &mut State, action: Action) -> Option<()> {
        let active = self.workspace.active.clone();
        match action {
            Action::NewScenario(id) => {
                *next = self.reduce(Action::NewFromPreset(id, Preset::WeightedScore))?;
            }
            Action::NewFromPreset(id, _) | Action::OpenRiceDemo(id)
                if self.workspace.id_taken(&id) =>
            {
                return None;
            }
            Action::NewFromPreset(id, preset) => next.open_new(self.empty_scenario(id, preset)),
            Action::OpenRiceDemo(id) => {
                let t = self.lang.texts();
                let mut demo = demo_rice(id, &t.demo, t.presets.names);
                demo.name = self.workspace.free_name(&demo.name);
                next.open_new(demo);
            }
            Action::SelectScenario(id) => {
                if id == active || !self.workspace.scenarios.iter().any(|s| s.id == id) {
                    return None;
                }
                next.history.close_step(&id);
                next.workspace.active = id;
                next.selected = None;
            }
            Action::DuplicateScenario(id) => {
                if self.workspace.id_taken(&id) {
                    return None;
                }
                let mut copy = Scenario::clone(self.workspace.active_scenario());
                let base = format!("{} ({})", copy.name, self.lang.texts().bar.copy_suffix);
                copy.name = self.workspace.free_name(&base);
                copy.id = id.clone();
                let at = self.workspace.active_position().map_or(0, |p| p + 1);
                next.workspace.scenarios.insert(at, Rc::new(copy));
                next.workspace.active = id;
                next.selected = None;
            }
            Action::DeleteScenario { id, replacement } => {
                let position = self.workspace.scenarios.iter().position(|s| s.id == id)?;
                let last = self.workspace.scenarios.len() == 1;
                if last && self.workspace.id_taken(&replacement) {
                    return None;
                }
                next.workspace.trash_at(position);
                if last {
                    let fresh = next.empty_scenario(replacement.clone(), Preset::WeightedScore);
                    next.workspace.scenarios.push(Rc::new(fresh));
                    next.workspace.active = replacement;
                }
                if next.workspace.active != active {
                    next.selected = None;
                }
                next.notices.notify(Notice::Deleted(id));
            }
            Action::RestoreScenario(id) => {
                let position = self.workspace.trash.iter().position(|s| s.id == id)?;
                let restored = next.workspace.trash.remove(position);
                next.adopt(restored)?;
            }
            Action::EmptyTrash | Action::DeleteForGood(_) => {
                let trash = &mut next.workspace.trash;
                let before = trash.len();
                match &action {
                    Action::DeleteForGood(id) => trash.retain(|s| &s.id != id),
                    _ => trash.clear(),
                }
                if trash.len() == before {
                    return None;
                }
                let purged = next
                    .notices
                    .just_deleted()
                    .is_some_and(|id| next.workspace.scenario_or_deleted(id).is_none());
                if purged {
                    next.notices.dismiss(&NoticeKey::Deleted);
                }
            }
            // Every other action is another part's (sorted out by `apply`).
            _ => {}
        }
        Some(())
    }

    /// What the page shows: notices, the open breakdown, presenting, help, sharing, tools, language.
    fn apply_view(&self, next: &mut State, action: Action) -> Option<()> {
        match action {
            // A notice already shown, or one already gone, changes nothing.
            Action::Notify(notice) => return next.notices.notify(notice).then_some(()),
            Action::Dismiss(key) => return next.notices.dismiss(&key).then_some(()),
            Action::SelectOption(selected) if selected == self.selected => return None,
            Action::SelectOption(selected) => next.selected = selected,
            Action::CompareWith(other) if other == self.compare || self.selected.is_none() => {
                return None
            }
            Action::CompareWith(other) => next.compare = other,
            Action::Step(delta) => match self.step(delta) {
                Some(id) if Some(id) != self.selected => next.selected = Some(id),
                _ => return None,
            },
            Action::Present(on) if on == self.presenting => return None,
            Action::Present(on) => {
                next.presenting = on;
                next.help_open = false;
                // The breakdown column is never empty: #1's opens with the view.
                if on && next.selected.is_none() {
                    next.selected = rank(next.shown()).rows.first().map(|row| row.id);
                }
            }
            Action::Help(open) if open == self.help_open => return None,
            Action::Help(open) => next.help_open = open,
            Action::Share(open) if open == self.share.open => return None,
            Action::Share(open) => {
                next.share.open = open;
                next.share.copied = None;
            }
            Action::SharePresenting(on) => next.share.presenting = on,
            Action::LinkCopied(link, ok) => next.share.copied = Some((link, ok)),
            Action::Tools(open) if open == self.tools_open => return None,
            Action::Tools(open) => next.tools_open = open,
            Action::Escape => {
                if self.selected.is_none()
                    && !(self.help_open
                        || self.share.open
                        || self.presenting
                        || self.intake.is_some())
                {
                    return None;
                } else if self.help_open {
                    next.help_open = false;
                } else if self.share.open {
                    next.share.open = false;
                } else if self.intake.is_some() {
                    // A sheet not brought in: nothing changes.
                    next.intake = None;
                } else if self.presenting {
                    next.presenting = false;
                } else if self.compare.is_some() {
                    next.compare = None;
                } else {
                    next.selected = None;
                }
            }
            Action::SetLang(lang) => {
                if lang == self.lang {
                    return None;
                }
                next.lang = lang;
            }
            // Every other action is another part's (sorted out by `apply`).
            _ => {}
        }
        Some(())
    }

    /// What another tab did to the stored scenarios.
    fn apply_elsewhere(&self, next: &mut State, action: Action) -> Option<()> {
        let active = self.workspace.active.clone();
        match action {
            Action::ChangedElsewhere(theirs) => {
                let id = theirs.id.clone();
                let deleted = self.workspace.trash.iter().any(|s| s.id == id);
                match next.workspace.replace(theirs.clone()) {
                    Some(_) if deleted => {}
                    Some(mine) if *mine == *theirs => return None,
                    Some(mine) => {
                        next.history.keep(&id, mine);
                        next.drop_stale_selection();
                    }
                    None => next.workspace.scenarios.push(theirs),
                }
            }
            Action::DeletedElsewhere(id) => {
                let position = self.workspace.scenarios.iter().position(|s| s.id == id)?;
                if self.workspace.scenarios.len() == 1 {
                    return None;
                }
                next.workspace.trash_at(position);
                if next.workspace.active != active {
                    next.selected = None;
                }
            }
            Action::RestoredElsewhere(id) => {
                let position = self.workspace.trash.iter().position(|s| s.id == id)?;
                let restored = next.workspace.trash.remove(position);
                next.workspace.scenarios.push(restored);
            }
            Action::PurgedElsewhere(id) => {
                let position = self.workspace.trash.iter().position(|s| s.id == id)?;
                next.workspace.trash.remove(position);
            }
            Action::KeepMine(theirs) => next.history.keep(&theirs.id.clone(), theirs),
            // Every other action is another part's (sorted out by `apply`).
            _ => {}
        }
        Some(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::ids::CriterionId;

    fn id(text: &str) -> ScenarioId {
        ScenarioId::parse(text).unwrap()
    }

    fn start() -> State {
        State::first_run(id("demo"), Lang::En)
    }

    /// The open scenario's name after one Undo.
    fn undone_name(state: &State) -> String {
        let undone = state.reduce(Action::Undo).unwrap();
        undone.workspace.active_scenario().name.clone()
    }

    fn names(state: &State) -> Vec<&str> {
        state
            .workspace
            .scenarios
            .iter()
            .map(|s| s.name.as_str())
            .collect()
    }

    /// Deletes scenario "two" (the last one gets the replacement "x").
    fn delete_two(state: &State) -> State {
        state
            .reduce(Action::DeleteScenario {
                id: id("two"),
                replacement: id("x"),
            })
            .unwrap()
    }

    #[test]
    fn switching_cost_to_segment_fit_clears_its_values_in_one_undo_step_and_says_so() {
        use crate::domain::model::criterion::InputKind;
        let state = start();
        let before = state.workspace.active_scenario().clone();
        let cost = before.criteria[0].id;
        let edit = ScenarioEdit::SetInputKind(cost, InputKind::SegmentFit);
        let switched = state.reduce(Action::Edit(edit)).unwrap();
        assert_eq!(switched.workspace.active_scenario().value_count(cost), 0);
        let said = switched.notices.iter().any(|n| {
            matches!(n, Notice::Done(Done::ValuesCleared { criterion, count })
                if criterion == "Cost" && *count == 5)
        });
        assert!(said, "{:?}", switched.notices);
        let undone = switched.reduce(Action::Undo).unwrap();
        assert_eq!(**undone.workspace.active_scenario(), *before);
    }

    #[test]
    fn first_run_shows_the_ranked_demo() {
        let state = start();
        assert_eq!(state.workspace.scenarios.len(), 1);
        assert_eq!(
            state.workspace.active_scenario().name,
            "Enterprise onboarding"
        );
        assert_eq!(
            State::first_run(id("d"), Lang::De)
                .workspace
                .active_scenario()
                .name,
            "Onboarding für Großkunden"
        );
    }

    #[test]
    fn an_action_that_changes_nothing_returns_none() {
        let state = start();
        assert_eq!(state.reduce(Action::SelectScenario(id("demo"))), None);
        assert_eq!(state.reduce(Action::SetLang(Lang::En)), None);
        assert_eq!(state.reduce(Action::Dismiss(NoticeKey::Deleted)), None);
        let name = state.workspace.active_scenario().name.clone();
        assert_eq!(state.reduce(Action::Edit(ScenarioEdit::Rename(name))), None);
    }

    #[test]
    fn edits_change_only_the_active_scenario() {
        let state = start().reduce(Action::NewScenario(id("two"))).unwrap();
        assert_eq!(state.workspace.active, id("two"));
        assert_eq!(state.workspace.active_scenario().name, "Untitled scenario");
        assert!(state.workspace.active_scenario().options.is_empty());
        let state = state
            .reduce(Action::Edit(ScenarioEdit::Rename("Pricing".into())))
            .unwrap();
        assert_eq!(state.workspace.scenarios[0].name, "Enterprise onboarding");
        assert_eq!(state.workspace.scenarios[1].name, "Pricing");
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
        let names = names(&state);
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
        assert_eq!(viewing.workspace.scenarios, own.workspace.scenarios);
        assert_eq!(viewing.workspace.active, own.workspace.active);
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
        let names = names(&saved);
        assert_eq!(
            names,
            ["Enterprise onboarding", "Enterprise onboarding (2)"]
        );
        assert_eq!(saved.workspace.active, id("shared1"));
        assert_eq!(saved.shared(), None);
        assert_eq!(
            saved.workspace.scenarios[0],
            start().workspace.scenarios[0],
            "nothing overwritten"
        );
        assert_eq!(saved.reduce(Action::SaveSharedCopy), None);
    }

    #[test]
    fn an_import_becomes_a_new_scenario() {
        let state = start().reduce(Action::Import(shared("Pricing"))).unwrap();
        assert_eq!(state.workspace.scenarios.len(), 2);
        assert_eq!(state.workspace.active_scenario().name, "Pricing");
        assert_eq!(
            state.reduce(Action::Import(shared("Other"))),
            None,
            "ids are never reused"
        );
    }

    #[test]
    fn a_deleted_scenario_can_be_restored() {
        let state = start().reduce(Action::NewScenario(id("two"))).unwrap();
        let deleted = delete_two(&state);
        assert_eq!(deleted.workspace.scenarios.len(), 1);
        assert_eq!(deleted.workspace.active, id("demo"));
        assert_eq!(deleted.notices.just_deleted(), Some(&id("two")));
        let restored = deleted.reduce(Action::RestoreScenario(id("two"))).unwrap();
        assert_eq!(restored.workspace.scenarios.len(), 2);
        assert_eq!(restored.workspace.active, id("two"));
        assert!(restored.workspace.trash.is_empty());
    }

    #[test]
    fn deleting_the_last_scenario_leaves_an_empty_one() {
        let state = start()
            .reduce(Action::DeleteScenario {
                id: id("demo"),
                replacement: id("fresh"),
            })
            .unwrap();
        assert_eq!(state.workspace.scenarios.len(), 1);
        assert_eq!(state.workspace.active, id("fresh"));
        assert_eq!(state.workspace.trash[0].id, id("demo"));
    }

    #[test]
    fn removing_the_selected_option_closes_its_breakdown() {
        let state = start();
        let option = state.workspace.active_scenario().options[0].id;
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

    /// The demo's option ids, best first.
    fn ranked_ids(state: &State) -> Vec<OptionId> {
        rank(state.shown()).rows.iter().map(|row| row.id).collect()
    }

    #[test]
    fn presenting_opens_the_breakdown_of_number_one() {
        let state = start();
        let order = ranked_ids(&state);
        let presenting = state.reduce(Action::Present(true)).unwrap();
        assert_eq!(presenting.selected, Some(order[0]));
        let next = presenting.reduce(Action::Step(1)).unwrap();
        assert_eq!(next.selected, Some(order[1]), "↓ goes on to #2");
    }

    #[test]
    fn arrows_walk_the_ranking_and_stop_at_its_ends() {
        let state = start();
        let order = ranked_ids(&state);
        let state = state.reduce(Action::Step(1)).unwrap();
        assert_eq!(state.selected, Some(order[0]), "none open: the first");
        let state = state.reduce(Action::Step(2)).unwrap();
        assert_eq!(state.selected, Some(order[2]));
        let state = state.reduce(Action::Step(-1)).unwrap();
        assert_eq!(state.selected, Some(order[1]));
        let state = state.reduce(Action::Step(-5)).unwrap();
        assert_eq!(state.selected, Some(order[0]));
        assert_eq!(state.reduce(Action::Step(-1)), None, "already the first");
        let last = start().reduce(Action::Step(-1)).unwrap();
        assert_eq!(
            last.selected,
            order.last().copied(),
            "none open, up: the last"
        );
        let empty = start().reduce(Action::NewScenario(id("two"))).unwrap();
        assert_eq!(
            empty.reduce(Action::Step(1)),
            None,
            "no options, nothing to open"
        );
    }

    #[test]
    fn escape_closes_the_top_layer_first() {
        let state = start();
        let order = ranked_ids(&state);
        assert_eq!(state.reduce(Action::Escape), None, "nothing open");
        assert_eq!(
            state.reduce(Action::CompareWith(Some(order[1]))),
            None,
            "no breakdown"
        );
        let open = state
            .reduce(Action::SelectOption(Some(order[0])))
            .and_then(|s| s.reduce(Action::CompareWith(Some(order[1]))))
            .and_then(|s| s.reduce(Action::Present(true)))
            .and_then(|s| s.reduce(Action::Share(true)))
            .and_then(|s| s.reduce(Action::Help(true)))
            .unwrap();
        assert!(open.help_open && open.share.open && open.presenting);
        let s = open.reduce(Action::Escape).unwrap();
        assert!(!s.help_open && s.share.open && s.presenting);
        let s = s.reduce(Action::Escape).unwrap();
        assert!(!s.share.open && s.presenting);
        let s = s.reduce(Action::Escape).unwrap();
        assert!(!s.presenting);
        assert_eq!(s.compare, Some(order[1]));
        let s = s.reduce(Action::Escape).unwrap();
        assert_eq!((s.compare, s.selected), (None, Some(order[0])));
        let s = s.reduce(Action::Escape).unwrap();
        assert_eq!(s.selected, None);
    }

    #[test]
    fn a_comparison_ends_with_its_breakdown_or_its_option() {
        let state = start();
        let order = ranked_ids(&state);
        let comparing = state
            .reduce(Action::SelectOption(Some(order[0])))
            .and_then(|s| s.reduce(Action::CompareWith(Some(order[1]))))
            .unwrap();
        let other = comparing
            .reduce(Action::SelectOption(Some(order[2])))
            .unwrap();
        assert_eq!(other.compare, None, "another breakdown");
        let removed = edit(&comparing, ScenarioEdit::RemoveOption(order[1]));
        assert_eq!((removed.selected, removed.compare), (Some(order[0]), None));
        let itself = comparing
            .reduce(Action::CompareWith(Some(order[0])))
            .unwrap();
        assert_eq!(itself.compare, None, "never with itself");
    }

    fn edit(state: &State, edit: ScenarioEdit) -> State {
        state.reduce(Action::Edit(edit)).unwrap()
    }

    #[test]
    fn undo_and_redo_walk_through_every_kind_of_edit() {
        let start = start();
        let option = start.workspace.active_scenario().options[0].id;
        let cost = CriterionId::new(1);
        let edits = [
            ScenarioEdit::SetValue(option, cost, Some(99.0)),
            ScenarioEdit::AddOption {
                title: "New".into(),
            },
            ScenarioEdit::RemoveCriterion(CriterionId::new(2)),
            ScenarioEdit::SetDirection(
                cost,
                crate::domain::model::criterion::Direction::HigherIsBetter,
            ),
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
            assert_eq!(
                state.workspace.active_scenario(),
                expected.workspace.active_scenario()
            );
        }
        assert!(!state.can_undo());
        assert_eq!(state.reduce(Action::Undo), None);
        for expected in versions.iter().skip(1) {
            state = state.reduce(Action::Redo).unwrap();
            assert_eq!(
                state.workspace.active_scenario(),
                expected.workspace.active_scenario()
            );
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
        assert_eq!(state.workspace.active_scenario().name, "Pricing");
        let state = state.reduce(Action::Undo).unwrap();
        assert_eq!(
            state.workspace.active_scenario(),
            start.workspace.active_scenario()
        );
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
        assert_eq!(
            state.history.undo_steps(&state.workspace.active),
            UNDO_STEPS
        );
        let undone = state.reduce(Action::Undo).unwrap();
        assert!(undone.can_redo());
        let edited = edit(&undone, ScenarioEdit::Rename("X".into()));
        assert!(!edited.can_redo());
    }

    #[test]
    fn undo_right_after_deleting_a_scenario_brings_it_back() {
        let state = start().reduce(Action::NewScenario(id("two"))).unwrap();
        let state = edit(&state, ScenarioEdit::Rename("Two".into()));
        let deleted = delete_two(&state);
        assert!(deleted.can_undo());
        let back = deleted.reduce(Action::Undo).unwrap();
        assert_eq!(back.workspace.active, id("two"));
        assert_eq!(back.workspace.active_scenario().name, "Two");
        // Its own history survived the trip through the trash.
        let before_rename = back.reduce(Action::Undo).unwrap();
        assert_eq!(
            before_rename.workspace.active_scenario().name,
            "Untitled scenario"
        );
    }

    #[test]
    fn undo_history_is_per_scenario() {
        let state = edit(&start(), ScenarioEdit::Rename("Demo edited".into()));
        let state = state.reduce(Action::NewScenario(id("two"))).unwrap();
        assert!(!state.can_undo(), "the new scenario has nothing to undo");
        let state = state.reduce(Action::SelectScenario(id("demo"))).unwrap();
        assert_eq!(undone_name(&state), "Enterprise onboarding");
    }

    #[test]
    fn another_tabs_version_replaces_mine_and_mine_stays_one_undo_away() {
        let state = start();
        let mut theirs = Scenario::clone(state.workspace.active_scenario());
        theirs.name = "Edited in the other tab".into();
        let state = state
            .reduce(Action::ChangedElsewhere(Rc::new(theirs.clone())))
            .unwrap();
        assert_eq!(
            state.workspace.active_scenario().name,
            "Edited in the other tab"
        );
        assert_eq!(
            state.reduce(Action::ChangedElsewhere(Rc::new(theirs))),
            None,
            "same version: nothing to do"
        );
        let back = state.reduce(Action::Undo).unwrap();
        assert_eq!(
            back.workspace.active_scenario().name,
            "Enterprise onboarding"
        );
    }

    #[test]
    fn keeping_mine_keeps_theirs_one_undo_away() {
        let state = start();
        let mut theirs = Scenario::clone(state.workspace.active_scenario());
        theirs.name = "Theirs".into();
        let state = state.reduce(Action::KeepMine(Rc::new(theirs))).unwrap();
        assert_eq!(
            state.workspace.active_scenario().name,
            "Enterprise onboarding"
        );
        assert_eq!(undone_name(&state), "Theirs");
    }

    #[test]
    fn a_scenario_made_in_another_tab_is_added() {
        let state = start();
        let mut other = Scenario::clone(state.workspace.active_scenario());
        other.id = id("other");
        let state = state
            .reduce(Action::ChangedElsewhere(Rc::new(other)))
            .unwrap();
        assert_eq!(state.workspace.scenarios.len(), 2);
        assert_eq!(state.workspace.active, id("demo"));
    }

    #[test]
    fn a_deletion_in_another_tab_moves_the_scenario_to_the_trash_but_never_the_last_one() {
        let state = start().reduce(Action::NewScenario(id("two"))).unwrap();
        let state = state.reduce(Action::DeletedElsewhere(id("two"))).unwrap();
        assert_eq!(state.workspace.active, id("demo"));
        assert_eq!(state.workspace.trash[0].id, id("two"));
        assert_eq!(
            state.notices.just_deleted(),
            None,
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
        assert_eq!(state.workspace.trash.len(), 1);
        let emptied = state.reduce(Action::EmptyTrash).unwrap();
        assert!(emptied.workspace.trash.is_empty());
        assert_eq!(emptied.notices.just_deleted(), None);
        assert_eq!(emptied.reduce(Action::EmptyTrash), None);
        let one = state.reduce(Action::DeleteForGood(id("second"))).unwrap();
        assert!(one.workspace.trash.is_empty());
        assert_eq!(state.reduce(Action::DeleteForGood(id("other"))), None);
    }

    #[test]
    fn unique_names_count_up() {
        let taken = ["A", "A (2)"];
        assert_eq!(unique_name("A", taken.iter().copied()), "A (3)");
        assert_eq!(unique_name("B", taken.iter().copied()), "B");
    }

    fn conflict_about(n: &str) -> Notice {
        Notice::Conflict(crate::domain::saving::save::OtherVersion {
            theirs: shared(n),
            source: crate::domain::saving::save::OtherSource::Pending("tb".into()),
            base: None,
            clashes: Vec::new(),
        })
    }

    #[test]
    fn a_notice_replaces_the_one_of_its_kind_and_the_same_notice_changes_nothing() {
        let state = start()
            .reduce(Action::Notify(Notice::Done(Done::CopiedMarkdown)))
            .unwrap();
        let again = Action::Notify(Notice::Done(Done::CopiedMarkdown));
        assert_eq!(state.reduce(again), None);
        let state = state
            .reduce(Action::Notify(Notice::Done(Done::CopyFailed)))
            .unwrap();
        let shown: Vec<_> = state.notices.shown().collect();
        assert_eq!(shown, vec![&Notice::Done(Done::CopyFailed)]);
    }

    #[test]
    fn dismissing_takes_a_notice_away_once() {
        let state = start().reduce(Action::Notify(Notice::NewerData)).unwrap();
        let state = state.reduce(Action::Dismiss(NoticeKey::NewerData)).unwrap();
        assert_eq!(state.notices.iter().count(), 0);
        assert_eq!(state.reduce(Action::Dismiss(NoticeKey::NewerData)), None);
    }

    #[test]
    fn conflicts_wait_their_turn_one_at_a_time() {
        let mut notices = Notices::default();
        notices.notify(conflict_about("First"));
        notices.notify(Notice::UpdateReady);
        notices.notify(conflict_about("Second"));
        // Both are about the same scenario id: the second replaces the first.
        assert_eq!(notices.iter().count(), 2);
        assert_eq!(notices.first_conflict().unwrap().theirs.name, "Second");
        assert!(
            !conflict_about("x").dismissable(),
            "a conflict needs an answer"
        );
        assert!(!Notice::Busy(Busy::OpeningLink).dismissable());
        assert!(Notice::UpdateReady.dismissable());
    }

    #[test]
    fn deleting_shows_the_undo_notice_and_the_next_edit_ends_it() {
        let state = start().reduce(Action::NewScenario(id("two"))).unwrap();
        let deleted = delete_two(&state);
        assert!(deleted.can_undo(), "Undo brings the deleted scenario back");
        let edited = edit(&deleted, ScenarioEdit::Rename("Renamed".into()));
        assert_eq!(edited.notices.just_deleted(), None);
        assert_eq!(
            edited.workspace.trash[0].id,
            id("two"),
            "it stays in the trash"
        );
    }

    #[test]
    fn a_shared_scenario_opens_on_its_ranking_and_shows_its_inputs_when_asked() {
        let state = start()
            .reduce(Action::OpenShared(shared("Pricing")))
            .unwrap();
        assert!(matches!(
            state.screen,
            Screen::Shared {
                inputs_open: false,
                ..
            }
        ));
        let open = state.reduce(Action::ShowSharedInputs).unwrap();
        assert!(matches!(
            open.screen,
            Screen::Shared {
                inputs_open: true,
                ..
            }
        ));
        assert_eq!(open.reduce(Action::ShowSharedInputs), None);
        let back = open.reduce(Action::CloseShared).unwrap();
        assert_eq!(back.screen, Screen::Edit);
        assert_eq!(back.reduce(Action::ShowSharedInputs), None);
        assert_eq!(back.reduce(Action::CloseShared), None);
    }

    #[test]
    fn a_restore_ends_the_shared_view_and_the_undo_notice() {
        let state = start().reduce(Action::NewScenario(id("two"))).unwrap();
        let state = delete_two(&state)
            .reduce(Action::OpenShared(shared("Pricing")))
            .unwrap();
        let restored = state.reduce(Action::RestoreScenario(id("two"))).unwrap();
        assert_eq!(restored.screen, Screen::Edit);
        assert_eq!(restored.notices.just_deleted(), None);
        assert_eq!(restored.workspace.active, id("two"));
    }

    #[test]
    fn history_keeps_a_replaced_version_without_dropping_redo() {
        let mut history = History::default();
        let (a, b, c) = (shared("A"), shared("B"), shared("C"));
        let key = id("s");
        history.record(&key, a.clone(), None);
        assert_eq!(history.undo(&key, b.clone()), Some(a.clone()));
        history.keep(&key, c.clone());
        assert!(
            history.can_redo(&key),
            "keeping a version leaves redo alone"
        );
        assert_eq!(history.undo(&key, a.clone()), Some(c));
        assert_eq!(history.undo_steps(&id("other")), 0);
    }
}
