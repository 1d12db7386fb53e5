//! The body both screens share: the scenario's inputs and its ranking.

use super::present::{present_view, PresentViewProps};
use super::PageCallbacks;
use crate::components::budget::{best_in_words, use_best_set, BudgetPanel};
use crate::components::common::columns;
use crate::components::criteria_panel::criteria_panel;
use crate::components::group::GroupPanel;
use crate::components::options_panel::OptionsPanel;
use crate::components::ranking::RankingPanel;
use crate::components::robustness::{
    analyse, not_robust, robustness, strip, Analysis, RobustProps, Tried,
};
use crate::components::scenario_panel::{scenario_panel, ScenarioPanelProps};
use crate::components::summary::{print_head, rank_strip, summary, PrintDetails};
use crate::components::tradeoffs::TradeOffs;
use crate::components::Same;
use crate::domain::analyses::sensitivity::{badge, robust_top};
use crate::domain::model::ids::OptionId;
use crate::domain::model::scenario::Scenario;
use crate::domain::model::scenario::ScenarioEdit;
use crate::domain::model::value::{Weight, MAX_WEIGHT};
use crate::domain::scoring::{rank, segment_ranks};
use crate::hooks::{use_printing, use_samples, use_stable, use_stable_by};
use crate::i18n::Lang;
use crate::state::RoundDesk;
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`ScenarioView`].
#[derive(Properties, PartialEq)]
pub struct ScenarioViewProps {
    /// UI language.
    pub lang: Lang,
    /// The scenario shown.
    pub scenario: Same<Scenario>,
    /// Whether its inputs can be changed.
    pub editable: bool,
    /// Set while the inputs are folded away: unfolds them.
    #[prop_or_default]
    pub show_inputs: Option<Callback<MouseEvent>>,
    /// The option whose breakdown is open.
    pub selected: Option<OptionId>,
    /// The option it is compared with.
    pub compare: Option<OptionId>,
    /// Where edits, breakdowns and comparisons go.
    pub callbacks: PageCallbacks,
    /// Starts with the need and the recommendation (for a stakeholder).
    #[prop_or_default]
    pub summary_first: bool,
    /// Set while presenting: leaves the presentation.
    #[prop_or_default]
    pub presenting: Option<Callback<MouseEvent>>,
    /// Whether the scenario presented is the user's own (leaving goes back
    /// to editing) rather than a shared one.
    #[prop_or_default]
    pub own: bool,
    /// The group-scoring desk, where the scenario is the user's own and editable.
    #[prop_or_default]
    pub desk: Option<Rc<RoundDesk>>,
}

/// The inputs beside the ranking.
#[function_component(ScenarioView)]
pub fn scenario_view(props: &ScenarioViewProps) -> Html {
    let (lang, scenario) = (props.lang, props.scenario.clone());
    let t = lang.texts();
    // `scored` stays while only the budget changes ([`use_ranking`]).
    let (scored, ranking) = use_ranking(&scenario);
    // Ranks per segment mean something only where segment fit counts.
    let by_segment = Same(use_memo(ranking.clone(), |ranking| {
        if ranking.fit_weight() > 0.0 {
            segment_ranks(&scenario, ranking)
        } else {
            Vec::new()
        }
    }));
    let best = use_best_set(&scenario, &ranking);
    let printing = use_printing();
    let criteria = use_stable(&scenario.criteria);
    let options = use_stable_by(&scenario.options, |a, b| {
        a.len() == b.len()
            && a.iter()
                .zip(b)
                .all(|(x, y)| std::rc::Rc::ptr_eq(x, y) || x == y)
    });
    let table_columns = use_memo(
        (criteria.clone(), scenario.model, lang),
        |(criteria, model, lang)| columns(criteria, *model, *lang),
    );
    let value_columns = use_stable(&table_columns.0);
    // The options editor reads the ranking only to sort by score.
    let latest_ranking = Same(use_mut_ref(|| ranking.clone()));
    *latest_ranking.borrow_mut() = ranking.clone();
    let read_only = !props.editable;
    let on_edit = &props.callbacks.on_edit;

    // How safe #1 is. The sampling mode is kept with the scenario; whether
    // the strips keep the top 3 in order is a setting of this view.
    let top3_state = use_state(|| false);
    let top3 = *top3_state;
    let mode = scenario.analysis.weights;
    let analysis = {
        let scenario = scenario.clone();
        Same(use_memo((ranking.clone(), top3), move |(ranking, top3)| {
            analyse(&scenario, ranking, *top3)
        }))
    };
    let samples = use_samples(&scenario.0, &ranking, mode);
    let uncertainty = samples.as_ref().and_then(|s| s.values.clone()).map(Same);
    // With one option, no weight, an incomplete #1 or all tied, there is
    // nothing to be safe from: one sentence says why instead, and no row
    // shows its share of first places.
    let robust_top = robust_top(&ranking);
    let top = robust_top.ok();
    let acceptability = samples
        .as_ref()
        .filter(|_| top.is_some())
        .map(|s| Same(s.weights.clone()));
    let top_badge = acceptability
        .as_ref()
        .zip(top)
        .map(|(a, top)| badge(analysis.flip.as_ref(), a.first(top)));
    let on_mode = props
        .editable
        .then(|| on_edit.reform(ScenarioEdit::SetWeightMode));
    let on_top3 = Callback::from(move |_: Event| top3_state.set(!top3));
    let on_try = analysis
        .tried
        .as_ref()
        .filter(|_| props.editable)
        .map(|tried| try_weights(&scenario, tried, on_edit));
    let robust = match robust_top {
        Err(why) => not_robust(lang, &scenario, &ranking, why),
        Ok(top) => robustness(RobustProps {
            lang,
            scenario: &scenario,
            analysis: &analysis,
            acceptability: acceptability.as_deref(),
            top,
            uncertainty: uncertainty.as_deref(),
            mode,
            on_mode,
            on_try,
        }),
    };
    let (strips, mix_strips) = weight_strips(lang, &scenario, &analysis, top3);
    if let Some(on_stop) = &props.presenting {
        let present_budget = best_in_words(lang, &scenario, &best);
        return present_view(PresentViewProps {
            lang,
            scenario,
            ranking,
            segment_ranks: by_segment,
            selected: props.selected,
            compare: props.compare,
            on_select: props.callbacks.on_select.clone(),
            on_compare: props.callbacks.on_compare.clone(),
            on_stop: on_stop.clone(),
            editable: props.own,
            robust,
            acceptability,
            uncertainty: uncertainty.clone(),
            badge: top_badge,
            budget: present_budget,
        });
    }
    html! {<>
        if props.summary_first {
            { summary(lang, &scenario, &ranking, "lead") }
        }
        <main>
            { print_head(lang, &scenario, &ranking) }
            <div class="workspace">
            if let Some(show) = &props.show_inputs {
                <div class="editor inputs-closed">
                    <button type="button" aria-expanded="false" onclick={show.clone()}>{ t.share.show_inputs }</button>
                </div>
            } else {
                // A read-only scenario: disabled fieldsets turn off every control in them.
                <div class={classes!("editor", read_only.then_some("read-only"))}>
                    <fieldset class="editor-fields" disabled={read_only}>
                        <legend class="visually-hidden">{ &scenario.name }</legend>
                        { scenario_panel(&ScenarioPanelProps { lang, scenario: scenario.0.clone(), on_edit: on_edit.clone(), strips: mix_strips }) }
                        { criteria_panel(lang, (scenario.model, scenario.threshold.value()), &criteria, on_edit, strips, (ranking.rows.len() > 1 && ranking.ratio.as_ref().is_none_or(|p| p.has_add)).then_some((top3, on_top3))) }
                    </fieldset>
                    <OptionsPanel {lang} {options} columns={value_columns} has_fit={table_columns.1} ranking={latest_ranking} {read_only} on_edit={on_edit.clone()} on_sheet={props.callbacks.on_sheet.clone()} />
                </div>
            }
            <div class="results">
                <RankingPanel {lang} scenario={scored.clone()} ranking={ranking.clone()} segment_ranks={by_segment}
                    selected={props.selected} compare={props.compare}
                    on_select={props.callbacks.on_select.clone()} on_compare={props.callbacks.on_compare.clone()}
                    acceptability={acceptability} uncertainty={uncertainty} badge={top_badge}
                    in_budget={best.as_ref().as_ref().map(|(_, chosen)| chosen.clone())} />
                { robust }
            </div>
            </div>
            <TradeOffs {lang} scenario={scored.clone()} ranking={ranking.clone()} editable={props.editable}
                on_edit={on_edit.clone()} on_select={props.callbacks.on_select.clone()} />
            <BudgetPanel {lang} scenario={scenario.clone()} ranking={ranking.clone()} best={best.as_ref().as_ref().map(|(set, _)| set.clone())}
                editable={props.editable} on_edit={on_edit.clone()} />
            if let Some(desk) = props.desk.clone() {
                <GroupPanel {lang} scenario={scenario.clone()} {desk} dispatch={props.callbacks.on_round.clone()} />
            }
            if printing {
                <PrintDetails {lang} scenario={scored} ranking={ranking.clone()} />
            }
        </main>
        if props.editable {
            { rank_strip(lang, &scenario, &ranking) }
        }
    </>}
}

/// The scenario as scored and its ranking. A budget moves no score: a
/// change of it keeps both, and the analyses on the ranking.
#[hook]
fn use_ranking(
    scenario: &Same<Scenario>,
) -> (Same<Scenario>, Same<crate::domain::scoring::Ranking>) {
    let scored = use_stable_by(scenario, |a, b| {
        Rc::ptr_eq(&a.0, &b.0) || a.equal_but_budget(b)
    });
    let ranking = Same(use_memo(scored.clone(), |scored| rank(&scored.0)));
    ((*scored).clone(), ranking)
}

/// Where each criterion's weight and each segment's share of the mix may go
/// while #1 (or the top 3, with `top3`) keeps its place: one strip each.
fn weight_strips(
    lang: Lang,
    scenario: &Scenario,
    analysis: &Analysis,
    top3: bool,
) -> (Vec<Html>, Vec<Html>) {
    let strips = analysis
        .intervals
        .iter()
        .zip(&scenario.criteria)
        .map(|(interval, c)| strip(lang, scenario, &c.name, interval, top3))
        .collect();
    let mix_strips = analysis
        .mix
        .iter()
        .flatten()
        .zip(crate::domain::model::segment::Segment::ALL)
        .map(|(interval, segment)| {
            let name = lang.segment_name(segment, false);
            strip(lang, scenario, name, interval, top3)
        })
        .collect();
    (strips, mix_strips)
}

/// Sets the weights the "try it" line proposes, each within what a weight may be.
fn try_weights(
    scenario: &Scenario,
    tried: &Tried,
    on_edit: &Callback<ScenarioEdit>,
) -> Callback<MouseEvent> {
    let mut weights: Vec<Weight> = scenario.criteria.iter().map(|c| c.weight).collect();
    for &(c, w) in &tried.changed {
        if let (Some(slot), Ok(w)) = (weights.get_mut(c), Weight::new(w.min(MAX_WEIGHT))) {
            *slot = w;
        }
    }
    on_edit.reform(move |_: MouseEvent| ScenarioEdit::SetWeights(weights.clone()))
}
