//! One person's ballot: the scenario's words, a field per asked cell with
//! "don't know" and an optional reason, weights when the round asks for
//! them. Used on the ballot page (phone first) and in hot-seat mode.

use crate::domain::ballot::{
    name_is_blank, Ballot, Cell, Invitation, Item, Score, BALLOT_WEIGHTS, MAX_NAME, MAX_REASON,
};
use crate::domain::criterion::{CriterionInput, Direction};
use crate::domain::json::{self, Json};
use crate::domain::scenario::Scenario;
use crate::domain::value::NumberRule;
use crate::i18n::Lang;
use crate::services::focus::focus_by_id;
use crate::services::storage::{read_key, write_key};
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// "Don't know" in a cell's field.
const DONT_KNOW: &str = "?";
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

/// The answers as typed: per cell its field and reason, per criterion its weight.
#[derive(Clone, Default, PartialEq)]
struct Draft {
    name: String,
    cells: Vec<(String, String)>,
    weights: Vec<String>,
}

impl Draft {
    fn to_text(&self) -> String {
        let pair =
            |(a, b): &(String, String)| Json::Array(vec![a.as_str().into(), b.as_str().into()]);
        json::object([
            ("name", self.name.as_str().into()),
            ("cells", Json::Array(self.cells.iter().map(pair).collect())),
            (
                "weights",
                Json::Array(self.weights.iter().map(|w| w.as_str().into()).collect()),
            ),
        ])
        .to_text()
    }

    /// The draft kept on this device, if it fits the round.
    fn read(text: &str, cells: usize, weights: usize) -> Option<Draft> {
        let value = json::parse(text).ok()?;
        let texts = |v: &Json| -> Option<Vec<String>> {
            v.as_array()?
                .iter()
                .map(|t| t.as_str().map(str::to_owned))
                .collect()
        };
        let pairs: Vec<(String, String)> = value
            .get("cells")?
            .as_array()?
            .iter()
            .filter_map(|p| match texts(p)?.as_slice() {
                [a, b] => Some((a.clone(), b.clone())),
                _ => None,
            })
            .collect();
        let weights_typed = texts(value.get("weights")?)?;
        let name = value.get("name")?.as_str()?.to_owned();
        (pairs.len() == cells && weights_typed.len() == weights).then_some(Draft {
            name,
            cells: pairs,
            weights: weights_typed,
        })
    }
}

/// The field for one cell: a list for whole-number scales, else a text field.
fn choices(input: Option<&CriterionInput>) -> Option<(i64, i64)> {
    let (min, max) = match input {
        Some(CriterionInput::Rating { min, max }) => (*min, *max),
        Some(CriterionInput::Amount { .. }) => return None,
        _ => (0.0, 5.0),
    };
    (min.fract() == 0.0 && max.fract() == 0.0 && max - min <= 20.0)
        .then_some((min as i64, max as i64))
}

/// See the module docs.
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
    let cells: Vec<Cell> = scenario
        .options
        .iter()
        .flat_map(|o| items.iter().map(move |&item| Cell { option: o.id, item }))
        .filter(|&c| invitation.round.asks(scenario, c))
        .collect();
    let draft = {
        let key = props.draft_key.clone();
        let (n, w) = (cells.len(), weighted.len());
        use_state(move || {
            key.and_then(|k| read_key(&k))
                .and_then(|text| Draft::read(&text, n, w))
                .unwrap_or_else(|| Draft {
                    cells: vec![Default::default(); n],
                    weights: vec![String::new(); w],
                    ..Default::default()
                })
        })
    };
    let error = use_state(String::new);
    // Every change is kept as the draft (on this device only).
    {
        let key = props.draft_key.clone();
        use_effect_with((*draft).clone(), move |draft| {
            if let Some(key) = key {
                write_key(&key, &draft.to_text());
            }
        });
    }
    let fit_names = lang.fit_names();
    let label_of = |cell: Cell| match cell.item {
        Item::Value(id) => scenario
            .criterion(id)
            .map_or_else(String::new, |c| c.name.clone()),
        Item::Fit(segment) => fit_names[segment as usize].to_owned(),
    };
    let submit = {
        let (draft, error, invitation) = (draft.clone(), error.clone(), invitation.clone());
        let (cells, weighted, on_done) = (cells.clone(), weighted.clone(), props.on_done.clone());
        let t_name = t.name_missing;
        let labels: Vec<String> = cells.iter().map(|&c| label_of(c)).collect();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let d = &*draft;
            let name: String = d.name.trim().chars().take(MAX_NAME).collect();
            if name_is_blank(&name) {
                error.set(t_name.to_owned());
                focus_by_id(NAME_ID);
                return;
            }
            let style = lang.number_style();
            let mut scores = Vec::new();
            for (i, (&cell, (text, reason))) in cells.iter().zip(&d.cells).enumerate() {
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
                                error.set(format!("{}: {}", labels[i], lang.value_error(&why)));
                                focus_by_id(&format!("cell-{i}"));
                                return;
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
                    Err(why) => {
                        error.set(lang.value_error(&why));
                        focus_by_id(&format!("weight-{i}"));
                        return;
                    }
                }
            }
            error.set(String::new());
            on_done.emit(Ballot {
                round: invitation.round.id,
                number: invitation.round.number,
                participant: name,
                sent: js_sys::Date::now() as u64,
                scores,
                weights,
                checks: invitation.checks(),
            });
        })
    };
    // Text fields keep every keystroke (a click on "Send" must see them);
    // lists keep their choice.
    let set = |edit: fn(&mut Draft, usize, String)| {
        let draft = draft.clone();
        move |i: usize| {
            let draft = draft.clone();
            Callback::from(move |event: InputEvent| {
                let value = event.target_unchecked_into::<HtmlInputElement>().value();
                let mut next = (*draft).clone();
                edit(&mut next, i, value);
                draft.set(next);
            })
        }
    };
    let choose = |i: usize| {
        let draft = draft.clone();
        Callback::from(move |event: Event| {
            let value = event.target_unchecked_into::<HtmlSelectElement>().value();
            let mut next = (*draft).clone();
            next.cells[i].0 = value;
            draft.set(next);
        })
    };
    let set_cell = set(|d, i, v| d.cells[i].0 = v);
    let set_reason = set(|d, i, v| d.cells[i].1 = v);
    let set_weight = set(|d, i, v| d.weights[i] = v);
    let set_name = set(|d, _, v| d.name = v);
    let mut at = 0;
    let options = scenario.options.iter().map(|option| {
        let rows = items.iter().filter(|&&item| invitation.round.asks(scenario, Cell { option: option.id, item })).map(|&item| {
            let i = at;
            at += 1;
            let id = format!("cell-{i}");
            let (text, reason) = draft.cells[i].clone();
            let input = match item {
                Item::Value(c) => scenario.criterion(c).map(|c| &c.input),
                Item::Fit(_) => None,
            };
            let field = match choices(input) {
                Some((lo, hi)) => html! {
                    <select id={id.clone()} onchange={choose(i)}>
                        <option value="" selected={text.is_empty()}>{ t.not_scored }</option>
                        <option value={DONT_KNOW} selected={text == DONT_KNOW}>{ t.dont_know }</option>
                        { for (lo..=hi).map(|v| { let v = v.to_string(); html! {
                            <option selected={text == v} value={v.clone()}>{ v }</option>
                        }}) }
                    </select>
                },
                None => html! {
                    <input id={id.clone()} type="text" inputmode="decimal" value={text} placeholder={t.dont_know} oninput={set_cell(i)} />
                },
            };
            let unit = match input {
                Some(CriterionInput::Rating { min, max }) => format!(" ({}–{})", lang.number(*min, 2), lang.number(*max, 2)),
                Some(CriterionInput::Amount { unit, .. }) if !unit.is_empty() => format!(" ({unit})"),
                Some(_) => String::new(),
                None => " (0–5)".to_owned(),
            };
            html! {
                <div class="ballot-cell" key={i}>
                    <label for={id}>{ label_of(Cell { option: option.id, item }) }{ unit }</label>
                    { field }
                    <input type="text" class="reason" aria-label={format!("{}: {}", label_of(Cell { option: option.id, item }), t.reason)}
                        placeholder={t.reason} maxlength="200" value={reason} oninput={set_reason(i)} />
                </div>
            }
        }).collect::<Html>();
        html! {
            <fieldset class="ballot-option" key={option.id.number()}>
                <legend>{ &option.title }</legend>
                if !option.description.is_empty() {
                    <p class="hint">{ &option.description }</p>
                }
                { rows }
            </fieldset>
        }
    }).collect::<Html>();
    let scales = scale_lines(lang, scenario, &items);
    html! {
        <form class="ballot" onsubmit={submit} novalidate=true>
            <label for={NAME_ID}>{ t.your_name }</label>
            <input id={NAME_ID} type="text" autocomplete="name" maxlength="60" value={draft.name.clone()} oninput={set_name(0)} />
            if !scales.is_empty() {
                <section class="ballot-scales" aria-labelledby="ballot-scales-heading">
                    <h2 id="ballot-scales-heading">{ t.scales_heading }</h2>
                    <ul>{ for scales.into_iter().enumerate().map(|(i, line)| html! { <li key={i}>{ line }</li> }) }</ul>
                </section>
            }
            { options }
            if !weighted.is_empty() {
                <fieldset class="ballot-option">
                    <legend>{ t.weights_heading }</legend>
                    { for scenario.criteria.iter().enumerate().map(|(i, c)| html! {
                        <div class="ballot-cell" key={c.id.number()}>
                            <label for={format!("weight-{i}")}>{ &c.name }</label>
                            <input id={format!("weight-{i}")} type="text" inputmode="decimal" value={draft.weights[i].clone()} oninput={set_weight(i)} />
                        </div>
                    }) }
                </fieldset>
            }
            <p class="form-error" role="alert">{ (*error).clone() }</p>
            <button type="submit" class="primary">{ props.done_label.clone() }</button>
        </form>
    }
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
