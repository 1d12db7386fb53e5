//! The facilitator's side of group scoring: start a round (ballot link and
//! QR code), hot seat, the reveal (paste return links, open files), the
//! heatmap of disagreement, the discussion queue, a cell's votes, and
//! settling the values (PRODUCT.md, "Group scoring").

use super::ballot_form::BallotForm;
use super::Same;
use crate::domain::ballot::{
    cell_label, intake, intake_ballots, split_ballots, Ballot, Cell, Invitation, Outcome, Round,
};
use crate::domain::criterion::CriterionInput;
use crate::domain::group::{accepted, tally, CellTally, Pick};
use crate::domain::ids::CriterionId;
use crate::domain::scenario::{Scenario, ScenarioEdit};
use crate::domain::value::{format_fixed, NumberRule};
use crate::i18n::Lang;
use crate::services::clipboard::copy_text;
use crate::services::files::read_text;
use crate::services::location::link_with;
use qrcodegen::{QrCode, QrCodeEcc};
use std::cell::RefCell;
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

/// Points at stake that colour a heatmap cell fully.
const FULL_HEAT: f64 = 20.0;
/// Cells listed in the discussion queue.
const QUEUE_SHOWN: usize = 10;

/// Props of [`GroupPanel`].
#[derive(Properties, PartialEq)]
pub struct GroupPanelProps {
    /// UI language.
    pub lang: Lang,
    /// The facilitator's scenario.
    pub scenario: Same<Scenario>,
    /// Where edits go.
    pub on_edit: Callback<ScenarioEdit>,
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
                .replace("{why}", &lang.ballot_error(error)),
        })
        .collect()
}

/// See the module docs.
#[function_component(GroupPanel)]
pub fn group_panel(props: &GroupPanelProps) -> Html {
    let (lang, scenario) = (props.lang, props.scenario.clone());
    let t = &lang.texts().group;
    let on_edit = props.on_edit.clone();
    let scorable: Vec<CriterionId> = scenario
        .criteria
        .iter()
        .filter(|c| !matches!(c.input, CriterionInput::Amount { .. }))
        .map(|c| c.id)
        .collect();
    let ask = use_state(|| scorable.clone());
    let ask_weights = use_state(|| false);
    let pasted = use_state(String::new);
    let messages = use_state(Vec::<String>::new);
    let hide_names = use_state(|| false);
    let open_cell = use_state(|| None::<Cell>);
    let picks = use_state(Vec::<(Cell, Pick)>::new);
    let default_pick = use_state(|| Pick::Median);
    let ticked = use_state(|| None::<Vec<Cell>>);
    let hot = use_state(|| None::<(Vec<Ballot>, bool, u32)>);
    let copied = use_state(String::new);
    let tally = Same(use_memo(scenario.clone(), |s| tally(s)));
    let fit_names = lang.fit_names();
    let fit_refs = fit_names.each_ref().map(String::as_str);
    let current = scenario.group.current().cloned();

    // Start a round.
    let start = {
        let (ask, ask_weights, on_edit, s) = (
            ask.clone(),
            ask_weights.clone(),
            on_edit.clone(),
            scenario.clone(),
        );
        let messages = messages.clone();
        let none = t.none_asked;
        Callback::from(move |_: MouseEvent| {
            let criteria: Vec<CriterionId> = s
                .criteria
                .iter()
                .map(|c| c.id)
                .filter(|id| ask.contains(id))
                .collect();
            if criteria.is_empty() {
                messages.set(vec![none.to_owned()]);
                return;
            }
            messages.set(Vec::new());
            on_edit.emit(ScenarioEdit::StartRound(Round {
                id: new_round_id(),
                number: s.group.rounds.iter().map(|r| r.number).max().unwrap_or(0) + 1,
                criteria,
                weights: *ask_weights,
                cells: Vec::new(),
            }));
        })
    };
    let toggle_ask = |id: CriterionId| {
        let ask = ask.clone();
        Callback::from(move |_: Event| {
            let mut next = (*ask).clone();
            match next.iter().position(|c| *c == id) {
                Some(at) => drop(next.remove(at)),
                None => next.push(id),
            }
            ask.set(next);
        })
    };
    let start_form = html! {
        <details class="group-start" open={current.is_none()}>
            <summary>{ t.new_round }</summary>
            <fieldset>
                <legend>{ t.ask_criteria }</legend>
                { for scenario.criteria.iter().map(|c| html! {
                    <label class="check" key={c.id.number()}>
                        <input type="checkbox" checked={ask.contains(&c.id)} onchange={toggle_ask(c.id)} />
                        { &c.name }
                    </label>
                }) }
            </fieldset>
            <label class="check">
                <input type="checkbox" checked={*ask_weights} onchange={{ let w = ask_weights.clone(); Callback::from(move |_: Event| w.set(!*w)) }} />
                { t.ask_weights }
            </label>
            <button type="button" class="primary" onclick={start}>{ t.make_link }</button>
        </details>
    };

    // The current round: its link, its QR code, hot seat.
    let round_view = current.as_ref().map(|round| {
        let link = link_with(&Invitation::new(&scenario, round.clone()).to_link(), false);
        let names: Vec<&str> = scenario.criteria.iter().filter(|c| round.criteria.contains(&c.id)).map(|c| c.name.as_str()).collect();
        let title = if round.cells.is_empty() {
            t.round_title.replace("{criteria}", &names.join(", "))
        } else {
            t.round_cells.replace("{k}", &round.cells.len().to_string())
        }
        .replace("{n}", &round.number.to_string());
        let copy = {
            let (link, copied) = (link.clone(), copied.clone());
            let (yes, no) = (t.copied, t.copy_failed);
            Callback::from(move |_: MouseEvent| {
                let copied = copied.clone();
                copy_text(&link, move |ok| copied.set(if ok { yes } else { no }.to_owned()));
            })
        };
        let hot_start = {
            let hot = hot.clone();
            Callback::from(move |_: MouseEvent| hot.set(Some((Vec::new(), false, 0))))
        };
        let qr = qr_svg(&link, t.qr_label);
        html! {
            <div class="group-round">
                <h3>{ title }</h3>
                <label for="ballot-link">{ t.ballot_link }</label>
                <div class="share-row">
                    <input id="ballot-link" class="share-link" type="text" readonly=true value={link} spellcheck="false" />
                    <button type="button" onclick={copy}>{ t.copy }</button>
                </div>
                <p role="status" aria-live="polite">{ (*copied).clone() }</p>
                { qr.unwrap_or_else(|| html! { <p class="hint">{ t.qr_too_long }</p> }) }
                <button type="button" onclick={hot_start}>{ t.hot_seat }</button>
            </div>
        }
    });

    // The reveal.
    let reveal_texts = {
        let (s, on_edit, messages) = (scenario.clone(), on_edit.clone(), messages.clone());
        let fit_names = fit_names.clone();
        Rc::new(move |texts: Vec<String>| {
            let pieces: Vec<&str> = texts.iter().flat_map(|t| split_ballots(t)).collect();
            let refs = fit_names.each_ref().map(String::as_str);
            let (ballots, outcomes) = intake(&s, &pieces, &refs);
            messages.set(outcome_lines(lang, &outcomes));
            if ballots != s.group.ballots {
                on_edit.emit(ScenarioEdit::SetBallots(ballots));
            }
        })
    };
    let reveal = {
        let (pasted, reveal_texts) = (pasted.clone(), reveal_texts.clone());
        Callback::from(move |_: MouseEvent| {
            reveal_texts(vec![(*pasted).clone()]);
            pasted.set(String::new());
        })
    };
    let on_paste = {
        let pasted = pasted.clone();
        Callback::from(move |e: InputEvent| {
            pasted.set(e.target_unchecked_into::<HtmlTextAreaElement>().value())
        })
    };
    let on_files = Callback::from(move |e: Event| {
        let input: HtmlInputElement = e.target_unchecked_into();
        let Some(files) = input.files() else { return };
        let count = files.length();
        let read = Rc::new(RefCell::new(Vec::new()));
        for i in 0..count {
            let Some(file) = files.get(i) else { continue };
            let (read, reveal_texts) = (read.clone(), reveal_texts.clone());
            read_text(&file, move |text| {
                read.borrow_mut().push(text.unwrap_or_default());
                if read.borrow().len() == count as usize {
                    reveal_texts(read.take());
                }
            });
        }
        input.set_value("");
    });

    // The results.
    let who = |ballot: usize| -> String {
        if *hide_names {
            t.person.replace("{n}", &(ballot + 1).to_string())
        } else {
            scenario
                .group
                .ballots
                .get(ballot)
                .map(|b| b.participant.clone())
                .unwrap_or_default()
        }
    };
    let label = |cell: Cell| cell_label(&scenario, cell, &fit_refs);
    let number = |v: f64| lang.number(v, 2);
    let queue = tally.queue();
    let flagged: Vec<Cell> = match &*ticked {
        Some(cells) => cells.clone(),
        None => queue
            .iter()
            .take(QUEUE_SHOWN)
            .filter(|c| c.moves_top || c.stake >= 5.0)
            .map(|c| c.cell)
            .collect(),
    };
    let open = |cell: Cell| {
        let open_cell = open_cell.clone();
        Callback::from(move |_: MouseEvent| open_cell.set(Some(cell)))
    };
    let results = (!scenario.group.ballots.is_empty()).then(|| {
        let names: Vec<String> = (0..scenario.group.ballots.len()).map(who).collect();
        let people = t.people.replace("{n}", &scenario.group.ballots.len().to_string()).replace("{names}", &names.join(", "));
        let firsts = tally.firsts.first().map(|(id, k)| {
            t.firsts
                .replace("{option}", &scenario.options.iter().find(|o| o.id == *id).map(|o| o.title.clone()).unwrap_or_default())
                .replace("{k}", &k.to_string())
                .replace("{n}", &tally.weighted.to_string())
        });
        let head = tally.items.iter().map(|&item| {
            let name = label(Cell { option: tally.options.first().copied().unwrap_or(crate::domain::ids::OptionId::new(0)), item });
            let name = name.split_once(": ").map_or(name.clone(), |(_, n)| n.to_owned());
            html! { <th scope="col">{ name }</th> }
        }).collect::<Html>();
        let rows = tally.options.iter().enumerate().map(|(r, id)| {
            let title = scenario.options.iter().find(|o| o.id == *id).map(|o| o.title.clone()).unwrap_or_default();
            let cells = (0..tally.items.len()).map(|c| match tally.at(r, c) {
                Some(cell) => {
                    let heat = (cell.stake / FULL_HEAT).min(1.0);
                    let text = format!("{} · {} ({}–{}){}", cell.n(), number(cell.median), number(cell.min), number(cell.max), if cell.changed() > 0 { " ⚠" } else { "" });
                    html! {
                        <td style={format!("--heat:{}", format_fixed(heat, 2))}>
                            <button type="button" class="cell-button" onclick={open(cell.cell)}
                                aria-label={format!("{}: {text}", label(cell.cell))}>{ text }</button>
                        </td>
                    }
                }
                None => html! { <td>{ "–" }</td> },
            }).collect::<Html>();
            html! { <tr key={id.number()}><th scope="row">{ title }</th>{ cells }</tr> }
        }).collect::<Html>();
        let toggle = |cell: Cell| {
            let (ticked, flagged) = (ticked.clone(), flagged.clone());
            Callback::from(move |_: Event| {
                let mut next = flagged.clone();
                match next.iter().position(|c| *c == cell) {
                    Some(at) => drop(next.remove(at)),
                    None => next.push(cell),
                }
                ticked.set(Some(next));
            })
        };
        let queue_list = if queue.is_empty() {
            html! { <p>{ t.queue_empty }</p> }
        } else {
            html! {
                <ol class="queue">
                    { for queue.iter().take(QUEUE_SHOWN).map(|c: &&CellTally| {
                        let sentence = t.queue_item
                            .replace("{cell}", &label(c.cell))
                            .replace("{min}", &number(c.min))
                            .replace("{max}", &number(c.max))
                            .replace("{n}", &c.n().to_string())
                            .replace("{points}", &lang.number(c.stake, 1));
                        html! {
                            <li key={format!("{}-{}", c.cell.option.number(), c.cell.item.key())}>
                                <input type="checkbox" checked={flagged.contains(&c.cell)} onchange={toggle(c.cell)}
                                    aria-label={format!("{}: {}", t.second_round, label(c.cell))} />
                                <button type="button" class="link-button" onclick={open(c.cell)}>{ sentence }</button>
                                if c.moves_top {
                                    <span class="badge fragile">{ t.moves_top }</span>
                                }
                            </li>
                        }
                    }) }
                </ol>
            }
        };
        let detail = open_cell.and_then(|cell| tally.cells.iter().flatten().find(|c| c.cell == cell)).map(|c| {
            let cell = c.cell;
            let pick = picks.iter().find(|(x, _)| *x == cell).map_or(*default_pick, |(_, p)| *p);
            let set_pick = {
                let (picks, median) = (picks.clone(), c.median);
                Callback::from(move |e: Event| {
                    let value = e.target_unchecked_into::<HtmlSelectElement>().value();
                    let pick = match value.as_str() {
                        "1" => Pick::Mean,
                        "2" => Pick::Typed(median),
                        _ => Pick::Median,
                    };
                    let mut next: Vec<(Cell, Pick)> = picks.iter().filter(|(x, _)| *x != cell).cloned().collect();
                    next.push((cell, pick));
                    picks.set(next);
                })
            };
            let set_typed = {
                let (picks, rule) = (picks.clone(), cell.item.rule(&scenario).unwrap_or(NumberRule::Amount));
                Callback::from(move |e: Event| {
                    let text = e.target_unchecked_into::<HtmlInputElement>().value();
                    if let Ok(Some(value)) = rule.parse(&text, lang.number_style()) {
                        let mut next: Vec<(Cell, Pick)> = picks.iter().filter(|(x, _)| *x != cell).cloned().collect();
                        next.push((cell, Pick::Typed(value)));
                        picks.set(next);
                    }
                })
            };
            let (lo, hi) = (c.min.min(c.median), c.max.max(c.median));
            let span = if hi > lo { hi - lo } else { 1.0 };
            let x = |v: f64| 10.0 + 300.0 * (v - lo) / span;
            let selected = match pick { Pick::Median => "0", Pick::Mean => "1", Pick::Typed(_) => "2" };
            html! {
                <section class="cell-votes" aria-labelledby="votes-heading">
                    <h3 id="votes-heading">{ t.votes_heading.replace("{cell}", &label(cell)) }</h3>
                    <svg class="dot-plot" viewBox="0 0 320 40" aria-hidden="true">
                        <line x1="10" x2="310" y1="20" y2="20" />
                        { for c.votes.iter().enumerate().map(|(i, v)| html! {
                            <circle cx={format_fixed(x(v.value), 1)} cy={format!("{}", 12 + (i % 3) * 8)} r="4" />
                        }) }
                        <line class="median" x1={format_fixed(x(c.median), 1)} x2={format_fixed(x(c.median), 1)} y1="4" y2="36" />
                    </svg>
                    <ul class="votes">
                        { for c.votes.iter().map(|v| html! {
                            <li>
                                <strong>{ who(v.ballot) }</strong>{ ": " }{ number(v.value) }
                                if v.changed { { " ⚠" } }
                                if !v.reason.is_empty() { { " — " }{ &v.reason } }
                            </li>
                        }) }
                    </ul>
                    <label for="cell-pick">{ t.pick }</label>
                    <select id="cell-pick" onchange={set_pick}>
                        { for t.picks.iter().enumerate().map(|(i, p)| html! {
                            <option value={i.to_string()} selected={selected == i.to_string()}>{ *p }</option>
                        }) }
                    </select>
                    if let Pick::Typed(value) = pick {
                        <input type="text" inputmode="decimal" aria-label={t.picks[2]} value={number(value)} onchange={set_typed} />
                    }
                    <button type="button" onclick={{ let o = open_cell.clone(); Callback::from(move |_: MouseEvent| o.set(None)) }}>{ t.close }</button>
                </section>
            }
        });
        let accept = {
            let (tally, picks, default_pick, on_edit) = (tally.clone(), picks.clone(), default_pick.clone(), on_edit.clone());
            Callback::from(move |_: MouseEvent| on_edit.emit(ScenarioEdit::SetCells(accepted(&tally, &picks, *default_pick))))
        };
        let set_default = {
            let default_pick = default_pick.clone();
            Callback::from(move |e: Event| {
                let mean = e.target_unchecked_into::<HtmlSelectElement>().value() == "1";
                default_pick.set(if mean { Pick::Mean } else { Pick::Median });
            })
        };
        let second = {
            let (on_edit, flagged, current, ticked) = (on_edit.clone(), flagged.clone(), current.clone(), ticked.clone());
            let next = scenario.group.rounds.iter().map(|r| r.number).max().unwrap_or(0) + 1;
            Callback::from(move |_: MouseEvent| {
                let Some(round) = &current else { return };
                on_edit.emit(ScenarioEdit::StartRound(Round {
                    id: new_round_id(),
                    number: next,
                    criteria: round.criteria.clone(),
                    weights: false,
                    cells: flagged.clone(),
                }));
                ticked.set(None);
            })
        };
        html! {
            <div class="group-results">
                <p>{ people }</p>
                <label class="check">
                    <input type="checkbox" checked={*hide_names} onchange={{ let h = hide_names.clone(); Callback::from(move |_: Event| h.set(!*h)) }} />
                    { t.hide_names }
                </label>
                if let Some(firsts) = firsts {
                    <p class="firsts">{ firsts }</p>
                }
                <div class="table-scroll" tabindex="0" role="region" aria-label={t.heatmap}>
                    <table class="heatmap">
                        <caption>{ t.heatmap }</caption>
                        <thead><tr><th scope="col">{ t.option }</th>{ head }</tr></thead>
                        <tbody>{ rows }</tbody>
                    </table>
                </div>
                { detail.unwrap_or_default() }
                <h3>{ t.queue_heading }</h3>
                { queue_list }
                <div class="button-row">
                    <label for="accept-default">{ t.accept_default }</label>
                    <select id="accept-default" onchange={set_default}>
                        <option value="0" selected={*default_pick == Pick::Median}>{ t.picks[0] }</option>
                        <option value="1" selected={*default_pick == Pick::Mean}>{ t.picks[1] }</option>
                    </select>
                    <button type="button" class="primary" onclick={accept}>{ t.accept }</button>
                    <button type="button" onclick={second} disabled={flagged.is_empty()}>{ t.second_round }</button>
                </div>
            </div>
        }
    });

    // Hot seat: the whole page is covered while people score in turn.
    let hot_view = (*hot).clone().map(|(collected, thanks, key)| {
        let invitation = current.as_ref().map(|r| Rc::new(Invitation::new(&scenario, r.clone())));
        let on_done = {
            let (hot, collected) = (hot.clone(), collected.clone());
            Callback::from(move |ballot: Ballot| {
                let mut next = collected.clone();
                next.push(ballot);
                hot.set(Some((next, true, key)));
            })
        };
        let next_person = {
            let (hot, collected) = (hot.clone(), collected.clone());
            Callback::from(move |_: MouseEvent| hot.set(Some((collected.clone(), false, key + 1))))
        };
        let end = {
            let (hot, s, on_edit, messages, collected) = (hot.clone(), scenario.clone(), on_edit.clone(), messages.clone(), collected.clone());
            let fit_names = fit_names.clone();
            Callback::from(move |_: MouseEvent| {
                let refs = fit_names.each_ref().map(String::as_str);
                let (ballots, outcomes) = intake_ballots(&s, collected.iter().cloned().map(Ok).collect(), &refs);
                messages.set(outcome_lines(lang, &outcomes));
                if ballots != s.group.ballots {
                    on_edit.emit(ScenarioEdit::SetBallots(ballots));
                }
                hot.set(None);
            })
        };
        let cancel = {
            let hot = hot.clone();
            Callback::from(move |_: MouseEvent| hot.set(None))
        };
        html! {
            <div class="hot-seat" role="dialog" aria-modal="true" aria-labelledby="hot-heading">
                <div class="hot-seat-body">
                    <h2 id="hot-heading">{ t.hot_seat }</h2>
                    if thanks {
                        <p role="status">{ t.hot_thanks }</p>
                        <button type="button" class="primary" onclick={next_person}>{ t.next_person }</button>
                    } else if let Some(invitation) = invitation {
                        <BallotForm key={key} {lang} {invitation} {on_done} done_label={t.done_hot} />
                    }
                    <div class="button-row">
                        <button type="button" onclick={end} disabled={collected.is_empty()}>{ t.hot_end.replace("{n}", &collected.len().to_string()) }</button>
                        <button type="button" onclick={cancel}>{ t.cancel }</button>
                    </div>
                </div>
            </div>
        }
    });

    html! {
        <section class="group" aria-labelledby="group-heading">
            <h2 id="group-heading">{ t.heading }</h2>
            <p class="hint">{ t.intro }</p>
            { start_form }
            { round_view.unwrap_or_default() }
            if current.is_some() {
                <div class="group-reveal">
                    <h3>{ t.reveal_heading }</h3>
                    <label for="return-links">{ t.paste_label }</label>
                    <textarea id="return-links" rows="4" value={(*pasted).clone()} oninput={on_paste} spellcheck="false" />
                    <div class="button-row">
                        <button type="button" class="primary" onclick={reveal}>{ t.reveal }</button>
                        <label class="file-button">
                            { t.files }
                            <input type="file" accept=".json,application/json,text/plain" multiple=true onchange={on_files} />
                        </label>
                    </div>
                </div>
            }
            if !messages.is_empty() {
                <div role="status">
                    <ul class="reveal-messages">
                        { for messages.iter().map(|m| html! { <li>{ m }</li> }) }
                    </ul>
                </div>
            }
            { results.unwrap_or_default() }
            { hot_view.unwrap_or_default() }
        </section>
    }
}
