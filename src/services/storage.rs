//! Local storage: loading once at start, saving what changed.

use crate::domain::ids::ScenarioId;
use crate::domain::scenario::Scenario;
use crate::domain::stored::{
    decode_index, decode_scenario, encode_index, encode_scenario, scenario_key, StoredIndex,
    INDEX_KEY, STORAGE_VERSION,
};
use crate::i18n::Lang;
use crate::state::State;
use std::collections::HashMap;
use std::rc::Rc;
use thiserror::Error;
use wasm_bindgen::JsCast;

/// Why saving or loading failed.
#[derive(Clone, Debug, PartialEq, Error)]
pub enum StorageError {
    /// The browser refuses local storage (disabled site data, some private modes).
    #[error("this browser does not allow storage here")]
    Unavailable,
    /// The quota is used up.
    #[error("this browser's storage is full")]
    Full,
}

/// What was found in storage at start.
pub struct Loaded {
    /// The state to start from.
    pub state: State,
    /// Scenario entries that could not be read, left untouched.
    pub unreadable: Vec<ScenarioId>,
}

fn local_storage() -> Result<web_sys::Storage, StorageError> {
    web_sys::window()
        .ok_or(StorageError::Unavailable)?
        .local_storage()
        .ok()
        .flatten()
        .ok_or(StorageError::Unavailable)
}

fn read(storage: &web_sys::Storage, key: &str) -> Option<String> {
    storage.get_item(key).ok().flatten()
}

fn lang_of(code: Option<&str>) -> Option<Lang> {
    Lang::ALL.into_iter().find(|l| Some(l.code()) == code)
}

/// Loads the stored scenarios; `Ok(None)` on first run.
pub fn load(browser_lang: Lang) -> Result<Option<Loaded>, StorageError> {
    let storage = local_storage()?;
    let Some(index_text) = read(&storage, INDEX_KEY) else {
        return Ok(None);
    };
    let index = decode_index(&index_text).unwrap_or_default();
    let load_all = |ids: &[ScenarioId], unreadable: &mut Vec<ScenarioId>| -> Vec<Rc<Scenario>> {
        ids.iter()
            .filter_map(|id| {
                let entry = read(&storage, &scenario_key(id)).map(|text| decode_scenario(&text));
                match entry {
                    Some(Ok(scenario)) if &scenario.id == id => Some(Rc::new(scenario)),
                    Some(_) => {
                        unreadable.push(id.clone());
                        None
                    }
                    None => None,
                }
            })
            .collect()
    };
    let mut unreadable = index.unreadable.clone();
    let scenarios = load_all(&index.order, &mut unreadable);
    let trash = load_all(&index.trash, &mut unreadable);
    if scenarios.is_empty() && unreadable.is_empty() && trash.is_empty() {
        return Ok(None);
    }
    let lang = lang_of(index.lang.as_deref()).unwrap_or(browser_lang);
    let state = if scenarios.is_empty() {
        let mut fresh = State::first_run(crate::services::clock::new_scenario_id(), lang);
        fresh.trash = trash;
        fresh
    } else {
        let active = index.active.unwrap_or_else(|| scenarios[0].id.clone());
        State::with_scenarios(scenarios, active, trash, lang)
    };
    Ok(Some(Loaded { state, unreadable }))
}

/// Writes what changed since the last save.
#[derive(Default)]
pub struct Saver {
    saved: HashMap<ScenarioId, Rc<Scenario>>,
    index: String,
    unreadable: Vec<ScenarioId>,
}

fn write(storage: &web_sys::Storage, key: &str, text: &str) -> Result<(), StorageError> {
    storage.set_item(key, text).map_err(|error| {
        let quota = error
            .dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.name()))
            .is_some_and(|name| {
                name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED"
            });
        if quota {
            StorageError::Full
        } else {
            StorageError::Unavailable
        }
    })
}

impl Saver {
    /// A saver that knows the state it was loaded with (nothing to write yet)
    /// and the entries it must never touch.
    pub fn new(loaded: &State, unreadable: Vec<ScenarioId>) -> Self {
        let saved = loaded
            .scenarios
            .iter()
            .chain(&loaded.trash)
            .map(|s| (s.id.clone(), s.clone()))
            .collect();
        Saver {
            saved,
            index: String::new(),
            unreadable,
        }
    }

    /// Whether `state` holds anything not yet written.
    pub fn is_dirty(&self, state: &State) -> bool {
        self.index != encode_index(&Self::index_of(state, &self.unreadable))
            || state
                .scenarios
                .iter()
                .chain(&state.trash)
                .any(|s| !self.saved.get(&s.id).is_some_and(|old| Rc::ptr_eq(old, s)))
    }

    fn index_of(state: &State, unreadable: &[ScenarioId]) -> StoredIndex {
        StoredIndex {
            version: STORAGE_VERSION,
            active: Some(state.active.clone()),
            order: state.scenarios.iter().map(|s| s.id.clone()).collect(),
            trash: state.trash.iter().map(|s| s.id.clone()).collect(),
            unreadable: unreadable.to_vec(),
            lang: Some(state.lang.code().to_owned()),
        }
    }

    /// Writes every scenario whose content changed, then the index, then drops
    /// entries of scenarios that fell out of the trash.
    pub fn save(&mut self, state: &State) -> Result<(), StorageError> {
        let storage = local_storage()?;
        for scenario in state.scenarios.iter().chain(&state.trash) {
            if self
                .saved
                .get(&scenario.id)
                .is_some_and(|old| Rc::ptr_eq(old, scenario))
            {
                continue;
            }
            write(
                &storage,
                &scenario_key(&scenario.id),
                &encode_scenario(scenario),
            )?;
            self.saved.insert(scenario.id.clone(), scenario.clone());
        }
        let index = encode_index(&Self::index_of(state, &self.unreadable));
        if index != self.index {
            write(&storage, INDEX_KEY, &index)?;
            self.index = index;
        }
        let kept: std::collections::HashSet<&ScenarioId> = state
            .scenarios
            .iter()
            .chain(&state.trash)
            .map(|s| &s.id)
            .collect();
        let gone: Vec<ScenarioId> = self
            .saved
            .keys()
            .filter(|id| !kept.contains(id))
            .cloned()
            .collect();
        for id in gone {
            // Only entries this tab wrote or loaded, never unreadable ones.
            let _ = storage.remove_item(&scenario_key(&id));
            self.saved.remove(&id);
        }
        Ok(())
    }
}
