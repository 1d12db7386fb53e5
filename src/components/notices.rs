//! Every notice the page shows, in one list with one way to dismiss.

use crate::domain::formats::import::ImportError;
use crate::domain::saving::save::{OtherSource, Unreadable};
use crate::hooks::apply_update;
use crate::i18n::Lang;
use crate::services::download::download_text;
use crate::state::{Action, Busy, Done, Notice, Notices};
use yew::prelude::*;

/// How many problems of a refused file are listed.
const LISTED: usize = 12;

/// What [`notice_list`] shows and where the answers go.
pub struct NoticeListProps {
    /// UI language.
    pub lang: Lang,
    /// The notices.
    pub notices: Notices,
    /// The name of the scenario the "deleted" notice is about, while it can
    /// still be restored.
    pub deleted_name: Option<AttrValue>,
    /// Sends what the user chose.
    pub dispatch: Callback<Action>,
    /// Answers a conflict (`true` keeps this tab's version).
    pub on_resolve: Callback<(crate::domain::saving::save::OtherVersion, bool)>,
}

/// The notices, oldest first. A plain function: it holds no state (a done
/// notice goes by itself through `hooks::use_done_notice_goes`).
pub fn notice_list(props: &NoticeListProps) -> Html {
    props
        .notices
        .shown()
        .map(|notice| view(props, notice))
        .collect()
}

fn view(props: &NoticeListProps, notice: &Notice) -> Html {
    let (lang, t) = (props.lang, props.lang.texts());
    let emit = |action: Action| props.dispatch.reform(move |_: MouseEvent| action.clone());
    let button = |label: &str, primary: bool, onclick: Callback<MouseEvent>| {
        html! { <button type="button" class={primary.then_some("primary")} {onclick}>{ label }</button> }
    };
    let (class, alert, body) = match notice {
        Notice::Deleted(id) => {
            let Some(name) = &props.deleted_name else {
                return Html::default();
            };
            let body = html! {<>
                <span>{ t.notices.deleted_notice.replace("{name}", name) }</span>
                { button(t.bar.undo, true, emit(Action::RestoreScenario(id.clone()))) }
            </>};
            ("", false, body)
        }
        Notice::Done(done) => {
            let message = done_message(lang, done);
            ("", false, html! { <span>{ message }</span> })
        }
        Notice::Busy(work) => {
            let message = match work {
                Busy::OpeningLink => t.notices.opening_link.to_owned(),
                Busy::Reading(name) => t.notices.reading_file.replace("{file}", name),
            };
            let body = html! {<>
                <span class="spinner" aria-hidden="true"></span>
                <span>{ message }</span>
            </>};
            ("busy", false, body)
        }
        Notice::ImportFailed(file, error) => {
            let problems = match error {
                ImportError::Problems(problems) => problems.as_slice(),
                _ => &[],
            };
            let reason = lang.import_error(error);
            let body = html! {<>
                <p>{ t.notices.import_failed.replace("{file}", file).replace("{reason}", &reason) }</p>
                if !problems.is_empty() {
                    <ul class="problems">
                        { for problems.iter().take(LISTED).map(|p| html! {
                            <li><code>{ &p.path }</code>{ ": " }{ lang.issue(&p.issue) }</li>
                        }) }
                        if problems.len() > LISTED {
                            <li>{ t.notices.more_problems.replace("{n}", &(problems.len() - LISTED).to_string()) }</li>
                        }
                    </ul>
                }
                <p>{ t.notices.nothing_changed }</p>
            </>};
            ("warning import-error", true, body)
        }
        Notice::LinkFailed(error) => {
            let body = html! {<>
                <p>{ t.errors.link_failed.replace("{reason}", &lang.link_error(error)) }</p>
                <p>{ t.errors.link_unchanged }</p>
            </>};
            ("warning link-error", true, body)
        }
        Notice::StorageFull(frees) => {
            let body = html! {<>
                <p>{ t.notices.not_saved_full }</p>
                if *frees == 0 {
                    <p>{ t.notices.full_remedy_none }</p>
                } else {
                    { button(&t.notices.empty_trash.replace("{size}", &lang.kilobytes(*frees)), true, emit(Action::EmptyTrash)) }
                }
            </>};
            ("warning storage-full", true, body)
        }
        Notice::NewerData => {
            let body = html! {<>
                <p>{ t.notices.newer_data }</p>
                { button(t.notices.reload, true, Callback::from(|_| apply_update())) }
            </>};
            ("warning newer-data", false, body)
        }
        Notice::UpdateReady => {
            let body = html! {<>
                <span>{ t.notices.update_ready }</span>
                { button(t.notices.reload, true, Callback::from(|_| apply_update())) }
            </>};
            ("update", false, body)
        }
        Notice::Unreadable(entries) => {
            let body = unreadable(lang, entries, &button);
            ("warning unreadable", true, body)
        }
        Notice::Conflict(found) => {
            let message = match found.source {
                OtherSource::Entry(_) => t.notices.conflict,
                OtherSource::Pending(_) => t.notices.lost_write,
            };
            let answer = |keep_mine: bool| {
                let found = found.clone();
                props
                    .on_resolve
                    .reform(move |_: MouseEvent| (found.clone(), keep_mine))
            };
            let body = html! {<>
                <p>{ message.replace("{name}", &found.theirs.name) }</p>
                if !found.clashes.is_empty() {
                    <p>{ lang.clashes(&found.clashes) }</p>
                }
                { button(t.notices.take_theirs, false, answer(false)) }
                { button(t.notices.keep_mine, true, answer(true)) }
            </>};
            ("warning conflict", true, body)
        }
    };
    let key = notice.key().to_string();
    html! {
        <div {key} class={classes!("notice", class)} role={if alert { "alert" } else { "status" }}
            aria-busy={matches!(notice, Notice::Busy(_)).then_some("true")}>
            { body }
            if notice.dismissable() {
                <button type="button" class="ghost" aria-label={t.notices.dismiss}
                    onclick={emit(Action::Dismiss(notice.key()))}>{ "✕" }</button>
            }
        </div>
    }
}

/// What a finished piece of work says.
fn done_message(lang: Lang, done: &Done) -> String {
    let t = lang.texts();
    match done {
        Done::Imported(name) => t.notices.imported.replace("{name}", name),
        Done::SavedCopy(name) => t.notices.saved_copy.replace("{name}", name),
        Done::CopiedMarkdown => t.notices.copied_markdown.to_owned(),
        Done::CopyFailed => t.notices.copy_failed.to_owned(),
        Done::CopiedLink => t.notices.copied_link.to_owned(),
        Done::Merged(name) => t.notices.merged.replace("{name}", name),
        Done::BroughtIn(brought) => {
            let i = &t.intake;
            let moves = brought.moves.iter().map(|(option, from, to)| {
                let text = match from {
                    Some(from) => i.moved.replace("{from}", &from.to_string()),
                    None => i.new_at.to_owned(),
                };
                text.replace("{option}", option)
                    .replace("{to}", &to.to_string())
            });
            let said = if brought.pasted {
                i.pasted
            } else {
                i.brought_in
            }
            .replace("{new}", &lang.number(brought.added as f64, 0))
            .replace("{changed}", &lang.number(brought.changed as f64, 0));
            // A paste has no desk that listed its cells: the notice says them.
            let not_taken = brought
                .first_not_taken
                .as_ref()
                .filter(|_| brought.pasted)
                .map(|(line, column, text, issue)| {
                    i.not_taken
                        .replace("{n}", &lang.number(brought.not_taken as f64, 0))
                        .replace("{first}", &lang.cell_problem(*line, column, text, issue))
                });
            std::iter::once(said)
                .chain(not_taken)
                .chain(moves)
                .collect::<Vec<_>>()
                .join(" · ")
        }
        Done::ValuesCleared { criterion, count } => t
            .notices
            .values_cleared
            .replace("{name}", criterion)
            .replace("{count}", &count.to_string()),
        Done::Repaired(list) => {
            let names: Vec<String> = list
                .iter()
                .map(|(name, count)| format!("“{name}” ({count})"))
                .collect();
            t.notices.repaired.replace("{list}", &names.join(", "))
        }
    }
}

/// The scenarios storage could not read, each with its raw text to download.
fn unreadable(
    lang: Lang,
    entries: &[Unreadable],
    button: &dyn Fn(&str, bool, Callback<MouseEvent>) -> Html,
) -> Html {
    let t = lang.texts();
    html! {<>
        <p>{ t.notices.unreadable_scenarios.replace("{n}", &entries.len().to_string()) }</p>
        <ul>
            { for entries.iter().map(|entry| {
                let (id, raw) = (entry.id.clone(), entry.raw.clone());
                let download = Callback::from(move |_| {
                    download_text(&format!("kerze-unreadable-{id}.json"), "application/json", &raw);
                });
                html! {
                    <li key={entry.id.to_string()}>
                        <span class="unreadable-name">{ entry.label() }</span>
                        { ": " }{ lang.entry_error(&entry.error) }
                        { button(t.notices.download_raw, false, download) }
                    </li>
                }
            }) }
        </ul>
    </>}
}
