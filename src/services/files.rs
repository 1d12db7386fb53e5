//! Reading a file the user picked or dropped.

use wasm_bindgen_futures::JsFuture;

/// Reads `file` as UTF-8 text (a leading BOM dropped, broken sequences
/// replaced), then calls `done` with the text, or `None` when the browser
/// could not read it.
pub fn read_text(file: &web_sys::File, done: impl FnOnce(Option<String>) + 'static) {
    let promise = file.text();
    yew::platform::spawn_local(async move {
        let text = JsFuture::from(promise)
            .await
            .ok()
            .and_then(|v| v.as_string());
        done(text);
    });
}

/// Reads `file` as bytes, then calls `done` with them, or `None` when the
/// browser could not read it.
pub fn read_bytes(file: &web_sys::File, done: impl FnOnce(Option<Vec<u8>>) + 'static) {
    let promise = file.array_buffer();
    yew::platform::spawn_local(async move {
        let bytes = JsFuture::from(promise)
            .await
            .ok()
            .map(|buffer| js_sys::Uint8Array::new(&buffer).to_vec());
        done(bytes);
    });
}
