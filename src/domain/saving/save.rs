//! The rules of keeping scenarios in a key-value store (the browser's local
//! storage): what a load finds, what a save writes, when a write would
//! overwrite another tab's work, and what may be removed. Pure: the store is
//! a trait that only gets, sets, removes and lists keys, so every rule is
//! tested natively, two tabs and a full or lying store included.
//!
//! The promises kept here:
//! - "Saved" means written and read back equal.
//! - A write never replaces an entry another tab wrote since this tab last
//!   read it (each entry carries a [`Stamp`]); it reports a conflict instead.
//! - Nothing written by a newer Kerze is overwritten or removed.
//! - An entry is removed only when it still holds what this tab last saw.
//! - What a tab writes while its page closes also goes to a pending copy,
//!   kept until it is known to have landed: when two tabs close at once and
//!   one write replaces the other, the next load finds the lost one and asks.

use crate::domain::formats::stored::{
    decode_index, decode_repaired, decode_scenario, decode_stamped, encode_index, encode_scenario,
    parse_pending_key, pending_key, scenario_key, stamp_of, stored_version, EntryError, Stamp,
    StoredIndex, ENTRY_VERSION, INDEX_KEY, INDEX_VERSION, PENDING_KEY_PREFIX, SCENARIO_KEY_PREFIX,
};
use crate::domain::model::ids::ScenarioId;
use crate::domain::model::scenario::Scenario;
use crate::domain::saving::merge::{merge, Clash, Merged};
use std::collections::{HashMap, HashSet};
use std::rc::Rc;
use thiserror::Error;

/// Why the store refused a call.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Error)]
pub enum StoreError {
    /// The store cannot be used (disabled site data, some private modes).
    #[error("storage is not available")]
    Unavailable,
    /// The quota is used up.
    #[error("storage is full")]
    Full,
    /// The store answered with something that is not text.
    #[error("storage answered with something that is not text")]
    NotText,
}

/// A key-value store of text: the browser's local storage, or a map in tests.
pub trait Store {
    /// The text under `key`, `None` when there is none.
    fn get(&self, key: &str) -> Result<Option<String>, StoreError>;
    /// Puts `value` under `key`.
    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError>;
    /// Removes `key` (nothing when it is absent).
    fn remove(&mut self, key: &str) -> Result<(), StoreError>;
    /// Every key in the store.
    fn keys(&self) -> Result<Vec<String>, StoreError>;
}

/// Why a save did not complete; each is shown to the user in plain words.
#[derive(Clone, Debug, PartialEq, Error)]
pub enum SaveError {
    /// The browser refuses storage.
    #[error("this browser does not allow storage here")]
    Unavailable,
    /// The quota is used up.
    #[error("this browser's storage is full")]
    Full,
    /// What was written did not read back the same.
    #[error("this browser did not keep what was written")]
    NotKept,
    /// Another tab changed this scenario since this tab last read it; holds
    /// that tab's text.
    #[error("another tab changed this scenario")]
    Conflict(ScenarioId, String),
    /// A newer Kerze wrote this data; this one does not overwrite it.
    #[error("a newer version of Kerze saved this data")]
    NewerVersion,
    /// Another tab changed the list of scenarios since this tab last read
    /// it: this tab follows the change, then saves its list.
    #[error("another tab changed the list of scenarios")]
    ListChanged(IndexChange),
}

impl From<StoreError> for SaveError {
    fn from(error: StoreError) -> Self {
        match error {
            StoreError::Unavailable => SaveError::Unavailable,
            StoreError::Full => SaveError::Full,
            StoreError::NotText => SaveError::NotKept,
        }
    }
}

/// What a save writes: the user's scenarios, the trash, and the index fields.
#[derive(Clone, Copy, Debug)]
pub struct Snapshot<'a> {
    /// The scenarios in switcher order.
    pub scenarios: &'a [Rc<Scenario>],
    /// Recently deleted, newest first.
    pub trash: &'a [Rc<Scenario>],
    /// The open scenario.
    pub active: &'a ScenarioId,
    /// The UI language code.
    pub lang: &'a str,
}

impl Snapshot<'_> {
    fn all(&self) -> impl Iterator<Item = &Rc<Scenario>> {
        self.scenarios.iter().chain(self.trash)
    }
}

/// A stored entry that could not be read. It is left untouched.
#[derive(Clone, Debug, PartialEq)]
pub struct Unreadable {
    /// The scenario's id (from the key).
    pub id: ScenarioId,
    /// The stored text, for the user to download.
    pub raw: String,
    /// Why it could not be read.
    pub error: EntryError,
}

impl Unreadable {
    /// A name for the entry: its scenario name if the text still shows one,
    /// else its id.
    pub fn label(&self) -> String {
        serde_json::from_str::<serde_json::Value>(&self.raw)
            .ok()
            .and_then(|v| {
                v.get("scenario")
                    .and_then(|s| s.get("name"))
                    .and_then(serde_json::Value::as_str)
                    .map(str::to_owned)
            })
            .filter(|name| !name.trim().is_empty())
            .unwrap_or_else(|| self.id.to_string())
    }
}

/// Another version of a scenario that the user must choose about.
#[derive(Clone, Debug, PartialEq)]
pub struct OtherVersion {
    /// The other version.
    pub theirs: Rc<Scenario>,
    /// Where it comes from.
    pub source: OtherSource,
    /// The version both were edited from, when known: the choice is then
    /// only about the fields both changed ([`OtherVersion::clashes`]).
    pub base: Option<Rc<Scenario>>,
    /// The fields both versions changed differently (empty without a base).
    pub clashes: Vec<Clash>,
}

impl OtherVersion {
    /// The scenario the user gets by choosing: every change of both
    /// versions, and where both changed a field, `mine` or theirs as chosen.
    pub fn chosen(&self, mine: &Scenario, keep_mine: bool) -> Scenario {
        let theirs = &*self.theirs;
        match &self.base {
            Some(base) if keep_mine => merge(base, mine, theirs).scenario,
            Some(base) => merge(base, theirs, mine).scenario,
            None if keep_mine => mine.clone(),
            None => theirs.clone(),
        }
    }
}

/// Where another version of a scenario comes from.
#[derive(Clone, Debug, PartialEq)]
pub enum OtherSource {
    /// Another tab's entry, as stored now.
    Entry(String),
    /// A pending copy another tab wrote while closing, which a later write replaced.
    Pending(String),
}

/// What a load found in the store.
#[derive(Debug)]
pub struct Loaded {
    /// The readable scenarios, in order (never empty when anything was found).
    pub scenarios: Vec<Rc<Scenario>>,
    /// The readable scenarios in the trash.
    pub trash: Vec<Rc<Scenario>>,
    /// The scenario that was open.
    pub active: Option<ScenarioId>,
    /// The language code the user picked.
    pub lang: Option<String>,
    /// Entries that could not be read, left untouched.
    pub unreadable: Vec<Unreadable>,
    /// Scenarios that held values their criteria cannot hold: their names and
    /// how many values were dropped on reading.
    pub repaired: Vec<(String, usize)>,
    /// Versions written by tabs that closed at the same moment, which the user must choose about.
    pub lost_writes: Vec<OtherVersion>,
    /// A newer Kerze wrote the index: this one reads it and never rewrites it.
    pub newer_index: bool,
    /// How this tab saves from here on.
    pub saver: Saver,
}

/// What another tab's write of a scenario entry means for this tab.
#[derive(Clone, Debug, PartialEq)]
pub enum External {
    /// Nothing to do: this tab's own write, an entry it cannot read, the same
    /// version, or a scenario this tab does not hold that is gone.
    Nothing,
    /// The entry was removed while this tab lists the scenario: save again.
    WriteAgain,
    /// Show their version (this tab has nothing unsaved of it).
    Take(Rc<Scenario>),
    /// Both tabs changed it, different fields: show this merge of both
    /// (their version is recorded as stored; the merge is this tab's edit).
    Merged(Rc<Scenario>),
    /// Their tab purged it from its trash, which this tab holds it in: drop it here too.
    Purged,
    /// Both tabs changed it: the user chooses.
    Ask(OtherVersion),
}

/// What another tab's write of the index means for this tab.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct IndexChange {
    /// Deleted there, untouched here: delete here too.
    pub deleted: Vec<ScenarioId>,
    /// Listed there, unknown here: read their entries.
    pub added: Vec<ScenarioId>,
    /// Brought back from the trash there, still in the trash here: bring back here too.
    pub restored: Vec<ScenarioId>,
}

impl IndexChange {
    /// Whether the other tab's list changed nothing this tab must follow.
    pub fn is_empty(&self) -> bool {
        self.deleted.is_empty() && self.added.is_empty() && self.restored.is_empty()
    }
}

/// Writes what changed since the last save, and never over another tab's work.
#[derive(Debug, Default)]
pub struct Saver {
    /// This tab's id, written into every entry it writes.
    writer: String,
    /// The version of each scenario this tab last wrote or read.
    saved: HashMap<ScenarioId, Rc<Scenario>>,
    /// The text of each entry as this tab last wrote or read it: a write
    /// goes ahead only while the entry still holds exactly that.
    texts: HashMap<ScenarioId, String>,
    /// The index text this tab last wrote.
    index: String,
    /// Entries this tab cannot read: listed in the index, never touched.
    unreadable: Vec<ScenarioId>,
    /// A newer Kerze wrote the index: never write it. Holds the order and
    /// the trash as loaded; a change to either cannot be saved.
    index_frozen: Option<(Vec<ScenarioId>, Vec<ScenarioId>)>,
    /// Pending copies this tab wrote that are not yet known to have landed.
    pending: Vec<ScenarioId>,
    /// The version each of this tab's last writes was made from: when
    /// another tab replaces that write without building on it, the two
    /// versions are merged against it.
    bases: HashMap<ScenarioId, Rc<Scenario>>,
    /// Scenarios whose next write replaces another tab's version by the
    /// user's choice: written under that version's revision, so that the tab
    /// whose version it replaces learns of it.
    overruled: HashSet<ScenarioId>,
}

fn read_entry(store: &dyn Store, id: &ScenarioId) -> Result<Option<String>, StoreError> {
    store.get(&scenario_key(id))
}

/// Whether the text is an entry of a newer format than this build writes.
fn is_newer(text: &str) -> bool {
    stored_version(text).is_ok_and(|v| v > ENTRY_VERSION)
}

/// Reads everything Kerze keeps in `store`. `Ok(None)` when there is nothing
/// yet (first run). `writer` is this tab's id.
pub fn load(store: &mut dyn Store, writer: &str) -> Result<Option<Loaded>, StoreError> {
    let keys = store.keys()?;
    let index_text = match store.get(INDEX_KEY) {
        Ok(text) => text,
        Err(StoreError::NotText) => None,
        Err(error) => return Err(error),
    };
    let on_disk: Vec<ScenarioId> = keys
        .iter()
        .filter_map(|key| key.strip_prefix(SCENARIO_KEY_PREFIX))
        .filter_map(ScenarioId::parse)
        .collect();
    if index_text.is_none() && on_disk.is_empty() {
        return Ok(None);
    }
    let index = index_text
        .as_deref()
        .and_then(|text| decode_index(text).ok())
        .unwrap_or_default();
    let newer_index = index.version > INDEX_VERSION;
    let listed: HashSet<&ScenarioId> = index
        .order
        .iter()
        .chain(&index.trash)
        .chain(&index.unreadable)
        .collect();
    let mut order = index.order.clone();
    order.extend(index.unreadable.iter().cloned());
    order.extend(on_disk.iter().filter(|id| !listed.contains(id)).cloned());

    let mut saver = Saver {
        writer: writer.to_owned(),
        ..Saver::default()
    };
    let mut unreadable = Vec::new();
    let mut repaired = Vec::new();
    let mut read_all = |ids: &[ScenarioId], saver: &mut Saver| -> Vec<Rc<Scenario>> {
        let mut found = Vec::new();
        for id in ids {
            let raw = match read_entry(store, id) {
                Ok(Some(raw)) => raw,
                Ok(None) => continue,
                Err(_) => {
                    unreadable.push(Unreadable {
                        id: id.clone(),
                        raw: String::new(),
                        error: EntryError::Damaged("the browser returned no text".to_owned()),
                    });
                    saver.unreadable.push(id.clone());
                    continue;
                }
            };
            let error = match decode_repaired(&raw) {
                Ok((scenario, _, dropped)) if &scenario.id == id => {
                    let scenario = Rc::new(scenario);
                    if dropped == 0 {
                        saver.saved.insert(id.clone(), scenario.clone());
                    } else {
                        // Not what is stored: the next save writes the mended version.
                        repaired.push((scenario.name.clone(), dropped));
                    }
                    saver.texts.insert(id.clone(), raw);
                    found.push(scenario);
                    continue;
                }
                Ok(_) => EntryError::Damaged("its id does not match its key".to_owned()),
                Err(error) => error,
            };
            saver.unreadable.push(id.clone());
            unreadable.push(Unreadable {
                id: id.clone(),
                raw,
                error,
            });
        }
        found
    };
    let scenarios = read_all(&order, &mut saver);
    let trash = read_all(&index.trash, &mut saver);
    if newer_index {
        let ids = |list: &[Rc<Scenario>]| list.iter().map(|s| s.id.clone()).collect();
        saver.index_frozen = Some((ids(&scenarios), ids(&trash)));
    }
    if !newer_index {
        // What this tab read: another tab's later index is measured against it.
        saver.index = index_text.unwrap_or_default();
    }
    let lost_writes = saver.settle_pending_copies(store, &keys);
    Ok(Some(Loaded {
        scenarios,
        trash,
        active: index.active,
        lang: index.lang,
        unreadable,
        repaired,
        lost_writes,
        newer_index,
        saver,
    }))
}

impl Saver {
    /// A saver for a store that held nothing: everything is still to be written.
    pub fn fresh(writer: &str) -> Self {
        Saver {
            writer: writer.to_owned(),
            ..Saver::default()
        }
    }

    /// Whether this tab has found or written an index in storage (a first
    /// visit has not, until its first save).
    pub fn has_index(&self) -> bool {
        !self.index.is_empty()
    }

    /// Whether the snapshot holds anything not yet written.
    pub fn is_dirty(&self, snapshot: &Snapshot<'_>) -> bool {
        (self.index_frozen.is_none() && self.index != encode_index(&self.index_of(snapshot)))
            || snapshot.all().any(|s| self.has_unsaved(s))
    }

    /// Whether this version of a scenario differs from what this tab last wrote or read.
    pub fn has_unsaved(&self, scenario: &Rc<Scenario>) -> bool {
        !self
            .saved
            .get(&scenario.id)
            .is_some_and(|old| Rc::ptr_eq(old, scenario))
    }

    /// Records a version another tab wrote (`text`) as the one in the store.
    pub fn accept_external(&mut self, scenario: &Rc<Scenario>, text: &str) {
        self.saved.insert(scenario.id.clone(), scenario.clone());
        self.texts.insert(scenario.id.clone(), text.to_owned());
    }

    /// The user chose their own version over another's (`their_text`, the
    /// entry as stored now): the next save may replace it.
    pub fn overrule(&mut self, id: &ScenarioId, their_text: &str) {
        self.saved.remove(id);
        self.texts.insert(id.clone(), their_text.to_owned());
        self.overruled.insert(id.clone());
    }

    /// Another tab removed this scenario's entry while this tab still holds
    /// it: the next save writes it again.
    pub fn entry_removed(&mut self, id: &ScenarioId) {
        self.saved.remove(id);
        self.texts.remove(id);
        self.bases.remove(id);
        self.overruled.remove(id);
    }

    /// Whether this tab wrote the entry text.
    pub fn wrote(&self, text: &str) -> bool {
        stamp_of(text).is_some_and(|s| s.writer == self.writer)
    }

    /// Whether a storage event's new text for a scenario is a write that
    /// replaced this tab's own last write without building on it (both tabs
    /// wrote the same revision): this tab's version must then be offered.
    pub fn replaced_mine(&self, id: &ScenarioId, their_text: &str) -> bool {
        let mine = self.texts.get(id).and_then(|text| stamp_of(text));
        let (Some(mine), Some(theirs)) = (mine, stamp_of(their_text)) else {
            return false;
        };
        mine.writer == self.writer && theirs.writer != self.writer && theirs.rev <= mine.rev
    }

    /// A save stopped at another tab's entry `text` for `id`
    /// ([`SaveError::Conflict`]) while this tab holds `mine`: their version
    /// merged with this tab's, or the version the user must choose about,
    /// or nothing when the text is no readable version of it (the next save
    /// then writes this tab's over it).
    pub fn conflict(&mut self, id: &ScenarioId, text: &str, mine: &Rc<Scenario>) -> External {
        match decode_scenario(text) {
            Ok(theirs) if theirs.id == *id => self.meet(mine, Rc::new(theirs), text),
            _ => {
                self.overrule(id, text);
                External::Nothing
            }
        }
    }

    /// The version both this tab's `mine` and another tab's entry `text`
    /// were edited from: what this tab last wrote or read, or, when their
    /// write replaced this tab's last write without building on it, what
    /// that write was made from.
    fn base_for(&self, id: &ScenarioId, text: &str) -> Option<Rc<Scenario>> {
        if self.replaced_mine(id, text) {
            self.bases.get(id).cloned()
        } else {
            self.saved.get(id).cloned()
        }
    }

    /// This tab's `mine` meets another tab's different version: merged when
    /// they changed different fields (their version is then the stored one
    /// this tab builds on), else the user's question.
    fn meet(&mut self, mine: &Rc<Scenario>, theirs: Rc<Scenario>, text: &str) -> External {
        let base = self.base_for(&mine.id, text);
        if **mine == *theirs {
            self.accept_external(mine, text);
            return External::Nothing;
        }
        let merged = base.as_ref().map(|base| merge(base, mine, &theirs));
        match merged {
            Some(Merged { scenario, clashes }) if clashes.is_empty() => {
                self.accept_external(&theirs, text);
                if scenario == *theirs {
                    External::Take(theirs)
                } else {
                    External::Merged(Rc::new(scenario))
                }
            }
            merged => External::Ask(OtherVersion {
                theirs,
                source: OtherSource::Entry(text.to_owned()),
                base,
                clashes: merged.map(|m| m.clashes).unwrap_or_default(),
            }),
        }
    }

    /// Another tab wrote this scenario's entry (a storage event): what it
    /// means for this tab, which holds `mine` of it (in its trash when `deleted`).
    pub fn entry_changed(
        &mut self,
        store: &dyn Store,
        id: &ScenarioId,
        mine: Option<&Rc<Scenario>>,
        deleted: bool,
    ) -> External {
        let text = match store.get(&scenario_key(id)) {
            Ok(Some(text)) => text,
            // Removed there (purged from that tab's trash) while this tab
            // still holds it: write it again, unless this tab holds it in
            // its trash too (then it goes here as well).
            Ok(None) if mine.is_some() => {
                self.entry_removed(id);
                return if deleted {
                    External::Purged
                } else {
                    External::WriteAgain
                };
            }
            _ => return External::Nothing,
        };
        if self.wrote(&text) {
            return External::Nothing;
        }
        let theirs = match decode_scenario(&text) {
            Ok(theirs) if theirs.id == *id => Rc::new(theirs),
            _ => return External::Nothing,
        };
        match mine {
            Some(mine) if self.has_unsaved(mine) || self.replaced_mine(id, &text) => {
                self.meet(mine, theirs, &text)
            }
            _ => {
                self.accept_external(&theirs, &text);
                External::Take(theirs)
            }
        }
    }

    /// Another tab wrote the index (`text`, `None` when it removed it):
    /// what of its list this tab must follow, by the changes that tab made
    /// since the index this tab last wrote or read (which `text` becomes).
    pub fn index_changed(&mut self, text: Option<&str>, snapshot: &Snapshot<'_>) -> IndexChange {
        let Some(theirs) = text.and_then(|text| decode_index(text).ok()) else {
            return IndexChange::default();
        };
        let change = self.list_change(&theirs, snapshot);
        if theirs.version <= INDEX_VERSION {
            if let Some(text) = text {
                self.index = text.to_owned();
            }
        }
        change
    }

    /// What another tab's index `theirs` changed since this tab's last one:
    /// the scenarios it deleted that this tab lists unchanged, the ones it
    /// brought back that this tab holds in its trash, and the ids it lists
    /// that this tab does not know.
    fn list_change(&self, theirs: &StoredIndex, snapshot: &Snapshot<'_>) -> IndexChange {
        let base = decode_index(&self.index).ok();
        let was = |list: fn(&StoredIndex) -> &Vec<ScenarioId>, id: &ScenarioId| {
            base.as_ref().is_none_or(|base| list(base).contains(id))
        };
        let find = |list: &[Rc<Scenario>], id: &ScenarioId| list.iter().any(|s| &s.id == id);
        let deleted = theirs
            .trash
            .iter()
            .filter(|id| was(|b| &b.order, id))
            .filter(|id| {
                snapshot
                    .scenarios
                    .iter()
                    .find(|s| &s.id == *id)
                    .is_some_and(|s| !self.has_unsaved(s))
            })
            .cloned()
            .collect();
        let restored = theirs
            .order
            .iter()
            .filter(|id| was(|b| &b.trash, id) && find(snapshot.trash, id))
            .cloned()
            .collect();
        let added = theirs
            .order
            .iter()
            .filter(|id| !find(snapshot.scenarios, id) && !find(snapshot.trash, id))
            .filter(|id| !self.unreadable.contains(id))
            .cloned()
            .collect();
        IndexChange {
            deleted,
            added,
            restored,
        }
    }

    fn index_of(&self, snapshot: &Snapshot<'_>) -> StoredIndex {
        StoredIndex {
            version: INDEX_VERSION,
            active: Some(snapshot.active.clone()),
            order: snapshot.scenarios.iter().map(|s| s.id.clone()).collect(),
            trash: snapshot.trash.iter().map(|s| s.id.clone()).collect(),
            unreadable: self.unreadable.clone(),
            lang: Some(snapshot.lang.to_owned()),
        }
    }

    /// Writes every scenario whose content changed and the index, after
    /// removing the entries of scenarios that are gone (so that a full store
    /// gets their room first). With `closing`, each written entry also goes to
    /// a pending copy (see the module's notes).
    pub fn save(
        &mut self,
        store: &mut dyn Store,
        snapshot: &Snapshot<'_>,
        closing: bool,
    ) -> Result<(), SaveError> {
        self.remove_gone(store, snapshot)?;
        for scenario in snapshot.all() {
            if self.has_unsaved(scenario) {
                self.write_scenario(store, scenario, closing)?;
            }
        }
        if let Some((order, trash)) = &self.index_frozen {
            let same = |ids: &[ScenarioId], list: &[Rc<Scenario>]| {
                ids.len() == list.len() && ids.iter().zip(list).all(|(id, s)| *id == s.id)
            };
            // The scenarios are saved; a change of the list is not.
            return if same(order, snapshot.scenarios) && same(trash, snapshot.trash) {
                Ok(())
            } else {
                Err(SaveError::NewerVersion)
            };
        }
        let index = encode_index(&self.index_of(snapshot));
        if index != self.index {
            let stored = match store.get(INDEX_KEY) {
                Ok(text) => text,
                Err(StoreError::NotText) => None,
                Err(error) => return Err(error.into()),
            };
            if let Some(stored) = stored {
                if let Ok(theirs) = decode_index(&stored) {
                    if theirs.version > INDEX_VERSION {
                        self.index_frozen = Some((theirs.order, theirs.trash));
                        return Err(SaveError::NewerVersion);
                    }
                    // Another tab changed the list since this tab last saw
                    // it: follow its changes first, never write over them.
                    if stored != self.index {
                        let change = self.list_change(&theirs, snapshot);
                        self.index = stored;
                        if !change.is_empty() {
                            return Err(SaveError::ListChanged(change));
                        }
                    }
                }
            }
            write_checked(store, INDEX_KEY, &index)?;
            self.index = index;
        }
        Ok(())
    }

    fn write_scenario(
        &mut self,
        store: &mut dyn Store,
        scenario: &Rc<Scenario>,
        closing: bool,
    ) -> Result<(), SaveError> {
        let id = &scenario.id;
        let key = scenario_key(id);
        let known = self.texts.get(id);
        let stored = store.get(&key)?;
        let base = known.and_then(|text| stamp_of(text)).unwrap_or_default();
        // A write that replaces another tab's version by the user's choice
        // takes that version's revision: that tab learns its write was replaced.
        let overrules = self.overruled.contains(id) && stored.as_ref() == known;
        let stamp = Stamp {
            rev: base.rev + u64::from(!overrules),
            writer: self.writer.clone(),
        };
        let text = encode_scenario(scenario, &stamp);
        if closing {
            // Kept until it is known to have landed, and also when the write
            // below is refused: the page is closing, and the next load offers
            // it. Best effort: a full store keeps the entry write's chance.
            if store.set(&pending_key(id, &self.writer), &text).is_ok()
                && !self.pending.contains(id)
            {
                self.pending.push(id.clone());
            }
        }
        if let Some(stored) = &stored {
            if is_newer(stored) {
                return Err(SaveError::NewerVersion);
            }
            // Someone else's write since this tab last saw the entry (or an
            // entry this tab never saw): never overwrite it unasked.
            if Some(stored) != known {
                // A closing page cannot ask: what merges cleanly is written
                // merged (its pending copy too), the rest waits in the
                // pending copy for the next load.
                if closing {
                    let next = match self.conflict(id, stored, scenario) {
                        External::Merged(merged) | External::Take(merged) => merged,
                        External::Ask(_) => {
                            return Err(SaveError::Conflict(id.clone(), stored.clone()))
                        }
                        _ => scenario.clone(),
                    };
                    return self.write_scenario(store, &next, closing);
                }
                return Err(SaveError::Conflict(id.clone(), stored.clone()));
            }
        }
        write_checked(store, &key, &text)?;
        self.overruled.remove(id);
        match self.saved.get(id) {
            Some(before) => self.bases.insert(id.clone(), before.clone()),
            None => self.bases.remove(id),
        };
        // This write builds on another tab's: that tab's pending copy of the
        // very write built on, if it left one, has landed in this one.
        if !base.writer.is_empty() && base.writer != self.writer {
            let their_pending = pending_key(id, &base.writer);
            let same = store
                .get(&their_pending)
                .ok()
                .flatten()
                .and_then(|text| stamp_of(&text))
                .is_some_and(|stamp| stamp == base);
            if same {
                let _ = store.remove(&their_pending);
            }
        }
        self.saved.insert(id.clone(), scenario.clone());
        self.texts.insert(id.clone(), text);
        Ok(())
    }

    fn remove_gone(
        &mut self,
        store: &mut dyn Store,
        snapshot: &Snapshot<'_>,
    ) -> Result<(), SaveError> {
        let kept: HashSet<&ScenarioId> = snapshot.all().map(|s| &s.id).collect();
        let gone: Vec<ScenarioId> = self
            .saved
            .keys()
            .filter(|id| !kept.contains(id))
            .cloned()
            .collect();
        if gone.is_empty() {
            return Ok(());
        }
        // What the stored index lists as open scenarios: another tab may have
        // brought one of them back from its trash. An index that is still
        // the one this tab last wrote or read says nothing of other tabs:
        // it lists what this tab could not save yet (a full store kept the
        // deletion from being written), and must not keep the entry.
        let listed: Vec<ScenarioId> = match store.get(INDEX_KEY) {
            Ok(Some(text)) if text != self.index => {
                decode_index(&text).map(|i| i.order).unwrap_or_default()
            }
            _ => Vec::new(),
        };
        for id in gone {
            // Only an entry that still holds what this tab last saw and that
            // no tab lists as open: one that another tab wrote since, or
            // restored, is that tab's to keep.
            if let Some(text) = read_entry(store, &id)? {
                if self.texts.get(&id) == Some(&text) && !listed.contains(&id) {
                    store.remove(&scenario_key(&id))?;
                }
            }
            self.entry_removed(&id);
        }
        Ok(())
    }

    /// Removes this tab's pending copies whose entry still holds this tab's
    /// write: they have landed. Call a while after a page was hidden and shown again.
    pub fn settle(&mut self, store: &mut dyn Store) {
        let writer = self.writer.clone();
        self.pending.retain(|id| {
            let current = read_entry(store, id).ok().flatten();
            let landed = current
                .as_deref()
                .and_then(stamp_of)
                .is_some_and(|s| s.writer == writer);
            if landed || current.is_none() {
                let _ = store.remove(&pending_key(id, &writer));
            }
            !(landed || current.is_none())
        });
    }

    /// At load: every pending copy left by a tab that closed. One whose entry
    /// holds it (or something built on it) is removed; one that another write
    /// replaced is offered to the user.
    fn settle_pending_copies(
        &mut self,
        store: &mut dyn Store,
        keys: &[String],
    ) -> Vec<OtherVersion> {
        let mut lost = Vec::new();
        for key in keys.iter().filter(|k| k.starts_with(PENDING_KEY_PREFIX)) {
            let Some((id, writer)) = parse_pending_key(key) else {
                continue;
            };
            let Ok(Some(text)) = store.get(key) else {
                continue;
            };
            let Ok((pending, stamp)) = decode_stamped(&text) else {
                // A pending copy of a newer format is that Kerze's to settle.
                if !is_newer(&text) {
                    let _ = store.remove(key);
                }
                continue;
            };
            let landed = self.texts.get(&id).and_then(|text| stamp_of(text)) == Some(stamp)
                || self.saved.get(&id).is_some_and(|c| **c == pending)
                || pending.id != id;
            if landed {
                let _ = store.remove(key);
            } else {
                lost.push(OtherVersion {
                    theirs: Rc::new(pending),
                    source: OtherSource::Pending(writer),
                    base: None,
                    clashes: Vec::new(),
                });
            }
        }
        lost
    }

    /// The user settled a pending copy (took it or kept the other): it goes.
    pub fn drop_pending(&mut self, store: &mut dyn Store, id: &ScenarioId, writer: &str) {
        let _ = store.remove(&pending_key(id, writer));
    }

    /// How many bytes each scenario of the trash takes in the store (UTF-16,
    /// as browsers count), and their sum: what emptying the trash frees.
    pub fn bytes_of(store: &dyn Store, ids: &[ScenarioId]) -> usize {
        ids.iter()
            .map(|id| {
                let key = scenario_key(id);
                let value = store
                    .get(&key)
                    .ok()
                    .flatten()
                    .map_or(0, |v| v.encode_utf16().count());
                if value == 0 {
                    0
                } else {
                    2 * (key.encode_utf16().count() + value)
                }
            })
            .sum()
    }
}

/// Writes `value` under `key` and reads it back: a store that keeps
/// something else (or nothing) has not saved it.
fn write_checked(store: &mut dyn Store, key: &str, value: &str) -> Result<(), SaveError> {
    store.set(key, value)?;
    match store.get(key) {
        Ok(Some(kept)) if kept == value => Ok(()),
        Ok(_) | Err(StoreError::NotText) => Err(SaveError::NotKept),
        Err(error) => Err(error.into()),
    }
}

/// How many bytes Kerze's entries take in the store (UTF-16, as browsers count).
pub fn bytes_used(store: &dyn Store) -> Option<usize> {
    let keys = store.keys().ok()?;
    Some(
        keys.iter()
            .filter(|key| key.starts_with("kerze."))
            .map(|key| {
                let value = store
                    .get(key)
                    .ok()
                    .flatten()
                    .map_or(0, |v| v.encode_utf16().count());
                2 * (key.encode_utf16().count() + value)
            })
            .sum(),
    )
}
