//! The save rules over an in-memory store: what a save writes and reads
//! back, what a load finds in damaged, full, lying or newer storage, and two
//! tabs that save, delete, restore and close at the same time.

use kerze::domain::demo::demo_scenario;
use kerze::domain::ids::ScenarioId;
use kerze::domain::save::{
    load, External, IndexChange, OtherSource, SaveError, Saver, Snapshot, Store, StoreError,
};
use kerze::domain::scenario::{Scenario, ScenarioEdit};
use kerze::domain::stored::{
    decode_stamped, encode_index, pending_key, scenario_key, EntryError, StoredIndex, INDEX_KEY,
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
    fn open(memory: &Memory, writer: &str) -> (Self, kerze::domain::save::Loaded) {
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

    fn save(&mut self) -> Result<(), SaveError> {
        self.save_as(false)
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
    let newer = "{\"version\":6,\"scenario\":{\"ballots\":true}}";
    memory.put(&scenario_key(&id(2)), newer);
    let (mut old, loaded) = Kerze::open(&memory, "tb");
    assert_eq!(names(&old.scenarios), ["A"]);
    assert!(matches!(
        loaded.unreadable[0].error,
        EntryError::FutureVersion(6)
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
            kerze::domain::stored::encode_scenario(
                &scenario(1, "A"),
                &kerze::domain::stored::Stamp {
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
        self.saver.entry_changed(&self.store, &id(n), mine.as_ref())
    }

    /// This tab's reaction to another tab's write of the index.
    fn hears_index(&self, memory: &Memory) -> IndexChange {
        let text = memory.get(INDEX_KEY);
        let known: Vec<ScenarioId> = self
            .scenarios
            .iter()
            .chain(&self.trash)
            .map(|s| s.id.clone())
            .collect();
        self.saver
            .index_changed(text.as_deref(), &self.scenarios, |id| known.contains(id))
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
    let other = ta
        .saver
        .conflict(&id(1), &text)
        .expect("a readable version");
    assert_eq!(other.theirs.name, "A from tab b");
    // A text that is no readable version is overruled: the next save writes over it.
    memory.put(&scenario_key(&id(1)), "{ not json");
    assert_eq!(ta.saver.conflict(&id(1), "{ not json"), None);
    ta.rename(0, "A from tab a");
    ta.save().unwrap();
    assert!(memory.entry_holds(1, "A from tab a"));
}

#[test]
fn a_deletion_in_another_tab_is_followed_only_for_untouched_scenarios() {
    let memory = Memory::default();
    let ta = saved_pair(&memory);
    let (mut tb, _) = Kerze::open(&memory, "tb");
    tb.delete(1);
    tb.save().unwrap();
    assert_eq!(ta.hears_index(&memory).deleted, vec![id(2)]);
    let mut touched = saved_pair(&Memory::default());
    touched.scenarios[1] = {
        let mut b = Scenario::clone(&touched.scenarios[1]);
        b.name = "B edited here".into();
        Rc::new(b)
    };
    let text = memory.get(INDEX_KEY);
    let known = |_: &ScenarioId| true;
    let change = touched
        .saver
        .index_changed(text.as_deref(), &touched.scenarios, known);
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
    let ta = saved_pair(&memory);
    memory.put(INDEX_KEY, "{ damaged");
    assert_eq!(ta.hears_index(&memory), IndexChange::default());
}
