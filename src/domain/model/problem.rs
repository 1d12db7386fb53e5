//! Problems found in a scenario read from a file, a link or storage: where
//! (a path such as `options[3].values.c1`) and what (an [`Issue`], which the
//! UI words in the user's language; `Display` gives the English words).

use crate::domain::model::value::ValueError;
use std::fmt;

/// How a value in a file looked, for messages: `"abc"`, `12`, a list.
#[derive(Clone, Debug, PartialEq)]
pub enum Found {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, as written.
    Number(String),
    /// Text (cut after 40 characters).
    Text(String),
    /// A list.
    List,
    /// An object.
    Object,
}

impl fmt::Display for Found {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Found::Null => f.write_str("null"),
            Found::Bool(b) => write!(f, "{b}"),
            Found::Number(n) => f.write_str(n),
            Found::Text(t) => write!(f, "\"{t}\""),
            Found::List => f.write_str("a list"),
            Found::Object => f.write_str("an object"),
        }
    }
}

/// What is wrong at a place.
#[derive(Clone, Debug, PartialEq)]
pub enum Issue {
    /// A required field is absent.
    Missing,
    /// A field this format does not have.
    UnknownField,
    /// Should be an object.
    ExpectedObject(Found),
    /// Should be a list.
    ExpectedList(Found),
    /// Should be text.
    ExpectedText(Found),
    /// Should be a number.
    ExpectedNumber(Found),
    /// A number too large for a computer's numbers (`1e400`), as written.
    NumberOutOfRange(String),
    /// Should be one of a few words.
    ExpectedOneOf(Vec<String>, Found),
    /// Should be an id like `example`.
    ExpectedId {
        /// An id of the right kind (`c1`, `o1`).
        example: &'static str,
        /// What was there.
        found: Found,
    },
    /// A key of `values` that is not a criterion id.
    NotACriterionId(String),
    /// The number breaks its field's rule.
    Value(ValueError),
    /// Longer than Kerze keeps.
    TooLong,
    /// More than 64 criteria.
    TooManyCriteria,
    /// More than 10,000 options.
    TooManyOptions,
    /// More lenses than a scenario keeps.
    TooManyLenses,
    /// A lens id used twice.
    LensIdTaken,
    /// Two criteria share this id.
    CriterionIdTaken,
    /// Two options share this id.
    OptionIdTaken,
    /// A rating-scale end outside ±1000.
    ScaleEndRange,
    /// A rating scale's max is not above its min.
    MaxNotAboveMin,
    /// Fewer than two levels, or more than twenty.
    LevelCount,
    /// A level without a label, or one labelled like another.
    LevelLabel,
    /// Two levels with the same value, or a value beyond ±10^12.
    LevelValue,
    /// An amount's explicit bound outside 0–10^12.
    BoundRange,
    /// An amount's high bound is not above its low bound.
    HiNotAboveLo,
    /// A value for a criterion the scenario does not have.
    UnknownCriterion,
    /// A budget on a criterion that is not an amount, an amount outside
    /// 0–10^12, or a pin on an option the scenario does not have.
    BudgetInvalid,
    /// A value on a segment-fit criterion (those are rated per segment).
    ValueOnSegmentFit,
    /// An amount outside 0–10^12.
    AmountRange,
    /// A rating beyond ±10^12.
    NumberRange,
    /// A segment-fit rating outside 0–5.
    FitRange,
    /// An id that no file format can carry.
    BadId,
    /// An input kind Kerze does not know.
    UnknownInputKind,
    /// More values than criteria that take one.
    TooManyValues,
    /// A range whose value is missing.
    RangeWithoutValue,
    /// A range that does not hold its value, or has no width.
    RangeOrder,
    /// More than three segment ratings.
    TooManyFits,
    /// The reader's own words, for what the checks above do not name.
    Other(String),
}

impl fmt::Display for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Issue::Missing => f.write_str("is missing"),
            Issue::UnknownField => f.write_str("is not a field Kerze knows"),
            Issue::ExpectedObject(found) => write!(f, "expected an object, found {found}"),
            Issue::ExpectedList(found) => write!(f, "expected a list, found {found}"),
            Issue::ExpectedText(found) => write!(f, "expected text, found {found}"),
            Issue::ExpectedNumber(found) => write!(f, "expected a number, found {found}"),
            Issue::NumberOutOfRange(text) => write!(f, "{text} is a number out of range"),
            Issue::ExpectedOneOf(words, found) => {
                write!(f, "expected {}, found {found}", quoted(words, "or"))
            }
            Issue::ExpectedId { example, found } => {
                write!(f, "expected an id like \"{example}\", found {found}")
            }
            Issue::NotACriterionId(key) => write!(f, "\"{key}\" is not a criterion id like \"c1\""),
            Issue::Value(error) => write!(f, "{error}"),
            Issue::TooLong => f.write_str("is too long"),
            Issue::TooManyCriteria => f.write_str("has more criteria than Kerze handles (64)"),
            Issue::TooManyOptions => f.write_str("has more options than Kerze handles (10,000)"),
            Issue::TooManyLenses => f.write_str("has more lenses than Kerze keeps (20)"),
            Issue::LensIdTaken => f.write_str("is used by another lens"),
            Issue::CriterionIdTaken => f.write_str("is used by another criterion"),
            Issue::OptionIdTaken => f.write_str("is used by another option"),
            Issue::ScaleEndRange => f.write_str("must be a number between -1000 and 1000"),
            Issue::MaxNotAboveMin => f.write_str("must be larger than input.min"),
            Issue::LevelCount => f.write_str("must hold 2 to 20 levels"),
            Issue::LevelLabel => f.write_str("needs a label of its own"),
            Issue::LevelValue => f.write_str("needs a value of its own, a plain number"),
            Issue::BoundRange => f.write_str("must be a number between 0 and 10^12"),
            Issue::HiNotAboveLo => f.write_str("must be larger than input.lo"),
            Issue::UnknownCriterion => f.write_str("refers to a criterion that does not exist"),
            Issue::BudgetInvalid => f.write_str(
                "must be on an amount criterion, between 0 and 10^12, with pins on existing options",
            ),
            Issue::ValueOnSegmentFit => {
                f.write_str("is a segment-fit criterion: rate it under fit")
            }
            Issue::AmountRange => f.write_str("must be an amount between 0 and 10^12"),
            Issue::NumberRange => f.write_str("must be a number of at most 10^12"),
            Issue::FitRange => f.write_str("must be a rating from 0 to 5"),
            Issue::RangeWithoutValue => f.write_str("is a range around a value that is missing"),
            Issue::RangeOrder => {
                f.write_str("must be [low, high] with low < high around the value")
            }
            Issue::BadId => f.write_str("is not a valid id"),
            Issue::UnknownInputKind => f.write_str("is not a kind of input Kerze knows"),
            Issue::TooManyValues => f.write_str("has more values than there are criteria"),
            Issue::TooManyFits => f.write_str("has more than three segment ratings"),
            Issue::Other(words) => f.write_str(words),
        }
    }
}

/// `"a" or "b"`: the words quoted and joined by `joiner`.
pub fn quoted<W: AsRef<str>>(words: &[W], joiner: &str) -> String {
    words
        .iter()
        .map(|w| format!("\"{}\"", w.as_ref()))
        .collect::<Vec<_>>()
        .join(&format!(" {joiner} "))
}

/// A problem found in a scenario read from a file, a link or storage.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    /// Where: `criteria[2].input.max`, `options[3].values.c1`.
    pub path: String,
    /// What is wrong.
    pub issue: Issue,
}

impl Problem {
    /// A problem at `path`.
    pub fn new(path: impl Into<String>, issue: Issue) -> Self {
        Problem {
            path: path.into(),
            issue,
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.issue)
    }
}
