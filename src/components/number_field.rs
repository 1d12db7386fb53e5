//! A number input that keeps what the user typed, refuses bad numbers with a
//! message right below it, and only sends valid values up.

use crate::domain::model::value::{format_estimate, NumberRule, Range};
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
    /// The model's range around the value, for fields that take estimates.
    #[prop_or_default]
    pub range: Option<Range>,
    /// Set for fields that take estimates (`20–40`, `20/30/40`): receives
    /// each valid value with its range.
    #[prop_or_default]
    pub on_estimate: Option<Callback<(f64, Range)>>,
}

/// See the module docs.
#[function_component(NumberField)]
pub fn number_field(props: &NumberFieldProps) -> Html {
    // What the user typed. It stays on screen, valid or not, until the model's
    // value changes to something it does not mean (undo, another tab, a switch).
    let draft = use_mut_ref(|| None::<String>);
    let last_value = use_mut_ref(|| (props.value, props.range));
    // A draft is text in the language it was typed in: after a switch the
    // field shows the value as the new language writes it, and nothing is
    // ever re-read in a language it was not written in.
    let last_lang = use_mut_ref(|| props.lang);
    if *last_lang.borrow() != props.lang {
        *draft.borrow_mut() = None;
        *last_lang.borrow_mut() = props.lang;
    }
    let redraw = use_force_update();
    let style = props.lang.number_style();
    let (rule, estimates) = (props.rule, props.on_estimate.is_some());
    let model = (props.value, props.range);
    // The model's value as this field writes it: reading that text back
    // gives the model's value, whatever the rules say of it (`2.125` is no
    // ambiguous thousands when Kerze wrote it).
    let model_text = props
        .value
        .map(|v| format_estimate(v, props.range, 6, style))
        .unwrap_or_default();
    // A plain number, or an estimate where the field takes them.
    let written = model_text.clone();
    let parse = move |text: &str| {
        if text.trim() == written {
            Ok(model)
        } else if estimates {
            rule.parse_estimate(text, style)
        } else {
            rule.parse(text, style).map(|v| (v, None))
        }
    };
    if *last_value.borrow() != model {
        let keeps_meaning = draft
            .borrow()
            .as_ref()
            .is_some_and(|text| parse(text) == Ok(model));
        if !keeps_meaning {
            *draft.borrow_mut() = None;
        }
        *last_value.borrow_mut() = model;
    }
    let (shown, error) = match draft.borrow().as_ref() {
        Some(text) => match parse(text) {
            Err(error) => (text.clone(), Some(props.lang.value_error(&error))),
            Ok(parsed) => {
                let refused = (parsed != model)
                    .then(|| props.refused_message.as_ref().map(ToString::to_string));
                (text.clone(), refused.flatten())
            }
        },
        None => (model_text.clone(), None),
    };

    let oninput = {
        let draft = draft.clone();
        let on_change = props.on_change.clone();
        let on_estimate = props.on_estimate.clone();
        let parse = parse.clone();
        Callback::from(move |event: InputEvent| {
            let text = event.target_unchecked_into::<HtmlInputElement>().value();
            let parsed = parse(&text);
            *draft.borrow_mut() = Some(text);
            match (parsed, &on_estimate) {
                (Ok(p), _) if p == model => {}
                (Ok((Some(value), Some(range))), Some(on_estimate)) => {
                    on_estimate.emit((value, range))
                }
                (Ok((value, _)), _) => on_change.emit(value),
                (Err(_), _) => {}
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
