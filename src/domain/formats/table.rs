//! The ranked backlog as a table: CSV for Excel and Jira, Markdown for
//! Confluence, Jira comments and GitHub.

use crate::domain::analyses::budget::best_set;
use crate::domain::model::criterion::{CriterionInput, ScoreModel};
use crate::domain::model::scenario::Scenario;
use crate::domain::model::segment::{Segment, FIT_MAX};
use crate::domain::model::value::{format_fixed, format_number};
use crate::domain::scoring::{rank, segment_ranks};

/// Column titles and flag words, in the user's language.
#[derive(Clone, Copy, Debug)]
pub struct TableTexts<'a> {
    /// "Rank".
    pub rank: &'a str,
    /// "Option".
    pub option: &'a str,
    /// "Key": the tracker's key of each option, where some option has one.
    pub key: &'a str,
    /// "Score".
    pub score: &'a str,
    /// Suffix of a criterion's points column ("points").
    pub points: &'a str,
    /// "Below the line".
    pub below_line: &'a str,
    /// "Incomplete".
    pub incomplete: &'a str,
    /// "yes".
    pub yes: &'a str,
    /// "Rank SMB", "Rank Enterprise", "Rank Public sector".
    pub segment_ranks: [&'a str; 3],
    /// "Fit for SMB", "Fit for Enterprise", "Fit for Public sector": the
    /// fit ratings as entered, which an import reads back.
    pub fits: [&'a str; 3],
    /// Heading of the Markdown table's last column (below the line, incomplete).
    pub notes: &'a str,
    /// "Customer need".
    pub need: &'a str,
    /// "Root cause".
    pub root_cause: &'a str,
    /// "Worth-it threshold".
    pub threshold: &'a str,
    /// "In the budget": the column or note of the options in the best set.
    pub in_budget: &'a str,
    /// Use a decimal comma (and `;` between CSV fields, as German Excel expects).
    pub decimal_comma: bool,
}

struct Row {
    rank: u32,
    title: String,
    /// The tracker's key (empty: none).
    key: String,
    score: f64,
    values: Vec<Option<f64>>,
    /// Points per criterion (the weighted sum's; empty in the ratio model,
    /// whose factors do not add up to the score).
    points: Vec<f64>,
    below: bool,
    incomplete: bool,
    /// In the best set within the budget (`None`: no budget, or no set).
    in_budget: Option<bool>,
    segment_ranks: [u32; 3],
    /// The fit ratings as entered, per segment.
    fits: [Option<f64>; 3],
}

fn rows(scenario: &Scenario) -> Vec<Row> {
    let ranking = rank(scenario);
    let by_segment = segment_ranks(scenario, &ranking);
    let chosen = scenario
        .budget
        .as_ref()
        .and_then(|b| best_set(scenario, &ranking, b).ok())
        .map(|set| set.best.items);
    ranking
        .rows
        .iter()
        .map(|row| {
            let option = &scenario.options[row.index];
            let values = scenario
                .criteria
                .iter()
                .enumerate()
                .map(|(c, criterion)| match (&ranking.ratio, &criterion.input) {
                    // The ratio model keeps each value as it counts (fit: under the mix).
                    (Some(parts), _) => parts.value(row.index, c),
                    // The fit the option has under the scenario's mix, 0–5.
                    (None, CriterionInput::SegmentFit) => (!ranking.is_missing(row.index, c))
                        .then(|| ranking.utility(row.index, c) * FIT_MAX),
                    (None, _) => option.values.get(&criterion.id).copied(),
                })
                .collect();
            let ranks = by_segment.get(row.index).copied().unwrap_or_default();
            Row {
                rank: row.rank,
                title: option.title.clone(),
                key: option.key.clone(),
                score: row.score,
                values,
                points: match ranking.ratio {
                    Some(_) => Vec::new(),
                    None => (0..scenario.criteria.len())
                        .map(|c| ranking.contribution(row.index, c))
                        .collect(),
                },
                below: row.below_threshold,
                incomplete: row.incomplete,
                in_budget: chosen.as_ref().map(|c| c.contains(&row.index)),
                segment_ranks: Segment::ALL.map(|s| ranks.get(s)),
                fits: Segment::ALL.map(|s| option.fit.get(s)),
            }
        })
        .collect()
}

/// The columns: rank, option, score, then per criterion its value (with
/// `values`) and its points (with `points`).
fn header(scenario: &Scenario, t: &TableTexts<'_>, values: bool, points: bool) -> Vec<String> {
    let mut header = vec![t.rank.to_owned(), t.option.to_owned(), t.score.to_owned()];
    for criterion in &scenario.criteria {
        if values {
            header.push(criterion.name.clone());
        }
        if points {
            header.push(format!("{} ({})", criterion.name, t.points));
        }
    }
    header
}

/// The characters a spreadsheet starts a formula with.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Whether a piece of a cell needs the guard: it begins like a formula once
/// any apostrophes of its own are set aside (so that the guard comes off
/// again exactly, see [`unguarded`]).
fn needs_guard(piece: &str) -> bool {
    piece.trim_start_matches('\'').starts_with(FORMULA_STARTS)
}

/// User text as a CSV cell that a spreadsheet shows as text: a cell that
/// begins like a formula (`=`, `+`, `-`, `@`, a tab or a carriage return) gets
/// a leading `'`, so Excel and LibreOffice never run it. Numbers Kerze writes
/// do not pass through here and stay numbers.
fn csv_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 1);
    // A spreadsheet that splits at the other language's delimiter starts a
    // cell after every `,` or `;` inside the text: each such piece is
    // guarded as a cell of its own.
    for piece in text.split_inclusive([',', ';']) {
        if needs_guard(piece) {
            out.push('\'');
        }
        out.push_str(piece);
    }
    out
}

/// A cell's text with the formula guard of [`csv_text`] taken off again, so
/// that Kerze's own CSV reads back to the texts it was written from.
pub fn unguarded(cell: &str) -> String {
    cell.split_inclusive([',', ';'])
        .map(|piece| match piece.strip_prefix('\'') {
            Some(rest) if needs_guard(rest) => rest,
            _ => piece,
        })
        .collect()
}

/// The ranked backlog as CSV, with a byte-order mark so Excel reads the umlauts.
/// Every cell that is not a plain number goes in quotes, so that user text
/// holding either language's delimiter reads as one cell whichever delimiter
/// a spreadsheet assumes.
pub fn ranking_csv(scenario: &Scenario, t: &TableTexts<'_>) -> String {
    let comma = t.decimal_comma;
    let weighted = scenario.model == ScoreModel::WeightedSum;
    let rows = rows(scenario);
    let budget = rows.iter().any(|r| r.in_budget.is_some());
    // The tracker's keys, beside the titles, where some option has one: the
    // ranked list goes back to the tracker by them.
    let keys = rows.iter().any(|r| !r.key.is_empty());
    let mut header = header(scenario, t, true, weighted);
    if keys {
        header.insert(2, t.key.to_owned());
    }
    header.extend([t.below_line, t.incomplete].map(str::to_owned));
    if budget {
        header.push(t.in_budget.to_owned());
    }
    header.extend(t.segment_ranks.map(str::to_owned));
    // The fit as entered, per segment, where fit counts: what an import reads back.
    let fits = scenario
        .criteria
        .iter()
        .any(|c| matches!(c.input, CriterionInput::SegmentFit));
    if fits {
        header.extend(t.fits.map(str::to_owned));
    }
    let mut records = vec![header.iter().map(|h| csv_text(h)).collect::<Vec<_>>()];
    for row in rows {
        let mut record = vec![row.rank.to_string(), csv_text(&row.title)];
        if keys {
            record.push(csv_text(&row.key));
        }
        record.push(format_number(row.score, 1, comma));
        for (c, value) in row.values.iter().enumerate() {
            record.push(
                value
                    .map(|v| format_number(v, 6, comma))
                    .unwrap_or_default(),
            );
            if let Some(points) = row.points.get(c) {
                record.push(format_number(*points, 1, comma));
            }
        }
        let flag = |on: bool| if on { t.yes } else { "" };
        record.extend([csv_text(flag(row.below)), csv_text(flag(row.incomplete))]);
        if budget {
            record.push(csv_text(flag(row.in_budget == Some(true))));
        }
        record.extend(row.segment_ranks.map(|r| r.to_string()));
        if fits {
            record.extend(
                row.fits
                    .map(|f| f.map(|v| format_number(v, 6, comma)).unwrap_or_default()),
            );
        }
        records.push(record);
    }
    let mut writer = csv::WriterBuilder::new()
        .delimiter(if comma { b';' } else { b',' })
        .quote_style(csv::QuoteStyle::NonNumeric)
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer("\u{feff}".as_bytes().to_vec());
    // Writing to memory cannot fail; every record has the header's length.
    let written = records.iter().all(|r| writer.write_record(r).is_ok());
    let bytes = writer.into_inner().ok().filter(|_| written);
    bytes
        .and_then(|b| String::from_utf8(b).ok())
        .unwrap_or_default()
}

/// Text that a Markdown renderer shows as the literal text, inside a table
/// cell or a heading: the characters that open links and images (`[`, `]`),
/// emphasis, code, strike-through and table cells are backslash-escaped,
/// HTML's are written as entities, and line breaks become spaces.
fn cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.trim().chars() {
        match ch {
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '~' => {
                out.push('\\');
                out.push(ch);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\n' | '\r' | '\t' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// A number with exactly `decimals` decimals (`16.0`, not `16`), so that a
/// column of them lines up.
fn fixed(value: f64, decimals: usize, comma: bool) -> String {
    let text = format_fixed(value, decimals);
    if comma {
        text.replace('.', ",")
    } else {
        text
    }
}

/// The ranked backlog as a decision record in Markdown: the scenario's name,
/// need, root cause and threshold, then the ranking as a table.
pub fn ranking_markdown(scenario: &Scenario, t: &TableTexts<'_>) -> String {
    let comma = t.decimal_comma;
    // The weighted sum shows each criterion's points; the ratio model each value.
    let weighted = scenario.model == ScoreModel::WeightedSum;
    let mut header = header(scenario, t, !weighted, weighted);
    header.push(t.notes.to_owned());
    let mut lines = vec![format!("## {}", cell(&scenario.name)), String::new()];
    let threshold = scenario.threshold.value();
    let facts = [
        (t.need, cell(&scenario.need)),
        (t.root_cause, cell(&scenario.root_cause)),
        (
            t.threshold,
            if threshold > 0.0 {
                // The ratio model's number may be a small one (WSJF 2.65).
                format_number(threshold, if weighted { 1 } else { 2 }, comma)
            } else {
                String::new()
            },
        ),
    ];
    let facts: Vec<String> = facts
        .iter()
        .filter(|(_, text)| !text.is_empty())
        .map(|(label, text)| format!("- **{}:** {text}", cell(label)))
        .collect();
    if !facts.is_empty() {
        lines.extend(facts);
        lines.push(String::new());
    }
    lines.push(format!(
        "| {} |",
        header
            .iter()
            .map(|h| cell(h))
            .collect::<Vec<_>>()
            .join(" | ")
    ));
    let align: Vec<&str> = header
        .iter()
        .enumerate()
        .map(|(i, _)| {
            if i == 1 || i + 1 == header.len() {
                "---"
            } else {
                "---:"
            }
        })
        .collect();
    lines.push(format!("| {} |", align.join(" | ")));
    for row in rows(scenario) {
        // A tracker turns a key in a comment into a link to its item.
        let option = match row.key.as_str() {
            "" => cell(&row.title),
            key => format!("{} ({})", cell(&row.title), cell(key)),
        };
        let mut cells = vec![row.rank.to_string(), option, fixed(row.score, 1, comma)];
        if weighted {
            cells.extend(row.points.iter().map(|p| fixed(*p, 1, comma)));
        } else {
            cells.extend(
                row.values
                    .iter()
                    .map(|v| v.map(|v| format_number(v, 6, comma)).unwrap_or_default()),
            );
        }
        let flags: Vec<&str> = [
            (row.below, t.below_line),
            (row.incomplete, t.incomplete),
            (row.in_budget == Some(true), t.in_budget),
        ]
        .into_iter()
        .filter_map(|(on, word)| on.then_some(word))
        .collect();
        cells.push(flags.join(", "));
        lines.push(format!("| {} |", cells.join(" | ")));
    }
    lines.push(String::new());
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::demo::demo_scenario;
    use crate::domain::model::ids::ScenarioId;
    use crate::i18n::Lang;

    const EN: TableTexts<'static> = TableTexts {
        rank: "Rank",
        option: "Option",
        key: "Key",
        score: "Score",
        points: "points",
        below_line: "Below the line",
        incomplete: "Incomplete",
        yes: "yes",
        segment_ranks: ["Rank SMB", "Rank Enterprise", "Rank Public sector"],
        fits: ["Fit for SMB", "Fit for Enterprise", "Fit for Public sector"],
        notes: "Notes",
        need: "Customer need",
        root_cause: "Root cause",
        threshold: "Worth-it threshold",
        in_budget: "In the budget",
        decimal_comma: false,
    };

    fn demo() -> Scenario {
        demo_scenario(ScenarioId::from_parts(1, 1), &Lang::En.texts().demo)
    }

    #[test]
    fn csv_has_a_header_and_one_line_per_option_in_rank_order() {
        let csv = ranking_csv(&demo(), &EN);
        assert!(csv.starts_with('\u{feff}'));
        let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').lines().collect();
        assert_eq!(lines.len(), 6);
        assert_eq!(
            lines[0],
            "\"Rank\",\"Option\",\"Score\",\"Cost\",\"Cost (points)\",\"Time to market\",\
             \"Time to market (points)\",\"Metric impact\",\"Metric impact (points)\",\"Segment fit\",\
             \"Segment fit (points)\",\"Below the line\",\"Incomplete\",\"Rank SMB\",\
             \"Rank Enterprise\",\"Rank Public sector\",\"Fit for SMB\",\"Fit for Enterprise\",\
             \"Fit for Public sector\""
        );
        // White-glove: 15 person-days, 2 weeks, impact 3, fit 3.2 of 5
        // (1, 4 and 3 as entered), score 70.2.
        assert_eq!(
            lines[1],
            "1,\"White-glove onboarding team\",70.2,15,20.8,2,16.7,3,16.7,3.2,16,\"\",\"\",2,1,1,1,4,3"
        );
        assert!(lines[5].starts_with("5,\"Partner-led implementation\",44.2,"));
        assert!(lines[5].contains(",\"yes\",\"\","));
    }

    #[test]
    fn german_csv_uses_semicolons_and_decimal_commas_and_quotes_when_needed() {
        let mut scenario = demo();
        std::rc::Rc::make_mut(&mut scenario.options[1]).title = "Team; \"white glove\"".into();
        let csv = ranking_csv(
            &scenario,
            &TableTexts {
                decimal_comma: true,
                ..EN
            },
        );
        let first = csv
            .trim_start_matches('\u{feff}')
            .lines()
            .nth(1)
            .unwrap()
            .to_owned();
        assert_eq!(
            first,
            "1;\"Team; \"\"white glove\"\"\";\"70,2\";15;\"20,8\";2;\"16,7\";3;\"16,7\";\"3,2\";16;\"\";\"\";2;1;1;1;4;3"
        );
    }

    #[test]
    fn markdown_is_a_table_that_cannot_break_out_of_its_cells() {
        let mut scenario = demo();
        std::rc::Rc::make_mut(&mut scenario.options[1]).title =
            "a | b\n<img src=x onerror=alert(1)>".into();
        let md = ranking_markdown(&scenario, &EN);
        let lines: Vec<&str> = md.lines().collect();
        assert_eq!(lines[0], "## Enterprise onboarding");
        assert!(lines[2].starts_with("- **Customer need:** Enterprise customers stall"));
        assert!(lines[3].starts_with("- **Root cause:** Single sign-on"));
        assert_eq!(lines[4], "- **Worth-it threshold:** 50");
        assert_eq!(lines[6], "| Rank | Option | Score | Cost (points) | Time to market (points) | Metric impact (points) | Segment fit (points) | Notes |");
        assert_eq!(
            lines[7],
            "| ---: | --- | ---: | ---: | ---: | ---: | ---: | --- |"
        );
        assert_eq!(lines[8], "| 1 | a \\| b &lt;img src=x onerror=alert(1)&gt; | 70.2 | 20.8 | 16.7 | 16.7 | 16.0 |  |");
        assert!(lines[12].ends_with("| Below the line |"));
        assert_eq!(lines.len(), 13);
    }

    #[test]
    fn csv_cells_that_look_like_formulas_stay_text() {
        for (title, guarded) in [
            ("=HYPERLINK(\"http://x\",\"y\")", true),
            ("+SUM(1,1)", true),
            ("@SUM(1,1)", true),
            ("-2+3", true),
            ("\t=1+1", true),
            ("\r=1+1", true),
            ("Plain = fine", false),
        ] {
            for comma in [false, true] {
                let mut scenario = demo();
                std::rc::Rc::make_mut(&mut scenario.options[1]).title = title.into();
                scenario.criteria[0].name = "=cmd|' /C calc'!A0".into();
                let csv = ranking_csv(
                    &scenario,
                    &TableTexts {
                        decimal_comma: comma,
                        ..EN
                    },
                );
                let mut reader = csv::ReaderBuilder::new()
                    .delimiter(if comma { b';' } else { b',' })
                    .has_headers(false)
                    .from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
                let records: Vec<csv::StringRecord> =
                    reader.records().map(Result::unwrap).collect();
                assert_eq!(&records[0][3], "'=cmd|' /C calc'!A0");
                let expected = if guarded {
                    format!("'{title}")
                } else {
                    title.to_owned()
                };
                assert_eq!(&records[1][1], expected.as_str());
                // Kerze's own numbers stay numbers: rank, score, values, points.
                assert_eq!(&records[1][0], "1");
                assert_eq!(&records[1][2], if comma { "70,2" } else { "70.2" });
                assert_eq!(&records[1][3], "15");
            }
        }
    }

    #[test]
    fn a_title_with_either_delimiter_is_quoted_in_both_languages() {
        for comma in [false, true] {
            for title in ["x;=1+1", "x,=1+1"] {
                let mut scenario = demo();
                std::rc::Rc::make_mut(&mut scenario.options[1]).title = title.into();
                let csv = ranking_csv(
                    &scenario,
                    &TableTexts {
                        decimal_comma: comma,
                        ..EN
                    },
                );
                let guarded = title.replacen('=', "'=", 1);
                assert!(
                    csv.contains(&format!("\"{guarded}\"")),
                    "{title} quoted and guarded ({comma})"
                );
                // Read with the other language's delimiter, no cell starts with `=`.
                let mut reader = csv::ReaderBuilder::new()
                    .delimiter(if comma { b',' } else { b';' })
                    .has_headers(false)
                    .flexible(true)
                    .from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
                for record in reader.records() {
                    let record = record.unwrap();
                    assert!(
                        record.iter().all(|cell| !cell.starts_with('=')),
                        "{record:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn markdown_text_renders_as_the_literal_text() {
        for (title, written) in [
            ("![i](http://host/p.png)", "!\\[i\\](http://host/p.png)"),
            ("[x](javascript:alert(1))", "\\[x\\](javascript:alert(1))"),
            (
                "*bold* _it_ `code` ~~gone~~",
                "\\*bold\\* \\_it\\_ \\`code\\` \\~\\~gone\\~\\~",
            ),
            ("<b>x</b> & y", "&lt;b&gt;x&lt;/b&gt; &amp; y"),
            ("a | b \\ c", "a \\| b \\\\ c"),
            ("<http://auto.link>", "&lt;http://auto.link&gt;"),
        ] {
            let mut scenario = demo();
            std::rc::Rc::make_mut(&mut scenario.options[1]).title = title.into();
            scenario.name = title.into();
            let md = ranking_markdown(&scenario, &EN);
            let lines: Vec<&str> = md.lines().collect();
            assert_eq!(lines[0], format!("## {written}"));
            assert!(
                lines[8].starts_with(&format!("| 1 | {written} | 70.2 |")),
                "{}",
                lines[8]
            );
            // The need and the root cause are user text too.
            scenario.need = title.into();
            let md = ranking_markdown(&scenario, &EN);
            assert!(md.contains(&format!("- **Customer need:** {written}\n")));
        }
    }
}
