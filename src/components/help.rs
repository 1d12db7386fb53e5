//! The list of keyboard shortcuts (`?`).

use crate::i18n::Lang;
use yew::prelude::*;

/// The id of the list's Close button, which takes the focus when it opens.
pub const HELP_CLOSE_ID: &str = "shortcuts-close";

/// A dialog listing every shortcut; Escape or Close ends it. A plain
/// function: it holds no state.
pub fn shortcut_help(lang: Lang, on_close: Callback<MouseEvent>) -> Html {
    let t = &lang.texts().room;
    let rows = t.shortcut_list.iter().map(|(key, what)| {
        html! { <div key={*key} class="shortcut"><dt><kbd>{ *key }</kbd></dt><dd>{ *what }</dd></div> }
    });
    html! {
        <div class="overlay">
            <div class="dialog panel" role="dialog" aria-modal="true" aria-labelledby="shortcuts-title">
                <div class="dialog-head">
                    <h2 id="shortcuts-title">{ t.shortcuts_title }</h2>
                    <button type="button" id={HELP_CLOSE_ID} onclick={on_close}>{ t.close }</button>
                </div>
                <dl class="shortcuts">{ for rows }</dl>
            </div>
        </div>
    }
}
