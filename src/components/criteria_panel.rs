//! The criteria: name, weight, direction, kind of input and its parameters.

use crate::components::common::PALETTE;
use crate::components::fields::{text_field, TextFieldProps};
use crate::components::number_field::NumberField;
use crate::domain::model::criterion::{
    levels_text, parse_levels, Criterion, CriterionInput, Direction, InputKind, RatioRole,
    ScoreModel,
};
use crate::domain::model::ids::CriterionId;
use crate::domain::model::scenario::{levels_problem, Bound, ScaleEnd, ScenarioEdit, MAX_UNIT};
use crate::domain::model::value::{format_number, NumberRule, Weight};
use crate::i18n::Lang;
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

/// Largest weight the slider reaches; larger weights are typed.
const SLIDER_MAX: f64 = 10.0;

fn kind_name(lang: Lang, kind: InputKind) -> &'static str {
    let t = lang.texts();
    match kind {
        InputKind::Rating => t.criteria.kind_rating,
        InputKind::Amount => t.criteria.kind_amount,
        InputKind::SegmentFit => t.criteria.kind_segment_fit,
        InputKind::Levels => t.criteria.kind_levels,
    }
}

/// See the module docs. A plain function: each criterion is a component of
/// its own and re-renders only when it changes.
pub fn criteria_panel(
    lang: Lang,
    (model, threshold): (ScoreModel, f64),
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
            <ModelSwitch {lang} {model} {threshold} criteria={criteria.to_vec()} on_edit={on_edit.clone()} />
            if let Some((checked, onchange)) = top3 {
                <label class="check top3">
                    <input type="checkbox" {checked} {onchange} />{ " " }{ lang.texts().robust.keep_top3 }
                </label>
            }
            <ul class="criteria">
                { for criteria.iter().enumerate().map(|(position, criterion)| html! {
                    { criterion_row(&CriterionRowProps {
                        lang,
                        model,
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
    model: ScoreModel,
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
    let on_edit = props.on_edit;
    let set_direction = pick(on_edit, &Direction::ALL, move |d| {
        ScenarioEdit::SetDirection(id, d)
    });
    let set_kind = pick(on_edit, &InputKind::ALL, move |k| {
        ScenarioEdit::SetInputKind(id, k)
    });
    let set_role = pick(on_edit, &RatioRole::ALL, move |r| {
        ScenarioEdit::SetRatioRole(id, r)
    });
    let remove = {
        let send = send.clone();
        Callback::from(move |_: MouseEvent| send(ScenarioEdit::RemoveCriterion(id)))
    };
    let is_fit = c.input.kind() == InputKind::SegmentFit;
    let ratio = props.model == ScoreModel::Ratio;
    // In the ratio model a weight counts only where the criterion adds, and
    // the direction not at all (what divides is better lower by the formula).
    let weighs = !ratio || c.role == RatioRole::Add;
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
                if ratio {
                    <div class="field">
                        <label for={format!("{prefix}-role")}>{ t.criteria.role }</label>
                        <select id={format!("{prefix}-role")} onchange={set_role}>
                            { for RatioRole::ALL.iter().zip(t.presets.role).map(|(&role, name)| html! {
                                <option selected={role == c.role}>{ name }</option>
                            }) }
                        </select>
                    </div>
                }
                if weighs {
                <div class="field weight-field">
                    <label for={format!("{prefix}-weight")}>{ t.criteria.weight }</label>
                    <div class="slider-pair">
                        <input type="range" min="0" max="10" step="0.5" value={slider_value} aria-label={format!("{} {}", t.criteria.weight, c.name)} oninput={slide_weight} />
                        <NumberField id={format!("{prefix}-weight")} value={Some(c.weight.value())} rule={NumberRule::Weight} {lang} on_change={set_weight} />
                    </div>
                    { props.strip.clone().unwrap_or_default() }
                </div>
                }
                <div class="field">
                    <label for={format!("{prefix}-kind")}>{ t.criteria.input_kind }</label>
                    <select id={format!("{prefix}-kind")} onchange={set_kind}>
                        { for InputKind::ALL.iter().map(|&kind| html! {
                            <option selected={kind == c.input.kind()}>{ kind_name(lang, kind) }</option>
                        }) }
                    </select>
                </div>
                if !is_fit && !ratio {
                    <div class="field">
                        <label for={format!("{prefix}-direction")}>{ t.criteria.direction }</label>
                        <select id={format!("{prefix}-direction")} onchange={set_direction}>
                            <option selected={c.direction == Direction::HigherIsBetter}>{ t.criteria.higher_is_better }</option>
                            <option selected={c.direction == Direction::LowerIsBetter}>{ t.criteria.lower_is_better }</option>
                        </select>
                    </div>
                }
            </div>
            { parameters }
            if ratio && c.role == RatioRole::Divide {
                <p class="hint">{ t.criteria.divisor_floor }</p>
            }
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

/// A menu's change: the entry of `all` at the chosen place, sent as an edit.
fn pick<T: Copy + 'static>(
    on_edit: &Callback<ScenarioEdit>,
    all: &'static [T],
    edit: impl Fn(T) -> ScenarioEdit + 'static,
) -> Callback<Event> {
    let on_edit = on_edit.clone();
    Callback::from(move |event: Event| {
        let index = event
            .target_unchecked_into::<HtmlSelectElement>()
            .selected_index();
        if let Some(&chosen) = usize::try_from(index).ok().and_then(|i| all.get(i)) {
            on_edit.emit(edit(chosen));
        }
    })
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
        CriterionInput::Levels(levels) => html! {
            <LevelsField {lang} {id} prefix={prefix.to_owned()} text={levels_text(levels, lang.number_style())} on_edit={on_edit.clone()} />
        },
    }
}

/// Props of [`LevelsField`].
#[derive(Properties, PartialEq)]
struct LevelsFieldProps {
    lang: Lang,
    id: CriterionId,
    prefix: String,
    /// The levels as the field shows them.
    text: String,
    on_edit: Callback<ScenarioEdit>,
}

/// A levels criterion's labelled values, one per line (`High = 2`): set
/// when the field is left, or said why not (and kept as typed).
#[function_component(LevelsField)]
fn levels_field(props: &LevelsFieldProps) -> Html {
    let t = props.lang.texts();
    let error = use_state(|| None::<String>);
    let field = format!("{}-levels", props.prefix);
    let onchange = {
        let (error, on_edit, id, lang) =
            (error.clone(), props.on_edit.clone(), props.id, props.lang);
        Callback::from(move |event: Event| {
            let text = event.target_unchecked_into::<HtmlTextAreaElement>().value();
            let checked = parse_levels(&text, lang.number_style())
                .map_err(|line| t.criteria.levels_line.replace("{n}", &line.to_string()))
                .and_then(|levels| match levels_problem(&levels) {
                    // In words: "Level 2 needs a label of its own."
                    Some((level, issue)) => Err(match level {
                        Some(i) => t
                            .criteria
                            .level_problem
                            .replace("{n}", &(i + 1).to_string())
                            .replace("{why}", &lang.issue(&issue)),
                        None => format!("{}: {}.", t.criteria.levels, lang.issue(&issue)),
                    }),
                    None => Ok(levels),
                });
            match checked {
                Ok(levels) => {
                    error.set(None);
                    on_edit.emit(ScenarioEdit::SetLevels(id, levels));
                }
                Err(message) => error.set(Some(message)),
            }
        })
    };
    let error_id = format!("{field}-error");
    html! {
        <div class="params">
            <div class="field levels-field">
                <label for={field.clone()}>{ t.criteria.levels }</label>
                <textarea id={field} rows="4" spellcheck="false" value={props.text.clone()} {onchange}
                    aria-invalid={error.is_some().then_some("true")}
                    aria-describedby={error.is_some().then(|| error_id.clone())} />
                <p class="hint">{ t.criteria.levels_hint }</p>
                if let Some(message) = (*error).clone() {
                    <p id={error_id} class="field-error" role="alert">{ message }</p>
                }
            </div>
        </div>
    }
}

/// Props of [`ModelSwitch`].
#[derive(Properties, PartialEq)]
struct ModelSwitchProps {
    lang: Lang,
    model: ScoreModel,
    /// The worth-it threshold (0 = off): a change of model turns it off.
    threshold: f64,
    criteria: Vec<Criterion>,
    on_edit: Callback<ScenarioEdit>,
}

/// Which model scores the scenario. To the ratio model, Kerze first asks how
/// each criterion counts (nothing is guessed); back to the weighted sum at
/// once. Either way one Undo takes it back.
#[function_component(ModelSwitch)]
fn model_switch(props: &ModelSwitchProps) -> Html {
    let t = props.lang.texts();
    // The roles picked so far while switching to the ratio model.
    let asking = use_state(|| None::<Vec<Option<RatioRole>>>);
    let count = props.criteria.len();
    let on_model = {
        let (asking, on_edit) = (asking.clone(), props.on_edit.clone());
        Callback::from(move |event: Event| {
            let ratio = event.target_unchecked_into::<HtmlSelectElement>().value() == "ratio";
            if ratio {
                asking.set(Some(vec![None; count]));
            } else {
                asking.set(None);
                on_edit.emit(ScenarioEdit::SetModel(ScoreModel::WeightedSum, Vec::new()));
            }
        })
    };
    let pick = |i: usize| {
        let asking = asking.clone();
        Callback::from(move |event: Event| {
            let index = event
                .target_unchecked_into::<HtmlSelectElement>()
                .selected_index();
            if let Some(mut roles) = (*asking).clone() {
                if let Some(slot) = roles.get_mut(i) {
                    *slot = usize::try_from(index - 1)
                        .ok()
                        .and_then(|r| RatioRole::ALL.get(r))
                        .copied();
                }
                asking.set(Some(roles));
            }
        })
    };
    let chosen: Option<Vec<RatioRole>> = (*asking)
        .as_ref()
        .and_then(|roles| roles.iter().copied().collect());
    let switch = {
        let (asking, on_edit, criteria, chosen) = (
            asking.clone(),
            props.on_edit.clone(),
            props.criteria.clone(),
            chosen.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            if let Some(roles) = &chosen {
                let roles = criteria
                    .iter()
                    .map(|c| c.id)
                    .zip(roles.iter().copied())
                    .collect();
                on_edit.emit(ScenarioEdit::SetModel(ScoreModel::Ratio, roles));
                asking.set(None);
            }
        })
    };
    let cancel = {
        let asking = asking.clone();
        Callback::from(move |_: MouseEvent| asking.set(None))
    };
    let shown = if asking.is_some() {
        ScoreModel::Ratio
    } else {
        props.model
    };
    // The threshold is in the model's units: said before it turns off.
    let threshold_off = (props.threshold > 0.0).then(|| html! {
        <p class="hint">
            { t.criteria.threshold_turns_off.replace("{threshold}", &props.lang.threshold_of(props.model, props.threshold)) }
        </p>
    });
    html! {
        <div class="model-switch">
            <div class="field">
                <label for="score-model">{ t.criteria.model }</label>
                <select id="score-model" onchange={on_model}>
                    { for ScoreModel::ALL.iter().zip(ScoreModel::KEYS).zip(t.presets.model).map(|((&m, key), name)| html! {
                        <option value={key} selected={m == shown}>{ name }</option>
                    }) }
                </select>
            </div>
            if props.model == ScoreModel::Ratio {
                <p class="hint">{ t.criteria.model_hint }</p>
                if asking.is_none() {
                    { threshold_off.clone().unwrap_or_default() }
                }
            }
            if let Some(roles) = &*asking {
                <fieldset class="role-chooser">
                    <legend>{ t.criteria.choose_roles }</legend>
                    { for props.criteria.iter().enumerate().map(|(i, c)| html! {
                        <div class="field" key={c.id.to_string()}>
                            <label for={format!("switch-role-{}", c.id)}>{ c.name.clone() }</label>
                            <select id={format!("switch-role-{}", c.id)} onchange={pick(i)}>
                                <option selected={roles.get(i).copied().flatten().is_none()}>{ t.criteria.choose }</option>
                                { for RatioRole::ALL.iter().zip(t.presets.role).map(|(&role, name)| html! {
                                    <option selected={roles.get(i).copied().flatten() == Some(role)}>{ name }</option>
                                }) }
                            </select>
                        </div>
                    }) }
                    { threshold_off.unwrap_or_default() }
                    <div class="button-row">
                        <button type="button" class="primary" onclick={switch} disabled={chosen.is_none()}>{ t.criteria.switch_model }</button>
                        <button type="button" onclick={cancel}>{ t.criteria.cancel }</button>
                    </div>
                </fieldset>
            }
        </div>
    }
}
