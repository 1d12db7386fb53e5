//! Sharing: the panel with the link to the open scenario, and the bar shown
//! above a scenario opened from someone else's link.

use crate::domain::formats::link::{encode_link, LONG_LINK};
use crate::domain::model::scenario::Scenario;
use crate::i18n::Lang;
use crate::services::clipboard::copy_text;
use crate::services::location::{is_local_file, link_with};
use crate::services::print::print;
use crate::state::Action;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// What [`share_panel`] shows and where what the user does goes.
pub struct SharePanelProps<'a> {
    /// UI language.
    pub lang: Lang,
    /// The scenario to share; the link follows every edit while the panel is open.
    pub scenario: &'a Scenario,
    /// Whether the link opens in the presentation view.
    pub presenting: bool,
    /// The link last copied, and whether that worked.
    pub copied: Option<&'a (String, bool)>,
    /// Sends what the user does.
    pub dispatch: &'a Callback<Action>,
    /// Downloads the JSON export instead (offered for very long links).
    pub on_download_json: Callback<()>,
}

/// The id of the link field: it takes the focus (and selects the link, ready
/// for Ctrl+C) when the panel opens.
pub const SHARE_LINK_ID: &str = "share-link";

/// See the module docs. A plain function: what it keeps is in the state.
pub fn share_panel(props: &SharePanelProps) -> Html {
    let (t, dispatch) = (props.lang.texts(), props.dispatch);
    let link = link_with(&encode_link(props.scenario), props.presenting);
    let presenting = props.presenting;
    let toggle_present = dispatch.reform(move |_: Event| Action::SharePresenting(!presenting));
    let copy = {
        let (link, dispatch) = (link.clone(), dispatch.clone());
        Callback::from(move |_: MouseEvent| {
            let (copied, dispatch) = (link.clone(), dispatch.clone());
            copy_text(&link, move |ok| {
                dispatch.emit(Action::LinkCopied(copied.clone(), ok))
            });
        })
    };
    let select_all = Callback::from(|event: FocusEvent| {
        event.target_unchecked_into::<HtmlInputElement>().select();
    });
    let download = props.on_download_json.reform(|_: MouseEvent| ());
    let length = link.chars().count();
    // After an edit the link is new and not copied yet.
    let copy_result = match props.copied {
        Some((done, true)) if *done == link => t.share.link_copied,
        Some((done, false)) if *done == link => t.share.link_copy_failed,
        _ => "",
    };
    html! {
        <section class="notice share-panel" aria-labelledby="share-title">
            <h2 id="share-title">{ t.share.share_title }</h2>
            <p class="hint">{ t.share.share_explain }</p>
            <div class="share-row">
                <label for={SHARE_LINK_ID} class="visually-hidden">{ t.share.share_link }</label>
                <input id={SHARE_LINK_ID} class="share-link" type="text" readonly=true
                    value={link} onfocus={select_all} spellcheck="false" />
                <button type="button" class="primary" onclick={copy}>{ t.share.copy_link }</button>
                <button type="button" class="ghost" aria-label={t.ranking.close}
                    onclick={dispatch.reform(|_| Action::Share(false))}>{ "✕" }</button>
            </div>
            <label class="check">
                <input type="checkbox" checked={presenting} onchange={toggle_present} />
                { t.share.open_presenting }
            </label>
            <p class="link-length">{ t.share.link_length.replace("{n}", &props.lang.number(length as f64, 0)) }</p>
            if is_local_file() {
                <div class="long-link" role="note">
                    <p>{ t.share.link_from_file }</p>
                    <button type="button" onclick={download.clone()}>{ t.share.download_json_instead }</button>
                </div>
            } else if length > LONG_LINK {
                <div class="long-link" role="alert">
                    <p>{ t.share.long_link_warning }</p>
                    <button type="button" onclick={download}>{ t.share.download_json_instead }</button>
                </div>
            }
            <p class="copy-result" role="status" aria-live="polite">{ copy_result }</p>
        </section>
    }
}

/// What [`SharedBar`] shows and what its buttons do.
#[derive(Properties, PartialEq)]
pub struct SharedBarProps {
    /// UI language.
    pub lang: Lang,
    /// The shared scenario's name.
    pub name: String,
    /// Adds the shared scenario to the user's own.
    pub on_save_copy: Callback<()>,
    /// Shows the user's own scenarios again.
    pub on_back: Callback<()>,
    /// Downloads the shared scenario's JSON export.
    pub on_export: Callback<()>,
    /// Downloads its ranked backlog as CSV.
    pub on_export_csv: Callback<()>,
    /// Copies its ranked backlog as a Markdown table.
    pub on_copy_markdown: Callback<()>,
    /// Switches to the presentation view.
    pub on_present: Callback<()>,
    /// Passes the link on (copies it).
    pub on_share: Callback<()>,
}

/// See the module docs. On a phone the downloads, present and print fold
/// behind "More", so the scenario starts right below the bar.
#[function_component(SharedBar)]
pub fn shared_bar(props: &SharedBarProps) -> Html {
    let t = props.lang.texts();
    let more = use_state(|| false);
    let click = |callback: &Callback<()>| callback.reform(|_: MouseEvent| ());
    let toggle = {
        let more = more.clone();
        Callback::from(move |_: MouseEvent| more.set(!*more))
    };
    html! {
        <section class="shared-bar" aria-label={t.share.shared_label}>
            <div class="shared-text">
                <p class="shared-label">{ t.share.shared_label }</p>
                <h1 class="shared-name">{ props.name.clone() }</h1>
                <p class="hint">{ t.share.shared_hint }</p>
            </div>
            <div class="shared-actions">
                <button type="button" class="primary" onclick={click(&props.on_save_copy)}>{ t.share.save_copy }</button>
                <button type="button" id="shared-share" onclick={click(&props.on_share)}>{ t.bar.share }</button>
                <button type="button" class="more-toggle" aria-expanded={(*more).to_string()}
                    aria-controls="shared-exports" onclick={toggle}>{ t.share.more }</button>
                <button type="button" onclick={click(&props.on_back)}>{ "← " }{ t.share.back_to_mine }</button>
            </div>
            <div id="shared-exports" class={classes!("shared-exports", more.then_some("open"))}>
                <button type="button" onclick={click(&props.on_export)}>{ t.bar.export_json }</button>
                <button type="button" onclick={click(&props.on_export_csv)}>{ t.bar.export_csv }</button>
                <button type="button" onclick={click(&props.on_copy_markdown)}>{ t.bar.copy_markdown }</button>
                <button type="button" onclick={click(&props.on_present)}>{ t.room.present }</button>
                <button type="button" onclick={Callback::from(|_| print())}>{ t.room.print }</button>
            </div>
        </section>
    }
}
