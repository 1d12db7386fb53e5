//! The save rules over an in-memory store: what a save writes and reads
//! back, what a load finds in damaged, full, lying or newer storage, and two
//! tabs that save, delete, restore and close at the same time.

mod support {
    pub mod rng;
}

use kerze::domain::formats::stored::{
    decode_stamped, encode_index, pending_key, scenario_key, EntryError, StoredIndex, INDEX_KEY,
};
use kerze::domain::model::demo::demo_scenario;
use kerze::domain::model::ids::ScenarioId;
use kerze::domain::model::scenario::{Scenario, ScenarioEdit};
use kerze::domain::saving::merge::Clash;
use kerze::domain::saving::save::{
    load, External, IndexChange, OtherSource, SaveError, Saver, Snapshot, Store, StoreError,
};
use kerze::i18n::Lang;
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

/// What a store does besides keeping text.
#[derive(Clone, Copy, Default, PartialEq)]
enum Quirk {
    #[default]
    None,
    /// Accepts every write and keeps none.
    DropsWrites,
    /// Answers every read of a scenario entry with something that is not text.
    AnswersNotText,
}

#[derive(Default)]
struct Shared {
    map: BTreeMap<String, String>,
    /// Largest total of key and value characters it holds.
    quota: Option<usize>,
    quirk: Quirk,
    writes: usize,
}

/// A store shared by the tabs of one test, as local storage is shared by a browser's tabs.
#[derive(Clone, Default)]
struct Memory(Rc<RefCell<Shared>>);

/// One tab's view of a [`Memory`]: while `stale` holds a copy, reads come
/// from it (the other tab's writes have not reached this tab yet).
struct Tab {
    memory: Memory,
    stale: Option<BTreeMap<String, String>>,
}

impl Memory {
    /// Characters stored: keys and values.
    fn used(&self) -> usize {
        self.0
            .borrow()
            .map
            .iter()
            .map(|(k, v)| k.len() + v.len())
            .sum()
    }

    fn tab(&self) -> Tab {
        Tab {
            memory: self.clone(),
            stale: None,
        }
    }
    fn get(&self, key: &str) -> Option<String> {
        self.0.borrow().map.get(key).cloned()
    }
    fn put(&self, key: &str, value: &str) {
        self.0.borrow_mut().map.insert(key.into(), value.into());
    }
    /// Whether scenario `n`'s stored entry holds `text`.
    fn entry_holds(&self, n: u32, text: &str) -> bool {
        self.get(&scenario_key(&id(n)))
            .is_some_and(|entry| entry.contains(text))
    }
    fn writes(&self) -> usize {
        self.0.borrow().writes
    }
}

impl Store for Tab {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        let shared = self.memory.0.borrow();
        if shared.quirk == Quirk::AnswersNotText && key.starts_with("kerze.scenario.") {
            return Err(StoreError::NotText);
        }
        let map = self.stale.as_ref().unwrap_or(&shared.map);
        Ok(map.get(key).cloned())
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        let mut shared = self.memory.0.borrow_mut();
        if let Some(quota) = shared.quota {
            let used: usize = shared
                .map
                .iter()
                .filter(|(k, _)| k.as_str() != key)
                .map(|(k, v)| k.len() + v.len())
                .sum();
            if used + key.len() + value.len() > quota {
                return Err(StoreError::Full);
            }
        }
        shared.writes += 1;
        if shared.quirk != Quirk::DropsWrites {
            shared.map.insert(key.into(), value.into());
            // A tab reads its own writes at once, however late others' reach it.
            if let Some(stale) = &mut self.stale {
                stale.insert(key.into(), value.into());
            }
        }
        Ok(())
    }
    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        self.memory.0.borrow_mut().map.remove(key);
        if let Some(stale) = &mut self.stale {
            stale.remove(key);
        }
        Ok(())
    }
    fn keys(&self) -> Result<Vec<String>, StoreError> {
        let shared = self.memory.0.borrow();
        let map = self.stale.as_ref().unwrap_or(&shared.map);
        Ok(map.keys().cloned().collect())
    }
}

/// One tab of Kerze: its scenarios and trash as the state holds them, and its saver.
struct Kerze {
    store: Tab,
    scenarios: Vec<Rc<Scenario>>,
    trash: Vec<Rc<Scenario>>,
    active: ScenarioId,
    saver: Saver,
}

fn id(n: u32) -> ScenarioId {
    ScenarioId::from_parts(1, n)
}

fn scenario(n: u32, name: &str) -> Rc<Scenario> {
    let mut s = demo_scenario(id(n), &Lang::En.texts().demo);
    s.name = name.into();
    Rc::new(s)
}

impl Kerze {
    /// A first run in an empty store, with these scenarios.
    fn first_run(memory: &Memory, writer: &str, scenarios: Vec<Rc<Scenario>>) -> Self {
        Kerze {
            store: memory.tab(),
            active: scenarios[0].id.clone(),
            scenarios,
            trash: Vec::new(),
            saver: Saver::fresh(writer),
        }
    }

    /// A tab opened on what the store holds.
    fn open(memory: &Memory, writer: &str) -> (Self, kerze::domain::saving::save::Loaded) {
        let mut store = memory.tab();
        let mut loaded = load(&mut store, writer).unwrap().expect("something stored");
        let saver = std::mem::take(&mut loaded.saver);
        let kerze = Kerze {
            store,
            active: loaded
                .active
                .clone()
                .unwrap_or_else(|| loaded.scenarios[0].id.clone()),
            scenarios: loaded.scenarios.clone(),
            trash: loaded.trash.clone(),
            saver,
        };
        (kerze, loaded)
    }

    fn save_as(&mut self, closing: bool) -> Result<(), SaveError> {
        let snapshot = Snapshot {
            scenarios: &self.scenarios,
            trash: &self.trash,
            active: &self.active,
            lang: "en",
        };
        self.saver.save(&mut self.store, &snapshot, closing)
    }

    /// Saves as the page does: another tab's change of the list is
    /// followed first, then the save goes on.
    fn save(&mut self) -> Result<(), SaveError> {
        for _ in 0..3 {
            match self.save_as(false) {
                Err(SaveError::ListChanged(change)) => self.follow(change),
                result => return result,
            }
        }
        self.save_as(false)
    }

    /// Does what the page does with another tab's change of the list.
    fn follow(&mut self, change: IndexChange) {
        for gone in &change.deleted {
            if let Some(at) = self.scenarios.iter().position(|s| &s.id == gone) {
                if self.scenarios.len() > 1 {
                    self.delete(at);
                }
            }
        }
        for back in &change.restored {
            if let Some(at) = self.trash.iter().position(|s| &s.id == back) {
                let restored = self.trash.remove(at);
                self.scenarios.push(restored);
            }
        }
        for new in &change.added {
            let entry = self.store.get(&scenario_key(new)).unwrap();
            if let Some(Ok((scenario, _))) = entry.as_deref().map(decode_stamped) {
                let scenario = Rc::new(scenario);
                self.saver
                    .accept_external(&scenario, entry.as_deref().unwrap());
                self.scenarios.push(scenario);
            }
        }
    }

    fn dirty(&self) -> bool {
        self.saver.is_dirty(&Snapshot {
            scenarios: &self.scenarios,
            trash: &self.trash,
            active: &self.active,
            lang: "en",
        })
    }

    fn rename(&mut self, at: usize, name: &str) {
        let s = Rc::make_mut(&mut self.scenarios[at]);
        s.apply(ScenarioEdit::Rename(name.into())).unwrap();
    }

    fn delete(&mut self, at: usize) {
        let removed = self.scenarios.remove(at);
        self.trash.insert(0, removed);
    }
}

/// Tab "ta" after its first save of scenarios A and B.
fn saved_pair(memory: &Memory) -> Kerze {
    let mut tab = Kerze::first_run(memory, "ta", vec![scenario(1, "A"), scenario(2, "B")]);
    tab.save().unwrap();
    tab
}

fn names(list: &[Rc<Scenario>]) -> Vec<String> {
    list.iter().map(|s| s.name.clone()).collect()
}

fn stored_rev(memory: &Memory, n: u32) -> u64 {
    decode_stamped(&memory.get(&scenario_key(&id(n))).unwrap())
        .unwrap()
        .1
        .rev
}

#[test]
fn a_first_save_writes_every_scenario_and_the_index_and_reads_them_back() {
    let memory = Memory::default();
    let mut tab = Kerze::first_run(&memory, "ta", vec![scenario(1, "A"), scenario(2, "B")]);
    assert!(tab.dirty());
    tab.save().unwrap();
    assert!(!tab.dirty());
    assert_eq!(memory.writes(), 3);
    let (again, loaded) = Kerze::open(&memory, "tb");
    assert_eq!(names(&again.scenarios), ["A", "B"]);
    assert!(loaded.unreadable.is_empty() && loaded.lost_writes.is_empty());
}

#[test]
fn a_save_with_nothing_changed_writes_nothing_and_an_edit_writes_one_entry() {
    let memory = Memory::default();
    let mut tab = saved_pair(&memory);
    let before = memory.writes();
    tab.save().unwrap();
    assert_eq!(memory.writes(), before);
    tab.rename(1, "B2");
    tab.save().unwrap();
    assert_eq!(memory.writes(), before + 1);
    assert_eq!((stored_rev(&memory, 1), stored_rev(&memory, 2)), (1, 2));
}

#[test]
fn a_store_that_drops_writes_is_never_reported_as_saved() {
    let memory = Memory::default();
    memory.0.borrow_mut().quirk = Quirk::DropsWrites;
    let mut tab = Kerze::first_run(&memory, "ta", vec![scenario(1, "A")]);
    assert_eq!(tab.save(), Err(SaveError::NotKept));
    assert!(tab.dirty());
}

#[test]
fn a_store_that_answers_with_something_other_than_text_is_never_reported_as_saved() {
    let memory = Memory::default();
    let mut tab = Kerze::first_run(&memory, "ta", vec![scenario(1, "A")]);
    tab.save().unwrap();
    memory.0.borrow_mut().quirk = Quirk::AnswersNotText;
    tab.rename(0, "A2");
    assert_eq!(tab.save(), Err(SaveError::NotKept));
    assert!(tab.dirty());
}

/// Scenario 3, "Big": a need of 20,000 characters.
fn big() -> Rc<Scenario> {
    let mut s = (*scenario(3, "Big")).clone();
    s.need = "x".repeat(20_000);
    Rc::new(s)
}

#[test]
fn emptying_the_trash_frees_the_room_a_full_store_needs() {
    let memory = Memory::default();
    let mut tab = Kerze::first_run(&memory, "ta", vec![scenario(1, "A"), big()]);
    tab.save().unwrap();
    tab.delete(1);
    tab.save().unwrap();
    let used = memory.used();
    memory.0.borrow_mut().quota = Some(used + 500);
    tab.rename(0, &"A".repeat(2_000));
    assert_eq!(tab.save(), Err(SaveError::Full));
    assert!(tab.dirty());
    let frees = Saver::bytes_of(&tab.store, &[id(3)]);
    assert!(frees > 40_000, "the deleted scenario takes {frees} bytes");
    tab.trash.clear();
    tab.save().unwrap();
    assert!(memory.get(&scenario_key(&id(3))).is_none());
    assert!(!tab.dirty());
}

#[test]
fn emptying_the_trash_frees_room_even_when_the_deletion_itself_could_not_be_saved() {
    let memory = Memory::default();
    let mut tab = Kerze::first_run(&memory, "ta", vec![scenario(1, "A"), big()]);
    tab.save().unwrap();
    // The store is full before the deletion: the edit and the new list of
    // scenarios (Big in Recently deleted) are not saved.
    let used = memory.used();
    memory.0.borrow_mut().quota = Some(used + 100);
    tab.rename(0, &"A".repeat(2_000));
    tab.delete(1);
    assert_eq!(tab.save(), Err(SaveError::Full));
    // "Empty Recently deleted" frees what it says, and the edit is saved.
    tab.trash.clear();
    tab.save().unwrap();
    assert!(
        memory.get(&scenario_key(&id(3))).is_none(),
        "Big's entry is gone"
    );
    assert!(!tab.dirty());
    let (again, _) = Kerze::open(&memory, "tb");
    assert_eq!(names(&again.scenarios), ["A".repeat(2_000)]);
    assert!(again.trash.is_empty());
}

#[test]
fn an_index_that_lists_a_scenario_twice_loads_it_once_and_its_edits_survive_a_reload() {
    let memory = Memory::default();
    saved_pair(&memory);
    let damaged = StoredIndex {
        version: 1,
        active: Some(id(1)),
        order: vec![id(1), id(2), id(1)],
        trash: vec![id(2), id(1)],
        ..StoredIndex::default()
    };
    memory.put(INDEX_KEY, &encode_index(&damaged));
    let (mut tab, _) = Kerze::open(&memory, "tb");
    assert_eq!(names(&tab.scenarios), ["A", "B"]);
    assert!(tab.trash.is_empty());
    tab.rename(0, "A edited");
    tab.save().unwrap();
    let (again, _) = Kerze::open(&memory, "tc");
    assert_eq!(names(&again.scenarios), ["A edited", "B"]);
}

#[test]
fn an_index_written_by_a_newer_kerze_is_read_and_never_rewritten() {
    let memory = Memory::default();
    saved_pair(&memory);
    let newer = format!(
        "{{\"version\":2,\"active\":\"{}\",\"order\":[\"{}\",\"{}\"],\"lenses\":[\"cfo\"]}}",
        id(2),
        id(2),
        id(1)
    );
    memory.put(INDEX_KEY, &newer);
    let (mut old, loaded) = Kerze::open(&memory, "tb");
    assert!(loaded.newer_index);
    assert_eq!(names(&old.scenarios), ["B", "A"]);
    // Edits of scenarios are still saved; the list written by the newer Kerze stays.
    old.rename(0, "B edited");
    old.save().unwrap();
    assert_eq!(memory.get(INDEX_KEY).unwrap(), newer);
    assert_eq!(stored_rev(&memory, 2), 2);
    // A change of the list cannot be saved without rewriting it: reported, not done.
    old.delete(1);
    assert_eq!(old.save(), Err(SaveError::NewerVersion));
    assert_eq!(memory.get(INDEX_KEY).unwrap(), newer);
}

#[test]
fn an_index_a_newer_kerze_writes_while_this_tab_runs_is_never_overwritten() {
    let memory = Memory::default();
    let mut tab = Kerze::first_run(&memory, "ta", vec![scenario(1, "A")]);
    tab.save().unwrap();
    let newer = format!("{{\"version\":7,\"order\":[\"{}\"]}}", id(1));
    memory.put(INDEX_KEY, &newer);
    tab.scenarios.push(scenario(2, "B"));
    assert_eq!(tab.save(), Err(SaveError::NewerVersion));
    assert_eq!(memory.get(INDEX_KEY).unwrap(), newer);
}

#[test]
fn an_entry_of_a_newer_format_is_kept_untouched_and_never_overwritten() {
    let memory = Memory::default();
    let mut tab = saved_pair(&memory);
    let newer = "{\"version\":9,\"scenario\":{\"ballots\":true}}";
    memory.put(&scenario_key(&id(2)), newer);
    let (mut old, loaded) = Kerze::open(&memory, "tb");
    assert_eq!(names(&old.scenarios), ["A"]);
    assert!(matches!(
        loaded.unreadable[0].error,
        EntryError::FutureVersion(9)
    ));
    old.rename(0, "A2");
    old.save().unwrap();
    assert_eq!(memory.get(&scenario_key(&id(2))).unwrap(), newer);
    // And a tab that held it before a newer Kerze rewrote it does not overwrite it.
    tab.rename(1, "B from the old tab");
    assert_eq!(tab.save(), Err(SaveError::NewerVersion));
    assert_eq!(memory.get(&scenario_key(&id(2))).unwrap(), newer);
}

#[test]
fn a_tab_never_overwrites_what_another_tab_saved_since_it_read_it() {
    let memory = Memory::default();
    let mut a = Kerze::first_run(&memory, "ta", vec![scenario(1, "A")]);
    a.save().unwrap();
    let (mut b, _) = Kerze::open(&memory, "tb");
    a.rename(0, "A by tab a");
    a.save().unwrap();
    b.rename(0, "A by tab b");
    match b.save() {
        Err(SaveError::Conflict(conflicted, text)) => {
            assert_eq!(conflicted, id(1));
            assert!(text.contains("A by tab a"));
        }
        other => panic!("expected a conflict, got {other:?}"),
    }
    assert!(memory.entry_holds(1, "A by tab a"));
    // Tab b keeps its version on purpose: now it may replace a's.
    let theirs = memory.get(&scenario_key(&id(1))).unwrap();
    b.saver.overrule(&id(1), &theirs);
    b.save().unwrap();
    assert!(memory.entry_holds(1, "A by tab b"));
}

#[test]
fn two_tabs_closing_at_once_lose_nothing_the_next_load_asks() {
    let memory = Memory::default();
    let (mut a, mut b) = both_rename_a(&memory);
    // Both pages close: b's reads still show storage as it was before a's write.
    b.store.stale = Some(memory.0.borrow().map.clone());
    a.save_as(true).unwrap();
    b.save_as(true).unwrap();
    assert!(memory.entry_holds(1, "A by tab b"));
    let (next, loaded) = Kerze::open(&memory, "tc");
    assert_eq!(names(&next.scenarios), ["A by tab b"]);
    assert_eq!(loaded.lost_writes.len(), 1);
    let lost = &loaded.lost_writes[0];
    assert_eq!(lost.theirs.name, "A by tab a");
    assert_eq!(lost.source, OtherSource::Pending("ta".into()));
    // b's own pending copy landed: gone. a's stays until the user chooses.
    assert!(memory.get(&pending_key(&id(1), "tb")).is_none());
    assert!(memory.get(&pending_key(&id(1), "ta")).is_some());
}

#[test]
fn a_closing_tab_whose_write_is_refused_leaves_its_version_for_the_next_load() {
    let memory = Memory::default();
    let (mut a, mut b) = both_rename_a(&memory);
    a.save_as(true).unwrap();
    // b sees a's write: it may not overwrite it, and it is closing.
    assert!(matches!(b.save_as(true), Err(SaveError::Conflict(..))));
    assert!(memory.entry_holds(1, "A by tab a"));
    let (next, loaded) = Kerze::open(&memory, "tc");
    assert_eq!(names(&next.scenarios), ["A by tab a"]);
    assert_eq!(loaded.lost_writes.len(), 1);
    assert_eq!(loaded.lost_writes[0].theirs.name, "A by tab b");
}

#[test]
fn a_pending_copy_that_landed_is_cleared_by_the_next_load_or_by_its_tab() {
    let memory = Memory::default();
    let mut a = Kerze::first_run(&memory, "ta", vec![scenario(1, "A")]);
    a.rename(0, "A closing");
    a.save_as(true).unwrap();
    assert!(memory.get(&pending_key(&id(1), "ta")).is_some());
    a.settle(&mut memory.tab());
    assert!(memory.get(&pending_key(&id(1), "ta")).is_none());
    a.rename(0, "A closing again");
    a.save_as(true).unwrap();
    let (_, loaded) = Kerze::open(&memory, "tb");
    assert!(loaded.lost_writes.is_empty());
    assert!(memory.get(&pending_key(&id(1), "ta")).is_none());
}

impl Kerze {
    fn settle(&mut self, store: &mut Tab) {
        self.saver.settle(store);
    }
}

#[test]
fn a_write_built_on_another_tabs_pending_copy_clears_it() {
    let memory = Memory::default();
    let mut a = Kerze::first_run(&memory, "ta", vec![scenario(1, "A")]);
    a.rename(0, "A by a, closing");
    a.save_as(true).unwrap();
    let (mut b, loaded) = Kerze::open(&memory, "tb");
    assert!(loaded.lost_writes.is_empty());
    b.rename(0, "A by b");
    b.save().unwrap();
    assert!(memory.get(&pending_key(&id(1), "ta")).is_none());
}

/// Tab a deletes B, tab b (opened after) restores it, edited or not; then
/// tab a lets its trash go. Returns the store.
fn restored_elsewhere_then_purged(edit: bool) -> Memory {
    let memory = Memory::default();
    let mut a = saved_pair(&memory);
    a.delete(1);
    a.save().unwrap();
    let (mut b, _) = Kerze::open(&memory, "tb");
    let restored = b.trash.remove(0);
    b.scenarios.push(restored);
    if edit {
        b.rename(1, "B restored");
    }
    b.save().unwrap();
    a.trash.clear();
    a.save().unwrap();
    memory
}

#[test]
fn a_purge_never_removes_a_scenario_another_tab_brought_back_and_edited() {
    let memory = restored_elsewhere_then_purged(true);
    assert!(memory.entry_holds(2, "B restored"));
}

#[test]
fn a_purge_never_removes_a_scenario_another_tab_restored_without_editing() {
    let memory = restored_elsewhere_then_purged(false);
    assert!(memory.get(&scenario_key(&id(2))).is_some());
    let (c, _) = Kerze::open(&memory, "tc");
    assert_eq!(names(&c.scenarios), ["A", "B"]);
}

#[test]
fn an_entry_removed_by_another_tab_is_written_again_by_the_tab_that_holds_it() {
    let memory = Memory::default();
    let mut a = saved_pair(&memory);
    memory.0.borrow_mut().map.remove(&scenario_key(&id(2)));
    a.saver.entry_removed(&id(2));
    assert!(a.dirty());
    a.save().unwrap();
    assert!(memory.get(&scenario_key(&id(2))).is_some());
}

#[test]
fn a_write_of_the_same_revision_by_another_tab_replaced_mine() {
    let memory = Memory::default();
    let mut a = Kerze::first_run(&memory, "ta", vec![scenario(1, "A")]);
    a.save().unwrap();
    let (mut b, _) = Kerze::open(&memory, "tb");
    a.rename(0, "A1");
    a.save().unwrap();
    let mine = memory.get(&scenario_key(&id(1))).unwrap();
    // b, reading a stale storage, writes revision 2 too.
    assert!(a.saver.wrote(&mine));
    b.store.stale = Some({
        let mut map = memory.0.borrow().map.clone();
        map.insert(
            scenario_key(&id(1)),
            kerze::domain::formats::stored::encode_scenario(
                &scenario(1, "A"),
                &kerze::domain::formats::stored::Stamp {
                    rev: 1,
                    writer: "ta".into(),
                },
            ),
        );
        map
    });
    b.rename(0, "A by b");
    b.save().unwrap();
    let theirs = memory.get(&scenario_key(&id(1))).unwrap();
    assert!(a.saver.replaced_mine(&id(1), &theirs));
    assert!(!a.saver.wrote(&theirs));
    // A later write of b's that builds on a's is no replacement.
    b.store.stale = None;
    let later = theirs.replace("\"rev\":2", "\"rev\":3");
    assert!(!a.saver.replaced_mine(&id(1), &later));
}

#[test]
fn a_first_run_finds_nothing_and_a_scenario_entry_without_an_index_still_loads() {
    let memory = Memory::default();
    assert!(load(&mut memory.tab(), "ta").unwrap().is_none());
    let mut a = Kerze::first_run(&memory, "ta", vec![scenario(1, "A")]);
    a.save().unwrap();
    memory.0.borrow_mut().map.remove(INDEX_KEY);
    memory.put(INDEX_KEY, "{not json");
    let (b, _) = Kerze::open(&memory, "tb");
    assert_eq!(names(&b.scenarios), ["A"]);
}

#[test]
fn an_entry_with_the_wrong_id_is_unreadable_and_kept() {
    let memory = Memory::default();
    saved_pair(&memory);
    let one = memory.get(&scenario_key(&id(1))).unwrap();
    memory.put(&scenario_key(&id(2)), &one);
    let (mut b, loaded) = Kerze::open(&memory, "tb");
    assert_eq!(loaded.unreadable.len(), 1);
    assert_eq!(loaded.unreadable[0].id, id(2));
    b.rename(0, "A2");
    b.save().unwrap();
    assert_eq!(memory.get(&scenario_key(&id(2))).unwrap(), one);
    let (_, again) = Kerze::open(&memory, "tc");
    assert_eq!(again.unreadable.len(), 1);
}

// What a tab does when another tab's write reaches it (a storage event):
// the rules the page follows, without a browser.

impl Kerze {
    /// This tab's reaction to another tab's write of scenario `n`'s entry.
    fn hears_entry(&mut self, n: u32) -> External {
        let mine = self
            .scenarios
            .iter()
            .chain(&self.trash)
            .find(|s| s.id == id(n))
            .cloned();
        let deleted = self.trash.iter().any(|s| s.id == id(n));
        self.saver
            .entry_changed(&self.store, &id(n), mine.as_ref(), deleted)
    }

    /// This tab's reaction to another tab's write of the index.
    fn hears_index(&mut self, memory: &Memory) -> IndexChange {
        let text = memory.get(INDEX_KEY);
        let snapshot = Snapshot {
            scenarios: &self.scenarios,
            trash: &self.trash,
            active: &self.active,
            lang: "en",
        };
        self.saver.index_changed(text.as_deref(), &snapshot)
    }
}

/// Tab "ta" saves scenario A; tab "tb" opens on it; both rename A
/// ("A by tab a", "A by tab b") and neither has saved since.
fn both_rename_a(memory: &Memory) -> (Kerze, Kerze) {
    let mut a = Kerze::first_run(memory, "ta", vec![scenario(1, "A")]);
    a.save().unwrap();
    let (mut b, _) = Kerze::open(memory, "tb");
    a.rename(0, "A by tab a");
    b.rename(0, "A by tab b");
    (a, b)
}

/// The version a storage event says to take.
fn taken(change: External) -> Rc<Scenario> {
    match change {
        External::Take(theirs) => theirs,
        other => panic!("expected to take their version, got {other:?}"),
    }
}

/// Tab "tb", opened on what the store holds, renames A and saves.
fn tb_renames_a(memory: &Memory, name: &str) {
    let (mut tb, _) = Kerze::open(memory, "tb");
    tb.rename(0, name);
    tb.save().unwrap();
}

#[test]
fn a_tab_ignores_the_storage_event_of_its_own_write() {
    let memory = Memory::default();
    let mut ta = saved_pair(&memory);
    assert_eq!(ta.hears_entry(1), External::Nothing);
}

#[test]
fn another_tabs_edit_of_an_untouched_scenario_is_taken_without_asking() {
    let memory = Memory::default();
    let mut ta = saved_pair(&memory);
    tb_renames_a(&memory, "A from tab b");
    assert_eq!(taken(ta.hears_entry(1)).name, "A from tab b");
}

#[test]
fn after_taking_theirs_this_tab_has_nothing_to_save() {
    let memory = Memory::default();
    let mut ta = saved_pair(&memory);
    tb_renames_a(&memory, "A from tab b");
    let theirs = taken(ta.hears_entry(1));
    ta.scenarios[0] = theirs;
    assert!(!ta.dirty(), "the version taken is the stored one");
    let writes = memory.writes();
    ta.save().unwrap();
    assert_eq!(memory.writes(), writes, "nothing is written back");
}

#[test]
fn unsaved_edits_meeting_another_tabs_write_ask_the_user() {
    let memory = Memory::default();
    let mut ta = saved_pair(&memory);
    ta.rename(0, "A typed in tab a");
    tb_renames_a(&memory, "A typed in tab b");
    match ta.hears_entry(1) {
        External::Ask(other) => {
            assert_eq!(other.theirs.name, "A typed in tab b");
            assert!(matches!(other.source, OtherSource::Entry(_)));
        }
        other => panic!("expected a question, got {other:?}"),
    }
}

#[test]
fn unsaved_edits_equal_to_the_other_tabs_need_no_question() {
    let memory = Memory::default();
    let mut ta = saved_pair(&memory);
    ta.rename(0, "Same name");
    tb_renames_a(&memory, "Same name");
    assert_eq!(ta.hears_entry(1), External::Nothing);
}

#[test]
fn an_entry_removed_while_this_tab_holds_it_is_written_again() {
    let memory = Memory::default();
    let mut ta = saved_pair(&memory);
    memory.0.borrow_mut().map.remove(&scenario_key(&id(2)));
    assert_eq!(ta.hears_entry(2), External::WriteAgain);
    assert!(ta.dirty());
    ta.save().unwrap();
    assert!(
        memory.get(&scenario_key(&id(2))).is_some(),
        "B is stored again"
    );
}

#[test]
fn an_unreadable_entry_from_another_tab_is_neither_taken_nor_asked_about() {
    let memory = Memory::default();
    let mut ta = saved_pair(&memory);
    memory.put(&scenario_key(&id(1)), "{ not json");
    assert_eq!(ta.hears_entry(1), External::Nothing);
}

#[test]
fn a_stopped_save_names_the_version_to_choose_or_overrules_an_unreadable_one() {
    let memory = Memory::default();
    let mut ta = saved_pair(&memory);
    tb_renames_a(&memory, "A from tab b");
    let text = memory.get(&scenario_key(&id(1))).unwrap();
    ta.rename(0, "A from tab a");
    let mine = ta.scenarios[0].clone();
    match ta.saver.conflict(&id(1), &text, &mine) {
        External::Ask(other) => {
            assert_eq!(other.theirs.name, "A from tab b");
            assert_eq!(other.clashes, vec![Clash::Field("name")]);
        }
        other => panic!("expected a question, got {other:?}"),
    }
    // A text that is no readable version is overruled: the next save writes over it.
    memory.put(&scenario_key(&id(1)), "{ not json");
    assert_eq!(
        ta.saver.conflict(&id(1), "{ not json", &mine),
        External::Nothing
    );
    ta.rename(0, "A from tab a");
    ta.save().unwrap();
    assert!(memory.entry_holds(1, "A from tab a"));
}

#[test]
fn a_deletion_in_another_tab_is_followed_only_for_untouched_scenarios() {
    let memory = Memory::default();
    let mut ta = saved_pair(&memory);
    let (mut tb, _) = Kerze::open(&memory, "tb");
    tb.delete(1);
    tb.save().unwrap();
    assert_eq!(ta.hears_index(&memory).deleted, vec![id(2)]);
    let other = Memory::default();
    let mut touched = saved_pair(&other);
    touched.scenarios[1] = {
        let mut b = Scenario::clone(&touched.scenarios[1]);
        b.name = "B edited here".into();
        Rc::new(b)
    };
    other.put(INDEX_KEY, &memory.get(INDEX_KEY).unwrap());
    let change = touched.hears_index(&other);
    assert!(
        change.deleted.is_empty(),
        "an edited scenario is not deleted under the user"
    );
}

#[test]
fn a_scenario_made_in_another_tab_is_named_for_reading() {
    let memory = Memory::default();
    let mut ta = saved_pair(&memory);
    let (mut tb, _) = Kerze::open(&memory, "tb");
    tb.scenarios.push(scenario(3, "C"));
    tb.save().unwrap();
    assert_eq!(ta.hears_index(&memory).added, vec![id(3)]);
    assert_eq!(taken(ta.hears_entry(3)).name, "C");
}

#[test]
fn a_damaged_index_from_another_tab_changes_nothing_here() {
    let memory = Memory::default();
    let mut ta = saved_pair(&memory);
    memory.put(INDEX_KEY, "{ damaged");
    assert_eq!(ta.hears_index(&memory), IndexChange::default());
}

// Two tabs editing the same scenario: edits of different fields are merged
// against the version both started from; only the same field changed in both
// asks, and a tab whose saved edit the other replaces is told.

/// Tab "ta" saves scenario A; tab "tb" opens on it; a renames A, b edits its need.
fn rename_and_need(memory: &Memory) -> (Kerze, Kerze) {
    let mut a = Kerze::first_run(memory, "ta", vec![scenario(1, "A")]);
    a.save().unwrap();
    let (mut b, _) = Kerze::open(memory, "tb");
    a.rename(0, "A renamed in a");
    Rc::make_mut(&mut b.scenarios[0])
        .apply(ScenarioEdit::SetNeed("Need typed in b".into()))
        .unwrap();
    (a, b)
}

fn both_edits(s: &Scenario) -> bool {
    s.name == "A renamed in a" && s.need == "Need typed in b"
}

fn merged(change: External) -> Rc<Scenario> {
    match change {
        External::Merged(both) => both,
        other => panic!("expected a merge, got {other:?}"),
    }
}

#[test]
fn edits_of_different_fields_in_two_tabs_are_merged_when_the_write_is_heard() {
    let memory = Memory::default();
    let (mut a, mut b) = rename_and_need(&memory);
    a.save().unwrap();
    let both = merged(b.hears_entry(1));
    assert!(both_edits(&both));
    b.scenarios[0] = both;
    b.save().unwrap();
    assert!(both_edits(&taken(a.hears_entry(1))));
    let (c, loaded) = Kerze::open(&memory, "tc");
    assert!(both_edits(&c.scenarios[0]) && loaded.lost_writes.is_empty());
}

#[test]
fn a_save_that_meets_another_tabs_write_of_other_fields_merges() {
    let memory = Memory::default();
    let (mut a, mut b) = rename_and_need(&memory);
    a.save().unwrap();
    let Err(SaveError::Conflict(at, text)) = b.save() else {
        panic!("b's save must stop at a's write");
    };
    let mine = b.scenarios[0].clone();
    let both = merged(b.saver.conflict(&at, &text, &mine));
    b.scenarios[0] = both;
    b.save().unwrap();
    assert!(both_edits(&taken(a.hears_entry(1))));
}

#[test]
fn two_closing_tabs_that_edited_different_fields_keep_both_without_a_question() {
    let memory = Memory::default();
    let (mut a, mut b) = rename_and_need(&memory);
    a.save_as(true).unwrap();
    b.save_as(true).unwrap();
    let (c, loaded) = Kerze::open(&memory, "tc");
    assert!(both_edits(&c.scenarios[0]));
    assert!(loaded.lost_writes.is_empty(), "{:?}", loaded.lost_writes);
}

#[test]
fn the_same_field_changed_in_both_tabs_asks_and_names_it() {
    let memory = Memory::default();
    let (mut a, mut b) = both_rename_a(&memory);
    Rc::make_mut(&mut b.scenarios[0])
        .apply(ScenarioEdit::SetNeed("Need typed in b".into()))
        .unwrap();
    a.save().unwrap();
    let External::Ask(other) = b.hears_entry(1) else {
        panic!("both renamed: b is asked");
    };
    assert_eq!(other.clashes, vec![Clash::Field("name")]);
    // Either answer keeps b's need; the name is the one chosen.
    let mine = b.scenarios[0].clone();
    let theirs_chosen = other.chosen(&mine, false);
    assert_eq!(theirs_chosen.name, "A by tab a");
    assert_eq!(theirs_chosen.need, "Need typed in b");
    let mine_chosen = other.chosen(&mine, true);
    assert_eq!(mine_chosen.name, "A by tab b");
    assert_eq!(mine_chosen.need, "Need typed in b");
}

#[test]
fn keeping_mine_over_a_saved_edit_tells_the_tab_that_saved_it() {
    let memory = Memory::default();
    let (mut a, mut b) = both_rename_a(&memory);
    a.save().unwrap();
    let External::Ask(other) = b.hears_entry(1) else {
        panic!("both renamed: b is asked");
    };
    // b keeps its own name, as the page does.
    let OtherSource::Entry(text) = &other.source else {
        panic!("an entry")
    };
    b.saver.overrule(&id(1), text);
    let mine = b.scenarios[0].clone();
    b.scenarios[0] = Rc::new(other.chosen(&mine, true));
    b.save().unwrap();
    assert!(memory.entry_holds(1, "A by tab b"));
    // a had nothing unsaved, but its saved name was replaced: it is asked.
    match a.hears_entry(1) {
        External::Ask(question) => {
            assert_eq!(question.theirs.name, "A by tab b");
            assert_eq!(question.clashes, vec![Clash::Field("name")]);
        }
        other => panic!("a must be told, got {other:?}"),
    }
}

/// Tab a deletes B; tab b, opened after, brings it back. Returns a, which
/// has not heard of the restore yet.
fn deleted_here_restored_there(memory: &Memory) -> Kerze {
    let mut a = saved_pair(memory);
    a.delete(1);
    a.save().unwrap();
    let (mut b, _) = Kerze::open(memory, "tb");
    let back = b.trash.remove(0);
    b.scenarios.push(back);
    b.save().unwrap();
    a
}

#[test]
fn a_restore_in_another_tab_is_followed_when_heard() {
    let memory = Memory::default();
    let mut a = deleted_here_restored_there(&memory);
    assert_eq!(a.hears_index(&memory).restored, vec![id(2)]);
}

#[test]
fn a_restore_in_another_tab_survives_this_tabs_next_change_of_the_list() {
    let memory = Memory::default();
    let mut a = deleted_here_restored_there(&memory);
    a.scenarios.push(scenario(3, "C"));
    // The save stops before writing the list, names the restore, and the
    // page follows it; the next save writes both changes.
    let Err(SaveError::ListChanged(change)) = a.save_as(false) else {
        panic!("the list changed elsewhere");
    };
    assert_eq!(change.restored, vec![id(2)]);
    a.follow(change);
    a.save().unwrap();
    let (c, _) = Kerze::open(&memory, "tc");
    let mut open = names(&c.scenarios);
    open.sort();
    assert_eq!(open, ["A", "B", "C"]);
    assert!(c.trash.is_empty());
}

#[test]
fn a_scenario_purged_from_a_full_trash_in_one_tab_never_comes_back_as_open() {
    let memory = Memory::default();
    let mut a = saved_pair(&memory);
    a.delete(1);
    a.save().unwrap();
    let (mut b, _) = Kerze::open(&memory, "tb");
    // a's trash overflows: B drops out of it, for good.
    a.trash.clear();
    a.save().unwrap();
    assert!(memory.get(&scenario_key(&id(2))).is_none());
    // b still holds B in its trash: it follows, never writes B back.
    assert_eq!(b.hears_entry(2), External::Purged);
    b.trash.clear();
    b.scenarios.push(scenario(3, "C"));
    b.save().unwrap();
    let (c, _) = Kerze::open(&memory, "tc");
    assert_eq!(names(&c.scenarios), ["A", "C"]);
    assert!(c.trash.is_empty());
    assert!(memory.get(&scenario_key(&id(2))).is_none());
}

/// One edit of a field, as a tab of the random pairs below makes it.
#[derive(Clone, Debug)]
enum Edit {
    Name(String),
    Need(String),
    Cause(String),
    Title(usize, String),
    Value(usize, usize, f64),
}

impl Edit {
    fn random(next: &mut impl FnMut() -> u64, tab: &str) -> Edit {
        let text = format!("{tab} {}", next() % 1000);
        match next() % 5 {
            0 => Edit::Name(text),
            1 => Edit::Need(text),
            2 => Edit::Cause(text),
            3 => Edit::Title((next() % 3) as usize, text),
            _ => Edit::Value(
                (next() % 3) as usize,
                (next() % 2) as usize,
                (next() % 5 + 1) as f64,
            ),
        }
    }

    /// Which field it changes: two edits of the same field clash.
    fn field(&self) -> (u8, usize, usize) {
        match self {
            Edit::Name(_) => (0, 0, 0),
            Edit::Need(_) => (1, 0, 0),
            Edit::Cause(_) => (2, 0, 0),
            Edit::Title(o, _) => (3, *o, 0),
            Edit::Value(o, c, _) => (4, *o, *c),
        }
    }

    fn edit(&self, s: &Scenario) -> ScenarioEdit {
        let option = |o: usize| s.options[o].id;
        match self.clone() {
            Edit::Name(t) => ScenarioEdit::Rename(t),
            Edit::Need(t) => ScenarioEdit::SetNeed(t),
            Edit::Cause(t) => ScenarioEdit::SetRootCause(t),
            Edit::Title(o, t) => ScenarioEdit::RenameOption(option(o), t),
            Edit::Value(o, c, v) => ScenarioEdit::SetValue(option(o), s.criteria[c].id, Some(v)),
        }
    }

    /// Whether `s` holds this edit.
    fn holds(&self, s: &Scenario) -> bool {
        let mut edited = s.clone();
        edited.apply(self.edit(s)).is_ok() && edited == *s
    }
}

/// A tab answers what another tab's write means, as the page does; a
/// question is answered at random and counted.
fn follow(tab: &mut Kerze, change: External, next: &mut impl FnMut() -> u64, asked: &mut bool) {
    match change {
        External::Take(version) | External::Merged(version) => tab.scenarios[0] = version,
        External::Ask(question) => {
            // Asked again, a person takes the other's: the tabs settle.
            let keep_mine = !*asked && next() % 2 == 0;
            *asked = true;
            let OtherSource::Entry(text) = &question.source else {
                return;
            };
            if keep_mine {
                tab.saver.overrule(&id(1), text);
            } else {
                tab.saver.accept_external(&question.theirs, text);
            }
            let mine = tab.scenarios[0].clone();
            tab.scenarios[0] = Rc::new(question.chosen(&mine, keep_mine));
        }
        _ => {}
    }
}

/// A tab saves; a save stopped at the other tab's write is merged or asked.
fn save_following(tab: &mut Kerze, next: &mut impl FnMut() -> u64, asked: &mut bool) {
    if let Err(SaveError::Conflict(at, text)) = tab.save() {
        let mine = tab.scenarios[0].clone();
        let change = tab.saver.conflict(&at, &text, &mine);
        follow(tab, change, next, asked);
        if !matches!(tab.save(), Ok(()) | Err(SaveError::Conflict(..))) {
            panic!("a save failed");
        }
    }
}

#[test]
fn random_edit_pairs_in_two_tabs_survive_or_are_announced() {
    let mut next = support::rng::xorshift(0x5eed_2ab5);
    let (mut merged_pairs, mut questions) = (0, 0);
    for trial in 0..400 {
        let memory = Memory::default();
        let mut a = Kerze::first_run(&memory, "ta", vec![scenario(1, "A")]);
        a.save().unwrap();
        let (mut b, _) = Kerze::open(&memory, "tb");
        let (ea, eb) = (Edit::random(&mut next, "a"), Edit::random(&mut next, "b"));
        for (tab, e) in [(&mut a, &ea), (&mut b, &eb)] {
            let s = Rc::make_mut(&mut tab.scenarios[0]);
            let edit = e.edit(s);
            s.apply(edit).unwrap();
        }
        let (mut asked_a, mut asked_b, mut at_load) = (false, false, false);
        let schedule = next() % 4;
        match schedule {
            0 | 1 => {
                a.save().unwrap();
                if schedule == 0 {
                    let change = b.hears_entry(1);
                    follow(&mut b, change, &mut next, &mut asked_b);
                }
                for _ in 0..4 {
                    save_following(&mut b, &mut next, &mut asked_b);
                    let change = a.hears_entry(1);
                    follow(&mut a, change, &mut next, &mut asked_a);
                    save_following(&mut a, &mut next, &mut asked_a);
                    let change = b.hears_entry(1);
                    follow(&mut b, change, &mut next, &mut asked_b);
                }
                assert!(
                    !a.dirty() && !b.dirty(),
                    "trial {trial}: both tabs settle: {ea:?} {eb:?} {schedule} {asked_a} {asked_b}"
                );
                assert_eq!(
                    a.scenarios[0], b.scenarios[0],
                    "trial {trial}: both tabs agree"
                );
            }
            _ => {
                // Both pages close; with schedule 3 b's reads do not show a's write yet.
                if schedule == 3 {
                    b.store.stale = Some(memory.0.borrow().map.clone());
                }
                a.save_as(true).unwrap();
                let _ = b.save_as(true);
            }
        }
        let (c, loaded) = Kerze::open(&memory, "tc");
        at_load |= !loaded.lost_writes.is_empty();
        let stored = &c.scenarios[0];
        let same_field = ea.field() == eb.field();
        if same_field {
            assert!(
                ea.holds(stored) || eb.holds(stored),
                "trial {trial}: one of them"
            );
        } else if schedule != 3 {
            assert!(
                !asked_a && !asked_b && !at_load,
                "trial {trial}: no question for {ea:?} and {eb:?}"
            );
        }
        assert!(
            ea.holds(stored) || asked_a || at_load,
            "trial {trial}: a's {ea:?} kept or a asked ({schedule})"
        );
        assert!(
            eb.holds(stored) || asked_b || at_load,
            "trial {trial}: b's {eb:?} kept or b asked ({schedule})"
        );
        merged_pairs += usize::from(!same_field && ea.holds(stored) && eb.holds(stored));
        questions += usize::from(asked_a || asked_b || at_load);
    }
    assert!(
        merged_pairs > 200 && questions > 10,
        "{merged_pairs} merged, {questions} asked"
    );
}

/// A change of the list of scenarios, as a tab of the random pairs below makes it.
#[derive(Clone, Copy, Debug)]
enum ListOp {
    Delete(u32),
    Restore(u32),
    Add(u32),
}

impl ListOp {
    fn apply(self, tab: &mut Kerze) {
        match self {
            ListOp::Delete(n) => {
                let at = tab.scenarios.iter().position(|s| s.id == id(n)).unwrap();
                tab.delete(at);
            }
            ListOp::Restore(n) => {
                let at = tab.trash.iter().position(|s| s.id == id(n)).unwrap();
                let back = tab.trash.remove(at);
                tab.scenarios.push(back);
            }
            ListOp::Add(n) => tab.scenarios.push(scenario(n, &format!("New {n}"))),
        }
    }

    /// Whether the tab `c` opened on the store shows this change.
    fn holds(self, c: &Kerze) -> bool {
        let open = |n: u32| c.scenarios.iter().any(|s| s.id == id(n));
        let deleted = |n: u32| c.trash.iter().any(|s| s.id == id(n));
        match self {
            ListOp::Delete(n) => deleted(n) && !open(n),
            ListOp::Restore(n) | ListOp::Add(n) => open(n) && !deleted(n),
        }
    }
}

#[test]
fn random_list_changes_in_two_tabs_all_survive() {
    let mut next = support::rng::xorshift(0x7ab5_11a7);
    for trial in 0..300 {
        let memory = Memory::default();
        let all = vec![
            scenario(1, "A"),
            scenario(2, "B"),
            scenario(3, "C"),
            scenario(4, "D"),
        ];
        let mut a = Kerze::first_run(&memory, "ta", all);
        a.delete(3);
        a.save().unwrap();
        let (mut b, _) = Kerze::open(&memory, "tb");
        // Two changes of different scenarios: 1–3 open, 4 in the trash.
        let mut pick = |tab: u32, taken: Option<u32>| loop {
            let n = (next() % 5 + 1) as u32;
            if Some(n) == taken {
                continue;
            }
            break match n {
                1..=3 => ListOp::Delete(n),
                4 => ListOp::Restore(4),
                _ => ListOp::Add(10 + tab),
            };
        };
        let op_a = pick(0, None);
        let taken = match op_a {
            ListOp::Delete(n) | ListOp::Restore(n) => Some(n),
            ListOp::Add(_) => None,
        };
        let op_b = pick(1, taken);
        op_a.apply(&mut a);
        op_b.apply(&mut b);
        let heard = next() % 2 == 0;
        a.save().unwrap();
        if heard {
            let change = b.hears_index(&memory);
            b.follow(change);
        }
        b.save().unwrap();
        let change = a.hears_index(&memory);
        a.follow(change);
        a.save().unwrap();
        let (c, _) = Kerze::open(&memory, "tc");
        assert!(
            op_a.holds(&c),
            "trial {trial}: a's {op_a:?} (heard: {heard})"
        );
        assert!(
            op_b.holds(&c),
            "trial {trial}: b's {op_b:?} (heard: {heard})"
        );
    }
}
