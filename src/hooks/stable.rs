//! Values that keep their identity while they stay equal.

use std::cell::RefCell;
use std::ops::Deref;
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

/// A shared value that compares by identity: props and memo keys holding it
/// cost one pointer comparison, not a walk through a thousand options. The
/// reducer makes a new `Rc` for every change, so identity means "unchanged".
#[derive(Debug)]
pub struct Same<T>(pub Rc<T>);

impl<T> Clone for Same<T> {
    fn clone(&self) -> Self {
        Same(self.0.clone())
    }
}

impl<T> PartialEq for Same<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> Deref for Same<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T> From<Rc<T>> for Same<T> {
    fn from(rc: Rc<T>) -> Self {
        Same(rc)
    }
}
