//! Saving: the rules of writing scenarios to the browser's storage, and
//! merging what two tabs changed.

pub mod merge;
pub mod save;
