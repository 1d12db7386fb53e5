//! How safe #1 is: the badge with its sentence, the smallest shifts that
//! flip it, the weight strips and each option's share of first places.

use crate::domain::analyses::acceptability::{Acceptability, SAMPLES};

use crate::domain::analyses::sensitivity::{
    badge, leader_under, mix_intervals, scores_under, single_flip, smallest_shift, tried_weights,
    weight_intervals, Interval, NoRobustness, Shift, SingleFlip,
};
use crate::domain::analyses::uncertainty::Uncertainty;
use crate::domain::model::scenario::Scenario;
use crate::domain::model::settings::WeightMode;
use crate::domain::model::value::format_fixed;
use crate::domain::scoring::Ranking;
use crate::i18n::Lang;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// The sensitivity of one ranking, computed once per change.
#[derive(PartialEq)]
pub struct Analysis {
    /// Per criterion column, where its share may go (for the strips).
    pub intervals: Vec<Interval>,
    /// Per segment, where its share of the mix may go.
    pub mix: Option<Vec<Interval>>,
    /// Whether the strips keep the top 3 in order (else #1 first).
    pub top3: bool,
    /// The smallest single-weight flip of #1.
    pub flip: Option<SingleFlip>,
    /// The smallest combined shift, with who leads after it.
    pub shift: Option<(Shift, Option<usize>)>,
    /// What "Try this weighting" sets.
    pub tried: Option<Tried>,
}

/// The weights "Try this weighting" sets and what they give.
#[derive(PartialEq)]
pub struct Tried {
    /// The criteria (ranking columns) whose weights change, with their new
    /// weights in the user's units; every other weight stays.
    pub changed: Vec<(usize, f64)>,
    /// Every option's score (entry order) under the new weights.
    pub scores: Vec<f64>,
}

/// Analyses `ranking`; the strips keep the top 3 in order when `top3`.
pub fn analyse(scenario: &Scenario, ranking: &Ranking, top3: bool) -> Analysis {
    let first = weight_intervals(ranking, 1);
    let keep = if top3 { 3 } else { 1 };
    Analysis {
        flip: single_flip(&first),
        intervals: if top3 {
            weight_intervals(ranking, 3)
        } else {
            first
        },
        mix: mix_intervals(scenario, ranking, keep),
        top3,
        tried: None,
        shift: smallest_shift(ranking).map(|shift| {
            let leader = leader_under(ranking, &shift.shares);
            (shift, leader)
        }),
    }
    .with_tried(ranking)
}

impl Analysis {
    fn with_tried(mut self, ranking: &Ranking) -> Self {
        self.tried = self.shift.as_ref().map(|(shift, _)| {
            let weights = tried_weights(ranking, shift);
            Tried {
                changed: (0..weights.len())
                    .filter(|&c| (weights[c] - ranking.weights[c]).abs() > 1e-12)
                    .map(|c| (c, weights[c]))
                    .collect(),
                scores: scores_under(ranking, &weights),
            }
        });
        self
    }
}

fn title(lang: Lang, scenario: &Scenario, index: usize) -> String {
    scenario
        .options
        .get(index)
        .map(|o| lang.option_title(o))
        .unwrap_or_default()
}

fn criterion_name(scenario: &Scenario, column: usize) -> &str {
    scenario
        .criteria
        .get(column)
        .map_or("", |c| c.name.as_str())
}

/// A share in %, rounded away from `from` to one decimal, so that the
/// figure said is one where the change has happened.
fn past(lang: Lang, to: f64, from: f64) -> String {
    let tenths = to * 10.0;
    let rounded = if to > from {
        tenths.ceil()
    } else {
        tenths.floor()
    };
    lang.number(rounded / 10.0, 1)
}

/// The robustness block where it does not apply: its heading and one
/// sentence saying why.
pub fn not_robust(lang: Lang, scenario: &Scenario, ranking: &Ranking, why: NoRobustness) -> Html {
    let t = &lang.texts().robust;
    let top = ranking.rows.first().map(|r| r.index).unwrap_or(0);
    let text = t.not_applicable[why as usize].replace("{option}", &title(lang, scenario, top));
    html! {
        <div class="robustness" aria-labelledby="robust-heading">
            <h3 id="robust-heading">{ t.heading }</h3>
            <p class="robust-none">{ text }</p>
        </div>
    }
}

/// What [`robustness`] shows and where its controls send.
pub struct RobustProps<'a> {
    /// UI language.
    pub lang: Lang,
    /// The scenario shown.
    pub scenario: &'a Scenario,
    /// Its sensitivity.
    pub analysis: &'a Analysis,
    /// Its weight samples so far.
    pub acceptability: Option<&'a Acceptability>,
    /// Its value samples so far (when some value has a range).
    pub uncertainty: Option<&'a Uncertainty>,
    /// #1 (entry index).
    pub top: usize,
    /// How the weights are sampled.
    pub mode: WeightMode,
    /// Changes how the weights are sampled.
    pub on_mode: Option<Callback<WeightMode>>,
    /// Tries the smallest shift's weights (editable scenarios only).
    pub on_try: Option<Callback<MouseEvent>>,
}

/// The badge of #1 with the sentences that explain it, the shift that
/// flips it (with a button that tries it), and how the weights were sampled.
pub fn robustness(props: RobustProps) -> Html {
    let RobustProps {
        lang,
        scenario,
        analysis,
        acceptability,
        uncertainty,
        top,
        mode,
        on_mode,
        on_try,
    } = props;
    let t = &lang.texts().robust;
    let first = acceptability.map(|a| a.first(top));
    let badge = first.map(|first| badge(analysis.flip.as_ref(), first));
    let flip_text = match &analysis.flip {
        Some(flip) => (if flip.to > flip.from {
            t.raising
        } else {
            t.lowering
        })
        .replace("{criterion}", criterion_name(scenario, flip.column))
        .replace("{from}", &lang.number(flip.from, 1))
        .replace("{to}", &past(lang, flip.to, flip.from))
        .replace("{option}", &title(lang, scenario, flip.leader)),
        None => t.no_flip.to_owned(),
    };
    let shift_text = analysis.shift.as_ref().map(|(shift, leader)| {
        let named = |&(c, points): &(usize, f64)| match shift.from.len() {
            1 => criterion_name(scenario, c).to_owned(),
            _ => format!(
                "{} ({})",
                criterion_name(scenario, c),
                lang.number(points, 1)
            ),
        };
        let from = shift
            .from
            .iter()
            .filter(|&&(_, points)| points >= 0.05)
            .map(named)
            .collect::<Vec<_>>()
            .join(t.shift_and);
        let mut text = t
            .shift
            .replace("{points}", &lang.number(shift.points(), 1))
            .replace("{from}", &from)
            .replace("{to}", criterion_name(scenario, shift.to))
            .replace("{option}", &title(lang, scenario, shift.challenger));
        if let Some(leader) = leader.filter(|&l| l != shift.challenger && l != top) {
            text.push(' ');
            text.push_str(
                &t.shift_leader
                    .replace("{option}", &title(lang, scenario, leader)),
            );
        }
        if let Some(tried) = analysis.tried.as_ref().filter(|_| on_try.is_some()) {
            text.push(' ');
            text.push_str(&tried_text(lang, scenario, tried, top));
        }
        text
    });
    let count = |n: u32| lang.number(f64::from(n), 0);
    let footnote = acceptability.map(|a| {
        let text = if a.samples < SAMPLES {
            t.partial.replace("{total}", &count(SAMPLES))
        } else {
            t.samples.to_owned()
        };
        text.replace("{count}", &count(a.samples))
            .replace("{seed}", &format!("{:016x}", a.seed))
    });
    let values_text = uncertainty.map(|u| {
        (if u.varies(top) {
            t.with_ranges
        } else {
            t.with_ranges_fixed
        })
        .replace("{option}", &title(lang, scenario, top))
        .replace("{percent}", &lang.number(100.0 * u.first(top), 0))
        .replace(
            "{low}",
            &lang.score_of(scenario.model, u.percentile(top, 0.05)),
        )
        .replace(
            "{high}",
            &lang.score_of(scenario.model, u.percentile(top, 0.95)),
        )
        .replace("{count}", &count(u.samples))
    });
    let on_change = on_mode.map(|on_mode| {
        Callback::from(move |event: Event| {
            if let Some(select) = event.target_dyn_into::<HtmlSelectElement>() {
                let index = usize::try_from(select.selected_index()).unwrap_or(0);
                on_mode.emit(WeightMode::ALL.get(index).copied().unwrap_or_default());
            }
        })
    });
    html! {
        <div class="robustness" aria-labelledby="robust-heading">
            <h3 id="robust-heading">{ t.heading }</h3>
            <p class="robust-verdict">
                if let Some(badge) = badge {
                    <span class={classes!("robust-badge", format!("robust-{}", badge as u8))}>
                        { t.badges[badge as usize] }
                    </span>
                    { " " }
                }
                if let Some(first) = first {
                    <strong>{ t.first_in.replace("{percent}", &lang.number(100.0 * first, 0)) }</strong>
                    { ". " }
                }
                { flip_text }
            </p>
            if let Some(text) = values_text {
                <p class="robust-values">{ text }</p>
            }
            if let Some(text) = shift_text {
                <p class="robust-shift">
                    { text }
                    if let Some(on_try) = on_try {
                        { " " }
                        <button type="button" onclick={on_try}>{ t.preview }</button>
                    }
                </p>
            }
            <p class="robust-foot">
                if let Some(on_change) = on_change {
                    <label>
                        { t.sampled }{ " " }
                        <select onchange={on_change}>
                            { for WeightMode::ALL.iter().zip(t.modes).map(|(&m, name)| html! {
                                <option selected={m == mode}>{ name }</option>
                            }) }
                        </select>
                    </label>
                } else {
                    <span>{ format!("{}: {}", t.sampled, t.modes[mode as usize]) }</span>
                }
                if let Some(footnote) = footnote {
                    <span role="status">{ footnote }</span>
                }
            </p>
        </div>
    }
}

/// The weights under which an option wins, in words ("Wins with about: Cost 25 %, …").
pub fn wins_text(
    lang: Lang,
    scenario: &Scenario,
    acceptability: &Acceptability,
    index: usize,
) -> String {
    let t = &lang.texts().robust;
    match acceptability.central_weights(index) {
        Some(weights) => t.wins_with.replace(
            "{weights}",
            &weights
                .iter()
                .enumerate()
                .filter(|(_, &w)| w > 0.0)
                .map(|(c, &w)| {
                    format!(
                        "{} {} %",
                        criterion_name(scenario, c),
                        lang.number(100.0 * w, 0)
                    )
                })
                .collect::<Vec<_>>()
                .join(", "),
        ),
        None => t.never_first.to_owned(),
    }
}

/// An option's share of places 1–3 as a stacked bar, with "#1 in 62 %" and,
/// in its title, the weights under which it wins.
pub fn places(
    lang: Lang,
    scenario: &Scenario,
    acceptability: &Acceptability,
    index: usize,
) -> Html {
    let t = &lang.texts().robust;
    let share = |p: usize| 100.0 * acceptability.place(index, p);
    let percent = |p: usize| lang.number(share(p), 0);
    let wins = wins_text(lang, scenario, acceptability, index);
    let label = t
        .places
        .replace("{first}", &percent(0))
        .replace("{second}", &percent(1))
        .replace("{third}", &percent(2));
    html! {
        <span class="places" title={format!("{label}. {wins}")}>
            <span class="places-bar" aria-hidden="true">
                { for (0..3).map(|p| html! {
                    <span class={format!("place-{p}")} style={format!("width:{}%", format_fixed(share(p), 2))}></span>
                }) }
            </span>
            <span class="visually-hidden">{ format!("{label}. {wins}") }</span>
            <span aria-hidden="true">{ t.first_in.replace("{percent}", &percent(0)) }</span>
        </span>
    }
}

/// What "Try this weighting" does, in words: the weights it sets and who
/// then leads by how much.
fn tried_text(lang: Lang, scenario: &Scenario, tried: &Tried, top: usize) -> String {
    let t = &lang.texts().robust;
    let set: Vec<String> = tried
        .changed
        .iter()
        .map(|&(c, w)| format!("{} {}", criterion_name(scenario, c), lang.number(w, 2)))
        .collect();
    let scores = &tried.scores;
    let leader = crate::domain::scoring::rank_scores(scores)
        .0
        .first()
        .copied()
        .unwrap_or(top);
    let score = |i: usize| lang.score_of(scenario.model, scores.get(i).copied().unwrap_or(0.0));
    t.tried
        .replace("{weights}", &set.join(", "))
        .replace("{option}", &title(lang, scenario, leader))
        .replace("{score}", &score(leader))
        .replace("{other}", &score(top))
}

/// An end of a strip's band in %: the same rule as the flip sentences, an end
/// is said rounded away from the share now, as a figure where the change has
/// happened.
fn strip_end(lang: Lang, interval: &Interval, end: f64) -> String {
    past(lang, 100.0 * end, 100.0 * interval.now)
}

/// A weight's share from 0 to 100 %: the band where the order holds, the
/// share now, and who moves up past each end.
pub fn strip(lang: Lang, scenario: &Scenario, name: &str, interval: &Interval, top3: bool) -> Html {
    let t = &lang.texts().robust;
    let pct = |x: f64| strip_end(lang, interval, x);
    let who =
        |w: Option<usize>| w.map_or_else(|| t.nobody.to_owned(), |i| title(lang, scenario, i));
    let label = (if top3 { t.strip_top3 } else { t.strip })
        .replace("{criterion}", name)
        .replace("{low}", &pct(interval.low))
        .replace("{high}", &pct(interval.high))
        .replace("{now}", &lang.number(100.0 * interval.now, 1));
    html! {
        <div class="strip" role="img" aria-label={format!("{label}. ← {} · {} →", who(interval.below), who(interval.above))}>
            <span class="strip-track">
                <span class="strip-band" style={format!("left:{}%;width:{}%", format_fixed(100.0 * interval.low, 2), format_fixed(100.0 * (interval.high - interval.low), 2))}></span>
                <span class="strip-now" style={format!("left:{}%", format_fixed(100.0 * interval.now, 2))}></span>
            </span>
            // A long title gives way; the figure never does.
            <span class="strip-ends">
                <span title={who(interval.below)}>
                    <span class="strip-who">{ who(interval.below) }</span>
                    <span class="strip-pct">{ format!("← {} %", pct(interval.low)) }</span>
                </span>
                <span title={who(interval.above)}>
                    <span class="strip-pct">{ format!("{} % →", pct(interval.high)) }</span>
                    <span class="strip-who">{ who(interval.above) }</span>
                </span>
            </span>
        </div>
    }
}

/// The 5–95 % score band of an option over the value samples, drawn on its bar.
/// `full` is the score the whole bar stands for (100, or a ratio model's highest).
pub fn whisker(uncertainty: &Uncertainty, index: usize, full: f64) -> Html {
    let share = |q: f64| {
        let p = uncertainty.percentile(index, q);
        if full > 0.0 {
            (100.0 * p / full).clamp(0.0, 100.0)
        } else {
            0.0
        }
    };
    let (low, high) = (share(0.05), share(0.95));
    html! {
        <span class="whisker" style={format!("left:{}%;width:{}%", format_fixed(low, 1), format_fixed((high - low).max(0.0), 1))}></span>
    }
}

/// An option's chances over the value samples, in words.
pub fn chances(
    lang: Lang,
    uncertainty: &Uncertainty,
    index: usize,
    threshold: bool,
    model: crate::domain::model::criterion::ScoreModel,
) -> Html {
    let t = &lang.texts().robust;
    let percent = |p: f64| lang.number(100.0 * p, 0);
    let mut text = t
        .chances
        .replace("{first}", &percent(uncertainty.first(index)))
        .replace("{top3}", &percent(uncertainty.top3(index)))
        .replace(
            "{low}",
            &lang.score_of(model, uncertainty.percentile(index, 0.05)),
        )
        .replace(
            "{high}",
            &lang.score_of(model, uncertainty.percentile(index, 0.95)),
        );
    if threshold {
        text.push_str(
            &t.chance_above
                .replace("{above}", &percent(uncertainty.above(index))),
        );
    }
    html! { <span class="chances">{ text }</span> }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::ids::ScenarioId;
    use crate::domain::scoring::rank;

    #[test]
    fn the_strip_and_the_flip_sentence_say_the_same_share() {
        let lang = Lang::En;
        let demo = crate::domain::model::demo::demo_scenario(
            ScenarioId::from_parts(1, 1),
            &lang.texts().demo,
        );
        // Shares whose flip point lies a hair below a half tenth (1.45 %,
        // 33.35 %) round the same way in both places.
        for (now, end) in [
            (25.0f64, 1.4499f64),
            (25.0, 1.4501),
            (10.0, 33.3499),
            (40.0, 7.45),
        ] {
            let interval = Interval {
                now: now / 100.0,
                low: end.min(now) / 100.0,
                high: end.max(now) / 100.0,
                below: None,
                above: None,
            };
            let said = past(lang, end, now);
            let edge = if end < now {
                interval.low
            } else {
                interval.high
            };
            assert_eq!(strip_end(lang, &interval, edge), said, "{now} → {end}");
        }
        // And on the demo: the smallest single flip names the figure its strip shows.
        let ranking = rank(&demo);
        let analysis = analyse(&demo, &ranking, false);
        let flip = analysis.flip.as_ref().expect("the demo's #1 can flip");
        let interval = &analysis.intervals[flip.column];
        let edge = if flip.to < flip.from {
            interval.low
        } else {
            interval.high
        };
        assert_eq!(
            strip_end(lang, interval, edge),
            past(lang, flip.to, flip.from)
        );
    }
}
