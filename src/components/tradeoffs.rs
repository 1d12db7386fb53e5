//! The trade-offs: the value/effort matrix and lenses side by side, each an
//! SVG drawn from the domain's geometry, with a table that says the same.

use super::Same;
use crate::domain::analyses::lens::{
    agreement, all_lenses, bump, lens_ranking, Agreement, Bump, MAX_SIDE_BY_SIDE,
};
use crate::domain::analyses::matrix::{layout, points, Layout, Marker, NoMatrix, Point, Quadrant};
use crate::domain::formats::export::export_file_name;
use crate::domain::model::ids::OptionId;
use crate::domain::model::scenario::{Scenario, ScenarioEdit};
use crate::domain::model::settings::LensRef;
use crate::domain::model::settings::Role;
use crate::domain::scoring::Ranking;
use crate::hooks::use_settled;
use crate::i18n::Lang;
use crate::services::clock::today;
use crate::services::download::{download_svg, download_svg_as_png};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// Props of [`TradeOffs`].
#[derive(Properties, PartialEq)]
pub struct TradeOffsProps {
    /// UI language.
    pub lang: Lang,
    /// The scenario.
    pub scenario: Same<Scenario>,
    /// Its ranking.
    pub ranking: Same<Ranking>,
    /// Whether settings and lenses can be changed.
    pub editable: bool,
    /// Where edits go.
    pub on_edit: Callback<ScenarioEdit>,
    /// Opens an option's breakdown.
    pub on_select: Callback<Option<OptionId>>,
}

fn quadrant_name(lang: Lang, q: Quadrant) -> &'static str {
    let names = lang.texts().tradeoffs.quadrants;
    match q {
        Quadrant::QuickWin => names[0],
        Quadrant::BigBet => names[1],
        Quadrant::FillIn => names[2],
        Quadrant::MoneyPit => names[3],
    }
}

/// A lens's name as shown.
pub fn lens_name(lang: Lang, scenario: &Scenario, lens: LensRef) -> String {
    let t = &lang.texts().tradeoffs;
    match lens {
        LensRef::Current => t.current.to_owned(),
        LensRef::Saved(id) => scenario.lens_name(id),
        LensRef::Segment(s) => t.alone.replace("{segment}", lang.segment_name(s, false)),
    }
}

/// Above this many options the charts follow a change a moment later (once
/// the changes pause), so that the ranking redraws at once.
const DEFER_AFTER: usize = 200;
/// The most markers the matrix draws (the best by rank): more would be a
/// cloud nobody reads, and slow to draw.
const MAX_DRAWN: usize = 300;

/// The trade-offs section: the matrix, or lenses side by side.
#[function_component(TradeOffs)]
pub fn trade_offs(props: &TradeOffsProps) -> Html {
    let defer = props.scenario.options.len() > DEFER_AFTER;
    let (scenario, ranking) = use_settled((props.scenario.clone(), props.ranking.clone()), defer);
    html! {
        <Charts lang={props.lang} {scenario} {ranking} editable={props.editable}
            on_edit={props.on_edit.clone()} on_select={props.on_select.clone()} />
    }
}

/// The section itself, drawn from the scenario and ranking it is given.
#[function_component(Charts)]
fn charts(props: &TradeOffsProps) -> Html {
    let lang = props.lang;
    let t = &lang.texts().tradeoffs;
    let tab = use_state(|| 0usize);
    let focused = use_state(|| None::<usize>);
    let picked = use_state(|| None::<Vec<LensRef>>);
    let new_name = use_state(String::new);
    let table_open = use_state(|| false);
    let chosen = chosen_lenses(&props.scenario, &picked);
    // Only the tab on screen is computed.
    let matrix = use_memo(
        (props.scenario.clone(), props.ranking.clone(), *tab == 0),
        |(scenario, ranking, shown)| {
            shown.then(|| {
                points(scenario, ranking).map(|p| {
                    // The best MAX_DRAWN by rank; the table has every option.
                    let order: Vec<usize> = ranking
                        .rows
                        .iter()
                        .take(MAX_DRAWN)
                        .map(|r| r.index)
                        .collect();
                    let titles: Vec<&str> =
                        scenario.options.iter().map(|o| o.title.as_str()).collect();
                    let chart = layout(&p, &order, &titles);
                    (p, chart)
                })
            })
        },
    );
    let side = use_memo(
        (props.scenario.clone(), chosen.clone(), *tab == 1),
        |(scenario, lenses, shown)| {
            (*shown && lenses.len() >= 2).then(|| {
                let rankings: Vec<Ranking> = lenses
                    .iter()
                    .filter_map(|&l| lens_ranking(scenario, l))
                    .collect();
                let summary = agreement(&rankings);
                let chart = bump(&rankings, 10);
                (rankings, summary, chart)
            })
        },
    );
    let tabs = t.tabs.iter().enumerate().map(|(i, name)| {
        let selected = *tab == i;
        let onclick = {
            let tab = tab.clone();
            Callback::from(move |_: MouseEvent| tab.set(i))
        };
        html! {
            <button type="button" role="tab" id={format!("tradeoffs-tab-{i}")} aria-selected={selected.to_string()}
                aria-controls="tradeoffs-panel" tabindex={if selected { "0" } else { "-1" }} {onclick}>{ *name }</button>
        }
    });
    let on_tab_key = {
        let tab = tab.clone();
        Callback::from(move |e: KeyboardEvent| {
            let next = match e.key().as_str() {
                "ArrowRight" | "ArrowLeft" => 1 - *tab,
                _ => return,
            };
            e.prevent_default();
            tab.set(next);
            crate::services::focus::focus_by_id(&format!("tradeoffs-tab-{next}"));
        })
    };
    html! {
        <section class="tradeoffs" aria-labelledby="tradeoffs-heading">
            <h2 id="tradeoffs-heading">{ t.heading }</h2>
            <div class="tabs" role="tablist" aria-label={t.heading} onkeydown={on_tab_key}>{ for tabs }</div>
            <div id="tradeoffs-panel" role="tabpanel" aria-labelledby={format!("tradeoffs-tab-{}", *tab)}>
                if let Some(found) = &*matrix {
                    { matrix_view(props, &focused, &table_open, found) }
                } else {
                    { lenses_view(props, &picked, &new_name, &table_open, &chosen, side.as_ref().as_ref()) }
                }
            </div>
        </section>
    }
}

/// The matrix, its details, legend, table and settings.
fn matrix_view(
    props: &TradeOffsProps,
    focused: &UseStateHandle<Option<usize>>,
    table_open: &UseStateHandle<bool>,
    computed: &Result<(Vec<Point>, Layout), NoMatrix>,
) -> Html {
    let lang = props.lang;
    let t = &lang.texts().tradeoffs;
    let (scenario, ranking) = (&props.scenario, &props.ranking);
    let settings = roles_settings(props);
    let (p, chart) = match computed {
        Ok(found) => (&found.0, &found.1),
        Err(why) => {
            let text = match why {
                NoMatrix::NoOptions => t.no_options,
                NoMatrix::NoValue => t.no_value,
                NoMatrix::NoEffort => t.no_effort,
            };
            return html! {<><p class="matrix-none">{ text }</p>{ settings }</>};
        }
    };
    let rank_of = |i: usize| ranking.row_for(i).map_or(0, |r| r.rank);
    let title = |i: usize| lang.option_title_at(scenario, i);
    let describe = |i: usize, point: &Point| {
        t.marker
            .replace("{rank}", &rank_of(i).to_string())
            .replace("{option}", &title(i))
            .replace("{value}", &lang.number(point.value, 1))
            .replace("{effort}", &lang.number(point.effort, 1))
            .replace("{quadrant}", quadrant_name(lang, point.quadrant))
    };
    let details = (*focused)
        .and_then(|i| p.get(i).map(|point| (i, point)))
        .map(|(i, point)| {
            let open = {
                let (on_select, id) = (props.on_select.clone(), scenario.options[i].id);
                Callback::from(move |_: MouseEvent| on_select.emit(Some(id)))
            };
            let score = ranking
                .row_for(i)
                .map(|r| lang.score_in(ranking, r.score))
                .unwrap_or_default();
            html! {
                <div class="matrix-details" aria-live="polite">
                    <p><strong>{ describe(i, point) }</strong>{ format!(" · {score}") }</p>
                    if let Some(j) = point.dominated_by {
                        <p>{ t.dominated_by.replace("{other}", &title(j)) }</p>
                    }
                    <button type="button" onclick={open}>{ t.open_breakdown }</button>
                </div>
            }
        });
    let markers = chart.markers.iter().map(|m| {
        let i = m.index;
        let point = p[i];
        let below = ranking.row_for(i).is_some_and(|r| r.below_threshold);
        let id = scenario.options[i].id;
        let mut label = describe(i, &point);
        if point.dominated_by.is_some() {
            label = format!("{label} ({})", t.dominated);
        }
        if below {
            label = format!("{label} ({})", t.below_line);
        }
        html! {
            <g key={id.to_string()} class={classes!("marker", below.then_some("faded"), point.dominated_by.map(|_| "dominated"))}
                tabindex="0" role="button" aria-label={label} data-i={i.to_string()}>
                { marker_circle(m, point.dominated_by.is_some()) }
            </g>
        }
    });
    let markers = marker_group(props, focused, markers.collect());
    let texts = chart
        .markers
        .iter()
        .flat_map(|m| marker_texts(m, rank_of(m.index)));
    let texts = html! { <g aria-hidden="true" pointer-events="none">{ for texts }</g> };
    let legend_shown = 30;
    let legend = (!chart.legend.is_empty()).then(|| {
        let items = chart.legend.iter().take(legend_shown).map(|&i| {
            html! { <li key={scenario.options[i].id.to_string()}>{ format!("#{} {}", rank_of(i), title(i)) }</li> }
        });
        let more = chart.legend.len().saturating_sub(legend_shown);
        html! {
            <div class="matrix-legend">
                <h3>{ t.legend }</h3>
                <ul>{ for items }</ul>
                if more > 0 { <p>{ t.more_in_table.replace("{count}", &more.to_string()) }</p> }
            </div>
        }
    });
    let rows = ranking.rows.iter().map(|row| {
        let point = p[row.index];
        html! {
            <tr key={row.id.to_string()}>
                <td>{ row.rank }</td>
                <th scope="row">{ title(row.index) }</th>
                <td>{ lang.number(point.value, 1) }</td>
                <td>{ lang.number(point.effort, 1) }</td>
                <td>{ quadrant_name(lang, point.quadrant) }</td>
                <td>{ point.dominated_by.map(&title).unwrap_or_default() }</td>
            </tr>
        }
    });
    let file = format!("{} matrix", scenario.name);
    html! {<>
        { svg_frame(lang, "matrix-chart", t.tabs[0], &file, matrix_svg(lang, chart, vec![markers, texts])) }
        if ranking.rows.len() > MAX_DRAWN {
            <p class="muted">{ t.drawn.replace("{drawn}", &MAX_DRAWN.to_string()).replace("{count}", &lang.number(ranking.rows.len() as f64, 0)) }</p>
        }
        { details.unwrap_or_default() }
        { legend.unwrap_or_default() }
        { chart_table(t.table, table_open, t.columns.iter().map(|c| html! { <th scope="col">{ *c }</th> }).collect(), rows) }
        { settings }
    </>}
}

/// The markers in one group that listens for all of them.
fn marker_group(
    props: &TradeOffsProps,
    focused: &UseStateHandle<Option<usize>>,
    markers: Vec<Html>,
) -> Html {
    let scenario = &props.scenario;
    // One set of listeners for all markers (a thousand options would
    // otherwise mean four thousand at every change): each event names its
    // marker by `data-i`.
    let option_at = {
        let options: Vec<_> = scenario.options.iter().map(|o| o.id).collect();
        move |i: usize| options.get(i).copied()
    };
    let show = {
        let focused = focused.clone();
        Callback::from(move |e: Event| {
            let i = marker_of(&e);
            if i.is_some() && i != *focused {
                focused.set(i);
            }
        })
    };
    let onclick = {
        let (on_select, option_at) = (props.on_select.clone(), option_at.clone());
        Callback::from(move |e: MouseEvent| {
            if let Some(id) = marker_of(&e).and_then(&option_at) {
                on_select.emit(Some(id));
            }
        })
    };
    let onkeydown = {
        let on_select = props.on_select.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() != "Enter" && e.key() != " " {
                return;
            }
            if let Some(id) = marker_of(&e).and_then(&option_at) {
                e.prevent_default();
                on_select.emit(Some(id));
            }
        })
    };
    let (onfocusin, onmouseover) = (
        show.reform(|e: FocusEvent| e.into()),
        show.reform(|e: MouseEvent| e.into()),
    );
    html! {
        <g class="markers" {onclick} {onkeydown} {onfocusin} {onmouseover}>{ for markers }</g>
    }
}

/// The marker an event happened on (its `data-i`).
fn marker_of(e: &Event) -> Option<usize> {
    let target = e.target_dyn_into::<web_sys::Element>()?;
    target
        .closest("[data-i]")
        .ok()??
        .get_attribute("data-i")?
        .parse()
        .ok()
}

/// A chart's table in a fold, built only while the fold is open: a thousand
/// rows would otherwise be redrawn at every change.
fn chart_table(
    summary: &'static str,
    open: &UseStateHandle<bool>,
    head: Html,
    rows: impl Iterator<Item = Html>,
) -> Html {
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |e: Event| {
            if let Some(details) = e.target_dyn_into::<web_sys::Element>() {
                open.set(details.has_attribute("open"));
            }
        })
    };
    html! {
        <details class="chart-table" open={**open} {ontoggle}>
            <summary>{ summary }</summary>
            if **open {
                <table>
                    <thead><tr>{ head }</tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            }
        </details>
    }
}

/// A marker's circle (inside the focusable marker).
fn marker_circle(m: &Marker, dominated: bool) -> Html {
    let (fill, dashes) = if dominated {
        ("#e8a27f", "3 2")
    } else {
        ("#c2410c", "none")
    };
    html! {
        <circle cx={fmt(m.x)} cy={fmt(m.y)} r={fmt(m.r)} {fill} stroke="#7c2d12" stroke-width="1.5" stroke-dasharray={dashes} />
    }
}

/// A marker's rank and label: drawn over the markers, hidden from screen
/// readers (each marker's name says it) and from the pointer.
fn marker_texts(m: &Marker, rank: u32) -> Vec<Html> {
    let mut texts = vec![html! {
        <text x={fmt(m.x)} y={fmt(m.y + 4.0)} text-anchor="middle" font-size="13" font-weight="700" fill="#ffffff">{ rank }</text>
    }];
    if let Some(l) = &m.label {
        texts.push(html! {
            <text x={fmt(l.bounds.x)} y={fmt(l.bounds.y + 13.0)} font-size="13" fill="#1d1f24">{ l.text.clone() }</text>
        });
    }
    texts
}

/// A number for an SVG attribute.
fn fmt(x: f64) -> AttrValue {
    crate::domain::model::value::format_fixed(x, 1).into()
}

/// A chart's `svg` element with a white ground.
pub(crate) fn chart_svg(width: f64, height: f64, children: Vec<Html>) -> Html {
    let view = format!("0 0 {} {}", fmt(width), fmt(height));
    html! {
        <svg xmlns="http://www.w3.org/2000/svg" viewBox={view} preserveAspectRatio="xMinYMin meet"
            width={fmt(width)} height={fmt(height)} font-family="system-ui, sans-serif">
            <rect width={fmt(width)} height={fmt(height)} fill="#ffffff" />
            { for children }
        </svg>
    }
}

/// The matrix's frame (quadrants, axes, labels) around `markers`.
fn matrix_svg(lang: Lang, chart: &Layout, markers: Vec<Html>) -> Html {
    let t = &lang.texts().tradeoffs;
    let plot = chart.plot;
    let (mid_x, mid_y) = (plot.x + plot.w / 2.0, plot.y + plot.h / 2.0);
    let (left, right) = (plot.x + 6.0, plot.x + plot.w - 6.0);
    let (top, bottom) = (plot.y + 16.0, plot.y + plot.h - 8.0);
    let quadrants = [
        (plot.x, plot.y, "#e7f5ec", "start", left, top),
        (mid_x, plot.y, "#eef2fb", "end", right, top),
        (plot.x, mid_y, "#f4f4f1", "start", left, bottom),
        (mid_x, mid_y, "#fbeeee", "end", right, bottom),
    ];
    let mut children = Vec::new();
    for ((x, y, fill, anchor, tx, ty), name) in quadrants.into_iter().zip(t.quadrants) {
        children.push(html! {
            <rect x={fmt(x)} y={fmt(y)} width={fmt(plot.w / 2.0)} height={fmt(plot.h / 2.0)} {fill} />
        });
        children.push(html! {
            <text x={fmt(tx)} y={fmt(ty)} text-anchor={anchor} font-size="14" font-weight="700" fill="#4b5160">{ name }</text>
        });
    }
    let line = |x1: f64, y1: f64, x2: f64, y2: f64| {
        html! {
            <line x1={fmt(x1)} y1={fmt(y1)} x2={fmt(x2)} y2={fmt(y2)} stroke="#9aa0ab" stroke-dasharray="4 3" />
        }
    };
    children.push(line(mid_x, plot.y, mid_x, plot.y + plot.h));
    children.push(line(plot.x, mid_y, plot.x + plot.w, mid_y));
    children.push(html! {
        <text x={fmt(plot.x + plot.w)} y={fmt(chart.height - 14.0)} text-anchor="end" font-size="14">{ t.effort_axis }</text>
    });
    let turned = format!("translate(16 {}) rotate(-90)", fmt(plot.y));
    children.push(html! {
        <text transform={turned} text-anchor="end" font-size="14">{ t.value_axis }</text>
    });
    children.extend(markers);
    chart_svg(chart.width, chart.height, children)
}

/// A chart in a figure with its download buttons.
pub(crate) fn svg_frame(
    lang: Lang,
    id: &'static str,
    caption: &'static str,
    file: &str,
    svg: Html,
) -> Html {
    let t = &lang.texts().tradeoffs;
    let name = |extension: &str| export_file_name(file, &today(), extension);
    let svg_file = name("svg");
    let png_file = name("png");
    let on_svg = Callback::from(move |_: MouseEvent| {
        download_svg(id, &svg_file);
    });
    let on_png = Callback::from(move |_: MouseEvent| {
        download_svg_as_png(id, &png_file);
    });
    html! {
        <figure class="chart">
            <div class="chart-scroll" id={id} role="group" aria-label={caption} tabindex="0">{ svg }</div>
            <figcaption class="chart-downloads">
                <button type="button" onclick={on_svg}>{ t.download_svg }</button>
                <button type="button" onclick={on_png}>{ t.download_png }</button>
            </figcaption>
        </figure>
    }
}

/// Which criteria count as value and effort, and the marker size.
fn roles_settings(props: &TradeOffsProps) -> Html {
    let lang = props.lang;
    let t = &lang.texts().tradeoffs;
    let scenario = &props.scenario;
    if !props.editable {
        return Html::default();
    }
    let rows = scenario.criteria.iter().map(|c| {
        let role = scenario.chart.role(c);
        let (id, on_edit) = (c.id, props.on_edit.clone());
        let onchange = Callback::from(move |e: Event| {
            let index = e
                .target_dyn_into::<HtmlSelectElement>()
                .map_or(0, |s| s.selected_index().max(0) as usize);
            let role = Role::ALL.get(index).copied().unwrap_or(Role::Neither);
            on_edit.emit(ScenarioEdit::SetRole(id, role));
        });
        let field = format!("role-{id}");
        html! {
            <div class="role-field" key={id.to_string()}>
                <label for={field.clone()}>{ &c.name }</label>
                <select id={field} {onchange}>
                    { for Role::ALL.iter().zip(t.roles).map(|(r, name)| html! { <option selected={*r == role}>{ name }</option> }) }
                </select>
            </div>
        }
    });
    let bubble = scenario.chart.bubble;
    let on_bubble = {
        let (on_edit, ids) = (
            props.on_edit.clone(),
            scenario.criteria.iter().map(|c| c.id).collect::<Vec<_>>(),
        );
        Callback::from(move |e: Event| {
            let index = e
                .target_dyn_into::<HtmlSelectElement>()
                .map_or(0, |s| s.selected_index().max(0) as usize);
            let chosen = index.checked_sub(1).and_then(|i| ids.get(i).copied());
            on_edit.emit(ScenarioEdit::SetBubble(chosen));
        })
    };
    html! {
        <details class="matrix-settings">
            <summary>{ t.roles_heading }</summary>
            <div class="role-fields">{ for rows }</div>
            <div class="role-field">
                <label for="matrix-bubble">{ t.bubble }</label>
                <select id="matrix-bubble" onchange={on_bubble}>
                    <option selected={bubble.is_none()}>{ t.no_bubble }</option>
                    { for scenario.criteria.iter().map(|c| html! { <option selected={bubble == Some(c.id)}>{ &c.name }</option> }) }
                </select>
            </div>
        </details>
    }
}

/// The lenses side by side: those picked, else the working weights and the
/// first saved lenses, else each segment alone.
fn chosen_lenses(scenario: &Scenario, picked: &Option<Vec<LensRef>>) -> Vec<LensRef> {
    let lenses = all_lenses(scenario);
    match picked {
        Some(p) => p.iter().copied().filter(|l| lenses.contains(l)).collect(),
        None => {
            let saved: Vec<LensRef> = lenses
                .iter()
                .copied()
                .filter(|l| matches!(l, LensRef::Saved(_)))
                .take(MAX_SIDE_BY_SIDE - 1)
                .collect();
            let rest: Vec<LensRef> = if saved.is_empty() {
                lenses
                    .iter()
                    .copied()
                    .filter(|l| matches!(l, LensRef::Segment(_)))
                    .collect()
            } else {
                saved
            };
            std::iter::once(LensRef::Current).chain(rest).collect()
        }
    }
}

/// What the rankings under the chosen lenses say together.
type SideBySide = (Vec<Ranking>, Agreement, Bump);

/// The lenses, adding one, and the chosen ones side by side.
fn lenses_view(
    props: &TradeOffsProps,
    picked: &UseStateHandle<Option<Vec<LensRef>>>,
    new_name: &UseStateHandle<String>,
    table_open: &UseStateHandle<bool>,
    chosen: &[LensRef],
    side: Option<&SideBySide>,
) -> Html {
    let lang = props.lang;
    let t = &lang.texts().tradeoffs;
    let scenario = &props.scenario;
    let lenses = all_lenses(scenario);
    let list = lenses.iter().map(|&lens| {
        let on = chosen.contains(&lens);
        let toggle = {
            let (picked, chosen) = (picked.clone(), chosen.to_vec());
            Callback::from(move |_: Event| {
                let mut next = chosen.clone();
                if on {
                    next.retain(|l| *l != lens);
                } else if next.len() < MAX_SIDE_BY_SIDE {
                    next.push(lens);
                }
                picked.set(Some(next));
            })
        };
        let key = lens.key();
        let name = lens_name(lang, scenario, lens);
        let check_id = format!("lens-pick-{key}");
        let use_it = (props.editable && lens != LensRef::Current).then(|| {
            let on_edit = props.on_edit.clone();
            html! { <button type="button" aria-label={format!("{}: {name}", t.use_lens)}
                onclick={Callback::from(move |_: MouseEvent| on_edit.emit(ScenarioEdit::UseLens(lens)))}>{ t.use_lens }</button> }
        });
        let saved = match lens {
            LensRef::Saved(id) if props.editable => {
                let (rename, remove) = (props.on_edit.clone(), props.on_edit.clone());
                let oninput = Callback::from(move |e: InputEvent| {
                    if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
                        rename.emit(ScenarioEdit::RenameLens(id, input.value()));
                    }
                });
                Some(html! {<>
                    <input type="text" class="lens-name" aria-label={t.lens_name} value={name.clone()} {oninput} />
                    <button type="button" class="remove" aria-label={format!("{}: {name}", t.delete_lens)}
                        onclick={Callback::from(move |_: MouseEvent| remove.emit(ScenarioEdit::RemoveLens(id)))}>{ t.delete_lens }</button>
                </>})
            }
            _ => None,
        };
        let full = !on && chosen.len() >= MAX_SIDE_BY_SIDE;
        html! {
            <li key={key.clone()} class="lens">
                <input type="checkbox" id={check_id.clone()} checked={on} disabled={full} onchange={toggle} />
                <label for={check_id}>{ if saved.is_some() { t.compare.to_owned() } else { name.clone() } }</label>
                { saved.unwrap_or_default() }
                { use_it.unwrap_or_default() }
            </li>
        }
    });
    let add = props.editable.then(|| {
        let n = scenario.lenses.len() + 1;
        let fallback = t.default_lens_name.replace("{n}", &n.to_string());
        let oninput = {
            let new_name = new_name.clone();
            Callback::from(move |e: InputEvent| {
                if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
                    new_name.set(input.value());
                }
            })
        };
        let onsubmit = {
            let (on_edit, new_name) = (props.on_edit.clone(), new_name.clone());
            Callback::from(move |e: SubmitEvent| {
                e.prevent_default();
                let name = if new_name.trim().is_empty() {
                    fallback.clone()
                } else {
                    new_name.trim().to_owned()
                };
                on_edit.emit(ScenarioEdit::AddLens(name));
                new_name.set(String::new());
            })
        };
        html! {
            <form class="lens-add" {onsubmit}>
                <label for="lens-new">{ t.lens_name }</label>
                <input type="text" id="lens-new" value={(**new_name).clone()} placeholder={t.default_lens_name.replace("{n}", &n.to_string())} {oninput} />
                <button type="submit" disabled={scenario.lenses.len() >= crate::domain::model::settings::MAX_LENSES}>{ t.save_lens }</button>
            </form>
        }
    });
    // A ratio score with nothing added has no weight a saved lens could change.
    let weightless = props.ranking.ratio.as_ref().is_some_and(|p| !p.has_add);
    html! {<>
        <h3>{ t.lenses_heading }</h3>
        if weightless {
            <p class="hint">{ t.lenses_no_weights }</p>
        }
        <ul class="lens-list">{ for list }</ul>
        { add.filter(|_| !weightless).unwrap_or_default() }
        if let Some(side) = side {
            { side_by_side(lang, scenario, chosen, side, table_open) }
        } else {
            <p>{ t.pick }</p>
        }
    </>}
}

/// The verdict, the bump chart and its table.
fn side_by_side(
    lang: Lang,
    scenario: &Scenario,
    lenses: &[LensRef],
    side: &SideBySide,
    table_open: &UseStateHandle<bool>,
) -> Html {
    let t = &lang.texts().tradeoffs;
    let (rankings, summary, chart) = side;
    let names: Vec<String> = lenses
        .iter()
        .map(|&l| lens_name(lang, scenario, l))
        .collect();
    let title = |i: usize| lang.option_title_at(scenario, i);
    let titles = |items: &[usize]| {
        items
            .iter()
            .map(|&i| title(i))
            .collect::<Vec<_>>()
            .join(" = ")
    };
    let verdict = match summary.disagree {
        None => t.same_first.replace(
            "{option}",
            &titles(summary.firsts.first().map_or(&[][..], |f| f)),
        ),
        Some((a, b)) => t
            .disagree
            .replace("{a}", &names[a])
            .replace("{b}", &names[b])
            .replace("{x}", &titles(&summary.firsts[a]))
            .replace("{y}", &titles(&summary.firsts[b])),
    };
    let overlap = if summary.top3_everywhere.is_empty() {
        t.top3_none.to_owned()
    } else {
        let list: Vec<String> = summary
            .top3_everywhere
            .iter()
            .map(|&i| format!("“{}”", title(i)))
            .collect();
        t.top3_all.replace("{options}", &list.join(", "))
    };
    let rows = rankings.first().map_or(&[][..], |r| &r.rows[..]).iter().map(|row| {
        let cells = rankings.iter().map(|r| {
            let place = r.row_for(row.index);
            html! { <td>{ place.map(|p| format!("{} ({})", p.rank, lang.score(p.score))).unwrap_or_default() }</td> }
        });
        html! { <tr key={row.id.to_string()}><th scope="row">{ title(row.index) }</th>{ for cells }</tr> }
    });
    let file = format!("{} lenses", scenario.name);
    html! {
        <div class="side-by-side">
            <p class="lens-verdict"><strong>{ verdict }</strong></p>
            <p>{ overlap }</p>
            { svg_frame(lang, "bump-chart", t.tabs[1], &file, bump_svg(lang, chart, &names, &title)) }
            <p class="muted">{ t.moves }</p>
            if chart.folded > 0 {
                <p class="muted">{ t.folded.replace("{count}", &chart.folded.to_string()) }</p>
            }
            { chart_table(t.rank_table, table_open, html! {<><th scope="col">{ t.columns[1] }</th>{ for names.iter().map(|n| html! { <th scope="col">{ n }</th> }) }</>}, rows) }
        </div>
    }
}

/// The slope or bump chart.
fn bump_svg(lang: Lang, chart: &Bump, names: &[String], title: &dyn Fn(usize) -> String) -> Html {
    let short = |text: &str| crate::domain::analyses::matrix::label_text(text);
    let mut children: Vec<Html> = chart
        .columns
        .iter()
        .zip(names)
        .enumerate()
        .map(|(k, (&x, name))| {
            // Neighbouring headers take turns on two lines, so long names never meet.
            let y = if k % 2 == 0 { "16" } else { "34" };
            html! {
                <text x={fmt(x)} {y} text-anchor="middle" font-size="14" font-weight="700">{ short(name) }</text>
            }
        })
        .collect();
    for line in &chart.lines {
        let path: Vec<String> = line
            .points
            .iter()
            .map(|p| format!("{},{}", fmt(p.x), fmt(p.y)))
            .collect();
        let (stroke, width) = if line.moved {
            ("#c2410c", "3")
        } else {
            ("#9aa0ab", "1.5")
        };
        let mut shapes = vec![html! {
            <polyline points={path.join(" ")} fill="none" {stroke} stroke-width={width} />
        }];
        for p in &line.points {
            let (fill, ink) = if p.folded {
                ("#ffffff", "#1d1f24")
            } else {
                (stroke, "#ffffff")
            };
            shapes.push(html! {
                <circle cx={fmt(p.x)} cy={fmt(p.y)} r="9" {fill} {stroke} />
            });
            shapes.push(html! {
                <text x={fmt(p.x)} y={fmt(p.y + 4.0)} text-anchor="middle" font-size="11" fill={ink}>{ p.rank }</text>
            });
        }
        let name = short(&title(line.index));
        let ends = [
            (line.points.first(), -14.0, "end"),
            (line.points.last(), 14.0, "start"),
        ];
        for (k, (point, dx, anchor)) in ends.into_iter().enumerate() {
            if let Some(p) = point {
                let score = lang.score(p.score);
                let text = if k == 0 {
                    format!("{name} {score}")
                } else {
                    format!("{score} {name}")
                };
                shapes.push(html! {
                    <text x={fmt(p.x + dx)} y={fmt(p.y + 4.0)} text-anchor={anchor} font-size="13">{ text }</text>
                });
            }
        }
        let class = if line.moved {
            "bump-line moved"
        } else {
            "bump-line"
        };
        children.push(html! { <g key={line.index} {class}>{ for shapes }</g> });
    }
    chart_svg(chart.width, chart.height, children)
}
