//! Effects at the edge: storage, downloads, clock. The reducer never calls these.

pub mod clipboard;
pub mod clock;
pub mod download;
pub mod events;
pub mod panic;
pub mod storage;
