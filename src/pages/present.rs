//! The presentation view: for a projector, the need as the heading and the
//! ranking large; arrow keys walk through the options' breakdowns. Drawn by
//! the scenario view (which has the ranking) when presenting is on.

use crate::components::ranking::RankingPanel;
use crate::components::Same;
use crate::domain::analyses::acceptability::Acceptability;
use crate::domain::analyses::sensitivity::Badge;
use crate::domain::analyses::uncertainty::Uncertainty;
use crate::domain::model::ids::OptionId;
use crate::domain::model::scenario::Scenario;
use crate::domain::model::segment::PerSegment;
use crate::domain::scoring::Ranking;
use crate::i18n::{keep_units, Lang};
use yew::prelude::*;

/// The heading's id: it takes the focus when presenting starts, so a screen
/// reader starts there and the arrow keys work at once.
pub const PRESENT_HEADING_ID: &str = "present-heading";

/// What [`present_view`] shows and where what the user does goes.
pub struct PresentViewProps {
    /// UI language.
    pub lang: Lang,
    /// The scenario presented.
    pub scenario: Same<Scenario>,
    /// Its ranking.
    pub ranking: Same<Ranking>,
    /// Each option's rank per segment alone.
    pub segment_ranks: Same<Vec<PerSegment<u32>>>,
    /// The option whose breakdown is open.
    pub selected: Option<OptionId>,
    /// The option it is compared with.
    pub compare: Option<OptionId>,
    /// Opens or closes a breakdown.
    pub on_select: Callback<Option<OptionId>>,
    /// Starts, changes or ends a comparison.
    pub on_compare: Callback<Option<OptionId>>,
    /// Leaves the presentation (back to editing, or to the shared view).
    pub on_stop: Callback<MouseEvent>,
    /// Whether the scenario is the user's own (else a read-only shared one).
    pub editable: bool,
    /// How safe #1 is.
    pub robust: Html,
    /// Each option's share of places in the weight samples.
    pub acceptability: Option<Same<Acceptability>>,
    /// Each option's chances over the value samples.
    pub uncertainty: Option<Same<Uncertainty>>,
    /// The robustness badge of #1.
    pub badge: Option<Badge>,
    /// The best set within the budget in words, and per option whether it is in it.
    pub budget: Option<(String, Same<Vec<bool>>)>,
}

/// See the module docs.
pub fn present_view(props: PresentViewProps) -> Html {
    let lang = props.lang;
    let t = lang.texts();
    let scenario = props.scenario;
    let cause = scenario.root_cause.trim().to_owned();
    let title = keep_units(if scenario.need.trim().is_empty() {
        &scenario.name
    } else {
        &scenario.need
    });
    html! {
        <main class="present" aria-label={t.room.present}>
            <div class="present-head">
                <div>
                    <p class="present-name">{ scenario.name.clone() }</p>
                    <h1 id={PRESENT_HEADING_ID} tabindex="-1">{ title }</h1>
                </div>
                <div class="present-leave">
                    <button type="button" onclick={props.on_stop}>
                        { if props.editable { t.room.stop_presenting } else { t.room.stop_presenting_shared } }
                    </button>
                    <p class="present-steps">
                        { if props.editable { t.room.present_steps } else { t.room.present_steps_shared } }
                    </p>
                </div>
            </div>
            <p class="present-summary"><strong>{ format!("{}: ", t.room.recommendation) }</strong>
                { lang.recommendation(&scenario, &props.ranking) }</p>
            if let Some((sentence, _)) = &props.budget {
                <p class="present-summary budget-best">{ sentence.clone() }</p>
            }
            <RankingPanel {lang} {scenario} ranking={props.ranking} segment_ranks={props.segment_ranks} large=true
                selected={props.selected} compare={props.compare}
                on_select={props.on_select} on_compare={props.on_compare}
                acceptability={props.acceptability} uncertainty={props.uncertainty} badge={props.badge}
                in_budget={props.budget.map(|(_, chosen)| chosen)} />
            // Below the ranking: the top 5 and the breakdown come first on a projector.
            if !cause.is_empty() {
                <p class="present-cause"><strong>{ format!("{}: ", t.room.root_cause) }</strong>{ cause }</p>
            }
            { props.robust }
        </main>
    }
}
