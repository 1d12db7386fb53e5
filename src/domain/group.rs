//! Group scoring without a server: round links, ballots and their intake,
//! and the tally of what the room scored.

pub mod ballot;
pub mod tally;
