//! Runs the weight samples of the shown ranking between frames: typing never
//! waits for them, and the newest ranking cancels a run still going.

use super::Same;
use crate::domain::acceptability::{seed_of, Acceptability, Sampler, WeightMode};
use crate::domain::link::link_json;
use crate::domain::scenario::Scenario;
use crate::domain::scoring::Ranking;
use gloo_timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// Work per slice, in utility products: a few milliseconds.
const SLICE_WORK: usize = 1_500_000;
/// The partial result shown first, then the full one.
const FIRST_SHOWN: u32 = 1_000;

struct Run {
    sampler: RefCell<Sampler>,
    timer: RefCell<Option<Timeout>>,
    slice: u32,
    show: UseStateSetter<Option<Rc<Acceptability>>>,
}

impl Run {
    fn tick(self: Rc<Self>) {
        let mut sampler = self.sampler.borrow_mut();
        let before = sampler.result().samples;
        sampler.run(self.slice);
        let now = sampler.result().samples;
        if sampler.done() || (before < FIRST_SHOWN && now >= FIRST_SHOWN) {
            self.show.set(Some(Rc::new(sampler.result().clone())));
        }
        if !sampler.done() {
            drop(sampler);
            let next = self.clone();
            *self.timer.borrow_mut() = Some(Timeout::new(0, move || next.tick()));
        }
    }
}

/// The rank acceptability of `ranking` under `mode`, partial while it runs;
/// `None` until the first samples are in.
#[hook]
pub fn use_acceptability(
    scenario: &Rc<Scenario>,
    ranking: &Same<Ranking>,
    mode: WeightMode,
) -> Option<Rc<Acceptability>> {
    let shown = use_state(|| None);
    let show = shown.setter();
    let scenario = scenario.clone();
    use_effect_with((ranking.clone(), mode), move |(ranking, mode)| {
        let seed = seed_of(&link_json(&scenario), *mode);
        let work = ranking.rows.len() * (ranking.criteria.len() + 3);
        let run = Rc::new(Run {
            sampler: RefCell::new(Sampler::new(ranking, *mode, seed)),
            timer: RefCell::new(None),
            slice: u32::try_from(SLICE_WORK / work.max(1))
                .unwrap_or(u32::MAX)
                .clamp(20, 2_500),
            show,
        });
        let first = run.clone();
        *run.timer.borrow_mut() = Some(Timeout::new(0, move || first.tick()));
        move || {
            // Dropping the timer cancels it; the run then ends.
            run.timer.borrow_mut().take();
        }
    });
    (*shown).clone()
}
