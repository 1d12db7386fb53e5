//! Components: they render props and send actions; none holds app state.

pub mod ballot_form;
pub mod budget;
pub mod common;
pub mod criteria_panel;
pub mod fields;
pub mod footer;
pub mod group;
pub mod help;
pub mod intake;
pub mod notices;
pub mod number_field;
pub mod options_panel;
pub mod ranking;
pub mod robustness;
pub mod scenario_bar;
pub mod scenario_panel;
pub mod share;
pub mod summary;
pub mod tradeoffs;

pub use crate::hooks::Same;
