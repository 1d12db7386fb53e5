//! A value that follows changes once they pause: large views (charts of
//! hundreds of options, the tally of hundreds of ballots) redraw a moment
//! after the typing stops, so that each keystroke redraws the ranking at once.

use gloo_timers::callback::Timeout;
use yew::prelude::*;

/// How long the changes must pause before a deferred view follows.
pub const DEFER_MS: u32 = 150;

/// `value` when `defer` is off; else `value` as it was when the changes last
/// paused for [`DEFER_MS`].
#[hook]
pub fn use_settled<T: Clone + PartialEq + 'static>(value: T, defer: bool) -> T {
    let settled = use_state(|| value.clone());
    {
        let settled = settled.clone();
        use_effect_with((value.clone(), defer), move |(value, defer)| {
            let now = value.clone();
            let timer = defer.then(|| Timeout::new(DEFER_MS, move || settled.set(now)));
            move || drop(timer)
        });
    }
    if defer {
        (*settled).clone()
    } else {
        value
    }
}
