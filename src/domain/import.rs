//! Reading a scenario from a file: Kerze's own export, a stored entry, or a
//! plain scenario. Every problem is named by its place in the file, several
//! at once, before anything is added to the user's scenarios.

use super::export::{EXPORT_FORMAT, EXPORT_VERSION};
use super::ids::{CriterionId, LensId, OptionId, ScenarioId};
use super::json::{self, join, Json};
use super::matrix::Role;
use super::problem::{Issue, Problem};
use super::scenario::Scenario;
use super::stored::ENTRY_VERSION;
use super::value::NumberRule;
use std::collections::HashMap;
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
    /// Larger than [`MAX_IMPORT_BYTES`].
    #[error("the file is {} MB; Kerze reads scenario files of up to 5 MB", super::value::format_fixed(megabytes(*.0), 1))]
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

/// Walks a JSON value against the scenario's shape and collects problems.
struct Checker {
    problems: Vec<Problem>,
}

/// A field of an object: its name and whether it must be present.
type Field = (&'static str, bool);

impl Checker {
    fn report(&mut self, path: &str, issue: Issue) {
        self.problems.push(Problem::new(path, issue));
    }

    /// The object at `path` if it is one, reporting missing and unknown fields.
    fn object<'v>(&mut self, path: &str, value: &'v Json, fields: &[Field]) -> Option<&'v Json> {
        let Some(map) = value.as_object() else {
            self.report(path, Issue::ExpectedObject(value.found()));
            return None;
        };
        for &(name, required) in fields {
            if required && value.get(name).is_none() {
                self.report(&join(path, name), Issue::Missing);
            }
        }
        for (key, _) in map {
            if !fields.iter().any(|(name, _)| name == key) {
                let at = join(path, key);
                self.report(&at, Issue::UnknownField);
            }
        }
        Some(value)
    }

    fn text(&mut self, path: &str, value: &Json) {
        if value.as_str().is_none() {
            self.report(path, Issue::ExpectedText(value.found()));
        }
    }

    /// A number that follows `rule` (`None`: any finite number); `null` when `nullable`.
    fn number(&mut self, path: &str, value: &Json, rule: Option<NumberRule>, nullable: bool) {
        if nullable && value.is_null() {
            return;
        }
        let Some(n) = value.as_f64() else {
            let issue = match value {
                Json::Number(n) => Issue::NumberOutOfRange(n.clone()),
                _ => Issue::ExpectedNumber(value.found()),
            };
            self.report(path, issue);
            return;
        };
        if let Some(Err(e)) = rule.map(|r| r.check(n)) {
            self.report(path, Issue::Value(e));
        }
    }

    fn list<'v>(&mut self, path: &str, value: &'v Json) -> &'v [Json] {
        match value.as_array() {
            Some(items) => items,
            None => {
                self.report(path, Issue::ExpectedList(value.found()));
                &[]
            }
        }
    }

    fn one_of(
        &mut self,
        path: &str,
        value: &Json,
        allowed: &'static [&'static str],
    ) -> Option<String> {
        match value.as_str() {
            Some(s) if allowed.contains(&s) => Some(s.to_owned()),
            _ => {
                self.report(path, Issue::ExpectedOneOf(allowed, value.found()));
                None
            }
        }
    }

    fn id(
        &mut self,
        path: &str,
        value: &Json,
        valid: impl Fn(&str) -> bool,
        example: &'static str,
    ) {
        if !value.as_str().is_some_and(valid) {
            let found = value.found();
            self.report(path, Issue::ExpectedId { example, found });
        }
    }

    fn segments(&mut self, path: &str, value: &Json, rule: NumberRule, nullable: bool) {
        let fields = [
            ("smb", !nullable),
            ("enterprise", !nullable),
            ("public_sector", !nullable),
        ];
        if let Some(map) = self.object(path, value, &fields) {
            for (name, _) in fields {
                if let Some(v) = map.get(name) {
                    self.number(&join(path, name), v, Some(rule), nullable);
                }
            }
        }
    }

    fn criterion(&mut self, path: &str, value: &Json) {
        let fields = [
            ("id", true),
            ("name", true),
            ("weight", true),
            ("direction", true),
            ("input", true),
        ];
        let Some(map) = self.object(path, value, &fields) else {
            return;
        };
        let at = |field: &str| join(path, field);
        if let Some(v) = map.get("id") {
            self.id(&at("id"), v, |s| CriterionId::parse(s).is_some(), "c1");
        }
        if let Some(v) = map.get("name") {
            self.text(&at("name"), v);
        }
        if let Some(v) = map.get("weight") {
            self.number(&at("weight"), v, Some(NumberRule::Weight), false);
        }
        if let Some(v) = map.get("direction") {
            self.one_of(
                &at("direction"),
                v,
                &["higher_is_better", "lower_is_better"],
            );
        }
        let Some(input) = map.get("input") else {
            return;
        };
        let path = at("input");
        const KINDS: [&str; 3] = ["rating", "amount", "segment_fit"];
        let kind = match input.get("kind") {
            Some(kind) => self.one_of(&join(&path, "kind"), kind, &KINDS),
            None => {
                self.object(&path, input, &[("kind", true)]);
                return;
            }
        };
        let scale = Some(NumberRule::ScaleEnd);
        match kind.as_deref() {
            Some("rating") => {
                let fields = [("kind", true), ("min", true), ("max", true)];
                if let Some(map) = self.object(&path, input, &fields) {
                    for end in ["min", "max"] {
                        if let Some(v) = map.get(end) {
                            self.number(&join(&path, end), v, scale, false);
                        }
                    }
                }
            }
            Some("amount") => {
                let fields = [
                    ("kind", true),
                    ("unit", false),
                    ("lo", false),
                    ("hi", false),
                ];
                if let Some(map) = self.object(&path, input, &fields) {
                    if let Some(v) = map.get("unit") {
                        self.text(&join(&path, "unit"), v);
                    }
                    for bound in ["lo", "hi"] {
                        if let Some(v) = map.get(bound) {
                            let rule = Some(NumberRule::Amount);
                            self.number(&join(&path, bound), v, rule, true);
                        }
                    }
                }
            }
            Some(_) => {
                self.object(&path, input, &[("kind", true)]);
            }
            None => {}
        }
    }

    /// An object keyed by criterion id: each key must name a criterion of
    /// the scenario, each value passes `check`.
    fn cells(
        &mut self,
        path: &str,
        value: &Json,
        names: &HashMap<&str, &str>,
        check: impl Fn(&mut Self, &str, &Json),
    ) {
        let Some(cells) = value.as_object() else {
            self.report(path, Issue::ExpectedObject(value.found()));
            return;
        };
        for (key, v) in cells {
            let place = match names.get(key.as_str()) {
                Some(name) => format!("{path}.{key} ({name})"),
                None => format!("{path}.{key}"),
            };
            if CriterionId::parse(key).is_none() {
                self.report(&place, Issue::NotACriterionId(key.clone()));
            } else if !names.contains_key(key.as_str()) {
                self.report(&place, Issue::UnknownCriterion);
            } else {
                check(self, &place, v);
            }
        }
    }

    fn option(&mut self, path: &str, value: &Json, names: &HashMap<&str, &str>) {
        let fields = [
            ("id", true),
            ("title", true),
            ("description", false),
            ("values", false),
            ("fit", false),
            ("ranges", false),
        ];
        let Some(map) = self.object(path, value, &fields) else {
            return;
        };
        let at = |field: &str| join(path, field);
        if let Some(v) = map.get("id") {
            self.id(&at("id"), v, |s| OptionId::parse(s).is_some(), "o1");
        }
        for field in ["title", "description"] {
            if let Some(v) = map.get(field) {
                self.text(&at(field), v);
            }
        }
        if let Some(values) = map.get("values") {
            self.cells(&at("values"), values, names, |checker, place, v| {
                checker.number(place, v, None, false);
            });
        }
        if let Some(ranges) = map.get("ranges") {
            self.cells(&at("ranges"), ranges, names, |checker, place, v| {
                let ends = checker.list(place, v);
                if ends.len() != 2 {
                    checker.report(place, Issue::RangeOrder);
                }
                for (i, end) in ends.iter().enumerate() {
                    checker.number(&format!("{place}[{i}]"), end, None, false);
                }
            });
        }
        if let Some(v) = map.get("fit") {
            let rule = NumberRule::Rating { min: 0.0, max: 5.0 };
            self.segments(&at("fit"), v, rule, true);
        }
    }

    fn scenario(&mut self, path: &str, value: &Json) {
        let fields = [
            ("id", false),
            ("name", true),
            ("need", false),
            ("root_cause", false),
            ("segment_mix", true),
            ("threshold", false),
            ("criteria", true),
            ("options", false),
            ("analysis", false),
            ("lenses", false),
            ("chart", false),
            ("group", false),
        ];
        let Some(map) = self.object(path, value, &fields) else {
            return;
        };
        let at = |field: &str| join(path, field);
        for field in ["name", "need", "root_cause"] {
            if let Some(v) = map.get(field) {
                self.text(&at(field), v);
            }
        }
        if let Some(v) = map.get("segment_mix") {
            self.segments(&at("segment_mix"), v, NumberRule::Weight, false);
        }
        if let Some(v) = map.get("threshold") {
            self.number(&at("threshold"), v, Some(NumberRule::Threshold), false);
        }
        let mut names = HashMap::new();
        if let Some(v) = map.get("criteria") {
            let path = at("criteria");
            for (i, criterion) in self.list(&path, v).iter().enumerate() {
                self.criterion(&format!("{path}[{i}]"), criterion);
                if let (Some(id), Some(name)) = (
                    criterion.get("id").and_then(Json::as_str),
                    criterion.get("name").and_then(Json::as_str),
                ) {
                    names.insert(id, name);
                }
            }
        }
        if let Some(v) = map.get("options") {
            let path = at("options");
            for (i, option) in self.list(&path, v).iter().enumerate() {
                self.option(&format!("{path}[{i}]"), option, &names);
            }
        }
        if let Some(v) = map.get("lenses") {
            let path = at("lenses");
            for (i, lens) in self.list(&path, v).iter().enumerate() {
                let path = format!("{path}[{i}]");
                let fields = [("id", true), ("name", true), ("weights", true)];
                let Some(lens) = self.object(&path, lens, &fields) else {
                    continue;
                };
                if let Some(v) = lens.get("id") {
                    self.id(&join(&path, "id"), v, |s| LensId::parse(s).is_some(), "l1");
                }
                if let Some(v) = lens.get("name") {
                    self.text(&join(&path, "name"), v);
                }
                if let Some(weights) = lens.get("weights") {
                    let path = join(&path, "weights");
                    self.cells(&path, weights, &names, |checker, place, v| {
                        checker.number(place, v, Some(NumberRule::Weight), false);
                    });
                }
            }
        }
        if let Some(v) = map.get("chart") {
            let path = at("chart");
            let fields = [("roles", false), ("bubble", false)];
            if let Some(chart) = self.object(&path, v, &fields) {
                if let Some(roles) = chart.get("roles") {
                    let path = join(&path, "roles");
                    self.cells(&path, roles, &names, |checker, place, v| {
                        checker.one_of(place, v, &Role::KEYS);
                    });
                }
                if let Some(bubble) = chart.get("bubble").filter(|b| !b.is_null()) {
                    let place = join(&path, "bubble");
                    match bubble.as_str() {
                        Some(id) if names.contains_key(id) => {}
                        Some(_) => self.report(&place, Issue::UnknownCriterion),
                        None => self.report(&place, Issue::ExpectedText(bubble.found())),
                    }
                }
            }
        }
    }
}

fn version_of(map: &Json, newest: u32) -> Result<(), ImportError> {
    match map.get("version").map(|v| (v, v.as_u64())) {
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
                v.found()
            )))
        }
        None => Err(ImportError::NotKerze("version: is missing".to_owned())),
    }
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
    let value = json::parse(text).map_err(|e| {
        if e.is_too_deep() {
            ImportError::TooDeep
        } else {
            ImportError::NotJson {
                line: e.line,
                column: e.column,
                reason: e.reason.to_owned(),
            }
        }
    })?;
    if value.as_object().is_none() {
        return Err(ImportError::NotKerze(format!(
            "expected an object, found {}",
            value.found()
        )));
    }
    let (from, path, scenario) = if let Some(format) = value.get("format") {
        if format.as_str() != Some(EXPORT_FORMAT) {
            return Err(ImportError::NotKerze(format!(
                "format: expected \"{EXPORT_FORMAT}\", found {}",
                format.found()
            )));
        }
        version_of(&value, EXPORT_VERSION)?;
        (ImportedFrom::Export, "scenario", value.get("scenario"))
    } else if value.get("scenario").is_some() && value.get("version").is_some() {
        version_of(&value, ENTRY_VERSION)?;
        (ImportedFrom::StoredEntry, "scenario", value.get("scenario"))
    } else if value.get("criteria").is_some() || value.get("options").is_some() {
        (ImportedFrom::Scenario, "", Some(&value))
    } else {
        return Err(ImportError::NotKerze(
            "it has neither \"format\", \"scenario\" nor \"criteria\"".to_owned(),
        ));
    };
    let Some(scenario) = scenario else {
        return Err(ImportError::Problems(vec![Problem::new(
            path,
            Issue::Missing,
        )]));
    };
    let mut checker = Checker {
        problems: Vec::new(),
    };
    checker.scenario(path, scenario);
    let place = |p: Problem| Problem::new(join(path, &p.path), p.issue);
    if !checker.problems.is_empty() {
        return Err(ImportError::Problems(checker.problems));
    }
    // The file's id is replaced by `id`; a file without one gets it too.
    // The scenario is taken out of the file's value, not copied.
    let mut scenario = match path {
        "" => value,
        _ => value.take(path).unwrap_or(Json::Null),
    };
    if let Json::Object(entries) = &mut scenario {
        entries.retain(|(k, _)| k != "id");
        entries.push(("id".to_owned(), Json::from(id.as_str())));
    }
    let scenario = Scenario::from_json(&scenario, path)
        .map_err(|e| ImportError::Problems(vec![Problem::new(path, Issue::Other(e))]))?;
    let problems = scenario.problems();
    if problems.is_empty() {
        Ok(Imported { scenario, from })
    } else {
        Err(ImportError::Problems(
            problems.into_iter().map(place).collect(),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::demo::demo_scenario;
    use crate::domain::export::export_json;
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
    fn problems_name_the_place_and_several_are_listed() {
        let text = r#"{"name":"X","segment_mix":{"smb":1,"enterprise":"2","public_sector":1},
            "criteria":[{"id":"c1","name":"Cost","weight":1,"direction":"lower_is_better",
                         "input":{"kind":"amount","unit":"days"}}],
            "options":[{"id":"o1","title":"A","values":{"c1":"abc"}},
                       {"id":"o2","title":7,"colour":"red"}]}"#;
        assert_eq!(
            problems(text),
            [
                "segment_mix.enterprise: expected a number, found \"2\"",
                "options[0].values.c1 (Cost): expected a number, found \"abc\"",
                "options[1].colour: is not a field Kerze knows",
                "options[1].title: expected text, found 7",
            ]
        );
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
            read_import(r#"{"format":"kerze-export","version":5}"#, id()),
            Err(ImportError::FutureVersion(5))
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
