//! The criteria: name, weight, direction, kind of input and its parameters.

use crate::components::common::PALETTE;
use crate::components::fields::{text_field, TextFieldProps};
use crate::components::number_field::NumberField;
use crate::domain::model::criterion::{Criterion, CriterionInput, Direction, InputKind};
use crate::domain::model::ids::CriterionId;
use crate::domain::model::scenario::{Bound, ScaleEnd, ScenarioEdit, MAX_UNIT};
use crate::domain::model::value::{format_number, NumberRule, Weight};
use crate::i18n::Lang;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// Largest weight the slider reaches; larger weights are typed.
const SLIDER_MAX: f64 = 10.0;

fn kind_name(lang: Lang, kind: InputKind) -> &'static str {
    let t = lang.texts();
    match kind {
        InputKind::Rating => t.criteria.kind_rating,
        InputKind::Amount => t.criteria.kind_amount,
        InputKind::SegmentFit => t.criteria.kind_segment_fit,
    }
}

/// See the module docs. A plain function: each criterion is a component of
/// its own and re-renders only when it changes.
pub fn criteria_panel(
    lang: Lang,
    criteria: &[Criterion],
    on_edit: &Callback<ScenarioEdit>,
    strips: Vec<Html>,
    top3: Option<(bool, Callback<Event>)>,
) -> Html {
    let t = lang.texts();
    let add = {
        let on_edit = on_edit.clone();
        let name = t.criteria.new_criterion.to_owned();
        Callback::from(move |_: MouseEvent| {
            on_edit.emit(ScenarioEdit::AddCriterion {
                name: name.clone(),
                kind: InputKind::Rating,
            })
        })
    };
    html! {
        <section class="panel criteria-panel" aria-labelledby="criteria-heading">
            <h2 id="criteria-heading">{ t.criteria.criteria }</h2>
            if let Some((checked, onchange)) = top3 {
                <label class="check top3">
                    <input type="checkbox" {checked} {onchange} />{ " " }{ lang.texts().robust.keep_top3 }
                </label>
            }
            <ul class="criteria">
                { for criteria.iter().enumerate().map(|(position, criterion)| html! {
                    { criterion_row(&CriterionRowProps {
                        lang,
                        criterion,
                        colour: position % PALETTE,
                        on_edit,
                        strip: strips.get(position).cloned(),
                    }) }
                }) }
            </ul>
            <button type="button" class="add" onclick={add}>{ format!("+ {}", t.criteria.add_criterion) }</button>
        </section>
    }
}

struct CriterionRowProps<'a> {
    lang: Lang,
    criterion: &'a Criterion,
    colour: usize,
    on_edit: &'a Callback<ScenarioEdit>,
    strip: Option<Html>,
}

/// One criterion's editor. A plain function: criteria are few, and the
/// number fields in it skip re-rendering by themselves.
fn criterion_row(props: &CriterionRowProps) -> Html {
    let lang = props.lang;
    let t = lang.texts();
    let c = &props.criterion;
    let id = c.id;
    let prefix = format!("crit-{id}");
    let send = {
        let on_edit = props.on_edit.clone();
        move |edit: ScenarioEdit| on_edit.emit(edit)
    };
    let rename = {
        let send = send.clone();
        Callback::from(move |name: String| send(ScenarioEdit::RenameCriterion(id, name)))
    };
    let fill = |spread: Option<f64>| {
        let send = send.clone();
        Callback::from(move |_: MouseEvent| send(ScenarioEdit::FillRanges(id, spread)))
    };
    let set_weight = {
        let send = send.clone();
        Callback::from(move |value: Option<f64>| {
            if let Some(weight) = value.and_then(|v| Weight::new(v).ok()) {
                send(ScenarioEdit::SetWeight(id, weight));
            }
        })
    };
    let slide_weight = {
        let set_weight = set_weight.clone();
        Callback::from(move |event: InputEvent| {
            set_weight.emit(Some(
                event
                    .target_unchecked_into::<HtmlInputElement>()
                    .value_as_number(),
            ))
        })
    };
    let set_direction = {
        let send = send.clone();
        Callback::from(move |event: Event| {
            let direction = match event
                .target_unchecked_into::<HtmlSelectElement>()
                .value()
                .as_str()
            {
                "lower" => Direction::LowerIsBetter,
                _ => Direction::HigherIsBetter,
            };
            send(ScenarioEdit::SetDirection(id, direction));
        })
    };
    let set_kind = {
        let send = send.clone();
        Callback::from(move |event: Event| {
            let index = event
                .target_unchecked_into::<HtmlSelectElement>()
                .selected_index();
            if let Some(kind) = usize::try_from(index)
                .ok()
                .and_then(|i| InputKind::ALL.get(i))
            {
                send(ScenarioEdit::SetInputKind(id, *kind));
            }
        })
    };
    let remove = {
        let send = send.clone();
        Callback::from(move |_: MouseEvent| send(ScenarioEdit::RemoveCriterion(id)))
    };
    let is_fit = c.input.kind() == InputKind::SegmentFit;
    let parameters = input_parameters(lang, id, &prefix, &c.input, props.on_edit);
    let slider_value = format_number(c.weight.value().min(SLIDER_MAX), 6, false);
    html! {
        <li class="criterion" key={props.criterion.id.to_string()}>
            <div class="criterion-head">
                <span class={classes!("swatch", format!("crit-{}", props.colour))}></span>
                { text_field(&TextFieldProps {
                    id: format!("{prefix}-name").into(),
                    aria_label: Some(t.criteria.criterion_name.into()),
                    value: c.name.clone().into(),
                    on_input: rename,
                    class: classes!("criterion-name"),
                    ..TextFieldProps::default()
                }) }
                <button type="button" class="ghost remove" aria-label={format!("{}: {}", t.criteria.remove_criterion, c.name)} title={t.criteria.remove_criterion} onclick={remove}>{ "✕" }</button>
            </div>
            <div class="criterion-body">
                <div class="field weight-field">
                    <label for={format!("{prefix}-weight")}>{ t.criteria.weight }</label>
                    <div class="slider-pair">
                        <input type="range" min="0" max="10" step="0.5" value={slider_value} aria-label={format!("{} {}", t.criteria.weight, c.name)} oninput={slide_weight} />
                        <NumberField id={format!("{prefix}-weight")} value={Some(c.weight.value())} rule={NumberRule::Weight} {lang} on_change={set_weight} />
                    </div>
                    { props.strip.clone().unwrap_or_default() }
                </div>
                <div class="field">
                    <label for={format!("{prefix}-kind")}>{ t.criteria.input_kind }</label>
                    <select id={format!("{prefix}-kind")} onchange={set_kind}>
                        { for InputKind::ALL.iter().map(|&kind| html! {
                            <option selected={kind == c.input.kind()}>{ kind_name(lang, kind) }</option>
                        }) }
                    </select>
                </div>
                if !is_fit {
                    <div class="field">
                        <label for={format!("{prefix}-direction")}>{ t.criteria.direction }</label>
                        <select id={format!("{prefix}-direction")} onchange={set_direction}>
                            <option value="higher" selected={c.direction == Direction::HigherIsBetter}>{ t.criteria.higher_is_better }</option>
                            <option value="lower" selected={c.direction == Direction::LowerIsBetter}>{ t.criteria.lower_is_better }</option>
                        </select>
                    </div>
                }
            </div>
            { parameters }
            if !is_fit {
                <div class="quick-ranges">
                    <button type="button" class="ghost" onclick={fill(Some(0.3))}
                        aria-label={format!("{}: {}", c.name, t.robust.fill_ranges)}>{ t.robust.fill_ranges }</button>
                    <button type="button" class="ghost" onclick={fill(None)}
                        aria-label={format!("{}: {}", c.name, t.robust.clear_ranges)}>{ t.robust.clear_ranges }</button>
                </div>
            }
        </li>
    }
}

/// The fields of a criterion's scale (a rating's ends) or bounds (an
/// amount's unit and bounds); segment fit has none.
fn input_parameters(
    lang: Lang,
    id: CriterionId,
    prefix: &str,
    input: &CriterionInput,
    on_edit: &Callback<ScenarioEdit>,
) -> Html {
    let t = lang.texts();
    let send = {
        let on_edit = on_edit.clone();
        move |edit: ScenarioEdit| on_edit.emit(edit)
    };
    match input {
        CriterionInput::Rating { min, max } => {
            let scale_end = |end: ScaleEnd| {
                let send = send.clone();
                Callback::from(move |value: Option<f64>| {
                    if let Some(v) = value {
                        send(ScenarioEdit::SetScaleEnd(id, end, v));
                    }
                })
            };
            html! {
                <div class="params">
                    <div class="field">
                        <label for={format!("{prefix}-min")}>{ t.criteria.scale_min }</label>
                        <NumberField id={format!("{prefix}-min")} value={Some(*min)} rule={NumberRule::ScaleEnd} {lang} on_change={scale_end(ScaleEnd::Min)} refused_message={t.criteria.scale_invalid} />
                    </div>
                    <div class="field">
                        <label for={format!("{prefix}-max")}>{ t.criteria.scale_max }</label>
                        <NumberField id={format!("{prefix}-max")} value={Some(*max)} rule={NumberRule::ScaleEnd} {lang} on_change={scale_end(ScaleEnd::Max)} refused_message={t.criteria.scale_invalid} />
                    </div>
                </div>
            }
        }
        CriterionInput::Amount { unit, lo, hi } => {
            let set_unit = {
                let send = send.clone();
                Callback::from(move |text: String| send(ScenarioEdit::SetUnit(id, text)))
            };
            let bound = |which: Bound| {
                let send = send.clone();
                Callback::from(move |value: Option<f64>| {
                    send(ScenarioEdit::SetBound(id, which, value))
                })
            };
            html! {
                <div class="params">
                    { text_field(&TextFieldProps {
                        id: format!("{prefix}-unit").into(),
                        label: Some(t.criteria.unit.into()),
                        value: unit.clone().into(),
                        max_length: MAX_UNIT,
                        on_input: set_unit,
                        ..TextFieldProps::default()
                    }) }
                    <div class="field">
                        <label for={format!("{prefix}-lo")}>{ t.criteria.lower_bound }</label>
                        <NumberField id={format!("{prefix}-lo")} value={*lo} rule={NumberRule::Amount} {lang} placeholder={t.criteria.auto_bound} on_change={bound(Bound::Low)} refused_message={t.criteria.bounds_invalid} />
                    </div>
                    <div class="field">
                        <label for={format!("{prefix}-hi")}>{ t.criteria.upper_bound }</label>
                        <NumberField id={format!("{prefix}-hi")} value={*hi} rule={NumberRule::Amount} {lang} placeholder={t.criteria.auto_bound} on_change={bound(Bound::High)} refused_message={t.criteria.bounds_invalid} />
                    </div>
                </div>
            }
        }
        CriterionInput::SegmentFit => {
            html! { <p class="hint params">{ t.criteria.fit_is_derived }</p> }
        }
    }
}
