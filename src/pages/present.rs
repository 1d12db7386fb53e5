//! The presentation view: for a projector, the need as the heading and the
//! ranking large; arrow keys walk through the options' breakdowns.

use crate::components::ranking::RankingPanel;
use crate::components::Same;
use crate::domain::ids::OptionId;
use crate::domain::scenario::Scenario;
use crate::domain::scoring::{rank, segment_ranks};
use crate::i18n::Lang;
use crate::state::Action;
use yew::prelude::*;

/// The heading's id: it takes the focus when presenting starts, so a screen
/// reader starts there and the arrow keys work at once.
pub const PRESENT_HEADING_ID: &str = "present-heading";

/// Props of [`PresentPage`].
#[derive(Properties, PartialEq)]
pub struct PresentPageProps {
    /// UI language.
    pub lang: Lang,
    /// The scenario presented.
    pub scenario: Same<Scenario>,
    /// The option whose breakdown is open.
    pub selected: Option<OptionId>,
    /// The option it is compared with.
    pub compare: Option<OptionId>,
    /// Sends what the user does.
    pub dispatch: Callback<Action>,
}

/// See the module docs.
#[function_component(PresentPage)]
pub fn present_page(props: &PresentPageProps) -> Html {
    let (lang, dispatch) = (props.lang, &props.dispatch);
    let t = lang.texts();
    let scenario = props.scenario.clone();
    let ranking = Same(use_memo(scenario.clone(), |scenario| rank(scenario)));
    let by_segment = {
        let scenario = scenario.clone();
        Same(use_memo(ranking.clone(), move |ranking| {
            segment_ranks(&scenario, ranking)
        }))
    };
    let title = if scenario.need.trim().is_empty() {
        scenario.name.clone()
    } else {
        scenario.need.clone()
    };
    html! {
        <main class="present" aria-label={t.room.present}>
            <div class="present-head">
                <div>
                    <p class="present-name">{ scenario.name.clone() }</p>
                    <h1 id={PRESENT_HEADING_ID} tabindex="-1">{ title }</h1>
                    if !scenario.root_cause.trim().is_empty() {
                        <p class="present-cause"><strong>{ format!("{}: ", t.room.root_cause) }</strong>{ scenario.root_cause.clone() }</p>
                    }
                </div>
                <button type="button" onclick={dispatch.reform(|_| Action::Present(false))}>{ t.room.stop_presenting }</button>
            </div>
            <p class="present-summary"><strong>{ format!("{}: ", t.room.recommendation) }</strong>
                { lang.recommendation(&scenario, &ranking) }</p>
            <RankingPanel {lang} {scenario} {ranking} segment_ranks={by_segment} large=true
                selected={props.selected} compare={props.compare}
                on_select={dispatch.reform(Action::SelectOption)} on_compare={dispatch.reform(Action::CompareWith)} />
            <p class="present-steps">{ t.room.present_steps }</p>
        </main>
    }
}
