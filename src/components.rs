//! Components: they render props and send actions; none holds app state.

pub mod common;
pub mod criteria_panel;
pub mod fields;
pub mod notices;
pub mod number_field;
pub mod options_panel;
pub mod ranking;
pub mod scenario_bar;
pub mod scenario_panel;
pub mod share;

use std::ops::Deref;
use std::rc::Rc;

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
