//! The facilitator's side of group scoring: start a round (ballot link and
//! QR code), hot seat, the reveal (paste return links, open files), the
//! heatmap of disagreement, the discussion queue, a cell's votes, and
//! settling the values (PRODUCT.md, "Group scoring").

use super::ballot_form::BallotForm;
use super::markup::{button, check, el, label, para, status, El};
use super::Same;
use crate::domain::group::ballot::{
    cell_label, intake_ballots, read_ballot, split_ballots, BallotError, Invitation, Outcome,
};
use crate::domain::group::tally::{accepted, tally, CellTally, Pick};
use crate::domain::model::criterion::CriterionInput;
use crate::domain::model::ids::{CriterionId, OptionId};
use crate::domain::model::rounds::{Ballot, Cell, Round};
use crate::domain::model::scenario::{Scenario, ScenarioEdit, ScenarioOption};
use crate::domain::model::value::{format_fixed, NumberRule};
use crate::domain::scoring::rank;
use crate::hooks::use_settled;
use crate::i18n::Lang;
use crate::services::clipboard::copy_text;
use crate::services::files::read_text;
use crate::services::location::{is_local_file, link_with};
use qrcodegen::{QrCode, QrCodeEcc};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use web_sys::{FileList, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
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
    let ground = el("rect")
        .attr("x", "-4")
        .attr("y", "-4")
        .attr("width", "100%")
        .attr("height", "100%")
        .attr("fill", "#fff");
    let svg = el("svg")
        .class("qr")
        .attr("viewBox", view)
        .attr("role", "img")
        .attr("aria-label", label.to_owned())
        .attr("shape-rendering", "crispEdges")
        .kid(ground)
        .kid(el("path").attr("d", path).attr("fill", "#000"));
    Some(svg.into())
}

/// Copies `link` and says in `copied` whether the browser allowed it.
pub fn copy_link(
    lang: Lang,
    link: String,
    copied: &UseStateHandle<String>,
) -> Callback<MouseEvent> {
    let copied = copied.clone();
    let t = &lang.texts().group;
    let (yes, no) = (t.copied, t.copy_failed);
    Callback::from(move |_: MouseEvent| {
        let copied = copied.clone();
        copy_text(&link, move |ok| {
            copied.set(if ok { yes } else { no }.to_owned())
        });
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
                .replace("{why}", &crate::i18n::clause(&lang.ballot_error(error))),
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
    // "Accept these values" first shows what it changes; a second click sets.
    let confirming = use_state(|| false);
    // With many ballots the tally (a ranking per person's weights) follows
    // a change once the changes pause: a keystroke elsewhere stays instant.
    let settled = use_settled(
        scenario.clone(),
        scenario.group.ballots.len() > DEFER_TALLY_AFTER,
    );
    let tally = Same(use_memo(settled, |s| tally(s)));
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
                number: s.group.next_number(),
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
    let asked = scenario.criteria.iter().map(|c| {
        check(c.name.clone(), ask.contains(&c.id), toggle_ask(c.id))
            .key(c.id.number())
            .into()
    });
    let start_form = el("details")
        .class("group-start")
        .flag("open", current.is_none())
        .kid(el("summary").text(t.new_round))
        .kid(
            el("fieldset")
                .kid(el("legend").text(t.ask_criteria))
                .kids(asked.collect()),
        )
        .kid(check(t.ask_weights, *ask_weights, flip(&ask_weights)))
        .kid(button(t.make_link, start).class("primary"));

    // The current round: its link, its QR code, hot seat.
    let round_view = current.as_ref().map(|round| {
        let link = link_with(&Invitation::new(&scenario, round.clone()).to_link(), false);
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
        let copy = copy_link(lang, link.clone(), &copied);
        let hot_start = {
            let hot = hot.clone();
            Callback::from(move |_: MouseEvent| hot.set(Some((Vec::new(), false, 0))))
        };
        // From kerze.html on a disk the link points to a file no phone can
        // open: say so where the QR code would be, and offer no code to scan.
        let qr = if is_local_file() {
            para("long-link", t.link_from_file)
                .attr("role", "note")
                .into()
        } else {
            qr_svg(&link, t.qr_label).unwrap_or_else(|| para("hint", t.qr_too_long).into())
        };
        let field = el("input")
            .id("ballot-link")
            .class("share-link")
            .attr("type", "text")
            .flag("readonly", true)
            .attr("spellcheck", "false")
            .value(link);
        el("div")
            .class("group-round")
            .kid(el("h3").text(title))
            .kid(label("ballot-link", t.ballot_link))
            .kid(
                el("div")
                    .class("share-row")
                    .kid(field)
                    .kid(button(t.copy, copy)),
            )
            .kid(status((*copied).clone()))
            .kid(qr)
            .kid(button(t.hot_seat, hot_start))
    });

    // The reveal.
    // Every way in (links, files, hot seat): check each piece, say what became of it.
    let take_in = {
        let (s, on_edit, messages) = (scenario.clone(), on_edit.clone(), messages.clone());
        let fit_names = fit_names.clone();
        Rc::new(move |pieces: Vec<Result<Ballot, BallotError>>| {
            let refs = fit_names.each_ref().map(String::as_str);
            let (ballots, outcomes) = intake_ballots(&s, pieces, &refs);
            messages.set(outcome_lines(lang, &outcomes));
            if ballots != s.group.ballots {
                on_edit.emit(ScenarioEdit::SetBallots(ballots));
            }
        })
    };
    let reveal_texts = {
        let take_in = take_in.clone();
        Rc::new(move |texts: Vec<String>| {
            take_in(
                texts
                    .iter()
                    .flat_map(|t| split_ballots(t))
                    .map(read_ballot)
                    .collect(),
            )
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
    // Ballot files, picked or dropped on the reveal: all read, then revealed at once.
    let reveal_files = Rc::new(move |files: FileList| {
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
    });
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
    let name_of = |cell: Cell| cell_label(&scenario, cell, &fit_refs);
    let number = |v: f64| lang.number(v, 2);
    let queue = tally.queue();
    let flagged: Vec<Cell> = match &*ticked {
        Some(cells) => cells.clone(),
        None => queue
            .iter()
            .take(QUEUE_SHOWN)
            // Only what could change #1 comes ticked: a second round asks
            // again what matters, not every cell of the queue.
            .filter(|c| c.moves_top)
            .map(|c| c.cell)
            .collect(),
    };
    let open = |cell: Cell| {
        let open_cell = open_cell.clone();
        Callback::from(move |_: MouseEvent| open_cell.set(Some(cell)))
    };
    let results = (!scenario.group.ballots.is_empty()).then(|| {
        // Each person once, however many rounds they scored in.
        let people = scenario.group.people();
        let names: Vec<String> = people.iter().map(|&i| who(i)).collect();
        let people = t
            .people
            .replace("{n}", &people.len().to_string())
            .replace("{names}", &names.join(", "));
        let firsts = tally.firsts.first().map(|(id, k)| {
            t.firsts
                .replace(
                    "{option}",
                    &scenario
                        .options
                        .iter()
                        .find(|o| o.id == *id)
                        .map(|o| o.title.clone())
                        .unwrap_or_default(),
                )
                .replace("{k}", &k.to_string())
                .replace("{n}", &tally.weighted.to_string())
        });
        let head = tally
            .items
            .iter()
            .map(|&item| {
                let name = name_of(Cell {
                    option: tally
                        .options
                        .first()
                        .copied()
                        .unwrap_or(crate::domain::model::ids::OptionId::new(0)),
                    item,
                });
                let name = name
                    .split_once(": ")
                    .map_or(name.clone(), |(_, n)| n.to_owned());
                el("th").attr("scope", "col").text(name).into()
            })
            .collect::<Vec<Html>>();
        let rows = tally
            .options
            .iter()
            .enumerate()
            .map(|(r, id)| {
                let title = scenario
                    .options
                    .iter()
                    .find(|o| o.id == *id)
                    .map(|o| o.title.clone())
                    .unwrap_or_default();
                let cells = (0..tally.items.len())
                    .map(|c| match tally.at(r, c) {
                        Some(cell) => {
                            let heat = (cell.stake / FULL_HEAT).min(1.0);
                            let text = format!(
                                "{} · {} ({}–{}){}",
                                cell.n(),
                                number(cell.median),
                                number(cell.min),
                                number(cell.max),
                                if cell.changed() > 0 { " ⚠" } else { "" }
                            );
                            let button = button(text.clone(), open(cell.cell))
                                .class("cell-button")
                                .attr("aria-label", format!("{}: {text}", name_of(cell.cell)));
                            el("td")
                                .attr("style", format!("--heat:{}", format_fixed(heat, 2)))
                                .kid(button)
                                .into()
                        }
                        None => el("td").text("–").into(),
                    })
                    .collect::<Vec<Html>>();
                el("tr")
                    .key(id.number())
                    .kid(el("th").attr("scope", "row").text(title))
                    .kids(cells)
                    .into()
            })
            .collect::<Vec<Html>>();
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
            para("", t.queue_empty)
        } else {
            el("ol").class("queue").kids(
                queue
                    .iter()
                    .take(QUEUE_SHOWN)
                    .map(|c: &&CellTally| {
                        let sentence = t
                            .queue_item
                            .replace("{cell}", &name_of(c.cell))
                            .replace("{min}", &number(c.min))
                            .replace("{max}", &number(c.max))
                            .replace("{n}", &c.n().to_string())
                            .replace("{points}", &lang.number(c.stake, 1));
                        let tick = el("input")
                            .attr("type", "checkbox")
                            .checked(flagged.contains(&c.cell))
                            .on_change(toggle(c.cell))
                            .attr(
                                "aria-label",
                                format!("{}: {}", t.second_round, name_of(c.cell)),
                            );
                        let badge = c
                            .moves_top
                            .then(|| el("span").class("badge fragile").text(t.moves_top).into());
                        el("li")
                            .key(format!("{}-{}", c.cell.option.number(), c.cell.item.key()))
                            .kid(tick)
                            .kid(button(sentence, open(c.cell)).class("link-button"))
                            .kid_some(badge)
                            .into()
                    })
                    .collect(),
            )
        };
        let detail = open_cell
            .and_then(|cell| tally.cells.iter().flatten().find(|c| c.cell == cell))
            .map(|c| {
                let cell = c.cell;
                let pick = picks
                    .iter()
                    .find(|(x, _)| *x == cell)
                    .map_or(*default_pick, |(_, p)| *p);
                let set_pick = {
                    let (picks, median) = (picks.clone(), c.median);
                    Callback::from(move |e: Event| {
                        let value = e.target_unchecked_into::<HtmlSelectElement>().value();
                        let pick = match value.as_str() {
                            "1" => Pick::Mean,
                            "2" => Pick::Typed(median),
                            _ => Pick::Median,
                        };
                        choose(&picks, cell, pick);
                    })
                };
                let set_typed = {
                    let (picks, rule) = (
                        picks.clone(),
                        cell.item.rule(&scenario).unwrap_or(NumberRule::Amount),
                    );
                    Callback::from(move |e: Event| {
                        let text = e.target_unchecked_into::<HtmlInputElement>().value();
                        if let Ok(Some(value)) = rule.parse(&text, lang.number_style()) {
                            choose(&picks, cell, Pick::Typed(value));
                        }
                    })
                };
                let (lo, hi) = (c.min.min(c.median), c.max.max(c.median));
                let span = if hi > lo { hi - lo } else { 1.0 };
                let x = |v: f64| 10.0 + 300.0 * (v - lo) / span;
                let selected = match pick {
                    Pick::Median => "0",
                    Pick::Mean => "1",
                    Pick::Typed(_) => "2",
                };
                let line = |class: &'static str,
                            x1: f64,
                            x2: f64,
                            y1: &'static str,
                            y2: &'static str|
                 -> El {
                    el("line")
                        .class(class)
                        .attr("x1", format_fixed(x1, 1))
                        .attr("x2", format_fixed(x2, 1))
                        .attr("y1", y1)
                        .attr("y2", y2)
                };
                let dots = c.votes.iter().enumerate().map(|(i, v)| {
                    el("circle")
                        .attr("cx", format_fixed(x(v.value), 1))
                        .attr("cy", (12 + (i % 3) * 8).to_string())
                        .attr("r", "4")
                        .into()
                });
                // The lowest and highest votes under the ends of the axis.
                let end = |at: &'static str, anchor: &'static str, value: f64| {
                    el("text")
                        .attr("x", at)
                        .attr("y", "52")
                        .attr("text-anchor", anchor)
                        .text(number(value))
                };
                let plot = el("svg")
                    .class("dot-plot")
                    .attr("viewBox", "0 0 320 56")
                    .attr("aria-hidden", "true")
                    .kid(line("axis", 10.0, 310.0, "20", "20"))
                    .kids(dots.collect())
                    .kid(line("median", x(c.median), x(c.median), "4", "36"))
                    .kid(end("10", "start", lo))
                    .kid_some((hi > lo).then(|| end("310", "end", hi).into()));
                let votes = c.votes.iter().map(|v| {
                    let mut rest = format!(": {}", number(v.value));
                    if v.changed {
                        rest.push_str(" ⚠");
                    }
                    if !v.reason.is_empty() {
                        rest = format!("{rest} — {}", v.reason);
                    }
                    el("li")
                        .kid(el("strong").text(who(v.ballot)))
                        .text(rest)
                        .into()
                });
                let choices = t.picks.iter().enumerate().map(|(i, p)| {
                    el("option")
                        .attr("value", i.to_string())
                        .flag("selected", selected == i.to_string())
                        .text(*p)
                        .into()
                });
                let typed = match pick {
                    Pick::Typed(value) => Some(
                        el("input")
                            .attr("type", "text")
                            .attr("inputmode", "decimal")
                            .attr("aria-label", t.picks[2])
                            .value(number(value))
                            .on_change(set_typed)
                            .into(),
                    ),
                    _ => None,
                };
                let close = {
                    let open_cell = open_cell.clone();
                    Callback::from(move |_: MouseEvent| open_cell.set(None))
                };
                el("section")
                    .class("cell-votes")
                    .attr("aria-labelledby", "votes-heading")
                    .kid(
                        el("h3")
                            .id("votes-heading")
                            .text(t.votes_heading.replace("{cell}", &name_of(cell))),
                    )
                    .kid(plot)
                    .kid(el("ul").class("votes").kids(votes.collect()))
                    .kid(label("cell-pick", t.pick))
                    .kid(
                        el("select")
                            .id("cell-pick")
                            .on_change(set_pick)
                            .kids(choices.collect()),
                    )
                    .kid_some(typed)
                    .kid(button(t.close, close))
                    .into()
            });
        // What accepting would set, and how the ranking would move: worked
        // out only once the facilitator asks (not on every keystroke), and
        // shown before anything changes.
        let plan = (*confirming).then(|| {
            let cells = accepted(&tally, &picks, *default_pick);
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
            let mut after = Scenario::clone(&scenario);
            let _ = after.apply(ScenarioEdit::SetCells(cells.clone()));
            let moves = rank_moves(lang, &scenario, &after);
            let text = t
                .accept_preview
                .replace("{n}", &changing.to_string())
                .replace(
                    "{moves}",
                    &if moves.is_empty() {
                        t.accept_no_moves.to_owned()
                    } else {
                        moves.join(", ")
                    },
                );
            (cells, changing, text)
        });
        let accept = {
            let (on_edit, confirming, messages) =
                (on_edit.clone(), confirming.clone(), messages.clone());
            let cells = plan.as_ref().map(|(cells, _, _)| cells.clone());
            Callback::from(move |_: MouseEvent| match &cells {
                Some(cells) => {
                    on_edit.emit(ScenarioEdit::SetCells(cells.clone()));
                    confirming.set(false);
                    messages.set(Vec::new());
                }
                None => confirming.set(true),
            })
        };
        let cancel_accept = {
            let confirming = confirming.clone();
            Callback::from(move |_: MouseEvent| confirming.set(false))
        };
        let set_default = {
            let default_pick = default_pick.clone();
            Callback::from(move |e: Event| {
                let mean = e.target_unchecked_into::<HtmlSelectElement>().value() == "1";
                default_pick.set(if mean { Pick::Mean } else { Pick::Median });
            })
        };
        let second = {
            let (on_edit, flagged, current, ticked) = (
                on_edit.clone(),
                flagged.clone(),
                current.clone(),
                ticked.clone(),
            );
            let next = scenario.group.next_number();
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
        // Hiding names also clears the reveal's lines, which name people.
        let hide = {
            let (hide_names, messages) = (hide_names.clone(), messages.clone());
            Callback::from(move |_: Event| {
                if !*hide_names {
                    messages.set(Vec::new());
                }
                hide_names.set(!*hide_names);
            })
        };
        let table = el("table")
            .class("heatmap")
            .kid(el("caption").text(t.heatmap))
            .kid(
                el("thead").kid(
                    el("tr")
                        .kid(el("th").attr("scope", "col").text(t.option))
                        .kids(head),
                ),
            )
            .kid(el("tbody").kids(rows));
        let option = |value: &'static str, pick: Pick| {
            el("option")
                .attr("value", value)
                .flag("selected", *default_pick == pick)
                .text(t.picks[usize::from(value == "1")])
        };
        let defaults = el("select")
            .id("accept-default")
            .on_change(set_default)
            .kid(option("0", Pick::Median))
            .kid(option("1", Pick::Mean));
        let accept_words = match &plan {
            Some((_, changing, _)) => t.accept_confirm.replace("{n}", &changing.to_string()),
            None => t.accept.to_owned(),
        };
        let mut buttons = el("div")
            .class("button-row")
            .kid(label("accept-default", t.accept_default))
            .kid(defaults)
            .kid(button(accept_words, accept).class("primary"));
        if plan.is_some() {
            buttons = buttons.kid(button(t.cancel, cancel_accept));
        }
        let preview =
            plan.map(|(_, _, text)| para("accept-preview", text).attr("role", "status").into());
        let buttons = buttons
            .kid(button(t.second_round, second).flag("disabled", flagged.is_empty()))
            .kid_some(preview);
        el("div")
            .class("group-results")
            .kid(para("", people))
            .kid(check(t.hide_names, *hide_names, hide))
            .kid_some(firsts.map(|f| para("firsts", f).into()))
            .kid(
                el("div")
                    .class("table-scroll")
                    .attr("tabindex", "0")
                    .attr("role", "region")
                    .attr("aria-label", t.heatmap)
                    .kid(table),
            )
            .kid_some(detail)
            .kid(el("h3").text(t.queue_heading))
            .kid(queue_list)
            .kid(buttons)
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
            let (hot, take_in, collected) = (hot.clone(), take_in.clone(), collected.clone());
            Callback::from(move |_: MouseEvent| {
                take_in(collected.iter().cloned().map(Ok).collect());
                hot.set(None);
            })
        };
        let cancel = {
            let hot = hot.clone();
            Callback::from(move |_: MouseEvent| hot.set(None))
        };
        let body = el("div").class("hot-seat-body").kid(el("h2").id("hot-heading").text(t.hot_seat));
        let body = if thanks {
            body.kid(para("", t.hot_thanks).attr("role", "status"))
                .kid(button(t.next_person, next_person).class("primary"))
        } else {
            body.kid_some(invitation.map(|invitation| {
                html! { <BallotForm key={key} {lang} {invitation} {on_done} done_label={t.done_hot} /> }
            }))
        };
        let ending = t.hot_end.replace("{n}", &collected.len().to_string());
        let buttons = el("div")
            .class("button-row")
            .kid(button(ending, end).flag("disabled", collected.is_empty()))
            .kid(button(t.cancel, cancel));
        el("div")
            .class("hot-seat")
            .attr("role", "dialog")
            .attr("aria-modal", "true")
            .attr("aria-labelledby", "hot-heading")
            .kid(body.kid(buttons))
    });

    let reveal_view = current.is_some().then(|| {
        let pasted_field = el("textarea")
            .id("return-links")
            .attr("rows", "4")
            .attr("spellcheck", "false")
            .value((*pasted).clone())
            .on_input(on_paste);
        let files = el("input")
            .attr("type", "file")
            .attr("accept", ".json,application/json,text/plain")
            .flag("multiple", true)
            .on_change(on_files);
        let buttons = el("div")
            .class("button-row")
            .kid(button(t.reveal, reveal).class("primary"))
            .kid(el("label").class("file-button").text(t.files).kid(files));
        el("div")
            .class("group-reveal")
            .on_drop(on_drop)
            .kid(el("h3").text(t.reveal_heading))
            .kid(label("return-links", t.paste_label))
            .kid(pasted_field)
            .kid(buttons)
            .into()
    });
    let lines = messages
        .iter()
        .map(|m| el("li").text(m.clone()).into())
        .collect();
    let messages_view = (!messages.is_empty()).then(|| {
        el("div")
            .attr("role", "status")
            .kid(el("ul").class("reveal-messages").kids(lines))
            .into()
    });
    el("section")
        .class("group")
        .attr("aria-labelledby", "group-heading")
        .kid(
            el("h2")
                .id("group-heading")
                .attr("tabindex", "-1")
                .text(t.heading),
        )
        .kid(para("hint", t.intro))
        .kid(start_form)
        .kid_some(round_view.map(Html::from))
        .kid_some(reveal_view)
        .kid_some(messages_view)
        .kid_some(results.map(Html::from))
        .kid_some(hot_view.map(Html::from))
        .into()
}

/// Above this many ballots the tally follows changes once they pause.
const DEFER_TALLY_AFTER: usize = 50;

/// Sets the value accepted for `cell`.
fn choose(picks: &UseStateHandle<Vec<(Cell, Pick)>>, cell: Cell, pick: Pick) {
    let mut next: Vec<(Cell, Pick)> = picks.iter().filter(|(x, _)| *x != cell).cloned().collect();
    next.push((cell, pick));
    picks.set(next);
}

/// Flips a yes/no state when a checkbox changes.
fn flip(state: &UseStateHandle<bool>) -> Callback<Event> {
    let state = state.clone();
    Callback::from(move |_: Event| state.set(!*state))
}

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
