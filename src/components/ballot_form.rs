//! One person's ballot: the scenario's words, a field per asked cell with
//! "don't know" and an optional reason, weights when the round asks for
//! them. Used on the ballot page (phone first) and in hot-seat mode.

use crate::domain::group::ballot::{name_is_blank, Invitation, BALLOT_WEIGHTS};

use crate::domain::formats::to_text;
use crate::domain::model::criterion::{CriterionInput, Direction};
use crate::domain::model::ids::CriterionId;
use crate::domain::model::rounds::{Ballot, Cell, Item, Score, MAX_NAME, MAX_REASON};
use crate::domain::model::scenario::{Scenario, ScenarioOption};
use crate::domain::model::value::NumberRule;
use crate::i18n::{keep_units, Lang};
use crate::services::focus::focus_by_id;
use crate::services::storage::{read_key, write_key};
use serde::{Deserialize, Serialize};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// "Don't know" in a cell's field.
const DONT_KNOW: &str = "?";
/// Options drawn at once; the rest follow [`OPTIONS_PER_STEP`] at a time.
const FIRST_OPTIONS: usize = 40;
/// Options drawn per step after the first.
const OPTIONS_PER_STEP: usize = 120;
/// The id of the name field (focused when the name is missing).
const NAME_ID: &str = "ballot-name";

/// Props of [`BallotForm`].
#[derive(Properties, PartialEq)]
pub struct BallotFormProps {
    /// UI language.
    pub lang: Lang,
    /// What the round asks.
    pub invitation: Rc<Invitation>,
    /// Where the draft is kept on this device (`None`: nowhere, hot seat).
    #[prop_or_default]
    pub draft_key: Option<AttrValue>,
    /// The finished ballot.
    pub on_done: Callback<Ballot>,
    /// The finishing button's words.
    pub done_label: AttrValue,
}

/// The answers as typed: per option its cells' fields and reasons, per
/// criterion its weight. Each option's cells are shared, so that a choice
/// copies one option's answers, not the whole ballot's.
#[derive(Clone, Default, PartialEq)]
struct Draft {
    name: String,
    groups: Vec<Rc<Vec<(String, String)>>>,
    weights: Vec<String>,
}

/// One change of the draft.
enum Edit {
    Name(String),
    /// A cell's field (`reason`: false) or reason (true), by option and place.
    Cell {
        group: usize,
        at: usize,
        reason: bool,
        text: String,
    },
    Weight(usize, String),
}

impl Reducible for Draft {
    type Action = Edit;

    fn reduce(self: Rc<Self>, edit: Edit) -> Rc<Self> {
        let mut next = Rc::unwrap_or_clone(self);
        match edit {
            Edit::Name(text) => next.name = text,
            Edit::Cell {
                group,
                at,
                reason,
                text,
            } => {
                if let Some(cell) = next
                    .groups
                    .get_mut(group)
                    .and_then(|g| Rc::make_mut(g).get_mut(at))
                {
                    *(if reason { &mut cell.1 } else { &mut cell.0 }) = text;
                }
            }
            Edit::Weight(i, text) => {
                if let Some(weight) = next.weights.get_mut(i) {
                    *weight = text;
                }
            }
        }
        Rc::new(next)
    }
}

impl Draft {
    /// An empty draft for options with these many cells each.
    fn empty(sizes: &[usize], weights: usize) -> Self {
        Draft {
            name: String::new(),
            groups: sizes
                .iter()
                .map(|&n| Rc::new(vec![Default::default(); n]))
                .collect(),
            weights: vec![String::new(); weights],
        }
    }

    /// Every cell in order.
    fn cells(&self) -> impl Iterator<Item = &(String, String)> {
        self.groups.iter().flat_map(|g| g.iter())
    }

    fn to_text(&self) -> String {
        to_text(&Kept {
            name: self.name.clone(),
            cells: self.cells().cloned().collect(),
            weights: self.weights.clone(),
        })
    }

    /// The draft kept on this device, if it fits the round: options with
    /// `sizes` cells each, and `weights` weights.
    fn read(text: &str, sizes: &[usize], weights: usize) -> Option<Draft> {
        let kept: Kept = serde_json::from_str(text).ok()?;
        if kept.cells.len() != sizes.iter().sum::<usize>() || kept.weights.len() != weights {
            return None;
        }
        let mut pairs = kept.cells.into_iter();
        let groups = sizes
            .iter()
            .map(|&n| Rc::new(pairs.by_ref().take(n).collect()))
            .collect();
        Some(Draft {
            name: kept.name,
            groups,
            weights: kept.weights,
        })
    }
}

/// A draft as this device keeps it: the name, each cell's value and reason
/// as typed, the weights as typed.
#[derive(Serialize, Deserialize)]
struct Kept {
    name: String,
    cells: Vec<(String, String)>,
    weights: Vec<String>,
}

/// The field for one cell: a list of (value as typed, words shown) for
/// levels (their labels) and whole-number scales; empty for a text field.
fn choices(lang: Lang, input: Option<&CriterionInput>) -> Vec<(String, String)> {
    let (min, max) = match input {
        Some(CriterionInput::Levels(levels)) => {
            return levels
                .iter()
                .map(|l| (lang.number(l.value, 6), l.label.clone()))
                .collect()
        }
        Some(CriterionInput::Rating { min, max }) => (*min, *max),
        Some(_) => return Vec::new(),
        None => (0.0, 5.0),
    };
    if min.fract() == 0.0 && max.fract() == 0.0 && max - min <= 20.0 {
        (min as i64..=max as i64)
            .map(|v| (v.to_string(), v.to_string()))
            .collect()
    } else {
        Vec::new()
    }
}

/// What one asked cell shows: worked out once per ballot, not per keystroke.
#[derive(Clone, Debug, PartialEq, Eq)]
struct CellSpec {
    /// The cell asked.
    cell: Cell,
    /// Its place among all cells (the field's id is `cell-{index}`).
    index: usize,
    /// The criterion's (or segment's) name.
    label: String,
    /// The scale or unit after the label ("(1–5)").
    unit: String,
    /// A list of values to pick from (value, words), or a text field (empty).
    choices: Vec<(String, String)>,
}

/// The ballot's cells: per option its specs.
struct Layout {
    groups: Vec<Rc<Vec<CellSpec>>>,
}

impl Layout {
    fn of(lang: Lang, invitation: &Invitation) -> Self {
        let scenario = &invitation.scenario;
        let items = invitation.items();
        let fit_names = lang.fit_names();
        let mut index = 0;
        let groups = scenario
            .options
            .iter()
            .map(|option| {
                let specs = items
                    .iter()
                    .map(|&item| Cell {
                        option: option.id,
                        item,
                    })
                    .filter(|&cell| invitation.round.asks(scenario, cell))
                    .map(|cell| {
                        let input = match cell.item {
                            Item::Value(c) => scenario.criterion(c).map(|c| &c.input),
                            Item::Fit(_) => None,
                        };
                        let label = match cell.item {
                            Item::Value(id) => scenario
                                .criterion(id)
                                .map_or_else(String::new, |c| c.name.clone()),
                            Item::Fit(segment) => fit_names[segment as usize].to_owned(),
                        };
                        let unit = match input {
                            Some(CriterionInput::Rating { min, max }) => {
                                format!(" ({}–{})", lang.number(*min, 2), lang.number(*max, 2))
                            }
                            Some(CriterionInput::Amount { unit, .. }) if !unit.is_empty() => {
                                format!(" ({unit})")
                            }
                            Some(_) => String::new(),
                            None => " (0–5)".to_owned(),
                        };
                        index += 1;
                        CellSpec {
                            cell,
                            index: index - 1,
                            label,
                            unit,
                            choices: choices(lang, input),
                        }
                    })
                    .collect();
                Rc::new(specs)
            })
            .collect();
        Layout { groups }
    }

    fn sizes(&self) -> Vec<usize> {
        self.groups.iter().map(|g| g.len()).collect()
    }
}

/// Props of [`OptionCells`].
#[derive(Properties, PartialEq)]
struct OptionCellsProps {
    lang: Lang,
    option: Rc<ScenarioOption>,
    /// The option's place among the ballot's options.
    group: usize,
    specs: Rc<Vec<CellSpec>>,
    /// What is typed in its cells.
    typed: Rc<Vec<(String, String)>>,
    on_edit: Callback<Edit>,
}

/// One option's cells. Drawn again only when its own answers change, so a
/// choice costs the same in a ballot of 5 options or 2,000.
#[function_component(OptionCells)]
fn option_cells(props: &OptionCellsProps) -> Html {
    let t = &props.lang.texts().group;
    let group = props.group;
    let edit = |at: usize, reason: bool| {
        props.on_edit.reform(move |text: String| Edit::Cell {
            group,
            at,
            reason,
            text,
        })
    };
    let rows = props.specs.iter().enumerate().map(|(at, spec)| {
        let id = format!("cell-{}", spec.index);
        let (text, reason) = props.typed.get(at).cloned().unwrap_or_default();
        let field = match spec.choices.as_slice() {
            [] => {
                let oninput = edit(at, false).reform(typed);
                html! {
                    <input id={id.clone()} type="text" inputmode="decimal" value={text} placeholder={t.dont_know} {oninput} />
                }
            }
            listed => {
                let onchange = edit(at, false).reform(|event: Event| {
                    event.target_unchecked_into::<HtmlSelectElement>().value()
                });
                html! {
                    <select id={id.clone()} {onchange}>
                        <option value="" selected={text.is_empty()}>{ t.not_scored }</option>
                        <option value={DONT_KNOW} selected={text == DONT_KNOW}>{ t.dont_know }</option>
                        { for listed.iter().map(|(value, words)| html! {
                            <option selected={text == *value} value={value.clone()}>{ words.clone() }</option>
                        }) }
                    </select>
                }
            }
        };
        let on_reason = edit(at, true).reform(typed);
        html! {
            <div class="ballot-cell" key={spec.index}>
                <label for={id}>{ &spec.label }{ &spec.unit }</label>
                { field }
                <input type="text" class="reason" aria-label={format!("{}: {}", spec.label, t.reason)}
                    placeholder={t.reason} maxlength="200" value={reason} oninput={on_reason} />
            </div>
        }
    });
    let option = &props.option;
    html! {
        <fieldset class="ballot-option">
            <legend>{ keep_units(&option.title) }</legend>
            if !option.description.is_empty() {
                <p class="hint">{ keep_units(&option.description) }</p>
            }
            { for rows }
        </fieldset>
    }
}

/// The text of the field an input event came from.
fn typed(event: InputEvent) -> String {
    event.target_unchecked_into::<HtmlInputElement>().value()
}

/// See the module docs. The ballot is no `<form>`: a browser keeps a form's
/// validity in step with each control added to it, which makes drawing a
/// form of thousands of fields take time that grows with its square.
#[function_component(BallotForm)]
pub fn ballot_form(props: &BallotFormProps) -> Html {
    let (lang, invitation) = (props.lang, props.invitation.clone());
    let t = &lang.texts().group;
    let scenario = &invitation.scenario;
    let items = invitation.items();
    let weighted: Vec<_> = if invitation.round.weights {
        scenario.criteria.iter().map(|c| c.id).collect()
    } else {
        Vec::new()
    };
    let layout = use_memo((lang, invitation.clone()), |(lang, invitation)| {
        Layout::of(*lang, invitation)
    });
    let draft = {
        let key = props.draft_key.clone();
        let (sizes, w) = (layout.sizes(), weighted.len());
        use_reducer(move || {
            key.and_then(|k| read_key(&k))
                .and_then(|text| Draft::read(&text, &sizes, w))
                .unwrap_or_else(|| Draft::empty(&sizes, w))
        })
    };
    let error = use_state(String::new);
    // Every change is kept as the draft (on this device only).
    {
        let key = props.draft_key.clone();
        use_effect_with(draft.clone(), move |draft| {
            if let Some(key) = key {
                write_key(&key, &draft.to_text());
            }
        });
    }
    let on_edit = {
        let dispatch = draft.dispatcher();
        use_memo((), move |_| {
            Callback::from(move |edit: Edit| dispatch.dispatch(edit))
        })
    };
    let submit = {
        let (draft, error, invitation) = (draft.clone(), error.clone(), invitation.clone());
        let (weighted, on_done, layout) = (weighted.clone(), props.on_done.clone(), layout.clone());
        move || match ballot_of(lang, &invitation, &layout, &weighted, &draft) {
            Ok(ballot) => {
                error.set(String::new());
                on_done.emit(ballot);
            }
            Err((message, field)) => {
                error.set(message);
                focus_by_id(&field);
            }
        }
    };
    let submit = Rc::new(submit);
    let on_click = {
        let submit = submit.clone();
        Callback::from(move |_: MouseEvent| submit())
    };
    // Enter in a text field sends, as it would in a form.
    let on_key = Callback::from(move |event: KeyboardEvent| {
        let in_field = event
            .target()
            .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
            .is_some();
        if event.key() == "Enter" && in_field && !event.is_composing() {
            event.prevent_default();
            submit();
        }
    });
    // A long ballot is drawn in steps: the first options at once, the rest
    // a step per frame, so the form is there at once and never freezes.
    let shown = use_state(|| FIRST_OPTIONS);
    {
        let (shown, total) = (shown.clone(), scenario.options.len());
        use_effect_with(*shown, move |&now| {
            let step = (now < total).then(|| {
                gloo_timers::callback::Timeout::new(0, move || shown.set(now + OPTIONS_PER_STEP))
            });
            move || drop(step)
        });
    }
    let options = scenario.options.iter().take(*shown).zip(&layout.groups).zip(&draft.groups).enumerate().map(|(group, ((option, specs), typed))| html! {
        <OptionCells key={option.id.number()} {lang} option={option.clone()} {group} specs={specs.clone()}
            typed={typed.clone()} on_edit={(*on_edit).clone()} />
    });
    let scales = scale_lines(lang, scenario, &items);
    let on_name = on_edit.reform(|event: InputEvent| Edit::Name(typed(event)));
    html! {
        <div class="ballot" onkeydown={on_key}>
            <label for={NAME_ID}>{ t.your_name }</label>
            <input id={NAME_ID} type="text" autocomplete="name" maxlength="60" value={draft.name.clone()} oninput={on_name} />
            if !scales.is_empty() {
                <section class="ballot-scales" aria-labelledby="ballot-scales-heading">
                    <h2 id="ballot-scales-heading">{ t.scales_heading }</h2>
                    <ul>{ for scales.into_iter().enumerate().map(|(i, line)| html! { <li key={i}>{ line }</li> }) }</ul>
                </section>
            }
            // Their own element: a list of keyed children alone, so that
            // each step only adds options.
            <div class="ballot-options">{ for options }</div>
            if !weighted.is_empty() {
                <fieldset class="ballot-option">
                    <legend>{ t.weights_heading }</legend>
                    { for scenario.criteria.iter().enumerate().map(|(i, c)| {
                        let oninput = on_edit.reform(move |event: InputEvent| Edit::Weight(i, typed(event)));
                        html! {
                            <div class="ballot-cell" key={c.id.number()}>
                                <label for={format!("weight-{i}")}>{ &c.name }</label>
                                <input id={format!("weight-{i}")} type="text" inputmode="decimal" value={draft.weights[i].clone()} {oninput} />
                            </div>
                        }
                    }) }
                </fieldset>
            }
            <p class="form-error" role="alert">{ (*error).clone() }</p>
            <button type="button" class="primary" onclick={on_click}>{ props.done_label.clone() }</button>
        </div>
    }
}

/// The ballot `d` makes, or what to say and the id of the field to put the
/// focus in.
fn ballot_of(
    lang: Lang,
    invitation: &Invitation,
    layout: &Layout,
    weighted: &[CriterionId],
    d: &Draft,
) -> Result<Ballot, (String, String)> {
    let name: String = d.name.trim().chars().take(MAX_NAME).collect();
    if name_is_blank(&name) {
        return Err((
            lang.texts().group.name_missing.to_owned(),
            NAME_ID.to_owned(),
        ));
    }
    let style = lang.number_style();
    let mut scores = Vec::new();
    let specs = layout.groups.iter().flat_map(|g| g.iter());
    for (spec, (text, reason)) in specs.zip(d.cells()) {
        let cell = spec.cell;
        let text = text.trim();
        let value = match text {
            "" if reason.trim().is_empty() => continue,
            "" | DONT_KNOW => None,
            _ => {
                let rule = cell
                    .item
                    .rule(&invitation.scenario)
                    .unwrap_or(NumberRule::Amount);
                match rule.parse(text, style) {
                    Ok(v) => v,
                    Err(why) => {
                        let message = format!("{}: {}", spec.label, lang.value_error(&why));
                        return Err((message, format!("cell-{}", spec.index)));
                    }
                }
            }
        };
        scores.push(Score {
            cell,
            value,
            reason: reason.trim().chars().take(MAX_REASON).collect(),
        });
    }
    let mut weights = Vec::new();
    for (i, (&id, text)) in weighted.iter().zip(&d.weights).enumerate() {
        match BALLOT_WEIGHTS.parse(text, style) {
            Ok(Some(w)) => weights.push((id, w)),
            Ok(None) => {}
            Err(_) if text.trim().is_empty() => {}
            Err(why) => return Err((lang.value_error(&why), format!("weight-{i}"))),
        }
    }
    Ok(Ballot {
        round: invitation.round.id,
        number: invitation.round.number,
        participant: name,
        sent: js_sys::Date::now() as u64,
        scores,
        weights,
        checks: invitation.checks(),
    })
}

/// What the ends of each asked scale mean, one line per criterion (and one
/// for segment fit): a ballot never leaves "is 1 good or bad?" open.
fn scale_lines(lang: Lang, scenario: &Scenario, items: &[Item]) -> Vec<String> {
    let t = &lang.texts().group;
    let mut lines = Vec::new();
    let mut fit = false;
    for item in items {
        match *item {
            Item::Fit(_) => fit = true,
            Item::Value(id) => {
                let Some(c) = scenario.criterion(id) else {
                    continue;
                };
                let lower = c.direction == Direction::LowerIsBetter;
                let line = match &c.input {
                    CriterionInput::Levels(levels) => t.scales[usize::from(lower)]
                        .replace(
                            "{min}",
                            &levels.first().map(|l| l.label.clone()).unwrap_or_default(),
                        )
                        .replace(
                            "{max}",
                            &levels.last().map(|l| l.label.clone()).unwrap_or_default(),
                        ),
                    CriterionInput::Rating { min, max } => t.scales[usize::from(lower)]
                        .replace("{min}", &lang.number(*min, 2))
                        .replace("{max}", &lang.number(*max, 2)),
                    CriterionInput::Amount { unit, .. } => t.scales[2 + usize::from(lower)]
                        .replace(
                            "{unit}",
                            &if unit.is_empty() {
                                String::new()
                            } else {
                                format!(" ({unit})")
                            },
                        ),
                    CriterionInput::SegmentFit => continue,
                };
                lines.push(line.replace("{name}", &c.name));
            }
        }
    }
    if fit {
        lines.push(t.scales[4].to_owned());
    }
    lines
}
