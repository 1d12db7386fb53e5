//! JSON as Kerze's files, links and exports use it: one small reader and
//! writer instead of a general serialisation framework, so that the page
//! carries only the code its own formats need.
//!
//! Numbers are kept as written and read exactly by the standard library
//! (the same reader as typed numbers). Numbers are written as the shortest
//! text that reads back to the same value, whole numbers of a float with
//! `.0`, large and small ones with an exponent (`1e+16`, `1.5e-7`). Objects
//! keep their keys in the order written; a repeated key keeps its first
//! place and its last value.

use super::problem::Found;
use std::collections::HashMap;
use std::fmt::Write as _;

/// Deepest nesting of lists and objects read: far deeper than any scenario,
/// shallow enough that reading never runs out of stack.
pub const MAX_DEPTH: usize = 128;

/// A JSON value.
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, as written (always valid JSON number text).
    Number(String),
    /// A string.
    Str(String),
    /// A list.
    Array(Vec<Json>),
    /// An object: keys once each, in the order written.
    Object(Vec<(String, Json)>),
}

/// Why a text is not JSON, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JsonError {
    /// 1-based line.
    pub line: usize,
    /// 1-based column (characters).
    pub column: usize,
    /// What the reader expected.
    pub reason: &'static str,
}

impl JsonError {
    /// Whether the text stops before its value ends.
    pub fn is_eof(&self) -> bool {
        self.reason.starts_with("the text ends")
    }

    /// Whether the text nests deeper than [`MAX_DEPTH`].
    pub fn is_too_deep(&self) -> bool {
        self.reason == TOO_DEEP
    }
}

const TOO_DEEP: &str = "lists and objects nested too deeply";

impl std::fmt::Display for JsonError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} at line {} column {}",
            self.reason, self.line, self.column
        )
    }
}

impl From<f64> for Json {
    /// The shortest text that reads back to `value` (`null` if not finite).
    fn from(value: f64) -> Self {
        if value.is_finite() {
            Json::Number(float_text(value))
        } else {
            Json::Null
        }
    }
}

impl From<u64> for Json {
    fn from(value: u64) -> Self {
        Json::Number(value.to_string())
    }
}

impl From<u32> for Json {
    fn from(value: u32) -> Self {
        Json::Number(value.to_string())
    }
}

impl From<bool> for Json {
    fn from(value: bool) -> Self {
        Json::Bool(value)
    }
}

impl From<&str> for Json {
    fn from(value: &str) -> Self {
        Json::Str(value.to_owned())
    }
}

impl From<String> for Json {
    fn from(value: String) -> Self {
        Json::Str(value)
    }
}

impl<T: Into<Json>> From<Option<T>> for Json {
    fn from(value: Option<T>) -> Self {
        value.map_or(Json::Null, Into::into)
    }
}

/// An object from its entries, in order.
pub fn object<const N: usize>(entries: [(&str, Json); N]) -> Json {
    Json::Object(entries.map(|(k, v)| (k.to_owned(), v)).into())
}

/// An object of the entries that are there (`None`s left out), in order.
pub fn sparse_object(entries: Vec<(&str, Option<Json>)>) -> Json {
    Json::Object(
        entries
            .into_iter()
            .filter_map(|(k, v)| Some((k.to_owned(), v?)))
            .collect(),
    )
}

/// `value` as a whole number when it is one a float holds exactly (`5`, not
/// `5.0`), else as a float.
pub fn compact_number(value: f64) -> Json {
    const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53
    if value.fract() == 0.0 && value.abs() < EXACT {
        // The value is a whole number well inside i64.
        Json::Number((value as i64).to_string())
    } else {
        Json::from(value)
    }
}

/// The shortest decimal text that reads back to `value` (finite), laid out
/// as described in the module's documentation.
fn float_text(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 && value != 0.0 {
        // A whole number below 10^15 is its digits and `.0`.
        return format!("{}.0", value as i64);
    }
    // `{:e}` gives the shortest digits: `-1.2345e-7`.
    let shortest = format!("{value:e}");
    let (negative, rest) = match shortest.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, shortest.as_str()),
    };
    let (mantissa, exponent) = rest.split_once('e').unwrap_or((rest, "0"));
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let exponent: i32 = exponent.parse().unwrap_or(0);
    let length = digits.len() as i32;
    // value = 0.digits × 10^point
    let point = exponent + 1;
    let mut out = String::with_capacity(24);
    if negative {
        out.push('-');
    }
    if digits == "0" {
        out.push_str("0.0");
    } else if (length..=16).contains(&point) {
        out.push_str(&digits);
        out.extend(std::iter::repeat_n('0', (point - length) as usize));
        out.push_str(".0");
    } else if (1..=16).contains(&point) {
        let (whole, fraction) = digits.split_at(point as usize);
        let _ = write!(out, "{whole}.{fraction}");
    } else if (-4..=0).contains(&point) {
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', (-point) as usize));
        out.push_str(&digits);
    } else {
        let (first, rest) = digits.split_at(1);
        out.push_str(first);
        if !rest.is_empty() {
            out.push('.');
            out.push_str(rest);
        }
        let _ = write!(out, "e{:+}", point - 1);
    }
    out
}

impl Json {
    /// The value of `key` in an object.
    pub fn get(&self, key: &str) -> Option<&Json> {
        self.as_object()?
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v)
    }

    /// Takes the value of `key` out of an object.
    pub fn take(self, key: &str) -> Option<Json> {
        match self {
            Json::Object(entries) => entries.into_iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The text of a string.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::Str(s) => Some(s),
            _ => None,
        }
    }

    /// A number as the nearest float, if it is finite.
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Json::Number(n) => n.parse::<f64>().ok().filter(|v| v.is_finite()),
            _ => None,
        }
    }

    /// A whole number of 0 or more.
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Json::Number(n) => n.parse().ok(),
            _ => None,
        }
    }

    /// The items of a list.
    pub fn as_array(&self) -> Option<&[Json]> {
        match self {
            Json::Array(items) => Some(items),
            _ => None,
        }
    }

    /// The entries of an object.
    pub fn as_object(&self) -> Option<&[(String, Json)]> {
        match self {
            Json::Object(entries) => Some(entries),
            _ => None,
        }
    }

    /// Whether it is `null`.
    pub fn is_null(&self) -> bool {
        *self == Json::Null
    }

    /// How the value looks, for messages.
    pub fn found(&self) -> Found {
        match self {
            Json::Null => Found::Null,
            Json::Bool(b) => Found::Bool(*b),
            Json::Number(n) => Found::Number(n.clone()),
            Json::Str(s) => Found::Text(s.chars().take(40).collect()),
            Json::Array(_) => Found::List,
            Json::Object(_) => Found::Object,
        }
    }

    /// Compact text: no white space.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        self.write(&mut out, None);
        out
    }

    /// Text indented by two spaces per level, one entry per line.
    pub fn to_pretty(&self) -> String {
        let mut out = String::new();
        self.write(&mut out, Some(0));
        out
    }

    fn write(&self, out: &mut String, indent: Option<usize>) {
        match self {
            Json::Null => out.push_str("null"),
            Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Json::Number(n) => out.push_str(n),
            Json::Str(s) => write_string(out, s),
            Json::Array(items) => {
                let items = items.iter().map(|item| (None, item));
                write_items(out, indent, ('[', ']'), items);
            }
            Json::Object(entries) => {
                let entries = entries
                    .iter()
                    .map(|(key, value)| (Some(key.as_str()), value));
                write_items(out, indent, ('{', '}'), entries);
            }
        }
    }
}

/// The items of a list or the entries of an object (with their keys)
/// between `brackets`, one per line when indented.
fn write_items<'a>(
    out: &mut String,
    indent: Option<usize>,
    (open, close): (char, char),
    items: impl ExactSizeIterator<Item = (Option<&'a str>, &'a Json)>,
) {
    let line = |out: &mut String, level: usize| {
        out.push('\n');
        out.extend(std::iter::repeat_n(' ', 2 * level));
    };
    out.push(open);
    let empty = items.len() == 0;
    for (i, (key, value)) in items.enumerate() {
        if i > 0 {
            out.push(',');
        }
        if let Some(level) = indent {
            line(out, level + 1);
        }
        if let Some(key) = key {
            write_string(out, key);
            out.push_str(if indent.is_some() { ": " } else { ":" });
        }
        value.write(out, indent.map(|l| l + 1));
    }
    if let (Some(level), false) = (indent, empty) {
        line(out, level);
    }
    out.push(close);
}

fn write_string(out: &mut String, text: &str) {
    out.push('"');
    let mut plain = 0;
    for (i, b) in text.bytes().enumerate() {
        let escape = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0c => "\\f",
            0..=0x1f => "",
            _ => continue,
        };
        // Every byte escaped is ASCII, so the run before it is whole characters.
        out.push_str(&text[plain..i]);
        plain = i + 1;
        if escape.is_empty() {
            let _ = write!(out, "\\u{b:04x}");
        } else {
            out.push_str(escape);
        }
    }
    out.push_str(&text[plain..]);
    out.push('"');
}

/// Reads a whole text as one JSON value.
pub fn parse(text: &str) -> Result<Json, JsonError> {
    parse_only(text, None)
}

/// Reads a whole text, keeping of a top-level object only the fields named
/// in `only` (`None`: all): the others are checked but never built, so the
/// head of a large entry is read without copying its body.
pub fn parse_only(text: &str, only: Option<&[&str]>) -> Result<Json, JsonError> {
    let mut reader = Reader { at: 0, text, only };
    let value = reader.value(0, true)?;
    reader.skip_space();
    if reader.at < text.len() {
        return Err(reader.error("there is more text after the value"));
    }
    Ok(value)
}

struct Reader<'a> {
    text: &'a str,
    at: usize,
    only: Option<&'a [&'a str]>,
}

impl Reader<'_> {
    fn error(&self, reason: &'static str) -> JsonError {
        let before = &self.text.as_bytes()[..self.at.min(self.text.len())];
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        let column = String::from_utf8_lossy(&before[line_start..])
            .chars()
            .count();
        JsonError {
            line: before.iter().filter(|&&b| b == b'\n').count() + 1,
            column: column + 1,
            reason,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn skip_space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    /// Skips white space, then the byte `expected` if it is next.
    fn eat(&mut self, expected: u8) -> bool {
        self.skip_space();
        self.eat_raw(expected)
    }

    /// The items of a list or the entries of an object, each read by
    /// `item`, up to `close` (the opening bracket is next).
    fn items(
        &mut self,
        close: u8,
        expected: &'static str,
        mut item: impl FnMut(&mut Self) -> Result<(), JsonError>,
    ) -> Result<(), JsonError> {
        self.at += 1;
        if self.eat(close) {
            return Ok(());
        }
        loop {
            item(self)?;
            if self.eat(close) {
                return Ok(());
            }
            if !self.eat(b',') {
                return Err(self.end_or(expected));
            }
        }
    }

    fn end_or(&self, reason: &'static str) -> JsonError {
        if self.at >= self.text.len() {
            self.error("the text ends before the value does")
        } else {
            self.error(reason)
        }
    }

    /// The next value; checked but not built (`null`) unless `keep`.
    fn value(&mut self, depth: usize, keep: bool) -> Result<Json, JsonError> {
        self.skip_space();
        let Some(first) = self.peek() else {
            return Err(self.end_or(""));
        };
        match first {
            b'n' => self.word("null", Json::Null),
            b't' => self.word("true", Json::Bool(true)),
            b'f' => self.word("false", Json::Bool(false)),
            b'"' => self.string(keep).map(Json::Str),
            b'-' | b'0'..=b'9' => self.number(keep),
            b'[' | b'{' if depth >= MAX_DEPTH => Err(self.error(TOO_DEEP)),
            b'[' => {
                let mut items = Vec::new();
                self.items(b']', "expected `,` or `]`", |reader| {
                    let item = reader.value(depth + 1, keep)?;
                    if keep {
                        items.push(item);
                    }
                    Ok(())
                })?;
                Ok(Json::Array(items))
            }
            b'{' => {
                let mut entries = Vec::new();
                self.items(b'}', "expected `,` or `}`", |reader| {
                    reader.skip_space();
                    if reader.peek() != Some(b'"') {
                        return Err(reader.end_or("expected a key in quotes"));
                    }
                    let key = reader.string(keep)?;
                    if !reader.eat(b':') {
                        return Err(reader.end_or("expected `:`"));
                    }
                    let wanted = match reader.only {
                        Some(names) if depth == 0 => names.contains(&key.as_str()),
                        _ => true,
                    };
                    let value = reader.value(depth + 1, keep && wanted)?;
                    if keep && wanted {
                        entries.push((key, value));
                    }
                    Ok(())
                })?;
                Ok(Json::Object(once_each(entries)))
            }
            _ => Err(self.error("expected a value")),
        }
    }

    fn word(&mut self, word: &str, value: Json) -> Result<Json, JsonError> {
        for expected in word.bytes() {
            match self.peek() {
                Some(b) if b == expected => self.at += 1,
                _ => return Err(self.end_or("expected a value")),
            }
        }
        Ok(value)
    }

    fn digits(&mut self) -> usize {
        let start = self.at;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.at += 1;
        }
        self.at - start
    }

    fn number(&mut self, keep: bool) -> Result<Json, JsonError> {
        let start = self.at;
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        let leading_zero = self.peek() == Some(b'0');
        match self.digits() {
            0 => return Err(self.end_or("expected a digit")),
            n if leading_zero && n > 1 => return Err(self.error("a number may not start with 0")),
            _ => {}
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            if self.digits() == 0 {
                return Err(self.end_or("expected a digit"));
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            if self.digits() == 0 {
                return Err(self.end_or("expected a digit"));
            }
        }
        Ok(if keep {
            Json::Number(self.text[start..self.at].to_owned())
        } else {
            Json::Null
        })
    }

    fn hex4(&mut self) -> Result<u32, JsonError> {
        let mut code = 0;
        for _ in 0..4 {
            let digit = self
                .peek()
                .and_then(|b| char::from(b).to_digit(16))
                .ok_or_else(|| self.end_or("expected four hex digits after \\u"))?;
            code = code * 16 + digit;
            self.at += 1;
        }
        Ok(code)
    }

    fn string(&mut self, keep: bool) -> Result<String, JsonError> {
        self.at += 1; // the opening quote
        let mut out = String::new();
        loop {
            // Copy the plain run up to the next quote, backslash or control character.
            let start = self.at;
            while matches!(self.peek(), Some(b) if b != b'"' && b != b'\\' && b >= 0x20) {
                self.at += 1;
            }
            // The run ends before an ASCII byte or at the end, so it is whole characters.
            if keep {
                out.push_str(&self.text[start..self.at]);
            }
            match self.peek() {
                None => return Err(self.end_or("")),
                Some(b'"') => {
                    self.at += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.at += 1;
                    let escaped = self.peek();
                    self.at += 1;
                    match escaped {
                        Some(b'"') => out.push('"'),
                        Some(b'\\') => out.push('\\'),
                        Some(b'/') => out.push('/'),
                        Some(b'b') => out.push('\u{8}'),
                        Some(b'f') => out.push('\u{c}'),
                        Some(b'n') => out.push('\n'),
                        Some(b'r') => out.push('\r'),
                        Some(b't') => out.push('\t'),
                        Some(b'u') => {
                            let mut code = self.hex4()?;
                            if (0xD800..0xDC00).contains(&code) {
                                if !(self.eat_raw(b'\\') && self.eat_raw(b'u')) {
                                    return Err(self.end_or("a \\u escape is half a character"));
                                }
                                let low = self.hex4()?;
                                if !(0xDC00..0xE000).contains(&low) {
                                    return Err(self.error("a \\u escape is half a character"));
                                }
                                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
                            }
                            match char::from_u32(code) {
                                Some(c) => out.push(c),
                                None => return Err(self.error("a \\u escape is half a character")),
                            }
                        }
                        None => return Err(self.end_or("")),
                        Some(_) => {
                            self.at -= 1;
                            return Err(self.error("unknown escape after \\"));
                        }
                    }
                }
                Some(_) => return Err(self.error("a control character inside text")),
            }
        }
    }

    /// The byte `expected` if it is next (no white space skipped).
    fn eat_raw(&mut self, expected: u8) -> bool {
        let found = self.peek() == Some(expected);
        if found {
            self.at += 1;
        }
        found
    }
}

/// An object's entries with each key once: a repeated key keeps its first
/// place and its last value.
fn once_each(entries: Vec<(String, Json)>) -> Vec<(String, Json)> {
    if entries.len() < 2 {
        return entries;
    }
    let mut last: HashMap<&str, usize> = HashMap::new();
    let mut repeated = false;
    for (i, (key, _)) in entries.iter().enumerate() {
        repeated |= last.insert(key, i).is_some();
    }
    if !repeated {
        return entries;
    }
    // Each key at its first place (in entry order), with its last entry.
    let mut first: HashMap<&str, usize> = HashMap::new();
    for (i, (key, _)) in entries.iter().enumerate() {
        first.entry(key).or_insert(i);
    }
    let keep: Vec<usize> = entries
        .iter()
        .enumerate()
        .filter(|(i, (key, _))| first.get(key.as_str()) == Some(i))
        .map(|(i, (key, _))| last.get(key.as_str()).copied().unwrap_or(i))
        .collect();
    let mut slots: Vec<Option<(String, Json)>> = entries.into_iter().map(Some).collect();
    keep.into_iter()
        .filter_map(|i| slots.get_mut(i).and_then(Option::take))
        .collect()
}

/// Why a JSON value does not have the shape a format needs: a sentence
/// naming the place (`criteria[0].weight: must be zero or more`).
pub type ShapeError = String;

/// `place: message`, or the message alone at the top.
fn at(place: &str, message: impl std::fmt::Display) -> ShapeError {
    if place.is_empty() {
        message.to_string()
    } else {
        format!("{place}: {message}")
    }
}

/// The place of `name` inside `place`.
pub fn join(place: &str, name: &str) -> String {
    if place.is_empty() {
        name.to_owned()
    } else {
        format!("{place}.{name}")
    }
}

/// Reading an object's fields by name.
pub struct Fields<'a> {
    entries: &'a [(String, Json)],
    place: String,
}

impl<'a> Fields<'a> {
    /// The object at `place` when every field is in `known` (`None`: any field).
    pub fn of(value: &'a Json, place: &str, known: Option<&[&str]>) -> Result<Self, ShapeError> {
        let Some(entries) = value.as_object() else {
            return Err(at(
                place,
                format_args!("expected an object, found {}", value.found()),
            ));
        };
        if let Some(known) = known {
            if let Some((key, _)) = entries.iter().find(|(k, _)| !known.contains(&k.as_str())) {
                let key: String = key.chars().take(40).collect();
                return Err(at(&join(place, &key), "is not a field Kerze knows"));
            }
        }
        Ok(Fields {
            entries,
            place: place.to_owned(),
        })
    }

    /// The place of a field, for messages.
    pub fn place(&self, name: &str) -> String {
        join(&self.place, name)
    }

    /// A field that may be missing (a `null` is present).
    pub fn get(&self, name: &str) -> Option<&'a Json> {
        self.entries.iter().find(|(k, _)| k == name).map(|(_, v)| v)
    }

    /// A field that may be missing or `null`.
    pub fn maybe(&self, name: &str) -> Option<&'a Json> {
        self.get(name).filter(|v| !v.is_null())
    }

    /// A field that must be present, read by `read`.
    pub fn need<T>(&self, name: &str, read: Read<T>) -> Result<T, ShapeError> {
        match self.get(name) {
            Some(value) => read(value, &self.place(name)),
            None => Err(at(&self.place(name), "is missing")),
        }
    }

    /// A field read by `read`, `None` when missing or `null`.
    pub fn maybe_read<T>(&self, name: &str, read: Read<T>) -> Result<Option<T>, ShapeError> {
        self.maybe(name)
            .map(|value| read(value, &self.place(name)))
            .transpose()
    }

    /// A field read by `read`, `T::default()` when missing.
    pub fn or_default<T: Default>(&self, name: &str, read: Read<T>) -> Result<T, ShapeError> {
        match self.get(name) {
            Some(value) => read(value, &self.place(name)),
            None => Ok(T::default()),
        }
    }
}

/// A reader of one value at a place.
pub type Read<T> = fn(&Json, &str) -> Result<T, ShapeError>;

/// Text.
pub fn text(value: &Json, place: &str) -> Result<String, ShapeError> {
    value.as_str().map(str::to_owned).ok_or_else(|| {
        at(
            place,
            format_args!("expected text, found {}", value.found()),
        )
    })
}

/// A finite number, read exactly.
pub fn number(value: &Json, place: &str) -> Result<f64, ShapeError> {
    match value {
        // A number written with a digit other than 0 that comes out as 0
        // (`1e-400`) is below what a float holds: refused like the numbers
        // just above it (`1e-320`), never read as 0.
        Json::Number(n)
            if value.as_f64() == Some(0.0)
                && n.split(['e', 'E'])
                    .next()
                    .is_some_and(|m| m.bytes().any(|b| (b'1'..=b'9').contains(&b))) =>
        {
            Err(at(
                place,
                format_args!("{n} is too close to zero to compute with: write 0 instead"),
            ))
        }
        Json::Number(n) => value
            .as_f64()
            .ok_or_else(|| at(place, format_args!("{n} is out of range"))),
        _ => Err(at(
            place,
            format_args!("expected a number, found {}", value.found()),
        )),
    }
}

/// A whole number of 0 or more.
pub fn whole(value: &Json, place: &str) -> Result<u64, ShapeError> {
    value.as_u64().ok_or_else(|| {
        at(
            place,
            format_args!("expected a whole number, found {}", value.found()),
        )
    })
}

/// A list.
pub fn list<'a>(value: &'a Json, place: &str) -> Result<&'a [Json], ShapeError> {
    value.as_array().ok_or_else(|| {
        at(
            place,
            format_args!("expected a list, found {}", value.found()),
        )
    })
}

/// A list read item by item, each at `place[i]`.
pub fn list_of<T>(value: &Json, place: &str, read: Read<T>) -> Result<Vec<T>, ShapeError> {
    list(value, place)?
        .iter()
        .enumerate()
        .map(|(i, item)| read(item, &format!("{place}[{i}]")))
        .collect()
}

/// One of the names in `names` (the index of the one found).
pub fn one_of(value: &Json, place: &str, names: &[&str]) -> Result<usize, ShapeError> {
    value
        .as_str()
        .and_then(|s| names.iter().position(|n| *n == s))
        .ok_or_else(|| {
            at(
                place,
                format_args!(
                    "expected one of {}, found {}",
                    names.join(", "),
                    value.found()
                ),
            )
        })
}

impl<K: std::fmt::Display, V: Copy + Into<Json>> From<&std::collections::BTreeMap<K, V>> for Json {
    /// An object with the keys in order.
    fn from(map: &std::collections::BTreeMap<K, V>) -> Json {
        Json::Object(
            map.iter()
                .map(|(k, v)| (k.to_string(), (*v).into()))
                .collect(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_written_as_the_shortest_text_laid_out_by_size() {
        for (value, text) in [
            (0.0, "0.0"),
            (-0.0, "-0.0"),
            (1.0, "1.0"),
            (20.0, "20.0"),
            (0.1, "0.1"),
            (-2.5, "-2.5"),
            (1234.5678, "1234.5678"),
            (1e15, "1000000000000000.0"),
            (1e16, "1e+16"),
            (1.5e16, "1.5e+16"),
            (0.0001, "0.0001"),
            (0.00001, "0.00001"),
            (0.000001, "1e-6"),
            (1.5e-7, "1.5e-7"),
            (f64::MAX, "1.7976931348623157e+308"),
            (5e-324, "5e-324"),
            (1.0 / 3.0, "0.3333333333333333"),
        ] {
            assert_eq!(Json::from(value).to_text(), text, "{value:e}");
        }
        assert_eq!(Json::from(f64::NAN), Json::Null);
        assert_eq!(compact_number(5.0).to_text(), "5");
        assert_eq!(compact_number(-0.5).to_text(), "-0.5");
        assert_eq!(compact_number(1e300).to_text(), "1e+300");
    }

    #[test]
    fn text_round_trips_with_escapes() {
        let value = Json::Str("a\"b\\c\n\t\u{1}\u{7f}é😀/".to_owned());
        let text = value.to_text();
        assert_eq!(text, "\"a\\\"b\\\\c\\n\\t\\u0001\u{7f}é😀/\"");
        assert_eq!(parse(&text), Ok(value));
        assert_eq!(
            parse(r#""\ud83d\ude00 \u00e9\/""#),
            Ok(Json::Str("😀 é/".to_owned()))
        );
    }

    #[test]
    fn pretty_text_indents_by_two() {
        let value = parse(r#"{"a":[1,{"b":null}],"c":{},"d":[]}"#).unwrap();
        assert_eq!(
            value.to_pretty(),
            "{\n  \"a\": [\n    1,\n    {\n      \"b\": null\n    }\n  ],\n  \"c\": {},\n  \"d\": []\n}"
        );
    }

    #[test]
    fn a_repeated_key_keeps_its_first_place_and_last_value() {
        let value = parse(r#"{"b":1,"a":2,"b":3,"c":4,"a":5}"#).unwrap();
        assert_eq!(value.to_text(), r#"{"b":3,"a":5,"c":4}"#);
    }

    #[test]
    fn errors_say_where_and_what() {
        let error = parse("{\n  \"a\": tru }").unwrap_err();
        assert_eq!((error.line, error.column), (2, 11));
        assert!(parse("{\"a\":").unwrap_err().is_eof());
        assert!(parse(&"[".repeat(200)).unwrap_err().is_too_deep());
        assert!(parse(&"[".repeat(100)).unwrap_err().is_eof());
        for bad in [
            "01",
            "1.",
            "-",
            "1e",
            "+1",
            "[1,]",
            "{\"a\" 1}",
            "{a:1}",
            "\"\\x\"",
            "\"\u{1}\"",
            "\"\\ud800\"",
            "\"\\udc00\"",
            "[1] 2",
            "nul",
            "NaN",
            "'a'",
        ] {
            assert!(parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_head_is_read_without_its_body_but_the_body_is_checked() {
        let text = r#"{"version":3,"scenario":{"name":"x","list":[1,"a\n",{}]},"rev":4}"#;
        let head = parse_only(text, Some(&["version", "rev"])).unwrap();
        assert_eq!(head.to_text(), r#"{"version":3,"rev":4}"#);
        let broken = text.replace("[1,", "[1,,");
        assert!(parse_only(&broken, Some(&["version"])).is_err());
    }

    #[test]
    fn numbers_are_kept_as_written_and_read_exactly() {
        let value = parse("[9007199254740993, 1e400, -0, 2.5E+3]").unwrap();
        let items = value.as_array().unwrap();
        assert_eq!(items[0].as_f64(), Some(9007199254740992.0));
        assert_eq!(items[1].as_f64(), None);
        assert_eq!(items[2].to_text(), "-0");
        assert_eq!(items[3].as_f64(), Some(2500.0));
        assert_eq!(items[3].as_u64(), None);
    }
}
