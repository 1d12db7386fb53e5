//! Kerze: a prioritization calculator for product teams.

pub mod domain;
