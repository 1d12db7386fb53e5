//! The format Kerze keeps in the browser's local storage, version by version.
//!
//! One entry per scenario (`kerze.scenario.<id>`) so that one broken entry never
//! takes the others down, plus an index (`kerze.index`) with the order, the
//! open scenario, the trash and the language.

use super::ids::ScenarioId;
use super::scenario::{Problem, Scenario};
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// Version of the stored format written by this build.
pub const STORAGE_VERSION: u32 = 1;
/// Key of the index entry.
pub const INDEX_KEY: &str = "kerze.index";
/// Prefix of every scenario entry's key.
pub const SCENARIO_KEY_PREFIX: &str = "kerze.scenario.";

/// The key of a scenario's entry.
pub fn scenario_key(id: &ScenarioId) -> String {
    format!("{SCENARIO_KEY_PREFIX}{id}")
}

/// The index entry.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct StoredIndex {
    /// Format version.
    pub version: u32,
    /// The scenario that was open.
    pub active: Option<ScenarioId>,
    /// Scenario ids in switcher order.
    pub order: Vec<ScenarioId>,
    /// Recently deleted scenario ids, newest first.
    #[serde(default)]
    pub trash: Vec<ScenarioId>,
    /// Entries that could not be read; kept untouched.
    #[serde(default)]
    pub unreadable: Vec<ScenarioId>,
    /// UI language code, if the user picked one.
    #[serde(default)]
    pub lang: Option<String>,
}

#[derive(Serialize)]
struct StoredScenarioOut<'a> {
    version: u32,
    scenario: &'a Scenario,
}

#[derive(Deserialize)]
struct StoredVersion {
    version: u32,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StoredScenarioV1 {
    #[allow(dead_code)]
    version: u32,
    scenario: Scenario,
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

/// The text of a scenario entry.
pub fn encode_scenario(scenario: &Scenario) -> String {
    // Serialising plain data with string keys cannot fail.
    serde_json::to_string(&StoredScenarioOut {
        version: STORAGE_VERSION,
        scenario,
    })
    .unwrap_or_default()
}

/// Reads a scenario entry of any released version.
pub fn decode_scenario(text: &str) -> Result<Scenario, EntryError> {
    let version = serde_json::from_str::<StoredVersion>(text)
        .map_err(|e| EntryError::Damaged(e.to_string()))?;
    let scenario = match version.version {
        1 => {
            serde_json::from_str::<StoredScenarioV1>(text)
                .map_err(|e| EntryError::Damaged(e.to_string()))?
                .scenario
        }
        v if v > STORAGE_VERSION => return Err(EntryError::FutureVersion(v)),
        v => return Err(EntryError::Damaged(format!("unknown format {v}"))),
    };
    let problems = scenario.problems();
    if problems.is_empty() {
        Ok(scenario)
    } else {
        Err(EntryError::Invalid(problems))
    }
}

/// The text of the index entry.
pub fn encode_index(index: &StoredIndex) -> String {
    serde_json::to_string(index).unwrap_or_default()
}

/// Reads the index entry.
pub fn decode_index(text: &str) -> Result<StoredIndex, EntryError> {
    let version = serde_json::from_str::<StoredVersion>(text)
        .map_err(|e| EntryError::Damaged(e.to_string()))?;
    if version.version > STORAGE_VERSION {
        return Err(EntryError::FutureVersion(version.version));
    }
    serde_json::from_str(text).map_err(|e| EntryError::Damaged(e.to_string()))
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
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/storage-v1");
        std::fs::write(format!("{dir}/scenario.json"), encode_scenario(&demo)).unwrap();
        let index = StoredIndex {
            version: 1,
            active: Some(id.clone()),
            order: vec![id],
            lang: Some("en".into()),
            ..StoredIndex::default()
        };
        std::fs::write(format!("{dir}/index.json"), encode_index(&index)).unwrap();
    }
}
