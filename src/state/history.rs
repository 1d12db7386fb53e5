//! Undo and redo, per scenario (a short list: one entry per scenario touched). Each step is a whole earlier version;
//! versions share every unchanged option, so a step costs little.

use crate::domain::model::ids::ScenarioId;
use crate::domain::model::scenario::{EditedField, Scenario};
use std::rc::Rc;

/// How many undo steps are kept per scenario.
pub const UNDO_STEPS: usize = 200;

/// One scenario's undo and redo steps.
#[derive(Clone, Debug, Default, PartialEq)]
struct Steps {
    past: Vec<Rc<Scenario>>,
    future: Vec<Rc<Scenario>>,
    /// The field the newest step edited: further edits to it join that step.
    open_field: Option<EditedField>,
}

/// The undo and redo steps of every scenario touched in this visit.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct History(Vec<(ScenarioId, Steps)>);

impl History {
    fn steps(&self, id: &ScenarioId) -> Option<&Steps> {
        self.0.iter().find(|(s, _)| s == id).map(|(_, steps)| steps)
    }

    fn steps_mut(&mut self, id: &ScenarioId) -> Option<&mut Steps> {
        self.0
            .iter_mut()
            .find(|(s, _)| s == id)
            .map(|(_, steps)| steps)
    }

    fn steps_or_new(&mut self, id: &ScenarioId) -> &mut Steps {
        match self.0.iter().position(|(s, _)| s == id) {
            Some(i) => &mut self.0[i].1,
            None => {
                self.0.push((id.clone(), Steps::default()));
                let last = self.0.len() - 1;
                &mut self.0[last].1
            }
        }
    }

    /// Records `before` as the version an edit of `field` replaced. The redo
    /// steps go; a run of edits to one field (typing) is one step.
    pub fn record(&mut self, id: &ScenarioId, before: Rc<Scenario>, field: Option<EditedField>) {
        let steps = self.steps_or_new(id);
        steps.future.clear();
        if field.is_none() || steps.open_field != field {
            steps.past.push(before);
            if steps.past.len() > UNDO_STEPS {
                steps.past.remove(0);
            }
        }
        steps.open_field = field;
    }

    /// Keeps `version` one Undo away, as its own step, without dropping the
    /// redo steps: a version that another tab replaced, or that the user chose against.
    pub fn keep(&mut self, id: &ScenarioId, version: Rc<Scenario>) {
        let steps = self.steps_or_new(id);
        steps.past.push(version);
        steps.open_field = None;
    }

    /// The version before `current`, which becomes a redo step.
    pub fn undo(&mut self, id: &ScenarioId, current: Rc<Scenario>) -> Option<Rc<Scenario>> {
        let steps = self.steps_mut(id)?;
        let earlier = steps.past.pop()?;
        steps.future.push(current);
        steps.open_field = None;
        Some(earlier)
    }

    /// The version Undo took back, with `current` becoming an undo step again.
    pub fn redo(&mut self, id: &ScenarioId, current: Rc<Scenario>) -> Option<Rc<Scenario>> {
        let steps = self.steps_mut(id)?;
        let later = steps.future.pop()?;
        steps.past.push(current);
        steps.open_field = None;
        Some(later)
    }

    /// Ends the open step, so that the next edit is a step of its own
    /// (after switching scenarios, say).
    pub fn close_step(&mut self, id: &ScenarioId) {
        if let Some(steps) = self.steps_mut(id) {
            steps.open_field = None;
        }
    }

    /// Whether Undo would do something for this scenario.
    pub fn can_undo(&self, id: &ScenarioId) -> bool {
        self.steps(id).is_some_and(|s| !s.past.is_empty())
    }

    /// Whether Redo would do something for this scenario.
    pub fn can_redo(&self, id: &ScenarioId) -> bool {
        self.steps(id).is_some_and(|s| !s.future.is_empty())
    }

    /// How many undo steps this scenario has.
    pub fn undo_steps(&self, id: &ScenarioId) -> usize {
        self.steps(id).map_or(0, |s| s.past.len())
    }
}
