//! Stable identifiers for criteria, options and scenarios.
//!
//! Criterion and option ids are small numbers inside one scenario, written as
//! `c7` / `o12` in every stored or exported file, so files stay readable and
//! scoring compares integers rather than strings.

use std::fmt;

macro_rules! numbered_id {
    ($(#[$doc:meta])* $name:ident, $prefix:literal) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(u32);

        impl $name {
            /// The id with the given number.
            pub const fn new(number: u32) -> Self {
                Self(number)
            }

            /// The number behind the id.
            pub const fn number(self) -> u32 {
                self.0
            }

            /// Reads an id such as `c7`; `None` for anything else.
            pub fn parse(text: &str) -> Option<Self> {
                let digits = text.strip_prefix($prefix)?;
                if digits.is_empty() || digits.len() > 9 || !digits.bytes().all(|b| b.is_ascii_digit()) {
                    return None;
                }
                digits.parse().ok().map(Self)
            }

            /// The smallest id above every id in `taken`.
            pub fn next_after<'a>(taken: impl IntoIterator<Item = &'a Self>) -> Self {
                Self(taken.into_iter().map(|id| id.0).max().map_or(1, |n| n.saturating_add(1)))
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, concat!($prefix, "{}"), self.0)
            }
        }

        impl $name {
        }
    };
}

numbered_id!(
    /// Identifies a criterion within its scenario (`c1`, `c2`, …).
    CriterionId,
    "c"
);
numbered_id!(
    /// Identifies an option within its scenario (`o1`, `o2`, …).
    OptionId,
    "o"
);
numbered_id!(
    /// Identifies a saved lens within its scenario (`l1`, `l2`, …).
    LensId,
    "l"
);

/// Identifies a scenario across the browser's storage; made at the edge
/// from the clock and a random number so that two tabs never pick the same one.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ScenarioId(String);

impl ScenarioId {
    /// Longest id accepted from a file or from storage.
    pub const MAX_LEN: usize = 64;

    /// Accepts 1–64 characters of `[A-Za-z0-9_-]`.
    pub fn parse(text: &str) -> Option<Self> {
        let ok = !text.is_empty()
            && text.len() <= Self::MAX_LEN
            && text
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        ok.then(|| Self(text.to_owned()))
    }

    /// An id built from a time stamp and a random number (both from the edge).
    pub fn from_parts(millis: u64, random: u32) -> Self {
        Self(format!("s{millis:x}{random:08x}"))
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ScenarioId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_read_and_write_their_prefix() {
        assert_eq!(CriterionId::parse("c7"), Some(CriterionId::new(7)));
        assert_eq!(OptionId::new(12).to_string(), "o12");
        assert_eq!(CriterionId::parse("o7"), None);
        assert_eq!(CriterionId::parse("c"), None);
        assert_eq!(CriterionId::parse("c-1"), None);
        assert_eq!(CriterionId::parse("c99999999999"), None);
        use crate::domain::formats::{read, to_text};
        assert_eq!(to_text(&OptionId::new(3)), "\"o3\"");
        let wrong = read::<OptionId>("\"x3\"", "id").unwrap_err();
        assert_eq!(
            wrong.to_string(),
            "id: expected an id like \"o1\", found \"x3\""
        );
    }

    #[test]
    fn next_id_is_above_every_taken_one() {
        let taken = [OptionId::new(2), OptionId::new(9), OptionId::new(4)];
        assert_eq!(OptionId::next_after(&taken), OptionId::new(10));
        assert_eq!(OptionId::next_after(&[]), OptionId::new(1));
    }

    #[test]
    fn scenario_ids_are_plain_tokens() {
        assert!(ScenarioId::parse("s18f2a").is_some());
        assert!(ScenarioId::parse("").is_none());
        assert!(ScenarioId::parse("a b").is_none());
        assert!(ScenarioId::parse(&"x".repeat(65)).is_none());
        assert_eq!(ScenarioId::from_parts(255, 1).as_str(), "sff00000001");
    }
}
