//! A notice of something done goes by itself.

use crate::state::{Action, Notice, NoticeKey, Notices};
use gloo_timers::callback::Timeout;
use yew::prelude::*;

/// How long a "done" notice stays (it also has a close button).
const DONE_SHOWN_MS: u32 = 8_000;

/// What was just done ("imported", "copied") goes after a few seconds, so
/// notices never pile up; what needs an answer stays until it is answered.
#[hook]
pub fn use_done_notice_goes(notices: &Notices, dispatch: Callback<Action>) {
    let done = notices.shown().find_map(|n| match n {
        Notice::Done(done) => Some(done.clone()),
        _ => None,
    });
    use_effect_with(done, move |done| {
        let timer = done.is_some().then(|| {
            Timeout::new(DONE_SHOWN_MS, move || {
                dispatch.emit(Action::Dismiss(NoticeKey::Done))
            })
        });
        move || drop(timer)
    });
}
