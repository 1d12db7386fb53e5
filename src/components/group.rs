//! The facilitator's side of group scoring: start a round (ballot link and
//! QR code), hot seat, the reveal (paste return links, open files), the
//! heatmap of disagreement, the discussion queue, a cell's votes, and
//! settling the values (PRODUCT.md, "Group scoring").

use super::ballot_form::BallotForm;
use super::Same;
use crate::domain::group::ballot::{cell_label, Invitation, Outcome};
use crate::domain::group::tally::{accepted, tally, CellTally, Pick, Tally};
use crate::domain::model::ids::OptionId;
use crate::domain::model::rounds::{Cell, Round};
use crate::domain::model::scenario::{Scenario, ScenarioEdit, ScenarioOption};
use crate::domain::model::value::{format_fixed, NumberRule};
use crate::domain::scoring::rank;
use crate::hooks::use_settled;
use crate::i18n::GroupTexts;
use crate::i18n::Lang;
use crate::services::clipboard::copy_text;
use crate::services::files::read_text;
use crate::services::location::{is_local_file, link_with};
use crate::state::{HotSeat, RoundAction, RoundDesk, Said, QUEUE_SHOWN};
use qrcodegen::{QrCode, QrCodeEcc};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use web_sys::{FileList, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

/// Points at stake that colour a heatmap cell fully.
const FULL_HEAT: f64 = 20.0;

/// Props of [`GroupPanel`].
#[derive(Properties, PartialEq)]
pub struct GroupPanelProps {
    /// UI language.
    pub lang: Lang,
    /// The facilitator's scenario.
    pub scenario: Same<Scenario>,
    /// What the facilitator picked, pasted and opened.
    pub desk: Rc<RoundDesk>,
    /// Where what the facilitator does goes.
    pub dispatch: Callback<RoundAction>,
}

/// The QR code of `text` as one SVG path, or `None` when it does not fit.
fn qr_svg(text: &str, label: &str) -> Option<Html> {
    let qr = QrCode::encode_binary(text.as_bytes(), QrCodeEcc::Low).ok()?;
    let size = qr.size();
    let mut path = String::new();
    for y in 0..size {
        for x in 0..size {
            if qr.get_module(x, y) {
                path.push_str(&format!("M{x} {y}h1v1h-1z"));
            }
        }
    }
    let view = format!("-4 -4 {} {}", size + 8, size + 8);
    Some(html! {
        <svg class="qr" viewBox={view} role="img" aria-label={label.to_owned()} shape-rendering="crispEdges">
            <rect x="-4" y="-4" width="100%" height="100%" fill="#fff" />
            <path d={path} fill="#000" />
        </svg>
    })
}

/// Copies `link` and tells `done` whether the browser allowed it.
fn copy_then(link: String, done: Callback<bool>) -> Callback<MouseEvent> {
    Callback::from(move |_: MouseEvent| {
        let done = done.clone();
        copy_text(&link, move |ok| done.emit(ok));
    })
}

/// Whether copying worked, in words.
fn copied_words(lang: Lang, ok: bool) -> &'static str {
    let t = &lang.texts().group;
    if ok {
        t.copied
    } else {
        t.copy_failed
    }
}

/// Copies `link` and says in `copied` whether the browser allowed it.
pub fn copy_link(
    lang: Lang,
    link: String,
    copied: &UseStateHandle<String>,
) -> Callback<MouseEvent> {
    let copied = copied.clone();
    copy_then(
        link,
        Callback::from(move |ok| copied.set(copied_words(lang, ok).to_owned())),
    )
}

/// A random round id.
fn new_round_id() -> u32 {
    (js_sys::Math::random() * f64::from(u32::MAX)) as u32
}

/// What happened to each piece of a reveal, in words.
fn outcome_lines(lang: Lang, outcomes: &[Outcome]) -> Vec<String> {
    let t = &lang.texts().group;
    outcomes
        .iter()
        .enumerate()
        .map(|(i, o)| match o {
            Outcome::Added {
                participant,
                left_out,
                changed,
            } => {
                let (text, n) = match (left_out, changed) {
                    (0, 0) => (t.added, 0),
                    (0, n) => (t.changed, *n),
                    (n, _) => (t.left_out, *n),
                };
                text.replace("{name}", participant)
                    .replace("{n}", &n.to_string())
            }
            Outcome::Replaced(name) => t.replaced.replace("{name}", name),
            Outcome::Older(name) => t.older.replace("{name}", name),
            Outcome::Refused(error) => t
                .refused
                .replace("{i}", &(i + 1).to_string())
                .replace("{why}", &crate::i18n::clause(&lang.ballot_error(error))),
        })
        .collect()
}

/// The panel's inputs: the scenario, the desk and where actions go.
#[derive(Clone)]
struct Panel {
    lang: Lang,
    /// The segments' names for fit cells, made once per render.
    fit_names: Rc<[String; 3]>,
    scenario: Same<Scenario>,
    desk: Rc<RoundDesk>,
    dispatch: Callback<RoundAction>,
}

impl Panel {
    fn t(&self) -> &'static GroupTexts {
        &self.lang.texts().group
    }

    /// A person's name, or "Person n" while names are hidden.
    fn who(&self, ballot: usize) -> String {
        if self.desk.hide_names {
            self.t().person.replace("{n}", &(ballot + 1).to_string())
        } else {
            self.scenario
                .group
                .ballots
                .get(ballot)
                .map(|b| b.participant.clone())
                .unwrap_or_default()
        }
    }

    /// A cell in words: "SCIM provisioning: Metric impact".
    fn name_of(&self, cell: Cell) -> String {
        let names = self.fit_names.each_ref().map(String::as_str);
        cell_label(&self.scenario, cell, &names)
    }

    fn number(&self, value: f64) -> String {
        self.lang.number(value, 2)
    }

    /// The title of the option `id`.
    fn title(&self, id: OptionId) -> String {
        self.scenario
            .options
            .iter()
            .find(|o| o.id == id)
            .map(|o| o.title.clone())
            .unwrap_or_default()
    }

    /// A click that does `action`.
    fn on_click(&self, action: RoundAction) -> Callback<MouseEvent> {
        self.dispatch.reform(move |_| action.clone())
    }

    /// A change (of a checkbox or a menu) that does `action`.
    fn on_change(&self, action: RoundAction) -> Callback<Event> {
        self.dispatch.reform(move |_| action.clone())
    }
}

/// See the module docs.
#[function_component(GroupPanel)]
pub fn group_panel(props: &GroupPanelProps) -> Html {
    let scenario = props.scenario.clone();
    let panel = Panel {
        lang: props.lang,
        fit_names: Rc::new(props.lang.fit_names()),
        scenario: scenario.clone(),
        desk: props.desk.clone(),
        dispatch: props.dispatch.clone(),
    };
    // With many ballots the tally (a ranking per person's weights) follows
    // a change once the changes pause: a keystroke elsewhere stays instant.
    let settled = use_settled(
        scenario.clone(),
        scenario.group.ballots.len() > DEFER_TALLY_AFTER,
    );
    let tally = use_memo(settled, |s| tally(s));
    let current = scenario.group.current().cloned();
    let t = panel.t();
    let said: Vec<String> = match &panel.desk.said {
        Said::Nothing => Vec::new(),
        Said::NoneAsked => vec![t.none_asked.to_owned()],
        Said::Outcomes(outcomes) => outcome_lines(panel.lang, outcomes),
    };
    html! {
        <section class="group" aria-labelledby="group-heading">
            <h2 id="group-heading" tabindex="-1">{ t.heading }</h2>
            <p class="hint">{ t.intro }</p>
            { start_form(&panel, current.is_none()) }
            if let Some(round) = &current {
                { round_view(&panel, round) }
                { reveal_view(&panel) }
            }
            if !said.is_empty() {
                <div role="status">
                    <ul class="reveal-messages">
                        { for said.into_iter().map(|m| html! { <li>{ m }</li> }) }
                    </ul>
                </div>
            }
            if !scenario.group.ballots.is_empty() {
                { results_view(&panel, &tally, current.as_ref()) }
            }
            if let Some(hot) = &panel.desk.hot {
                { hot_seat(&panel, hot, current.as_ref()) }
            }
        </section>
    }
}

/// A checkbox with its words.
fn check(words: &str, checked: bool, onchange: Callback<Event>) -> Html {
    html! {
        <label class="check"><input type="checkbox" {checked} {onchange} />{ words }</label>
    }
}

/// Starting a round: which criteria it asks, whether weights too.
fn start_form(panel: &Panel, open: bool) -> Html {
    let (t, desk) = (panel.t(), &panel.desk);
    let asked = desk.asked(&panel.scenario);
    let start = panel
        .dispatch
        .reform(|_: MouseEvent| RoundAction::Start(new_round_id()));
    html! {
        <details class="group-start" {open}>
            <summary>{ t.new_round }</summary>
            <fieldset>
                <legend>{ t.ask_criteria }</legend>
                { for panel.scenario.criteria.iter().map(|c| html! {
                    <label class="check" key={c.id.number()}>
                        <input type="checkbox" checked={asked.contains(&c.id)} onchange={panel.on_change(RoundAction::Ask(c.id))} />
                        { c.name.clone() }
                    </label>
                }) }
            </fieldset>
            { check(t.ask_weights, desk.ask_weights, panel.on_change(RoundAction::AskWeights(!desk.ask_weights))) }
            <button type="button" class="primary" onclick={start}>{ t.make_link }</button>
        </details>
    }
}

/// The current round: its link, its QR code, hot seat.
fn round_view(panel: &Panel, round: &Round) -> Html {
    let (lang, scenario, t) = (panel.lang, &panel.scenario, panel.t());
    let link = link_with(&Invitation::new(scenario, round.clone()).to_link(), false);
    let names: Vec<&str> = scenario
        .criteria
        .iter()
        .filter(|c| round.criteria.contains(&c.id))
        .map(|c| c.name.as_str())
        .collect();
    let title = if round.cells.is_empty() {
        t.round_title.replace("{criteria}", &names.join(", "))
    } else {
        t.round_cells.replace("{k}", &round.cells.len().to_string())
    }
    .replace("{n}", &round.number.to_string());
    let copy = copy_then(link.clone(), panel.dispatch.reform(RoundAction::Copied));
    // From kerze.html on a disk the link points to a file no phone can
    // open: say so where the QR code would be, and offer no code to scan.
    let qr = if is_local_file() {
        html! { <p class="long-link" role="note">{ t.link_from_file }</p> }
    } else {
        qr_svg(&link, t.qr_label).unwrap_or_else(|| html! { <p class="hint">{ t.qr_too_long }</p> })
    };
    html! {
        <div class="group-round">
            <h3>{ title }</h3>
            <label for="ballot-link">{ t.ballot_link }</label>
            <div class="share-row">
                <input id="ballot-link" class="share-link" type="text" readonly=true spellcheck="false" value={link} />
                <button type="button" onclick={copy}>{ t.copy }</button>
            </div>
            <p role="status" aria-live="polite">{ panel.desk.copied.map(|ok| copied_words(lang, ok)) }</p>
            { qr }
            <button type="button" onclick={panel.on_click(RoundAction::HotSeat)}>{ t.hot_seat }</button>
        </div>
    }
}

/// The reveal: return links pasted, ballot files picked or dropped.
fn reveal_view(panel: &Panel) -> Html {
    let t = panel.t();
    let on_paste = panel.dispatch.reform(|e: InputEvent| {
        RoundAction::Paste(e.target_unchecked_into::<HtmlTextAreaElement>().value())
    });
    // Ballot files, picked or dropped on the reveal: all read, then revealed at once.
    let reveal_files = {
        let dispatch = panel.dispatch.clone();
        Rc::new(move |files: FileList| {
            let count = files.length();
            let read = Rc::new(RefCell::new(Vec::new()));
            for i in 0..count {
                let Some(file) = files.get(i) else { continue };
                let (read, dispatch) = (read.clone(), dispatch.clone());
                read_text(&file, move |text| {
                    read.borrow_mut().push(text.unwrap_or_default());
                    if read.borrow().len() == count as usize {
                        dispatch.emit(RoundAction::RevealFiles(read.take()));
                    }
                });
            }
        })
    };
    let on_files = {
        let reveal_files = reveal_files.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(files) = input.files() {
                reveal_files(files);
            }
            input.set_value("");
        })
    };
    // Dropped here, files are ballots: the page's own drop (import a scenario) does not see them.
    let on_drop = Callback::from(move |e: DragEvent| {
        let Some(files) = e.data_transfer().and_then(|d| d.files()) else {
            return;
        };
        if files.length() > 0 {
            e.prevent_default();
            e.stop_propagation();
            reveal_files(files);
        }
    });
    html! {
        <div class="group-reveal" ondrop={on_drop}>
            <h3>{ t.reveal_heading }</h3>
            <label for="return-links">{ t.paste_label }</label>
            <textarea id="return-links" rows="4" spellcheck="false" value={panel.desk.pasted.clone()} oninput={on_paste} />
            <div class="button-row">
                <button type="button" class="primary" onclick={panel.on_click(RoundAction::Reveal)}>{ t.reveal }</button>
                <label class="file-button">{ t.files }
                    <input type="file" accept=".json,application/json,text/plain" multiple=true onchange={on_files} />
                </label>
            </div>
        </div>
    }
}

/// What the room scored: who, the heatmap, a cell's votes, the discussion
/// queue, and settling the values.
fn results_view(panel: &Panel, tally: &Tally, current: Option<&Round>) -> Html {
    let (t, scenario) = (panel.t(), &panel.scenario);
    // Each person once, however many rounds they scored in.
    let people = scenario.group.people();
    let names: Vec<String> = people.iter().map(|&i| panel.who(i)).collect();
    let people = t
        .people
        .replace("{n}", &people.len().to_string())
        .replace("{names}", &names.join(", "));
    let firsts = tally.firsts.first().map(|(id, k)| {
        t.firsts
            .replace("{option}", &panel.title(*id))
            .replace("{k}", &k.to_string())
            .replace("{n}", &tally.weighted.to_string())
    });
    let hide = panel.on_change(RoundAction::HideNames(!panel.desk.hide_names));
    let flagged = panel.desk.flagged(tally);
    html! {
        <div class="group-results">
            <p>{ people }</p>
            { check(t.hide_names, panel.desk.hide_names, hide) }
            if let Some(firsts) = firsts {
                <p class="firsts">{ firsts }</p>
            }
            <div class="table-scroll" tabindex="0" role="region" aria-label={t.heatmap}>
                { heatmap(panel, tally) }
            </div>
            { panel.desk.open_cell.and_then(|cell| tally.cells.iter().flatten().find(|c| c.cell == cell)).map(|c| cell_votes(panel, c)).unwrap_or_default() }
            <h3>{ t.queue_heading }</h3>
            { queue_list(panel, tally, &flagged) }
            { settle_buttons(panel, tally, current, flagged) }
        </div>
    }
}

/// The heatmap: options by items, each cell its votes, median and spread,
/// coloured by the points at stake.
fn heatmap(panel: &Panel, tally: &Tally) -> Html {
    let t = panel.t();
    let head = tally.items.iter().map(|&item| {
        let option = tally.options.first().copied().unwrap_or(OptionId::new(0));
        let name = panel.name_of(Cell { option, item });
        let name = name
            .split_once(": ")
            .map_or(name.clone(), |(_, n)| n.to_owned());
        html! { <th scope="col">{ name }</th> }
    });
    let cell_view = |r: usize, c: usize| match tally.at(r, c) {
        Some(cell) => {
            let heat = (cell.stake / FULL_HEAT).min(1.0);
            let text = format!(
                "{} · {} ({}–{}){}",
                cell.n(),
                panel.number(cell.median),
                panel.number(cell.min),
                panel.number(cell.max),
                if cell.changed() > 0 { " ⚠" } else { "" }
            );
            let label = format!("{}: {text}", panel.name_of(cell.cell));
            html! {
                <td style={format!("--heat:{}", format_fixed(heat, 2))}>
                    <button type="button" class="cell-button" aria-label={label} onclick={panel.on_click(RoundAction::OpenCell(Some(cell.cell)))}>{ text }</button>
                </td>
            }
        }
        None => html! { <td>{ "–" }</td> },
    };
    let rows = tally.options.iter().enumerate().map(|(r, id)| {
        html! {
            <tr key={id.number()}>
                <th scope="row">{ panel.title(*id) }</th>
                { for (0..tally.items.len()).map(|c| cell_view(r, c)) }
            </tr>
        }
    });
    html! {
        <table class="heatmap">
            <caption>{ t.heatmap }</caption>
            <thead><tr><th scope="col">{ t.option }</th>{ for head }</tr></thead>
            <tbody>{ for rows }</tbody>
        </table>
    }
}

/// The discussion queue: the cells where the room disagrees most on what
/// matters, each ticked or not for a second round.
fn queue_list(panel: &Panel, tally: &Tally, flagged: &[Cell]) -> Html {
    let t = panel.t();
    let queue = tally.queue();
    if queue.is_empty() {
        return html! { <p>{ t.queue_empty }</p> };
    }
    let item = |c: &CellTally| {
        let sentence = t
            .queue_item
            .replace("{cell}", &panel.name_of(c.cell))
            .replace("{min}", &panel.number(c.min))
            .replace("{max}", &panel.number(c.max))
            .replace("{n}", &c.n().to_string())
            .replace("{points}", &panel.lang.number(c.stake, 1));
        let label = format!("{}: {}", t.second_round, panel.name_of(c.cell));
        html! {
            <li key={format!("{}-{}", c.cell.option.number(), c.cell.item.key())}>
                <input type="checkbox" checked={flagged.contains(&c.cell)} onchange={panel.on_change(RoundAction::Tick(c.cell))} aria-label={label} />
                <button type="button" class="link-button" onclick={panel.on_click(RoundAction::OpenCell(Some(c.cell)))}>{ sentence }</button>
                if c.moves_top {
                    <span class="badge fragile">{ t.moves_top }</span>
                }
            </li>
        }
    };
    html! {
        <ol class="queue">{ for queue.iter().take(QUEUE_SHOWN).map(|c| item(c)) }</ol>
    }
}

/// One cell's votes: a dot plot, each vote with its reason, and which value
/// the room settles on.
fn cell_votes(panel: &Panel, c: &CellTally) -> Html {
    let (lang, t) = (panel.lang, panel.t());
    let cell = c.cell;
    let pick = panel.desk.pick_of(cell);
    let median = c.median;
    let set_pick = panel.dispatch.reform(move |e: Event| {
        let value = e.target_unchecked_into::<HtmlSelectElement>().value();
        let pick = match value.as_str() {
            "1" => Pick::Mean,
            "2" => Pick::Typed(median),
            _ => Pick::Median,
        };
        RoundAction::Pick(cell, pick)
    });
    let set_typed = {
        let rule = cell
            .item
            .rule(&panel.scenario)
            .unwrap_or(NumberRule::Amount);
        let dispatch = panel.dispatch.clone();
        Callback::from(move |e: Event| {
            let text = e.target_unchecked_into::<HtmlInputElement>().value();
            if let Ok(Some(value)) = rule.parse(&text, lang.number_style()) {
                dispatch.emit(RoundAction::Pick(cell, Pick::Typed(value)));
            }
        })
    };
    let selected = match pick {
        Pick::Median => "0",
        Pick::Mean => "1",
        Pick::Typed(_) => "2",
    };
    let votes = c.votes.iter().map(|v| {
        let mut rest = format!(": {}", panel.number(v.value));
        if v.changed {
            rest.push_str(" ⚠");
        }
        if !v.reason.is_empty() {
            rest = format!("{rest} — {}", v.reason);
        }
        html! { <li><strong>{ panel.who(v.ballot) }</strong>{ rest }</li> }
    });
    let close = panel.on_click(RoundAction::OpenCell(None));
    html! {
        <section class="cell-votes" aria-labelledby="votes-heading">
            <h3 id="votes-heading">{ t.votes_heading.replace("{cell}", &panel.name_of(cell)) }</h3>
            { dot_plot(panel, c) }
            <ul class="votes">{ for votes }</ul>
            <label for="cell-pick">{ t.pick }</label>
            <select id="cell-pick" onchange={set_pick}>
                { for t.picks.iter().enumerate().map(|(i, p)| html! {
                    <option value={i.to_string()} selected={selected == i.to_string()}>{ *p }</option>
                }) }
            </select>
            if let Pick::Typed(value) = pick {
                <input type="text" inputmode="decimal" aria-label={t.picks[2]} value={panel.number(value)} onchange={set_typed} />
            }
            <button type="button" onclick={close}>{ t.close }</button>
        </section>
    }
}

/// The votes of a cell as dots on an axis from the lowest to the highest,
/// the median as a line.
fn dot_plot(panel: &Panel, c: &CellTally) -> Html {
    let (lo, hi) = (c.min.min(c.median), c.max.max(c.median));
    let span = if hi > lo { hi - lo } else { 1.0 };
    let x = |v: f64| format_fixed(10.0 + 300.0 * (v - lo) / span, 1);
    let dots = c.votes.iter().enumerate().map(|(i, v)| {
        html! { <circle cx={x(v.value)} cy={(12 + (i % 3) * 8).to_string()} r="4" /> }
    });
    // The lowest and highest votes under the ends of the axis.
    html! {
        <svg class="dot-plot" viewBox="0 0 320 56" aria-hidden="true">
            <line class="axis" x1="10.0" x2="310.0" y1="20" y2="20" />
            { for dots }
            <line class="median" x1={x(c.median)} x2={x(c.median)} y1="4" y2="36" />
            <text x="10" y="52" text-anchor="start">{ panel.number(lo) }</text>
            if hi > lo {
                <text x="310" y="52" text-anchor="end">{ panel.number(hi) }</text>
            }
        </svg>
    }
}

/// Settling: which value cells take by default, accepting them (first shown,
/// then set), and a second round on the flagged cells.
fn settle_buttons(
    panel: &Panel,
    tally: &Tally,
    current: Option<&Round>,
    flagged: Vec<Cell>,
) -> Html {
    let (lang, t, scenario) = (panel.lang, panel.t(), &panel.scenario);
    // What accepting would set, and how the ranking would move: worked
    // out only once the facilitator asks (not on every keystroke), and
    // shown before anything changes.
    let desk = &panel.desk;
    let plan = desk.confirming.then(|| {
        let cells = accepted(tally, &desk.picks, desk.default_pick);
        let options: HashMap<OptionId, &ScenarioOption> =
            scenario.options.iter().map(|o| (o.id, &**o)).collect();
        let changing = cells
            .iter()
            .filter(|(cell, v)| {
                options
                    .get(&cell.option)
                    .is_some_and(|o| cell.item.value_of(o) != Some(*v))
            })
            .count();
        let mut after = Scenario::clone(scenario);
        let _ = after.apply(ScenarioEdit::SetCells(cells));
        let moves = rank_moves(lang, scenario, &after);
        let moves = if moves.is_empty() {
            t.accept_no_moves.to_owned()
        } else {
            moves.join(", ")
        };
        let text = t
            .accept_preview
            .replace("{n}", &changing.to_string())
            .replace("{moves}", &moves);
        (changing, text)
    });
    let set_default = panel.dispatch.reform(|e: Event| {
        let mean = e.target_unchecked_into::<HtmlSelectElement>().value() == "1";
        RoundAction::DefaultPick(if mean { Pick::Mean } else { Pick::Median })
    });
    let none_flagged = flagged.is_empty() || current.is_none();
    let second = panel
        .dispatch
        .reform(|_: MouseEvent| RoundAction::SecondRound(new_round_id()));
    let accept_words = match &plan {
        Some((changing, _)) => t.accept_confirm.replace("{n}", &changing.to_string()),
        None => t.accept.to_owned(),
    };
    let mean = desk.default_pick == Pick::Mean;
    html! {
        <div class="button-row">
            <label for="accept-default">{ t.accept_default }</label>
            <select id="accept-default" onchange={set_default}>
                <option value="0" selected={!mean}>{ t.picks[0] }</option>
                <option value="1" selected={mean}>{ t.picks[1] }</option>
            </select>
            <button type="button" class="primary" onclick={panel.on_click(RoundAction::Accept)}>{ accept_words }</button>
            if plan.is_some() {
                <button type="button" onclick={panel.on_click(RoundAction::CancelAccept)}>{ t.cancel }</button>
            }
            <button type="button" onclick={second} disabled={none_flagged}>{ t.second_round }</button>
            if let Some((_, text)) = plan {
                <p class="accept-preview" role="status">{ text }</p>
            }
        </div>
    }
}

/// Hot seat: the whole page is covered while people score in turn.
fn hot_seat(panel: &Panel, hot: &HotSeat, current: Option<&Round>) -> Html {
    let (lang, t) = (panel.lang, panel.t());
    let invitation = current.map(|r| Rc::new(Invitation::new(&panel.scenario, r.clone())));
    let on_done = panel.dispatch.reform(RoundAction::HandIn);
    let none = hot.collected.is_empty();
    let ending = t.hot_end.replace("{n}", &hot.collected.len().to_string());
    html! {
        <div class="hot-seat" role="dialog" aria-modal="true" aria-labelledby="hot-heading">
            <div class="hot-seat-body">
                <h2 id="hot-heading">{ t.hot_seat }</h2>
                if hot.thanks {
                    <p role="status">{ t.hot_thanks }</p>
                    <button type="button" class="primary" onclick={panel.on_click(RoundAction::NextPerson)}>{ t.next_person }</button>
                } else if let Some(invitation) = invitation {
                    <BallotForm key={hot.person} {lang} {invitation} {on_done} done_label={t.done_hot} />
                }
                <div class="button-row">
                    <button type="button" onclick={panel.on_click(RoundAction::EndHotSeat)} disabled={none}>{ ending }</button>
                    <button type="button" onclick={panel.on_click(RoundAction::CancelHotSeat)}>{ t.cancel }</button>
                </div>
            </div>
        </div>
    }
}

/// Above this many ballots the tally follows changes once they pause.
const DEFER_TALLY_AFTER: usize = 50;

/// How the ranking moves from `before` to `after`: "SCIM provisioning 3 → 1"
/// for each option whose rank changes, best new rank first.
fn rank_moves(lang: Lang, before: &Scenario, after: &Scenario) -> Vec<String> {
    let (old, new) = (rank(before), rank(after));
    let mut moves: Vec<(u32, String)> = new
        .rows
        .iter()
        .filter_map(|row| {
            let was = old.row_for(row.index)?.rank;
            (was != row.rank).then(|| {
                let title = lang.option_title_at(after, row.index);
                (row.rank, format!("{title} {was} → {}", row.rank))
            })
        })
        .collect();
    moves.sort_by_key(|m| m.0);
    moves.into_iter().map(|m| m.1).collect()
}
