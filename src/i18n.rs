//! The message catalog: every text the UI shows, in English and German.
//! A `Texts` value has one field per message, so a language that misses a
//! message does not compile.

use crate::domain::demo::DemoTexts;
use crate::domain::import::{megabytes, ImportError};
use crate::domain::link::LinkError;
use crate::domain::problem::{quoted, Found, Issue, Problem};
use crate::domain::save::SaveError;
use crate::domain::scenario::DefaultCriterionNames;
use crate::domain::segment::Segment;
use crate::domain::stored::EntryError;
use crate::domain::table::TableTexts;
use crate::domain::value::{format_number, ValueError};

/// A language of the UI.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// German.
    De,
}

impl Lang {
    /// Every language, in switcher order.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::De];

    /// The BCP 47 code (`en`, `de`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::De => "de",
        }
    }

    /// The language for a BCP 47 tag such as `de-AT`; English for anything unknown.
    pub fn from_tag(tag: &str) -> Lang {
        if tag.get(..2).is_some_and(|p| p.eq_ignore_ascii_case("de")) {
            Lang::De
        } else {
            Lang::En
        }
    }

    /// The catalog for this language.
    pub fn texts(self) -> &'static Texts {
        match self {
            Lang::En => &EN,
            Lang::De => &DE,
        }
    }

    /// A number with at most `decimals` decimals and this language's decimal mark.
    pub fn number(self, value: f64, decimals: usize) -> String {
        format_number(value, decimals, self == Lang::De)
    }

    /// A score, always with one decimal (`72.5`, `72,5`).
    pub fn score(self, value: f64) -> String {
        let text = format!("{value:.1}");
        match self {
            Lang::En => text,
            Lang::De => text.replace('.', ","),
        }
    }

    /// Titles of the per-segment rank columns ("Rank SMB", …).
    pub fn segment_rank_titles(self) -> [String; 3] {
        let t = self.texts();
        [t.smb, t.enterprise, t.public_sector]
            .map(|segment| t.rank_in.replace("{segment}", segment))
    }

    /// Column titles for the CSV and Markdown tables; `segment_ranks` from
    /// [`Lang::segment_rank_titles`].
    pub fn table_texts(self, segment_ranks: &[String; 3]) -> TableTexts<'_> {
        let t = self.texts();
        TableTexts {
            rank: t.rank,
            option: t.option_title,
            score: t.score,
            points: t.points,
            below_line: t.below_line_short,
            incomplete: t.incomplete,
            yes: t.yes,
            segment_ranks: [&segment_ranks[0], &segment_ranks[1], &segment_ranks[2]],
            decimal_comma: self == Lang::De,
        }
    }

    /// A problem in a file or link: its place and what is wrong, in this language.
    pub fn problem(self, problem: &Problem) -> String {
        format!("{}: {}", problem.path, self.issue(&problem.issue))
    }

    /// The first of `problems` (the one a one-line message names), in this language.
    pub fn first_problem(self, problems: &[Problem]) -> String {
        problems
            .first()
            .map(|p| self.problem(p))
            .unwrap_or_default()
    }

    /// What is wrong at a place in a file or link, in this language.
    pub fn issue(self, issue: &Issue) -> String {
        match self {
            Lang::En => issue.to_string(),
            Lang::De => german_issue(issue),
        }
    }

    /// Why a share link did not open, in plain words (the part after "could not be opened:").
    pub fn link_error(self, error: &LinkError) -> String {
        let t = self.texts();
        match error {
            LinkError::NotALink => t.link_not_kerze.to_owned(),
            LinkError::Truncated => t.link_truncated.to_owned(),
            LinkError::FutureVersion(v) => t.link_future.replace("{version}", &v.to_string()),
            LinkError::UnknownVersion => t.link_unknown_version.to_owned(),
            LinkError::BadCharacters => t.link_bad_characters.to_owned(),
            LinkError::Damaged => t.link_damaged.to_owned(),
            LinkError::TooLarge => t.link_too_large.to_owned(),
            LinkError::NotAScenario(reason) => t.link_not_scenario.replace("{reason}", reason),
            LinkError::Invalid(problems) => t
                .link_invalid
                .replace("{reason}", &self.first_problem(problems)),
        }
    }

    /// Why a file was not imported, in plain words; the problems of
    /// [`ImportError::Problems`] are listed by the caller.
    pub fn import_error(self, error: &ImportError) -> String {
        let t = self.texts();
        match error {
            ImportError::TooLarge(bytes) => t
                .import_too_large
                .replace("{mb}", &self.number(megabytes(*bytes), 1)),
            ImportError::Unreadable => t.import_unreadable.to_owned(),
            ImportError::Empty => t.import_empty.to_owned(),
            ImportError::NotJson {
                line,
                column,
                reason,
            } => t
                .import_not_json
                .replace("{line}", &line.to_string())
                .replace("{column}", &column.to_string())
                .replace("{reason}", reason),
            ImportError::TooDeep => t.import_too_deep.to_owned(),
            ImportError::NotKerze(reason) => t.import_not_kerze.replace("{reason}", reason),
            ImportError::FutureVersion(v) => t.import_future.replace("{version}", &v.to_string()),
            ImportError::Problems(problems) if problems.len() == 1 => {
                t.import_one_problem.to_owned()
            }
            ImportError::Problems(problems) => t
                .import_problems
                .replace("{n}", &problems.len().to_string()),
        }
    }

    /// Why the last save did not land, for the footer.
    pub fn save_error(self, error: &SaveError) -> &'static str {
        let t = self.texts();
        match error {
            SaveError::Full => t.not_saved_full,
            SaveError::Unavailable => t.not_saved_unavailable,
            SaveError::Conflict(..) => t.not_saved_conflict,
            SaveError::NotKept => t.not_saved_not_kept,
            SaveError::NewerVersion => t.not_saved_newer,
        }
    }

    /// A segment's name, full or short (for tight columns).
    pub fn segment_name(self, segment: Segment, short: bool) -> &'static str {
        let t = self.texts();
        match (segment, short) {
            (Segment::Smb, false) => t.smb,
            (Segment::Enterprise, false) => t.enterprise,
            (Segment::PublicSector, false) => t.public_sector,
            (Segment::Smb, true) => t.smb_short,
            (Segment::Enterprise, true) => t.enterprise_short,
            (Segment::PublicSector, true) => t.public_sector_short,
        }
    }

    /// A size in storage, in KB.
    pub fn kilobytes(self, bytes: usize) -> String {
        format!("{} KB", self.number(bytes as f64 / 1024.0, 0))
    }

    /// Why a stored entry could not be read, in plain words.
    pub fn entry_error(self, error: &EntryError) -> String {
        let t = self.texts();
        match error {
            EntryError::Damaged(_) => t.entry_damaged.to_owned(),
            EntryError::FutureVersion(v) => t.entry_future.replace("{version}", &v.to_string()),
            EntryError::Invalid(problems) => t
                .entry_invalid
                .replace("{problem}", &self.first_problem(problems)),
        }
    }

    /// The plain-words message for a refused number.
    pub fn value_error(self, error: &ValueError) -> String {
        let t = self.texts();
        match error {
            ValueError::NotANumber { text } => t.not_a_number.replace("{text}", text),
            ValueError::Required => t.value_required.to_owned(),
            ValueError::Negative => t.value_negative.to_owned(),
            ValueError::TooCloseToZero => t.value_too_close_to_zero.to_owned(),
            ValueError::OutOfRange { min, max } => t
                .value_out_of_range
                .replace("{min}", &self.number(*min, 2))
                .replace("{max}", &self.number(*max, 2)),
        }
    }
}

fn german_found(found: &Found) -> String {
    match found {
        Found::Null => "null".to_owned(),
        Found::Bool(b) => b.to_string(),
        Found::Number(n) => n.clone(),
        Found::Text(t) => format!("„{t}“"),
        Found::List => "eine Liste".to_owned(),
        Found::Object => "ein Objekt".to_owned(),
    }
}

fn german_issue(issue: &Issue) -> String {
    let expected =
        |what: &str, found: &Found| format!("erwartet {what}, gefunden: {}", german_found(found));
    match issue {
        Issue::Missing => "fehlt".to_owned(),
        Issue::UnknownField => "ist kein Feld, das Kerze kennt".to_owned(),
        Issue::ExpectedObject(found) => expected("ein Objekt", found),
        Issue::ExpectedList(found) => expected("eine Liste", found),
        Issue::ExpectedText(found) => expected("Text", found),
        Issue::ExpectedNumber(found) => expected("eine Zahl", found),
        Issue::ExpectedOneOf(words, found) => expected(&quoted(words, "oder"), found),
        Issue::ExpectedId { example, found } => {
            expected(&format!("eine Kennung wie \"{example}\""), found)
        }
        Issue::NotACriterionId(key) => format!("„{key}“ ist keine Kriteriums-Kennung wie \"c1\""),
        Issue::Value(error) => Lang::De.value_error(error),
        Issue::TooLong => "ist zu lang".to_owned(),
        Issue::TooManyCriteria => "hat mehr Kriterien, als Kerze verarbeitet (64)".to_owned(),
        Issue::TooManyOptions => "hat mehr Optionen, als Kerze verarbeitet (10.000)".to_owned(),
        Issue::CriterionIdTaken => "wird schon von einem anderen Kriterium benutzt".to_owned(),
        Issue::OptionIdTaken => "wird schon von einer anderen Option benutzt".to_owned(),
        Issue::ScaleEndRange => "muss eine Zahl zwischen -1000 und 1000 sein".to_owned(),
        Issue::MaxNotAboveMin => "muss größer als input.min sein".to_owned(),
        Issue::BoundRange => "muss eine Zahl zwischen 0 und 10^12 sein".to_owned(),
        Issue::HiNotAboveLo => "muss größer als input.lo sein".to_owned(),
        Issue::UnknownCriterion => "verweist auf ein Kriterium, das es nicht gibt".to_owned(),
        Issue::ValueOnSegmentFit => {
            "ist ein Segment-Fit-Kriterium: Bewerten Sie es unter fit".to_owned()
        }
        Issue::AmountRange => "muss eine Menge zwischen 0 und 10^12 sein".to_owned(),
        Issue::NumberRange => "muss eine Zahl von höchstens 10^12 sein".to_owned(),
        Issue::FitRange => "muss eine Bewertung von 0 bis 5 sein".to_owned(),
        Issue::BadId => "ist keine gültige Kennung".to_owned(),
        Issue::UnknownInputKind => "ist keine Eingabeart, die Kerze kennt".to_owned(),
        Issue::TooManyValues => "hat mehr Werte, als es Kriterien gibt".to_owned(),
        Issue::TooManyFits => "hat mehr als drei Segment-Bewertungen".to_owned(),
        Issue::Other(words) => words.clone(),
    }
}

/// Every message of the UI in one language. `{name}`-style holes are filled by the caller.
#[allow(missing_docs)]
pub struct Texts {
    pub language_name: &'static str,
    pub tagline: &'static str,
    pub language: &'static str,
    pub scenarios: &'static str,
    pub open_scenario: &'static str,
    pub new_scenario: &'static str,
    pub untitled_scenario: &'static str,
    pub duplicate: &'static str,
    pub copy_suffix: &'static str,
    pub delete_scenario: &'static str,
    pub deleted_notice: &'static str,
    pub undo: &'static str,
    pub undo_hint: &'static str,
    pub redo: &'static str,
    pub redo_hint: &'static str,
    pub fit_scale: &'static str,
    pub dismiss: &'static str,
    pub recently_deleted: &'static str,
    pub restore: &'static str,
    pub export_json: &'static str,
    pub export_csv: &'static str,
    pub copy_markdown: &'static str,
    pub copied_markdown: &'static str,
    pub copy_failed: &'static str,
    pub points: &'static str,
    pub yes: &'static str,
    pub rank_in: &'static str,
    pub scenario: &'static str,
    pub scenario_name: &'static str,
    pub need: &'static str,
    pub need_placeholder: &'static str,
    pub root_cause: &'static str,
    pub root_cause_placeholder: &'static str,
    pub segment_mix: &'static str,
    pub segment_mix_hint: &'static str,
    pub smb: &'static str,
    pub enterprise: &'static str,
    pub public_sector: &'static str,
    pub smb_short: &'static str,
    pub enterprise_short: &'static str,
    pub public_sector_short: &'static str,
    pub threshold: &'static str,
    pub threshold_hint: &'static str,
    pub criteria: &'static str,
    pub criterion_name: &'static str,
    pub weight: &'static str,
    pub direction: &'static str,
    pub higher_is_better: &'static str,
    pub lower_is_better: &'static str,
    pub input_kind: &'static str,
    pub kind_rating: &'static str,
    pub kind_amount: &'static str,
    pub kind_segment_fit: &'static str,
    pub unit: &'static str,
    pub lower_bound: &'static str,
    pub upper_bound: &'static str,
    pub auto_bound: &'static str,
    pub scale_min: &'static str,
    pub scale_max: &'static str,
    pub scale_invalid: &'static str,
    pub bounds_invalid: &'static str,
    pub fit_is_derived: &'static str,
    pub add_criterion: &'static str,
    pub new_criterion: &'static str,
    pub remove_criterion: &'static str,
    pub options: &'static str,
    pub option_title: &'static str,
    pub description: &'static str,
    pub add_option: &'static str,
    pub new_option: &'static str,
    pub remove_option: &'static str,
    pub fit_for: &'static str,
    pub value_of: &'static str,
    pub no_options_yet: &'static str,
    pub ranking: &'static str,
    pub rank: &'static str,
    pub score: &'static str,
    pub incomplete: &'static str,
    pub incomplete_hint: &'static str,
    pub below_line: &'static str,
    pub below_line_short: &'static str,
    pub nothing_worth_it: &'static str,
    pub rank_by_segment: &'static str,
    pub legend: &'static str,
    pub untitled_option: &'static str,
    pub note_no_options: &'static str,
    pub note_no_criteria: &'static str,
    pub note_all_weights_zero: &'static str,
    pub note_mix_all_zero: &'static str,
    pub note_same_amount: &'static str,
    pub why_this_score: &'static str,
    pub show_breakdown: &'static str,
    pub close: &'static str,
    pub criterion: &'static str,
    pub value: &'static str,
    pub utility: &'static str,
    pub contribution: &'static str,
    pub missing: &'static str,
    pub total: &'static str,
    pub not_a_number: &'static str,
    pub value_required: &'static str,
    pub value_negative: &'static str,
    pub value_too_close_to_zero: &'static str,
    pub value_out_of_range: &'static str,
    pub saved: &'static str,
    pub saving: &'static str,
    pub not_saved_full: &'static str,
    pub not_saved_unavailable: &'static str,
    pub not_saved_conflict: &'static str,
    pub not_saved_not_kept: &'static str,
    pub not_saved_newer: &'static str,
    pub newer_data: &'static str,
    pub empty_trash: &'static str,
    pub full_remedy_none: &'static str,
    pub lost_write: &'static str,
    pub conflict: &'static str,
    pub take_theirs: &'static str,
    pub keep_mine: &'static str,
    pub unreadable_scenarios: &'static str,
    pub entry_damaged: &'static str,
    pub entry_future: &'static str,
    pub entry_invalid: &'static str,
    pub download_raw: &'static str,
    pub storage_usage: &'static str,
    pub footer: &'static str,
    pub crashed: &'static str,
    pub update_ready: &'static str,
    pub offline_file: &'static str,
    pub reload: &'static str,
    pub share: &'static str,
    pub share_title: &'static str,
    pub share_explain: &'static str,
    pub share_link: &'static str,
    pub link_length: &'static str,
    pub copy_link: &'static str,
    pub link_copied: &'static str,
    pub link_copy_failed: &'static str,
    pub long_link_warning: &'static str,
    pub link_from_file: &'static str,
    pub download_json_instead: &'static str,
    pub shared_label: &'static str,
    pub shared_hint: &'static str,
    pub save_copy: &'static str,
    pub back_to_mine: &'static str,
    pub saved_copy: &'static str,
    pub import: &'static str,
    pub import_hint: &'static str,
    pub import_file: &'static str,
    pub drop_to_import: &'static str,
    pub imported: &'static str,
    pub import_failed: &'static str,
    pub nothing_changed: &'static str,
    pub more_problems: &'static str,
    pub rows_shown: &'static str,
    pub delete_for_good: &'static str,
    pub show_inputs: &'static str,
    pub opening_link: &'static str,
    pub reading_file: &'static str,
    pub show_more_rows: &'static str,
    pub import_too_large: &'static str,
    pub import_empty: &'static str,
    pub import_not_json: &'static str,
    pub import_too_deep: &'static str,
    pub import_not_kerze: &'static str,
    pub import_future: &'static str,
    pub import_problems: &'static str,
    pub import_one_problem: &'static str,
    pub import_unreadable: &'static str,
    pub link_failed: &'static str,
    pub link_unchanged: &'static str,
    pub link_not_kerze: &'static str,
    pub link_truncated: &'static str,
    pub link_future: &'static str,
    pub link_unknown_version: &'static str,
    pub link_bad_characters: &'static str,
    pub link_damaged: &'static str,
    pub link_too_large: &'static str,
    pub link_not_scenario: &'static str,
    pub link_invalid: &'static str,
    pub demo: DemoTexts<'static>,
}

const EN_CRITERIA: DefaultCriterionNames<'static> = DefaultCriterionNames {
    cost: "Cost",
    cost_unit: "person-days",
    time_to_market: "Time to market",
    time_unit: "weeks",
    metric_impact: "Metric impact",
    segment_fit: "Segment fit",
};

const DE_CRITERIA: DefaultCriterionNames<'static> = DefaultCriterionNames {
    cost: "Kosten",
    cost_unit: "Personentage",
    time_to_market: "Time-to-Market",
    time_unit: "Wochen",
    metric_impact: "Wirkung auf Kennzahlen",
    segment_fit: "Segment-Fit",
};

/// English.
pub static EN: Texts = Texts {
    language_name: "English",
    tagline: "Is it worth the candle?",
    language: "Language",
    scenarios: "Scenarios",
    open_scenario: "Open scenario",
    new_scenario: "New scenario",
    untitled_scenario: "Untitled scenario",
    duplicate: "Duplicate",
    copy_suffix: "copy",
    delete_scenario: "Delete scenario",
    deleted_notice: "Scenario “{name}” deleted.",
    undo: "Undo",
    undo_hint: "Undo (Ctrl+Z)",
    redo: "Redo",
    redo_hint: "Redo (Ctrl+Shift+Z or Ctrl+Y)",
    fit_scale: "fit 0–5",
    dismiss: "Dismiss",
    recently_deleted: "Recently deleted",
    restore: "Restore",
    export_json: "Export JSON",
    export_csv: "Export CSV",
    copy_markdown: "Copy as Markdown",
    copied_markdown: "The ranking is on the clipboard as a Markdown table.",
    copy_failed: "This browser did not allow copying. Use Export CSV instead.",
    points: "points",
    yes: "yes",
    rank_in: "Rank {segment}",
    scenario: "Scenario",
    scenario_name: "Scenario name",
    need: "Customer need",
    need_placeholder: "What problem does the customer have?",
    root_cause: "Root cause",
    root_cause_placeholder: "Why does it happen?",
    segment_mix: "Segment mix",
    segment_mix_hint: "How much each customer segment matters (any scale, e.g. % of revenue).",
    smb: "SMB",
    enterprise: "Enterprise",
    public_sector: "Public sector",
    smb_short: "SMB",
    enterprise_short: "Ent.",
    public_sector_short: "Pub.",
    threshold: "Worth-it threshold",
    threshold_hint: "Options scoring below it are not worth doing (0 = off).",
    criteria: "Criteria",
    criterion_name: "Criterion name",
    weight: "Weight",
    direction: "Direction",
    higher_is_better: "Higher is better",
    lower_is_better: "Lower is better",
    input_kind: "Input",
    kind_rating: "Rating",
    kind_amount: "Amount",
    kind_segment_fit: "Segment fit",
    unit: "Unit",
    lower_bound: "Lower bound",
    upper_bound: "Upper bound",
    auto_bound: "auto",
    scale_min: "Scale from",
    scale_max: "Scale to",
    scale_invalid: "The scale's end must be above its start.",
    bounds_invalid: "The upper bound must be above the lower bound.",
    fit_is_derived: "From each option's fit per segment and the segment mix.",
    add_criterion: "Add criterion",
    new_criterion: "New criterion",
    remove_criterion: "Remove criterion",
    options: "Options",
    option_title: "Option",
    description: "Description",
    add_option: "Add option",
    new_option: "Option {n}",
    remove_option: "Remove option",
    fit_for: "Fit {segment} (0–5)",
    value_of: "{criterion} of {option}",
    no_options_yet: "No options yet. Add the possible solutions to this need.",
    ranking: "Ranking",
    rank: "Rank",
    score: "Score",
    incomplete: "incomplete",
    incomplete_hint: "Some values are missing; they count as 0.",
    below_line: "Below the line: not worth it",
    below_line_short: "below the line",
    nothing_worth_it: "No option reaches the threshold: doing none of them is a valid choice.",
    rank_by_segment: "Rank by segment",
    legend: "Contribution per criterion",
    untitled_option: "Untitled option",
    note_no_options: "Add an option to see the ranking.",
    note_no_criteria: "Add a criterion to score the options.",
    note_all_weights_zero: "Every weight is 0, so every score is 0. Give at least one criterion a weight.",
    note_mix_all_zero: "The segment mix is all 0, so “{name}” counts with weight 0.",
    note_same_amount: "Every option has the same value for “{name}”, so it gives everyone full marks.",
    why_this_score: "Why this score",
    show_breakdown: "Show the breakdown of {option}",
    close: "Close",
    criterion: "Criterion",
    value: "Value",
    utility: "Utility",
    contribution: "Points",
    missing: "missing",
    total: "Score",
    not_a_number: "“{text}” is not a number.",
    value_required: "Enter a number.",
    value_negative: "Must be 0 or more.",
    value_too_close_to_zero: "Too close to zero to compute with: write 0 instead.",
    value_out_of_range: "Must be between {min} and {max}.",
    saved: "All changes saved in this browser",
    not_saved_conflict: "Not saved yet: another tab changed this scenario. Choose which version to keep.",
    not_saved_not_kept: "Not saved: this browser did not keep what Kerze wrote. Export your scenario to keep it.",
    not_saved_newer: "Not saved: a newer version of Kerze saved the list of scenarios in this browser. Reload to use it; your edits here are kept until you do.",
    newer_data: "A newer version of Kerze saved data in this browser. This version reads what it can and never changes what the newer one wrote. Reload to get the newer version.",
    empty_trash: "Empty “Recently deleted” (frees {size})",
    full_remedy_none: "To make room, export scenarios you no longer need, delete them, then empty “Recently deleted”.",
    lost_write: "“{name}” was saved by two tabs at the same moment, and one version replaced the other. Which version do you want? The other one stays one Undo away.",
    conflict: "“{name}” was changed in another tab while you were editing it here. Which version do you want? The other one stays one Undo away.",
    take_theirs: "Use the other tab's version",
    keep_mine: "Keep mine",
    saving: "Saving…",
    not_saved_full: "Not saved: this browser's storage is full.",
    not_saved_unavailable: "Not saved: this browser does not allow storage here. Export your scenario to keep it.",
    unreadable_scenarios: "{n} stored scenario(s) could not be read. They are kept as they were; download the data to keep it elsewhere.",
    entry_damaged: "the stored data is damaged",
    entry_future: "it was saved by a newer version of Kerze (format {version})",
    entry_invalid: "it holds invalid values ({problem})",
    download_raw: "Download its data",
    storage_usage: "Kerze uses {used} of this browser's storage (browsers allow about 5 MB).",
    footer: "Kerze runs entirely in your browser. Nothing you enter is sent anywhere.",
    update_ready: "A new version of Kerze is ready. Reload when it suits you; your work is saved.",
    offline_file: "Kerze for offline use (one HTML file)",
    crashed: "Something went wrong and Kerze stopped. Your saved data is safe in this browser.",
    reload: "Reload Kerze",
    share: "Share",
    share_title: "Share this scenario",
    share_explain: "Whoever opens this link sees this scenario exactly as it is now, read-only. The scenario travels inside the link, after the #: nothing is uploaded anywhere.",
    share_link: "Link to this scenario",
    link_length: "{n} characters",
    copy_link: "Copy link",
    link_copied: "The link is on the clipboard.",
    link_copy_failed: "This browser did not allow copying: select the link above and press Ctrl+C.",
    link_from_file: "Kerze is open from a file on this computer, so this link opens only here. To share, send the JSON file, or open Kerze from a web address and share from there.",
    long_link_warning: "This link is longer than 8,000 characters; some chat and mail tools cut such links. Send the JSON file instead: the recipient imports it.",
    download_json_instead: "Download the JSON file",
    shared_label: "Shared scenario · read-only",
    shared_hint: "Nothing here changes your own scenarios. Save a copy to edit it.",
    save_copy: "Save a copy",
    back_to_mine: "Back to my scenarios",
    saved_copy: "Saved as “{name}” in your scenarios.",
    import: "Import…",
    import_file: "Kerze JSON file to import",
    import_hint: "Import a Kerze JSON file as a new scenario (or drop it on the page)",
    drop_to_import: "Drop a Kerze JSON file to import it as a new scenario",
    imported: "Imported “{name}” as a new scenario.",
    import_failed: "“{file}” was not imported: {reason}",
    nothing_changed: "Nothing was changed.",
    more_problems: "… and {n} more",
    rows_shown: "Showing the first {shown} of {total} options.",
    delete_for_good: "Delete for good",
    show_inputs: "Show the inputs (criteria, weights and every value)",
    opening_link: "Opening the shared scenario…",
    reading_file: "Reading “{file}”…",
    show_more_rows: "Show {n} more",
    import_too_large: "the file is {mb} MB; Kerze reads scenario files of up to 5 MB.",
    import_empty: "the file is empty.",
    import_not_json: "the file is not JSON (line {line}, column {column}: {reason}).",
    import_too_deep: "the file is nested too deeply to be a scenario.",
    import_not_kerze: "the file is JSON but not a Kerze scenario or export ({reason}).",
    import_future: "the file was made by a newer version of Kerze (format version {version}). Reload Kerze to get the newest version.",
    import_problems: "the file has {n} problems:",
    import_one_problem: "the file has a problem:",
    import_unreadable: "the browser could not read the file.",
    link_failed: "This link could not be opened: {reason}",
    link_unchanged: "Your own scenarios are unchanged. Ask the sender for the link again, or for the JSON file.",
    link_not_kerze: "it is not a Kerze scenario link.",
    link_truncated: "it is incomplete; it was probably cut off when it was copied.",
    link_future: "it was made by a newer version of Kerze (link format {version}). Reload Kerze to get the newest version.",
    link_unknown_version: "it has a format version that Kerze does not know.",
    link_bad_characters: "it contains characters that do not belong to a Kerze link; it was probably changed when it was copied.",
    link_damaged: "it is damaged; its content does not unpack.",
    link_too_large: "it unpacks to more than 2 MB, far more than any scenario.",
    link_not_scenario: "its content is not a Kerze scenario ({reason}).",
    link_invalid: "the scenario in it has invalid values ({reason}).",
    demo: DemoTexts {
        criteria: EN_CRITERIA,
        name: "Enterprise onboarding",
        need: "Enterprise customers stall in onboarding: 40 % of new accounts have no active users after 30 days.",
        root_cause: "Single sign-on and role setup need our support engineers, and customers' IT approvals take weeks.",
        options: [
            ("Self-serve SSO wizard", "Guided SAML / OIDC setup that customers' IT can finish alone."),
            ("White-glove onboarding team", "Two onboarding managers who set up each new enterprise account."),
            ("SCIM user provisioning", "Users and roles sync from the customer's identity provider."),
            ("In-app onboarding checklist", "A checklist with progress for admins, shown on first login."),
            ("Partner-led implementation", "Certified partners run onboarding projects for large accounts."),
        ],
    },
};

/// German.
pub static DE: Texts = Texts {
    language_name: "Deutsch",
    tagline: "Ist das Spiel die Kerze wert?",
    language: "Sprache",
    scenarios: "Szenarien",
    open_scenario: "Szenario öffnen",
    new_scenario: "Neues Szenario",
    untitled_scenario: "Unbenanntes Szenario",
    duplicate: "Duplizieren",
    copy_suffix: "Kopie",
    delete_scenario: "Szenario löschen",
    deleted_notice: "Szenario „{name}“ gelöscht.",
    undo: "Rückgängig",
    undo_hint: "Rückgängig (Strg+Z)",
    redo: "Wiederholen",
    redo_hint: "Wiederholen (Strg+Umschalt+Z oder Strg+Y)",
    fit_scale: "Fit 0–5",
    dismiss: "Schließen",
    recently_deleted: "Zuletzt gelöscht",
    restore: "Wiederherstellen",
    export_json: "JSON exportieren",
    export_csv: "CSV exportieren",
    copy_markdown: "Als Markdown kopieren",
    copied_markdown: "Die Rangfolge ist als Markdown-Tabelle in der Zwischenablage.",
    copy_failed: "Dieser Browser hat das Kopieren nicht erlaubt. Nutzen Sie stattdessen „CSV exportieren“.",
    points: "Punkte",
    yes: "ja",
    rank_in: "Rang {segment}",
    scenario: "Szenario",
    scenario_name: "Name des Szenarios",
    need: "Kundenbedarf",
    need_placeholder: "Welches Problem hat die Kundschaft?",
    root_cause: "Ursache",
    root_cause_placeholder: "Warum tritt es auf?",
    segment_mix: "Segment-Mix",
    segment_mix_hint: "Wie viel jedes Kundensegment zählt (beliebige Skala, z. B. % des Umsatzes).",
    smb: "KMU",
    enterprise: "Großunternehmen",
    public_sector: "Öffentlicher Sektor",
    smb_short: "KMU",
    enterprise_short: "Groß",
    public_sector_short: "Öff.",
    threshold: "Lohnt-sich-Schwelle",
    threshold_hint: "Optionen darunter lohnen sich nicht (0 = aus).",
    criteria: "Kriterien",
    criterion_name: "Name des Kriteriums",
    weight: "Gewicht",
    direction: "Richtung",
    higher_is_better: "Höher ist besser",
    lower_is_better: "Niedriger ist besser",
    input_kind: "Eingabe",
    kind_rating: "Bewertung",
    kind_amount: "Menge",
    kind_segment_fit: "Segment-Fit",
    unit: "Einheit",
    lower_bound: "Untergrenze",
    upper_bound: "Obergrenze",
    auto_bound: "auto",
    scale_min: "Skala von",
    scale_max: "Skala bis",
    scale_invalid: "Das Ende der Skala muss über ihrem Anfang liegen.",
    bounds_invalid: "Die Obergrenze muss über der Untergrenze liegen.",
    fit_is_derived: "Aus dem Fit jeder Option pro Segment und dem Segment-Mix.",
    add_criterion: "Kriterium hinzufügen",
    new_criterion: "Neues Kriterium",
    remove_criterion: "Kriterium entfernen",
    options: "Optionen",
    option_title: "Option",
    description: "Beschreibung",
    add_option: "Option hinzufügen",
    new_option: "Option {n}",
    remove_option: "Option entfernen",
    fit_for: "Fit {segment} (0–5)",
    value_of: "{criterion} von {option}",
    no_options_yet: "Noch keine Optionen. Tragen Sie die möglichen Lösungen für diesen Bedarf ein.",
    ranking: "Rangfolge",
    rank: "Rang",
    score: "Punkte",
    incomplete: "unvollständig",
    incomplete_hint: "Es fehlen Werte; sie zählen als 0.",
    below_line: "Unter der Linie: lohnt sich nicht",
    below_line_short: "unter der Linie",
    nothing_worth_it: "Keine Option erreicht die Schwelle: keine davon umzusetzen ist eine gültige Wahl.",
    rank_by_segment: "Rang je Segment",
    legend: "Beitrag je Kriterium",
    untitled_option: "Unbenannte Option",
    note_no_options: "Fügen Sie eine Option hinzu, um die Rangfolge zu sehen.",
    note_no_criteria: "Fügen Sie ein Kriterium hinzu, um die Optionen zu bewerten.",
    note_all_weights_zero: "Alle Gewichte sind 0, daher sind alle Punktzahlen 0. Geben Sie mindestens einem Kriterium ein Gewicht.",
    note_mix_all_zero: "Der Segment-Mix ist überall 0, daher zählt „{name}“ mit Gewicht 0.",
    note_same_amount: "Alle Optionen haben denselben Wert bei „{name}“; es gibt allen volle Punkte.",
    why_this_score: "Warum diese Punktzahl",
    show_breakdown: "Aufschlüsselung von {option} zeigen",
    close: "Schließen",
    criterion: "Kriterium",
    value: "Wert",
    utility: "Nutzen",
    contribution: "Punkte",
    missing: "fehlt",
    total: "Punktzahl",
    not_a_number: "„{text}“ ist keine Zahl.",
    value_required: "Bitte eine Zahl eingeben.",
    value_negative: "Muss 0 oder größer sein.",
    value_too_close_to_zero: "Zu nah an null, um damit zu rechnen: bitte 0 eintragen.",
    value_out_of_range: "Muss zwischen {min} und {max} liegen.",
    saved: "Alle Änderungen in diesem Browser gespeichert",
    not_saved_conflict: "Noch nicht gespeichert: Ein anderer Tab hat dieses Szenario geändert. Wählen Sie, welche Version bleibt.",
    not_saved_not_kept: "Nicht gespeichert: Dieser Browser hat nicht behalten, was Kerze geschrieben hat. Exportieren Sie Ihr Szenario, um es zu behalten.",
    not_saved_newer: "Nicht gespeichert: Eine neuere Kerze-Version hat die Szenarioliste in diesem Browser gespeichert. Laden Sie neu, um sie zu nutzen; Ihre Änderungen hier bleiben bis dahin erhalten.",
    newer_data: "Eine neuere Kerze-Version hat Daten in diesem Browser gespeichert. Diese Version liest, was sie kann, und ändert nie, was die neuere geschrieben hat. Laden Sie neu, um die neuere Version zu erhalten.",
    empty_trash: "„Zuletzt gelöscht“ leeren (gibt {size} frei)",
    full_remedy_none: "Um Platz zu schaffen: Exportieren Sie Szenarien, die Sie nicht mehr brauchen, löschen Sie sie und leeren Sie dann „Zuletzt gelöscht“.",
    lost_write: "„{name}“ wurde von zwei Tabs im selben Moment gespeichert, und eine Version hat die andere ersetzt. Welche Version möchten Sie? Die andere bleibt mit Rückgängig erreichbar.",
    conflict: "„{name}“ wurde in einem anderen Tab geändert, während Sie es hier bearbeitet haben. Welche Version möchten Sie? Die andere bleibt mit Rückgängig erreichbar.",
    take_theirs: "Version des anderen Tabs übernehmen",
    keep_mine: "Meine behalten",
    saving: "Speichert…",
    not_saved_full: "Nicht gespeichert: Der Speicher dieses Browsers ist voll.",
    not_saved_unavailable: "Nicht gespeichert: Dieser Browser erlaubt hier keinen Speicher. Exportieren Sie Ihr Szenario, um es zu behalten.",
    unreadable_scenarios: "{n} gespeicherte(s) Szenario(s) konnte(n) nicht gelesen werden. Sie bleiben unverändert erhalten; laden Sie die Daten herunter, um sie anderswo aufzubewahren.",
    entry_damaged: "die gespeicherten Daten sind beschädigt",
    entry_future: "es wurde von einer neueren Kerze-Version gespeichert (Format {version})",
    entry_invalid: "es enthält ungültige Werte ({problem})",
    download_raw: "Daten herunterladen",
    storage_usage: "Kerze belegt {used} des Browser-Speichers (Browser erlauben etwa 5 MB).",
    footer: "Kerze läuft vollständig in Ihrem Browser. Nichts, was Sie eingeben, wird irgendwohin gesendet.",
    update_ready: "Eine neue Version von Kerze ist bereit. Laden Sie neu, wenn es passt; Ihre Arbeit ist gespeichert.",
    offline_file: "Kerze für die Offline-Nutzung (eine HTML-Datei)",
    crashed: "Etwas ist schiefgegangen, und Kerze wurde angehalten. Ihre gespeicherten Daten sind in diesem Browser sicher.",
    reload: "Kerze neu laden",
    share: "Teilen",
    share_title: "Dieses Szenario teilen",
    share_explain: "Wer diesen Link öffnet, sieht dieses Szenario genau so, wie es jetzt ist, schreibgeschützt. Das Szenario steckt im Link selbst, hinter dem #: Es wird nichts hochgeladen.",
    share_link: "Link zu diesem Szenario",
    link_length: "{n} Zeichen",
    copy_link: "Link kopieren",
    link_copied: "Der Link ist in der Zwischenablage.",
    link_copy_failed: "Dieser Browser hat das Kopieren nicht erlaubt: Markieren Sie den Link oben und drücken Sie Strg+C.",
    link_from_file: "Kerze ist aus einer Datei auf diesem Computer geöffnet, daher öffnet dieser Link nur hier. Zum Teilen senden Sie die JSON-Datei oder öffnen Kerze über eine Web-Adresse und teilen von dort.",
    long_link_warning: "Dieser Link ist länger als 8.000 Zeichen; manche Chat- und Mail-Programme kürzen solche Links. Senden Sie stattdessen die JSON-Datei: Die Empfänger importieren sie.",
    download_json_instead: "JSON-Datei herunterladen",
    shared_label: "Geteiltes Szenario · schreibgeschützt",
    shared_hint: "Hier ändert sich nichts an Ihren eigenen Szenarien. Speichern Sie eine Kopie, um es zu bearbeiten.",
    save_copy: "Kopie speichern",
    back_to_mine: "Zurück zu meinen Szenarien",
    saved_copy: "Als „{name}“ in Ihren Szenarien gespeichert.",
    import: "Importieren …",
    import_file: "Kerze-JSON-Datei zum Importieren",
    import_hint: "Eine Kerze-JSON-Datei als neues Szenario importieren (oder auf die Seite ziehen)",
    drop_to_import: "Kerze-JSON-Datei hier ablegen, um sie als neues Szenario zu importieren",
    imported: "„{name}“ wurde als neues Szenario importiert.",
    import_failed: "„{file}“ wurde nicht importiert: {reason}",
    nothing_changed: "Es wurde nichts verändert.",
    more_problems: "… und {n} weitere",
    rows_shown: "Die ersten {shown} von {total} Optionen werden gezeigt.",
    delete_for_good: "Endgültig löschen",
    show_inputs: "Eingaben zeigen (Kriterien, Gewichte und alle Werte)",
    opening_link: "Das geteilte Szenario wird geöffnet …",
    reading_file: "„{file}“ wird gelesen …",
    show_more_rows: "{n} weitere zeigen",
    import_too_large: "die Datei ist {mb} MB groß; Kerze liest Szenario-Dateien bis 5 MB.",
    import_empty: "die Datei ist leer.",
    import_not_json: "die Datei ist kein JSON (Zeile {line}, Spalte {column}: {reason}).",
    import_too_deep: "die Datei ist zu tief verschachtelt für ein Szenario.",
    import_not_kerze: "die Datei ist JSON, aber kein Kerze-Szenario und kein Kerze-Export ({reason}).",
    import_future: "die Datei stammt aus einer neueren Kerze-Version (Formatversion {version}). Laden Sie Kerze neu, um die neueste Version zu erhalten.",
    import_problems: "die Datei hat {n} Probleme:",
    import_one_problem: "die Datei hat ein Problem:",
    import_unreadable: "der Browser konnte die Datei nicht lesen.",
    link_failed: "Dieser Link konnte nicht geöffnet werden: {reason}",
    link_unchanged: "Ihre eigenen Szenarien sind unverändert. Bitten Sie um den Link noch einmal oder um die JSON-Datei.",
    link_not_kerze: "es ist kein Kerze-Szenario-Link.",
    link_truncated: "er ist unvollständig; vermutlich wurde er beim Kopieren abgeschnitten.",
    link_future: "er stammt aus einer neueren Kerze-Version (Link-Format {version}). Laden Sie Kerze neu, um die neueste Version zu erhalten.",
    link_unknown_version: "er hat eine Formatversion, die Kerze nicht kennt.",
    link_bad_characters: "er enthält Zeichen, die nicht in einen Kerze-Link gehören; vermutlich wurde er beim Kopieren verändert.",
    link_damaged: "er ist beschädigt; sein Inhalt lässt sich nicht entpacken.",
    link_too_large: "er entpackt zu mehr als 2 MB, weit mehr als jedes Szenario.",
    link_not_scenario: "sein Inhalt ist kein Kerze-Szenario ({reason}).",
    link_invalid: "das Szenario darin hat ungültige Werte ({reason}).",
    demo: DemoTexts {
        criteria: DE_CRITERIA,
        name: "Onboarding für Großkunden",
        need: "Großkunden bleiben im Onboarding stecken: 40 % der neuen Konten haben nach 30 Tagen keine aktiven Nutzer.",
        root_cause: "Single Sign-on und Rollen brauchen unsere Support-Engineers, und die IT-Freigaben der Kunden dauern Wochen.",
        options: [
            ("SSO-Assistent zur Selbsteinrichtung", "Geführte SAML-/OIDC-Einrichtung, die die Kunden-IT allein abschließt."),
            ("Persönliches Onboarding-Team", "Zwei Onboarding-Manager richten jedes neue Großkundenkonto ein."),
            ("SCIM-Benutzerbereitstellung", "Nutzer und Rollen werden aus dem Identity Provider des Kunden synchronisiert."),
            ("Onboarding-Checkliste in der App", "Eine Checkliste mit Fortschritt für Admins beim ersten Login."),
            ("Einführung durch Partner", "Zertifizierte Partner führen Onboarding-Projekte für große Konten durch."),
        ],
    },
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_browser_language_picks_the_catalog() {
        assert_eq!(Lang::from_tag("de-AT"), Lang::De);
        assert_eq!(Lang::from_tag("DE"), Lang::De);
        assert_eq!(Lang::from_tag("en-GB"), Lang::En);
        assert_eq!(Lang::from_tag("fr"), Lang::En);
        assert_eq!(Lang::from_tag(""), Lang::En);
    }

    #[test]
    fn numbers_use_the_languages_decimal_mark() {
        assert_eq!(Lang::En.score(72.45), "72.5");
        assert_eq!(Lang::De.score(72.45), "72,5");
        assert_eq!(Lang::De.number(2.50, 2), "2,5");
        assert_eq!(Lang::En.number(40.0, 2), "40");
        assert_eq!(Lang::En.number(-0.0001, 2), "0");
    }

    #[test]
    fn value_errors_read_as_sentences() {
        let error = ValueError::OutOfRange { min: 1.0, max: 5.0 };
        assert_eq!(Lang::En.value_error(&error), "Must be between 1 and 5.");
        assert_eq!(
            Lang::De.value_error(&ValueError::NotANumber { text: "abc".into() }),
            "„abc“ ist keine Zahl."
        );
    }

    #[test]
    fn both_demos_are_valid_and_name_every_option() {
        use crate::domain::demo::demo_scenario;
        use crate::domain::ids::ScenarioId;
        for lang in Lang::ALL {
            let demo = demo_scenario(ScenarioId::from_parts(1, 2), &lang.texts().demo);
            assert_eq!(demo.options.len(), 5);
            assert!(demo.problems().is_empty());
            assert!(demo
                .options
                .iter()
                .all(|o| o.values.len() == 3 && o.fit.smb.is_some()));
        }
    }

    #[test]
    fn problems_in_a_file_read_in_either_language() {
        use crate::domain::problem::{Found, Issue, Problem};
        let problem = Problem::new(
            "options[0].values.c1 (Cost)",
            Issue::ExpectedNumber(Found::Text("abc".into())),
        );
        assert_eq!(
            Lang::En.problem(&problem),
            "options[0].values.c1 (Cost): expected a number, found \"abc\""
        );
        assert_eq!(
            Lang::De.problem(&problem),
            "options[0].values.c1 (Cost): erwartet eine Zahl, gefunden: „abc“"
        );
        let link = LinkError::Invalid(vec![problem.clone()]);
        assert!(
            Lang::De.link_error(&link).contains("erwartet eine Zahl"),
            "{}",
            Lang::De.link_error(&link)
        );
        let kinds = Issue::ExpectedOneOf(&["rating", "amount"], Found::List);
        assert_eq!(
            Lang::De.issue(&kinds),
            "erwartet \"rating\" oder \"amount\", gefunden: eine Liste"
        );
    }
}
