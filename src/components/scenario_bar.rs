//! The top bar: switch, create, duplicate, delete, restore, share, export and
//! import scenarios; language.

use crate::domain::model::ids::ScenarioId;
use crate::domain::model::presets::Preset;
use crate::hooks::SHARE_ID;
use crate::i18n::Lang;
use crate::services::focus::click_by_id;
use crate::services::print::print;
use crate::state::Action;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// A scenario as the switcher lists it.
#[derive(Clone, Debug, PartialEq)]
pub struct ScenarioEntry {
    /// Its id.
    pub id: ScenarioId,
    /// Its name.
    pub name: String,
}

/// What [`scenario_bar`] shows and what its controls do.
pub struct ScenarioBarProps {
    /// UI language.
    pub lang: Lang,
    /// The user's scenarios.
    pub scenarios: Vec<ScenarioEntry>,
    /// The open one.
    pub active: ScenarioId,
    /// Recently deleted ones.
    pub trash: Vec<ScenarioEntry>,
    /// Sends actions that need no new id.
    pub dispatch: Callback<Action>,
    /// Creates a new scenario.
    pub on_new: Callback<()>,
    /// Creates a new scenario on a framework's criteria (`None`: the demo scored with RICE).
    pub on_new_preset: Callback<Option<Preset>>,
    /// Duplicates the open scenario.
    pub on_duplicate: Callback<()>,
    /// Deletes the open scenario.
    pub on_delete: Callback<()>,
    /// Downloads the open scenario's JSON export.
    pub on_export: Callback<()>,
    /// Downloads the ranked backlog as CSV.
    pub on_export_csv: Callback<()>,
    /// Copies the ranked backlog as a Markdown table.
    pub on_copy_markdown: Callback<()>,
    /// Opens the share panel.
    pub on_share: Callback<()>,
    /// Switches to the presentation view.
    pub on_present: Callback<()>,
    /// Imports a file the user picked.
    pub on_import: Callback<web_sys::File>,
    /// Whether there is something to undo.
    pub can_undo: bool,
    /// Whether there is something to redo.
    pub can_redo: bool,
    /// Whether the less frequent tools are unfolded (on a phone).
    pub tools_open: bool,
}

/// The hidden file field behind "Import…".
const IMPORT_FILE_ID: &str = "import-file";

fn untitled(name: &str, lang: Lang) -> String {
    if name.trim().is_empty() {
        lang.texts().bar.untitled_scenario.to_owned()
    } else {
        name.to_owned()
    }
}

/// See the module docs. A plain function: what it keeps is in the state.
pub fn scenario_bar(props: &ScenarioBarProps) -> Html {
    let lang = props.lang;
    let t = lang.texts();
    let select = {
        let dispatch = props.dispatch.clone();
        let ids: Vec<ScenarioId> = props.scenarios.iter().map(|s| s.id.clone()).collect();
        Callback::from(move |event: Event| {
            let index = event
                .target_unchecked_into::<HtmlSelectElement>()
                .selected_index();
            if let Some(id) = usize::try_from(index).ok().and_then(|i| ids.get(i)) {
                dispatch.emit(Action::SelectScenario(id.clone()));
            }
        })
    };
    let set_lang = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |event: Event| {
            let index = event
                .target_unchecked_into::<HtmlSelectElement>()
                .selected_index();
            if let Some(lang) = usize::try_from(index).ok().and_then(|i| Lang::ALL.get(i)) {
                dispatch.emit(Action::SetLang(*lang));
            }
        })
    };
    let click = |callback: &Callback<()>| callback.reform(|_: MouseEvent| ());
    let action = |action: Action| {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(action.clone()))
    };
    // On a phone the less frequent tools fold away behind "More".
    let more_open = props.tools_open;
    let toggle_more = action(Action::Tools(!more_open));
    let pick_file = Callback::from(|_: MouseEvent| {
        click_by_id(IMPORT_FILE_ID);
    });
    let file_picked = {
        let on_import = props.on_import.clone();
        Callback::from(move |event: Event| {
            let input = event.target_unchecked_into::<HtmlInputElement>();
            if let Some(file) = input.files().and_then(|files| files.get(0)) {
                on_import.emit(file);
            }
            // The same file can be picked again after fixing it.
            input.set_value("");
        })
    };
    let restore_items = props.trash.iter().map(|entry| {
        let id = entry.id.clone();
        let onclick = props.dispatch.reform(move |_: MouseEvent| Action::RestoreScenario(id.clone()));
        let id = entry.id.clone();
        let purge = props.dispatch.reform(move |_: MouseEvent| Action::DeleteForGood(id.clone()));
        let name = untitled(&entry.name, lang);
        html! {
            <li key={entry.id.to_string()}>
                <span class="trash-name" title={name.clone()}>{ name.clone() }</span>
                <button type="button" aria-label={format!("{}: {}", t.bar.restore, name)} {onclick}>{ t.bar.restore }</button>
                <button type="button" class="ghost" aria-label={format!("{}: {}", t.bar.delete_for_good, name)} onclick={purge}>{ t.bar.delete_for_good }</button>
            </li>
        }
    });
    html! {
        <header class="topbar">
            // Outside the scrolling tool row, so that it never widens the page on a phone.
            <input id={IMPORT_FILE_ID} type="file" class="visually-hidden" tabindex="-1" aria-label={t.bar.import_file}
                accept=".json,application/json,.csv,text/csv,.tsv,.txt,text/plain,text/tab-separated-values" onchange={file_picked} />
            <div class="brand">
                <svg class="logo" viewBox="0 0 24 32" width="28" height="36" aria-hidden="true" focusable="false">
                    <path class="flame" d="M12 1c2.6 3.2 4 5.6 4 7.6A4 4 0 0 1 12 12.6a4 4 0 0 1-4-4C8 6.6 9.4 4.2 12 1z" />
                    <rect class="wick" x="11.3" y="11.5" width="1.4" height="3" rx="0.7" />
                    <rect class="candle" x="7" y="14" width="10" height="16" rx="1.5" />
                    <rect class="base" x="4" y="29" width="16" height="2.5" rx="1.25" />
                </svg>
                <div>
                    <h1>{ "Kerze" }</h1>
                    <p class="tagline">{ t.bar.tagline }</p>
                </div>
            </div>
            <nav class="scenario-tools" aria-label={t.bar.scenarios}>
                <div class="room-tools">
                    <button type="button" id={SHARE_ID} class="primary" onclick={click(&props.on_share)}>{ t.bar.share }</button>
                    <button type="button" id="present-button" onclick={click(&props.on_present)}>{ t.room.present }</button>
                    <button type="button" id="group-button" onclick={Callback::from(|_| go_to_group())}>{ t.group.heading }</button>
                    <button type="button" onclick={Callback::from(|_| print())}>{ t.room.print }</button>
                    <button type="button" class="ghost" title={t.room.shortcuts} aria-label={t.room.shortcuts} onclick={action(Action::Help(true))}>{ "?" }</button>
                </div>
                <div class="undo-redo">
                    <button type="button" disabled={!props.can_undo} title={t.bar.undo_hint} aria-label={t.bar.undo} onclick={action(Action::Undo)}>{ "↶ " }{ t.bar.undo }</button>
                    <button type="button" disabled={!props.can_redo} title={t.bar.redo_hint} aria-label={t.bar.redo} onclick={action(Action::Redo)}>{ "↷ " }{ t.bar.redo }</button>
                </div>
                <label for="scenario-switch" class="visually-hidden">{ t.bar.open_scenario }</label>
                <select id="scenario-switch" onchange={select} title={t.bar.open_scenario}>
                    { for props.scenarios.iter().map(|s| html! {
                        <option key={s.id.to_string()} selected={s.id == props.active}>{ untitled(&s.name, lang) }</option>
                    }) }
                </select>
                <button type="button" class="more-toggle" aria-expanded={if more_open { "true" } else { "false" }}
                    onclick={toggle_more}>{ format!("{} ▾", t.room.more_tools) }</button>
                <div class={classes!("secondary-tools", more_open.then_some("open"))}>
                <button type="button" onclick={click(&props.on_new)}>{ t.bar.new_scenario }</button>
                { framework_menu(lang, &props.on_new_preset) }
                <button type="button" onclick={click(&props.on_duplicate)}>{ t.bar.duplicate }</button>
                <button type="button" class="danger" onclick={click(&props.on_delete)}>{ t.bar.delete_scenario }</button>
                if !props.trash.is_empty() {
                    <details class="trash">
                        <summary>{ format!("{} ({})", t.bar.recently_deleted, props.trash.len()) }</summary>
                        <ul>{ for restore_items }</ul>
                    </details>
                }
                <div class="exports">
                    <button type="button" onclick={click(&props.on_export)}>{ t.bar.export_json }</button>
                    <button type="button" onclick={click(&props.on_export_csv)}>{ t.bar.export_csv }</button>
                    <button type="button" onclick={click(&props.on_copy_markdown)}>{ t.bar.copy_markdown }</button>
                    <button type="button" title={t.bar.import_hint} onclick={pick_file}>{ t.bar.import }</button>
                </div>
                <label for="language" class="visually-hidden">{ t.bar.language }</label>
                <select id="language" onchange={set_lang} title={t.bar.language}>
                    { for Lang::ALL.iter().map(|&l| html! {
                        <option key={l.code()} selected={l == lang} lang={l.code()}>{ l.texts().bar.language_name }</option>
                    }) }
                </select>
                </div>
            </nav>
        </header>
    }
}

/// "New from a framework": RICE, ICE, WSJF, value ÷ effort, and the demo
/// scored with RICE; a choice closes the menu.
fn framework_menu(lang: Lang, on_new_preset: &Callback<Option<Preset>>) -> Html {
    let t = lang.texts();
    html! {
        <details class="new-from">
            <summary>{ t.presets.start_from }</summary>
            <ul>
                { for Preset::ALL.iter().zip(t.presets.preset).zip(t.presets.preset_hint).skip(1).map(|((&preset, name), hint)| html! {
                    <li key={name}>
                        <button type="button" onclick={on_new_preset.reform(move |e: MouseEvent| {
                            close_menu(&e);
                            Some(preset)
                        })}>{ name }</button>
                        <span class="hint">{ hint }</span>
                    </li>
                }) }
                <li>
                    <button type="button" onclick={on_new_preset.reform(|e: MouseEvent| {
                        close_menu(&e);
                        None
                    })}>{ t.presets.rice_demo[0] }</button>
                    <span class="hint">{ t.presets.rice_demo[1] }</span>
                </li>
            </ul>
        </details>
    }
}

/// Closes the menu (`<details>`) the clicked entry is in: a choice made,
/// the menu does not stay over the page.
fn close_menu(event: &MouseEvent) {
    let menu = event
        .target_dyn_into::<web_sys::Element>()
        .and_then(|e| e.closest("details").ok().flatten());
    if let Some(menu) = menu {
        let _ = menu.remove_attribute("open");
    }
}

/// Brings the group panel (at the foot of a long page) into view, with the
/// focus on its heading, so that the keyboard carries on from there.
fn go_to_group() {
    if let Some(heading) = crate::services::focus::element("group-heading") {
        heading.scroll_into_view_with_bool(true);
        let _ = heading.focus();
    }
}
