//! Every format Kerze reads and writes, defined once as serde types: the
//! stored entries, the JSON export, share links, ballots. This module holds
//! what they share: reading a text with the place of the first problem
//! (`options[3].values.c1`), numbers kept exact, and maps kept in order.
//!
//! A wire type converts into the validated domain type; a refusal names its
//! place and says what was wrong in an [`Issue`] the UI words in either language.

pub mod ballot;
pub mod compress;
pub mod export;
pub mod import;
pub mod link;
pub mod scenario;
pub mod sheet;
pub mod sheet_import;
pub mod sheet_memory;
pub mod stored;
pub mod svg;
pub mod table;
pub mod values;

use crate::domain::model::problem::{Found, Issue, Problem};
use crate::domain::model::value::ValueError;
use serde::de::{self, DeserializeOwned, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;
use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt;
use std::hash::Hash;
use std::marker::PhantomData;

/// Deepest nesting a text may have (serde_json's own limit).
pub const MAX_DEPTH: usize = 128;

/// Why a text is not JSON at all.
#[derive(Clone, Debug, PartialEq)]
pub struct JsonError {
    /// 1-based line of the first error.
    pub line: usize,
    /// 1-based column of the first error.
    pub column: usize,
    /// What the reader expected there.
    pub reason: String,
    /// The text stops in the middle.
    pub eof: bool,
    /// Lists and objects are nested deeper than [`MAX_DEPTH`].
    pub too_deep: bool,
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} (line {}, column {})",
            self.reason, self.line, self.column
        )
    }
}

impl JsonError {
    /// The position and words of serde_json's `error`.
    pub fn of(error: &serde_json::Error) -> Self {
        let text = error.to_string();
        let reason = match text.rfind(" at line ") {
            Some(at) => text[..at].to_owned(),
            None => text,
        };
        JsonError {
            line: error.line(),
            column: error.column(),
            too_deep: reason.contains("recursion limit"),
            eof: error.is_eof(),
            reason,
        }
    }
}

/// Why a text could not be read as a format.
#[derive(Clone, Debug, PartialEq)]
pub enum Refusal {
    /// Not JSON.
    NotJson(JsonError),
    /// JSON, but not of the format's shape: the first problem, with its place.
    Shape(Problem),
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refusal::NotJson(e) => write!(f, "not JSON: {e}"),
            Refusal::Shape(problem) => write!(f, "{problem}"),
        }
    }
}

impl Refusal {
    /// The refusal as a sentence naming its place (what older readers said).
    pub fn into_shape_error(self) -> String {
        match self {
            Refusal::NotJson(e) if e.eof => "it stops in the middle".to_owned(),
            other => other.to_string(),
        }
    }
}

thread_local! {
    /// The issue a domain type's reader refused with, in the UI's terms.
    static REFUSED: RefCell<Option<Issue>> = const { RefCell::new(None) };
}

/// A reader's refusal with `issue`, which [`read`] reports at the place it happened.
pub fn refuse<E: de::Error>(issue: Issue) -> E {
    let words = issue.to_string();
    REFUSED.with(|r| *r.borrow_mut() = Some(issue));
    E::custom(words)
}

/// Reads `text` as `T`. A refusal's place starts with `base` (`scenario`
/// inside an export); the whole text must be one JSON value.
pub fn read<T: DeserializeOwned>(text: &str, base: &str) -> Result<T, Refusal> {
    REFUSED.with(|r| r.borrow_mut().take());
    let mut reader = serde_json::Deserializer::from_str(text);
    let error = match serde_path_to_error::deserialize::<_, T>(&mut reader) {
        Ok(value) => {
            // Anything but white space after the value is not JSON.
            reader
                .end()
                .map_err(|e| Refusal::NotJson(JsonError::of(&e)))?;
            return Ok(value);
        }
        Err(error) => error,
    };
    // The place within the text, and as the message names it (after `base`).
    let within = place_of("", error.path());
    let path = place_of(base, error.path());
    let inner = error.into_inner();
    if inner.classify() != serde_json::error::Category::Data {
        return Err(Refusal::NotJson(JsonError::of(&inner)));
    }
    // A text that is not JSON further on is refused for that first.
    let whole = serde_json::from_str::<de::IgnoredAny>(text);
    if let Err(e) = whole {
        return Err(Refusal::NotJson(JsonError::of(&e)));
    }
    let refused = REFUSED.with(|r| r.borrow_mut().take());
    let found = || found_at(text, &within);
    Err(Refusal::Shape(problem(&path, &inner, refused, found)))
}

/// `base` and the path the reader stopped at, as `options[3].values.c1`.
fn place_of(base: &str, path: &serde_path_to_error::Path) -> String {
    let mut place = base.to_owned();
    for segment in path.iter() {
        match segment {
            serde_path_to_error::Segment::Seq { index } => {
                place.push_str(&format!("[{index}]"));
            }
            other => {
                if !place.is_empty() {
                    place.push('.');
                }
                place.push_str(&other.to_string());
            }
        }
    }
    place
}

/// `place.name`, or `name` at the top.
pub fn join(place: &str, name: &str) -> String {
    if place.is_empty() {
        name.to_owned()
    } else {
        format!("{place}.{name}")
    }
}

/// The first name between backticks in serde's words.
fn quoted_name(message: &str, after: &str) -> Option<String> {
    let rest = message.split_once(after)?.1;
    let name = rest.split('`').next()?;
    Some(name.chars().take(40).collect())
}

/// The problem serde's `error` at `path` stands for, in Kerze's terms.
fn problem(
    path: &str,
    error: &serde_json::Error,
    refused: Option<Issue>,
    found: impl Fn() -> Found,
) -> Problem {
    if let Some(issue) = refused {
        return Problem::new(path, issue);
    }
    let text = error.to_string();
    let message = match text.rfind(" at line ") {
        Some(at) => &text[..at],
        None => &text,
    };
    if let Some(name) = quoted_name(message, "missing field `") {
        return Problem::new(join(path, &name), Issue::Missing);
    }
    if let Some(name) = quoted_name(message, "unknown field `") {
        // The reader's path already ends at the unknown field.
        let place = if path == name || path.ends_with(&format!(".{name}")) {
            path.to_owned()
        } else {
            join(path, &name)
        };
        return Problem::new(place, Issue::UnknownField);
    }
    if let Some(name) = quoted_name(message, "duplicate field `") {
        return Problem::new(
            join(path, &name),
            Issue::Other("is written twice".to_owned()),
        );
    }
    if let Some(variant) = quoted_name(message, "unknown variant `") {
        let expected = message.split_once("expected ").map_or("", |(_, e)| e);
        let words = expected
            .split('`')
            .skip(1)
            .step_by(2)
            .map(str::to_owned)
            .collect();
        return Problem::new(path, Issue::ExpectedOneOf(words, Found::Text(variant)));
    }
    let expected = message.rsplit_once(", expected ").map_or("", |(_, e)| e);
    let issue = if expected.contains("string") || expected.contains("text") {
        Issue::ExpectedText(found())
    } else if ["number", "f64", "u64", "u32", "integer"]
        .iter()
        .any(|w| expected.contains(w))
    {
        Issue::ExpectedNumber(found())
    } else if ["sequence", "tuple", "list", "array"]
        .iter()
        .any(|w| expected.contains(w))
    {
        Issue::ExpectedList(found())
    } else if ["map", "struct", "object"]
        .iter()
        .any(|w| expected.contains(w))
    {
        Issue::ExpectedObject(found())
    } else if expected.contains("bool") {
        Issue::ExpectedOneOf(vec!["true".into(), "false".into()], found())
    } else {
        Issue::Other(message.to_owned())
    };
    Problem::new(path, issue)
}

/// What the text holds at `place` (read again, only for a message).
fn found_at(text: &str, place: &str) -> Found {
    let Ok(mut value) = serde_json::from_str::<Value>(text) else {
        return Found::Null;
    };
    let mut rest = place;
    while !rest.is_empty() {
        rest = rest.strip_prefix('.').unwrap_or(rest);
        if let Some(after) = rest.strip_prefix('[') {
            let (index, tail) = after.split_once(']').unwrap_or((after, ""));
            let index: usize = index.parse().unwrap_or(usize::MAX);
            value = value.get(index).cloned().unwrap_or(Value::Null);
            rest = tail;
        } else {
            let end = rest.find(['.', '[']).unwrap_or(rest.len());
            value = value.get(&rest[..end]).cloned().unwrap_or(Value::Null);
            rest = &rest[end..];
        }
    }
    found_of(&value)
}

/// How a value looks, for messages.
pub fn found_of(value: &Value) -> Found {
    match value {
        Value::Null => Found::Null,
        Value::Bool(b) => Found::Bool(*b),
        Value::Number(n) => Found::Number(n.to_string()),
        Value::String(s) => Found::Text(s.chars().take(40).collect()),
        Value::Array(_) => Found::List,
        Value::Object(_) => Found::Object,
    }
}

/// A finite number, read exactly from its text: a number beyond what a
/// float holds (`1e400`) or so small it would read as 0 (`1e-400`) is
/// refused, never rounded to infinity or zero.
#[derive(Clone, Copy, Debug, Default, PartialEq, PartialOrd)]
pub struct Num(pub f64);

impl<'de> Deserialize<'de> for Num {
    fn deserialize<D: Deserializer<'de>>(reader: D) -> Result<Self, D::Error> {
        let number = serde_json::Number::deserialize(reader)?;
        let text = number.as_str();
        let value: f64 = text
            .parse()
            .map_err(|_| refuse(Issue::NumberOutOfRange(text.to_owned())))?;
        if !value.is_finite() {
            return Err(refuse(Issue::NumberOutOfRange(text.to_owned())));
        }
        let mantissa = text.split(['e', 'E']).next().unwrap_or_default();
        if value == 0.0 && mantissa.bytes().any(|b| (b'1'..=b'9').contains(&b)) {
            return Err(refuse(Issue::Value(ValueError::TooCloseToZero)));
        }
        Ok(Num(value))
    }
}

impl Serialize for Num {
    fn serialize<S: Serializer>(&self, writer: S) -> Result<S::Ok, S::Error> {
        writer.serialize_f64(self.0)
    }
}

impl From<f64> for Num {
    fn from(value: f64) -> Self {
        Num(value)
    }
}

/// A number written as short as it reads back: `5`, not `5.0` (links and
/// ballots, where every character counts).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Compact(pub f64);

impl Serialize for Compact {
    fn serialize<S: Serializer>(&self, writer: S) -> Result<S::Ok, S::Error> {
        const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53
        let value = self.0;
        if value.fract() == 0.0 && value.abs() < EXACT {
            writer.serialize_i64(value as i64)
        } else {
            writer.serialize_f64(value)
        }
    }
}

impl<'de> Deserialize<'de> for Compact {
    fn deserialize<D: Deserializer<'de>>(reader: D) -> Result<Self, D::Error> {
        Num::deserialize(reader).map(|n| Compact(n.0))
    }
}

/// A map that keeps its entries in the order written (a later entry for the
/// same key replaces the earlier one in its place).
#[derive(Clone, Debug, PartialEq)]
pub struct Ordered<K, V>(pub Vec<(K, V)>);

impl<K, V> Default for Ordered<K, V> {
    fn default() -> Self {
        Ordered(Vec::new())
    }
}

impl<K, V> Ordered<K, V> {
    /// Whether it has no entries.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<K, V> FromIterator<(K, V)> for Ordered<K, V> {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(entries: I) -> Self {
        Ordered(entries.into_iter().collect())
    }
}

impl<K: Serialize, V: Serialize> Serialize for Ordered<K, V> {
    fn serialize<S: Serializer>(&self, writer: S) -> Result<S::Ok, S::Error> {
        let mut map = writer.serialize_map(Some(self.0.len()))?;
        for (key, value) in &self.0 {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}

impl<'de, K: Deserialize<'de> + Eq + Hash + Clone, V: Deserialize<'de>> Deserialize<'de>
    for Ordered<K, V>
{
    fn deserialize<D: Deserializer<'de>>(reader: D) -> Result<Self, D::Error> {
        struct Entries<K, V>(PhantomData<(K, V)>);
        impl<'de, K: Deserialize<'de> + Eq + Hash + Clone, V: Deserialize<'de>> Visitor<'de>
            for Entries<K, V>
        {
            type Value = Ordered<K, V>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut entries: Vec<(K, V)> = Vec::new();
                let mut at: HashMap<K, usize> = HashMap::new();
                while let Some((key, value)) = map.next_entry::<K, V>()? {
                    match at.get(&key) {
                        Some(&i) => entries[i].1 = value,
                        None => {
                            at.insert(key.clone(), entries.len());
                            entries.push((key, value));
                        }
                    }
                }
                Ok(Ordered(entries))
            }
        }
        reader.deserialize_map(Entries(PhantomData))
    }
}

/// A field that may be `null` as well as absent: absent is `None`, `null`
/// is `Some(None)` (an amount's open bound is written as `null`).
pub fn nullable<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    reader: D,
) -> Result<Option<Option<T>>, D::Error> {
    Option::<T>::deserialize(reader).map(Some)
}

/// Compact JSON text.
pub fn to_text<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

/// JSON text indented by two spaces per level.
pub fn to_pretty<T: Serialize>(value: &T) -> String {
    serde_json::to_string_pretty(value).unwrap_or_default()
}

/// Whether a value is its type's default (to leave it out of a file).
pub fn is_default<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
}

impl<K, V: schemars::JsonSchema> schemars::JsonSchema for Ordered<K, V> {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        format!("Map_of_{}", V::schema_name()).into()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "object",
            "additionalProperties": generator.subschema_for::<V>()
        })
    }
}

impl schemars::JsonSchema for Compact {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Number".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "type": "number" })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::formats::scenario::FitWire;

    #[test]
    fn a_refusal_names_the_place_after_the_base_and_what_was_there() {
        let refused = read::<FitWire>(r#"{"smb": "high"}"#, "ballot").unwrap_err();
        assert_eq!(
            refused.to_string(),
            "ballot.smb: expected a number, found \"high\""
        );
        let refused = read::<FitWire>(r#"{"smb": 1, "colour": 2}"#, "").unwrap_err();
        assert_eq!(refused.to_string(), "colour: is not a field Kerze knows");
        let refused = read::<Vec<Num>>("[1, 2, [3]]", "values").unwrap_err();
        assert_eq!(
            refused.to_string(),
            "values[2]: expected a number, found a list"
        );
    }

    #[test]
    fn numbers_beyond_a_float_or_below_its_smallest_are_refused() {
        assert!(matches!(
            read::<Num>("1e400", "n"),
            Err(Refusal::Shape(Problem {
                issue: Issue::NumberOutOfRange(_),
                ..
            }))
        ));
        assert_eq!(
            read::<Num>("1e-400", "n").map_err(|e| e.to_string()),
            Err("n: is too close to zero to compute with: write 0 instead".to_owned())
        );
        assert_eq!(read::<Num>("0e-400", "n"), Ok(Num(0.0)));
    }

    #[test]
    fn text_that_is_not_json_says_where() {
        let Err(Refusal::NotJson(error)) = read::<Num>("[1,", "") else {
            panic!("not JSON");
        };
        assert!(error.eof);
        let Err(Refusal::NotJson(error)) = read::<Num>("1 2", "") else {
            panic!("not JSON");
        };
        assert_eq!((error.line, error.column), (1, 3));
        let deep = "[".repeat(200) + &"]".repeat(200);
        let Err(Refusal::NotJson(error)) = read::<serde_json::Value>(&deep, "") else {
            panic!("too deep");
        };
        assert!(error.too_deep);
    }

    #[test]
    fn ordered_maps_keep_the_order_written_and_compact_numbers_have_no_fraction() {
        let map: Ordered<String, Compact> = read(r#"{"o10": 1, "o2": 2.5}"#, "").unwrap();
        let keys: Vec<&str> = map.0.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["o10", "o2"]);
        assert_eq!(to_text(&map), r#"{"o10":1,"o2":2.5}"#);
    }
}
