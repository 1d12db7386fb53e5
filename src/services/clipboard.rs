//! Copying text to the clipboard, with a fallback where the Clipboard API is refused.

use wasm_bindgen::JsCast;

/// Copies `text`, then calls `done` with whether it worked.
pub fn copy_text(text: &str, done: impl Fn(bool) + 'static) {
    let Some(clipboard) = web_sys::window().map(|w| w.navigator().clipboard()) else {
        done(copy_by_selection(text));
        return;
    };
    let promise = clipboard.write_text(text);
    let text = text.to_owned();
    yew::platform::spawn_local(async move {
        // Refused (no permission, page not focused): select and copy instead.
        let copied =
            wasm_bindgen_futures::JsFuture::from(promise).await.is_ok() || copy_by_selection(&text);
        done(copied);
    });
}

fn copy_by_selection(text: &str) -> bool {
    let copied = || -> Option<bool> {
        let document = web_sys::window()?.document()?;
        let area: web_sys::HtmlTextAreaElement =
            document.create_element("textarea").ok()?.dyn_into().ok()?;
        area.set_value(text);
        area.set_attribute("readonly", "").ok()?;
        area.set_attribute("style", "position:fixed;top:0;left:0;opacity:0")
            .ok()?;
        let body = document.body()?;
        body.append_child(&area).ok()?;
        area.select();
        let ok = document
            .dyn_ref::<web_sys::HtmlDocument>()?
            .exec_command("copy")
            .unwrap_or(false);
        area.remove();
        Some(ok)
    };
    copied().unwrap_or(false)
}
