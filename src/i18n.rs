//! The message catalog: every text the UI shows, in English and German.
//! A `Texts` value has one field per message, so a language that misses a
//! message does not compile.

mod bar;
mod budget;
mod criteria;
mod errors;
mod group;
mod intake;
mod notices;
mod options;
mod presets;
mod ranking;
mod robust;
mod room;
mod scenario;
mod share;
mod tradeoffs;

pub use self::{
    bar::BarTexts, budget::BudgetTexts, criteria::CriteriaTexts, errors::ErrorTexts,
    group::GroupTexts, notices::NoticeTexts, options::OptionsTexts, ranking::RankingTexts,
    robust::RobustTexts, room::RoomTexts, scenario::ScenarioTexts, share::ShareTexts,
    tradeoffs::TradeoffTexts,
};
use crate::domain::formats::import::{megabytes, ImportError};
use crate::domain::formats::link::LinkError;
use crate::domain::formats::sheet_import::CellIssue;
use crate::domain::formats::stored::EntryError;
use crate::domain::formats::table::TableTexts;
use crate::domain::group::ballot::BallotError;
use crate::domain::model::demo::DemoTexts;
use crate::domain::model::problem::{quoted, Found, Issue, Problem};
use crate::domain::model::scenario::{DefaultCriterionNames, Scenario, ScenarioOption};
use crate::domain::model::segment::Segment;
use crate::domain::model::value::{format_fixed, format_grouped, NumberStyle, ValueError};
use crate::domain::saving::merge::{Clash, OptionPart};
use crate::domain::saving::save::SaveError;
use crate::domain::scoring::{Comparison, Ranking, RankingNote};

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

    /// How this language writes numbers (decimal and thousands marks).
    pub fn number_style(self) -> NumberStyle {
        match self {
            Lang::En => NumberStyle::ENGLISH,
            Lang::De => NumberStyle::GERMAN,
        }
    }

    /// A number with at most `decimals` decimals, in this language's marks (`25,000.5`, `25.000,5`).
    pub fn number(self, value: f64, decimals: usize) -> String {
        format_grouped(value, decimals, self.number_style())
    }

    /// A score, always with one decimal (`72.5`, `72,5`).
    /// A ratio model's score as its framework writes it: whole above 100
    /// (RICE 4,000), one decimal from 1 (WSJF 3.0), two below.
    pub fn ratio_score(self, value: f64) -> String {
        let decimals = match value.abs() {
            v if v >= 100.0 => 0,
            v if v >= 1.0 => 1,
            _ => 2,
        };
        crate::domain::model::value::format_grouped_fixed(value, decimals, self.number_style())
    }

    /// A score of `ranking` as shown: 0–100 to a tenth, or the ratio
    /// model's own number.
    pub fn score_in(self, ranking: &crate::domain::scoring::Ranking, value: f64) -> String {
        if ranking.ratio.is_some() {
            self.ratio_score(value)
        } else {
            self.score(value)
        }
    }

    /// A score under `model` as shown (see [`Lang::score_in`]).
    pub fn score_of(
        self,
        model: crate::domain::model::criterion::ScoreModel,
        value: f64,
    ) -> String {
        match model {
            crate::domain::model::criterion::ScoreModel::Ratio => self.ratio_score(value),
            crate::domain::model::criterion::ScoreModel::WeightedSum => self.score(value),
        }
    }

    /// A threshold under `model` as shown: points to a tenth without
    /// trailing zeros (`50`), or the ratio model's own number.
    pub fn threshold_of(
        self,
        model: crate::domain::model::criterion::ScoreModel,
        value: f64,
    ) -> String {
        if model == crate::domain::model::criterion::ScoreModel::Ratio {
            self.ratio_score(value)
        } else {
            self.number(value, 1)
        }
    }

    pub fn score(self, value: f64) -> String {
        let text = format_fixed(value, 1);
        match self {
            Lang::En => text,
            Lang::De => text.replace('.', ","),
        }
    }

    /// Titles of the per-segment columns: the ranks ("Rank SMB", …), then
    /// the fit ratings ("Fit for SMB", …).
    pub fn table_titles(self) -> [String; 6] {
        let t = self.texts();
        let [smb, enterprise, public] = [
            t.scenario.smb,
            t.scenario.enterprise,
            t.scenario.public_sector,
        ]
        .map(|segment| t.ranking.rank_in.replace("{segment}", segment));
        let [a, b, c] = self.fit_names();
        [smb, enterprise, public, a, b, c]
    }

    /// Column titles for the CSV and Markdown tables; `titles` from
    /// [`Lang::table_titles`].
    pub fn table_texts(self, titles: &[String; 6]) -> TableTexts<'_> {
        let t = self.texts();
        TableTexts {
            rank: t.ranking.rank,
            option: t.options.option_title,
            key: t.intake.key_column,
            score: t.ranking.score,
            points: t.ranking.points,
            below_line: t.ranking.below_line_short,
            incomplete: t.ranking.incomplete,
            yes: t.ranking.yes,
            segment_ranks: [&titles[0], &titles[1], &titles[2]],
            fits: [&titles[3], &titles[4], &titles[5]],
            notes: t.ranking.notes_column,
            need: t.scenario.need,
            root_cause: t.scenario.root_cause,
            threshold: t.scenario.threshold,
            in_budget: t.budget.in_set_badge,
            decimal_comma: self == Lang::De,
        }
    }

    /// A cell of a sheet or a paste not taken: "Line 14, Cost: “tbd” is not
    /// a number: left as it was".
    pub fn cell_problem(self, line: usize, column: &str, text: &str, issue: &CellIssue) -> String {
        let t = &self.texts().intake;
        let why = match issue {
            CellIssue::Number(_) => t.issues[0],
            CellIssue::NotAllowed => t.issues[1],
            CellIssue::NoTitle => t.issues[2],
            CellIssue::TooMany => t.issues[3],
            CellIssue::TooLong => t.issues[4],
        };
        t.problem
            .replace("{line}", &line.to_string())
            .replace("{column}", column)
            .replace("{text}", text)
            .replace("{issue}", why)
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
            LinkError::NotALink => t.errors.link_not_kerze.to_owned(),
            LinkError::Truncated => t.errors.link_truncated.to_owned(),
            LinkError::FutureVersion(v) => {
                t.errors.link_future.replace("{version}", &v.to_string())
            }
            LinkError::UnknownVersion => t.errors.link_unknown_version.to_owned(),
            LinkError::BadCharacters => t.errors.link_bad_characters.to_owned(),
            LinkError::Damaged => t.errors.link_damaged.to_owned(),
            LinkError::TooLarge => t.errors.link_too_large.to_owned(),
            LinkError::NotAScenario(reason) => {
                t.errors.link_not_scenario.replace("{reason}", reason)
            }
            LinkError::Invalid(problems) => t
                .errors
                .link_invalid
                .replace("{reason}", &self.first_problem(problems)),
            LinkError::ReturnLink => t.group.open_ballot.to_owned(),
        }
    }

    /// The names of the three fit ratings a ballot asks ("Fit for SMB").
    pub fn fit_names(self) -> [String; 3] {
        Segment::ALL.map(|s| {
            self.texts()
                .group
                .fit
                .replace("{segment}", self.segment_name(s, false))
        })
    }

    /// Why a ballot is not counted, in plain words.
    pub fn ballot_error(self, error: &BallotError) -> String {
        let e = &self.texts().group.errors;
        match error {
            BallotError::NotABallot => e[0].to_owned(),
            BallotError::TooLarge => e[1].to_owned(),
            BallotError::Link(link) => self.link_error(link),
            BallotError::FutureVersion(_) => e[2].to_owned(),
            BallotError::Shape(why) => format!("{} ({why})", e[3]),
            BallotError::WrongScenario => e[4].to_owned(),
            BallotError::NoName => e[5].to_owned(),
            BallotError::NotAsked(what) => e[6].replace("{what}", what),
            BallotError::OffScale { cell, value, why } => e[7]
                .replace("{what}", cell)
                .replace("{value}", value)
                .replace("{why}", &clause(&self.value_error(why))),
            BallotError::Empty => e[8].to_owned(),
            BallotError::TooManyBallots => e[9].to_owned(),
        }
    }

    /// Why a file was not imported, in plain words; the problems of
    /// [`ImportError::Problems`] are listed by the caller.
    pub fn import_error(self, error: &ImportError) -> String {
        let t = self.texts();
        match error {
            ImportError::TooLarge(bytes) => t
                .errors
                .import_too_large
                .replace("{mb}", &self.number(megabytes(*bytes), 1)),
            ImportError::Unreadable => t.errors.import_unreadable.to_owned(),
            ImportError::Empty => t.errors.import_empty.to_owned(),
            ImportError::NotJson {
                line,
                column,
                reason,
            } => t
                .errors
                .import_not_json
                .replace("{line}", &line.to_string())
                .replace("{column}", &column.to_string())
                .replace("{reason}", reason),
            ImportError::TooDeep => t.errors.import_too_deep.to_owned(),
            ImportError::NotKerze(reason) => t.errors.import_not_kerze.replace("{reason}", reason),
            ImportError::FutureVersion(v) => {
                t.errors.import_future.replace("{version}", &v.to_string())
            }
            ImportError::Problems(problems) if problems.len() == 1 => {
                t.errors.import_one_problem.to_owned()
            }
            ImportError::Problems(problems) => t
                .errors
                .import_problems
                .replace("{n}", &problems.len().to_string()),
            ImportError::NotATable(error) => {
                use crate::domain::formats::sheet::SheetError;
                let words = &t.intake.not_a_table;
                match error {
                    SheetError::Empty => words[0].to_owned(),
                    SheetError::NotText => words[1].to_owned(),
                    SheetError::TooLarge { bytes } => {
                        words[2].replace("{mb}", &self.number(megabytes(*bytes), 1))
                    }
                    SheetError::Unreadable { line } => {
                        words[3].replace("{line}", &line.to_string())
                    }
                }
            }
        }
    }

    /// A note under the ranking (why a score cannot say much), in plain words.
    pub fn ranking_note(self, note: &RankingNote, scenario: &Scenario) -> String {
        let t = &self.texts().ranking;
        let name = |id| {
            scenario
                .criterion(id)
                .map(|c| c.name.clone())
                .unwrap_or_default()
        };
        match note {
            RankingNote::NoOptions => t.note_no_options.to_owned(),
            RankingNote::NoCriteria => t.note_no_criteria.to_owned(),
            RankingNote::AllWeightsZero => t.note_all_weights_zero.to_owned(),
            RankingNote::MixAllZero(id) => t.note_mix_all_zero.replace("{name}", &name(*id)),
            RankingNote::SameAmountEverywhere(id) => {
                t.note_same_amount.replace("{name}", &name(*id))
            }
            RankingNote::AddedScaleNotFromOne(id, smallest) => t
                .note_scale_not_from_one
                .replace("{name}", &name(*id))
                .replace("{smallest}", &self.number(*smallest, 2)),
        }
    }

    /// An option's title as shown: trimmed, or "Untitled option".
    pub fn option_title(self, option: &ScenarioOption) -> String {
        match option.title.trim() {
            "" => self.texts().ranking.untitled_option.to_owned(),
            title => title.to_owned(),
        }
    }

    /// Names as a list in words: "A", "A and B", "A, B and C".
    pub fn names(self, names: &[String]) -> String {
        let and = self.texts().budget.and;
        match names {
            [] => String::new(),
            [one] => one.clone(),
            [rest @ .., last] => format!("{} {and} {last}", rest.join(", ")),
        }
    }

    /// The title of the scenario's option at entry `index` (empty past the end).
    pub fn option_title_at(self, scenario: &Scenario, index: usize) -> String {
        scenario
            .options
            .get(index)
            .map(|o| self.option_title(o))
            .unwrap_or_default()
    }

    /// What the ranking recommends, in one sentence.
    pub fn recommendation(self, scenario: &Scenario, ranking: &Ranking) -> String {
        let t = &self.texts().room;
        let threshold = self.threshold_of(scenario.model, scenario.threshold.value());
        match ranking.rows.first() {
            None => t.recommend_empty.to_owned(),
            Some(row) if row.below_threshold => t.recommend_none.replace("{threshold}", &threshold),
            Some(row) => if ranking.ratio.is_some() {
                t.recommend_ratio
            } else {
                t.recommend
            }
            .replace("{option}", &self.option_title(&scenario.options[row.index]))
            .replace("{score}", &self.score_in(ranking, row.score)),
        }
    }

    /// A date (`2026-11-28`) as the language writes it.
    pub fn date(self, iso: &str) -> String {
        match (self, iso.split('-').collect::<Vec<_>>().as_slice()) {
            (Lang::De, [year, month, day]) => format!("{day}.{month}.{year}"),
            _ => iso.to_owned(),
        }
    }

    /// Points with their sign: "+12.0", "−5.8".
    pub fn signed_points(self, points: f64) -> String {
        let text = self.score(points.abs());
        if text == self.score(0.0) {
            text
        } else if points > 0.0 {
            format!("+{text}")
        } else {
            format!("\u{2212}{text}")
        }
    }

    /// Why option `a` scores more or less than `b`, in words: "“A” leads “B”
    /// by 6.2 points: +12.0 from Cost, −5.8 from Impact."
    pub fn comparison(
        self,
        scenario: &Scenario,
        a: usize,
        b: usize,
        comparison: &Comparison,
    ) -> String {
        let t = &self.texts().room;
        let title = |i: usize| self.option_title(&scenario.options[i]);
        let lead = self.score(comparison.lead.abs());
        let head = if lead == self.score(0.0) {
            t.ties_with.to_owned()
        } else if comparison.lead > 0.0 {
            t.leads_by.replace("{points}", &lead)
        } else {
            t.trails_by.replace("{points}", &lead)
        };
        let head = head.replace("{a}", &title(a)).replace("{b}", &title(b));
        let parts: Vec<String> = comparison
            .gaps
            .iter()
            .filter(|(_, gap)| self.score(gap.abs()) != self.score(0.0))
            .map(|&(c, gap)| {
                let name = scenario.criteria.get(c).map_or("", |c| c.name.as_str());
                t.gap_from
                    .replace("{points}", &self.signed_points(gap))
                    .replace("{criterion}", name)
            })
            .collect();
        if parts.is_empty() {
            format!("{head}.")
        } else {
            format!("{head}: {}.", parts.join(", "))
        }
    }

    /// The fields two tabs both changed, in words ("the name, Cost of “SSO”").
    pub fn clashes(self, clashes: &[Clash]) -> String {
        let t = &self.texts().notices;
        const FIELDS: [&str; 9] = [
            "name",
            "need",
            "root_cause",
            "segment_mix",
            "threshold",
            "analysis",
            "chart",
            "group",
            "criteria",
        ];
        let one = |clash: &Clash| -> String {
            let item = |i: usize, name: &str| t.clash_items[i].replace("{name}", name);
            match clash {
                Clash::Field(field) => FIELDS
                    .iter()
                    .position(|f| f == field)
                    .map_or_else(|| (*field).to_owned(), |i| t.clash_fields[i].to_owned()),
                Clash::Criterion(name) => item(0, name),
                Clash::Lens(name) => item(1, name),
                Clash::Option(name) => item(2, name),
                Clash::OptionField(name, OptionPart::Title) => item(3, name),
                Clash::OptionField(name, OptionPart::Description) => item(4, name),
                Clash::OptionField(name, OptionPart::Fit) => item(5, name),
                Clash::OptionField(name, OptionPart::Value(criterion)) => {
                    item(6, name).replace("{criterion}", criterion)
                }
            }
        };
        let list: Vec<String> = clashes.iter().map(one).collect();
        t.clashes.replace("{list}", &list.join(", "))
    }

    /// Why the last save did not land, for the footer.
    pub fn save_error(self, error: &SaveError) -> &'static str {
        let t = self.texts();
        match error {
            SaveError::Full => t.notices.not_saved_full,
            SaveError::Unavailable => t.notices.not_saved_unavailable,
            SaveError::Conflict(..) | SaveError::ListChanged(_) => t.notices.not_saved_conflict,
            SaveError::NotKept => t.notices.not_saved_not_kept,
            SaveError::NewerVersion => t.notices.not_saved_newer,
        }
    }

    /// A segment's name, full or short (for tight columns).
    pub fn segment_name(self, segment: Segment, short: bool) -> &'static str {
        let t = self.texts();
        match (segment, short) {
            (Segment::Smb, false) => t.scenario.smb,
            (Segment::Enterprise, false) => t.scenario.enterprise,
            (Segment::PublicSector, false) => t.scenario.public_sector,
            (Segment::Smb, true) => t.scenario.smb_short,
            (Segment::Enterprise, true) => t.scenario.enterprise_short,
            (Segment::PublicSector, true) => t.scenario.public_sector_short,
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
            EntryError::Damaged(_) => t.notices.entry_damaged.to_owned(),
            EntryError::FutureVersion(v) => {
                t.notices.entry_future.replace("{version}", &v.to_string())
            }
            EntryError::Invalid(problems) => t
                .notices
                .entry_invalid
                .replace("{problem}", &self.first_problem(problems)),
        }
    }

    /// The plain-words message for a refused number.
    pub fn value_error(self, error: &ValueError) -> String {
        let t = self.texts();
        match error {
            ValueError::NotANumber { text } => t.errors.not_a_number.replace("{text}", text),
            ValueError::Required => t.errors.value_required.to_owned(),
            ValueError::Exponent { text } => t.errors.value_exponent.replace("{text}", text),
            ValueError::NotInStyle { text } => t.errors.value_not_in_style.replace("{text}", text),
            ValueError::Negative => t.errors.value_negative.to_owned(),
            ValueError::ZeroDivisor => t.errors.value_zero_divisor.to_owned(),
            ValueError::TooCloseToZero => t.errors.value_too_close_to_zero.to_owned(),
            ValueError::BadRange => t.errors.value_bad_range.to_owned(),
            ValueError::Ambiguous {
                text,
                decimal,
                thousands,
            } => {
                // Both readings, each written as this language writes it; a
                // reading with three decimals gets a fourth, so that what the
                // message suggests is not ambiguous itself (2.1250).
                let a = self.number(*decimal, 3);
                let mut write = a.clone();
                if (decimal * 100.0).fract().abs() > 1e-9 {
                    write.push('0');
                }
                t.errors
                    .value_ambiguous
                    .replace("{text}", text)
                    .replace("{write}", &write)
                    .replace("{a}", &a)
                    .replace("{b}", &self.number(*thousands, 3))
            }
            ValueError::OutOfRange { min, max } => t
                .errors
                .value_out_of_range
                .replace("{min}", &self.number(*min, 2))
                .replace("{max}", &self.number(*max, 2)),
        }
    }
}

/// `text` as it is shown: a figure and its "%" or "‰" are kept on one line
/// ("40 %" never breaks between the two, as typeset text would not). The
/// text stored is unchanged.
pub fn keep_units(text: &str) -> String {
    let mut shown = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    let mut after_digit = false;
    while let Some(c) = chars.next() {
        let unit_next = matches!(chars.peek(), Some('%' | '‰'));
        shown.push(if c == ' ' && after_digit && unit_next {
            '\u{a0}'
        } else {
            c
        });
        after_digit = c.is_ascii_digit();
    }
    shown
}

/// A sentence made a clause to go inside another one: no full stop at its
/// end, and a small first letter ("must be between 1 and 5", not "(Must be
/// between 1 and 5.).").
pub fn clause(sentence: &str) -> String {
    let text = sentence.trim_end().trim_end_matches('.');
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
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
        Issue::NumberOutOfRange(text) => {
            format!("{text} ist eine Zahl außerhalb des Rechenbereichs")
        }
        Issue::ExpectedOneOf(words, found) => expected(&quoted(words, "oder"), found),
        Issue::ExpectedId { example, found } => {
            expected(&format!("eine Kennung wie \"{example}\""), found)
        }
        Issue::NotACriterionId(key) => format!("„{key}“ ist keine Kriteriums-Kennung wie \"c1\""),
        Issue::Value(error) => clause(&Lang::De.value_error(error)),
        Issue::TooLong => "ist zu lang".to_owned(),
        Issue::TooManyCriteria => "hat mehr Kriterien, als Kerze verarbeitet (64)".to_owned(),
        Issue::TooManyOptions => "hat mehr Optionen, als Kerze verarbeitet (10.000)".to_owned(),
        Issue::TooManyLenses => "hat mehr Blickwinkel, als Kerze behält (20)".to_owned(),
        Issue::LensIdTaken => "gehört schon einem anderen Blickwinkel".to_owned(),
        Issue::CriterionIdTaken => "wird schon von einem anderen Kriterium benutzt".to_owned(),
        Issue::OptionIdTaken => "wird schon von einer anderen Option benutzt".to_owned(),
        Issue::ScaleEndRange => "muss eine Zahl zwischen -1000 und 1000 sein".to_owned(),
        Issue::MaxNotAboveMin => "muss größer als input.min sein".to_owned(),
        Issue::LevelCount => "muss 2 bis 20 Stufen haben".to_owned(),
        Issue::LevelLabel => "braucht eine eigene Bezeichnung".to_owned(),
        Issue::LevelValue => "braucht einen eigenen Wert, eine einfache Zahl".to_owned(),
        Issue::BoundRange => "muss eine Zahl zwischen 0 und 10^12 sein".to_owned(),
        Issue::HiNotAboveLo => "muss größer als input.lo sein".to_owned(),
        Issue::UnknownCriterion => "verweist auf ein Kriterium, das es nicht gibt".to_owned(),
        Issue::BudgetInvalid => {
            "muss auf einem Betragskriterium liegen, zwischen 0 und 10^12, mit Festlegungen nur auf vorhandenen Optionen".to_owned()
        }
        Issue::ValueOnSegmentFit => {
            "ist ein Segment-Fit-Kriterium: Bewerten Sie es unter fit".to_owned()
        }
        Issue::AmountRange => "muss eine Menge zwischen 0 und 10^12 sein".to_owned(),
        Issue::NumberRange => "muss eine Zahl von höchstens 10^12 sein".to_owned(),
        Issue::FitRange => "muss eine Bewertung von 0 bis 5 sein".to_owned(),
        Issue::RangeWithoutValue => "ist eine Spanne um einen fehlenden Wert".to_owned(),
        Issue::RangeOrder => "muss [niedrig, hoch] um den Wert sein, niedrig < hoch".to_owned(),
        Issue::BadId => "ist keine gültige Kennung".to_owned(),
        Issue::UnknownInputKind => "ist keine Eingabeart, die Kerze kennt".to_owned(),
        Issue::TooManyValues => "hat mehr Werte, als es Kriterien gibt".to_owned(),
        Issue::TooManyFits => "hat mehr als drei Segment-Bewertungen".to_owned(),
        Issue::Other(words) => words.clone(),
    }
}

/// Every message of the UI in one language, by area: a feature adds its own
/// file under `i18n/`. `{name}`-style holes are filled by the caller.
pub struct Texts {
    /// The scenario bar: switching, undo, trash, language, import and export.
    pub bar: BarTexts,
    /// The scenario panel: name, need, root cause, segment mix and threshold.
    pub scenario: ScenarioTexts,
    /// The criteria panel.
    pub criteria: CriteriaTexts,
    /// The options table.
    pub options: OptionsTexts,
    /// The ranking and the breakdown of a score.
    pub ranking: RankingTexts,
    /// Notices, the save status and the footer.
    pub notices: NoticeTexts,
    /// Sharing a link and the shared view.
    pub share: ShareTexts,
    /// Why a number, a file or a link was refused.
    pub errors: ErrorTexts,
    /// Presenting, comparing, printing, shortcuts and the summary.
    pub room: RoomTexts,
    /// How safe #1 is.
    pub robust: RobustTexts,
    /// The value/effort matrix and lenses.
    pub tradeoffs: TradeoffTexts,
    /// What fits in the budget.
    pub budget: BudgetTexts,
    /// Bringing a sheet into a scenario.
    pub intake: intake::IntakeTexts,
    /// Group scoring.
    pub group: GroupTexts,
    /// The demo scenario.
    pub demo: DemoTexts<'static>,
    /// The frameworks a new scenario starts from; the ratio model's words.
    pub presets: presets::PresetTexts,
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
    bar: bar::EN,
    scenario: scenario::EN,
    criteria: criteria::EN,
    options: options::EN,
    ranking: ranking::EN,
    room: room::EN,
    robust: robust::EN,
    tradeoffs: tradeoffs::EN,
    budget: budget::EN,
    intake: intake::EN,
    group: group::EN,
    notices: notices::EN,
    share: share::EN,
    errors: errors::EN,
    presets: presets::EN,
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
    bar: bar::DE,
    scenario: scenario::DE,
    criteria: criteria::DE,
    options: options::DE,
    ranking: ranking::DE,
    room: room::DE,
    robust: robust::DE,
    tradeoffs: tradeoffs::DE,
    budget: budget::DE,
    intake: intake::DE,
    group: group::DE,
    notices: notices::DE,
    share: share::DE,
    errors: errors::DE,
    presets: presets::DE,
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
    fn a_figure_and_its_percent_sign_stay_together() {
        assert_eq!(
            keep_units("40 % of new accounts, 5 ‰ and 100%"),
            "40\u{a0}% of new accounts, 5\u{a0}‰ and 100%"
        );
        assert_eq!(keep_units("a % b"), "a % b");
    }

    #[test]
    fn a_reason_inside_a_sentence_has_no_stray_full_stop() {
        use crate::domain::group::ballot::BallotError;
        let error = BallotError::OffScale {
            cell: "Cost of A".into(),
            value: "9".into(),
            why: ValueError::OutOfRange { min: 1.0, max: 5.0 },
        };
        for lang in Lang::ALL {
            let said = lang.ballot_error(&error);
            assert!(!said.contains(".)") && !said.contains(".."), "{said}");
        }
        assert!(Lang::En
            .ballot_error(&error)
            .ends_with("(must be between 1 and 5)"));
        assert_eq!(
            clause("Must be between 1 and 5."),
            "must be between 1 and 5"
        );
    }

    #[test]
    fn an_ambiguous_number_names_both_readings_in_each_language() {
        use crate::domain::model::value::{parse_number, NumberStyle};
        let en = parse_number("25.000", NumberStyle::ENGLISH).unwrap_err();
        assert_eq!(
            Lang::En.value_error(&en),
            "“25.000” could be 25 or 25,000: write 25 or 25,000."
        );
        let de = parse_number("25,000", NumberStyle::GERMAN).unwrap_err();
        assert_eq!(
            Lang::De.value_error(&de),
            "„25,000“ könnte 25 oder 25.000 sein: Schreiben Sie 25 oder 25.000."
        );
        let three = parse_number("2.125", NumberStyle::ENGLISH).unwrap_err();
        assert_eq!(
            Lang::En.value_error(&three),
            "“2.125” could be 2.125 or 2,125: write 2.1250 or 2,125."
        );
    }

    #[test]
    fn the_segment_key_spells_out_every_shortened_segment_name() {
        for lang in Lang::ALL {
            let key = lang.texts().room.segment_key;
            for segment in Segment::ALL {
                let (short, long) = (
                    lang.segment_name(segment, true),
                    lang.segment_name(segment, false),
                );
                if short != long {
                    assert!(key.contains(&format!("{short} = {long}")), "{key}");
                }
            }
        }
    }

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
        use crate::domain::model::demo::demo_scenario;
        use crate::domain::model::ids::ScenarioId;
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
        use crate::domain::model::problem::{Found, Issue, Problem};
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
        let kinds = Issue::ExpectedOneOf(vec!["rating".into(), "amount".into()], Found::List);
        assert_eq!(
            Lang::De.issue(&kinds),
            "erwartet \"rating\" oder \"amount\", gefunden: eine Liste"
        );
    }
}
