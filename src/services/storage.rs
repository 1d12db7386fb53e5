//! Local storage: loading once at start, saving what changed.

use crate::domain::ids::ScenarioId;
use crate::domain::scenario::Scenario;
use crate::domain::stored::{
    decode_index, decode_scenario, encode_index, encode_scenario, scenario_key, EntryError,
    StoredIndex, INDEX_KEY, SCENARIO_KEY_PREFIX, STORAGE_VERSION,
};
use crate::i18n::Lang;
use crate::state::State;
use std::collections::{BTreeSet, HashMap};
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
    /// Another tab changed this scenario since this tab last read it; holds that tab's text.
    #[error("another tab changed this scenario")]
    Conflict(ScenarioId, String),
}

/// A stored scenario entry that could not be read. It is left untouched.
#[derive(Clone, Debug, PartialEq)]
pub struct Unreadable {
    /// The scenario's id (from the key).
    pub id: ScenarioId,
    /// The stored text, for the user to download.
    pub raw: String,
    /// Why it could not be read.
    pub error: EntryError,
}

/// What was found in storage at start.
pub struct Loaded {
    /// The state to start from.
    pub state: State,
    /// Scenario entries that could not be read, left untouched.
    pub unreadable: Vec<Unreadable>,
    /// The stored text of every scenario read.
    pub texts: HashMap<ScenarioId, String>,
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

/// Ids of every scenario entry in storage, whatever the index says.
fn stored_ids(storage: &web_sys::Storage) -> Vec<ScenarioId> {
    let count = storage.length().unwrap_or(0);
    (0..count)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter_map(|key| {
            key.strip_prefix(SCENARIO_KEY_PREFIX)
                .and_then(ScenarioId::parse)
        })
        .collect()
}

fn lang_of(code: Option<&str>) -> Option<Lang> {
    Lang::ALL.into_iter().find(|l| Some(l.code()) == code)
}

/// Loads the stored scenarios; `Ok(None)` on first run. Entries the index does
/// not list (a damaged index, another tab's scenario) are found and kept too.
pub fn load(browser_lang: Lang) -> Result<Option<Loaded>, StorageError> {
    let storage = local_storage()?;
    let index_text = read(&storage, INDEX_KEY);
    let on_disk = stored_ids(&storage);
    if index_text.is_none() && on_disk.is_empty() {
        return Ok(None);
    }
    let index = index_text
        .as_deref()
        .and_then(|text| decode_index(text).ok())
        .unwrap_or_default();
    let listed: BTreeSet<&ScenarioId> = index
        .order
        .iter()
        .chain(&index.trash)
        .chain(&index.unreadable)
        .collect();
    let mut order = index.order.clone();
    order.extend(index.unreadable.iter().cloned());
    order.extend(on_disk.iter().filter(|id| !listed.contains(id)).cloned());

    let mut unreadable = Vec::new();
    let mut texts = HashMap::new();
    let mut load_all = |ids: &[ScenarioId]| -> Vec<Rc<Scenario>> {
        ids.iter()
            .filter_map(|id| {
                let raw = read(&storage, &scenario_key(id))?;
                match decode_scenario(&raw) {
                    Ok(scenario) if &scenario.id == id => {
                        texts.insert(id.clone(), raw);
                        Some(Rc::new(scenario))
                    }
                    Ok(_) => {
                        let error = EntryError::Damaged("its id does not match its key".to_owned());
                        unreadable.push(Unreadable {
                            id: id.clone(),
                            raw,
                            error,
                        });
                        None
                    }
                    Err(error) => {
                        unreadable.push(Unreadable {
                            id: id.clone(),
                            raw,
                            error,
                        });
                        None
                    }
                }
            })
            .collect()
    };
    let scenarios = load_all(&order);
    let trash = load_all(&index.trash);
    let lang = lang_of(index.lang.as_deref()).unwrap_or(browser_lang);
    let state = if scenarios.is_empty() {
        let mut fresh = State::first_run(crate::services::clock::new_scenario_id(), lang);
        fresh.trash = trash;
        fresh
    } else {
        let active = index.active.unwrap_or_else(|| scenarios[0].id.clone());
        State::with_scenarios(scenarios, active, trash, lang)
    };
    Ok(Some(Loaded {
        state,
        unreadable,
        texts,
    }))
}

/// How many bytes Kerze's entries take in local storage (UTF-16, as browsers count).
pub fn bytes_used() -> Option<usize> {
    let storage = local_storage().ok()?;
    let count = storage.length().ok()?;
    let used = (0..count)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|key| key.starts_with("kerze."))
        .map(|key| {
            let value = read(&storage, &key).map_or(0, |v| v.encode_utf16().count());
            2 * (key.encode_utf16().count() + value)
        })
        .sum();
    Some(used)
}

/// Writes what changed since the last save, and never over another tab's work:
/// before it writes a scenario it checks that storage still holds the text
/// this tab last saw there.
#[derive(Default)]
pub struct Saver {
    saved: HashMap<ScenarioId, Rc<Scenario>>,
    known: HashMap<ScenarioId, String>,
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
    /// A saver that knows what it loaded (nothing to write yet) and the
    /// entries it must never touch.
    pub fn new(loaded: &Loaded) -> Self {
        let state = &loaded.state;
        let saved = state
            .scenarios
            .iter()
            .chain(&state.trash)
            .map(|s| (s.id.clone(), s.clone()))
            .collect();
        Saver {
            saved,
            known: loaded.texts.clone(),
            index: String::new(),
            unreadable: loaded.unreadable.iter().map(|u| u.id.clone()).collect(),
        }
    }

    /// Whether `state` holds anything not yet written.
    pub fn is_dirty(&self, state: &State) -> bool {
        self.index != encode_index(&Self::index_of(state, &self.unreadable))
            || state
                .scenarios
                .iter()
                .chain(&state.trash)
                .any(|s| self.has_unsaved(s))
    }

    /// Whether this version of a scenario differs from what this tab last wrote or read.
    pub fn has_unsaved(&self, scenario: &Rc<Scenario>) -> bool {
        !self
            .saved
            .get(&scenario.id)
            .is_some_and(|old| Rc::ptr_eq(old, scenario))
    }

    /// Records a version another tab wrote (`text`) as the one in storage.
    pub fn accept_external(&mut self, scenario: &Rc<Scenario>, text: String) {
        self.saved.insert(scenario.id.clone(), scenario.clone());
        self.known.insert(scenario.id.clone(), text);
    }

    /// The user chose their own version over another tab's: the next save
    /// may replace `their_text`.
    pub fn overrule(&mut self, id: &ScenarioId, their_text: String) {
        self.saved.remove(id);
        self.known.insert(id.clone(), their_text);
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
            if !self.has_unsaved(scenario) {
                continue;
            }
            let key = scenario_key(&scenario.id);
            let stored = read(&storage, &key);
            if stored.is_some() && stored.as_ref() != self.known.get(&scenario.id) {
                return Err(StorageError::Conflict(
                    scenario.id.clone(),
                    stored.unwrap_or_default(),
                ));
            }
            let text = encode_scenario(scenario);
            write(&storage, &key, &text)?;
            self.saved.insert(scenario.id.clone(), scenario.clone());
            self.known.insert(scenario.id.clone(), text);
        }
        let index = encode_index(&Self::index_of(state, &self.unreadable));
        if index != self.index {
            write(&storage, INDEX_KEY, &index)?;
            self.index = index;
        }
        let kept: BTreeSet<&ScenarioId> = state
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
            self.known.remove(&id);
        }
        Ok(())
    }
}

/// Reads one scenario entry another tab wrote.
pub fn read_scenario(id: &ScenarioId) -> Option<(Rc<Scenario>, String)> {
    let text = read(&local_storage().ok()?, &scenario_key(id))?;
    let scenario = decode_scenario(&text).ok().filter(|s| &s.id == id)?;
    Some((Rc::new(scenario), text))
}

/// The scenario ids another tab's index lists, and those in its trash.
pub fn listed_ids(index_text: &str) -> (Vec<ScenarioId>, Vec<ScenarioId>) {
    decode_index(index_text)
        .map(|index| (index.order, index.trash))
        .unwrap_or_default()
}
