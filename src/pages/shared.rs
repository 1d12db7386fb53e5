//! A scenario opened from a share link: read-only, on its ranking first,
//! with "save a copy" and "back to my scenarios".

use super::scenario_view::ScenarioView;
use super::{Export, PageCallbacks};
use crate::components::share::SharedBar;
use crate::components::Same;
use crate::domain::model::ids::OptionId;
use crate::domain::model::scenario::Scenario;
use crate::i18n::Lang;
use crate::services::clipboard::copy_text;
use crate::services::location;
use crate::state::{Action, Done, Notice};
use std::rc::Rc;
use yew::prelude::*;

/// What [`shared_page`] shows and where what the user does goes.
pub struct SharedPageProps {
    /// UI language.
    pub lang: Lang,
    /// The shared scenario.
    pub scenario: Rc<Scenario>,
    /// The name a saved copy would get.
    pub copy_name: String,
    /// Whether the inputs are shown.
    pub inputs_open: bool,
    /// The option whose breakdown is open.
    pub selected: Option<OptionId>,
    /// The option it is compared with.
    pub compare: Option<OptionId>,
    /// Sends what the user does.
    pub dispatch: Callback<Action>,
    /// The callbacks the scenario's parts get.
    pub callbacks: PageCallbacks,
    /// The notices, shown between the bar and the scenario.
    pub notices: Html,
}

/// See the module docs. A plain function: what it keeps is in the state.
pub fn shared_page(props: &SharedPageProps) -> Html {
    let (lang, dispatch) = (props.lang, &props.dispatch);
    let export = &props.callbacks.export;
    // Leaving the shared view takes the link out of the address bar, so a
    // reload shows the user's own scenarios.
    let on_save_copy = {
        let (dispatch, copy_name) = (dispatch.clone(), props.copy_name.clone());
        Callback::from(move |_| {
            location::clear_fragment();
            dispatch.emit(Action::Notify(Notice::Done(Done::SavedCopy(
                copy_name.clone(),
            ))));
            dispatch.emit(Action::SaveSharedCopy);
        })
    };
    let on_back = dispatch.reform(|_| {
        location::clear_fragment();
        Action::CloseShared
    });
    // A stakeholder passes the link on as they got it: the address itself.
    let on_share = {
        let dispatch = dispatch.clone();
        Callback::from(move |_| {
            let dispatch = dispatch.clone();
            copy_text(&location::current_address(), move |copied| {
                let done = if copied {
                    Done::CopiedLink
                } else {
                    Done::CopyFailed
                };
                dispatch.emit(Action::Notify(Notice::Done(done)));
            });
        })
    };
    // The inputs of a big scenario are thousands of fields: only when asked for.
    let show_inputs =
        (!props.inputs_open).then(|| dispatch.reform(|_: MouseEvent| Action::ShowSharedInputs));
    html! {<>
        <SharedBar {lang} name={props.scenario.name.clone()} {on_save_copy} {on_back}
            on_export={export.reform(|_| Export::Json)}
            on_export_csv={export.reform(|_| Export::Csv)}
            on_copy_markdown={export.reform(|_| Export::Markdown)}
            on_present={dispatch.reform(|_| Action::Present(true))}
            {on_share} />
        { props.notices.clone() }
        <ScenarioView {lang} scenario={Same(props.scenario.clone())} editable=false {show_inputs}
            selected={props.selected} compare={props.compare} summary_first=true
            callbacks={props.callbacks.clone()} />
    </>}
}
