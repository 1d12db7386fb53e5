//! The browser's local storage as a [`Store`]: it only gets, sets, removes
//! and lists keys. Every rule of what to write lives in `domain::save`.

use crate::domain::saving::save::{Store, StoreError};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// Runs `save` while this page holds Kerze's storage lock (the Web Locks
/// API), so that two tabs' saves never interleave between the check of an
/// entry and its write; at once where the browser has no such API.
pub fn with_lock(save: impl FnOnce() + 'static) {
    let save = Rc::new(RefCell::new(Some(save)));
    let run = {
        let save = save.clone();
        move || {
            if let Some(save) = save.borrow_mut().take() {
                save();
            }
        }
    };
    let locks = web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w.navigator(), &"locks".into()).ok())
        .filter(JsValue::is_object);
    let request = locks
        .as_ref()
        .and_then(|locks| js_sys::Reflect::get(locks, &"request".into()).ok())
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    if let (Some(locks), Some(request)) = (locks, request) {
        let granted = Closure::once_into_js(run.clone());
        if request
            .call2(&locks, &"kerze-storage".into(), &granted)
            .is_ok()
        {
            return;
        }
    }
    run();
}

/// The page's local storage.
pub struct BrowserStore(web_sys::Storage);

/// The page's local storage, if the browser allows it.
pub fn open() -> Result<BrowserStore, StoreError> {
    web_sys::window()
        .ok_or(StoreError::Unavailable)?
        .local_storage()
        .ok()
        .flatten()
        .map(BrowserStore)
        .ok_or(StoreError::Unavailable)
}

impl Store for BrowserStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        // Called through the object, not the typed binding: a page that
        // replaced `getItem` may answer with anything, and only text or null
        // is an answer.
        let get_item = js_sys::Reflect::get(&self.0, &"getItem".into())
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
            .ok_or(StoreError::Unavailable)?;
        let value = get_item
            .call1(&self.0, &JsValue::from_str(key))
            .map_err(|_| StoreError::Unavailable)?;
        if value.is_null() || value.is_undefined() {
            Ok(None)
        } else {
            value.as_string().map(Some).ok_or(StoreError::NotText)
        }
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        self.0.set_item(key, value).map_err(|error| {
            let quota = error
                .dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.name()))
                .is_some_and(|name| {
                    name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED"
                });
            if quota {
                StoreError::Full
            } else {
                StoreError::Unavailable
            }
        })
    }

    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        self.0.remove_item(key).map_err(|_| StoreError::Unavailable)
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        let count = self.0.length().map_err(|_| StoreError::Unavailable)?;
        Ok((0..count)
            .filter_map(|i| self.0.key(i).ok().flatten())
            .collect())
    }
}

/// The text kept under `key` in local storage, if any (a participant's draft).
pub fn read_key(key: &str) -> Option<String> {
    web_sys::window()?
        .local_storage()
        .ok()??
        .get_item(key)
        .ok()?
}

/// Keeps `text` under `key` in local storage; a full or refused storage
/// only loses the draft, never the page.
pub fn write_key(key: &str, text: &str) {
    if let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        storage.set_item(key, text).ok();
    }
}

/// The columns chosen for the sheets brought in before (empty when none are
/// kept or storage is off).
pub fn sheet_memory() -> crate::domain::formats::sheet_memory::SheetMemory {
    use crate::domain::formats::sheet_memory::{SheetMemory, SHEET_MEMORY_KEY};
    read_key(SHEET_MEMORY_KEY).map_or_else(SheetMemory::default, |text| SheetMemory::read(&text))
}

/// Keeps the columns chosen for the sheets brought in; a refused write only
/// loses the memory.
pub fn keep_sheet_memory(memory: &crate::domain::formats::sheet_memory::SheetMemory) {
    write_key(
        crate::domain::formats::sheet_memory::SHEET_MEMORY_KEY,
        &memory.to_text(),
    );
}
