//! The root component: loads once from storage, owns the one state, saves
//! what changed, and wires the panels together.

use crate::components::criteria_panel::CriteriaPanel;
use crate::components::options_panel::{columns, OptionsPanel};
use crate::components::ranking::RankingPanel;
use crate::components::scenario_bar::{ScenarioBar, ScenarioEntry};
use crate::components::scenario_panel::ScenarioPanel;
use crate::components::Same;
use crate::domain::export::{export_file_name, export_json};
use crate::domain::scoring::{rank, segment_ranks};
use crate::i18n::Lang;
use crate::services::clock::{new_scenario_id, now_iso, today};
use crate::services::download::download_text;
use crate::services::storage::{self, Saver, StorageError};
use crate::state::{Action, State};
use gloo_timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
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
    Failed(StorageError),
}

struct Boot {
    state: State,
    saver: Saver,
    status: SaveStatus,
    unreadable: usize,
}

fn browser_lang() -> Lang {
    web_sys::window()
        .and_then(|w| w.navigator().language())
        .map(|tag| Lang::from_tag(&tag))
        .unwrap_or_default()
}

fn boot() -> Boot {
    let lang = browser_lang();
    match storage::load(lang) {
        Ok(Some(loaded)) => {
            let unreadable = loaded.unreadable.len();
            let saver = Saver::new(&loaded.state, loaded.unreadable);
            Boot {
                state: loaded.state,
                saver,
                status: SaveStatus::Saved,
                unreadable,
            }
        }
        Ok(None) => {
            let state = State::first_run(new_scenario_id(), lang);
            Boot {
                state,
                saver: Saver::default(),
                status: SaveStatus::Pending,
                unreadable: 0,
            }
        }
        Err(error) => {
            let state = State::first_run(new_scenario_id(), lang);
            Boot {
                state,
                saver: Saver::default(),
                status: SaveStatus::Failed(error),
                unreadable: 0,
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

/// The whole app.
#[function_component(App)]
pub fn app() -> Html {
    let boot = use_memo((), |_| RefCell::new(Some(boot())));
    let first = boot.borrow_mut().take();
    let (initial_state, initial_saver, initial_status, unreadable) = match first {
        Some(b) => (Some(b.state), Some(b.saver), Some(b.status), b.unreadable),
        None => (None, None, None, 0),
    };
    let unreadable = use_state(|| unreadable);
    let state = use_reducer(|| {
        initial_state.unwrap_or_else(|| State::first_run(new_scenario_id(), browser_lang()))
    });
    let saver = use_mut_ref(|| initial_saver.unwrap_or_default());
    let status = use_state(|| initial_status.unwrap_or(SaveStatus::Pending));
    let latest = use_mut_ref(|| (*state).clone());
    let pending = use_mut_ref(|| None::<Timeout>);
    *latest.borrow_mut() = (*state).clone();

    // Persist every change after a short quiet time, so typing never waits for storage.
    {
        let saver = saver.clone();
        let status = status.clone();
        let pending = pending.clone();
        use_effect_with(state.clone(), move |state| {
            if saver.borrow().is_dirty(state) {
                if !matches!(*status, SaveStatus::Failed(StorageError::Unavailable)) {
                    status.set(SaveStatus::Pending);
                }
                let state = state.clone();
                let status = status.clone();
                let saver_for_timer = saver.clone();
                *pending.borrow_mut() = Some(Timeout::new(SAVE_DELAY_MS, move || {
                    status.set(save_now(&saver_for_timer, &state));
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
            let flush = Closure::<dyn Fn()>::new(move || {
                pending.borrow_mut().take();
                let _ = saver.borrow_mut().save(&latest.borrow());
            });
            let window = web_sys::window();
            let document = window.as_ref().and_then(|w| w.document());
            if let Some(w) = &window {
                let _ =
                    w.add_event_listener_with_callback("pagehide", flush.as_ref().unchecked_ref());
            }
            if let Some(d) = &document {
                let _ = d.add_event_listener_with_callback(
                    "visibilitychange",
                    flush.as_ref().unchecked_ref(),
                );
            }
            move || {
                if let Some(w) = &window {
                    let _ = w.remove_event_listener_with_callback(
                        "pagehide",
                        flush.as_ref().unchecked_ref(),
                    );
                }
                if let Some(d) = &document {
                    let _ = d.remove_event_listener_with_callback(
                        "visibilitychange",
                        flush.as_ref().unchecked_ref(),
                    );
                }
            }
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
    let scenario = state.active_scenario().clone();
    let on_export = use_callback(scenario.clone(), |_: (), scenario| {
        let file_name = export_file_name(&scenario.name, &today(), "json");
        download_text(
            &file_name,
            "application/json",
            &export_json(scenario, now_iso()),
        );
    });

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
    let status_text = match &*status {
        SaveStatus::Saved => t.saved,
        SaveStatus::Pending => t.saving,
        SaveStatus::Failed(StorageError::Full) => t.not_saved_full,
        SaveStatus::Failed(StorageError::Unavailable) => t.not_saved_unavailable,
    };
    let status_class = match &*status {
        SaveStatus::Failed(_) => "save-status failed",
        SaveStatus::Pending => "save-status pending",
        SaveStatus::Saved => "save-status saved",
    };
    let _ = &unreadable;

    html! {
        <div class="app">
            <ScenarioBar
                {lang}
                scenarios={entries(&state.scenarios)}
                active={state.active.clone()}
                trash={entries(&state.trash)}
                dispatch={dispatch.clone()}
                {on_new}
                {on_duplicate}
                {on_delete}
                {on_export}
            />
            { notice.unwrap_or_default() }
            if *unreadable > 0 {
                <div class="notice warning" role="alert">{ t.unreadable_scenarios.replace("{n}", &unreadable.to_string()) }</div>
            }
            <main class="workspace">
                <div class="editor">
                    <ScenarioPanel {lang} scenario={scenario.clone()} dispatch={dispatch.clone()} />
                    <CriteriaPanel {lang} criteria={criteria} dispatch={dispatch.clone()} />
                    <OptionsPanel {lang} options={options} columns={value_columns} has_fit={table_columns.1} dispatch={dispatch.clone()} />
                </div>
                <div class="results">
                    <RankingPanel {lang} scenario={scenario.clone()} ranking={ranking} segment_ranks={by_segment} selected={state.selected} dispatch={dispatch.clone()} />
                </div>
            </main>
            <footer class="footer">
                <p class={status_class} role="status" aria-live="polite">{ status_text }</p>
                <p>{ t.footer }</p>
            </footer>
        </div>
    }
}
