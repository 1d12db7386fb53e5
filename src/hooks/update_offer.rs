//! The offer to take a new version of Kerze.

use crate::state::{Action, Notice};
use gloo_events::EventListener;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The service worker has a new version ready: offer the reload, never force it.
#[hook]
pub fn use_update_offer(dispatch: Callback<Action>) {
    use_effect_with((), move |_| {
        let listener = web_sys::window().map(|w| {
            EventListener::new(&w, "kerze-update-ready", move |_| {
                dispatch.emit(Action::Notify(Notice::UpdateReady))
            })
        });
        move || drop(listener)
    });
}

/// Lets the waiting new version take over; the page then reloads itself.
pub fn apply_update() {
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
