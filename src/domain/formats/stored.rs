//! The format Kerze keeps in the browser's local storage, version by version.
//!
//! One entry per scenario (`kerze.scenario.<id>`) so that one broken entry never
//! takes the others down, plus an index (`kerze.index`) with the order, the
//! open scenario, the trash and the language. Since entry format 2 each entry
//! carries a [`Stamp`]: its revision and the tab that wrote it, so that a tab
//! can tell its own write from another tab's before it writes again.

use crate::domain::formats::scenario::ScenarioWire;
use crate::domain::formats::{found_of, read, to_text};
use crate::domain::model::ids::ScenarioId;
use crate::domain::model::scenario::{Problem, Scenario};
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// Version of the scenario entries written by this build.
pub const ENTRY_VERSION: u32 = 8;
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

/// A scenario entry, formats 2–5 (3 added ranges and the analysis
/// settings, 4 lenses and the matrix's settings, 5 group scoring: each only
/// fields of the scenario, read with their defaults when absent).
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    version: u32,
    rev: u64,
    writer: String,
    scenario: ScenarioWire,
}

/// A scenario entry of format 1: no stamp.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EntryV1 {
    #[allow(dead_code)]
    version: u32,
    scenario: ScenarioWire,
}

impl From<EntryV1> for Entry {
    /// Format 1 reads as revision 0 by no tab.
    fn from(old: EntryV1) -> Self {
        Entry {
            version: 1,
            rev: 0,
            writer: String::new(),
            scenario: old.scenario,
        }
    }
}

/// The fields every entry and the index start with (the rest is checked, not read).
#[derive(Deserialize)]
struct Head {
    version: Option<serde_json::Value>,
    rev: Option<serde_json::Value>,
    writer: Option<serde_json::Value>,
}

/// The index entry as written.
#[derive(Serialize, Deserialize)]
struct IndexWire {
    version: u32,
    #[serde(default)]
    active: Option<ScenarioId>,
    order: Vec<ScenarioId>,
    #[serde(default)]
    trash: Vec<ScenarioId>,
    #[serde(default)]
    unreadable: Vec<ScenarioId>,
    #[serde(default)]
    lang: Option<String>,
}

/// The text of a scenario entry, stamped.
pub fn encode_scenario(scenario: &Scenario, stamp: &Stamp) -> String {
    to_text(&Entry {
        version: ENTRY_VERSION,
        rev: stamp.rev,
        writer: stamp.writer.clone(),
        scenario: ScenarioWire::from(scenario),
    })
}

fn damaged(reason: impl ToString) -> EntryError {
    EntryError::Damaged(reason.to_string())
}

fn head(text: &str) -> Result<Head, EntryError> {
    read::<Head>(text, "").map_err(damaged)
}

/// The format version of a stored text, if it has one (the rest of the
/// text is checked, not read).
pub fn stored_version(text: &str) -> Result<u32, EntryError> {
    let version = head(text)?.version;
    let Some(version) = version else {
        return Err(damaged("version: is missing"));
    };
    match version.as_u64() {
        Some(v) => u32::try_from(v).map_err(|_| damaged(format!("unknown format {v}"))),
        None => Err(damaged(format!(
            "version: expected a whole number, found {}",
            found_of(&version)
        ))),
    }
}

/// The stamp of an entry's text: revision and writer (format 1: none; `None`
/// when the text is no entry).
pub fn stamp_of(text: &str) -> Option<Stamp> {
    let head = head(text).ok()?;
    Some(Stamp {
        rev: match head.rev {
            Some(rev) => rev.as_u64()?,
            None => 0,
        },
        writer: match head.writer {
            Some(writer) => writer.as_str()?.to_owned(),
            None => String::new(),
        },
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
    // An entry of the current formats is read once; only a text that is
    // not one is looked at again for its version.
    let entry = match read::<Entry>(text, "") {
        Ok(entry) if (2..=ENTRY_VERSION).contains(&entry.version) => entry,
        first => match stored_version(text)? {
            1 => read::<EntryV1>(text, "")
                .map(Entry::from)
                .map_err(damaged)?,
            v if v > ENTRY_VERSION => return Err(EntryError::FutureVersion(v)),
            v @ 2..=ENTRY_VERSION => match first {
                Err(refusal) => return Err(damaged(refusal)),
                Ok(_) => return Err(damaged(format!("unknown format {v}"))),
            },
            v => return Err(damaged(format!("unknown format {v}"))),
        },
    };
    let stamp = Stamp {
        rev: entry.rev,
        writer: entry.writer,
    };
    let mut scenario = entry.scenario.into_scenario("scenario").map_err(damaged)?;
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

/// The text of the index entry.
pub fn encode_index(index: &StoredIndex) -> String {
    to_text(&IndexWire {
        version: index.version,
        active: index.active.clone(),
        order: index.order.clone(),
        trash: index.trash.clone(),
        unreadable: index.unreadable.clone(),
        lang: index.lang.clone(),
    })
}

/// Reads the index entry. An index of a newer format is read as far as its
/// known fields go: the caller learns its version and must not rewrite it.
pub fn decode_index(text: &str) -> Result<StoredIndex, EntryError> {
    let wire = read::<IndexWire>(text, "").map_err(damaged)?;
    Ok(StoredIndex {
        version: wire.version,
        active: wire.active,
        order: wire.order,
        trash: wire.trash,
        unreadable: wire.unreadable,
        lang: wire.lang,
    }
    .sanitized())
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
    use crate::domain::model::demo::demo_scenario;
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
