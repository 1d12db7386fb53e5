//! Moving the keyboard focus to an element by its id.

use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlInputElement};

fn element(id: &str) -> Option<HtmlElement> {
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
