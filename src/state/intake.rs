//! The desk where a sheet (a CSV file, a tracker's export) is brought into
//! the open scenario: the sheet read, the mapping the user corrects, the
//! rows left out. Part of the app's one state; changed only by
//! [`SheetAction`]s through the reducer. Nothing changes in the scenario
//! until [`SheetAction::Take`], which is one edit (one Undo step).

use crate::domain::formats::sheet::{Numbers, Sheet};
use crate::domain::formats::sheet_import::{
    column_names, guess, import, moves, CellIssue, Mapping, Outcome, PasteAt, RowChange, Target,
};
use crate::domain::formats::sheet_memory::SheetMemory;
use crate::domain::formats::table::TableTexts;
use crate::domain::model::scenario::{Scenario, ScenarioEdit};
use crate::domain::model::value::NumberStyle;
use std::collections::BTreeSet;
use std::rc::Rc;

/// What the user does at the desk.
#[derive(Clone, Debug, PartialEq)]
pub enum SheetAction {
    /// A sheet was read from a file of this name: the mapping is proposed,
    /// or the one chosen before for a sheet of the same header (kept in
    /// the memory).
    Open(String, Rc<Sheet>, Rc<SheetMemory>),
    /// Column `c` becomes this.
    Target(usize, Target),
    /// Whether the first row names the columns.
    Header(bool),
    /// Whether the numbers are written with a decimal comma.
    Comma(bool),
    /// Leaves the row of this line out (`true`) or takes it again.
    Skip(usize, bool),
    /// Takes the rows into the scenario and closes the desk.
    Take,
    /// A block pasted into the options table, landing at the focused cell:
    /// taken at once (no desk), one Undo step.
    Paste(Rc<str>, Rc<PasteAt>),
    /// Closes the desk; nothing changes.
    Close,
}

/// The desk: see the module docs.
#[derive(Clone, Debug, PartialEq)]
pub struct SheetDesk {
    /// The file's name.
    pub file: String,
    /// The sheet as read.
    pub sheet: Rc<Sheet>,
    /// Which column is what, and how numbers are written.
    pub mapping: Mapping,
    /// The lines of the rows left out.
    pub skipped: BTreeSet<usize>,
    /// Whether the columns are as chosen for a sheet of the same header before.
    pub remembered: bool,
}

/// Names the desk needs from the language: Kerze's own CSV columns in
/// every language, the word for an unnamed column, the number style.
pub struct SheetWords<'a> {
    /// Kerze's CSV column titles, per language.
    pub own: &'a [TableTexts<'a>],
    /// "Column".
    pub column: &'a str,
    /// The language's number style.
    pub style: NumberStyle,
}

impl SheetDesk {
    /// The desk for `sheet` read from `file`: its mapping as chosen for a
    /// sheet of the same header before (in `memory`), else proposed.
    pub fn open(
        file: String,
        sheet: Rc<Sheet>,
        scenario: &Scenario,
        words: &SheetWords,
        memory: &SheetMemory,
    ) -> Self {
        let guessed = guess(&sheet, scenario, words.own, words.column, words.style);
        let recalled = memory.recall(&sheet, &guessed, scenario);
        SheetDesk {
            remembered: recalled.is_some(),
            mapping: recalled.unwrap_or(guessed),
            file,
            sheet,
            skipped: BTreeSet::new(),
        }
    }

    /// What the rows would do to `scenario` as the desk stands.
    pub fn outcome(&self, scenario: &Scenario) -> Outcome {
        import(scenario, &self.sheet, &self.mapping, &|line| {
            self.skipped.contains(&line)
        })
    }

    /// The desk after `action`; `None` when nothing changes. Open, Take and
    /// Close are the state's (they open or close the desk).
    pub fn apply(&self, action: SheetAction, words: &SheetWords) -> Option<SheetDesk> {
        let mut next = self.clone();
        match action {
            SheetAction::Target(c, target) => {
                if c >= next.mapping.targets.len() {
                    return None;
                }
                // One column holds the title: another that did gives it up.
                if target == Target::Title {
                    for t in next.mapping.targets.iter_mut() {
                        if *t == Target::Title {
                            *t = Target::Ignore;
                        }
                    }
                }
                next.mapping.targets[c] = target;
            }
            SheetAction::Header(header) => {
                next.mapping.header = header;
                next.mapping.names = column_names(&self.sheet, header, words.column);
            }
            SheetAction::Comma(comma) => {
                next.mapping.numbers = Numbers {
                    style: if comma {
                        NumberStyle::GERMAN
                    } else {
                        NumberStyle::ENGLISH
                    },
                    evident: true,
                };
            }
            SheetAction::Skip(line, skip) => {
                if skip {
                    next.skipped.insert(line);
                } else {
                    next.skipped.remove(&line);
                }
            }
            SheetAction::Open(..)
            | SheetAction::Take
            | SheetAction::Paste(..)
            | SheetAction::Close => return None,
        }
        (next != *self).then_some(next)
    }
}

/// What taking a sheet did: counts and how the ranking moved (titles with
/// their rank before, `None` for a new option, and after).
#[derive(Clone, Debug, PartialEq)]
pub struct BroughtIn {
    /// Options added.
    pub added: usize,
    /// Options changed.
    pub changed: usize,
    /// The moves of the ranking, at most five, top first.
    pub moves: Vec<(String, Option<u32>, u32)>,
    /// Whether it came from a paste into the table (else from a file).
    pub pasted: bool,
    /// How many cells were not taken (a paste says so; a file's desk
    /// listed them before).
    pub not_taken: usize,
    /// The first cell not taken: its line, its column's name, what it
    /// held and why.
    pub first_not_taken: Option<(usize, String, String, CellIssue)>,
}

/// The edit that takes `outcome` into `scenario` (read as `mapping` says),
/// and what it did.
pub fn take(
    scenario: &Scenario,
    outcome: &Outcome,
    mapping: &Mapping,
) -> (ScenarioEdit, BroughtIn) {
    let title = |id| {
        outcome
            .scenario
            .options
            .iter()
            .find(|o| o.id == id)
            .map_or(String::new(), |o| o.title.clone())
    };
    let moved = moves(scenario, &outcome.scenario)
        .into_iter()
        .take(5)
        .map(|m| (title(m.option), m.from, m.to))
        .collect();
    (
        outcome.edit(),
        BroughtIn {
            added: outcome.count(RowChange::New),
            changed: outcome.count(RowChange::Changed),
            moves: moved,
            pasted: false,
            not_taken: outcome.problems.len(),
            first_not_taken: outcome.problems.first().map(|p| {
                let column = column_name(&outcome.scenario, mapping, p.column);
                (p.line, column, p.text.clone(), p.issue.clone())
            }),
        },
    )
}

/// The name of column `c` as the user knows it: its criterion's where it
/// has one, else its own.
pub fn column_name(scenario: &Scenario, mapping: &Mapping, c: usize) -> String {
    match mapping.targets.get(c) {
        Some(Target::Criterion(id)) => scenario.criterion(*id).map(|cr| cr.name.clone()),
        _ => None,
    }
    .or_else(|| mapping.names.get(c).cloned())
    .unwrap_or_default()
}
