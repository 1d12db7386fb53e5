//! Links pasted into the address bar of an open Kerze.

use super::after_a_frame;
use crate::domain::formats::link::is_link;
use crate::services::location::{self, scenario_from_address};
use crate::state::{Action, Busy, Notice, NoticeKey};
use gloo_events::EventListener;
use yew::prelude::*;

/// A link pasted into the address bar of an open Kerze changes only the
/// fragment: open it, or go back to the user's own when the fragment is gone.
/// A big link takes a moment to read, so the page first says it is working.
#[hook]
pub fn use_shared_link(dispatch: Callback<Action>) {
    use_effect_with((), move |_| {
        let listener = web_sys::window().map(|w| {
            EventListener::new(&w, "hashchange", move |_| {
                if !is_link(&location::fragment()) {
                    dispatch.emit(Action::CloseShared);
                    return;
                }
                dispatch.emit(Action::Notify(Notice::Busy(Busy::OpeningLink)));
                let dispatch = dispatch.clone();
                after_a_frame(Box::new(move || {
                    match scenario_from_address() {
                        Some(Ok(shared)) => {
                            dispatch.emit(Action::Dismiss(NoticeKey::LinkFailed));
                            dispatch.emit(Action::OpenShared(shared));
                        }
                        Some(Err(error)) => {
                            dispatch.emit(Action::Notify(Notice::LinkFailed(error)))
                        }
                        None => dispatch.emit(Action::CloseShared),
                    }
                    dispatch.emit(Action::Dismiss(NoticeKey::Busy));
                }));
            })
        });
        move || drop(listener)
    });
}
