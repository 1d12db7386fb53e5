//! The root component: loads once from storage, owns the one state, saves
//! what changed, and wires the panels together.

use crate::components::criteria_panel::CriteriaPanel;
use crate::components::options_panel::{columns, OptionsPanel};
use crate::components::ranking::RankingPanel;
use crate::components::scenario_bar::{ScenarioBar, ScenarioEntry};
use crate::components::scenario_panel::ScenarioPanel;
use crate::components::share::{SharePanel, SharedBar};
use crate::components::Same;
use crate::domain::export::{export_file_name, export_json};
use crate::domain::ids::ScenarioId;
use crate::domain::import::{read_import, ImportError, MAX_IMPORT_BYTES};
use crate::domain::link::{decode_link, is_link, LinkError};
use crate::domain::save::{
    self, OtherSource, OtherVersion, SaveError, Saver, Snapshot, Store, Unreadable,
};
use crate::domain::scenario::Scenario;
use crate::domain::scoring::{rank, segment_ranks};
use crate::domain::stored::{
    decode_index, decode_scenario, scenario_key, EntryError, INDEX_KEY, SCENARIO_KEY_PREFIX,
};
use crate::domain::table::{ranking_csv, ranking_markdown};
use crate::i18n::Lang;
use crate::services::clipboard::copy_text;
use crate::services::clock::{new_scenario_id, new_writer_id, now_iso, today};
use crate::services::download::download_text;
use crate::services::events::Listener;
use crate::services::files::read_text;
use crate::services::location;
use crate::services::storage;
use crate::state::{Action, State};
use gloo_timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Quiet time after the last edit before it is written to storage. Typing never
/// waits for a save; leaving the page writes at once.
const SAVE_DELAY_MS: u32 = 300;

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match State::reduce(&self, action) {
            Some(next) => Rc::new(next),
            None => self,
        }
    }
}

/// Where the last save stands.
#[derive(Clone, Debug, PartialEq)]
enum SaveStatus {
    Saved,
    Pending,
    Failed(SaveError),
}

/// Work that takes a moment, shown while it runs.
#[derive(Clone, Debug, PartialEq)]
enum Busy {
    /// A share link pasted into the open page.
    OpeningLink,
    /// A file being imported (its name).
    Reading(String),
}

/// Runs `work` after the page had a frame to show that it is busy.
fn after_a_frame(work: impl FnOnce() + 'static) {
    Timeout::new(30, work).forget();
}

/// What the page starts from: the state, how it saves, and what to tell the user.
struct Boot {
    state: State,
    saver: Saver,
    status: SaveStatus,
    unreadable: Vec<Unreadable>,
    other_versions: Vec<OtherVersion>,
    newer_data: bool,
    link_error: Option<LinkError>,
}

/// The scenario in the address bar's fragment, if there is one. A link that
/// does not open is taken out of the address bar, so a reload shows the
/// user's own scenarios.
fn scenario_from_address() -> Option<Result<Rc<Scenario>, LinkError>> {
    let fragment = location::fragment();
    if !is_link(&fragment) {
        return None;
    }
    let opened = decode_link(&fragment, new_scenario_id()).map(Rc::new);
    if opened.is_err() {
        location::clear_fragment();
    }
    Some(opened)
}

fn browser_lang() -> Lang {
    web_sys::window()
        .and_then(|w| w.navigator().language())
        .map(|tag| Lang::from_tag(&tag))
        .unwrap_or_default()
}

fn boot() -> Boot {
    let mut boot = boot_from_storage();
    match scenario_from_address() {
        Some(Ok(shared)) => boot.state.shared = Some(shared),
        Some(Err(error)) => boot.link_error = Some(error),
        None => {}
    }
    boot
}

fn boot_from_storage() -> Boot {
    let lang = browser_lang();
    let writer = new_writer_id();
    let first_run = |status: SaveStatus, saver: Saver| Boot {
        state: State::first_run(new_scenario_id(), lang),
        saver,
        status,
        unreadable: Vec::new(),
        other_versions: Vec::new(),
        newer_data: false,
        link_error: None,
    };
    let loaded = storage::open().and_then(|mut store| save::load(&mut store, &writer));
    match loaded {
        Ok(Some(loaded)) => {
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
                State::with_scenarios(loaded.scenarios, active, Vec::new(), lang)
            };
            state.trash = loaded.trash;
            let newer_data = loaded.newer_index
                || loaded
                    .unreadable
                    .iter()
                    .any(|u| matches!(u.error, EntryError::FutureVersion(_)));
            Boot {
                state,
                saver: loaded.saver,
                status: SaveStatus::Saved,
                unreadable: loaded.unreadable,
                other_versions: loaded.lost_writes,
                newer_data,
                link_error: None,
            }
        }
        Ok(None) => first_run(SaveStatus::Pending, Saver::fresh(&writer)),
        Err(error) => first_run(SaveStatus::Failed(error.into()), Saver::fresh(&writer)),
    }
}

/// What a save writes of the state.
fn snapshot(state: &State) -> Snapshot<'_> {
    Snapshot {
        scenarios: &state.scenarios,
        trash: &state.trash,
        active: &state.active,
        lang: state.lang.code(),
    }
}

/// Saves what changed; `closing` when the page is being hidden or closed.
fn save_now(saver: &RefCell<Saver>, state: &State, closing: bool) -> SaveStatus {
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

/// How many bytes Kerze uses in this browser's storage.
fn bytes_used() -> Option<usize> {
    storage::open()
        .ok()
        .and_then(|store| save::bytes_used(&store))
}

/// The same `Rc` for as long as the value stays equal, so that components
/// given it as a prop skip re-rendering after edits elsewhere in the scenario.
#[hook]
fn use_stable<T: PartialEq + Clone + 'static>(value: &T) -> Same<T> {
    use_stable_by(value, T::eq)
}

/// [`use_stable`] with a cheaper equality (e.g. one that checks shared pointers first).
#[hook]
fn use_stable_by<T: Clone + 'static>(value: &T, same: fn(&T, &T) -> bool) -> Same<T> {
    let kept = use_mut_ref(|| Rc::new(value.clone()));
    if !same(kept.borrow().as_ref(), value) {
        *kept.borrow_mut() = Rc::new(value.clone());
    }
    let current = kept.borrow().clone();
    Same(current)
}

/// A name for an entry that could not be read: its scenario name if the text
/// still shows one, else its id.
fn unreadable_label(entry: &Unreadable) -> String {
    serde_json::from_str::<serde_json::Value>(&entry.raw)
        .ok()
        .and_then(|v| {
            v.pointer("/scenario/name")
                .and_then(|n| n.as_str())
                .map(str::to_owned)
        })
        .filter(|name| !name.trim().is_empty())
        .unwrap_or_else(|| entry.id.to_string())
}

fn entry_error_text(lang: Lang, error: &EntryError) -> String {
    let t = lang.texts();
    match error {
        EntryError::Damaged(_) => t.entry_damaged.to_owned(),
        EntryError::FutureVersion(v) => t.entry_future.replace("{version}", &v.to_string()),
        EntryError::Invalid(problems) => t
            .entry_invalid
            .replace("{problem}", &lang.first_problem(problems)),
    }
}

fn import_failed(lang: Lang, file: &str, reason: &str) -> String {
    lang.texts()
        .import_failed
        .replace("{file}", file)
        .replace("{reason}", reason)
}

/// Lets the waiting new version take over; the page then reloads itself.
fn apply_update() {
    let apply = web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &"kerzeUpdate".into()).ok())
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    match apply {
        Some(apply) => {
            let _ = apply.call0(&wasm_bindgen::JsValue::NULL);
        }
        None => {
            if let Some(w) = web_sys::window() {
                let _ = w.location().reload();
            }
        }
    }
}

/// The whole app.
#[function_component(App)]
pub fn app() -> Html {
    let boot = use_memo((), |_| RefCell::new(Some(boot())));
    let first = boot.borrow_mut().take();
    let (initial_state, initial_saver, initial_status, unreadable, others, newer, link_error) =
        match first {
            Some(b) => (
                Some(b.state),
                Some(b.saver),
                Some(b.status),
                b.unreadable,
                b.other_versions,
                b.newer_data,
                b.link_error,
            ),
            None => (None, None, None, Vec::new(), Vec::new(), false, None),
        };
    let unreadable = use_state(|| unreadable);
    let newer_data = use_state(|| newer);
    let link_error = use_state(|| link_error);
    let import_error = use_state(|| None::<(String, ImportError)>);
    let share_open = use_state(|| false);
    // A shared scenario opens on its ranking; its inputs (which for a big
    // scenario are thousands of fields) only when asked for.
    let inputs_open = use_state(|| false);
    // What is being read right now (a big link or file takes a moment): shown
    // so that the page says it is working rather than seem frozen.
    let busy = use_state(|| None::<Busy>);
    let dragging = use_state(|| false);
    let state = use_reducer(|| {
        initial_state.unwrap_or_else(|| State::first_run(new_scenario_id(), browser_lang()))
    });
    let saver = use_mut_ref(|| initial_saver.unwrap_or_else(|| Saver::fresh(&new_writer_id())));
    let status = use_state(|| initial_status.unwrap_or(SaveStatus::Pending));
    let bytes_used = use_state(bytes_used);
    // Other versions of scenarios the user must choose about, oldest first.
    let conflicts = use_state(|| others);
    let update_ready = use_state(|| false);
    let latest = use_mut_ref(|| (*state).clone());
    let pending = use_mut_ref(|| None::<Timeout>);
    *latest.borrow_mut() = (*state).clone();
    let add_conflict = {
        let conflicts = conflicts.clone();
        move |other: OtherVersion| {
            let mut list = (*conflicts).clone();
            list.retain(|o| o.theirs.id != other.theirs.id);
            list.push(other);
            conflicts.set(list);
        }
    };

    // Persist every change after a short quiet time, so typing never waits for
    // storage; under the storage lock, so that two tabs' saves never interleave.
    {
        let saver = saver.clone();
        let status = status.clone();
        let pending = pending.clone();
        let bytes_used = bytes_used.clone();
        let add_conflict = add_conflict.clone();
        use_effect_with(state.clone(), move |state| {
            if saver.borrow().is_dirty(&snapshot(state)) {
                if !matches!(*status, SaveStatus::Failed(SaveError::Unavailable)) {
                    status.set(SaveStatus::Pending);
                }
                let state = state.clone();
                let status = status.clone();
                let saver_for_timer = saver.clone();
                *pending.borrow_mut() = Some(Timeout::new(SAVE_DELAY_MS, move || {
                    storage::with_lock(move || {
                        let result = save_now(&saver_for_timer, &state, false);
                        if let SaveStatus::Failed(SaveError::Conflict(id, text)) = &result {
                            match decode_scenario(text) {
                                Ok(theirs) if theirs.id == *id => add_conflict(OtherVersion {
                                    theirs: Rc::new(theirs),
                                    source: OtherSource::Entry(text.clone()),
                                }),
                                // Unreadable text from elsewhere is no version to choose: keep ours.
                                _ => saver_for_timer.borrow_mut().overrule(id, text),
                            }
                        }
                        status.set(result);
                        bytes_used.set(self::bytes_used());
                    });
                }));
            }
        });
    }
    // Leaving or hiding the page writes at once (no lock: the page may be
    // gone before one is granted), so a closed tab loses nothing; a pending
    // copy guards against another tab closing at the same moment. Shown
    // again, the tab clears its pending copies that landed.
    {
        let saver = saver.clone();
        let latest = latest.clone();
        let pending = pending.clone();
        let status = status.clone();
        use_effect_with((), move |_| {
            let settle = Rc::new(RefCell::new(None::<Timeout>));
            let flush = Rc::new(move |closing: bool| {
                pending.borrow_mut().take();
                let hidden = web_sys::window()
                    .and_then(|w| w.document())
                    .is_none_or(|d| d.hidden());
                if closing || hidden {
                    status.set(save_now(&saver, &latest.borrow(), true));
                } else {
                    let saver = saver.clone();
                    *settle.borrow_mut() = Some(Timeout::new(2_000, move || {
                        if let Ok(mut store) = storage::open() {
                            saver.borrow_mut().settle(&mut store);
                        }
                    }));
                }
            });
            let on_hide = flush.clone();
            let listeners = [
                Listener::on_window("pagehide", move |_| on_hide(true)),
                Listener::on_document("visibilitychange", move |_| flush(false)),
            ];
            move || drop(listeners)
        });
    }
    // Another tab saved a scenario: show it here, or ask when this tab has
    // unsaved edits of it (or that tab's write replaced this tab's), so
    // neither tab's work is overwritten unseen.
    {
        let saver = saver.clone();
        let latest = latest.clone();
        let add_conflict = add_conflict.clone();
        let status = status.clone();
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| {
            let listener = Listener::on_window("storage", move |event| {
                let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() else {
                    return;
                };
                let Some(key) = event.key() else { return };
                let ids: Vec<ScenarioId> = if key == INDEX_KEY {
                    let index = event
                        .new_value()
                        .and_then(|text| decode_index(&text).ok())
                        .unwrap_or_default();
                    let known = latest.borrow().clone();
                    // Deleted there, untouched here: delete here too (it stays in the trash).
                    for id in index.trash {
                        let here = known.scenarios.iter().find(|s| s.id == id);
                        if here.is_some_and(|s| !saver.borrow().has_unsaved(s)) {
                            dispatcher.dispatch(Action::DeletedElsewhere(id));
                        }
                    }
                    index
                        .order
                        .into_iter()
                        .filter(|id| known.scenario_or_deleted(id).is_none())
                        .collect()
                } else {
                    key.strip_prefix(SCENARIO_KEY_PREFIX)
                        .and_then(ScenarioId::parse)
                        .into_iter()
                        .collect()
                };
                let Ok(store) = storage::open() else { return };
                for id in ids {
                    let mine = latest.borrow().scenario_or_deleted(&id).cloned();
                    let text = match store.get(&scenario_key(&id)) {
                        Ok(Some(text)) => text,
                        // Removed there (purged from that tab's trash) while this
                        // tab still holds it: write it again.
                        Ok(None) if mine.is_some() => {
                            saver.borrow_mut().entry_removed(&id);
                            status.set(save_now(&saver, &latest.borrow(), false));
                            continue;
                        }
                        _ => continue,
                    };
                    if saver.borrow().wrote(&text) {
                        continue;
                    }
                    let Ok(theirs) = decode_scenario(&text) else {
                        continue;
                    };
                    if theirs.id != id {
                        continue;
                    }
                    let theirs = Rc::new(theirs);
                    let contested = mine.as_ref().is_some_and(|mine| {
                        let saver = saver.borrow();
                        saver.has_unsaved(mine) || saver.replaced_mine(&id, &text)
                    });
                    match mine {
                        Some(mine) if contested && *mine != *theirs => add_conflict(OtherVersion {
                            theirs,
                            source: OtherSource::Entry(text),
                        }),
                        Some(mine) if contested => saver.borrow_mut().accept_external(&mine, &text),
                        _ => {
                            saver.borrow_mut().accept_external(&theirs, &text);
                            dispatcher.dispatch(Action::ChangedElsewhere(theirs));
                        }
                    }
                }
            });
            move || drop(listener)
        });
    }
    // The service worker has a new version ready: offer the reload, never force it.
    {
        let update_ready = update_ready.clone();
        use_effect_with((), move |_| {
            let listener =
                Listener::on_window("kerze-update-ready", move |_| update_ready.set(true));
            move || drop(listener)
        });
    }
    // A link pasted into the address bar of an open Kerze changes only the
    // fragment: open it, or go back to the user's own when the fragment is gone.
    {
        let dispatcher = state.dispatcher();
        let link_error = link_error.clone();
        let busy = busy.clone();
        use_effect_with((), move |_| {
            let listener = Listener::on_window("hashchange", move |_| {
                if !is_link(&location::fragment()) {
                    dispatcher.dispatch(Action::CloseShared);
                    return;
                }
                busy.set(Some(Busy::OpeningLink));
                let (dispatcher, link_error, busy) =
                    (dispatcher.clone(), link_error.clone(), busy.clone());
                after_a_frame(move || {
                    match scenario_from_address() {
                        Some(Ok(shared)) => {
                            link_error.set(None);
                            dispatcher.dispatch(Action::OpenShared(shared));
                        }
                        Some(Err(error)) => link_error.set(Some(error)),
                        None => dispatcher.dispatch(Action::CloseShared),
                    }
                    busy.set(None);
                });
            });
            move || drop(listener)
        });
    }
    // Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y anywhere on the page, also inside a field:
    // the app's undo covers every edit, so the field's own undo would only disagree.
    {
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| {
            let listener = Listener::on_window("keydown", move |event| {
                let Some(event) = event.dyn_ref::<web_sys::KeyboardEvent>() else {
                    return;
                };
                if !(event.ctrl_key() || event.meta_key()) || event.alt_key() {
                    return;
                }
                let action = match event.key().to_ascii_lowercase().as_str() {
                    "z" if event.shift_key() => Action::Redo,
                    "z" => Action::Undo,
                    "y" => Action::Redo,
                    _ => return,
                };
                event.prevent_default();
                dispatcher.dispatch(action);
            });
            move || drop(listener)
        });
    }
    // The page's language follows the UI's, for screen readers and hyphenation.
    use_effect_with(state.lang, |lang| {
        if let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = root.set_attribute("lang", lang.code());
        }
    });

    let dispatch = {
        let dispatcher = state.dispatcher();
        use_memo((), move |_| {
            Callback::from(move |action: Action| dispatcher.dispatch(action))
        })
    };
    let dispatch: Callback<Action> = (*dispatch).clone();
    let on_new = {
        let dispatch = dispatch.clone();
        use_callback((), move |_: (), _| {
            dispatch.emit(Action::NewScenario(new_scenario_id()))
        })
    };
    let on_duplicate = {
        let dispatch = dispatch.clone();
        use_callback((), move |_: (), _| {
            dispatch.emit(Action::DuplicateScenario(new_scenario_id()))
        })
    };
    let on_delete = {
        let dispatch = dispatch.clone();
        use_callback(state.active.clone(), move |_: (), active| {
            dispatch.emit(Action::DeleteScenario {
                id: active.clone(),
                replacement: new_scenario_id(),
            })
        })
    };
    let scenario = state.shown().clone();
    let on_export = use_callback(scenario.clone(), |_: (), scenario| {
        let file_name = export_file_name(&scenario.name, &today(), "json");
        download_text(
            &file_name,
            "application/json",
            &export_json(scenario, now_iso()),
        );
    });
    let on_export_csv = use_callback((scenario.clone(), state.lang), |_: (), (scenario, lang)| {
        let titles = lang.segment_rank_titles();
        let file_name = export_file_name(&scenario.name, &today(), "csv");
        let csv = ranking_csv(scenario, &lang.table_texts(&titles));
        download_text(&file_name, "text/csv;charset=utf-8", &csv);
    });
    let toast = use_state(|| None::<String>);
    let on_copy_markdown = {
        let toast = toast.clone();
        use_callback(
            (scenario.clone(), state.lang),
            move |_: (), (scenario, lang)| {
                let titles = lang.segment_rank_titles();
                let markdown = ranking_markdown(scenario, &lang.table_texts(&titles));
                let (toast, t) = (toast.clone(), lang.texts());
                copy_text(&markdown, move |copied| {
                    let message = if copied {
                        t.copied_markdown
                    } else {
                        t.copy_failed
                    };
                    toast.set(Some(message.to_owned()))
                });
            },
        )
    };

    let on_share = {
        let share_open = share_open.clone();
        use_callback((), move |_: (), _| share_open.set(true))
    };
    let on_close_share = {
        let share_open = share_open.clone();
        use_callback((), move |_: (), _| share_open.set(false))
    };
    // Read at the moment of the import, from the state as it is then, so that
    // the callback (and the drop listeners that hold it) never change.
    let on_import = {
        let (dispatch, toast, import_error, latest, busy) = (
            dispatch.clone(),
            toast.clone(),
            import_error.clone(),
            latest.clone(),
            busy.clone(),
        );
        use_callback((), move |file: web_sys::File, _| {
            let (dispatch, toast, import_error, latest, busy) = (
                dispatch.clone(),
                toast.clone(),
                import_error.clone(),
                latest.clone(),
                busy.clone(),
            );
            let name = file.name();
            let size = file.size();
            if size > MAX_IMPORT_BYTES as f64 {
                import_error.set(Some((name, ImportError::TooLarge(size as usize))));
                return;
            }
            busy.set(Some(Busy::Reading(name.clone())));
            read_text(&file, move |text| {
                after_a_frame(move || {
                    busy.set(None);
                    let lang = latest.borrow().lang;
                    let Some(text) = text else {
                        let reason = lang.texts().import_unreadable;
                        toast.set(Some(import_failed(lang, &name, reason)));
                        return;
                    };
                    match read_import(&text, new_scenario_id()) {
                        Ok(imported) => {
                            import_error.set(None);
                            let saved_as = latest.borrow().free_name(&imported.scenario.name);
                            toast.set(Some(lang.texts().imported.replace("{name}", &saved_as)));
                            // An import ends a shared view: a reload must not bring it back.
                            location::clear_fragment();
                            dispatch.emit(Action::Import(Rc::new(imported.scenario)));
                        }
                        Err(error) => import_error.set(Some((name, error))),
                    }
                });
            });
        })
    };
    // A file dragged over the page can be dropped anywhere to import it.
    {
        let (dragging, on_import) = (dragging.clone(), on_import.clone());
        use_effect_with(on_import, move |on_import| {
            let carries_files = |event: &web_sys::Event| {
                event
                    .dyn_ref::<web_sys::DragEvent>()
                    .and_then(|e| e.data_transfer())
                    .is_some_and(|data| data.types().includes(&"Files".into(), 0))
            };
            let over = {
                let dragging = dragging.clone();
                move |event: web_sys::Event| {
                    if carries_files(&event) {
                        event.prevent_default();
                        dragging.set(true);
                    }
                }
            };
            let leave = {
                let dragging = dragging.clone();
                move |event: web_sys::Event| {
                    let left_page = event
                        .dyn_ref::<web_sys::DragEvent>()
                        .is_some_and(|e| e.related_target().is_none());
                    if left_page {
                        dragging.set(false);
                    }
                }
            };
            let drop_file = {
                let on_import = on_import.clone();
                move |event: web_sys::Event| {
                    if !carries_files(&event) {
                        return;
                    }
                    event.prevent_default();
                    dragging.set(false);
                    let file = event
                        .dyn_ref::<web_sys::DragEvent>()
                        .and_then(|e| e.data_transfer())
                        .and_then(|data| data.files())
                        .and_then(|files| files.get(0));
                    if let Some(file) = file {
                        on_import.emit(file);
                    }
                }
            };
            let listeners = [
                Listener::on_window("dragenter", over.clone()),
                Listener::on_window("dragover", over),
                Listener::on_window("dragleave", leave),
                Listener::on_window("drop", drop_file),
            ];
            move || drop(listeners)
        });
    }
    let on_save_copy = {
        let (dispatch, toast, latest) = (dispatch.clone(), toast.clone(), latest.clone());
        use_callback((), move |_: (), _| {
            let state = latest.borrow();
            if let Some(shared) = &state.shared {
                let saved_as = state.free_name(&shared.name);
                let message = state.lang.texts().saved_copy.replace("{name}", &saved_as);
                toast.set(Some(message));
            }
            drop(state);
            location::clear_fragment();
            dispatch.emit(Action::SaveSharedCopy);
        })
    };
    let on_back = {
        let dispatch = dispatch.clone();
        use_callback((), move |_: (), _| {
            location::clear_fragment();
            dispatch.emit(Action::CloseShared);
        })
    };

    let lang = state.lang;
    let t = lang.texts();
    let scenario = Same(scenario);
    let ranking = Same(use_memo(scenario.clone(), |scenario| rank(scenario)));
    let by_segment = Same(use_memo(ranking.clone(), |ranking| {
        segment_ranks(&scenario, ranking)
    }));
    let criteria = use_stable(&scenario.criteria);
    let options = use_stable_by(&scenario.options, |a, b| {
        a.len() == b.len() && a.iter().zip(b).all(|(x, y)| Rc::ptr_eq(x, y) || x == y)
    });
    let table_columns = use_memo((criteria.clone(), lang), |(criteria, lang)| {
        columns(criteria, *lang)
    });
    let value_columns = use_stable(&table_columns.0);

    let entries = |list: &[Rc<crate::domain::scenario::Scenario>]| -> Vec<ScenarioEntry> {
        list.iter()
            .map(|s| ScenarioEntry {
                id: s.id.clone(),
                name: s.name.clone(),
            })
            .collect()
    };
    let notice = state.just_deleted.as_ref().and_then(|id| state.trash.iter().find(|s| &s.id == id)).map(|deleted| {
        let undo = {
            let dispatch = dispatch.clone();
            let id = deleted.id.clone();
            Callback::from(move |_: MouseEvent| dispatch.emit(Action::RestoreScenario(id.clone())))
        };
        let dismiss = {
            let dispatch = dispatch.clone();
            Callback::from(move |_: MouseEvent| dispatch.emit(Action::DismissNotice))
        };
        html! {
            <div class="notice" role="status">
                <span>{ t.deleted_notice.replace("{name}", &deleted.name) }</span>
                <button type="button" class="primary" onclick={undo}>{ t.undo }</button>
                <button type="button" class="ghost" aria-label={t.dismiss} onclick={dismiss}>{ "✕" }</button>
            </div>
        }
    });
    let conflict_banner = conflicts.first().cloned().map(|found| {
        // Either way the other version stays in this scenario's undo history.
        let resolve = |keep_mine: bool| {
            let (saver, conflicts, dispatch, found) = (
                saver.clone(),
                conflicts.clone(),
                dispatch.clone(),
                found.clone(),
            );
            Callback::from(move |_: MouseEvent| {
                let theirs = found.theirs.clone();
                let mut saver = saver.borrow_mut();
                match &found.source {
                    OtherSource::Entry(text) if keep_mine => saver.overrule(&theirs.id, text),
                    OtherSource::Entry(text) => saver.accept_external(&theirs, text),
                    OtherSource::Pending(writer) => {
                        if let Ok(mut store) = storage::open() {
                            saver.drop_pending(&mut store, &theirs.id, writer);
                        }
                    }
                }
                drop(saver);
                dispatch.emit(if keep_mine {
                    Action::KeepMine(theirs)
                } else {
                    Action::ChangedElsewhere(theirs)
                });
                let mut rest = (*conflicts).clone();
                rest.retain(|o| o != &found);
                conflicts.set(rest);
            })
        };
        let (take_theirs, keep_mine) = (resolve(false), resolve(true));
        let message = match found.source {
            OtherSource::Entry(_) => t.conflict,
            OtherSource::Pending(_) => t.lost_write,
        };
        html! {
            <div class="notice warning conflict" role="alert">
                <p>{ message.replace("{name}", &found.theirs.name) }</p>
                <button type="button" onclick={take_theirs}>{ t.take_theirs }</button>
                <button type="button" class="primary" onclick={keep_mine}>{ t.keep_mine }</button>
            </div>
        }
    });
    let read_only = state.shared.is_some();
    let link_notice = (*link_error).clone().map(|error| {
        let dismiss = {
            let link_error = link_error.clone();
            Callback::from(move |_: MouseEvent| link_error.set(None))
        };
        html! {
            <div class="notice warning link-error" role="alert">
                <p>{ t.link_failed.replace("{reason}", &lang.link_error(&error)) }</p>
                <p>{ t.link_unchanged }</p>
                <button type="button" class="ghost" aria-label={t.dismiss} onclick={dismiss}>{ "✕" }</button>
            </div>
        }
    });
    let import_notice = (*import_error).clone().map(|(file, error)| {
        const LISTED: usize = 12;
        let dismiss = {
            let import_error = import_error.clone();
            Callback::from(move |_: MouseEvent| import_error.set(None))
        };
        let problems = match &error {
            ImportError::Problems(problems) => problems.as_slice(),
            _ => &[],
        };
        html! {
            <div class="notice warning import-error" role="alert">
                <p>{ import_failed(lang, &file, &lang.import_error(&error)) }</p>
                if !problems.is_empty() {
                    <ul class="problems">
                        { for problems.iter().take(LISTED).map(|p| html! {
                            <li><code>{ &p.path }</code>{ ": " }{ lang.issue(&p.issue) }</li>
                        }) }
                        if problems.len() > LISTED {
                            <li>{ t.more_problems.replace("{n}", &(problems.len() - LISTED).to_string()) }</li>
                        }
                    </ul>
                }
                <p>{ t.nothing_changed }</p>
                <button type="button" class="ghost" aria-label={t.dismiss} onclick={dismiss}>{ "✕" }</button>
            </div>
        }
    });
    let status_text = match &*status {
        SaveStatus::Saved => t.saved,
        SaveStatus::Pending => t.saving,
        SaveStatus::Failed(SaveError::Full) => t.not_saved_full,
        SaveStatus::Failed(SaveError::Unavailable) => t.not_saved_unavailable,
        SaveStatus::Failed(SaveError::Conflict(..)) => t.not_saved_conflict,
        SaveStatus::Failed(SaveError::NotKept) => t.not_saved_not_kept,
        SaveStatus::Failed(SaveError::NewerVersion) => t.not_saved_newer,
    };
    let status_class = match &*status {
        SaveStatus::Failed(_) => "save-status failed",
        SaveStatus::Pending => "save-status pending",
        SaveStatus::Saved => "save-status saved",
    };
    let size = |bytes: usize| format!("{} KB", lang.number(bytes as f64 / 1024.0, 0));
    let usage = bytes_used.map(|bytes| t.storage_usage.replace("{used}", &size(bytes)));
    // A full storage comes with the remedy that frees room: emptying the
    // trash, whose entries keep their bytes until then.
    let full_notice = matches!(*status, SaveStatus::Failed(SaveError::Full)).then(|| {
        let trash_ids: Vec<ScenarioId> = state.trash.iter().map(|s| s.id.clone()).collect();
        let frees = storage::open()
            .map(|store| Saver::bytes_of(&store, &trash_ids))
            .unwrap_or(0);
        let empty = dispatch.reform(|_: MouseEvent| Action::EmptyTrash);
        html! {
            <div class="notice warning storage-full" role="alert">
                <p>{ t.not_saved_full }</p>
                if trash_ids.is_empty() {
                    <p>{ t.full_remedy_none }</p>
                } else {
                    <button type="button" class="primary" onclick={empty}>
                        { t.empty_trash.replace("{size}", &size(frees)) }
                    </button>
                }
            </div>
        }
    });

    html! {
        <div class="app">
            if let Some(shared) = &state.shared {
                <SharedBar {lang} name={shared.name.clone()} {on_save_copy} {on_back}
                    on_export={on_export.clone()} on_export_csv={on_export_csv.clone()} on_copy_markdown={on_copy_markdown.clone()} />
            } else {
                <ScenarioBar
                    {lang}
                    scenarios={entries(&state.scenarios)}
                    active={state.active.clone()}
                    trash={entries(&state.trash)}
                    dispatch={dispatch.clone()}
                    {on_new}
                    {on_duplicate}
                    {on_delete}
                    on_export={on_export.clone()}
                    {on_export_csv}
                    {on_copy_markdown}
                    {on_share}
                    {on_import}
                    can_undo={state.can_undo()}
                    can_redo={state.can_redo()}
                />
            }
            if *share_open && state.shared.is_none() {
                <SharePanel {lang} scenario={scenario.clone()} on_close={on_close_share} on_download_json={on_export.clone()} />
            }
            if let Some(work) = &*busy {
                <div class="notice busy" role="status" aria-busy="true">
                    <span class="spinner" aria-hidden="true"></span>
                    <span>{ match work {
                        Busy::OpeningLink => t.opening_link.to_owned(),
                        Busy::Reading(name) => t.reading_file.replace("{file}", name),
                    } }</span>
                </div>
            }
            { link_notice }
            { import_notice }
            if *dragging {
                <div class="drop-overlay" aria-hidden="true"><p>{ t.drop_to_import }</p></div>
            }
            if *update_ready {
                <div class="notice update" role="status">
                    <span>{ t.update_ready }</span>
                    <button type="button" class="primary" onclick={Callback::from(|_: MouseEvent| apply_update())}>{ t.reload }</button>
                </div>
            }
            if let Some(message) = (*toast).clone() {
                <div class="notice" role="status">
                    <span>{ message }</span>
                    <button type="button" class="ghost" aria-label={t.dismiss} onclick={let toast = toast.clone(); Callback::from(move |_: MouseEvent| toast.set(None))}>{ "✕" }</button>
                </div>
            }
            { conflict_banner.unwrap_or_default() }
            { notice.unwrap_or_default() }
            { full_notice }
            if *newer_data {
                <div class="notice warning newer-data" role="status">
                    <p>{ t.newer_data }</p>
                    <button type="button" class="primary" onclick={Callback::from(|_: MouseEvent| apply_update())}>{ t.reload }</button>
                    <button type="button" class="ghost" aria-label={t.dismiss} onclick={let newer_data = newer_data.clone(); Callback::from(move |_: MouseEvent| newer_data.set(false))}>{ "✕" }</button>
                </div>
            }
            if !unreadable.is_empty() {
                <div class="notice warning unreadable" role="alert">
                    <p>{ t.unreadable_scenarios.replace("{n}", &unreadable.len().to_string()) }</p>
                    <ul>
                        { for unreadable.iter().map(|entry| {
                            let download = {
                                let (id, raw) = (entry.id.clone(), entry.raw.clone());
                                Callback::from(move |_: MouseEvent| {
                                    download_text(&format!("kerze-unreadable-{id}.json"), "application/json", &raw);
                                })
                            };
                            html! {
                                <li key={entry.id.to_string()}>
                                    <span class="unreadable-name">{ unreadable_label(entry) }</span>
                                    { ": " }{ entry_error_text(lang, &entry.error) }
                                    <button type="button" onclick={download}>{ t.download_raw }</button>
                                </li>
                            }
                        }) }
                    </ul>
                </div>
            }
            <main class="workspace">
                if read_only && !*inputs_open {
                    <div class="editor inputs-closed">
                        <button type="button" aria-expanded="false" onclick={let inputs_open = inputs_open.clone(); Callback::from(move |_: MouseEvent| inputs_open.set(true))}>{ t.show_inputs }</button>
                    </div>
                } else {
                    // A shared scenario is read-only: a disabled fieldset turns off every control in it.
                    <fieldset class={classes!("editor", read_only.then_some("read-only"))} disabled={read_only}>
                        <legend class="visually-hidden">{ &scenario.name }</legend>
                        <ScenarioPanel {lang} scenario={scenario.clone()} dispatch={dispatch.clone()} />
                        <CriteriaPanel {lang} criteria={criteria} dispatch={dispatch.clone()} />
                        <OptionsPanel {lang} options={options} columns={value_columns} has_fit={table_columns.1} dispatch={dispatch.clone()} />
                    </fieldset>
                }
                <div class="results">
                    <RankingPanel {lang} scenario={scenario.clone()} ranking={ranking} segment_ranks={by_segment} selected={state.selected} dispatch={dispatch.clone()} />
                </div>
            </main>
            <footer class="footer">
                <p class={status_class} role="status" aria-live="polite">{ status_text }</p>
                if let Some(usage) = usage {
                    <p class="usage">{ usage }</p>
                }
                <p>{ t.footer }</p>
                <p><a href="kerze.html" download="kerze.html">{ t.offline_file }</a></p>
            </footer>
        </div>
    }
}
