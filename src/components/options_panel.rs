//! The options table: title, description, a value per criterion, fit per segment.

use crate::components::common::ValueColumn;
use crate::components::fields::{text_field, TextFieldProps};
use crate::components::number_field::NumberField;
use crate::components::Same;
use crate::domain::analyses::browse::{Browse, SortBy};
use crate::domain::formats::sheet_import::{PasteAt, Target};
use crate::domain::model::criterion::Level;
use crate::domain::model::ids::{CriterionId, OptionId};
use crate::domain::model::scenario::{key_label, ScenarioEdit, ScenarioOption, MAX_OPTIONS};
use crate::domain::model::segment::{Segment, FIT_MAX};
use crate::domain::model::value::NumberRule;
use crate::domain::scoring::Ranking;
use crate::hooks::{use_stable, ADD_OPTION_ID};
use crate::i18n::Lang;
use crate::services::focus::focus_and_select;
use crate::state::SheetAction;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Props of [`OptionsPanel`].
#[derive(Properties, PartialEq, Clone)]
pub struct OptionsPanelProps {
    /// UI language.
    pub lang: Lang,
    /// The options, in entry order.
    pub options: Same<Vec<Rc<ScenarioOption>>>,
    /// Value columns.
    pub columns: Same<Vec<ValueColumn>>,
    /// Whether fit columns are shown.
    pub has_fit: bool,
    /// The latest ranking, for the sort by score. Read when the list is
    /// arranged, never a reason to redraw the table: a weight change does not
    /// touch the editor (a sorted list waits for "Sort again" anyway).
    pub ranking: Same<RefCell<Same<Ranking>>>,
    /// Whether the values are only shown: the table's scrolling and the
    /// choice of columns still work.
    #[prop_or_default]
    pub read_only: bool,
    /// Sends actions.
    pub on_edit: Callback<ScenarioEdit>,
    /// Sends a block pasted into the table.
    #[prop_or_default]
    pub on_sheet: Callback<SheetAction>,
}

/// How many value fields the table renders at first, and adds per "show
/// more": a scenario of thousands of options (from a link or a file) opens at
/// once, while a workshop's few dozen options are all there.
const CELLS_PER_PAGE: usize = 1_000;

/// Rows per page for `columns` value fields a row: at least 20.
fn rows_per_page(columns: usize) -> usize {
    (CELLS_PER_PAGE / columns.max(1)).max(20)
}

/// Which criteria the table shows: all, or one at a time (the way a
/// workshop fills in Impact, then Cost, without anchoring on the other columns).
#[derive(Clone, Copy, PartialEq)]
enum Showing {
    All,
    Value(CriterionId),
    Fit,
}

impl Showing {
    fn key(self) -> String {
        match self {
            Showing::All => "all".into(),
            Showing::Value(id) => id.to_string(),
            Showing::Fit => "fit".into(),
        }
    }
}

/// Whether the element scrolls sideways and is not at its right end.
fn more_to_the_right(element: &web_sys::Element) -> bool {
    element.scroll_left() + element.client_width() + 1 < element.scroll_width()
}

/// See the module docs.
#[function_component(OptionsPanel)]
pub fn options_panel(props: &OptionsPanelProps) -> Html {
    let lang = props.lang;
    let t = lang.texts();
    let showing = use_state(|| Showing::All);
    // A criterion shown alone that was removed: show them all again.
    let now = match *showing {
        Showing::Value(id) if !props.columns.iter().any(|c| c.id == id) => Showing::All,
        Showing::Fit if !props.has_fit => Showing::All,
        other => other,
    };
    let shown_columns: Vec<ValueColumn> = match now {
        Showing::All => props.columns.0.as_ref().clone(),
        Showing::Value(id) => props
            .columns
            .iter()
            .filter(|c| c.id == id)
            .cloned()
            .collect(),
        Showing::Fit => Vec::new(),
    };
    // The same columns as before stay the same value: rows skip re-rendering.
    let columns = use_stable(&shown_columns);
    let has_fit = props.has_fit && matches!(now, Showing::All | Showing::Fit);
    let scroller = use_node_ref();
    let (more_right, on_scroll) = use_more_right(&scroller);
    let mut choices = vec![Showing::All];
    choices.extend(props.columns.iter().map(|c| Showing::Value(c.id)));
    if props.has_fit {
        choices.push(Showing::Fit);
    }
    let fields_per_row = columns.len() + if has_fit { Segment::ALL.len() } else { 0 };
    let page = rows_per_page(fields_per_row);
    let shown_rows = use_state(|| page);
    // Set by "Add option" so the new row's title gets the focus once rendered.
    let focus_new = use_focus_newest(props.options.last().map(|o| o.id));
    // Set by "Add option": the newest option is shown below the rows of the
    // page, however many came before it, without drawing all of them.
    let show_newest = use_state(|| false);
    // Set by "Add option" at the cap: the page says so at once.
    let at_cap = use_state(|| false);
    let add_option = use_add_option(
        props.on_edit.clone(),
        (props.options.len(), lang),
        &focus_new,
        &show_newest,
        &at_cap,
    );
    let browse = use_state(Browse::default);
    // A sorted or filtered list keeps its order while options are edited (a
    // row never jumps away from the field being typed in): it is arranged
    // again when the sort or the filter changes, an option comes or goes, or
    // the user asks. Entry order, unfiltered, is always live.
    let resorted = use_state(|| 0u32);
    let (order, stale) = use_arranged(&browse, &props.options, &props.ranking, *resorted);
    let add = {
        let browse = browse.clone();
        add_option.reform(move |_: MouseEvent| {
            // A new option is always shown: the filter goes.
            if !browse.filter.is_empty() {
                browse.set(Browse {
                    filter: String::new(),
                    ..(*browse).clone()
                });
            }
        })
    };
    let total = order.len();
    let shown = (*shown_rows).min(total);
    let mut rows: Vec<usize> = order.iter().take(shown).copied().collect();
    let newest = props.options.len().checked_sub(1);
    if let Some(newest) = newest.filter(|n| *show_newest && shown < total && !rows.contains(n)) {
        rows.push(newest);
    }
    let cap_note = (*at_cap && props.options.len() >= MAX_OPTIONS).then(|| {
        t.options
            .at_cap
            .replace("{max}", &lang.number(MAX_OPTIONS as f64, 0))
    });
    let show_more = {
        let shown_rows = shown_rows.clone();
        Callback::from(move |_: MouseEvent| shown_rows.set(shown + page))
    };
    let on_paste = (!props.read_only).then(|| {
        let ids: Vec<OptionId> = order.iter().map(|&i| props.options[i].id).collect();
        paste_handler(ids, &columns, has_fit, props.on_sheet.clone())
    });
    let fit_columns = if has_fit { Segment::ALL.len() } else { 0 };
    let grid = format!(
        "--option-columns: {}",
        option_columns(columns.len(), fit_columns)
    );
    html! {
        // Focusable by a click (not by Tab), so that a block pasted onto the
        // panel, an empty one too, lands as new options.
        <section class="panel options-panel" aria-labelledby="options-heading" tabindex={on_paste.is_some().then_some("-1")} onpaste={on_paste}>
            <div class="panel-head">
                <h2 id="options-heading">{ t.options.options }</h2>
                if choices.len() > 2 {
                    { showing_select(lang, &props.columns, &choices, now, &showing) }
                }
            </div>
            if props.options.is_empty() {
                <p class="empty">{ t.options.no_options_yet }</p>
            } else {
                { browse_bar(lang, &browse, &props.columns, &resorted, stale, (total, props.options.len())) }
                if !props.read_only {
                    <p class="hint">{ t.robust.range_hint }</p>
                }
                if more_right {
                    <p class="more-right" aria-hidden="true">{ t.room.more_right }</p>
                }
                // Focusable: read-only, its fields are not, and the keyboard must still scroll it.
                <div class="table-scroll" ref={scroller} onscroll={on_scroll} tabindex="0">
                    <fieldset class="table-fields" disabled={props.read_only}>
                    <div class="options-table" role="table" aria-labelledby="options-heading" style={grid}>
                        { table_head(lang, &columns, has_fit) }
                        <div role="rowgroup">
                            { for rows.iter().map(|&i| &props.options[i]).map(|option| html! {
                                <OptionRow
                                    key={option.id.to_string()}
                                    {lang}
                                    option={option.clone()}
                                    columns={columns.clone()}
                                    {has_fit}
                                    on_edit={props.on_edit.clone()}
                                    add_option={add_option.clone()}
                                />
                            }) }
                        </div>
                    </div>
                    </fieldset>
                </div>
                if shown < total {
                    { more_rows(lang, shown, total, page, show_more) }
                }
            }
            if !props.read_only {
                <button type="button" class="add" id={ADD_OPTION_ID} onclick={add}
                    aria-describedby={cap_note.is_some().then_some("options-cap")}>{ format!("+ {}", t.options.add_option) }</button>
                if let Some(note) = cap_note {
                    <p class="field-error" id="options-cap" role="status">{ note }</p>
                }
            }
        </section>
    }
}

/// A block of cells pasted into a field of the table (tab-separated or
/// several lines; a single value goes into the field as typed): it lands
/// from the focused row and column on, rows as the table shows them (`ids`),
/// columns as shown: title, each value column, each segment's fit.
fn paste_handler(
    ids: Vec<OptionId>,
    columns: &[ValueColumn],
    has_fit: bool,
    on_sheet: Callback<SheetAction>,
) -> Callback<Event> {
    // Each column as the fields' ids end ("title", "c2", "fit-smb").
    let mut order: Vec<(String, Target)> = vec![("title".into(), Target::Title)];
    order.extend(
        columns
            .iter()
            .map(|c| (c.id.to_string(), Target::Criterion(c.id))),
    );
    if has_fit {
        order.extend(Segment::ALL.map(|s| (format!("fit-{}", s.key()), Target::Fit(s))));
    }
    Callback::from(move |event: Event| {
        let Some(event) = event.dyn_ref::<web_sys::ClipboardEvent>() else {
            return;
        };
        let text = event
            .clipboard_data()
            .and_then(|data| data.get_data("text/plain").ok())
            .unwrap_or_default();
        if !text.trim_end_matches(['\r', '\n']).contains(['\t', '\n']) {
            return;
        }
        let Some(target) = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        let field = target.id();
        // Onto the panel itself (not into a field of its own, such as the
        // filter): new options, from the title on.
        let (row, column) = match field.strip_prefix("opt-").and_then(|f| f.split_once('-')) {
            Some((option, column)) => match ids.iter().position(|id| id.to_string() == option) {
                Some(row) => (row, column),
                None => return,
            },
            None if !matches!(target.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT") => {
                (ids.len(), "title")
            }
            None => return,
        };
        // The description sits under the title: a block pasted there fills
        // descriptions, then the value columns.
        let columns: Vec<Target> = if column == "description" {
            std::iter::once(Target::Description)
                .chain(order.iter().skip(1).map(|c| c.1))
                .collect()
        } else {
            let Some(from) = order.iter().position(|c| c.0 == column) else {
                return;
            };
            order[from..].iter().map(|c| c.1).collect()
        };
        event.prevent_default();
        let at = PasteAt {
            rows: ids[row..].to_vec(),
            columns,
        };
        on_sheet.emit(SheetAction::Paste(text.into(), Rc::new(at)));
    })
}

/// The rows in the order the sort and filter give them (entry indices), and
/// whether that order is stale: arranged again only when the sort or filter
/// changes, an option comes or goes, or the user asks (`resorted`).
#[hook]
fn use_arranged(
    browse: &Browse,
    options: &Same<Vec<Rc<ScenarioOption>>>,
    ranking: &Same<RefCell<Same<Ranking>>>,
    resorted: u32,
) -> (Vec<usize>, bool) {
    let ids: Vec<OptionId> = options.iter().map(|o| o.id).collect();
    // Kept as entry indices: they stay right while the same options are there.
    let arranged = {
        let (options, ranking) = (options.clone(), ranking.clone());
        use_memo((browse.clone(), ids, resorted), move |(browse, _, _)| {
            (!browse.is_plain()).then(|| browse.arrange(&options, &ranking.borrow()))
        })
    };
    let order: Vec<usize> = match &*arranged {
        None => (0..options.len()).collect(),
        Some(order) => order.clone(),
    };
    let stale = arranged.is_some()
        && browse
            .arrange(options, &ranking.borrow())
            .iter()
            .ne(order.iter());
    (order, stale)
}

/// "Add option": a new option titled by its number (refused at the cap,
/// which the page then says), shown below the page and its title focused.
#[hook]
fn use_add_option(
    on_edit: Callback<ScenarioEdit>,
    deps: (usize, Lang),
    focus_new: &UseStateHandle<bool>,
    show_newest: &UseStateHandle<bool>,
    at_cap: &UseStateHandle<bool>,
) -> Callback<()> {
    let focus_new = focus_new.clone();
    let (show_newest, at_cap) = (show_newest.clone(), at_cap.clone());
    // One callback per option count, so the rows (which get it for Enter) stay memoised.
    use_callback(deps, move |_: (), (count, lang)| {
        if *count >= MAX_OPTIONS {
            at_cap.set(true);
            return;
        }
        if !*show_newest {
            show_newest.set(true);
        }
        let title = lang
            .texts()
            .options
            .new_option
            .replace("{n}", &(count + 1).to_string());
        on_edit.emit(ScenarioEdit::AddOption { title });
        focus_new.set(true);
    })
}

/// How many rows are shown, and a button for the next page of them.
fn more_rows(
    lang: Lang,
    shown: usize,
    total: usize,
    page: usize,
    show_more: Callback<MouseEvent>,
) -> Html {
    let t = &lang.texts().options;
    let count = |n: usize| lang.number(n as f64, 0);
    html! {
        <p class="more-rows">
            <span>{ t.rows_shown.replace("{shown}", &count(shown)).replace("{total}", &count(total)) }</span>
            <button type="button" onclick={show_more}>{ t.show_more_rows.replace("{n}", &count(page.min(total - shown))) }</button>
        </p>
    }
}

/// Whether the table runs on to the right, said after every render (new
/// columns, new rows, a resized page) and at every scroll.
#[hook]
fn use_more_right(scroller: &NodeRef) -> (bool, Callback<Event>) {
    let more_right = use_state(|| false);
    {
        let (scroller, more_right) = (scroller.clone(), more_right.clone());
        use_effect(move || {
            if let Some(element) = scroller.cast::<web_sys::Element>() {
                let more = more_to_the_right(&element);
                if more != *more_right {
                    more_right.set(more);
                }
            }
        });
    }
    let on_scroll = {
        let more_right = more_right.clone();
        Callback::from(move |event: Event| {
            if let Some(element) = event.target_dyn_into::<web_sys::Element>() {
                more_right.set(more_to_the_right(&element));
            }
        })
    };
    (*more_right, on_scroll)
}

/// Set by "Add option": the newest option's title (`last`) gets the focus
/// once it is rendered.
#[hook]
fn use_focus_newest(last: Option<OptionId>) -> UseStateHandle<bool> {
    let focus_new = use_state(|| false);
    {
        let focus_new = focus_new.clone();
        use_effect_with((*focus_new, last), move |(wanted, last)| {
            if *wanted {
                if let Some(id) = last {
                    focus_and_select(&format!("opt-{id}-title"));
                }
                focus_new.set(false);
            }
        });
    }
    focus_new
}

/// Which criteria the table shows: all, one alone, or the segment fit.
fn showing_select(
    lang: Lang,
    columns: &[ValueColumn],
    choices: &[Showing],
    now: Showing,
    showing: &UseStateHandle<Showing>,
) -> Html {
    let t = lang.texts();
    let choose = {
        let (showing, choices) = (showing.clone(), choices.to_vec());
        Callback::from(move |event: Event| {
            if let Some(select) = event.target_dyn_into::<web_sys::HtmlSelectElement>() {
                let value = select.value();
                if let Some(choice) = choices.iter().find(|c| c.key() == value) {
                    showing.set(*choice);
                }
            }
        })
    };
    let choice_name = |choice: Showing| match choice {
        Showing::All => t.room.all_criteria.to_owned(),
        Showing::Value(id) => columns
            .iter()
            .find(|c| c.id == id)
            .map(|c| c.name.clone())
            .unwrap_or_default(),
        Showing::Fit => t.criteria.kind_segment_fit.to_owned(),
    };
    html! {
        <div class="showing">
            <label for="showing-criteria">{ t.room.show_criteria }</label>
            <select id="showing-criteria" onchange={choose}>
                { for choices.iter().map(|&choice| html! {
                    <option key={choice.key()} value={choice.key()} selected={choice == now}>{ choice_name(choice) }</option>
                }) }
            </select>
        </div>
    }
}

/// The table's head: title, each value column with its unit, the fit per
/// segment, and the remove column.
fn table_head(lang: Lang, columns: &[ValueColumn], has_fit: bool) -> Html {
    let t = lang.texts();
    let header_values = columns.iter().map(|column| {
        html! {
            <div role="columnheader" key={column.id.to_string()}>
                { column.name.clone() }
                <span class="unit">{ column.hint.clone() }</span>
            </div>
        }
    });
    let header_fit = has_fit.then(|| {
        Segment::ALL
            .iter()
            .map(|&s| html! { <div role="columnheader" key={s.key()}>{ lang.segment_name(s, false) }<span class="unit">{ t.options.fit_scale }</span></div> })
            .collect::<Html>()
    });
    html! {
        <div class="option-row head" role="row">
            <div role="columnheader">{ t.options.option_title }</div>
            { for header_values }
            { header_fit.unwrap_or_default() }
            <div role="columnheader"><span class="visually-hidden">{ t.options.remove_option }</span></div>
        </div>
    }
}

/// The filter field, the sort (each in both directions), and what they leave shown.
fn browse_bar(
    lang: Lang,
    browse: &UseStateHandle<Browse>,
    columns: &[ValueColumn],
    resorted: &UseStateHandle<u32>,
    stale: bool,
    (matching, total): (usize, usize),
) -> Html {
    let t = &lang.texts().options;
    let mut sorts = vec![SortBy::Entry, SortBy::Title, SortBy::Score];
    sorts.extend(columns.iter().map(|c| SortBy::Value(c.id)));
    let choices: Vec<(SortBy, bool)> = sorts
        .iter()
        .flat_map(|&by| [(by, false), (by, true)])
        .collect();
    let choice_name = |(by, reverse): (SortBy, bool)| {
        let (name, way) = match by {
            SortBy::Entry => (t.sorts[0], t.ways[0]),
            SortBy::Title => (t.sorts[1], t.ways[1]),
            SortBy::Score => (t.sorts[2], t.ways[2]),
            SortBy::Value(id) => (
                columns
                    .iter()
                    .find(|c| c.id == id)
                    .map_or("", |c| c.name.as_str()),
                t.ways[3],
            ),
        };
        let way = way.split('|').nth(usize::from(reverse)).unwrap_or_default();
        format!("{name} {way}")
    };
    let on_filter = {
        let browse = browse.clone();
        Callback::from(move |event: InputEvent| {
            if let Some(field) = event.target_dyn_into::<web_sys::HtmlInputElement>() {
                browse.set(Browse {
                    filter: field.value(),
                    ..(*browse).clone()
                });
            }
        })
    };
    let on_sort = {
        let (browse, choices) = (browse.clone(), choices.clone());
        Callback::from(move |event: Event| {
            if let Some(select) = event.target_dyn_into::<web_sys::HtmlSelectElement>() {
                let (by, reverse) = choices
                    .get(select.selected_index().max(0) as usize)
                    .copied()
                    .unwrap_or((SortBy::Entry, false));
                browse.set(Browse {
                    by,
                    reverse,
                    ..(*browse).clone()
                });
            }
        })
    };
    let on_resort = {
        let resorted = resorted.clone();
        Callback::from(move |_: MouseEvent| resorted.set(*resorted + 1))
    };
    let now = (browse.by, browse.reverse);
    html! {
        <div class="browse">
            <div class="browse-fields">
                <label for="options-filter">{ t.filter }</label>
                <input id="options-filter" type="search" placeholder={t.filter_hint} value={browse.filter.clone()} oninput={on_filter} />
                <label for="options-sort">{ t.sort_by }</label>
                <select id="options-sort" onchange={on_sort}>
                    { for choices.iter().map(|&c| html! { <option selected={c == now}>{ choice_name(c) }</option> }) }
                </select>
                if stale {
                    <button type="button" onclick={on_resort}>{ t.sort_again }</button>
                }
            </div>
            <p class="browse-status" aria-live="polite">
                if !browse.filter.trim().is_empty() {
                    { if matching == 0 { t.none_matching.replace("{words}", browse.filter.trim()) } else {
                        t.matching.replace("{shown}", &lang.number(matching as f64, 0)).replace("{total}", &lang.number(total as f64, 0))
                    } }
                }
            </p>
        </div>
    }
}

#[derive(Properties, Clone)]
struct OptionRowProps {
    lang: Lang,
    option: Rc<ScenarioOption>,
    columns: Same<Vec<ValueColumn>>,
    has_fit: bool,
    on_edit: Callback<ScenarioEdit>,
    /// Enter in a title adds the next option (workshop speed).
    add_option: Callback<()>,
}

impl PartialEq for OptionRowProps {
    fn eq(&self, other: &Self) -> bool {
        // An option untouched by an edit is the very same Rc: no need to compare it field by field.
        (Rc::ptr_eq(&self.option, &other.option) || self.option == other.option)
            && self.lang == other.lang
            && self.columns == other.columns
            && self.has_fit == other.has_fit
            && self.on_edit == other.on_edit
            && self.add_option == other.add_option
    }
}

#[function_component(OptionRow)]
fn option_row(props: &OptionRowProps) -> Html {
    let lang = props.lang;
    let t = lang.texts();
    let option = &props.option;
    let id: OptionId = option.id;
    let send = {
        let on_edit = props.on_edit.clone();
        move |edit: ScenarioEdit| on_edit.emit(edit)
    };
    let label_title = if option.title.trim().is_empty() {
        t.ranking.untitled_option.to_owned()
    } else {
        option.title.clone()
    };
    let rename = {
        let send = send.clone();
        Callback::from(move |text: String| send(ScenarioEdit::RenameOption(id, text)))
    };
    let describe = {
        let send = send.clone();
        Callback::from(move |text: String| send(ScenarioEdit::DescribeOption(id, text)))
    };
    let remove = {
        let send = send.clone();
        Callback::from(move |_: MouseEvent| send(ScenarioEdit::RemoveOption(id)))
    };
    let values = props.columns.iter().map(|column| {
        let criterion = column.id;
        let (set, estimate) = (send.clone(), send.clone());
        let on_change = Callback::from(move |value: Option<f64>| {
            set(ScenarioEdit::SetValue(id, criterion, value))
        });
        let on_estimate = Callback::from(move |(value, range)| {
            estimate(ScenarioEdit::SetEstimate(id, criterion, value, range))
        });
        let label = t
            .options
            .value_of
            .replace("{criterion}", &column.name)
            .replace("{option}", &label_title);
        if !column.levels.is_empty() {
            return html! {
                <div role="cell" key={criterion.to_string()}>
                    { level_menu(&format!("opt-{id}-{criterion}"), &label, &column.levels, option.values.get(&criterion).copied(), on_change) }
                </div>
            };
        }
        html! {
            <div role="cell" key={criterion.to_string()}>
                <NumberField
                    id={format!("opt-{id}-{criterion}")}
                    aria_label={label}
                    value={option.values.get(&criterion).copied()}
                    range={option.ranges.get(&criterion).copied()}
                    rule={column.rule}
                    {lang}
                    {on_change}
                    {on_estimate}
                />
            </div>
        }
    });
    let fits = props.has_fit.then(|| {
        Segment::ALL
            .iter()
            .map(|&segment| {
                let send = send.clone();
                let on_change = Callback::from(move |value: Option<f64>| {
                    send(ScenarioEdit::SetFit(id, segment, value))
                });
                let label = format!(
                    "{} – {}",
                    t.options
                        .fit_for
                        .replace("{segment}", lang.segment_name(segment, false)),
                    label_title
                );
                html! {
                    <div role="cell" key={segment.key()}>
                        <NumberField
                            id={format!("opt-{id}-fit-{}", segment.key())}
                            aria_label={label}
                            value={option.fit.get(segment)}
                            rule={NumberRule::Rating { min: 0.0, max: FIT_MAX }}
                            {lang}
                            {on_change}
                            class="fit"
                        />
                    </div>
                }
            })
            .collect::<Html>()
    });
    html! {
        <div class="option-row" role="row" data-option={id.to_string()}>
            <div role="rowheader" class="option-cell">
                { text_field(&TextFieldProps {
                    id: format!("opt-{id}-title").into(),
                    aria_label: Some(t.options.option_title.into()),
                    value: option.title.clone().into(),
                    on_input: rename,
                    on_enter: Some(props.add_option.clone()),
                    class: classes!("option-title"),
                    ..TextFieldProps::default()
                }) }
                { text_field(&TextFieldProps {
                    id: format!("opt-{id}-description").into(),
                    aria_label: Some(format!("{} – {}", t.options.description, label_title).into()),
                    placeholder: Some(t.options.description.into()),
                    value: option.description.clone().into(),
                    on_input: describe,
                    class: classes!("option-description"),
                    ..TextFieldProps::default()
                }) }
                if !option.key.is_empty() {
                    <span class="option-key" title={option.key.clone()}>{ key_label(&option.key) }</span>
                }
            </div>
            { for values }
            { fits.unwrap_or_default() }
            <div role="cell">
                <button type="button" class="ghost remove" aria-label={format!("{}: {}", t.options.remove_option, label_title)} title={t.options.remove_option} onclick={remove}>{ "✕" }</button>
            </div>
        </div>
    }
}

/// The options table's grid columns: the title, each value column, each
/// segment's fit and the row's actions. A kind with no column adds none
/// (`repeat(0, …)` is not CSS, and would collapse the whole grid).
fn option_columns(values: usize, fits: usize) -> String {
    let mut template = String::from("var(--title-col)");
    for (count, width) in [(values, "6rem"), (fits, "5.25rem")] {
        if count > 0 {
            template.push_str(&format!(" repeat({count}, {width})"));
        }
    }
    template.push_str(" 2.5rem");
    template
}

/// A levels cell: a menu of the labels (typing a label's first letters picks
/// it), empty for no value. A value that is no level (the levels changed
/// after it was entered) shows as its number, selected, until another is picked.
pub fn level_menu(
    id: &str,
    label: &str,
    levels: &[Level],
    value: Option<f64>,
    on_change: Callback<Option<f64>>,
) -> Html {
    let stray = value.filter(|v| !levels.iter().any(|l| l.value == *v));
    let choices: Vec<f64> = levels.iter().map(|l| l.value).chain(stray).collect();
    let onchange = Callback::from(move |event: Event| {
        let index = event
            .target_unchecked_into::<web_sys::HtmlSelectElement>()
            .selected_index();
        let value = usize::try_from(index - 1)
            .ok()
            .and_then(|i| choices.get(i))
            .copied();
        on_change.emit(value);
    });
    html! {
        <select id={id.to_owned()} class="level-menu" aria-label={label.to_owned()} {onchange}>
            <option selected={value.is_none()}>{ "–" }</option>
            { for levels.iter().map(|l| html! {
                <option selected={value == Some(l.value)}>{ l.label.clone() }</option>
            }) }
            if let Some(v) = stray {
                <option selected=true>{ crate::domain::model::value::format_number(v, 6, false) }</option>
            }
        </select>
    }
}

#[cfg(test)]
mod tests {
    use super::option_columns;

    #[test]
    fn every_mix_of_criteria_kinds_gives_a_valid_grid() {
        assert_eq!(
            option_columns(3, 3),
            "var(--title-col) repeat(3, 6rem) repeat(3, 5.25rem) 2.5rem"
        );
        assert_eq!(
            option_columns(3, 0),
            "var(--title-col) repeat(3, 6rem) 2.5rem"
        );
        assert_eq!(
            option_columns(0, 3),
            "var(--title-col) repeat(3, 5.25rem) 2.5rem"
        );
        assert_eq!(option_columns(0, 0), "var(--title-col) 2.5rem");
        for values in 0..4 {
            for fits in [0, 3] {
                assert!(!option_columns(values, fits).contains("repeat(0"));
            }
        }
    }
}
