//! A number input that keeps what the user typed, refuses bad numbers with a
//! message right below it, and only sends valid values up.

use crate::domain::value::NumberRule;
use crate::i18n::Lang;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Props of [`NumberField`].
#[derive(Properties, PartialEq, Clone)]
pub struct NumberFieldProps {
    /// DOM id (labels point at it; the error message uses `<id>-error`).
    pub id: AttrValue,
    /// Accessible name when no `<label for>` is present.
    #[prop_or_default]
    pub aria_label: Option<AttrValue>,
    /// The model's value.
    pub value: Option<f64>,
    /// The rule typed text must follow.
    pub rule: NumberRule,
    /// UI language (decimal mark, messages).
    pub lang: Lang,
    /// Receives every valid value.
    pub on_change: Callback<Option<f64>>,
    /// Placeholder for an empty field.
    #[prop_or_default]
    pub placeholder: Option<AttrValue>,
    /// Extra CSS class on the wrapper.
    #[prop_or_default]
    pub class: Classes,
    /// Shown when the typed number follows the rule but the model kept its
    /// value (e.g. a scale end that would cross the other end).
    #[prop_or_default]
    pub refused_message: Option<AttrValue>,
}

/// See the module docs.
#[function_component(NumberField)]
pub fn number_field(props: &NumberFieldProps) -> Html {
    // What the user typed. It stays on screen, valid or not, until the model's
    // value changes to something it does not mean (undo, another tab, a switch).
    let draft = use_mut_ref(|| None::<String>);
    let last_value = use_mut_ref(|| props.value);
    let redraw = use_force_update();
    let style = props.lang.number_style();
    if *last_value.borrow() != props.value {
        let keeps_meaning = draft
            .borrow()
            .as_ref()
            .is_some_and(|text| props.rule.parse(text, style) == Ok(props.value));
        if !keeps_meaning {
            *draft.borrow_mut() = None;
        }
        *last_value.borrow_mut() = props.value;
    }
    let (shown, error) = match draft.borrow().as_ref() {
        Some(text) => match props.rule.parse(text, style) {
            Err(error) => (text.clone(), Some(props.lang.value_error(&error))),
            Ok(value) => {
                let refused = (value != props.value)
                    .then(|| props.refused_message.as_ref().map(ToString::to_string));
                (text.clone(), refused.flatten())
            }
        },
        None => (
            props
                .value
                .map(|v| props.lang.number(v, 6))
                .unwrap_or_default(),
            None,
        ),
    };

    let oninput = {
        let draft = draft.clone();
        let rule = props.rule;
        let on_change = props.on_change.clone();
        let current = props.value;
        Callback::from(move |event: InputEvent| {
            let text = event.target_unchecked_into::<HtmlInputElement>().value();
            let parsed = rule.parse(&text, style);
            *draft.borrow_mut() = Some(text);
            if let Ok(value) = parsed {
                if value != current {
                    on_change.emit(value);
                }
            }
            // The model may have refused the value: show the text and why anyway.
            redraw.force_update();
        })
    };
    let error_id = format!("{}-error", props.id);
    html! {
        <span class={classes!("number-field", props.class.clone(), error.is_some().then_some("invalid"))}>
            <input
                id={props.id.clone()}
                type="text"
                inputmode="decimal"
                autocomplete="off"
                value={shown}
                aria-label={props.aria_label.clone()}
                aria-invalid={error.is_some().then_some("true")}
                aria-describedby={error.is_some().then(|| error_id.clone())}
                placeholder={props.placeholder.clone()}
                {oninput}
            />
            if let Some(message) = error {
                <span class="field-error" id={error_id} role="alert">{ message }</span>
            }
        </span>
    }
}
