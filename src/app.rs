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
use crate::domain::scenario::Scenario;
use crate::domain::scoring::{rank, segment_ranks};
use crate::domain::stored::EntryError;
use crate::domain::stored::{decode_scenario, INDEX_KEY, SCENARIO_KEY_PREFIX};
use crate::domain::table::{ranking_csv, ranking_markdown};
use crate::i18n::Lang;
use crate::services::clipboard::copy_text;
use crate::services::clock::{new_scenario_id, now_iso, today};
use crate::services::download::download_text;
use crate::services::events::Listener;
use crate::services::files::read_text;
use crate::services::location;
use crate::services::storage::{self, Saver, StorageError, Unreadable};
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

/// Another tab saved a scenario that has unsaved edits here.
#[derive(Clone, Debug, PartialEq)]
struct Conflict {
    theirs: Rc<Scenario>,
    text: String,
}

/// Where the last save stands.
#[derive(Clone, Debug, PartialEq)]
enum SaveStatus {
    Saved,
    Pending,
    Failed(StorageError),
}

struct Boot {
    state: State,
    saver: Saver,
    status: SaveStatus,
    unreadable: Vec<Unreadable>,
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
    match storage::load(lang) {
        Ok(Some(loaded)) => {
            let saver = Saver::new(&loaded);
            let unreadable = loaded.unreadable;
            Boot {
                state: loaded.state,
                saver,
                status: SaveStatus::Saved,
                unreadable,
                link_error: None,
            }
        }
        Ok(None) => {
            let state = State::first_run(new_scenario_id(), lang);
            Boot {
                state,
                saver: Saver::default(),
                status: SaveStatus::Pending,
                unreadable: Vec::new(),
                link_error: None,
            }
        }
        Err(error) => {
            let state = State::first_run(new_scenario_id(), lang);
            Boot {
                state,
                saver: Saver::default(),
                status: SaveStatus::Failed(error),
                unreadable: Vec::new(),
                link_error: None,
            }
        }
    }
}

fn save_now(saver: &RefCell<Saver>, state: &State) -> SaveStatus {
    match saver.borrow_mut().save(state) {
        Ok(()) => SaveStatus::Saved,
        Err(error) => SaveStatus::Failed(error),
    }
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
    let (initial_state, initial_saver, initial_status, unreadable, link_error) = match first {
        Some(b) => (
            Some(b.state),
            Some(b.saver),
            Some(b.status),
            b.unreadable,
            b.link_error,
        ),
        None => (None, None, None, Vec::new(), None),
    };
    let unreadable = use_state(|| unreadable);
    let link_error = use_state(|| link_error);
    let import_error = use_state(|| None::<(String, ImportError)>);
    let share_open = use_state(|| false);
    let dragging = use_state(|| false);
    let state = use_reducer(|| {
        initial_state.unwrap_or_else(|| State::first_run(new_scenario_id(), browser_lang()))
    });
    let saver = use_mut_ref(|| initial_saver.unwrap_or_default());
    let status = use_state(|| initial_status.unwrap_or(SaveStatus::Pending));
    let bytes_used = use_state(storage::bytes_used);
    let conflict = use_state(|| None::<Conflict>);
    let update_ready = use_state(|| false);
    let latest = use_mut_ref(|| (*state).clone());
    let pending = use_mut_ref(|| None::<Timeout>);
    *latest.borrow_mut() = (*state).clone();

    // Persist every change after a short quiet time, so typing never waits for storage.
    {
        let saver = saver.clone();
        let status = status.clone();
        let pending = pending.clone();
        let bytes_used = bytes_used.clone();
        let conflict = conflict.clone();
        use_effect_with(state.clone(), move |state| {
            if saver.borrow().is_dirty(state) {
                if !matches!(*status, SaveStatus::Failed(StorageError::Unavailable)) {
                    status.set(SaveStatus::Pending);
                }
                let state = state.clone();
                let status = status.clone();
                let saver_for_timer = saver.clone();
                *pending.borrow_mut() = Some(Timeout::new(SAVE_DELAY_MS, move || {
                    let result = save_now(&saver_for_timer, &state);
                    if let SaveStatus::Failed(StorageError::Conflict(id, text)) = &result {
                        match decode_scenario(text) {
                            Ok(theirs) if theirs.id == *id => {
                                conflict.set(Some(Conflict {
                                    theirs: Rc::new(theirs),
                                    text: text.clone(),
                                }));
                            }
                            // Unreadable text from elsewhere is no version to choose: keep ours.
                            _ => saver_for_timer.borrow_mut().overrule(id, text.clone()),
                        }
                    }
                    status.set(result);
                    bytes_used.set(storage::bytes_used());
                }));
            }
        });
    }
    // Leaving or hiding the page writes at once, so a closed tab loses nothing.
    {
        let saver = saver.clone();
        let latest = latest.clone();
        let pending = pending.clone();
        use_effect_with((), move |_| {
            let flush = Rc::new(move || {
                pending.borrow_mut().take();
                let _ = saver.borrow_mut().save(&latest.borrow());
            });
            let on_hide = flush.clone();
            let listeners = [
                Listener::on_window("pagehide", move |_| on_hide()),
                Listener::on_document("visibilitychange", move |_| flush()),
            ];
            move || drop(listeners)
        });
    }
    // Another tab saved a scenario: show it here, or ask when this tab has
    // unsaved edits of it, so neither tab's work is overwritten unseen.
    {
        let saver = saver.clone();
        let latest = latest.clone();
        let conflict = conflict.clone();
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| {
            let listener = Listener::on_window("storage", move |event| {
                let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() else {
                    return;
                };
                let Some(key) = event.key() else { return };
                let ids: Vec<ScenarioId> = if key == INDEX_KEY {
                    let (listed, deleted) = event
                        .new_value()
                        .map(|text| storage::listed_ids(&text))
                        .unwrap_or_default();
                    let known = latest.borrow().clone();
                    // Deleted there, untouched here: delete here too (it stays in the trash).
                    for id in deleted {
                        let here = known.scenarios.iter().find(|s| s.id == id);
                        if here.is_some_and(|s| !saver.borrow().has_unsaved(s)) {
                            dispatcher.dispatch(Action::DeletedElsewhere(id));
                        }
                    }
                    listed
                        .into_iter()
                        .filter(|id| known.scenario_or_deleted(id).is_none())
                        .collect()
                } else {
                    key.strip_prefix(SCENARIO_KEY_PREFIX)
                        .and_then(ScenarioId::parse)
                        .into_iter()
                        .collect()
                };
                for id in ids {
                    let Some((theirs, text)) = storage::read_scenario(&id) else {
                        continue;
                    };
                    let mine = latest.borrow().scenario_or_deleted(&id).cloned();
                    match mine {
                        Some(mine) if saver.borrow().has_unsaved(&mine) => {
                            if *mine != *theirs {
                                conflict.set(Some(Conflict { theirs, text }));
                            }
                        }
                        _ => {
                            saver.borrow_mut().accept_external(&theirs, text);
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
        use_effect_with((), move |_| {
            let listener =
                Listener::on_window("hashchange", move |_| match scenario_from_address() {
                    Some(Ok(shared)) => {
                        link_error.set(None);
                        dispatcher.dispatch(Action::OpenShared(shared));
                    }
                    Some(Err(error)) => link_error.set(Some(error)),
                    None => dispatcher.dispatch(Action::CloseShared),
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
        let (dispatch, toast, import_error, latest) = (
            dispatch.clone(),
            toast.clone(),
            import_error.clone(),
            latest.clone(),
        );
        use_callback((), move |file: web_sys::File, _| {
            let (dispatch, toast, import_error, latest) = (
                dispatch.clone(),
                toast.clone(),
                import_error.clone(),
                latest.clone(),
            );
            let name = file.name();
            let size = file.size();
            if size > MAX_IMPORT_BYTES as f64 {
                import_error.set(Some((name, ImportError::TooLarge(size as usize))));
                return;
            }
            read_text(&file, move |text| {
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
    let conflict_banner = (*conflict).clone().map(|found| {
        // Either way the other version stays in this scenario's undo history.
        let resolve = |keep_mine: bool| {
            let (saver, conflict, dispatch, found) = (
                saver.clone(),
                conflict.clone(),
                dispatch.clone(),
                found.clone(),
            );
            Callback::from(move |_: MouseEvent| {
                let mut saver = saver.borrow_mut();
                let action = if keep_mine {
                    saver.overrule(&found.theirs.id, found.text.clone());
                    Action::KeepMine(found.theirs.clone())
                } else {
                    saver.accept_external(&found.theirs, found.text.clone());
                    Action::ChangedElsewhere(found.theirs.clone())
                };
                drop(saver);
                dispatch.emit(action);
                conflict.set(None);
            })
        };
        let (take_theirs, keep_mine) = (resolve(false), resolve(true));
        html! {
            <div class="notice warning conflict" role="alert">
                <p>{ t.conflict.replace("{name}", &found.theirs.name) }</p>
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
        SaveStatus::Failed(StorageError::Full) => t.not_saved_full,
        SaveStatus::Failed(StorageError::Unavailable) => t.not_saved_unavailable,
        SaveStatus::Failed(StorageError::Conflict(..)) => t.not_saved_conflict,
    };
    let status_class = match &*status {
        SaveStatus::Failed(_) => "save-status failed",
        SaveStatus::Pending => "save-status pending",
        SaveStatus::Saved => "save-status saved",
    };
    let usage = bytes_used.map(|bytes| {
        t.storage_usage.replace(
            "{used}",
            &format!("{} KB", lang.number(bytes as f64 / 1024.0, 0)),
        )
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
                // A shared scenario is read-only: a disabled fieldset turns off every control in it.
                <fieldset class={classes!("editor", read_only.then_some("read-only"))} disabled={read_only}>
                    <legend class="visually-hidden">{ &scenario.name }</legend>
                    <ScenarioPanel {lang} scenario={scenario.clone()} dispatch={dispatch.clone()} />
                    <CriteriaPanel {lang} criteria={criteria} dispatch={dispatch.clone()} />
                    <OptionsPanel {lang} options={options} columns={value_columns} has_fit={table_columns.1} dispatch={dispatch.clone()} />
                </fieldset>
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
