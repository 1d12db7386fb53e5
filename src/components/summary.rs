//! What a stakeholder reads first (the need, the root cause, the
//! recommendation), the compact top of the ranking for narrow screens, and
//! the parts of the printed decision record that the screen does not show.
//!
//! Plain functions where they are small (their page renders them exactly
//! when the ranking changes); the values table, a row per option, is a
//! component that redraws only when the scenario as scored or its ranking
//! does.

use crate::components::common::PALETTE;
use crate::components::ranking::value_text;
use crate::components::Same;
use crate::domain::model::criterion::CriterionInput;
use crate::domain::model::scenario::Scenario;
use crate::domain::scoring::Ranking;
use crate::i18n::{keep_units, Lang};
use crate::services::clock::today;
use crate::services::focus::focus_by_id;
use yew::prelude::*;

/// The need, the root cause and the recommendation, in a section of `class`.
pub fn summary(lang: Lang, scenario: &Scenario, ranking: &Ranking, class: &'static str) -> Html {
    let t = &lang.texts().room;
    let line = |label: &str, text: &str| {
        (!text.trim().is_empty()).then(|| {
            html! { <p><strong>{ format!("{label}: ") }</strong>{ keep_units(text) }</p> }
        })
    };
    html! {
        <section class={classes!("summary", class)} aria-label={t.recommendation}>
            { line(t.need, &scenario.need).unwrap_or_default() }
            { line(t.root_cause, &scenario.root_cause).unwrap_or_default() }
            <p class="recommendation"><strong>{ format!("{}: ", t.recommendation) }</strong>
                { lang.recommendation(scenario, ranking) }</p>
        </section>
    }
}

/// The top three in a strip at the bottom of a narrow screen, so the ranking
/// stays in sight while the inputs below it are edited; a click goes to it.
pub fn rank_strip(lang: Lang, scenario: &Scenario, ranking: &Ranking) -> Html {
    let t = lang.texts();
    if ranking.rows.is_empty() {
        return Html::default();
    }
    let items = ranking.rows.iter().take(3).map(|row| {
        html! {
            <li key={row.id.to_string()} class={classes!(row.below_threshold.then_some("below"))}>
                <span class="strip-rank">{ format!("#{}", row.rank) }</span>
                <span class="strip-title">{ lang.option_title_at(scenario, row.index) }</span>
                <span class="strip-score">{ lang.score_in(ranking, row.score) }</span>
            </li>
        }
    });
    let to_ranking = Callback::from(|_: MouseEvent| focus_by_id("ranking-heading"));
    html! {
        <nav class="rank-strip" aria-label={t.room.top_strip}>
            <ol>{ for items }</ol>
            <button type="button" onclick={to_ranking}>{ format!("{} ↑", t.ranking.ranking) }</button>
        </nav>
    }
}

/// Printed only: the record's head (name, date, need, root cause,
/// recommendation) comes before the ranking; [`PrintDetails`] after it.
pub fn print_head(lang: Lang, scenario: &Scenario, ranking: &Ranking) -> Html {
    let t = lang.texts();
    html! {
        <div class="print-only print-head">
            <h1>{ scenario.name.clone() }</h1>
            <p class="print-date">{ t.room.printed_on.replace("{date}", &lang.date(&today())) }</p>
            { summary(lang, scenario, ranking, "") }
        </div>
    }
}

/// Props of [`PrintDetails`].
#[derive(Properties, PartialEq)]
pub struct PrintDetailsProps {
    /// UI language.
    pub lang: Lang,
    /// The scenario (as scored: a budget's change draws nothing here).
    pub scenario: Same<Scenario>,
    /// Its ranking.
    pub ranking: Same<Ranking>,
}

/// Printed only: every option's values as entered, in rank order, under
/// each criterion's weight and share, with the score they give: a reader can
/// check every score on paper.
#[function_component(PrintDetails)]
pub fn print_details(props: &PrintDetailsProps) -> Html {
    let (lang, scenario, ranking) = (props.lang, &*props.scenario, &*props.ranking);
    let t = lang.texts();
    let head = scenario.criteria.iter().enumerate().map(|(c, criterion)| {
        html! {
            <th scope="col" key={criterion.id.to_string()}>
                <span class={classes!("swatch", format!("crit-{}", c % PALETTE))}></span>{ criterion.name.clone() }
                <span class="print-weight">{ format!("{} · {} %", lang.number(ranking.weights[c], 2), lang.number(ranking.share(c), 0)) }</span>
            </th>
        }
    });
    let lines = ranking.rows.iter().map(|row| {
        let cells = scenario.criteria.iter().map(|criterion| {
            let fit = matches!(criterion.input, CriterionInput::SegmentFit).then_some("fit");
            html! { <td key={criterion.id.to_string()} class={classes!(fit)}>{ value_text(lang, scenario, row.index, criterion) }</td> }
        });
        html! {
            <tr key={row.id.to_string()}>
                <td class="num">{ row.rank }</td>
                <th scope="row">{ lang.option_title_at(scenario, row.index) }</th>
                { for cells }
                <td class="num">{ lang.score_in(ranking, row.score) }</td>
            </tr>
        }
    });
    html! {
        <section class="print-only print-details" aria-label={t.room.values_heading}>
            <h2>{ t.room.values_heading }</h2>
            <table>
                <thead>
                    <tr>
                        <th scope="col" class="num">{ "#" }</th>
                        <th scope="col">{ t.options.option_title }</th>
                        { for head }
                        <th scope="col" class="num">{ t.ranking.score }</th>
                    </tr>
                </thead>
                <tbody>{ for lines }</tbody>
            </table>
            <p class="hint">{ t.room.values_note }</p>
        </section>
    }
}
