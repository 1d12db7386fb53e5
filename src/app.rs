//! The shell: the one state, the hooks that connect it to the browser, and
//! the page for the current screen.

use crate::boot::Boot;
use crate::components::footer::{footer, skip_link};
use crate::components::help::{shortcut_help, HELP_CLOSE_ID};
use crate::components::notices::{notice_list, NoticeListProps};
use crate::components::share::SHARE_LINK_ID;
use crate::components::Same;
use crate::hooks::{
    use_document_lang, use_done_notice_goes, use_file_import, use_focus_return, use_persistence,
    use_shared_link, use_shortcuts, use_update_offer, KeyContext,
};
use crate::i18n::Lang;
use crate::pages::{edit_page, shared_page, use_page_callbacks, EditPageProps};
use crate::pages::{ScenarioView, SharedPageProps, PRESENT_HEADING_ID};
use crate::services::clock::new_scenario_id;
use crate::state::{Action, Screen, State};
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match State::reduce(&self, action) {
            Some(next) => Rc::new(next),
            None => self,
        }
    }
}

/// Props of [`App`]: the start of the visit, read before the first render.
#[derive(Properties)]
pub struct AppProps {
    /// Taken by the first render.
    pub boot: Rc<RefCell<Option<Boot>>>,
}

impl PartialEq for AppProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.boot, &other.boot)
    }
}

/// The whole app.
#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    // The boot value is taken by the first render; later renders find `None`.
    let (start, saving) = match props.boot.borrow_mut().take() {
        Some(boot) => (Some(boot.state), Some((boot.saver, boot.status))),
        None => (None, None),
    };
    let state = use_reducer(move || {
        start.unwrap_or_else(|| State::first_run(new_scenario_id(), Lang::default()))
    });
    let dispatch = {
        let dispatcher = state.dispatcher();
        (*use_memo((), move |_| Callback::from(move |a| dispatcher.dispatch(a)))).clone()
    };
    let persistence = use_persistence(&state, saving, dispatch.clone());
    let import = use_file_import(&state, dispatch.clone());
    use_shared_link(dispatch.clone());
    use_shortcuts(
        dispatch.clone(),
        KeyContext {
            presenting: state.presenting,
            escapable: state.help_open
                || state.share.open
                || state.presenting
                || state.intake.is_some()
                || state.selected.is_some(),
        },
    );
    use_focus_return(state.presenting, PRESENT_HEADING_ID);
    use_focus_return(state.help_open, HELP_CLOSE_ID);
    use_focus_return(state.share.open, SHARE_LINK_ID);
    use_update_offer(dispatch.clone());
    use_done_notice_goes(&state.notices, dispatch.clone());
    let callbacks = use_page_callbacks(state.shown(), state.lang, &dispatch);
    use_document_lang(state.lang);

    let lang = state.lang;
    let workspace = &state.workspace;
    let deleted_name = state
        .notices
        .just_deleted()
        .and_then(|id| workspace.trash.iter().find(|s| &s.id == id))
        .map(|s| AttrValue::from(s.name.clone()));
    let notices = notice_list(&NoticeListProps {
        lang,
        notices: state.notices.clone(),
        deleted_name,
        dispatch: dispatch.clone(),
        on_resolve: persistence.resolve.clone(),
    });
    let shared = state.shared().is_some();
    let footer = footer(lang, &persistence.status, shared, persistence.bytes_used);

    html! {
        <div class={classes!("app", state.presenting.then_some("presenting"))}>
            if !state.presenting {
                { skip_link(lang) }
            }
            { match &state.screen {
                _ if state.presenting => html! {
                    <ScenarioView {lang} scenario={Same(state.shown().clone())} editable=false
                        own={state.shared().is_none()}
                        selected={state.selected} compare={state.compare}
                        callbacks={callbacks.clone()}
                        presenting={dispatch.reform(|_: MouseEvent| Action::Present(false))} />
                },
                Screen::Edit => edit_page(&EditPageProps {
                    lang,
                    workspace: workspace.clone(),
                    can_undo: state.can_undo(),
                    can_redo: state.can_redo(),
                    selected: state.selected,
                    compare: state.compare,
                    share: state.share.clone(),
                    tools_open: state.tools_open,
                    desk: state.round.clone(),
                    intake: state.intake.clone().map(Same),
                    dispatch: dispatch.clone(),
                    callbacks,
                    on_import: import.on_import.clone(),
                    notices,
                }),
                Screen::Shared { scenario, inputs_open } => shared_page(&SharedPageProps {
                    lang,
                    scenario: scenario.clone(),
                    copy_name: workspace.free_name(&scenario.name),
                    inputs_open: *inputs_open,
                    selected: state.selected,
                    compare: state.compare,
                    dispatch: dispatch.clone(),
                    callbacks,
                    notices,
                }),
            } }
            if state.help_open {
                { shortcut_help(lang, dispatch.reform(|_: MouseEvent| Action::Help(false))) }
            }
            if import.dragging {
                <div class="drop-overlay" aria-hidden="true"><p>{ lang.texts().notices.drop_to_import }</p></div>
            }
            { footer }
        </div>
    }
}
