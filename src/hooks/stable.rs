//! Values that keep their identity while they stay equal.

use crate::components::Same;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// The same `Rc` for as long as the value stays equal, so that components
/// given it as a prop skip re-rendering after edits elsewhere in the scenario.
#[hook]
pub fn use_stable<T: PartialEq + Clone + 'static>(value: &T) -> Same<T> {
    use_stable_by(value, T::eq)
}

/// [`use_stable`] with a cheaper equality (e.g. one that checks shared pointers first).
#[hook]
pub fn use_stable_by<T: Clone + 'static>(value: &T, same: fn(&T, &T) -> bool) -> Same<T> {
    let kept = use_mut_ref(|| Rc::new(value.clone()));
    if !same(kept.borrow().as_ref(), value) {
        *kept.borrow_mut() = Rc::new(value.clone());
    }
    let current = kept.borrow().clone();
    Same(current)
}

/// The value as of the latest render, for listeners and timers made once
/// that must read it when they fire.
#[hook]
pub fn use_latest<T: Clone + 'static>(value: &T) -> Rc<RefCell<T>> {
    let latest = use_mut_ref(|| value.clone());
    *latest.borrow_mut() = value.clone();
    latest
}
