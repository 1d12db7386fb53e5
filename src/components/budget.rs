//! What fits in the budget: the budget's criterion and amount, the best set
//! against going down the ranking, what more buys, the best value at every
//! budget as a step chart and a table, and a pin per option.

use super::Same;
use crate::components::common::PALETTE;
use crate::components::number_field::NumberField;
use crate::components::tradeoffs::{chart_svg, svg_frame};
use crate::domain::analyses::budget::{
    best_set, set_shares, swap, BestSet, LeftOut, NoBestSet, NoSetShares, SetShares,
};
use crate::domain::analyses::knapsack::{Exactness, Pick, Step};
use crate::domain::model::criterion::{CriterionInput, ScoreModel};
use crate::domain::model::ids::{CriterionId, OptionId};
use crate::domain::model::scenario::{Scenario, ScenarioEdit};
use crate::domain::model::settings::{Budget, Pin};
use crate::domain::model::value::{format_fixed, NumberRule};
use crate::domain::scoring::Ranking;
use crate::i18n::Lang;
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// The best set of a scenario with a budget, or why there is none.
pub type BestSetResult = Result<BestSet, NoBestSet>;

/// The best set within the scenario's budget, if one is set, and per option
/// (entry order) whether it is in it: worked out again when the ranking or
/// the budget changes.
pub type BestSetMemo = Option<(Same<BestSetResult>, Same<Vec<bool>>)>;

/// See [`BestSetMemo`].
#[hook]
pub fn use_best_set(scenario: &Same<Scenario>, ranking: &Same<Ranking>) -> Rc<BestSetMemo> {
    let scenario = scenario.clone();
    use_memo(
        (ranking.clone(), scenario.budget.clone()),
        move |(ranking, budget)| {
            let budget = budget.as_ref()?;
            let set = best_set(&scenario, ranking, budget);
            let mut chosen = vec![false; scenario.options.len()];
            if let Ok(set) = &set {
                for &i in &set.best.items {
                    chosen[i] = true;
                }
            }
            Some((Same(Rc::new(set)), Same(Rc::new(chosen))))
        },
    )
}

/// The best set in one sentence and the options it holds, for the
/// presentation (`None` without a budget or a set).
pub fn best_in_words(
    lang: Lang,
    scenario: &Scenario,
    best: &BestSetMemo,
) -> Option<(String, Same<Vec<bool>>)> {
    let budget = scenario.budget.as_ref()?;
    let (set, chosen) = best.as_ref()?;
    let set = set.0.as_ref().as_ref().ok()?;
    Some((best_sentence(lang, scenario, budget, set), chosen.clone()))
}

/// Props of [`BudgetPanel`].
#[derive(Properties, PartialEq)]
pub struct BudgetPanelProps {
    /// UI language.
    pub lang: Lang,
    /// The scenario.
    pub scenario: Same<Scenario>,
    /// Its ranking.
    pub ranking: Same<Ranking>,
    /// The best set within its budget (`None`: no budget set).
    pub best: Option<Same<BestSetResult>>,
    /// Whether the budget and pins can be changed.
    pub editable: bool,
    /// Where edits go.
    pub on_edit: Callback<ScenarioEdit>,
}

/// Most rows of the frontier's table: beyond, every so many steps.
const TABLE_ROWS: usize = 60;

/// An amount with its unit ("57 person-days").
fn amount(lang: Lang, value: f64, unit: &str) -> String {
    let number = lang.number(value, 2);
    if unit.is_empty() {
        number
    } else {
        format!("{number} {unit}")
    }
}

/// A summed value ("212.5").
fn value_text(lang: Lang, value: f64) -> String {
    lang.number(value, 1)
}

/// See the module docs.
#[function_component(BudgetPanel)]
pub fn budget_panel(props: &BudgetPanelProps) -> Html {
    let lang = props.lang;
    let t = &lang.texts().budget;
    let scenario = &props.scenario;
    let amounts: Vec<(CriterionId, String, String)> = scenario
        .criteria
        .iter()
        .filter_map(|c| match &c.input {
            CriterionInput::Amount { unit, .. } => Some((c.id, c.name.clone(), unit.clone())),
            _ => None,
        })
        .collect();
    if amounts.is_empty() {
        return html! {
            <section class="tradeoffs budget-panel" aria-labelledby="budget-heading">
                <h2 id="budget-heading">{ t.heading }</h2>
                <p class="hint">{ t.no_amount }</p>
            </section>
        };
    }
    let budget = scenario.budget.clone();
    let unit = budget
        .as_ref()
        .and_then(|b| amounts.iter().find(|(id, _, _)| *id == b.criterion))
        .map(|(_, _, unit)| unit.clone())
        .unwrap_or_default();
    html! {
        <section class={classes!("tradeoffs", "budget-panel", budget.is_some().then_some("budget-set"))} aria-labelledby="budget-heading">
            <h2 id="budget-heading">{ t.heading }</h2>
            <p class="hint">{ t.intro }</p>
            { settings(props, &amounts, &unit) }
            if let (Some(budget), Some(best)) = (&budget, &props.best) {
                { match &*best.0 {
                    Ok(set) => result(props, best, budget, set, &unit),
                    Err(why) => html! { <p class="budget-none">{ no_best_set(lang, *why) }</p> },
                } }
            }
        </section>
    }
}

/// Why there is no best set, in one sentence.
fn no_best_set(lang: Lang, why: NoBestSet) -> &'static str {
    let t = &lang.texts().budget;
    match why {
        NoBestSet::NoOptions => t.no_options,
        NoBestSet::NoValue => t.no_value,
        NoBestSet::NoCosts => t.no_costs,
    }
}

/// The budget's criterion, amount and whether options below the line count.
fn settings(
    props: &BudgetPanelProps,
    amounts: &[(CriterionId, String, String)],
    unit: &str,
) -> Html {
    let lang = props.lang;
    let t = &lang.texts().budget;
    let scenario = props.scenario.0.clone();
    let budget = scenario.budget.clone();
    let on_criterion = {
        let (on_edit, scenario) = (props.on_edit.clone(), scenario.clone());
        Callback::from(move |event: Event| {
            let key = event.target_unchecked_into::<HtmlSelectElement>().value();
            let criterion = scenario.criteria.iter().find(|c| c.id.to_string() == key);
            let next = criterion.map(|c| {
                let current = scenario.budget.clone();
                Budget {
                    criterion: c.id,
                    amount: current
                        .as_ref()
                        .filter(|b| b.criterion == c.id)
                        .map_or_else(|| half_of_all(&scenario, c.id), |b| b.amount),
                    below_line: current.as_ref().is_some_and(|b| b.below_line),
                    pins: current.map(|b| b.pins).unwrap_or_default(),
                }
            });
            on_edit.emit(ScenarioEdit::SetBudget(next));
        })
    };
    let on_amount = {
        let (on_edit, budget) = (props.on_edit.clone(), budget.clone());
        Callback::from(move |value: Option<f64>| {
            if let (Some(mut next), Some(amount)) = (budget.clone(), value) {
                next.amount = amount;
                on_edit.emit(ScenarioEdit::SetBudget(Some(next)));
            }
        })
    };
    let on_below = {
        let (on_edit, budget) = (props.on_edit.clone(), budget.clone());
        Callback::from(move |event: Event| {
            if let Some(mut next) = budget.clone() {
                next.below_line = event.target_unchecked_into::<HtmlInputElement>().checked();
                on_edit.emit(ScenarioEdit::SetBudget(Some(next)));
            }
        })
    };
    let chosen = budget.as_ref().map(|b| b.criterion);
    html! {
        <fieldset class="budget-settings" disabled={!props.editable}>
            <legend class="visually-hidden">{ t.heading }</legend>
            <div class="field">
                <label for="budget-criterion">{ t.criterion }</label>
                <select id="budget-criterion" onchange={on_criterion}>
                    <option value="" selected={chosen.is_none()}>{ t.no_budget }</option>
                    { for amounts.iter().map(|(id, name, _)| html! {
                        <option key={id.to_string()} value={id.to_string()} selected={chosen == Some(*id)}>{ name.clone() }</option>
                    }) }
                </select>
            </div>
            if let Some(b) = &budget {
                <div class="field">
                    <label for="budget-amount">{ t.amount.replace("{unit}", unit) }</label>
                    <NumberField id="budget-amount" value={Some(b.amount)} rule={NumberRule::Amount} {lang} on_change={on_amount} />
                </div>
                <label class="check">
                    <input type="checkbox" checked={b.below_line} onchange={on_below} />{ " " }{ t.below_line }
                </label>
            }
        </fieldset>
    }
}

/// Half of all options' costs on `criterion`, whole: a budget that makes
/// the question real at once (the user types their own).
fn half_of_all(scenario: &Scenario, criterion: CriterionId) -> f64 {
    let total: f64 = scenario
        .options
        .iter()
        .filter_map(|o| o.values.get(&criterion))
        .sum();
    (total / 2.0).round()
}

/// The titles of `items`, as the language lists them ("A, B and C").
fn names(lang: Lang, scenario: &Scenario, items: &[usize]) -> String {
    let titles: Vec<String> = items
        .iter()
        .map(|&i| lang.option_title_at(scenario, i))
        .collect();
    lang.names(&titles)
}

/// What changes from `from` to `to` in words: "drops B, adds C and D".
fn changes(lang: Lang, scenario: &Scenario, from: &Pick, to: &Pick) -> (String, f64, f64) {
    let t = &lang.texts().budget;
    let (dropped, added, gain, extra) = swap(from, to);
    let mut parts = Vec::new();
    if !dropped.is_empty() {
        parts.push(
            t.drop
                .replace("{options}", &names(lang, scenario, &dropped)),
        );
    }
    if !added.is_empty() {
        parts.push(t.add.replace("{options}", &names(lang, scenario, &added)));
    }
    (parts.join(", "), gain, extra)
}

/// "Best set within 60 person-days: A, C and F. 57 person-days used, value
/// 212." (or that nothing fits).
pub fn best_sentence(lang: Lang, scenario: &Scenario, budget: &Budget, set: &BestSet) -> String {
    let t = &lang.texts().budget;
    let unit = match scenario.criterion(budget.criterion).map(|c| &c.input) {
        Some(CriterionInput::Amount { unit, .. }) => unit.as_str(),
        _ => "",
    };
    let within = amount(lang, budget.amount, unit);
    let best = &set.best;
    if best.items.is_empty() {
        t.best_none.replace("{budget}", &within)
    } else {
        t.best
            .replace("{budget}", &within)
            .replace("{options}", &names(lang, scenario, &best.items))
            .replace("{used}", &amount(lang, best.cost, unit))
            .replace("{value}", &value_text(lang, best.value))
    }
}

/// The best set, the comparison with going down the ranking, the bar, what
/// more buys, the frontier and the pins.
fn result(
    props: &BudgetPanelProps,
    shared: &Same<BestSetResult>,
    budget: &Budget,
    set: &BestSet,
    unit: &str,
) -> Html {
    let lang = props.lang;
    let t = &lang.texts().budget;
    let scenario = &props.scenario;
    let headline = best_sentence(lang, scenario, budget, set);
    let best = &set.best;
    let ranked = &set.down_the_ranking;
    let versus = if ranked.items == best.items {
        t.ranking_same.to_owned()
    } else {
        let gives = if ranked.items.is_empty() {
            t.ranking_nothing.to_owned()
        } else {
            t.ranking_gives
                .replace("{options}", &names(lang, scenario, &ranked.items))
                .replace("{used}", &amount(lang, ranked.cost, unit))
                .replace("{value}", &value_text(lang, ranked.value))
        };
        let (change, gain, extra) = changes(lang, scenario, ranked, best);
        let cost = match extra {
            e if e.abs() < 1e-9 => t.same_cost.to_owned(),
            e if e > 0.0 => t.more_cost.replace("{cost}", &amount(lang, e, unit)),
            e => t.less_cost.replace("{cost}", &amount(lang, -e, unit)),
        };
        let swap = t
            .swap
            .replace("{changes}", &change)
            .replace(
                "{gain}",
                &t.more_value.replace("{value}", &value_text(lang, gain)),
            )
            .replace("{cost}", &cost);
        format!("{gives} {swap}")
    };
    let value_hint = if scenario.model == ScoreModel::Ratio {
        t.value_hint_ratio
    } else {
        t.value_hint
    };
    html! {<>
        <p class="budget-best"><strong>{ headline }</strong></p>
        if let Exactness::Stopped { gap } = set.exactness {
            <p class="hint">{ t.stopped.replace("{gap}", &value_text(lang, gap)) }</p>
        }
        if let Some(over) = set.musts_over {
            <p class="field-error">{ t.musts_over.replace("{over}", &amount(lang, over, unit)) }</p>
        }
        { budget_bar(lang, scenario, budget, set, unit) }
        <p class="budget-versus">{ versus }</p>
        <p class="hint">{ value_hint }</p>
        { next_steps(lang, scenario, set, unit) }
        { frontier(lang, scenario, budget, set, unit) }
        <SetSure {lang} scenario={scenario.clone()} ranking={props.ranking.clone()} best={shared.clone()} />
        <PinTable lang={lang} scenario={scenario.clone()} best={shared.clone()}
            editable={props.editable} on_edit={props.on_edit.clone()} unit={unit.to_owned()} />
    </>}
}

/// The budget as a bar: each chosen option's cost, then what is left.
fn budget_bar(lang: Lang, scenario: &Scenario, budget: &Budget, set: &BestSet, unit: &str) -> Html {
    let t = &lang.texts().budget;
    let whole = budget.amount.max(set.best.cost);
    if whole <= 0.0 {
        return Html::default();
    }
    let width = |cost: f64| format!("width:{}%", format_fixed(100.0 * cost / whole, 3));
    let left = budget.amount - set.best.cost;
    let parts = set.best.items.iter().enumerate().map(|(n, &i)| {
        let cost = set.costs[i].unwrap_or(0.0);
        let key = scenario.options[i].id.to_string();
        let label = format!(
            "{}: {}",
            lang.option_title_at(scenario, i),
            amount(lang, cost, unit)
        );
        (n, key, cost, label)
    });
    let (bar, legend): (Vec<Html>, Vec<Html>) = parts
        .map(|(n, key, cost, label)| {
            let class = format!("crit-{}", n % PALETTE);
            (
                html! { <span key={key.clone()} class={classes!("budget-part", class.clone())} style={width(cost)}></span> },
                html! { <li {key}><span class={classes!("swatch", class)}></span>{ label }</li> },
            )
        })
        .unzip();
    html! {<>
        <div class="budget-bar" aria-hidden="true">
            { for bar }
            if left > 1e-9 {
                <span class="budget-part budget-left" style={width(left)}></span>
            }
        </div>
        <ul class="budget-legend">
            { for legend }
            if left > 1e-9 {
                <li key="left"><span class="swatch budget-left"></span>{ t.unused.replace("{amount}", &amount(lang, left, unit)) }</li>
            }
        </ul>
    </>}
}

/// The next steps beyond the budget in words: "+8 person-days adds D: +31 value".
fn next_steps(lang: Lang, scenario: &Scenario, set: &BestSet, unit: &str) -> Html {
    let t = &lang.texts().budget;
    if set.next.is_empty() {
        return Html::default();
    }
    html! {
        <div class="budget-next">
            <h3>{ t.next_heading }</h3>
            <ul>
                { for set.next.iter().map(|pick| {
                    let (change, gain, _) = changes(lang, scenario, &set.best, pick);
                    let extra = pick.cost - set.best.cost;
                    html! {
                        <li>{ t.next_step
                            .replace("{extra}", &amount(lang, extra, unit))
                            .replace("{change}", &change)
                            .replace("{gain}", &value_text(lang, gain)) }</li>
                    }
                }) }
            </ul>
        </div>
    }
}

/// The best value at every budget up to twice the one set: a step chart
/// with the budget marked, and the same as a table.
fn frontier(lang: Lang, scenario: &Scenario, budget: &Budget, set: &BestSet, unit: &str) -> Html {
    let t = &lang.texts().budget;
    let steps = &set.frontier;
    let Some(last) = steps.last() else {
        return Html::default();
    };
    let (width, height) = (640.0, 280.0);
    let (left, right, top, bottom) = (76.0, 24.0, 20.0, 48.0);
    let reach = (2.0 * budget.amount).max(last.budget).max(1e-9);
    let top_value = last.value.max(1e-9) * 1.08;
    let x = |b: f64| left + (width - left - right) * b / reach;
    let y = |v: f64| height - bottom - (height - top - bottom) * v / top_value;
    let f = |v: f64| format_fixed(v, 1);
    let mut path = format!("M{} {}", f(x(0.0)), f(y(steps[0].value)));
    for step in &steps[1..] {
        path.push_str(&format!(" H{} V{}", f(x(step.budget)), f(y(step.value))));
    }
    path.push_str(&format!(" H{}", f(x(reach))));
    let (bx, base) = (x(budget.amount), height - bottom);
    let children = vec![
        html! { <line x1={f(left)} y1={f(base)} x2={f(width - right)} y2={f(base)} stroke="#4b5160" /> },
        html! { <line x1={f(left)} y1={f(top)} x2={f(left)} y2={f(base)} stroke="#4b5160" /> },
        html! { <path d={path} fill="none" stroke="#1f5fbf" stroke-width="2.5" /> },
        html! { <line x1={f(bx)} y1={f(top)} x2={f(bx)} y2={f(base)} stroke="#b3261e" stroke-dasharray="5 4" stroke-width="2" /> },
        html! { <circle cx={f(x(set.best.cost))} cy={f(y(set.best.value))} r="6" fill="#b3261e" /> },
        html! { <text x={f(bx + 6.0)} y={f(top + 14.0)} font-size="14" fill="#b3261e">{ amount(lang, budget.amount, unit) }</text> },
        html! { <text x={f(left)} y={f(base + 20.0)} font-size="13" text-anchor="middle">{ "0" }</text> },
        html! { <text x={f(x(reach))} y={f(base + 20.0)} font-size="13" text-anchor="end">{ lang.number(reach, 2) }</text> },
        html! { <text x={f(width - right)} y={f(height - 8.0)} font-size="14" text-anchor="end">{ t.frontier_x.replace("{unit}", unit) }</text> },
        html! { <text x={f(left - 8.0)} y={f(y(last.value) + 5.0)} font-size="13" text-anchor="end">{ value_text(lang, last.value) }</text> },
        html! { <text transform={format!("translate(18 {}) rotate(-90)", f((top + base) / 2.0))} text-anchor="middle" font-size="14">{ t.frontier_y }</text> },
    ];
    let svg = chart_svg(width, height, children);
    let file = format!("{} frontier", scenario.name);
    html! {
        <div class="budget-frontier">
            <h3>{ t.frontier_caption }</h3>
            { svg_frame(lang, "budget-frontier-chart", t.frontier_caption, &file, svg) }
            if !set.frontier_exact {
                <p class="hint">{ t.frontier_sampled }</p>
            }
            { frontier_table(lang, steps, unit) }
        </div>
    }
}

/// The frontier's steps as a table (every so many when there are many).
fn frontier_table(lang: Lang, steps: &[Step], unit: &str) -> Html {
    let t = &lang.texts().budget;
    let every = steps.len().div_ceil(TABLE_ROWS).max(1);
    let shown = steps
        .iter()
        .enumerate()
        .filter(|(k, _)| k % every == 0 || *k == steps.len() - 1);
    html! {
        <details class="budget-table">
            <summary>{ t.frontier_table }</summary>
            <table>
                <thead><tr>
                    <th scope="col">{ t.frontier_columns[0] }</th>
                    <th scope="col">{ t.frontier_columns[1] }</th>
                </tr></thead>
                <tbody>
                    { for shown.map(|(k, step)| html! {
                        <tr key={k}>
                            <td>{ amount(lang, step.budget, unit) }</td>
                            <td>{ value_text(lang, step.value) }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </details>
    }
}

/// Props of [`PinTable`].
#[derive(Properties, PartialEq)]
struct PinTableProps {
    lang: Lang,
    scenario: Same<Scenario>,
    /// The best set (always found where this table is shown).
    best: Same<BestSetResult>,
    editable: bool,
    on_edit: Callback<ScenarioEdit>,
    unit: String,
}

/// Every option with its cost, value, whether it is in the best set (or why
/// it was left out) and its pin; drawn only while open.
#[function_component(PinTable)]
fn pin_table(props: &PinTableProps) -> Html {
    let lang = props.lang;
    let t = &lang.texts().budget;
    let open = use_state(|| false);
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |event: Event| {
            open.set(
                event
                    .target_unchecked_into::<web_sys::Element>()
                    .has_attribute("open"),
            );
        })
    };
    let scenario = &props.scenario;
    let Ok(set) = props.best.0.as_ref() else {
        return Html::default();
    };
    let rows = open.then(|| {
        scenario.options.iter().enumerate().map(|(i, option)| {
            let pin = scenario
                .budget
                .as_ref()
                .and_then(|b| b.pins.get(&option.id).copied());
            let state = if set.best.items.contains(&i) {
                t.in_set
            } else {
                match set.left_out.iter().find(|(k, _)| *k == i).map(|(_, why)| *why) {
                    Some(LeftOut::NoCost) => t.left_out[0],
                    Some(LeftOut::Never) => t.left_out[1],
                    Some(LeftOut::BelowLine) => t.left_out[2],
                    Some(LeftOut::NoValue) => t.left_out[3],
                    None => t.not_chosen,
                }
            };
            let title = lang.option_title(option);
            html! {
                <tr key={option.id.to_string()} class={classes!(set.best.items.contains(&i).then_some("chosen"))}>
                    <th scope="row">{ title.clone() }</th>
                    <td class="number">{ set.costs[i].map(|c| lang.number(c, 2)).unwrap_or_default() }</td>
                    <td class="number">{ value_text(lang, set.values[i]) }</td>
                    <td>{ state }</td>
                    <td>{ pin_menu(props, option.id, pin, &title) }</td>
                </tr>
            }
        }).collect::<Html>()
    });
    html! {
        <details class="budget-pins" {ontoggle}>
            <summary>{ t.options_heading }</summary>
            if let Some(rows) = rows {
                <div class="table-scroll">
                    <table>
                        <thead><tr>
                            { for t.columns.iter().enumerate().map(|(k, c)| html! {
                                <th scope="col">{ if k == 1 && !props.unit.is_empty() { format!("{c} ({})", props.unit) } else { (*c).to_owned() } }</th>
                            }) }
                        </tr></thead>
                        <tbody>{ rows }</tbody>
                    </table>
                </div>
            }
        </details>
    }
}

/// The pin menu of one option: free, must or never.
fn pin_menu(props: &PinTableProps, option: OptionId, pin: Option<Pin>, title: &str) -> Html {
    let t = &props.lang.texts().budget;
    let onchange = {
        let (on_edit, budget) = (props.on_edit.clone(), props.scenario.budget.clone());
        Callback::from(move |event: Event| {
            let index = event
                .target_unchecked_into::<HtmlSelectElement>()
                .selected_index();
            if let Some(mut next) = budget.clone() {
                match usize::try_from(index - 1)
                    .ok()
                    .and_then(|i| Pin::ALL.get(i))
                {
                    Some(&pin) => next.pins.insert(option, pin),
                    None => next.pins.remove(&option),
                };
                on_edit.emit(ScenarioEdit::SetBudget(Some(next)));
            }
        })
    };
    let choices = [None, Some(Pin::Must), Some(Pin::Never)];
    html! {
        <select aria-label={t.pin_of.replace("{option}", title)} {onchange} disabled={!props.editable}>
            { for choices.iter().zip(t.pins).map(|(choice, name)| html! {
                <option selected={*choice == pin}>{ name }</option>
            }) }
        </select>
    }
}

/// Props of [`SetSure`].
#[derive(Properties, PartialEq)]
struct SetSureProps {
    lang: Lang,
    scenario: Same<Scenario>,
    ranking: Same<Ranking>,
    /// The best set (always found where this is shown).
    best: Same<BestSetResult>,
}

/// "How sure is this set?": on request, the share of draws (weight sets,
/// ranged values) in which each option is in the best set; gone again when
/// the set is worked out afresh.
#[function_component(SetSure)]
fn set_sure(props: &SetSureProps) -> Html {
    let t = &props.lang.texts().budget;
    let drawn = use_state(|| None::<Result<SetShares, NoSetShares>>);
    {
        // Stale once the set is worked out afresh (a value, a range, a weight).
        let drawn = drawn.clone();
        use_effect_with(props.best.clone(), move |_| drawn.set(None));
    }
    let onclick = {
        let (drawn, scenario, ranking, best) = (
            drawn.clone(),
            props.scenario.clone(),
            props.ranking.clone(),
            props.best.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            if let Ok(set) = best.0.as_ref() {
                drawn.set(Some(set_shares(&scenario, &ranking, set)));
            }
        })
    };
    let body = match &*drawn {
        None => html! { <button type="button" {onclick}>{ t.sure_button }</button> },
        Some(Err(why)) => html! {
            <p class="hint">{ match why {
                NoSetShares::Ratio => t.sure_ratio,
                NoSetShares::NothingToChoose => t.sure_nothing,
                NoSetShares::TooLarge => t.sure_too_large,
            } }</p>
        },
        Some(Ok(shares)) => sure_table(props, shares),
    };
    html! { <div class="budget-sure">{ body }</div> }
}

/// The options with their share of best sets, the most often chosen first.
fn sure_table(props: &SetSureProps, shares: &SetShares) -> Html {
    let lang = props.lang;
    let t = &lang.texts().budget;
    let mut order: Vec<usize> = (0..shares.shares.len())
        .filter(|&i| shares.shares[i] > 0.0)
        .collect();
    order.sort_by(|&a, &b| {
        shares.shares[b]
            .total_cmp(&shares.shares[a])
            .then(a.cmp(&b))
    });
    html! {<>
        <h3>{ t.sure_heading }</h3>
        <p class="hint">{ t.sure_intro[match (shares.weights, shares.ranges) {
            (true, false) => 0,
            (true, true) => 1,
            (false, _) => 2,
        }].replace("{n}", &lang.number(f64::from(shares.samples), 0)) }</p>
        <table>
            <thead><tr>
                <th scope="col">{ t.sure_columns[0] }</th>
                <th scope="col">{ t.sure_columns[1] }</th>
            </tr></thead>
            <tbody>
                { for order.iter().map(|&i| html! {
                    <tr key={props.scenario.options[i].id.to_string()}>
                        <th scope="row">{ lang.option_title_at(&props.scenario, i) }</th>
                        <td class="number">{ format!("{} %", lang.number(100.0 * shares.shares[i], 0)) }</td>
                    </tr>
                }) }
            </tbody>
        </table>
    </>}
}
