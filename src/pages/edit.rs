//! Editing the user's own scenario: the scenario bar, the share panel, the
//! inputs and the ranking.

use super::scenario_view::ScenarioView;
use super::{Export, PageCallbacks};
use crate::components::intake::IntakePanel;
use crate::components::scenario_bar::{scenario_bar, ScenarioBarProps, ScenarioEntry};
use crate::components::share::{share_panel, SharePanelProps};
use crate::components::Same;
use crate::domain::model::ids::OptionId;
use crate::domain::model::scenario::Scenario;
use crate::hooks::after_a_frame;
use crate::i18n::Lang;
use crate::services::clock::new_scenario_id;
use crate::services::focus::focus_and_select;
use crate::state::{Action, RoundDesk, ShareState, SheetDesk, Workspace};
use std::rc::Rc;
use yew::prelude::*;

/// What [`edit_page`] shows and where what the user does goes.
pub struct EditPageProps {
    /// UI language.
    pub lang: Lang,
    /// The user's scenarios.
    pub workspace: Workspace,
    /// Whether Undo would do something.
    pub can_undo: bool,
    /// Whether Redo would do something.
    pub can_redo: bool,
    /// The option whose breakdown is open.
    pub selected: Option<OptionId>,
    /// The option it is compared with.
    pub compare: Option<OptionId>,
    /// The share panel's state.
    pub share: ShareState,
    /// Whether the less frequent tools are unfolded (on a phone).
    pub tools_open: bool,
    /// The group-scoring desk.
    pub desk: Rc<RoundDesk>,
    /// The desk where a sheet is brought in, while one is.
    pub intake: Option<Same<SheetDesk>>,
    /// Sends what the user does.
    pub dispatch: Callback<Action>,
    /// The callbacks the scenario's parts get.
    pub callbacks: PageCallbacks,
    /// Imports a picked file.
    pub on_import: Callback<web_sys::File>,
    /// The notices, shown between the bar and the scenario.
    pub notices: Html,
}

fn entries(list: &[Rc<Scenario>]) -> Vec<ScenarioEntry> {
    list.iter()
        .map(|s| ScenarioEntry {
            id: s.id.clone(),
            name: s.name.clone(),
        })
        .collect()
}

/// See the module docs. A plain function: what it keeps is in the state.
pub fn edit_page(props: &EditPageProps) -> Html {
    let (lang, dispatch) = (props.lang, &props.dispatch);
    let workspace = &props.workspace;
    let scenario = workspace.active_scenario().clone();
    let export = &props.callbacks.export;
    let active = workspace.active.clone();
    // New scenarios get their ids here, at the edge: the reducer stays pure.
    // A new scenario's name is selected, ready to be typed over.
    let on_new = dispatch.reform(|_| {
        after_a_frame(Box::new(|| focus_and_select("scenario-name")));
        Action::NewScenario(new_scenario_id())
    });
    let on_new_preset = dispatch.reform(|preset| match preset {
        Some(preset) => {
            after_a_frame(Box::new(|| focus_and_select("scenario-name")));
            Action::NewFromPreset(new_scenario_id(), preset)
        }
        None => Action::OpenRiceDemo(new_scenario_id()),
    });
    let on_duplicate = dispatch.reform(|_| Action::DuplicateScenario(new_scenario_id()));
    let on_delete = dispatch.reform(move |_| Action::DeleteScenario {
        id: active.clone(),
        replacement: new_scenario_id(),
    });
    html! {<>
        { scenario_bar(&ScenarioBarProps {
            lang,
            scenarios: entries(&workspace.scenarios),
            active: workspace.active.clone(),
            trash: entries(&workspace.trash),
            dispatch: dispatch.clone(),
            on_new,
            on_new_preset,
            on_duplicate,
            on_delete,
            on_export: export.reform(|_| Export::Json),
            on_export_csv: export.reform(|_| Export::Csv),
            on_copy_markdown: export.reform(|_| Export::Markdown),
            on_share: dispatch.reform(|_| Action::Share(true)),
            on_present: dispatch.reform(|_| Action::Present(true)),
            on_import: props.on_import.clone(),
            can_undo: props.can_undo,
            can_redo: props.can_redo,
            tools_open: props.tools_open,
        }) }
        if props.share.open {
            { share_panel(&SharePanelProps {
                lang,
                scenario: &scenario,
                presenting: props.share.presenting,
                copied: props.share.copied.as_ref(),
                dispatch,
                on_download_json: export.reform(|_| Export::Json),
            }) }
        }
        { props.notices.clone() }
        if let Some(desk) = props.intake.clone() {
            <IntakePanel {lang} scenario={Same(scenario.clone())} {desk} dispatch={dispatch.clone()} />
        }
        <ScenarioView {lang} scenario={Same(scenario)} editable=true selected={props.selected}
            compare={props.compare} callbacks={props.callbacks.clone()} desk={props.desk.clone()} />
    </>}
}
