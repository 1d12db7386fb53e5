//! What the user chose for a sheet's columns, remembered by its header's
//! names: next week's export of the same tracker opens with the same
//! choices. Kept in the browser (one entry, the newest sheets first).

use crate::domain::formats::sheet::Sheet;
use crate::domain::formats::sheet_import::{Mapping, Target};
use crate::domain::model::criterion::InputKind;
use crate::domain::model::scenario::Scenario;
use crate::domain::model::segment::Segment;
use serde::{Deserialize, Serialize};

/// Where the choices are kept in the browser's storage.
pub const SHEET_MEMORY_KEY: &str = "kerze.sheet-columns";
/// Version of what is kept there.
const MEMORY_VERSION: u32 = 1;
/// Sheets remembered: the newest.
const REMEMBERED: usize = 20;

/// The choices for the sheets last brought in, newest first.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SheetMemory {
    version: u32,
    sheets: Vec<Remembered>,
}

/// One sheet's header (as compared: trimmed, lower case) and each column's choice.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct Remembered {
    header: Vec<String>,
    /// `ignore`, `title`, `key`, `description`, `criterion:<name>`,
    /// `new:rating` / `new:amount` / `new:levels`, `fit:<segment>`.
    choices: Vec<String>,
}

/// The header of `sheet` as compared, where its first row names the columns.
fn header_of(sheet: &Sheet, mapping: &Mapping) -> Option<Vec<String>> {
    let first = sheet.rows.first().filter(|_| mapping.header)?;
    Some(first.1.iter().map(|h| h.trim().to_lowercase()).collect())
}

const KINDS: [(InputKind, &str); 3] = [
    (InputKind::Rating, "rating"),
    (InputKind::Amount, "amount"),
    (InputKind::Levels, "levels"),
];

/// A target as kept: criteria by name, so that it holds in any scenario.
fn choice(target: Target, scenario: &Scenario) -> String {
    match target {
        Target::Ignore => "ignore".into(),
        Target::Title => "title".into(),
        Target::Key => "key".into(),
        Target::Description => "description".into(),
        Target::Criterion(id) => scenario
            .criterion(id)
            .map_or("ignore".into(), |c| format!("criterion:{}", c.name)),
        Target::NewCriterion(kind) => KINDS
            .iter()
            .find(|(k, _)| *k == kind)
            .map_or("ignore".into(), |(_, word)| format!("new:{word}")),
        Target::Fit(segment) => format!("fit:{}", segment.key()),
    }
}

/// The target a kept choice stands for in `scenario` (column `name`): a
/// criterion by its name; a new criterion that now exists by the column's
/// name is that criterion; `None` where it no longer means anything.
fn target(choice: &str, name: &str, scenario: &Scenario) -> Option<Target> {
    let by_name = |name: &str| {
        let name = name.trim().to_lowercase();
        scenario
            .criteria
            .iter()
            .find(|c| c.name.trim().to_lowercase() == name)
            .map(|c| Target::Criterion(c.id))
    };
    Some(match choice.split_once(':') {
        None => match choice {
            "ignore" => Target::Ignore,
            "title" => Target::Title,
            "key" => Target::Key,
            "description" => Target::Description,
            _ => return None,
        },
        Some(("criterion", criterion)) => by_name(criterion)?,
        Some(("new", kind)) => by_name(name).unwrap_or(Target::NewCriterion(
            KINDS.iter().find(|(_, word)| *word == kind)?.0,
        )),
        Some(("fit", segment)) => {
            Target::Fit(Segment::ALL.into_iter().find(|s| s.key() == segment)?)
        }
        Some(_) => return None,
    })
}

impl SheetMemory {
    /// The memory kept as `text`; empty where it cannot be read.
    pub fn read(text: &str) -> SheetMemory {
        serde_json::from_str::<SheetMemory>(text)
            .ok()
            .filter(|m| m.version == MEMORY_VERSION)
            .unwrap_or_default()
    }

    /// The memory as kept.
    pub fn to_text(&self) -> String {
        serde_json::to_string(&SheetMemory {
            version: MEMORY_VERSION,
            sheets: self.sheets.clone(),
        })
        .unwrap_or_default()
    }

    /// The memory with the choices of `mapping` for `sheet` (brought into
    /// `scenario`), newest first; a sheet without a header is not kept.
    pub fn remember(&self, sheet: &Sheet, mapping: &Mapping, scenario: &Scenario) -> SheetMemory {
        let Some(header) = header_of(sheet, mapping) else {
            return self.clone();
        };
        let choices = mapping
            .targets
            .iter()
            .map(|t| choice(*t, scenario))
            .collect();
        let mut sheets = vec![Remembered {
            header: header.clone(),
            choices,
        }];
        sheets.extend(
            self.sheets
                .iter()
                .filter(|r| r.header != header)
                .take(REMEMBERED - 1)
                .cloned(),
        );
        SheetMemory {
            version: MEMORY_VERSION,
            sheets,
        }
    }

    /// `guessed` with the choices kept for a sheet of the same header, where
    /// they still mean something in `scenario`; `None` when none are kept.
    pub fn recall(&self, sheet: &Sheet, guessed: &Mapping, scenario: &Scenario) -> Option<Mapping> {
        let header = header_of(sheet, guessed)?;
        let kept = self.sheets.iter().find(|r| r.header == header)?;
        let mut mapping = guessed.clone();
        for (c, slot) in mapping.targets.iter_mut().enumerate() {
            let name = guessed.names.get(c).map_or("", String::as_str);
            if let Some(t) = kept.choices.get(c).and_then(|k| target(k, name, scenario)) {
                *slot = t;
            }
        }
        // One title at most, as the desk keeps it.
        let mut titled = false;
        for slot in mapping.targets.iter_mut() {
            if *slot == Target::Title {
                if titled {
                    *slot = Target::Ignore;
                }
                titled = true;
            }
        }
        Some(mapping)
    }
}
