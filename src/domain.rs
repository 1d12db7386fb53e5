//! Everything Kerze computes, free of any browser API, in rooms by concern;
//! each room uses only the rooms listed above it:
//!
//! - [`model`]: the scenario, its criteria, options, values, ids and the
//!   settings it keeps (sampling mode, lenses, the matrix's roles, group
//!   scoring's rounds and ballots), its edits and its rules;
//! - [`scoring`]: the weighted-sum ranking;
//! - [`analyses`]: sensitivity, rank acceptability, uncertain values, lenses,
//!   the value/effort matrix, the options editor's sort and filter;
//! - [`formats`]: every text Kerze reads and writes: stored entries, links,
//!   the export, imports, ballots, CSV and Markdown;
//! - [`group`]: group scoring's links, intake and tally;
//! - [`saving`]: the save rules over a small key-value store, and merging
//!   two tabs' edits.

pub mod analyses;
pub mod formats;
pub mod group;
pub mod model;
pub mod saving;
pub mod scoring;
