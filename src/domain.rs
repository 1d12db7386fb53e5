//! Everything Kerze computes, free of any browser API: scenarios, scoring,
//! ranking, validation and the export format.

pub mod acceptability;
pub mod ballot;
pub mod browse;
pub mod compress;
pub mod criterion;
pub mod demo;
pub mod export;
pub mod formats;
pub mod group;
pub mod ids;
pub mod import;
pub mod lens;
pub mod link;
pub mod matrix;
pub mod merge;
pub mod problem;
pub mod save;
pub mod scenario;
pub mod scoring;
pub mod segment;
pub mod sensitivity;
pub mod stored;
pub mod svg;
pub mod table;
pub mod uncertainty;
pub mod value;
