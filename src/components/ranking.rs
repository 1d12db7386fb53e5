//! The ranked backlog: rank, title, score, contribution bar, flags, threshold
//! line, per-segment ranks, and the breakdown of the selected option.

use crate::components::common::PALETTE;
use crate::components::robustness::{chances, places, whisker, wins_text};
use crate::components::Same;
use crate::domain::analyses::acceptability::Acceptability;
use crate::domain::analyses::sensitivity::Badge;
use crate::domain::analyses::uncertainty::Uncertainty;
use crate::domain::model::criterion::{Criterion, CriterionInput, RatioRole};
use crate::domain::model::ids::OptionId;
use crate::domain::model::scenario::{key_is_address, key_label, Scenario};
use crate::domain::model::segment::{PerSegment, Segment};
use crate::domain::model::value::{format_estimate, format_fixed};
use crate::domain::scoring::{formula, RankedOption, Ranking, RatioParts};
use crate::hooks::FIND_ID;
use crate::i18n::Lang;
use crate::services::focus::focus_by_id;
use web_sys::Element;
use yew::prelude::*;

/// Height of one ranking row in pixels (rows have a fixed height so that long
/// lists can render only the rows in view); larger when presenting.
const ROW_HEIGHT: f64 = 76.0;
const LARGE_ROW_HEIGHT: f64 = 92.0;
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
    /// Option the breakdown is compared with.
    #[prop_or_default]
    pub compare: Option<OptionId>,
    /// Opens or closes a breakdown.
    pub on_select: Callback<Option<OptionId>>,
    /// Starts, changes or ends a comparison.
    pub on_compare: Callback<Option<OptionId>>,
    /// Large rows for a projector.
    #[prop_or_default]
    pub large: bool,
    /// Each option's share of places in the weight samples.
    #[prop_or_default]
    pub acceptability: Option<Same<Acceptability>>,
    /// Each option's chances over the value samples.
    #[prop_or_default]
    pub uncertainty: Option<Same<Uncertainty>>,
    /// The robustness badge of #1.
    #[prop_or_default]
    pub badge: Option<Badge>,
    /// Per option (entry order), whether it is in the best set within the budget.
    #[prop_or_default]
    pub in_budget: Option<Same<Vec<bool>>>,
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
    let total = ranking.rows.len();
    // Options below the line can be hidden: they are the end of the ranking.
    let hide_below = use_state(|| false);
    let below = ranking.rows.iter().filter(|r| r.below_threshold).count();
    let n = if *hide_below {
        ranking
            .rows
            .iter()
            .take_while(|r| !r.below_threshold)
            .count()
    } else {
        total
    };
    let windowed = n > WINDOWED_AFTER;
    let row_height = if props.large {
        LARGE_ROW_HEIGHT
    } else {
        ROW_HEIGHT
    };
    use_breakdown_focus(props.selected, props.large);
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
        let first = ((top / row_height) as usize).saturating_sub(OVERSCAN);
        let last = (((top + height) / row_height) as usize + OVERSCAN).min(n);
        (first.min(n), last)
    } else {
        (0, n)
    };
    let first_below = ranking.rows.iter().position(|row| row.below_threshold);
    let threshold_line = t
        .room
        .threshold_line
        .replace("{threshold}", &lang.threshold_of(scenario.model, threshold));

    let view = RowView {
        props,
        windowed,
        row_height,
        first_below,
        threshold_line: &threshold_line,
        top_score: ranking.rows.iter().map(|r| r.score).fold(0.0, f64::max),
    };
    let rows = ranking.rows[first..last]
        .iter()
        .enumerate()
        .map(|(offset, row)| rank_row(&view, first + offset, row));
    let nothing_worth_it = threshold > 0.0 && total > 0 && first_below == Some(0);
    let on_hide_below = {
        let hide_below = hide_below.clone();
        Callback::from(move |_: Event| hide_below.set(!*hide_below))
    };
    let on_find = find_option(scenario, &props.on_select, t.room.find_none);
    let list_style = list_style(windowed, props.large, n, row_height);
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
        <section class={classes!("panel", "ranking-panel", props.large.then_some("large"))} aria-labelledby="ranking-heading">
            <div class="panel-head">
                <h2 id="ranking-heading" tabindex="-1">{ t.ranking.ranking }</h2>
                if total > 1 && !props.large {
                    <div class="find">
                        <input id={FIND_ID} type="search" list="option-titles" placeholder={t.room.find_option}
                            aria-label={t.room.find_option} onkeydown={on_find} />
                        <datalist id="option-titles">
                            { for scenario.options.iter().take(200).map(|o| html! { <option key={o.id.to_string()} value={o.title.clone()} /> }) }
                        </datalist>
                    </div>
                }
            </div>
            if !ranking.notes.is_empty() || nothing_worth_it {
                <ul class="notes" role="status">
                    { for ranking.notes.iter().map(|note| html! { <li>{ lang.ranking_note(note, scenario) }</li> }) }
                    if nothing_worth_it {
                        <li>{ t.ranking.nothing_worth_it }</li>
                    }
                </ul>
            }
            if below > 0 {
                <label class="check hide-below">
                    <input type="checkbox" checked={*hide_below} onchange={on_hide_below} />
                    { t.ranking.hide_below.replace("{count}", &below.to_string()) }
                </label>
            }
            if n > 0 && ranking.ratio.is_some() {
                <p class="formula">{ t.ranking.formula.replace("{formula}", &formula(scenario, lang.number_style().decimal == ',')) }</p>
            } else if n > 0 {
                <ul class="legend" aria-label={t.ranking.legend}>{ for legend }</ul>
            }
            if n > 0 {
                if scenario.criteria.iter().any(|c| matches!(c.input, CriterionInput::SegmentFit)) {
                    <p class="segment-key">{ t.room.segment_key }</p>
                }
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
                { breakdown(&BreakdownProps {
                    lang,
                    scenario,
                    ranking,
                    selected,
                    compare: props.compare,
                    on_select: &props.on_select,
                    on_compare: &props.on_compare,
                    acceptability: props.acceptability.as_deref(),
                }) }
            }
        </section>
    }
}

/// The list's height when it is windowed (`n` rows), and its rows' height
/// when they are large or windowed.
fn list_style(windowed: bool, large: bool, n: usize, row_height: f64) -> Option<String> {
    let rows = format_fixed(row_height, 0);
    match (windowed, large) {
        (true, _) => Some(format!(
            "height:{}px;--row-height:{rows}px",
            format_fixed(n as f64 * row_height, 0)
        )),
        (false, true) => Some(format!("--row-height:{rows}px")),
        (false, false) => None,
    }
}

/// A closed breakdown gives the focus back to its option's row, unless the
/// user has put it somewhere else meanwhile. One opened far below the row
/// that was clicked comes into view (`beside`: it is beside the ranking,
/// already in view).
#[hook]
fn use_breakdown_focus(selected: Option<OptionId>, beside: bool) {
    // `None` until the first run: a breakdown already open when the
    // list appears (back from presenting) leaves the page where it is,
    // with the focus on the button that was pressed.
    let previous = use_mut_ref(|| None::<Option<OptionId>>);
    use_effect_with(selected, move |selected| {
        let Some(closed) = previous.replace(Some(*selected)) else {
            return;
        };
        let document = web_sys::window().and_then(|w| w.document());
        match (selected, closed) {
            (None, Some(id)) => {
                let lost = document
                    .is_some_and(|d| d.active_element().is_none_or(|e| e.tag_name() == "BODY"));
                if lost {
                    focus_by_id(&format!("rank-{id}"));
                }
            }
            (Some(_), _) if !beside => {
                if let Some(element) = document.and_then(|d| d.get_element_by_id(BREAKDOWN_ID)) {
                    bring_into_view(&element);
                }
            }
            // Presenting, the arrows walk the rows: the one they reach
            // comes into view (at 150 % zoom only a few rows fit).
            (Some(id), _) => {
                if let Some(row) = document.and_then(|d| d.get_element_by_id(&format!("rank-{id}")))
                {
                    keep_in_view(&row);
                }
            }
            _ => {}
        }
    });
}

/// What every row of the ranking shares.
struct RowView<'a> {
    props: &'a RankingProps,
    windowed: bool,
    row_height: f64,
    first_below: Option<usize>,
    threshold_line: &'a str,
    /// The ratio model's highest score: bars are scores as shares of it.
    top_score: f64,
}

/// The row of the option at `position` in the ranking.
fn rank_row(view: &RowView, position: usize, row: &RankedOption) -> Html {
    let RowView {
        props,
        windowed,
        row_height,
        first_below,
        threshold_line,
        top_score,
    } = *view;
    let lang = props.lang;
    let t = lang.texts();
    let (scenario, ranking) = (&props.scenario, &props.ranking);
    let threshold = scenario.threshold.value();
    let title = lang.option_title_at(scenario, row.index);
    let is_selected = props.selected == Some(row.id);
    // The ratio model's score is one number: one bar, its share of the highest.
    let ratio_bar = ranking.ratio.is_some().then(|| {
        let width = if top_score > 0.0 { 100.0 * row.score / top_score } else { 0.0 };
        html! {
            <span class="segment ratio-bar" style={format!("width:{}%", format_fixed(width.clamp(0.0, 100.0), 3))}></span>
        }
    });
    // Where the threshold sits on the bar: its points, or its share of the
    // highest ratio score (off the bar when above it).
    let threshold_mark = match ranking.ratio {
        Some(_) if top_score > 0.0 => Some(100.0 * threshold / top_score),
        Some(_) => None,
        None => Some(threshold),
    }
    .filter(|&at| threshold > 0.0 && at <= 100.0);
    let segments = ranking
        .criteria
        .iter()
        .enumerate()
        .filter(|_| ratio_bar.is_none())
        .map(|(c, id)| {
            let points = ranking.contribution(row.index, c);
            let name = scenario
                .criterion(*id)
                .map(|c| c.name.as_str())
                .unwrap_or_default();
            html! {
                <span
                    key={id.to_string()}
                    class={classes!("segment", format!("crit-{}", c % PALETTE))}
                    style={format!("width:{}%", format_fixed(points.clamp(0.0, 100.0), 3))}
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
    let style =
        windowed.then(|| format!("top:{}px", format_fixed(position as f64 * row_height, 0)));
    let by_segment = props.segment_ranks.get(row.index).copied();
    let segment_ranks = by_segment.map(|by_segment| {
    Segment::ALL.iter().map(move |&segment| {
        html! {
            <span class="segment-rank" key={segment.key()} title={lang.segment_name(segment, false)}>
                { format!("{} #{}", lang.segment_name(segment, true), by_segment.get(segment)) }
            </span>
        }
    })
});
    // A windowed list keys rows by their slot, so scrolling and re-ranking
    // update the few rows in view instead of replacing them.
    let key = if windowed {
        position.to_string()
    } else {
        row.id.to_string()
    };
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
            data-line={(Some(position) == first_below && position > 0).then(|| threshold_line.to_owned())}
        >
            <span class="rank" aria-label={format!("{} {}", t.ranking.rank, row.rank)}>{ row.rank }</span>
            <div class="row-main">
                <button
                    class="row-title"
                    id={format!("rank-{}", row.id)}
                    type="button"
                    aria-expanded={if is_selected { "true" } else { "false" }}
                    aria-label={t.ranking.show_breakdown.replace("{option}", &title)}
                    title={title.clone()}
                    {onclick}
                >
                    <span class="title-text">{ title.clone() }</span>
                </button>
                if let Some(key) = scenario.options.get(row.index).map(|o| &o.key).filter(|k| !k.is_empty()) {
                    <span class="row-key">{ key_label(key) }</span>
                }
                <div class="bar" aria-hidden="true">
                    { for segments }
                    { ratio_bar.unwrap_or_default() }
                    if let Some(at) = threshold_mark {
                        <span class="threshold-mark" style={format!("left:{}%", format_fixed(at, 3))}></span>
                    }
                    if let Some(u) = props.uncertainty.as_ref().filter(|u| u.varies(row.index)) {
                        { whisker(u, row.index, if ranking.ratio.is_some() { top_score } else { 100.0 }) }
                    }
                </div>
                <div class="row-meta">
                    if let Some(badge) = props.badge.filter(|_| position == 0) {
                        <span class={classes!("robust-badge", format!("robust-{}", badge as u8))}>
                            { t.robust.badges[badge as usize] }
                        </span>
                    }
                    if let Some(acceptability) = &props.acceptability {
                        { places(lang, scenario, acceptability, row.index) }
                    }
                    if let Some(u) = props.uncertainty.as_ref().filter(|u| u.varies(row.index)) {
                        { chances(lang, u, row.index, threshold > 0.0, scenario.model) }
                    }
                    if row.incomplete {
                        <span class="badge incomplete" title={if ranking.ratio.is_some() { t.ranking.ratio_incomplete_hint } else { t.ranking.incomplete_hint }}>{ t.ranking.incomplete }</span>
                    }
                    if row.below_threshold {
                        <span class="badge below-badge">{ t.ranking.below_line }</span>
                    }
                    if props.in_budget.as_ref().is_some_and(|chosen| chosen.get(row.index) == Some(&true)) {
                        <span class="badge in-budget">{ t.budget.in_set_badge }</span>
                    }
                    if let Some(segment_ranks) = segment_ranks {
                        <span class="segment-ranks" aria-label={t.ranking.rank_by_segment}>{ for segment_ranks }</span>
                    }
                </div>
            </div>
            <span class="score">{ lang.score_in(ranking, row.score) }</span>
        </li>
    }
}

/// "/" finds an option by a part of its title and opens its breakdown; a
/// title nobody has is said by the field itself, as a refused entry.
fn find_option(
    scenario: &Same<Scenario>,
    on_select: &Callback<Option<OptionId>>,
    none: &'static str,
) -> Callback<KeyboardEvent> {
    let (scenario, on_select) = (scenario.clone(), on_select.clone());
    Callback::from(move |event: KeyboardEvent| {
        if event.key() != "Enter" {
            return;
        }
        let Some(field) = event.target_dyn_into::<web_sys::HtmlInputElement>() else {
            return;
        };
        let wanted = field.value().trim().to_ascii_lowercase();
        let found = scenario
            .options
            .iter()
            .find(|o| o.title.trim().to_ascii_lowercase() == wanted)
            .or_else(|| {
                scenario
                    .options
                    .iter()
                    .find(|o| o.title.to_ascii_lowercase().contains(&wanted))
            });
        field.set_custom_validity(if found.is_some() { "" } else { none });
        field.report_validity();
        if let Some(option) = found {
            on_select.emit(Some(option.id));
        }
    })
}

#[derive(Properties, PartialEq, Clone)]
struct BreakdownProps<'a> {
    lang: Lang,
    scenario: &'a Scenario,
    ranking: &'a Ranking,
    selected: OptionId,
    compare: Option<OptionId>,
    on_select: &'a Callback<Option<OptionId>>,
    on_compare: &'a Callback<Option<OptionId>>,
    acceptability: Option<&'a Acceptability>,
}

/// The breakdown's id, for bringing it into view.
const BREAKDOWN_ID: &str = "breakdown";

/// The comparison's choice of the other option.
const COMPARE_WITH_ID: &str = "compare-with";

/// Scrolls the page so that `element` starts in view, unless its start is
/// already in sight (then nothing moves).
fn bring_into_view(element: &Element) {
    let top = element.get_bounding_client_rect().top();
    let height = web_sys::window()
        .and_then(|w| w.inner_height().ok())
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    if top < 0.0 || top > height * 0.75 {
        // Its start at the top of the window.
        element.scroll_into_view_with_bool(true);
    }
}

/// Scrolls the page the least that puts `element` wholly in view.
fn keep_in_view(element: &Element) {
    let rect = element.get_bounding_client_rect();
    let height = web_sys::window()
        .and_then(|w| w.inner_height().ok())
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    if rect.top() < 0.0 {
        element.scroll_into_view_with_bool(true);
    } else if rect.bottom() > height {
        element.scroll_into_view_with_bool(false);
    }
}

/// An option's value on a criterion, as entered ("3 / 5", "SMB 4 · Ent. 2"),
/// with the range it is drawn from ("30 (20–40)").
pub fn value_text(lang: Lang, scenario: &Scenario, index: usize, criterion: &Criterion) -> String {
    let t = lang.texts();
    let option = &scenario.options[index];
    let value = |v: Option<&f64>| {
        v.map_or_else(
            || t.ranking.missing.to_owned(),
            |&v| match option.ranges.get(&criterion.id) {
                Some(&r) => format!(
                    "{} ({})",
                    lang.number(v, 2),
                    format_estimate(v, Some(r), 2, lang.number_style())
                ),
                None => lang.number(v, 2),
            },
        )
    };
    match &criterion.input {
        CriterionInput::SegmentFit => Segment::ALL
            .iter()
            .map(|&s| {
                let rating = option
                    .fit
                    .get(s)
                    .map_or_else(|| "–".to_owned(), |f| lang.number(f, 2));
                format!("{} {}", lang.segment_name(s, true), rating)
            })
            .collect::<Vec<_>>()
            .join(" · "),
        CriterionInput::Amount { .. } => value(option.values.get(&criterion.id)),
        CriterionInput::Rating { max, .. } => match option.values.get(&criterion.id) {
            Some(v) => format!("{} / {}", value(Some(v)), lang.number(*max, 2)),
            None => t.ranking.missing.to_owned(),
        },
        CriterionInput::Levels(_) => match option.values.get(&criterion.id) {
            Some(&v) => match criterion.input.level_of(v) {
                Some(level) => format!("{} ({})", level.label, lang.number(v, 2)),
                None => value(Some(&v)),
            },
            None => t.ranking.missing.to_owned(),
        },
    }
}

/// A criterion's name with its colour and unit, for the first column.
fn criterion_cell(c: usize, criterion: &Criterion) -> Html {
    let unit = match &criterion.input {
        CriterionInput::Amount { unit, .. } if !unit.trim().is_empty() => Some(unit.clone()),
        _ => None,
    };
    html! {
        <th scope="row">
            <span class="crit-name" title={criterion.name.clone()}>
                <span class={classes!("swatch", format!("crit-{}", c % PALETTE))}></span>
                { criterion.name.clone() }
            </span>
            if let Some(unit) = unit {
                <span class="unit">{ unit }</span>
            }
        </th>
    }
}

/// Why an option scores what it does, criterion by criterion; with a
/// comparison when one is chosen. A plain function: it holds no state.
fn breakdown(props: &BreakdownProps) -> Html {
    let lang = props.lang;
    let t = lang.texts();
    let (scenario, ranking) = (props.scenario, props.ranking);
    let index_of = |id: OptionId| scenario.options.iter().position(|o| o.id == id);
    let Some(index) = index_of(props.selected) else {
        return Html::default();
    };
    let Some(row) = ranking.row_for(index) else {
        return Html::default();
    };
    let table = match &ranking.ratio {
        Some(parts) => ratio_table(lang, scenario, ranking, parts, index),
        None => weighted_table(lang, scenario, ranking, index, row.score),
    };
    let close = {
        let on_select = props.on_select.clone();
        Callback::from(move |_: MouseEvent| on_select.emit(None))
    };
    // "Compare" starts with the option ranked just above (just below, for #1).
    let position = ranking
        .rows
        .iter()
        .position(|r| r.index == index)
        .unwrap_or(0);
    let neighbour = ranking
        .rows
        .get(position.wrapping_sub(1))
        .or_else(|| ranking.rows.get(position + 1))
        .map(|r| r.id);
    let start_compare = {
        let on_compare = props.on_compare.clone();
        Callback::from(move |_: MouseEvent| {
            on_compare.emit(neighbour);
            // The button goes with the click: the focus moves to the choice
            // of what to compare with, once it is drawn, never to the page.
            gloo_timers::callback::Timeout::new(0, || focus_by_id(COMPARE_WITH_ID)).forget();
        })
    };
    let other = props.compare.and_then(index_of);
    let title = lang.option_title_at(scenario, index);
    html! {
        <section class="breakdown" id={BREAKDOWN_ID} aria-label={format!("{}: {}", t.ranking.why_this_score, title)}>
            <header>
                <h3>{ format!("{}: {}", t.ranking.why_this_score, title) }</h3>
                { tracker_key(scenario, index) }
                <div class="breakdown-tools">
                    if other.is_none() && neighbour.is_some() {
                        <button type="button" onclick={start_compare}>{ t.room.compare }</button>
                    }
                    <button type="button" class="ghost" onclick={close}>{ t.ranking.close }</button>
                </div>
            </header>
            { table }
            if let Some(other) = other {
                { comparison_view(lang, scenario, ranking, (index, other), props.on_compare) }
            }
            if let Some(a) = props.acceptability {
                <p class="wins">
                    { t.robust.first_in.replace("{percent}", &lang.number(100.0 * a.first(index), 0)) }
                    { ". " }{ wins_text(lang, scenario, a, index) }
                </p>
            }
            if ranking.ratio.is_none() {
                <p class="hint">{ t.room.scaled_note }</p>
            }
        </section>
    }
}

/// The ratio model's breakdown: each factor as entered, how it counts, and
/// how far it is from the typical option; then what is multiplied out, what
/// it is divided by, and the score.
fn ratio_table(
    lang: Lang,
    scenario: &Scenario,
    ranking: &Ranking,
    parts: &RatioParts,
    index: usize,
) -> Html {
    let t = lang.texts();
    let lines = scenario.criteria.iter().enumerate().map(|(c, criterion)| {
        let role = RatioRole::ALL.iter().position(|r| *r == criterion.role).unwrap_or(0);
        let counts = match criterion.role {
            RatioRole::Add => format!("{} × {}", t.presets.role[role], lang.number(criterion.weight.value(), 2)),
            _ => t.presets.role[role].to_owned(),
        };
        let typical = parts
            .versus_typical(index, c)
            .map(|x| t.ranking.versus_typical.replace("{x}", &lang.number(x, 1)))
            .unwrap_or_default();
        html! {
            <tr key={criterion.id.to_string()} class={classes!(ranking.is_missing(index, c).then_some("missing"))}>
                { criterion_cell(c, criterion) }
                <td>{ value_text(lang, scenario, index, criterion) }</td>
                <td>{ counts }</td>
                <td class="num narrow-hide">{ typical }</td>
            </tr>
        }
    });
    let score = ranking.row_for(index).map_or(0.0, |r| r.score);
    let divisor = match parts.divisor[index] {
        Some(d) => lang.ratio_score(d),
        None => t.ranking.no_divisor.to_owned(),
    };
    html! {
        <table>
            <thead>
                <tr>
                    <th scope="col">{ t.ranking.criterion }</th>
                    <th scope="col">{ t.ranking.value }</th>
                    <th scope="col">{ t.ranking.counts_as }</th>
                    <th scope="col" class="num narrow-hide">{ t.ranking.typical }</th>
                </tr>
            </thead>
            <tbody>{ for lines }</tbody>
            <tfoot>
                <tr>
                    <th scope="row" colspan="2">{ t.ranking.numerator }</th>
                    <td colspan="2" class="num">{ lang.ratio_score(parts.numerator[index]) }</td>
                </tr>
                <tr>
                    <th scope="row" colspan="2">{ t.ranking.divisor }</th>
                    <td colspan="2" class="num">{ divisor }</td>
                </tr>
                <tr>
                    <th scope="row" colspan="2">{ t.ranking.total }</th>
                    <td colspan="2" class="num">{ lang.ratio_score(score) }</td>
                </tr>
            </tfoot>
        </table>
    }
}

/// The weighted sum's breakdown: value, scaled value, weight and points per
/// criterion; the points sum to the score.
fn weighted_table(
    lang: Lang,
    scenario: &Scenario,
    ranking: &Ranking,
    index: usize,
    score: f64,
) -> Html {
    let t = lang.texts();
    let lines = scenario.criteria.iter().enumerate().map(|(c, criterion)| {
        let missing = ranking.is_missing(index, c);
        html! {
            <tr key={criterion.id.to_string()} class={classes!(missing.then_some("missing"))}>
                { criterion_cell(c, criterion) }
                <td>{ value_text(lang, scenario, index, criterion) }</td>
                <td class="num narrow-hide">{ format!("{} %", lang.number(100.0 * ranking.utility(index, c), 0)) }</td>
                <td class="num narrow-hide">{ lang.number(ranking.weights[c], 2) }</td>
                <td class="num">{ lang.score(ranking.contribution(index, c)) }</td>
            </tr>
        }
    });
    html! {
    <table>
        <thead>
            <tr>
                <th scope="col">{ t.ranking.criterion }</th>
                <th scope="col">{ t.ranking.value }</th>
                <th scope="col" class="num narrow-hide">{ t.room.scaled }</th>
                <th scope="col" class="num narrow-hide">{ t.criteria.weight }</th>
                <th scope="col" class="num">{ t.ranking.contribution }</th>
            </tr>
        </thead>
        <tbody>{ for lines }</tbody>
        <tfoot>
            <tr>
                <th scope="row" colspan="2">{ t.ranking.total }</th>
                <td class="narrow-hide"></td>
                <td class="narrow-hide"></td>
                <td class="num">{ lang.score(score) }</td>
            </tr>
        </tfoot>
    </table>
    }
}

/// One option beside another: the lead in words, then the points per
/// criterion. `(a, b)`: entry indexes of the open option and the other.
fn comparison_view(
    lang: Lang,
    scenario: &Scenario,
    ranking: &Ranking,
    (a, b): (usize, usize),
    on_compare: &Callback<Option<OptionId>>,
) -> Html {
    let t = lang.texts();
    let Some(comparison) = ranking.compare(a, b) else {
        return Html::default();
    };
    let ratio = ranking.ratio.as_ref();
    let choose = {
        let on_compare = on_compare.clone();
        let ids: Vec<OptionId> = ranking.rows.iter().map(|r| r.id).collect();
        Callback::from(move |event: Event| {
            let picked = event
                .target_dyn_into::<web_sys::HtmlSelectElement>()
                .and_then(|select| select.value().parse::<usize>().ok())
                .and_then(|position| ids.get(position).copied());
            on_compare.emit(picked);
        })
    };
    let choices = ranking
        .rows
        .iter()
        .enumerate()
        .filter(|(_, r)| r.index != a)
        .map(|(position, r)| {
            html! {
                <option key={r.id.to_string()} value={position.to_string()} selected={r.index == b}>
                    { format!("#{} {}", r.rank, lang.option_title_at(scenario, r.index)) }
                </option>
            }
        });
    // The ratio model compares factor by factor: how many times the other's.
    let times = |x: f64, y: f64| (y != 0.0).then(|| format!("×{}", lang.number(x / y, 2)));
    let lines: Html = match ratio {
        Some(parts) => scenario.criteria.iter().enumerate().map(|(c, criterion)| {
            let both = parts.value(a, c).zip(parts.value(b, c));
            html! {
                <tr key={criterion.id.to_string()}>
                    { criterion_cell(c, criterion) }
                    <td class="num narrow-hide">{ value_text(lang, scenario, a, criterion) }</td>
                    <td class="num narrow-hide">{ value_text(lang, scenario, b, criterion) }</td>
                    <td class="num">{ both.and_then(|(x, y)| times(x, y)).unwrap_or_default() }</td>
                </tr>
            }
        }).collect(),
        None => comparison.gaps.iter().filter_map(|&(c, gap)| {
            let criterion = scenario.criteria.get(c)?;
            Some(html! {
                <tr key={criterion.id.to_string()}>
                    { criterion_cell(c, criterion) }
                    <td class="num narrow-hide">{ lang.score(ranking.contribution(a, c)) }</td>
                    <td class="num narrow-hide">{ lang.score(ranking.contribution(b, c)) }</td>
                    <td class={classes!("num", "gap", (gap < 0.0).then_some("behind"))}>{ lang.signed_points(gap) }</td>
                </tr>
            })
        }).collect(),
    };
    let score = |i: usize| ranking.row_for(i).map_or(0.0, |r| r.score);
    let words = match ratio {
        Some(_) => t
            .ranking
            .ratio_comparison
            .replace("{a}", &lang.option_title_at(scenario, a))
            .replace("{b}", &lang.option_title_at(scenario, b))
            .replace("{sa}", &lang.ratio_score(score(a)))
            .replace("{sb}", &lang.ratio_score(score(b)))
            .replace(
                "{x}",
                &times(score(a), score(b)).unwrap_or_else(|| "–".to_owned()),
            ),
        None => lang.comparison(scenario, a, b, &comparison),
    };
    let select_id = COMPARE_WITH_ID;
    html! {
        <div class="comparison">
            <div class="compare-pick">
                <label for={select_id}>{ t.room.compare_with }</label>
                <select id={select_id} onchange={choose}>
                    { for choices }
                    <option value="none">{ format!("– {} –", t.room.no_comparison) }</option>
                </select>
            </div>
            <p class="comparison-words" role="status">{ words }</p>
            <table>
                <thead>
                    <tr>
                        <th scope="col">{ t.ranking.criterion }</th>
                        <th scope="col" class="num narrow-hide"><span class="col-title">{ lang.option_title_at(scenario, a) }</span></th>
                        <th scope="col" class="num narrow-hide"><span class="col-title">{ lang.option_title_at(scenario, b) }</span></th>
                        <th scope="col" class="num">{ if ratio.is_some() { t.ranking.times } else { t.room.difference } }</th>
                    </tr>
                </thead>
                <tbody>{ lines }</tbody>
            </table>
        </div>
    }
}

/// The tracker's key of the option at `index`, an address as a link that
/// opens its item.
fn tracker_key(scenario: &Scenario, index: usize) -> Html {
    let Some(key) = scenario
        .options
        .get(index)
        .map(|o| o.key.as_str())
        .filter(|k| !k.is_empty())
    else {
        return Html::default();
    };
    if key_is_address(key) {
        html! { <a class="option-key" href={key.to_owned()} target="_blank" rel="noopener noreferrer">{ key_label(key) }</a> }
    } else {
        html! { <span class="option-key">{ key.to_owned() }</span> }
    }
}
