//! The scenario's name, need, root cause, segment mix and threshold.

use crate::components::fields::{text_field, TextFieldProps};
use crate::components::number_field::NumberField;
use crate::domain::model::criterion::ScoreModel;
use crate::domain::model::scenario::{Scenario, ScenarioEdit};
use crate::domain::model::segment::Segment;
use crate::domain::model::value::{format_number, NumberRule, Threshold, Weight};
use crate::i18n::Lang;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// What [`scenario_panel`] shows and where its edits go.
pub struct ScenarioPanelProps {
    /// UI language.
    pub lang: Lang,
    /// The scenario edited.
    pub scenario: Rc<Scenario>,
    /// Sends actions.
    pub on_edit: Callback<ScenarioEdit>,
    /// Per segment, where its share of the mix may go (may be empty).
    pub strips: Vec<Html>,
}

/// See the module docs. A plain function, not a component: the scenario it
/// shows changes with every edit anyway, so there is nothing to skip.
pub fn scenario_panel(props: &ScenarioPanelProps) -> Html {
    let lang = props.lang;
    let t = lang.texts();
    let s = &props.scenario;
    let edit = |make: fn(String) -> ScenarioEdit| {
        let on_edit = props.on_edit.clone();
        Callback::from(move |text: String| on_edit.emit(make(text)))
    };
    let mix_fields = Segment::ALL.iter().enumerate().map(|(n, &segment)| {
        let on_edit = props.on_edit.clone();
        let on_change = Callback::from(move |value: Option<f64>| {
            if let Some(weight) = value.and_then(|v| Weight::new(v).ok()) {
                on_edit.emit(ScenarioEdit::SetMix(segment, weight));
            }
        });
        let id = format!("mix-{}", segment.key());
        html! {
            <div class="field" key={segment.key()}>
                <label for={id.clone()}>{ lang.segment_name(segment, false) }</label>
                <NumberField id={id} value={Some(s.segment_mix.get(segment).value())} rule={NumberRule::Weight} {lang} {on_change} />
                { props.strips.get(n).cloned().unwrap_or_default() }
            </div>
        }
    });
    let threshold_rule = s.model.threshold_rule();
    let set_threshold = {
        let on_edit = props.on_edit.clone();
        Callback::from(move |value: Option<f64>| {
            let checked = value.and_then(|v| threshold_rule.check(v).ok());
            if let Some(threshold) = checked.and_then(|v| Threshold::new(v).ok()) {
                on_edit.emit(ScenarioEdit::SetThreshold(threshold));
            }
        })
    };
    let slide_threshold = {
        let set_threshold = set_threshold.clone();
        Callback::from(move |event: InputEvent| {
            let value = event
                .target_unchecked_into::<HtmlInputElement>()
                .value_as_number();
            set_threshold.emit(Some(value));
        })
    };
    html! {
        <section class="panel scenario-panel" aria-labelledby="scenario-heading">
            <h2 id="scenario-heading">{ t.scenario.scenario }</h2>
            { text_field(&TextFieldProps {
                id: "scenario-name".into(),
                label: Some(t.scenario.scenario_name.into()),
                value: s.name.clone().into(),
                on_input: edit(ScenarioEdit::Rename),
                class: classes!("big"),
                ..TextFieldProps::default()
            }) }
            <div class="two-col">
                { text_field(&TextFieldProps {
                    id: "scenario-need".into(),
                    label: Some(t.scenario.need.into()),
                    value: s.need.clone().into(),
                    placeholder: Some(t.scenario.need_placeholder.into()),
                    multiline: true,
                    on_input: edit(ScenarioEdit::SetNeed),
                    ..TextFieldProps::default()
                }) }
                { text_field(&TextFieldProps {
                    id: "scenario-root-cause".into(),
                    label: Some(t.scenario.root_cause.into()),
                    value: s.root_cause.clone().into(),
                    placeholder: Some(t.scenario.root_cause_placeholder.into()),
                    multiline: true,
                    on_input: edit(ScenarioEdit::SetRootCause),
                    ..TextFieldProps::default()
                }) }
            </div>
            <fieldset class="mix">
                <legend>{ t.scenario.segment_mix }</legend>
                <p class="hint">{ t.scenario.segment_mix_hint }</p>
                <div class="mix-fields">{ for mix_fields }</div>
            </fieldset>
            <div class="field threshold-field">
                <label for="threshold">{ t.scenario.threshold }</label>
                // The weighted score runs 0–100 and slides; the ratio model's
                // number has no top, so it is typed.
                <div class="slider-pair">
                    if s.model == ScoreModel::WeightedSum {
                        <input
                            type="range" min="0" max="100" step="1"
                            value={format_number(s.threshold.value(), 1, false)}
                            aria-label={t.scenario.threshold}
                            oninput={slide_threshold}
                        />
                    }
                    <NumberField id="threshold" value={Some(s.threshold.value())} rule={threshold_rule} {lang} on_change={set_threshold} />
                </div>
                <p class="hint">{ if s.model == ScoreModel::Ratio { t.scenario.threshold_ratio_hint } else { t.scenario.threshold_hint } }</p>
            </div>
        </section>
    }
}
