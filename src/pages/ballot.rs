//! The ballot page: what a participant sees when they open a ballot link.
//! Only their own draft is kept on their device; their scores leave it only
//! as the return link or file they send themselves.

use crate::components::ballot_form::BallotForm;
use crate::components::group::copy_link;
use crate::domain::group::ballot::{BallotError, Invitation};
use crate::domain::model::rounds::Ballot;
use crate::i18n::{keep_units, Lang};
use crate::services::download::download_text;
use crate::services::location::link_with;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Props of [`BallotPage`].
#[derive(Properties, PartialEq)]
pub struct BallotPageProps {
    /// UI language.
    pub lang: Lang,
    /// The round, or why its link does not open.
    pub invitation: Rc<Result<Invitation, BallotError>>,
}

/// Opens the phone's share sheet with `url`; `false` where there is none.
fn share_sheet(url: &str) -> bool {
    let shared = || -> Option<()> {
        let navigator = web_sys::window()?.navigator();
        let share = js_sys::Reflect::get(&navigator, &"share".into()).ok()?;
        let share: js_sys::Function = share.dyn_into().ok()?;
        let data = js_sys::Object::new();
        js_sys::Reflect::set(&data, &"url".into(), &url.into()).ok()?;
        share.call1(&navigator, &data).ok()?;
        Some(())
    };
    shared().is_some()
}

/// Whether the browser has a share sheet.
fn can_share() -> bool {
    web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w.navigator(), &"share".into()).ok())
        .is_some_and(|f| f.is_function())
}

/// See the module docs.
#[function_component(BallotPage)]
pub fn ballot_page(props: &BallotPageProps) -> Html {
    let lang = props.lang;
    let t = &lang.texts().group;
    let sent = use_state(|| None::<Rc<Ballot>>);
    let copied = use_state(String::new);
    let invitation = match &*props.invitation {
        Ok(invitation) => invitation,
        Err(error) => {
            return html! {
                <main class="ballot-page">
                    <h1>{ "Kerze" }</h1>
                    <p class="form-error" role="alert">{ lang.ballot_error(error) }</p>
                    <p><a href="./">{ lang.texts().notices.footer }</a></p>
                </main>
            }
        }
    };
    let scenario = &invitation.scenario;
    let key = format!("kerze.draft.{}", invitation.round.id);
    let body = match &*sent {
        None => {
            let on_done = {
                let sent = sent.clone();
                Callback::from(move |ballot: Ballot| sent.set(Some(Rc::new(ballot))))
            };
            html! {
                <BallotForm {lang} invitation={Rc::new(invitation.clone())} draft_key={AttrValue::from(key)}
                    {on_done} done_label={t.send} />
            }
        }
        Some(ballot) => {
            let link = link_with(&ballot.to_link(), false);
            let copy = copy_link(lang, link.clone(), &copied);
            let share = {
                let link = link.clone();
                Callback::from(move |_: MouseEvent| {
                    share_sheet(&link);
                })
            };
            let download = {
                let (text, name) = (
                    ballot.to_file(),
                    format!("kerze-ballot-{}.json", ballot.participant),
                );
                Callback::from(move |_: MouseEvent| {
                    download_text(&name, "application/json", &text);
                })
            };
            let again = {
                let sent = sent.clone();
                Callback::from(move |_: MouseEvent| sent.set(None))
            };
            let select_all = Callback::from(|event: FocusEvent| {
                event.target_unchecked_into::<HtmlInputElement>().select();
            });
            html! {
                <section class="ballot-sent" aria-labelledby="sent-heading">
                    <h2 id="sent-heading">{ t.sent_heading }</h2>
                    <p>{ t.sent_explain }</p>
                    <label for="return-link">{ t.return_link }</label>
                    <input id="return-link" class="share-link" type="text" readonly=true value={link} onfocus={select_all} spellcheck="false" />
                    <div class="button-row">
                        <button type="button" class="primary" onclick={copy}>{ t.copy }</button>
                        if can_share() {
                            <button type="button" onclick={share}>{ t.share }</button>
                        }
                        <button type="button" onclick={download}>{ t.download }</button>
                        <button type="button" onclick={again}>{ t.edit_again }</button>
                    </div>
                    <p role="status" aria-live="polite">{ (*copied).clone() }</p>
                </section>
            }
        }
    };
    html! {
        <main class="ballot-page">
            <h1>{ t.ballot_heading.replace("{name}", &scenario.name) }</h1>
            <p class="hint">{ t.private }</p>
            if !scenario.need.is_empty() {
                <h2>{ lang.texts().scenario.need }</h2>
                <p class="prose">{ keep_units(&scenario.need) }</p>
            }
            if !scenario.root_cause.is_empty() {
                <h2>{ lang.texts().scenario.root_cause }</h2>
                <p class="prose">{ keep_units(&scenario.root_cause) }</p>
            }
            { body }
        </main>
    }
}
