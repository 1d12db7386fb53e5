//! The format Kerze keeps in the browser's local storage, version by version.
//!
//! One entry per scenario (`kerze.scenario.<id>`) so that one broken entry never
//! takes the others down, plus an index (`kerze.index`) with the order, the
//! open scenario, the trash and the language. Since entry format 2 each entry
//! carries a [`Stamp`]: its revision and the tab that wrote it, so that a tab
//! can tell its own write from another tab's before it writes again.

use super::ids::ScenarioId;
use super::json::{self, object, Fields, Json, ShapeError};
use super::scenario::{Problem, Scenario};
use thiserror::Error;

/// Version of the scenario entries written by this build.
pub const ENTRY_VERSION: u32 = 5;
/// Version of the index written by this build.
pub const INDEX_VERSION: u32 = 1;
/// Key of the index entry.
pub const INDEX_KEY: &str = "kerze.index";
/// Prefix of every scenario entry's key.
pub const SCENARIO_KEY_PREFIX: &str = "kerze.scenario.";
/// Prefix of a pending copy (`kerze.pending.<scenario id>.<writer>`): what a
/// tab wrote while the page was being hidden or closed, kept until it is
/// known to have landed, so that two tabs closing at once lose nothing.
pub const PENDING_KEY_PREFIX: &str = "kerze.pending.";

/// The key of a scenario's entry.
pub fn scenario_key(id: &ScenarioId) -> String {
    format!("{SCENARIO_KEY_PREFIX}{id}")
}

/// The key of the pending copy `writer` made of a scenario.
pub fn pending_key(id: &ScenarioId, writer: &str) -> String {
    format!("{PENDING_KEY_PREFIX}{id}.{writer}")
}

/// The scenario id and writer of a pending copy's key.
pub fn parse_pending_key(key: &str) -> Option<(ScenarioId, String)> {
    let rest = key.strip_prefix(PENDING_KEY_PREFIX)?;
    let (id, writer) = rest.split_once('.')?;
    Some((ScenarioId::parse(id)?, writer.to_owned()))
}

/// Which write an entry holds: its revision (counting up from 0, the
/// entries of format 1) and the tab that wrote it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Stamp {
    /// Revision: one more than the entry it replaced.
    pub rev: u64,
    /// The writing tab's id (empty for format 1).
    pub writer: String,
}

/// The index entry.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StoredIndex {
    /// Format version.
    pub version: u32,
    /// The scenario that was open.
    pub active: Option<ScenarioId>,
    /// Scenario ids in switcher order.
    pub order: Vec<ScenarioId>,
    /// Recently deleted scenario ids, newest first.
    pub trash: Vec<ScenarioId>,
    /// Entries that could not be read; kept untouched.
    pub unreadable: Vec<ScenarioId>,
    /// UI language code, if the user picked one.
    pub lang: Option<String>,
}

/// Why a stored entry could not be read.
#[derive(Clone, Debug, PartialEq, Error)]
pub enum EntryError {
    /// The text is not JSON, or not of the expected shape.
    #[error("the stored data is damaged ({0})")]
    Damaged(String),
    /// Written by a newer Kerze.
    #[error("it was saved by a newer version of Kerze (format {0})")]
    FutureVersion(u32),
    /// The scenario breaks the model's rules.
    #[error("it holds invalid values ({})", .0.first().map(ToString::to_string).unwrap_or_default())]
    Invalid(Vec<Problem>),
}

/// The text of a scenario entry, stamped.
pub fn encode_scenario(scenario: &Scenario, stamp: &Stamp) -> String {
    object([
        ("version", ENTRY_VERSION.into()),
        ("rev", stamp.rev.into()),
        ("writer", stamp.writer.as_str().into()),
        ("scenario", scenario.into()),
    ])
    .to_text()
}

fn damaged(reason: impl ToString) -> EntryError {
    EntryError::Damaged(reason.to_string())
}

/// A stored text's fields (any may be there) and its format version.
fn read_entry(value: &Json) -> Result<(Fields<'_>, u32), EntryError> {
    let fields = Fields::of(value, "", None).map_err(damaged)?;
    let version = fields.need("version", json::whole).map_err(damaged)?;
    let version =
        u32::try_from(version).map_err(|_| damaged(format!("unknown format {version}")))?;
    Ok((fields, version))
}

fn parse(text: &str) -> Result<Json, EntryError> {
    json::parse(text).map_err(damaged)
}

/// The format version of a stored text, if it has one (the rest of the
/// text is checked, not read).
pub fn stored_version(text: &str) -> Result<u32, EntryError> {
    let head = json::parse_only(text, Some(&["version"])).map_err(damaged)?;
    read_entry(&head).map(|(_, version)| version)
}

/// The stamp of an entry's text: revision and writer (format 1: none; `None`
/// when the text is no entry).
pub fn stamp_of(text: &str) -> Option<Stamp> {
    let head = json::parse_only(text, Some(&["rev", "writer"])).ok()?;
    let fields = Fields::of(&head, "", None).ok()?;
    stamp_fields(&fields).ok()
}

fn stamp_fields(fields: &Fields) -> Result<Stamp, ShapeError> {
    Ok(Stamp {
        rev: fields.or_default("rev", json::whole)?,
        writer: fields.or_default("writer", json::text)?,
    })
}

/// Reads a scenario entry of any released version, with its stamp.
pub fn decode_stamped(text: &str) -> Result<(Scenario, Stamp), EntryError> {
    decode_repaired(text).map(|(scenario, stamp, _)| (scenario, stamp))
}

/// Reads a scenario entry of any released version, with its stamp, mending
/// what can be mended safely (see [`Scenario::repair`]): the third part says
/// how many values were dropped on the way.
pub fn decode_repaired(text: &str) -> Result<(Scenario, Stamp, usize), EntryError> {
    let value = parse(text)?;
    let (_, version) = read_entry(&value)?;
    let (scenario, stamp) = match version {
        // Format 1 has no stamp: it reads as revision 0 by no tab. Format 3
        // added value ranges and analysis settings, format 4 lenses and the
        // matrix's settings, format 5 group scoring's rounds and ballots.
        1..=5 => {
            let known = ["version", "rev", "writer", "scenario"];
            let fields = Fields::of(&value, "", Some(&known)).map_err(damaged)?;
            let stamp = stamp_fields(&fields).map_err(damaged)?;
            let scenario = fields
                .need("scenario", Scenario::from_json)
                .map_err(damaged)?;
            (scenario, stamp)
        }
        v if v > ENTRY_VERSION => return Err(EntryError::FutureVersion(v)),
        v => return Err(damaged(format!("unknown format {v}"))),
    };
    let mut scenario = scenario;
    let repaired = scenario.repair();
    let problems = scenario.problems();
    if problems.is_empty() {
        Ok((scenario, stamp, repaired))
    } else {
        Err(EntryError::Invalid(problems))
    }
}

/// Reads a scenario entry of any released version.
pub fn decode_scenario(text: &str) -> Result<Scenario, EntryError> {
    decode_stamped(text).map(|(scenario, _)| scenario)
}

fn ids_to_json(ids: &[ScenarioId]) -> Json {
    Json::Array(ids.iter().map(Json::from).collect())
}

fn ids_from_json(value: &Json, place: &str) -> Result<Vec<ScenarioId>, ShapeError> {
    json::list_of(value, place, ScenarioId::from_json)
}

/// The text of the index entry.
pub fn encode_index(index: &StoredIndex) -> String {
    object([
        ("version", index.version.into()),
        ("active", index.active.as_ref().map(Json::from).into()),
        ("order", ids_to_json(&index.order)),
        ("trash", ids_to_json(&index.trash)),
        ("unreadable", ids_to_json(&index.unreadable)),
        ("lang", index.lang.clone().into()),
    ])
    .to_text()
}

/// Reads the index entry. An index of a newer format is read as far as its
/// known fields go: the caller learns its version and must not rewrite it.
pub fn decode_index(text: &str) -> Result<StoredIndex, EntryError> {
    let value = parse(text)?;
    let (f, version) = read_entry(&value)?;
    let index = (|| {
        Ok::<_, ShapeError>(StoredIndex {
            version,
            active: f.maybe_read("active", ScenarioId::from_json)?,
            order: f.need("order", ids_from_json)?,
            trash: f.or_default("trash", ids_from_json)?,
            unreadable: f.or_default("unreadable", ids_from_json)?,
            lang: f.maybe_read("lang", json::text)?,
        })
    })()
    .map_err(damaged)?;
    Ok(index.sanitized())
}

impl StoredIndex {
    /// The index with each id listed once: an id in the order is not in the
    /// trash, and nothing is listed twice. A damaged index could otherwise
    /// load one scenario twice, and an edit of one copy would be saved and
    /// then overwritten by the other.
    pub fn sanitized(mut self) -> Self {
        let mut seen = std::collections::HashSet::new();
        self.order.retain(|id| seen.insert(id.clone()));
        self.unreadable.retain(|id| seen.insert(id.clone()));
        self.trash.retain(|id| seen.insert(id.clone()));
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::demo::demo_scenario;
    use crate::i18n::Lang;

    /// Writes the current format's fixtures when asked (`KERZE_WRITE_FIXTURES=1`).
    #[test]
    fn current_fixtures() {
        if std::env::var_os("KERZE_WRITE_FIXTURES").is_none() {
            return;
        }
        let id = ScenarioId::parse("s19ac4e0a1b2c3d4e").unwrap();
        let demo = demo_scenario(id.clone(), &Lang::En.texts().demo);
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/storage-v2");
        let stamp = Stamp {
            rev: 3,
            writer: "t1a2b3c4d".into(),
        };
        std::fs::write(
            format!("{dir}/scenario.json"),
            encode_scenario(&demo, &stamp),
        )
        .unwrap();
        let index = StoredIndex {
            version: INDEX_VERSION,
            active: Some(id.clone()),
            order: vec![id],
            lang: Some("en".into()),
            ..StoredIndex::default()
        };
        std::fs::write(format!("{dir}/index.json"), encode_index(&index)).unwrap();
    }
}
