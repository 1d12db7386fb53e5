//! The app's effects, one hook per concern. Each says why it exists; the
//! reducer stays pure and the components only render and dispatch.

mod document_lang;
mod done_notice;
mod file_import;
mod persistence;
mod printing;
mod samples;
mod settled;
mod shared_link;
mod shortcuts;
mod stable;
mod update_offer;

pub use document_lang::use_document_lang;
pub use done_notice::use_done_notice_goes;
pub use file_import::use_file_import;
pub use persistence::{use_persistence, SaveStatus};
pub use printing::use_printing;
pub use samples::use_samples;
pub use settled::use_settled;
pub use shared_link::use_shared_link;
pub use shortcuts::{
    use_focus_return, use_shortcuts, KeyContext, ADD_OPTION_ID, FIND_ID, SHARE_ID,
};
pub use stable::{use_latest, use_stable, use_stable_by, Same};
pub use update_offer::{apply_update, use_update_offer};

/// Runs `work` after the page had a frame to show that it is busy. Boxed:
/// one timer closure in the bundle, whatever the work.
pub(crate) fn after_a_frame(work: Box<dyn FnOnce()>) {
    gloo_timers::callback::Timeout::new(30, work).forget();
}
