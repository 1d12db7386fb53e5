//! Effects at the edge: storage, downloads, clock, the address bar, files. The reducer never calls these.

pub mod clipboard;
pub mod clock;
pub mod download;
pub mod files;
pub mod focus;
pub mod location;
pub mod print;
pub mod storage;
