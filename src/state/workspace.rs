//! The user's own scenarios: the ones listed, the open one and the recently
//! deleted. This is what storage keeps.

use crate::domain::model::ids::ScenarioId;
use crate::domain::model::scenario::Scenario;
use std::rc::Rc;

/// How many deleted scenarios are kept for "Restore".
pub const TRASH_SIZE: usize = 20;

/// The user's scenarios.
#[derive(Clone, Debug, PartialEq)]
pub struct Workspace {
    /// The user's scenarios, in switcher order; never empty.
    pub scenarios: Vec<Rc<Scenario>>,
    /// The scenario being edited; always one of `scenarios`.
    pub active: ScenarioId,
    /// Recently deleted scenarios, newest first.
    pub trash: Vec<Rc<Scenario>>,
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

impl Workspace {
    /// A workspace of loaded scenarios; opens the first one when `active` is
    /// not among them. `scenarios` must not be empty.
    pub fn new(scenarios: Vec<Rc<Scenario>>, active: ScenarioId, trash: Vec<Rc<Scenario>>) -> Self {
        let active = if scenarios.iter().any(|s| s.id == active) {
            active
        } else {
            scenarios.first().map(|s| s.id.clone()).unwrap_or(active)
        };
        Workspace {
            scenarios,
            active,
            trash,
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

    /// Where the active scenario is in the list.
    pub fn active_position(&self) -> Option<usize> {
        self.scenarios.iter().position(|s| s.id == self.active)
    }

    /// The scenario with this id, whether listed or in the trash.
    pub fn scenario_or_deleted(&self, id: &ScenarioId) -> Option<&Rc<Scenario>> {
        self.scenarios
            .iter()
            .chain(&self.trash)
            .find(|s| &s.id == id)
    }

    /// Whether a listed or deleted scenario has this id.
    pub fn id_taken(&self, id: &ScenarioId) -> bool {
        self.scenario_or_deleted(id).is_some()
    }

    /// `name`, or `name (2)`, `name (3)`, … when one of the user's scenarios has it:
    /// the name a saved copy or an import gets.
    pub fn free_name(&self, name: &str) -> String {
        unique_name(name, self.scenarios.iter().map(|s| s.name.as_str()))
    }

    /// Adds `scenario` (shared, imported or restored) under a free name and
    /// opens it; `None` when its id is taken.
    pub fn adopt(&mut self, mut scenario: Rc<Scenario>) -> Option<()> {
        if self.id_taken(&scenario.id) {
            return None;
        }
        let name = self.free_name(&scenario.name);
        if name != scenario.name {
            Rc::make_mut(&mut scenario).name = name;
        }
        self.active = scenario.id.clone();
        self.scenarios.push(scenario);
        Some(())
    }

    /// Moves the listed scenario at `position` to the trash; the open one
    /// becomes its neighbour. The caller keeps the list non-empty.
    pub fn trash_at(&mut self, position: usize) {
        let removed = self.scenarios.remove(position);
        let id = removed.id.clone();
        self.trash.insert(0, removed);
        self.trash.truncate(TRASH_SIZE);
        if self.active == id && !self.scenarios.is_empty() {
            let neighbour = position.min(self.scenarios.len() - 1);
            self.active = self.scenarios[neighbour].id.clone();
        }
    }

    /// Replaces the scenario with the same id as `version`, listed or
    /// deleted; hands back the one replaced.
    pub fn replace(&mut self, version: Rc<Scenario>) -> Option<Rc<Scenario>> {
        let slot = self
            .scenarios
            .iter_mut()
            .chain(self.trash.iter_mut())
            .find(|s| s.id == version.id)?;
        Some(std::mem::replace(slot, version))
    }
}
