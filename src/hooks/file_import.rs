//! Importing a scenario file, picked or dropped anywhere on the page.

use super::after_a_frame;
use crate::components::intake::INTAKE_HEADING_ID;
use crate::domain::formats::import::{read_import, ImportError, MAX_IMPORT_BYTES};
use crate::domain::formats::sheet::{decode, read_sheet, SheetError, MAX_BYTES};
use crate::services::clock::new_scenario_id;
use crate::services::files::{read_bytes, read_text};
use crate::services::focus::focus_by_id;
use crate::services::location;
use crate::state::{Action, Busy, Done, Notice, NoticeKey, SheetAction, State};
use gloo_events::{EventListener, EventListenerOptions};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// How the page imports files.
pub struct FileImport {
    /// Imports a file the user picked.
    pub on_import: Callback<web_sys::File>,
    /// Whether a file is being dragged over the page.
    pub dragging: bool,
}

/// Whether a file is a sheet (CSV, TSV or text) rather than a scenario file.
fn is_sheet(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    [".csv", ".tsv", ".tab", ".txt"]
        .iter()
        .any(|end| name.ends_with(end))
}

/// What every import shares: a file over `limit` bytes is refused before it
/// is read (`too_large` says how), the page says it is reading, and a frame
/// after the file is read `take` has what was read; a refusal is said with
/// the file's name.
fn read_file<T: 'static>(
    file: &web_sys::File,
    (limit, too_large): (usize, fn(usize) -> ImportError),
    dispatch: Callback<Action>,
    read: impl FnOnce(&web_sys::File, Box<dyn FnOnce(Option<T>)>),
    take: impl FnOnce(T) -> Result<(), ImportError> + 'static,
) {
    let name = file.name();
    if file.size() > limit as f64 {
        let error = too_large(file.size() as usize);
        dispatch.emit(Action::Notify(Notice::ImportFailed(name, error)));
        return;
    }
    // A big file takes a moment: say so before the page is busy reading it.
    dispatch.emit(Action::Notify(Notice::Busy(Busy::Reading(name.clone()))));
    read(
        file,
        Box::new(move |read| {
            after_a_frame(Box::new(move || {
                dispatch.emit(Action::Dismiss(NoticeKey::Busy));
                match read.ok_or(ImportError::Unreadable).and_then(take) {
                    Ok(()) => dispatch.emit(Action::Dismiss(NoticeKey::ImportFailed)),
                    Err(error) => dispatch.emit(Action::Notify(Notice::ImportFailed(name, error))),
                }
            }));
        }),
    );
}

/// Reads `file` and adds it as a scenario (a sheet: opens the desk that
/// brings its rows into the open scenario), or says why it cannot be.
fn import(file: web_sys::File, latest: Rc<RefCell<State>>, dispatch: Callback<Action>) {
    let name = file.name();
    if is_sheet(&name) {
        // A sheet goes into the user's own open scenario, never a shared one.
        if latest.borrow().shared().is_some() {
            location::clear_fragment();
            dispatch.emit(Action::CloseShared);
        }
        let too_large = |bytes| ImportError::NotATable(SheetError::TooLarge { bytes });
        let open = dispatch.clone();
        let take = move |bytes: Vec<u8>| {
            let text = decode(&bytes).map_err(ImportError::NotATable)?;
            let sheet = read_sheet(&text).map_err(ImportError::NotATable)?;
            let memory = Rc::new(crate::services::storage::sheet_memory());
            open.emit(Action::Sheet(SheetAction::Open(
                name,
                Rc::new(sheet),
                memory,
            )));
            after_a_frame(Box::new(|| focus_by_id(INTAKE_HEADING_ID)));
            Ok(())
        };
        let read = |file: &web_sys::File, done| read_bytes(file, done);
        return read_file(&file, (MAX_BYTES, too_large), dispatch, read, take);
    }
    let done = dispatch.clone();
    let take = move |text: String| {
        let imported = read_import(&text, new_scenario_id())?;
        let saved_as = latest.borrow().workspace.free_name(&imported.scenario.name);
        done.emit(Action::Notify(Notice::Done(Done::Imported(saved_as))));
        // An import ends a shared view: a reload must not bring it back.
        location::clear_fragment();
        done.emit(Action::Import(Rc::new(imported.scenario)));
        Ok(())
    };
    let read = |file: &web_sys::File, done| read_text(file, done);
    read_file(
        &file,
        (MAX_IMPORT_BYTES, ImportError::TooLarge),
        dispatch,
        read,
        take,
    );
}

fn carries_files(event: &web_sys::Event) -> bool {
    event
        .dyn_ref::<web_sys::DragEvent>()
        .and_then(|e| e.data_transfer())
        .is_some_and(|data| data.types().includes(&"Files".into(), 0))
}

/// Imports picked files, and files dropped anywhere on the page.
#[hook]
pub fn use_file_import(state: &UseReducerHandle<State>, dispatch: Callback<Action>) -> FileImport {
    let latest = super::use_latest(&**state);
    let dragging = use_state(|| false);
    // Read at the moment of the import, from the state as it is then, so that
    // the callback (and the drop listeners that hold it) never change.
    let on_import = {
        let dispatch = dispatch.clone();
        use_memo((), move |_| {
            Callback::from(move |file| import(file, latest.clone(), dispatch.clone()))
        })
    };
    // A file dragged over the page can be dropped anywhere to import it.
    {
        let (dragging, on_import) = (dragging.clone(), (*on_import).clone());
        use_effect_with((), move |_| {
            let Some(window) = web_sys::window() else {
                return Box::new(|| ()) as Box<dyn FnOnce()>;
            };
            // Calling `preventDefault` tells the browser that the page takes the drop.
            let active = EventListenerOptions::enable_prevent_default();
            let over = {
                let dragging = dragging.clone();
                move |event: &web_sys::Event| {
                    if carries_files(event) {
                        event.prevent_default();
                        dragging.set(true);
                    }
                }
            };
            let leave = {
                let dragging = dragging.clone();
                move |event: &web_sys::Event| {
                    let left_page = event
                        .dyn_ref::<web_sys::DragEvent>()
                        .is_some_and(|e| e.related_target().is_none());
                    if left_page {
                        dragging.set(false);
                    }
                }
            };
            let drop_file = move |event: &web_sys::Event| {
                if !carries_files(event) {
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
            };
            let listeners = [
                EventListener::new_with_options(&window, "dragenter", active, over.clone()),
                EventListener::new_with_options(&window, "dragover", active, over),
                EventListener::new(&window, "dragleave", leave),
                EventListener::new_with_options(&window, "drop", active, drop_file),
            ];
            Box::new(move || drop(listeners))
        });
    }
    FileImport {
        on_import: (*on_import).clone(),
        dragging: *dragging,
    }
}
