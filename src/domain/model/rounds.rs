//! Group scoring as the scenario keeps it: the rounds started and the
//! ballots brought in (PRODUCT.md, "Group scoring").

use crate::domain::model::ids::{CriterionId, OptionId};
use crate::domain::model::segment::Segment;
use std::collections::HashSet;

/// Longest participant name kept.
pub const MAX_NAME: usize = 60;

/// Longest reason kept.
pub const MAX_REASON: usize = 200;

/// Most ballots kept with a scenario.
pub const MAX_BALLOTS: usize = 500;

/// Most rounds kept with a scenario.
pub const MAX_ROUNDS: usize = 50;

/// What a participant scores for an option: a criterion's value, or the
/// option's fit rating for one segment (the input of every segment-fit criterion).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Item {
    /// The value on a rating or amount criterion.
    Value(CriterionId),
    /// The fit rating (0–5) for one segment.
    Fit(Segment),
}

impl Item {
    /// The item's key in files: `c3`, `fit.smb`.
    pub fn key(self) -> String {
        match self {
            Item::Value(id) => id.to_string(),
            Item::Fit(segment) => format!("fit.{}", segment.key()),
        }
    }

    /// Reads a key written by [`Item::key`].
    pub fn parse(key: &str) -> Option<Item> {
        match key.strip_prefix("fit.") {
            Some(segment) => Segment::ALL
                .into_iter()
                .find(|s| s.key() == segment)
                .map(Item::Fit),
            None => CriterionId::parse(key).map(Item::Value),
        }
    }
}

/// One cell of the options × items grid.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Cell {
    /// The option scored.
    pub option: OptionId,
    /// What of it is scored.
    pub item: Item,
}

/// A round of group scoring, kept with the scenario.
#[derive(Clone, Debug, PartialEq)]
pub struct Round {
    /// Identifies the round in its links (random, made at the edge).
    pub id: u32,
    /// 1 for the first round of a scenario, 2 for the next…
    pub number: u32,
    /// The criteria the room scores, in scenario order.
    pub criteria: Vec<CriterionId>,
    /// Whether each person is asked for weights too.
    pub weights: bool,
    /// Only these cells (a later round on the flagged cells); empty: every
    /// option on every asked criterion.
    pub cells: Vec<Cell>,
}

/// One person's answer to one cell.
#[derive(Clone, Debug, PartialEq)]
pub struct Score {
    /// The cell.
    pub cell: Cell,
    /// The value, or `None` for "don't know" (an abstention, never 0).
    pub value: Option<f64>,
    /// An optional one-line reason.
    pub reason: String,
}

/// One person's scores for a round.
#[derive(Clone, Debug, PartialEq)]
pub struct Ballot {
    /// The round's id.
    pub round: u32,
    /// The round's number.
    pub number: u32,
    /// The name or initials the person gave.
    pub participant: String,
    /// When it was sent (milliseconds since 1970): the newest of a person counts.
    pub sent: u64,
    /// The cells scored, "don't know" included.
    pub scores: Vec<Score>,
    /// Weights per criterion, when the round asked for them.
    pub weights: Vec<(CriterionId, f64)>,
    /// A short check of each option's and criterion's text as the person saw
    /// it, to flag cells whose option or criterion changed since.
    pub checks: Vec<(String, u32)>,
}

impl Ballot {
    /// The person's name as compared (case and spaces ignored).
    pub fn who(&self) -> String {
        fold(&self.participant)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// The group part of a scenario: its rounds and the ballots brought in.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Group {
    /// Rounds started, oldest first.
    pub rounds: Vec<Round>,
    /// Ballots revealed, in the order they came in.
    pub ballots: Vec<Ballot>,
}

impl Group {
    /// Whether there is nothing to keep.
    pub fn is_empty(&self) -> bool {
        self.rounds.is_empty() && self.ballots.is_empty()
    }

    /// The people who scored, each once whatever the rounds: the index of
    /// each person's first ballot, in the order they first came in.
    pub fn people(&self) -> Vec<usize> {
        let mut seen = HashSet::new();
        (0..self.ballots.len())
            .filter(|&i| seen.insert(self.ballots[i].who()))
            .collect()
    }

    /// The latest round.
    pub fn current(&self) -> Option<&Round> {
        self.rounds.last()
    }

    /// The number the next round gets.
    pub fn next_number(&self) -> u32 {
        self.rounds.iter().map(|r| r.number).max().unwrap_or(0) + 1
    }
}

/// Cuts `text` to at most `max` characters, trimmed.
pub(crate) fn clip(text: &str, max: usize) -> String {
    text.trim().chars().take(max).collect()
}

/// Text with its case ignored: Latin letters (A–Z and the accented ones of
/// Latin-1, Ä Ö Ü É …) in lower case. Full Unicode case tables would cost
/// the page more than all of this feature.
pub fn fold(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            'A'..='Z' | 'À'..='Þ' if c != '×' => char::from_u32(c as u32 + 32).unwrap_or(c),
            _ => c,
        })
        .collect()
}
