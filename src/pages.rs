//! One module per screen. `App` picks the page for `State::screen`; a new
//! screen is a new `Screen` variant and a new module here.

mod ballot;
mod edit;
mod present;
mod scenario_view;
mod shared;

pub use ballot::{BallotPage, BallotPageProps};
pub use edit::{edit_page, EditPageProps};
pub use present::PRESENT_HEADING_ID;
pub use scenario_view::ScenarioView;
pub use shared::{shared_page, SharedPageProps};

use crate::domain::formats::export::{export_file_name, export_json};
use crate::domain::formats::table::{ranking_csv, ranking_markdown};
use crate::domain::model::ids::OptionId;
use crate::domain::model::scenario::{Scenario, ScenarioEdit};
use crate::i18n::Lang;
use crate::services::clipboard::copy_text;
use crate::services::clock::{now_iso, today};
use crate::services::download::download_text;
use crate::state::{Action, Done, Notice, RoundAction, SheetAction};
use std::rc::Rc;
use yew::prelude::*;

/// A way to take the shown scenario out of Kerze.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Export {
    /// The JSON export file.
    Json,
    /// The ranked backlog as a CSV file.
    Csv,
    /// The ranked backlog as a Markdown table, on the clipboard.
    Markdown,
}

/// Carries out an export of `scenario`; a copy to the clipboard reports back.
fn export(kind: Export, scenario: &Scenario, lang: Lang, dispatch: &Callback<Action>) {
    let titles = lang.table_titles();
    let texts = lang.table_texts(&titles);
    match kind {
        Export::Json => {
            let name = export_file_name(&scenario.name, &today(), "json");
            download_text(&name, "application/json", &export_json(scenario, now_iso()));
        }
        Export::Csv => {
            let name = export_file_name(&scenario.name, &today(), "csv");
            download_text(
                &name,
                "text/csv;charset=utf-8",
                &ranking_csv(scenario, &texts),
            );
        }
        Export::Markdown => {
            let dispatch = dispatch.clone();
            copy_text(&ranking_markdown(scenario, &texts), move |copied| {
                let done = if copied {
                    Done::CopiedMarkdown
                } else {
                    Done::CopyFailed
                };
                dispatch.emit(Action::Notify(Notice::Done(done)));
            });
        }
    }
}

/// What every page hands to its parts, made once by [`use_page_callbacks`]:
/// props that hold them stay equal, so rows given them skip re-rendering.
#[derive(Clone, PartialEq)]
pub struct PageCallbacks {
    /// Sends an edit of the shown scenario.
    pub on_edit: Callback<ScenarioEdit>,
    /// Opens or closes an option's breakdown.
    pub on_select: Callback<Option<OptionId>>,
    /// Starts, changes or ends a comparison.
    pub on_compare: Callback<Option<OptionId>>,
    /// Takes the shown scenario out of Kerze.
    pub export: Callback<Export>,
    /// Sends what the facilitator does at the group-scoring desk.
    pub on_round: Callback<RoundAction>,
    /// Sends a sheet's actions (a block pasted into the options table).
    pub on_sheet: Callback<SheetAction>,
}

/// The pages' callbacks for the shown scenario.
#[hook]
pub fn use_page_callbacks(
    shown: &Rc<Scenario>,
    lang: Lang,
    dispatch: &Callback<Action>,
) -> PageCallbacks {
    PageCallbacks {
        on_edit: use_reform(dispatch, Action::Edit),
        on_select: use_reform(dispatch, Action::SelectOption),
        on_compare: use_reform(dispatch, Action::CompareWith),
        export: use_export(shown, lang, dispatch),
        on_round: use_reform(dispatch, Action::Round),
        on_sheet: use_reform(dispatch, Action::Sheet),
    }
}

/// One callback for every export of the shown scenario.
#[hook]
fn use_export(
    scenario: &Rc<Scenario>,
    lang: Lang,
    dispatch: &Callback<Action>,
) -> Callback<Export> {
    let dispatch = dispatch.clone();
    use_callback((scenario.clone(), lang), move |kind, (scenario, lang)| {
        export(kind, scenario, *lang, &dispatch)
    })
}

/// `dispatch` turned into a callback of another type, made once: props that
/// hold it never change, so rows given it skip re-rendering.
#[hook]
fn use_reform<T: 'static>(dispatch: &Callback<Action>, to_action: fn(T) -> Action) -> Callback<T> {
    let dispatch = dispatch.clone();
    (*use_memo((), move |_| dispatch.reform(to_action))).clone()
}
