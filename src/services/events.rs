//! Listening to browser events for as long as a value lives.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// An event listener that removes itself when dropped (e.g. in an effect's cleanup).
pub struct Listener {
    target: web_sys::EventTarget,
    event: &'static str,
    callback: Closure<dyn Fn(web_sys::Event)>,
}

impl Listener {
    /// Listens to `event` on `target`.
    pub fn new(
        target: &web_sys::EventTarget,
        event: &'static str,
        handler: impl Fn(web_sys::Event) + 'static,
    ) -> Self {
        let callback = Closure::<dyn Fn(web_sys::Event)>::new(handler);
        let _ = target.add_event_listener_with_callback(event, callback.as_ref().unchecked_ref());
        Listener {
            target: target.clone(),
            event,
            callback,
        }
    }

    /// Listens to `event` on the window; `None` outside a browser window.
    pub fn on_window(
        event: &'static str,
        handler: impl Fn(web_sys::Event) + 'static,
    ) -> Option<Self> {
        web_sys::window().map(|w| Self::new(&w, event, handler))
    }

    /// Listens to `event` on the document.
    pub fn on_document(
        event: &'static str,
        handler: impl Fn(web_sys::Event) + 'static,
    ) -> Option<Self> {
        web_sys::window()
            .and_then(|w| w.document())
            .map(|d| Self::new(&d, event, handler))
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        let _ = self.target.remove_event_listener_with_callback(
            self.event,
            self.callback.as_ref().unchecked_ref(),
        );
    }
}
