//! Bringing a sheet in: what each column becomes, the cells that cannot be
//! taken, the rows that change the scenario (each can be left out), and one
//! button that takes them all (one Undo step).

use crate::components::Same;
use crate::domain::formats::sheet_import::{Outcome, RowChange, Target};
use crate::domain::formats::table::unguarded;
use crate::domain::model::criterion::{CriterionInput, InputKind};
use crate::domain::model::scenario::{Scenario, ScenarioOption};
use crate::domain::model::segment::Segment;
use crate::domain::model::value::{format_number, NumberStyle};
use crate::i18n::Lang;
use crate::services::storage;
use crate::state::{Action, SheetAction, SheetDesk};
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// The desk's heading, focused when it opens.
pub const INTAKE_HEADING_ID: &str = "intake-heading";

/// Rows and problems listed (the rest are counted).
const LISTED: usize = 100;

/// Props of [`IntakePanel`].
#[derive(Properties, PartialEq)]
pub struct IntakeProps {
    /// UI language.
    pub lang: Lang,
    /// The open scenario.
    pub scenario: Same<Scenario>,
    /// The desk (compared by identity: a sheet may hold ten thousand rows).
    pub desk: Same<SheetDesk>,
    /// Where the desk's actions go.
    pub dispatch: Callback<Action>,
}

/// The targets a column may take, in the order offered.
fn choices(scenario: &Scenario) -> Vec<Target> {
    let mut all = vec![
        Target::Ignore,
        Target::Title,
        Target::Key,
        Target::Description,
    ];
    all.extend(
        scenario
            .criteria
            .iter()
            .filter(|c| !matches!(c.input, CriterionInput::SegmentFit))
            .map(|c| Target::Criterion(c.id)),
    );
    all.extend([
        Target::NewCriterion(InputKind::Rating),
        Target::NewCriterion(InputKind::Amount),
        Target::NewCriterion(InputKind::Levels),
    ]);
    all.extend(Segment::ALL.map(Target::Fit));
    all
}

fn target_name(lang: Lang, scenario: &Scenario, target: Target) -> String {
    let t = &lang.texts().intake.targets;
    match target {
        Target::Ignore => t.ignore.to_owned(),
        Target::Title => t.title.to_owned(),
        Target::Key => t.key.to_owned(),
        Target::Description => t.description.to_owned(),
        Target::Criterion(id) => scenario
            .criterion(id)
            .map_or(String::new(), |c| c.name.clone()),
        Target::NewCriterion(InputKind::Rating) => t.new_rating.to_owned(),
        Target::NewCriterion(InputKind::Levels) => t.new_levels.to_owned(),
        Target::NewCriterion(_) => t.new_amount.to_owned(),
        Target::Fit(segment) => lang.fit_names()[segment as usize].clone(),
    }
}

/// The desk: see the module docs.
#[function_component(IntakePanel)]
pub fn intake_panel(props: &IntakeProps) -> Html {
    let (lang, desk) = (props.lang, &props.desk);
    let t = &lang.texts().intake;
    let outcome = {
        let (scenario, desk) = (props.scenario.clone(), desk.clone());
        use_memo((scenario, desk), |(scenario, desk)| desk.outcome(scenario))
    };
    let on_header = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: Event| {
            let on = e.target_unchecked_into::<HtmlInputElement>().checked();
            dispatch.emit(Action::Sheet(SheetAction::Header(on)));
        })
    };
    let on_style = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: Event| {
            let comma = e
                .target_unchecked_into::<HtmlSelectElement>()
                .selected_index()
                == 1;
            dispatch.emit(Action::Sheet(SheetAction::Comma(comma)));
        })
    };
    let (new, changed, unchanged) = (
        outcome.count(RowChange::New),
        outcome.count(RowChange::Changed),
        outcome.count(RowChange::Unchanged),
    );
    let number = |n: usize| lang.number(n as f64, 0);
    let take = {
        let (scenario, desk) = (props.scenario.clone(), desk.clone());
        props.dispatch.reform(move |_: MouseEvent| {
            // The choices are kept by the header's names for the next import.
            let memory = storage::sheet_memory().remember(&desk.sheet, &desk.mapping, &scenario);
            storage::keep_sheet_memory(&memory);
            Action::Sheet(SheetAction::Take)
        })
    };
    let cancel = props
        .dispatch
        .reform(|_: MouseEvent| Action::Sheet(SheetAction::Close));
    html! {
        <section class="intake" aria-labelledby={INTAKE_HEADING_ID}>
            <h2 id={INTAKE_HEADING_ID} tabindex="-1">{ t.heading.replace("{file}", &desk.file) }</h2>
            <p class="hint">{ t.intro }</p>
            if desk.remembered {
                <p class="hint intake-remembered">{ t.remembered }</p>
            }
            <div class="intake-settings">
                <label>
                    <input type="checkbox" checked={desk.mapping.header} onchange={on_header} />
                    { t.header }
                </label>
                <label>
                    { t.numbers }{ " " }
                    <select onchange={on_style}>
                        <option selected={desk.mapping.numbers.style == NumberStyle::ENGLISH}>{ t.number_styles[0] }</option>
                        <option selected={desk.mapping.numbers.style == NumberStyle::GERMAN}>{ t.number_styles[1] }</option>
                    </select>
                </label>
            </div>
            { columns_table(props) }
            <p class="intake-summary" role="status">
                { t.summary.replace("{new}", &number(new)).replace("{changed}", &number(changed)).replace("{unchanged}", &number(unchanged)) }
                if !outcome.missing.is_empty() {
                    { " " }{ t.missing.replace("{n}", &number(outcome.missing.len())) }
                }
            </p>
            { problems(props, &outcome) }
            { rows_table(props, &outcome) }
            <div class="intake-actions">
                <button type="button" class="primary" onclick={take} disabled={new + changed == 0}>{ t.take }</button>
                <button type="button" onclick={cancel}>{ t.cancel }</button>
                if new + changed == 0 {
                    <span class="hint">{ t.nothing }</span>
                }
            </div>
        </section>
    }
}

/// Each column: its name, its first values and what it becomes.
fn columns_table(props: &IntakeProps) -> Html {
    let (lang, desk, scenario) = (props.lang, &props.desk, &*props.scenario);
    let t = &lang.texts().intake;
    let all = Rc::new(choices(scenario));
    let body = desk
        .sheet
        .rows
        .iter()
        .skip(usize::from(desk.mapping.header));
    let firsts: Vec<Vec<&str>> = (0..desk.sheet.width)
        .map(|c| {
            body.clone()
                .map(|(_, r)| r[c].as_str())
                .filter(|v| !v.is_empty())
                .take(3)
                .collect()
        })
        .collect();
    html! {
        <table class="intake-columns">
            <caption>{ t.columns_heading }</caption>
            <thead><tr>{ for t.columns.iter().map(|h| html! { <th scope="col">{ *h }</th> }) }</tr></thead>
            <tbody>
                { for desk.mapping.targets.iter().enumerate().map(|(c, target)| {
                    let name = desk.mapping.names[c].clone();
                    let onchange = {
                        let (dispatch, all) = (props.dispatch.clone(), all.clone());
                        Callback::from(move |e: Event| {
                            let index = e.target_unchecked_into::<HtmlSelectElement>().selected_index();
                            if let Some(&target) = usize::try_from(index).ok().and_then(|i| all.get(i)) {
                                dispatch.emit(Action::Sheet(SheetAction::Target(c, target)));
                            }
                        })
                    };
                    html! {
                        <tr key={c.to_string()}>
                            <th scope="row">{ name.clone() }</th>
                            <td class="intake-sample">{ firsts[c].iter().map(|v| v.chars().take(40).collect::<String>()).collect::<Vec<_>>().join(" · ") }</td>
                            <td>
                                <select aria-label={format!("{}: {}", t.columns[2], name)} {onchange}>
                                    { for all.iter().map(|choice| html! {
                                        <option selected={choice == target}>{ target_name(lang, scenario, *choice) }</option>
                                    }) }
                                </select>
                            </td>
                        </tr>
                    }
                }) }
            </tbody>
        </table>
    }
}

/// The cells not taken, each with its line, column and reason.
fn problems(props: &IntakeProps, outcome: &Outcome) -> Html {
    let (lang, desk) = (props.lang, &props.desk);
    let t = &lang.texts().intake;
    if outcome.problems.is_empty() {
        return Html::default();
    }
    html! {
        <details class="intake-problems" open=true>
            <summary>{ format!("{} ({})", t.problems_heading, lang.number(outcome.problems.len() as f64, 0)) }</summary>
            <ul>
                { for outcome.problems.iter().take(LISTED).map(|p| html! {
                    <li>{ lang.cell_problem(p.line, desk.mapping.names.get(p.column).map_or("", String::as_str), &p.text, &p.issue) }</li>
                }) }
                if outcome.problems.len() > LISTED {
                    <li>{ t.more.replace("{n}", &(outcome.problems.len() - LISTED).to_string()) }</li>
                }
            </ul>
        </details>
    }
}

/// What changes in an option: its changed values, old → new.
fn changes(
    lang: Lang,
    after: &Scenario,
    before: Option<&ScenarioOption>,
    now: &ScenarioOption,
) -> String {
    let t = &lang.texts().intake;
    let Some(before) = before else {
        return t.changes[0].to_owned();
    };
    let comma = lang == Lang::De;
    let show = |v: Option<f64>| v.map_or("–".to_owned(), |v| format_number(v, 6, comma));
    let mut parts: Vec<String> = after
        .criteria
        .iter()
        .filter(|c| before.values.get(&c.id) != now.values.get(&c.id))
        .map(|c| {
            format!(
                "{} {} → {}",
                c.name,
                show(before.values.get(&c.id).copied()),
                show(now.values.get(&c.id).copied())
            )
        })
        .collect();
    for segment in Segment::ALL {
        if before.fit.get(segment) != now.fit.get(segment) {
            parts.push(format!(
                "{} {} → {}",
                lang.fit_names()[segment as usize],
                show(before.fit.get(segment)),
                show(now.fit.get(segment))
            ));
        }
    }
    // A tracker's item renamed, or its key taken for the first time.
    for (name, old, new) in [
        (t.targets.title, &before.title, &now.title),
        (t.targets.key, &before.key, &now.key),
    ] {
        if old != new {
            let old = if old.is_empty() { "–" } else { old };
            parts.push(format!("{name} {old} → {new}"));
        }
    }
    if before.description != now.description {
        parts.push(t.targets.description.to_owned());
    }
    if parts.is_empty() {
        t.changes[1].to_owned()
    } else {
        parts.join(", ")
    }
}

/// The rows that change the scenario, each with a box to leave it out.
fn rows_table(props: &IntakeProps, outcome: &Outcome) -> Html {
    let (lang, desk, scenario) = (props.lang, &props.desk, &*props.scenario);
    let t = &lang.texts().intake;
    // Rows taken, by line, in one pass (a sheet may have ten thousand).
    let taken: std::collections::HashMap<usize, _> =
        outcome.rows.iter().map(|r| (r.line, r)).collect();
    let title_column = desk
        .mapping
        .targets
        .iter()
        .position(|t| *t == Target::Title);
    let shown: Vec<_> = desk
        .sheet
        .rows
        .iter()
        .skip(usize::from(desk.mapping.header))
        .filter_map(|(line, cells)| {
            let title = title_column.map_or(String::new(), |c| unguarded(cells[c].trim()));
            match taken.get(line) {
                Some(r) if r.change == RowChange::Unchanged => None,
                Some(r) => Some((*line, Some(*r), title)),
                None if desk.skipped.contains(line) => Some((*line, None, title)),
                None => None,
            }
        })
        .collect();
    if shown.is_empty() {
        return Html::default();
    }
    html! {
        <table class="intake-rows">
            <caption>{ t.rows_heading }</caption>
            <thead><tr>{ for t.rows.iter().map(|h| html! { <th scope="col">{ *h }</th> }) }</tr></thead>
            <tbody>
                { for shown.iter().take(LISTED).map(|(line, row, title)| {
                    let (line, row, title) = (*line, *row, title.clone());
                    let what = row.map_or(String::new(), |r| {
                        let now = outcome.scenario.options.iter().find(|o| o.id == r.option);
                        let before = scenario.options.iter().find(|o| o.id == r.option).map(|o| &**o);
                        now.map_or(String::new(), |now| changes(lang, &outcome.scenario, before, now))
                    });
                    let onchange = props.dispatch.reform(move |e: Event| {
                        let on = e.target_unchecked_into::<HtmlInputElement>().checked();
                        Action::Sheet(SheetAction::Skip(line, !on))
                    });
                    html! {
                        <tr key={line.to_string()}>
                            <td><input type="checkbox" checked={row.is_some()} {onchange}
                                aria-label={t.take_row.replace("{line}", &line.to_string()).replace("{option}", &title)} /></td>
                            <th scope="row">{ title.clone() }</th>
                            <td>{ what }</td>
                        </tr>
                    }
                }) }
                if shown.len() > LISTED {
                    <tr><td colspan="3">{ t.more.replace("{n}", &(shown.len() - LISTED).to_string()) }</td></tr>
                }
            </tbody>
        </table>
    }
}
