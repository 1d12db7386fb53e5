//! Small labelled text inputs shared by the editors.

use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

/// What [`text_field`] shows and where the text goes.
pub struct TextFieldProps {
    /// DOM id.
    pub id: AttrValue,
    /// Visible label; `None` uses `aria_label` only.
    pub label: Option<AttrValue>,
    /// Accessible name when there is no visible label.
    pub aria_label: Option<AttrValue>,
    /// Current text.
    pub value: AttrValue,
    /// Placeholder.
    pub placeholder: Option<AttrValue>,
    /// A multi-line field.
    pub multiline: bool,
    /// Longest text accepted.
    pub max_length: usize,
    /// Receives the text on every keystroke.
    pub on_input: Callback<String>,
    /// Extra CSS class on the input.
    pub class: Classes,
    /// Called on Enter in a single-line field.
    pub on_enter: Option<Callback<()>>,
}

impl Default for TextFieldProps {
    fn default() -> Self {
        TextFieldProps {
            id: AttrValue::default(),
            label: None,
            aria_label: None,
            value: AttrValue::default(),
            placeholder: None,
            multiline: false,
            max_length: 20_000,
            on_input: Callback::noop(),
            class: Classes::new(),
            on_enter: None,
        }
    }
}

/// A text input or textarea with its label. A plain function: the row or
/// panel around it decides when it re-renders.
pub fn text_field(props: &TextFieldProps) -> Html {
    let on_input = props.on_input.clone();
    let multiline = props.multiline;
    let oninput = Callback::from(move |event: InputEvent| {
        let text = if multiline {
            event.target_unchecked_into::<HtmlTextAreaElement>().value()
        } else {
            event.target_unchecked_into::<HtmlInputElement>().value()
        };
        on_input.emit(text);
    });
    let maxlength = props.max_length.to_string();
    let field = if props.multiline {
        html! {
            <textarea
                id={props.id.clone()}
                class={props.class.clone()}
                value={props.value.clone()}
                placeholder={props.placeholder.clone()}
                aria-label={props.aria_label.clone()}
                rows="3"
                {maxlength}
                {oninput}
            />
        }
    } else {
        html! {
            <input
                id={props.id.clone()}
                class={props.class.clone()}
                type="text"
                value={props.value.clone()}
                placeholder={props.placeholder.clone()}
                aria-label={props.aria_label.clone()}
                autocomplete="off"
                {maxlength}
                {oninput}
                onkeydown={props.on_enter.clone().map(|on_enter| Callback::from(move |event: KeyboardEvent| {
                    if event.key() == "Enter" && !event.is_composing() {
                        event.prevent_default();
                        on_enter.emit(());
                    }
                }))}
            />
        }
    };
    match &props.label {
        Some(label) => html! {
            <div class="field">
                <label for={props.id.clone()}>{ label.clone() }</label>
                { field }
            </div>
        },
        None => field,
    }
}
