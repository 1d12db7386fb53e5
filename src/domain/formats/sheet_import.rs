//! A sheet's rows as options: which column is what (a mapping Kerze
//! guesses from the header and the values, and the user corrects), the
//! scenario the rows make, every cell that could not be taken and why, and
//! how the ranking moved. Rows update the options they match (by the
//! tracker's key, else by title), else become new options; nothing is
//! removed.

use crate::domain::formats::sheet::{
    cell_number, number_style, read_pasted, Numbers, Sheet, SheetError,
};
use crate::domain::formats::table::{unguarded, TableTexts};
use crate::domain::model::criterion::{CriterionInput, InputKind, Level, MAX_LEVELS};
use crate::domain::model::ids::{CriterionId, OptionId};
use crate::domain::model::scenario::{
    key_ok, text_ok, Scenario, ScenarioEdit, ScenarioOption, MAX_OPTIONS, MAX_UNIT,
};
use crate::domain::model::segment::Segment;
use crate::domain::model::value::{NumberStyle, ValueError};
use crate::domain::scoring::rank;
use std::collections::HashMap;
use std::rc::Rc;

/// What a column becomes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// Nothing.
    Ignore,
    /// The option's title (rows are matched by it where they have no key).
    Title,
    /// The tracker's key (`ONB-101`): rows are matched by it first, and it
    /// goes back out in the CSV.
    Key,
    /// The option's description.
    Description,
    /// Values of an existing criterion.
    Criterion(CriterionId),
    /// Values of a new criterion of this kind, named as the column.
    NewCriterion(InputKind),
    /// The option's fit for one segment (0–5).
    Fit(Segment),
}

/// How a sheet is read into options.
#[derive(Clone, Debug, PartialEq)]
pub struct Mapping {
    /// Whether the first row names the columns.
    pub header: bool,
    /// Each column's name: its header, else "Column 3".
    pub names: Vec<String>,
    /// Each column's target.
    pub targets: Vec<Target>,
    /// How the numbers are written.
    pub numbers: Numbers,
}

/// Headers that hold the title, in the trackers' and spreadsheets' words.
const TITLE_WORDS: [&str; 10] = [
    "title",
    "summary",
    "name",
    "option",
    "titel",
    "zusammenfassung",
    "issue",
    "feature",
    "idea",
    "task",
];
/// Headers that hold the description.
const DESCRIPTION_WORDS: [&str; 6] = [
    "description",
    "body",
    "notes",
    "details",
    "beschreibung",
    "notizen",
];

/// Rows the mapping is guessed from (every row is read by it).
const GUESSED_ROWS: usize = 1_000;

/// Headers of a tracker's key (Jira's `Issue key`, Linear's `ID`, Kerze's
/// own `Key`).
const KEY_WORDS: [&str; 5] = ["issue key", "key", "id", "schlüssel", "vorgangsschlüssel"];
/// Headers of an item's address, the key where a sheet has no other (GitHub).
const ADDRESS_WORDS: [&str; 2] = ["url", "link"];
/// Headers of a tracker's internal numbers, which are never values.
const NUMBER_WORDS: [&str; 4] = ["issue id", "number", "parent id", "vorgangs-id"];

/// Words that name an order, lowest first: trackers' priorities (Jira,
/// Linear, German Jira), severities, T-shirt sizes, MoSCoW.
const ORDERS: [&[&str]; 5] = [
    &[
        "no priority",
        "lowest",
        "low",
        "medium",
        "high",
        "highest",
        "urgent",
    ],
    &["trivial", "minor", "major", "critical", "blocker"],
    &["xxs", "xs", "s", "m", "l", "xl", "xxl"],
    &["won't", "could", "should", "must"],
    &[
        "niedrigste",
        "sehr niedrig",
        "niedrig",
        "mittel",
        "hoch",
        "sehr hoch",
        "höchste",
    ],
];

/// A word as compared with [`ORDERS`]: lower case, MoSCoW's "have" dropped.
fn order_word(word: &str) -> String {
    let word = word.trim().to_lowercase();
    word.strip_suffix(" have")
        .map_or(word.clone(), str::to_owned)
}

/// A text column's words as levels valued 1, 2, 3, … lowest first: each
/// word once (case aside, at most [`MAX_LEVELS`], none longer than a label
/// may be), in a known order where every word is one of it (`true`), else
/// as they first appear (`false`).
pub fn column_levels<'a>(cells: impl Iterator<Item = &'a str>) -> (Vec<Level>, bool) {
    // Each word as written, and as compared.
    let mut words: Vec<(&str, String)> = Vec::new();
    // A text too long for a label, or more words than levels: no known order.
    let mut left_over = false;
    for cell in cells.map(str::trim).filter(|c| !c.is_empty()) {
        if cell.len() > 4 * MAX_UNIT || cell.chars().count() > MAX_UNIT {
            left_over = true;
            continue;
        }
        let lower = cell.to_lowercase();
        if words.iter().any(|(_, w)| *w == lower) {
            continue;
        }
        if words.len() < MAX_LEVELS {
            words.push((cell, lower));
        } else {
            left_over = true;
        }
    }
    let place = |order: &[&str], word: &str| order.iter().position(|o| *o == order_word(word));
    let order = ORDERS
        .iter()
        .find(|order| !left_over && words.iter().all(|(w, _)| place(order, w).is_some()));
    if let Some(order) = order {
        words.sort_by_key(|(w, _)| place(order, w));
    }
    let levels = words
        .iter()
        .enumerate()
        .map(|(i, (w, _))| Level::new(w, (i + 1) as f64))
        .collect();
    (levels, order.is_some())
}

/// The levels of criterion `id`, where it has levels.
fn levels_of(scenario: &Scenario, id: CriterionId) -> Option<&[Level]> {
    match scenario.criterion(id).map(|c| &c.input) {
        Some(CriterionInput::Levels(levels)) => Some(levels),
        _ => None,
    }
}

/// A header as compared: lower case, a tracker's `Custom field (…)` unwrapped.
fn normal(header: &str) -> String {
    let header = header.trim().to_lowercase();
    header
        .strip_prefix("custom field (")
        .and_then(|h| h.strip_suffix(')'))
        .map_or(header.clone(), str::to_owned)
}

/// A column's name as shown: a tracker's `Custom field (Story Points)` is
/// `Story Points`.
fn shown_name(header: &str) -> String {
    let trimmed = header.trim();
    trimmed
        .strip_prefix("Custom field (")
        .and_then(|h| h.strip_suffix(')'))
        .unwrap_or(trimmed)
        .to_owned()
}

/// Kerze's own CSV columns that are worked out, not entered (rank, score,
/// points, flags, ranks per segment), in every language.
fn is_own_derived(header: &str, own: &[TableTexts<'_>]) -> bool {
    let h = normal(header);
    own.iter().any(|t| {
        [t.rank, t.score, t.below_line, t.incomplete, t.in_budget]
            .iter()
            .chain(&t.segment_ranks)
            .any(|w| normal(w) == h)
            || h.ends_with(&format!("({})", normal(t.points)))
    })
}

/// The segment whose fit a column of Kerze's own CSV holds ("Fit for SMB").
fn fit_segment(header: &str, own: &[TableTexts<'_>]) -> Option<Segment> {
    let h = normal(header);
    own.iter().find_map(|t| {
        Segment::ALL
            .into_iter()
            .zip(t.fits)
            .find(|(_, name)| normal(name) == h)
            .map(|(segment, _)| segment)
    })
}

/// The mapping Kerze proposes for `sheet` in `scenario`: a header is
/// recognised by known names or by a text row above numbers; columns map
/// to the title, the description, criteria of the same name, a segment's
/// fit, else by their values (numbers: a new rating 1–5 or amount; text:
/// nothing). `own` are Kerze's CSV column titles in every language,
/// `column` the word for an unnamed column, `fallback` the language's
/// number style.
pub fn guess(
    sheet: &Sheet,
    scenario: &Scenario,
    own: &[TableTexts<'_>],
    column: &str,
    fallback: NumberStyle,
) -> Mapping {
    let first = sheet.rows.first().map(|(_, r)| r.as_slice()).unwrap_or(&[]);
    let header = has_header(sheet, scenario, own, fallback);
    let body_from = |header: bool| usize::from(header).min(sheet.rows.len());
    let from = body_from(header);
    // The mapping is guessed from the first rows; every row is then read by it.
    let body = &sheet.rows[from..(from + GUESSED_ROWS).min(sheet.rows.len())];
    let numbers = number_style(
        body.iter().flat_map(|(_, r)| r.iter().map(String::as_str)),
        fallback,
    );
    let names = column_names(sheet, header, column);
    let mut title_taken = false;
    let mut key_taken = false;
    let mut description_taken = false;
    let targets = (0..sheet.width)
        .map(|c| {
            let h = if header {
                normal(&first[c])
            } else {
                String::new()
            };
            let cells = || {
                body.iter()
                    .map(move |(_, r)| r[c].as_str())
                    .filter(|x| !x.is_empty())
            };
            let all_numbers = cells().next().is_some()
                && cells().all(|x| cell_number(x, numbers).is_ok_and(|v| v.is_some()));
            if header && (is_own_derived(&first[c], own) || NUMBER_WORDS.contains(&h.as_str())) {
                return Target::Ignore;
            }
            // A key is text (`ONB-101`); an `ID` of bare numbers is a
            // tracker's internal number.
            if header && !key_taken && KEY_WORDS.contains(&h.as_str()) && !all_numbers {
                key_taken = true;
                return Target::Key;
            }
            if header && (KEY_WORDS.contains(&h.as_str()) || ADDRESS_WORDS.contains(&h.as_str())) {
                return Target::Ignore;
            }
            if let Some(segment) = header.then(|| fit_segment(&first[c], own)).flatten() {
                return Target::Fit(segment);
            }
            if let Some(criterion) = scenario
                .criteria
                .iter()
                .find(|cr| header && normal(&cr.name) == h)
            {
                // Segment fit under the mix is worked out, not entered.
                return match criterion.input {
                    CriterionInput::SegmentFit => Target::Ignore,
                    _ => Target::Criterion(criterion.id),
                };
            }
            if !title_taken
                && (TITLE_WORDS.contains(&h.as_str()) || (!header && c == 0))
                && !all_numbers
            {
                title_taken = true;
                return Target::Title;
            }
            if !description_taken && DESCRIPTION_WORDS.contains(&h.as_str()) {
                description_taken = true;
                return Target::Description;
            }
            // Words in a known order (High, Medium, Low; S, M, L) are levels.
            if !all_numbers {
                let (levels, ordered) = column_levels(cells());
                if ordered && levels.len() >= 2 {
                    return Target::NewCriterion(InputKind::Levels);
                }
            }
            if all_numbers {
                let rating = cells().all(|x| {
                    cell_number(x, numbers)
                        .ok()
                        .flatten()
                        .is_some_and(|v| v.fract() == 0.0 && (1.0..=5.0).contains(&v))
                });
                return Target::NewCriterion(if rating {
                    InputKind::Rating
                } else {
                    InputKind::Amount
                });
            }
            Target::Ignore
        })
        .collect::<Vec<_>>();
    let mut targets = targets;
    // Without a key, an item's address is its key (GitHub's `URL`).
    if header && !targets.contains(&Target::Key) {
        if let Some(c) =
            (0..sheet.width).find(|&c| ADDRESS_WORDS.contains(&normal(&first[c]).as_str()))
        {
            targets[c] = Target::Key;
        }
    }
    // Without a title column, the first text column is the title.
    if !targets.contains(&Target::Title) {
        if let Some(c) = (0..sheet.width)
            .find(|&c| targets[c] == Target::Ignore && body.iter().any(|(_, r)| !r[c].is_empty()))
        {
            targets[c] = Target::Title;
        }
    }
    Mapping {
        header,
        names,
        targets,
        numbers,
    }
}

/// Whether the first row of `sheet` names the columns: some cell is a
/// known name (a title or description word, a criterion of `scenario`,
/// one of Kerze's own columns), or a text stands above a column of numbers.
fn has_header(
    sheet: &Sheet,
    scenario: &Scenario,
    own: &[TableTexts<'_>],
    fallback: NumberStyle,
) -> bool {
    let first = sheet.rows.first().map(|(_, r)| r.as_slice()).unwrap_or(&[]);
    let numeric = |cell: &str| {
        [fallback, other(fallback)].into_iter().any(|style| {
            cell_number(
                cell,
                Numbers {
                    style,
                    evident: true,
                },
            )
            .is_ok_and(|v| v.is_some())
        })
    };
    let known = |cell: &str| {
        let h = normal(cell);
        TITLE_WORDS.contains(&h.as_str())
            || DESCRIPTION_WORDS.contains(&h.as_str())
            || scenario.criteria.iter().any(|c| normal(&c.name) == h)
            || is_own_derived(cell, own)
    };
    let text_over_numbers = (0..sheet.width).any(|c| {
        let below: Vec<&str> = sheet
            .rows
            .iter()
            .skip(1)
            .take(GUESSED_ROWS)
            .map(|(_, r)| r[c].as_str())
            .filter(|x| !x.is_empty())
            .collect();
        !first[c].is_empty()
            && !numeric(&first[c])
            && !below.is_empty()
            && below.iter().filter(|x| numeric(x)).count() * 2 >= below.len()
    });
    first.iter().any(|c| known(c)) || (sheet.rows.len() > 1 && text_over_numbers)
}

/// Each column's name: its header (a tracker's `Custom field (…)`
/// unwrapped) where the first row names the columns, else "Column 3".
pub fn column_names(sheet: &Sheet, header: bool, column: &str) -> Vec<String> {
    let first = sheet.rows.first().map(|(_, r)| r.as_slice()).unwrap_or(&[]);
    (0..sheet.width)
        .map(
            |c| match first.get(c).filter(|h| header && !h.trim().is_empty()) {
                Some(h) => shown_name(h),
                None => format!("{column} {}", c + 1),
            },
        )
        .collect()
}

/// The other language's number style.
fn other(style: NumberStyle) -> NumberStyle {
    if style == NumberStyle::ENGLISH {
        NumberStyle::GERMAN
    } else {
        NumberStyle::ENGLISH
    }
}

/// Why a cell was not taken.
#[derive(Clone, Debug, PartialEq)]
pub enum CellIssue {
    /// Not a number (or not one this sheet's style can read).
    Number(ValueError),
    /// A number the criterion does not take (outside its scale, not one of
    /// its levels, 0 where it divides).
    NotAllowed,
    /// A row without a title: it is left out.
    NoTitle,
    /// The scenario holds at most [`MAX_OPTIONS`] options: the row is left out.
    TooMany,
    /// A text longer than a scenario holds: left as it was.
    TooLong,
}

/// A cell (or row) that was not taken: where, what it held, and why.
#[derive(Clone, Debug, PartialEq)]
pub struct CellProblem {
    /// The row's line in the file (1-based).
    pub line: usize,
    /// The column (0-based).
    pub column: usize,
    /// What the cell held (at most 40 characters).
    pub text: String,
    /// Why it was not taken.
    pub issue: CellIssue,
}

/// What a row does to its option.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowChange {
    /// A new option.
    New,
    /// An existing option with changed values.
    Changed,
    /// An existing option, as it was.
    Unchanged,
}

/// One row of the sheet as it lands.
#[derive(Clone, Debug, PartialEq)]
pub struct RowOutcome {
    /// Its line in the file.
    pub line: usize,
    /// The option it makes or updates (in the outcome's scenario).
    pub option: OptionId,
    /// What it does.
    pub change: RowChange,
}

/// The scenario a sheet makes, and what happened on the way.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    /// The scenario with the rows taken.
    pub scenario: Scenario,
    /// Each row taken, in file order.
    pub rows: Vec<RowOutcome>,
    /// Options of the scenario that no row matched (kept).
    pub missing: Vec<OptionId>,
    /// Cells and rows not taken.
    pub problems: Vec<CellProblem>,
}

/// Reads `sheet` into `scenario` as `mapping` says, leaving out the rows
/// whose lines `skip` holds. New criteria come first (named as their
/// columns); each row then updates the option of the same tracker key, else
/// of the same title (rows of one title update that title's options in
/// order; rows past them are new options), or adds one. An empty cell leaves a value as it was; a cell
/// that cannot be taken is a problem and leaves it too.
pub fn import(
    scenario: &Scenario,
    sheet: &Sheet,
    mapping: &Mapping,
    skip: &dyn Fn(usize) -> bool,
) -> Outcome {
    bring(scenario, sheet, mapping, skip, Matching::ByKeyOrTitle)
}

/// Where a block pasted into the options table lands: the options from the
/// focused row on, as the table shows them, and the table's columns from
/// the focused one on.
#[derive(Clone, Debug, PartialEq)]
pub struct PasteAt {
    /// The options the pasted rows fall on, in order (more rows: new options).
    pub rows: Vec<OptionId>,
    /// The columns the pasted columns fall on, in order (more: left out).
    pub columns: Vec<Target>,
}

/// A block pasted into the options table (tab-separated, as spreadsheets
/// and web tables copy): with a header Kerze recognises, its columns go
/// by their names and its rows by key or title, as a sheet's do; without
/// one, rows and columns fill the table from the focused cell on, as in a
/// spreadsheet. `own`, `column` and `fallback` as for [`guess`]. The
/// outcome comes with the mapping it was read by.
pub fn paste(
    scenario: &Scenario,
    text: &str,
    at: &PasteAt,
    own: &[TableTexts<'_>],
    column: &str,
    fallback: NumberStyle,
) -> Result<(Outcome, Mapping), SheetError> {
    let sheet = read_pasted(text)?;
    let guessed = guess(&sheet, scenario, own, column, fallback);
    if guessed.header {
        return Ok((import(scenario, &sheet, &guessed, &|_| false), guessed));
    }
    let targets = (0..sheet.width)
        .map(|c| at.columns.get(c).copied().unwrap_or(Target::Ignore))
        .collect();
    let mapping = Mapping { targets, ..guessed };
    let outcome = bring(
        scenario,
        &sheet,
        &mapping,
        &|_| false,
        Matching::InOrder(&at.rows),
    );
    Ok((outcome, mapping))
}

/// How rows find their options.
#[derive(Clone, Copy)]
enum Matching<'a> {
    /// By the tracker's key, else by title; a row without either is left out.
    ByKeyOrTitle,
    /// The n-th row the n-th of these options; rows past them new options.
    InOrder(&'a [OptionId]),
}

/// [`import`] with rows matched as `matching` says.
fn bring(
    scenario: &Scenario,
    sheet: &Sheet,
    mapping: &Mapping,
    skip: &dyn Fn(usize) -> bool,
    matching: Matching<'_>,
) -> Outcome {
    let mut next = scenario.clone();
    let mut problems = Vec::new();
    let columns = criteria_columns(&mut next, sheet, mapping);
    // The first option of each title and of each key, as compared.
    // The options of each title and of each key, as compared, in entry order.
    let all_of = |text: fn(&ScenarioOption) -> &str| -> HashMap<String, Vec<usize>> {
        let mut all: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, o) in next.options.iter().enumerate() {
            if !text(o).trim().is_empty() {
                all.entry(text(o).trim().to_lowercase())
                    .or_default()
                    .push(i);
            }
        }
        all
    };
    let by_title = all_of(|o| &o.title);
    let by_key = all_of(|o| &o.key);
    let mut matched = vec![false; next.options.len()];
    let mut next_id = OptionId::next_after(next.options.iter().map(|o| &o.id));
    let body = sheet.rows.iter().skip(usize::from(mapping.header));
    let column_of = |target: Target| mapping.targets.iter().position(|t| *t == target);
    let (title_column, key_column) = (column_of(Target::Title), column_of(Target::Key));
    let mut rows = Vec::new();
    for (n, (line, cells)) in body.filter(|(line, _)| !skip(*line)).enumerate() {
        let problem = |column: usize, issue: CellIssue| CellProblem {
            line: *line,
            column,
            text: cells
                .get(column)
                .map_or(String::new(), |t| t.chars().take(40).collect()),
            issue,
        };
        // Kerze's formula guard (`'=…`) comes off the texts again.
        let cell =
            |column: Option<usize>| column.map_or(String::new(), |c| unguarded(cells[c].trim()));
        let (title, key) = (cell(title_column), cell(key_column));
        let (title, key) = (title.as_str(), key.as_str());
        if !text_ok(title) {
            problems.push(problem(title_column.unwrap_or(0), CellIssue::TooLong));
            continue;
        }
        let key = if key_ok(key) {
            key
        } else {
            problems.push(problem(key_column.unwrap_or(0), CellIssue::TooLong));
            ""
        };
        // The first option of this text not matched yet (rows of the same
        // title match options of that title in order).
        let first_free =
            |all: &HashMap<String, Vec<usize>>, text: &str, fits: &dyn Fn(usize) -> bool| {
                all.get(&text.to_lowercase())
                    .filter(|_| !text.is_empty())
                    .and_then(|list| list.iter().copied().find(|&i| !matched[i] && fits(i)))
            };
        let existing = match matching {
            // By key; else by title, where the option has no other key.
            Matching::ByKeyOrTitle => first_free(&by_key, key, &|_| true).or_else(|| {
                first_free(&by_title, title, &|i| {
                    key.is_empty() || next.options[i].key.is_empty()
                })
            }),
            Matching::InOrder(ids) => ids
                .get(n)
                .and_then(|id| next.options.iter().position(|o| o.id == *id))
                .filter(|&i| !matched[i]),
        };
        let by_name = matches!(matching, Matching::ByKeyOrTitle);
        let mut option = match existing {
            Some(i) => {
                matched[i] = true;
                (*next.options[i]).clone()
            }
            None if by_name && title.is_empty() => {
                problems.push(problem(title_column.unwrap_or(0), CellIssue::NoTitle));
                continue;
            }
            None if next.options.len() >= MAX_OPTIONS => {
                problems.push(problem(title_column.unwrap_or(0), CellIssue::TooMany));
                continue;
            }
            None => {
                let id = next_id;
                next_id = OptionId::next_after([&id]);
                ScenarioOption::titled(id, title.to_owned())
            }
        };
        // A tracker's item renamed since: its key finds it, its title follows.
        if !title.is_empty() && option.title.trim().to_lowercase() != title.to_lowercase() {
            option.title = title.to_owned();
        }
        if !key.is_empty() {
            option.key = key.to_owned();
        }
        let mut found = Vec::new();
        fill(&mut option, &next, cells, mapping, &columns, &mut found);
        problems.extend(found.into_iter().map(|(c, issue)| problem(c, issue)));
        let change = match existing {
            None => {
                next.options.push(Rc::new(option.clone()));
                RowChange::New
            }
            Some(i) if *next.options[i] == option => RowChange::Unchanged,
            Some(i) => {
                next.options[i] = Rc::new(option.clone());
                RowChange::Changed
            }
        };
        rows.push(RowOutcome {
            line: *line,
            option: option.id,
            change,
        });
    }
    // A paste in order leaves the other rows where they are: none is missing.
    let missing = match matching {
        Matching::ByKeyOrTitle => scenario
            .options
            .iter()
            .zip(&matched)
            .filter(|(_, m)| !**m)
            .map(|(o, _)| o.id)
            .collect(),
        Matching::InOrder(_) => Vec::new(),
    };
    Outcome {
        scenario: next,
        rows,
        missing,
        problems,
    }
}

/// Each column's criterion in `next`, the new ones added to it first (named
/// as their columns; levels from the column's own words).
fn criteria_columns(
    next: &mut Scenario,
    sheet: &Sheet,
    mapping: &Mapping,
) -> Vec<Option<CriterionId>> {
    mapping
        .targets
        .iter()
        .enumerate()
        .map(|(c, target)| match *target {
            Target::Criterion(id) => next.criterion(id).map(|_| id),
            Target::NewCriterion(kind) => {
                let added = next.apply(ScenarioEdit::AddCriterion {
                    name: mapping.names[c].clone(),
                    kind,
                });
                let id = added
                    .ok()
                    .and_then(|_| next.criteria.last().map(|cr| cr.id))?;
                if kind == InputKind::Levels {
                    // The column's own words; a word left over is a cell not taken.
                    let words = sheet.rows.iter().skip(usize::from(mapping.header));
                    let (levels, _) = column_levels(words.map(|(_, r)| r[c].as_str()));
                    let _ = next.apply(ScenarioEdit::SetLevels(id, levels));
                }
                Some(id)
            }
            _ => None,
        })
        .collect()
}

/// Takes a row's `cells` into `option` as `mapping` says (`columns`: each
/// column's criterion in `scenario`); the cells not taken go to `found`.
fn fill(
    option: &mut ScenarioOption,
    scenario: &Scenario,
    cells: &[String],
    mapping: &Mapping,
    columns: &[Option<CriterionId>],
    found: &mut Vec<(usize, CellIssue)>,
) {
    for (c, target) in mapping.targets.iter().enumerate() {
        let cell = cells[c].as_str();
        match *target {
            Target::Description if !cell.is_empty() => {
                if text_ok(cell) {
                    option.description = unguarded(cell);
                } else {
                    found.push((c, CellIssue::TooLong));
                }
            }
            Target::Criterion(_) | Target::NewCriterion(_) | Target::Fit(_) => {
                // On levels, a level's label (case aside) stands for its value.
                let levels = columns[c].and_then(|id| levels_of(scenario, id));
                let label = levels.and_then(|levels| {
                    let word = cell.trim().to_lowercase();
                    levels
                        .iter()
                        .find(|l| l.label.trim().to_lowercase() == word)
                });
                let value = match (label, cell_number(cell, mapping.numbers)) {
                    (Some(level), _) => level.value,
                    (None, Ok(Some(v))) => v,
                    (None, Ok(None)) => continue,
                    (None, Err(e)) => {
                        let issue = match levels {
                            Some(_) => CellIssue::NotAllowed,
                            None => CellIssue::Number(e),
                        };
                        found.push((c, issue));
                        continue;
                    }
                };
                let taken = match (*target, columns[c]) {
                    (Target::Fit(segment), _) => {
                        let ok = (0.0..=crate::domain::model::segment::FIT_MAX).contains(&value);
                        if ok {
                            option.fit.set(segment, Some(value));
                        }
                        ok
                    }
                    (_, Some(id)) => {
                        let ok = scenario.value_ok(id, value).is_ok();
                        if ok && option.values.get(&id) != Some(&value) {
                            option.values.insert(id, value);
                            option.ranges.remove(&id);
                        }
                        ok
                    }
                    _ => true,
                };
                if !taken {
                    found.push((c, CellIssue::NotAllowed));
                }
            }
            _ => {}
        }
    }
}

impl Outcome {
    /// How many rows do `change`.
    pub fn count(&self, change: RowChange) -> usize {
        self.rows.iter().filter(|r| r.change == change).count()
    }

    /// The edit that takes the outcome into its scenario, in one step.
    pub fn edit(&self) -> ScenarioEdit {
        ScenarioEdit::BringIn {
            criteria: self.scenario.criteria.clone(),
            options: self.scenario.options.clone(),
        }
    }
}

/// How an option's place moved: from its rank before (`None`: new) to its
/// rank after.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Move {
    /// The option.
    pub option: OptionId,
    /// Its rank before.
    pub from: Option<u32>,
    /// Its rank after.
    pub to: u32,
}

/// The options whose rank changed (or that are new) from `before` to
/// `after`, in the order of the ranking after.
pub fn moves(before: &Scenario, after: &Scenario) -> Vec<Move> {
    let old = rank(before);
    let was: HashMap<OptionId, u32> = old.rows.iter().map(|r| (r.id, r.rank)).collect();
    rank(after)
        .rows
        .iter()
        .map(|r| Move {
            option: r.id,
            from: was.get(&r.id).copied(),
            to: r.rank,
        })
        .filter(|m| m.from != Some(m.to))
        .collect()
}
