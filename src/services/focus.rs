//! Moving the keyboard focus to an element by its id, or pressing it.

use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlInputElement};

/// The element with this id, if there is one.
pub fn element(id: &str) -> Option<HtmlElement> {
    web_sys::window()?
        .document()?
        .get_element_by_id(id)?
        .dyn_into()
        .ok()
}

/// Moves the focus to the element with this id, if it exists.
pub fn focus_by_id(id: &str) {
    if let Some(element) = element(id) {
        let _ = element.focus();
    }
}

/// Moves the focus to the field with this id and selects its text, so that
/// typing replaces it.
pub fn focus_and_select(id: &str) {
    if let Some(field) = element(id).and_then(|e| e.dyn_into::<HtmlInputElement>().ok()) {
        let _ = field.focus();
        field.select();
    }
}

/// Presses the control with this id, as a click would; `false` if there is none.
pub fn click_by_id(id: &str) -> bool {
    element(id).map(|e| e.click()).is_some()
}
