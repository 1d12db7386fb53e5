//! The scenario and everything it holds.

pub mod criterion;
pub mod demo;
pub mod ids;
pub mod presets;
pub mod problem;
pub mod rounds;
pub mod scenario;
pub mod segment;
pub mod settings;
pub mod value;
