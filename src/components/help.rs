//! The list of keyboard shortcuts (`?`).

use crate::i18n::Lang;
use web_sys::HtmlElement;
use yew::prelude::*;

/// Props of [`ShortcutHelp`].
#[derive(Properties, PartialEq)]
pub struct ShortcutHelpProps {
    /// UI language.
    pub lang: Lang,
    /// Closes the list.
    pub on_close: Callback<()>,
}

/// A dialog listing every shortcut; Escape or Close ends it.
#[function_component(ShortcutHelp)]
pub fn shortcut_help(props: &ShortcutHelpProps) -> Html {
    let t = &props.lang.texts().room;
    let close_ref = use_node_ref();
    {
        let close_ref = close_ref.clone();
        use_effect_with((), move |_| {
            if let Some(button) = close_ref.cast::<HtmlElement>() {
                let _ = button.focus();
            }
        });
    }
    let rows = t.shortcut_list.iter().map(|(key, what)| {
        html! { <div key={*key} class="shortcut"><dt><kbd>{ *key }</kbd></dt><dd>{ *what }</dd></div> }
    });
    let on_close = props.on_close.reform(|_: MouseEvent| ());
    html! {
        <div class="overlay">
            <div class="dialog panel" role="dialog" aria-modal="true" aria-labelledby="shortcuts-title">
                <div class="dialog-head">
                    <h2 id="shortcuts-title">{ t.shortcuts_title }</h2>
                    <button type="button" ref={close_ref} onclick={on_close}>{ t.close }</button>
                </div>
                <dl class="shortcuts">{ for rows }</dl>
            </div>
        </div>
    }
}
