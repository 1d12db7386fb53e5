//! What the page starts from, read once before the app renders: the stored
//! workspace, the link in the address bar, and what to tell the user about them.

use crate::domain::formats::stored::EntryError;
use crate::domain::saving::save::{self, Saver};
use crate::hooks::SaveStatus;
use crate::i18n::Lang;
use crate::services::clock::{new_scenario_id, new_writer_id};
use crate::services::location::{browser_lang, scenario_from_address, wants_present};
use crate::services::storage;
use crate::state::{Action, Done, Notice, Screen, State, Workspace};

/// The start of a visit.
pub struct Boot {
    /// The state to start from, notices included.
    pub state: State,
    /// What storage holds, to save against.
    pub saver: Saver,
    /// Where saving stands.
    pub status: SaveStatus,
}

/// Reads storage and the address bar.
pub fn boot() -> Boot {
    let mut boot = from_storage();
    match scenario_from_address() {
        Some(Ok(scenario)) => {
            boot.state.screen = Screen::Shared {
                scenario,
                inputs_open: false,
            };
            if wants_present() {
                // As the Present button does: the view opens with #1's breakdown.
                if let Some(presenting) = boot.state.reduce(Action::Present(true)) {
                    boot.state = presenting;
                }
            }
        }
        Some(Err(error)) => {
            boot.state.notices.notify(Notice::LinkFailed(error));
        }
        None => {}
    }
    boot
}

fn from_storage() -> Boot {
    let lang = browser_lang();
    let writer = new_writer_id();
    let first_run = |status: SaveStatus| Boot {
        state: State::first_run(new_scenario_id(), lang),
        saver: Saver::fresh(&writer),
        status,
    };
    let loaded = match storage::open().and_then(|mut store| save::load(&mut store, &writer)) {
        Ok(Some(loaded)) => loaded,
        Ok(None) => return first_run(SaveStatus::Pending),
        Err(error) => return first_run(SaveStatus::Failed(error.into())),
    };
    let lang = Lang::ALL
        .into_iter()
        .find(|l| Some(l.code()) == loaded.lang.as_deref())
        .unwrap_or(lang);
    let mut state = if loaded.scenarios.is_empty() {
        State::first_run(new_scenario_id(), lang)
    } else {
        let active = loaded
            .active
            .unwrap_or_else(|| loaded.scenarios[0].id.clone());
        State::new(Workspace::new(loaded.scenarios, active, Vec::new()), lang)
    };
    state.workspace.trash = loaded.trash;
    let newer_data = loaded.newer_index
        || loaded
            .unreadable
            .iter()
            .any(|u| matches!(u.error, EntryError::FutureVersion(_)));
    if newer_data {
        state.notices.notify(Notice::NewerData);
    }
    if !loaded.unreadable.is_empty() {
        state.notices.notify(Notice::Unreadable(loaded.unreadable));
    }
    if !loaded.repaired.is_empty() {
        state
            .notices
            .notify(Notice::Done(Done::Repaired(loaded.repaired)));
    }
    for other in loaded.lost_writes {
        state.notices.notify(Notice::Conflict(other));
    }
    Boot {
        state,
        saver: loaded.saver,
        status: SaveStatus::Saved,
    }
}
