//! Runs the weight samples (and, when values have ranges, the value samples)
//! of the shown ranking between frames: typing never waits for them, and the
//! newest ranking cancels a run still going.

use super::Same;
use crate::domain::analyses::acceptability::{scenario_seed, Acceptability, Sampler};
use crate::domain::analyses::uncertainty::{samples_values, Uncertainty, ValueSampler};
use crate::domain::model::scenario::Scenario;
use crate::domain::model::settings::WeightMode;
use crate::domain::scoring::Ranking;
use gloo_timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// Work per slice, in utility products: a few milliseconds.
const SLICE_WORK: usize = 1_500_000;
/// A partial result is shown after this many samples, then the full one.
const FIRST_SHOWN: u32 = 1_000;

/// What the samples show so far.
#[derive(Clone, PartialEq)]
pub struct Samples {
    /// Places over the weight samples.
    pub weights: Rc<Acceptability>,
    /// Chances over the value samples, when some value has a range.
    pub values: Option<Rc<Uncertainty>>,
}

struct Run {
    weights: Sampler,
    values: Option<ValueSampler>,
    slice: u32,
}

impl Run {
    fn samples(&self) -> Samples {
        Samples {
            weights: Rc::new(self.weights.result().clone()),
            values: self.values.as_ref().map(|v| Rc::new(v.result().clone())),
        }
    }

    /// Runs one slice; whether something new is worth showing, and whether
    /// more is to come.
    fn step(&mut self) -> (bool, bool) {
        let (count, done) = if !self.weights.done() {
            self.weights.run(self.slice);
            (self.weights.result().samples, self.weights.done())
        } else if let Some(values) = self.values.as_mut() {
            // Drawing values costs more than drawing weights.
            values.run(self.slice.div_ceil(4));
            (values.result().samples, values.done())
        } else {
            return (false, false);
        };
        let more = !self.weights.done() || self.values.as_ref().is_some_and(|v| !v.done());
        let shown = done || (count >= FIRST_SHOWN && count < FIRST_SHOWN + self.slice);
        (shown, more)
    }
}

fn tick(
    run: Rc<RefCell<Run>>,
    timer: Rc<RefCell<Option<Timeout>>>,
    show: UseStateSetter<Option<Samples>>,
) {
    let (shown, more) = run.borrow_mut().step();
    if shown {
        show.set(Some(run.borrow().samples()));
    }
    if more {
        let next = timer.clone();
        *timer.borrow_mut() = Some(Timeout::new(0, move || tick(run, next, show)));
    }
}

/// The samples of `ranking` (of `scenario`) under `mode`, partial while
/// they run; `None` until the first ones are in.
#[hook]
pub fn use_samples(
    scenario: &Rc<Scenario>,
    ranking: &Same<Ranking>,
    mode: WeightMode,
) -> Option<Samples> {
    let shown = use_state(|| None);
    let show = shown.setter();
    let scenario = scenario.clone();
    use_effect_with((ranking.clone(), mode), move |(ranking, mode)| {
        let seed = scenario_seed(&scenario, *mode);
        let work = ranking.rows.len() * (ranking.criteria.len() + 3);
        let run = Rc::new(RefCell::new(Run {
            weights: Sampler::new(ranking, *mode, seed),
            values: samples_values(&scenario).then(|| ValueSampler::new(&scenario, ranking, seed)),
            slice: u32::try_from(SLICE_WORK / work.max(1))
                .unwrap_or(u32::MAX)
                .clamp(20, 2_500),
        }));
        let timer = Rc::new(RefCell::new(None));
        let first = (run, timer.clone(), show);
        *timer.borrow_mut() = Some(Timeout::new(0, move || tick(first.0, first.1, first.2)));
        move || {
            // Dropping the timer cancels it; the run then ends.
            timer.borrow_mut().take();
        }
    });
    (*shown).clone()
}
