//! Keeping the workspace in storage, and in step with other tabs.

use super::use_latest;
use crate::domain::formats::stored::{INDEX_KEY, SCENARIO_KEY_PREFIX};
use crate::domain::model::ids::ScenarioId;
use crate::domain::saving::save::{
    self, External, IndexChange, OtherSource, OtherVersion, SaveError, Saver, Snapshot,
};
use crate::services::clock::new_writer_id;
use crate::services::storage;
use crate::state::{Action, Done, Notice, NoticeKey, State};
use gloo_events::EventListener;
use gloo_timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Quiet time after the last edit before it is written to storage. Typing never
/// waits for a save; leaving the page writes at once.
const SAVE_DELAY_MS: u32 = 300;

/// Where the last save stands.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveStatus {
    /// Everything is in storage.
    Saved,
    /// An edit waits for its save.
    Pending,
    /// The last save did not land.
    Failed(SaveError),
}

/// What the page shows of saving, and how a conflict is answered.
pub struct Persistence {
    /// Where the last save stands.
    pub status: SaveStatus,
    /// How many bytes Kerze uses in this browser's storage.
    pub bytes_used: Option<usize>,
    /// Answers a conflict: `true` keeps this tab's version.
    pub resolve: Callback<(OtherVersion, bool)>,
}

/// What a save writes of the state.
fn snapshot(state: &State) -> Snapshot<'_> {
    Snapshot {
        scenarios: &state.workspace.scenarios,
        trash: &state.workspace.trash,
        active: &state.workspace.active,
        lang: state.lang.code(),
    }
}

/// A first visit that opened a share link stores nothing (not even the demo
/// it starts with) until the user turns to their own scenarios.
fn stores_nothing(saver: &Saver, state: &State) -> bool {
    state.shared().is_some() && !saver.has_index()
}

/// Saves what changed; `closing` when the page is being hidden or closed.
fn save_now(saver: &RefCell<Saver>, state: &State, closing: bool) -> SaveStatus {
    if stores_nothing(&saver.borrow(), state) {
        return SaveStatus::Saved;
    }
    let result = storage::open()
        .map_err(SaveError::from)
        .and_then(|mut store| {
            saver
                .borrow_mut()
                .save(&mut store, &snapshot(state), closing)
        });
    match result {
        Ok(()) => SaveStatus::Saved,
        Err(error) => SaveStatus::Failed(error),
    }
}

fn bytes_used() -> Option<usize> {
    storage::open()
        .ok()
        .and_then(|store| save::bytes_used(&store))
}

/// A full storage comes with the remedy that frees room: emptying the
/// trash, whose entries keep their bytes until then.
fn full_notice(status: &SaveStatus, state: &State) -> Action {
    if !matches!(status, SaveStatus::Failed(SaveError::Full)) {
        return Action::Dismiss(NoticeKey::StorageFull);
    }
    let trash: Vec<ScenarioId> = state.workspace.trash.iter().map(|s| s.id.clone()).collect();
    let frees = storage::open()
        .map(|store| Saver::bytes_of(&store, &trash))
        .unwrap_or(0);
    Action::Notify(Notice::StorageFull(frees))
}

/// What the saving hooks share: one saver per tab, the status the footer
/// shows, the state as of the latest render.
#[derive(Clone)]
struct Saving {
    saver: Rc<RefCell<Saver>>,
    status: UseStateHandle<SaveStatus>,
    latest: Rc<RefCell<State>>,
    /// The save waiting for its quiet time.
    pending: Rc<RefCell<Option<Timeout>>>,
    /// Sets the status after a save: the footer and the notices follow it.
    report: Callback<SaveStatus>,
    dispatch: Callback<Action>,
}

/// Persists the workspace and follows other tabs' saves.
#[hook]
pub fn use_persistence(
    state: &UseReducerHandle<State>,
    boot: Option<(Saver, SaveStatus)>,
    dispatch: Callback<Action>,
) -> Persistence {
    let (saver, status) = boot.unzip();
    let saver = use_mut_ref(move || saver.unwrap_or_else(|| Saver::fresh(&new_writer_id())));
    let status = use_state(move || status.unwrap_or(SaveStatus::Pending));
    let bytes = use_state(bytes_used);
    let latest = use_latest(&**state);
    let pending = use_mut_ref(|| None::<Timeout>);
    let report = {
        let (status, bytes, dispatch, latest) = (
            status.clone(),
            bytes.clone(),
            dispatch.clone(),
            latest.clone(),
        );
        use_memo((), move |_| {
            Callback::from(move |result: SaveStatus| {
                dispatch.emit(full_notice(&result, &latest.borrow()));
                status.set(result);
                bytes.set(bytes_used());
            })
        })
    };
    let saving = Saving {
        saver,
        status: status.clone(),
        latest,
        pending,
        report: (*report).clone(),
        dispatch,
    };
    use_debounced_save(state, saving.clone());
    use_flush_on_leave(saving.clone());
    use_other_tabs(saving.clone());
    let resolve = use_memo((), move |_| {
        Callback::from(move |(found, keep_mine)| resolve(&saving, found, keep_mine))
    });
    Persistence {
        status: (*status).clone(),
        bytes_used: *bytes,
        resolve: (*resolve).clone(),
    }
}

/// Persist every change after a short quiet time, so typing never waits for
/// storage; under the storage lock, so that two tabs' saves never interleave.
#[hook]
fn use_debounced_save(state: &UseReducerHandle<State>, saving: Saving) {
    use_effect_with(state.clone(), move |state| {
        let saver = saving.saver.borrow();
        if !saver.is_dirty(&snapshot(state)) || stores_nothing(&saver, state) {
            return;
        }
        drop(saver);
        if !matches!(*saving.status, SaveStatus::Failed(SaveError::Unavailable)) {
            saving.status.set(SaveStatus::Pending);
        }
        let pending = saving.pending.clone();
        *pending.borrow_mut() = Some(Timeout::new(SAVE_DELAY_MS, move || {
            storage::with_lock(move || {
                // The state as it is when the lock is granted, not as it was
                // when the timer was set: a save that runs late (after the
                // page flushed on hiding, say) must never write an older version.
                let result = save_now(&saving.saver, &saving.latest.borrow(), false);
                let result = match result {
                    SaveStatus::Failed(SaveError::Conflict(id, text)) => {
                        let mine = saving
                            .latest
                            .borrow()
                            .workspace
                            .scenario_or_deleted(&id)
                            .cloned();
                        if let Some(mine) = mine {
                            let change = saving.saver.borrow_mut().conflict(&id, &text, &mine);
                            follow(&saving, &id, change);
                        }
                        SaveStatus::Failed(SaveError::Conflict(id, text))
                    }
                    SaveStatus::Failed(SaveError::ListChanged(change)) => {
                        follow_list(&saving, change);
                        SaveStatus::Pending
                    }
                    result => result,
                };
                saving.report.emit(result);
            });
        }));
    });
}

/// Leaving or hiding the page writes at once (no lock: the page may be gone
/// before one is granted), so a closed tab loses nothing; a pending copy
/// guards against another tab closing at the same moment. Shown again, the
/// tab clears its pending copies that landed.
#[hook]
fn use_flush_on_leave(saving: Saving) {
    use_effect_with((), move |_| {
        let settle = Rc::new(RefCell::new(None::<Timeout>));
        let flush = Rc::new(move |closing: bool| {
            saving.pending.borrow_mut().take();
            let hidden = web_sys::window()
                .and_then(|w| w.document())
                .is_none_or(|d| d.hidden());
            if closing || hidden {
                let result = save_now(&saving.saver, &saving.latest.borrow(), true);
                saving.status.set(result);
            } else {
                let saver = saving.saver.clone();
                *settle.borrow_mut() = Some(Timeout::new(2_000, move || {
                    if let Ok(mut store) = storage::open() {
                        saver.borrow_mut().settle(&mut store);
                    }
                }));
            }
        });
        let on_hide = flush.clone();
        let window = web_sys::window();
        let document = window.as_ref().and_then(|w| w.document());
        let listeners = (
            window.map(|w| EventListener::new(&w, "pagehide", move |_| on_hide(true))),
            document.map(|d| EventListener::new(&d, "visibilitychange", move |_| flush(false))),
        );
        move || drop(listeners)
    });
}

/// Another tab saved a scenario: show it here, or ask when this tab has
/// unsaved edits of it (or that tab's write replaced this tab's), so neither
/// tab's work is overwritten unseen.
#[hook]
fn use_other_tabs(saving: Saving) {
    use_effect_with((), move |_| {
        let listener = web_sys::window().map(|w| {
            EventListener::new(&w, "storage", move |event| {
                let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() else {
                    return;
                };
                let Some(key) = event.key() else { return };
                if key == INDEX_KEY {
                    index_changed(&saving, event.new_value().as_deref());
                } else if let Some(id) = key
                    .strip_prefix(SCENARIO_KEY_PREFIX)
                    .and_then(ScenarioId::parse)
                {
                    entry_changed(&saving, &id);
                }
            })
        });
        move || drop(listener)
    });
}

/// Another tab wrote the index: follow its deletions, restores and additions.
fn index_changed(saving: &Saving, text: Option<&str>) {
    let change = saving
        .saver
        .borrow_mut()
        .index_changed(text, &snapshot(&saving.latest.borrow()));
    follow_list(saving, change);
}

/// Follows another tab's changes of the list: the scenarios it added are read.
fn follow_list(saving: &Saving, change: IndexChange) {
    for id in change.deleted {
        saving.dispatch.emit(Action::DeletedElsewhere(id));
    }
    for id in change.restored {
        saving.dispatch.emit(Action::RestoredElsewhere(id));
    }
    for id in &change.added {
        entry_changed(saving, id);
    }
}

/// The user answered a conflict: both versions' changes are kept, and where
/// both changed a field, the version chosen. Either way the other version
/// stays in this scenario's undo history.
fn resolve(saving: &Saving, found: OtherVersion, keep_mine: bool) {
    let theirs = found.theirs.clone();
    let mine = saving
        .latest
        .borrow()
        .workspace
        .scenario_or_deleted(&theirs.id)
        .cloned();
    {
        let mut saver = saving.saver.borrow_mut();
        match &found.source {
            OtherSource::Entry(text) if keep_mine => saver.overrule(&theirs.id, text),
            OtherSource::Entry(text) => saver.accept_external(&theirs, text),
            OtherSource::Pending(writer) => {
                if let Ok(mut store) = storage::open() {
                    saver.drop_pending(&mut store, &theirs.id, writer);
                }
            }
        }
    }
    let key = NoticeKey::Conflict(theirs.id.clone());
    let chosen = mine.map(|mine| Rc::new(found.chosen(&mine, keep_mine)));
    match chosen {
        Some(chosen) => saving.dispatch.emit(Action::ChangedElsewhere(chosen)),
        None if keep_mine => {}
        None => saving
            .dispatch
            .emit(Action::ChangedElsewhere(theirs.clone())),
    }
    if keep_mine {
        // Their version, one Undo away.
        saving.dispatch.emit(Action::KeepMine(theirs));
    }
    saving.dispatch.emit(Action::Dismiss(key));
}

/// Another tab wrote a scenario's entry: take it, merge it, or ask.
fn entry_changed(saving: &Saving, id: &ScenarioId) {
    let Ok(store) = storage::open() else { return };
    let (mine, deleted) = {
        let latest = saving.latest.borrow();
        let workspace = &latest.workspace;
        let deleted = workspace.trash.iter().any(|s| &s.id == id);
        (workspace.scenario_or_deleted(id).cloned(), deleted)
    };
    let change = saving
        .saver
        .borrow_mut()
        .entry_changed(&store, id, mine.as_ref(), deleted);
    follow(saving, id, change);
}

/// Does what another tab's write of a scenario means here.
fn follow(saving: &Saving, id: &ScenarioId, change: External) {
    match change {
        External::Nothing => {}
        External::WriteAgain => {
            let result = save_now(&saving.saver, &saving.latest.borrow(), false);
            saving.report.emit(result);
        }
        External::Purged => saving.dispatch.emit(Action::PurgedElsewhere(id.clone())),
        External::Take(theirs) => saving.dispatch.emit(Action::ChangedElsewhere(theirs)),
        External::Merged(merged) => {
            let name = merged.name.clone();
            saving.dispatch.emit(Action::ChangedElsewhere(merged));
            saving
                .dispatch
                .emit(Action::Notify(Notice::Done(Done::Merged(name))));
        }
        External::Ask(other) => saving
            .dispatch
            .emit(Action::Notify(Notice::Conflict(other))),
    }
}
