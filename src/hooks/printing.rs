//! Whether the page is, or has been, printed: what only paper shows (the
//! values behind every score, a row per option) is drawn from the first
//! print on, not on every keystroke before it.
//!
//! The browser announces a print (`beforeprint`, and the `print` media query
//! turning true) before it lays the pages out; the render that follows runs
//! in a microtask, so the first print already holds it.

use gloo_events::EventListener;
use yew::prelude::*;

/// Whether the page has been printed (or is being printed) since it opened.
#[hook]
pub fn use_printing() -> bool {
    let printing = use_state(|| {
        web_sys::window()
            .and_then(|w| w.match_media("print").ok().flatten())
            .is_some_and(|query| query.matches())
    });
    {
        let printing = printing.clone();
        use_effect_with((), move |_| {
            let window = web_sys::window();
            let on = {
                let printing = printing.clone();
                move |_: &web_sys::Event| printing.set(true)
            };
            let before = window
                .as_ref()
                .map(|w| EventListener::new(w, "beforeprint", on.clone()));
            let query = window
                .and_then(|w| w.match_media("print").ok().flatten())
                .map(|query| {
                    let turned = query.clone();
                    EventListener::new(&query, "change", move |event| {
                        if turned.matches() {
                            on(event);
                        }
                    })
                });
            move || drop((before, query))
        });
    }
    *printing
}
