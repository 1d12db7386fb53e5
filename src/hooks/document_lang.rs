//! The page's `lang` attribute.

use crate::i18n::Lang;
use yew::prelude::*;

/// Keeps the page's language equal to the UI's, for screen readers and hyphenation.
#[hook]
pub fn use_document_lang(lang: Lang) {
    use_effect_with(lang, |lang| {
        if let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = root.set_attribute("lang", lang.code());
        }
    });
}
