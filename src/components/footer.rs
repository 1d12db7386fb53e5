//! The page's frame around the screens: the skip link at the top, and the
//! footer saying whether the work is saved, how much of the browser's storage
//! it takes, and where the offline file is.

use crate::hooks::SaveStatus;
use crate::i18n::Lang;
use crate::services::focus::focus_by_id;
use yew::prelude::*;

/// The first thing a keyboard reaches: a link to the ranking.
pub fn skip_link(lang: Lang) -> Html {
    let onclick = Callback::from(|event: MouseEvent| {
        // The fragment stays: it is where share links live.
        event.prevent_default();
        focus_by_id("ranking-heading");
    });
    html! {
        <a class="skip-link" href="#ranking-heading" {onclick}>{ lang.texts().room.skip_to_ranking }</a>
    }
}

/// The footer for `status` (`shared`: a shared scenario, which is not stored)
/// and `bytes_used` of the browser's storage, when known.
pub fn footer(lang: Lang, status: &SaveStatus, shared: bool, bytes_used: Option<usize>) -> Html {
    let t = lang.texts();
    let (status_class, status_text) = match status {
        _ if shared => ("read-only", t.share.nothing_stored),
        SaveStatus::Saved => ("saved", t.notices.saved),
        SaveStatus::Pending => ("pending", t.notices.saving),
        SaveStatus::Failed(error) => ("failed", lang.save_error(error)),
    };
    let usage = bytes_used.map(|bytes| {
        t.notices
            .storage_usage
            .replace("{used}", &lang.kilobytes(bytes))
    });
    html! {
        <footer class="footer">
            <p class={classes!("save-status", status_class)} role="status" aria-live="polite">{ status_text }</p>
            if let Some(usage) = usage {
                <p class="usage">{ usage }</p>
            }
            <p>{ t.notices.footer }</p>
            <p><a href="kerze.html" download="kerze.html">{ t.notices.offline_file }</a></p>
        </footer>
    }
}
