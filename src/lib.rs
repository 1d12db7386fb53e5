//! Kerze: a prioritization calculator for product teams.

pub mod domain;
pub mod i18n;
pub mod state;
