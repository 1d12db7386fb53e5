//! The page address: the fragment a share link carries, and links to this page.

use crate::domain::formats::link::{decode_link, is_link, LinkError};
use crate::domain::model::scenario::Scenario;
use crate::i18n::Lang;
use crate::services::clock::new_scenario_id;
use std::rc::Rc;

/// The fragment after `#` (without it); empty when there is none.
pub fn fragment() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .map(|hash| hash.strip_prefix('#').unwrap_or(&hash).to_owned())
        .unwrap_or_default()
}

/// The page's address without its query and fragment.
fn page_address() -> String {
    let href = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    match href.split_once(['?', '#']) {
        Some((page, _)) => page.to_owned(),
        None => href,
    }
}

/// The query that opens a link in the presentation view.
const PRESENT_QUERY: &str = "?present";

/// A link to this page that carries `fragment` after `#`, opening in the
/// presentation view when `presenting`.
pub fn link_with(fragment: &str, presenting: bool) -> String {
    let query = if presenting { PRESENT_QUERY } else { "" };
    format!("{}{query}#{fragment}", page_address())
}

/// Whether the address asks for the presentation view.
pub fn wants_present() -> bool {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .is_some_and(|search| search == PRESENT_QUERY)
}

/// Drops the fragment from the address bar without reloading or adding a
/// history entry, so that a reload shows the user's own scenarios.
pub fn clear_fragment() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let replaced = window.history().ok().is_some_and(|history| {
        history
            .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&page_address()))
            .is_ok()
    });
    if !replaced {
        window.location().set_hash("").ok();
    }
}

/// Whether the page was opened from a file (`kerze.html` on a disk), where a
/// link to it works only on this computer.
pub fn is_local_file() -> bool {
    web_sys::window()
        .and_then(|w| w.location().protocol().ok())
        .is_some_and(|protocol| protocol == "file:")
}

/// The scenario in the address bar's fragment, if there is one. A link that
/// does not open is taken out of the address bar, so a reload shows the
/// user's own scenarios.
pub fn scenario_from_address() -> Option<Result<Rc<Scenario>, LinkError>> {
    let fragment = fragment();
    if !is_link(&fragment) {
        return None;
    }
    let opened = decode_link(&fragment, new_scenario_id()).map(Rc::new);
    if opened.is_err() {
        clear_fragment();
    }
    Some(opened)
}

/// The language the browser asks for.
pub fn browser_lang() -> Lang {
    web_sys::window()
        .and_then(|w| w.navigator().language())
        .map(|tag| Lang::from_tag(&tag))
        .unwrap_or_default()
}

/// The page's whole address, as the address bar shows it.
pub fn current_address() -> String {
    web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default()
}
