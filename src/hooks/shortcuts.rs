//! Keyboard shortcuts that work anywhere on the page, and the focus going
//! back where it came from when something closes.

use super::use_latest;
use crate::services::focus::{click_by_id, element, focus_by_id};
use crate::state::Action;
use gloo_events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, KeyboardEvent};
use yew::prelude::*;

/// Ids of the controls some shortcuts press (so the key does exactly what
/// the button does, focus and all).
pub const ADD_OPTION_ID: &str = "add-option";
/// See [`ADD_OPTION_ID`].
pub const SHARE_ID: &str = "share-button";
/// See [`ADD_OPTION_ID`].
pub const FIND_ID: &str = "find-option";

/// What the shortcuts need to know of the page.
#[derive(Clone, Copy, PartialEq)]
pub struct KeyContext {
    /// The presentation view is on: arrows walk the ranking.
    pub presenting: bool,
    /// Something is open that Escape closes.
    pub escapable: bool,
}

/// Whether the key went to a field, where letters are text.
fn typing(event: &KeyboardEvent) -> bool {
    event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|e| {
            matches!(e.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                || e.has_attribute("contenteditable")
        })
}

/// What a key means, if anything: an action, or a control to press or focus.
enum Shortcut {
    Act(Action),
    Press(&'static str),
    Focus(&'static str),
}

fn shortcut(event: &KeyboardEvent, context: KeyContext) -> Option<Shortcut> {
    let key = event.key();
    if event.ctrl_key() || event.meta_key() {
        if event.alt_key() {
            return None;
        }
        return match key.to_ascii_lowercase().as_str() {
            // The app's undo covers every edit, also inside a field, so the
            // field's own undo would only disagree.
            "z" if event.shift_key() => Some(Shortcut::Act(Action::Redo)),
            "z" => Some(Shortcut::Act(Action::Undo)),
            "y" => Some(Shortcut::Act(Action::Redo)),
            _ => None,
        };
    }
    if key == "Escape" {
        return context.escapable.then_some(Shortcut::Act(Action::Escape));
    }
    if event.alt_key() || typing(event) {
        return None;
    }
    Some(match key.as_str() {
        "ArrowDown" | "ArrowRight" | "PageDown" if context.presenting => {
            Shortcut::Act(Action::Step(1))
        }
        "ArrowUp" | "ArrowLeft" | "PageUp" if context.presenting => Shortcut::Act(Action::Step(-1)),
        "?" => Shortcut::Act(Action::Help(true)),
        "p" | "P" => Shortcut::Act(Action::Present(!context.presenting)),
        "n" | "N" if !context.presenting => Shortcut::Press(ADD_OPTION_ID),
        "s" | "S" if !context.presenting => Shortcut::Press(SHARE_ID),
        "/" if !context.presenting => Shortcut::Focus(FIND_ID),
        _ => return None,
    })
}

/// The page's shortcuts (listed in the `?` overlay): undo and redo, present
/// and step through, help, add an option, share, find, Escape.
#[hook]
pub fn use_shortcuts(dispatch: Callback<Action>, context: KeyContext) {
    let context = use_latest(&context);
    use_effect_with((), move |_| {
        let listener = web_sys::window().map(|w| {
            // Not passive: `preventDefault` keeps the field's own undo and
            // the page's scrolling out of it.
            let options = EventListenerOptions::enable_prevent_default();
            EventListener::new_with_options(&w, "keydown", options, move |event| {
                let Some(event) = event.dyn_ref::<KeyboardEvent>() else {
                    return;
                };
                let Some(found) = shortcut(event, *context.borrow()) else {
                    return;
                };
                match found {
                    Shortcut::Act(action) => dispatch.emit(action),
                    Shortcut::Press(id) => {
                        if !click_by_id(id) {
                            return;
                        }
                    }
                    Shortcut::Focus(id) => match element(id) {
                        Some(field) => {
                            let _ = field.focus();
                        }
                        None => return,
                    },
                }
                event.prevent_default();
            })
        });
        move || drop(listener)
    });
}

/// When `open` turns on, moves the focus to the element `target` (by id)
/// and remembers what had it; when it closes, gives the focus back there (if
/// that is still on the page).
#[hook]
pub fn use_focus_return(open: bool, target: &'static str) {
    let opener = use_mut_ref(|| (false, None::<HtmlElement>));
    // Read while rendering the change, before what opens takes the focus.
    {
        let mut opener = opener.borrow_mut();
        if open && !opener.0 {
            opener.1 = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.active_element())
                .and_then(|e| e.dyn_into().ok());
        }
        opener.0 = open;
    }
    use_effect_with(open, move |open| {
        if *open {
            focus_by_id(target);
            return;
        }
        // A page that was replaced meanwhile has a new element of the same id.
        match opener.borrow_mut().1.take() {
            Some(element) if element.is_connected() => {
                let _ = element.focus();
            }
            Some(element) if !element.id().is_empty() => focus_by_id(&element.id()),
            _ => {}
        }
    });
}
