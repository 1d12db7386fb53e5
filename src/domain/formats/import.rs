//! Reading a scenario from a file: Kerze's own export, a stored entry, or a
//! plain scenario. Every problem is named by its place in the file, several
//! at once, before anything is added to the user's scenarios.

use crate::domain::formats::export::{EXPORT_FORMAT, EXPORT_VERSION};
use crate::domain::formats::scenario::ScenarioWire;
use crate::domain::formats::stored::ENTRY_VERSION;
use crate::domain::formats::{found_of, join, read, JsonError, Refusal};
use crate::domain::model::ids::{CriterionId, ScenarioId};
use crate::domain::model::problem::Problem;
use crate::domain::model::scenario::Scenario;
use serde::Deserialize;
use serde_json::Value;
use thiserror::Error;

/// Largest file read (bytes): ten thousand options with long texts fit easily.
pub const MAX_IMPORT_BYTES: usize = 5 * 1024 * 1024;

/// What kind of file was read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportedFrom {
    /// A `kerze-export` file.
    Export,
    /// A scenario entry as Kerze keeps it in the browser.
    StoredEntry,
    /// A bare scenario object.
    Scenario,
}

/// A scenario read from a file.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    /// The scenario, with the id it was given.
    pub scenario: Scenario,
    /// What the file was.
    pub from: ImportedFrom,
}

/// Why a file was not imported.
#[derive(Clone, Debug, PartialEq, Error)]
pub enum ImportError {
    /// A sheet (CSV, TSV) that is not a table.
    #[error("the file is not a table: {0:?}")]
    NotATable(crate::domain::formats::sheet::SheetError),
    /// Larger than [`MAX_IMPORT_BYTES`].
    #[error("the file is {} MB; Kerze reads scenario files of up to 5 MB", crate::domain::model::value::format_fixed(megabytes(*.0), 1))]
    TooLarge(usize),
    /// The browser could not read the file at all.
    #[error("the browser could not read the file")]
    Unreadable,
    /// Nothing but white space.
    #[error("the file is empty")]
    Empty,
    /// Not JSON.
    #[error("the file is not JSON (line {line}, column {column}: {reason})")]
    NotJson {
        /// 1-based line of the first error.
        line: usize,
        /// 1-based column of the first error.
        column: usize,
        /// What the JSON reader expected.
        reason: String,
    },
    /// Nested deeper than any scenario.
    #[error("the file is nested too deeply to be a scenario")]
    TooDeep,
    /// JSON, but not something Kerze writes.
    #[error("the file is JSON but not a Kerze scenario or export ({0})")]
    NotKerze(String),
    /// Written by a newer Kerze.
    #[error("the file was made by a newer version of Kerze (format version {0})")]
    FutureVersion(u64),
    /// The scenario has problems, each with its place.
    #[error("{}", describe_problems(.0))]
    Problems(Vec<Problem>),
}

/// A size in MB (of 1024 × 1024 bytes), for messages.
pub fn megabytes(bytes: usize) -> f64 {
    bytes as f64 / (1024.0 * 1024.0)
}

fn describe_problems(problems: &[Problem]) -> String {
    match problems {
        [one] => format!("1 problem: {one}"),
        _ => format!(
            "{} problems, the first: {}",
            problems.len(),
            problems
                .first()
                .map(ToString::to_string)
                .unwrap_or_default()
        ),
    }
}

/// An export or a stored entry: the scenario inside (the rest is not read).
#[derive(Deserialize)]
struct Holder {
    scenario: ScenarioWire,
}

fn version_of(version: Option<&Value>, newest: u32) -> Result<(), ImportError> {
    match version.map(|v| (v, v.as_u64())) {
        Some((_, Some(v))) if (1..=u64::from(newest)).contains(&v) => Ok(()),
        Some((_, Some(v))) if v > u64::from(newest) => Err(ImportError::FutureVersion(v)),
        Some((v, _)) => {
            let expected = if newest == 1 {
                "1".to_owned()
            } else {
                format!("1 to {newest}")
            };
            Err(ImportError::NotKerze(format!(
                "version: expected {expected}, found {}",
                found_of(v)
            )))
        }
        None => Err(ImportError::NotKerze("version: is missing".to_owned())),
    }
}

/// The import error a refusal of the file's JSON stands for.
fn not_json(error: JsonError) -> ImportError {
    if error.too_deep {
        ImportError::TooDeep
    } else {
        ImportError::NotJson {
            line: error.line,
            column: error.column,
            reason: error.reason,
        }
    }
}

/// A problem with a criterion's cell (`options[0].values.c1`) names the
/// criterion too (`options[0].values.c1 (Cost)`).
fn with_criterion_name(mut problem: Problem, file: &Value, base: &str) -> Problem {
    let Some(key) = problem
        .path
        .rsplit('.')
        .next()
        .filter(|k| CriterionId::parse(k).is_some())
    else {
        return problem;
    };
    let scenario = if base.is_empty() {
        Some(file)
    } else {
        file.get(base)
    };
    let criteria = scenario
        .and_then(|s| s.get("criteria"))
        .and_then(Value::as_array);
    let name = criteria.into_iter().flatten().find_map(|c| {
        (c.get("id").and_then(Value::as_str) == Some(key))
            .then(|| c.get("name").and_then(Value::as_str))
            .flatten()
    });
    if let Some(name) = name {
        problem.path = format!("{} ({name})", problem.path);
    }
    problem
}

/// Reads a file's text; the scenario gets `id` (whatever id the file had).
pub fn read_import(text: &str, id: ScenarioId) -> Result<Imported, ImportError> {
    if text.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge(text.len()));
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    // Read whole once: what is not JSON, or nested too deeply, is said first.
    let file: Value = serde_json::from_str(text).map_err(|e| not_json(JsonError::of(&e)))?;
    if !file.is_object() {
        return Err(ImportError::NotKerze(format!(
            "expected an object, found {}",
            found_of(&file)
        )));
    }
    let field = |name: &str| file.get(name);
    let (from, path) = if let Some(format) = field("format") {
        if format.as_str() != Some(EXPORT_FORMAT) {
            return Err(ImportError::NotKerze(format!(
                "format: expected \"{EXPORT_FORMAT}\", found {}",
                found_of(format)
            )));
        }
        version_of(field("version"), EXPORT_VERSION)?;
        (ImportedFrom::Export, "scenario")
    } else if field("scenario").is_some() && field("version").is_some() {
        version_of(field("version"), ENTRY_VERSION)?;
        (ImportedFrom::StoredEntry, "scenario")
    } else if field("criteria").is_some() || field("options").is_some() {
        (ImportedFrom::Scenario, "")
    } else {
        return Err(ImportError::NotKerze(
            "it has neither \"format\", \"scenario\" nor \"criteria\"".to_owned(),
        ));
    };
    let refused = |refusal: Refusal| match refusal {
        Refusal::NotJson(e) => not_json(e),
        Refusal::Shape(problem) => {
            ImportError::Problems(vec![with_criterion_name(problem, &file, path)])
        }
    };
    let mut wire = match path {
        "" => read::<ScenarioWire>(text, ""),
        _ => read::<Holder>(text, "").map(|holder| holder.scenario),
    }
    .map_err(refused)?;
    // The file's id is replaced by `id`; a file without one gets it too.
    wire.id = Some(id);
    let scenario = wire.into_scenario(path).map_err(refused)?;
    let problems = scenario.problems();
    if problems.is_empty() {
        Ok(Imported { scenario, from })
    } else {
        let place = |p: Problem| Problem::new(join(path, &p.path), p.issue);
        Err(ImportError::Problems(
            problems.into_iter().map(place).collect(),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::formats::export::export_json;
    use crate::domain::model::demo::demo_scenario;
    use crate::i18n::Lang;

    fn id() -> ScenarioId {
        ScenarioId::from_parts(5, 5)
    }

    fn problems(text: &str) -> Vec<String> {
        match read_import(text, id()) {
            Err(ImportError::Problems(p)) => p.iter().map(ToString::to_string).collect(),
            other => panic!("expected problems, got {other:?}"),
        }
    }

    #[test]
    fn an_export_round_trips_exactly() {
        let demo = demo_scenario(ScenarioId::from_parts(1, 1), &Lang::En.texts().demo);
        let read = read_import(&export_json(&demo, "2026-11-27T10:00:00Z".into()), id()).unwrap();
        assert_eq!(read.from, ImportedFrom::Export);
        assert_eq!(read.scenario, Scenario { id: id(), ..demo });
    }

    #[test]
    fn the_first_problem_is_named_by_its_place_and_each_fix_shows_the_next() {
        let mut text = r#"{"name":"X","segment_mix":{"smb":1,"enterprise":"2","public_sector":1},
            "criteria":[{"id":"c1","name":"Cost","weight":1,"direction":"lower_is_better",
                         "input":{"kind":"amount","unit":"days"}}],
            "options":[{"id":"o1","title":"A","values":{"c1":"abc"}},
                       {"id":"o2","title":7,"colour":"red"}]}"#
            .to_owned();
        for (said, fix) in [
            (
                "segment_mix.enterprise: expected a number, found \"2\"",
                ("\"enterprise\":\"2\"", "\"enterprise\":2"),
            ),
            (
                "options[0].values.c1 (Cost): expected a number, found \"abc\"",
                ("\"abc\"", "3"),
            ),
            (
                "options[1].title: expected text, found 7",
                ("\"title\":7", "\"title\":\"B\""),
            ),
            (
                "options[1].colour: is not a field Kerze knows",
                (",\"colour\":\"red\"", ""),
            ),
        ] {
            assert_eq!(problems(&text), [said]);
            text = text.replacen(fix.0, fix.1, 1);
        }
        assert!(read_import(&text, id()).is_ok());
    }

    #[test]
    fn errors_before_the_scenario_say_what_the_file_is() {
        assert_eq!(read_import("\u{feff}  \n", id()), Err(ImportError::Empty));
        assert!(matches!(
            read_import("{\"a\":", id()),
            Err(ImportError::NotJson { line: 1, .. })
        ));
        assert_eq!(
            read_import(&"[".repeat(5000), id()),
            Err(ImportError::TooDeep)
        );
        assert_eq!(
            read_import(r#"{"format":"kerze-export","version":8}"#, id()),
            Err(ImportError::FutureVersion(8))
        );
        assert!(matches!(
            read_import(r#"{"format":"other"}"#, id()),
            Err(ImportError::NotKerze(_))
        ));
        assert!(matches!(
            read_import("[1]", id()),
            Err(ImportError::NotKerze(_))
        ));
    }
}
