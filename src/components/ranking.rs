//! The ranked backlog: rank, title, score, contribution bar, flags, threshold
//! line, per-segment ranks, and the breakdown of the selected option.

use crate::components::common::PALETTE;
use crate::components::Same;
use crate::domain::criterion::CriterionInput;
use crate::domain::ids::OptionId;
use crate::domain::scenario::Scenario;
use crate::domain::scoring::Ranking;
use crate::domain::segment::{PerSegment, Segment};
use crate::i18n::Lang;
use web_sys::Element;
use yew::prelude::*;

/// Height of one ranking row in pixels (rows have a fixed height so that long
/// lists can render only the rows in view).
const ROW_HEIGHT: f64 = 76.0;
/// Lists longer than this scroll inside their own box and render only what is visible.
const WINDOWED_AFTER: usize = 40;
/// Rows rendered above and below the visible ones.
const OVERSCAN: usize = 6;

/// Props of [`RankingPanel`].
#[derive(Properties, PartialEq, Clone)]
pub struct RankingProps {
    /// UI language.
    pub lang: Lang,
    /// The scenario shown.
    pub scenario: Same<Scenario>,
    /// Its ranking.
    pub ranking: Same<Ranking>,
    /// Each option's rank per segment alone, by entry index.
    pub segment_ranks: Same<Vec<PerSegment<u32>>>,
    /// Option whose breakdown is open.
    pub selected: Option<OptionId>,
    /// Sends actions.
    pub on_select: Callback<Option<OptionId>>,
}

fn option_title(scenario: &Scenario, index: usize, lang: Lang) -> String {
    let title = scenario.options[index].title.trim();
    if title.is_empty() {
        lang.texts().ranking.untitled_option.to_owned()
    } else {
        title.to_owned()
    }
}

/// See the module docs.
#[function_component(RankingPanel)]
pub fn ranking_panel(props: &RankingProps) -> Html {
    let lang = props.lang;
    let t = lang.texts();
    let scenario = &props.scenario;
    let ranking = &props.ranking;
    let list_ref = use_node_ref();
    // (scroll offset, visible height) of the windowed list.
    let viewport = use_state(|| (0.0_f64, 800.0_f64));
    let n = ranking.rows.len();
    let windowed = n > WINDOWED_AFTER;
    let threshold = scenario.threshold.value();

    let onscroll = {
        let viewport = viewport.clone();
        let list_ref = list_ref.clone();
        Callback::from(move |_: Event| {
            if let Some(list) = list_ref.cast::<Element>() {
                viewport.set((
                    f64::from(list.scroll_top()),
                    f64::from(list.client_height()),
                ));
            }
        })
    };
    let (first, last) = if windowed {
        let (top, height) = *viewport;
        let first = ((top / ROW_HEIGHT) as usize).saturating_sub(OVERSCAN);
        let last = (((top + height) / ROW_HEIGHT) as usize + OVERSCAN).min(n);
        (first.min(n), last)
    } else {
        (0, n)
    };
    let first_below = ranking.rows.iter().position(|row| row.below_threshold);

    let rows = ranking.rows[first..last].iter().enumerate().map(|(offset, row)| {
        let position = first + offset;
        let title = option_title(scenario, row.index, lang);
        let is_selected = props.selected == Some(row.id);
        let segments = ranking.criteria.iter().enumerate().map(|(c, id)| {
            let points = ranking.contribution(row.index, c);
            let name = scenario.criterion(*id).map(|c| c.name.as_str()).unwrap_or_default();
            html! {
                <span
                    key={id.to_string()}
                    class={classes!("segment", format!("crit-{}", c % PALETTE))}
                    style={format!("width:{:.3}%", points.clamp(0.0, 100.0))}
                    title={format!("{name}: {}", lang.score(points))}
                ></span>
            }
        });
        let onclick = {
            let on_select = props.on_select.clone();
            let id = row.id;
            Callback::from(move |_: MouseEvent| {
                on_select.emit(if is_selected { None } else { Some(id) })
            })
        };
        let style = windowed.then(|| format!("top:{}px", position as f64 * ROW_HEIGHT));
        let by_segment = props.segment_ranks.get(row.index).copied().unwrap_or_default();
        let segment_ranks = Segment::ALL.iter().map(|&segment| {
            html! {
                <span class="segment-rank" key={segment.key()} title={lang.segment_name(segment, false)}>
                    { format!("{} #{}", lang.segment_name(segment, true), by_segment.get(segment)) }
                </span>
            }
        });
        // A windowed list keys rows by their slot, so scrolling and re-ranking
        // update the few rows in view instead of replacing them.
        let key = if windowed { position.to_string() } else { row.id.to_string() };
        html! {
            <li
                {key}
                class={classes!(
                    "rank-row",
                    row.below_threshold.then_some("below"),
                    (Some(position) == first_below).then_some("first-below"),
                    is_selected.then_some("selected"),
                )}
                {style}
                data-option={row.id.to_string()}
            >
                <span class="rank" aria-label={format!("{} {}", t.ranking.rank, row.rank)}>{ row.rank }</span>
                <div class="row-main">
                    <button
                        class="row-title"
                        type="button"
                        aria-expanded={if is_selected { "true" } else { "false" }}
                        aria-label={t.ranking.show_breakdown.replace("{option}", &title)}
                        title={title.clone()}
                        {onclick}
                    >
                        <span class="title-text">{ title.clone() }</span>
                    </button>
                    <div class="bar" aria-hidden="true">
                        { for segments }
                        if threshold > 0.0 {
                            <span class="threshold-mark" style={format!("left:{threshold:.3}%")}></span>
                        }
                    </div>
                    <div class="row-meta">
                        if row.incomplete {
                            <span class="badge incomplete" title={t.ranking.incomplete_hint}>{ t.ranking.incomplete }</span>
                        }
                        if row.below_threshold {
                            <span class="badge below-badge">{ t.ranking.below_line }</span>
                        }
                        <span class="segment-ranks" aria-label={t.ranking.rank_by_segment}>{ for segment_ranks }</span>
                    </div>
                </div>
                <span class="score">{ lang.score(row.score) }</span>
            </li>
        }
    });

    let nothing_worth_it = threshold > 0.0 && n > 0 && first_below == Some(0);
    let list_style = windowed.then(|| format!("height:{}px", n as f64 * ROW_HEIGHT));
    let legend = scenario.criteria.iter().enumerate().map(|(c, criterion)| {
        let share = ranking.share(c);
        html! {
            <li key={criterion.id.to_string()}>
                <span class={classes!("swatch", format!("crit-{}", c % PALETTE))}></span>
                <span class="legend-name" title={criterion.name.clone()}>{ criterion.name.clone() }</span>
                <span class="legend-share">{ format!("({} %)", lang.number(share, 0)) }</span>
            </li>
        }
    });

    html! {
        <section class="panel ranking-panel" aria-labelledby="ranking-heading">
            <h2 id="ranking-heading">{ t.ranking.ranking }</h2>
            if !ranking.notes.is_empty() || nothing_worth_it {
                <ul class="notes" role="status">
                    { for ranking.notes.iter().map(|note| html! { <li>{ lang.ranking_note(note, scenario) }</li> }) }
                    if nothing_worth_it {
                        <li>{ t.ranking.nothing_worth_it }</li>
                    }
                </ul>
            }
            if n > 0 {
                <ul class="legend" aria-label={t.ranking.legend}>{ for legend }</ul>
                <div
                    class={classes!("rank-scroll", windowed.then_some("windowed"))}
                    ref={list_ref}
                    onscroll={windowed.then_some(onscroll)}
                >
                    <ol class="rank-list" style={list_style} aria-label={t.ranking.ranking}>
                        { for rows }
                    </ol>
                </div>
            }
            if let Some(selected) = props.selected {
                <Breakdown lang={lang} scenario={scenario.clone()} ranking={ranking.clone()} {selected} on_select={props.on_select.clone()} />
            }
        </section>
    }
}

#[derive(Properties, PartialEq, Clone)]
struct BreakdownProps {
    lang: Lang,
    scenario: Same<Scenario>,
    ranking: Same<Ranking>,
    selected: OptionId,
    on_select: Callback<Option<OptionId>>,
}

#[function_component(Breakdown)]
fn breakdown(props: &BreakdownProps) -> Html {
    let lang = props.lang;
    let t = lang.texts();
    let scenario = &props.scenario;
    let ranking = &props.ranking;
    let Some(index) = scenario.options.iter().position(|o| o.id == props.selected) else {
        return Html::default();
    };
    let Some(row) = ranking.row_for(index) else {
        return Html::default();
    };
    let option = &scenario.options[index];
    let lines = scenario.criteria.iter().enumerate().map(|(c, criterion)| {
        let value = match &criterion.input {
            CriterionInput::SegmentFit => Segment::ALL
                .iter()
                .map(|&s| {
                    let rating = option.fit.get(s).map_or_else(|| "–".to_owned(), |f| lang.number(f, 2));
                    format!("{} {}", lang.segment_name(s, true), rating)
                })
                .collect::<Vec<_>>()
                .join(" · "),
            CriterionInput::Amount { unit, .. } => option
                .values
                .get(&criterion.id)
                .map_or_else(|| t.ranking.missing.to_owned(), |v| format!("{} {unit}", lang.number(*v, 2))),
            CriterionInput::Rating { max, .. } => option
                .values
                .get(&criterion.id)
                .map_or_else(|| t.ranking.missing.to_owned(), |v| format!("{} / {}", lang.number(*v, 2), lang.number(*max, 2))),
        };
        let missing = ranking.is_missing(index, c);
        html! {
            <tr key={criterion.id.to_string()} class={classes!(missing.then_some("missing"))}>
                <th scope="row">
                    <span class={classes!("swatch", format!("crit-{}", c % PALETTE))}></span>
                    <span class="clamp" title={criterion.name.clone()}>{ criterion.name.clone() }</span>
                </th>
                <td>{ value }</td>
                <td class="num">{ format!("{} %", lang.number(100.0 * ranking.utility(index, c), 0)) }</td>
                <td class="num">{ lang.number(ranking.weights[c], 2) }</td>
                <td class="num">{ lang.score(ranking.contribution(index, c)) }</td>
            </tr>
        }
    });
    let close = {
        let on_select = props.on_select.clone();
        Callback::from(move |_: MouseEvent| on_select.emit(None))
    };
    let title = option_title(scenario, index, lang);
    html! {
        <section class="breakdown" aria-label={format!("{}: {}", t.ranking.why_this_score, title)}>
            <header>
                <h3>{ format!("{}: {}", t.ranking.why_this_score, title) }</h3>
                <button type="button" class="ghost" onclick={close}>{ t.ranking.close }</button>
            </header>
            <table>
                <thead>
                    <tr>
                        <th scope="col">{ t.ranking.criterion }</th>
                        <th scope="col">{ t.ranking.value }</th>
                        <th scope="col" class="num">{ t.ranking.utility }</th>
                        <th scope="col" class="num">{ t.criteria.weight }</th>
                        <th scope="col" class="num">{ t.ranking.contribution }</th>
                    </tr>
                </thead>
                <tbody>{ for lines }</tbody>
                <tfoot>
                    <tr>
                        <th scope="row" colspan="4">{ t.ranking.total }</th>
                        <td class="num">{ lang.score(row.score) }</td>
                    </tr>
                </tfoot>
            </table>
        </section>
    }
}
